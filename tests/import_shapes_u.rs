//! Importing the shapes set U of real postmortems showed (see tests/corpus/REAL.md), from
//! fixtures and snippets written in the same shapes in our own words: every entry at the right
//! instant, and what the export shows.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/import_rows.rs"]
mod import_rows;
use blameless::import;
use import_rows::*;

/// A forensic report whose stamps are "LOCAL (UTC+7)" and whose timeline heading says "local
/// time, UTC+7", but whose prose quotes log lines stamped `Z`: the stated offset is the zone
/// of every bare time, the quoted `Z` lines do not outvote it, and the date sub-headings give
/// the days. A time cell in brackets, `(between 15:13–18:00)`, is the range's start.
#[test]
fn an_offset_stated_after_local_time_wins_over_quoted_utc_stamps() {
    let doc = import_utc(&fixture("local-offset-day-tables.md"));
    assert_eq!(doc.timezone, "+07:00");
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2026-03-14T07:55:10Z", "Last good upload from the fi"),
            ("2026-03-14T08:10:02Z", "**Cleanup job removes 41 fil"),
            ("2026-03-14T08:12:40Z", "Field tablet reports \"sync c"),
            ("2026-03-14T08:13:00Z", "No uploads: the tablet is of"),
            ("2026-03-14T17:04:30Z", "Cleanup job removes 12 more "),
            ("2026-03-15T02:41:00Z", "The missing files are notice"),
        ])
    );
    let md = blameless::export::to_markdown(&doc);
    assert!(md.contains("| 2026-03-14 14:55:10 +07:00 | Last good upload"), "{md}");
    assert!(md.contains("| 2026-03-14 15:13 +07:00 | No uploads"), "{md}");
}

/// "(local times, UTC-7; log stamps are UTC)" and "(local, UTC+8)": the offset after "local"
/// is the zone, the UTC named after it is the logs'.
#[test]
fn local_offsets_in_other_words() {
    let src = "# Player crash\n\n## The timeline (local times, UTC-7; log stamps are UTC)\n\n| Local | Event |\n|---|---|\n| 2026-05-04 21:30:25.776 | Session starts |\n| 2026-05-04 21:31:05 | Sign-in completes |\n";
    let doc = import_utc(src);
    assert_eq!(doc.timezone, "-07:00");
    assert_eq!(rows(&doc)[1], ("2026-05-05T04:31:05Z".into(), "Sign-in completes".into()));
    let src = "# Hang\n\n| Scope | Value |\n|---|---|\n| Time range | 2026-05-26 18:23 to 2026-05-27 09:32 (local, UTC+8) |\n\n## Timeline\n\n- 2026-05-26 18:23 — planning starts\n";
    assert_eq!(import_utc(src).timezone, "+08:00");
}

/// A Portuguese timeline "(horário de Brasília)" in a file whose prose below writes a few
/// times in UTC, and whose title spans two days (`12→13/09/2026`): the city names the zone,
/// and the first day of the span is the bare times' day.
#[test]
fn a_city_clock_in_words_and_a_day_span_in_the_title() {
    let src = "# Atraso nas respostas do bot (12→13/09/2026)\n\n## Linha do tempo (horário de Brasília)\n- 19:21 cliente manda \"Oi\" → resposta 21:15\n- 22:52 nova pergunta → resposta 23:10\n\n## Teste\n- disparo às 03:36:30 UTC\n- retrigger às 03:39:00 UTC\n- log às 03:40:00 UTC\n";
    let doc = import_utc(src);
    assert_eq!(doc.timezone, "America/Sao_Paulo");
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2026-09-12T22:21:00Z", "cliente manda \"Oi\" → respost"),
            ("2026-09-13T01:52:00Z", "nova pergunta → resposta 23:")
        ])
    );
    let report = import::from_markdown(
        src,
        &template("default"),
        &import::Options { zone: "UTC".parse().unwrap(), zone_given: false },
    )
    .report;
    assert!(report.zone.as_deref().unwrap_or("").contains("horário de Brasília"), "{:?}", report.zone);
}

/// The title names the day the team started (`2026-05-12`), the timeline heading the day its
/// times are on (`(UTC, 2026-05-13)`, past midnight): the heading's day is the rows' day.
#[test]
fn a_day_in_the_timeline_heading_wins_over_the_title() {
    let src = "# Post-mortem incidente 2026-05-12\n\n## Resumen\n\nEl chat quedó caído varias horas.\n\n## Línea de tiempo (UTC, 2026-05-13 en GMT)\n\n- **00:58** Build de la imagen nueva.\n- **01:04** El usuario ve el error en la URL de prueba.\n- **01:52** Incidente cerrado.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2026-05-13T00:58:00Z", "Build de la imagen nueva."),
            ("2026-05-13T01:04:00Z", "El usuario ve el error en la"),
            ("2026-05-13T01:52:00Z", "Incidente cerrado."),
        ])
    );
}
