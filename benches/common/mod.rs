//! Timing shared by the bench binaries.
#![allow(dead_code)]

use std::time::{Duration, Instant};

/// How long each of `runs` calls of `f` took, fastest first.
pub fn timed(runs: u32, mut f: impl FnMut()) -> Vec<Duration> {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
