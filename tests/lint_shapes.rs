//! The checker on a document in the shapes real postmortems have (TOML front matter, a
//! "Root Cause" heading and bold label, a timeline with milestones, quoted chat with lazy
//! lines, indented logs, a first-person account, thanks), written for this project: the
//! exact findings, by line and rule, and the exit status.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;

#[test]
fn real_document_shapes_give_exactly_the_findings_a_reviewer_would() {
    let out = Command::new(env!("CARGO_BIN_EXE_blameless"))
        .args(["lint", "--format", "json", "tests/fixtures/lint/real-shapes.md"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = report
        .as_array()
        .cloned()
        .or_else(|| report.as_object().and_then(|o| o.values().find_map(|v| v.as_array().cloned())));
    let mut found: Vec<(u64, String, String)> = findings
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["line"].as_u64().unwrap(),
                f["rule"].as_str().unwrap().to_string(),
                f["severity"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    found.sort();
    let expected: Vec<(u64, &str, &str)> = vec![
        (32, "person-broke-it", "warning"),
        (33, "person-broke-it", "warning"),
        (34, "person-at-fault", "warning"),
        (35, "should-have-been", "warning"),
        (36, "a-glance-would-have", "warning"),
        (37, "judged-person", "warning"),
        (37, "judged-work", "warning"),
        (38, "broke-the-rules", "warning"),
        (44, "restrict-people", "warning"),
    ];
    let expected: Vec<(u64, String, String)> =
        expected.into_iter().map(|(l, r, s)| (l, r.to_string(), s.to_string())).collect();
    assert_eq!(found, expected, "{}", String::from_utf8_lossy(&out.stdout));
    assert_eq!(out.status.code(), Some(1));
}
