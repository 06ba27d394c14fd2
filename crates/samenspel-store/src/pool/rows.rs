//! A pool volunteer as read from its row.

use crate::sql::db_row;
use samenspel_core::ids::UserId;
use samenspel_core::pool::{Availability, Profile, Training, Volunteer};
use samenspel_core::social_map::topics;

db_row! {
    pub(super) struct VolunteerRow {
        id: String,
        user_id: String,
        name: String,
        email: String,
        availability: i64,
        area: String,
        interests: String,
        skills: String,
        languages: String,
        vog: Option<String>,
        insurance: String,
        active: bool,
    }
}

pub(super) const SELECT: &str = "SELECT p.id, p.user_id, u.display_name, u.email, p.availability, p.area, \
     p.interests, p.skills, p.languages, p.vog_issued_on, p.insurance, p.active \
     FROM pool_volunteers p JOIN users u ON u.id = p.user_id ";

pub(super) fn profile(availability: i64, area: &str, interests: &str, skills: &str, languages: &str) -> Profile {
    Profile {
        availability: Availability(u32::try_from(availability).unwrap_or(0)),
        area: topics(area),
        interests: topics(interests),
        skills: topics(skills),
        languages: topics(languages),
    }
}

/// `trainings`: (volunteer id, id, title, done on) of any number of volunteers.
pub(super) fn volunteer(r: VolunteerRow, trainings: &[(String, String, String, String)]) -> Volunteer {
    Volunteer {
        trainings: trainings
            .iter()
            .filter(|t| t.0 == r.id)
            .filter_map(|(_, id, title, on)| {
                Some(Training { id: id.clone(), title: title.clone(), done_on: on.parse().ok()? })
            })
            .collect(),
        profile: profile(r.availability, &r.area, &r.interests, &r.skills, &r.languages),
        id: r.id,
        user_id: UserId::from_db(r.user_id),
        name: r.name,
        email: r.email,
        vog_issued_on: r.vog.and_then(|d| d.parse().ok()),
        insurance: r.insurance,
        active: r.active,
    }
}
