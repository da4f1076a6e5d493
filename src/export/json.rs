//! JSON: the document as it is stored, plus the numbers derived from its times.

use serde::Serialize;

use crate::doc::{Document, Finding, Numbers, validate};

#[derive(Serialize)]
struct Export<'a> {
    #[serde(flatten)]
    document: &'a Document,
    numbers: NumbersJson,
    findings: Vec<Finding>,
}

/// Whole seconds, or null when the number cannot be computed.
#[derive(Serialize)]
struct NumbersJson {
    time_to_detect_seconds: Option<i64>,
    time_to_mitigate_seconds: Option<i64>,
    time_to_resolve_seconds: Option<i64>,
    total_impact_seconds: Option<i64>,
}

pub fn to_json(doc: &Document) -> Result<String, serde_json::Error> {
    let n = Numbers::of(doc);
    let secs = |d: Option<chrono::Duration>| d.map(|d| d.num_seconds());
    let export = Export {
        document: doc,
        numbers: NumbersJson {
            time_to_detect_seconds: secs(n.to_detect),
            time_to_mitigate_seconds: secs(n.to_mitigate),
            time_to_resolve_seconds: secs(n.to_resolve),
            total_impact_seconds: secs(n.impact),
        },
        findings: validate(doc, None),
    };
    let mut out = serde_json::to_string_pretty(&export)?;
    out.push('\n');
    Ok(out)
}
