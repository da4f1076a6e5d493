//! What the finish page says, worked out when the page is opened (views only draw it): what is
//! still empty, every wording finding the editor shows, and the document checks `lint` makes,
//! so that the page and `blameless lint` on the saved file agree.

use crate::doc::Severity;
use crate::lint::Field;
use crate::tui::editor::{Editor, Page};

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Summary {
    pub written: usize,
    pub total: usize,
    /// Titles of the required sections with nothing written in them.
    pub empty_required: Vec<String>,
    /// Whether the wording was checked (no checker could be built from a broken lint.yaml).
    pub wording_checked: bool,
    /// The checker is still on its way (the first moments after opening): the page says so
    /// rather than an all clear it cannot give yet.
    pub checking: bool,
    /// Each wording finding: where it is, in words, the rule and the words flagged.
    pub wording: Vec<Wording>,
    /// The document checks other than empty sections, warnings and errors first.
    pub checks: Vec<(Severity, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wording {
    pub place: String,
    pub rule: String,
    pub severity: Severity,
    pub text: String,
}

impl Summary {
    /// How many findings `lint` would report at each level, [suggestions, warnings, errors]
    /// (an empty required section is a warning).
    pub fn counts(&self) -> [usize; 3] {
        let mut counts = [0, self.empty_required.len(), 0];
        let levels = self.wording.iter().map(|w| w.severity).chain(self.checks.iter().map(|(s, _)| *s));
        for s in levels {
            counts[s as usize] += 1;
        }
        counts
    }

    /// What `lint` would say of the document as it is now, in a line.
    pub fn verdict(&self) -> (bool, String) {
        let [suggestions, warnings, errors] = self.counts();
        let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
        let parts: Vec<String> = [(errors, "error"), (warnings, "warning"), (suggestions, "suggestion")]
            .iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, w)| plural(*n, w))
            .collect();
        match (errors + warnings > 0, parts.is_empty()) {
            (true, _) => (false, format!("✗ `blameless lint` fails on it: {}.", parts.join(", "))),
            (false, true) => (true, "✓ `blameless lint` passes: no findings.".into()),
            (false, false) => (true, format!("✓ `blameless lint` passes ({}).", parts.join(", "))),
        }
    }
}

/// Where a field is, in the words of the page that shows it: `Summary`, `Timeline, row 3`.
pub fn place(field: Field, section_title: impl Fn(Field) -> Option<String>) -> String {
    let title = section_title(field);
    let at = |what: &str, i: usize| match &title {
        Some(t) => format!("{t}, {what} {}", i + 1),
        None => format!("{what} {}", i + 1),
    };
    match field {
        Field::Title => "Title".into(),
        Field::Text(i) => title.unwrap_or_else(|| format!("section {}", i + 1)),
        Field::Answer(_, j) => at("answer", j),
        Field::Event(i) => at("row", i),
        Field::Factor(i) => at("row", i),
        Field::Action(i) => at("row", i),
    }
}

impl Editor {
    /// Works out what the finish page says, from the document as written now.
    pub fn summarize(&mut self) {
        self.sync();
        let total = self.doc.sections.len();
        let empty_required = (0..total)
            .filter(|&i| self.doc.sections[i].required && !self.is_written(i))
            .map(|i| self.doc.sections[i].title.clone())
            .collect();
        let title = |f: Field| match self.home(f) {
            Some(Page::Section(i)) => self.doc.sections.get(i).map(|s| s.title.clone()),
            _ => None,
        };
        let wording_of = |field: Field, findings: &[crate::lint::TextFinding]| {
            let place = place(field, title);
            findings
                .iter()
                .map(|f| Wording {
                    place: place.clone(),
                    rule: f.rule.clone(),
                    severity: f.severity,
                    text: f.text.clone(),
                })
                .collect::<Vec<_>>()
        };
        let mut wording = Vec::new();
        let mut prose: Vec<(&usize, &crate::tui::findings::SectionLint)> = self.lints.iter().collect();
        prose.sort_by_key(|(i, _)| **i);
        for (i, lint) in prose {
            wording.extend(wording_of(Field::Text(*i), &lint.findings));
        }
        for (field, _, findings) in self.fields.with_findings() {
            wording.extend(wording_of(field, findings));
        }
        let scale = self.template.as_ref().map(|t| t.severity_ids());
        let now = crate::doc::clock::now().ok();
        let mut checks: Vec<(Severity, String)> = match &self.checker {
            // The document checks `lint` makes (completeness, consistency), as it makes them.
            Some(checker) => checker
                .check_document_items(&self.doc, scale.as_deref(), now)
                .into_iter()
                .filter(|d| d.finding.rule != "section-empty")
                .map(|d| (d.finding.severity, d.finding.message))
                .collect(),
            None => {
                crate::doc::validate(&self.doc, scale.as_deref()).into_iter().map(|f| (f.severity, f.message)).collect()
            }
        };
        checks.sort_by_key(|(s, _)| std::cmp::Reverse(*s));
        let wording_checked = self.checker.is_some();
        let checking = self.checking && !wording_checked;
        self.finish = Summary {
            written: self.written_count(),
            total,
            empty_required,
            wording_checked,
            checking,
            wording,
            checks,
        };
    }
}
