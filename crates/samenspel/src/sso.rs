//! Single sign-on for an organisation's staff with its OpenID provider
//! (OpenID Connect Core 1.0, the authorization code flow with PKCE, RFC 7636):
//! discovery, the way out to the provider with state, nonce and a PKCE
//! challenge, and the way back — the code exchanged, the ID token checked
//! (signature with the provider's keys, issuer, audience, expiry, nonce).
//! The `openidconnect` crate does the protocol; its requests go through
//! [`crate::outbound`]. Which account the person signs in to is the store's
//! part ([`samenspel_store::sso`]).
//!
//! Configured with `sso_issuer`, `sso_client_id`, `sso_client_secret` and
//! `sso_label`; the provider sends people back to `/sign-in/sso/callback`.

use crate::outbound::{Reach, request};
use openidconnect::core::{
    CoreAuthenticationFlow, CoreClient, CoreGenderClaim, CoreIdToken, CoreIdTokenVerifier, CoreUserInfoClaims,
};
use openidconnect::{
    AuthorizationCode, ClientId, ClientSecret, CsrfToken, EmptyAdditionalClaims, HttpRequest, HttpResponse,
    IdTokenClaims, IssuerUrl, LogoutRequest, Nonce, OAuth2TokenResponse, PkceCodeChallenge, PkceCodeVerifier,
    PostLogoutRedirectUrl, ProviderMetadataWithLogout, RedirectUrl, RequestTokenError, Scope, SubjectIdentifier,
    TokenResponse,
};
use samenspel_store::sso::Identity;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How long the provider's discovery document (and keys) are kept.
const METADATA_FOR: Duration = Duration::from_secs(600);

/// Why a sign-in through the provider did not work. Shown to the person as
/// one plain message; logged in full.
#[derive(Debug, thiserror::Error)]
pub enum SsoError {
    #[error("the provider could not be reached or answered wrongly: {0}")]
    Provider(String),
    #[error("the provider's answer was refused: {0}")]
    Refused(String),
}

/// The provider, as configured.
pub struct Sso {
    pub label: String,
    issuer: IssuerUrl,
    client_id: ClientId,
    client_secret: ClientSecret,
    redirect: RedirectUrl,
    metadata: Mutex<Option<(Instant, ProviderMetadataWithLogout)>>,
}

/// A way out to the provider: where to send the browser, and what to keep.
pub struct Start {
    pub url: url::Url,
    pub state: String,
    pub pkce_verifier: String,
    pub nonce: String,
}

#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct HttpError(String);

/// `openidconnect`'s requests, through our client. No redirects are
/// followed (a redirect is an answer like any other).
async fn http(req: HttpRequest) -> Result<HttpResponse, HttpError> {
    let url = url::Url::parse(&req.uri().to_string()).map_err(|e| HttpError(e.to_string()))?;
    let headers: Vec<(&str, String)> = req
        .headers()
        .iter()
        .filter_map(|(name, value)| value.to_str().ok().map(|v| (name.as_str(), v.to_owned())))
        .collect();
    let answer = request(req.method().clone(), &url, &headers, req.body().clone(), Reach::Any)
        .await
        .map_err(|e| HttpError(e.to_string()))?;
    let mut response = HttpResponse::new(answer.body);
    *response.status_mut() =
        openidconnect::http::StatusCode::from_u16(answer.status).map_err(|e| HttpError(e.to_string()))?;
    *response.headers_mut() = answer.headers;
    Ok(response)
}

type Claims = IdTokenClaims<EmptyAdditionalClaims, CoreGenderClaim>;

/// An error with its causes ("Request failed: connection refused"), for the log.
fn chain(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        out.push_str(": ");
        out.push_str(&s.to_string());
        source = s.source();
    }
    out
}

/// Checks an ID token with `verifier` and `nonce` and reads who it is about.
pub fn identity_of(token: &CoreIdToken, verifier: &CoreIdTokenVerifier, nonce: &str) -> Result<Identity, SsoError> {
    let claims: &Claims =
        token.claims(verifier, &Nonce::new(nonce.to_owned())).map_err(|e| SsoError::Refused(e.to_string()))?;
    Ok(Identity {
        issuer: claims.issuer().as_str().to_owned(),
        subject: claims.subject().as_str().to_owned(),
        email: claims.email().map(|e| e.as_str().to_owned()),
        email_verified: claims.email_verified().unwrap_or(false),
    })
}

impl Sso {
    /// The provider from the configuration; `public_url` is this instance's address.
    pub fn new(
        label: &str,
        issuer: &str,
        client_id: &str,
        client_secret: &str,
        public_url: &url::Url,
    ) -> Result<Sso, String> {
        let redirect = public_url.join("/sign-in/sso/callback").map_err(|e| e.to_string())?;
        Ok(Sso {
            label: label.to_owned(),
            issuer: IssuerUrl::new(issuer.to_owned()).map_err(|e| format!("sso_issuer: {e}"))?,
            client_id: ClientId::new(client_id.to_owned()),
            client_secret: ClientSecret::new(client_secret.to_owned()),
            redirect: RedirectUrl::from_url(redirect),
            metadata: Mutex::new(None),
        })
    }

    /// The provider's discovery document, fetched at most every ten minutes.
    async fn metadata(&self) -> Result<ProviderMetadataWithLogout, SsoError> {
        if let Ok(guard) = self.metadata.lock()
            && let Some((at, m)) = guard.as_ref()
            && at.elapsed() < METADATA_FOR
        {
            return Ok(m.clone());
        }
        let m = ProviderMetadataWithLogout::discover_async(self.issuer.clone(), &http)
            .await
            .map_err(|e| SsoError::Provider(chain(&e)))?;
        if let Ok(mut guard) = self.metadata.lock() {
            *guard = Some((Instant::now(), m.clone()));
        }
        Ok(m)
    }

    /// The way out: the provider's address with a fresh state, nonce and
    /// PKCE challenge (S256), asking for the `openid` and `email` scopes.
    pub async fn start(&self) -> Result<Start, SsoError> {
        let client = CoreClient::from_provider_metadata(
            self.metadata().await?,
            self.client_id.clone(),
            Some(self.client_secret.clone()),
        )
        .set_redirect_uri(self.redirect.clone());
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let (url, state, nonce) = client
            .authorize_url(CoreAuthenticationFlow::AuthorizationCode, CsrfToken::new_random, Nonce::new_random)
            .add_scope(Scope::new("email".into()))
            .add_scope(Scope::new("profile".into()))
            .set_pkce_challenge(challenge)
            .url();
        Ok(Start {
            url,
            state: state.secret().clone(),
            pkce_verifier: verifier.secret().clone(),
            nonce: nonce.secret().clone(),
        })
    }

    /// The way back: exchanges `code` (with the PKCE verifier) and checks
    /// the ID token against the nonce of the same sign-in.
    pub async fn finish(&self, code: &str, pkce_verifier: &str, nonce: &str) -> Result<Identity, SsoError> {
        let client = CoreClient::from_provider_metadata(
            self.metadata().await?,
            self.client_id.clone(),
            Some(self.client_secret.clone()),
        )
        .set_redirect_uri(self.redirect.clone());
        let tokens = client
            .exchange_code(AuthorizationCode::new(code.to_owned()))
            .map_err(|e| SsoError::Provider(e.to_string()))?
            .set_pkce_verifier(PkceCodeVerifier::new(pkce_verifier.to_owned()))
            .request_async(&http)
            .await
            .map_err(|e| match e {
                // The provider said no (a used code, a wrong verifier): a refusal.
                RequestTokenError::ServerResponse(r) => SsoError::Refused(r.to_string()),
                other => SsoError::Provider(chain(&other)),
            })?;
        let token = tokens.id_token().ok_or_else(|| SsoError::Refused("no ID token".into()))?;
        let mut identity = identity_of(token, &client.id_token_verifier(), nonce)?;
        // Many providers put the address only in the userinfo answer (OpenID
        // Connect Core 5.4): ask there, for the same subject.
        if identity.email.is_none()
            && let Ok(request) =
                client.user_info(tokens.access_token().clone(), Some(SubjectIdentifier::new(identity.subject.clone())))
        {
            let info: CoreUserInfoClaims =
                request.request_async(&http).await.map_err(|e| SsoError::Provider(chain(&e)))?;
            identity.email = info.email().map(|e| e.as_str().to_owned());
            identity.email_verified = info.email_verified().unwrap_or(false);
        }
        Ok(identity)
    }

    /// Where to send someone who signs out after signing in here, when the
    /// provider offers RP-initiated logout; they come back to `back`.
    pub async fn sign_out_url(&self, back: &url::Url) -> Option<url::Url> {
        let m = self.metadata().await.ok()?;
        let end = m.additional_metadata().end_session_endpoint.clone()?;
        Some(
            LogoutRequest::from(end)
                .set_client_id(self.client_id.clone())
                .set_post_logout_redirect_uri(PostLogoutRedirectUrl::from_url(back.clone()))
                .http_get_url(),
        )
    }

    /// A verifier for HS256 tokens signed with the client secret (tests).
    #[cfg(test)]
    fn shared_secret_verifier(&self) -> CoreIdTokenVerifier<'static> {
        CoreIdTokenVerifier::new_confidential_client(
            self.client_id.clone(),
            self.client_secret.clone(),
            self.issuer.clone(),
            openidconnect::core::CoreJsonWebKeySet::new(vec![]),
        )
        .set_allowed_algs(vec![openidconnect::core::CoreJwsSigningAlgorithm::HmacSha256])
    }
}

#[cfg(test)]
mod tests;
