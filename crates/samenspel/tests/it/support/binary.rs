//! Running the real `samenspel` binary: as a server on port 0, or as a
//! command, against a test database.

use super::{Engine, TestDb};
use std::path::PathBuf;
use std::process::Stdio;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::process::{Child, Command};

pub const BIN: &str = env!("CARGO_BIN_EXE_samenspel");

/// Where the binary keeps its data for one test. On PostgreSQL the binary
/// cannot use a schema, so it gets a database of its own.
pub struct Install {
    pub data_dir: PathBuf,
    pub database_url: String,
    pg_database: Option<(String, String)>,
}

impl Install {
    pub async fn new(db: &TestDb) -> Install {
        let data_dir = db.dir.join("install");
        std::fs::create_dir_all(&data_dir).expect("data dir");
        match db.engine {
            Engine::Sqlite => Install {
                database_url: format!("sqlite://{}", data_dir.join("samenspel.db").display()),
                data_dir,
                pg_database: None,
            },
            Engine::Postgres => Install::on_postgres(db, &db.url).await,
        }
    }

    /// An installation in a database of its own on the PostgreSQL server at
    /// `admin_url` (the test server, or a cluster a test may restart).
    pub async fn on_postgres(db: &TestDb, admin_url: &str) -> Install {
        use sqlx::Connection;
        let data_dir = db.dir.join("install");
        std::fs::create_dir_all(&data_dir).expect("data dir");
        let name = format!("samenspel_bin_{}", uuid::Uuid::new_v4().simple());
        let mut c = sqlx::PgConnection::connect(admin_url).await.expect("postgres");
        sqlx::raw_sql(&format!("CREATE DATABASE {name}")).execute(&mut c).await.expect("create database");
        let mut url = url::Url::parse(admin_url).expect("postgres url");
        url.set_path(&format!("/{name}"));
        Install { database_url: url.to_string(), data_dir, pg_database: Some((admin_url.to_owned(), name)) }
    }

    /// An installation that already exists (a SQLite one, e.g. restored).
    pub fn at(data_dir: PathBuf, database_url: String) -> Install {
        Install { data_dir, database_url, pg_database: None }
    }

    /// An organisation called `org` with an administrator (beheer@test.example)
    /// made through the command line, and that administrator's API token as
    /// an `Authorization` value ("Bearer …").
    pub async fn org_admin_token(&self, org: &str) -> String {
        let (code, out, err) = self.run(&["admin", "create-org", "--name", org], &[]).await;
        assert_eq!(code, 0, "{out}{err}");
        let org = last_line(&out).to_owned();
        let (code, out, err) = self
            .run(&["admin", "create-admin", "--org", &org, "--email", "beheer@test.example", "--name", "Beheer"], &[])
            .await;
        assert_eq!(code, 0, "{out}{err}");
        let (code, out, err) = self.run(&["admin", "token", "--email", "beheer@test.example"], &[]).await;
        assert_eq!(code, 0, "{out}{err}");
        format!("Bearer {}", last_line(&out))
    }

    /// Runs a command to completion: (exit code, stdout, stderr).
    pub async fn run(&self, args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
        let mut cmd = self.command(args, env);
        let out = tokio::time::timeout(Duration::from_secs(120), cmd.output())
            .await
            .expect("command finished in time")
            .expect("command ran");
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    pub fn command(&self, args: &[&str], env: &[(&str, &str)]) -> Command {
        let mut cmd = Command::new(BIN);
        cmd.args(args)
            .arg("--data-dir")
            .arg(&self.data_dir)
            .arg("--database-url")
            .arg(&self.database_url)
            .env_remove("SAMENSPEL_TEST_POSTGRES")
            .env("SAMENSPEL_LOG_LEVEL", "warn")
            .current_dir(&self.data_dir)
            .kill_on_drop(true);
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd
    }

    /// Starts `samenspel serve` on a free port and waits until it listens.
    pub async fn serve(&self) -> Server {
        self.start("serve").await
    }

    /// Starts `samenspel demo` (demo data first, then serve) on a free port.
    pub async fn demo(&self) -> Server {
        self.start("demo").await
    }

    /// `samenspel serve` with settings given in the environment.
    pub async fn serve_with(&self, env: &[(&str, &str)]) -> Server {
        self.start_with("serve", env).await
    }

    async fn start(&self, command: &str) -> Server {
        self.start_with(command, &[]).await
    }

    async fn start_with(&self, command: &str, env: &[(&str, &str)]) -> Server {
        let mut child = self
            .command(&[command, "--bind", "127.0.0.1:0"], env)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("server starts");
        let stdout = child.stdout.take().expect("stdout");
        let mut lines = BufReader::new(stdout).lines();
        let addr = tokio::time::timeout(Duration::from_secs(60), async {
            while let Some(line) = lines.next_line().await.expect("read stdout") {
                if let Some(rest) = line.strip_prefix("Samenspel listening on http://") {
                    return rest.trim().to_owned();
                }
            }
            panic!("server exited before listening");
        })
        .await
        .expect("server listens in time");
        Server { child, addr }
    }

    pub async fn drop_database(&self) {
        if let Some((admin_url, name)) = &self.pg_database {
            use sqlx::Connection;
            if let Ok(mut c) = sqlx::PgConnection::connect(admin_url).await {
                let _ = sqlx::raw_sql(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).execute(&mut c).await;
            }
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.data_dir.join(name)
    }
}

pub struct Server {
    pub child: Child,
    pub addr: String,
}

impl Server {
    /// A plain HTTP/1.1 request: (status, body).
    pub async fn request(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &str) -> (u16, String) {
        http(&self.addr, method, path, headers, body).await
    }

    /// Starts Henk's circle over the API as a coordinator, with `auth` as the
    /// Authorization header; the status and body of the answer.
    pub async fn start_henks_circle(&self, auth: &str) -> (u16, String) {
        let headers = [("Authorization", auth), ("Content-Type", "application/json")];
        self.request("POST", "/api/v1/circles", &headers, "{\"client_name\": \"Henk\", \"my_role\": \"coordinator\"}")
            .await
    }

    /// SIGTERM, then waits for the exit code.
    pub async fn terminate(mut self) -> Option<i32> {
        signal(&self.child, "TERM");
        tokio::time::timeout(Duration::from_secs(30), self.child.wait()).await.ok()?.ok()?.code()
    }

    /// SIGKILL: the process gets no chance to clean up (a crash).
    pub async fn kill_hard(mut self) {
        signal(&self.child, "KILL");
        let _ = tokio::time::timeout(Duration::from_secs(30), self.child.wait()).await;
    }
}

fn signal(child: &Child, sig: &str) {
    if let Some(pid) = child.id() {
        let _ = std::process::Command::new("kill").arg(format!("-{sig}")).arg(pid.to_string()).status();
    }
}

pub async fn http(addr: &str, method: &str, path: &str, headers: &[(&str, &str)], body: &str) -> (u16, String) {
    let (status, _, body) = http_full(addr, method, path, headers, body).await;
    (status, body)
}

/// A plain HTTP/1.1 request: (status, the head's header lines, body).
pub async fn http_full(
    addr: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> (u16, Vec<String>, String) {
    let mut stream = tokio::net::TcpStream::connect(addr).await.expect("connect");
    let mut req =
        format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n", body.len());
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str("\r\n");
    req.push_str(body);
    stream.write_all(req.as_bytes()).await.expect("write");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).await.expect("read");
    let text = String::from_utf8_lossy(&raw).into_owned();
    let status = text.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let body =
        if head.to_ascii_lowercase().contains("transfer-encoding: chunked") { dechunk(body) } else { body.to_owned() };
    (status, head.lines().skip(1).map(str::to_owned).collect(), body)
}

fn dechunk(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some((size, after)) = rest.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 || after.len() < n {
            break;
        }
        out.push_str(&after[..n]);
        rest = after[n..].trim_start_matches("\r\n");
    }
    out
}

pub fn last_line(s: &str) -> &str {
    s.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("").trim()
}
