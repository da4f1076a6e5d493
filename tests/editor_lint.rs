//! The editor and `blameless lint` agree: for one document with blame written into every kind
//! of field (a section's text, an answer, a timeline event, a factor, an action), the editor's
//! wording findings and `lint --format json`'s are the same set of (rule, field, span), and the
//! editor marks each field and lists them on the finish page.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::fs;
use std::ops::Range;

use blameless::lint::Field;
use blameless::template::Library;
use blameless::tui::action::Action;
use blameless::tui::app::{App, Screen};
use blameless::tui::start::Start;
mod common;

const CHECKOUT: &str = include_str!("fixtures/checkout.yaml");

/// The checkout fixture with blame in its summary, an answer, an event, a factor and an action.
fn blamed() -> String {
    let replace = |text: String, from: &str, to: &str| {
        assert!(text.contains(from), "{from}");
        text.replacen(from, to, 1)
    };
    let text = CHECKOUT.to_string();
    let text = replace(
        text,
        "      A schema migration held",
        "      Dave forgot to add a lock timeout.\n      A schema migration held",
    );
    let text = replace(text, "value: none", "value: none, but the on-call engineer should have been more careful");
    let text = replace(text, "event: Migration cancelled; errors stop", "event: Dave forgot to check the bucket");
    let text = replace(
        text,
        "description: Migrations run in the deploy pipeline without a lock timeout",
        "description: \"The root cause was human error: the engineer should have been more careful\"",
    );
    replace(text, "title: Alert on lock waits over 2 s", "title: Remind engineers to be more careful")
}

/// (rule, field, line, column, end line, end column), as `lint --format json` reports them.
type Placed = (String, String, u64, u64, u64, u64);

/// Where bytes `span` of a field's `text` are in the file `src`: found by looking for the
/// text's lines in the file (each flagged text here is written once, a line of text per line
/// of the file), independently of how `lint` places them.
fn place(src: &str, text: &str, span: Range<usize>) -> (u64, u64, u64, u64) {
    let lines: Vec<&str> = src.lines().collect();
    let text_lines: Vec<&str> = text.split('\n').collect();
    let first = lines.iter().position(|l| l.contains(text_lines[0])).unwrap_or_else(|| panic!("{text}"));
    let at = |offset: usize| {
        let before = &text[..offset];
        let k = before.matches('\n').count();
        let col = before.rsplit('\n').next().unwrap().chars().count();
        let line = lines[first + k];
        let start = line[..line.find(text_lines[k]).unwrap()].chars().count();
        ((first + k + 1) as u64, (start + col + 1) as u64)
    };
    let ((line, column), (end_line, end_column)) = (at(span.start), at(span.end));
    (line, column, end_line, end_column)
}

#[test]
fn the_editor_finds_what_lint_finds_in_every_field() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("checkout.yaml");
    let src = blamed();
    fs::write(&path, &src).unwrap();

    // What `lint` says.
    // A week after the incident (the editor reads the clock: the times are past for both).
    let run = common::run_at(dir.path(), "2026-12-01T09:00:00Z", "UTC", &["lint", "checkout.yaml", "--format", "json"]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).unwrap();
    let from_lint: BTreeSet<Placed> = rows
        .iter()
        .filter(|r| !matches!(r["category"].as_str(), Some("completeness" | "consistency")))
        .map(|r| {
            let n = |k: &str| r[k].as_u64().unwrap();
            let s = |k: &str| r[k].as_str().unwrap().to_string();
            (s("rule"), s("field"), n("line"), n("column"), n("end_line"), n("end_column"))
        })
        .collect();

    // What the editor says, on opening the same file.
    let library = Library::new(Vec::new(), None);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let ctx = blameless::tui::context::Context::fixed(dir.path());
    let checker = std::sync::Arc::new(blameless::lint::Checker::builtin().unwrap());
    let mut app = App::new(Screen::Start(Start::new(dir.path(), &library, today)), library, ctx).with_checker(checker);
    dispatch(&mut app, Action::Open(path.clone()));
    let editor = app.editor().unwrap();
    let mut from_editor: BTreeSet<Placed> = BTreeSet::new();
    let mut add = |field: Field, text: &str, findings: &[blameless::lint::TextFinding]| {
        for f in findings {
            let (line, column, end_line, end_column) = place(&src, text, f.span.clone());
            from_editor.insert((f.rule.clone(), field.path(), line, column, end_line, end_column));
        }
    };
    for (i, lint) in &editor.lints {
        add(Field::Text(*i), &editor.doc.sections[*i].text, &lint.findings);
    }
    for (field, text, findings) in editor.fields.with_findings() {
        add(field, text, findings);
    }

    assert_eq!(from_editor, from_lint, "the editor and lint report the same wording findings");
    let fields: BTreeSet<&str> = from_lint.iter().map(|p| p.1.as_str()).collect();
    for field in [
        "sections[0].text",
        "sections[1].fields[1].value",
        "timeline[2].event",
        "factors[0].description",
        "actions[1].title",
    ] {
        assert!(fields.contains(field), "{field} has a finding: {from_lint:?}");
    }

    // Each section with a finding is marked in the list, and the finish page lists them all.
    let last = editor.pages().len() - 1;
    dispatch(&mut app, Action::GoTo(last));
    for (w, h) in [(80, 24), (120, 40)] {
        let shown = screen(&mut app, w, h);
        for section in ["◆ Summary", "◆ Impact", "◆ Timeline", "◆ Contributing factors", "◆ Follow-up actions"]
        {
            assert!(shown.contains(section), "{section} is marked at {w}x{h}:\n{shown}");
        }
        assert!(shown.contains(&format!("Wording to look at again, {} findings", from_lint.len())), "{shown}");
        if h == 40 {
            for place in ["Timeline, row 3: forgot", "Contributing factors, row 1:", "Impact, answer 2:"] {
                assert!(shown.contains(place), "{place} is listed:\n{shown}");
            }
        }
    }
    assert_eq!(app.editor().unwrap().finish.wording.len(), from_lint.len());
    // The finish page says what `lint` says of the whole file, document checks included.
    let count = |level: &str| rows.iter().filter(|r| r["severity"] == level).count();
    let verdict =
        format!("✗ `blameless lint` fails on it: {} warnings, {} suggestions.", count("warning"), count("suggestion"));
    assert_eq!(count("error"), 0);
    assert!(screen(&mut app, 120, 40).contains(&verdict), "{verdict}");
}

use common::screen;
use common::tui::dispatch;
