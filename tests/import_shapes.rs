//! Importing the timeline shapes, zones and metadata real postmortems use, from fixtures written
//! in the same shapes (our own words, invented incidents): every entry at the right instant,
//! and nothing in any fixture lost.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/import_rows.rs"]
mod import_rows;
use import_rows::*;

use std::fs;
use std::path::Path;

use blameless::doc::{Document, Marker, Moment};
use blameless::import::{self, Imported};
use blameless::store;

mod common;
use common::run;

fn import(name: &str) -> Imported {
    let options = import::Options { zone: "Europe/Berlin".parse().unwrap(), zone_given: false };
    import::from_markdown(&fixture(name), &template("default"), &options)
}

fn section<'a>(doc: &'a Document, id: &str) -> &'a str {
    &doc.section(id).unwrap_or_else(|| panic!("no section {id}")).text
}

#[test]
fn one_heading_per_entry_in_pacific_time() {
    let imported = import("heading-entries.md");
    let doc = &imported.doc;
    assert_eq!(doc.timezone, "America/Los_Angeles", "PST names the region; October is daylight time");
    assert_eq!(
        rows(doc),
        pairs(&[
            ("2024-10-15T15:47:00Z", "A reader reports grey boxes "),
            ("2024-10-15T16:05:00Z", "The on-call engineer confirm"),
            ("2024-10-15T17:20:00Z", "Traffic is moved to the seco"),
            ("2024-10-16T06:50:00Z", "The warm-up job finishes; hi"),
            ("2024-10-16T07:15:00Z", "Mitigated: the old node is r"),
        ])
    );
    assert!(doc.timeline[1].event.contains("```\n2024-10-15T16:04:59Z resize failed"), "the log stays with its entry");
    assert_eq!(doc.timeline[2].extra.get("imported-until").and_then(|v| v.as_str()), Some("10:40"), "a range");
    assert_eq!(doc.timeline[4].marker, Some(Marker::Mitigated));
    assert_eq!(doc.times.mitigated.as_ref().map(Moment::as_text).as_deref(), Some("2024-10-16T00:15:00-07:00"));
    let a = &doc.actions[0];
    assert_eq!(
        a.title, "Warm the cache before a node joins the pool (see [the runbook](https://wiki.example.org/cache))",
        "not cut at \"(see\""
    );
    assert_eq!(a.ticket.as_deref(), Some("https://tracker.example.org/IMG-41"));
    let report = imported.report.to_string();
    assert!(report.contains("time zone: America/Los_Angeles, because line 3 says \"All times in PST\""), "{report}");
    assert!(imported.report.warnings.is_empty(), "{report}");
}

#[test]
fn list_entries_day_first_dates_and_toml_front_matter() {
    let imported = import("list-shapes.md");
    let doc = &imported.doc;
    assert_eq!(doc.title, "Nightly export wrote empty files");
    assert_eq!(doc.authors, ["Noor Haddad", "Tomas Berg"], "TOML `authors` under a table");
    assert_eq!(doc.timezone, "Europe/Berlin", "Date and Time in CET");
    assert_eq!(
        rows(doc),
        pairs(&[
            ("2024-10-24T00:00:00Z", "The nightly export starts on"),
            ("2024-10-24T00:00:00Z", "Export window; every file it"),
            ("2024-10-25T07:15:00Z", "An analyst finds the empty f"),
            ("2024-10-25T11:26:00Z", "The storage class is rolled "),
            ("2024-10-25T12:10:00Z", "Exports re-run and checked b"),
        ])
    );
    assert!(
        doc.timeline[2].event.ends_with("opens [a ticket](https://tracker.example.org/EXP-7)"),
        "a reference link in a row links directly: {}",
        doc.timeline[2].event
    );
    assert!(section(doc, "imported-links").contains("[exp-7]: https://tracker.example.org/EXP-7"), "kept");
    assert!(doc.factors.is_empty(), "the root cause is prose");
    let cause = section(doc, "imported-root-cause-s-of-the-outage");
    assert!(
        cause.contains("flushed.\n\n> write ok (0 bytes)\n\nThe export trusted"),
        "the quote stays in place: {cause}"
    );
    assert_eq!(doc.actions.len(), 2, "Corrective and Preventative Measures");
    let titles: Vec<&str> = doc.sections.iter().map(|s| s.title.as_str()).collect();
    let mut unique = titles.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), titles.len(), "no heading twice: {titles:?}");
}

#[test]
fn paragraphs_date_lines_bold_times_and_a_nested_timeline() {
    let imported = import("prose-times.md");
    let doc = &imported.doc;
    assert_eq!(doc.title, "Login page slow for a morning");
    assert_eq!(doc.authors, ["Ines Duarte"]);
    assert_eq!(doc.severity.as_deref(), Some("SEV2"));
    assert_eq!(doc.timezone, "UTC", "### Timeline (UTC), nested under Recovery");
    assert_eq!(
        rows(doc),
        pairs(&[
            ("2018-08-21", "The session store is moved t"),
            ("2018-08-22T09:10:00Z", "Login latency alert fires; t"),
            ("2018-08-22T15:26:00Z", "Resolved: latency back under"),
            ("2018-08-22T10:30:00Z", "The first resize is applied"),
            ("2018-08-22T23:50:00Z", "The second resize starts"),
            ("2018-08-23T00:10:00Z", "The second resize completes"),
        ])
    );
    assert!(section(doc, "summary").starts_with("Logins took up to forty seconds"), "Issue Summary");
    assert!(
        section(doc, "imported-recovery").contains("# Summary\n\nA resize of the session store"),
        "a #### Summary inside Recovery stays there"
    );
    let impact = doc.section("impact").unwrap();
    assert!(impact.fields.iter().all(|f| !f.label.contains("12")), "not split at the colon of 12:17: {impact:?}");
    assert_eq!(doc.times.detected.as_ref().map(Moment::as_text).as_deref(), Some("2018-08-22T09:10:00Z"));
    assert_eq!(doc.times.resolved.as_ref().map(Moment::as_text).as_deref(), Some("2018-08-22T15:26:00Z"));
    let export = blameless::export::to_markdown(doc);
    let h2: Vec<&str> = export.lines().filter(|l| l.starts_with("## ")).collect();
    let mut unique = h2.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), h2.len(), "{h2:?}");
    assert!(!export.contains("** |"), "no stray ** at the end of an event");
}

#[test]
fn an_ambiguous_zone_is_reported_and_never_guessed() {
    let imported = import("ambiguous-zone.md");
    let doc = &imported.doc;
    assert_eq!(doc.timezone, "Europe/Berlin", "the assumed zone");
    assert_eq!(doc.timeline[0].time, Moment::Typed("2020-03-02 20:52".into()), "kept as written, read in that zone");
    let report = imported.report.to_string();
    assert!(report.contains("warning: line 3: `IST` is the name of more than one time zone"), "{report}");
    assert!(report.contains("time zone: Europe/Berlin, assumed: line 3 names `IST`"), "{report}");
    assert!(doc.extra.get("imported_timezone").is_some(), "the assumption is recorded in the document");
}

#[test]
fn the_command_warns_and_strict_fails_on_what_it_did_not_understand() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.md"), fixture("ambiguous-zone.md")).unwrap();
    let r = run(dir.path(), &["import", "a.md", "-o", "a.yaml"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("warning: in a.md, 1 thing was not understood"), "{}", r.stderr);
    let strict = run(dir.path(), &["import", "a.md", "-o", "b.yaml", "--strict"]);
    assert_eq!(strict.code, 1, "{}", strict.stderr);
    assert!(dir.path().join("b.yaml").exists(), "the document is written all the same");
    let given = run(dir.path(), &["import", "a.md", "-o", "c.yaml", "--timezone", "Asia/Kolkata", "--strict"]);
    assert_eq!(given.code, 0, "--timezone settles it: {}", given.stderr);
    let text = fs::read_to_string(dir.path().join("c.yaml")).unwrap();
    assert!(text.contains("timezone: Asia/Kolkata") && text.contains("2020-03-02T20:52:00+05:30"), "{text}");
    fs::write(dir.path().join("p.md"), fixture("heading-entries.md")).unwrap();
    let utc = run(dir.path(), &["import", "p.md", "-o", "p.yaml", "--timezone", "UTC"]);
    assert_eq!(utc.code, 0);
    let text = fs::read_to_string(dir.path().join("p.yaml")).unwrap();
    assert!(text.contains("2024-10-15T08:47:00Z"), "--timezone holds over the stated zone: {text}");
}

/// Every word of every non-blank line of every fixture is in the imported document, or in the
/// report (a heading that named a section, metadata it read); a stamp's words are in the time
/// it became.
#[test]
fn nothing_in_any_fixture_is_lost() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
    let mut names: Vec<String> =
        fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    assert!(names.len() >= 8);
    // Words a stamp or a zone statement is made of: they become the time and the zone.
    const TIME_WORDS: &[&str] = &[
        "all",
        "times",
        "time",
        "and",
        "date",
        "pst",
        "cet",
        "utc",
        "ist",
        "in",
        "am",
        "pm",
        "the",
        "are",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        // A French day line read as the day of the times below it (`Jeudi 4 juin.`).
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche",
        "juin",
        "juillet",
    ];
    let html_tag = regex::Regex::new(
        r#"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*?\bhref\s*=\s*["'](?P<href>[^"']+)["'])?(?:\s[^<>]*)?/?>"#,
    )
    .unwrap();
    for name in names {
        let imported = import(&name);
        let src = fixture(&name);
        let kept = format!("{}\n{}", store::document_text(&imported.doc).unwrap(), imported.report).to_lowercase();
        let kept_digits: String = kept.chars().filter(char::is_ascii_digit).collect();
        let lines: Vec<&str> = src.lines().collect();
        // A table's header names its columns: they become the rows' fields.
        let header = |n: usize| {
            lines.get(n + 1).is_some_and(|next| {
                next.trim_start().starts_with("|--")
                    || next.trim_start().starts_with("| --")
                    || next.trim_start().starts_with("|:-")
                    // A header underlined by dashes alone, as pages are copied.
                    || (lines[n].contains('|') && next.trim().len() >= 3 && next.trim().chars().all(|c| c == '-'))
            })
        };
        for (n, line) in lines.iter().enumerate().filter(|(n, l)| !l.trim().is_empty() && !header(*n)) {
            // HTML's tags are markup (`<div style="...">`, given as Markdown's breaks), but a
            // link's address is kept.
            let line = &*html_tag.replace_all(line, " $href ");
            for word in line.split(|c: char| !c.is_alphanumeric()).filter(|w| w.len() > 2) {
                let w = word.to_lowercase();
                // `10:12a`: am and pm by their first letter.
                let clock = w.trim_end_matches("am").trim_end_matches("pm").trim_end_matches(['a', 'p']);
                // `6th` of `11:10 6th Nov 2023`: a stamp's day.
                let clock = ["st", "nd", "rd", "th"].iter().fold(clock, |c, s| c.strip_suffix(s).unwrap_or(c));
                let months = "jan feb mar apr may jun jul aug sep oct nov dec";
                let month = months.split(' ').any(|m| m == w);
                // `14Mar21`, `03Feb2021`: a day, month and year run together, the row's day.
                let glued = w.len() >= 7
                    && months.split(' ').any(|m| w.trim_matches(|c: char| c.is_ascii_digit()) == m)
                    && w.starts_with(|c: char| c.is_ascii_digit())
                    && w.ends_with(|c: char| c.is_ascii_digit());
                let month = month || glued;
                // `21h40`, `21h`: a clock written the French way.
                let french = clock.replacen('h', "", 1);
                let clock = if french.chars().all(|c| c.is_ascii_digit()) { french.as_str() } else { clock };
                // `<strong>`, `&nbsp;`: HTML's markup, given as Markdown's (`**`, a space); a
                // Hugo shortcode's name (`{{< track "..." >}}`), whose stamp becomes the row's;
                // so does the stamp of a status page's `Posted Apr 09, 2025 - 15:20 MDT` line;
                // a copied wiki's edit links after a heading (`개요[편집 | 원본 편집]`).
                let edit_links =
                    ["edit", "source", "편집", "원본"].contains(&w.as_str()) && line.trim_end().ends_with(']');
                let markup = edit_links
                    || ["strong", "nbsp"].contains(&w.as_str())
                    || (w == "track" && line.contains("{{<"))
                    || (w == "posted" && line.trim().to_lowercase().starts_with("posted "));
                if TIME_WORDS.contains(&w.as_str()) || month || markup || clock.chars().all(|c| c.is_ascii_digit()) {
                    continue;
                }
                assert!(kept.contains(&w), "{name} line {}: `{word}` is lost\n{line}", n + 1);
            }
            // Digits (times, dates, numbers) are somewhere too, if not where they were.
            let digits: String = line.chars().filter(char::is_ascii_digit).collect();
            assert!(digits.is_empty() || kept_digits.len() >= digits.len(), "{name} line {}", n + 1);
        }
    }
}

#[test]
fn a_run_of_timed_lines_is_the_timeline_when_no_heading_names_one() {
    let imported = import("run-of-times.md");
    let doc = &imported.doc;
    assert_eq!(
        rows(doc),
        pairs(&[
            ("2023-05-04T09:12:00Z", "disk usage alert fires"),
            ("2023-05-04T09:20:00Z", "the on-call engineer starts "),
            ("2023-05-04T09:41:00Z", "builds resume"),
        ])
    );
    assert_eq!(
        section(doc, "summary"),
        "The build farm stopped accepting jobs.\n\n- a note without a time\n\nIt was a busy morning.\n"
    );
}

#[test]
fn a_table_with_a_date_and_a_time_column() {
    let doc = import("table-columns.md").doc;
    assert_eq!(doc.timezone, "America/Los_Angeles", "Time (PDT)");
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2024-07-05T21:05:00Z", "A configuration push doubles"),
            ("2024-07-05T21:30:00Z", "Support reports duplicate ch"),
            ("2024-07-05", "Refunds go out over the afte"),
        ])
    );
}

#[test]
fn a_zone_written_on_the_times_and_a_stated_window() {
    let imported = import("window-and-zone-on-times.md");
    let doc = &imported.doc;
    assert_eq!(doc.timezone, "Africa/Nairobi", "EAT, written after the times");
    assert_eq!(
        rows(doc),
        pairs(&[
            ("2024-03-03T07:45:00Z", "Issue detected by a monitori"),
            ("2024-03-03T07:50:00Z", "Engineers start investigatin"),
            ("2024-03-03T08:05:00Z", "The database was suspected; "),
            ("2024-03-03T08:30:00Z", "The actual cause was found i"),
            ("2024-03-03T09:15:00Z", "Fix deployed and service res"),
        ])
    );
    let t = &doc.times;
    let text = |m: &Option<Moment>| m.as_ref().map(Moment::as_text);
    assert_eq!(text(&t.started).as_deref(), Some("2024-03-03T10:45:00+03:00"), "from the Duration statement");
    assert_eq!(text(&t.resolved).as_deref(), Some("2024-03-03T12:15:00+03:00"));
    assert_eq!(text(&t.detected).as_deref(), Some("2024-03-03T10:45:00+03:00"), "the entry that says detected");
    assert!(section(doc, "summary").contains("**Duration:** The outage lasted"), "the statement stays in the text");
    assert_eq!(doc.actions.len(), 2, "Corrective and preventative measures");
}

#[test]
fn a_timeline_pasted_as_a_log_in_a_code_fence() {
    let doc = import("fenced-log.md").doc;
    assert_eq!(doc.timezone, "Europe/Berlin", "Timeline — CET");
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2024-02-12T08:14:00Z", "first bounce reports arrive"),
            ("2024-02-12T08:20:00Z", "queue size alert fires"),
            ("2024-02-12T08:41:00Z", "relay restarted"),
        ])
    );
}

#[test]
fn a_narrative_with_no_timeline_gives_its_times_as_entries_and_keeps_its_text() {
    let imported = import("narrative.md");
    let doc = &imported.doc;
    assert_eq!(doc.title, "Post-mortem: wiki read-only on March 9, 2022");
    assert_eq!(
        doc.timeline.iter().map(|e| (e.time.as_text(), e.event.clone())).collect::<Vec<_>>(),
        [
            ("2022-03-09 09:02".to_string(), "we switched the wiki database to a new disk.".to_string()),
            ("2022-03-09 09:47".to_string(), "editing".to_string() + "\n" + "worked again."),
        ]
        .map(|(a, b)| (a, b.replace('\n', " ")))
    );
    assert!(section(doc, "imported-introduction").contains("At **09:02** we switched"), "the text keeps them");
    assert!(imported.report.to_string().contains("2 entries from times in the text, which keeps them"));
}

#[test]
fn authors_as_static_sites_and_bylines_write_them() {
    let src = "---\ntitle: T\nauthors:\n  - name: Ada Lovelace\n    url: https://example.org/ada\n  - name: Bo Chen\n---\n\n## Summary\n\nText.\n";
    let doc = import_utc(src);
    assert_eq!(doc.authors, ["Ada Lovelace", "Bo Chen"]);
    assert!(store::document_text(&doc).unwrap().contains("https://example.org/ada"), "the rest is kept");
    let src = "# Queue stalled\n\n*By Ada Lovelace and Bo Chen*\n\n## Summary\n\nText.\n";
    let doc = import_utc(src);
    assert_eq!(doc.authors, ["Ada Lovelace", "Bo Chen"]);
}

#[test]
fn a_zone_named_in_the_timeline_heading_follows_daylight_saving() {
    let src = "# Builds slow\n\n## Summary\n\nSlow.\n\n## Timeline (times in BST)\n\nAll times in BST.\n\n### 2024-03-30\n\n\
               - 23:30 queue grows\n- 00:20 first timeout\n\n### 2 April 2024\n\n- 09:00 fix deployed\n";
    let doc = import_utc(src);
    assert_eq!(doc.timezone, "Europe/London");
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2024-03-30T23:30:00Z", "queue grows"),
            ("2024-03-31T00:20:00Z", "first timeout"),
            ("2024-04-02T08:00:00Z", "fix deployed"),
        ]),
        "GMT until the clocks change on 31 March, BST after"
    );
    assert!(
        doc.section("imported-timeline").is_none(),
        "a line that only states the zone is in the report, not kept as a section"
    );
}

#[test]
fn actions_grouped_under_headings_keep_their_group() {
    let src = "# T\n\n## Action items\n\n### Deployment\n\n- Deploy smaller changes\n\n### Local development\n\n- A dev setup closer to production\n";
    let doc = import_utc(src);
    let groups: Vec<_> = doc
        .actions
        .iter()
        .map(|a| a.extra.get("imported-group").and_then(|v| v.as_str()).unwrap_or_default())
        .collect();
    assert_eq!(groups, ["Deployment", "Local development"]);
    assert!(doc.sections.iter().all(|s| !s.id.starts_with("imported-action")), "no empty headings kept apart");
}

#[test]
fn month_day_stamps_take_their_year_from_the_report_and_run_forward() {
    let imported = import("month-day-stamps.md");
    let doc = &imported.doc;
    assert_eq!(doc.timezone, "America/Los_Angeles");
    assert_eq!(
        rows(doc),
        pairs(&[
            ("2024-11-28T18:05:00Z", "A change to the cache's star"),
            ("2025-04-02T16:12:00Z", "The cache's deployment is up"),
            ("2025-04-10T05:40:00Z", "A node restart moves the cac"),
            ("2025-04-10T06:55:00Z", "The first failed build is re"),
            ("2025-04-10T14:00:00Z", "The on-call engineer reads t"),
            ("2025-04-10T15:15:00Z", "A fixed cache is deployed (*"),
        ]),
        "November long before an April report is the year before (and PST, not PDT); a morning time \
         after 23:55 is the next morning"
    );
    assert!(imported.report.warnings.is_empty(), "{}", imported.report);
}

#[test]
fn a_time_before_its_date_a_date_dash_time_and_labels_as_top_headings() {
    let imported = import("dated-after-the-time.md");
    let doc = &imported.doc;
    assert_eq!(doc.title, "Search index rebuilt from scratch", "`# Date` is a label, not the title");
    assert_eq!(doc.authors, ["Mara Quinn"]);
    assert_eq!(
        rows(doc),
        pairs(&[
            ("2023-11-06T10:10:00Z", "A schema change for the sear"),
            ("2023-11-06T15:40:00Z", "The nightly rebuild starts w"),
            ("2023-11-07T08:30:00Z", "Support notices that searche"),
            ("2023-11-08T03:10:00Z", "The team starts a full rebui"),
            ("2023-11-08T17:30:00Z", "The rebuild is half done; th"),
            ("2023-11-09T07:30:00Z", "The rebuild resumes"),
            ("2023-11-13T09:05:00Z", "Searches are served from the"),
        ]),
        "\"picks it up the next day\" at the end of an entry does not move it to the next day"
    );
}

#[test]
fn a_letter_gives_its_times_in_sentences_and_its_authors_in_the_sign_off() {
    let imported = import("letter.md");
    let doc = &imported.doc;
    assert_eq!(doc.timezone, "UTC", "the times are written with UTC");
    assert_eq!(
        rows(doc),
        pairs(&[
            ("2024-03-14T19:15:00Z", "the queue grew from its usua"),
            ("2024-03-14T20:40:00Z", "the batch builder caught up "),
        ])
    );
    assert_eq!(doc.authors, ["The Payments Team"]);
    let report = imported.report.to_string();
    assert!(report.contains("The Payments Team") && report.contains("from the sign-off"), "{report}");
    assert!(
        doc.sections.iter().any(|s| s.text.contains("Thank you for your patience,\nThe Payments Team")),
        "the text keeps the sign-off"
    );
}

#[test]
fn a_date_heading_over_start_and_end_lines_gives_the_incident_times() {
    let src = "# Expired certificate\n\n## Date\nStart: Wednesday, 2018-08-22\nEnd: Thursday, 2018-08-23\n\n## Summary\n\nText.\n";
    let doc = import_utc(src);
    let t = &doc.times;
    assert_eq!(t.started.as_ref().map(Moment::as_text).as_deref(), Some("2018-08-22"));
    assert_eq!(t.resolved.as_ref().map(Moment::as_text).as_deref(), Some("2018-08-23"));
    let src = "# Slow pages\n\nCreated by: Ada Lovelace\nLast Modified: 2019-01-23\n\n## Summary\n\nText.\n";
    let doc = import_utc(src);
    assert_eq!(doc.authors, ["Ada Lovelace"], "a label nobody knows is not part of the one above");
    assert!(store::document_text(&doc).unwrap().contains("Last Modified: 2019-01-23"));
}

#[test]
fn paragraphs_that_each_start_with_a_time_before_any_heading() {
    let imported = import("status-updates.md");
    let doc = &imported.doc;
    assert_eq!(doc.timezone, "America/New_York", "\"Eastern Time\" after a time in the text");
    assert_eq!(
        rows(doc),
        pairs(&[
            ("2024-09-14T12:02:00Z", "The storage node in the east"),
            ("2024-09-14T12:20:00Z", "The node's power supply has "),
            ("2024-09-14T13:45:00Z", "The spare power supply is fi"),
            ("2024-09-14T14:05:00Z", "The node is back in service."),
        ])
    );
    assert!(doc.timeline[2].event.ends_with("Replication will catch up over the next hour."), "its second line");
    assert!(doc.times.resolved.is_none(), "`resolved: true` says no time");
    assert!(store::document_text(doc).unwrap().contains("resolved: true"), "kept with the front matter");
}

#[test]
fn entries_indented_under_a_date_line_in_a_timeline_heading_with_a_remark() {
    let doc = import("indented-entries.md").doc;
    assert_eq!(doc.timezone, "America/Los_Angeles");
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2024-03-15T01:10:00Z", "Block production pauses at h"),
            ("2024-03-15T01:14:00Z", "The monitor notices the paus"),
            ("2024-03-20", "Version 4.1.2 is released wi"),
        ]),
        "PST on a March 14 after the clocks changed is UTC-7"
    );
}

#[test]
fn headings_that_are_times_are_the_timeline_when_no_heading_names_one() {
    let imported = import("times-as-headings.md");
    let doc = &imported.doc;
    assert_eq!(
        rows(doc),
        pairs(&[
            ("2025-02-03T09:12:00Z", "The provider confirms the pr"),
            ("2025-02-03T09:40:00Z", "Notifications queue up; noth"),
            ("2025-02-03T10:05:00Z", "After 10:05 UTC\n\nThe relay a"),
        ])
    );
    assert_eq!(doc.authors, ["the Notifications Team"], "\"Prepared by\" on the last line");
}

#[test]
fn a_paragraph_that_opens_with_its_time_next_to_a_timeline_is_an_entry_in_order() {
    let doc = import("at-sentences.md").doc;
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2022-06-09T14:20:00Z", "a reviewer notices that with"),
            ("2022-06-09T14:25:00Z", "The vault is paused."),
            ("2022-06-09T14:41:00Z", "the fee calculation was conf"),
            ("2022-06-09T14:50:00Z", "The cause is found in the `V"),
            ("2022-06-10", "Disclosure."),
        ])
    );
}

#[test]
fn a_day_column_a_date_slash_time_and_a_two_digit_year_in_the_title() {
    let src = "# Chain halt\n\n## Timeline\n\n| Day | Time (UTC) | Event |\n|---|---|---|\n\
               | 2025-03-12 | 15:57 | Blocks stop |\n| 2025-03-13 | 11:25 | The fix is released |\n\n\
               *2025-03-13/13:58*: Blocks resume.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2025-03-12T15:57:00Z", "Blocks stop"),
            ("2025-03-13T11:25:00Z", "The fix is released"),
            ("2025-03-13T13:58:00Z", "Blocks resume."),
        ])
    );
    let src = "# Docs site down 5-26-21\n\n## Timeline\n\n- 04:49 PM UTC The docs branch is renamed\n- 06:00 PM UTC The site is back\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[("2021-05-26T16:49:00Z", "The docs branch is renamed"), ("2021-05-26T18:00:00Z", "The site is back")])
    );
}

#[test]
fn a_time_inside_a_sentence_keeps_the_whole_sentence_as_its_event() {
    let src = "# Queue backlog on 2024-05-02\n\nThe queue grew overnight. I woke up around 06:10 and checked the dashboard.\n";
    let doc = import_utc(src);
    assert_eq!(rows(&doc), pairs(&[("2024-05-02T06:10:00Z", "I woke up around 06:10 and c")]));
    assert_eq!(doc.timeline[0].event, "I woke up around 06:10 and checked the dashboard.");
}

/// Military times after a month and day ("Feb 7 1506 UTC") are times, not years; the year
/// comes from the document's title.
#[test]
fn military_times_after_a_month_and_day_are_times_not_years() {
    let src = "# 2025-02-07 patch release\n\n## Timeline\n\
               - Feb 7 1506 UTC: the teams agree to release a patch.\n\
               - 1936 UTC: the patch is released.\n\
               - Feb 8 0117 UTC: a validator reports a mismatch.\n\
               - 0133 UTC: validators are asked to revert.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2025-02-07T15:06:00Z", "the teams agree to release a"),
            ("2025-02-07T19:36:00Z", "the patch is released."),
            ("2025-02-08T01:17:00Z", "a validator reports a mismat"),
            ("2025-02-08T01:33:00Z", "validators are asked to reve"),
        ])
    );
}

/// "GST" names two zones (the Gulf's, South Georgia's): it is reported, never guessed.
#[test]
fn gst_is_reported_as_ambiguous_not_taken_for_utc() {
    let src = "# Chain halt\n\n## Timeline\n\n16:42 GST: validators report a mismatch  \n16:48 GST: the team looks into it  \n";
    let options = import::Options { zone: "UTC".parse().unwrap(), zone_given: false };
    let imported = import::from_markdown(src, &template("default"), &options);
    assert!(imported.report.to_string().contains("GST"), "{}", imported.report);
    assert!(
        imported.doc.timeline.iter().all(|e| e.time.resolve(&imported.doc.zone()).is_none()),
        "no instant is guessed: {:?}",
        rows(&imported.doc)
    );
}

/// With no year anywhere, "Feb 7 1506 UTC" is still not the year 1506: the entry keeps its
/// text rather than a made-up instant.
#[test]
fn a_military_time_is_never_taken_for_the_year() {
    let doc = import_utc("# Patch\n\n## Timeline\n- Feb 7 1506 UTC: the teams agree.\n- 1936 UTC: released.\n");
    for e in &doc.timeline {
        assert!(!e.time.as_text().starts_with("1506"), "{:?}", e.time);
    }
}
