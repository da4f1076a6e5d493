//! Reports for people and machines: rustc-like text, JSON, SARIF 2.1.0 for code scanning, and
//! GitHub workflow annotations. Pure functions from reports to text.

mod github;
mod human;
mod json;
mod sarif;

pub use github::github;
pub use human::human;
pub use json::json;
pub use sarif::sarif;

use super::{Category, Checker};
use crate::doc::Severity;

/// What every format says about a rule: id, category, default level and the words to explain it.
#[derive(Debug, Clone)]
pub struct RuleInfo {
    pub id: String,
    pub category: Category,
    pub severity: Severity,
    pub message: String,
    pub help: String,
}

/// Every rule the checker can report: the language rules, then the document checks.
pub fn rule_infos(checker: &Checker) -> Vec<RuleInfo> {
    let language = checker.rules().iter().map(|r| RuleInfo {
        id: r.id.clone(),
        category: r.category,
        severity: r.severity,
        message: r.message.clone(),
        help: match &r.suggestion {
            Some(s) => format!("{} Suggestion: {s}", r.rationale),
            None => r.rationale.clone(),
        },
    });
    let document = super::document::DOC_RULES.iter().map(|r| RuleInfo {
        id: r.id.to_string(),
        category: r.category,
        severity: r.severity,
        message: r.summary.to_string(),
        help: r.summary.to_string(),
    });
    language.chain(document).collect()
}

/// The path as reports show it: with `/` separators on every platform.
pub fn shown(path: &std::path::Path) -> String {
    let text = path.display().to_string();
    let text = text.strip_prefix("./").unwrap_or(&text);
    if std::path::MAIN_SEPARATOR == '\\' { text.replace('\\', "/") } else { text.to_string() }
}
