//! Timelines a file gives without a timeline heading: a list, paragraph or code fence of lines
//! that start with a time (and, in a file with no timeline at all, the times its sentences
//! state: `sentence_times`).

use super::blocks::{Block, Kind};
use super::build::{Builder, Part};
use super::stamp::{ClockText, leading_stamp};
use super::timeline::{LIST_MARKER, Reading};
use super::timeline_inner::{dated_alone, is_label};
use crate::doc::SectionKind;

impl Builder<'_> {
    /// In a file with no timeline heading, a list or paragraph of three or more lines most of
    /// which start with a time, or three or more paragraphs in a row that each start with one,
    /// is the timeline: its entries are taken, and the text keeps what is not an entry. The
    /// ranges taken and what stays in their place.
    pub(super) fn time_runs(&mut self, part: &Part, blocks: &[Block]) -> Vec<(std::ops::Range<usize>, String)> {
        let Some(t) = self.template.sections.iter().position(|s| s.kind == SectionKind::Timeline) else {
            return Vec::new();
        };
        if self.own {
            return Vec::new();
        }
        if self.has_timeline_heading {
            return self.side_tables(part, blocks, t);
        }
        let timed = |b: &Builder, line: &str| {
            let line = LIST_MARKER.as_ref().map_or(line, |re| re.find(line).map_or(line, |m| &line[m.end()..]));
            b.entry_stamp(line.trim()).is_some_and(|s| matches!(s.time, Some(ClockText::At(_))))
        };
        let mut out = Vec::new();
        let before = self.doc.timeline.len();
        if self.clock.date.is_none() {
            self.clock.date = self.first_date;
        }
        self.title_year();
        // (The part's own heading may be the dated title: `### 2025/04/23` over its updates.)
        let heading_day = part.heading.as_ref().and_then(|h| self.dated_heading(&h.text));
        if let Some(day) = heading_day {
            self.clock.date = Some(day);
            self.clock.date_stated = true;
            self.clock.last = None;
        }
        if let Some(out) = self.stamps_after_updates(part, blocks) {
            self.report_runs(part, t, before);
            return out;
        }
        // Paragraphs that each start with a time, three or more in a row: an entry each.
        let timed_paragraph: Vec<bool> = part
            .blocks
            .iter()
            .map(|&b| {
                let first = self.source(&blocks[b]);
                matches!(blocks[b].kind, Kind::Paragraph)
                    && (timed(self, first.lines().next().unwrap_or_default()) || self.time_below(&first).is_some())
            })
            .collect();
        // A paragraph of three or more status-page updates run together is a run by itself; two
        // are, when each opens with the page's word for it and a dash (`Resolved -`).
        let updates: Vec<usize> = part
            .blocks
            .iter()
            .map(|&b| {
                let paragraph = matches!(blocks[b].kind, Kind::Paragraph);
                let found = paragraph.then(|| self.times_below(&self.source(&blocks[b]))).flatten().unwrap_or_default();
                let worded = found.len() == 2 && found.iter().all(|(_, t)| super::status::status_dash(t));
                if worded { 3 } else { found.len() }
            })
            .collect();
        // `Update 2024-01-12 16:38 UTC: ...` paragraphs, a full day each (or a time only, in a
        // file that gives the day: `**Update 23:35:** ...` under a status page's `date:`): two
        // in a row are a run.
        let day_known = self.clock.date.is_some();
        let dated_update = |&b: &usize| {
            let line = self.source(&blocks[b]);
            super::written::update_stamp(line.lines().next().unwrap_or_default())
                .is_some_and(|s| s.date.is_some() || day_known)
        };
        // One paragraph of two or more updates, a line each or run together with `<br><br>`.
        let update_parts: Vec<Vec<String>> = part
            .blocks
            .iter()
            .map(|&b| {
                let parts = super::status::update_segments(&self.source(&blocks[b]));
                let n = parts.iter().filter(|p| super::written::update_stamp(p).is_some()).count();
                if matches!(blocks[b].kind, Kind::Paragraph) && day_known && n >= 2 { parts } else { Vec::new() }
            })
            .collect();
        let worded: Vec<bool> = part.blocks.iter().map(dated_update).collect();
        // The timed paragraphs in runs: an update's further paragraphs (up to three) between two
        // that open with their stamps (`19:00 PST ...`, not a sentence's "At 10:37 ...") do not
        // end the run, and stay text.
        let stamped: Vec<bool> = part
            .blocks
            .iter()
            .map(|&b| {
                let first = self.source(&blocks[b]);
                leading_stamp(first.lines().next().unwrap_or_default().trim())
                    .is_some_and(|s| matches!(s.time, Some(ClockText::At(_))))
            })
            .collect();
        let mut group = vec![0; timed_paragraph.len()];
        let (mut id, mut gap, mut last_stamped) = (0, 0, false);
        for (k, &t) in timed_paragraph.iter().enumerate() {
            if t {
                if gap > 3 || (gap > 0 && !(stamped[k] && last_stamped)) {
                    id += 1;
                }
                (gap, last_stamped) = (0, stamped[k]);
            } else {
                gap += 1;
            }
            group[k] = id;
        }
        // `**19 Oct, 11:48 PM:** ...`, a paragraph opening with its day and time, set apart by
        // the narrative after it from a run of three or more stamped paragraphs below: the
        // run's first entry.
        let size =
            |g: usize, group: &[usize]| timed_paragraph.iter().zip(group).filter(|&(&t, &x)| t && x == g).count();
        for k in 0..timed_paragraph.len() {
            let dated = |k: usize| {
                let first = self.source(&blocks[part.blocks[k]]);
                leading_stamp(first.lines().next().unwrap_or_default().trim()).is_some_and(|s| s.date.is_some())
            };
            let next = (k + 1..timed_paragraph.len()).find(|&j| timed_paragraph[j]);
            if let Some(j) = next
                && timed_paragraph[k]
                && stamped[k]
                && stamped[j]
                && size(group[k], &group) == 1
                && size(group[j], &group) >= 3
                && dated(k)
            {
                group[k] = group[j];
            }
        }
        // Two or more paragraphs that are a full day and time alone (`Uppdatering 2023-11-25, kl
        // 16.17:` over the update's paragraphs, newest first, set apart by rules): a run.
        let alone: Vec<bool> = part
            .blocks
            .iter()
            .map(|&b| matches!(blocks[b].kind, Kind::Paragraph) && dated_alone(self.source(&blocks[b]).trim()))
            .collect();
        // (Or one, beside a list of two or more updates, each opening with its day and time,
        // that the notices' pass made of the others.)
        let listed = part.blocks.iter().any(|&b| match &blocks[b].kind {
            Kind::List(items) => {
                items.iter().filter(|i| dated_alone(i.text.lines().next().unwrap_or_default())).count() >= 2
            }
            _ => false,
        });
        let alone_run = alone.iter().filter(|&&a| a).count() >= 2 || (listed && alone.contains(&true));
        // Below a dated title (`### 10-Apr-2023: Bigdata back`; or a day alone on its paragraph,
        // two or more), a list with items that open with a time, or paragraphs that do.
        let days: Vec<_> = part.blocks.iter().map(|&b| self.day_paragraph(&blocks[b])).collect();
        let two = days.iter().flatten().count() >= 2;
        let titled: Vec<Option<chrono::NaiveDate>> =
            part.blocks.iter().zip(&days).map(|(&b, d)| self.dated_title(&blocks[b]).or(d.filter(|_| two))).collect();
        let some_timed = |b: usize| match &blocks[b].kind {
            Kind::List(items) => items.iter().any(|i| timed(self, i.text.lines().next().unwrap_or_default())),
            _ => false,
        };
        let mut under_title = vec![false; titled.len()];
        for k in 0..titled.len() {
            let timed_here = timed_paragraph[k] || some_timed(part.blocks[k]);
            // (The day's incident title and first words may stand between: `Infra down`, `...`.)
            let gap = |d: usize| k >= d && titled[k - d].is_some() && (k + 1 - d..k).all(|j| !timed_paragraph[j]);
            let above = if k == 0 { heading_day.is_some() } else { under_title[k - 1] || (1..=3).any(gap) };
            under_title[k] = timed_here && above;
        }
        let in_group = |k: usize| timed_paragraph.iter().zip(&group).filter(|&(&t, &g)| t && g == group[k]).count();
        let run_at = |k: usize| {
            let two = worded[k] && (worded.get(k + 1) == Some(&true) || (k > 0 && worded[k - 1]));
            (timed_paragraph[k] && in_group(k) >= 3)
                || updates[k] >= 3
                || two
                || !update_parts[k].is_empty()
                || (alone_run && alone[k])
                || (timed_paragraph[k] && under_title[k])
        };
        // A cState page's updates stamped with `{{< track "..." >}}`; the one paragraph among
        // them without a stamp is the issue as first posted, at the front matter's `date:`.
        let paragraphs: Vec<String> = part
            .blocks
            .iter()
            .filter(|&&b| matches!(blocks[b].kind, Kind::Paragraph))
            .map(|&b| self.source(&blocks[b]))
            .collect();
        let posted = self.posted(&paragraphs);
        let mut taken = None;
        // The entry of a stamp alone on its paragraph (`08/14/2012 9:10 p.m.` over `We're
        // investigating.`): the paragraphs below it, up to the next stamp, are its text.
        let mut bare: Option<usize> = None;
        for (k, &b) in part.blocks.iter().enumerate() {
            let block = &blocks[b];
            if taken == Some(k) {
                continue;
            }
            if let Some(day) = titled[k] {
                self.clock.date = Some(day);
                self.clock.date_stated = true;
                self.clock.last = None;
                bare = None;
                continue;
            }
            if let Some(at) = bare.filter(|_| matches!(block.kind, Kind::Paragraph) && !timed_paragraph[k]) {
                let text = self.source(block).trim().to_string();
                let event = &mut self.doc.timeline[at].event;
                // (After an update's word alone, `Uppdatering:`, on the same line.)
                let label = is_label(event);
                event.truncate(event.trim_end().len());
                event.push_str(if event.is_empty() {
                    ""
                } else if label {
                    " "
                } else {
                    "\n\n"
                });
                event.push_str(&text);
                out.push((block.range.clone(), String::new()));
                continue;
            }
            bare = None;
            if matches!(block.kind, Kind::Paragraph)
                && let Some((lead, found)) = super::status::tracked_lines(&self.source(block))
            {
                let posted = self.posted_instant().filter(|_| !lead.is_empty());
                out.push((block.range.clone(), if posted.is_some() { String::new() } else { lead.clone() }));
                posted.inspect(|at| self.push_stamp(at, lead));
                found.iter().for_each(|(stamp, text)| self.push_stamp(stamp, text.clone()));
                continue;
            }
            // An update stamped with a `{{< track "..." >}}` shortcode: an entry at its stamp;
            // one that announces its text (`From the operations team:`) takes the quote below.
            if matches!(block.kind, Kind::Paragraph)
                && let Some((stamp, mut text)) = super::status::tracked(&self.source(block))
            {
                out.push((block.range.clone(), String::new()));
                // (The ranges in the order of the blocks: the quote's after its stamp's.)
                if text.ends_with(':')
                    && let Some(quote) = part.blocks.get(k + 1).map(|&n| &blocks[n])
                    && let Some(said) = super::status::quoted_text(&self.source(quote))
                {
                    text = format!("{text}\n{said}");
                    out.push((quote.range.clone(), String::new()));
                    taken = Some(k + 1);
                }
                self.push_stamp(&stamp, text);
                continue;
            }
            // A list whose items are such updates (`- Runner restarted. {{< track "..." >}}`).
            if let Kind::List(items) = &block.kind
                && let found = items.iter().filter_map(|i| super::status::tracked(&i.text)).collect::<Vec<_>>()
                && found.len() >= 2
                && found.len() * 3 >= items.len() * 2
            {
                for (stamp, text) in found {
                    self.push_stamp(&stamp, text);
                }
                let kept: Vec<String> = items
                    .iter()
                    .filter(|i| super::status::tracked(&i.text).is_none())
                    .map(|i| format!("- {}\n", i.text))
                    .collect();
                out.push((block.range.clone(), kept.concat()));
                continue;
            }
            if matches!(block.kind, Kind::Paragraph)
                && let Some(stamp) = &posted
            {
                self.push_stamp(stamp, self.source(block).trim().to_string());
                out.push((block.range.clone(), String::new()));
                continue;
            }
            // Status pages' updates, each time on the line below its text.
            if matches!(block.kind, Kind::Paragraph)
                && run_at(k)
                && let Some(found) = self.times_below(&self.source(block))
            {
                for (stamp, text) in found {
                    self.push_stamp(&stamp, text);
                }
                out.push((block.range.clone(), String::new()));
                continue;
            }
            // `| Time (CEST) | Event |` under a heading that does not say timeline.
            if let Kind::Table { header, rows } = &block.kind
                && (super::columns::timed_table(header, rows)
                    || (!self.has_timeline_heading && super::columns::dated_table(header, rows)))
            {
                self.timeline_table(header, rows);
                out.push((block.range.clone(), String::new()));
                continue;
            }
            let texts: Vec<String> = match &block.kind {
                Kind::List(items) => items.iter().map(|i| i.text.clone()).collect(),
                Kind::Paragraph if !update_parts[k].is_empty() => update_parts[k].clone(),
                Kind::Paragraph if run_at(k) => vec![self.source(block)],
                Kind::Paragraph => {
                    // `Incident Timeline 01:30 AM – ...`: a copied page's timeline heading run onto
                    // its first entry's line; the heading a line of its own, kept as text.
                    let lines: Vec<String> = self
                        .source(block)
                        .lines()
                        .flat_map(|l| match self.glued_heading(l).filter(|(_, rest)| timed(self, rest)) {
                            Some((label, rest)) => vec![label.to_string(), rest.to_string()],
                            None => vec![l.to_string()],
                        })
                        .collect();
                    // A table copied without its pipes, its first cell before the stamp.
                    super::lead_cells::stamps_first(&lines).unwrap_or(lines)
                }
                Kind::Other => match super::code_timeline::timed_lines(&self.source(block), |l| timed(self, l)) {
                    Some(lines) => lines,
                    None => continue,
                },
                _ => continue,
            };
            let firsts = texts.iter().filter(|t| timed(self, t.lines().next().unwrap_or_default())).count();
            // `- TIMELINE OF EVENTS` over timed items in a list of the report's parts (`labelled`).
            let labelled = matches!(block.kind, Kind::List(_)) && !run_at(k);
            if let Some(run) = labelled.then(|| super::labelled::labelled_run(&texts, |t| timed(self, t))).flatten() {
                out.push((block.range.clone(), self.labelled_list(&texts, &run, block)));
                continue;
            }
            // A paragraph whose lines hold a run of three or more in a row that start with a time,
            // prose lines around it (a summary above, the follow-up below): the run is read.
            let mut longest = (0, 0);
            for t in &texts {
                longest.0 = if timed(self, t) { longest.0 + 1 } else { 0 };
                longest.1 = longest.1.max(longest.0);
            }
            let inner_run = matches!(block.kind, Kind::Paragraph) && longest.1 >= 3;
            // Two items that each open with a full day and time (a status page's two updates,
            // their `Posted` lines put first): a run too.
            let dated = |t: &String| {
                leading_stamp(t.lines().next().unwrap_or_default().trim())
                    .is_some_and(|s| s.date.is_some() && matches!(s.time, Some(ClockText::At(_))))
            };
            // So are two lines in a row of a paragraph that each open with one (`July 3, 2025,
            // 21:15: Removed the logic`, under a `-Resolution:` line of a status page's report).
            let dated_in_a_row = texts.windows(2).any(|w| w.iter().all(dated));
            let inner_run = inner_run
                || (matches!(block.kind, Kind::List(_)) && texts.len() == 2 && texts.iter().all(dated))
                || (matches!(block.kind, Kind::Paragraph) && dated_in_a_row);
            let titled_list = under_title[k] && matches!(block.kind, Kind::List(_));
            if !run_at(k) && !inner_run && !titled_list && (texts.len() < 3 || firsts * 3 < texts.len() * 2) {
                // `- **Context**:` over an indented list of timed lines: the list inside the item.
                if let Kind::List(items) = &block.kind
                    && items.iter().any(|i| self.nested_run(&i.text))
                {
                    let kept = self.nested_runs(items, block.line);
                    out.push((block.range.clone(), kept));
                }
                continue;
            }
            let mut r = Reading::default();
            let mut kept = Vec::new();
            // A paragraph's untimed lines between two of its timed ones go on the entry above.
            let at: Vec<bool> = texts.iter().map(|t| timed(self, t)).collect();
            let inside = |i: usize| {
                inner_run
                    && matches!(block.kind, Kind::Paragraph)
                    && at[..i].contains(&true)
                    && at[i + 1..].contains(&true)
                    && !at[i]
            };
            for (i, text) in texts.iter().enumerate() {
                r.open = inside(i) && self.doc.timeline.len() > before;
                let (rest, _) = self.timeline_lines(text, &mut r, block.line);
                kept.extend(
                    rest.into_iter().map(|l| if matches!(block.kind, Kind::List(_)) { format!("- {l}") } else { l }),
                );
            }
            let mut kept = kept.join("\n");
            let original = &self.src[block.range.clone()];
            if !kept.is_empty() {
                kept.push_str(&original[original.trim_end().len()..]);
            }
            let stamp_only =
                matches!(block.kind, Kind::Paragraph) && self.doc.timeline.len() > before && kept.is_empty();
            if stamp_only && self.doc.timeline.last().is_some_and(|e| e.event.trim().is_empty() || is_label(&e.event)) {
                bare = Some(self.doc.timeline.len() - 1);
            }
            out.push((block.range.clone(), kept));
        }
        self.report_runs(part, t, before);
        out
    }
}
