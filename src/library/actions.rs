//! The follow-up actions of every postmortem in the library, in the order that needs
//! attention first.

use chrono::{DateTime, NaiveDate, Utc};

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
    let mut items: Vec<(usize, ActionItem)> = docs
        .into_iter()
        .flat_map(|doc| {
            let today = doc.today(now);
            doc.actions
                .iter()
                .enumerate()
                .map(move |(i, action)| (i, ActionItem { doc, action, overdue: action.is_overdue(today) }))
        })
        .collect();
    items.sort_by(|(i, a), (j, b)| {
        rank(a).cmp(&rank(b)).then_with(|| a.doc.path.cmp(&b.doc.path)).then_with(|| i.cmp(j))
    });
    items.into_iter().map(|(_, item)| item).collect()
}

/// Group first (overdue, open, closed), then the due date with undated ones after dated ones.
fn rank(item: &ActionItem) -> (u8, bool, Option<NaiveDate>) {
    let group = match (item.overdue, item.action.is_open()) {
        (true, _) => 0,
        (false, true) => 1,
        (false, false) => 2,
    };
    (group, item.action.due_date.is_none(), item.action.due_date)
}
