//! Helpers shared by the unit tests.

use crate::Error;

/// The (field, code) pairs of a validation error, in the order reported.
pub(crate) fn codes(err: Error) -> Vec<(&'static str, &'static str)> {
    match err {
        Error::Validation(fields) => fields.into_iter().map(|f| (f.field, f.code)).collect(),
        other => panic!("not a validation error: {other:?}"),
    }
}
