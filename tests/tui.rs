//! The terminal app on ratatui's TestBackend: every screen at 80x24 and 120x40, and the flows
//! a user goes through (navigate, write, autosave, conflict, quit with changes, recovery).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::PathBuf;
use std::time::Duration;

mod common;

use blameless::tui::action::Action;
use blameless::tui::app::{App, Dialog, Screen};
use blameless::tui::editor::{AUTOSAVE_AFTER, Focus, Page};
use blameless::tui::start::Start;
use blameless::tui::views;
use common::screen;
use common::tui::pasted_rows;
use common::tui::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyModifiers};

const CHECKOUT: &str = include_str!("fixtures/checkout.yaml");

fn click(column: u16, row: u16) -> ratatui::crossterm::event::MouseEvent {
    ratatui::crossterm::event::MouseEvent {
        kind: ratatui::crossterm::event::MouseEventKind::Down(ratatui::crossterm::event::MouseButton::Left),
        column,
        row,
        modifiers: KeyModifiers::NONE,
    }
}

fn page(app: &App) -> Page {
    app.editor().unwrap().page
}

fn section_id(app: &App) -> String {
    match page(app) {
        Page::Section(i) => app.editor().unwrap().doc.sections[i].id.clone(),
        other => format!("{other:?}"),
    }
}

/// Lets the autosave deadline pass and delivers the tick the runner would.
fn wait_for_autosave(app: &mut App) {
    later(app, AUTOSAVE_AFTER + Duration::from_millis(10));
    dispatch(app, Action::Tick);
}

#[test]
fn editor_screens_at_80x24_and_120x40() {
    let mut f = fresh();
    typed(&mut f.app, "For 42 minutes, about 12% of checkout requests failed with a 503.\n\nA migration held a lock.");
    insta::assert_snapshot!("editor_80x24", screen(&mut f.app, 80, 24));
    insta::assert_snapshot!("editor_120x40", screen(&mut f.app, 120, 40));
}

#[test]
fn details_form_shows_checks_and_live_numbers() {
    let mut f = editing(CHECKOUT);
    dispatch(&mut f.app, Action::GoTo(0));
    assert_eq!(page(&f.app), Page::Details);
    insta::assert_snapshot!("details_80x24", screen(&mut f.app, 80, 24));
    insta::assert_snapshot!("details_120x40", screen(&mut f.app, 120, 40));
}

#[test]
fn help_lists_every_key_from_the_keymap() {
    let mut f = fresh();
    key(&mut f.app, KeyCode::F(1), KeyModifiers::NONE);
    let shown = screen(&mut f.app, 120, 40);
    insta::assert_snapshot!("help_120x40", shown);
    insta::assert_snapshot!("help_80x24", screen(&mut f.app, 80, 24));
    // Every binding's help text is somewhere in the help screen (scrolling if needed).
    let mut all = String::new();
    for _ in 0..200 {
        all.push_str(&screen(&mut f.app, 120, 40));
        key(&mut f.app, KeyCode::Down, KeyModifiers::NONE);
    }
    for b in blameless::tui::keymap::bindings() {
        assert!(all.contains(b.help), "help screen is missing {:?}", b.help);
    }
    key(&mut f.app, KeyCode::Char('x'), KeyModifiers::NONE);
    assert_eq!(f.app.help_scroll(), None, "any other key closes help");
}

#[test]
fn finish_screen_lists_what_is_missing() {
    let mut f = fresh();
    let last = f.app.editor().unwrap().pages().len() - 1;
    dispatch(&mut f.app, Action::GoTo(last));
    assert_eq!(page(&f.app), Page::Finish);
    let shown = screen(&mut f.app, 80, 24);
    insta::assert_snapshot!("finish_80x24", shown);
    assert!(shown.contains("Required and still empty:"));
    insta::assert_snapshot!("finish_120x40", screen(&mut f.app, 120, 40));
}

#[test]
fn start_screen_lists_postmortems_and_templates() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("2026-11-24-checkout.yaml"), CHECKOUT).unwrap();
    fs::write(dir.path().join("notes.yaml"), "just: some yaml\n").unwrap();
    fs::write(dir.path().join("broken.yaml"), "schema: 2\ntitle: [\n").unwrap();
    let mut start = Start::new(dir.path(), &library(), today());
    start.wait_loaded();
    start.folder = PathBuf::from("postmortems");
    let mut app = app_in(dir.path(), Screen::Start(start));

    let shown = screen(&mut app, 120, 40);
    insta::assert_snapshot!("start_120x40", shown);
    assert!(shown.contains("Checkout API returned errors for 42 minutes"));
    assert!(!shown.contains("notes.yaml"), "other YAML files are skipped");
    assert!(shown.contains("broken.yaml") && shown.contains("cannot be read"));
    insta::assert_snapshot!("start_80x24", screen(&mut app, 80, 24));
}

#[test]
fn start_screen_creates_a_document_from_a_template_and_opens_it() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("postmortems");
    let start = Start::new(&folder, &library(), today());
    let mut app = app_in(dir.path(), Screen::Start(start));
    dispatch(&mut app, Action::ListDown); // lightweight
    dispatch(&mut app, Action::ListOpen);
    let e = app.editor().expect("the editor opened");
    assert_eq!(e.doc.template.name, "lightweight");
    assert_eq!(e.path, folder.join("2026-11-24-untitled-incident.yaml"));
    assert!(e.path.exists());
    assert_eq!(e.page, Page::Details, "a new document starts with its details");
}

#[test]
fn tiny_terminals_never_panic_and_fold_the_layout() {
    let mut f = fresh();
    typed(&mut f.app, "Some text");
    for (w, h) in [(20, 5), (19, 4), (1, 1), (0, 0), (30, 8), (59, 20), (79, 23), (100, 30)] {
        let _ = screen(&mut f.app, w, h);
    }
    insta::assert_snapshot!("tiny_20x5", screen(&mut f.app, 20, 5));
    insta::assert_snapshot!("tiny_10x3", screen(&mut f.app, 10, 3));
    let small = screen(&mut f.app, 60, 20);
    assert!(small.contains("guidance hidden"), "says the layout folded:\n{small}");
    let narrow = screen(&mut f.app, 40, 12);
    assert!(narrow.contains("narrow terminal"), "{narrow}");
    insta::assert_snapshot!("narrow_40x12", narrow);
}

#[test]
fn resumes_at_the_first_incomplete_required_section() {
    let mut f = editing(CHECKOUT);
    // Every section of the fixture has content: it opens at the finish page.
    assert_eq!(page(&f.app), Page::Finish);
    let text = CHECKOUT.replace(
        "    text: |\n      For 42 minutes, about 12% of checkout requests failed with a 503.\n\n      A schema migration held a lock on the `orders` table longer than the\n      connection pool's timeout.\n",
        "",
    );
    f = editing(&text);
    assert_eq!(section_id(&f.app), "summary");
}

#[test]
fn navigate_with_keys_and_mouse() {
    let mut f = fresh();
    assert_eq!(section_id(&f.app), "summary");
    key(&mut f.app, KeyCode::PageDown, KeyModifiers::CONTROL);
    assert_eq!(section_id(&f.app), "impact");
    key(&mut f.app, KeyCode::Char('p'), KeyModifiers::ALT);
    assert_eq!(section_id(&f.app), "summary");
    key(&mut f.app, KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(f.app.editor().unwrap().focus, Focus::Sidebar);
    key(&mut f.app, KeyCode::Char('j'), KeyModifiers::NONE);
    key(&mut f.app, KeyCode::Down, KeyModifiers::NONE);
    key(&mut f.app, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(section_id(&f.app), "timeline");
    // A click on "Details", the first row of the sidebar: the frame drawn last says what is
    // there.
    let mut memo = views::Memo::new();
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    dispatch(&mut f.app, Action::Resize(80, 24));
    terminal.draw(|fr| views::render_onto(fr, &f.app, &mut memo, false)).unwrap();
    assert!(f.app.action_for(&Event::Mouse(click(3, 2))).is_none(), "the app leaves clicks to the surface");
    let action = memo.hit(ratatui::layout::Position::new(3, 2)).expect("a click on the sidebar is an action");
    dispatch(&mut f.app, action);
    assert_eq!(page(&f.app), Page::Details);
}

#[test]
fn typing_is_autosaved_after_a_pause_and_on_section_change() {
    let mut f = fresh();
    typed(&mut f.app, "Users saw errors.");
    assert!(f.app.editor().unwrap().dirty);
    assert!(!f.on_disk().contains("Users saw errors."), "not saved on every key");
    dispatch(&mut f.app, Action::Tick);
    assert!(!f.on_disk().contains("Users saw errors."), "not before the pause is over");
    wait_for_autosave(&mut f.app);
    assert!(f.on_disk().contains("text: Users saw errors.\n"), "{}", f.on_disk());
    assert!(!f.app.editor().unwrap().dirty);
    assert_eq!(f.app.deadline(), None, "no timer while nothing is unsaved");
    assert!(screen(&mut f.app, 80, 24).contains("saved 14:02:31"));

    typed(&mut f.app, " More.");
    key(&mut f.app, KeyCode::PageDown, KeyModifiers::CONTROL);
    assert!(f.on_disk().contains("Users saw errors. More."), "saved when the section changes");
}

#[test]
fn timers_run_under_help_and_the_preview_and_leave_them_open() {
    let mut f = fresh();
    type Shown = fn(&App) -> Option<u16>;
    let overlays: [(&str, KeyCode, &str, Shown); 2] = [
        ("Users saw errors.", KeyCode::F(1), "help", |app| app.help_scroll()),
        (" More.", KeyCode::F(5), "the preview", |app| app.preview_scroll()),
    ];
    let mut written = String::new();
    for (words, open, name, shown) in overlays {
        typed(&mut f.app, words);
        written.push_str(words);
        key(&mut f.app, open, KeyModifiers::NONE);
        assert_eq!(shown(&f.app), Some(0), "{name} opens");
        wait_for_autosave(&mut f.app);
        assert_eq!(shown(&f.app), Some(0), "the autosave does not close {name}");
        assert!(f.on_disk().contains(&format!("text: {written}\n")), "saved while {name} was open");
        // A timer with nothing to do says so, and the runner draws nothing for it.
        assert!(dispatch(&mut f.app, Action::Tick).0, "nothing to draw");
        key(&mut f.app, KeyCode::Esc, KeyModifiers::NONE);
    }
}

#[test]
fn undo_redo_selection_and_paste() {
    let mut f = fresh();
    typed(&mut f.app, "one two");
    ctrl(&mut f.app, 'z');
    let text = |app: &App| {
        let e = app.editor().unwrap();
        let Page::Section(i) = e.page else { panic!() };
        e.texts[&i].text()
    };
    assert_ne!(text(&f.app), "one two", "undo took something back");
    ctrl(&mut f.app, 'y');
    assert_eq!(text(&f.app), "one two");
    key(&mut f.app, KeyCode::Left, KeyModifiers::SHIFT | KeyModifiers::CONTROL);
    ctrl(&mut f.app, 'x');
    assert_eq!(text(&f.app), "one ");
    ctrl(&mut f.app, 'v');
    assert_eq!(text(&f.app), "one two");
    let big: String = (0..10_000).map(|i| format!("line {i}\r\n")).collect();
    dispatch(&mut f.app, Action::Paste(big));
    let t = text(&f.app);
    assert_eq!(t.lines().count(), 10_000, "a 10,000-line paste arrives whole");
    assert!(t.ends_with("line 9999\n") && !t.contains('\r'));
}

#[test]
fn quit_with_unsaved_changes_asks_first() {
    let mut f = fresh();
    typed(&mut f.app, "Draft words");
    ctrl(&mut f.app, 'q');
    assert_eq!(f.app.dialog().cloned(), Some(Dialog::QuitUnsaved));
    assert!(!f.app.quitting());
    insta::assert_snapshot!("quit_dialog_80x24", screen(&mut f.app, 80, 24));
    key(&mut f.app, KeyCode::Char('c'), KeyModifiers::NONE);
    assert_eq!(f.app.dialog().cloned(), None);
    assert!(!f.app.quitting());
    ctrl(&mut f.app, 'q');
    key(&mut f.app, KeyCode::Char('s'), KeyModifiers::NONE);
    assert!(f.app.quitting());
    assert!(f.on_disk().contains("Draft words"));
    assert!(
        !f.recovery_dir().read_dir().map(|mut d| d.next().is_some()).unwrap_or(false),
        "a clean exit leaves no recovery copy"
    );

    let mut g = fresh();
    ctrl(&mut g.app, 'q');
    assert!(g.app.quitting(), "nothing unsaved: quits at once");
}

#[test]
fn a_file_changed_on_disk_is_never_silently_overwritten() {
    let mut f = fresh();
    typed(&mut f.app, "Mine.");
    let theirs = f.on_disk().replace("title: Checkout API errors", "title: Renamed by a teammate");
    fs::write(f.path(), &theirs).unwrap();
    wait_for_autosave(&mut f.app);
    assert_eq!(f.app.dialog().cloned(), Some(Dialog::Conflict));
    assert_eq!(f.on_disk(), theirs, "their file is untouched");
    insta::assert_snapshot!("conflict_80x24", screen(&mut f.app, 80, 24));

    // Save mine as a copy, then take theirs.
    key(&mut f.app, KeyCode::Char('c'), KeyModifiers::NONE);
    let copy = f.dir.path().join("postmortems/checkout.mine.yaml");
    assert!(fs::read_to_string(&copy).unwrap().contains("Mine."));
    assert_eq!(f.app.editor().unwrap().doc.title, "Renamed by a teammate");
    assert_eq!(f.on_disk(), theirs);

    // Keep mine: overwrite theirs, by choice.
    typed(&mut f.app, "Mine again.");
    fs::write(f.path(), theirs.replace("Renamed", "Renamed twice")).unwrap();
    ctrl(&mut f.app, 's');
    assert_eq!(f.app.dialog().cloned(), Some(Dialog::Conflict));
    key(&mut f.app, KeyCode::Char('k'), KeyModifiers::NONE);
    assert!(f.on_disk().contains("Mine again."));
    assert!(!f.on_disk().contains("Renamed twice"));

    // Take theirs.
    typed(&mut f.app, " And more.");
    fs::write(f.path(), CHECKOUT).unwrap();
    ctrl(&mut f.app, 's');
    key(&mut f.app, KeyCode::Char('t'), KeyModifiers::NONE);
    assert_eq!(f.app.editor().unwrap().doc.title, "Checkout API returned errors for 42 minutes");
    assert_eq!(f.on_disk(), CHECKOUT);
}

#[test]
fn a_recovery_copy_left_by_a_crash_is_offered_on_the_next_open() {
    let f = fresh().closed();
    let path = f.path();
    // The session before wrote a recovery copy with words the file does not have.
    let recovered = f.on_disk().replace(
        "    kind: text\n    required: true\n",
        "    kind: text\n    required: true\n    text: Typed before the crash.\n",
    );
    blameless::store::recovery::write_recovery(&f.recovery_dir(), &path, "crashed", None, &recovered).unwrap();
    let start = Start::new(f.dir.path(), &library(), today());
    let mut app = app_in(f.dir.path(), Screen::Start(start));
    dispatch(&mut app, Action::Open(path.clone()));
    let Some(Dialog::Recover { summary, .. }) = &app.dialog().cloned() else {
        panic!("no recovery offered: {:?}", app.dialog().cloned())
    };
    assert!(summary.iter().any(|s| s.starts_with("Summary: 4 more words")), "{summary:?}");
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Recover unsaved work?") && shown.contains("Summary: 4 more words"), "{shown}");
    key(&mut app, KeyCode::Char('r'), KeyModifiers::NONE);
    wait_for_autosave(&mut app);
    assert!(fs::read_to_string(&path).unwrap().contains("Typed before the crash."));
}

#[test]
fn control_characters_are_shown_inert() {
    let mut f = fresh();
    dispatch(&mut f.app, Action::Paste("bell\u{7} esc\u{1b}[31mred".into()));
    let shown = screen(&mut f.app, 80, 24);
    // Nothing of the escape sequence reaches the terminal: the control characters are not
    // drawn, the printable rest is plain text.
    assert!(shown.contains("bell esc[31mred"), "{shown}");
    assert!(!shown.chars().any(|c| c.is_control() && c != '\n'), "{shown:?}");
    wait_for_autosave(&mut f.app);
    assert!(
        f.on_disk().contains("\\e[31mred") || f.on_disk().contains("\\x1B[31mred"),
        "kept in the file:\n{}",
        f.on_disk()
    );
}

#[test]
fn details_form_edits_the_metadata_with_validation() {
    let mut f = fresh();
    dispatch(&mut f.app, Action::GoTo(0));
    // Title is focused: add to it.
    typed(&mut f.app, " (EU)");
    key(&mut f.app, KeyCode::Tab, KeyModifiers::NONE); // status
    key(&mut f.app, KeyCode::Char(' '), KeyModifiers::CONTROL);
    key(&mut f.app, KeyCode::Tab, KeyModifiers::NONE); // severity
    key(&mut f.app, KeyCode::Char(' '), KeyModifiers::CONTROL);
    for _ in 0..5 {
        key(&mut f.app, KeyCode::Tab, KeyModifiers::NONE);
    }
    typed(&mut f.app, "2026-11-24 14:02"); // started
    key(&mut f.app, KeyCode::Tab, KeyModifiers::NONE);
    typed(&mut f.app, "2026-11-24 14:09"); // detected
    key(&mut f.app, KeyCode::Tab, KeyModifiers::NONE);
    typed(&mut f.app, "after lunch"); // mitigated: not a time
    let shown = screen(&mut f.app, 120, 40);
    assert!(shown.contains("✓ Tue 24 Nov 2026 14:02 +01:00"), "{shown}");
    assert!(shown.contains("✗ after lunch: not a time"), "{shown}");
    assert!(shown.contains("Time to detect: 7m"), "live numbers:\n{shown}");
    ctrl(&mut f.app, 's');
    let disk = f.on_disk();
    assert!(disk.contains("title: Checkout API errors (EU)\n"), "{disk}");
    assert!(disk.contains("status: in-review\n") && disk.contains("severity: SEV1\n"), "{disk}");
    // Read as forgivingly as a timeline time, and stored as the exact instant.
    assert!(disk.contains("  started: \"2026-11-24T14:02:00+01:00\"\n"), "{disk}");
    assert!(disk.contains("mitigated: after lunch"), "kept as typed: {disk}");
}

#[test]
fn keys_that_work_are_in_the_footer() {
    let mut f = fresh();
    let shown = screen(&mut f.app, 80, 24);
    let footer = shown.lines().last().unwrap();
    for k in ["Esc", "Ctrl-S", "Ctrl-Q", "F1"] {
        assert!(footer.contains(k), "{k} missing from the footer: {footer}");
    }
    key(&mut f.app, KeyCode::Esc, KeyModifiers::NONE);
    let footer = screen(&mut f.app, 80, 24).lines().last().unwrap().to_string();
    assert!(footer.contains("Enter"), "sidebar footer: {footer}");
}

#[test]
fn external_editor_text_comes_back_as_one_undoable_edit() {
    let mut f = fresh();
    typed(&mut f.app, "before");
    let effect = dispatch(&mut f.app, Action::ExternalEditor);
    assert_eq!(effect.1, [blameless::tui::app::Effect::ExternalEditor("before".into())]);
    dispatch(&mut f.app, Action::ExternalEdited(Ok("after, from vim\n".into())));
    let e = f.app.editor().unwrap();
    let Page::Section(i) = e.page else { panic!() };
    assert_eq!(e.texts[&i].text(), "after, from vim");
    ctrl(&mut f.app, 'z');
    let e = f.app.editor().unwrap();
    assert_ne!(e.texts[&i].text(), "after, from vim");
    f.app
        .update(Action::ExternalEdited(Err("`false` exited with exit status: 1; the section was not changed.".into())));
    assert!(f.app.message().unwrap().contains("not changed"));
}

#[test]
fn an_empty_section_shows_the_templates_example_wrapped() {
    let mut f = fresh();
    let shown = screen(&mut f.app, 80, 24);
    insta::assert_snapshot!("empty_section_80x24", shown);
    assert!(shown.contains("For example: On 24 November"), "{shown}");
}

/// As `fresh`, with the wording checker on.
fn fresh_checked() -> Fixture {
    let t = library().find("default").unwrap();
    let doc = t.new_document("Checkout API errors", &"Europe/Berlin".parse().unwrap());
    let checker = std::sync::Arc::new(blameless::lint::Checker::builtin().unwrap());
    editing_with(&blameless::store::document_text(&doc).unwrap(), Some(checker))
}

fn pause_for_check(app: &mut App) {
    later(app, blameless::tui::editor::CHECK_AFTER + Duration::from_millis(1));
    dispatch(app, Action::Tick);
}

fn findings_in_summary(app: &App) -> usize {
    app.editor().unwrap().finding_count(0)
}

/// A suggestion never fails `blameless lint`, and the list says so; a warning is named alone.
#[test]
fn the_findings_list_says_which_are_suggestions() {
    let mut f = fresh_checked();
    typed(&mut f.app, "It was a stupid bug in the date parser. The review was sloppy.");
    pause_for_check(&mut f.app);
    assert_eq!(findings_in_summary(&f.app), 2);
    let big = screen(&mut f.app, 120, 40);
    assert!(big.contains("▸ character-judgement (suggestion): A judgement of"), "{big}");
    assert!(big.contains("  character-judgement: A judgement of character"), "the warning is named alone: {big}");
}

#[test]
fn wording_is_checked_after_a_pause_underlined_listed_and_marked() {
    let mut f = fresh_checked();
    typed(&mut f.app, "Dave forgot to run the check. It was human error.");
    assert_eq!(findings_in_summary(&f.app), 0, "not checked on the keystroke itself");
    pause_for_check(&mut f.app);
    assert_eq!(findings_in_summary(&f.app), 2);
    let shown = screen(&mut f.app, 80, 24);
    insta::assert_snapshot!("findings_80x24", shown);
    assert!(shown.contains("2 findings · F8 next · Ctrl-R rewrite · Ctrl-D dismiss"), "{shown}");
    assert!(shown.contains("◆ Summary"), "the sidebar marks the section: {shown}");
    // On a larger screen the section's findings are listed, the current one marked.
    let big = screen(&mut f.app, 120, 40);
    assert!(big.contains("▸ forgot: A person is the subject") || big.contains("▸ human-error:"), "{big}");
    assert!(big.contains("forgot:") && big.contains("human-error:"), "both findings are listed: {big}");
    // The flagged words are underlined on screen.
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|fr| views::render(fr, &f.app)).unwrap();
    let buf = terminal.backend().buffer();
    let row =
        (0..24).find(|&y| (0..80).map(|x| buf[(x, y)].symbol()).collect::<String>().contains("Dave forgot")).unwrap();
    let line: String = (0..80).map(|x| buf[(x, row)].symbol()).collect();
    let x = line.find("forgot").unwrap() as u16;
    let underlined = |x: u16| buf[(x, row)].modifier.contains(ratatui::style::Modifier::UNDERLINED);
    assert!(underlined(x), "'forgot' is underlined");
    let marked: String = (0..80u16).map(|x| if underlined(x) { '^' } else { ' ' }).collect();
    assert!(!underlined(line.find("check").unwrap() as u16), "words outside the findings are not:\n{line}\n{marked}");
    let finish = {
        let last = f.app.editor().unwrap().pages().len() - 1;
        dispatch(&mut f.app, Action::GoTo(last));
        screen(&mut f.app, 80, 24)
    };
    assert!(finish.contains("Wording to look at again, 2 findings"), "{finish}");
    assert!(finish.contains("◆ Summary: forgot \"Dave forgot to\""), "{finish}");
}

#[test]
fn the_finish_page_lists_a_finding_across_a_line_break_with_its_space() {
    let mut f = fresh_checked();
    typed(&mut f.app, "The on-call");
    key(&mut f.app, KeyCode::Enter, KeyModifiers::NONE);
    typed(&mut f.app, "engineer should have noticed the alert.");
    pause_for_check(&mut f.app);
    let last = f.app.editor().unwrap().pages().len() - 1;
    dispatch(&mut f.app, Action::GoTo(last));
    let finish = screen(&mut f.app, 120, 40);
    assert!(finish.contains("on-call engineer should have"), "{finish}");
    assert!(!finish.contains("on-callengineer"), "{finish}");
}

#[test]
fn f8_moves_to_a_finding_and_ctrl_r_applies_the_rewrite() {
    let mut f = fresh_checked();
    typed(&mut f.app, "The deploy finished. The root cause was a missing lock timeout.");
    pause_for_check(&mut f.app);
    key(&mut f.app, KeyCode::Home, KeyModifiers::NONE);
    key(&mut f.app, KeyCode::F(8), KeyModifiers::NONE);
    let e = f.app.editor().unwrap();
    assert_eq!(e.texts[&0].cursor(), (0, 21), "the cursor is on 'The root cause'");
    ctrl(&mut f.app, 'r');
    let e = f.app.editor().unwrap();
    assert_eq!(e.texts[&0].text(), "The deploy finished. A contributing factor was a missing lock timeout.");
    assert_eq!(findings_in_summary(&f.app), 0);
    ctrl(&mut f.app, 'z');
    assert!(f.app.editor().unwrap().texts[&0].text().contains("root cause"), "undo takes the rewrite back");
}

/// A rewrite is one edit: one Ctrl-Z restores exactly the text before it, one Ctrl-Y exactly
/// the text after, also when the rewrite capitalises the next word or drops a space.
#[test]
fn a_rewrite_is_one_undo_step_and_redo_puts_it_back_exactly() {
    for before in [
        "The deploy finished. The root cause was a missing lock timeout.",
        "The deploy finished. Simply restart the pod after a deploy.",
    ] {
        let mut f = fresh_checked();
        typed(&mut f.app, before);
        pause_for_check(&mut f.app);
        key(&mut f.app, KeyCode::Home, KeyModifiers::NONE);
        key(&mut f.app, KeyCode::F(8), KeyModifiers::NONE);
        ctrl(&mut f.app, 'r');
        let text = |app: &App| app.editor().unwrap().texts[&0].text();
        let after = text(&f.app);
        assert_ne!(after, before, "the rewrite changed the text");
        assert!(after.starts_with("The deploy finished. ") && after.ends_with('.'), "{after}");
        for round in 0..2 {
            ctrl(&mut f.app, 'z');
            assert_eq!(text(&f.app), before, "one undo restores the text before (round {round})");
            ctrl(&mut f.app, 'y');
            assert_eq!(text(&f.app), after, "one redo restores the text after (round {round})");
        }
        // Typing after the rewrite is undone on its own first.
        typed(&mut f.app, "x");
        ctrl(&mut f.app, 'z');
        assert_eq!(text(&f.app), after);
        ctrl(&mut f.app, 'z');
        assert_eq!(text(&f.app), before);
    }
}

#[test]
fn ctrl_d_dismisses_with_a_reason_recorded_in_the_document() {
    let mut f = fresh_checked();
    typed(&mut f.app, "We kept the old name: the Root Cause dashboard.");
    pause_for_check(&mut f.app);
    assert_eq!(findings_in_summary(&f.app), 1);
    ctrl(&mut f.app, 'd');
    insta::assert_snapshot!("dismiss_80x24", screen(&mut f.app, 80, 24));
    typed(&mut f.app, "it is the name of a dashboard");
    key(&mut f.app, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(f.app.dialog().cloned(), None);
    assert_eq!(findings_in_summary(&f.app), 0, "the dismissed finding is gone");
    ctrl(&mut f.app, 's');
    let disk = f.on_disk();
    assert!(disk.contains("dismissed:\n  - rule: root-cause\n    text: the Root Cause\n"), "{disk}");
    assert!(disk.contains("reason: it is the name of a dashboard"), "{disk}");
    // Esc keeps a finding.
    typed(&mut f.app, " In hindsight the cache was cold.");
    pause_for_check(&mut f.app);
    ctrl(&mut f.app, 'd');
    key(&mut f.app, KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(findings_in_summary(&f.app), 1);
}

fn open_section(app: &mut App, id: &str) {
    let e = app.editor().unwrap();
    let i = e.doc.sections.iter().position(|s| s.id == id).unwrap();
    dispatch(app, Action::GoTo(i + 1));
}

fn enter_row(app: &mut App, cells: &[&str]) {
    key(app, KeyCode::Char('a'), KeyModifiers::NONE);
    for (n, cell) in cells.iter().enumerate() {
        if n > 0 {
            key(app, KeyCode::Tab, KeyModifiers::NONE);
        }
        typed(app, cell);
    }
    key(app, KeyCode::Enter, KeyModifiers::NONE);
}

/// Blame typed into a timeline row, a factor and an answer is marked as soon as the row is
/// entered (an answer after the typing pause), and the finish page lists it.
#[test]
fn blame_in_rows_and_answers_is_marked_in_the_list_and_on_the_finish_page() {
    use blameless::lint::Field;
    let mut f = fresh_checked();
    open_section(&mut f.app, "timeline");
    enter_row(&mut f.app, &["14:02", "Dave forgot to check the bucket"]);
    open_section(&mut f.app, "contributing-factors");
    enter_row(&mut f.app, &["The root cause was human error: the engineer should have been more careful"]);
    let e = f.app.editor().unwrap();
    assert!(!e.fields.findings(Field::Event(0)).is_empty(), "the event is checked on Enter");
    assert!(e.fields.findings(Field::Factor(0)).len() >= 2, "{:?}", e.fields.findings(Field::Factor(0)));
    let shown = screen(&mut f.app, 80, 24);
    assert!(shown.contains("◆ Timeline") && shown.contains("◆ Contributing factors"), "{shown}");
    assert!(shown.contains("◆ The root cause"), "the cell is marked: {shown}");
    open_section(&mut f.app, "impact");
    typed(&mut f.app, "every user; the on-call engineer should have been more careful");
    pause_for_check(&mut f.app);
    let shown = screen(&mut f.app, 80, 24);
    assert!(shown.contains("◆ Impact"), "{shown}");
    let last = f.app.editor().unwrap().pages().len() - 1;
    dispatch(&mut f.app, Action::GoTo(last));
    let finish = screen(&mut f.app, 80, 24);
    assert!(finish.contains("◆ Timeline, row 1: forgot"), "{finish}");
    assert!(finish.contains("◆ Contributing factors, row 1:"), "{finish}");
    assert!(finish.contains("◆ Impact, answer 1:"), "{finish}");
    assert!(!finish.contains("No wording findings"), "{finish}");
}

fn cycle_marker(app: &mut App, row: usize, times: usize) {
    dispatch(app, Action::Table(blameless::tui::action::TableOp::Select(row)));
    for _ in 0..4 {
        key(app, KeyCode::Right, KeyModifiers::NONE);
    }
    for _ in 0..times {
        key(app, KeyCode::Char(' '), KeyModifiers::NONE);
    }
}

#[test]
fn timeline_rows_are_added_with_forgiving_times_kept_sorted_and_marked() {
    let mut f = fresh();
    open_section(&mut f.app, "timeline");
    enter_row(&mut f.app, &["2026-11-24 14:02", "Migration 0042 starts", "https://ci.example.com/981"]);
    enter_row(&mut f.app, &["+7m", "Error-rate alert pages the on-call"]);
    enter_row(&mut f.app, &["14:31", "Migration cancelled; errors stop"]);
    enter_row(&mut f.app, &["14:05", "Queue depth grows"]); // typed last, sorted into place
    enter_row(&mut f.app, &["after lunch", "Pool settings restored"]);
    let doc = &f.app.editor().unwrap().doc;
    let events: Vec<&str> = doc.timeline.iter().map(|e| e.event.as_str()).collect();
    // 14:05 was sorted into place; the row added below it has no readable time and stays there.
    assert_eq!(
        events,
        [
            "Migration 0042 starts",
            "Queue depth grows",
            "Pool settings restored",
            "Error-rate alert pages the on-call",
            "Migration cancelled; errors stop"
        ]
    );
    assert_eq!(doc.timeline[3].time.as_text(), "2026-11-24T14:09:00+01:00", "+7m after the row above");
    assert_eq!(doc.timeline[2].time.as_text(), "after lunch", "kept as typed");
    dispatch(&mut f.app, Action::Table(blameless::tui::action::TableOp::Select(2)));
    let shown = screen(&mut f.app, 80, 24);
    assert!(shown.contains("`after lunch` is not a time (try 14:02, +5m"), "{shown}");
    cycle_marker(&mut f.app, 0, 1); // started
    cycle_marker(&mut f.app, 3, 1); // started is taken: detected
    cycle_marker(&mut f.app, 4, 1); // started and detected are taken: mitigated
    let doc = &f.app.editor().unwrap().doc;
    assert_eq!(doc.times.started.as_ref().unwrap().as_text(), "2026-11-24T14:02:00+01:00");
    assert_eq!(doc.times.detected.as_ref().unwrap().as_text(), "2026-11-24T14:09:00+01:00");
    assert_eq!(doc.times.mitigated.as_ref().unwrap().as_text(), "2026-11-24T14:31:00+01:00");
    let shown = screen(&mut f.app, 80, 24);
    insta::assert_snapshot!("timeline_80x24", shown);
    assert!(shown.contains("Time to detect 7m · to mitigate 22m"), "{shown}");
    assert!(shown.contains("✗ after lunch"), "{shown}");
    assert!(shown.contains("Evidence  — no evidence"), "the selected row says what it lacks:\n{shown}");
    // With the section list focused, the table's note says how many lack evidence.
    key(&mut f.app, KeyCode::Esc, KeyModifiers::NONE);
    let shown = screen(&mut f.app, 80, 24);
    assert!(shown.contains("entries without evidence: how do we know?"), "{shown}");
    // The details page shows the times the markers set, as the table shows them.
    dispatch(&mut f.app, Action::GoTo(0));
    assert!(screen(&mut f.app, 120, 40).contains("2026-11-24 14:09"));
}

#[test]
fn timeline_delete_undo_and_move() {
    let mut f = fresh();
    open_section(&mut f.app, "timeline");
    enter_row(&mut f.app, &["14:02", "first"]);
    enter_row(&mut f.app, &["14:02", "same minute"]);
    enter_row(&mut f.app, &["14:10", "later"]);
    let events = |app: &App| app.editor().unwrap().doc.timeline.iter().map(|e| e.event.clone()).collect::<Vec<_>>();
    dispatch(&mut f.app, Action::Table(blameless::tui::action::TableOp::Select(1)));
    key(&mut f.app, KeyCode::Up, KeyModifiers::ALT);
    assert_eq!(events(&f.app), ["same minute", "first", "later"], "rows at the same time can swap");
    key(&mut f.app, KeyCode::Down, KeyModifiers::NONE);
    key(&mut f.app, KeyCode::Down, KeyModifiers::ALT);
    assert_eq!(events(&f.app), ["same minute", "first", "later"], "not past a later time");
    assert!(f.app.message().unwrap().contains("kept in time order"));
    key(&mut f.app, KeyCode::Char('d'), KeyModifiers::NONE);
    assert_eq!(events(&f.app), ["same minute", "later"]);
    key(&mut f.app, KeyCode::Char('u'), KeyModifiers::NONE);
    assert_eq!(events(&f.app), ["same minute", "first", "later"], "undo brings it back");
    // Esc while typing keeps what was typed and stops typing; `u` puts the old value back.
    key(&mut f.app, KeyCode::Enter, KeyModifiers::NONE);
    typed(&mut f.app, " changed");
    key(&mut f.app, KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(events(&f.app)[1], "first changed", "Esc loses nothing typed");
    assert!(!screen(&mut f.app, 100, 30).contains("Tab Next field"), "no longer typing in the cell");
    key(&mut f.app, KeyCode::Char('u'), KeyModifiers::NONE);
    assert_eq!(events(&f.app)[1], "first", "undo puts the old value back");
}

#[test]
fn a_pasted_chat_excerpt_becomes_rows_after_confirmation() {
    let mut f = fresh();
    open_section(&mut f.app, "timeline");
    dispatch(
        &mut f.app,
        Action::Paste("[14:02] Priya: deploy started\n[14:09] pagerbot: error rate above 5%\nnoise line\n".into()),
    );
    assert_eq!(pasted_rows(&f.app), Some(2), "the paste asks to add 2 rows");
    insta::assert_snapshot!("paste_rows_80x24", screen(&mut f.app, 80, 24));
    key(&mut f.app, KeyCode::Enter, KeyModifiers::NONE);
    let doc = &f.app.editor().unwrap().doc;
    assert_eq!(doc.timeline.len(), 2);
    assert_eq!(doc.timeline[1].event, "pagerbot: error rate above 5% noise line");
    assert_eq!(doc.timeline[1].time.as_text(), "2026-11-24T14:09:00+01:00");
    key(&mut f.app, KeyCode::Char('u'), KeyModifiers::NONE);
    assert!(f.app.editor().unwrap().doc.timeline.is_empty(), "one undo takes the whole paste back");
    dispatch(&mut f.app, Action::Paste("[14:02] again\n".into()));
    key(&mut f.app, KeyCode::Esc, KeyModifiers::NONE);
    assert!(f.app.editor().unwrap().doc.timeline.is_empty(), "cancelled");
}

#[test]
fn factors_take_their_category_from_the_template() {
    let mut f = fresh();
    open_section(&mut f.app, "contributing-factors");
    enter_row(&mut f.app, &["Migrations run without a lock timeout"]);
    key(&mut f.app, KeyCode::Right, KeyModifiers::NONE);
    key(&mut f.app, KeyCode::Char(' '), KeyModifiers::NONE);
    let doc = &f.app.editor().unwrap().doc;
    let first = library().find("default").unwrap().factor_categories[0].clone();
    assert_eq!(doc.factors[0].category.as_deref(), Some(first.as_str()));
    insta::assert_snapshot!("factors_80x24", screen(&mut f.app, 80, 24));
}

#[test]
fn actions_read_due_dates_and_say_what_is_missing() {
    let mut f = fresh_checked();
    open_section(&mut f.app, "follow-up-actions");
    enter_row(&mut f.app, &["Add a lock timeout to the migration runner", "platform team", "in 2 weeks"]);
    enter_row(&mut f.app, &["Remind engineers to be more careful", "", "someday"]);
    let doc = &f.app.editor().unwrap().doc;
    assert_eq!(doc.actions[0].due.as_deref(), Some("2026-12-08"), "in 2 weeks from the fixed today");
    assert_eq!(doc.actions[1].due.as_deref(), Some("someday"), "kept as typed");
    let shown = screen(&mut f.app, 80, 24);
    insta::assert_snapshot!("actions_80x24", shown);
    assert!(shown.contains("— no owner"), "{shown}");
    assert!(shown.contains("✗ someday"), "{shown}");
    assert!(shown.contains("◆ Remind"), "an action that fixes people is marked: {shown}");
    assert!(shown.contains("Change a system instead."), "with the reason: {shown}");
    // The note on the typed date wraps onto a second status row rather than being cut.
    let status: String =
        shown.lines().rev().skip(1).take(2).collect::<Vec<_>>().into_iter().rev().collect::<Vec<_>>().join(" ");
    assert!(status.contains("next friday); kept as typed."), "{shown}");
}

#[test]
fn an_incident_time_typed_in_the_details_marks_the_matching_entry() {
    let mut f = fresh();
    open_section(&mut f.app, "timeline");
    enter_row(&mut f.app, &["14:02", "Migration starts"]);
    enter_row(&mut f.app, &["14:09", "Alert pages the on-call"]);
    dispatch(&mut f.app, Action::GoTo(0));
    for _ in 0..8 {
        key(&mut f.app, KeyCode::Tab, KeyModifiers::NONE); // to "Detected"
    }
    typed(&mut f.app, "2026-11-24 14:09");
    open_section(&mut f.app, "timeline");
    let doc = &f.app.editor().unwrap().doc;
    assert_eq!(doc.timeline[1].marker, Some(blameless::doc::Marker::Detected));
    assert_eq!(doc.timeline[0].marker, None);
}

#[test]
fn every_screen_draws_at_every_size_without_a_panic() {
    let widths = [1u16, 2, 3, 5, 9, 10, 19, 20, 21, 40, 59, 60, 79, 80, 81, 99, 100, 109, 110, 120, 200, 300];
    let heights = [1u16, 2, 3, 4, 5, 6, 10, 17, 18, 23, 24, 25, 40, 100];
    let mut f = fresh_checked();
    typed(&mut f.app, "Dave forgot to run it: 日本語, emoji 🔥, e\u{301}, right-to-left مرحبا, \u{1b}[31m.");
    pause_for_check(&mut f.app);
    let pages = f.app.editor().unwrap().pages().len();
    // Each screen, and words it must show once there is room (60x18 and up).
    type Show = Box<dyn Fn(&mut App) -> String>;
    let mut screens: Vec<Show> = Vec::new();
    for p in 0..pages {
        screens.push(Box::new(move |app: &mut App| {
            dispatch(app, Action::GoTo(p));
            let e = app.editor().unwrap();
            match e.page {
                Page::Details => "Details (title".to_string(),
                Page::Finish => "Finish".to_string(),
                Page::Section(i) => format!("│ {}", e.doc.sections[i].title),
            }
        }));
    }
    screens.push(Box::new(|app: &mut App| {
        key(app, KeyCode::F(1), KeyModifiers::NONE);
        (0..3).for_each(|_| key(app, KeyCode::Down, KeyModifiers::NONE));
        assert_eq!(app.help_scroll(), Some(3));
        "Keys".to_string()
    }));
    screens.push(Box::new(|app: &mut App| {
        key(app, KeyCode::Esc, KeyModifiers::NONE);
        dispatch(app, Action::GoTo(1));
        typed(app, " More.");
        ctrl(app, 'q');
        assert_eq!(app.dialog(), Some(&Dialog::QuitUnsaved));
        "Discard the changes and quit".to_string()
    }));
    let path = f.path();
    screens.push(Box::new(move |app: &mut App| {
        key(app, KeyCode::Char('c'), KeyModifiers::NONE);
        fs::write(&path, CHECKOUT).unwrap();
        ctrl(app, 's');
        assert_eq!(app.dialog(), Some(&Dialog::Conflict));
        "Keep mine".to_string()
    }));
    let holds = |app: &mut App, w: u16, h: u16, words: &str| {
        let shown = screen(app, w, h);
        if w < 20 || h < 5 {
            // Too small: a note, cut to the screen, and nothing else.
            let note = "Terminal too small.";
            let first = shown.lines().next().unwrap_or_default();
            assert!(note.starts_with(first), "{w}x{h}: {shown:?}");
        } else if w >= 60 && h >= 18 {
            assert!(shown.contains(words), "{w}x{h}: {words:?} is not on screen:\n{shown}");
            let footer = app.footer();
            let last = shown.lines().last().unwrap_or_default();
            assert!(last.contains(&footer[0].0), "{w}x{h}: the footer shows the keys on top: {last:?}");
        }
    };
    for show in screens {
        let words = show(&mut f.app);
        for &w in &widths {
            for &h in &heights {
                holds(&mut f.app, w, h, &words);
            }
        }
    }
    // The start screen too.
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("x.yaml"), CHECKOUT).unwrap();
    let mut start = app_in(dir.path(), Screen::Start(Start::new(dir.path(), &library(), today())));
    for &w in &widths {
        for &h in &heights {
            holds(&mut start, w, h, "Postmortems");
        }
    }
}

#[test]
fn a_file_deleted_while_open_is_written_again_and_the_user_is_told() {
    let mut f = fresh();
    typed(&mut f.app, "Still here.");
    fs::remove_file(f.path()).unwrap();
    wait_for_autosave(&mut f.app);
    assert!(f.on_disk().contains("Still here."));
    assert!(f.app.message().unwrap().contains("deleted or moved on disk"));
}

#[test]
fn f5_previews_the_whole_export_scrollable() {
    let mut f = editing(CHECKOUT);
    key(&mut f.app, KeyCode::F(5), KeyModifiers::NONE);
    assert_eq!(f.app.preview_scroll(), Some(0));
    let top = screen(&mut f.app, 80, 24);
    insta::assert_snapshot!("preview_80x24", top);
    assert!(top.contains("Checkout API returned errors for 42 minutes"), "{top}");
    assert!(top.contains("Status") && top.contains("in-review"), "the metadata table: {top}");
    insta::assert_snapshot!("preview_120x40", screen(&mut f.app, 120, 40));
    key(&mut f.app, KeyCode::PageDown, KeyModifiers::NONE);
    key(&mut f.app, KeyCode::PageDown, KeyModifiers::NONE);
    let lower = screen(&mut f.app, 80, 24);
    assert!(lower.contains("Timeline") && !lower.contains("Severity"), "scrolled down to the timeline: {lower}");
    key(&mut f.app, KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(f.app.preview_scroll(), None);
}

/// A library folder with three postmortems of known dates, severities and actions.
fn library_folder() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let older = CHECKOUT
        .replace("title: Checkout API returned errors for 42 minutes", "title: Queue backlog delayed emails")
        .replace("severity: SEV2", "severity: SEV3")
        .replace("2026-11-24T14:02:00+01:00", "2026-10-02T09:00:00+02:00")
        .replace("tags: [database, deploy, \"no\"]", "tags: [queue]")
        .replace("due: 2026-12-08", "due: 2026-11-01");
    let draft = CHECKOUT
        .replace("title: Checkout API returned errors for 42 minutes", "title: Certificate expiry on the status page")
        .replace("severity: SEV2", "severity: SEV1")
        .replace("status: in-review", "status: draft")
        .replace("2026-11-24T14:02:00+01:00", "2026-11-10T08:00:00+01:00")
        .replace("tags: [database, deploy, \"no\"]", "tags: [tls]");
    fs::create_dir_all(dir.path().join("2026")).unwrap();
    fs::write(dir.path().join("checkout.yaml"), CHECKOUT).unwrap();
    fs::write(dir.path().join("2026/queue.yaml"), older).unwrap();
    fs::write(dir.path().join("cert.yaml"), draft).unwrap();
    let mut start = Start::new(dir.path(), &library(), today());
    start.wait_loaded();
    start.folder = PathBuf::from("postmortems");
    let app = app_in(dir.path(), Screen::Start(start));
    (dir, app)
}

fn start_of(app: &App) -> &Start {
    match app.screen() {
        Screen::Start(s) => s,
        _ => panic!("not the start screen"),
    }
}

fn titles(app: &App) -> Vec<String> {
    start_of(app).shown().iter().filter_map(|e| e.summary()).map(|s| s.title.clone()).collect()
}

#[test]
fn the_library_filters_as_you_type_and_sorts() {
    let (_dir, mut app) = library_folder();
    assert_eq!(
        titles(&app),
        [
            "Checkout API returned errors for 42 minutes",
            "Certificate expiry on the status page",
            "Queue backlog delayed emails"
        ],
        "newest first, nested folders included"
    );
    insta::assert_snapshot!("library_120x40", screen(&mut app, 120, 40));
    typed(&mut app, "queue");
    assert_eq!(start_of(&app).query(), "queue");
    assert_eq!(titles(&app), ["Queue backlog delayed emails"], "a tag matches");
    key(&mut app, KeyCode::Backspace, KeyModifiers::NONE);
    key(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    typed(&mut app, "lock timeout");
    assert_eq!(titles(&app).len(), 3, "text inside the documents matches too");
    key(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    key(&mut app, KeyCode::Char('o'), KeyModifiers::CONTROL);
    assert_eq!(titles(&app)[0], "Certificate expiry on the status page", "SEV1 first");
    key(&mut app, KeyCode::Char('o'), KeyModifiers::CONTROL);
    assert_eq!(titles(&app)[0], "Certificate expiry on the status page", "drafts first");
    insta::assert_snapshot!("library_80x24", screen(&mut app, 80, 24));
}

#[test]
fn the_actions_view_puts_overdue_ones_first_and_opens_their_postmortem() {
    let (_dir, mut app) = library_folder();
    key(&mut app, KeyCode::Tab, KeyModifiers::NONE);
    let shown = screen(&mut app, 120, 40);
    insta::assert_snapshot!("library_actions_120x40", shown);
    let first = shown.lines().find(|l| l.contains("OVERDUE")).unwrap();
    assert!(first.contains("2026-11-01") && first.contains("Queue backlog"), "{shown}");
    let overdue_at = shown.find("OVERDUE").unwrap();
    let open_at = shown.find(" open ").unwrap();
    assert!(overdue_at < open_at, "overdue before the rest:\n{shown}");
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(app.editor().unwrap().doc.title, "Queue backlog delayed emails");
}

#[test]
fn wide_characters_emoji_and_combining_marks_keep_the_cursor_in_place() {
    let mut f = fresh();
    typed(&mut f.app, "日本語🔥e\u{301}");
    dispatch(&mut f.app, Action::Resize(80, 24));
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|fr| views::render(fr, &f.app)).unwrap();
    let buf = terminal.backend().buffer();
    let row = (0..24u16).find(|&y| (0..80u16).any(|x| buf[(x, y)].symbol() == "日")).unwrap();
    let start = (0..80u16).find(|&x| buf[(x, row)].symbol() == "日").unwrap();
    // 日本語 and 🔥 are two columns each, é one: the cursor sits right after them.
    let cursor = (0..80u16).find(|&x| buf[(x, row)].modifier.contains(ratatui::style::Modifier::REVERSED)).unwrap();
    assert_eq!(cursor - start, 9, "cursor column");
    // And moving left steps over whole characters.
    key(&mut f.app, KeyCode::Left, KeyModifiers::NONE);
    key(&mut f.app, KeyCode::Left, KeyModifiers::NONE);
    let e = f.app.editor().unwrap();
    let Page::Section(i) = e.page else { panic!() };
    let (_, col) = e.texts[&i].cursor();
    assert_eq!(col, 4, "after 日本語🔥: two steps left of the end, counted in characters (e + combining mark is two)");
}

/// The checker is built, and the document checked, on other threads after the editor opens;
/// its findings are taken when they arrive, and a section typed into meanwhile is checked again.
#[test]
fn findings_made_in_the_background_arrive_and_typing_meanwhile_is_not_lost() {
    let t = library().find("default").unwrap();
    let mut doc = t.new_document("Checkout API errors", &"Europe/Berlin".parse().unwrap());
    doc.sections[0].text = "Dave should have noticed the alert.".into();
    doc.sections[3].text = "It was human error.".into();
    doc.factors.push(blameless::doc::Factor {
        description: "The engineer should have been more careful".into(),
        category: None,
        extra: Default::default(),
    });
    let mut f = editing(&blameless::store::document_text(&doc).unwrap());
    key(&mut f.app, KeyCode::Esc, KeyModifiers::NONE);
    dispatch(&mut f.app, Action::GoTo(1));
    assert_eq!(section_id(&f.app), "summary");
    assert_eq!(findings_in_summary(&f.app), 0, "no checker yet");
    f.app.build_checker_in_background(|| blameless::lint::Checker::builtin().ok());
    // Typed before the findings arrive: this section's text is no longer what was checked.
    key(&mut f.app, KeyCode::End, KeyModifiers::CONTROL);
    typed(&mut f.app, " Obviously a human error.");
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    while f.app.checker_pending() && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(5));
        dispatch(&mut f.app, Action::Tick);
    }
    assert!(!f.app.checker_pending(), "the checker never arrived");
    let e = f.app.editor().unwrap();
    assert!(e.finding_count(0) >= 2, "the typed words are checked too: {}", e.finding_count(0));
    assert!(e.finding_count(3) >= 1, "an untouched section gets the background's findings");
    assert!(!e.fields.findings(blameless::lint::Field::Factor(0)).is_empty(), "so do the rows");
    let shown = screen(&mut f.app, 80, 24);
    assert!(shown.contains("◆ Summary") && shown.contains("◆ Contributing factors"), "{shown}");
}

/// An editor of the default template's document with `text` in its fourth section, whose
/// checker is built on its thread once the returned sender is used ([`checker_arrives`]).
fn checked_later(text: &str) -> (Fixture, std::sync::mpsc::Sender<()>) {
    let t = library().find("default").unwrap();
    let mut doc = t.new_document("Checkout API errors", &"Europe/Berlin".parse().unwrap());
    doc.sections[3].text = text.into();
    let mut f = editing(&blameless::store::document_text(&doc).unwrap());
    let (go, gate) = std::sync::mpsc::channel::<()>();
    f.app.build_checker_in_background(move || {
        let _ = gate.recv();
        blameless::lint::Checker::builtin().ok()
    });
    (f, go)
}

/// Lets the checker of [`checked_later`] be built, and waits for its findings to arrive.
fn checker_arrives(f: &mut Fixture, go: std::sync::mpsc::Sender<()>) {
    go.send(()).unwrap();
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    while f.app.checker_pending() && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(5));
        dispatch(&mut f.app, Action::Tick);
    }
    assert!(!f.app.checker_pending(), "the checker arrived");
}

/// The first frame does not wait for the document's findings: it is drawn at once, and until
/// they arrive nothing says there are none (the finish page says the wording is being
/// checked, F8 says so too); once they are in, they are shown.
#[test]
fn the_first_frame_is_drawn_at_once_and_the_findings_follow() {
    let (mut f, go) = checked_later("It was human error.");
    let last = f.app.editor().unwrap().pages().len() - 1;
    dispatch(&mut f.app, Action::GoTo(last));
    let shown = screen(&mut f.app, 100, 30);
    assert!(shown.contains("Checking the wording…"), "{shown}");
    assert!(!shown.contains("No wording findings") && !shown.contains("passes") && !shown.contains('◆'), "{shown}");
    dispatch(&mut f.app, Action::GoTo(4)); // the section with the finding, as it is drawn now
    dispatch(&mut f.app, Action::NextFinding);
    assert!(f.app.message().is_some_and(|m| m.contains("still being checked")), "{:?}", f.app.message());

    checker_arrives(&mut f, go);
    let shown = screen(&mut f.app, 100, 30);
    assert!(shown.contains("◆"), "the finding's mark, once in:\n{shown}");
    dispatch(&mut f.app, Action::GoTo(last));
    let shown = screen(&mut f.app, 100, 30);
    assert!(shown.contains("Wording to look at again") && !shown.contains("Checking the wording"), "{shown}");
}

/// Text typed into a section while its findings are still being made: once they arrive,
/// the section shows the findings of its text as it is now, the same as a check from scratch
/// (only what changed since is checked again on the editor's thread).
#[test]
fn findings_that_arrive_after_typing_are_those_of_the_text_as_it_is_now() {
    let (mut f, go) = checked_later("It was human error.\n\nThe pool was small.");
    dispatch(&mut f.app, Action::GoTo(4));
    key(&mut f.app, KeyCode::End, KeyModifiers::CONTROL);
    typed(&mut f.app, "\n\nDave forgot to check the pool size; he should have known.");
    checker_arrives(&mut f, go);
    let e = f.app.editor().unwrap();
    let now = e.texts[&3].text();
    assert!(now.ends_with("he should have known."), "{now}");
    let shown: Vec<&str> = e.lints[&3].findings.iter().map(|f| f.text.as_str()).collect();
    let checker = blameless::lint::Checker::builtin().unwrap();
    let mut fresh = blameless::tui::findings::SectionLint::default();
    fresh.check(&checker, &now, &checker.people(&e.doc), &e.doc);
    let want: Vec<&str> = fresh.findings.iter().map(|f| f.text.as_str()).collect();
    assert_eq!(shown, want);
    assert!(want.iter().any(|w| w.contains("human error")) && want.iter().any(|w| w.contains("forgot")), "{want:?}");
    let screen = screen(&mut f.app, 100, 30);
    assert!(screen.contains(&format!("{} findings", want.len())), "{screen}");
}

/// Frames drawn with the memo of earlier frames are the frames drawn afresh, cell for cell,
/// when the buffer drawn into holds the frame before last (as the terminal's two buffers
/// alternate); and the frame diff passes over the areas the views call unchanged, each of
/// which must hold what the frame before had there. Through typing, wrapping, selecting,
/// paging, findings arriving and dismissed, help and section changes.
#[test]
fn frames_drawn_from_earlier_frames_are_the_frames_drawn_afresh() {
    let mut f = fresh_checked();
    let size = ratatui::layout::Rect::new(0, 0, 100, 30);
    let mut afresh = Terminal::new(TestBackend::new(100, 30)).unwrap();
    let mut kept = Terminal::new(TestBackend::new(100, 30)).unwrap();
    dispatch(&mut f.app, Action::Resize(size.width, size.height));
    let mut buffers = [None, None];
    let mut n = 0;
    let mut before: Option<ratatui::buffer::Buffer> = None;
    let mut claimed = 0;
    let mut memo = views::Memo::new();
    let mut check = |app: &mut App, what: &str| {
        views::render_afresh(&mut afresh.get_frame(), app);
        let want = afresh.current_buffer_mut().clone();
        let recycled: Option<ratatui::buffer::Buffer> = buffers[n % 2].take();
        *kept.current_buffer_mut() = recycled.unwrap_or_else(|| ratatui::buffer::Buffer::empty(size));
        views::render_onto(&mut kept.get_frame(), app, &mut memo, n >= 2);
        let now = kept.current_buffer_mut().clone();
        assert_eq!(now, want, "after {what}: the frame drawn from earlier frames differs");
        for r in memo.unchanged() {
            let old = before.as_ref().expect("nothing is unchanged on the first frame");
            for y in r.top()..r.bottom() {
                for x in r.left()..r.right() {
                    assert_eq!(now[(x, y)], old[(x, y)], "after {what}: ({x}, {y}) in {r:?} changed");
                    claimed += 1;
                }
            }
        }
        buffers[n % 2] = Some(now.clone());
        n += 1;
        before = Some(now);
    };
    check(&mut f.app, "opening");
    let text = "Dave forgot to run the check before the deploy, which was human error. ".repeat(3);
    for (i, c) in text.chars().enumerate() {
        key(&mut f.app, KeyCode::Char(c), KeyModifiers::NONE);
        check(&mut f.app, &format!("typing char {i}"));
    }
    for _ in 0..12 {
        key(&mut f.app, KeyCode::Enter, KeyModifiers::NONE);
        check(&mut f.app, "a new line");
        typed(&mut f.app, "The root cause was a retry storm.");
        check(&mut f.app, "a line");
    }
    // Findings arrive for rows already on screen (the text at the top, not scrolled).
    key(&mut f.app, KeyCode::Home, KeyModifiers::CONTROL);
    check(&mut f.app, "the start of the text");
    dispatch(&mut f.app, Action::Tick);
    check(&mut f.app, "a tick");
    pause_for_check(&mut f.app);
    check(&mut f.app, "the findings arriving");
    // A finding dismissed: the underlines of its line change, its text does not.
    key(&mut f.app, KeyCode::F(8), KeyModifiers::NONE);
    check(&mut f.app, "the first finding");
    ctrl(&mut f.app, 'd');
    check(&mut f.app, "the dismiss dialog");
    typed(&mut f.app, "quoted from the chat log\n");
    check(&mut f.app, "a finding dismissed");
    // New findings on a line that has some already, its text as it was a frame before.
    key(&mut f.app, KeyCode::End, KeyModifiers::CONTROL);
    typed(&mut f.app, " Someone should have caught it.");
    check(&mut f.app, "more typed on a line with findings");
    pause_for_check(&mut f.app);
    check(&mut f.app, "its findings arriving");
    let moves = [
        (KeyCode::Up, KeyModifiers::NONE),
        (KeyCode::Left, KeyModifiers::SHIFT),
        (KeyCode::Up, KeyModifiers::SHIFT),
        (KeyCode::Right, KeyModifiers::NONE),
        (KeyCode::PageUp, KeyModifiers::NONE),
        (KeyCode::PageDown, KeyModifiers::NONE),
        (KeyCode::Home, KeyModifiers::NONE),
        (KeyCode::Char('x'), KeyModifiers::NONE),
        (KeyCode::Backspace, KeyModifiers::NONE),
        (KeyCode::Down, KeyModifiers::NONE),
    ];
    for round in 0..6 {
        for (code, mods) in moves {
            key(&mut f.app, code, mods);
            check(&mut f.app, &format!("{code:?} {mods:?} in round {round}"));
        }
    }
    key(&mut f.app, KeyCode::F(8), KeyModifiers::NONE);
    check(&mut f.app, "the next finding");
    ctrl(&mut f.app, 'r');
    check(&mut f.app, "a rewrite");
    pause_for_check(&mut f.app);
    check(&mut f.app, "a check after the rewrite");
    key(&mut f.app, KeyCode::F(1), KeyModifiers::NONE);
    check(&mut f.app, "help");
    key(&mut f.app, KeyCode::Esc, KeyModifiers::NONE);
    check(&mut f.app, "help closed");
    key(&mut f.app, KeyCode::Tab, KeyModifiers::NONE);
    check(&mut f.app, "tab");
    dispatch(&mut f.app, Action::GoTo(1));
    check(&mut f.app, "another section");
    typed(&mut f.app, "Deploys queue behind one lock.");
    check(&mut f.app, "typing there");
    dispatch(&mut f.app, Action::GoTo(0));
    check(&mut f.app, "back");
    assert!(claimed > 100_000, "the views called most of the screen unchanged: {claimed} cells");
}

/// Details times are read as forgivingly as timeline times: `+48m` after the time above it, a
/// bare `2:05 PM` on the incident's day; what is not a time says so with examples, in full at
/// 80x24.
#[test]
fn details_times_are_as_forgiving_as_the_timeline() {
    let mut f = fresh();
    dispatch(&mut f.app, Action::GoTo(0));
    for _ in 0..7 {
        key(&mut f.app, KeyCode::Tab, KeyModifiers::NONE);
    }
    typed(&mut f.app, "2026-11-24 14:02"); // started
    key(&mut f.app, KeyCode::Tab, KeyModifiers::NONE);
    typed(&mut f.app, "+48m"); // detected
    key(&mut f.app, KeyCode::Tab, KeyModifiers::NONE);
    typed(&mut f.app, "3:05 PM"); // mitigated
    key(&mut f.app, KeyCode::Tab, KeyModifiers::NONE);
    typed(&mut f.app, "soon"); // resolved: not a time
    let shown = screen(&mut f.app, 120, 40);
    assert!(shown.contains("✓ Tue 24 Nov 2026 14:50 +01:00"), "+48m after started:\n{shown}");
    assert!(shown.contains("✓ Tue 24 Nov 2026 15:05 +01:00"), "3:05 PM on the incident's day:\n{shown}");
    assert!(shown.contains("Time to detect: 48m"), "live numbers:\n{shown}");
    let small = screen(&mut f.app, 80, 24);
    assert!(small.contains("soon: not a time (try 14:02, 2:05 PM, +48m)"), "{small}");
    ctrl(&mut f.app, 's');
    let disk = f.on_disk();
    assert!(disk.contains("  detected: \"2026-11-24T14:50:00+01:00\"\n"), "{disk}");
    assert!(disk.contains("  mitigated: \"2026-11-24T15:05:00+01:00\"\n"), "{disk}");
    assert!(disk.contains("  resolved: soon\n"), "kept as typed: {disk}");
}

/// `a` then Esc (or Enter) with nothing typed adds nothing: the empty row goes away again, in
/// the timeline and in the actions, also after Tab through its cells; a row with anything
/// typed in it stays, and `u` still takes back the last real change.
#[test]
fn a_row_added_and_left_empty_goes_away() {
    let mut f = fresh();
    open_section(&mut f.app, "timeline");
    enter_row(&mut f.app, &["14:02", "first"]);
    let rows = |app: &App| app.editor().unwrap().doc.timeline.len();
    key(&mut f.app, KeyCode::Char('a'), KeyModifiers::NONE);
    assert_eq!(rows(&f.app), 2, "a adds a row to type into");
    let shown = screen(&mut f.app, 80, 24);
    assert!(shown.contains("Esc Done"), "Esc in a cell ends the typing, and the footer says so:\n{shown}");
    key(&mut f.app, KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(rows(&f.app), 1, "Esc with nothing typed takes it away");
    let shown = screen(&mut f.app, 80, 24);
    assert!(!shown.contains("— time"), "no empty row is shown:\n{shown}");
    key(&mut f.app, KeyCode::Char('a'), KeyModifiers::NONE);
    key(&mut f.app, KeyCode::Tab, KeyModifiers::NONE);
    key(&mut f.app, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(rows(&f.app), 1, "Tab through its cells and Enter: still nothing typed");
    key(&mut f.app, KeyCode::Char('a'), KeyModifiers::NONE);
    key(&mut f.app, KeyCode::Tab, KeyModifiers::NONE);
    typed(&mut f.app, "queue grows");
    key(&mut f.app, KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(rows(&f.app), 2, "a row with its event typed stays");
    assert_eq!(f.app.editor().unwrap().doc.timeline[1].event, "queue grows");
    key(&mut f.app, KeyCode::Char('u'), KeyModifiers::NONE);
    assert_eq!(f.app.editor().unwrap().doc.timeline[1].event, "", "u takes back the typing");
    key(&mut f.app, KeyCode::Char('u'), KeyModifiers::NONE);
    assert_eq!(rows(&f.app), 1, "and then the row");
    assert_eq!(f.app.editor().unwrap().doc.timeline[0].event, "first", "the first row is untouched");
    open_section(&mut f.app, "follow-up-actions");
    key(&mut f.app, KeyCode::Char('a'), KeyModifiers::NONE);
    key(&mut f.app, KeyCode::Enter, KeyModifiers::NONE);
    assert!(f.app.editor().unwrap().doc.actions.is_empty(), "an action added and left empty goes too");
}

/// A row with a suggestion and warnings in it shows a warning first: "The root cause was human
/// error" opens with a framing suggestion, but the note under the table names the blame.
#[test]
fn a_rows_note_shows_its_warning_before_its_suggestion() {
    let mut f = fresh_checked();
    open_section(&mut f.app, "contributing-factors");
    enter_row(&mut f.app, &["The root cause was human error: Bo should have been more careful"]);
    let shown = screen(&mut f.app, 80, 24);
    assert!(shown.contains("◆ human-error:"), "{shown}");
    assert!(shown.contains("(2 more in this row)"), "{shown}");
    assert!(!shown.contains("◆ root-cause"), "{shown}");
}

/// An entry of several lines (an imported phase and the bullets below it) shows its line break as
/// a space in the table and in the selected row's detail, not dropped.
#[test]
fn an_entry_of_several_lines_shows_its_line_breaks_as_spaces() {
    let t = library().find("default").unwrap();
    let doc = t.new_document("Checkout API errors", &"Europe/Berlin".parse().unwrap());
    let text = blameless::store::document_text(&doc).unwrap().replace(
        "timeline: []\n",
        "timeline:\n  - time: \"2026-11-24T14:02:00+01:00\"\n    event: |-\n      Initial Discovery:\n      - Orders stopped flowing.\n",
    );
    assert!(text.contains("Initial Discovery:"), "{text}");
    let mut f = editing_with(&text, None);
    open_section(&mut f.app, "timeline");
    let shown = screen(&mut f.app, 80, 24);
    assert!(shown.contains("Initial Discovery: - Orders"), "{shown}");
    assert!(shown.contains("Event     Initial Discovery: - Orders stopped flowing."), "{shown}");
}
