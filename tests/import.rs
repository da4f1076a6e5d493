//! Importing Markdown postmortems: hand-written samples in the shape of each public template,
//! our own export read back to the same document, and nothing in a file ever dropped.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use blameless::doc::{
    ActionKind, ActionStatus, Document, Extra, FollowUp, Moment, Priority, Status, TimelineEntry, Zone,
};
use blameless::export::{self, Options};
use blameless::import::{self, Imported, Outcome};
use blameless::store;
use blameless::template::{BUILTIN, Library, Template};

fn library() -> Library {
    Library::new(Vec::new(), None)
}

fn template(name: &str) -> Template {
    library().find(name).unwrap()
}

fn builtins() -> Vec<Template> {
    BUILTIN.iter().map(|(name, _)| template(name)).collect()
}

fn example(name: &str) -> Document {
    let path = format!("{}/tests/fixtures/examples/{name}.yaml", env!("CARGO_MANIFEST_DIR"));
    let src = std::fs::read_to_string(&path).unwrap();
    store::parse_document(Path::new(&path), &src).unwrap().doc
}

fn sample(name: &str) -> String {
    let path = format!("{}/tests/fixtures/import/{name}.md", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).unwrap()
}

fn options() -> import::Options {
    import::Options { zone: "Europe/Berlin".parse().unwrap(), zone_given: false }
}

/// Imports a sample with the template the file's headings match best.
fn import_sample(name: &str) -> Imported {
    let src = sample(name);
    let candidates = builtins();
    let chosen = import::choose_template(&src, &candidates).unwrap();
    assert_eq!(chosen.name, name, "the headings of the {name} sample match the {name} template best");
    import::from_markdown(&src, chosen, &options())
}

/// Our export, imported back with the template it names.
fn round_trip(doc: &Document, export_options: &Options) -> Imported {
    let md = export::to_markdown_with(doc, export_options);
    let named = import::template_named(&md).expect("our export names its template");
    import::from_markdown(&md, &template(&named), &options())
}

fn section<'a>(doc: &'a Document, id: &str) -> &'a str {
    &doc.section(id).unwrap_or_else(|| panic!("no section {id}: {:?}", ids(doc))).text
}

fn ids(doc: &Document) -> Vec<&str> {
    doc.sections.iter().map(|s| s.id.as_str()).collect()
}

fn snapshot(name: &str, imported: &Imported) {
    insta::assert_snapshot!(format!("{name}_report"), imported.report.to_string());
    insta::assert_snapshot!(format!("{name}_yaml"), store::document_text(&imported.doc).unwrap());
}

// ---------------------------------------------------------------- round trip

#[test]
fn every_example_comes_back_from_its_export_unchanged() {
    for (name, _) in BUILTIN {
        let doc = example(name);
        for options in [Options::default(), Options { front_matter: true, mermaid: true }] {
            let back = round_trip(&doc, &options);
            assert_eq!(back.doc, doc, "{name} with {options:?}");
            assert_eq!(back.report.new_sections().count(), 0, "{name}: {}", back.report);
            // And the document's file, byte for byte.
            assert_eq!(store::document_text(&back.doc).unwrap(), store::document_text(&doc).unwrap());
        }
    }
}

#[test]
fn hostile_cells_nested_headings_and_new_sections_come_back_too() {
    let mut doc = example("default");
    doc.sections[0].text =
        "# Heading one\n\nText with `code | pipe`, <b>html</b> and a [link](https://example.com).\n\n\
                            ## Heading two\n\n```sh\n# not a heading\necho '|'\n```\n\n#### Four\n\n- a\n- b\n"
            .to_string();
    doc.timeline.push(TimelineEntry {
        time: "2026-10-07T12:30:00+02:00".parse().unwrap(),
        event: "pipes | and `ticks | inside` and a lone ` and <script>x</script>\nsecond line & \\ 🔥 مرحبا".into(),
        evidence: Some("https://example.com/a?b=1&c=2|3".into()),
        marker: None,
        extra: Extra::new(),
    });
    doc.timeline.push(TimelineEntry {
        time: Moment::Typed("shortly after lunch".into()),
        event: "a time that is only text".into(),
        evidence: None,
        marker: None,
        extra: Extra::new(),
    });
    doc.actions.push(FollowUp {
        title: "Unowned and undated, won't do".into(),
        owner: None,
        due: Some("next sprint".into()),
        priority: Some(Priority::Low),
        kind: Some(ActionKind::Mitigate),
        status: ActionStatus::WontDo,
        ticket: None,
        extra: Extra::new(),
    });
    doc.sections[2].fields.clear();
    let mut imported_section = doc.sections[1].clone();
    imported_section.id = "imported-notes-from-the-wiki".into();
    imported_section.title = "Notes from the wiki".into();
    imported_section.kind = blameless::doc::SectionKind::Text;
    imported_section.fields.clear();
    imported_section.text = "Kept as written.\n".into();
    doc.sections.insert(1, imported_section);
    doc.status = Status::Draft;
    doc.severity = None;
    doc.tags.clear();
    let back = round_trip(&doc, &Options::default());
    assert_eq!(back.doc, doc);
}

#[test]
fn what_a_round_trip_does_not_keep() {
    let mut doc = example("lightweight");
    doc.extra.insert("review_meeting".into(), "2026-11-26".into());
    doc.dismissed.push(blameless::doc::Dismissal {
        rule: "root-cause".into(),
        text: "the root cause".into(),
        by: None,
        reason: None,
        extra: Extra::new(),
    });
    doc.times.detected = Some(Moment::Typed("2026-11-02 07:48".into()));
    doc.sections[0].text = "Intro.\n\n###### Six\n\nSetext\n======\n".into();
    let back = round_trip(&doc, &Options::default()).doc;
    assert!(back.extra.is_empty(), "unknown keys are not in the export");
    assert!(back.dismissed.is_empty(), "dismissed findings are not in the export");
    assert_eq!(
        back.times.detected.as_ref().map(Moment::as_text).as_deref(),
        Some("2026-11-02T07:48:00Z"),
        "a time typed without an offset comes back with the offset it was read with"
    );
    assert_eq!(back.sections[0].text, "Intro.\n\n#### Six\n\n# Setext\n", "deep and setext headings");
    let mut same = back.clone();
    same.extra = doc.extra.clone();
    same.dismissed = doc.dismissed.clone();
    same.times.detected = doc.times.detected.clone();
    same.sections[0].text = doc.sections[0].text.clone();
    assert_eq!(same, doc, "and nothing else changes");
}

// ---------------------------------------------------------------- the public shapes

#[test]
fn a_google_sre_style_postmortem() {
    let imported = import_sample("google-sre");
    snapshot("google_sre", &imported);
    let doc = &imported.doc;
    assert_eq!(doc.title, "Recommendation widget outage (incident #2291)");
    assert_eq!(doc.authors, ["Hana Sato", "Luis Moreno"]);
    assert_eq!(doc.status, Status::Published);
    assert_eq!(doc.timezone, "UTC", "the timeline says all times are UTC");
    assert!(section(doc, "summary").starts_with("The \"you may also like\" widget returned errors"));
    assert!(section(doc, "trigger").contains("restarted every replica"));
    assert!(section(doc, "what-went-poorly").contains("All replicas restarted together"), "What went wrong");
    assert!(doc.factors.is_empty(), "a Root Causes sentence stays prose: factors come from lists and tables");
    assert!(section(doc, "imported-root-causes").starts_with("A new embedding table"));
    let a = &doc.actions[0];
    assert_eq!(
        (a.title.as_str(), a.kind, a.owner.as_deref(), a.ticket.as_deref()),
        (
            "Stagger model refresh restarts across replicas",
            Some(ActionKind::Prevent),
            Some("recs team"),
            Some("https://bugs.example.com/RECS-101")
        )
    );
    assert_eq!(doc.timeline.len(), 5);
    assert_eq!(doc.timeline[0].time.as_text(), "2026-03-14T09:02:00Z");
    assert_eq!(doc.timeline[0].event, "Scheduled model refresh starts restarting replicas");
    // The impact is prose but the template's Impact is a form: kept beside it, not dropped.
    let kept = doc.sections.iter().position(|s| s.id == "imported-impact").unwrap();
    assert_eq!(doc.sections[kept - 1].id, "impact");
    assert!(doc.sections[kept].text.contains("4.1 million widget requests failed"));
    assert_eq!(imported.date.map(|d| d.to_string()).as_deref(), Some("2026-03-14"));
}

#[test]
fn a_pagerduty_style_postmortem() {
    let imported = import_sample("pagerduty");
    snapshot("pagerduty", &imported);
    let doc = &imported.doc;
    let responders = &doc.section("responders").unwrap().fields;
    let answer = |id: &str| responders.iter().find(|f| f.id == id).map(|f| f.value.as_str());
    assert_eq!(answer("incident-commander"), Some("Beatriz Costa"));
    assert_eq!(answer("scribe"), Some("Owen Gallagher"));
    assert_eq!(answer("subject-matter-experts"), Some("ingress on-call, payments team"));
    assert_eq!(doc.timeline.len(), 4);
    assert_eq!(doc.timeline[3].time.as_text(), "2026-04-02T13:55:00Z", "Time (UTC)");
    assert_eq!(doc.factors.len(), 2);
    assert_eq!(doc.actions[0].status, ActionStatus::Open);
    assert_eq!(doc.actions[1].status, ActionStatus::Done, "a ticked task box");
    assert_eq!(doc.actions[1].ticket.as_deref(), Some("https://tracker.example.com/PAY-89"));
    assert!(section(doc, "how-we-did").contains("# What didn't go so well"), "sub-headings stay in the text");
    assert!(section(doc, "internal-messaging").contains("payments are safe"));
    assert!(section(doc, "external-messaging").contains("No external message"));
}

#[test]
fn an_atlassian_style_postmortem() {
    let imported = import_sample("atlassian");
    snapshot("atlassian", &imported);
    let doc = &imported.doc;
    assert_eq!(doc.severity.as_deref(), Some("SEV2"), "Sev 2 is the template's SEV2");
    assert_eq!(doc.authors, ["Ingrid Svensson"], "the postmortem owner");
    assert_eq!(doc.services, ["search-indexer", "document-store"]);
    assert!(section(doc, "imported-introduction").contains("- **Related incidents:** HOT-1402"), "kept");
    assert!(section(doc, "what-broke").contains("fatal error"), "Fault");
    assert!(section(doc, "lead-up").contains("optional `labels` array"), "Leadup");
    assert_eq!(doc.factors.len(), 4, "the four whys; the root cause paragraph stays prose");
    assert!(section(doc, "imported-root-cause").contains("released independently"));
    assert_eq!(doc.timeline[0].time, Moment::Typed("2026-05-19 01:55".into()), "the date from the metadata");
    let a = &doc.actions[1];
    assert_eq!(
        (a.due.as_deref(), a.priority, a.status),
        (Some("2026-06-30"), Some(Priority::Medium), ActionStatus::InProgress)
    );
    assert!(section(doc, "imported-impact").contains("three hours out of date"));
}

#[test]
fn a_gitlab_style_postmortem() {
    let imported = import_sample("gitlab");
    snapshot("gitlab", &imported);
    let doc = &imported.doc;
    assert!(section(doc, "summary").contains("1. Services affected: container registry"));
    assert_eq!(doc.timeline.len(), 4);
    assert_eq!(doc.timeline[1].time.as_text(), "2026-06-08T10:06:00Z");
    assert_eq!(doc.timeline[1].event, "Registry 503 rate passes 5%");
    assert_eq!(doc.factors.len(), 2, "Root Cause Analysis");
    assert_eq!(doc.actions[0].ticket.as_deref(), Some("https://gitlab.example.com/package/registry/-/issues/730"));
    assert_eq!(doc.actions[0].title, "Cap garbage-collection connections at 20% of the limit");
    assert_eq!(doc.sections.last().unwrap().id, "imported-guidelines");
}

// ---------------------------------------------------------------- nothing dropped

const WIKI: &str = "\
Some notes before any heading, from the old wiki.

# Disk filled on the metrics host

## What happened

The metrics host ran out of disk at 03:12.

## Appendix: shell history

```sh
df -h /var/lib/metrics
```

<details><summary>Raw alert</summary>disk_used_percent 100</details>

## Sign-off

| Reviewer | Date |
|---|---|
| Mei Chen | 2026-07-02 |

## Empty heading

## Follow-ups

- [ ] Rotate metrics older than 30 days
- Watch disk growth weekly
";

#[test]
fn what_matches_nothing_is_kept_in_sections_of_its_own() {
    let imported = import::from_markdown(WIKI, &template("default"), &options());
    let yaml = store::document_text(&imported.doc).unwrap();
    // Every word, but those of the headings that matched a section of the template.
    let matched = ["## What happened", "## Follow-ups"];
    let content = WIKI.lines().filter(|l| !matched.contains(l)).collect::<Vec<_>>().join("\n");
    for word in content.split(|c: char| !c.is_alphanumeric()).filter(|w| w.len() > 2) {
        assert!(yaml.contains(word), "{word} was dropped:\n{yaml}");
    }
    let doc = &imported.doc;
    assert_eq!(
        ids(doc)[..2],
        ["imported-introduction", "summary"],
        "the text before the title leads; What happened is the summary"
    );
    assert!(section(doc, "imported-appendix-shell-history").contains("```sh\ndf -h /var/lib/metrics\n```"));
    assert!(section(doc, "imported-appendix-shell-history").contains("<details>"));
    assert!(section(doc, "imported-sign-off").contains("| Mei Chen | 2026-07-02 |"));
    assert_eq!(doc.actions.len(), 2);
    let report = imported.report.to_string();
    for (from, to) in [
        ("line 5    ## What happened", "-> section `summary`: text, 1 line"),
        (
            "## Appendix: shell history",
            "-> new section `imported-appendix-shell-history` (no section of template `default` matches)",
        ),
        (
            "## Empty heading",
            "-> new section `imported-empty-heading` (no section of template `default` matches; nothing under it yet)",
        ),
        ("## Follow-ups", "-> section `follow-up-actions`: 2 actions"),
        ("  nothing in the file for: Impact, Timeline,", ""),
    ] {
        let line = report.lines().find(|l| l.contains(from)).unwrap_or_else(|| panic!("{from} missing from\n{report}"));
        assert!(line.contains(to), "{line}");
    }
    let kept: Vec<_> =
        imported.report.entries.iter().filter(|e| matches!(e.outcome, Outcome::NewSection { .. })).collect();
    assert_eq!(kept.len(), 4, "{report}");
}

#[test]
fn front_matter_is_read_and_other_keys_are_kept() {
    let src = "---\ntitle: \"Cache stampede: part 2\"\ndate: 2026-08-01\ntags: [cache, redis]\nseverity: sev 3\nlayout: post\n---\n\n## Summary\n\nThe cache emptied at once.\n";
    let imported = import::from_markdown(src, &template("default"), &options());
    let doc = &imported.doc;
    assert_eq!(doc.title, "Cache stampede: part 2");
    assert_eq!(doc.tags, ["cache", "redis"]);
    assert_eq!(doc.severity.as_deref(), Some("SEV3"));
    assert_eq!(section(doc, "summary"), "The cache emptied at once.\n");
    assert_eq!(doc.extra.get("front_matter").and_then(|v| v.get("layout")).and_then(|v| v.as_str()), Some("post"));
    assert_eq!(imported.date.map(|d| d.to_string()).as_deref(), Some("2026-08-01"));
}

#[test]
fn times_are_read_against_the_dates_and_zones_the_file_gives() {
    let src = "# T\n\n**Date:** 24 November 2026\n\n**Time zone:** Europe/Berlin\n\n## Timeline\n\n\
               - 23:50 first\n- 00:10 after midnight\n- at some point: unknown\n\n### 2026-11-26\n\n- 2:05 PM third\n";
    let doc = import::from_markdown(src, &template("default"), &options()).doc;
    let times: Vec<String> = doc.timeline.iter().map(|e| e.time.as_text()).collect();
    assert_eq!(times, ["2026-11-24T23:50:00+01:00", "2026-11-25T00:10:00+01:00", "2026-11-26T14:05:00+01:00"]);
    assert_eq!(doc.timezone, "Europe/Berlin");
    assert!(section(&doc, "imported-timeline").contains("- at some point: unknown"), "a line without a time is kept");
}

#[test]
fn the_template_is_the_one_named_or_the_best_match() {
    let md = export::to_markdown(&example("pagerduty"));
    assert_eq!(import::template_named(&md).as_deref(), Some("pagerduty"));
    assert_eq!(import::template_named(&sample("gitlab")), None);
    let candidates = builtins();
    let plain = "# T\n\n## Summary\n\nText.\n";
    assert_eq!(import::choose_template(plain, &candidates).unwrap().name, "default", "a tie goes to the first");
    let zone: Zone = "UTC".parse().unwrap();
    let doc = import::from_markdown(
        plain,
        &template("lightweight"),
        &import::Options { zone: zone.clone(), zone_given: false },
    )
    .doc;
    assert_eq!(doc.template.name, "lightweight");
    assert_eq!(section(&doc, "what-happened"), "Text.\n", "lightweight's summary is What happened");
    let trigger = "# T\n\n## Trigger\n\nA deploy.\n";
    let doc =
        import::from_markdown(trigger, &template("lightweight"), &import::Options { zone, zone_given: false }).doc;
    assert_eq!(section(&doc, "imported-trigger"), "A deploy.\n", "lightweight has no Trigger: kept apart");
}

// ---------------------------------------------------------------- any input

mod any_input {
    use super::*;
    use proptest::prelude::*;
    use proptest::sample::select;

    fn markdown() -> impl Strategy<Value = String> {
        let line = prop_oneof![
            "[a-zé🔥 ]{0,12}",
            select(vec![
                "# Title",
                "## Summary",
                "## Timeline",
                "### 2026-11-24",
                "## Root Causes",
                "## Action Items",
                "## Unknown things",
                "Setext\n===",
                "- 14:02 - event",
                "- [x] done é",
                "- [ ] ⚠ todo",
                "1. why",
                "| Time | Event |",
                "|---|---|",
                "| 09:00 | a \\| b |",
                "| x |",
                "**Date:** 2026-11-24",
                "**Summary:** text",
                "**Authors:** a, b",
                "Impact:",
                "```",
                "<script>",
                "---",
                "title: x",
                "> quote",
                "* [",
                "- é",
                "1) ",
                "",
                "\t- nested",
            ])
            .prop_map(str::to_string),
        ];
        prop::collection::vec(line, 0..30).prop_map(|l| l.join("\n"))
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

        #[test]
        fn import_never_fails_and_writes_a_document_that_loads(src in markdown(), which in 0..BUILTIN.len()) {
            let t = template(BUILTIN[which].0);
            let imported = import::from_markdown(&src, &t, &options());
            let text = store::document_text(&imported.doc).unwrap();
            let loaded = store::parse_document(Path::new("x.yaml"), &text).unwrap().doc;
            prop_assert_eq!(loaded, imported.doc.clone());
            let _ = imported.report.to_string();
            // And exporting what was imported, then importing that, changes nothing more.
            let md = export::to_markdown(&imported.doc);
            let again = import::from_markdown(&md, &t, &options()).doc;
            prop_assert_eq!(export::to_markdown(&again), md);
        }
    }
}
