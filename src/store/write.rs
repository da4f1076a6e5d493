//! A document's text with many timeline rows. The writer turns a value into a YAML tree and
//! writes the tree; for the big document's 5,000 rows that tree was 4.5 MB, alive beside the
//! text while the editor's journal wrote it (every 700 ms after a change), and the editor's
//! peak memory. Here the document is written without its rows, and the rows are turned into
//! trees one at a time and written in their place: the same bytes (tests in `write_tests`).

use super::SaveError;
use super::{emit, yaml};
use crate::doc::Document;

/// Below this many rows the whole tree is small: the document is written in one go.
const ROWS_APART: usize = 200;

/// The line the rows take the place of: a top-level key (the only lines at column 0 are
/// top-level keys), the timeline written empty.
const EMPTY: &str = "\ntimeline: []\n";

pub(super) fn document_text(doc: &Document) -> Result<String, SaveError> {
    let encode = |e: yaml::YamlError| SaveError::Encode(e.message);
    if doc.timeline.len() < ROWS_APART {
        return yaml::to_string(doc).map_err(encode);
    }
    let shell = Document {
        schema: doc.schema,
        title: doc.title.clone(),
        status: doc.status,
        severity: doc.severity.clone(),
        template: doc.template.clone(),
        timezone: doc.timezone.clone(),
        authors: doc.authors.clone(),
        services: doc.services.clone(),
        tags: doc.tags.clone(),
        times: doc.times.clone(),
        sections: doc.sections.clone(),
        timeline: Vec::new(),
        factors: doc.factors.clone(),
        actions: doc.actions.clone(),
        dismissed: doc.dismissed.clone(),
        status_history: doc.status_history.clone(),
        extra: doc.extra.clone(),
    };
    let value = yaml::to_value(&shell).map_err(encode)?;
    drop(shell);
    let text = emit::emit(&value);
    drop(value);
    let Some(at) = text.find(EMPTY) else {
        return yaml::to_string(doc).map_err(encode);
    };
    let rows: usize =
        doc.timeline.iter().map(|r| 80 + r.event.len() + r.evidence.as_ref().map_or(0, String::len)).sum();
    let mut out = String::with_capacity(text.len() + rows);
    out.push_str(&text[..=at]);
    out.push_str("timeline:\n");
    for row in &doc.timeline {
        // Never the document's last node: `factors` and `actions` are always written after it.
        emit::item(&yaml::to_value(row).map_err(encode)?, 2, &mut out);
    }
    out.push_str(&text[at + EMPTY.len()..]);
    Ok(out)
}
