//! Tests of the stamp reader.
#![allow(clippy::unwrap_used)]
use super::*;

fn t(h: u32, m: u32) -> Option<ClockText> {
    Some(ClockText::At(NaiveTime::from_hms_opt(h, m, 0).unwrap()))
}

fn d(y: i32, m: u32, day: u32) -> Option<DateText> {
    Some(DateText::Full(NaiveDate::from_ymd_opt(y, m, day).unwrap()))
}

#[test]
fn the_shapes_of_stamps() {
    let s = |line: &str| leading_stamp(line).unwrap_or_else(|| panic!("{line}"));
    let a = s("14:02 - the deploy starts");
    assert_eq!((a.time, a.rest.as_str()), (t(14, 2), "the deploy starts"));
    assert_eq!(s("**10:30** Alert fires").rest, "Alert fires");
    assert_eq!(s("[13:26] paged").time, t(13, 26));
    let b = s("24-10-2024 02:00 - text");
    assert_eq!((b.date, b.time), (Some(DateText::Digits(24, 10, 2024)), t(2, 0)));
    let c = s("2022-02-02 1625: text");
    assert_eq!((c.date, c.time, c.rest.as_str()), (d(2022, 2, 2), t(16, 25), "text"));
    let e = s("2018-08-22, 03:26pm: text");
    assert_eq!((e.date, e.time), (d(2018, 8, 22), t(15, 26)));
    let f = s("2021-08-17: text");
    assert_eq!((f.date, f.time, f.rest.as_str()), (d(2021, 8, 17), None, "text"));
    let g = s("02:00-04:30 maintenance");
    assert_eq!((g.time, g.end, g.rest.as_str()), (t(2, 0), NaiveTime::from_hms_opt(4, 30, 0), "maintenance"));
    let h = s("**12:22** to **13:00** we looked");
    assert_eq!((h.time, h.end.is_some(), h.rest.as_str()), (t(12, 22), true, "we looked"));
    let i = s("14:54 PST: merged");
    assert_eq!((i.zone.as_deref(), i.rest.as_str()), (Some("PST"), "merged"));
    assert_eq!(s("08:52 PM").time, t(20, 52));
    assert_eq!(s("Sep 27 2017 13:06").date, d(2017, 9, 27));
    assert_eq!(s("**01:38: alerts fired**").rest, "alerts fired");
    assert_eq!(s("2026-07-07 05:19 UTC+8 x").zone.as_deref(), Some("UTC+8"));
    assert_eq!(s("??:?? - something").time, Some(ClockText::Unknown));
    assert_eq!(s("2023-MM-DD[^1]:").date, Some(DateText::Unknown));
    assert_eq!(s("*12:18* text").rest, "text");
    assert_eq!(s("10h47 CEST alert").time, t(10, 47));
    assert_eq!(s("2019-11-29 12:00+").time, t(12, 0));
    assert_eq!(s("15:11 text<br>").rest, "text");
    assert_eq!(s("(14:02) paged").time, t(14, 2));
    assert_eq!(s("2025-Feb-07 15:06 UTC x").date, d(2025, 2, 7));
    assert_eq!(s("~11.15pm Revert pushed").time, t(23, 15));
    let x = s("Feb-08-2021 06:17:19 PM +UTC attack");
    assert_eq!((x.date, x.zone.as_deref(), x.rest.as_str()), (d(2021, 2, 8), Some("+UTC"), "attack"));
    let z = s("14:02 PST/PDT - merged");
    assert_eq!((z.zone.as_deref(), z.rest.as_str()), (Some("PST"), "merged"));
}

#[test]
fn what_is_not_a_stamp() {
    for line in
        ["8:48). text", "The 14:02 deploy", "2024 was a year", "1625 people", "12:17pmx", "3 things", "24/7 support"]
    {
        assert_eq!(leading_stamp(line), None, "{line}");
    }
}

#[test]
fn am_and_pm_by_their_first_letter_and_seconds_not_known() {
    let s = |line: &str| leading_stamp(line).unwrap_or_else(|| panic!("{line}"));
    assert_eq!(s("2019-02-25 11:21a").time, t(11, 21));
    assert_eq!(s("12:28p").time, t(12, 28));
    assert_eq!(s("1:05p: restarted").time, t(13, 5));
    assert_eq!(s("11:51:xx — shutdown").time, t(11, 51));
    // The tens of a minute known: the start of those ten minutes (the text is kept beside the
    // row); a minute not known at all is a time not known.
    assert_eq!(s("16:2x - something").time, t(16, 20));
    assert_eq!(s("16:xx - something").time, Some(ClockText::Unknown));
    // "a" or "p" starting a word is not a meridiem.
    assert_eq!(s("11:21 a deploy").rest, "a deploy");
    assert_eq!(leading_stamp("11:21apples"), None);
}

#[test]
fn a_part_of_the_day_with_its_day_in_brackets() {
    let s = leading_stamp("Evening (Sep 2) – Calls with the city").unwrap();
    assert_eq!(
        (s.date, s.time, s.rest.as_str()),
        (Some(DateText::NoYear(9, 2)), Some(ClockText::Unknown), "Calls with the city")
    );
    assert_eq!(leading_stamp("Evening meetings were held"), None);
}

#[test]
fn a_range_whose_ends_each_name_the_zone() {
    let s = leading_stamp("9:47 AM EST – 2:00 PM EST, 8/12/2022").unwrap();
    assert_eq!(
        (s.date, s.time, s.end, s.zone.as_deref()),
        (Some(DateText::Digits(8, 12, 2022)), t(9, 47), NaiveTime::from_hms_opt(14, 0, 0), Some("EST"))
    );
    let s = leading_stamp("14:00 UTC - 14:30 UTC: Degraded").unwrap();
    assert_eq!((s.time, s.end, s.rest.as_str()), (t(14, 0), NaiveTime::from_hms_opt(14, 30, 0), "Degraded"));
    let s = leading_stamp("2024-03-05 14:00 UTC – 14:30 UTC Degraded").unwrap();
    assert_eq!((s.date, s.end, s.rest.as_str()), (d(2024, 3, 5), NaiveTime::from_hms_opt(14, 30, 0), "Degraded"));
    // Two zones are two clocks, not one range.
    let s = leading_stamp("14:00 UTC - 14:30 CET: x").unwrap();
    assert_eq!((s.end, s.zone.as_deref()), (None, Some("UTC")));
}
