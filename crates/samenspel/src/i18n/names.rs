//! The names of things in the visitor's language: roles, audiences, kinds,
//! steps, guides, perspectives, network groups.

use super::Tr;

impl Tr {
    /// A role's name ("vrijwilliger").
    pub fn role(&self, role: &samenspel_core::role::Role) -> String {
        self.t(&format!("role-{}", role.as_str()))
    }

    /// An audience in plain words ("alleen beroepskrachten").
    pub fn audience(&self, audience: &samenspel_core::audience::Audience) -> String {
        self.t(&format!("audience-{}", audience.as_str()))
    }

    /// An invitation's state ("geaccepteerd").
    pub fn invitation_state(&self, state: &samenspel_core::invitation::InvitationState) -> String {
        let name = match state {
            samenspel_core::invitation::InvitationState::Open => "open",
            samenspel_core::invitation::InvitationState::Accepted => "accepted",
            samenspel_core::invitation::InvitationState::Revoked => "revoked",
            samenspel_core::invitation::InvitationState::Expired => "expired",
        };
        self.t(&format!("invitation-state-{name}"))
    }

    /// A kind of logbook entry ("Mooi moment").
    pub fn kind(&self, kind: &samenspel_core::logbook::EntryKind) -> String {
        self.t(&format!("kind-{}", kind.as_str()))
    }

    /// Where an open item stands ("nog geen antwoord").
    pub fn status(&self, status: &samenspel_core::logbook::Status) -> String {
        self.t(&format!("status-{}", status.as_str()))
    }

    /// A reaction's name ("Bedankt").
    pub fn reaction(&self, r: &samenspel_core::logbook::Reaction) -> String {
        self.t(&format!("reaction-{}", r.as_str()))
    }

    /// How often a summary comes ("Elke week").
    pub fn digest(&self, d: &samenspel_store::logbook::Digest) -> String {
        self.t(&format!("digest-{}", d.as_str()))
    }

    /// A life domain in words ("Eten en drinken").
    pub fn domain(&self, d: &samenspel_core::agreement::Domain) -> String {
        self.t(&format!("agreement-domain-{}", d.as_str()))
    }

    /// A step of the Schijf van Vijf, short ("Familie en mantelzorg").
    pub fn step(&self, s: &samenspel_core::agreement::Step) -> String {
        self.t(&format!("agreement-step-{}", s.number()))
    }

    /// A step as the question the conversation asks.
    pub fn step_question(&self, s: &samenspel_core::agreement::Step) -> String {
        self.t(&format!("agreement-step-{}-question", s.number()))
    }

    /// A kind of change in the situation ("Verhuisd naar een verpleeghuis").
    pub fn change_kind(&self, k: &samenspel_core::change::ChangeKind) -> String {
        self.t(&format!("change-kind-{}", k.as_str()))
    }

    /// A conversation guide's name.
    pub fn guide(&self, g: &samenspel_core::conversation::Guide) -> String {
        self.t(&format!("guide-{}", g.as_str()))
    }

    /// What a guide is for, about the client by name.
    pub fn guide_intro(&self, g: &samenspel_core::conversation::Guide, client: &str) -> String {
        self.t1(&format!("guide-{}-intro", g.as_str()), "client", client)
    }

    /// A guide's question, about the client by name.
    pub fn question(&self, q: &samenspel_core::conversation::Question, client: &str) -> String {
        self.t1(&format!("guide-q-{}", q.key), "client", client)
    }

    /// A collaboration perspective's name ("De verbinder").
    pub fn perspective(&self, p: &samenspel_core::profile::Perspective) -> String {
        self.t(&format!("perspective-{}", p.as_str()))
    }

    /// A perspective in one line, for the member card.
    pub fn perspective_line(&self, p: &samenspel_core::profile::Perspective) -> String {
        self.t(&format!("perspective-{}-line", p.as_str()))
    }

    /// Question `n` of the profile self-assessment, or one of its answers.
    pub fn profile_text(
        &self,
        n: impl std::borrow::Borrow<usize>,
        p: Option<&samenspel_core::profile::Perspective>,
    ) -> String {
        let n = n.borrow();
        match p {
            None => self.t(&format!("profile-q{n}")),
            Some(p) => self.t(&format!("profile-q{n}-{}", p.as_str())),
        }
    }

    /// A SOFA role's name.
    pub fn sofa(&self, r: &samenspel_core::profile::SofaRole) -> String {
        self.t(&format!("sofa-{}", r.as_str()))
    }

    /// What a SOFA role means.
    pub fn sofa_hint(&self, r: &samenspel_core::profile::SofaRole) -> String {
        self.t(&format!("sofa-{}-hint", r.as_str()))
    }

    /// An ecogram group in words ("Buren").
    pub fn category(&self, c: &samenspel_core::network::Category) -> String {
        self.t(&format!("network-category-{}", c.letter().to_lowercase()))
    }

    /// A kind of support in words ("Gezelschap").
    pub fn support_kind(&self, k: &samenspel_core::network::SupportKind) -> String {
        self.t(&format!("network-support-{}", k.letter().to_lowercase()))
    }

    /// A kind of relation, with how the map draws it.
    pub fn tie(&self, t: &samenspel_core::network::Tie) -> String {
        self.t(&format!("network-tie-{}", t.as_str()))
    }

    /// "Dichtbij", "Midden", "Verder weg".
    pub fn closeness(&self, c: impl std::borrow::Borrow<i64>) -> String {
        self.t(&format!("network-closeness-{}", c.borrow()))
    }

    /// An audit action ("members.list") in words ("bekeek de ledenlijst").
    pub fn audit_action(&self, action: &str) -> String {
        self.t(&format!("audit-{}", action.replace('.', "-")))
    }
}
