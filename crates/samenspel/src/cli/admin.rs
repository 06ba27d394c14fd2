//! `samenspel admin …`: operator tasks. These act outside any request, so
//! they use the store's `internal_` functions; each is a deliberate act of
//! the person at the console.

use super::DataArgs;
use super::serve::open_store;
use crate::app::AppState;
use crate::config::Config;
use crate::crypto;
use anyhow::{Context, bail};
use clap::Subcommand;
use samenspel_core::Timestamp;
use samenspel_core::ids::{LocationId, OrganisationId};
use samenspel_core::locale::Locale;
use samenspel_core::role::{LocationRole, OrgRole};
use samenspel_core::validate;
use std::process::ExitCode;

#[derive(Subcommand, Debug)]
pub enum AdminCommand {
    /// Create an organisation; prints its id as the last line.
    CreateOrg {
        #[arg(long)]
        name: String,
        #[command(flatten)]
        data: DataArgs,
    },
    /// Add a location or team to an organisation; prints its id as the last line.
    CreateLocation {
        /// The organisation's id.
        #[arg(long)]
        org: String,
        #[arg(long)]
        name: String,
        #[command(flatten)]
        data: DataArgs,
    },
    /// Make someone an administrator (beheerder) of an organisation,
    /// creating their account when needed.
    CreateAdmin {
        #[command(flatten)]
        staff: StaffArgs,
        #[command(flatten)]
        data: DataArgs,
    },
    /// Make someone a coordinator of an organisation (may start circles for it).
    AddCoordinator {
        #[command(flatten)]
        staff: StaffArgs,
        #[command(flatten)]
        data: DataArgs,
    },
    /// Put someone on one location's own staff, creating their account when
    /// needed: a coach informele zorg (coordinator: the location's monitor
    /// and agenda) or a location manager (the location's monitor). They see
    /// nothing of the organisation's other locations.
    AddLocationStaff {
        /// The location's id.
        #[arg(long)]
        location: String,
        #[arg(long)]
        email: String,
        /// Their name (for a new account).
        #[arg(long)]
        name: Option<String>,
        /// coordinator or manager.
        #[arg(long, default_value = "coordinator")]
        role: String,
        #[command(flatten)]
        data: DataArgs,
    },
    /// Show or change what an organisation decided for all its circles:
    /// a second factor for everyone, and how long an archived circle is kept
    /// before the retention job deletes it with everything in it. Audited.
    OrgSettings {
        /// The organisation's id.
        #[arg(long)]
        org: String,
        /// Everyone in the organisation's circles signs in with a second factor.
        #[arg(long)]
        require_second_factor: Option<bool>,
        /// Delete an archived circle this many days after it was archived (1 to 36500).
        #[arg(long, conflicts_with = "keep_archived")]
        retention_days: Option<u32>,
        /// Keep archived circles until someone deletes them (the default).
        #[arg(long)]
        keep_archived: bool,
        #[command(flatten)]
        data: DataArgs,
    },
    /// List organisations.
    ListOrgs {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        data: DataArgs,
    },
    /// List all accounts.
    ListUsers {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        data: DataArgs,
    },
    /// Print a one-time sign-in link for an account (last line: the URL).
    SignInLink {
        #[arg(long)]
        email: String,
        /// How long the link stays valid, in minutes.
        #[arg(long, default_value_t = 60)]
        minutes: i64,
        #[command(flatten)]
        data: DataArgs,
    },
    /// Turn off someone's second factor when they lost it (phone and recovery
    /// codes): also forgets their remembered devices and signs them out
    /// everywhere. They set up a new one when they next sign in. Audited.
    SecondFactorReset {
        #[arg(long)]
        email: String,
        #[command(flatten)]
        data: DataArgs,
    },
    /// Make an organisation at scale to measure with (issue 16): circles with
    /// their members, years of logbook, agenda, rota and help requests.
    /// Defaults: 2,000 circles of 30 people and 10 million entries over five years.
    Generate {
        #[command(flatten)]
        scale: super::generate::ScaleArgs,
        #[command(flatten)]
        data: DataArgs,
    },
    /// Create a personal API token for an account (last line: the token).
    Token {
        #[arg(long)]
        email: String,
        /// A name to recognise the token by.
        #[arg(long, default_value = "admin")]
        name: String,
        #[command(flatten)]
        data: DataArgs,
    },
}

impl AdminCommand {
    pub fn data(&self) -> &DataArgs {
        match self {
            AdminCommand::CreateOrg { data, .. }
            | AdminCommand::CreateLocation { data, .. }
            | AdminCommand::CreateAdmin { data, .. }
            | AdminCommand::AddCoordinator { data, .. }
            | AdminCommand::AddLocationStaff { data, .. }
            | AdminCommand::ListOrgs { data, .. }
            | AdminCommand::ListUsers { data, .. }
            | AdminCommand::SignInLink { data, .. }
            | AdminCommand::SecondFactorReset { data, .. }
            | AdminCommand::OrgSettings { data, .. }
            | AdminCommand::Generate { data, .. }
            | AdminCommand::Token { data, .. } => data,
        }
    }
}

pub async fn run(mut config: Config, cmd: AdminCommand) -> anyhow::Result<ExitCode> {
    let store = open_store(&config).await?;
    crate::config::share_secret(&mut config, &store).await?;
    let now = Timestamp::now();
    let result = async {
        match cmd {
            AdminCommand::CreateOrg { name, .. } => {
                let name = validate::name("name", &name).map_err(|e| anyhow::anyhow!("--name: {}", e.code))?;
                let id = store.internal().create_organisation(&name, now).await?;
                say!("created organisation {name}");
                say!("{id}");
            }
            AdminCommand::CreateLocation { org, name, .. } => {
                let org = org_id(&store, &org).await?;
                let name = validate::name("name", &name).map_err(|e| anyhow::anyhow!("--name: {}", e.code))?;
                let id = store.internal().create_location(&org, &name, now).await?;
                say!("created location {name}");
                say!("{id}");
            }
            AdminCommand::CreateAdmin { staff, .. } => add_staff(&store, staff, OrgRole::Admin, now).await?,
            AdminCommand::AddCoordinator { staff, .. } => add_staff(&store, staff, OrgRole::Coordinator, now).await?,
            AdminCommand::AddLocationStaff { location, email, name, role, .. } => {
                let role = LocationRole::parse(&role).context("--role is coordinator or manager")?;
                let location = LocationId::parse(&location).context("--location is a location's id")?;
                let user = account(&store, &email, name, now).await?;
                store.internal().add_location_staff(&location, &user, role, now).await.map_err(|e| match e {
                    samenspel_core::Error::NotFound => anyhow::anyhow!("no location {location}"),
                    e => e.into(),
                })?;
                say!("{email} is now {} of the location", role.as_str());
                say!("{user}");
            }
            AdminCommand::OrgSettings { org, require_second_factor, retention_days, keep_archived, .. } => {
                let org = org_id(&store, &org).await?;
                let mut policy = organisation(&store, &org).await?.policy;
                let changed = require_second_factor.is_some() || retention_days.is_some() || keep_archived;
                if let Some(on) = require_second_factor {
                    policy.require_second_factor = on;
                }
                if let Some(days) = retention_days {
                    if !(1..=36_500).contains(&days) {
                        bail!("--retention-days must be from 1 to 36500");
                    }
                    policy.retention_days = Some(days);
                }
                if keep_archived {
                    policy.retention_days = None;
                }
                if changed {
                    let source = samenspel_core::audit::Source::system("samenspel admin org-settings");
                    store.internal().set_organisation_policy(&org, policy, &source, now).await?;
                }
                say!("second factor for everyone: {}", if policy.require_second_factor { "yes" } else { "no" });
                match policy.retention_days {
                    Some(days) => say!("archived circles are deleted {days} days after archiving"),
                    None => say!("archived circles are kept"),
                }
            }
            AdminCommand::ListOrgs { json, .. } => {
                let orgs = store.internal().list_organisations().await?;
                if json {
                    say!("{}", serde_json::to_string_pretty(&orgs)?);
                } else {
                    for o in orgs {
                        let factor = if o.policy.require_second_factor { "second factor for everyone" } else { "" };
                        let kept = o.policy.retention_days.map(|d| format!("archived circles kept {d} days"));
                        let policy = [factor, kept.as_deref().unwrap_or("")].into_iter().filter(|p| !p.is_empty());
                        say!("{}  {}  {}", o.id, o.name, policy.collect::<Vec<_>>().join(", "));
                    }
                }
            }
            AdminCommand::ListUsers { json, .. } => {
                let users = store.internal().list_users().await?;
                if json {
                    say!("{}", serde_json::to_string_pretty(&users)?);
                } else {
                    say!("{:<38} {:<32} {:<28} STATUS", "ID", "E-MAIL", "NAME");
                    for u in users {
                        let status = if u.disabled { "disabled" } else { "active" };
                        say!("{:<38} {:<32} {:<28} {status}", u.id, u.email, u.display_name);
                    }
                }
            }
            AdminCommand::SignInLink { email, minutes, .. } => {
                if !(1..=7 * 24 * 60).contains(&minutes) {
                    bail!("--minutes must be from 1 to 10080 (a week)");
                }
                let user = find_user(&store, &email).await?;
                // The address the server runs at, also when `serve --bind` chose it.
                let config = Config { public_url: config.printed_link_base(), ..config.clone() };
                let (state, background) = AppState::new(config, store.clone())?;
                let link = crate::cli::issue_sign_in_link(&state, &user, jiff::SignedDuration::from_mins(minutes), now)
                    .await?;
                drop(state);
                let _ = background.audit.await;
                say!("one-time sign-in link, valid for {minutes} minutes:");
                say!("{link}");
            }
            AdminCommand::SecondFactorReset { email, .. } => {
                let user = find_user(&store, &email).await?;
                let (state, background) = AppState::new(config.clone(), store.clone())?;
                let source = samenspel_core::audit::Source::system("samenspel admin second-factor-reset");
                let had = crate::service::second_factor::internal_reset(&state, &user, &source, now).await?;
                // The audit record is written by the audit task: wait for it.
                drop(state);
                let _ = background.audit.await;
                if had {
                    say!("second factor of {email} turned off; remembered devices forgotten, sessions ended");
                } else {
                    say!("{email} had no second factor; remembered devices forgotten, sessions ended");
                }
            }
            AdminCommand::Generate { scale, .. } => super::generate::run(&store, &scale, now).await?,
            AdminCommand::Token { email, name, .. } => {
                let user = find_user(&store, &email).await?;
                let user = store.internal().act_as(&user, "samenspel admin token").await?;
                let (token, shown) = crypto::new_api_token();
                store.create_my_api_token(&user, &name, &crypto::token_hash(&token), &shown, now).await?;
                say!("personal API token for {email} (shown once):");
                say!("{token}");
            }
        }
        anyhow::Ok(())
    }
    .await;
    store.close().await;
    result.map(|()| ExitCode::SUCCESS)
}

async fn org_id(store: &samenspel_store::Store, raw: &str) -> anyhow::Result<OrganisationId> {
    let id = OrganisationId::parse(raw).context("--org must be an organisation id (see `admin list-orgs`)")?;
    organisation(store, &id).await?;
    Ok(id)
}

async fn organisation(
    store: &samenspel_store::Store,
    id: &OrganisationId,
) -> anyhow::Result<samenspel_core::organisation::Organisation> {
    store
        .internal()
        .list_organisations()
        .await?
        .into_iter()
        .find(|o| o.id == *id)
        .with_context(|| format!("no organisation with id {id} (see `admin list-orgs`)"))
}

async fn find_user(store: &samenspel_store::Store, email: &str) -> anyhow::Result<samenspel_core::ids::UserId> {
    let email = validate::email("email", email).map_err(|e| anyhow::anyhow!("--email: {}", e.code))?;
    Ok(store
        .internal()
        .find_user_for_sign_in(&email)
        .await?
        .with_context(|| format!("no account with e-mail address {email}"))?
        .id)
}

/// Who is to work for an organisation: an administrator or a coordinator.
#[derive(clap::Args, Debug, Clone)]
pub struct StaffArgs {
    #[arg(long)]
    org: String,
    #[arg(long)]
    email: String,
    /// Their name (for a new account).
    #[arg(long)]
    name: Option<String>,
}

/// The account with this e-mail address, created with `name` when there is none.
async fn account(
    store: &samenspel_store::Store,
    email: &str,
    name: Option<String>,
    now: Timestamp,
) -> anyhow::Result<samenspel_core::ids::UserId> {
    let email = validate::email("email", email).map_err(|e| anyhow::anyhow!("--email: {}", e.code))?;
    Ok(match store.internal().find_user_for_sign_in(&email).await? {
        Some(u) => u.id,
        None => {
            let name = name.context("--name is needed to create a new account")?;
            let name = validate::name("name", &name).map_err(|e| anyhow::anyhow!("--name: {}", e.code))?;
            store.internal().create_user(&email, &name, None, Locale::Nl, true, now).await?
        }
    })
}

async fn add_staff(
    store: &samenspel_store::Store,
    staff: StaffArgs,
    role: OrgRole,
    now: Timestamp,
) -> anyhow::Result<()> {
    let StaffArgs { org, email, name } = staff;
    let org = org_id(store, &org).await?;
    let user = account(store, &email, name, now).await?;
    store.internal().add_staff(&org, &user, role, now).await?;
    say!("{email} is now {} of the organisation", role.as_str());
    say!("{user}");
    Ok(())
}
