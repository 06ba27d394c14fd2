//! Writing iCalendar (RFC 5545) for a member's calendar feed. Times are
//! local times with `TZID=Europe/Amsterdam` and the calendar carries that
//! zone's VTIMEZONE, so calendar apps keep a weekly evening at 19:00 on both
//! sides of the change to winter time. UIDs are derived from the item (and
//! for a single shift, its date), so a second fetch updates instead of
//! duplicating; SEQUENCE follows the item's revision.

use jiff::civil::{Date, DateTime};
use jiff::{Timestamp, Zoned};

pub const TZID: &str = crate::i18n::TIME_ZONE;

/// Europe/Amsterdam since 1996: summer time from the last Sunday of March at
/// 02:00 to the last Sunday of October at 03:00 (EU rules).
const VTIMEZONE: &str = "BEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam\r\nX-LIC-LOCATION:Europe/Amsterdam\r\n\
BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\nDTSTART:19700329T020000\r\n\
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n\
BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nDTSTART:19701025T030000\r\n\
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n";

/// A calendar being written.
pub struct Calendar {
    out: String,
}

/// One event. `start`/`end` are local (Europe/Amsterdam) times, or dates
/// for a whole-day event.
#[derive(Clone)]
pub struct Event<'a> {
    pub uid: String,
    pub sequence: u32,
    pub summary: &'a str,
    pub location: &'a str,
    pub description: &'a str,
    pub url: &'a str,
    pub when: When,
    /// RRULE value, for a series.
    pub rrule: Option<String>,
    /// Occurrences (by their original local start) left out of the series.
    pub exdates: Vec<When>,
    /// For an override of one occurrence: its original local start.
    pub recurrence_id: Option<When>,
    pub cancelled: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    Timed { start: DateTime, end: DateTime },
    Days { start: Date, end: Date },
}

impl When {
    pub fn of(start: &Zoned, end: &Zoned, whole_day: bool) -> When {
        if whole_day {
            When::Days { start: start.date(), end: end.date() }
        } else {
            When::Timed { start: start.datetime(), end: end.datetime() }
        }
    }

    fn start_property(&self, name: &str) -> String {
        match self {
            When::Timed { start, .. } => format!("{name};TZID={TZID}:{}", local(*start)),
            When::Days { start, .. } => format!("{name};VALUE=DATE:{}", start.strftime("%Y%m%d")),
        }
    }

    fn end_property(&self) -> String {
        match self {
            When::Timed { end, .. } => format!("DTEND;TZID={TZID}:{}", local(*end)),
            When::Days { end, .. } => format!("DTEND;VALUE=DATE:{}", end.strftime("%Y%m%d")),
        }
    }
}

fn local(d: DateTime) -> String {
    d.strftime("%Y%m%dT%H%M%S").to_string()
}

/// Escapes TEXT values (RFC 5545 §3.3.11). Control characters other than
/// tab are not allowed in a TEXT value (§3.1): a new line becomes `\n`,
/// the rest (a carriage return, a bell) is left out.
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

impl Calendar {
    pub fn new(name: &str) -> Self {
        let mut c = Calendar { out: String::new() };
        c.line("BEGIN:VCALENDAR");
        c.line("VERSION:2.0");
        c.line("PRODID:-//Samenspel//Agenda//NL");
        c.line("CALSCALE:GREGORIAN");
        c.line("METHOD:PUBLISH");
        c.line(&format!("X-WR-CALNAME:{}", text(name)));
        c.line(&format!("X-WR-TIMEZONE:{TZID}"));
        c.out.push_str(VTIMEZONE);
        c
    }

    /// Writes one content line, folded at 75 octets (never inside a character).
    fn line(&mut self, l: &str) {
        let mut width = 0;
        for ch in l.chars() {
            let n = ch.len_utf8();
            if width + n > 75 {
                self.out.push_str("\r\n ");
                width = 1;
            }
            self.out.push(ch);
            width += n;
        }
        self.out.push_str("\r\n");
    }

    pub fn event(&mut self, e: &Event<'_>, stamp: Timestamp) {
        self.line("BEGIN:VEVENT");
        self.line(&format!("UID:{}", e.uid));
        self.line(&format!("DTSTAMP:{}", stamp.strftime("%Y%m%dT%H%M%SZ")));
        self.line(&format!("SEQUENCE:{}", e.sequence));
        if let Some(r) = &e.recurrence_id {
            self.line(&r.start_property("RECURRENCE-ID"));
        }
        self.line(&e.when.start_property("DTSTART"));
        self.line(&e.when.end_property());
        if let Some(rule) = &e.rrule {
            self.line(&format!("RRULE:{rule}"));
        }
        for x in &e.exdates {
            self.line(&x.start_property("EXDATE"));
        }
        self.line(&format!("SUMMARY:{}", text(e.summary)));
        if !e.location.is_empty() {
            self.line(&format!("LOCATION:{}", text(e.location)));
        }
        if !e.description.is_empty() {
            self.line(&format!("DESCRIPTION:{}", text(e.description)));
        }
        if !e.url.is_empty() {
            self.line(&format!("URL:{}", e.url));
        }
        if e.cancelled {
            self.line("STATUS:CANCELLED");
        }
        self.line("END:VEVENT");
    }

    pub fn finish(mut self) -> String {
        self.line("END:VCALENDAR");
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::datetime;

    #[test]
    fn long_lines_fold_and_text_is_escaped() {
        let mut c = Calendar::new("Henk");
        let long = "Dinsdagavond gezelschap; koffie, een spelletje en de krant voorlezen — met Thijs";
        c.event(
            &Event {
                uid: "a@b".into(),
                sequence: 2,
                summary: long,
                location: "",
                description: "regel 1\nregel 2",
                url: "",
                when: When::Timed {
                    start: datetime(2026, 11, 24, 19, 0, 0, 0),
                    end: datetime(2026, 11, 24, 21, 0, 0, 0),
                },
                rrule: None,
                exdates: vec![],
                recurrence_id: None,
                cancelled: false,
            },
            Timestamp::UNIX_EPOCH,
        );
        let out = c.finish();
        assert!(out.lines().all(|l| l.trim_end_matches('\r').len() <= 75), "{out}");
        assert!(out.contains("DTSTART;TZID=Europe/Amsterdam:20261124T190000\r\n"));
        assert!(out.contains("SUMMARY:Dinsdagavond gezelschap\\; koffie\\, een"));
        assert!(out.contains("DESCRIPTION:regel 1\\nregel 2"));
        assert!(out.contains("SEQUENCE:2"));
        assert!(out.ends_with("END:VCALENDAR\r\n"));
    }
}
