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
//! ignore white space around the key first. An enum with more to it (another
//! spelling, a letter, a number) keeps its own hand-written methods.

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
