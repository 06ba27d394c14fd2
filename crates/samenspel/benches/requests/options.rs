//! The benchmark's options, from the command line and the environment.

use std::time::Duration;

#[derive(Clone, Debug)]
pub(crate) struct Options {
    pub(crate) quick: bool,
    pub(crate) seconds: f64,
    /// SQLite's `synchronous`: `full` (the default, as shipped) or `normal`.
    pub(crate) synchronous: &'static str,
    /// The pool size (`database_max_connections`); `None`: the default.
    pub(crate) max_connections: Option<u32>,
    pub(crate) engines: Vec<EngineChoice>,
    pub(crate) filters: Vec<String>,
    /// Entries in the logbook measurements' circle.
    pub(crate) entries: usize,
}

#[derive(Clone, Debug)]
pub(crate) enum EngineChoice {
    Sqlite,
    Postgres(String),
}

impl EngineChoice {
    pub(crate) fn name(&self) -> &'static str {
        match self {
            EngineChoice::Sqlite => "sqlite",
            EngineChoice::Postgres(_) => "postgres",
        }
    }
}

pub(crate) fn options() -> Result<Options, String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let under_cargo_bench = args.iter().any(|a| a == "--bench");
    let mut quick = !under_cargo_bench;
    let mut seconds = 3.0;
    let mut synchronous = "full";
    let mut max_connections = None;
    let mut engine: Option<String> = None;
    let mut filters = Vec::new();
    let mut entries = None;
    let mut it = args.into_iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--bench" => {}
            "--quick" => quick = true,
            "--full" => quick = false,
            "--seconds" => {
                let v = it.next().ok_or("--seconds needs a number")?;
                seconds = v.parse().map_err(|_| format!("--seconds: not a number: {v}"))?;
            }
            "--entries" => {
                let v = it.next().ok_or("--entries needs a number")?;
                entries = Some(v.parse().map_err(|_| format!("--entries: not a number: {v}"))?);
            }
            "--engine" => engine = Some(it.next().ok_or("--engine needs sqlite or postgres")?),
            "--max-connections" => {
                let v = it.next().ok_or("--max-connections needs a number")?;
                max_connections = Some(v.parse().map_err(|_| format!("--max-connections: not a number: {v}"))?);
            }
            "--synchronous" => {
                synchronous = match it.next().as_deref() {
                    Some("full") => "full",
                    Some("normal") => "normal",
                    _ => return Err("--synchronous needs full or normal (SQLite)".into()),
                }
            }
            "-h" | "--help" => {
                return Err("options: --quick | --full | --seconds N | --engine sqlite|postgres | --synchronous full|normal | --max-connections N | --entries N | NAME-FILTER…".into());
            }
            other if other.starts_with('-') => {} // libtest-style flags cargo may pass; not ours
            other => filters.push(other.to_owned()),
        }
    }
    let pg = std::env::var("SAMENSPEL_TEST_POSTGRES").ok().filter(|v| !v.is_empty());
    let engines = match engine.as_deref() {
        None => std::iter::once(EngineChoice::Sqlite).chain(pg.map(EngineChoice::Postgres)).collect(),
        Some("sqlite") => vec![EngineChoice::Sqlite],
        Some("postgres") => {
            vec![EngineChoice::Postgres(pg.ok_or("--engine postgres needs SAMENSPEL_TEST_POSTGRES=postgres://…")?)]
        }
        Some(other) => return Err(format!("--engine: expected sqlite or postgres, got {other}")),
    };
    let entries = entries.unwrap_or(if quick { 2_000 } else { 100_000 });
    Ok(Options { quick, seconds, synchronous, max_connections, engines, filters, entries })
}

impl Options {
    pub(crate) fn wants(&self, name: &str) -> bool {
        self.filters.is_empty() || self.filters.iter().any(|f| name.contains(f.as_str()))
    }

    /// How long (and how many operations at most) one measurement runs.
    pub(crate) fn budget(&self, kind: Kind) -> Budget {
        let time = Duration::from_secs_f64(self.seconds);
        match (self.quick, kind) {
            (true, Kind::Sequential) => Budget { max_ops: 200, max_time: Duration::from_secs(60), warmup_ops: 10 },
            (true, Kind::Concurrent) => Budget { max_ops: 400, max_time: Duration::from_secs(60), warmup_ops: 32 },
            (false, Kind::Sequential) => Budget { max_ops: 50_000, max_time: time, warmup_ops: 100 },
            (false, Kind::Concurrent) => {
                Budget { max_ops: u64::MAX, max_time: time + Duration::from_secs(1), warmup_ops: 200 }
            }
        }
    }
}

#[derive(Clone, Copy)]
pub(crate) enum Kind {
    Sequential,
    Concurrent,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Budget {
    pub(crate) max_ops: u64,
    pub(crate) max_time: Duration,
    pub(crate) warmup_ops: u64,
}
