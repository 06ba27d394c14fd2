//! Requests Samenspel makes to other servers: push services and the
//! organisation's OpenID provider. One HTTP/1.1 request per connection over
//! hyper and tokio-rustls (with the Mozilla root certificates), which the
//! server and the mail transport already build. No connection pool: a
//! circle's news is a handful of pushes, each to a different device, and a
//! sign-in a few requests to one provider.
//!
//! A push subscription's address comes from a browser, so from anyone with
//! an account: for [`Reach::Public`] the host name is resolved here and the
//! connection goes only to a public address (never this machine, the local
//! network, link-local cloud metadata services and the like), to the very
//! address that was checked, so a name cannot be re-resolved to another in
//! between. The OpenID provider is the operator's own choice ([`Reach::Any`]).

use http_body_util::{BodyExt, Full};
use hyper::Request;
use hyper::body::Bytes;
use hyper_util::rt::TokioIo;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, LazyLock};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpStream;

/// Connect, handshake and answer within this.
const TIMEOUT: Duration = Duration::from_secs(30);

/// The largest answer read (an OpenID provider's keys or tokens are a few kB).
const MAX_ANSWER: usize = 1 << 20;

/// Which addresses a request may go to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach {
    /// Only public addresses (and this machine's loopback when allowed):
    /// for addresses that come from users.
    Public { loopback_allowed: bool },
    /// Any address: for servers the operator configured.
    Any,
}

/// An answer: its status, headers and body.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub headers: hyper::HeaderMap,
    pub body: Vec<u8>,
}

/// Built once; an error (the ring provider refusing the default TLS
/// versions, which it does not) fails every push with that message.
static TLS: LazyLock<Result<tokio_rustls::TlsConnector, String>> = LazyLock::new(|| {
    let roots = rustls::RootCertStore { roots: webpki_roots::TLS_SERVER_ROOTS.to_vec() };
    rustls::ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
        .with_safe_default_protocol_versions()
        .map(|b| tokio_rustls::TlsConnector::from(Arc::new(b.with_root_certificates(roots).with_no_client_auth())))
        .map_err(|e| e.to_string())
});

/// The address is not a public one (for [`Reach::Public`]).
#[derive(Debug, thiserror::Error)]
#[error("the address {0} is not public")]
pub struct NotPublic(pub String);

/// Sends one request: `method` to `url` with `headers` and `body`.
pub async fn request(
    method: hyper::Method,
    url: &url::Url,
    headers: &[(&str, String)],
    body: Vec<u8>,
    reach: Reach,
) -> anyhow::Result<Answer> {
    tokio::time::timeout(TIMEOUT, request_inner(method, url, headers, body, reach)).await.map_err(|_| {
        anyhow::anyhow!("{} did not answer within {} s", url.host_str().unwrap_or("?"), TIMEOUT.as_secs())
    })?
}

/// Whether a request for [`Reach::Public`] may go to `ip`: a public unicast
/// address, or this machine's loopback when that is allowed.
pub fn may_connect(ip: IpAddr, loopback_allowed: bool) -> bool {
    let ip = match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(IpAddr::V6(v6), IpAddr::V4),
        v4 => v4,
    };
    if ip.is_loopback() {
        return loopback_allowed;
    }
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, c, _] = v4.octets();
            !(v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.is_multicast()
                || v4.is_documentation()
                || a == 0
                || a >= 240
                || (a == 100 && (64..128).contains(&b))
                || (a == 192 && b == 0 && c == 0)
                || (a == 198 && (18..20).contains(&b)))
        }
        IpAddr::V6(v6) => {
            !(v6.is_unspecified() || v6.is_multicast() || v6.is_unique_local() || v6.is_unicast_link_local())
        }
    }
}

/// The addresses `host` resolves to that a request may go to; an error
/// names the host when there are none.
async fn addresses(host: &str, port: u16, reach: Reach) -> anyhow::Result<Vec<SocketAddr>> {
    let found: Vec<SocketAddr> = tokio::net::lookup_host((host, port)).await?.collect();
    let allowed: Vec<SocketAddr> = match reach {
        Reach::Any => found,
        Reach::Public { loopback_allowed } => {
            found.into_iter().filter(|a| may_connect(a.ip(), loopback_allowed)).collect()
        }
    };
    if allowed.is_empty() {
        return Err(NotPublic(host.to_owned()).into());
    }
    Ok(allowed)
}

async fn request_inner(
    method: hyper::Method,
    url: &url::Url,
    headers: &[(&str, String)],
    body: Vec<u8>,
    reach: Reach,
) -> anyhow::Result<Answer> {
    let host = url.host_str().ok_or_else(|| anyhow::anyhow!("no host"))?.to_owned();
    let port = url.port_or_known_default().ok_or_else(|| anyhow::anyhow!("no port"))?;
    let mut path = url.path().to_owned();
    if let Some(q) = url.query() {
        path.push('?');
        path.push_str(q);
    }
    let authority = match url.port() {
        Some(p) => format!("{host}:{p}"),
        None => host.clone(),
    };
    let mut req = Request::builder().method(method).uri(path).header(hyper::header::HOST, authority);
    for (name, value) in headers {
        req = req.header(*name, value.as_str());
    }
    let req = req.header(hyper::header::CONTENT_LENGTH, body.len()).body(Full::new(Bytes::from(body)))?;
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    let tcp = TcpStream::connect(&addresses(bare, port, reach).await?[..]).await?;
    if url.scheme() == "https" {
        let name = rustls::pki_types::ServerName::try_from(bare.to_owned())?;
        let connector = TLS.as_ref().map_err(|e| anyhow::anyhow!("TLS: {e}"))?;
        let tls = connector.connect(name, tcp).await?;
        send(tls, req).await
    } else {
        send(tcp, req).await
    }
}

async fn send<T>(io: T, req: Request<Full<Bytes>>) -> anyhow::Result<Answer>
where
    T: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let (mut sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(io)).await?;
    let connection = tokio::spawn(conn);
    let response = sender.send_request(req).await?;
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let body = http_body_util::Limited::new(response.into_body(), MAX_ANSWER)
        .collect()
        .await
        .map_err(|e| anyhow::anyhow!("reading the answer: {e}"))?
        .to_bytes()
        .to_vec();
    connection.abort();
    Ok(Answer { status, headers, body })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_public_addresses_are_reached() {
        for ip in ["93.184.215.14", "142.250.179.170", "2a00:1450:400e:80f::200a", "::ffff:93.184.215.14"] {
            assert!(may_connect(ip.parse().expect("ip"), false), "{ip} is public");
        }
        for ip in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "224.0.0.1",
            "255.255.255.255",
            "198.18.0.1",
            "::1",
            "::",
            "fd00::1",
            "fe80::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
        ] {
            assert!(!may_connect(ip.parse().expect("ip"), false), "{ip} is not public");
        }
        assert!(may_connect("127.0.0.1".parse().expect("ip"), true), "the test instance's own push service");
        assert!(!may_connect("10.0.0.1".parse().expect("ip"), true), "loopback only, not the network");
    }

    #[tokio::test]
    async fn a_name_for_this_machine_is_refused() {
        let refused =
            addresses("127.0.0.1", 443, Reach::Public { loopback_allowed: false }).await.expect_err("refused");
        assert!(refused.downcast_ref::<NotPublic>().is_some(), "{refused}");
        assert_eq!(
            addresses("127.0.0.1", 443, Reach::Public { loopback_allowed: true }).await.expect("allowed").len(),
            1
        );
        assert_eq!(addresses("127.0.0.1", 443, Reach::Any).await.expect("the operator's choice").len(), 1);
    }
}
