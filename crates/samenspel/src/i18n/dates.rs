//! Dates and times in the visitor's language, in the Netherlands' time zone.

use super::{Tr, local};
use samenspel_core::Timestamp;
use samenspel_core::locale::Locale;

impl Tr {
    /// A calendar day ("1 december 2026").
    pub fn day(&self, d: &jiff::civil::Date) -> String {
        format!("{} {} {}", d.day(), self.month(d.month()), d.year())
    }

    /// "22 november 2026"
    pub fn date(&self, t: &Timestamp) -> String {
        let z = local(t);
        format!("{} {} {}", z.day(), self.month(z.month()), z.year())
    }

    /// The last day with access for an access end ("tot en met 5 december
    /// 2026"): the day before the moment it ends.
    pub fn last_day(&self, ends: &Timestamp) -> String {
        self.day(&crate::service::members::last_day(ends))
    }

    /// "22 november 2026, 14:05"
    pub fn datetime(&self, t: &Timestamp) -> String {
        let z = local(t);
        format!("{} {} {}, {:02}:{:02}", z.day(), self.month(z.month()), z.year(), z.hour(), z.minute())
    }

    /// "vandaag om 14:05", "gisteren om 09:12", or "3 november 2026, 14:05".
    pub fn when(&self, t: &Timestamp, now: &Timestamp) -> String {
        let (z, today) = (local(t), local(now).date());
        let time = format!("{:02}:{:02}", z.hour(), z.minute());
        if z.date() == today {
            self.t1("when-today", "time", time)
        } else if today.yesterday().is_ok_and(|y| y == z.date()) {
            self.t1("when-yesterday", "time", time)
        } else {
            self.datetime(t)
        }
    }

    /// "di 24 november" (the year only when it is not this year's).
    pub fn weekday_date(&self, d: &jiff::civil::Date) -> String {
        let this_year = local(&Timestamp::now()).year();
        let mut out = format!("{} {} {}", self.weekday_short(d.weekday()), d.day(), self.month(d.month()));
        if d.year() != this_year {
            out.push_str(&format!(" {}", d.year()));
        }
        out
    }

    /// "ma", "di", … / "Mon", "Tue", …
    pub fn weekday_short(&self, w: jiff::civil::Weekday) -> &'static str {
        const NL: [&str; 7] = ["ma", "di", "wo", "do", "vr", "za", "zo"];
        const EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
        let i = w.to_monday_zero_offset() as usize;
        match self.locale {
            Locale::Nl => NL[i],
            Locale::En => EN[i],
        }
    }

    /// "maandag" … / "Monday" …
    pub fn weekday_long(&self, w: jiff::civil::Weekday) -> &'static str {
        const NL: [&str; 7] = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"];
        const EN: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
        let i = w.to_monday_zero_offset() as usize;
        match self.locale {
            Locale::Nl => NL[i],
            Locale::En => EN[i],
        }
    }

    /// An occurrence in words: "di 24 november, 19:00–21:30" or "do 3 december (hele dag)".
    pub fn occurrence(&self, o: &samenspel_core::recurrence::Occurrence) -> String {
        let day = self.weekday_date(&o.start.date());
        if o.whole_day {
            return self.t1("agenda-whole-day-on", "day", day);
        }
        format!("{day}, {}–{}", o.start.strftime("%H:%M"), o.end.strftime("%H:%M"))
    }

    /// A local span in words: "wo 9 december, 14:00–16:00" (both days when it
    /// runs past midnight).
    pub fn span(&self, from: &jiff::civil::DateTime, to: &jiff::civil::DateTime) -> String {
        let day = self.weekday_date(&from.date());
        if from.date() == to.date() {
            format!("{day}, {}–{}", from.strftime("%H:%M"), to.strftime("%H:%M"))
        } else {
            format!("{day} {} – {} {}", from.strftime("%H:%M"), self.weekday_date(&to.date()), to.strftime("%H:%M"))
        }
    }

    /// [`Tr::when`] relative to now, for templates.
    pub fn ago(&self, t: &Timestamp) -> String {
        self.when(t, &Timestamp::now())
    }

    /// Same as [`Tr::date`] for optional values; empty when absent.
    pub fn date_opt(&self, t: &Option<Timestamp>) -> String {
        t.as_ref().map(|t| self.date(t)).unwrap_or_default()
    }

    /// A month as the monitor names it ("2026-11" is "november 2026"); the
    /// label itself when it is not a month.
    pub fn month_label(&self, label: &str) -> String {
        match label.split_once('-').and_then(|(y, m)| Some((y.parse::<i16>().ok()?, m.parse::<i8>().ok()?))) {
            Some((y, m)) if (1..=12).contains(&m) => format!("{} {y}", self.month(m)),
            _ => label.to_owned(),
        }
    }

    fn month(&self, m: i8) -> &'static str {
        const NL: [&str; 12] = [
            "januari",
            "februari",
            "maart",
            "april",
            "mei",
            "juni",
            "juli",
            "augustus",
            "september",
            "oktober",
            "november",
            "december",
        ];
        const EN: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let i = (m.clamp(1, 12) - 1) as usize;
        match self.locale {
            Locale::Nl => NL[i],
            Locale::En => EN[i],
        }
    }
}
