//! A local SMTP sink: a small but real SMTP server on 127.0.0.1 that keeps
//! what it receives, and can refuse the first deliveries with a temporary
//! error to exercise retries.

use std::sync::{Arc, Mutex};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

#[derive(Clone, Debug)]
pub struct Received {
    pub from: String,
    pub to: Vec<String>,
    pub data: String,
}

#[derive(Clone)]
pub struct SmtpSink {
    pub port: u16,
    pub received: Arc<Mutex<Vec<Received>>>,
    refuse: Arc<Mutex<u32>>,
}

impl SmtpSink {
    pub async fn start() -> SmtpSink {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind SMTP sink");
        let port = listener.local_addr().expect("addr").port();
        let sink = SmtpSink { port, received: Arc::default(), refuse: Arc::default() };
        let s = sink.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let s = s.clone();
                tokio::spawn(async move {
                    let _ = s.session(stream).await;
                });
            }
        });
        sink
    }

    /// Answers the next `n` messages with "451 try again later".
    pub fn refuse_next(&self, n: u32) {
        *self.refuse.lock().expect("lock") = n;
    }

    pub fn messages(&self) -> Vec<Received> {
        self.received.lock().expect("lock").clone()
    }

    async fn session(&self, stream: tokio::net::TcpStream) -> std::io::Result<()> {
        let (r, mut w) = stream.into_split();
        let mut lines = BufReader::new(r);
        w.write_all(b"220 sink.test ESMTP\r\n").await?;
        let (mut from, mut to) = (String::new(), Vec::new());
        let mut line = String::new();
        loop {
            line.clear();
            if lines.read_line(&mut line).await? == 0 {
                return Ok(());
            }
            let cmd = line.trim_end().to_owned();
            let upper = cmd.to_ascii_uppercase();
            if upper.starts_with("EHLO") {
                w.write_all(b"250-sink.test\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n").await?;
            } else if upper.starts_with("HELO") {
                w.write_all(b"250 sink.test\r\n").await?;
            } else if upper.starts_with("MAIL FROM:") {
                from = cmd[10..].trim().trim_start_matches('<').split('>').next().unwrap_or("").to_owned();
                to.clear();
                w.write_all(b"250 OK\r\n").await?;
            } else if upper.starts_with("RCPT TO:") {
                to.push(cmd[8..].trim().trim_start_matches('<').split('>').next().unwrap_or("").to_owned());
                w.write_all(b"250 OK\r\n").await?;
            } else if upper == "DATA" {
                w.write_all(b"354 go ahead\r\n").await?;
                let mut data = String::new();
                loop {
                    line.clear();
                    if lines.read_line(&mut line).await? == 0 {
                        return Ok(());
                    }
                    if line == ".\r\n" || line == ".\n" {
                        break;
                    }
                    data.push_str(line.strip_prefix('.').unwrap_or(&line));
                }
                let refuse = {
                    let mut n = self.refuse.lock().expect("lock");
                    let r = *n > 0;
                    if r {
                        *n -= 1;
                    }
                    r
                };
                if refuse {
                    w.write_all(b"451 4.3.0 try again later\r\n").await?;
                } else {
                    self.received.lock().expect("lock").push(Received { from: from.clone(), to: to.clone(), data });
                    w.write_all(b"250 OK queued\r\n").await?;
                }
            } else if upper == "QUIT" {
                w.write_all(b"221 bye\r\n").await?;
                return Ok(());
            } else if upper == "RSET" || upper == "NOOP" {
                w.write_all(b"250 OK\r\n").await?;
            } else {
                w.write_all(b"502 not implemented\r\n").await?;
            }
        }
    }
}
