//! Typed identifiers. Every id is a UUIDv7 in its text form, so ids sort by
//! creation time (good index locality) and are not guessable from each other.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// A fresh, random, time-ordered id.
            pub fn generate() -> Self {
                Self(uuid::Uuid::now_v7().hyphenated().to_string())
            }

            /// Parses an id from outside (a URL, a form, the API). Anything that
            /// is not a canonical UUID is refused, so it never reaches a query.
            pub fn parse(raw: &str) -> Option<Self> {
                let parsed = uuid::Uuid::try_parse(raw).ok()?;
                Some(Self(parsed.hyphenated().to_string()))
            }

            /// Wraps a value read back from our own database.
            pub fn from_db(raw: String) -> Self {
                Self(raw)
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

id_type!(
    /// A person's account.
    UserId
);
id_type!(
    /// A care circle (zorgnetwerk) around one client.
    CircleId
);
id_type!(
    /// One membership of a user in a circle.
    MemberId
);
id_type!(
    /// A care or welfare organisation.
    OrganisationId
);
id_type!(
    /// A location or team of an organisation.
    LocationId
);
id_type!(
    /// An invitation to join a circle.
    InvitationId
);
id_type!(
    /// A signed-in browser session.
    SessionId
);
id_type!(
    /// A personal API token.
    ApiTokenId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_accepts_only_canonical_uuids() {
        let id = CircleId::generate();
        assert_eq!(CircleId::parse(id.as_str()), Some(id.clone()));
        assert_eq!(CircleId::parse(&id.as_str().to_uppercase()), Some(id));
        assert_eq!(CircleId::parse("1"), None);
        assert_eq!(CircleId::parse("../etc/passwd"), None);
        assert_eq!(CircleId::parse("' OR 1=1 --"), None);
    }

    #[test]
    fn generated_ids_sort_by_creation() {
        let a = UserId::generate();
        let b = UserId::generate();
        assert!(a < b, "UUIDv7 ids must be time-ordered: {a} !< {b}");
    }
}
