//! A status page's updates copied with each one's day and time on a line of its own below its
//! text (`December 5, 2023 · 08:57 BST` under "We now consider this issue resolved."), blank
//! lines around each: two such stamps or more, newest first, the text above the first of them
//! saying the incident is over. Each update becomes a list entry at its stamp (`* December 5,
//! 2023 08:57 BST — We now consider ...`), its other lines under it; what follows the last
//! stamp (an update whose stamp was not copied) stays as it is. A page whose stamps stand over
//! their updates is `notices`' (the first update there is the one below the first stamp).
//! Every word stays.

use std::borrow::Cow;

use super::stamp::{ClockText, Stamp, leading_stamp};

/// A line that is only a day and a time (a `·` between them, as status pages write it).
fn stamp_alone(line: &str) -> Option<Stamp> {
    let t = line.trim();
    if t.is_empty() || t.starts_with(['#', '|', '-', '*', '+', '>']) {
        return None;
    }
    let s = leading_stamp(&t.replace(" · ", " "))?;
    (s.date.is_some() && matches!(s.time, Some(ClockText::At(_))) && s.rest.trim().is_empty()).then_some(s)
}

/// Words an update that closes an incident uses.
fn closing(text: &str) -> bool {
    let t = text.to_lowercase();
    [
        "resolved",
        "resolution",
        "fully restored",
        "back to normal",
        "operating normally",
        "incident is closed",
        "back to nominal",
        "all systems are back",
        "fully operational",
        "fully recovered",
    ]
    .iter()
    .any(|w| t.contains(w))
}

/// `src` with its updates under their stamps as list entries (see the module's words).
pub(super) fn stamps_under_text(src: &str) -> Cow<'_, str> {
    let lines: Vec<&str> = src.lines().collect();
    let code = super::code_lines(&lines);
    let stamps: Vec<usize> = (0..lines.len()).filter(|&i| !code[i] && stamp_alone(lines[i]).is_some()).collect();
    if stamps.len() < 2 {
        return Cow::Borrowed(src);
    }
    // Each stamp a paragraph of its own with text just above it, no heading between two.
    let text_above = |i: usize| {
        (0..i).rev().find(|&j| !lines[j].trim().is_empty()).filter(|&j| {
            // (A blank line below its text, or right under it when a `·` marks it a stamp line;
            // a blank line or the end after it. `Jan 5, 2024 - 14:02 UTC` right under its
            // text is `status`'s.)
            (j + 1 < i || lines[i].contains(" · ")) && lines.get(i + 1).is_none_or(|l| l.trim().is_empty()) && {
                let t = lines[j].trim();
                !t.starts_with('#') && stamp_alone(t).is_none() && !code[j]
            }
        })
    };
    let Some(first_text) = text_above(stamps[0]) else { return Cow::Borrowed(src) };
    if stamps.iter().any(|&s| text_above(s).is_none())
        || stamps.windows(2).any(|w| (w[0]..w[1]).any(|i| lines[i].trim_start().starts_with('#')))
    {
        return Cow::Borrowed(src);
    }
    // The first update: its paragraph above the first stamp, up to a blank line.
    let mut start = first_text;
    while start > 0 && !lines[start - 1].trim().is_empty() {
        start -= 1;
    }
    // (Its status word may stand alone in the paragraph above: `Resolved`, then the text.)
    let word_above = (0..start).rev().find(|&j| !lines[j].trim().is_empty()).filter(|&j| {
        let word = lines[j].trim().trim_matches(['*', '_']).trim().to_lowercase();
        (j == 0 || lines[j - 1].trim().is_empty()) && super::status::STATUS_WORDS.contains(&word.as_str())
    });
    if let Some(j) = word_above {
        start = j;
    }
    // (A postmortem over the first stamp, its last paragraph a signature: the update starts at
    // the paragraph that says the incident is over, below the heading or dated line above it.)
    if !closing(&lines[start..stamps[0]].join(" ")) {
        let top = (0..start)
            .rev()
            .find(|&j| lines[j].starts_with('#') || leading_stamp(lines[j].trim()).is_some_and(|s| s.date.is_some()));
        let opens = |j: usize| !lines[j].trim().is_empty() && (j == 0 || lines[j - 1].trim().is_empty());
        if let Some(j) = (top.map_or(0, |t| t + 1)..start).find(|&j| opens(j) && closing(lines[j])) {
            start = j;
        }
    }
    let first: String = lines[start..stamps[0]].join(" ");
    // (The second update's first line: "We wait for the bank to say it has resolved it" may come later.)
    let after_first = (stamps[0] + 1..stamps[1]).map(|i| lines[i].trim()).find(|l| !l.is_empty()).unwrap_or_default();
    let after_first = after_first.split(". ").next().unwrap_or_default();
    // (One that still watches, "back to nominal, we are monitoring", is not the last.)
    let watching = after_first.to_lowercase().contains("monitoring");
    if !closing(&first) || (closing(after_first) && !watching) {
        return Cow::Borrowed(src);
    }
    let mut out = String::with_capacity(src.len() + 16 * stamps.len());
    for line in &lines[..start] {
        out.push_str(line);
        out.push('\n');
    }
    let mut from = start;
    for &s in &stamps {
        let said: Vec<&str> = lines[from..s].iter().map(|l| l.trim()).filter(|l| !l.is_empty()).collect();
        // (Never empty: each stamp has text just above it.)
        super::status_copy::push_update(&mut out, &lines[s].trim().replace(" · ", " "), &said);
        from = s + 1;
    }
    super::status_copy::push_rest(&mut out, &lines[from..]);
    super::ending_as(src, out)
}

#[cfg(test)]
mod tests {
    use super::stamps_under_text;

    #[test]
    fn updates_over_their_stamps_become_entries() {
        let src = "# Card errors\n\nWe now consider this issue resolved.\n\nDecember 5, 2023 · 08:57 BST\n\nThe errors have stopped.\nWe wait for the bank.\n\nDecember 5, 2023 · 08:28 BST\n\nSince 22:00 we see errors.\n";
        assert_eq!(
            stamps_under_text(src),
            "# Card errors\n\n* December 5, 2023 08:57 BST — We now consider this issue resolved.\n* December 5, 2023 08:28 BST — The errors have stopped.\n  We wait for the bank.\n\n\nSince 22:00 we see errors.\n"
        );
    }

    #[test]
    fn stamps_right_under_their_text_and_status_words_alone_above_it() {
        let src = "# Outage\n\n**Resolved**\nAll good now.\n4 Jun 2024 · 10:00 UTC\n\n**Monitoring**\nA fix is out.\n4 Jun 2024 · 09:10 UTC\n";
        assert_eq!(
            stamps_under_text(src),
            "# Outage\n\n* 4 Jun 2024 10:00 UTC — **Resolved**\n  All good now.\n* 4 Jun 2024 09:10 UTC — **Monitoring**\n  A fix is out.\n"
        );
        let src = "Outage\n\nResolved\n\nAll good now.\n\nJune 4, 2024 · 10:00 UTC\n\nMonitoring\n\nA fix is out.\n\nJune 4, 2024 · 09:10 UTC\n";
        assert_eq!(
            stamps_under_text(src),
            "Outage\n\n* June 4, 2024 10:00 UTC — Resolved\n  All good now.\n* June 4, 2024 09:10 UTC — Monitoring\n  A fix is out.\n"
        );
    }

    #[test]
    fn back_to_nominal_closes_and_a_later_update_still_monitoring_does_not() {
        let nominal = "Status\n\n[Network] Latency\n\nAll systems are back to nominal state.\n\nPost Mortem\n\nA card was pulled.\n\nThe Team\n\nSeptember 11, 2023 · 15:33 CET\n\nSituation is back to nominal, we are monitoring.\n\nSeptember 11, 2023 · 12:55 CET\n\nSeptember 11,\n";
        let out = stamps_under_text(nominal);
        assert!(out.contains("* September 11, 2023 15:33 CET — All systems are back to nominal state."), "{out}");
        assert!(out.contains("* September 11, 2023 12:55 CET — Situation is back to nominal"), "{out}");
    }

    #[test]
    fn stamps_over_their_updates_are_left_to_notices() {
        let src = "# Card errors\n\nWe are looking into it.\n\nDecember 5, 2023 · 08:57 BST\n\nThis is resolved.\n\nDecember 5, 2023 · 08:28 BST\n\nWe see errors.\n";
        assert_eq!(stamps_under_text(src), src);
    }
}
