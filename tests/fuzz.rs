//! Loaders under random and mutated input: documents, templates, lint configurations and
//! Markdown, alias-heavy YAML, and special files (pipes, devices, dangling and looping links)
//! through every command of the real binary under a memory limit. Nothing panics, nothing
//! hangs, every refusal names the file, and nothing is written. The `tests/corpus/` files are
//! inputs that once broke something or easily could.
//! Longer runs: `PROPTEST_CASES=20000 cargo test --release --test fuzz`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use blameless::doc::validate;
use blameless::lint::{Checker, Config, People};
use blameless::store;
use blameless::template::Library;
use proptest::prelude::*;

mod common;
use common::guarded::{have, run_guarded};

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

/// `base` with anchors and aliases added at the end: a scalar of up to 300 KB anchored, then
/// levels of lists that alias the level below up to 12 times each (from a few repeats to a
/// billion laughs), used from a list, a section's text or a merge key.
fn alias_heavy(base: &'static str) -> impl Strategy<Value = String> {
    (0usize..300_000, 1usize..12, 1usize..8, 0usize..3).prop_map(move |(size, repeat, depth, use_at)| {
        let mut yaml = format!("{base}x-a0: &a0 {}\n", "y".repeat(size.max(1)));
        for level in 1..depth {
            let aliases = vec![format!("*a{}", level - 1); repeat].join(", ");
            yaml.push_str(&format!("x-a{level}: &a{level} [{aliases}]\n"));
        }
        let top = format!("*a{}", depth - 1);
        match use_at {
            0 => yaml.push_str(&format!("x-use: [{}]\n", vec![top.as_str(); repeat].join(", "))),
            1 => yaml.push_str(&format!("x-use: {{<<: {{k: {top}}}, j: {top}}}\n")),
            _ => yaml = yaml.replacen("sections:\n", &format!("x-use: {top}\nsections:\n"), 1),
        }
        yaml
    })
}

/// Whether template text as the file `name` resolves, or its refusal names the file.
fn template_resolves_or_says_where(name: &str, text: String) -> bool {
    match Library::new(Vec::new(), None).resolve_text(Path::new(name), text) {
        Ok(_) => true,
        Err(e) => {
            let shown = e.to_string();
            shown.starts_with(name)
                || shown.contains("<built-in>")
                || panic!("the error does not name the file: {shown}")
        }
    }
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
        prop_assert!(template_resolves_or_says_where("fuzzed-template.yaml", src));
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

proptest! {
    // Each case may expand to tens of megabytes before the budget stops it: fewer cases.
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn alias_heavy_documents_load_within_the_budget_or_are_refused(yaml in alias_heavy(CHECKOUT)) {
        let path = Path::new("aliases.yaml");
        match store::parse_document(path, &yaml) {
            Ok(loaded) => match store::document_text(&loaded.doc) {
                // Whatever loads is saved no larger than a file may be, or not at all.
                Ok(text) => prop_assert!(text.len() as u64 <= store::MAX_FILE_BYTES),
                Err(e) => prop_assert!(matches!(e, store::SaveError::TooLarge(_)), "{}", e),
            },
            Err(e) => prop_assert!(e.to_string().starts_with("aliases.yaml"), "{}", e),
        }
    }

    #[test]
    fn alias_heavy_templates_resolve_or_are_refused(yaml in alias_heavy(TEMPLATE)) {
        prop_assert!(template_resolves_or_says_where("aliases-template.yaml", yaml));
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

/// Script-injection payloads from the usual lists: none may survive into the HTML page, typed
/// into a section, a timeline event, an evidence link or an action.
const PAYLOADS: &[&str] = &[
    "<script>alert(1)</script>",
    "<ScRiPt src=//evil.example/x.js></sCrIpT>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<iframe src=javascript:alert(1)></iframe>",
    "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
    "<body onload=alert(1)>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
    "<a href=\" javascript:alert(1)\">x</a>",
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](vbscript:msgbox(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![x](javascript:alert(1))",
    "<javascript:alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    "<object data=\"javascript:alert(1)\"></object>",
    "<embed src=\"javascript:alert(1)\">",
    "<form action=\"javascript:alert(1)\"><button>x</button></form>",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<style>@import 'javascript:alert(1)';</style>",
    "<div style=\"background:url(javascript:alert(1))\">x</div>",
    "<!--<script>alert(1)</script>-->",
    "\"><script>alert(1)</script>",
    "'><img src=x onerror=alert(1)>",
    "`<script>alert(1)</script>`",
    "```html\n<script>alert(1)</script>\n```",
];

#[test]
fn no_script_injection_payload_survives_into_the_html_page() {
    let mut doc = store::parse_document(Path::new("c.yaml"), CHECKOUT).unwrap().doc;
    doc.sections[0].text = PAYLOADS.join("\n\n");
    doc.timeline[0].event = PAYLOADS.join(" ");
    doc.timeline[0].evidence = Some("javascript:alert(1)".into());
    doc.actions[0].title = PAYLOADS.join(" ");
    doc.actions[0].ticket = Some("javascript:alert(2)".into());
    doc.title = "<script>alert('title')</script>".into();
    let html = blameless::export::to_html(&doc);
    // Every tag in the page: no script elements, no event handlers, no dangerous URLs.
    let lower = html.to_lowercase();
    for (i, _) in lower.match_indices('<') {
        let tag_end = lower[i..].find('>').map_or(lower.len(), |e| i + e);
        let tag = &lower[i..tag_end];
        let name: String = tag[1..].chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        assert!(
            !["script", "iframe", "object", "embed", "form", "svg", "math", "input", "body", "base"]
                .contains(&name.as_str())
                || (name == "body" && !tag.contains(" on")),
            "dangerous element <{name}> in: {tag}"
        );
        if name == "meta" {
            assert!(!tag.contains("http-equiv=\"refresh\""), "meta refresh survived: {tag}");
        }
        let attrs = tag.split_whitespace().skip(1);
        for attr in attrs {
            assert!(!attr.starts_with("on"), "event handler survived: {tag}");
            if attr.starts_with("href=")
                || attr.starts_with("src=")
                || attr.starts_with("action=")
                || attr.starts_with("data=")
            {
                let url = attr.split_once('=').map(|(_, v)| v.trim_matches(['"', '\'', '/'])).unwrap_or("");
                for scheme in ["javascript:", "vbscript:", "data:", "jav"] {
                    assert!(!url.starts_with(scheme), "dangerous URL survived: {tag}");
                }
            }
        }
    }
    // The words are still there, as text.
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "typed HTML is shown as text");
}

/// Every kind of file that is not a plain text file, under every command, on the real binary
/// with a memory limit and a watchdog: no run hangs, panics or is killed, and each refusal
/// names the file.
#[test]
fn special_files_through_every_command_never_hang_or_crash() {
    if !have("sh", &["-c", "true"]) || !have("mkfifo", &["--version"]) {
        return;
    }
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("postmortems");
    std::fs::create_dir_all(lib.join("folder.yaml")).unwrap();
    std::fs::write(lib.join("ok.yaml"), CHECKOUT).unwrap();
    std::fs::write(lib.join("empty.yaml"), "").unwrap();
    std::fs::write(lib.join("bom-only.yaml"), "\u{feff}").unwrap();
    assert!(std::process::Command::new("mkfifo").arg(lib.join("pipe.yaml")).status().unwrap().success());
    symlink("/dev/zero", lib.join("zero.yaml")).unwrap();
    symlink("/dev/null", lib.join("null.yaml")).unwrap();
    symlink("/dev/urandom", lib.join("random.md")).unwrap();
    symlink("nowhere", lib.join("dangling.yaml")).unwrap();
    symlink("loop-b.yaml", lib.join("loop-a.yaml")).unwrap();
    symlink("loop-a.yaml", lib.join("loop-b.yaml")).unwrap();
    symlink(".", lib.join("self.yaml")).unwrap();
    let files = [
        "folder.yaml",
        "empty.yaml",
        "bom-only.yaml",
        "pipe.yaml",
        "zero.yaml",
        "null.yaml",
        "random.md",
        "dangling.yaml",
        "loop-a.yaml",
        "self.yaml",
    ];
    let mut runs = 0;
    for file in files {
        let path = format!("postmortems/{file}");
        for args in [
            vec!["validate", &path],
            vec!["export", &path],
            vec!["export", &path, "--format", "html"],
            vec!["lint", &path],
            vec!["import", &path, "-o", "imported.yaml"],
            vec!["status", &path, "draft"],
            vec!["templates", "validate", &path],
            vec!["edit", &path],
        ] {
            let r = run_guarded(dir.path(), &args, None);
            runs += 1;
            assert!(matches!(r.code, 0..=2), "{args:?} ended with {}: {}", r.code, r.stderr);
            assert!(!r.stderr.contains("panicked"), "{args:?}: {}", r.stderr);
            if r.code == 2 {
                assert!(r.stderr.contains(file), "{args:?}: the error names the file: {}", r.stderr);
            }
        }
    }
    for command in ["list", "stats", "actions", "lint"] {
        let r = run_guarded(dir.path(), &[command, "postmortems"], None);
        runs += 1;
        assert!(matches!(r.code, 0..=2) && !r.stderr.contains("panicked"), "{command}: {}", r.stderr);
        for named in ["pipe.yaml", "zero.yaml", "dangling.yaml", "loop-a.yaml"] {
            assert!(r.stderr.contains(named), "{command} names {named}: {}", r.stderr);
        }
    }
    assert_eq!(std::fs::read_to_string(lib.join("ok.yaml")).unwrap(), CHECKOUT, "nothing was written");
    assert_eq!(runs, files.len() * 8 + 4);
}
