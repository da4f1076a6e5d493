//! Which template section a heading means, which metadata a label names, which column of a
//! table holds what: by name first, then by the synonyms the public templates use.

use crate::doc::SectionKind;
use crate::template::Template;

/// Lowercase words without punctuation, numbering or plural `s`: `"3. Root Causes:"` and
/// `"root cause"` read the same.
pub fn normalize(text: &str) -> String {
    let lower = text.to_lowercase().replace('&', " and ").replace(['\'', '’'], "");
    let mut words: Vec<String> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            if w.len() >= 3 && w.ends_with('s') && !w.ends_with("ss") {
                w[..w.len() - 1].to_string()
            } else {
                w.to_string()
            }
        })
        .collect();
    if words.len() > 1 && words[0].chars().all(|c| c.is_ascii_digit()) {
        words.remove(0);
    }
    words.join(" ")
}

/// The heading synonym table (`headings.txt`): groups of names that mean the same section, and
/// names that mean "the section of this kind".
struct Table {
    groups: Vec<Vec<String>>,
    kinds: Vec<(SectionKind, Vec<String>)>,
}

static TABLE: std::sync::LazyLock<Table> = std::sync::LazyLock::new(|| {
    let mut table = Table { groups: Vec::new(), kinds: Vec::new() };
    for line in include_str!("headings.txt").lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut names: Vec<String> = line.split('|').map(|n| n.trim().to_string()).collect();
        let kind = match names[0].as_str() {
            "@timeline" => Some(SectionKind::Timeline),
            "@factors" => Some(SectionKind::Factors),
            "@actions" => Some(SectionKind::Actions),
            _ => None,
        };
        match kind {
            Some(kind) => {
                names.remove(0);
                table.kinds.push((kind, names.iter().map(|n| normalize(n)).collect()));
            }
            None => table.groups.push(names),
        }
    }
    table
});

pub use super::columns::{Column, column_for};

/// A name the heading table knows (`Impact`, `Root cause`), whatever the template.
pub fn is_heading_name(label: &str) -> bool {
    let n = normalize(label);
    TABLE.groups.iter().chain(TABLE.kinds.iter().map(|(_, names)| names)).any(|g| g.iter().any(|x| normalize(x) == n))
}

/// Groups close enough to stand in for each other when a template has only one of them: a
/// template's "What happened" is where a "Summary" goes, and the other way round.
const FALLBACKS: &[(&str, &str)] = &[("summary", "what happened"), ("what happened", "summary")];

/// The template section (index) a heading means, if any: by its words, then without what
/// qualifies it (`Timeline (UTC)`, `Timeline - all times in PST`), then a heading that names the
/// timeline in a few words ("Detailed timeline", "Establishing the timeline").
pub fn section_for(heading: &str, template: &Template) -> Option<usize> {
    if let Some(i) = section_named(heading, template) {
        return Some(i);
    }
    let bare = unqualified(heading);
    if bare != heading.trim()
        && let Some(i) = section_named(&bare, template)
    {
        return Some(i);
    }
    let n = normalize(&bare);
    let words: Vec<&str> = n.split(' ').collect();
    // "Timeline (all times PST) 01/16/2024 - 02/28/2024. All times approximations" too.
    let named = |w: &&str| {
        matches!(
            *w,
            "timeline" | "chronology" | "cronología" | "cronologia" | "chronologie" | "zeitleiste" | "tijdlijn"
        )
    };
    if (words.len() <= 4 && words.iter().any(named)) || words.first().is_some_and(named) {
        return template.sections.iter().position(|s| s.kind == SectionKind::Timeline);
    }
    None
}

/// A heading without its parenthesised remarks and the zone it states.
pub fn unqualified(heading: &str) -> String {
    static PARENS: std::sync::LazyLock<Option<regex::Regex>> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"[(（\[][^)）\]]*[)）\]]").ok());
    let mut t = PARENS.as_ref().map_or_else(|| heading.to_string(), |re| re.replace_all(heading, " ").into_owned());
    if let Some((_, words)) = super::zone::stated(&t) {
        let kept = t.replacen(&words, " ", 1);
        // "Timeline (UTC)" stated by the heading's own first word: keep that word.
        t = if normalize(&kept).is_empty() { t } else { kept };
    }
    t.trim().trim_end_matches([':', '-', '–', '—', ',', ' ']).trim().to_string()
}

fn section_named(heading: &str, template: &Template) -> Option<usize> {
    let h = normalize(heading);
    if h.is_empty() {
        return None;
    }
    let names = |i: usize| {
        let s = &template.sections[i];
        [normalize(&s.title), normalize(&s.id)]
    };
    if let Some(i) = (0..template.sections.len()).find(|&i| names(i).contains(&h)) {
        return Some(i);
    }
    let in_group = |group: &[String]| {
        let group: Vec<String> = group.iter().map(|g| normalize(g)).collect();
        (0..template.sections.len()).find(|&i| names(i).iter().any(|n| group.contains(n)))
    };
    for group in &TABLE.groups {
        if group.iter().any(|g| normalize(g) == h) {
            let fallback = FALLBACKS.iter().find(|(from, _)| group[0] == *from).map(|(_, to)| *to);
            let fallback = fallback.and_then(|to| TABLE.groups.iter().find(|g| g[0] == to));
            if let Some(i) = in_group(group).or_else(|| fallback.and_then(|g| in_group(g))) {
                return Some(i);
            }
        }
    }
    for (kind, group) in &TABLE.kinds {
        if group.contains(&h) {
            return template.sections.iter().position(|s| s.kind == *kind);
        }
    }
    None
}

/// The headings that name the derived numbers in our own export; they are not imported.
pub fn is_numbers_heading(heading: &str) -> bool {
    matches!(normalize(heading).as_str(), "incident number" | "key number" | "number")
}

/// Document metadata a label can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Meta {
    Title,
    Status,
    Severity,
    Started,
    Detected,
    Mitigated,
    Resolved,
    /// "from 10:45 to 12:15": when it started and when it was resolved.
    Window,
    Date,
    TimeZone,
    Authors,
    Services,
    Tags,
    Template,
}

pub fn meta_for(label: &str) -> Option<Meta> {
    let l = normalize(label);
    let is = |words: &[&str]| words.iter().any(|w| normalize(w) == l);
    Some(match () {
        _ if is(&["title", "subject"]) => Meta::Title,
        _ if is(&["status", "document status", "postmortem status", "estado"]) => Meta::Status,
        _ if is(&["severity", "sev", "incident severity", "severity level", "priority", "severidad", "severidade"]) => {
            Meta::Severity
        }
        _ if is(&[
            "started",
            "start",
            "start time",
            "start date",
            "incident start",
            "outage start",
            "issue start",
            "problem start",
            "incident start time",
            "outage start time",
            "issue start time",
            "beginning",
            "beginning date",
            "incident began",
            "outage began",
            "began",
            "impact start",
            "first impact",
        ]) =>
        {
            Meta::Started
        }
        _ if is(&[
            "detected",
            "discovered",
            "time discovered",
            "discovered at",
            "first discovered",
            "detection time",
            "time detected",
            "detected at",
            "first detected",
            "incident detected",
            "incident reported",
            "issue reported",
            "problem reported",
            "first reported",
            "reported at",
            "time reported",
        ]) =>
        {
            Meta::Detected
        }
        _ if is(&["mitigated", "mitigation time", "time mitigated", "mitigated at", "repaired", "time repaired"]) => {
            Meta::Mitigated
        }
        _ if is(&[
            "resolved",
            "resolution time",
            "time resolved",
            "resolved at",
            "ended",
            "end",
            "end time",
            "end date",
            "incident end",
            "outage end",
            "issue end",
            "problem end",
            "incident end time",
            "outage end time",
            "issue end time",
            "incident resolved",
            "incident ended",
            "service restored",
            "services restored",
        ]) =>
        {
            Meta::Resolved
        }
        _ if is(&["date", "incident date", "date of incident", "when", "fecha", "fecha del incidente", "datum"]) => {
            Meta::Date
        }
        _ if is(&[
            "duration",
            "outage window",
            "incident window",
            "time of incident",
            "incident time",
            "outage duration",
            "downtime",
            "duración",
            "duração",
            "durée",
            "dauer",
        ]) =>
        {
            Meta::Window
        }
        _ if is(&["time zone", "timezone", "tz"]) => Meta::TimeZone,
        _ if is(&[
            "authors",
            "author",
            "written by",
            "prepared by",
            "created by",
            "by",
            "posted by",
            "postmortem owner",
            "postmortem author",
            "owner",
            "owners",
            "document owner",
            "incident owner",
            // Spanish, Portuguese, French, German.
            "autor",
            "autora",
            "autores",
            "autor do post mortem",
            "escrito por",
            "elaborado por",
            "auteur",
            "verfasser",
        ]) =>
        {
            Meta::Authors
        }
        _ if is(&[
            "services",
            "service",
            "affected services",
            "services affected",
            "systems affected",
            "components",
        ]) =>
        {
            Meta::Services
        }
        _ if is(&["tags", "labels", "keywords"]) => Meta::Tags,
        _ if is(&["template"]) => Meta::Template,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::super::columns::{Column, column_for};
    use super::*;

    #[test]
    fn normalizing_ignores_case_numbering_punctuation_and_plurals() {
        assert_eq!(normalize("3. Root Causes:"), "root cause");
        assert_eq!(normalize("What didn’t go so well?"), "what didnt go so well");
        assert_eq!(normalize("Detection & Response"), "detection and response");
        assert_eq!(normalize("Follow-ups"), "follow up");
    }

    #[test]
    fn metadata_and_columns() {
        assert_eq!(meta_for("**Authors**"), Some(Meta::Authors));
        assert_eq!(meta_for("Affected services"), Some(Meta::Services));
        assert_eq!(meta_for("Root cause"), None);
        assert_eq!(column_for("Time (UTC)", SectionKind::Timeline), Some(Column::Time));
        assert_eq!(column_for("Time, PST", SectionKind::Timeline), Some(Column::Time));
        assert_eq!(column_for("Bug", SectionKind::Actions), Some(Column::Ticket));
        assert_eq!(column_for("Notes", SectionKind::Actions), None);
    }
}
