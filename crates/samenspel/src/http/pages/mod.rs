//! Server-rendered pages. Every page works without JavaScript; forms carry a
//! CSRF token; errors become pages in the visitor's language.

mod about;
mod account;
mod agenda;
mod agreements;
mod audit;
mod changes;
mod checkin;
mod circle_nav;
mod circle_page;
mod circles;
mod consent;
mod conversations;
mod fhir;
mod forms;
mod frame;
mod glossary;
mod help;
mod inbox;
mod invitations;
mod knowledge;
mod location_agenda;
mod location_page;
mod logbook;
mod members;
mod monitor;
mod network;
mod notifications;
mod offline;
mod pool;
mod practice;
mod privacy;
mod profile;
mod second_factor;
mod sign_in;
mod social_map;
mod sso;
mod user_page;
mod volunteer;

pub use super::errors::PageResult;
pub use super::uploads::UploadForm;
pub use circle_nav::CircleNav;

/// The glossary's terms (for the catalogs' tests).
pub fn glossary_terms() -> &'static [&'static str] {
    &glossary::TERMS
}
pub use circle_page::{CirclePage, CirclePath, Detail, Object};
pub use forms::{AudienceChoice, Empty, Errors, Form, answers, form_errors, path_id, save_form};
pub use frame::{Chrome, Done, render, render_with, see_other, urlencode};
pub use location_page::LocationPage;
pub use second_factor::SteppedUp;
pub use user_page::UserPage;

use super::errors::PageError;
use super::routes::{Access, RouteSpec};
use crate::app::AppState;
use axum::Router;
use axum::handler::Handler;
use axum::http::Method;
use axum::routing::{get, post};
use frame::visitor_layer;
use samenspel_core::Error;
use samenspel_core::access::CircleAction as A;

/// Builds the pages router and records what every route requires.
struct Pages {
    router: Router<AppState>,
    specs: Vec<RouteSpec>,
}

impl Pages {
    fn get<H: Handler<T, AppState>, T: 'static>(mut self, path: &'static str, access: Access, h: H) -> Self {
        self.router = self.router.route(path, get(h));
        self.specs.push(RouteSpec { method: Method::GET, path, access });
        self
    }

    fn post<H: Handler<T, AppState>, T: 'static>(mut self, path: &'static str, access: Access, h: H) -> Self {
        self.router = self.router.route(path, post(h));
        self.specs.push(RouteSpec { method: Method::POST, path, access });
        self
    }

    /// A form that may carry photos: a larger body limit for this route only.
    fn post_upload<H: Handler<T, AppState>, T: 'static>(mut self, path: &'static str, access: Access, h: H) -> Self {
        self.router = self.router.route(path, post(h).layer(axum::extract::DefaultBodyLimit::max(UPLOAD_BODY)));
        self.specs.push(RouteSpec { method: Method::POST, path, access });
        self
    }
}

/// The largest form with photos: six files of at most 12 MB, and the text.
pub const UPLOAD_BODY: usize = 6 * crate::uploads::MAX_FILE_BYTES + 256 * 1024;

/// The page routes, and the list of them with their access requirements.
pub fn router(state: AppState) -> (Router<AppState>, Vec<RouteSpec>) {
    use Access::*;
    use samenspel_core::access::OrgAction as O;
    use samenspel_core::access::location::LocationAction as L;
    let p = Pages { router: Router::new(), specs: Vec::new() }
        .get("/", Public, sign_in::home)
        .get("/sign-in", Public, sign_in::page)
        .post("/sign-in/password", Public, sign_in::with_password)
        .post("/sign-in/link", Public, sign_in::request_link)
        .get("/sign-in/link/{token}", Token, sign_in::confirm_link)
        .post("/sign-in/link/{token}", Token, sign_in::use_link)
        .get("/sign-in/sso", Public, sso::start)
        .get("/sign-in/sso/callback", Public, sso::callback)
        .post("/sign-out", SignedIn, sign_in::sign_out)
        .post("/language", Public, sign_in::set_language)
        .get("/words", Public, glossary::show)
        .get("/circles", SignedIn, circles::list)
        .get("/circles/new", SignedIn, circles::new_form)
        .post("/circles", SignedIn, circles::start)
        .get("/circles/{circle}", Circle(A::ReadLogbook), logbook::overview)
        .get("/circles/{circle}/members", Circle(A::ViewMembers), circles::show)
        .get("/circles/{circle}/logbook", Circle(A::ReadLogbook), logbook::timeline)
        .get("/circles/{circle}/logbook/new", Circle(A::WriteLogbook), logbook::new_form)
        .post_upload("/circles/{circle}/logbook", Circle(A::WriteLogbook), logbook::write)
        .get("/circles/{circle}/logbook/{entry}", Circle(A::ReadLogbook), logbook::show)
        .get("/circles/{circle}/logbook/{entry}/history", Circle(A::ReadLogbook), logbook::history)
        .get("/circles/{circle}/logbook/{entry}/edit", CircleObject(A::WriteLogbook), logbook::edit_form)
        .post("/circles/{circle}/logbook/{entry}/edit", CircleObject(A::WriteLogbook), logbook::edit)
        .post("/circles/{circle}/logbook/{entry}/delete", CircleObject(A::WriteLogbook), logbook::delete)
        .post("/circles/{circle}/logbook/{entry}/close", CircleObject(A::WriteLogbook), logbook::close)
        .post("/circles/{circle}/logbook/{entry}/replies", Circle(A::WriteLogbook), logbook::reply)
        .post(
            "/circles/{circle}/logbook/{entry}/replies/{reply}/delete",
            CircleObject(A::WriteLogbook),
            logbook::delete_reply,
        )
        .post("/circles/{circle}/logbook/{entry}/react", Circle(A::WriteLogbook), logbook::react)
        .get("/circles/{circle}/logbook/{entry}/files/{attachment}", Circle(A::ReadLogbook), logbook::file)
        .get("/circles/{circle}/agreements", Circle(A::ViewAgreements), agreements::list)
        .get("/circles/{circle}/agreements/new", Circle(A::WriteAgreements), agreements::new_form)
        .post("/circles/{circle}/agreements", Circle(A::WriteAgreements), agreements::add)
        .post("/circles/{circle}/agreements/settings", Circle(A::EditCircle), agreements::set_policy)
        .get("/circles/{circle}/agreements/{agreement}", CircleObject(A::WriteAgreements), agreements::edit_form)
        .post("/circles/{circle}/agreements/{agreement}", CircleObject(A::WriteAgreements), agreements::change)
        .post("/circles/{circle}/agreements/{agreement}/end", CircleObject(A::WriteAgreements), agreements::end)
        .get("/circles/{circle}/changes/new", Circle(A::WriteAgreements), changes::new_form)
        .post("/circles/{circle}/changes", Circle(A::WriteAgreements), changes::record)
        .post("/circles/{circle}/changes/{change}/close", Circle(A::WriteAgreements), changes::close)
        .get("/circles/{circle}/conversations", Circle(A::ViewConversations), conversations::list)
        .get("/circles/{circle}/conversations/new", Circle(A::HoldConversations), conversations::new_form)
        .post("/circles/{circle}/conversations", Circle(A::HoldConversations), conversations::hold)
        .get("/circles/{circle}/conversations/{conversation}", Circle(A::ViewConversations), conversations::show)
        .get(
            "/circles/{circle}/conversations/{conversation}/edit",
            CircleObject(A::HoldConversations),
            conversations::edit_form,
        )
        .post(
            "/circles/{circle}/conversations/{conversation}",
            CircleObject(A::HoldConversations),
            conversations::change,
        )
        .post(
            "/circles/{circle}/conversations/{conversation}/remove",
            CircleObject(A::HoldConversations),
            conversations::remove,
        )
        .get("/circles/{circle}/about", Circle(A::ViewAboutClient), about::show)
        .get("/circles/{circle}/about/parts/{part}", Circle(A::WriteAboutClient), about::part_form)
        .post("/circles/{circle}/about/parts/{part}", Circle(A::WriteAboutClient), about::save_part)
        .get("/circles/{circle}/about/empathy", Circle(A::ViewAboutClient), about::maps)
        .get("/circles/{circle}/about/empathy/new", Circle(A::WriteAboutClient), about::map_new)
        .post("/circles/{circle}/about/empathy", Circle(A::WriteAboutClient), about::map_save)
        .get("/circles/{circle}/about/empathy/{map}", CircleObject(A::WriteAboutClient), about::map_edit)
        .post("/circles/{circle}/about/empathy/{map}", CircleObject(A::WriteAboutClient), about::map_save)
        .post("/circles/{circle}/about/empathy/{map}/remove", CircleObject(A::WriteAboutClient), about::map_remove)
        .get("/circles/{circle}/agenda", Circle(A::ViewAgenda), agenda::show)
        .get("/circles/{circle}/agenda/new", Circle(A::PlanAgenda), agenda::new_form)
        .post("/circles/{circle}/agenda", Circle(A::PlanAgenda), agenda::save)
        .get("/circles/{circle}/agenda/hours", Circle(A::ViewAgenda), agenda::hours)
        .get("/circles/{circle}/agenda/{item}", Circle(A::ViewAgenda), agenda::item)
        .get("/circles/{circle}/agenda/{item}/edit", CircleObject(A::PlanAgenda), agenda::edit_form)
        .post("/circles/{circle}/agenda/{item}", CircleObject(A::PlanAgenda), agenda::save)
        .post("/circles/{circle}/agenda/{item}/remove", CircleObject(A::PlanAgenda), agenda::remove)
        .post("/circles/{circle}/agenda/{item}/{on}/cancel", CircleObject(A::PlanAgenda), agenda::cancel_occurrence)
        .post("/circles/{circle}/agenda/{item}/{on}/restore", CircleObject(A::PlanAgenda), agenda::restore_occurrence)
        .post("/circles/{circle}/agenda/{item}/{on}/move", CircleObject(A::PlanAgenda), agenda::move_occurrence)
        .post("/circles/{circle}/agenda/{item}/{on}/sign-up", CircleObject(A::TakeShifts), agenda::sign_up)
        .post("/circles/{circle}/agenda/{item}/{on}/give-back", CircleObject(A::TakeShifts), agenda::give_back)
        .post("/circles/{circle}/agenda/{item}/{on}/confirm", CircleObject(A::TakeShifts), agenda::confirm)
        .post("/circles/{circle}/agenda/{item}/{on}/find-cover", CircleObject(A::TakeShifts), agenda::find_cover)
        .post("/circles/{circle}/agenda/{item}/{on}/decline-cover", CircleObject(A::TakeShifts), agenda::decline_cover)
        .post("/circles/{circle}/agenda/{item}/{on}/swap", CircleObject(A::TakeShifts), agenda::propose_swap)
        .post("/circles/{circle}/swaps/{swap}/accept", Circle(A::TakeShifts), agenda::accept_swap)
        .post("/circles/{circle}/swaps/{swap}/decline", Circle(A::TakeShifts), agenda::decline_swap)
        .post("/circles/{circle}/swaps/{swap}/withdraw", Circle(A::TakeShifts), agenda::withdraw_swap)
        .get("/circles/{circle}/help", Circle(A::ViewAgenda), help::list)
        .get("/circles/{circle}/help/new", Circle(A::PlanAgenda), help::new_form)
        .post("/circles/{circle}/help", Circle(A::PlanAgenda), help::ask)
        .get("/circles/{circle}/help/{request}", Circle(A::ViewAgenda), help::show)
        .post("/circles/{circle}/help/{request}/respond", CircleObject(A::TakeShifts), help::respond)
        .post("/circles/{circle}/help/{request}/choose", CircleObject(A::PlanAgenda), help::choose)
        .post("/circles/{circle}/help/{request}/withdraw", CircleObject(A::PlanAgenda), help::withdraw)
        .get("/locations/{location}/agenda", Location(L::ViewLocationAgenda), location_agenda::show)
        .get("/locations/{location}/agenda/new", Location(L::PlanLocationAgenda), location_agenda::new_form)
        .post("/locations/{location}/agenda", Location(L::PlanLocationAgenda), location_agenda::add)
        .post("/locations/{location}/agenda/{item}/{on}/join", Location(L::JoinLocationAgenda), location_agenda::join)
        .post("/locations/{location}/agenda/{item}/{on}/leave", Location(L::JoinLocationAgenda), location_agenda::leave)
        .get("/inbox", SignedIn, inbox::show)
        .post("/circles/{circle}/inbox/claim", Circle(A::KeepInbox), inbox::claim)
        .post("/circles/{circle}/inbox/done", Circle(A::KeepInbox), inbox::done)
        .get("/organisations/{organisation}/social-map", Organisation(O::ViewSocialMap), social_map::show)
        .get("/organisations/{organisation}/social-map/new", Organisation(O::EditSocialMap), social_map::new_form)
        .post("/organisations/{organisation}/social-map", Organisation(O::EditSocialMap), social_map::add)
        .get(
            "/organisations/{organisation}/social-map/{initiative}",
            Organisation(O::EditSocialMap),
            social_map::edit_form,
        )
        .post(
            "/organisations/{organisation}/social-map/{initiative}",
            Organisation(O::EditSocialMap),
            social_map::change,
        )
        .post(
            "/organisations/{organisation}/social-map/{initiative}/remove",
            Organisation(O::EditSocialMap),
            social_map::remove,
        )
        .get("/organisations/{organisation}/practice", Organisation(O::SharePractice), practice::list)
        .get("/organisations/{organisation}/practice/new", Organisation(O::SharePractice), practice::new_form)
        .post("/organisations/{organisation}/practice", Organisation(O::SharePractice), practice::add)
        .get("/organisations/{organisation}/practice/{example}", Organisation(O::SharePractice), practice::edit_form)
        .post("/organisations/{organisation}/practice/{example}", Organisation(O::SharePractice), practice::change)
        .post(
            "/organisations/{organisation}/practice/{example}/remove",
            Organisation(O::SharePractice),
            practice::remove,
        )
        .get("/monitor", SignedIn, monitor::list)
        .get("/locations/{location}/monitor", Location(L::ViewLocationMonitor), monitor::location)
        .get("/locations/{location}/monitor.csv", Location(L::ViewLocationMonitor), monitor::location_csv)
        .get("/organisations/{organisation}/monitor", Organisation(O::ViewOrganisationMonitor), monitor::organisation)
        .get(
            "/organisations/{organisation}/monitor.csv",
            Organisation(O::ViewOrganisationMonitor),
            monitor::organisation_csv,
        )
        .get("/calendar/{token}", Token, account::calendar_feed)
        .post("/account/calendar", SignedIn, account::renew_calendar)
        .post("/account/calendar/revoke", SignedIn, account::revoke_calendar)
        .post("/account/push", SignedIn, account::add_device)
        .post("/account/push/{device}/remove", SignedIn, account::remove_device)
        .get("/offline", Public, offline::show)
        .get("/circles/{circle}/plan", Circle(A::ViewAboutClient), about::plan)
        .get("/circles/{circle}/plan/new", Circle(A::WriteAboutClient), about::goal_new)
        .post("/circles/{circle}/plan", Circle(A::WriteAboutClient), about::goal_save)
        .get("/circles/{circle}/plan/{goal}", CircleObject(A::WriteAboutClient), about::goal_edit)
        .post("/circles/{circle}/plan/{goal}", CircleObject(A::WriteAboutClient), about::goal_save)
        .post("/circles/{circle}/plan/{goal}/remove", CircleObject(A::WriteAboutClient), about::goal_remove)
        .get("/circles/{circle}/volunteer-check-in", Circle(A::VolunteerCheckIn), volunteer::show)
        .post("/circles/{circle}/volunteer-check-in", Circle(A::VolunteerCheckIn), volunteer::submit)
        .post(
            "/circles/{circle}/volunteer-check-in/{response}/share",
            CircleObject(A::VolunteerCheckIn),
            volunteer::share,
        )
        .get("/circles/{circle}/check-in", Circle(A::CarerCheckIn), checkin::show)
        .post("/circles/{circle}/check-in", Circle(A::CarerCheckIn), checkin::submit)
        .post("/circles/{circle}/check-in/signal", Circle(A::CarerCheckIn), checkin::share_signal)
        .post("/circles/{circle}/check-in/reminder", Circle(A::CarerCheckIn), checkin::set_reminder)
        .post("/circles/{circle}/check-in/signal/withdraw", Circle(A::CarerCheckIn), checkin::withdraw_signal)
        .get("/circles/{circle}/export", Circle(A::ExportRecord), fhir::show)
        .get("/circles/{circle}/export/fhir.json", Circle(A::ExportRecord), fhir::download)
        .get("/circles/{circle}/consent", Circle(A::ViewCircle), consent::show)
        .post("/circles/{circle}/consent", Circle(A::ManageConsent), consent::save)
        .get("/circles/{circle}/consent/as/{role}", CircleObject(A::ManageConsent), consent::view_as)
        .get("/circles/{circle}/profile", Circle(A::KeepOwnProfile), profile::show)
        .post("/circles/{circle}/profile", Circle(A::KeepOwnProfile), profile::save)
        .post("/circles/{circle}/profile/share", Circle(A::KeepOwnProfile), profile::share)
        .post("/circles/{circle}/profile/delete", Circle(A::KeepOwnProfile), profile::remove)
        .post(
            "/circles/{circle}/members/{member}/carer-roles",
            CircleObject(A::MarkCarerRoles),
            profile::set_carer_roles,
        )
        .get("/circles/{circle}/network", Circle(A::ViewNetwork), network::show)
        .get("/circles/{circle}/network/new", Circle(A::EditNetwork), network::new_form)
        .post("/circles/{circle}/network", Circle(A::EditNetwork), network::add)
        .get("/circles/{circle}/network/contacts/{contact}", Circle(A::EditNetwork), network::contact_form)
        .post("/circles/{circle}/network/contacts/{contact}", Circle(A::EditNetwork), network::change_contact)
        .post("/circles/{circle}/network/contacts/{contact}/delete", Circle(A::EditNetwork), network::remove_contact)
        .get("/circles/{circle}/network/members/{member}", Circle(A::EditNetwork), network::member_form)
        .post("/circles/{circle}/network/members/{member}", Circle(A::EditNetwork), network::place_member)
        .get("/circles/{circle}/notifications", Circle(A::ViewCircle), notifications::show)
        .post("/circles/{circle}/notifications", Circle(A::ViewCircle), notifications::save)
        .get("/notifications/{member}/{token}", Token, notifications::show_by_link)
        .post("/notifications/{member}/{token}", Token, notifications::save_by_link)
        .get("/notifications/{member}/{token}/off", Token, notifications::confirm_stop_by_link)
        .post("/notifications/{member}/{token}/off", Token, notifications::stop_by_link)
        .get("/notifications/{member}/{token}/off/{kind}", Token, notifications::confirm_stop_by_link)
        .post("/notifications/{member}/{token}/off/{kind}", Token, notifications::stop_by_link)
        .get("/circles/{circle}/settings", Circle(A::ViewCircle), circles::settings)
        .get("/circles/{circle}/more", Circle(A::ViewCircle), circle_nav::more)
        .post("/circles/{circle}/edit", Circle(A::EditCircle), circles::edit)
        .post("/circles/{circle}/archive", Circle(A::ArchiveCircle), circles::archive)
        .post("/circles/{circle}/restore", Circle(A::ArchiveCircle), circles::restore)
        .post("/circles/{circle}/leave", Circle(A::Leave), circles::leave)
        .post("/circles/{circle}/contact", Circle(A::ViewCircle), circles::contact_audience)
        .get("/circles/{circle}/members/{member}", Circle(A::ViewMembers), members::show)
        .post("/circles/{circle}/members/{member}", Circle(A::ManageMembers), members::change)
        .post("/circles/{circle}/members/{member}/remove", Circle(A::ManageMembers), members::remove)
        .get("/circles/{circle}/invitations", Circle(A::InviteMembers), invitations::list)
        .post("/circles/{circle}/invitations", Circle(A::InviteMembers), invitations::create)
        .post("/circles/{circle}/invitations/{invitation}/revoke", Circle(A::InviteMembers), invitations::revoke)
        .get("/circles/{circle}/audit", Circle(A::ViewAuditTrail), audit::show)
        .get("/circles/{circle}/audit/export", Circle(A::ViewAuditTrail), audit::export)
        .get("/invitations/{token}", Token, invitations::open)
        .post("/invitations/{token}/accept", Token, invitations::accept)
        .get("/account", SignedIn, account::show)
        .post("/account/name", SignedIn, account::set_name)
        .post("/account/password", SignedIn, account::set_password)
        .post("/account/sessions/{session}/revoke", SignedIn, account::revoke_session)
        .post("/account/sessions/revoke-others", SignedIn, account::revoke_other_sessions)
        .post("/account/tokens", SignedIn, account::create_token)
        .post("/account/tokens/{token_id}/revoke", SignedIn, account::revoke_token)
        .get("/account/privacy", SignedIn, privacy::show)
        .get("/account/privacy/export", SignedIn, privacy::export)
        .post("/account/privacy/delete", SignedIn, privacy::delete)
        .get("/account/deleted", Public, privacy::deleted);
    let p = second_factor::routes(p);
    let p = pool::routes(p);
    let p = knowledge::routes(p);
    // The gate runs after the visitor layer (which it needs) and before any handler reads the body.
    let table = super::gate::Table::new(&p.specs, "");
    let router = p
        .router
        .route_layer(axum::middleware::from_fn_with_state(super::uploads::Surface::Page, super::nul::body))
        .route_layer(axum::middleware::from_fn_with_state((state.clone(), table), super::gate::pages))
        .route_layer(axum::middleware::from_fn_with_state(super::uploads::Surface::Page, super::nul::target))
        .route_layer(axum::middleware::from_fn_with_state(state.clone(), second_factor::guard))
        .fallback(not_found)
        .layer(axum::middleware::from_fn_with_state(state, visitor_layer));
    (router, p.specs)
}

async fn not_found() -> PageError {
    PageError::Domain(Error::NotFound)
}
