//! The incident's numbers, always derived from its times and never typed.
//!
//! - time to detect: started -> detected
//! - time to mitigate: detected -> mitigated
//! - time to resolve: detected -> resolved
//! - total impact: started -> mitigated (or resolved, when no mitigation time is recorded)
//!
//! A number is shown only when both of its times are known and in order; an impossible order
//! is a validation finding instead of a negative duration.

use chrono::{DateTime, Duration, FixedOffset};

use super::{Document, Zone};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Numbers {
    pub to_detect: Option<Duration>,
    pub to_mitigate: Option<Duration>,
    pub to_resolve: Option<Duration>,
    pub impact: Option<Duration>,
}

/// The four incident times, resolved to exact moments where possible.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Times {
    pub started: Option<DateTime<FixedOffset>>,
    pub detected: Option<DateTime<FixedOffset>>,
    pub mitigated: Option<DateTime<FixedOffset>>,
    pub resolved: Option<DateTime<FixedOffset>>,
}

impl Times {
    pub fn of(doc: &Document, zone: &Zone) -> Times {
        let t = &doc.times;
        let get = |m: &Option<super::Moment>| m.as_ref().and_then(|m| m.resolve(zone));
        Times {
            started: get(&t.started),
            detected: get(&t.detected),
            mitigated: get(&t.mitigated),
            resolved: get(&t.resolved),
        }
    }

    /// The named times in their required order, for checks and labels.
    pub fn in_order(&self) -> [(&'static str, Option<DateTime<FixedOffset>>); 4] {
        [
            ("started", self.started),
            ("detected", self.detected),
            ("mitigated", self.mitigated),
            ("resolved", self.resolved),
        ]
    }
}

impl Numbers {
    pub fn of(doc: &Document) -> Numbers {
        let t = Times::of(doc, &doc.zone());
        Numbers {
            to_detect: span(t.started, t.detected),
            to_mitigate: span(t.detected, t.mitigated),
            to_resolve: span(t.detected, t.resolved),
            impact: span(t.started, t.mitigated.or(t.resolved)),
        }
    }

    /// Labelled numbers in display order.
    pub fn labelled(&self) -> [(&'static str, Option<Duration>); 4] {
        [
            ("Time to detect", self.to_detect),
            ("Time to mitigate", self.to_mitigate),
            ("Time to resolve", self.to_resolve),
            ("Total impact", self.impact),
        ]
    }
}

fn span(from: Option<DateTime<FixedOffset>>, to: Option<DateTime<FixedOffset>>) -> Option<Duration> {
    let d = to? - from?;
    (d >= Duration::zero()).then_some(d)
}

/// `1h 12m`, `3d 4h`, `45s`: short, and exact to the minute for anything over a minute.
pub fn format_duration(d: Duration) -> String {
    let secs = d.num_seconds().max(0);
    let (days, hours, minutes, seconds) = (secs / 86_400, secs / 3_600 % 24, secs / 60 % 60, secs % 60);
    let parts: Vec<String> = [(days, "d"), (hours, "h"), (minutes, "m")]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, unit)| format!("{n}{unit}"))
        .collect();
    match (parts.is_empty(), seconds) {
        (true, s) => format!("{s}s"),
        (false, 0) => parts.join(" "),
        (false, s) if secs < 3_600 => format!("{} {s}s", parts.join(" ")),
        _ => parts.join(" "),
    }
}

impl super::IncidentTimes {
    /// The incident time a timeline marker stands for.
    pub fn marked(&self, marker: super::Marker) -> &Option<super::Moment> {
        match marker {
            super::Marker::Started => &self.started,
            super::Marker::Detected => &self.detected,
            super::Marker::Mitigated => &self.mitigated,
            super::Marker::Resolved => &self.resolved,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_well() {
        assert_eq!(format_duration(Duration::seconds(45)), "45s");
        assert_eq!(format_duration(Duration::minutes(42)), "42m");
        assert_eq!(format_duration(Duration::seconds(42 * 60 + 5)), "42m 5s");
        assert_eq!(format_duration(Duration::minutes(72)), "1h 12m");
        assert_eq!(format_duration(Duration::hours(76)), "3d 4h");
        assert_eq!(format_duration(Duration::zero()), "0s");
    }
}
