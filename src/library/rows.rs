//! Rows for machine-readable output: JSON and CSV of `list` and `actions`, and the JSON of
//! `stats`. Unknown values are null in JSON and empty in CSV; durations are whole seconds.

use chrono::NaiveDate;
use serde::Serialize;

use super::{ActionItem, Entry, Spread, Stats, csv};

pub fn list_json(entries: &[&Entry]) -> serde_json::Result<String> {
    let rows: Vec<ListRow> = entries.iter().map(|e| ListRow::of(e)).collect();
    Ok(serde_json::to_string_pretty(&rows)? + "\n")
}

/// A header row, then a row per entry; tags and services are joined with `; `.
pub fn list_csv(entries: &[&Entry]) -> String {
    let mut w = csv::Writer::new();
    w.record(LIST_COLUMNS);
    for e in entries {
        w.record(ListRow::of(e).cells());
    }
    w.finish()
}

pub fn actions_json(items: &[ActionItem]) -> serde_json::Result<String> {
    let rows: Vec<ActionRow> = items.iter().map(ActionRow::of).collect();
    Ok(serde_json::to_string_pretty(&rows)? + "\n")
}

/// A header row, then a row per action, with the columns a tracker's CSV import maps.
pub fn actions_csv(items: &[ActionItem]) -> String {
    let mut w = csv::Writer::new();
    w.record(ACTION_COLUMNS);
    for item in items {
        w.record(ActionRow::of(item).cells());
    }
    w.finish()
}

fn opt(s: Option<impl ToString>) -> String {
    s.map(|s| s.to_string()).unwrap_or_default()
}

const LIST_COLUMNS: [&str; 15] = [
    "date",
    "title",
    "severity",
    "status",
    "status_since",
    "status_by",
    "time_to_detect_seconds",
    "time_to_mitigate_seconds",
    "time_to_resolve_seconds",
    "sections_written",
    "sections_total",
    "tags",
    "services",
    "path",
    "error",
];

/// A row of `list --format json|csv`; unknown values are null (empty in CSV).
#[derive(Serialize)]
struct ListRow {
    date: Option<NaiveDate>,
    title: Option<String>,
    severity: Option<String>,
    status: Option<&'static str>,
    status_since: Option<String>,
    status_by: Option<String>,
    time_to_detect_seconds: Option<i64>,
    time_to_mitigate_seconds: Option<i64>,
    time_to_resolve_seconds: Option<i64>,
    sections_written: Option<usize>,
    sections_total: Option<usize>,
    tags: Vec<String>,
    services: Vec<String>,
    path: String,
    error: Option<String>,
}

impl ListRow {
    fn of(entry: &Entry) -> ListRow {
        let s = entry.summary();
        let seconds = |d: Option<chrono::Duration>| d.map(|d| d.num_seconds());
        ListRow {
            date: entry.date(),
            title: s.map(|s| s.title.clone()),
            severity: s.and_then(|s| s.severity.clone()),
            status: s.map(|s| s.status.as_str()),
            status_since: s.and_then(|s| s.status_since).map(|t| t.to_rfc3339()),
            status_by: s.and_then(|s| s.status_by.clone()),
            time_to_detect_seconds: s.and_then(|s| seconds(s.numbers.to_detect)),
            time_to_mitigate_seconds: s.and_then(|s| seconds(s.numbers.to_mitigate)),
            time_to_resolve_seconds: s.and_then(|s| seconds(s.numbers.to_resolve)),
            sections_written: s.map(|s| s.sections_written),
            sections_total: s.map(|s| s.sections_total),
            tags: s.map(|s| s.tags.clone()).unwrap_or_default(),
            services: s.map(|s| s.services.clone()).unwrap_or_default(),
            path: entry.path().display().to_string(),
            error: entry.error_line(),
        }
    }

    /// The cells in `LIST_COLUMNS` order; tags and services joined with `; `.
    fn cells(self) -> [String; 15] {
        [
            opt(self.date),
            opt(self.title),
            opt(self.severity),
            opt(self.status),
            opt(self.status_since),
            opt(self.status_by),
            opt(self.time_to_detect_seconds),
            opt(self.time_to_mitigate_seconds),
            opt(self.time_to_resolve_seconds),
            opt(self.sections_written),
            opt(self.sections_total),
            self.tags.join("; "),
            self.services.join("; "),
            self.path,
            opt(self.error),
        ]
    }
}

/// The columns of `actions --format csv`, named for a tracker's CSV import to map.
const ACTION_COLUMNS: [&str; 11] = [
    "title",
    "owner",
    "due",
    "status",
    "overdue",
    "priority",
    "kind",
    "ticket",
    "postmortem",
    "postmortem_date",
    "postmortem_path",
];

#[derive(Serialize)]
struct ActionRow {
    title: String,
    owner: Option<String>,
    due: Option<String>,
    status: &'static str,
    overdue: bool,
    priority: Option<&'static str>,
    kind: Option<&'static str>,
    ticket: Option<String>,
    postmortem: String,
    postmortem_date: Option<NaiveDate>,
    postmortem_path: String,
}

impl ActionRow {
    fn of(item: &ActionItem) -> ActionRow {
        let a = item.action;
        ActionRow {
            title: a.title.clone(),
            owner: a.owner.clone(),
            due: a.due.clone(),
            status: a.status.as_str(),
            overdue: item.overdue,
            priority: a.priority.map(|p| p.as_str()),
            kind: a.kind.map(|k| k.as_str()),
            ticket: a.ticket.clone(),
            postmortem: item.doc.title.clone(),
            postmortem_date: item.doc.date,
            postmortem_path: item.doc.path.display().to_string(),
        }
    }

    fn cells(self) -> [String; 11] {
        [
            self.title,
            opt(self.owner),
            opt(self.due),
            self.status.to_string(),
            self.overdue.to_string(),
            opt(self.priority),
            opt(self.kind),
            opt(self.ticket),
            self.postmortem,
            opt(self.postmortem_date),
            self.postmortem_path,
        ]
    }
}

/// `stats --format json`: keys in reading order, durations in whole seconds, shares from 0
/// to 1.
pub fn stats_json(stats: &Stats, since: Option<NaiveDate>, unreadable: usize) -> serde_json::Result<String> {
    let a = &stats.actions;
    let json = StatsJson {
        incidents: stats.incidents,
        unreadable,
        since,
        undated: stats.undated,
        per_month: counted(&stats.per_month, |month| Counted { month: Some(month), ..Counted::default() }),
        per_severity: counted(&stats.per_severity, |severity| Counted {
            severity: Some(severity),
            ..Counted::default()
        }),
        time_to_detect: SpreadJson::of(&stats.to_detect),
        time_to_mitigate: SpreadJson::of(&stats.to_mitigate),
        time_to_resolve: SpreadJson::of(&stats.to_resolve),
        factor_categories: counted(&stats.factor_categories, |category| Counted {
            category: Some(category),
            ..Counted::default()
        }),
        actions: ActionsJson {
            total: a.total,
            done: a.done,
            open: a.open,
            overdue: a.overdue,
            wont_do: a.wont_do,
            done_share: a.share(a.done),
            open_share: a.share(a.open),
            overdue_share: a.share(a.overdue),
            wont_do_share: a.share(a.wont_do),
        },
    };
    Ok(serde_json::to_string_pretty(&json)? + "\n")
}

#[derive(Serialize)]
struct StatsJson<'a> {
    incidents: usize,
    unreadable: usize,
    since: Option<NaiveDate>,
    undated: usize,
    per_month: Vec<Counted<'a>>,
    per_severity: Vec<Counted<'a>>,
    time_to_detect: SpreadJson,
    time_to_mitigate: SpreadJson,
    time_to_resolve: SpreadJson,
    factor_categories: Vec<Counted<'a>>,
    actions: ActionsJson,
}

/// `{"month": "2026-11", "incidents": 3}` and the like: one of the names, then the count.
#[derive(Serialize, Default)]
struct Counted<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    month: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    severity: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    category: Option<&'a str>,
    incidents: usize,
}

fn counted<'a>(items: &'a [(String, usize)], name: impl Fn(&'a str) -> Counted<'a>) -> Vec<Counted<'a>> {
    items.iter().map(|(k, n)| Counted { incidents: *n, ..name(k) }).collect()
}

#[derive(Serialize)]
struct SpreadJson {
    incidents: usize,
    median_seconds: Option<i64>,
    p90_seconds: Option<i64>,
}

impl SpreadJson {
    fn of(s: &Spread) -> SpreadJson {
        SpreadJson {
            incidents: s.count,
            median_seconds: s.median.map(|d| d.num_seconds()),
            p90_seconds: s.p90.map(|d| d.num_seconds()),
        }
    }
}

#[derive(Serialize)]
struct ActionsJson {
    total: usize,
    done: usize,
    open: usize,
    overdue: usize,
    wont_do: usize,
    done_share: f64,
    open_share: f64,
    overdue_share: f64,
    wont_do_share: f64,
}
