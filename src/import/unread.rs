//! An honest report when no timeline came out of a file: the lines that open with a time, as a
//! timeline's entries do, and were not read as entries, each named with its line on stderr (and
//! `--strict` fails on them).

use std::sync::LazyLock;

use regex::Regex;

use super::build::Builder;

/// A line that opens with a time, after a list's, a heading's or a quote's marks and emphasis:
/// `- 14:05 ...`, `### 04:15 UTC: ...`, `17.26 Uhr: ...`, `Samedi 18h : ...`, `**9:10 AM** ...`.
static OPENS_WITH_TIME: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:#{1,6}\s+|>\s*|[-*+•]\s+|\d{1,2}[.)]\s+)*[*_`\[(]*\s*(?:\p{L}{3,12},?\s+)?(?:\d{1,2}:\d{2}\b|\d{1,2}\.\d{2}\s*uhr\b|\d{1,2}\s?h\s?(?:\d{2})?\s*[:–—-]|\d{1,2}\s?[ap]\.?m\b)",
    )
    .ok()
});

impl Builder<'_> {
    /// With no timeline entry at all, each line outside code and tables that opens with a time
    /// is named as not read.
    pub(super) fn unread_times(&mut self) {
        if self.own || !self.doc.timeline.is_empty() {
            return;
        }
        let Some(re) = OPENS_WITH_TIME.as_ref() else { return };
        let mut fence = false;
        let mut unread = Vec::new();
        for (n, line) in self.src.lines().enumerate() {
            let t = line.trim_start();
            if t.starts_with("```") || t.starts_with("~~~") {
                fence = !fence;
                continue;
            }
            if fence || t.starts_with('|') || line.starts_with("    ") || line.starts_with('\t') {
                continue;
            }
            if re.is_match(line) {
                unread.push((n + 1, line.trim().chars().take(60).collect::<String>()));
            }
        }
        for (n, line) in unread {
            self.report.warn(n, format!("looks like a timeline entry, not read: {line}"));
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    #[test]
    fn lines_that_open_with_a_time() {
        let re = super::OPENS_WITH_TIME.as_ref().unwrap();
        for line in [
            "- 14:05 deploy",
            "### 04:15 UTC: The alert",
            "17.26 Uhr: Strom weg",
            "Samedi 18h : panne",
            "**9:10 AM** paged",
            "3pm: restart",
        ] {
            assert!(re.is_match(line), "{line}");
        }
        for line in ["We restarted at 14:05.", "Version 1.26 shipped", "The 2024 outage"] {
            assert!(!re.is_match(line), "{line}");
        }
    }
}
