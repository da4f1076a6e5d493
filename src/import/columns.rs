//! Table columns by their headers: which holds the time, the event, the owner, in the
//! languages postmortems are written in.

use super::matching::{normalize, unqualified};
use crate::doc::SectionKind;

/// What a table column holds, by its header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Time,
    Event,
    Evidence,
    Marker,
    Description,
    Category,
    Title,
    Ticket,
    Owner,
    Due,
    Priority,
    Kind,
    Status,
}

pub fn column_for(header: &str, kind: SectionKind) -> Option<Column> {
    // "Time (UTC)", "Time (PDT)", "Timestamp, CET" are time columns too.
    let h = normalize(&unqualified(header));
    let h: Vec<&str> = h.split(' ').filter(|w| super::zone::zone_word(&w.to_uppercase()).is_none()).collect();
    let h = h.join(" ");
    let is = |words: &[&str]| words.iter().any(|w| normalize(w) == h);
    match kind {
        SectionKind::Timeline => Some(match () {
            _ if is(&[
                "time",
                "when",
                "timestamp",
                "date",
                "day",
                "date time",
                "datetime",
                "date and time",
                "at",
                // The same in the languages postmortems are written in.
                "heure",
                "horodatage",
                "date et heure",
                "uhrzeit",
                "zeit",
                "zeitpunkt",
                "hora",
                "fecha y hora",
                "fecha",
                "momento",
                "horário",
                "tijd",
                "時刻",
                "日時",
                "时间",
            ]) =>
            {
                Column::Time
            }
            _ if is(&[
                "event",
                "what happened",
                "description",
                "action",
                "activity",
                "detail",
                "update",
                "note",
                "événement",
                "ereignis",
                "evento",
                "hecho",
                "suceso",
                "acontecimiento",
                "gebeurtenis",
                "事象",
                "出来事",
                "事件",
            ]) =>
            {
                Column::Event
            }
            _ if is(&["evidence", "link", "source", "reference", "proof", "fuente", "fonte", "quelle"]) => {
                Column::Evidence
            }
            _ if is(&["mark", "marker", "phase", "milestone"]) => Column::Marker,
            _ => return None,
        }),
        SectionKind::Factors => Some(match () {
            _ if is(&[
                "contributing factor",
                "factor",
                "description",
                "cause",
                "root cause",
                "why",
                "what",
                "theme",
            ]) =>
            {
                Column::Description
            }
            _ if is(&["category", "type", "kind", "area"]) => Column::Category,
            _ => return None,
        }),
        SectionKind::Actions => Some(match () {
            _ if is(&[
                "action",
                "action item",
                "item",
                "title",
                "task",
                "description",
                "what",
                "corrective action",
            ]) =>
            {
                Column::Title
            }
            _ if is(&["owner", "assignee", "assigned to", "who", "responsible", "dri"]) => Column::Owner,
            _ if is(&["due", "due date", "deadline", "target date", "by when", "eta"]) => Column::Due,
            _ if is(&["priority", "prio"]) => Column::Priority,
            _ if is(&["kind", "type", "category"]) => Column::Kind,
            _ if is(&["status", "state", "done"]) => Column::Status,
            _ if is(&["ticket", "bug", "issue", "link", "jira", "tracking", "tracker"]) => Column::Ticket,
            _ => return None,
        }),
        SectionKind::Text | SectionKind::Fields => None,
    }
}

/// A table whose first column is the time (`Time`, `Time (CEST)`, `When`) of three rows or
/// more, two thirds of them with a clock time in it.
pub(super) fn timed_table(header: &[String], rows: &[Vec<String>]) -> bool {
    static CLOCK: std::sync::LazyLock<Option<regex::Regex>> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"\b\d{1,2}:\d{2}\b").ok());
    let first = header.first().map_or("", String::as_str);
    let named = column_for(first, SectionKind::Timeline) == Some(Column::Time)
        && !matches!(normalize(first).as_str(), "date" | "day");
    let timed =
        rows.iter().filter(|r| r.first().is_some_and(|c| CLOCK.as_ref().is_some_and(|re| re.is_match(c)))).count();
    named && header.len() >= 2 && rows.len() >= 3 && timed * 3 >= rows.len() * 2
}

/// A table whose first column is `Date` or `Day`, every cell of it a day alone, with a column of
/// what happened (`| Date | Description | Service |`), of three rows or more: a log of incidents
/// by their days (the times their descriptions tell are read with them).
pub(super) fn dated_table(header: &[String], rows: &[Vec<String>]) -> bool {
    let first = header.first().map_or("", String::as_str);
    let dated = matches!(normalize(first).as_str(), "date" | "day");
    let told = header
        .iter()
        .skip(1)
        .any(|h| matches!(column_for(h, SectionKind::Timeline), Some(Column::Event | Column::Description)));
    let days = rows.iter().all(|r| {
        r.first().and_then(|c| super::stamp::leading_stamp(c.trim())).is_some_and(|s| {
            matches!(s.date, Some(super::stamp::DateText::Full(_))) && s.time.is_none() && s.rest.trim().is_empty()
        })
    });
    dated && told && days && rows.len() >= 3
}
