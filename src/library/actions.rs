//! The follow-up actions of every postmortem in the library, in the order that needs
//! attention first.

use chrono::{DateTime, Utc};

use super::{Action, Summary};

/// An action with the postmortem it belongs to.
#[derive(Debug, Clone, Copy)]
pub struct ActionItem<'a> {
    pub doc: &'a Summary,
    pub action: &'a Action,
    /// Open and due before today in the document's time zone.
    pub overdue: bool,
}

/// Which actions to show. Every condition given must hold.
#[derive(Debug, Clone, Default)]
pub struct ActionFilter {
    /// Only open and in-progress actions.
    pub open: bool,
    /// Only overdue actions.
    pub overdue: bool,
    /// Text in the owner's name, any case: `sam` matches `Sam Okafor`.
    pub owner: Option<String>,
}

impl ActionFilter {
    pub fn matches(&self, item: &ActionItem) -> bool {
        (!self.open || item.action.is_open())
            && (!self.overdue || item.overdue)
            && self.owner.as_deref().is_none_or(|want| {
                item.action.owner.as_deref().is_some_and(|o| o.to_lowercase().contains(&want.trim().to_lowercase()))
            })
    }
}

/// Every action of `docs` with its document, `now` deciding what is overdue. Ordered for
/// attention: overdue first (longest overdue first), then the other open ones by due date
/// (undated last), then done and won't-do; the postmortem's path and the action's place in
/// it break ties, so the order is stable.
pub fn action_items<'a>(docs: impl IntoIterator<Item = &'a Summary>, now: DateTime<Utc>) -> Vec<ActionItem<'a>> {
    let docs: Vec<&Summary> = docs.into_iter().collect();
    action_rows(docs.iter().copied(), now)
        .into_iter()
        .map(|r| {
            let doc = docs[r.doc];
            ActionItem { doc, action: &doc.actions[r.action], overdue: r.overdue }
        })
        .collect()
}

/// One row of [`action_rows`]: the place of the document among those given, of the action in
/// it, and whether it is overdue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActionRow {
    pub doc: usize,
    pub action: usize,
    pub overdue: bool,
}

/// As [`action_items`], by places: for a list kept across frames.
pub fn action_rows<'a>(docs: impl IntoIterator<Item = &'a Summary>, now: DateTime<Utc>) -> Vec<ActionRow> {
    let mut rows: Vec<(ActionRow, &Summary)> = docs
        .into_iter()
        .enumerate()
        .flat_map(|(d, doc)| {
            let today = doc.today(now);
            doc.actions
                .iter()
                .enumerate()
                .map(move |(a, action)| (ActionRow { doc: d, action: a, overdue: action.is_overdue(today) }, doc))
        })
        .collect();
    let rank = |(row, doc): &(ActionRow, &Summary)| {
        let action = &doc.actions[row.action];
        let group = match (row.overdue, action.is_open()) {
            (true, _) => 0,
            (false, true) => 1,
            (false, false) => 2,
        };
        (group, action.due_date.is_none(), action.due_date)
    };
    rows.sort_by(|a, b| {
        rank(a).cmp(&rank(b)).then_with(|| a.1.path.cmp(&b.1.path)).then_with(|| a.0.action.cmp(&b.0.action))
    });
    rows.into_iter().map(|(row, _)| row).collect()
}
