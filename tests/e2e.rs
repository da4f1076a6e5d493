//! The real binary in a pseudo-terminal, read through a VT emulator: what a user at a
//! terminal would see and get. Waits for screen text, never fixed sleeps.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/pty.rs"]
mod pty;
use pty::*;

use std::time::Instant;

use portable_pty::PtySize;

#[test]
fn new_type_into_two_sections_save_and_quit() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = Term::spawn(dir.path(), &["new", "--template", "default", "--title", "Checkout API errors"]);
    t.wait_for("Summary (required)");
    t.type_text("Checkout requests failed for 42 minutes.");
    t.wait_for("failed for 42 minutes.");
    t.send(ALT_N); // to Impact (a form)
    t.wait_for("Users affected");
    t.type_text("about 12% of checkouts");
    t.wait_for("about 12% of checkouts");
    t.send(ALT_N); // Timeline
    t.send(ALT_N); // Detection and response
    t.wait_for("Detection and response (optional)");
    t.type_text("An error-rate alert paged the on-call.");
    t.wait_for("paged the on-call.");
    t.send(CTRL_S);
    t.wait_for(" saved ");
    t.send(CTRL_Q);
    let status = t.wait_exit();
    assert!(status.success(), "{status:?}");
    let yaml = std::fs::read_to_string(only_yaml(dir.path())).unwrap();
    assert!(yaml.contains("    text: Checkout requests failed for 42 minutes.\n"), "{yaml}");
    assert!(yaml.contains("        value: about 12% of checkouts\n"), "{yaml}");
    assert!(yaml.contains("    text: An error-rate alert paged the on-call.\n"), "{yaml}");
    assert!(!dir.path().join(".data/recovery").read_dir().map(|mut d| d.next().is_some()).unwrap_or(false));
}

#[test]
fn killed_mid_typing_then_restored_on_the_next_edit() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = Term::spawn(dir.path(), &["new", "--title", "Queue backlog"]);
    t.wait_for("Summary (required)");
    t.type_text("Words typed before the kill.");
    t.wait_for("before the kill.");
    // The autosave tick writes the recovery copy and the file; wait for it, keep typing, kill.
    t.wait_for(" saved ");
    t.type_text(" More");
    t.wait_for("More");
    let pid = t.child.process_id().unwrap();
    let killed = std::process::Command::new("kill").args(["-9", &pid.to_string()]).status().unwrap();
    assert!(killed.success());
    let _ = t.wait_exit();
    drop(t);
    let path = only_yaml(dir.path());
    let on_disk = std::fs::read_to_string(&path).unwrap();
    assert!(
        on_disk.contains("Words typed before the kill."),
        "everything before the last autosave is on disk:\n{on_disk}"
    );
    blameless::store::load_document(&path).expect("the file on disk always parses");

    // Simulate an autosave tick that reached only the recovery copy (the file was kept
    // unchanged, as in a conflict), then reopen: the app offers the copy.
    let copy = on_disk.replace("Words typed before the kill.", "Words typed before the kill. And after.");
    blameless::store::recovery::write_recovery(&dir.path().join(".data/recovery"), &path, "crashed", None, &copy)
        .unwrap();
    let mut t = Term::spawn(dir.path(), &["edit", path.to_str().unwrap()]);
    let shown = t.wait_for("Recover unsaved work?");
    assert!(shown.contains("Summary: 2 more words"), "{shown}");
    t.send("r");
    t.wait_for("Restored the recovered text");
    t.send(CTRL_Q);
    // Right after a restore the text is not saved yet, so quitting asks (unless the autosave
    // came first on a slow machine): save and quit.
    quit_saving(&mut t);
    assert!(std::fs::read_to_string(&path).unwrap().contains("And after."));
}

#[test]
fn resize_to_tiny_and_back_keeps_everything() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = Term::spawn(dir.path(), &["new", "--title", "Resize"]);
    t.wait_for("Summary (required)");
    t.type_text("Kept through resizes.");
    t.wait_for("Kept through resizes.");
    for (rows, cols) in [(5u16, 20u16), (3, 10), (24, 80), (40, 120)] {
        // The emulator takes the new size first, so every frame drawn for it is read at it.
        t.screen
            .lock()
            .unwrap()
            .screen_mut()
            .set_size(std::num::NonZeroU16::new(rows).unwrap(), std::num::NonZeroU16::new(cols).unwrap());
        t._master.as_ref().unwrap().resize(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).unwrap();
        if rows >= 5 && cols >= 20 {
            t.wait_for(if cols >= 80 { "Kept through resizes." } else { "" });
        }
    }
    // Wait for the frame drawn for 120 columns (guidance beside the text), not an old one.
    t.wait_until("the 120-column layout", |screen| {
        screen.contains("Kept through resizes.")
            && screen.lines().nth(1).is_some_and(|l| l.contains("Summary (required)") && l.contains("Guidance"))
    });
    t.send(CTRL_Q);
    quit_saving(&mut t);
    assert!(std::fs::read_to_string(only_yaml(dir.path())).unwrap().contains("Kept through resizes."));
}

#[test]
fn the_terminal_is_restored_after_quitting() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = Term::spawn(dir.path(), &["new", "--title", "Restore"]);
    t.wait_for("Summary (required)");
    assert!(t.screen.lock().unwrap().screen().alternate_screen(), "the app draws on the alternate screen");
    t.send(CTRL_Q);
    assert!(t.wait_exit().success());
    let screen = t.screen.lock().unwrap();
    assert!(!screen.screen().alternate_screen(), "back on the main screen");
    assert!(!screen.screen().hide_cursor(), "cursor visible again");
}

#[test]
fn a_crash_restores_the_terminal_and_keeps_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = Term::spawn_with(dir.path(), &["new", "--title", "Crash"], &[("BLAMELESS_TEST_PANIC", "1")]);
    t.wait_for("Summary (required)");
    t.type_text("Not lost in a crash.");
    t.wait_for("Not lost in a crash.");
    t.send("\x1c"); // Ctrl-\ (one byte: F12's escape sequence can arrive split on a loaded machine)
    let status = t.wait_exit();
    assert!(!status.success());
    let shown = t.wait_for("Your text is safe in");
    assert!(shown.contains("deliberate crash"), "the panic message is readable:\n{shown}");
    assert!(!t.screen.lock().unwrap().screen().alternate_screen(), "terminal restored");
    let recovery = dir.path().join(".data/recovery");
    let copy = std::fs::read_dir(&recovery).unwrap().next().unwrap().unwrap().path();
    assert!(std::fs::read_to_string(copy).unwrap().contains("Not lost in a crash."));
    // The next edit offers it.
    let path = only_yaml(dir.path());
    let mut t = Term::spawn(dir.path(), &["edit", path.to_str().unwrap()]);
    t.wait_for("Recover unsaved work?");
    t.send("r");
    t.wait_for("Restored the recovered text");
    t.send(CTRL_Q);
    quit_saving(&mut t);
    assert!(std::fs::read_to_string(&path).unwrap().contains("Not lost in a crash."));
}

#[test]
fn ctrl_e_edits_the_section_in_the_users_editor() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = Term::spawn_with(
        dir.path(),
        &["new", "--title", "Editor"],
        &[("EDITOR", "sed -i s/draft/final/"), ("VISUAL", "")],
    );
    t.wait_for("Summary (required)");
    t.type_text("These are draft words.");
    t.wait_for("draft words.");
    t.send("\x05"); // Ctrl-E
    t.wait_for("These are final words.");
    t.send(CTRL_Q);
    quit_saving(&mut t);
    let yaml = std::fs::read_to_string(only_yaml(dir.path())).unwrap();
    assert!(yaml.contains("text: These are final words.\n"), "{yaml}");
}

#[test]
fn no_color_means_no_colour_and_colour_otherwise() {
    let has_colour = |t: &Term| {
        let parser = t.screen.lock().unwrap();
        let screen = parser.screen();
        (0..ROWS).any(|r| {
            (0..COLS).any(|c| {
                screen.cell(r, c).is_some_and(|cell| {
                    cell.fgcolor() != vt100::Color::Default || cell.bgcolor() != vt100::Color::Default
                })
            })
        })
    };
    let dir = tempfile::tempdir().unwrap();
    let mut plain = Term::spawn(dir.path(), &["new", "--title", "Plain"]); // NO_COLOR=1
    plain.wait_for("Summary (required)");
    plain.wait_for("✓ Details");
    assert!(!has_colour(&plain), "NO_COLOR is set, yet something is coloured:\n{}", plain.contents());
    // Selected text is shown reversed, not coloured.
    plain.send("selected words");
    plain.wait_for("selected words");
    plain.send(&"\x1b[1;2D".repeat(5)); // Shift-Left x5
    plain.wait_until("five selected cells", |_| {
        let parser = plain.screen.lock().unwrap();
        let screen = parser.screen();
        (0..ROWS).any(|r| (0..COLS).filter(|&c| screen.cell(r, c).is_some_and(|cell| cell.inverse())).count() >= 5)
    });
    assert!(!has_colour(&plain), "NO_COLOR is set, yet the selection is coloured:\n{}", plain.contents());
    plain.send(CTRL_Q);
    quit_saving(&mut plain);
    let dir = tempfile::tempdir().unwrap();
    let coloured = Term::spawn_with(dir.path(), &["new", "--title", "Colour"], &[("NO_COLOR", "")]);
    coloured.wait_for("✓ Details");
    assert!(has_colour(&coloured), "without NO_COLOR the marks are coloured");
}

#[test]
fn a_bracketed_paste_of_ten_thousand_lines_arrives_whole() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = Term::spawn(dir.path(), &["new", "--title", "Paste"]);
    t.wait_for("Summary (required)");
    let lines: String = (0..10_000).map(|i| format!("log line {i}\n")).collect();
    let start = Instant::now();
    t.send(&format!("\x1b[200~{lines}\x1b[201~"));
    t.wait_for("log line 9999");
    let took = start.elapsed();
    t.send(CTRL_S);
    t.wait_for(" saved ");
    t.send(CTRL_Q);
    quit_saving(&mut t);
    let yaml = std::fs::read_to_string(only_yaml(dir.path())).unwrap();
    for i in [0, 1, 4_999, 9_998, 9_999] {
        assert!(yaml.contains(&format!("      log line {i}\n")), "line {i} missing");
    }
    assert_eq!(yaml.matches("log line ").count(), 10_000);
    eprintln!("10,000-line paste on screen after {took:?}");
}

#[test]
fn four_timeline_rows_with_markers_show_the_numbers_and_land_in_the_yaml() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = Term::spawn(dir.path(), &["new", "--title", "Timeline"]);
    t.wait_for("Summary (required)");
    t.send(ALT_N);
    t.send(ALT_N);
    t.wait_for("Timeline (required)");
    // Each row: add, time, Tab, event, Enter; then → to the marker column and Space.
    let rows = [
        ("14:02", "Migration starts"),
        ("+7m", "Alert pages the on-call"),
        ("14:31", "Migration cancelled"),
        ("14:44", "Pool restored"),
    ];
    for (n, (time, event)) in rows.iter().enumerate() {
        t.send("a");
        t.type_text(time);
        t.send("\t");
        t.type_text(event);
        t.send("\r");
        t.wait_for(&event[..event.len().min(14)]);
        t.send("\x1b[C\x1b[C\x1b[C"); // → → → to Marks
        for _ in 0..1 {
            t.send(" ");
        }
        t.wait_for(["started", "detected", "mitigated", "resolved"][n]);
        t.send("\x1b[D\x1b[D\x1b[D"); // back to the first column
    }
    t.wait_for("Time to detect 7m · to mitigate 22m · to resolve 35m · total impact 29m");
    t.send(CTRL_S);
    t.wait_for(" saved ");
    t.send(CTRL_Q);
    quit_saving(&mut t);
    let yaml = std::fs::read_to_string(only_yaml(dir.path())).unwrap();
    for (time, marker) in [("14:02", "started"), ("14:09", "detected"), ("14:31", "mitigated"), ("14:44", "resolved")] {
        assert!(
            yaml.contains(&format!("  {marker}: \"2026-11-24T{time}:00+01:00\"\n")),
            "times.{marker} missing:\n{yaml}"
        );
        assert!(
            yaml.contains(&format!("  - time: \"2026-11-24T{time}:00+01:00\""))
                && yaml.contains(&format!("    marker: {marker}\n")),
            "timeline row {time} missing:\n{yaml}"
        );
    }
}

#[test]
fn a_second_editor_on_the_same_file_is_told_and_a_stale_lock_is_taken_over() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = Term::spawn(dir.path(), &["new", "--title", "Locked"]);
    first.wait_for("Summary (required)");
    let path = only_yaml(dir.path());
    let file = path.to_str().unwrap().to_string();
    let mut second = Term::spawn(dir.path(), &["edit", &file]);
    // Wait for the whole dialog: the title can be on screen before the line naming the holder.
    let shown = second.wait_for(&format!("(process {})", first.child.process_id().unwrap()));
    assert!(shown.contains("Already open"), "{shown}");
    second.send("q");
    // Leaving says so once the terminal is back: which file, to whom, and that nothing changed.
    let said = second.wait_for("nothing was changed here");
    assert!(
        said.contains("to the other blameless")
            && said.contains(&format!("process {}", first.child.process_id().unwrap())),
        "{said}"
    );
    assert!(second.wait_exit().success());
    // The first editor crashes: its lock is stale, and the next editor takes it over.
    let pid = first.child.process_id().unwrap();
    assert!(std::process::Command::new("kill").args(["-9", &pid.to_string()]).status().unwrap().success());
    let _ = first.wait_exit();
    let third = Term::spawn(dir.path(), &["edit", &file]);
    let shown = third.wait_for("Took over the lock");
    assert!(!shown.contains("Already open"), "{shown}");
}

/// `blameless FILE` opens the file in the editor, as `blameless edit FILE` does.
#[test]
fn a_file_named_alone_opens_in_the_editor() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("checkout.yaml"), include_str!("fixtures/checkout.yaml")).unwrap();
    let mut t = Term::spawn(dir.path(), &["checkout.yaml"]);
    let shown = t.wait_for("checkout.yaml");
    assert!(shown.contains("Sections"), "the editor, not an error:\n{shown}");
    t.send(CTRL_Q);
    assert!(t.wait_exit().success());
}
