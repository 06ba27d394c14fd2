//! A carer's signal: "ik kan wel wat hulp gebruiken". The carer decides to
//! share it, and with whom; it never carries the answers or the score of
//! the check-in it may follow.

use crate::error::Validator;
use crate::ids::MemberId;
use crate::keys::keys;
use crate::role::Role;

keys! {
    pub enum SignalAudience: trimmed {
        /// The circle's coordinators.
        Coordinator = "coordinator",
        /// Everyone in the circle.
        Circle = "circle",
    }
}

impl SignalAudience {
    /// Does a member with `role` see a signal shared with this audience?
    /// (The carer always sees their own.)
    pub fn reaches(self, role: Role) -> bool {
        match self {
            SignalAudience::Circle => true,
            SignalAudience::Coordinator => role == Role::Coordinator,
        }
    }
}

pub const MAX_SIGNAL_MESSAGE: usize = 500;

/// A shared signal as others see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signal {
    pub id: String,
    pub member_id: MemberId,
    pub name: String,
    pub audience: SignalAudience,
    pub message: String,
    pub shared_at: crate::Timestamp,
}

/// Checks a signal as sent: the audience, and a short optional message.
pub fn parse_signal(audience: &str, message: &str) -> crate::Result<(SignalAudience, String)> {
    let mut v = Validator::new();
    let audience = v.known("audience", SignalAudience::parse(audience), "signal-audience-invalid");
    let message = v.line("message", message, MAX_SIGNAL_MESSAGE, "signal-message-too-long");
    v.finish()?;
    audience.map(|a| (a, message)).ok_or_else(|| crate::Error::internal("a checked signal lacks its audience"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signal_reaches_only_its_audience() {
        assert!(SignalAudience::Coordinator.reaches(Role::Coordinator));
        assert!(!SignalAudience::Coordinator.reaches(Role::Professional), "not every professional");
        assert!(!SignalAudience::Coordinator.reaches(Role::Client));
        assert!(SignalAudience::Circle.reaches(Role::Volunteer));
        assert_eq!(
            parse_signal("circle", "  Even   vrij  ").expect("valid"),
            (SignalAudience::Circle, "Even vrij".into())
        );
        assert!(parse_signal("iedereen", "").is_err());
        assert!(parse_signal("circle", &"x".repeat(501)).is_err());
    }
}
