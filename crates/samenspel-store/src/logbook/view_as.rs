//! What the logbook holds for a reader, per kind, and why the rest is
//! hidden from them: for "view as", where the client side sees the circle as
//! another role does (see `Can::view_as`).

use super::*;

/// The logbook as one reader sees it, for one kind of entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KindCount {
    pub kind: EntryKind,
    /// Entries whose writer addressed them to the reader (audience).
    pub addressed: i64,
    /// Entries the writer addressed to a smaller group without the reader.
    pub other_audience: i64,
    /// Whether consent keeps this kind from the reader: then the
    /// `addressed` entries are hidden all the same.
    pub hidden_by_consent: bool,
}

impl Store {
    /// Per kind, how many entries (not removed) reach the reader by their
    /// audience and how many do not; and whether consent hides the kind.
    pub async fn entry_counts(&self, cap: &Can<act::ReadLogbook>) -> Result<Vec<KindCount>> {
        let sql = concat!(
            "SELECT e.kind, SUM(CASE WHEN ",
            addressed!(),
            " THEN 1 ELSE 0 END), COUNT(*) FROM entries e \
             WHERE e.circle_id = $1 AND e.deleted_at IS NULL AND CAST($5 AS BIGINT) >= 0 GROUP BY e.kind"
        );
        // Consent is applied below, per kind; `$5` is named only so that every
        // reader's statement takes the same parameters.
        let rows: Vec<(String, i64, i64)> = self.all(sql, &reader_args(cap, args![])).await?;
        let hidden = cap.audience().hidden;
        Ok(EntryKind::ALL
            .into_iter()
            .map(|kind| {
                let (addressed, all) =
                    rows.iter().find(|(k, _, _)| k == kind.as_str()).map_or((0, 0), |(_, a, n)| (*a, *n));
                KindCount {
                    kind,
                    addressed,
                    other_audience: all - addressed,
                    hidden_by_consent: hidden.contains(Category::of_kind(kind)),
                }
            })
            .collect())
    }
}
