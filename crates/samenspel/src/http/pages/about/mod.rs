//! About the client: "Dit ben ik" (the parts, each with its writer, date,
//! audience and earlier versions), the empathy maps over time, and the
//! wellbeing plan with its goals and the logbook entries about them. Here:
//! what the three share.

mod empathy;
mod plan;
mod sections;

pub use empathy::{map_edit, map_new, map_remove, map_save, maps};
pub use plan::{goal_edit, goal_new, goal_remove, goal_save, plan};
pub use sections::{part_form, save_part, show};

use crate::http::errors::PageError;
use crate::i18n::Tr;
use crate::service::about::Writing;
use samenspel_core::Error;
use samenspel_core::access::CircleAction;
use samenspel_core::audience::Audience;
use samenspel_core::member::Member;
use samenspel_store::access::Place;

/// Who sees an item, in words: "iedereen in de kring", "alleen Ans, Ellen".
pub(super) fn audience_text(
    tr: &Tr,
    audience: Audience,
    chosen: &[samenspel_core::ids::MemberId],
    members: &[Member],
) -> String {
    match audience {
        Audience::Chosen => {
            let mut names: Vec<&str> = chosen
                .iter()
                .filter_map(|id| members.iter().find(|m| &m.id == id).map(|m| m.display_name.as_str()))
                .collect();
            names.sort_unstable();
            tr.t1("audience-chosen-names", "names", names.join(", "))
        }
        a => tr.audience(&a),
    }
}

pub(super) fn chosen_ids(chosen: &[samenspel_core::ids::MemberId]) -> Vec<String> {
    chosen.iter().map(|m| m.to_string()).collect()
}

/// The write forms are for writers only: a read-only member gets 403, not an empty form.
pub(super) fn writable(place: &Place, writing: &Writing) -> Result<(), PageError> {
    if writing.may_write && place.may(CircleAction::WriteAboutClient) { Ok(()) } else { Err(Error::Forbidden.into()) }
}
