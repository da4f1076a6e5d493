//! Follow-up actions, from a table (by its column headers) or a list: a link at the end of a
//! line is its ticket, a task box its status, words in a column its priority, kind or status.

use std::sync::LazyLock;

use regex::Regex;

use super::blocks::{Block, Kind};
use super::build::{Builder, Part};
use super::matching::{Column, normalize};
use super::rows::{Columns, Leftover, cell, non_empty};
use super::times::find_date;
use crate::doc::extra::Value;
use crate::doc::{ActionKind, ActionStatus, Extra, FollowUp, Priority, SectionKind};

static LINK_AT_END: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?:\[([^\]]*)\]\(([^)\s]+)\)|<(https?://[^>\s]+)>|(https?://[^\s)]+))[).]*\s*$").ok()
});
static WHOLE_LINK: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"^(?:\[[^\]]*\]\(([^)\s]+)\)|<([^>\s]+)>)$").ok());

/// The columns of the actions table in our export.
const ACTION_COLUMNS: &[&str] = &["Action", "Owner", "Due", "Priority", "Kind", "Status", "Ticket"];

impl Builder<'_> {
    pub(super) fn actions_part(&mut self, i: usize, part: &Part, blocks: &[Block]) -> Vec<String> {
        let mut leftover = Leftover::default();
        let before = self.doc.actions.len();
        // `### Deployment` over a list of actions: the group they are in.
        let mut group: Option<String> = None;
        let mut runs = self.runs_in(part, blocks);
        for (k, &b) in part.blocks.iter().enumerate() {
            let block = &blocks[b];
            if runs.took(block, &mut leftover) || self.is_not_written(block) {
                continue;
            }
            let next_holds_rows =
                part.blocks.get(k + 1).is_some_and(|&n| matches!(blocks[n].kind, Kind::List(_) | Kind::Table { .. }));
            let start = self.doc.actions.len();
            match &block.kind {
                // As written, links and all.
                Kind::Heading { .. } if !self.own && next_holds_rows => {
                    let written = self.source(block);
                    group = Some(written.trim_start_matches('#').trim().trim_end_matches('#').trim().to_string());
                    continue;
                }
                Kind::Table { header, rows } if self.takes(header, rows, ACTION_COLUMNS) => {
                    let cols = Columns::new(header, SectionKind::Actions);
                    for row in rows {
                        let action = self.action_row(&cols, row);
                        self.doc.actions.push(action);
                    }
                }
                Kind::List(items) if !self.own => {
                    // A status page's updates copied below the postmortem (`* Nov 06, 2019 -
                    // 22:24 UTC — Resolved` over its text): timeline entries, not actions.
                    let updates = items.iter().filter(|it| status_update(&it.text)).count();
                    for it in items {
                        if updates >= 2 && status_update(&it.text) {
                            let mut r = super::timeline::Reading { item: true, ..Default::default() };
                            let before = self.doc.timeline.len();
                            self.timeline_lines(&it.text, &mut r, block.line);
                            // Newest first on the page; in the timeline, in order.
                            if self.doc.timeline.len() > before {
                                self.place_last_in_order();
                            }
                        } else {
                            self.doc.actions.push(action_from_text(&it.text, it.task));
                        }
                    }
                    if updates >= 2 {
                        self.report_updates(part, updates);
                    }
                }
                _ => {
                    if matches!(block.kind, Kind::Heading { .. }) {
                        group = None;
                    }
                    leftover.block(b, block);
                }
            }
            if let Some(name) = &group {
                for a in &mut self.doc.actions[start..] {
                    a.extra.insert(Value::String("imported-group".into()), Value::String(name.clone()));
                }
            }
        }
        let added = self.doc.actions.len() - before;
        self.report_rows(i, part, added, "action");
        leftover.into_texts(self.src)
    }

    /// Says where a status page's updates found among the actions went.
    fn report_updates(&mut self, part: &Part, count: usize) {
        let Some(t) = self.template.sections.iter().position(|s| s.kind == SectionKind::Timeline) else { return };
        let (line, shown) = part.heading.as_ref().map_or((1, String::new()), |h| (h.line, h.shown.clone()));
        let detail = format!("{count} entries: a status page's updates, each at its stamp");
        self.report.push(line, shown, super::report::Outcome::Section { id: self.doc.sections[t].id.clone(), detail });
        self.touch(t);
    }

    fn action_row(&self, cols: &Columns, row: &[String]) -> FollowUp {
        let owner = cols.find(Column::Owner);
        let due = cols.find(Column::Due);
        let ticket = cols.find(Column::Ticket);
        let title = cols.main(Column::Title, None);
        let mut used = vec![title];
        used.extend([owner, due, ticket].into_iter().flatten());
        // An enum column whose text is not understood stays on the row as typed.
        let mut read = |column: Column| {
            let at = cols.find(column)?;
            let text = cell(row, Some(at));
            let value = match column {
                Column::Priority => parse_priority(&text).map(Choice::Priority),
                Column::Kind => parse_kind(&text).map(Choice::Kind),
                _ => parse_status(&text).map(Choice::Status),
            };
            if value.is_some() || text.is_empty() {
                used.push(at);
            }
            value
        };
        let priority = match read(Column::Priority) {
            Some(Choice::Priority(p)) => Some(p),
            _ => None,
        };
        let kind = match read(Column::Kind) {
            Some(Choice::Kind(k)) => Some(k),
            _ => None,
        };
        let status = match read(Column::Status) {
            Some(Choice::Status(s)) => s,
            _ => ActionStatus::Open,
        };
        let due_text = cell(row, due);
        let due_text = match (self.own, find_date(&due_text)) {
            (false, Some(date)) => date.format("%Y-%m-%d").to_string(),
            _ => due_text,
        };
        let ticket_text = cell(row, ticket);
        let ticket_text = if self.own { ticket_text } else { link_url(&ticket_text) };
        FollowUp {
            title: cell(row, Some(title)),
            owner: non_empty(cell(row, owner)),
            due: non_empty(due_text),
            priority,
            kind,
            status,
            ticket: non_empty(ticket_text),
            extra: cols.extra(row, &used),
        }
    }
}

enum Choice {
    Priority(Priority),
    Kind(ActionKind),
    Status(ActionStatus),
}

/// An action written as a line: a link at its end is its ticket; a task box is its status.
pub(super) fn action_from_text(text: &str, task: Option<bool>) -> FollowUp {
    let mut title = text.trim().to_string();
    let mut ticket = None;
    if let Some(c) = LINK_AT_END.as_ref().and_then(|r| r.captures(text)) {
        let url = c.get(2).or_else(|| c.get(3)).or_else(|| c.get(4)).map(|m| m.as_str().to_string());
        let start = c.get(0).map_or(text.len(), |m| m.start());
        let before = text[..start].trim_end_matches([' ', '-', '–', '—', ':', '(', ',', '\n']).trim();
        // A link in a remark (`Do X (see [the runbook](...))`) is part of the title.
        let remark = text[..start].matches('(').count() > text[..start].matches(')').count()
            && !text[..start].trim_end().ends_with('(');
        ticket = url;
        // `[From this link](...)` says something; `[PLAT-311](...)` only names the ticket.
        let label = c.get(1).map_or("", |m| m.as_str());
        let says = label.trim().contains(' ') && !before.is_empty();
        title = if remark || says {
            title
        } else if before.is_empty() {
            c.get(1).map_or_else(|| title.clone(), |m| m.as_str().to_string())
        } else {
            before.to_string()
        };
    }
    let status = match task {
        Some(true) => ActionStatus::Done,
        _ => ActionStatus::Open,
    };
    FollowUp { title, owner: None, due: None, priority: None, kind: None, status, ticket, extra: Extra::new() }
}

/// `[PLAT-311](https://...)` or `<https://...>` as its address; other text as it is.
fn link_url(text: &str) -> String {
    WHOLE_LINK
        .as_ref()
        .and_then(|r| r.captures(text))
        .and_then(|c| c.get(1).or_else(|| c.get(2)))
        .map_or_else(|| text.to_string(), |m| m.as_str().to_string())
}

fn parse_priority(text: &str) -> Option<Priority> {
    match normalize(text).as_str() {
        "high" | "p0" | "p1" | "critical" | "urgent" | "highest" => Some(Priority::High),
        "medium" | "p2" | "normal" | "med" => Some(Priority::Medium),
        "low" | "p3" | "p4" | "lowest" | "minor" => Some(Priority::Low),
        _ => None,
    }
}

fn parse_kind(text: &str) -> Option<ActionKind> {
    match normalize(text).as_str() {
        "prevent" | "prevention" | "preventive" | "preventative" => Some(ActionKind::Prevent),
        "detect" | "detection" => Some(ActionKind::Detect),
        "mitigate" | "mitigation" | "mitigative" | "repair" | "recover" => Some(ActionKind::Mitigate),
        "process" | "procedure" | "documentation" => Some(ActionKind::Process),
        _ => None,
    }
}

fn parse_status(text: &str) -> Option<ActionStatus> {
    match normalize(text).as_str() {
        "open" | "todo" | "to do" | "not started" | "new" | "planned" => Some(ActionStatus::Open),
        "in progress" | "doing" | "started" | "ongoing" | "in review" => Some(ActionStatus::InProgress),
        "done" | "closed" | "complete" | "completed" | "fixed" | "resolved" | "finished" => Some(ActionStatus::Done),
        "wont do" | "wontfix" | "wont fix" | "cancelled" | "canceled" | "dropped" => Some(ActionStatus::WontDo),
        _ => None,
    }
}

/// `Nov 06, 2019 - 22:24 UTC — Resolved` over its text: a status page's update (a day and a
/// time, then its status word), as `status_copy` joins them.
fn status_update(text: &str) -> bool {
    let first = text.lines().next().unwrap_or_default();
    super::stamp::leading_stamp(first).is_some_and(|s| {
        let said = s.rest.trim_start_matches([' ', '—', '-', '–']).to_lowercase();
        s.date.is_some()
            && matches!(s.time, Some(super::stamp::ClockText::At(_)))
            && super::status::STATUS_WORDS.iter().any(|w| {
                said.strip_prefix(w).is_some_and(|r| r.is_empty() || r.starts_with(|c: char| !c.is_alphanumeric()))
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_for_enums() {
        assert_eq!(parse_status("in progress"), Some(ActionStatus::InProgress));
        assert_eq!(parse_status("won't do"), Some(ActionStatus::WontDo));
        assert_eq!(parse_status("In-Progress"), Some(ActionStatus::InProgress));
        assert_eq!(parse_priority("P1"), Some(Priority::High));
        assert_eq!(parse_kind("Mitigation"), Some(ActionKind::Mitigate));
    }

    #[test]
    fn actions_from_lines_take_their_ticket() {
        let a =
            action_from_text("Add a lock timeout to migrations [PLAT-311](https://tracker.example.com/PLAT-311)", None);
        assert_eq!(a.title, "Add a lock timeout to migrations");
        assert_eq!(a.ticket.as_deref(), Some("https://tracker.example.com/PLAT-311"));
        let b = action_from_text("Alert on lock waits - https://gitlab.example.com/x/-/issues/12", Some(true));
        assert_eq!((b.title.as_str(), b.status), ("Alert on lock waits", ActionStatus::Done));
        let c = action_from_text("[Write the runbook](https://wiki.example.com/r)", None);
        assert_eq!(c.title, "Write the runbook");
        assert_eq!(link_url("[PLAT-1](https://t.example.com/1)"), "https://t.example.com/1");
        assert_eq!(link_url("PLAT-1"), "PLAT-1");
        let d = action_from_text("Tried the other driver. [From this thread](https://forum.example.org/t/1)", None);
        assert_eq!(d.title, "Tried the other driver. [From this thread](https://forum.example.org/t/1)", "words kept");
        assert_eq!(d.ticket.as_deref(), Some("https://forum.example.org/t/1"));
    }
}
