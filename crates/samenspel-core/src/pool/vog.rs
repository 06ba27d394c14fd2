//! The certificate of conduct (Verklaring Omtrent het Gedrag, VOG) and the
//! organisation's rule for it: whether placements need one, and how long
//! after its date of issue it counts (many organisations ask for a new one
//! every three years).

use jiff::ToSpan;
use jiff::civil::Date;
use serde::Deserialize;

use crate::error::{Result, Validator};

/// An organisation's rules for its pool.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rules {
    /// A volunteer is only placed in a circle with a valid VOG.
    pub vog_required: bool,
    /// A VOG counts this many months after its date of issue.
    pub vog_months: i32,
    /// Volunteers (and the pool's keepers) are warned this many days before it lapses.
    pub warn_days: i32,
    /// What a kilometre is paid, in cents.
    pub km_cents: i64,
}

impl Default for Rules {
    /// Three years, a warning six weeks ahead, and the tax-free 23 cents a kilometre.
    fn default() -> Rules {
        Rules { vog_required: true, vog_months: 36, warn_days: 42, km_cents: 23 }
    }
}

/// Where a volunteer's VOG stands on a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Vog {
    /// Valid until (and including) this day.
    Valid {
        until: Date,
    },
    /// Still valid, but lapses within the warning time.
    Lapsing {
        until: Date,
    },
    /// Lapsed after this day.
    Lapsed {
        until: Date,
    },
    Missing,
}

impl Rules {
    /// The last day a VOG issued on `issued` counts.
    pub fn last_valid_day(&self, issued: Date) -> Date {
        issued.checked_add(self.vog_months.months()).and_then(|d| d.checked_sub(1.day())).unwrap_or(issued)
    }

    pub fn vog(&self, issued: Option<Date>, today: Date) -> Vog {
        let Some(issued) = issued else { return Vog::Missing };
        let until = self.last_valid_day(issued);
        if until < today {
            Vog::Lapsed { until }
        } else if today.checked_add(self.warn_days.days()).is_ok_and(|warn| until < warn) {
            Vog::Lapsing { until }
        } else {
            Vog::Valid { until }
        }
    }

    /// May this volunteer be placed in a circle today?
    pub fn placeable(&self, issued: Option<Date>, today: Date) -> bool {
        !self.vog_required || matches!(self.vog(issued, today), Vog::Valid { .. } | Vog::Lapsing { .. })
    }
}

impl Vog {
    /// The message key of this state ("pool-vog-valid").
    pub fn key(self) -> &'static str {
        match self {
            Vog::Valid { .. } => "pool-vog-valid",
            Vog::Lapsing { .. } => "pool-vog-lapsing",
            Vog::Lapsed { .. } => "pool-vog-lapsed",
            Vog::Missing => "pool-vog-missing",
        }
    }

    pub fn until(self) -> Option<Date> {
        match self {
            Vog::Valid { until } | Vog::Lapsing { until } | Vog::Lapsed { until } => Some(until),
            Vog::Missing => None,
        }
    }

    /// Needs the coordinator's attention.
    pub fn attention(self) -> bool {
        !matches!(self, Vog::Valid { .. })
    }
}

/// The rules form.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[schema(as = PoolRulesInput)]
#[serde(default)]
pub struct RulesInput {
    /// "on" (or "true") when placements need a valid VOG.
    pub vog_required: String,
    pub vog_months: String,
    pub warn_days: String,
    /// Euros a kilometre: "0,23".
    pub km_rate: String,
}

impl RulesInput {
    pub fn of(r: &Rules) -> RulesInput {
        RulesInput {
            vog_required: if r.vog_required { "on".into() } else { String::new() },
            vog_months: r.vog_months.to_string(),
            warn_days: r.warn_days.to_string(),
            km_rate: super::expenses::euros(r.km_cents),
        }
    }

    pub fn parse(&self) -> Result<Rules> {
        let mut v = Validator::default();
        let number = |v: &mut Validator, field, raw: &str, max: i32| match raw.trim().parse::<i32>() {
            Ok(n) if (1..=max).contains(&n) => n,
            _ => {
                v.push(field, "pool-number-invalid");
                1
            }
        };
        let vog_months = number(&mut v, "vog_months", &self.vog_months, 120);
        let warn_days = number(&mut v, "warn_days", &self.warn_days, 365);
        let km_cents = match super::expenses::cents(&self.km_rate) {
            Some(c) if c <= 500 && !self.km_rate.trim().is_empty() => c,
            _ => {
                v.push("km_rate", "pool-amount-invalid");
                0
            }
        };
        v.finish()?;
        Ok(Rules {
            vog_required: matches!(self.vog_required.as_str(), "on" | "true" | "1"),
            vog_months,
            warn_days,
            km_cents,
        })
    }
}
