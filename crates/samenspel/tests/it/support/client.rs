//! An in-process browser: sends requests straight into the router, keeps
//! cookies, and fills in the CSRF token from the last page it saw.

use super::TestApp;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode};
use std::collections::BTreeMap;
use tower::ServiceExt;

pub struct Resp {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
    /// The body as sent, for files.
    pub bytes: Vec<u8>,
}

impl Resp {
    pub fn location(&self) -> Option<&str> {
        self.headers.get("location").and_then(|v| v.to_str().ok())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    /// The body's text after the first `marker`, up to the next double quote
    /// (an attribute's value, mostly: `r.quoted_after("name=\"idem\" value=\"")`).
    pub fn quoted_after(&self, marker: &str) -> Option<String> {
        self.body.split(marker).nth(1).and_then(|s| s.split('"').next()).map(str::to_owned)
    }

    /// The code of an API error (`error.code`), or "" where there is none.
    pub fn error_code(&self) -> String {
        self.json()["error"]["code"].as_str().unwrap_or_default().to_owned()
    }

    /// The fields an API error names (`error.fields`), each as (field, code).
    pub fn error_fields(&self) -> Vec<(String, String)> {
        self.json()["error"]["fields"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|f| {
                (f["field"].as_str().unwrap_or_default().to_owned(), f["code"].as_str().unwrap_or_default().to_owned())
            })
            .collect()
    }

    /// The page's visible text, roughly (tags removed).
    pub fn text(&self) -> String {
        let mut out = String::new();
        let mut in_tag = false;
        for ch in self.body.chars() {
            match ch {
                '<' => in_tag = true,
                '>' => {
                    in_tag = false;
                    out.push(' ');
                }
                c if !in_tag => out.push(c),
                _ => {}
            }
        }
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

pub struct Client<'a> {
    app: &'a TestApp,
    cookies: BTreeMap<String, String>,
    csrf: Option<String>,
    pub accept_language: Option<String>,
    pub bearer: Option<String>,
}

impl<'a> Client<'a> {
    pub fn new(app: &'a TestApp) -> Self {
        Client { app, cookies: BTreeMap::new(), csrf: None, accept_language: None, bearer: None }
    }

    pub fn set_cookie(&mut self, name: &str, value: &str) {
        self.cookies.insert(name.to_owned(), value.to_owned());
    }

    /// How many cookies this browser holds whose name starts with `prefix`.
    pub fn cookies_named(&self, prefix: &str) -> usize {
        self.cookies.keys().filter(|k| k.starts_with(prefix)).count()
    }

    pub fn cookie(&self, name: &str) -> Option<&str> {
        self.cookies.get(name).map(String::as_str)
    }

    pub fn csrf(&self) -> Option<&str> {
        self.csrf.as_deref()
    }

    pub async fn send(&mut self, req: Request<Body>) -> Resp {
        let mut req = req;
        let h = req.headers_mut();
        if !self.cookies.is_empty() {
            let cookie = self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ");
            h.insert("cookie", cookie.parse().expect("cookie header"));
        }
        if let Some(lang) = &self.accept_language {
            h.insert("accept-language", lang.parse().expect("language header"));
        }
        if let Some(token) = &self.bearer {
            h.insert("authorization", format!("Bearer {token}").parse().expect("auth header"));
        }
        let response = self.app.router.clone().oneshot(req).await.expect("router answers");
        let status = response.status();
        let headers = response.headers().clone();
        for set in headers.get_all("set-cookie") {
            let s = set.to_str().unwrap_or("");
            let pair = s.split(';').next().unwrap_or("");
            if let Some((k, v)) = pair.split_once('=') {
                if v.is_empty() || s.contains("Max-Age=0") {
                    self.cookies.remove(k);
                } else {
                    self.cookies.insert(k.to_owned(), v.to_owned());
                }
            }
        }
        let bytes = axum::body::to_bytes(response.into_body(), 16 * 1024 * 1024).await.expect("body");
        let body = String::from_utf8_lossy(&bytes).into_owned();
        if let Some(token) = find_csrf(&body) {
            self.csrf = Some(token);
        }
        Resp { status, headers, body, bytes: bytes.to_vec() }
    }

    pub async fn get(&mut self, path: &str) -> Resp {
        self.send(Request::builder().uri(path).body(Body::empty()).expect("request")).await
    }

    /// Posts a form, adding the CSRF token from the last page (fetching the
    /// sign-in page first when no page was seen yet).
    pub async fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> Resp {
        if self.csrf.is_none() {
            self.get("/sign-in").await;
        }
        let mut all: Vec<(&str, &str)> = vec![("csrf", self.csrf.as_deref().unwrap_or(""))];
        all.extend_from_slice(fields);
        let body = serde_urlencoded::to_string(&all).expect("form");
        self.post_raw(path, body).await
    }

    /// Posts a form body exactly as given (no CSRF token added).
    pub async fn post_raw(&mut self, path: &str, body: String) -> Resp {
        self.form_raw(Method::POST, path, body).await
    }

    /// Sends a form body exactly as given (no CSRF token added) with `method`.
    pub async fn form_raw(&mut self, method: Method, path: &str, body: String) -> Resp {
        let req = Request::builder()
            .method(method)
            .uri(path)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .expect("request");
        self.send(req).await
    }

    /// A JSON POST with an `Idempotency-Key`.
    pub async fn post_with_key(&mut self, path: &str, key: &str, body: serde_json::Value) -> Resp {
        let req = Request::builder()
            .method(Method::POST)
            .uri(path)
            .header("content-type", "application/json")
            .header("idempotency-key", key)
            .body(Body::from(body.to_string()))
            .expect("request");
        self.send(req).await
    }

    /// A JSON API call.
    pub async fn api(&mut self, method: Method, path: &str, body: Option<serde_json::Value>) -> Resp {
        let mut b = Request::builder().method(method).uri(path);
        let body = match body {
            Some(v) => {
                b = b.header("content-type", "application/json");
                Body::from(v.to_string())
            }
            None => Body::empty(),
        };
        self.send(b.body(body).expect("request")).await
    }
}

fn find_csrf(body: &str) -> Option<String> {
    let marker = "name=\"csrf\" value=\"";
    let start = body.find(marker)? + marker.len();
    let end = body[start..].find('"')?;
    Some(body[start..start + end].to_owned())
}
