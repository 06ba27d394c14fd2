//! Expense claims: kilometres and costs a volunteer made, approved or
//! refused by a coordinator, and exported for payment.

use crate::error::{Result, Validator};
use crate::keys::keys;
use jiff::civil::Date;
use serde::Deserialize;

keys! {
    #[derive(serde::Serialize, utoipa::ToSchema)]
    #[schema(as = ClaimStatus)]
    #[serde(rename_all = "snake_case")]
    pub enum Status {
        /// Ingediend: waiting for a coordinator.
        Submitted = "submitted",
        Approved = "approved",
        Rejected = "rejected",
    }
}

/// One claim.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Claim {
    pub id: String,
    pub volunteer_id: String,
    pub volunteer_name: String,
    pub on_date: Date,
    pub km: i64,
    /// The rate a kilometre when it was claimed, in cents.
    pub km_cents: i64,
    pub costs_cents: i64,
    pub description: String,
    pub status: Status,
    pub decided_by_name: Option<String>,
}

impl Claim {
    pub fn km_total_cents(&self) -> i64 {
        self.km * self.km_cents
    }

    pub fn total_cents(&self) -> i64 {
        self.km_total_cents() + self.costs_cents
    }
}

/// Cents as euros the Dutch way: "12,50".
pub fn euros(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let c = cents.unsigned_abs();
    format!("{sign}{},{:02}", c / 100, c % 100)
}

/// Euros as typed ("12,50", "12.5", "€ 3") in cents; never negative.
pub fn cents(raw: &str) -> Option<i64> {
    let raw = raw.trim().trim_start_matches('€').trim().replace(',', ".");
    if raw.is_empty() {
        return Some(0);
    }
    let (whole, frac) = raw.split_once('.').unwrap_or((&raw, ""));
    if whole.is_empty() && frac.is_empty() || frac.len() > 2 || !frac.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let whole: i64 = if whole.is_empty() { 0 } else { whole.parse().ok()? };
    if !(0..=100_000).contains(&whole) {
        return None;
    }
    let frac: i64 = format!("{frac:0<2}").parse().ok()?;
    Some(whole * 100 + frac)
}

/// The claim form.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ClaimInput {
    /// The day of the trip or cost, YYYY-MM-DD.
    pub on_date: String,
    /// Kilometres driven (whole numbers).
    pub km: String,
    /// Other costs in euros ("4,50": parking, public transport).
    pub costs: String,
    pub description: String,
}

/// A checked claim.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewClaim {
    pub on_date: Date,
    pub km: i64,
    pub costs_cents: i64,
    pub description: String,
}

impl ClaimInput {
    pub fn parse(&self, today: Date) -> Result<NewClaim> {
        let mut v = Validator::default();
        let on_date = match super::form_date(&self.on_date, Some(today)) {
            Ok(Some(d)) => Some(d),
            Ok(None) => {
                v.push("on_date", "date-required");
                None
            }
            Err(code) => {
                v.push("on_date", code);
                None
            }
        };
        let km = match self.km.trim() {
            "" => Some(0),
            raw => raw.parse::<i64>().ok().filter(|k| (0..=2_000).contains(k)),
        };
        let costs_cents = cents(&self.costs).filter(|c| *c <= 1_000_000);
        if km.is_none() {
            v.push("km", "pool-km-invalid");
        }
        if costs_cents.is_none() {
            v.push("costs", "pool-amount-invalid");
        }
        if km == Some(0) && costs_cents == Some(0) {
            v.push("km", "pool-claim-empty");
        }
        let (km, costs_cents) = (km.unwrap_or(0), costs_cents.unwrap_or(0));
        let description = self.description.trim();
        if description.is_empty() {
            v.push("description", "pool-claim-description-required");
        } else if description.chars().count() > 300 {
            v.push("description", "text-too-long");
        }
        v.finish()?;
        Ok(NewClaim { on_date: on_date.unwrap_or(today), km, costs_cents, description: description.to_owned() })
    }
}
