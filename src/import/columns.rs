//! Table columns by their headers: which holds the time, the event, the owner, in the
//! languages postmortems are written in.

use super::matching::{normalize, unqualified};
use super::rows::Columns;
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
                "posted",
                "posted at",
                "updated",
                "last updated",
                "reported",
                "reported at",
                "logged",
                "time stamp",
                "occurred",
                "occurred at",
                "start",
                "start time",
                "started",
                "began",
                "begin",
                "from",
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
                "время",
                "дата и время",
                "czas",
                "godzina",
                "data i godzina",
                "ora",
                "orario",
                "data e ora",
                "tid",
                "tidpunkt",
                "시간",
                "시각",
                "일시",
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
                "what",
                "summary",
                "comment",
                "message",
                "observation",
                "event description",
                "what happened and action taken",
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
                "событие",
                "что произошло",
                "описание",
                "zdarzenie",
                "opis",
                "händelse",
                "avvenimento",
                "사건",
                "내용",
                "이벤트",
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

/// A table with a column of the time (`Time`, `Time (CEST)`, `When`; not a day alone) of three
/// rows or more, two thirds of them with a clock time in that column.
pub(super) fn timed_table(header: &[String], rows: &[Vec<String>]) -> bool {
    if let Some((header, rows)) = headless(header, rows) {
        return timed_table(&header, &rows);
    }
    static CLOCK: std::sync::LazyLock<Option<regex::Regex>> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"\b\d{1,2}:\d{2}\b").ok());
    let named = |c: usize| {
        column_for(&header[c], SectionKind::Timeline) == Some(Column::Time)
            && !matches!(normalize(&header[c]).as_str(), "date" | "day")
    };
    let timed = |c: usize| {
        rows.iter().filter(|r| r.get(c).is_some_and(|c| CLOCK.as_ref().is_some_and(|re| re.is_match(c)))).count()
    };
    // `| Posted | Status | Message |` over cells of a day and a time each: the time column
    // however it is named.
    // (Two rows are enough under a column named for the time: `| When | Event |`.)
    header.len() >= 2
        && rows.len() >= 2
        && (0..header.len())
            .any(|c| (named(c) || (rows.len() >= 3 && most_stamped(rows, c, true))) && timed(c) * 3 >= rows.len() * 2)
}

/// A table whose header row is its first entry (`| 09:00 | Deploy started |` over `|---|---|`):
/// the header made a row, under the names of what its columns hold.
pub(super) fn headless(header: &[String], rows: &[Vec<String>]) -> Option<(Vec<String>, Vec<Vec<String>>)> {
    let first = header.first()?;
    let stamp = super::stamp::leading_stamp(first.trim().trim_matches(['*', '_']))?;
    let alone = stamp.rest.trim().is_empty() && matches!(stamp.time, Some(super::stamp::ClockText::At(_)));
    if !alone || header.len() < 2 || column_for(first, SectionKind::Timeline).is_some() {
        return None;
    }
    let names = (0..header.len()).map(|c| match c {
        0 => "Time".to_string(),
        1 => "Event".to_string(),
        _ => format!("Column {}", c + 1),
    });
    let mut all = vec![header.to_vec()];
    all.extend(rows.iter().cloned());
    Some((names.collect(), all))
}

/// `| 00:31:10 Incident started | |`: a row whose time cell holds its event too (a page's
/// cells glued when copied), the event cell empty or none (a table of one column): the rows with
/// the time alone in its cell and the rest in the event's, and the event's column. `None` when no
/// row is so.
pub(super) fn split_time_cells(rows: &[Vec<String>], time: usize, event: usize) -> Option<(Vec<Vec<String>>, usize)> {
    let event = if event == time { time + 1 } else { event };
    let split = |row: &Vec<String>| {
        let empty = row.get(event).is_none_or(|e| e.trim().is_empty());
        let cell = row.get(time)?.trim();
        let stamp =
            super::stamp::leading_stamp(cell).filter(|s| matches!(s.time, Some(super::stamp::ClockText::At(_))))?;
        let rest = stamp.rest.trim();
        let worded = rest.chars().next().is_some_and(char::is_alphabetic) && rest.split_whitespace().count() >= 2;
        (empty && worded).then(|| {
            let mut row = row.clone();
            row.resize(row.len().max(event + 1), String::new());
            row[time] = cell.strip_suffix(stamp.rest.as_str()).map_or(stamp.text.clone(), |t| t.trim().to_string());
            row[event] = rest.to_string();
            row
        })
    };
    let made: Vec<Option<Vec<String>>> = rows.iter().map(split).collect();
    let any = made.iter().any(Option::is_some);
    any.then(|| (made.into_iter().zip(rows).map(|(m, r)| m.unwrap_or_else(|| r.clone())).collect(), event))
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

/// The columns a timeline table's rows are read from.
pub(super) struct TimelineColumns {
    pub time: usize,
    /// `| Date | Time | Event |`: the day in a column of its own.
    pub date_col: Option<usize>,
    pub event: usize,
    /// `| Event | Start | End |`: the end of each row's span.
    pub end: Option<usize>,
}

/// Which column of a timeline table holds the time, the day, the event and a span's end.
pub(super) fn timeline_columns(cols: &Columns, header: &[String], rows: &[Vec<String>]) -> TimelineColumns {
    use super::rows::cell;
    let stamped = |c: usize| most_stamped(rows, c, false);
    let ends = |c: usize| {
        matches!(normalize(&header[c]).as_str(), "end" | "end time" | "ended" | "until" | "to" | "finish" | "stop")
    };
    let mut times: Vec<usize> = (0..header.len()).filter(|&c| cols.kinds[c] == Some(Column::Time)).collect();
    // No column named for the time: the one whose cells start with one (`| Event | 14:02 CEST |`).
    if times.is_empty() {
        times.extend((0..header.len()).find(|&c| !ends(c) && stamped(c)));
    }
    // `| Date | Time | Event |`: the date and the time in two columns.
    let date_col = times
        .iter()
        .copied()
        .find(|&c| matches!(normalize(&header[c]).as_str(), "date" | "day"))
        .filter(|_| times.len() > 1);
    let time = times.iter().copied().find(|&c| Some(c) != date_col).unwrap_or(0);
    let end = (0..header.len()).find(|&c| c != time && ends(c) && stamped(c));
    // Without an event column, the column of the longest words: `| Time | Revision | Change |`
    // has the change as its event, the revision numbers beside it; `| Time | Who | What |` the
    // what.
    let numbers = |c: usize| {
        rows.iter().all(|r| cell(r, Some(c)).chars().all(|ch| ch.is_ascii_digit() || " ,.#-–/".contains(ch)))
    };
    // `| step | time | notes |`: the notes are beside the event, the words before the time.
    let noted = |c: usize| matches!(normalize(&header[c]).as_str(), "note" | "notes");
    let free = |c: usize| cols.kinds[c].is_none() && c != time && Some(c) != date_col && Some(c) != end && !numbers(c);
    let named = cols.find(Column::Event).filter(|&c| !noted(c) || !(0..time).any(free));
    let length = |c: usize| rows.iter().map(|r| cell(r, Some(c)).chars().count()).sum::<usize>();
    let longest = (0..header.len()).filter(|&c| free(c)).fold(None, |best: Option<usize>, c| match best {
        Some(b) if length(b) >= length(c) => Some(b),
        _ => Some(c),
    });
    let event = named.or(longest).unwrap_or_else(|| cols.main(Column::Event, Some(time)));
    TimelineColumns { time, date_col, event, end }
}

/// Whether two thirds of a column's cells, and one at least, open with a time (and a day, with
/// `dated`): `14:02 CEST`, `03/14/2023 10:05 AM`.
fn most_stamped(rows: &[Vec<String>], c: usize, dated: bool) -> bool {
    let stamped = rows
        .iter()
        .filter(|r| {
            super::stamp::leading_stamp(super::rows::cell(r, Some(c)).trim_matches(['*', '_', '`']))
                .is_some_and(|s| matches!(s.time, Some(super::stamp::ClockText::At(_))) && (!dated || s.date.is_some()))
        })
        .count();
    stamped > 0 && stamped * 3 >= rows.len() * 2
}
