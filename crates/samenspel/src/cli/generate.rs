//! `samenspel admin generate`: an organisation at scale, with a progress
//! line on the terminal (see `samenspel_store::generate`).

use anyhow::bail;
use samenspel_core::Timestamp;
use samenspel_store::Store;
use samenspel_store::generate::Scale;
use std::io::Write;
use std::time::Instant;

#[derive(clap::Args, Debug)]
pub struct ScaleArgs {
    /// How many circles (clients).
    #[arg(long, default_value_t = 2_000)]
    circles: i64,
    /// People per circle, the client included (each an account of their own).
    #[arg(long, default_value_t = 30)]
    members: i64,
    /// Logbook entries over all circles.
    #[arg(long, default_value_t = 10_000_000)]
    entries: i64,
    /// How many years of history.
    #[arg(long, default_value_t = 5)]
    years: i64,
}

pub async fn run(store: &Store, args: &ScaleArgs, now: Timestamp) -> anyhow::Result<()> {
    if !(1..=100_000).contains(&args.circles) {
        bail!("--circles must be from 1 to 100000");
    }
    if !(5..=200).contains(&args.members) {
        bail!("--members must be from 5 to 200 (a client, a representative, relatives, volunteers, professionals)");
    }
    if !(0..=1_000_000_000).contains(&args.entries) {
        bail!("--entries must be from 0 to 1000000000");
    }
    if !(1..=50).contains(&args.years) {
        bail!("--years must be from 1 to 50");
    }
    let scale = Scale { circles: args.circles, members: args.members, entries: args.entries, years: args.years };
    let started = Instant::now();
    let mut step_started = Instant::now();
    let mut last_step = String::new();
    let mut progress = |step: &str, done: i64, total: i64| {
        if step != last_step {
            step_started = Instant::now();
            last_step = step.to_owned();
        }
        let elapsed = step_started.elapsed().as_secs_f64();
        let share = if total > 0 { done as f64 / total as f64 } else { 1.0 };
        let left = if share > 0.0 { elapsed / share - elapsed } else { 0.0 };
        let filled = (share * 30.0).round() as usize;
        eprint!(
            "\r{step:>14} [{}{}] {done:>11} / {total:<11} {:>3.0} %  {}  ",
            "#".repeat(filled),
            " ".repeat(30 - filled.min(30)),
            share * 100.0,
            if done < total {
                format!("about {} left", minutes(left))
            } else {
                format!("done in {}", minutes(elapsed))
            }
        );
        if done >= total {
            eprintln!();
        }
        let _ = std::io::stderr().flush();
    };
    let made = store.internal().generate(&scale, now, &mut progress).await?;
    let entries = store.entry_count().await?;
    say!(
        "made organisation {} with {} circles, {} people and {} entries in {} ({} entries in the database)",
        made.organisation,
        scale.circles,
        scale.circles * scale.members,
        scale.entries,
        minutes(started.elapsed().as_secs_f64()),
        entries
    );
    say!("its coordinator: {}", made.coordinator_email);
    say!("a relative who manages circle {}: {}", made.first_circle, made.relative_email);
    say!("sign in with: samenspel admin sign-in-link --email {}", made.relative_email);
    Ok(())
}

/// "1 min 05 s", "42 s".
fn minutes(seconds: f64) -> String {
    let s = seconds.round() as u64;
    if s >= 60 { format!("{} min {:02} s", s / 60, s % 60) } else { format!("{s} s") }
}
