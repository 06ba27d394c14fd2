//! What a page of entries carries besides its own row: files, chosen
//! members, recipients and reactions.

use super::*;

impl Store {
    /// Fills in attachments, chosen members, recipients and reactions for a
    /// page of entries: one query each, whatever the page size.
    pub(super) async fn attach_related(&self, me: &MemberId, entries: &mut [Entry]) -> Result<()> {
        if entries.is_empty() {
            return Ok(());
        }
        let ids: Vec<String> = entries.iter().map(|e| e.id.clone()).collect();
        let list = placeholders(2, ids.len());
        let attachments_sql = format!(
            "SELECT entry_id, id, kind, content_type, file_name, byte_size, width, height FROM attachments \
             WHERE $1 = $1 AND entry_id IN ({list}) ORDER BY entry_id, position"
        );
        let people_sql = format!(
            "SELECT x.entry_id, x.member_id, u.display_name, m.role, x.which FROM ( \
               SELECT entry_id, member_id, 'chosen' AS which FROM entry_audience WHERE entry_id IN ({list}) \
               UNION ALL SELECT entry_id, member_id, 'recipient' AS which FROM entry_recipients WHERE entry_id IN ({list})) x \
             JOIN memberships m ON m.id = x.member_id JOIN users u ON u.id = m.user_id WHERE $1 = $1 ORDER BY u.display_name"
        );
        let reactions_sql = format!(
            "SELECT entry_id, reaction, COUNT(*), SUM(CASE WHEN member_id = $1 THEN 1 ELSE 0 END) FROM reactions \
             WHERE entry_id IN ({list}) GROUP BY entry_id, reaction"
        );
        db_row! {
            struct AttRow {
                entry: String,
                id: String,
                kind: String,
                content_type: String,
                file_name: String,
                byte_size: i64,
                width: Option<i64>,
                height: Option<i64>,
            }
        }
        db_row! {
            struct PersonRow { entry: String, member: String, name: String, role: String, which: String }
        }
        let with_ids = |first: &str| {
            let mut all = args![first].to_vec();
            all.extend(ids.iter().map(Arg::from));
            all
        };
        let atts: Vec<AttRow> = self.all(&attachments_sql, &with_ids(me.as_str())).await?;
        // Only thanks and entries for chosen members name people.
        let names_people = entries.iter().any(|e| e.kind == EntryKind::Thanks || e.audience == Audience::Chosen);
        let people: Vec<PersonRow> =
            if names_people { self.all(&people_sql, &with_ids(me.as_str())).await? } else { Vec::new() };
        let reactions: Vec<(String, String, i64, i64)> = self.all(&reactions_sql, &with_ids(me.as_str())).await?;
        let mut by_id: HashMap<String, &mut Entry> = entries.iter_mut().map(|e| (e.id.clone(), e)).collect();
        for AttRow { entry, id, kind, content_type, file_name, byte_size, width, height } in atts {
            if let Some(e) = by_id.get_mut(&entry) {
                e.attachments.push(AttachmentInfo {
                    id,
                    kind: if kind == "image" { AttachmentKind::Image } else { AttachmentKind::Pdf },
                    content_type,
                    file_name,
                    byte_size,
                    width,
                    height,
                });
            }
        }
        for PersonRow { entry, member, name, role: r, which } in people {
            if let Some(e) = by_id.get_mut(&entry) {
                let p = Person { member_id: MemberId::from_db(member), name, role: role(&r)? };
                if which == "chosen" { e.chosen.push(p) } else { e.recipients.push(p) }
            }
        }
        for (entry, reaction, count, mine) in reactions {
            if let (Some(e), Some(reaction)) = (by_id.get_mut(&entry), Reaction::parse(&reaction)) {
                e.reactions.push(ReactionCount { reaction, count, mine: mine > 0 });
            }
        }
        for e in entries.iter_mut() {
            e.reactions.sort_by_key(|r| Reaction::ALL.iter().position(|x| *x == r.reaction));
        }
        Ok(())
    }
}
