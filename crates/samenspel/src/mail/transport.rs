//! Where e-mail goes: an SMTP server, or — without SMTP settings (demo,
//! development) — `.eml` files in `<data_dir>/mail`.

use super::OutgoingMail;
use crate::config::{Config, SmtpSecurity};
use anyhow::Context;
use lettre::message::{Mailbox, MultiPart, header};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::path::PathBuf;
use std::time::Duration;

enum Kind {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Folder(PathBuf),
}

pub struct Mailer {
    from: Mailbox,
    domain: String,
    kind: Kind,
}

impl Mailer {
    pub fn from_config(config: &Config) -> anyhow::Result<Mailer> {
        let from: Mailbox = config.mail_from.parse().context("mail_from")?;
        let domain = from.email.domain().to_owned();
        let kind = match &config.smtp {
            None => Kind::Folder(config.mail_dir()),
            Some(smtp) => {
                let builder = match smtp.security {
                    SmtpSecurity::StartTls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&smtp.host)?,
                    SmtpSecurity::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&smtp.host)?,
                    SmtpSecurity::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&smtp.host),
                };
                let mut builder = builder.port(smtp.port).timeout(Some(Duration::from_secs(30)));
                if let (Some(user), Some(password)) = (&smtp.username, &smtp.password) {
                    builder = builder.credentials(Credentials::new(user.clone(), password.expose().to_owned()));
                }
                Kind::Smtp(builder.build())
            }
        };
        Ok(Mailer { from, domain, kind })
    }

    /// Describes the transport for the start-up log.
    pub fn describe(&self) -> String {
        match &self.kind {
            Kind::Smtp(_) => "SMTP".into(),
            Kind::Folder(dir) => format!("files in {}", dir.display()),
        }
    }

    /// Sends one mail. `id` (the outbox job's id) becomes the Message-ID, so
    /// a rare resend after a crash is recognisable as the same message.
    pub async fn send(&self, id: &str, mail: &OutgoingMail) -> anyhow::Result<()> {
        let to: Mailbox = mail.to.parse().with_context(|| format!("recipient address {:?}", mail.to))?;
        let mut builder = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(&mail.subject)
            .message_id(Some(format!("<{id}@{}>", self.domain)))
            .header(header::MIME_VERSION_1_0);
        // One click in the mail program stops these e-mails (RFC 8058).
        let stop = mail.stop_link.clone().or_else(|| mail.settings_link.as_ref().map(|l| format!("{l}/off")));
        if let Some(stop) = stop {
            builder = builder.header(ListUnsubscribe(format!("<{stop}>"))).header(ListUnsubscribePost);
        }
        let message = builder
            .multipart(MultiPart::alternative_plain_html(mail.text.clone(), mail.html.clone()))
            .context("building the message")?;
        match &self.kind {
            Kind::Smtp(transport) => {
                transport.send(message).await.context("SMTP delivery")?;
            }
            Kind::Folder(dir) => {
                tokio::fs::create_dir_all(dir).await?;
                // Write then rename, so a reader never sees half a message.
                let name = format!("{}-{id}.eml", jiff::Timestamp::now().as_millisecond());
                let tmp = dir.join(format!(".{name}.tmp"));
                tokio::fs::write(&tmp, message.formatted()).await?;
                tokio::fs::rename(&tmp, dir.join(name)).await?;
            }
        }
        Ok(())
    }
}

#[derive(Clone)]
struct ListUnsubscribe(String);

impl header::Header for ListUnsubscribe {
    fn name() -> header::HeaderName {
        header::HeaderName::new_from_ascii_str("List-Unsubscribe")
    }
    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListUnsubscribe(s.to_owned()))
    }
    fn display(&self) -> header::HeaderValue {
        header::HeaderValue::new(Self::name(), self.0.clone())
    }
}

#[derive(Clone)]
struct ListUnsubscribePost;

impl header::Header for ListUnsubscribePost {
    fn name() -> header::HeaderName {
        header::HeaderName::new_from_ascii_str("List-Unsubscribe-Post")
    }
    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListUnsubscribePost)
    }
    fn display(&self) -> header::HeaderValue {
        header::HeaderValue::new(Self::name(), "List-Unsubscribe=One-Click".to_owned())
    }
}
