//! The wording checker is built, and the open document checked, away from the editor's
//! thread: compiling the patterns a document needs is most of that work, and the first frames
//! and keys should not wait for it.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};

use super::findings::SectionLint;
use crate::doc::{Document, SectionKind};
use crate::lint::Checker;

/// What the checking thread hands over: the checker, and the document it was given with its
/// prose sections already checked, `(section, text checked, findings)`.
pub struct Ready {
    pub checker: Arc<Checker>,
    pub checked: Vec<(usize, String, SectionLint)>,
}

/// Builds the checker with `build` and checks `doc` with it, on a thread of its own; the
/// result arrives on the returned channel (which closes empty when `build` gives none).
pub fn spawn(build: impl FnOnce() -> Option<Checker> + Send + 'static, doc: Option<Document>) -> Receiver<Ready> {
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let Some(checker) = build() else { return };
        let checker = Arc::new(checker);
        let checked = doc.map(|doc| check(&checker, &doc)).unwrap_or_default();
        let _ = tx.send(Ready { checker, checked });
    });
    rx
}

fn check(checker: &Arc<Checker>, doc: &Document) -> Vec<(usize, String, SectionLint)> {
    let prose: Vec<(usize, String)> = doc
        .sections
        .iter()
        .enumerate()
        .filter(|(_, s)| s.kind == SectionKind::Text && !s.text.is_empty())
        .map(|(i, s)| (i, s.text.clone()))
        .collect();
    // Two threads share the compiling (the editor's own thread is idle, waiting for keys).
    let texts: Vec<String> = prose.iter().map(|(_, t)| t.clone()).collect();
    let other = {
        let (checker, texts) = (checker.clone(), texts.clone());
        std::thread::spawn(move || checker.compile_for(&texts, 1, 2))
    };
    checker.compile_for(&texts, 0, 2);
    let _ = other.join();
    let people = checker.people(doc);
    prose
        .into_iter()
        .map(|(i, text)| {
            let mut lint = SectionLint::default();
            lint.check(checker, &text, &people, doc);
            (i, text, lint)
        })
        .collect()
}
