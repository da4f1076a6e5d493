//! Writing a postmortem the way a first-time user meets the editor, in the real binary in a
//! pseudo-terminal: pasting chat, naming the file, changing fields, reading long rows.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/pty.rs"]
mod pty;
use pty::*;

/// Chat pasted into the timeline the way tmux, xterm and VTE send it (a bracketed paste, CR
/// line breaks), across two days with a day divider: every message is a row on its own day,
/// in the zone the paste states, with the evidence set once for all of them.
#[test]
fn a_pasted_chat_with_cr_breaks_and_a_day_divider_becomes_rows_with_one_evidence() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = Term::spawn(dir.path(), &["new", "--title", "Paste chat"]);
    t.wait_for("Summary (required)");
    t.send(ALT_N);
    t.send(ALT_N);
    t.wait_for("Timeline (required)");
    let chat = "Wednesday, November 25th (all times UTC)\r[22:10] priya: queue depth alarm\r\
                [23:55] sam: failover started\rcontinued on the next line\r[00:20] sam: failover done\r\
                Thursday, November 26th\r[09:05] priya: backlog cleared\r";
    t.send(&format!("\x1b[200~{chat}\x1b[201~"));
    let shown = t.wait_for("4 rows to add to the timeline");
    assert!(shown.contains("Day        2026-11-25"), "the day comes from the divider:\n{shown}");
    assert!(shown.contains("Time zone  UTC"), "the zone the paste states:\n{shown}");
    // Tab twice to the evidence, type it once for all rows, Enter adds.
    t.send("\t\t");
    t.type_text("Slack #inc-2291");
    t.wait_for("Slack #inc-2291");
    t.send("\r");
    t.wait_for("Added 4 entries");
    t.send(CTRL_S);
    t.wait_for(" saved ");
    t.send(CTRL_Q);
    quit_saving(&mut t);
    let yaml = std::fs::read_to_string(only_yaml(dir.path())).unwrap();
    // UTC times, stored in the document's zone (Europe/Berlin, +01:00 in November).
    for (time, event) in [
        ("2026-11-25T23:10:00+01:00", "priya: queue depth alarm"),
        ("2026-11-26T00:55:00+01:00", "sam: failover started continued on the next line"),
        ("2026-11-26T01:20:00+01:00", "sam: failover done"),
        ("2026-11-26T10:05:00+01:00", "priya: backlog cleared"),
    ] {
        assert!(
            yaml.contains(&format!("- time: \"{time}\"\n    event: \"{event}\"\n    evidence: \"Slack #inc-2291\"")),
            "{time} {event} missing:\n{yaml}"
        );
    }
}

/// A document started from the start screen takes its title for a file name, said in the
/// status line; Ctrl-Q goes back to the list it was opened from, and quits from there.
#[test]
fn a_new_document_is_named_after_its_title_and_ctrl_q_goes_back_to_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = Term::spawn(dir.path(), &[]);
    t.wait_for("New from a template");
    t.send("\r");
    t.wait_for("Title");
    t.send("\x01"); // Ctrl-A: the whole title, replaced by what is typed
    t.type_text("Search index stale for a day");
    t.wait_for("Search index stale for a day");
    t.send(CTRL_Q);
    t.wait_for("Unsaved changes");
    t.send("s");
    let shown = t.wait_for("Named postmortems/2026-11-24-search-index-stale-for-a-day.yaml after its title");
    assert!(shown.contains("Postmortems"), "back on the start screen:\n{shown}");
    t.wait_for("Search index stale for a day");
    t.send(CTRL_Q);
    assert!(t.wait_exit().success());
    assert!(only_yaml(dir.path()).ends_with("2026-11-24-search-index-stale-for-a-day.yaml"));
}

/// The details form as a first-time writer uses it: a choice changes with Space and ← (both
/// ways), a detected time typed as `+25m` is read after the start; in the timeline `G` goes
/// to the last row and the row is shown whole under the table.
#[test]
fn choices_cycle_both_ways_times_are_forgiving_and_the_last_row_is_shown_whole() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = on_the_details(dir.path(), "Choices");
    t.send("\t"); // Status
    t.send(" ");
    t.wait_for("Status     ‹ in-review ›");
    t.send("\x1b[D"); // ← back
    t.wait_for("Status     ‹ draft ›");
    t.send("\x1b[D"); // ← again wraps round to the last
    t.wait_for("Status     ‹ published ›");
    for _ in 0..6 {
        t.send("\t"); // to Started
    }
    t.type_text("2026-11-23 22:10");
    t.send("\t");
    t.type_text("+25m");
    t.wait_for("✓ Mon 23 Nov 2026 22:35 +01:00");
    // The timeline: three rows, G to the last, shown whole under the table.
    t.send(ALT_N);
    t.send(ALT_N);
    t.send(ALT_N);
    t.wait_for("Timeline (required)");
    for (time, event) in
        [("22:10", "Queue depth alarm fires"), ("+5m", "On-call acknowledges"), ("23:58", long_event())]
    {
        t.send("a");
        t.type_text(time);
        t.send("\t");
        t.type_text(event);
        t.send("\r");
        t.wait_for(&event[..14]);
    }
    t.send("g");
    t.wait_for("Entry 1 of 3");
    t.send("G");
    let shown = t.wait_for("Entry 3 of 3");
    let text: String = shown.lines().map(|l| l.split('│').nth(1).unwrap_or("").trim()).collect::<Vec<_>>().join(" ");
    assert!(text.contains(long_event()), "the whole event under the table:\n{shown}");
    t.send(CTRL_S);
    t.wait_for(" saved ");
    t.send(CTRL_Q);
    quit_saving(&mut t);
}

fn long_event() -> &'static str {
    "Rate limit deployed on the webhook sender; the queue starts draining within two minutes"
}

/// In a new document (no incident day yet) a bare time in the details is today's, as in the
/// timeline; it was refused as "not a time".
#[test]
fn a_bare_started_time_in_a_new_document_is_today() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = on_the_details(dir.path(), "Bare time");
    for _ in 0..7 {
        t.send("\t"); // to Started
    }
    t.type_text("09:40");
    t.send("\t");
    t.wait_for("✓ Tue 24 Nov 2026 09:40 +01:00");
    t.send(CTRL_S);
    t.wait_for(" saved ");
    t.send(CTRL_Q);
    quit_saving(&mut t);
}

/// A new document titled `title`, on its details page (Alt-p from the first section).
fn on_the_details(dir: &std::path::Path, title: &str) -> Term {
    let mut t = Term::spawn(dir, &["new", "--title", title]);
    t.wait_for("Summary (required)");
    t.send("\x1bp");
    t.wait_for("Status     ‹ draft ›");
    t
}
