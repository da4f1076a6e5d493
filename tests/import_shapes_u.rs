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

/// A run log whose rows cite commits with their own dates in an evidence column
/// (`@ f937d98 (2026-08-30)`): those dates say when the commits were made, not the day of the
/// row's time, which stays the title's day.
#[test]
fn a_date_in_another_cell_of_a_row_is_not_its_day() {
    let src = "# Build trace · 2026-09-05 · the first stand-up\n\n## Timeline (local time)\n\n| when | actor | action | evidence |\n|---|---|---|---|\n| 17:17 | agent | clone the service | `~/svc` @ `4a7c2e1` (2026-09-05) |\n| 17:18 | agent | clone the setup tool | `~/setup` @ `b81f0d3` (2026-08-30) |\n| 17:24 | agent | build the tools | `~/build.log` |\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2026-09-05T17:17:00Z", "clone the service"),
            ("2026-09-05T17:18:00Z", "clone the setup tool"),
            ("2026-09-05T17:24:00Z", "build the tools"),
        ])
    );
    let md = blameless::export::to_markdown(&doc);
    assert!(md.contains("`~/setup` @ `b81f0d3` (2026-08-30)"), "{md}");
}

/// An analysis whose front matter `created:` is the morning after, whose scope table states
/// the time range with both days, and whose timeline is a code block of bare 24-hour times
/// running from the evening to the next morning: the rows start on the range's first day,
/// and the morning row after the evening ones is the next day.
#[test]
fn a_stated_range_gives_the_day_and_the_morning_after_rolls_over() {
    let src = "---\ncreated: \"2026-05-27\"\nseverity: \"P1\"\n---\n\n# Worker hung overnight\n\n| Dimension | Value |\n|---|---|\n| Time range | 2026-05-26 18:23 to 2026-05-27 09:32 (local, UTC+8) |\n\n### Timeline (local time, UTC+8)\n\n```\n18:23  planner starts\n18:27  plan committed\n20:59  worker claims task 1\n21:02  worker edits the tests\n21:04  worker runs the build\n21:06  worker gets the failing test output\n       ┃\n       ┃ no reply from the worker for twelve hours\n       ┃\n09:31  the user stops the run\n```\n";
    let doc = import_utc(src);
    assert_eq!(doc.timezone, "+08:00");
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2026-05-26T10:23:00Z", "planner starts"),
            ("2026-05-26T10:27:00Z", "plan committed"),
            ("2026-05-26T12:59:00Z", "worker claims task 1"),
            ("2026-05-26T13:02:00Z", "worker edits the tests"),
            ("2026-05-26T13:04:00Z", "worker runs the build"),
            ("2026-05-26T13:06:00Z", "worker gets the failing test"),
            ("2026-05-27T01:31:00Z", "the user stops the run"),
        ])
    );
}

/// A crash log kept in local time (UTC−7) under a title dated in UTC, and a later line that
/// points at the crash as a UTC instant (`around 2026-09-02T04:31:13Z`): that instant falls
/// in the log's span on the evening before, so the rows are on that evening, a row whose
/// seconds are not known (`21:30:2x`) with them.
#[test]
fn an_instant_stated_in_utc_places_a_local_log_on_its_evening() {
    let src = "# Player crash — evidence (2026-09-02)\n\n## Crash timeline (local times, UTC-7; log stamps are UTC)\n\n| Local | Source | Event |\n|---|---|---|\n| 21:30:25.776 | app.log | session starts |\n| 21:30:2x | audio.log | outputs open |\n| 21:31:05.812 | app.log | sign-in completes |\n| 21:32:00.978 | audio.log | engine orphaned |\n\n## Next\n\n1. Check the crash reports around `2026-09-02T04:31:13Z`.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2026-09-02T04:30:25Z", "session starts"),
            ("2026-09-01", "outputs open"),
            ("2026-09-02T04:31:05Z", "sign-in completes"),
            ("2026-09-02T04:32:00Z", "engine orphaned"),
        ])
    );
    assert_eq!(doc.timeline[0].time.as_text(), "2026-09-01T21:30:25.776-07:00");
}

/// A "When" column whose cells give the time in the local zone and again in UTC
/// (`2026-08-05 ≈09:00 MSK / 06:00Z`, `~17:15 MSK / 14:15Z`) below day-only rows: the first
/// rendering is the time, the rows below are on its day, and the document keeps the cell as
/// written.
#[test]
fn a_time_written_twice_in_two_zones() {
    let src = "# Gateway reboot loop\n\n## Timeline (MSK / UTC)\n\n| When | Event |\n|---|---|\n| 2026-08-01 | Soak test starts on the spare board. |\n| 2026-08-05 ≈09:00 MSK / 06:00Z | Serial link stalls; counters freeze. |\n| ~13:35–13:50 MSK | Board reset; address lease flaps. |\n| ~17:15 MSK / 14:15Z | Console-only capture shows the loop. |\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2026-08-01", "Soak test starts on the spar"),
            ("2026-08-05T06:00:00Z", "Serial link stalls; counters"),
            ("2026-08-05T10:35:00Z", "Board reset; address lease f"),
            ("2026-08-05T14:15:00Z", "Console-only capture shows t"),
        ])
    );
    let md = blameless::export::to_markdown(&doc);
    assert!(md.contains("| 2026-08-05 09:00 +03:00 | Serial link stalls"), "{md}");
    let yaml = blameless::store::yaml::to_string(&doc).unwrap();
    assert!(yaml.contains("2026-08-05 ≈09:00 MSK / 06:00Z"), "{yaml}");
}

/// A blog post copied from the web: navigation lines first ("status.example.org", "Donate",
/// "Back to Blog Home"), then the post's title as a plain line, the author's picture's alt
/// text and the byline "Ana Ortiz -": the title is the post's, the author is read, and the
/// navigation lines stay in the document.
#[test]
fn a_copied_page_keeps_its_title_under_the_navigation() {
    let src = "status.example.org\nDonate\n\nBack to Blog Home\n\nDetails of the queue outage on March 3rd, 2026\n\nAna Ortiz image\n\nAna Ortiz -\n\nOn March 3rd, 2026 between 1:30 AM PST and 4:10 AM PST the queue was down.\n";
    let doc = import_utc(src);
    assert_eq!(doc.title, "Details of the queue outage on March 3rd, 2026");
    assert_eq!(doc.authors, vec!["Ana Ortiz".to_string()]);
    let yaml = blameless::store::yaml::to_string(&doc).unwrap();
    assert!(yaml.contains("Back to Blog Home") && yaml.contains("Donate"), "{yaml}");
}

/// A Spanish postmortem's label lines: "Fecha del incidente", "Duración: 47 minutos
/// (14:03–14:50 UTC)", "Autor", "Severidad", "Estado": the day, the incident's start and end,
/// the author, the severity and the status; an author whose name holds commas in brackets
/// stays one author.
#[test]
fn spanish_label_lines_are_metadata() {
    let src = "# Postmortem: el circuito no abrió\n\n- **Fecha del incidente**: 2026-06-14\n- **Duración**: 47 minutos (14:03–14:50 UTC)\n- **Severidad**: SEV-2\n- **Autor**: equipo de pagos (Ana, Luis)\n- **Estado**: final\n\n## Línea de tiempo (UTC)\n\n- **13:40** — Se mergea el cambio de configuración.\n";
    let doc = import_utc(src);
    assert_eq!(doc.authors, vec!["equipo de pagos (Ana, Luis)".to_string()]);
    assert_eq!(doc.status, blameless::doc::Status::Published);
    let yaml = blameless::store::yaml::to_string(&doc).unwrap();
    assert!(yaml.contains("started: \"2026-06-14T14:03:00Z\""), "{yaml}");
    assert!(yaml.contains("resolved: \"2026-06-14T14:50:00Z\""), "{yaml}");
    assert!(yaml.contains("severity: SEV2"), "{yaml}");
    assert_eq!(rows(&doc), pairs(&[("2026-06-14T13:40:00Z", "Se mergea el cambio de confi")]));
}

/// A Spanish case study: the timeline under "Cronología del Incidente", one sub-heading per
/// day written in words (`### Día 1 (16 de marzo, 2024)`), bold bare times below each: every
/// row on its heading's day.
#[test]
fn spanish_day_headings_in_words() {
    let src = "# Caso de estudio: cifrado de servidores\n\n## Cronología del Incidente\n\n### Día 0 (15 de marzo, 2024)\n- **08:23** - Llega un correo con un adjunto.\n- **10:30-18:00** - Movimiento lateral en la red.\n\n### Día 1 (16 de marzo, 2024)\n- **02:30** - Empieza el cifrado de archivos.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2024-03-15T08:23:00Z", "Llega un correo con un adjun"),
            ("2024-03-15T10:30:00Z", "Movimiento lateral en la red"),
            ("2024-03-16T02:30:00Z", "Empieza el cifrado de archiv"),
        ])
    );
}

/// A Spanish title's day in words ("3 de Noviembre 2025") for bare `20:46 UTC` rows, and a
/// table of days written with their weekday (`Viernes 4 sept. 2020`), and a "Momento | Hecho |
/// Fuente" table under "Cronología del incidente (evidencia)".
#[test]
fn spanish_days_in_titles_cells_and_column_names() {
    let src = "# Post-Mortem: Pérdida de datos - 3 de Noviembre 2025\n\n### Cronología del Incidente\n\n1. **20:46 UTC** - Un usuario reporta la aplicación vacía\n2. **21:00 UTC** - **Conclusión**: datos irrecuperables\n";
    assert_eq!(
        rows(&import_utc(src)),
        pairs(&[
            ("2025-11-03T20:46:00Z", "Un usuario reporta la aplica"),
            ("2025-11-03T21:00:00Z", "**Conclusión**: datos irrecu")
        ])
    );
    let src = "# Resumen del caso\n\n## Cronología del incidente\n\n| Fecha | Hecho |\n|---|---|\n| Viernes 4 sept. 2020 | Se abre el adjunto. |\n| Sábado 5 sept. 2020 | Se detecta el problema. |\n";
    let doc = import_utc(src);
    assert_eq!(rows(&doc), pairs(&[("2020-09-04", "Se abre el adjunto."), ("2020-09-05", "Se detecta el problema.")]));
    let yaml = blameless::store::yaml::to_string(&doc).unwrap();
    assert!(yaml.contains("Viernes 4 sept. 2020"), "{yaml}");
    let src = "# Diseño\n\n## Cronología del incidente (evidencia)\n\n| Momento | Hecho | Fuente |\n|---|---|---|\n| 2026-08-18 22:27 | Se escribe la migración | mtime del archivo |\n| 2026-08-20 18:07 | Se vuelve a sembrar | registro |\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[("2026-08-18T22:27:00Z", "Se escribe la migración"), ("2026-08-20T18:07:00Z", "Se vuelve a sembrar")])
    );
    assert!(blameless::store::yaml::to_string(&doc).unwrap().contains("evidence: mtime del archivo"));
}
