//! The member list, member cards and changes to memberships.

use super::{Ctx, InCircle, in_circle, what};
use samenspel_core::access::{act, may_mark_carer_roles};
use samenspel_core::audience::Audience;
use samenspel_core::audit::Operation;
use samenspel_core::error::Validator;
use samenspel_core::ids::{CircleId, MemberId};
use samenspel_core::member::{Member, MemberChanges};
use samenspel_core::role::Role;
use samenspel_core::{Error, Result, Timestamp, validate};
use samenspel_store::access::Can;
use samenspel_store::profiles::{CarerRoles, MemberProfile};

pub async fn list(ctx: &Ctx<'_>, circle: &CircleId) -> Result<Vec<Member>> {
    let cap = ctx.can::<act::ViewMembers>(circle, what(Operation::Read, "members.list", "circle", circle)).await?;
    ctx.state.store.members(&cap, ctx.now).await
}

pub async fn get(ctx: &Ctx<'_>, circle: &CircleId, member: &MemberId) -> Result<Member> {
    let cap = ctx.can::<act::ViewMembers>(circle, what(Operation::Read, "member.view", "member", member)).await?;
    ctx.state.store.member(&cap, member, ctx.now).await
}

/// The members with what the reader may see of how each stands in the
/// collaboration: shared collaboration profiles (and their own), and the
/// SOFA roles of family carers.
pub struct MemberList {
    pub members: Vec<Member>,
    pub profiles: Vec<MemberProfile>,
    pub carer_roles: Vec<CarerRoles>,
}

impl MemberList {
    pub fn profile(&self, m: &MemberId) -> Option<&MemberProfile> {
        self.profiles.iter().find(|p| &p.member_id == m)
    }
    pub fn carer_roles(&self, m: &MemberId) -> Option<&CarerRoles> {
        self.carer_roles.iter().find(|r| &r.member_id == m)
    }
}

async fn profiles_and_roles(
    ctx: &Ctx<'_>,
    cap: &Can<act::ViewMembers>,
) -> Result<(Vec<MemberProfile>, Vec<CarerRoles>)> {
    Ok((ctx.state.store.visible_profiles(cap).await?, ctx.state.store.carer_roles(cap).await?))
}

/// The circle page: the circle with its members.
pub async fn list_page(ctx: &Ctx<'_>, circle: &CircleId) -> Result<InCircle<MemberList>> {
    let cap = ctx.can::<act::ViewMembers>(circle, what(Operation::Read, "members.list", "circle", circle)).await?;
    let members = ctx.state.store.members(&cap, ctx.now).await?;
    let (profiles, carer_roles) = profiles_and_roles(ctx, &cap).await?;
    in_circle(&cap, MemberList { members, profiles, carer_roles })
}

/// A member's card, with their profile and SOFA roles when the reader may see them.
pub struct MemberCard {
    pub member: Member,
    pub profile: Option<MemberProfile>,
    pub carer_roles: Option<CarerRoles>,
    /// May the reader mark this member's SOFA roles?
    pub may_mark_roles: bool,
    /// Thank-yous to this member that the reader may read, newest first.
    pub thanks: Vec<samenspel_core::logbook::Entry>,
    /// The check-ins this volunteer shared with the coordinators (for a coordinator only).
    pub volunteer_check_ins: Vec<samenspel_store::checkins::VolunteerCheckIn>,
}

pub async fn get_page(ctx: &Ctx<'_>, circle: &CircleId, member: &MemberId) -> Result<InCircle<MemberCard>> {
    let cap = ctx.can::<act::ViewMembers>(circle, what(Operation::Read, "member.view", "member", member)).await?;
    let m = ctx.state.store.member(&cap, member, ctx.now).await?;
    let (profiles, carer_roles) = profiles_and_roles(ctx, &cap).await?;
    let may_mark_roles = cap.also::<act::MarkCarerRoles>().is_some()
        && may_mark_carer_roles(cap.role(), &m.id == cap.member_id(), m.role);
    let thanks = match cap.also::<act::ReadLogbook>() {
        Some(log) => {
            let filter = samenspel_store::logbook::EntryFilter { thanked: Some(m.id.clone()), ..Default::default() };
            ctx.state.store.entries(&log, &filter, 20).await?
        }
        None => Vec::new(),
    };
    let volunteer_check_ins = if m.role == samenspel_core::role::Role::Volunteer {
        let instrument = super::volunteer_checkins::INSTRUMENT;
        let shared = ctx.state.store.shared_volunteer_check_ins(&cap, instrument).await?;
        shared.into_iter().filter(|c| c.member_id == m.id).take(3).collect()
    } else {
        Vec::new()
    };
    let card = MemberCard {
        thanks,
        volunteer_check_ins,
        profile: profiles.into_iter().find(|p| p.member_id == m.id),
        carer_roles: carer_roles.into_iter().find(|r| r.member_id == m.id),
        may_mark_roles,
        member: m,
    };
    in_circle(&cap, card)
}

/// A manager's change to someone's membership. Absent fields stay as they are.
#[derive(Clone, Debug, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct ChangeMember {
    pub role: Option<String>,
    pub relation: Option<String>,
    pub contact_person: Option<bool>,
    pub manager: Option<bool>,
    /// `YYYY-MM-DD`: the last day with access (it ends when the next day
    /// starts, Dutch time; today at the earliest), or an empty string to
    /// remove the end date.
    pub access_until: Option<String>,
}

pub async fn change(ctx: &Ctx<'_>, circle: &CircleId, member: &MemberId, input: &ChangeMember) -> Result<()> {
    let cap = ctx.can::<act::ManageMembers>(circle, what(Operation::Update, "member.change", "member", member)).await?;
    let mut v = Validator::new();
    let mut changes = MemberChanges::default();
    if let Some(raw) = &input.role {
        match Role::parse(raw) {
            Some(r) => changes.role = Some(r),
            None => v.push("role", "role-invalid"),
        }
    }
    if let Some(raw) = &input.relation {
        changes.relation = v.check(validate::relation("relation", raw));
    }
    changes.contact_person = input.contact_person;
    changes.manager = input.manager;
    if let Some(raw) = &input.access_until {
        match parse_end_date("access_until", raw, ctx.now) {
            Ok(d) => changes.access_until = Some(d),
            Err(e) => v.push(e.field, e.code),
        }
    }
    v.finish()?;
    ctx.state.store.update_member(&cap, member, &changes, ctx.now).await
}

pub async fn remove(ctx: &Ctx<'_>, circle: &CircleId, member: &MemberId) -> Result<()> {
    let cap = ctx.can::<act::ManageMembers>(circle, what(Operation::Delete, "member.remove", "member", member)).await?;
    ctx.state.store.remove_member(&cap, member, ctx.now).await
}

pub async fn leave(ctx: &Ctx<'_>, circle: &CircleId) -> Result<()> {
    let cap = ctx.can::<act::Leave>(circle, what(Operation::Delete, "circle.leave", "circle", circle)).await?;
    ctx.state.store.leave_circle(&cap, ctx.now).await
}

pub async fn set_contact_audience(ctx: &Ctx<'_>, circle: &CircleId, raw: &str) -> Result<()> {
    let cap = ctx
        .can::<act::ViewCircle>(circle, what(Operation::Update, "member.contact-audience", "circle", circle))
        .await?;
    // Checked after the capability: an outsider hears "not found", whatever was sent.
    let audience = Audience::parse(raw)
        .filter(|a| Audience::GROUPS.contains(a))
        .ok_or(Error::field("contact_audience", "audience-invalid"))?;
    ctx.state.store.set_my_contact_audience(&cap, audience).await
}

/// Parses an end date typed as `YYYY-MM-DD`: access ends when that day
/// starts in the Netherlands. Empty means "no end date". Must lie in the future.
pub fn parse_end_date(
    field: &'static str,
    raw: &str,
    now: Timestamp,
) -> Result<Option<Timestamp>, samenspel_core::FieldError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    let last_day: jiff::civil::Date =
        raw.parse().map_err(|_| samenspel_core::FieldError::new(field, "date-invalid"))?;
    // The day given is the last day with access ("tot en met"): access ends
    // when the next day starts, Dutch time. Today is the earliest last day.
    if last_day < crate::i18n::local(&now).date() {
        return Err(samenspel_core::FieldError::new(field, "end-date-past"));
    }
    let ends = last_day
        .tomorrow()
        .and_then(|d| d.to_zoned(jiff::tz::TimeZone::get(crate::i18n::TIME_ZONE).unwrap_or(jiff::tz::TimeZone::UTC)))
        .map_err(|_| samenspel_core::FieldError::new(field, "date-invalid"))?
        .timestamp();
    Ok(Some(ends))
}

/// The last day with access for an end moment (the day before it starts):
/// what forms show and people read ("tot en met").
pub fn last_day(ends: &Timestamp) -> jiff::civil::Date {
    crate::i18n::local(&ends.saturating_sub(jiff::SignedDuration::from_secs(1)).unwrap_or(*ends)).date()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn end_dates() {
        let now = Timestamp::from_second(1_790_000_000).expect("valid"); // 2026-09-21, 16:13 Dutch time
        assert_eq!(parse_end_date("d", "", now), Ok(None));
        let d = parse_end_date("d", "2027-01-31", now).expect("valid").expect("some");
        let end = crate::i18n::local(&d);
        assert_eq!((end.date().to_string(), end.hour()), ("2027-02-01".to_owned(), 0), "ends as the next day starts");
        assert_eq!(last_day(&d).to_string(), "2027-01-31", "shown as the day given");
        let today = parse_end_date("d", "2026-09-21", now).expect("today is the earliest last day").expect("some");
        assert!(today > now);
        assert_eq!(parse_end_date("d", "2026-09-20", now).unwrap_err().code, "end-date-past");
        assert_eq!(parse_end_date("d", "2020-01-01", now).unwrap_err().code, "end-date-past");
    }
}
