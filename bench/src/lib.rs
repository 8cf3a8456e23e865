//! A small timing harness: interleaved samples of an operation and its floor, medians of
//! per-round medians, min and max over every sample.

use std::time::{Duration, Instant};

/// Timing summary of one operation.
#[derive(Debug, Clone, Copy)]
pub struct Stats {
    /// Median of the per-round medians.
    pub median: Duration,
    /// Fastest sample.
    pub min: Duration,
    /// Slowest sample.
    pub max: Duration,
    /// Samples taken.
    pub samples: usize,
}

fn median(v: &mut [Duration]) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// Times `ops` interleaved: `rounds` rounds of `per_round` samples each; in each sample every op
/// runs once, in an order rotated per sample so noise hits all alike.
pub fn interleaved(rounds: usize, per_round: usize, ops: &mut [&mut dyn FnMut()]) -> Vec<Stats> {
    let n = ops.len();
    let mut round_medians: Vec<Vec<Duration>> = vec![Vec::new(); n];
    let mut all: Vec<Vec<Duration>> = vec![Vec::new(); n];
    for _ in 0..rounds {
        let mut this: Vec<Vec<Duration>> = vec![Vec::new(); n];
        for s in 0..per_round {
            for k in 0..n {
                let i = (k + s) % n;
                let t = Instant::now();
                (ops[i])();
                this[i].push(t.elapsed());
            }
        }
        for i in 0..n {
            all[i].extend(this[i].iter().copied());
            round_medians[i].push(median(&mut this[i]));
        }
    }
    (0..n)
        .map(|i| Stats {
            median: median(&mut round_medians[i]),
            min: all[i].iter().copied().min().unwrap_or_default(),
            max: all[i].iter().copied().max().unwrap_or_default(),
            samples: all[i].len(),
        })
        .collect()
}

/// `1.23 ms`, `456 µs`.
pub fn fmt(d: Duration) -> String {
    let us = d.as_secs_f64() * 1e6;
    if us >= 1000.0 {
        format!("{:.2} ms", us / 1000.0)
    } else {
        format!("{us:.0} µs")
    }
}

/// Percentile of sorted durations.
pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}
