//! Markdown and HTML export as readers see it: every built-in template's realistic example,
//! headings nested below their sections, front matter and the phase diagram, and hostile text
//! that must neither break the Markdown nor run in the HTML page.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::Command;

use blameless::doc::{Document, Extra, FollowUp, Moment, TimelineEntry};
use blameless::export::{self, Options};
use blameless::store;
use blameless::template::{BUILTIN, Library};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

fn example(name: &str) -> Document {
    let path = format!("{}/tests/fixtures/examples/{name}.yaml", env!("CARGO_MANIFEST_DIR"));
    let src = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    store::parse_document(Path::new(&path), &src).unwrap().doc
}

fn md_options() -> pulldown_cmark::Options {
    use pulldown_cmark::Options as O;
    O::ENABLE_TABLES | O::ENABLE_STRIKETHROUGH | O::ENABLE_TASKLISTS | O::ENABLE_FOOTNOTES
}

/// Every heading of a Markdown text: level and plain text.
fn headings(md: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for event in Parser::new_ext(md, md_options()) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => current = Some((level as usize, String::new())),
            Event::End(TagEnd::Heading(_)) => out.extend(current.take()),
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, text)) = current.as_mut() {
                    text.push_str(&t);
                }
            }
            _ => {}
        }
    }
    out
}

#[test]
fn every_builtin_template_exports_its_realistic_example() {
    let library = Library::new(Vec::new(), None);
    for (name, _) in BUILTIN {
        let doc = example(name);
        let template = library.find(name).unwrap();
        assert_eq!(doc.template.name, name, "the example of {name} is made from it");
        let ids: Vec<&str> = doc.sections.iter().map(|s| s.id.as_str()).collect();
        let expected: Vec<&str> = template.sections.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, expected, "{name}: the example has the template's sections in order");

        let md = export::to_markdown(&doc);
        insta::assert_snapshot!(format!("{name}_md"), md);
        assert_eq!(export::to_markdown(&doc), md, "{name}: the same bytes twice");

        // The section headings are the written or required sections, in template order, and
        // nothing typed in a section outranks them.
        let found = headings(&md);
        assert_eq!(found[0], (1, doc.title.clone()));
        let h2: Vec<String> = found.iter().filter(|(l, _)| *l == 2).map(|(_, t)| t.clone()).collect();
        let mut want = vec!["Incident numbers".to_string()];
        want.extend(doc.sections.iter().filter(|s| s.required || doc.is_written(s)).map(|s| s.title.clone()));
        assert_eq!(h2, want, "{name}");
        assert_eq!(found.iter().filter(|(l, _)| *l == 1).count(), 1, "{name}: one H1, the title");
    }
}

#[test]
fn the_html_page_of_an_example() {
    let html = export::to_html(&example("default"));
    insta::assert_snapshot!("default_html", html);
    for part in [
        "<!DOCTYPE html>\n<html lang=\"en\">",
        "<meta charset=\"utf-8\">",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
        "<title>Search results went stale for three hours after an index alias swap</title>",
        "@media print",
        "default-src 'none'",
        "<h4>Why waiting looked reasonable at first</h4>",
        "<a href=\"https://wiki.example.com/search/reindex\">reindex design notes</a>",
        "<td>Reindex job finishes and moves the <code>products</code> alias to the new index</td>",
    ] {
        assert!(html.contains(part), "{part} missing");
    }
    assert_eq!(export::to_html(&example("default")), html, "the same bytes twice");
    // The timeline's times are kept on one line; the other columns wrap.
    let doc = example("default");
    let times = html.matches("<td><span class=\"time\">").count();
    assert_eq!(times, doc.timeline.len(), "every timeline time, and nothing else");
    assert!(html.contains(".time { white-space: nowrap; }"));
}

#[test]
fn examples_pass_the_checker_without_findings() {
    let dir = format!("{}/tests/fixtures/examples", env!("CARGO_MANIFEST_DIR"));
    let out = Command::new(env!("CARGO_BIN_EXE_blameless"))
        .args(["lint", &dir, "--max-severity", "none"])
        .env("BLAMELESS_NOW", "2026-11-24T13:30:00Z")
        .env("BLAMELESS_CONFIG_DIR", format!("{dir}/.no-config"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains(&format!("{} files checked: no findings", BUILTIN.len())), "{stdout}");
}

#[test]
fn section_headings_nest_below_the_section_and_code_stays_code() {
    let mut doc = example("default");
    doc.sections[0].text = "\
# Top\n\nintro\n\n## Second\n\nSetext one\n==========\n\nSetext two\n----------\n\n###### Deep\n\n\
```sh\n# a comment, not a heading\n```\n\n    # indented code\n\n- # in a list\n\n> # in a quote\n"
        .to_string();
    let md = export::to_markdown(&doc);
    let summary = &md[md.find("## Summary").unwrap()..md.find("## Impact").unwrap()];
    assert_eq!(
        headings(summary),
        vec![
            (2, "Summary".to_string()),
            (3, "Top".to_string()),
            (4, "Second".to_string()),
            (3, "Setext one".to_string()),
            (4, "Setext two".to_string()),
            (6, "Deep".to_string()),
            (3, "in a list".to_string()),
            (3, "in a quote".to_string()),
        ]
    );
    assert!(summary.contains("```sh\n# a comment, not a heading\n```"), "{summary}");
    assert!(summary.contains("    # indented code"), "{summary}");
}

#[test]
fn text_left_open_cannot_swallow_the_sections_after_it() {
    for open in
        ["```rust\nfn main() {", "~~~\nunclosed", "<script>\nalert(1)", "<!-- a comment that never ends", "<pre>\nx"]
    {
        let mut doc = example("default");
        doc.sections[0].text = format!("Before.\n\n{open}\n");
        let md = export::to_markdown(&doc);
        let h2: Vec<String> = headings(&md).into_iter().filter(|(l, _)| *l == 2).map(|(_, t)| t).collect();
        assert!(
            h2.contains(&"Follow-up actions".to_string()) && h2.contains(&"What we learned".to_string()),
            "{open}: {h2:?}"
        );
        let html = export::to_html(&doc);
        assert!(html.contains("<h2>What we learned</h2>"), "{open}");
    }
}

#[test]
fn front_matter_is_valid_yaml_for_site_generators() {
    let mut doc = example("google-sre");
    doc.title = "Queue: \"backlog\" #2 --- no".to_string();
    doc.tags = vec!["yes".into(), "2026".into(), "a: b".into()];
    let md = export::to_markdown_with(&doc, &Options { front_matter: true, mermaid: false });
    let rest = md.strip_prefix("---\n").unwrap();
    let end = rest.find("\n---\n").unwrap();
    let value = store::yaml::parse_value(&rest[..end]).unwrap();
    assert_eq!(value["title"].as_str(), Some("Queue: \"backlog\" #2 --- no"));
    assert_eq!(value["date"].as_str(), Some("2026-10-21"));
    assert_eq!(value["severity"].as_str(), Some("SEV2"));
    let tags: Vec<&str> = value["tags"].as_sequence().unwrap().iter().map(|t| t.as_str().unwrap()).collect();
    assert_eq!(tags, ["yes", "2026", "a: b"], "strings stay strings");
    assert!(rest[end..].starts_with("\n---\n\n# Queue: \"backlog\" #2 --- no\n"), "{md}");
    assert_eq!(export::to_markdown_with(&doc, &Options { front_matter: true, mermaid: false }), md);
}

#[test]
fn the_phase_diagram_shows_the_known_times_only() {
    let doc = example("default");
    let md = export::to_markdown_with(&doc, &Options { front_matter: false, mermaid: true });
    let start = md.find("```mermaid\n").unwrap();
    assert!(start > md.find("## Incident numbers").unwrap() && start < md.find("## Summary").unwrap());
    let block = &md[start..md[start..].find("\n```\n").unwrap() + start + 5];
    insta::assert_snapshot!("default_mermaid", block);

    let mut partial = example("default");
    partial.times.detected = Some(Moment::Typed("some time after ten".into()));
    partial.times.mitigated = None;
    let md = export::to_markdown_with(&partial, &Options { front_matter: false, mermaid: true });
    assert!(md.contains("    started -->|\"3h 7m\"| resolved\n"), "{md}");
    assert!(!md.contains("detected[") && !md.contains("mitigated["), "{md}");

    partial.times.resolved = None;
    let md = export::to_markdown_with(&partial, &Options { front_matter: false, mermaid: true });
    assert!(!md.contains("```mermaid"), "one known time is no diagram");
    assert!(!export::to_markdown(&example("default")).contains("mermaid"), "only when asked");
}

// ---------------------------------------------------------------- hostile text

const HOSTILE: &[&str] = &[
    "pipes | in | text",
    "a `code | span` and a lone ` tick",
    "``double`` and ``` triple",
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1)) and <javascript:alert(2)>",
    "[data](data:text/html;base64,PHNjcmlwdD4=) [vb](vbscript:msgbox)",
    "# not a heading\n## nor this",
    "line one\nline two\r\nline three",
    "emoji 🔥🧯 and flags 🇩🇪",
    "مرحبا بالعالم — עברית",
    "back\\slash \\| and &amp; &lt;b&gt;",
];

fn hostile_document() -> Document {
    let mut doc = example("default");
    let long = "x".repeat(5_000);
    doc.title = "Hostile <script>alert(1)</script> | `title` # end #".into();
    doc.sections[0].text = format!(
        "{}\n\n<div onclick=\"alert(1)\">raw block</div>\n\n<script>\nalert('block')\n</script>\n\n\
         [js](javascript:alert(1)) [ok](https://example.com/ok) ![img](javascript:alert(3))\n\n{long}\n",
        HOSTILE.join("\n\n")
    );
    doc.timeline = HOSTILE
        .iter()
        .map(|t| TimelineEntry {
            time: Moment::Typed("2026-10-07 10:00".into()),
            event: t.to_string(),
            evidence: Some("javascript:alert(1)".into()),
            marker: None,
            extra: Extra::new(),
        })
        .collect();
    doc.actions = HOSTILE
        .iter()
        .map(|t| FollowUp {
            title: t.to_string(),
            owner: Some("<b>owner</b> | team".into()),
            due: Some("`2026-12-01".into()),
            priority: None,
            kind: None,
            status: Default::default(),
            ticket: Some(long.clone()),
            extra: Extra::new(),
        })
        .collect();
    doc.factors[0].description = HOSTILE.join("\n");
    doc
}

/// The rows of the table under a `## Title` heading: the text each cell stands for.
fn table_under(md: &str, title: &str) -> (usize, Vec<Vec<String>>) {
    let at = md.find(&format!("\n## {title}\n")).unwrap_or_else(|| panic!("{title} missing"));
    let section = &md[at + 1..];
    let end = section[3..].find("\n## ").map_or(section.len(), |e| e + 3);
    let section = &section[..end];
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut columns = 0;
    let mut in_head = false;
    for (event, range) in Parser::new_ext(section, md_options()).into_offset_iter() {
        match event {
            Event::Start(Tag::TableHead) => in_head = true,
            Event::End(TagEnd::TableHead) => in_head = false,
            Event::Start(Tag::TableRow) => rows.push(Vec::new()),
            Event::Start(Tag::TableCell) if in_head => columns += 1,
            Event::Start(Tag::TableCell) => {
                rows.last_mut().unwrap().push(blameless::markdown::cell::unescape_cell(&section[range]));
            }
            _ => {}
        }
    }
    (columns, rows)
}

fn one_line(text: &str) -> String {
    text.trim().replace("\r\n", "\n").replace('\r', "\n")
}

#[test]
fn hostile_text_keeps_the_markdown_whole() {
    let doc = hostile_document();
    let md = export::to_markdown(&doc);
    assert_eq!(export::to_markdown(&doc), md);
    let found = headings(&md);
    assert_eq!(found[0], (1, "Hostile <script>alert(1)</script> | `title` # end #".to_string()));
    let h2: Vec<&str> = found.iter().filter(|(l, _)| *l == 2).map(|(_, t)| t.as_str()).collect();
    assert_eq!(
        h2,
        [
            "Incident numbers",
            "Summary",
            "Impact",
            "Timeline",
            "Detection and response",
            "Contributing factors",
            "What went well",
            "Follow-up actions",
            "What we learned"
        ]
    );
    let (columns, rows) = table_under(&md, "Timeline");
    assert_eq!((columns, rows.len()), (4, HOSTILE.len()));
    for (row, text) in rows.iter().zip(HOSTILE) {
        assert_eq!(row.len(), 4);
        assert_eq!(row[1], one_line(text), "a timeline cell reads back as typed");
        assert_eq!(row[2], "javascript:alert(1)");
    }
    let (columns, rows) = table_under(&md, "Follow-up actions");
    assert_eq!((columns, rows.len()), (7, HOSTILE.len()));
    for (row, text) in rows.iter().zip(HOSTILE) {
        assert_eq!(row.len(), 7);
        assert_eq!(
            (row[0].as_str(), row[1].as_str(), row[2].as_str()),
            (one_line(text).as_str(), "<b>owner</b> | team", "`2026-12-01")
        );
        assert_eq!(row[6].len(), 5_000, "a very long cell stays whole");
    }
    let (_, rows) = table_under(&md, "Contributing factors");
    assert_eq!(rows[0][0], one_line(&HOSTILE.join("\n")));
    // Typed HTML in cells is text; in a section's Markdown it is the author's Markdown, and it
    // is closed off so it cannot run on into the next section.
    assert!(!md.contains("| <script>") && md.contains("&lt;script&gt;alert('x')&lt;/script&gt;"));
    assert!(md.contains("emoji 🔥🧯 and flags 🇩🇪") && md.contains("مرحبا بالعالم — עברית"));
}

/// Every tag in the page's body, as written.
fn tags(html: &str) -> Vec<&str> {
    let body = &html[html.find("<main>").unwrap()..html.find("</main>").unwrap() + "</main>".len()];
    body.match_indices('<').map(|(i, _)| &body[i..i + body[i..].find('>').unwrap() + 1]).collect()
}

#[test]
fn hostile_text_never_runs_in_the_html_page() {
    let html = export::to_html(&hostile_document());
    let allowed = [
        "main",
        "h1",
        "h2",
        "h3",
        "h4",
        "p",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "a",
        "code",
        "pre",
        "em",
        "strong",
        "ul",
        "ol",
        "li",
        "blockquote",
        "br",
        "img",
        "del",
        "span",
    ];
    for tag in tags(&html) {
        let name: String = tag.trim_start_matches(['<', '/']).chars().take_while(char::is_ascii_alphanumeric).collect();
        assert!(allowed.contains(&name.as_str()), "unexpected tag {tag}");
        // The only span is ours, around a timeline time.
        assert!(name != "span" || tag == "<span class=\"time\">" || tag == "</span>", "unexpected span {tag}");
        let lower = tag.to_ascii_lowercase();
        assert!(!lower.contains(" on"), "an event attribute survived: {tag}");
        for scheme in ["javascript:", "data:", "vbscript:"] {
            assert!(!lower.contains(scheme), "a {scheme} address survived: {tag}");
        }
        if name == "a" && tag.starts_with("<a") {
            let href = tag.trim_start_matches("<a ").trim_start_matches("class=\"url\" ");
            assert!(href.starts_with("href=\"https://") || href.starts_with("href=\"mailto:"), "{tag}");
        }
    }
    let lower = html.to_ascii_lowercase();
    assert!(!lower.contains("<script"), "no script element");
    assert!(html.contains("<title>Hostile &lt;script&gt;alert(1)&lt;/script&gt; | `title` # end #</title>"));
    assert!(html.contains("&lt;script&gt;alert('x')&lt;/script&gt;"), "typed HTML shows as text");
    assert!(
        html.contains("<pre><code class=\"language-html\">&lt;div onclick=\"alert(1)\"&gt;raw block&lt;/div&gt;"),
        "a raw block is shown as code"
    );
    assert!(html.contains(">js</") || html.contains("js "), "a dropped link keeps its text");
    assert!(html.contains("<a href=\"https://example.com/ok\">ok</a>"));
    assert!(html.contains("emoji 🔥🧯 and flags 🇩🇪") && html.contains("مرحبا بالعالم — עברית"));
    assert!(html.contains("unicode-bidi: plaintext"), "right-to-left paragraphs read in their direction");
    assert!(html.contains(&"x".repeat(5_000)) && html.contains("overflow-wrap: anywhere"), "long lines wrap");
    assert!(html.contains("line one<br />\nline two<br />\nline three"), "line breaks in cells");
    assert_eq!(export::to_html(&hostile_document()), html);
}
