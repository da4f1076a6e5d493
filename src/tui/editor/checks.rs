//! The editor's wording checks: every field `lint` checks, kept in step with what is typed.

use std::collections::HashMap;
use std::time::Instant;

use super::{Editor, Page};
use crate::doc::SectionKind;
use crate::lint::{Checker, Field};
use crate::tui::fields::FieldLints;
use crate::tui::findings::SectionLint;

impl Editor {
    /// Checks every prose section's wording (on open, and after a dismissal).
    pub fn check_all(&mut self) {
        self.fields.clear();
        self.field_counts.clear();
        self.check_all_with(Vec::new(), FieldLints::default());
    }

    /// As [`Editor::check_all`], taking the findings already made elsewhere (the checker's
    /// thread) for sections whose text is still what was checked.
    /// `fields`: the other fields, checked there too (those whose text changed since are
    /// checked again).
    pub fn check_all_with(&mut self, checked: Vec<(usize, String, SectionLint)>, fields: FieldLints) {
        let Some(checker) = self.checker.clone() else { return };
        self.people = checker.people(&self.doc);
        let mut checked: HashMap<usize, (String, SectionLint)> =
            checked.into_iter().map(|(i, text, lint)| (i, (text, lint))).collect();
        for i in 0..self.doc.sections.len() {
            if self.doc.sections[i].kind != SectionKind::Text {
                continue;
            }
            match checked.remove(&i) {
                Some((text, lint)) => {
                    let changed = self.section_text(i) != text;
                    self.lints.insert(i, lint);
                    // Typed into while the thread checked it: only the paragraphs changed
                    // since are checked again (a whole 1 MB section took seconds on this thread).
                    if changed {
                        self.check_section(&checker, i);
                    }
                }
                None => self.check_section(&checker, i),
            }
        }
        if !fields.is_empty() {
            self.fields = fields;
        }
        self.check_fields();
        self.check_due = None;
        if self.page == Page::Finish {
            self.summarize();
        }
    }

    /// Whether the checker is on its way; the finish page, which says what it knows, is
    /// worked out again.
    pub fn set_checking(&mut self, checking: bool) {
        self.checking = checking;
        if self.page == Page::Finish {
            self.summarize();
        }
    }

    /// Each field `lint` checks that is not a prose section being written here, with its text
    /// now (the widgets' text where a widget holds it).
    fn field_texts(&self) -> Vec<(Field, String)> {
        let mut texts = crate::tui::fields::texts_of(&self.doc);
        for (f, text) in &mut texts {
            match *f {
                Field::Title => *text = self.details.value("title").trim().to_string(),
                Field::Answer(i, j) => {
                    if let (Some(form), Some(answer)) = (self.field_forms.get(&i), self.doc.sections[i].fields.get(j)) {
                        *text = form.value(&answer.id);
                    }
                }
                _ => {}
            }
        }
        texts
    }

    /// Checks the fields outside prose sections whose text changed.
    pub fn check_fields(&mut self) {
        let Some(checker) = self.checker.clone() else { return };
        let texts = self.field_texts();
        self.fields.check(&checker, texts, &self.people, &self.doc);
        let mut counts = HashMap::new();
        for (field, _, found) in self.fields.with_findings() {
            if let Some(page) = self.home(field) {
                *counts.entry(page).or_default() += found.len();
            }
        }
        self.field_counts = counts;
    }

    /// The page that shows a field, if one does.
    pub fn home(&self, field: Field) -> Option<Page> {
        let of_kind = |kind: SectionKind| self.doc.sections.iter().position(|s| s.kind == kind).map(Page::Section);
        match field {
            Field::Title => Some(Page::Details),
            Field::Text(i) | Field::Answer(i, _) => Some(Page::Section(i)),
            Field::Event(_) => of_kind(SectionKind::Timeline),
            Field::Factor(_) => of_kind(SectionKind::Factors),
            Field::Action(_) => of_kind(SectionKind::Actions),
        }
    }

    fn section_text(&self, i: usize) -> String {
        match self.texts.get(&i) {
            Some(prose) => prose.text(),
            None => self.doc.sections[i].text.clone(),
        }
    }

    /// Checks the open section again, when its check is due.
    /// Returns whether it checked.
    pub fn check_if_due(&mut self, now: Instant) -> bool {
        if self.check_due.is_some_and(|due| due <= now) {
            self.check_due = None;
            if let (Some(checker), Page::Section(i)) = (self.checker.clone(), self.page)
                && self.doc.sections[i].kind == SectionKind::Text
            {
                self.check_section(&checker, i);
            }
            self.check_fields();
            return true;
        }
        false
    }

    fn check_section(&mut self, checker: &Checker, i: usize) {
        let text = self.section_text(i);
        let lint = self.lints.entry(i).or_default();
        lint.check(checker, &text, &self.people, &self.doc);
    }

    /// How many wording findings the fields a page shows have.
    pub fn finding_count(&self, i: usize) -> usize {
        self.page_findings(Page::Section(i))
    }

    /// How many wording findings the fields `page` shows have.
    pub fn page_findings(&self, page: Page) -> usize {
        let prose = match page {
            Page::Section(i) => self.lints.get(&i).map_or(0, |l| l.findings.len()),
            _ => 0,
        };
        prose + self.field_counts.get(&page).copied().unwrap_or(0)
    }
}
