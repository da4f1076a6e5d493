//! Pasting chat or log lines into the timeline: the confirmation shows every row and sets the
//! day, the time zone and one evidence value for all of them; rows already there are skipped.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use blameless::tui::action::Action;
use common::screen;
use common::tui::*;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

const CHECKOUT: &str = include_str!("fixtures/checkout.yaml");

fn on_timeline() -> Fixture {
    let mut f = editing(CHECKOUT);
    let timeline = f.app.editor().unwrap().doc.sections.iter().position(|s| s.id == "timeline").unwrap();
    dispatch(&mut f.app, Action::GoTo(timeline + 1));
    f
}

fn times(f: &Fixture) -> Vec<String> {
    f.app.editor().unwrap().doc.timeline.iter().map(|e| format!("{} {}", e.time.as_text(), e.event)).collect()
}

#[test]
fn the_day_typed_in_the_dialog_moves_every_bare_time_to_it() {
    let mut f = on_timeline();
    dispatch(&mut f.app, Action::Paste("[09:10] queue behind\n[09:40] queue drained\n".into()));
    assert!(screen(&mut f.app, 100, 30).contains("› Day        2026-11-24"), "the incident's day first");
    // The day is selected: typing replaces it.
    typed(&mut f.app, "Nov 27");
    let shown = screen(&mut f.app, 100, 30);
    assert!(shown.contains("2026-11-27 09:10") && shown.contains("2026-11-27 09:40"), "{shown}");
    key(&mut f.app, KeyCode::Enter, KeyModifiers::NONE);
    let all = times(&f);
    assert!(all.contains(&"2026-11-27T09:10:00+01:00 queue behind".to_string()), "{all:?}");
    assert!(all.contains(&"2026-11-27T09:40:00+01:00 queue drained".to_string()), "{all:?}");
}

#[test]
fn the_zone_typed_in_the_dialog_reads_the_times_there_and_a_wrong_one_is_refused() {
    let mut f = on_timeline();
    dispatch(&mut f.app, Action::Paste("[16:10] pager fired\n".into()));
    key(&mut f.app, KeyCode::Tab, KeyModifiers::NONE);
    typed(&mut f.app, "Mars/Olympus");
    let shown = screen(&mut f.app, 80, 24);
    assert!(shown.contains("✗ `Mars/Olympus` is not a time zone"), "{shown}");
    key(&mut f.app, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(pasted_rows(&f.app), Some(1), "not added while the zone is wrong");
    assert!(!times(&f).iter().any(|t| t.ends_with("pager fired")));
    // Ctrl-U clears the field; PST on a November date is Pacific standard time (UTC-8).
    key(&mut f.app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    typed(&mut f.app, "PST");
    key(&mut f.app, KeyCode::Enter, KeyModifiers::NONE);
    assert!(times(&f).contains(&"2026-11-25T01:10:00+01:00 pager fired".to_string()), "{:?}", times(&f));
}

#[test]
fn rows_already_in_the_timeline_are_skipped_and_said_so() {
    let mut f = on_timeline();
    let before = times(&f).len();
    let paste = "14:09 Error-rate alert pages the checkout on-call\n14:20 Rollback started\n";
    dispatch(&mut f.app, Action::Paste(paste.into()));
    assert_eq!(pasted_rows(&f.app), Some(1));
    assert!(screen(&mut f.app, 100, 30).contains("1 row to add to the timeline; 1 already there is skipped."));
    key(&mut f.app, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(times(&f).len(), before + 1);
    assert!(screen(&mut f.app, 100, 30).contains("Added 1 entry to the timeline; 1 already there, skipped"));
}

#[test]
fn a_long_paste_shows_every_row_by_scrolling() {
    let mut f = on_timeline();
    let paste: String = (0..30).map(|i| format!("[15:{i:02}] step {i}\n")).collect();
    dispatch(&mut f.app, Action::Paste(paste));
    let first = screen(&mut f.app, 80, 24);
    assert!(first.contains("step 0") && first.contains("rows 1–"), "{first}");
    assert!(!first.contains("step 29"), "{first}");
    assert!(first.contains("PageUp PageDown for more"), "{first}");
    for _ in 0..4 {
        key(&mut f.app, KeyCode::PageDown, KeyModifiers::NONE);
    }
    let last = screen(&mut f.app, 80, 24);
    assert!(last.contains("step 29") && last.contains("rows 30–30 of 30"), "{last}");
    key(&mut f.app, KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(pasted_rows(&f.app), None);
    assert!(!times(&f).iter().any(|t| t.contains("step ")), "Esc adds nothing");
}

/// A log that runs past midnight continues on the next day.
#[test]
fn bare_times_past_midnight_are_the_next_day() {
    let mut f = on_timeline();
    dispatch(&mut f.app, Action::Paste("[23:50] still failing\n[00:15] recovered\n".into()));
    key(&mut f.app, KeyCode::Enter, KeyModifiers::NONE);
    let all = times(&f);
    assert!(all.contains(&"2026-11-24T23:50:00+01:00 still failing".to_string()), "{all:?}");
    assert!(all.contains(&"2026-11-25T00:15:00+01:00 recovered".to_string()), "{all:?}");
}
