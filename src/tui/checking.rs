//! The wording checker is built, and the open document checked, away from the editor's
//! thread: compiling the patterns a document needs is most of that work, and keys should not
//! wait for it. The building starts as soon as a command knows it will open the editor
//! ([`start`]), while the document is still being read; the document follows once the
//! editor's first frame is drawn ([`Early::check`]), so that checking it does not take the
//! processor from that frame.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use super::fields::FieldLints;
use super::findings::SectionLint;
use crate::doc::{Document, SectionKind};
use crate::lint::Checker;

/// What the checking thread hands over: the checker, and the document it was given with its
/// prose sections already checked, `(section, text checked, findings)`.
pub struct Ready {
    pub checker: Arc<Checker>,
    pub checked: Vec<(usize, String, SectionLint)>,
    /// The document's other fields (rows, answers, the title), checked.
    pub fields: FieldLints,
}

/// A checker being built on a thread of its own, waiting for the document to check.
pub struct Early {
    document: Sender<Option<Arc<Document>>>,
    ready: Receiver<Ready>,
}

impl Early {
    /// Hands over the document to check (or none); the checker, with the document's
    /// findings, arrives on the returned channel, which closes empty when the checker could
    /// not be built.
    pub fn check(self, doc: Option<Arc<Document>>) -> Receiver<Ready> {
        let _ = self.document.send(doc);
        self.ready
    }
}

/// Starts building the checker with `build`. Dropping the result without
/// [`Early::check`] lets the thread end as soon as the checker is built.
pub fn start(build: impl FnOnce() -> Option<Checker> + Send + 'static) -> Early {
    let (document, doc_rx) = channel::<Option<Arc<Document>>>();
    let (tx, ready) = channel();
    std::thread::spawn(move || {
        // The document comes once the first frame is drawn; building the checker waits for it
        // too, so that the start has the processor to itself (building is about a millisecond).
        let Ok(doc) = doc_rx.recv() else { return };
        let Some(checker) = build() else { return };
        let checker = Arc::new(checker);
        let (checked, fields) = doc.map(|doc| check(&checker, &doc)).unwrap_or_default();
        let _ = tx.send(Ready { checker, checked, fields });
    });
    Early { document, ready }
}

/// Up to this many bytes of text, a document is checked on one thread: a second one would
/// save a few milliseconds the first frame no longer waits for, and cost megabytes (its own
/// allocator arena, and its own copy of each pattern's search cache).
const ONE_THREAD_UP_TO: usize = 64 * 1024;

/// Checks the prose sections of `doc` on two threads (the editor's own thread is idle,
/// waiting): each compiles half of the patterns the document can match, then checks half of
/// the sections (a pattern the other thread is still compiling is waited for).
fn check(checker: &Checker, doc: &Document) -> (Vec<(usize, String, SectionLint)>, FieldLints) {
    let prose: Vec<(usize, &str)> = doc
        .sections
        .iter()
        .enumerate()
        .filter(|(_, s)| s.kind == SectionKind::Text && !s.text.is_empty())
        .map(|(i, s)| (i, s.text.as_str()))
        .collect();
    let texts: Vec<&str> = prose.iter().map(|&(_, t)| t).collect();
    // The other fields (rows, answers, the title) are checked on the editor's thread when the
    // checker arrives: the patterns they need are compiled here too.
    let others = super::fields::texts_of(doc);
    let other_texts: Vec<&str> = others.iter().map(|(_, t)| t.as_str()).collect();
    let open = checker.open_patterns(&[texts.as_slice(), other_texts.as_slice()].concat());
    let people = checker.people(doc);
    // The first half of the sections by length, and the rest.
    let total: usize = texts.iter().map(|t| t.len()).sum();
    let (mut split, mut first) = (0, 0);
    while split < texts.len() && (first + texts[split].len()) * 2 <= total {
        first += texts[split].len();
        split += 1;
    }
    let run = |part: usize, sections: &[(usize, &str)]| {
        checker.compile_open(&open, part, 2);
        let check = |&(i, text): &(usize, &str)| {
            let mut lint = SectionLint::default();
            lint.check(checker, text, &people, doc);
            (i, text.to_string(), lint)
        };
        sections.iter().map(check).collect::<Vec<_>>()
    };
    let (mine, theirs) = prose.split_at(split);
    let rows: usize = others.iter().map(|(_, t)| t.len()).sum();
    if total + rows <= ONE_THREAD_UP_TO {
        let mut checked = run(0, mine);
        checked.extend(run(1, theirs));
        let mut fields = FieldLints::default();
        fields.check(checker, others, &people, doc);
        return (checked, fields);
    }
    std::thread::scope(|scope| {
        let other = scope.spawn(|| run(1, theirs));
        let mut checked = run(0, mine);
        let mut fields = FieldLints::default();
        fields.check(checker, others, &people, doc);
        // A panic on the helper is one on this thread too: the checker is given up.
        checked.extend(other.join().unwrap_or_else(|p| std::panic::resume_unwind(p)));
        (checked, fields)
    })
}
