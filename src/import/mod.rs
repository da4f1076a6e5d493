//! Markdown postmortems written elsewhere, turned into documents.
//!
//! The file is read with pulldown-cmark as a list of top-level blocks. Before any section, the
//! whole file is surveyed (`survey`): the zone it states or its times carry (`zone`, read with
//! the region's DST rules), day-month or month-day, its first day; then the title (`head`).
//! Each heading is matched to a section of the template by its title, id or a synonym from
//! `headings.txt` (`matching`) and the file is cut into parts (`build`); each part goes into its
//! section (`place`): prose as Markdown (its headings moved up to stand alone), timelines in
//! every shape (`timeline`, its lines read in `entries`, `stamp`, `times`; without a heading,
//! `timeline_runs`, and in a file with none, the times of its sentences, `sentence_times`, and
//! the moments its posts and label lines give by how they are written, `written`;
//! copied pages' stamps alone on their lines over what happened are joined first, `rejoin`,
//! `notices`), factor tables or lists as rows (`rows`), actions (`actions`), label lines,
//! key/value tables, metadata headings and YAML or TOML front matter as metadata (`meta`,
//! `meta_heading`, `front_matter`, `toml`). Whatever finds no place is kept in a section of its
//! own, never dropped; `polish` makes titles unique, links in rows direct, reads incident
//! times from the entries and authors from a sign-off (`signoff`); the [`Report`] says what
//! went where, the zone and why, and what was not understood.
//!
//! Our own Markdown export is recognised by its metadata table (which names the template) and
//! read back strictly, so that exporting a document and importing it gives the document back;
//! see the README for what a round trip does not keep.
//!
//! Pure functions: the caller reads the file and picks the candidate templates.

mod actions;
mod anchor;
mod blocks;
mod bold_label;
mod build;
mod chat_paste;
mod closing_stamp;
mod code_timeline;
mod columns;
mod country_zone;
mod dated_title;
mod dates;
mod dotted_clock;
mod east_asian;
mod entries;
mod front_matter;
mod hanging;
mod head;
mod html_text;
mod inline_timeline;
mod label_updates;
mod label_value;
mod labelled;
mod language_zone;
mod later_times;
mod lead_cells;
mod loose;
mod matching;
mod meta;
mod meta_heading;
mod meta_times;
mod months;
mod notices;
mod place;
mod plain;
mod polish;
mod quoted;
mod rejoin;
mod report;
mod rows;
mod scene;
mod sentence_times;
mod sentences;
mod side_tables;
mod signoff;
mod split_cells;
mod stamp;
mod stamp_date;
mod stamp_forms;
mod stamps_after;
mod stamps_under;
mod status;
mod status_copy;
mod status_headings;
mod statusfy;
mod survey;
mod timeline;
mod timeline_inner;
mod timeline_runs;
mod times;
mod title_lines;
mod told;
mod told_entry;
mod told_parts;
mod told_words;
mod toml;
mod two_clocks;
mod unglue;
mod unread;
mod weekday_year;
mod weekdays;
mod wiki;
mod window;
mod word_stamp;
mod written;
mod zone;

pub use report::{Entry, Outcome, Report};

use chrono::{Datelike, NaiveDate};

use crate::doc::{Document, Zone};
use crate::template::Template;

/// What the file does not say and the caller knows.
#[derive(Debug, Clone)]
pub struct Options {
    /// The document's time zone when the file names none (and does not say "UTC").
    pub zone: Zone,
    /// `zone` was asked for (`--timezone`): it holds over any zone the file states.
    pub zone_given: bool,
}

#[derive(Debug, Clone)]
pub struct Imported {
    pub doc: Document,
    pub report: Report,
    /// The day of the incident, when the file says it (for the file's name).
    pub date: Option<NaiveDate>,
    /// The year its days were put in when the file writes no year at all (a status page's
    /// `Mar 12, 12:34 PDT`): the caller says so.
    pub assumed_year: Option<AssumedYear>,
}

/// The year a file's days were taken to be in, and why that one.
#[derive(Debug, Clone, PartialEq)]
pub struct AssumedYear {
    pub year: i32,
    /// Why: "the year it is imported in", "the latest year in which Monday, August 8 is that weekday".
    pub why: String,
    /// Whether the file writes no year at all (else it writes one, never with a day).
    pub yearless: bool,
}

/// The template our own export names in its metadata table (`| Template | default (version 1) |`).
pub fn template_named(src: &str) -> Option<String> {
    head::own_export(&blocks::parse(src).blocks).map(|(name, _)| name)
}

/// The candidate whose sections the file's headings match best; the first one on a tie (so
/// list the default first). `None` only when there are no candidates.
pub fn choose_template<'a>(src: &str, candidates: &'a [Template]) -> Option<&'a Template> {
    let parsed = blocks::parse(src);
    let headings = build::heading_texts(&parsed.blocks, src);
    let score = |t: &Template| {
        let mut matched: Vec<usize> = headings.iter().filter_map(|h| matching::section_for(h, t)).collect();
        matched.sort_unstable();
        matched.dedup();
        matched.len()
    };
    let mut best: Option<(&Template, usize)> = None;
    for t in candidates {
        let s = score(t);
        if best.is_none_or(|(_, b)| s > b) {
            best = Some((t, s));
        }
    }
    best.map(|(t, _)| t)
}

/// The document a Markdown file describes, made from `template`, and the report of what went
/// where.
pub fn from_markdown(src: &str, template: &Template, options: &Options) -> Imported {
    build::Builder::run(&prepared(src), template, options)
}

/// As [`from_markdown`], for a file at `path`: a day its name gives (`2025-03-14-outage.md`,
/// `16-May-2023_halt.md`, `incidents/20210622/notes.md`) is the day of its times when the
/// file itself names none.
pub fn from_markdown_file(src: &str, path: &std::path::Path, template: &Template, options: &Options) -> Imported {
    build::Builder::run_named(&prepared(src), template, options, survey::date_in_name(path), None)
}

/// As [`from_markdown_file`], imported on `today`, for a file that writes no year at all (a
/// status page's `Mar 13, 10:16 MDT`): its days are in the latest year in which the weekdays it
/// gives them fit ("Monday, August 8"), else in `today`'s year, else, when all of them would be
/// later than `today`, in the year before. The import says which year it took and why.
pub fn from_markdown_file_on(
    src: &str,
    path: &std::path::Path,
    template: &Template,
    options: &Options,
    today: NaiveDate,
) -> Imported {
    let named = survey::date_in_name(path);
    let prepared = prepared(src);
    let run = |year: i32| build::Builder::run_named(&prepared, template, options, named, Some(year));
    let yearless = named.is_none() && !writes_a_year(src);
    let weekdays = weekday_year::named_days(src);
    let by_weekday = weekday_year::year_of(&weekdays, today)
        .zip(weekdays.first())
        .map(|(year, day)| (year, format!("the latest year in which {} is that weekday", day.written)));
    let (mut year, mut why) = match by_weekday.clone().filter(|_| yearless) {
        Some(found) => found,
        None => (today.year(), "the year it is imported in".to_string()),
    };
    let mut imported = run(year);
    // "© 2019" (a year written, but never with a day) under days that have none: the days are
    // in the year the file writes, not in the one it is imported in.
    if !yearless
        && named.is_none()
        && dated(&imported.doc, year)
        && !src.contains(&year.to_string())
        && let Some((written, why)) = by_weekday
            .or_else(|| written_year(src, today).map(|(y, line)| (y, format!("the year it writes on line {line}"))))
    {
        imported = run(written);
        imported.assumed_year = Some(AssumedYear { year: written, why, yearless: false });
        return imported;
    }
    if !yearless || !dated(&imported.doc, year) {
        return imported;
    }
    if year == today.year() && later_than(&imported.doc, today) {
        year -= 1;
        why = "the year before it is imported in (in this one its days would be still to come)".to_string();
        imported = run(year);
    }
    imported.assumed_year = Some(AssumedYear { year, why, yearless: true });
    imported
}

/// The year a file writes most often (the latest of the most), up to `today`'s, and the line
/// it is first written on: `© 2019`, a link's `/2019/11/`; not a size (`2048 MB`) nor a
/// screen's `1920x1080`.
fn written_year(src: &str, today: NaiveDate) -> Option<(i32, usize)> {
    static YEAR: std::sync::LazyLock<Option<regex::Regex>> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?:^|[^\dx.:])((?:19|20)\d{2})(?:$|[^\dx.:%]| ?[KMGT]i?B\b)").ok()
    });
    let mut years: std::collections::BTreeMap<i32, (usize, usize)> = std::collections::BTreeMap::new();
    for (n, line) in src.lines().enumerate() {
        for c in YEAR.as_ref()?.captures_iter(line) {
            let sized = c.get(0).is_some_and(|m| m.as_str().trim_end().ends_with('B'));
            let Ok(year) = c[1].parse::<i32>() else { continue };
            if !sized && (1990..=today.year()).contains(&year) {
                years.entry(year).or_insert((0, n + 1)).0 += 1;
            }
        }
    }
    years.iter().max_by_key(|(year, (count, _))| (*count, **year)).map(|(year, (_, line))| (*year, *line))
}

/// Whether the file writes a year anywhere (then its days take theirs from it).
fn writes_a_year(src: &str) -> bool {
    static YEAR: std::sync::LazyLock<Option<regex::Regex>> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"(?:^|[^\d])(?:19|20)\d{2}(?:[^\d]|$)").ok());
    YEAR.as_ref().is_none_or(|re| re.is_match(src))
}

/// Whether the timeline has days in `year`: the year the file was read with shows.
fn dated(doc: &Document, year: i32) -> bool {
    let zone = doc.zone();
    doc.timeline.iter().any(|e| e.time.resolve(&zone).is_some_and(|t| t.year() == year))
}

/// Whether every entry of the timeline with a day is later than `today`.
fn later_than(doc: &Document, today: NaiveDate) -> bool {
    let zone = doc.zone();
    let days: Vec<NaiveDate> =
        doc.timeline.iter().filter_map(|e| e.time.resolve(&zone)).map(|t| t.date_naive()).collect();
    !days.is_empty() && days.iter().all(|d| *d > today)
}

/// The file as the builder reads it: its HTML read as Markdown (`html_text`), a postmortem written
/// without Markdown given its headings (`plain`), a postmortem quoted whole in a comment unquoted (`quoted`), a time label alone over its value
/// and a stamp alone over its indented text joined to it (`label_value`), then lines a copied page ran together or apart joined back (`unglue`, `rejoin`);
/// our own export is Markdown as we write it, so it is read as it is (a text section holding a
/// table's header over a line of text must come back as written, not set apart).
fn prepared(src: &str) -> String {
    // (An outage log's stamps are joined to their indented text before a mail's indented
    // first lines are set back to the margin.)
    // (Our own export's text is read as written: HTML in an event is the event's.)
    let html = match html_text::html_text(src) {
        std::borrow::Cow::Owned(read) if head::own_export(&blocks::parse(src).blocks).is_none() => {
            std::borrow::Cow::Owned(read)
        }
        _ => std::borrow::Cow::Borrowed(src),
    };
    let html = then(html, statusfy::updates);
    let html = then(html, stamps_after::stamps_apart);
    let html = then(html, dotted_clock::dotted_clocks);
    let html = then(html, status_headings::status_headings);
    let logged = label_value::stamps_over_text(&html);
    let plain = plain::plain(&logged);
    if head::own_export(&blocks::parse(&plain).blocks).is_some() {
        return plain.into_owned();
    }
    let unquoted = quoted::unquoted(&plain);
    let joined = label_value::joined(&unquoted);
    rejoin::rejoin(&unglue::unglue(&joined)).into_owned()
}

/// The text so far ends with a list entry a pass wrote (a rewriting pass such as
/// `status_copy`, `label_updates` or `chat_paste` adds a blank line before anything else).
fn listed(out: &str) -> bool {
    out.trim_end_matches('\n').rsplit('\n').next().is_some_and(|l| l.starts_with("* ") || l.starts_with("  "))
}

/// A pass's rewritten text, `out` (each line followed by a newline), ending as `src` ends: the
/// last newline dropped when the source had none, so a pass never adds or removes one.
fn ending_as<'a>(src: &str, mut out: String) -> std::borrow::Cow<'a, str> {
    if !src.ends_with('\n') && out.ends_with('\n') {
        out.pop();
    }
    std::borrow::Cow::Owned(out)
}

/// `text` after `step`, borrowed still when no step changed it (the passes over the text).
fn then<'a>(
    text: std::borrow::Cow<'a, str>,
    step: impl Fn(&str) -> std::borrow::Cow<'_, str>,
) -> std::borrow::Cow<'a, str> {
    match step(&text) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(changed) => std::borrow::Cow::Owned(changed),
    }
}

/// Whether `line` opens or closes a fenced code block (``` or ~~~).
fn is_fence(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with("```") || t.starts_with("~~~")
}

/// For each of `lines`, whether it is code: a fence's own line or a line between two.
fn code_lines(lines: &[&str]) -> Vec<bool> {
    let mut code = false;
    lines
        .iter()
        .map(|l| {
            let fence = is_fence(l);
            code ^= fence;
            code || fence
        })
        .collect()
}
