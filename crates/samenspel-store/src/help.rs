//! Help requests. Like the agenda, a circle has a handful at a time, so a
//! read loads the circle's recent requests and applies the audience rule
//! here: a request is visible within its audience, and always to whoever
//! asked, whoever it is for, and the chosen helper.

use crate::access::Can;
use crate::db::{Store, ms, ts};
use crate::members::is_active_member;
use jiff::civil::DateTime;
use samenspel_core::access::act;
use samenspel_core::audience::Audience;
use samenspel_core::help::{NewRequest, Request, Response, Status, Template};
use samenspel_core::ids::MemberId;
use samenspel_core::{Error, FieldError, Result, Timestamp};

use crate::sql::{NAME, args, db_row};

fn corrupt(what: &str, raw: &str) -> Error {
    Error::internal(format!("help requests: unknown {what} {raw:?}"))
}

fn local(d: DateTime) -> String {
    d.strftime("%Y-%m-%dT%H:%M").to_string()
}

fn datetime(raw: &str) -> Result<DateTime> {
    raw.parse::<DateTime>().map_err(|_| corrupt("local time", raw))
}

db_row! {
    /// A help request with the names of who asked, for whom, and the helper.
    struct Row {
        id: String,
        template: String,
        title: String,
        details: String,
        from: String,
        until: String,
        by: String,
        by_name: Option<String>,
        r_for: String,
        for_name: Option<String>,
        aud: String,
        status: String,
        helper: Option<String>,
        helper_name: Option<String>,
        item: Option<String>,
        at: i64,
    }
}

db_row! {
    /// A response to a request.
    struct ResponseRow { request: String, member: String, name: Option<String>, message: String, at: i64 }
}

/// The requests a circle's help list shows: open ones, and the others for a
/// month after they were decided. Bind `$1` to the circle and `$2` to a
/// month ago.
macro_rules! shown_requests {
    () => {
        "WHERE r.circle_id = $1 AND r.status <> 'withdrawn' \
         AND (r.status = 'open' OR COALESCE(r.decided_at, r.created_at) > $2) "
    };
}

impl Store {
    /// Requests this member may see: open ones, and those decided or whose
    /// window ended in the last 30 days; newest first.
    pub async fn help_requests(&self, cap: &Can<act::ViewAgenda>, now: Timestamp) -> Result<Vec<Request>> {
        let circle = cap.circle_id().as_str();
        let month_ago = ms(now) - 30 * 24 * 3_600_000;
        let rows: Vec<Row> = self
            .all(
                &format!(
            "SELECT r.id, r.template, r.title, r.details, r.window_from, r.window_until, r.asked_by, {NAME}r.asked_by), \
             r.asked_for, {NAME}r.asked_for), r.audience, r.status, r.helper, {NAME}r.helper), r.item_id, r.created_at \
             FROM help_requests r {} ORDER BY r.created_at DESC",
                    shown_requests!()
                ),
                args![circle, month_ago],
            )
            .await?;
        // The chosen and the responses of those requests only, not of every
        // request the circle ever had.
        let chosen: Vec<(String, String)> = self
            .all(
                concat!(
                    "SELECT c.request_id, c.member_id FROM help_chosen c JOIN help_requests r ON r.id = c.request_id ",
                    shown_requests!()
                ),
                args![circle, month_ago],
            )
            .await?;
        let responses: Vec<ResponseRow> = self
            .all(
                &format!(
                    "SELECT s.request_id, s.member_id, {NAME}s.member_id), s.message, s.created_at FROM help_responses s \
             JOIN help_requests r ON r.id = s.request_id {} ORDER BY s.created_at",
                    shown_requests!()
                ),
                args![circle, month_ago],
            )
            .await?;
        let scope = cap.audience();
        let me = cap.member_id();
        let mut out = Vec::new();
        for Row {
            id,
            template,
            title,
            details,
            from,
            until,
            by,
            by_name,
            r_for,
            for_name,
            aud,
            status,
            helper,
            helper_name,
            item,
            at,
        } in rows
        {
            let audience = Audience::parse(&aud).ok_or_else(|| corrupt("audience", &aud))?;
            let chosen: Vec<MemberId> =
                chosen.iter().filter(|(r, _)| *r == id).map(|(_, m)| MemberId::from_db(m.clone())).collect();
            let (asked_by, asked_for) = (MemberId::from_db(by), MemberId::from_db(r_for));
            let involved = &asked_by == me || &asked_for == me || helper.as_deref() == Some(me.as_str());
            if !involved && !scope.can_see(audience, &asked_by, &chosen) {
                continue;
            }
            let status = match (status.as_str(), helper) {
                ("open", _) => Status::Open,
                ("confirmed", Some(h)) => Status::Confirmed {
                    helper: MemberId::from_db(h),
                    helper_name: helper_name.unwrap_or_default(),
                    item,
                },
                ("withdrawn", _) => Status::Withdrawn,
                (other, _) => return Err(corrupt("status", other)),
            };
            out.push(Request {
                template: Template::parse(&template).ok_or_else(|| corrupt("template", &template))?,
                title,
                details,
                from: datetime(&from)?,
                until: datetime(&until)?,
                asked_for,
                asked_for_name: for_name.unwrap_or_default(),
                asked_by,
                asked_by_name: by_name.unwrap_or_default(),
                audience,
                chosen,
                status,
                responses: responses
                    .iter()
                    .filter(|r| r.request == id)
                    .map(|r| Response {
                        member_id: MemberId::from_db(r.member.clone()),
                        name: r.name.clone().unwrap_or_default(),
                        message: r.message.clone(),
                        at: ts(r.at),
                    })
                    .collect(),
                created_at: ts(at),
                id,
            });
        }
        Ok(out)
    }

    /// Asks for help, for oneself or on behalf of another member. Returns the id.
    pub async fn ask_for_help(&self, cap: &Can<act::PlanAgenda>, new: &NewRequest, now: Timestamp) -> Result<String> {
        let circle = cap.circle_id();
        let asked_for = new.asked_for.clone().unwrap_or_else(|| cap.member_id().clone());
        let mut chosen = new.chosen.clone();
        if new.audience == Audience::Chosen {
            for m in [cap.member_id(), &asked_for] {
                if !chosen.contains(m) {
                    chosen.push(m.clone());
                }
            }
        }
        let mut tx = self.begin().await?;
        for (field, m) in std::iter::once(("asked_for", &asked_for)).chain(chosen.iter().map(|m| ("chosen", m))) {
            if !is_active_member(&mut tx, circle, m, now).await? {
                return Err(Error::Validation(vec![FieldError::new(field, "member-not-in-circle")]));
            }
        }
        let id = uuid::Uuid::now_v7().to_string();
        tx.exec(
            "INSERT INTO help_requests (id, circle_id, template, title, details, window_from, window_until, asked_by, \
             asked_for, audience, status, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'open', $11)",
            args![
                &id,
                circle.as_str(),
                new.template.as_str(),
                &new.title,
                &new.details,
                local(new.from),
                local(new.until),
                cap.member_id().as_str(),
                asked_for.as_str(),
                new.audience.as_str(),
                ms(now)
            ],
        )
        .await?;
        for m in &chosen {
            tx.exec("INSERT INTO help_chosen (request_id, member_id) VALUES ($1, $2)", args![&id, m.as_str()]).await?;
        }
        tx.commit().await?;
        Ok(id)
    }

    /// Offers to help (or changes one's message). Only while the request is open.
    pub async fn respond_to_help(
        &self,
        cap: &Can<act::TakeShifts>,
        request: &Request,
        message: &str,
        now: Timestamp,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        let open: Option<String> = tx
            .opt(
                "SELECT status FROM help_requests WHERE id = $1 AND circle_id = $2",
                args![&request.id, cap.circle_id().as_str()],
            )
            .await?;
        match open.as_deref() {
            None => return Err(Error::NotFound),
            Some("open") => {}
            Some(_) => return Err(Error::Conflict("help-not-open")),
        }
        // One statement, so two offers sent at once (a double click) end in one
        // offer with the last message rather than a clash on the primary key.
        tx.exec(
            "INSERT INTO help_responses (request_id, member_id, message, created_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (request_id, member_id) DO UPDATE SET message = excluded.message, created_at = excluded.created_at",
            args![&request.id, cap.member_id().as_str(), message, ms(now)],
        ).await?;
        tx.commit().await
    }

    /// Picks a helper from those who responded. Exactly once: a second pick
    /// (or a pick after withdrawal) answers "help-not-open".
    pub async fn choose_helper(
        &self,
        cap: &Can<act::PlanAgenda>,
        request: &Request,
        helper: &MemberId,
        now: Timestamp,
    ) -> Result<()> {
        if !request.decided_by(cap.member_id(), cap.manages()) {
            return Err(Error::Forbidden);
        }
        if !request.responses.iter().any(|r| &r.member_id == helper) {
            return Err(Error::field("helper", "help-helper-did-not-respond"));
        }
        let mut tx = self.begin().await?;
        let n = tx
            .exec(
                "UPDATE help_requests SET status = 'confirmed', helper = $3, decided_at = $4 \
             WHERE id = $1 AND circle_id = $2 AND status = 'open'",
                args![&request.id, cap.circle_id().as_str(), helper.as_str(), ms(now)],
            )
            .await?;
        if n == 0 {
            return Err(Error::Conflict("help-not-open"));
        }
        tx.commit().await
    }

    /// Links a confirmed request to the agenda item made for it.
    pub async fn link_help_item(&self, cap: &Can<act::PlanAgenda>, request: &str, item: &str) -> Result<()> {
        self.exec(
            "UPDATE help_requests SET item_id = $3 WHERE id = $1 AND circle_id = $2",
            args![request, cap.circle_id().as_str(), item],
        )
        .await?;
        Ok(())
    }

    /// Withdraws an open request.
    pub async fn withdraw_help(&self, cap: &Can<act::PlanAgenda>, request: &Request, now: Timestamp) -> Result<()> {
        if !request.decided_by(cap.member_id(), cap.manages()) {
            return Err(Error::Forbidden);
        }
        let mut tx = self.begin().await?;
        let n = tx.exec(
            "UPDATE help_requests SET status = 'withdrawn', decided_at = $3 WHERE id = $1 AND circle_id = $2 AND status = 'open'",
            args![&request.id, cap.circle_id().as_str(), ms(now)],
        ).await?;
        if n == 0 {
            return Err(Error::Conflict("help-not-open"));
        }
        tx.commit().await
    }
}
