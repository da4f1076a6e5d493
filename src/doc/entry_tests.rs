//! The forgiving time reader's cases.

#![allow(clippy::unwrap_used)]
use super::*;

fn berlin() -> Zone {
    "Europe/Berlin".parse().unwrap()
}

fn ctx(previous: Option<&str>) -> Context {
    Context {
        previous: previous.map(|p| DateTime::parse_from_rfc3339(p).unwrap()),
        day: NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
    }
}

fn t(text: &str, previous: Option<&str>) -> String {
    parse_time(text, &berlin(), ctx(previous)).map(|d| d.to_rfc3339()).unwrap_or_else(|e| format!("error: {e:?}"))
}

#[test]
fn a_bare_time_far_before_the_one_above_is_the_next_day() {
    assert_eq!(t("00:40", Some("2026-11-24T23:58:00+01:00")), "2026-11-25T00:40:00+01:00");
    assert_eq!(t("12:40 AM", Some("2026-11-24T23:58:00+01:00")), "2026-11-25T00:40:00+01:00");
    assert_eq!(t("14:00", Some("2026-11-24T14:44:00+01:00")), "2026-11-24T14:00:00+01:00", "a little before");
    assert_eq!(t("today 00:40", Some("2026-11-24T23:58:00+01:00")), "2026-11-24T00:40:00+01:00", "said so");
}

#[test]
fn every_accepted_form() {
    assert_eq!(t("14:02", None), "2026-11-24T14:02:00+01:00");
    assert_eq!(t("14:02:30", None), "2026-11-24T14:02:30+01:00");
    assert_eq!(t("2026-11-24 14:02", None), "2026-11-24T14:02:00+01:00");
    assert_eq!(t("2026-11-24T14:02Z", None), "error: NotATime", "RFC 3339 needs seconds");
    assert_eq!(t("2026-11-24T14:02:00Z", None), "2026-11-24T14:02:00+00:00");
    assert_eq!(t("2026-11-24T14:02", None), "2026-11-24T14:02:00+01:00");
    assert_eq!(t("+5m", Some("2026-11-24T14:02:00+01:00")), "2026-11-24T14:07:00+01:00");
    assert_eq!(t("+1h30m", Some("2026-11-24T14:02:00+01:00")), "2026-11-24T15:32:00+01:00");
    assert_eq!(t("yesterday 23:50", None), "2026-11-23T23:50:00+01:00");
    assert_eq!(t("today 09:15", None), "2026-11-24T09:15:00+01:00");
    assert_eq!(t("  14:02  ", None), "2026-11-24T14:02:00+01:00");
    // The clock reader the import uses: 12-hour times, `10h47`, four digits.
    assert_eq!(t("2:05 pm", None), "2026-11-24T14:05:00+01:00");
    assert_eq!(t("8pm", None), "2026-11-24T20:00:00+01:00");
    assert_eq!(t("10h47", None), "2026-11-24T10:47:00+01:00");
    assert_eq!(t("1402", None), "2026-11-24T14:02:00+01:00");
    // A bare time takes the day of the row above.
    assert_eq!(t("01:10", Some("2026-11-25T00:30:00+01:00")), "2026-11-25T01:10:00+01:00");
}

#[test]
fn invalid_input_is_an_error_for_the_caller_to_mark() {
    assert_eq!(t("after lunch", None), "error: NotATime");
    assert_eq!(t("+5m", None), "error: NotATime", "nothing above to add to");
    assert_eq!(t("+5x", Some("2026-11-24T14:02:00+01:00")), "error: NotATime");
    assert_eq!(t("25:00", None), "error: NotATime");
}

#[test]
fn a_line_that_is_only_a_day() {
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
    assert_eq!(day_line("2026-11-26 (all times CET)", 2020), d(2026, 11, 26));
    assert_eq!(day_line("Thursday, November 26th", 2026), d(2026, 11, 26));
    assert_eq!(day_line("**Nov 27**", 2026), d(2026, 11, 27));
    assert_eq!(day_line("26 November 2025", 2026), d(2025, 11, 26));
    assert_eq!(day_line("--- Friday, Nov 27 ---", 2026), d(2026, 11, 27));
    for not_a_day in ["Priya: may 3 people join?", "the deploy on Nov 26 broke it", "14:02 started", ""] {
        assert_eq!(day_line(not_a_day, 2026), None, "{not_a_day}");
    }
}

#[test]
fn daylight_saving_edges() {
    let spring = Context { previous: None, day: NaiveDate::from_ymd_opt(2026, 3, 29).unwrap() };
    assert_eq!(parse_time("02:30", &berlin(), spring), Err(TimeError::SkippedByClockChange));
    assert_eq!(parse_time("03:30", &berlin(), spring).unwrap().to_rfc3339(), "2026-03-29T03:30:00+02:00");
    let autumn = Context { previous: None, day: NaiveDate::from_ymd_opt(2026, 10, 25).unwrap() };
    assert_eq!(parse_time("02:30", &berlin(), autumn).unwrap().to_rfc3339(), "2026-10-25T02:30:00+02:00");
    // +1h across the change counts real time.
    let before = DateTime::parse_from_rfc3339("2026-10-25T02:30:00+02:00").unwrap();
    let after = parse_time("+1h", &berlin(), Context { previous: Some(before), day: autumn.day }).unwrap();
    assert_eq!(after.to_rfc3339(), "2026-10-25T02:30:00+01:00", "the second 02:30, in winter time");
}

#[test]
fn due_dates() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(); // a Tuesday
    let d = |s: &str| parse_due(s, today).map(|d| d.to_string());
    assert_eq!(d("2026-12-01").as_deref(), Some("2026-12-01"));
    assert_eq!(d("tomorrow").as_deref(), Some("2026-11-25"));
    assert_eq!(d("in 2 weeks").as_deref(), Some("2026-12-08"));
    assert_eq!(d("in 3 days").as_deref(), Some("2026-11-27"));
    assert_eq!(d("in a month").as_deref(), Some("2026-12-24"));
    assert_eq!(d("friday").as_deref(), Some("2026-11-27"));
    assert_eq!(d("next friday").as_deref(), Some("2026-11-27"));
    assert_eq!(d("next wednesday").as_deref(), Some("2026-12-02"), "tomorrow is too soon to be 'next'");
    assert_eq!(d("tuesday").as_deref(), Some("2026-12-01"));
    assert_eq!(d("whenever"), None);
}

#[test]
fn pasted_chat_and_log_lines_become_rows() {
    let paste = "[14:02] Priya: deploy of 0042 started\n\
                 [14:09:30] <pagerbot> checkout error rate > 5%\n\
                 continued on a second line\n\
                 Nov 24 14:31:02 db1 postgres[811]: canceling statement due to user request\n\
                 2026-11-24T13:44:00Z incident closed\n\
                 2026-11-24 14:50:01,123 INFO pool restored\n\
                 not a log line at the start is skipped";
    let rows = log_rows(paste, &berlin(), ctx(None));
    let shown: Vec<String> = rows
        .iter()
        .map(|(t, e)| format!("{} | {e}", t.as_ref().map(|t| t.to_rfc3339()).unwrap_or_else(|w| w.clone())))
        .collect();
    assert_eq!(
        shown,
        [
            "2026-11-24T14:02:00+01:00 | Priya: deploy of 0042 started",
            "2026-11-24T14:09:30+01:00 | <pagerbot> checkout error rate > 5% continued on a second line",
            "2026-11-24T14:31:02+01:00 | canceling statement due to user request",
            "2026-11-24T13:44:00+00:00 | incident closed",
            "2026-11-24T14:50:01+01:00 | INFO pool restored not a log line at the start is skipped",
        ]
    );
}
