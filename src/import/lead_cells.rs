//! A table copied without its pipes, a row a line: `hootsmon 3/7/2006 17:20 4/7/2006 09:30
//! Ran out of memory ...` under `Server Down Back up Impact`. The first cell names what the row
//! is about (a server, a service, a list of them), then the day and time it starts (and the
//! day and time it ends), then what happened. Read with the stamp first, so the rows are the
//! lines that start with a time every other reading knows; the first cell stays with the event.

use std::sync::LazyLock;

use regex::Regex;

/// A line of such a table: a first cell of a few words (no sentence in it), a full day and a
/// time, another day and time (the end) or not, and the rest.
static ROW: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let day = r"(?:\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d{2}|(?:19|20)\d{2}-\d{2}-\d{2})";
    let clock = r"\d{1,2}:\d{2}(?::\d{2})?";
    Regex::new(&format!(
        r"^(?P<lead>[^\d\s|#>*+-][^!?;:|]{{0,80}}?)\s+(?P<start>{day}\s+{clock})(?:\s+(?P<end>{day}\s+{clock}))?\s+(?P<rest>\S.*)$"
    ))
    .ok()
});

/// Words a sentence puts before its day ("went down on 3/7/2006 17:20"): not a first cell.
const BEFORE_A_DAY: &[&str] = &["on", "at", "since", "from", "until", "by", "am", "um", "le", "el", "the", "of"];

/// The lines with each row's stamp first, when three or more lines, and two thirds of those
/// below the first (the header), are rows of such a table; `None` otherwise.
pub(super) fn stamps_first(lines: &[String]) -> Option<Vec<String>> {
    let rows: Vec<Option<String>> = lines.iter().map(|l| row(l)).collect();
    let n = rows.iter().filter(|r| r.is_some()).count();
    let below = lines.len().saturating_sub(1).max(1);
    (n >= 3 && n * 3 >= below * 2)
        .then(|| rows.into_iter().zip(lines).map(|(r, l)| r.unwrap_or_else(|| l.clone())).collect())
}

/// `3/7/2006 17:20 - 4/7/2006 09:30 hootsmon — Ran out ...` for a row of such a table.
fn row(line: &str) -> Option<String> {
    let c = ROW.as_ref()?.captures(line.trim())?;
    let lead = c.name("lead")?.as_str().trim();
    let words: Vec<&str> = lead.split_whitespace().collect();
    let last = words.last()?.to_lowercase();
    // (`admin.smb` is a name; "went down. Then" two sentences.)
    if words.len() > 6 || BEFORE_A_DAY.contains(&last.as_str()) || words.iter().any(|w| w.ends_with('.')) {
        return None;
    }
    let start = &c["start"];
    let rest = &c["rest"];
    Some(match c.name("end") {
        Some(end) => format!("{start} - {} {lead} — {rest}", end.as_str()),
        None => format!("{start} {lead} — {rest}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_reads_with_its_stamp_first() {
        assert_eq!(
            row("alpha, beta 4/5/2019 08:10 4/5/2019 09:00 Disk filled up").as_deref(),
            Some("4/5/2019 08:10 - 4/5/2019 09:00 alpha, beta — Disk filled up")
        );
        assert_eq!(row("The web tier went down on 4/5/2019 08:10 after a deploy"), None);
        assert_eq!(row("4/5/2019 08:10 Disk filled up"), None);
        assert_eq!(row("It broke. db.example 4/5/2019 08:10 Disk filled up"), None);
    }
}
