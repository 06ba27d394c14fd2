//! The circle's navigation, from one list: the tabs on a wide screen, the
//! bar at the bottom of a phone (the four things people do most, and
//! "Meer"), and the "Meer" page that lists everything else with a line of
//! explanation. Each shows only what the visitor may open. No JavaScript:
//! which of the two shows is decided by the screen's width in CSS.

use super::{Chrome, CirclePage, render};
use crate::http::pages::PageResult;
use askama::Template;
use samenspel_core::access::CircleAction as A;
use samenspel_core::circle::Circle;
use samenspel_store::access::Place;

/// One part of a circle: its key (what `active` names), its path inside the
/// circle, what it takes to open, and its name and explanation (message keys).
pub struct Section {
    pub key: &'static str,
    pub path: &'static str,
    pub needs: A,
    pub label: &'static str,
    pub hint: &'static str,
}

const fn section(key: &'static str, path: &'static str, needs: A, label: &'static str, hint: &'static str) -> Section {
    Section { key, path, needs, label, hint }
}

/// The tabs, in their order.
const TABS: [Section; 10] = [
    section("overview", "", A::ReadLogbook, "tab-overview", "more-overview-hint"),
    section("about", "/about", A::ViewAboutClient, "tab-about", "more-about-hint"),
    section("agenda", "/agenda", A::ViewAgenda, "tab-agenda", "more-agenda-hint"),
    section("logbook", "/logbook", A::ReadLogbook, "tab-logbook", "more-logbook-hint"),
    section("members", "/members", A::ViewMembers, "tab-members", "more-members-hint"),
    section("agreements", "/agreements", A::ViewAgreements, "tab-agreements", "more-agreements-hint"),
    section("network", "/network", A::ViewNetwork, "tab-network", "more-network-hint"),
    section("invitations", "/invitations", A::InviteMembers, "tab-invitations", "more-invitations-hint"),
    section("audit", "/audit", A::ViewAuditTrail, "tab-audit", "more-audit-hint"),
    section("settings", "/settings", A::ViewCircle, "tab-settings", "more-settings-hint"),
];

/// Parts reached from other pages on a wide screen, listed on "Meer" too.
const ALSO: [Section; 9] = [
    section("help", "/help", A::ViewAgenda, "help-title", "more-help-hint"),
    section("pool", "/pool", A::AskPool, "pool-circle-title", "more-pool-hint"),
    section("conversations", "/conversations", A::ViewConversations, "conversations-title", "more-conversations-hint"),
    section("check-in", "/check-in", A::CarerCheckIn, "more-check-in", "more-check-in-hint"),
    section(
        "volunteer-check-in",
        "/volunteer-check-in",
        A::VolunteerCheckIn,
        "more-volunteer-check-in",
        "more-volunteer-check-in-hint",
    ),
    section("profile", "/profile", A::KeepOwnProfile, "more-profile", "more-profile-hint"),
    section("notifications", "/notifications", A::ViewCircle, "notifications-title", "more-notifications-hint"),
    section("consent", "/consent", A::ViewCircle, "consent-title", "more-consent-hint"),
    section("export", "/export", A::ExportRecord, "fhir-title", "more-fhir-hint"),
];

/// What the phone's bar holds besides "Schrijf" (after the second) and
/// "Meer", in this order: found by key in [`TABS`].
const BAR: [&str; 3] = ["overview", "logbook", "agenda"];

/// The header and navigation above every circle page.
pub struct CircleNav {
    pub id: String,
    pub client_name: String,
    pub archived: bool,
    /// The client's own circle: the header says "Jouw kring".
    pub own: bool,
    pub can_invite: bool,
    /// May write in the logbook: the bar's "Schrijf".
    pub can_write: bool,
    pub active: &'static str,
    /// The tabs the visitor may open.
    pub tabs: Vec<&'static Section>,
    /// The phone's bar, without "Schrijf" and "Meer".
    pub bar: Vec<&'static Section>,
    /// Everything the visitor may open that is not in the bar.
    pub more: Vec<&'static Section>,
}

impl CircleNav {
    pub fn new(circle: &Circle, me: &Place, active: &'static str) -> Self {
        let tabs: Vec<&'static Section> = TABS.iter().filter(|s| me.may(s.needs)).collect();
        let mut bar: Vec<&'static Section> =
            BAR.iter().filter_map(|key| tabs.iter().copied().find(|s| s.key == *key)).collect();
        if !bar.iter().any(|s| s.key == "agenda") {
            // No agenda for this role: "Wie doet wat" takes its place.
            bar.extend(tabs.iter().copied().filter(|s| s.key == "agreements"));
        }
        let more = tabs
            .iter()
            .copied()
            .chain(ALSO.iter().filter(|s| me.may(s.needs)))
            .filter(|s| !bar.iter().any(|b| b.key == s.key))
            .collect();
        CircleNav {
            id: circle.id.to_string(),
            client_name: circle.client_name.clone(),
            archived: circle.archived_at.is_some(),
            own: me.role == samenspel_core::role::Role::Client,
            can_invite: me.may(A::InviteMembers),
            can_write: me.may(A::WriteLogbook),
            active,
            tabs,
            bar,
            more,
        }
    }

    /// Is this tab the current page? The writing form ("write", the bar's
    /// "Schrijf") belongs to the logbook's tab.
    pub fn tab_current(&self, key: &str) -> bool {
        self.active == key || (self.active == "write" && key == "logbook")
    }

    /// Is the current page one of those under "Meer" (or "Meer" itself)?
    pub fn in_more(&self) -> bool {
        !self.bar.iter().any(|s| s.key == self.active) && self.active != "write"
    }
}

#[derive(Template)]
#[template(path = "more.html")]
struct MorePage {
    c: Chrome,
    nav: CircleNav,
}

/// "Meer": every part of the circle the visitor may open, with what it is for.
pub async fn more(p: CirclePage) -> PageResult {
    let page = crate::service::circles::place(&p.ctx(), &p.id).await?;
    render(&MorePage { c: p.chrome(), nav: p.nav(&page, "more") })
}
