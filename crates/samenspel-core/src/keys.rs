//! [`keys!`]: an enum whose variants are stored and sent as fixed text keys.
//!
//! Many of the domain's enums have the same three parts: `ALL` (every
//! variant, in order), `as_str` (the key a variant is stored and sent as) and
//! `parse` (the variant of a key). The macro writes all three, and the enum
//! itself, from one list of `Variant = "key"` pairs:
//!
//! ```text
//! keys! {
//!     /// What kind of goal.
//!     pub enum GoalKind {
//!         /// Dit wil ik blijven doen.
//!         Keep = "keep",
//!         Again = "again",
//!     }
//! }
//! ```
//!
//! Such an enum is a plain value: the macro derives `Clone`, `Copy`, `Debug`,
//! `PartialEq` and `Eq`. Further attributes (another derive, `#[serde]`) and
//! doc comments on the enum and its variants are kept as written. The
//! variants are declared in the order listed, and `ALL` follows that order.
//! `parse` takes a key exactly as written; `pub enum X: trimmed` makes it
//! ignore white space around the key first. A key that repeats stops the
//! build, so `parse` always finds a variant by its own key. An enum with more
//! to it (another spelling, a letter, a number) keeps its own hand-written
//! methods.

macro_rules! keys {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident $(: $trimmed:ident)? {
            $( $(#[$variant_meta:meta])* $variant:ident = $key:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        $vis enum $name {
            $( $(#[$variant_meta])* $variant, )+
        }

        const _: () = assert!(
            $crate::keys::distinct(&[$($key),+]),
            concat!("a key of ", stringify!($name), " repeats"),
        );

        impl $name {
            /// Every variant, in order.
            pub const ALL: [$name; [$(stringify!($variant)),+].len()] = [$($name::$variant),+];

            /// The key this variant is stored and sent as.
            pub fn as_str(self) -> &'static str {
                match self {
                    $( $name::$variant => $key, )+
                }
            }

            /// The variant with this key, if any.
            pub fn parse(raw: &str) -> Option<Self> {
                $name::ALL.into_iter().find(|v| v.as_str() == $crate::keys::keys!(@raw raw $($trimmed)?))
            }
        }
    };
    (@raw $raw:ident) => { $raw };
    (@raw $raw:ident trimmed) => { $raw.trim() };
}

pub(crate) use keys;

/// Whether no key in the list repeats. Every [`keys!`] enum checks its list
/// when it is compiled, so `parse` finds each variant by its own key.
pub(crate) const fn distinct(keys: &[&str]) -> bool {
    let mut i = 0;
    while i < keys.len() {
        let mut j = i + 1;
        while j < keys.len() {
            if same(keys[i].as_bytes(), keys[j].as_bytes()) {
                return false;
            }
            j += 1;
        }
        i += 1;
    }
    true
}

const fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut k = 0;
    while k < a.len() {
        if a[k] != b[k] {
            return false;
        }
        k += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::distinct;

    #[test]
    fn a_repeated_key_is_caught() {
        assert!(distinct(&["keep", "again", "new"]));
        assert!(!distinct(&["keep", "again", "keep"]));
        assert!(distinct(&["kee", "keep"]));
    }

    #[test]
    fn only_a_trimmed_enum_reads_past_white_space() {
        use crate::conversation::Guide;
        use crate::role::Role;
        assert_eq!(Guide::parse(" intake\n"), Some(Guide::Intake));
        assert_eq!(Role::parse(" client"), None);
        assert_eq!(Role::parse("Client"), None, "keys are exact");
        assert_eq!(Guide::ALL[0], Guide::Intake, "ALL follows the order listed");
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
    }
}
