//! Numbers across incidents: how many, how severe, how fast they were handled, what keeps
//! contributing, and whether the follow-up actions get done.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, Datelike, Duration, Utc};

use super::Summary;
use crate::doc::ActionStatus;

#[derive(Debug, Clone, PartialEq)]
pub struct Stats {
    pub incidents: usize,
    /// Incidents per month (`2026-11`), oldest first, with the empty months between included
    /// so a chart shows the gaps.
    pub per_month: Vec<(String, usize)>,
    /// Incidents with no start time and no date in the file name.
    pub undated: usize,
    /// Incidents per severity, by name; those without one are counted under `none`, last.
    pub per_severity: Vec<(String, usize)>,
    pub to_detect: Spread,
    pub to_mitigate: Spread,
    pub to_resolve: Spread,
    /// Contributing-factor categories with the number of incidents they appear in (an
    /// incident counts once however many of its factors share a category), most first.
    pub factor_categories: Vec<(String, usize)>,
    pub actions: ActionShares,
}

/// How a duration is spread over the incidents that have it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Spread {
    /// Incidents with both times known and in order.
    pub count: usize,
    pub median: Option<Duration>,
    pub p90: Option<Duration>,
}

/// Follow-up actions by state. The four groups do not overlap and add up to `total`: `open`
/// counts open and in-progress actions that are not overdue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ActionShares {
    pub total: usize,
    pub done: usize,
    pub open: usize,
    pub overdue: usize,
    pub wont_do: usize,
}

impl ActionShares {
    /// `part` as a share of all actions, from 0 to 1 (0 when there are none).
    pub fn share(&self, part: usize) -> f64 {
        if self.total == 0 { 0.0 } else { part as f64 / self.total as f64 }
    }
}

impl Stats {
    /// The numbers over `docs`; `now` decides which actions are overdue.
    pub fn of<'a>(docs: impl IntoIterator<Item = &'a Summary>, now: DateTime<Utc>) -> Stats {
        let docs: Vec<&Summary> = docs.into_iter().collect();
        let mut months: BTreeMap<(i32, u32), usize> = BTreeMap::new();
        let mut severities: BTreeMap<String, usize> = BTreeMap::new();
        let mut no_severity = 0;
        let mut categories: HashMap<&str, usize> = HashMap::new();
        let mut actions = ActionShares::default();
        for doc in &docs {
            if let Some(date) = doc.date {
                *months.entry((date.year(), date.month())).or_default() += 1;
            }
            match doc.severity.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
                Some(s) => *severities.entry(s.to_string()).or_default() += 1,
                None => no_severity += 1,
            }
            let distinct: HashSet<&str> = doc.factor_categories.iter().map(String::as_str).collect();
            for category in distinct {
                *categories.entry(category).or_default() += 1;
            }
            let today = doc.today(now);
            for action in &doc.actions {
                actions.total += 1;
                match action.status {
                    ActionStatus::Done => actions.done += 1,
                    ActionStatus::WontDo => actions.wont_do += 1,
                    _ if action.is_overdue(today) => actions.overdue += 1,
                    _ => actions.open += 1,
                }
            }
        }
        let mut per_severity: Vec<(String, usize)> = severities.into_iter().collect();
        if no_severity > 0 {
            per_severity.push(("none".to_string(), no_severity));
        }
        let mut factor_categories: Vec<(String, usize)> =
            categories.into_iter().map(|(c, n)| (c.to_string(), n)).collect();
        factor_categories.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        Stats {
            incidents: docs.len(),
            undated: docs.iter().filter(|d| d.date.is_none()).count(),
            per_month: fill_months(&months),
            per_severity,
            to_detect: Spread::of(docs.iter().filter_map(|d| d.numbers.to_detect)),
            to_mitigate: Spread::of(docs.iter().filter_map(|d| d.numbers.to_mitigate)),
            to_resolve: Spread::of(docs.iter().filter_map(|d| d.numbers.to_resolve)),
            factor_categories,
            actions,
        }
    }
}

impl Spread {
    fn of(durations: impl Iterator<Item = Duration>) -> Spread {
        let mut seconds: Vec<i64> = durations.map(|d| d.num_seconds()).collect();
        seconds.sort_unstable();
        let at = |p: f64| percentile(&seconds, p).map(|s| Duration::seconds(s.round() as i64));
        Spread { count: seconds.len(), median: at(0.5), p90: at(0.9) }
    }
}

/// The `p` quantile (0 to 1) of `sorted` (ascending), interpolating linearly between the two
/// nearest values: rank `h = (n - 1) * p`, value `x[⌊h⌋] + (h - ⌊h⌋) * (x[⌊h⌋ + 1] - x[⌊h⌋])`.
/// This is the method of NumPy's default, R's type 7 and Excel's PERCENTILE.INC, and with
/// `p = 0.5` it is the usual median (the mean of the two middle values of an even count).
pub fn percentile(sorted: &[i64], p: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    let h = last as f64 * p.clamp(0.0, 1.0);
    let below = h.floor() as usize;
    let low = sorted[below] as f64;
    let high = sorted[(below + 1).min(last)] as f64;
    Some(low + (h - below as f64) * (high - low))
}

/// Every month from the first to the last with a count, empty ones included, unless they
/// span more than 20 years (a mistyped year): then only the months with incidents.
fn fill_months(months: &BTreeMap<(i32, u32), usize>) -> Vec<(String, usize)> {
    let (Some(&first), Some(&last)) = (months.keys().next(), months.keys().next_back()) else { return Vec::new() };
    if last.0 - first.0 > 20 {
        return months.iter().map(|(&(y, m), &n)| (format!("{y}-{m:02}"), n)).collect();
    }
    let mut out = Vec::new();
    let (mut year, mut month) = first;
    while (year, month) <= last {
        out.push((format!("{year}-{month:02}"), months.get(&(year, month)).copied().unwrap_or(0)));
        (year, month) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_interpolate_between_the_nearest_values() {
        assert_eq!(percentile(&[], 0.5), None);
        assert_eq!(percentile(&[7], 0.9), Some(7.0));
        assert_eq!(percentile(&[10, 20], 0.5), Some(15.0));
        assert_eq!(percentile(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9), Some(9.1));
        assert_eq!(percentile(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5), Some(5.5));
        assert_eq!(percentile(&[0, 100], 1.0), Some(100.0));
    }

    #[test]
    fn months_between_are_filled() {
        let months = BTreeMap::from([((2025, 11), 2), ((2026, 2), 1)]);
        let filled: Vec<String> = fill_months(&months).into_iter().map(|(m, n)| format!("{m}:{n}")).collect();
        assert_eq!(filled, ["2025-11:2", "2025-12:0", "2026-01:0", "2026-02:1"]);
        let typo = BTreeMap::from([((206, 1), 1), ((2026, 2), 1)]);
        assert_eq!(fill_months(&typo).len(), 2, "a mistyped year does not make 1,800 empty months");
    }
}
