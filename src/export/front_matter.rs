//! YAML front matter for static-site generators (Hugo, Jekyll, MkDocs, Docusaurus): the title,
//! the incident's date, tags and severity, written by the store's YAML emitter so that it is
//! valid YAML whatever the title holds.

use serde::Serialize;

use crate::doc::Document;
use crate::store::yaml;

#[derive(Serialize)]
struct FrontMatter<'a> {
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    tags: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    severity: Option<&'a str>,
}

/// `---`, the YAML, `---` and a blank line; empty if the YAML cannot be written (it always can:
/// every value is a string).
pub fn block(doc: &Document) -> String {
    let matter = FrontMatter {
        title: super::markdown::title(doc),
        date: incident_date(doc),
        tags: &doc.tags,
        severity: doc.severity.as_deref(),
    };
    match yaml::to_string(&matter) {
        Ok(text) => format!("---\n{text}---\n\n"),
        Err(_) => String::new(),
    }
}

/// The day the incident started (or, failing that, the first of its times that is known), in
/// the offset the time was recorded with.
pub(crate) fn incident_date(doc: &Document) -> Option<String> {
    let zone = doc.zone();
    let t = &doc.times;
    [&t.started, &t.detected, &t.mitigated, &t.resolved]
        .into_iter()
        .flatten()
        .find_map(|m| m.resolve(&zone))
        .map(|t| t.format("%Y-%m-%d").to_string())
}
