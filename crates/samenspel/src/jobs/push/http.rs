//! The push service client: one HTTP/1.1 POST per device over hyper and
//! tokio-rustls (with the Mozilla root certificates), which the server and
//! the mail transport already build. No connection pool: a circle's news
//! is a handful of pushes, each to a different device.

use http_body_util::{BodyExt, Full};
use hyper::Request;
use hyper::body::Bytes;
use hyper_util::rt::TokioIo;
use std::sync::{Arc, LazyLock};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpStream;

/// Connect, handshake and answer within this; the job is retried otherwise.
const TIMEOUT: Duration = Duration::from_secs(30);

/// Built once; an error (the ring provider refusing the default TLS
/// versions, which it does not) fails every push with that message.
static TLS: LazyLock<Result<tokio_rustls::TlsConnector, String>> = LazyLock::new(|| {
    let roots = rustls::RootCertStore { roots: webpki_roots::TLS_SERVER_ROOTS.to_vec() };
    rustls::ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
        .with_safe_default_protocol_versions()
        .map(|b| tokio_rustls::TlsConnector::from(Arc::new(b.with_root_certificates(roots).with_no_client_auth())))
        .map_err(|e| e.to_string())
});

/// POSTs `body` to `url` with `headers`; answers the status code.
pub async fn post(url: &url::Url, headers: &[(&str, String)], body: Vec<u8>) -> anyhow::Result<u16> {
    tokio::time::timeout(TIMEOUT, post_inner(url, headers, body))
        .await
        .map_err(|_| anyhow::anyhow!("the push service did not answer within {} s", TIMEOUT.as_secs()))?
}

async fn post_inner(url: &url::Url, headers: &[(&str, String)], body: Vec<u8>) -> anyhow::Result<u16> {
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
    let mut req = Request::post(path).header(hyper::header::HOST, authority);
    for (name, value) in headers {
        req = req.header(*name, value.as_str());
    }
    let req = req.header(hyper::header::CONTENT_LENGTH, body.len()).body(Full::new(Bytes::from(body)))?;
    let tcp = TcpStream::connect((host.trim_start_matches('[').trim_end_matches(']'), port)).await?;
    if url.scheme() == "https" {
        let name =
            rustls::pki_types::ServerName::try_from(host.trim_start_matches('[').trim_end_matches(']').to_owned())?;
        let connector = TLS.as_ref().map_err(|e| anyhow::anyhow!("TLS: {e}"))?;
        let tls = connector.connect(name, tcp).await?;
        send(tls, req).await
    } else {
        send(tcp, req).await
    }
}

async fn send<T>(io: T, req: Request<Full<Bytes>>) -> anyhow::Result<u16>
where
    T: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let (mut sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(io)).await?;
    let connection = tokio::spawn(conn);
    let response = sender.send_request(req).await?;
    let status = response.status().as_u16();
    // Read the (small) answer so the connection ends cleanly, then drop it.
    let _ = response.into_body().collect().await;
    connection.abort();
    Ok(status)
}
