//! Measuring: CPU time from /proc, phases of concurrent clients, and the
//! measurements with their percentiles.

use super::*;
use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// CPU time used so far: by this process, and by the whole machine (all
/// processes, so including PostgreSQL — and anything else that runs).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct CpuTime {
    pub(crate) user: Duration,
    pub(crate) sys: Duration,
    pub(crate) machine: Duration,
}

impl CpuTime {
    pub(crate) fn process(&self) -> Duration {
        self.user + self.sys
    }
}

pub(crate) fn clock_ticks_per_second() -> f64 {
    std::process::Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.trim().parse::<f64>().ok())
        .filter(|t| *t > 0.0)
        .unwrap_or(100.0)
}

pub(crate) fn cpu_time(ticks: f64) -> CpuTime {
    let to_duration = |t: u64| Duration::from_secs_f64(t as f64 / ticks);
    // /proc/self/stat: fields after the command name; utime and stime are the 14th and 15th.
    let (user, sys) = std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            let rest = s.rsplit_once(')')?.1.to_owned();
            let f: Vec<&str> = rest.split_whitespace().collect();
            Some((f.get(11)?.parse::<u64>().ok()?, f.get(12)?.parse::<u64>().ok()?))
        })
        .unwrap_or((0, 0));
    // /proc/stat "cpu" line: user nice system idle iowait irq softirq steal …; busy = all but idle and iowait.
    let machine = std::fs::read_to_string("/proc/stat")
        .ok()
        .and_then(|s| {
            let line = s.lines().next()?.strip_prefix("cpu ")?.to_owned();
            let v: Vec<u64> = line.split_whitespace().take(8).filter_map(|x| x.parse().ok()).collect();
            (v.len() == 8).then(|| v.iter().sum::<u64>() - v[3] - v[4])
        })
        .unwrap_or(0);
    CpuTime { user: to_duration(user), sys: to_duration(sys), machine: to_duration(machine) }
}

/// The outcome of one measured phase.
#[derive(Default)]
pub(crate) struct Phase {
    pub(crate) latencies_ns: Vec<u64>,
    pub(crate) bytes: u64,
    pub(crate) failures: u64,
    pub(crate) first_failure: Option<String>,
}

/// Runs `op` from `clients` tasks until `max_ops` operations were started or
/// `max_time` passed. `op(client, n)` returns the bytes it read.
pub(crate) async fn run_phase<F, Fut>(clients: usize, max_ops: u64, max_time: Duration, op: F) -> Phase
where
    F: Fn(usize, u64) -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = Result<usize, String>> + Send + 'static,
{
    let counter = Arc::new(AtomicU64::new(0));
    let deadline = Instant::now() + max_time;
    let mut tasks = Vec::with_capacity(clients);
    for client in 0..clients {
        let counter = counter.clone();
        let op = op.clone();
        tasks.push(tokio::spawn(async move {
            let mut phase = Phase::default();
            loop {
                if Instant::now() >= deadline {
                    break;
                }
                let n = counter.fetch_add(1, Ordering::Relaxed);
                if n >= max_ops {
                    break;
                }
                let started = Instant::now();
                match op(client, n).await {
                    Ok(bytes) => {
                        phase.latencies_ns.push(started.elapsed().as_nanos() as u64);
                        phase.bytes += bytes as u64;
                    }
                    Err(e) => {
                        phase.failures += 1;
                        phase.first_failure.get_or_insert(e);
                    }
                }
            }
            phase
        }));
    }
    let mut all = Phase::default();
    for t in tasks {
        match t.await {
            Ok(p) => {
                all.latencies_ns.extend(p.latencies_ns);
                all.bytes += p.bytes;
                all.failures += p.failures;
                if all.first_failure.is_none() {
                    all.first_failure = p.first_failure;
                }
            }
            Err(e) => {
                all.failures += 1;
                all.first_failure.get_or_insert(format!("benchmark task failed: {e}"));
            }
        }
    }
    all
}

/// One finished measurement.
pub(crate) struct Measurement {
    pub(crate) engine: &'static str,
    pub(crate) name: &'static str,
    pub(crate) what: String,
    pub(crate) clients: usize,
    /// Things per operation (rows per commit in the batched baseline, else 1).
    pub(crate) items_per_op: u64,
    pub(crate) unit: &'static str,
    pub(crate) ops: u64,
    pub(crate) elapsed: Duration,
    /// Sorted.
    pub(crate) latencies_ns: Vec<u64>,
    pub(crate) bytes: u64,
    pub(crate) cpu: CpuTime,
    pub(crate) failures: u64,
    pub(crate) first_failure: Option<String>,
}

impl Measurement {
    pub(crate) fn throughput(&self) -> f64 {
        (self.ops * self.items_per_op) as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }

    pub(crate) fn percentile_us(&self, p: f64) -> f64 {
        if self.latencies_ns.is_empty() {
            return f64::NAN;
        }
        let rank = ((p / 100.0) * self.latencies_ns.len() as f64).ceil() as usize;
        self.latencies_ns[rank.clamp(1, self.latencies_ns.len()) - 1] as f64 / 1000.0
    }

    pub(crate) fn mean_us(&self) -> f64 {
        if self.latencies_ns.is_empty() {
            return f64::NAN;
        }
        self.latencies_ns.iter().sum::<u64>() as f64 / self.latencies_ns.len() as f64 / 1000.0
    }

    pub(crate) fn bytes_per_op(&self) -> u64 {
        self.bytes.checked_div(self.ops).unwrap_or(0)
    }

    pub(crate) fn cpu_us_per_op(&self, d: Duration) -> f64 {
        d.as_secs_f64() * 1e6 / self.ops.max(1) as f64
    }

    pub(crate) fn json(&self, profile: &str, synchronous: &str) -> String {
        let num =
            |x: f64| if x.is_finite() { serde_json::json!((x * 10.0).round() / 10.0) } else { serde_json::Value::Null };
        serde_json::json!({
            "bench": "samenspel/requests",
            "profile": profile,
            "engine": self.engine,
            "sqlite_synchronous": if self.engine == "sqlite" { Some(synchronous) } else { None },
            "name": self.name,
            "what": self.what,
            "clients": self.clients,
            "ops": self.ops,
            "items_per_op": self.items_per_op,
            "unit": self.unit,
            "seconds": (self.elapsed.as_secs_f64() * 1000.0).round() / 1000.0,
            "throughput_per_s": num(self.throughput()),
            "mean_us": num(self.mean_us()),
            "p50_us": num(self.percentile_us(50.0)),
            "p95_us": num(self.percentile_us(95.0)),
            "p99_us": num(self.percentile_us(99.0)),
            "max_us": num(self.percentile_us(100.0)),
            "cpu_us_per_op_process": num(self.cpu_us_per_op(self.cpu.process())),
            "cpu_us_per_op_process_sys": num(self.cpu_us_per_op(self.cpu.sys)),
            "cpu_us_per_op_machine": num(self.cpu_us_per_op(self.cpu.machine)),
            "bytes_per_op": self.bytes_per_op(),
            "failures": self.failures,
        })
        .to_string()
    }
}

/// Warms up, then measures `op` with `clients` concurrent callers.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn measure<F, Fut>(
    opts: &Options,
    ticks: f64,
    engine: &'static str,
    name: &'static str,
    what: String,
    clients: usize,
    kind: Kind,
    unit: &'static str,
    items_per_op: u64,
    op: F,
) -> Measurement
where
    F: Fn(usize, u64) -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = Result<usize, String>> + Send + 'static,
{
    let budget = opts.budget(kind);
    let warm = run_phase(clients, budget.warmup_ops, budget.max_time, op.clone()).await;
    let before = cpu_time(ticks);
    let started = Instant::now();
    let mut phase = run_phase(clients, budget.max_ops, budget.max_time, op).await;
    let elapsed = started.elapsed();
    let after = cpu_time(ticks);
    phase.latencies_ns.sort_unstable();
    Measurement {
        engine,
        name,
        what,
        clients,
        items_per_op,
        unit,
        ops: phase.latencies_ns.len() as u64,
        elapsed,
        latencies_ns: phase.latencies_ns,
        bytes: phase.bytes,
        cpu: CpuTime {
            user: after.user.saturating_sub(before.user),
            sys: after.sys.saturating_sub(before.sys),
            machine: after.machine.saturating_sub(before.machine),
        },
        failures: phase.failures + warm.failures,
        first_failure: warm.first_failure.or(phase.first_failure),
    }
}
