//! The e-mails Samenspel sends, rendered from templates in the recipient's
//! language. Subjects never carry anything sensitive: no client names.

use super::OutgoingMail;
use crate::i18n::Tr;
use askama::Template;

#[derive(Template)]
#[template(path = "mail/invitation.txt")]
struct InvitationText<'a> {
    tr: Tr,
    inviter: &'a str,
    client_name: &'a str,
    message: &'a str,
    link: &'a str,
    expires: &'a str,
}

#[derive(Template)]
#[template(path = "mail/invitation.html")]
struct InvitationHtml<'a> {
    tr: Tr,
    inviter: &'a str,
    client_name: &'a str,
    message: &'a str,
    link: &'a str,
    expires: &'a str,
}

#[derive(Template)]
#[template(path = "mail/sign_in.txt")]
struct SignInText<'a> {
    tr: Tr,
    name: &'a str,
    link: &'a str,
    minutes: u32,
}

#[derive(Template)]
#[template(path = "mail/sign_in.html")]
struct SignInHtml<'a> {
    tr: Tr,
    name: &'a str,
    link: &'a str,
    minutes: u32,
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
    })
}

pub fn sign_in_mail(tr: Tr, to: &str, name: &str, link: &str, minutes: u32) -> askama::Result<OutgoingMail> {
    Ok(OutgoingMail {
        to: to.to_owned(),
        subject: tr.t("mail-sign-in-subject"),
        text: SignInText { tr, name, link, minutes }.render()?,
        html: SignInHtml { tr, name, link, minutes }.render()?,
        settings_link: None,
    })
}

#[derive(Template)]
#[template(path = "mail/no_account.txt")]
struct NoAccountText {
    tr: Tr,
}

#[derive(Template)]
#[template(path = "mail/no_account.html")]
struct NoAccountHtml {
    tr: Tr,
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
    })
}

#[derive(Template)]
#[template(path = "mail/notice.txt")]
struct NoticeText<'a> {
    tr: Tr,
    name: &'a str,
    lead: &'a str,
    excerpt: &'a str,
    button: &'a str,
    link: &'a str,
    settings: &'a str,
}

#[derive(Template)]
#[template(path = "mail/notice.html")]
struct NoticeHtml<'a> {
    tr: Tr,
    name: &'a str,
    lead: &'a str,
    excerpt: &'a str,
    button: &'a str,
    link: &'a str,
    settings: &'a str,
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
    settings: &str,
) -> askama::Result<OutgoingMail> {
    Ok(OutgoingMail {
        to: to.to_owned(),
        subject,
        text: NoticeText { tr, name, lead, excerpt, button, link, settings }.render()?,
        html: NoticeHtml { tr, name, lead, excerpt, button, link, settings }.render()?,
        settings_link: Some(settings.to_owned()),
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

#[derive(Template)]
#[template(path = "mail/digest.txt")]
struct DigestText<'a> {
    tr: Tr,
    name: &'a str,
    lead: String,
    items: &'a [DigestItem],
    link: &'a str,
    settings: &'a str,
}

#[derive(Template)]
#[template(path = "mail/digest.html")]
struct DigestHtml<'a> {
    tr: Tr,
    name: &'a str,
    lead: String,
    items: &'a [DigestItem],
    link: &'a str,
    settings: &'a str,
}

/// The daily or weekly summary: what happened in the circle, as the
/// recipient may see it.
pub fn digest_mail(
    tr: Tr,
    to: &str,
    name: &str,
    client_name: &str,
    digest: samenspel_store::logbook::Digest,
    items: &[DigestItem],
    link: &str,
    settings: &str,
) -> askama::Result<OutgoingMail> {
    let (subject, lead) = match digest {
        samenspel_store::logbook::Digest::Daily => {
            (tr.t("mail-digest-daily-subject"), tr.t1("mail-digest-daily-lead", "client", client_name))
        }
        _ => (tr.t("mail-digest-weekly-subject"), tr.t1("mail-digest-weekly-lead", "client", client_name)),
    };
    Ok(OutgoingMail {
        to: to.to_owned(),
        subject,
        text: DigestText { tr, name, lead: lead.clone(), items, link, settings }.render()?,
        html: DigestHtml { tr, name, lead, items, link, settings }.render()?,
        settings_link: Some(settings.to_owned()),
    })
}
