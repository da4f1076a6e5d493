//! The wording of the fields written outside prose sections (the title, answers, timeline
//! events, factors, actions), checked as `lint` checks them: the same list of fields
//! ([`crate::lint::fields`]), the same scope, people and dismissals. A field whose text has
//! not changed since its last check keeps its findings, so checking after an edit is cheap.

use std::collections::BTreeMap;
use std::ops::Range;

use crate::doc::Document;
use crate::lint::{Checker, Field, People, TextFinding, check_field, is_dismissed};

#[derive(Debug, Default)]
pub struct FieldLints {
    /// Each field checked: the text checked and its findings.
    checked: BTreeMap<Field, (String, Vec<TextFinding>)>,
}

impl FieldLints {
    /// Checks `texts` (each field with its text now); the fields not given are forgotten.
    pub fn check(&mut self, checker: &Checker, texts: Vec<(Field, String)>, people: &People, doc: &Document) {
        let mut before = std::mem::take(&mut self.checked);
        for (field, text) in texts {
            let findings = match before.remove(&field) {
                Some((checked, findings)) if checked == text => findings,
                _ => check_field(checker, field, &text, people)
                    .into_iter()
                    .filter(|f| !is_dismissed(doc, &f.rule, &f.text))
                    .collect(),
            };
            self.checked.insert(field, (text, findings));
        }
    }

    pub fn is_empty(&self) -> bool {
        self.checked.is_empty()
    }

    /// Forgets every check (after a dismissal, or when the people named changed).
    pub fn clear(&mut self) {
        self.checked.clear();
    }

    pub fn findings(&self, field: Field) -> &[TextFinding] {
        self.checked.get(&field).map_or(&[], |(_, f)| f.as_slice())
    }

    /// The fields with findings, in the document's order, with the text checked.
    pub fn with_findings(&self) -> impl Iterator<Item = (Field, &str, &[TextFinding])> {
        self.checked.iter().filter(|(_, (_, f))| !f.is_empty()).map(|(k, (t, f))| (*k, t.as_str(), f.as_slice()))
    }
}

/// The fields of `doc` checked here, with their text in `doc`: every field `lint` checks but
/// the text of prose sections, which [`crate::tui::findings::SectionLint`] checks as it is typed.
pub fn texts_of(doc: &Document) -> Vec<(Field, String)> {
    let prose = |i: usize| doc.sections.get(i).is_some_and(|s| s.kind == crate::doc::SectionKind::Text);
    crate::lint::fields(doc)
        .into_iter()
        .filter(|f| !matches!(f, Field::Text(i) if prose(*i)))
        .map(|f| (f, f.text(doc).unwrap_or_default().to_string()))
        .collect()
}

/// The byte ranges of `text` to underline for `findings`, merged and in order: for one-line
/// fields (cells, answers, the title), which are drawn as spans.
pub fn underlined(findings: &[TextFinding]) -> Vec<Range<usize>> {
    let mut spans: Vec<Range<usize>> = findings.iter().map(|f| f.span.clone()).filter(|s| !s.is_empty()).collect();
    spans.sort_by_key(|s| (s.start, s.end));
    let mut out: Vec<Range<usize>> = Vec::new();
    for s in spans {
        match out.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}
