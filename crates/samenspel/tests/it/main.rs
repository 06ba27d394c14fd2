//! The integration suite: one test binary. Every test runs against SQLite
//! and — when `SAMENSPEL_TEST_POSTGRES` holds a server URL — against
//! PostgreSQL too, each in its own database file or schema, in parallel.
//! Without that variable the PostgreSQL variants are reported as ignored;
//! CI sets it, and then an unreachable server fails the tests loudly.

#![expect(clippy::disallowed_methods, reason = "tests set up and check data directly, as an operator")]

mod support;

mod about;
mod agenda;
mod agenda_api;
mod agenda_reach;
mod agenda_roles;
mod agreements;
mod api;
mod audit;
mod auth;
mod binary;
mod checkins;
mod circles;
mod consent;
mod conversations;
mod fhir;
mod generate;
mod help;
mod help_api;
mod hostile_input;
mod inbox;
mod instances;
mod invitations;
mod knowledge;
mod location_agenda;
mod logbook;
mod mail;
mod matrix;
mod monitor;
mod network;
mod new_for_you;
mod ops;
mod organisation_policy;
mod passkeys;
mod pool;
mod practice;
mod privacy;
mod push;
mod push_service;
mod randomized;
mod schema;
mod second_factor;
mod social_map;
mod sso;
mod statements;
mod store;
mod under_load;
mod unsubscribe;
mod upgrade;

use libtest_mimic::{Arguments, Trial};
use support::Engine;

fn main() {
    let args = Arguments::from_args();
    let postgres = std::env::var("SAMENSPEL_TEST_POSTGRES").ok().filter(|v| !v.is_empty());
    let mut trials = Vec::new();
    for (name, test) in all_tests() {
        for engine in [Engine::Sqlite, Engine::Postgres] {
            let ignored = engine == Engine::Postgres && postgres.is_none();
            let trial_name = format!("{}::{name}", engine.name());
            trials.push(Trial::test(trial_name, move || support::run(engine, test)).with_ignored_flag(ignored));
        }
    }
    // Restarts a PostgreSQL cluster of its own (see `under_load::restart_cluster`);
    // named apart so the `postgres::` run of the suite does not count it.
    let restart = under_load::restart_cluster().is_none() || postgres.is_none();
    let test: support::TestFn = |db| Box::pin(under_load::postgres_restart_under_load(db));
    trials.push(
        Trial::test("pg-restart::under_load::postgres_restart_under_load", move || {
            support::run(Engine::Postgres, test)
        })
        .with_ignored_flag(restart),
    );
    libtest_mimic::run(&args, trials).exit();
}

/// Every test, by module. A test is an `async fn(TestDb)`.
fn all_tests() -> Vec<(&'static str, support::TestFn)> {
    support::tests![
        schema::schemas_match_across_engines,
        push::a_concern_reaches_a_subscribed_member_as_a_push_without_client_data,
        push::no_push_for_what_a_member_may_not_see_while_off_or_during_quiet_hours,
        push::a_device_the_push_service_forgot_is_removed,
        push::subscriptions_are_checked_and_kept_per_person,
        push::the_app_installs_and_works_offline,
        privacy::a_member_downloads_what_they_wrote_and_nothing_else,
        privacy::deleting_an_account_keeps_what_was_written_under_a_former_member,
        privacy::a_deleted_account_is_gone_from_the_next_backup,
        organisation_policy::an_archived_circle_is_deleted_after_the_retention_period,
        organisation_policy::every_table_is_purged_or_kept_on_purpose,
        organisation_policy::an_organisation_requires_a_second_factor_of_family_too,
        organisation_policy::a_failed_email_is_forgotten_after_thirty_days,
        inbox::a_coach_sees_what_needs_a_person_takes_it_on_and_marks_it_done,
        social_map::the_social_map_is_found_kept_and_suggested,
        practice::coaches_share_practice_examples_and_find_them_by_topic,
        pool::a_pool_volunteer_is_found_asked_and_placed_in_a_circle,
        knowledge::the_faq_keeps_its_versions_and_the_quiz_only_counts,
        knowledge::a_placemat_is_printed_per_location_and_a_welcome_card_invites,
        pool::expense_claims_are_decided_never_by_their_claimant_and_exported,
        pool::a_lapsing_vog_is_warned_about_once_and_the_rules_are_the_managers,
        monitor::the_monitor_equals_hand_counts_on_the_demo_data,
        monitor::a_coach_sees_their_own_location_and_nothing_of_another,
        monitor::small_numbers_are_never_shown_exactly,
        monitor::a_large_organisation_is_counted_at_most_every_few_minutes,
        store::migrations_run_twice,
        store::user_emails_are_unique,
        store::sign_in_links_work_once_and_expire,
        store::sessions_expire_and_revoke,
        store::temporary_membership_ends_on_its_date,
        store::removal_ends_access_at_once,
        store::a_circle_keeps_a_manager,
        store::only_the_client_side_changes_client_memberships,
        store::invitations_are_accepted_once,
        store::idempotent_circle_creation,
        store::job_leases_and_retries,
        store::concurrent_workers_never_share_a_job,
        audit::chain_verifies_and_detects_tampering,
        audit::audit_log_is_append_only,
        audit::concurrent_requests_share_commits_and_keep_the_chain,
        audit::every_circle_read_is_recorded,
        audit::client_and_representative_see_who_looked,
        audit::the_trail_is_newest_first_by_time_even_when_written_late,
        audit::the_client_filters_the_trail_and_downloads_it,
        passkeys::a_passkey_is_added_named_and_listed_with_recovery_codes_the_first_time,
        passkeys::signing_in_with_a_passkey_alone_is_both_factors,
        passkeys::a_passkey_signs_in_only_its_own_account,
        passkeys::a_passkey_is_the_second_step_for_staff,
        passkeys::step_up_takes_a_passkey,
        passkeys::the_last_required_passkey_stays_and_an_administrator_resets_them,
        passkeys::staff_with_a_passkey_may_turn_the_app_off,
        second_factor::setting_up_shows_a_qr_code_and_the_recovery_codes_once,
        second_factor::signing_in_asks_for_the_code_and_a_wrong_code_does_not_sign_in,
        second_factor::five_wrong_codes_lock_out_even_the_right_code,
        second_factor::a_recovery_code_works_once,
        second_factor::a_remembered_device_skips_the_code_until_the_password_changes,
        second_factor::staff_without_a_factor_stay_on_the_set_up_page_and_family_sign_in_by_link,
        second_factor::the_audit_trail_asks_for_a_code_older_than_fifteen_minutes,
        second_factor::an_operator_resets_a_lost_factor_and_it_is_audited,
        auth::sign_in_by_email_link,
        auth::sign_in_link_request_does_not_reveal_accounts,
        auth::password_sign_in_and_rate_limit,
        auth::forms_need_a_valid_csrf_token,
        auth::sessions_can_be_seen_and_revoked,
        auth::language_follows_choice_and_browser,
        auth::api_tokens_authenticate_and_revoke,
        circles::start_a_circle_and_find_it,
        circles::retried_form_post_creates_one_circle,
        circles::removal_takes_effect_in_open_sessions,
        circles::archived_circles_are_read_only_and_hidden,
        circles::contact_details_follow_the_members_choice,
        circles::bad_input_keeps_the_form,
        circles::a_circle_has_one_client,
        circles::the_client_reads_je_kring,
        invitations::invite_by_email_and_join,
        invitations::invite_by_link_with_another_address,
        invitations::forwarded_invitation_never_signs_in_an_existing_account,
        invitations::revoked_and_used_invitations_do_not_work,
        invitations::client_side_roles_stay_with_the_client,
        invitations::joining_is_recorded_under_the_newcomers_name,
        agreements::who_does_what_by_domain_and_step,
        agreements::family_carers_change_professional_agreements_only_when_the_circle_allows,
        agreements::agreements_due_for_review_show_on_the_overview,
        agreements::a_move_to_a_care_home_marks_agreements_and_tells_those_involved,
        checkins::only_the_carer_sees_the_check_in,
        checkins::a_volunteer_check_in_reaches_only_the_coordinators_once_shared,
        checkins::reminders_come_on_the_carers_rhythm_without_a_score,
        about::dit_ben_ik_keeps_every_version_and_its_audience,
        about::empathy_maps_and_goals_follow_their_audience,
        about::a_thank_you_card_reaches_its_recipient,
        about::an_intake_starts_dit_ben_ik_and_leaves_written_parts_alone,
        agenda::a_volunteer_signs_up_and_the_gap_closes,
        agenda::the_calendar_feed_parses_keeps_its_uids_and_the_local_hour,
        agenda::a_professionals_only_appointment_never_reaches_a_volunteer,
        agenda::bad_agenda_input_is_named_and_kept,
        agenda::a_reminder_the_day_before_and_cover_asked_in_turn,
        agenda_reach::a_past_appointment_moved_into_the_coming_weeks_shows_there,
        agenda_roles::the_client_is_offered_no_shift_actions,
        location_agenda::members_of_the_locations_circles_join_an_open_meeting,
        help::a_request_on_someones_behalf_lands_in_the_helpers_agenda,
        help::a_professionals_only_request_reaches_only_professionals,
        help_api::a_request_on_someones_behalf_lands_in_the_helpers_agenda,
        help_api::a_professionals_only_request_does_not_exist_for_a_volunteer,
        conversations::a_family_start_conversation_becomes_agreements,
        conversations::only_those_who_took_part_read_a_private_conversation,
        conversations::an_intake_for_those_who_took_part_follows_one_rule,
        conversations::a_collaboration_profile_is_private_until_shared,
        conversations::sofa_roles_are_marked_by_the_carer_and_professionals,
        network::a_professional_maps_the_network,
        network::bad_placements_are_refused_and_keep_what_was_saved,
        network::only_the_circle_sees_the_map_and_volunteers_do_not_redraw_it,
        network::a_contact_invited_from_the_map_takes_their_place,
        logbook::audiences_hold_in_lists_search_counts_files_and_api,
        logbook::chosen_audience_is_exactly_the_chosen,
        logbook::photos_lose_their_location_and_fake_photos_are_refused,
        logbook::seen_by_and_unread,
        new_for_you::unread_counts_what_the_reader_has_not_seen,
        new_for_you::new_for_you_reads_only_the_readers_own_rows,
        statements::hot_pages_cost_the_same_statements_whatever_the_history,
        logbook::many_readers_at_once_all_get_their_page,
        logbook::open_items_stay_open_until_answered_or_closed,
        logbook::edits_keep_history_and_removal_leaves_a_tombstone,
        logbook::replies_and_reactions,
        logbook::search_finds_words_as_the_engine_understands_them,
        logbook::keyset_pages_cover_everything_once,
        logbook::entries_are_created_once_on_a_retried_post,
        logbook::concerns_are_mailed_at_once_to_their_audience,
        logbook::quiet_hours_hold_mail_back,
        logbook::summaries_hold_only_what_the_reader_may_see,
        logbook::photos_and_text_from_a_removed_member_stay_private,
        mail::smtp_delivery_once_with_retries,
        mail::mail_text_respects_the_recipient_language_and_hides_the_client_in_the_subject,
        unsubscribe::every_mail_kind_stops_signed_out,
        matrix::every_route_for_every_role,
        matrix::who_asks_is_decided_before_the_input,
        agenda_api::the_last_place_goes_to_exactly_one,
        agenda_api::a_professionals_only_appointment_never_reaches_a_volunteer,
        agenda_api::a_swap_ends_with_the_right_person,
        agenda_api::giving_back_reopens_the_place_and_tells_the_planner,
        agenda_api::bad_input_names_its_fields,
        agenda_api::a_moved_evening_can_still_be_taken,
        agenda_api::items_from_year_one_are_refused_and_old_ones_read_quickly,
        randomized::no_read_crosses_a_circle,
        consent::a_hidden_category_reaches_no_surface,
        consent::only_the_client_side_decides_and_every_change_is_audited,
        fhir::each_exporter_gets_what_they_may_see,
        sso::a_sign_in_on_its_way_is_taken_back_once_by_its_browser,
        sso::sign_on_finds_the_account_by_a_verified_address_and_never_makes_one,
        hostile_input::redirects_stay_on_the_site,
        hostile_input::nul_characters_are_refused_alike,
        hostile_input::a_reused_idempotency_key_needs_the_same_body,
        hostile_input::images_too_large_to_decode_are_refused_by_their_header,
        hostile_input::uploads_are_checked_before_they_are_read,
        hostile_input::measure_hostile_uploads,
        api::api_flow_and_error_format,
        api::openapi_document_lists_every_route,
        api::openapi_document_is_valid_and_tells_the_contract,
        api::questionnaires_are_listed_with_source_and_licence,
        ops::health_readiness_metrics,
        ops::metrics_need_their_token,
        ops::api_answers_are_not_stored,
        ops::security_headers,
        binary::serve_and_shut_down_gracefully,
        binary::acknowledged_writes_survive_a_crash,
        binary::admin_commands,
        generate::generate_makes_an_organisation_people_can_use,
        instances::rate_limits_count_every_attempt_once,
        instances::two_instances_behind_one_address_share_sessions_limits_and_mail,
        binary::wrong_settings_stop_start_up,
        binary::backup_and_restore,
        binary::audit_verify_command,
        upgrade::every_earlier_schema_upgrades_with_nothing_lost,
        upgrade::instances_starting_together_migrate_once,
        under_load::audit_verify_reads_one_snapshot_while_requests_append,
        under_load::acknowledged_writes_survive_kill_9_at_random_moments,
    ]
}
