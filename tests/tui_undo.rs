//! Undo takes back a typed word at a time, not a letter at a time: the text widget keeps one
//! step per key, which made Ctrl-Z after a sentence take a dozen presses.
#![allow(clippy::unwrap_used)]

mod common;

use blameless::tui::action::Action;
use common::tui::*;

fn text(f: &Fixture) -> String {
    let e = f.app.editor().unwrap();
    e.texts.values().next().map(|p| p.text()).unwrap_or_default()
}

#[test]
fn ctrl_z_takes_back_a_word_and_ctrl_y_puts_it_back() {
    let mut f = fresh();
    dispatch(&mut f.app, Action::GoTo(1));
    let start = text(&f);
    typed(&mut f.app, "The queue grew, fast");
    ctrl(&mut f.app, 'z');
    assert_eq!(text(&f), format!("{start}The queue grew, "));
    ctrl(&mut f.app, 'z');
    assert_eq!(text(&f), format!("{start}The queue grew,"), "punctuation is a step of its own");
    ctrl(&mut f.app, 'z');
    assert_eq!(text(&f), format!("{start}The queue "));
    ctrl(&mut f.app, 'y');
    assert_eq!(text(&f), format!("{start}The queue grew"));
    for _ in 0..10 {
        ctrl(&mut f.app, 'z');
    }
    assert_eq!(text(&f), start, "all of it, in a few steps");
}
