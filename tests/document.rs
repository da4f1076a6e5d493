//! The document's derived numbers and its consistency checks.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use blameless::doc::{Document, Moment, Numbers, format_duration, validate};
use blameless::store;

const CHECKOUT: &str = include_str!("fixtures/checkout.yaml");

fn doc(src: &str) -> Document {
    store::parse_document(Path::new("t.yaml"), src).unwrap().doc
}

fn with_times(started: &str, detected: &str, mitigated: &str, resolved: &str) -> Document {
    let mut d = doc(CHECKOUT);
    let m = |s: &str| (!s.is_empty()).then(|| s.parse::<Moment>().unwrap());
    d.times.started = m(started);
    d.times.detected = m(detected);
    d.times.mitigated = m(mitigated);
    d.times.resolved = m(resolved);
    d.timeline.clear();
    d
}

fn shown(n: &Numbers) -> Vec<String> {
    n.labelled().iter().map(|(l, d)| format!("{l}: {}", d.map(format_duration).unwrap_or_else(|| "-".into()))).collect()
}

#[test]
fn numbers_come_from_the_times() {
    let d = doc(CHECKOUT);
    // started 14:02, detected 14:09 (typed without an offset: Berlin time), mitigated 14:31,
    // resolved 14:44.
    assert_eq!(
        shown(&Numbers::of(&d)),
        ["Time to detect: 7m", "Time to mitigate: 22m", "Time to resolve: 35m", "Total impact: 29m"]
    );
    assert!(validate(&d, None).is_empty(), "{:?}", validate(&d, None));
}

#[test]
fn a_time_without_offset_is_read_in_the_documents_zone() {
    let mut d = with_times("2026-11-24T13:02:00Z", "2026-11-24 14:09", "", "");
    assert_eq!(shown(&Numbers::of(&d))[0], "Time to detect: 7m");
    d.timezone = "UTC".into();
    assert_eq!(shown(&Numbers::of(&d))[0], "Time to detect: 1h 7m");
    d.timezone = "+05:30".into();
    assert_eq!(shown(&Numbers::of(&d))[0], "Time to detect: -", "detected before started in +05:30");
}

#[test]
fn offsets_are_compared_as_instants() {
    // 15:00 in Berlin is 14:00 UTC: detected five minutes after a start written in UTC.
    let d = with_times("2026-11-24T13:55:00Z", "2026-11-24T15:00:00+01:00", "", "2026-11-24T16:00:00+02:00");
    assert_eq!(
        shown(&Numbers::of(&d)),
        ["Time to detect: 5m", "Time to mitigate: -", "Time to resolve: 0s", "Total impact: 5m"]
    );
}

#[test]
fn impossible_orders_are_findings_never_negative_durations() {
    let d = with_times("2026-11-24T14:00:00Z", "2026-11-24T13:50:00Z", "2026-11-24T14:30:00Z", "2026-11-24T14:20:00Z");
    let n = Numbers::of(&d);
    assert_eq!(n.to_detect, None);
    assert_eq!(n.to_mitigate.map(format_duration).as_deref(), Some("40m"));
    let findings = validate(&d, None);
    let messages: Vec<&str> = findings.iter().map(|f| f.message.as_str()).collect();
    assert!(findings.iter().all(|f| f.rule == "times-out-of-order"), "{findings:?}");
    assert_eq!(
        messages,
        [
            "the incident is detected at 2026-11-24 13:50 +00:00 but started only at 2026-11-24 14:00 +00:00: detected cannot come before started",
            "the incident is resolved at 2026-11-24 14:20 +00:00 but mitigated only at 2026-11-24 14:30 +00:00: resolved cannot come before mitigated",
        ]
    );
    assert_eq!(findings[1].path, "times.resolved");
}

#[test]
fn unreadable_times_are_kept_and_reported() {
    let d = with_times("after lunch", "2026-03-29 02:30", "", "");
    let mut d = d;
    d.timezone = "Europe/Berlin".into();
    let findings = validate(&d, None);
    assert_eq!(findings.len(), 2, "{findings:?}");
    assert!(findings[0].message.contains("`after lunch` is not a time"));
    assert!(findings[1].message.contains("clocks skipped it"), "{:?}", findings[1]);
    assert_eq!(d.times.started.as_ref().unwrap().as_text(), "after lunch", "kept as typed");
}

#[test]
fn other_consistency_findings() {
    let mut d = doc(CHECKOUT);
    d.timezone = "Mars/Base".into();
    d.severity = Some("SEV9".into());
    d.actions[0].due = Some("next friday".into());
    d.sections[1].id = "summary".into();
    d.timeline[1].marker = d.timeline[0].marker;
    let scale = vec!["SEV1".to_string(), "SEV2".to_string()];
    let rules: Vec<&str> = validate(&d, Some(&scale)).iter().map(|f| f.rule).collect();
    // With no usable zone the time checks wait: guessing one would report orders that are not there.
    assert_eq!(rules, ["timezone-invalid", "severity-unknown", "section-duplicate", "due-date-invalid"]);
    d.timezone = "Europe/Berlin".into();
    let rules: Vec<&str> = validate(&d, Some(&scale)).iter().map(|f| f.rule).collect();
    assert_eq!(
        rules,
        ["severity-unknown", "marker-repeated", "marker-disagrees", "section-duplicate", "due-date-invalid"],
    );
}

#[test]
fn a_marker_that_disagrees_with_the_incident_time_is_reported() {
    let mut d = doc(CHECKOUT);
    d.times.detected = Some("2026-11-24T14:10:00+01:00".parse().unwrap());
    let f = validate(&d, None);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].rule, "marker-disagrees");
    assert_eq!(f[0].path, "timeline[1].marker");
}
