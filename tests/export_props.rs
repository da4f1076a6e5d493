//! Property: whatever is typed into a section, a timeline entry, a factor or an action, the
//! exported Markdown parses (pulldown-cmark) into the expected headings, tables with one row
//! per entry and one cell per column, each cell reading back as typed, and the section's text.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use blameless::doc::{Document, Extra, Factor, FollowUp, Moment, TimelineEntry};
use blameless::export;
use blameless::import;
use blameless::markdown::cell::unescape_cell;
use blameless::store;
use blameless::template::Library;
use proptest::prelude::*;
use proptest::sample::select;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

fn base() -> Document {
    let path = format!("{}/tests/fixtures/examples/default.yaml", env!("CARGO_MANIFEST_DIR"));
    let src = std::fs::read_to_string(&path).unwrap();
    store::parse_document(Path::new(&path), &src).unwrap().doc
}

fn md_options() -> pulldown_cmark::Options {
    use pulldown_cmark::Options as O;
    O::ENABLE_TABLES | O::ENABLE_STRIKETHROUGH | O::ENABLE_TASKLISTS | O::ENABLE_FOOTNOTES
}

/// Lines of section text: prose, headings of every kind, fences, HTML, table-breaking
/// characters, emoji and right-to-left text.
fn section_text() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        "[a-z]{1,8}( [a-z]{1,8}){0,6}",
        select(vec![
            "# heading one",
            "## heading two",
            "###### heading six",
            "   # indented heading",
            "Setext\n======",
            "Another\n------",
            "```",
            "~~~~",
            "    indented code",
            "- item",
            "1. first",
            "> quote",
            "<script>",
            "</script>",
            "<!-- note",
            "-->",
            "<div onclick=\"x\">",
            "a | b | c",
            "`tick",
            "\\",
            "&amp; &lt;",
            "emoji 🔥",
            "مرحبا",
            "",
            "",
        ])
        .prop_map(str::to_string),
    ];
    prop::collection::vec(line, 0..14).prop_map(|lines| lines.join("\n"))
}

/// A cell's text: anything printable, weighted toward what breaks tables.
fn cell_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[A-Za-z0-9 ]{1,10}",
        select(vec![
            "|",
            "`",
            "``",
            "<",
            ">",
            "&",
            "\\",
            "\n",
            "\r\n",
            "*",
            "_",
            "[",
            "]",
            "(",
            ")",
            "#",
            "<br>",
            "&lt;",
            "<script>",
            "🔥",
            "עברית",
            " ",
            "-",
            "!",
        ])
        .prop_map(str::to_string),
    ];
    prop::collection::vec(piece, 1..10).prop_map(|p| p.concat()).prop_filter("not blank", |s| !s.trim().is_empty())
}

/// What a cell is expected to read back as: trimmed, line endings as `\n`.
fn normalized(text: &str) -> String {
    text.trim().replace("\r\n", "\n").replace('\r', "\n")
}

struct Parsed {
    headings: Vec<(usize, String)>,
    /// For each table: the section it is in, its column count, its rows of cell sources.
    tables: Vec<(String, usize, Vec<Vec<String>>)>,
    /// Text of each `##` section.
    texts: Vec<(String, String)>,
}

fn parse(md: &str) -> Parsed {
    let mut p = Parsed { headings: Vec::new(), tables: Vec::new(), texts: Vec::new() };
    let mut heading: Option<(usize, String)> = None;
    let mut section = String::new();
    let mut in_head = false;
    for (event, range) in Parser::new_ext(md, md_options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => heading = Some((level as usize, String::new())),
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, text)) = heading.take() {
                    if level == 2 {
                        section = text.clone();
                        p.texts.push((text.clone(), String::new()));
                    }
                    p.headings.push((level, text));
                }
            }
            Event::Start(Tag::Table(_)) => p.tables.push((section.clone(), 0, Vec::new())),
            Event::Start(Tag::TableHead) => in_head = true,
            Event::End(TagEnd::TableHead) => in_head = false,
            Event::Start(Tag::TableRow) => p.tables.last_mut().unwrap().2.push(Vec::new()),
            Event::Start(Tag::TableCell) if in_head => p.tables.last_mut().unwrap().1 += 1,
            Event::Start(Tag::TableCell) => {
                p.tables.last_mut().unwrap().2.last_mut().unwrap().push(md[range].to_string());
            }
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => match heading.as_mut() {
                Some((_, h)) => h.push_str(&t),
                None => {
                    if let Some((_, text)) = p.texts.last_mut() {
                        text.push_str(&t);
                        text.push(' ');
                    }
                }
            },
            _ => {}
        }
    }
    p
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn exported_markdown_has_the_expected_structure(
        summary in section_text(),
        lessons in section_text(),
        events in prop::collection::vec(cell_text(), 1..6),
        factors in prop::collection::vec(cell_text(), 1..4),
        actions in prop::collection::vec((cell_text(), cell_text()), 1..4),
    ) {
        let mut doc = base();
        doc.sections[0].text = summary.clone();
        let last = doc.sections.len() - 1;
        doc.sections[last].text = lessons.clone();
        doc.timeline = events.iter().map(|e| TimelineEntry {
            time: Moment::Typed("2026-10-07 10:00".into()),
            event: e.clone(),
            evidence: Some(e.clone()),
            marker: None,
            extra: Extra::new(),
        }).collect();
        doc.factors = factors.iter().map(|f| Factor { description: f.clone(), category: None, extra: Extra::new() }).collect();
        doc.actions = actions.iter().map(|(t, o)| FollowUp {
            title: t.clone(), owner: Some(o.clone()), due: None, priority: None, kind: None,
            status: Default::default(), ticket: None, extra: Extra::new(),
        }).collect();

        let md = export::to_markdown(&doc);
        prop_assert_eq!(&export::to_markdown(&doc), &md, "deterministic");
        let p = parse(&md);

        // Headings: the title, then the sections in order; nothing typed reaches level 1 or 2.
        prop_assert_eq!(&p.headings[0], &(1, doc.title.clone()));
        let h2: Vec<&str> = p.headings.iter().filter(|(l, _)| *l == 2).map(|(_, t)| t.as_str()).collect();
        let mut want = vec!["Incident numbers"];
        want.extend(doc.sections.iter().filter(|s| s.required || doc.is_written(s)).map(|s| s.title.as_str()));
        prop_assert_eq!(h2, want);
        prop_assert_eq!(p.headings.iter().filter(|(l, _)| *l == 1).count(), 1);

        // Tables: one row per entry, every row as wide as its header, every cell as typed.
        let table = |title: &str| p.tables.iter().find(|(s, _, _)| s == title).cloned();
        let (_, cols, rows) = table("Timeline").unwrap();
        prop_assert_eq!((cols, rows.len()), (4, events.len()));
        for (row, event) in rows.iter().zip(&events) {
            prop_assert_eq!(row.len(), 4);
            prop_assert_eq!(unescape_cell(&row[1]), normalized(event));
            prop_assert_eq!(unescape_cell(&row[2]), normalized(event));
        }
        let (_, cols, rows) = table("Contributing factors").unwrap();
        prop_assert_eq!((cols, rows.len()), (2, factors.len()));
        for (row, factor) in rows.iter().zip(&factors) {
            prop_assert_eq!(unescape_cell(&row[0]), normalized(factor));
        }
        let (_, cols, rows) = table("Follow-up actions").unwrap();
        prop_assert_eq!((cols, rows.len()), (7, actions.len()));
        for (row, (title, owner)) in rows.iter().zip(&actions) {
            prop_assert_eq!(row.len(), 7);
            prop_assert_eq!(unescape_cell(&row[0]), normalized(title));
            prop_assert_eq!(unescape_cell(&row[1]), normalized(owner));
        }

        // Text: every word typed in a section is in that section.
        for (title, typed) in [("Summary", &summary), ("What we learned", &lessons)] {
            let shown = p.texts.iter().find(|(t, _)| t == title).map(|(_, x)| x.clone()).unwrap_or_default();
            let headings_in: String = p.headings.iter().map(|(_, h)| format!("{h} ")).collect();
            // (Entities are words only in the source: `&amp;` reads as `&`.)
            let words = typed.replace("&amp;", " ").replace("&lt;", " ");
            for word in words.split(|c: char| !c.is_alphanumeric()).filter(|w| w.len() > 1) {
                prop_assert!(shown.contains(word) || headings_in.contains(word), "{word:?} of {title} missing from {shown:?}");
            }
        }

        // And the cells come back through import exactly.
        let template = Library::new(Vec::new(), None).find("default").unwrap();
        let back = import::from_markdown(&md, &template, &import::Options { zone: blameless::doc::Zone::utc(), zone_given: false }).doc;
        let events_back: Vec<String> = back.timeline.iter().map(|e| e.event.clone()).collect();
        prop_assert_eq!(events_back, events.iter().map(|e| normalized(e)).collect::<Vec<_>>());
        let titles_back: Vec<String> = back.actions.iter().map(|a| a.title.clone()).collect();
        prop_assert_eq!(titles_back, actions.iter().map(|(t, _)| normalized(t)).collect::<Vec<_>>());
    }
}
