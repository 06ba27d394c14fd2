//! Property tests of the logbook's keyset cursors: what a page hands out
//! comes back unchanged, any text a client sends is either refused or read as
//! the canonical position (so the store compares ids in one spelling), and
//! nothing panics.

use proptest::prelude::*;
use samenspel_core::logbook::Cursor;

fn uuid() -> impl Strategy<Value = uuid::Uuid> {
    any::<u128>().prop_map(uuid::Uuid::from_u128)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn a_cursor_comes_back_as_it_was_given(created_at in any::<i64>(), id in uuid()) {
        let c = Cursor { created_at, id: id.hyphenated().to_string() };
        prop_assert_eq!(Cursor::decode(&c.encode()), Some(c));
    }

    /// A UUID may be written in several ways; the cursor keeps the one the
    /// database uses, or keyset comparisons would skip or repeat entries.
    #[test]
    fn every_spelling_of_an_id_reads_as_the_stored_one(
        created_at in any::<i64>(),
        id in uuid(),
        spelling in 0usize..5,
    ) {
        let written = match spelling {
            0 => id.hyphenated().to_string(),
            1 => id.hyphenated().to_string().to_uppercase(),
            2 => id.simple().to_string(),
            3 => id.braced().to_string(),
            _ => id.urn().to_string(),
        };
        let c = Cursor::decode(&format!("{created_at}.{written}"));
        prop_assert_eq!(c, Some(Cursor { created_at, id: id.hyphenated().to_string() }));
    }

    #[test]
    fn any_text_is_refused_or_read_canonically(raw in "\\PC{0,60}|[0-9-]{1,20}\\.[0-9a-fA-F{}:urnid-]{0,50}") {
        if let Some(c) = Cursor::decode(&raw) {
            prop_assert!(uuid::Uuid::try_parse(&c.id).is_ok_and(|u| u.hyphenated().to_string() == c.id), "{c:?}");
            prop_assert_eq!(Cursor::decode(&c.encode()), Some(c));
        }
    }
}
