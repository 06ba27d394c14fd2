//! The network map (netwerkkaart) in the ecogram convention professionals
//! know (Expertisecentrum Mantelzorg, "Een ecogram maken"): the client in the
//! centre, everybody who matters around them with a category letter, the
//! kinds of support on the line to the centre, the kind of relation as the
//! line's style, and closeness as the distance from the centre.

use crate::error::Validator;
use crate::ids::MemberId;
use crate::keys::keys;
use crate::role::Role;
use crate::validate;

/// Ecogram categories, with the ecogram's letters. Samenspel adds two the
/// ecogram does not have: volunteers (W) and community initiatives (I).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Category {
    /// G: gezin van herkomst (parents, brothers and sisters, partner, children).
    Family,
    /// F: overige familieleden.
    OtherRelatives,
    /// V: vrienden.
    Friends,
    /// K: oude buren, collega's en kennissen.
    Acquaintances,
    /// B: buren.
    Neighbours,
    /// R: raadslieden (pastor, dominee, humanist, counsellor).
    Counsellors,
    /// Z: zorgverleners.
    CareProviders,
    /// W: vrijwilligers (Samenspel's addition).
    Volunteers,
    /// I: initiatieven in de buurt: clubs, buurtkamer, kerk (Samenspel's addition).
    Initiatives,
}

impl Category {
    pub const ALL: [Category; 9] = [
        Category::Family,
        Category::OtherRelatives,
        Category::Friends,
        Category::Acquaintances,
        Category::Neighbours,
        Category::Counsellors,
        Category::CareProviders,
        Category::Volunteers,
        Category::Initiatives,
    ];

    /// The letter on the map, and the value stored and sent.
    pub fn letter(self) -> &'static str {
        match self {
            Category::Family => "G",
            Category::OtherRelatives => "F",
            Category::Friends => "V",
            Category::Acquaintances => "K",
            Category::Neighbours => "B",
            Category::Counsellors => "R",
            Category::CareProviders => "Z",
            Category::Volunteers => "W",
            Category::Initiatives => "I",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        let raw = raw.trim();
        Category::ALL.into_iter().find(|c| c.letter().eq_ignore_ascii_case(raw))
    }

    /// Where a member stands on the map until somebody places them.
    pub fn for_role(role: Role) -> Self {
        match role {
            Role::Client | Role::Representative | Role::Relative => Category::Family,
            Role::Volunteer => Category::Volunteers,
            Role::Professional | Role::Coordinator => Category::CareProviders,
        }
    }
}

/// The kinds of support, as the ecogram's letters on the line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SupportKind {
    /// P: praktische steun.
    Practical,
    /// G: gezelschap.
    Company,
    /// A: advies en uitwisselen van informatie.
    Advice,
    /// E: emotionele steun.
    Emotional,
}

impl SupportKind {
    pub const ALL: [SupportKind; 4] =
        [SupportKind::Practical, SupportKind::Company, SupportKind::Advice, SupportKind::Emotional];

    pub fn letter(self) -> &'static str {
        match self {
            SupportKind::Practical => "P",
            SupportKind::Company => "G",
            SupportKind::Advice => "A",
            SupportKind::Emotional => "E",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        let raw = raw.trim();
        SupportKind::ALL.into_iter().find(|s| s.letter().eq_ignore_ascii_case(raw))
    }
}

/// Which kinds of support somebody gives, in the fixed order P, G, A, E.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Support(u8);

impl Support {
    pub fn from_kinds(kinds: impl IntoIterator<Item = SupportKind>) -> Self {
        Support(kinds.into_iter().fold(0, |bits, k| bits | Self::bit(k)))
    }

    fn bit(kind: SupportKind) -> u8 {
        1 << SupportKind::ALL.iter().position(|k| *k == kind).unwrap_or(0)
    }

    pub fn has(self, kind: SupportKind) -> bool {
        self.0 & Self::bit(kind) != 0
    }

    pub fn kinds(self) -> Vec<SupportKind> {
        SupportKind::ALL.into_iter().filter(|k| self.has(*k)).collect()
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// "PGE": how it is stored, and what the map writes on the line.
    pub fn letters(self) -> String {
        self.kinds().into_iter().map(SupportKind::letter).collect()
    }

    /// Reads "PGE" (any order, any case); `None` on a letter that is not one.
    pub fn parse_letters(raw: &str) -> Option<Self> {
        raw.chars()
            .filter(|c| !c.is_whitespace() && *c != ',')
            .map(|c| SupportKind::parse(c.encode_utf8(&mut [0; 4])))
            .collect::<Option<Vec<_>>>()
            .map(Support::from_kinds)
    }
}

keys! {
    /// The kind of relation, drawn as the line's style.
    pub enum Tie: trimmed {
        /// A thick line: the relation supports.
        Supporting = "supporting",
        /// A dotted line.
        Neutral = "neutral",
        /// A jagged line: the relation is strained (Samenspel's choice of
        /// drawing; the ecogram source's third line type was not retrieved).
        Strained = "strained",
    }
}

/// Closeness as distance from the centre: 1 is the inner ring.
pub const CLOSEST: i64 = 1;
pub const FURTHEST: i64 = 3;

pub const MAX_NOTE: usize = 500;
pub const MAX_REACH: usize = 200;

/// Somebody on the map: a member of the circle or a contact who is not one.
#[derive(Clone, Debug, PartialEq)]
pub struct Contact {
    /// The contact's id; `None` for a member nobody has placed yet.
    pub id: Option<String>,
    /// Set when this is a member of the circle.
    pub member_id: Option<MemberId>,
    /// The member's role, for members.
    pub role: Option<Role>,
    pub name: String,
    pub category: Category,
    pub support: Support,
    pub tie: Tie,
    /// 1 (close) to 3 (further away).
    pub closeness: i64,
    /// What they do or mean, in a few words ("huisarts", "kookt op dinsdag").
    pub note: String,
    /// How to reach them (a phone number, an address). Contacts only:
    /// members' details are on their member card, under their own choice.
    pub reach: String,
}

impl Contact {
    pub fn is_member(&self) -> bool {
        self.member_id.is_some()
    }
}

/// Where somebody stands on the map, as entered: checked by [`Placement::parse`].
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct PlacementInput {
    /// Only for contacts who are not members.
    #[serde(default)]
    pub name: String,
    pub category: String,
    /// Letters, e.g. "PE".
    #[serde(default)]
    pub support: String,
    pub tie: String,
    pub closeness: String,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub reach: String,
}

/// A checked placement; `name` and `reach` are empty for members.
#[derive(Clone, Debug, PartialEq)]
pub struct Placement {
    pub name: String,
    pub category: Category,
    pub support: Support,
    pub tie: Tie,
    pub closeness: i64,
    pub note: String,
    pub reach: String,
}

impl Placement {
    /// Checks every field and reports all problems at once. `for_member`:
    /// the name comes from the member's account, so none is asked.
    pub fn parse(input: &PlacementInput, for_member: bool) -> crate::Result<Placement> {
        let mut v = Validator::new();
        let name = if for_member { Some(String::new()) } else { v.check(validate::name("name", &input.name)) };
        let category = v.known("category", Category::parse(&input.category), "category-invalid");
        let support = v.known("support", Support::parse_letters(&input.support), "support-invalid");
        let tie = v.known("tie", Tie::parse(&input.tie), "tie-invalid");
        let closeness = input.closeness.trim().parse::<i64>().ok().filter(|c| (CLOSEST..=FURTHEST).contains(c));
        let closeness = v.known("closeness", closeness, "closeness-invalid");
        let note = v.line("note", &input.note, MAX_NOTE, "note-too-long");
        let reach = if for_member { String::new() } else { v.line("reach", &input.reach, MAX_REACH, "reach-too-long") };
        v.finish()?;
        match (name, category, support, tie, closeness) {
            (Some(name), Some(category), Some(support), Some(tie), Some(closeness)) => {
                Ok(Placement { name, category, support, tie, closeness, note, reach })
            }
            _ => Err(crate::Error::internal("a checked placement lacks a field")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> PlacementInput {
        PlacementInput {
            name: "  Dokter   Jansen ".into(),
            category: "z".into(),
            support: "ea".into(),
            tie: "supporting".into(),
            closeness: "2".into(),
            note: "huisarts".into(),
            reach: "020 123 4567".into(),
        }
    }

    #[test]
    fn a_placement_is_read_and_tidied() {
        let p = Placement::parse(&input(), false).expect("valid");
        assert_eq!(p.name, "Dokter Jansen");
        assert_eq!(p.category, Category::CareProviders);
        assert_eq!(p.support.letters(), "AE", "letters come in the fixed order P, G, A, E");
        assert_eq!(p.tie, Tie::Supporting);
        assert_eq!(p.closeness, 2);
    }

    #[test]
    fn every_bad_field_is_reported_at_once() {
        let bad = PlacementInput {
            name: " ".into(),
            category: "X".into(),
            support: "PQ".into(),
            tie: "warm".into(),
            closeness: "4".into(),
            note: "x".repeat(MAX_NOTE + 1),
            reach: String::new(),
        };
        let crate::Error::Validation(fields) = Placement::parse(&bad, false).expect_err("invalid") else {
            panic!("not a field error");
        };
        let names: Vec<&str> = fields.iter().map(|f| f.field).collect();
        assert_eq!(names, ["name", "category", "support", "tie", "closeness", "note"]);
    }

    #[test]
    fn members_need_no_name_and_keep_no_contact_details() {
        let mut i = input();
        i.name.clear();
        let p = Placement::parse(&i, true).expect("valid for a member");
        assert_eq!((p.name.as_str(), p.reach.as_str()), ("", ""));
    }

    #[test]
    fn letters_round_trip_and_categories_use_the_ecogram_letters() {
        for bits in 0..16u8 {
            let s = Support::from_kinds(
                SupportKind::ALL.into_iter().enumerate().filter(|(i, _)| bits & (1 << i) != 0).map(|(_, k)| k),
            );
            assert_eq!(Support::parse_letters(&s.letters()), Some(s));
        }
        let letters: String = Category::ALL.iter().map(|c| c.letter()).collect();
        assert_eq!(letters, "GFVKBRZWI");
        assert_eq!(Support::parse_letters(""), Some(Support::default()));
    }
}
