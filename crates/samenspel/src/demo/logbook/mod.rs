//! Several weeks of logbook history in the demo circles, written through the
//! same services people use (so audiences, notifications and the audit
//! trail behave as they would), with the clock set back. The entries
//! themselves are in [`history`].

mod history;

use super::{Seeder, ago_minutes};
use crate::service::logbook;
use crate::uploads::Upload;
use history::{GERDA, HENK, SEM, WIM};
use samenspel_core::ids::CircleId;
use samenspel_core::logbook::EntryKind;

/// One entry: who, how long ago (minutes), kind, audience, text.
struct Line {
    who: &'static str,
    minutes_ago: i64,
    kind: EntryKind,
    audience: &'static str,
    body: &'static str,
    /// Members thanked (first names).
    thanks: &'static [&'static str],
    /// Replies: who, minutes after the entry, text.
    replies: &'static [(&'static str, i64, &'static str)],
    /// Who has seen it (besides the writer and those who replied).
    seen_by: &'static [&'static str],
    /// Reactions: who, which.
    reactions: &'static [(&'static str, &'static str)],
    /// Closed by this person, some minutes after the last reply.
    closed_by: Option<&'static str>,
    photo: bool,
    /// The picture on a thank-you card.
    card: &'static str,
}

const fn line(
    who: &'static str,
    minutes_ago: i64,
    kind: EntryKind,
    audience: &'static str,
    body: &'static str,
) -> Line {
    Line {
        who,
        minutes_ago,
        kind,
        audience,
        body,
        thanks: &[],
        replies: &[],
        seen_by: &[],
        reactions: &[],
        closed_by: None,
        photo: false,
        card: "",
    }
}

pub async fn seed(s: &Seeder<'_>, circles: &[(&CircleId, &'static str)]) -> anyhow::Result<()> {
    for (circle, which) in circles {
        let lines = match *which {
            "henk" => HENK,
            "gerda" => GERDA,
            "sem" => SEM,
            _ => WIM,
        };
        for l in lines {
            write(s, circle, l)
                .await
                .map_err(|e| anyhow::anyhow!("demo entry by {} ({} minutes ago): {e:#}", l.who, l.minutes_ago))?;
        }
    }
    Ok(())
}

async fn write(s: &Seeder<'_>, circle: &CircleId, l: &Line) -> anyhow::Result<()> {
    let at = ago_minutes(s.now, l.minutes_ago);
    let (_, author) = s.user(l.who)?;
    let ctx = s.ctx(&author, at);
    let mut recipients = Vec::new();
    for who in l.thanks {
        recipients.push(s.member_id(circle, who).await?.to_string());
    }
    let input = logbook::WriteEntry {
        kind: l.kind.as_str().into(),
        audience: l.audience.into(),
        chosen: vec![],
        recipients,
        body: l.body.into(),
        card: l.card.into(),
        goal: String::new(),
    };
    let files = if l.photo { vec![Upload::from_bytes("eendenvijver.png", photo())] } else { vec![] };
    let id = logbook::write(&ctx, circle, &input, files, None).await?;
    let mut last = at;
    for (who, after, text) in l.replies {
        let (_, u) = s.user(who)?;
        last = ago_minutes(s.now, l.minutes_ago - after);
        logbook::reply(&s.ctx(&u, last), circle, &id, text).await?;
    }
    if let Some(who) = l.closed_by {
        let (_, u) = s.user(who)?;
        logbook::close(&s.ctx(&u, ago_minutes(last, -30)), circle, &id).await?;
    }
    for (i, who) in l.seen_by.iter().enumerate() {
        let (_, u) = s.user(who)?;
        // Read some time after it was written, each a little later.
        logbook::view(&s.ctx(&u, ago_minutes(at, -(20 + 35 * i as i64))), circle, &id).await?;
    }
    for (who, reaction) in l.reactions {
        let (_, u) = s.user(who)?;
        logbook::react(&s.ctx(&u, ago_minutes(at, -60)), circle, &id, reaction, true).await?;
    }
    Ok(())
}

/// A made-up picture (a pond at sunset), so the demo shows a photo without
/// shipping one.
fn photo() -> Vec<u8> {
    let (w, h) = (960u32, 720u32);
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        let fy = y as f32 / h as f32;
        if fy < 0.55 {
            // Sky: from blue to a warm glow near the horizon.
            let t = fy / 0.55;
            image::Rgb([(90.0 + 160.0 * t) as u8, (140.0 + 60.0 * t) as u8, (210.0 - 90.0 * t) as u8])
        } else {
            // Water with soft ripples, and a little sun reflection.
            let ripple = ((x as f32 / 23.0).sin() * (y as f32 / 7.0).cos() * 12.0) as i32;
            let sun = if (x as i32 - 480).abs() < 40 + (y as i32 - 396) / 6 { 60 } else { 0 };
            image::Rgb([
                (40 + ripple + sun).clamp(0, 255) as u8,
                (90 + ripple + sun / 2).clamp(0, 255) as u8,
                (110 + ripple).clamp(0, 255) as u8,
            ])
        }
    });
    let mut out = Vec::new();
    let _ = image::DynamicImage::ImageRgb8(img).write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_demo_photo_is_a_photo() {
        let bytes = super::photo();
        assert_eq!(crate::uploads::detect(&bytes), crate::uploads::Detected::Image(image::ImageFormat::Png));
    }

    #[test]
    fn demo_lines_are_valid_entries() {
        for l in super::HENK.iter().chain(super::GERDA).chain(super::SEM).chain(super::WIM) {
            assert!(samenspel_core::audience::Audience::parse(l.audience).is_some(), "{}", l.body);
            assert!(l.body.chars().count() <= samenspel_core::logbook::MAX_BODY);
            for (_, r) in l.reactions {
                assert!(samenspel_core::logbook::Reaction::parse(r).is_some());
            }
        }
    }
}
