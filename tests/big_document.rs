//! A big document (a 1 MB prose section, thousands of timeline rows) behaves as a small one:
//! what is laid out lazily still shows and saves whole, and the autosave, whose text the writer
//! thread makes, still refuses to write over a file changed underneath (#21).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::time::Duration;

mod common;

use blameless::doc::SectionKind;
use blameless::tui::action::Action;
use blameless::tui::app::{Dialog, Effect};
use blameless::tui::editor::AUTOSAVE_AFTER;
use common::screen;
use common::tui::*;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

/// A new document whose first prose section holds `lines` numbered lines (about 1 MB for
/// 16,000), and the index of that section.
fn big(lines: usize) -> (Fixture, usize) {
    let t = library().find("default").unwrap();
    let mut doc = t.new_document("Checkout API errors", &"Europe/Berlin".parse().unwrap());
    let i = doc.sections.iter().position(|s| s.kind == SectionKind::Text).unwrap();
    doc.sections[i].text = (0..lines)
        .map(|n| format!("Line {n:05}: the pool timed out while the migration held its lock on the orders table."))
        .collect::<Vec<_>>()
        .join("\n");
    (editing(&blameless::store::document_text(&doc).unwrap()), i)
}

/// The section's text as saved in the file.
fn saved_text(f: &Fixture, i: usize) -> String {
    let loaded = blameless::store::parse_document(&f.path(), &f.on_disk()).unwrap();
    loaded.doc.sections[i].text.clone()
}

#[test]
fn the_end_of_a_huge_section_shows_its_last_line_and_typing_there_saves_it_whole() {
    let (mut f, i) = big(12_000);
    let before = saved_text(&f, i);
    assert!(before.len() > 1_000_000, "a 1 MB section: {}", before.len());
    dispatch(&mut f.app, Action::GoTo(i + 1));
    key(&mut f.app, KeyCode::End, KeyModifiers::CONTROL);
    let shown = screen(&mut f.app, 120, 40);
    assert!(shown.contains("Line 11999: the pool"), "the last line is on screen:\n{shown}");
    assert!(!shown.contains("Line 11900:"), "and the screen has scrolled there:\n{shown}");
    typed(&mut f.app, " The end.");
    let shown = screen(&mut f.app, 120, 40);
    assert!(shown.contains("orders table. The end."), "{shown}");
    later(&f.app, AUTOSAVE_AFTER + Duration::from_millis(10));
    dispatch(&mut f.app, Action::Tick);
    assert!(!f.app.editor().unwrap().dirty, "saved: {:?}", f.app.message());
    assert_eq!(saved_text(&f, i), format!("{before} The end."), "every line is in the file");
}

#[test]
fn the_first_line_of_a_huge_section_shows_and_typing_there_keeps_the_rest() {
    let (mut f, i) = big(12_000);
    let before = saved_text(&f, i);
    dispatch(&mut f.app, Action::GoTo(i + 1));
    key(&mut f.app, KeyCode::End, KeyModifiers::CONTROL);
    key(&mut f.app, KeyCode::Home, KeyModifiers::CONTROL);
    typed(&mut f.app, "First. ");
    let shown = screen(&mut f.app, 120, 40);
    assert!(shown.contains("First. Line 00000: the pool"), "{shown}");
    later(&f.app, AUTOSAVE_AFTER + Duration::from_millis(10));
    dispatch(&mut f.app, Action::Tick);
    assert_eq!(saved_text(&f, i), format!("First. {before}"));
}

/// The autosave hands the writer the document, not its text: a file changed after the save
/// was asked for, before the writer got to it, is still someone else's and is kept.
#[test]
fn an_autosave_made_on_the_writer_refuses_a_file_changed_after_it_was_asked_for() {
    let (mut f, i) = big(200);
    dispatch(&mut f.app, Action::GoTo(i + 1));
    typed(&mut f.app, "Mine. ");
    later(&f.app, AUTOSAVE_AFTER + Duration::from_millis(10));
    let update = f.app.update(Action::Tick);
    let [Effect::Save(job)] = update.effects.as_slice() else { panic!("one save asked for: {:?}", update.effects) };
    let theirs = f.on_disk().replace("Checkout API errors", "Checkout API errors, as a colleague retitled it");
    fs::write(f.path(), &theirs).unwrap();
    let result = blameless::tui::effects::perform(Effect::Save(job.clone())).unwrap();
    dispatch(&mut f.app, result);
    assert_eq!(f.app.dialog(), Some(&Dialog::Conflict), "{:?}", f.app.message());
    assert_eq!(f.on_disk(), theirs, "their file is untouched");
    let copy = f.app.editor().unwrap().recovery_at.clone().expect("a recovery copy");
    assert!(fs::read_to_string(copy).unwrap().contains("Mine. Line 00000"), "mine is in the recovery copy");
    assert!(f.app.editor().unwrap().dirty);
}

/// The recovery copy is asked for with the document shared and the section's text taken as it
/// stands (the writer puts it together): what is typed after it was asked for, and the window
/// sliding away meanwhile, change nothing in it; the text it writes is the section's whole
/// text as it was, every line of it (#21).
#[test]
fn a_recovery_copy_holds_the_text_as_it_was_when_asked_for() {
    let (mut f, i) = big(12_000);
    let before = saved_text(&f, i);
    dispatch(&mut f.app, Action::GoTo(i + 1));
    key(&mut f.app, KeyCode::End, KeyModifiers::CONTROL);
    typed(&mut f.app, " One.");
    later(&f.app, blameless::tui::editor::JOURNAL_AFTER + Duration::from_millis(10));
    let update = f.app.update(Action::Tick);
    let [Effect::Journal(job)] = update.effects.as_slice() else {
        panic!("a recovery copy asked for: {:?}", update.effects)
    };
    // Typed after: at the start of the section (the window slides there) and at its end.
    key(&mut f.app, KeyCode::Home, KeyModifiers::CONTROL);
    typed(&mut f.app, "Two. ");
    key(&mut f.app, KeyCode::End, KeyModifiers::CONTROL);
    typed(&mut f.app, " Three.");
    let result = blameless::tui::effects::perform(Effect::Journal(job.clone())).unwrap();
    dispatch(&mut f.app, result);
    let copy = f.app.editor().unwrap().recovery_at.clone().expect("a recovery copy");
    let copy = blameless::store::recovery::read_copy(&copy).expect("the copy reads back");
    let doc = blameless::store::parse_document(&f.path(), &copy.text).unwrap().doc;
    assert_eq!(doc.sections[i].text, format!("{before} One."), "the text as it was when asked for");
    // The next copy has the rest.
    later(&f.app, blameless::tui::editor::JOURNAL_AT_MOST + Duration::from_millis(10));
    let update = f.app.update(Action::Tick);
    let [Effect::Journal(job)] = update.effects.as_slice() else {
        panic!("a recovery copy asked for: {:?}", update.effects)
    };
    let doc = blameless::tui::effects::with_texts(&job.doc, &job.texts);
    assert_eq!(doc.sections[i].text, format!("Two. {before} One. Three."));
}
