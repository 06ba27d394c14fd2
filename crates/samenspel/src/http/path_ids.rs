//! The ids a path names after its circle (or location): `/circles/{circle}/agreements/{agreement}`
//! names an [`Object`] of the circle, `/circles/{circle}/agenda/{item}/{on}` also a
//! [`Detail`] of it. Pages and the API extract them the same way; each layer
//! declares them with [`path_ids!`] so that a path without one answers "not
//! found" in that layer's own error (a 404 page, or the API's JSON body). The
//! ids are taken as they stand: the service that looks one up checks it.

use axum::extract::{FromRequestParts, RawPathParams};
use axum::http::request::Parts;
use samenspel_core::Error;

/// The path's `n`th parameter (from 0), as it stands; a path without one is
/// "not found".
pub(crate) async fn nth_param<S: Send + Sync>(parts: &mut Parts, state: &S, n: usize) -> Result<String, Error> {
    let params = RawPathParams::from_request_parts(parts, state).await.map_err(|_| Error::NotFound)?;
    params.iter().nth(n).map(|(_, v)| v.to_owned()).ok_or(Error::NotFound)
}

/// Declares `Object` (the path's second parameter) and `Detail` (its third)
/// for a layer whose error type is `$err` (`From<samenspel_core::Error>`).
macro_rules! path_ids {
    ($err:ty) => {
        /// The thing inside the circle (or location) that the path names
        /// after it: the path's second parameter.
        pub struct Object(pub String);

        impl<S: Send + Sync> axum::extract::FromRequestParts<S> for Object {
            type Rejection = $err;

            async fn from_request_parts(parts: &mut axum::http::request::Parts, state: &S) -> Result<Self, $err> {
                Ok(Object($crate::http::path_ids::nth_param(parts, state, 1).await?))
            }
        }

        /// `Option<Object>`: the same handler serves the path that names a
        /// thing (change it) and the one that does not (make one).
        impl<S: Send + Sync> axum::extract::OptionalFromRequestParts<S> for Object {
            type Rejection = $err;

            async fn from_request_parts(
                parts: &mut axum::http::request::Parts,
                state: &S,
            ) -> Result<Option<Self>, $err> {
                Ok($crate::http::path_ids::nth_param(parts, state, 1).await.ok().map(Object))
            }
        }

        /// The path's third parameter, after the [`Object`]: an occurrence's
        /// date, a reply, a reaction or an attachment.
        pub struct Detail(pub String);

        impl<S: Send + Sync> axum::extract::FromRequestParts<S> for Detail {
            type Rejection = $err;

            async fn from_request_parts(parts: &mut axum::http::request::Parts, state: &S) -> Result<Self, $err> {
                Ok(Detail($crate::http::path_ids::nth_param(parts, state, 2).await?))
            }
        }
    };
}
pub(crate) use path_ids;
