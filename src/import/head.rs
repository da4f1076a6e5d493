//! What the import settles before it reads any section: the zone, date order and first day
//! of the whole file, and its title.

use super::Options;
use super::blocks::{Block, Kind};
use super::build::{Builder, first_line};
use super::matching::{meta_for, normalize, section_for};
use super::meta::label_line;
use super::report::Outcome;
use super::survey::survey;
use super::zone::ZoneWord;
use crate::doc::extra::Value;

impl Builder<'_> {
    /// The zone, date order and first day of the whole file, and what the report says of them.
    pub(super) fn times_of_the_file(&mut self, options: &Options) {
        let survey = survey(self.src);
        self.gloss = survey.gloss.clone();
        self.clock.order = survey.order;
        self.first_date = survey.first_date;
        // A status page's updates, newest first, as list entries at their stamps (`* Jun 30,
        // 2022 - 04:58 PDT — Posted` over `* Jun 29, 2022 - 09:30 PDT — Resolved`), the first of
        // them the file's first day: the incident's day is the earliest update's.
        let listed: Vec<chrono::NaiveDate> = self.src.lines().filter_map(listed_update_day).collect();
        if listed.len() >= 2
            && listed.first() == self.first_date.as_ref()
            && listed.windows(2).all(|w| w[0] >= w[1])
            && listed.last() < listed.first()
        {
            self.first_date = listed.last().copied();
        }
        self.anchors = super::anchor::anchors(self.src);
        let assumed = options.zone.to_string();
        if options.zone_given {
            self.doc.timezone = assumed.clone();
            self.clock.zone = Some(options.zone.clone());
            self.report.zone = Some(format!("{assumed}, as asked with --timezone"));
            return;
        }
        match survey.zone {
            Some((ZoneWord::Known(zone), why, _)) => {
                self.doc.timezone = zone.to_string();
                self.report.zone = Some(format!("{zone}, because {why}"));
                self.clock.zone = Some(zone);
            }
            other => {
                let why = match other {
                    Some((ZoneWord::Ambiguous(word), _, line)) => {
                        self.report.warn(
                            line,
                            format!("`{word}` is the name of more than one time zone, so it is not guessed; give the zone with --timezone"),
                        );
                        format!("line {line} names `{word}`, which is more than one zone")
                    }
                    _ => match super::language_zone::language_zone(self.src)
                        .map(|(language, zone)| (format!("is written in {language}, spoken in that zone only"), zone))
                        .or_else(|| {
                            super::country_zone::country_zone(self.src).map(|(country, zone)| {
                                (format!("its web and mail addresses end in .{country}, a country of one zone"), zone)
                            })
                        }) {
                        Some((said, name)) if let Ok(zone) = name.parse::<crate::doc::Zone>() => {
                            let why = format!("the file states no time zone and {said}");
                            self.report.zone = Some(format!("{zone}, assumed: {why} (--timezone sets another)"));
                            let note = format!("assumed: {why}");
                            self.doc.extra.insert(Value::String("imported_timezone".into()), Value::String(note));
                            self.doc.timezone = zone.to_string();
                            self.clock.zone = Some(zone);
                            return;
                        }
                        _ => "the file states no time zone".to_string(),
                    },
                };
                let note = format!("assumed: {why}; this is the zone of the computer that imported it");
                self.report.zone = Some(format!("{assumed}, {note} (--timezone sets another)"));
                self.doc.extra.insert(Value::String("imported_timezone".into()), Value::String(note));
            }
        }
    }

    /// What the metadata says of the timeline's times, once the front matter and title are read:
    /// a title that names a day earlier than the front matter's `date:` (the day it was
    /// published) is the incident's day, and so is a day a sentence sets the scene with ("On the
    /// evening of Feb 23, ...", "On Tuesday ...": `scene.rs`); an incident time written with its offset
    /// (`detected_at: 2026-09-09T18:40:00-03:00`) in a file that names no zone gives the zone of
    /// its bare times, and its day.
    pub(super) fn times_of_the_metadata(&mut self) {
        if self.own {
            return;
        }
        // "On the evening of Feb 23, ...", "On Tuesday our API went down", "Yesterday ..." in
        // the text before the timeline: the same, told against the day the post was written
        // (its front matter's `date:`, or the first day the text gives: a byline's).
        if let Some(published) = self.date.or(self.first_date)
            && let Some(day) =
                super::times::find_date(&self.doc.title).or_else(|| super::scene::scene_near(self.src, published))
            && (1..=60).contains(&(published - day).num_days())
        {
            self.clock.date = Some(day);
            self.date = Some(day);
            self.first_date = Some(day);
        }
        let t = &self.doc.times;
        let stated = [&t.started, &t.detected, &t.mitigated, &t.resolved].into_iter().find_map(|m| match m {
            Some(crate::doc::Moment::Exact(at)) => Some(*at),
            _ => None,
        });
        let stated = stated.or(self.date_instant);
        let Some(at) = stated.filter(|_| self.clock.zone.is_none() && !self.zone_given) else { return };
        let zone = crate::doc::Zone::Fixed(*at.offset());
        self.doc.timezone = zone.to_string();
        self.report.zone = Some(format!("{zone}, because the metadata writes the incident's times with it"));
        let note = "the offset the metadata writes the incident's times with".to_string();
        self.doc.extra.insert(Value::String("imported_timezone".into()), Value::String(note));
        self.clock.zone = Some(zone);
        self.first_date = self.first_date.or(Some(at.date_naive()));
    }

    /// The day of the incident's first stated time (`**Detected** 03 Sep 09:41 AEST`), for a
    /// timeline of bare times in a file that names no other day.
    pub(super) fn metadata_day(&self) -> Option<chrono::NaiveDate> {
        let t = &self.doc.times;
        [&t.started, &t.detected, &t.mitigated, &t.resolved].into_iter().flatten().find_map(|m| match m {
            crate::doc::Moment::Exact(at) => Some(at.date_naive()),
            crate::doc::Moment::Typed(text) => super::times::find_date(text),
        })
    }

    /// The title: the first H1 (the paragraph below it when the H1 is a template's
    /// placeholder, "Incident Title"), unless the front matter gave one and the H1 names a
    /// section; without an H1, a first heading that names no section. The blocks it took.
    pub(super) fn title(&mut self, blocks: &[Block]) -> Vec<usize> {
        // `# Incident Summary` over `# Timeline`, `# Root cause`: every heading at the first
        // level, the first one a section's; the file has no title.
        let h1s: Vec<usize> = blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| matches!(b.kind, Kind::Heading { level: 1, .. }))
            .map(|(i, _)| i)
            .collect();
        let h1 = h1s.first().copied().filter(|&i| {
            h1s.len() < 3
                || !matches!(&blocks[i].kind, Kind::Heading { text, .. } if section_for(text, self.template).is_some())
        });
        // A copied web page's navigation first ("lichess.org", "Donate", "Back to Blog Home"):
        // not the title, and kept as text where it is.
        let chrome = |b: &Block| matches!(b.kind, Kind::Paragraph) && page_chrome(&self.src[b.range.clone()]);
        let first = blocks.iter().position(|b| !matches!(b.kind, Kind::Other) && !chrome(b));
        let (i, text) = match (h1, first) {
            (Some(i), _) => match &blocks[i].kind {
                Kind::Heading { text, .. } => (i, text.clone()),
                _ => return Vec::new(),
            },
            (None, Some(i)) if !self.own && self.doc.title.trim().is_empty() => match &blocks[i].kind {
                Kind::Heading { text, .. }
                    if section_for(text, self.template).is_none()
                        && label_line(text).is_none_or(|(l, v)| v.is_empty() || meta_for(&l).is_none()) =>
                {
                    (i, text.clone())
                }
                // A copied page or mail with no heading at all: its first line, when it stands
                // alone and reads as a title ("2015-05-19 Mailman outage", not "Hi,").
                // (Headings that only name sections, "Summary", "Timeline", as a page written
                // without Markdown is given, do not count.)
                Kind::Paragraph
                    if !blocks.iter().any(|b| {
                        matches!(&b.kind, Kind::Heading { level, text } if *level == 1 || !names_section(text, self.template))
                    }) =>
                {
                    if let Some((k, title)) = self.report_for_title(blocks) {
                        self.report.push(blocks[k].line, title.clone(), Outcome::Title);
                        self.doc.title = title;
                        return Vec::new();
                    }
                    // A promotion's banner first ("Grow with us: ...", "x"), the title below it.
                    let i = self.after_banner(blocks, i);
                    let line = self.src[blocks[i].range.clone()].trim();
                    // A status page's header: the title, then "Incident Report for Honeycomb";
                    // the title is its first line, and the block stays in the text.
                    if let Some(title) = self.header_title(line) {
                        self.doc.title = title;
                        self.report.push(blocks[i].line, first_line(line), Outcome::Title);
                        return Vec::new();
                    }
                    // A blog's byline first ("January 19, 2024 by Drew DeVault"), the title below it.
                    let by = BYLINE.as_ref().and_then(|re| re.captures(line)).map(|c| c[1].to_string());
                    let next = blocks.get(i + 1).filter(|b| matches!(b.kind, Kind::Paragraph));
                    if let (Some(name), Some(next)) = (&by, next)
                        && plain_title(self.src[next.range.clone()].trim())
                    {
                        if self.doc.authors.is_empty() {
                            self.doc.authors.push(name.clone());
                        }
                        self.doc.title = self.src[next.range.clone()].trim().to_string();
                        self.report.push(
                            blocks[i].line,
                            line.to_string(),
                            Outcome::Metadata(vec!["authors (1)".into()]),
                        );
                        self.report.push(next.line, self.doc.title.clone(), Outcome::Title);
                        return vec![i, i + 1];
                    }
                    if !(plain_title(line) || self.titled_line(line)) || by.is_some() {
                        return Vec::new();
                    }
                    // "Dan Bennett -" (a blog's byline below its title, after the author's picture).
                    let below = blocks.iter().skip(i + 1).take(3).filter(|b| matches!(b.kind, Kind::Paragraph));
                    if let Some((b, name)) =
                        below.filter_map(|b| Some((b, byline_below(&self.src[b.range.clone()])?))).next()
                        && self.doc.authors.is_empty()
                    {
                        self.doc.authors.push(name);
                        let shown = first_line(&self.src[b.range.clone()]);
                        self.report.push(b.line, shown, Outcome::Metadata(vec!["authors (1)".into()]));
                    }
                    (i, line.to_string())
                }
                _ => return Vec::new(),
            },
            _ => return Vec::new(),
        };
        let shown = first_line(&self.src[blocks[i].range.clone()]);
        let placeholder =
            matches!(normalize(&text).as_str(), "incident title" | "title" | "postmortem title" | "incident name");
        if !self.own
            && placeholder
            && let Some(next) = blocks.get(i + 1).filter(|b| matches!(b.kind, Kind::Paragraph))
        {
            self.doc.title = first_line(&self.src[next.range.clone()]);
            self.report.push(blocks[i].line, shown, Outcome::Title);
            return vec![i, i + 1];
        }
        // `# Date` over the day, `# Authors` over the names: a label, never the title.
        let names_part = section_for(&text, self.template).is_some();
        if !self.own && ((!self.doc.title.trim().is_empty() && names_part) || meta_for(&text).is_some()) {
            return Vec::new();
        }
        // `# Incident Log` over one `### Incident on 2024-04-15 - ...`: a page of a log with one
        // incident in it is that incident's.
        if !self.own
            && LOG_NAMES.contains(&normalize(&text).as_str())
            && let Some(j) = only_incident_heading(blocks, i, self.template)
            && let Kind::Heading { text: incident, .. } = &blocks[j].kind
        {
            self.doc.title = incident.clone();
            self.report.push(blocks[i].line, shown, Outcome::Title);
            self.report.push(blocks[j].line, first_line(&self.src[blocks[j].range.clone()]), Outcome::Title);
            return vec![i, j];
        }
        self.doc.title = text;
        self.report.push(blocks[i].line, shown, Outcome::Title);
        vec![i]
    }
}

static BYLINE: std::sync::LazyLock<Option<regex::Regex>> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^.{0,40}?\d{4}\s+by\s+(\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,3})$").ok()
});

/// Titles of a page that gathers incidents, not of one.
const LOG_NAMES: &[&str] = &[
    "incident log",
    "incidents log",
    "incident",
    "incident history",
    "incident report",
    "postmortem",
    "post mortem",
    "outage log",
    "outage",
];

/// The one heading after `from` that names an incident ("Incident on 2024-04-15 - ...",
/// "Outage of 3 May"), when there is exactly one and it names no section.
fn only_incident_heading(blocks: &[Block], from: usize, template: &crate::template::Template) -> Option<usize> {
    let mut found = blocks.iter().enumerate().skip(from + 1).filter(|(_, b)| match &b.kind {
        Kind::Heading { text, .. } => {
            let n = normalize(text);
            (n.starts_with("incident ") || n.starts_with("outage ")) && section_for(text, template).is_none()
        }
        _ => false,
    });
    let (j, _) = found.next()?;
    found.next().is_none().then_some(j)
}

/// A line that reads as a title: one line, short, no sentence's end, no label or time first.
pub(super) fn plain_title(line: &str) -> bool {
    let words = line.split_whitespace().count();
    // A long one that says what it is ("Postmortem Case: Trailing Whitespaces and Incorrect
    // Indentations Plague 0x05 AirBnB Clone - RESTful API Project"), or ends with its
    // qualifier in brackets ("... Outage (Invented Scenario)").
    let says = super::title_lines::says_what_it_is(line);
    let (most, chars) = super::title_lines::title_length(line);
    !line.contains('\n')
        && (1..=most).contains(&words)
        && line.chars().count() <= chars
        && !line.ends_with(['.', ',', ':', ';', '!', '?'])
        && (!line.ends_with(')') || (says && line.contains('(')))
        && line.chars().next().is_some_and(|c| c.is_alphanumeric())
        && label_line(line).is_none()
        && super::stamp::leading_stamp(line).is_none_or(|s| s.time.is_none())
        // A line that only states a day ("Sunday, January 16, 2011" over a status blog's post)
        // is the post's date, not its title.
        && super::dates::date_line(line).is_none()
        && super::dated_title::digits_day(line).is_none()
}

/// With no title found, a first line that only states a day ("21 February 2010" over a wiki
/// page's text) says more than "Untitled incident".
pub(super) fn dated_title(src: &str) -> Option<String> {
    let first = src.lines().map(str::trim).find(|l| !l.is_empty())?;
    let bare = first.starts_with(|c: char| c.is_alphanumeric()) && !first.contains(':');
    super::dates::date_line(first).filter(|_| bare).map(|_| first.to_string())
}

/// A web page's navigation copied with its text: a bare domain ("lichess.org"), a menu word
/// ("Donate", "Home"), "Back to ...", "Skip to ...", "Share on ...", an image's alt text
/// ("Dan Bennett image"), a status page's name ("Linode Status"); every line of the paragraph
/// so.
fn page_chrome(text: &str) -> bool {
    static DOMAIN: std::sync::LazyLock<Option<regex::Regex>> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"^(?i)[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$").ok());
    const MENU: &[&str] = &["donate", "home", "menu", "blog", "login", "log in", "sign in", "subscribe", "search"];
    text.lines().map(str::trim).filter(|l| !l.is_empty()).all(|l| {
        let lower = l.to_lowercase();
        DOMAIN.as_ref().is_some_and(|re| re.is_match(l))
            || MENU.contains(&lower.as_str())
            || ["back to ", "skip to ", "share on ", "jump to "].iter().any(|p| lower.starts_with(p))
            || (lower.ends_with(" image") && l.split_whitespace().count() <= 4)
            || (lower.ends_with(" status") && l.split_whitespace().count() <= 3)
    })
}

/// "Dan Bennett -": a name alone on its line before a dash, as blogs write their byline.
fn byline_below(text: &str) -> Option<String> {
    static NAME: std::sync::LazyLock<Option<regex::Regex>> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^(\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){1,3})\s*[-–—]$").ok()
    });
    let t = text.trim();
    (!t.contains('\n')).then_some(())?;
    NAME.as_ref()?.captures(t).map(|c| c[1].to_string())
}

/// A heading that only names a section ("Summary", "Leadup", "Timeline (EAT)"), whatever the
/// template has.
fn names_section(text: &str, template: &crate::template::Template) -> bool {
    section_for(text, template).is_some() || super::matching::is_heading_name(&super::matching::unqualified(text))
}

static OWN_TEMPLATE: std::sync::LazyLock<Option<regex::Regex>> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"^(.+) \(version (\d+)\)$").ok());

/// The template name and version in our own export's metadata table.
pub(super) fn own_export(blocks: &[Block]) -> Option<(String, u32)> {
    blocks.iter().take_while(|b| !matches!(b.kind, Kind::Heading { level: 2.., .. })).find_map(|b| match &b.kind {
        Kind::Table { header, rows } if header == &["Field", "Value"] => rows.iter().find_map(|r| {
            let value = (r.len() == 2 && r[0] == "Template").then(|| r[1].as_str())?;
            let c = OWN_TEMPLATE.as_ref()?.captures(value)?;
            Some((c[1].to_string(), c[2].parse().ok()?))
        }),
        _ => None,
    })
}

/// The day of a list entry that opens with a full day and time (`* Jun 29, 2022 - 09:30 PDT —
/// Resolved`).
fn listed_update_day(line: &str) -> Option<chrono::NaiveDate> {
    let item = line.trim_start().strip_prefix(['*', '-'])?.trim_start();
    let s = super::stamp::leading_stamp(item)?;
    match (s.date?, s.time?) {
        (super::stamp::DateText::Full(d), super::stamp::ClockText::At(_)) => Some(d),
        _ => None,
    }
}
