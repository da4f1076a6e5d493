//! Loaders under random and mutated input: documents, templates, lint configurations and
//! Markdown. Nothing panics, every refusal names the file, and nothing is written. The
//! `tests/corpus/` files are inputs that once broke something or easily could.
//! Longer runs: `PROPTEST_CASES=20000 cargo test --release --test fuzz`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use blameless::doc::validate;
use blameless::lint::{Checker, Config, People};
use blameless::store;
use blameless::template::Library;
use proptest::prelude::*;

const CHECKOUT: &str = include_str!("fixtures/checkout.yaml");
const TEMPLATE: &str = include_str!("../templates/default.yaml");

/// A mutation of `base`: bytes replaced, inserted or cut at random places, and YAML's own
/// troublemakers spliced in.
fn mutated(base: &'static str) -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "\n",
        ": ",
        "- ",
        "  ",
        "\t",
        "[",
        "]",
        "{",
        "}",
        "&a ",
        "*a",
        "!!binary ",
        "'",
        "\"",
        "|",
        ">",
        "#",
        "%",
        "~",
        "null",
        "9999999999999999999999",
        "-1",
        "2026-13-45T99:99:99Z",
        "\u{feff}",
        "\u{0}",
        "\u{85}",
        "🔥",
        "schema: 3\n",
        "kind: tabel\n",
        "extends: ../x\n",
        "<<: *a\n",
    ]);
    prop::collection::vec((0usize..base.len(), 0usize..4, 0usize..20, pieces), 1..6).prop_map(move |edits| {
        let mut bytes = base.as_bytes().to_vec();
        for (at, op, len, piece) in edits {
            let at = at.min(bytes.len());
            match op {
                0 => {
                    let end = (at + len).min(bytes.len());
                    bytes.drain(at..end);
                }
                1 | 2 => {
                    bytes.splice(at..at, piece.bytes());
                }
                _ => {
                    if at < bytes.len() {
                        bytes[at] = bytes[at].wrapping_add(len as u8);
                    }
                }
            }
        }
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

/// Built once: compiling the rules is the slow part, not checking.
fn checker() -> &'static Checker {
    static CHECKER: std::sync::OnceLock<Checker> = std::sync::OnceLock::new();
    CHECKER.get_or_init(|| Checker::builtin().unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn mutated_documents_load_or_say_where(src in mutated(CHECKOUT)) {
        let path = Path::new("fuzzed.yaml");
        match store::parse_document(path, &src) {
            Ok(loaded) => {
                // Whatever loads can be checked, linted, exported and saved again.
                let _ = validate(&loaded.doc, None);
                let checker = checker();
                let _ = checker.check_document(&loaded.doc, None, None);
                let _ = blameless::export::to_markdown(&loaded.doc);
                let text = store::document_text(&loaded.doc).unwrap();
                prop_assert!(store::parse_document(path, &text).is_ok(), "saved text does not load:\n{}", text);
            }
            Err(e) => prop_assert!(e.to_string().starts_with("fuzzed.yaml"), "the error does not name the file: {}", e),
        }
    }

    #[test]
    fn mutated_templates_resolve_or_say_where(src in mutated(TEMPLATE)) {
        let library = Library::new(Vec::new(), None);
        if let Err(e) = library.resolve_text(Path::new("fuzzed-template.yaml"), src) {
            prop_assert!(e.to_string().starts_with("fuzzed-template.yaml") || e.to_string().contains("<built-in>"), "{}", e);
        }
    }

    #[test]
    fn random_lint_configurations_parse_or_say_where(src in mutated("rules:\n  root-cause: off\n  hindsight: suggestion\npeople: [Priya Raman]\nallow: [\"Sloppy Joe's\"]\n")) {
        if let Err(e) = Config::parse(Path::new("lint.yaml"), &src, &["root-cause"]) {
            prop_assert!(e.to_string().starts_with("lint.yaml"), "{}", e);
        }
    }

    #[test]
    fn any_text_can_be_checked(text in any::<String>()) {
        let checker = checker();
        let findings = checker.check_markdown(&text, &People::default());
        for f in findings {
            prop_assert!(f.span.end <= text.len() && text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
        }
    }
}

#[test]
fn the_corpus_of_nasty_inputs_loads_or_fails_cleanly() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let before = std::fs::read(&path).unwrap();
        let started = std::time::Instant::now();
        match store::load_document(&path) {
            Ok(loaded) => {
                let _ = validate(&loaded.doc, None);
                let _ = blameless::export::to_markdown(&loaded.doc);
            }
            Err(e) => assert!(e.to_string().contains(path.file_name().unwrap().to_str().unwrap()), "{e}"),
        }
        assert!(started.elapsed().as_secs() < 10, "{} took too long", path.display());
        assert_eq!(std::fs::read(&path).unwrap(), before, "a load never writes");
        seen += 1;
    }
    assert!(seen >= 8);
    // A document naming a path as its template never reads that file as a template.
    let doc = store::load_document(&dir.join("template-name-path.yaml")).unwrap().doc;
    assert!(Library::new(Vec::new(), None).find_name(&doc.template.name).is_err());
}
