//! The e-mails Samenspel sends, rendered from templates in the recipient's
//! language. Subjects never carry anything sensitive: no client names.

use super::{MailLinks, OutgoingMail};
use crate::i18n::Tr;
use askama::Template;

/// The plain-text and the HTML template of one e-mail, which take the same
/// fields. (The paths are `tt`, so that the template derive sees plain
/// string literals.)
macro_rules! mail_templates {
    ($text:ident $(<$lt:lifetime>)? = $text_path:tt, $html:ident $(<$lt2:lifetime>)? = $html_path:tt { $($field:ident: $ty:ty),* $(,)? }) => {
        #[derive(Template)]
        #[template(path = $text_path)]
        struct $text $(<$lt>)? { $($field: $ty),* }

        #[derive(Template)]
        #[template(path = $html_path)]
        struct $html $(<$lt2>)? { $($field: $ty),* }
    };
}

mail_templates! {
    InvitationText<'a> = "mail/invitation.txt", InvitationHtml<'a> = "mail/invitation.html" {
        tr: Tr,
        inviter: &'a str,
        client_name: &'a str,
        message: &'a str,
        link: &'a str,
        expires: &'a str,
    }
}

mail_templates! {
    SignInText<'a> = "mail/sign_in.txt", SignInHtml<'a> = "mail/sign_in.html" {
        tr: Tr,
        name: &'a str,
        link: &'a str,
        minutes: u32,
        joining: Option<Joining<'a>>,
    }
}

/// A sign-in link that finishes joining a circle says so: which circle, who
/// invited (in the text, never in the subject).
#[derive(Clone, Copy, Debug)]
pub struct Joining<'a> {
    pub client_name: &'a str,
    pub inviter: &'a str,
}

pub fn invitation_mail(
    tr: Tr,
    to: &str,
    inviter: &str,
    client_name: &str,
    message: &str,
    link: &str,
    expires: &str,
) -> askama::Result<OutgoingMail> {
    Ok(OutgoingMail {
        to: to.to_owned(),
        subject: tr.t1("mail-invitation-subject", "inviter", inviter),
        text: InvitationText { tr, inviter, client_name, message, link, expires }.render()?,
        html: InvitationHtml { tr, inviter, client_name, message, link, expires }.render()?,
        settings_link: None,
        stop_link: None,
    })
}

pub fn sign_in_mail(
    tr: Tr,
    to: &str,
    name: &str,
    link: &str,
    minutes: u32,
    joining: Option<Joining<'_>>,
) -> askama::Result<OutgoingMail> {
    let subject = if joining.is_some() { "mail-join-subject" } else { "mail-sign-in-subject" };
    Ok(OutgoingMail {
        to: to.to_owned(),
        subject: tr.t(subject),
        text: SignInText { tr, name, link, minutes, joining }.render()?,
        html: SignInHtml { tr, name, link, minutes, joining }.render()?,
        settings_link: None,
        stop_link: None,
    })
}

mail_templates! {
    NoAccountText = "mail/no_account.txt", NoAccountHtml = "mail/no_account.html" {
        tr: Tr,
    }
}

/// The answer to a sign-in link asked for an address without an account:
/// sent like a link, so the request reveals nothing about who has one.
pub fn no_account_mail(tr: Tr, to: &str) -> askama::Result<OutgoingMail> {
    Ok(OutgoingMail {
        to: to.to_owned(),
        subject: tr.t("mail-no-account-subject"),
        text: NoAccountText { tr }.render()?,
        html: NoAccountHtml { tr }.render()?,
        settings_link: None,
        stop_link: None,
    })
}

mail_templates! {
    NoticeText<'a> = "mail/notice.txt", NoticeHtml<'a> = "mail/notice.html" {
        tr: Tr,
        name: &'a str,
        lead: &'a str,
        excerpt: &'a str,
        button: &'a str,
        link: &'a str,
        links: &'a MailLinks,
    }
}

/// A notification about one thing: who did what, an excerpt, a button.
pub fn notice_mail(
    tr: Tr,
    to: &str,
    name: &str,
    subject: String,
    lead: &str,
    excerpt: &str,
    button: &str,
    link: &str,
    links: &MailLinks,
) -> askama::Result<OutgoingMail> {
    Ok(OutgoingMail {
        to: to.to_owned(),
        subject,
        text: NoticeText { tr, name, lead, excerpt, button, link, links }.render()?,
        html: NoticeHtml { tr, name, lead, excerpt, button, link, links }.render()?,
        settings_link: Some(links.footer.clone()),
        stop_link: Some(links.stop.clone()),
    })
}

/// One line of a summary.
#[derive(Clone, Debug)]
pub struct DigestItem {
    pub when: String,
    pub who: String,
    pub kind: String,
    pub text: String,
    pub link: String,
}

mail_templates! {
    DigestText<'a> = "mail/digest.txt", DigestHtml<'a> = "mail/digest.html" {
        tr: Tr,
        name: &'a str,
        lead: String,
        items: &'a [DigestItem],
        link: &'a str,
        links: &'a MailLinks,
    }
}

/// The daily or weekly summary: what happened in the circle, as the
/// recipient may see it.
pub fn digest_mail(
    tr: Tr,
    to: &str,
    name: &str,
    (client_name, for_client): (&str, bool),
    digest: samenspel_store::logbook::Digest,
    items: &[DigestItem],
    link: &str,
    links: &MailLinks,
) -> askama::Result<OutgoingMail> {
    let own = Tr::own(for_client);
    let (subject, lead) = match digest {
        samenspel_store::logbook::Digest::Daily => {
            (tr.t("mail-digest-daily-subject"), tr.t2("mail-digest-daily-lead", "client", client_name, "own", own))
        }
        _ => (tr.t("mail-digest-weekly-subject"), tr.t2("mail-digest-weekly-lead", "client", client_name, "own", own)),
    };
    Ok(OutgoingMail {
        to: to.to_owned(),
        subject,
        text: DigestText { tr, name, lead: lead.clone(), items, link, links }.render()?,
        html: DigestHtml { tr, name, lead, items, link, links }.render()?,
        settings_link: Some(links.footer.clone()),
        stop_link: Some(links.stop.clone()),
    })
}

mail_templates! {
    PoolText<'a> = "mail/pool.txt", PoolHtml<'a> = "mail/pool.html" {
        tr: Tr,
        name: &'a str,
        lead: &'a str,
        text: &'a str,
        link: &'a str,
        organisation: &'a str,
    }
}

/// An e-mail to a volunteer about the organisation's pool (added to it, asked
/// for something, a VOG about to lapse): one button to their pool page, and
/// a footer that says why it came. No circle's settings apply to it.
#[allow(clippy::too_many_arguments)]
pub fn pool_mail(
    tr: Tr,
    to: &str,
    name: &str,
    subject: String,
    lead: &str,
    text: &str,
    link: &str,
    organisation: &str,
) -> askama::Result<OutgoingMail> {
    Ok(OutgoingMail {
        to: to.to_owned(),
        subject,
        text: PoolText { tr, name, lead, text, link, organisation }.render()?,
        html: PoolHtml { tr, name, lead, text, link, organisation }.render()?,
        settings_link: None,
        stop_link: None,
    })
}
