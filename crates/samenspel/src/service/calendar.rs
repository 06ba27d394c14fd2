//! A member's calendar feed: everything they take part in, in every circle,
//! at a secret address that calendar apps poll without signing in. The
//! address can be replaced or withdrawn at any time; only its hash is kept.
//! Each fetch reads through the authorization layer like any request, so a
//! professionals-only appointment never reaches a volunteer's calendar and
//! every fetch is in the client's audit trail.

use super::Ctx;
use super::agenda::day_start;
use crate::app::AppState;
use crate::ical::{Calendar, Event, When};
use samenspel_core::access::act;
use samenspel_core::agenda::{Item, Kind};
use samenspel_core::audit::{Operation, Source, What};
use samenspel_core::{Error, Result, Timestamp};

/// How far back the feed goes, so last week's visits stay in the calendar.
const BEHIND_DAYS: i64 = 31;
/// How far ahead signed-up shifts go: a volunteer who plans months ahead
/// sees all of it.
const SHIFTS_AHEAD_DAYS: i64 = 400;

/// Makes a new secret address (the old one stops working) and returns it.
pub async fn renew(ctx: &Ctx<'_>) -> Result<String> {
    let token = crate::crypto::random_token();
    ctx.state.store.set_my_calendar_feed(ctx.user, &crate::crypto::token_hash(&token), ctx.now).await?;
    Ok(address(ctx.state, &token))
}

pub async fn revoke(ctx: &Ctx<'_>) -> Result<()> {
    ctx.state.store.revoke_my_calendar_feed(ctx.user).await
}

/// When the current address was made, if there is one.
pub async fn since(ctx: &Ctx<'_>) -> Result<Option<Timestamp>> {
    ctx.state.store.my_calendar_feed_since(ctx.user).await
}

pub fn address(state: &AppState, token: &str) -> String {
    state.config.link(&format!("/calendar/{token}.ics"))
}

/// The feed behind a secret address, or `NotFound` (an unknown or withdrawn
/// address says nothing about whether it ever existed).
pub async fn feed(state: &AppState, token: &str, source: &Source, now: Timestamp) -> Result<String> {
    let token = token.strip_suffix(".ics").unwrap_or(token);
    let user = state
        .store
        .authenticate_calendar_feed(&crate::crypto::token_hash(token), now)
        .await
        .map_err(|e| if matches!(e, Error::Unauthenticated) { Error::NotFound } else { e })?;
    let circles = state.store.my_circles(&user, now).await?;
    let tr = crate::i18n::Tr::new(user.locale());
    let mut cal = Calendar::new(&tr.t("calendar-name"));
    let today = crate::i18n::local(&now).date();
    let from = today.checked_sub(jiff::Span::new().days(BEHIND_DAYS)).unwrap_or(today);
    let to = today.checked_add(jiff::Span::new().days(SHIFTS_AHEAD_DAYS)).unwrap_or(today);
    for mine in circles {
        let circle = mine.circle.id.clone();
        let Ok(cap) = state
            .store
            .authorize::<act::ViewAgenda>(
                &user,
                &circle,
                What::new(Operation::Read, "agenda.feed", "circle", Some(circle.to_string())),
                source,
                &state.audit,
                now,
            )
            .await
        else {
            continue;
        };
        let me = cap.member_id().clone();
        // Items that reach the feed's window; a series in it comes whole.
        let items = state.store.agenda_items(&cap, from).await?;
        let refs: Vec<&Item> = items.iter().collect();
        let signups = state.store.shift_signups(&cap, &refs, from, to).await?;
        let base = state.config.link(&format!("/circles/{circle}/agenda"));
        for item in &items {
            let url = format!("{base}/{}", item.id);
            let summary = format!("{}: {}", mine.circle.client_name, item.title);
            let uid = |suffix: &str| format!("{}{suffix}@samenspel", item.id);
            match item.kind {
                // A shift is in my calendar occurrence by occurrence, as I signed up.
                Kind::Shift => {
                    let tz = super::agenda::tz();
                    for s in signups.iter().filter(|s| s.item_id == item.id && s.member_id == me) {
                        let window = (day_start(s.on), day_start(s.on.tomorrow().unwrap_or(s.on)));
                        let mut series = item.series.clone();
                        series.cancelled.clear();
                        let Some(o) =
                            series.occurrences(&tz, &window.0, &window.1).into_iter().find(|o| o.original == s.on)
                        else {
                            continue;
                        };
                        let cancelled = item.series.cancelled.contains(&s.on);
                        cal.event(
                            &Event {
                                uid: uid(&format!("-{}", s.on.strftime("%Y%m%d"))),
                                sequence: item.revision,
                                summary: &summary,
                                location: &item.place,
                                description: &item.notes,
                                url: &url,
                                when: When::of(&o.start, &o.end, o.whole_day),
                                rrule: None,
                                exdates: vec![],
                                recurrence_id: None,
                                cancelled,
                            },
                            now,
                        );
                    }
                }
                // Appointments and activities I go along to or planned: the whole series.
                Kind::Appointment | Kind::Activity => {
                    if !item.along.iter().any(|(m, _)| *m == me) && item.created_by != me {
                        continue;
                    }
                    series_events(&mut cal, item, &uid(""), &summary, &url, now);
                }
            }
        }
    }
    Ok(cal.finish())
}

/// A series as one VEVENT with its RRULE and EXDATEs, plus one override per
/// moved occurrence (same UID, RECURRENCE-ID the original start).
fn series_events(cal: &mut Calendar, item: &Item, uid: &str, summary: &str, url: &str, now: Timestamp) {
    let tz = super::agenda::tz();
    let s = &item.series;
    let Some(first) = first_occurrence(item) else { return };
    let at = |d: jiff::civil::Date| -> Option<When> {
        let start = d.to_datetime(s.start.time()).to_zoned(tz.clone()).ok()?;
        let end = match s.length {
            samenspel_core::recurrence::Length::Minutes(m) => {
                start.checked_add(jiff::Span::new().minutes(i64::from(m))).ok()?
            }
            samenspel_core::recurrence::Length::WholeDays(n) => {
                d.checked_add(jiff::Span::new().days(i64::from(n))).ok()?.to_zoned(tz.clone()).ok()?
            }
        };
        Some(When::of(&start, &end, first.whole_day))
    };
    let mut exdates: Vec<When> = s.cancelled.iter().filter_map(|d| at(*d)).collect();
    if s.rrule(&tz).is_none() {
        exdates.clear();
    }
    let series = Event {
        uid: uid.to_owned(),
        sequence: item.revision,
        summary,
        location: &item.place,
        description: &item.notes,
        url,
        when: When::of(&first.start, &first.end, first.whole_day),
        rrule: s.rrule(&tz),
        exdates,
        recurrence_id: None,
        cancelled: s.rrule(&tz).is_none() && s.cancelled.contains(&s.start.date()),
    };
    cal.event(&series, now);
    for (original, to) in &s.moved {
        let (Some(original_when), Ok(start)) = (at(*original), to.to_zoned(tz.clone())) else { continue };
        let end = match s.length {
            samenspel_core::recurrence::Length::Minutes(m) => {
                start.checked_add(jiff::Span::new().minutes(i64::from(m)))
            }
            samenspel_core::recurrence::Length::WholeDays(n) => start.checked_add(jiff::Span::new().days(i64::from(n))),
        };
        let Ok(end) = end else { continue };
        // A moved occurrence overrides the series for its original date.
        let moved = Event {
            when: When::of(&start, &end, first.whole_day),
            rrule: None,
            exdates: vec![],
            recurrence_id: Some(original_when),
            cancelled: false,
            ..series.clone()
        };
        cal.event(&moved, now);
    }
}

/// The series' first occurrence as planned (before any cancellation or move).
fn first_occurrence(item: &Item) -> Option<samenspel_core::recurrence::Occurrence> {
    let tz = super::agenda::tz();
    let mut series = item.series.clone();
    series.cancelled.clear();
    series.moved.clear();
    let day = series.start.date();
    let to = day.checked_add(jiff::Span::new().days(40)).ok()?;
    series.occurrences(&tz, &day_start(day), &day_start(to)).into_iter().next()
}
