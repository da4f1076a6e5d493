//! Long text can be read without editing it: the selected table row in full under the table,
//! the current wording finding whole with its suggestion, the preview's cells wrapped.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use blameless::tui::action::Action;
use common::screen;
use common::tui::*;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

const CHECKOUT: &str = include_str!("fixtures/checkout.yaml");
const LONG: &str = "Error-rate alert pages the checkout on-call, who sees the pool exhausted on the dashboard";

fn on(f: &mut Fixture, id: &str) {
    let i = f.app.editor().unwrap().doc.sections.iter().position(|s| s.id == id).unwrap();
    dispatch(&mut f.app, Action::GoTo(i + 1));
}

/// The page's column (between the section list and the guidance), its rows joined, so a
/// value wrapped over lines reads as one text.
fn words(shown: &str) -> String {
    shown.lines().map(|l| l.split('│').nth(1).unwrap_or(l).trim()).collect::<Vec<_>>().join(" ")
}

#[test]
fn the_selected_row_is_shown_whole_under_the_table() {
    let mut f = editing(&CHECKOUT.replace("Error-rate alert pages the checkout on-call", LONG));
    on(&mut f, "timeline");
    key(&mut f.app, KeyCode::Down, KeyModifiers::NONE);
    for (w, h) in [(80, 24), (120, 40)] {
        let shown = screen(&mut f.app, w, h);
        assert!(shown.contains("Entry 2 of 4"), "{w}x{h}:\n{shown}");
        assert!(!shown.lines().any(|l| l.contains(LONG)) || w >= 120, "the table cuts it at {w}");
        assert!(words(&shown).contains(LONG), "{w}x{h}: the whole event under the table:\n{shown}");
        assert!(shown.contains("2026-11-24 14:09 +01:00"), "the time with its offset:\n{shown}");
        assert!(shown.contains("— no evidence"), "what it lacks, in words:\n{shown}");
    }
    key(&mut f.app, KeyCode::Down, KeyModifiers::NONE);
    let shown = screen(&mut f.app, 80, 24);
    assert!(shown.contains("Entry 3 of 4") && shown.contains("Migration cancelled; errors stop"), "{shown}");
    // Not while the section list has the keys.
    key(&mut f.app, KeyCode::Esc, KeyModifiers::NONE);
    assert!(!screen(&mut f.app, 80, 24).contains("Entry 3 of 4"));
}

#[test]
fn the_current_finding_is_shown_whole_with_its_suggestion() {
    let checker = std::sync::Arc::new(blameless::lint::Checker::builtin().unwrap());
    let t = library().find("default").unwrap();
    let doc = t.new_document("Checkout API errors", &"Europe/Berlin".parse().unwrap());
    let mut f = editing_with(&blameless::store::document_text(&doc).unwrap(), Some(checker));
    dispatch(&mut f.app, Action::GoTo(1));
    typed(&mut f.app, "Dave forgot to run the check. It was human error.");
    later(&f.app, blameless::tui::editor::CHECK_AFTER + std::time::Duration::from_millis(1));
    dispatch(&mut f.app, Action::Tick);
    key(&mut f.app, KeyCode::Home, KeyModifiers::NONE);
    key(&mut f.app, KeyCode::Up, KeyModifiers::NONE);
    let e = f.app.editor().unwrap();
    let lint = e.lints.values().find(|l| !l.findings.is_empty()).expect("findings");
    let first = lint.findings[0].message.clone();
    assert!(first.chars().count() > 50, "a message longer than the strip: {first}");
    let shown = screen(&mut f.app, 80, 24);
    assert!(words(&shown).contains(&first), "the whole message at 80x24:\n{shown}");
    assert!(shown.contains("→ \"the step to run the check did not happen\""), "{shown}");
    // The next one, a line of its own, cut with an ellipsis when it is too long.
    assert!(shown.contains("human-error: "), "{shown}");
}

/// A rewrite takes only its own clause: "Kim forgot to renew the certificate and the on-call
/// engineer ..." is rewritten up to "certificate", the clause after it kept (it was swallowed
/// into "the step to renew ... was careless about the warnings did not happen").
#[test]
fn a_rewrite_stops_where_the_next_clause_begins() {
    let checker = std::sync::Arc::new(blameless::lint::Checker::builtin().unwrap());
    let t = library().find("default").unwrap();
    let doc = t.new_document("Resolver outage", &"Europe/Berlin".parse().unwrap());
    let mut f = editing_with(&blameless::store::document_text(&doc).unwrap(), Some(checker));
    dispatch(&mut f.app, Action::GoTo(1));
    typed(&mut f.app, "Kim forgot to renew the certificate and the pager went off at night.");
    later(&f.app, blameless::tui::editor::CHECK_AFTER + std::time::Duration::from_millis(1));
    dispatch(&mut f.app, Action::Tick);
    let shown = screen(&mut f.app, 100, 30);
    assert!(shown.contains("→ \"the step to renew the certificate did not happen\""), "{shown}");
    key(&mut f.app, KeyCode::F(8), KeyModifiers::NONE);
    ctrl(&mut f.app, 'r');
    let text = f.app.editor().unwrap().texts.values().map(|p| p.text()).collect::<Vec<_>>().join("\n");
    assert!(
        text.contains("The step to renew the certificate did not happen and the pager went off at night."),
        "{text}"
    );
}
