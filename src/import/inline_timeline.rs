//! A timeline written on one line, after its label: `Timeline (AEST): incident 13:49–14:04 ·
//! forensics 14:30–15:30`.

use std::sync::LazyLock;

use regex::Regex;

use super::build::Builder;
use super::stamp::{Stamp, leading_stamp};
use crate::doc::SectionKind;

impl Builder<'_> {
    /// `Timeline (AEST): incident 13:49–14:04 · forensics 14:30–15:30 · ...`, `Timeline: 08:10
    /// audits posted; 08:18 patches filed`: a label line whose value is two or more parts, split
    /// by `·`, `;` or `|`, each with a time (before or after its words). The entries taken.
    pub(super) fn inline_timeline(&mut self, label: &str, value: &str) -> Option<usize> {
        static TIME: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"[~≈]?\b\d{1,2}:\d{2}\b").ok());
        let parts: Vec<&str> = value.split(['·', ';', '|']).map(str::trim).filter(|p| !p.is_empty()).collect();
        let stamps: Vec<(Stamp, String)> = parts
            .iter()
            .filter_map(|p| {
                let m = TIME.as_ref()?.find(p)?;
                let stamp = leading_stamp(&p[m.start()..])?;
                let words = format!("{} {}", p[..m.start()].trim(), stamp.rest);
                let event = words.trim().trim_matches([':', '-', '–', '—', ',', ' ']).to_string();
                (!event.is_empty()).then_some((stamp, event))
            })
            .collect();
        if parts.len() < 2 || stamps.len() < parts.len() {
            return None;
        }
        if !self.zone_given
            && let Some(zone) = self.stated_zone(label)
        {
            self.clock.zone = Some(zone);
        }
        if self.clock.date.is_none() {
            self.clock.date = self.first_date;
        }
        self.title_year();
        for (stamp, event) in &stamps {
            self.push_stamp(stamp, event.clone());
        }
        if let Some(t) = self.template.sections.iter().position(|s| s.kind == SectionKind::Timeline) {
            self.touch(t);
        }
        Some(stamps.len())
    }
}
