//! Property: any document survives save -> load unchanged, and saving is deterministic.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use blameless::doc::{
    ActionKind, ActionStatus, Dismissal, Document, Extra, Factor, FieldAnswer, FollowUp, IncidentTimes, Marker, Moment,
    Priority, SCHEMA, Section, SectionKind, Status, StatusChange, TemplateRef, TimelineEntry,
};
use blameless::store;
use chrono::{DateTime, FixedOffset, TimeZone};
use proptest::prelude::*;
use proptest::sample::select;

/// Text a user might type, weighted toward what trips YAML up.
fn text() -> impl Strategy<Value = String> {
    let nasty = select(vec![
        "",
        " ",
        "\n",
        "\n\n",
        "\t",
        ": ",
        " #",
        "# ",
        "- ",
        "|",
        ">",
        "'",
        "\"",
        "\\",
        "no",
        "yes",
        "on",
        "off",
        "~",
        "null",
        "1e3",
        "0x10",
        "2026-11-24",
        "1:30",
        "0755",
        "\r",
        "\r\n",
        "\u{85}",
        "\u{2028}",
        "\u{feff}",
        "🔥",
        "مرحبا",
        "{",
        "}",
        "[",
        "]",
        ",",
        "&a",
        "*a",
        "!tag",
        "%",
        "@",
        "`",
        "---",
        "...",
        "  indented",
        "\u{7}",
        "Dave",
        "human error",
        "14:02",
    ]);
    prop_oneof![
        any::<String>(),
        "[a-zA-Z0-9 .,'-]{0,40}",
        proptest::collection::vec(prop_oneof![nasty.prop_map(str::to_string), "[a-z ]{0,8}"], 0..8)
            .prop_map(|v| v.concat()),
    ]
}

fn moment() -> impl Strategy<Value = Moment> {
    prop_oneof![
        (0i64..4_000_000_000, -50_400i32..50_400).prop_map(|(secs, off)| {
            let off = FixedOffset::east_opt(off / 60 * 60).unwrap();
            let t: DateTime<FixedOffset> = off.timestamp_opt(secs, 0).unwrap();
            Moment::Exact(t)
        }),
        text().prop_map(Moment::Typed),
    ]
}

fn extra() -> impl Strategy<Value = Extra> {
    proptest::collection::vec(("x-[a-z]{1,6}", text()), 0..3).prop_map(|kv| {
        let mut m = Extra::new();
        for (k, v) in kv {
            m.insert(k.into(), v.into());
        }
        m
    })
}

fn opt_text() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(text()).prop_map(|o| o.filter(|t| !t.is_empty()))
}

fn section() -> impl Strategy<Value = Section> {
    let kind = select(SectionKind::ALL.to_vec());
    let fields = proptest::collection::vec(
        (text(), text(), text(), extra()).prop_map(|(id, label, value, extra)| FieldAnswer { id, label, value, extra }),
        0..3,
    );
    (text(), text(), kind, any::<bool>(), text(), fields, extra()).prop_map(
        |(id, title, kind, required, text, fields, extra)| Section { id, title, kind, required, text, fields, extra },
    )
}

fn entry() -> impl Strategy<Value = TimelineEntry> {
    let marker =
        proptest::option::of(select(vec![Marker::Started, Marker::Detected, Marker::Mitigated, Marker::Resolved]));
    (moment(), text(), opt_text(), marker, extra()).prop_map(|(time, event, evidence, marker, extra)| TimelineEntry {
        time,
        event,
        evidence,
        marker,
        extra,
    })
}

fn action() -> impl Strategy<Value = FollowUp> {
    let priority = proptest::option::of(select(vec![Priority::High, Priority::Medium, Priority::Low]));
    let kind = proptest::option::of(select(vec![
        ActionKind::Prevent,
        ActionKind::Detect,
        ActionKind::Mitigate,
        ActionKind::Process,
    ]));
    let status = select(vec![ActionStatus::Open, ActionStatus::InProgress, ActionStatus::Done, ActionStatus::WontDo]);
    (text(), opt_text(), opt_text(), priority, kind, status, opt_text(), extra()).prop_map(
        |(title, owner, due, priority, kind, status, ticket, extra)| FollowUp {
            title,
            owner,
            due,
            priority,
            kind,
            status,
            ticket,
            extra,
        },
    )
}

fn status() -> impl Strategy<Value = Status> {
    select(vec![Status::Draft, Status::InReview, Status::Published])
}

fn document() -> impl Strategy<Value = Document> {
    let meta = (
        text(),
        select(vec![Status::Draft, Status::InReview, Status::Published]),
        opt_text(),
        (text(), 1u32..50),
        select(vec!["UTC", "Europe/Berlin", "+05:30", "America/New_York"]),
        proptest::collection::vec(text(), 0..3),
        proptest::collection::vec(text(), 0..3),
    );
    let times = (
        proptest::option::of(moment()),
        proptest::option::of(moment()),
        proptest::option::of(moment()),
        proptest::option::of(moment()),
    );
    let body =
        (
            proptest::collection::vec(section(), 0..4),
            proptest::collection::vec(entry(), 0..4),
            proptest::collection::vec(
                (text(), opt_text(), extra()).prop_map(|(description, category, extra)| Factor {
                    description,
                    category,
                    extra,
                }),
                0..3,
            ),
            proptest::collection::vec(action(), 0..3),
            extra(),
            proptest::collection::vec(
                (text(), text(), opt_text(), opt_text(), extra())
                    .prop_map(|(rule, text, by, reason, extra)| Dismissal { rule, text, by, reason, extra }),
                0..3,
            ),
            proptest::collection::vec(
                (proptest::option::of(status()), status(), opt_text(), moment(), extra())
                    .prop_map(|(from, to, by, at, extra)| StatusChange { from, to, by, at, extra }),
                0..3,
            ),
        );
    (meta, times, body).prop_map(
        |(
            (title, status, severity, (tname, tver), zone, authors, tags),
            (started, detected, mitigated, resolved),
            (sections, timeline, factors, actions, extra, dismissed, status_history),
        )| Document {
            schema: SCHEMA,
            title,
            status,
            severity,
            template: TemplateRef { name: tname, version: tver, extra: Extra::new() },
            timezone: zone.to_string(),
            authors,
            services: Vec::new(),
            tags,
            times: IncidentTimes { started, detected, mitigated, resolved, extra: Extra::new() },
            sections,
            timeline,
            factors,
            actions,
            dismissed,
            status_history,
            extra,
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn any_document_survives_save_and_load(doc in document()) {
        let text = store::document_text(&doc).unwrap();
        let loaded = store::parse_document(Path::new("p.yaml"), &text);
        prop_assert!(loaded.is_ok(), "saved text does not load: {:?}\n{}", loaded.err(), text);
        let loaded = loaded.unwrap().doc;
        prop_assert_eq!(&loaded, &doc, "document changed through\n{}", text);
        prop_assert_eq!(store::document_text(&loaded).unwrap(), text);
    }
}
