//! A [`Summary`] in the index's binary form, and back. A value that does not read back (an
//! unknown status, a time out of range) makes the whole record unreadable, and the file is
//! read again instead.

use std::path::Path;

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate};

use super::{Action, Summary};
use crate::doc::{ActionKind, ActionStatus, Numbers, Priority, Status, Zone};
use crate::store::cache::{Dec, Enc};

const STATUSES: [Status; 3] = [Status::Draft, Status::InReview, Status::Published];
const ACTION_STATUSES: [ActionStatus; 4] =
    [ActionStatus::Open, ActionStatus::InProgress, ActionStatus::Done, ActionStatus::WontDo];
const PRIORITIES: [Priority; 3] = [Priority::High, Priority::Medium, Priority::Low];
const KINDS: [ActionKind; 4] = [ActionKind::Prevent, ActionKind::Detect, ActionKind::Mitigate, ActionKind::Process];

/// The place of `value` in `all`, as written (0 for none, else the place plus one).
fn put_one<T: PartialEq>(out: &mut Enc, all: &[T], value: Option<&T>) {
    out.u8(value.and_then(|v| all.iter().position(|a| a == v)).map_or(0, |i| i as u8 + 1));
}

fn get_one<T: Copy>(input: &mut Dec, all: &[T]) -> Option<Option<T>> {
    match input.u8()? {
        0 => Some(None),
        n => all.get(usize::from(n) - 1).map(|v| Some(*v)),
    }
}

fn put_date(out: &mut Enc, date: Option<NaiveDate>) {
    out.i64(date.map_or(i64::MIN, |d| i64::from(d.num_days_from_ce())));
}

fn get_date(input: &mut Dec) -> Option<Option<NaiveDate>> {
    match input.i64()? {
        i64::MIN => Some(None),
        days => NaiveDate::from_num_days_from_ce_opt(i32::try_from(days).ok()?).map(Some),
    }
}

fn put_span(out: &mut Enc, span: Option<Duration>) {
    out.i64(span.and_then(|d| d.num_nanoseconds()).unwrap_or(i64::MIN));
}

fn get_span(input: &mut Dec) -> Option<Option<Duration>> {
    match input.i64()? {
        i64::MIN => Some(None),
        ns => Some(Some(Duration::nanoseconds(ns))),
    }
}

/// Whether a summary can be kept in the index: its durations fit (in nanoseconds, some 292
/// years) and its zone is the document's own, not the one of the machine reading it.
pub fn keepable(summary: &Summary, zone_is_the_documents: bool) -> bool {
    let n = &summary.numbers;
    zone_is_the_documents
        && [n.to_detect, n.to_mitigate, n.to_resolve, n.impact]
            .iter()
            .all(|d| d.is_none_or(|d| d.num_nanoseconds().is_some()))
}

pub fn put(out: &mut Enc, s: &Summary) {
    out.str(&s.title);
    put_date(out, s.date);
    out.opt_str(s.severity.as_deref());
    put_one(out, &STATUSES, Some(&s.status));
    match s.status_since {
        None => out.u8(0),
        Some(t) => {
            out.u8(1);
            out.i64(t.timestamp());
            out.u32(t.timestamp_subsec_nanos());
            out.i64(i64::from(t.offset().local_minus_utc()));
        }
    }
    out.opt_str(s.status_by.as_deref());
    let n = &s.numbers;
    [n.to_detect, n.to_mitigate, n.to_resolve, n.impact].into_iter().for_each(|d| put_span(out, d));
    out.len(s.sections_written);
    out.len(s.sections_total);
    out.strs(&s.tags);
    out.strs(&s.services);
    out.len(s.actions.len());
    for a in &s.actions {
        out.str(&a.title);
        out.opt_str(a.owner.as_deref());
        out.opt_str(a.due.as_deref());
        put_date(out, a.due_date);
        put_one(out, &ACTION_STATUSES, Some(&a.status));
        put_one(out, &PRIORITIES, a.priority.as_ref());
        put_one(out, &KINDS, a.kind.as_ref());
        out.opt_str(a.ticket.as_deref());
    }
    out.strs(&s.factor_categories);
    out.str(&s.zone.to_string());
}

pub fn get(input: &mut Dec, path: &Path) -> Option<Summary> {
    let title = input.string()?;
    let date = get_date(input)?;
    let severity = input.opt_string()?;
    let status = get_one(input, &STATUSES)??;
    let status_since = match input.u8()? {
        0 => None,
        1 => {
            let (secs, nanos, offset) = (input.i64()?, input.u32()?, input.i64()?);
            let offset = FixedOffset::east_opt(i32::try_from(offset).ok()?)?;
            Some(DateTime::from_timestamp(secs, nanos)?.with_timezone(&offset))
        }
        _ => return None,
    };
    let status_by = input.opt_string()?;
    let numbers = Numbers {
        to_detect: get_span(input)?,
        to_mitigate: get_span(input)?,
        to_resolve: get_span(input)?,
        impact: get_span(input)?,
    };
    let (sections_written, sections_total) = (input.len()?, input.len()?);
    let (tags, services) = (input.strings()?, input.strings()?);
    let count = input.len()?;
    let mut actions = Vec::with_capacity(count.min(1024));
    for _ in 0..count {
        let title = input.string()?;
        let owner = input.opt_string()?;
        let due = input.opt_string()?;
        let due_date = get_date(input)?;
        let status = get_one(input, &ACTION_STATUSES)??;
        let priority = get_one(input, &PRIORITIES)?;
        let kind = get_one(input, &KINDS)?;
        let ticket = input.opt_string()?;
        actions.push(Action { title, owner, due, due_date, status, priority, kind, ticket });
    }
    let factor_categories = input.strings()?;
    let zone = input.str()?.parse::<Zone>().ok()?;
    Some(Summary {
        path: path.to_path_buf(),
        title,
        date,
        severity,
        status,
        status_since,
        status_by,
        numbers,
        sections_written,
        sections_total,
        tags,
        services,
        actions,
        factor_categories,
        zone,
    })
}
