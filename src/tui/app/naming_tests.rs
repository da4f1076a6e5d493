//! Who is writing, asked while the document is already open (`files::name_the_lock`).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use super::{App, Screen};
use crate::tui::context::Context;
use crate::tui::start::Start;

/// Who is writing is asked of `git config` once the first frame is drawn; while the answer is
/// out, the editor looks for it on a timer. A question never answered (no git, a hung
/// process, a thread that could not start) stops the timer after a while: the lock keeps the
/// login name it was taken in and the editor sleeps until a key or a due save.
#[test]
fn an_unanswered_question_of_who_is_writing_stops_the_timer() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("checkout.yaml");
    let library = crate::template::Library::new(Vec::new(), None);
    let t = library.find("default").unwrap();
    let doc = t.new_document("Checkout API errors", &"Europe/Berlin".parse().unwrap());
    let text = crate::store::document_text(&doc).unwrap();
    std::fs::write(&path, &text).unwrap();
    let loaded = crate::store::load_document(&path).unwrap();
    let mut ctx = Context::fixed(dir.path());
    ctx.user = None; // not given: asked of git, which nobody asks here (no first frame)
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let mut app = App::new(Screen::Start(Start::unused(today)), library, ctx);
    app.open_document(&path, loaded, &text, false);
    assert!(app.editor().is_some());
    let now = app.now();
    let first = app.deadline().expect("looks for the answer while it is out");
    assert!(first <= now + Duration::from_millis(1), "every millisecond at first");
    app.ctx.clock.advance(Duration::from_millis(500));
    app.name_the_lock();
    let now = app.now();
    let next = app.deadline().expect("still looking");
    assert!(next >= now + Duration::from_millis(100), "then every 100 ms, not every millisecond");
    app.ctx.clock.advance(Duration::from_secs(11));
    app.name_the_lock();
    assert_eq!(app.deadline(), None, "given up: no timer while nothing is due");
    let locks = std::fs::read_dir(dir.path().join("recovery")).unwrap().count();
    assert_eq!(locks, 1, "the lock was taken at once, in the login name");
}
