//! SARIF 2.1.0, the format code-scanning services read.

use serde_json::{Value, json};

use super::{RuleInfo, shown};
use crate::doc::Severity;
use crate::lint::FileReport;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Suggestion => "note",
    }
}

/// One run of the `blameless` tool: every rule it knows, and a result per finding with its
/// region (columns in Unicode code points, `endColumn` just after the span).
pub fn sarif(reports: &[FileReport], rules: &[RuleInfo]) -> Result<String, serde_json::Error> {
    let descriptors: Vec<Value> = rules
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "name": r.id,
                "shortDescription": { "text": r.message },
                "fullDescription": { "text": r.help },
                "help": { "text": r.help },
                "defaultConfiguration": { "level": level(r.severity) },
                "properties": { "category": r.category.as_str(), "tags": [r.category.as_str()] },
            })
        })
        .collect();
    let mut results = Vec::new();
    for report in reports {
        for l in &report.findings {
            let f = &l.finding;
            let mut message = f.message.clone();
            if let Some(s) = &f.suggestion {
                message.push_str(" Suggestion: ");
                message.push_str(s);
            }
            let mut result = json!({
                "ruleId": f.rule,
                "level": level(f.severity),
                "message": { "text": message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri(&shown(&report.path)) },
                        "region": {
                            "startLine": l.line,
                            "startColumn": l.column,
                            "endLine": l.end_line,
                            "endColumn": l.end_column,
                        }
                    }
                }],
                "properties": { "category": f.category.as_str() },
            });
            if let (Some(i), Some(obj)) = (rules.iter().position(|r| r.id == f.rule), result.as_object_mut()) {
                obj.insert("ruleIndex".into(), json!(i));
            }
            results.push(result);
        }
    }
    let log = json!({
        "version": "2.1.0",
        "$schema": SCHEMA,
        "runs": [{
            "tool": {
                "driver": {
                    "name": "blameless",
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "rules": descriptors,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    Ok(serde_json::to_string_pretty(&log)? + "\n")
}

/// A relative path as a URI reference: everything but unreserved characters and `/`
/// percent-encoded.
fn uri(path: &str) -> String {
    let mut out = String::new();
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
