//! The one keymap table, for every layer: the screens' scopes, the overlays (help, preview)
//! and each dialog. It dispatches keys, draws the footer, lists a dialog's choices, names the
//! keys in hints and fills the help screen, so none of them can disagree. On a screen the
//! focused scope sees a key first, global keys second; an overlay or a dialog sees only its own.

mod rows;

use std::sync::OnceLock;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// Everywhere in the editor (the start screen has its own few).
    Global,
    /// The list of sections.
    Sidebar,
    /// Typing in a section or a field.
    Text,
    /// The details form and fields sections.
    Form,
    /// The start screen's lists.
    Start,
    /// The finish screen.
    Finish,
    /// The timeline, factors and actions tables.
    Table,
    /// The help screen (an overlay).
    Help,
    /// The preview of the export (an overlay).
    Preview,
    /// The dialogs, one scope each.
    QuitUnsaved,
    Conflict,
    Recover,
    DiscardCopy,
    Locked,
    PasteRows,
    Dismiss,
    ReplaceExport,
}

/// Every scope, in the help screen's order.
pub const SCOPES: [Scope; 17] = [
    Scope::Global,
    Scope::Sidebar,
    Scope::Text,
    Scope::Form,
    Scope::Table,
    Scope::Finish,
    Scope::Start,
    Scope::Help,
    Scope::Preview,
    Scope::QuitUnsaved,
    Scope::Conflict,
    Scope::Recover,
    Scope::DiscardCopy,
    Scope::Locked,
    Scope::PasteRows,
    Scope::Dismiss,
    Scope::ReplaceExport,
];

impl Scope {
    pub fn title(self) -> &'static str {
        match self {
            Scope::Global => "Everywhere in the editor",
            Scope::Sidebar => "Section list",
            Scope::Text => "Writing",
            Scope::Form => "Forms",
            Scope::Start => "Start screen",
            Scope::Finish => "Finish",
            Scope::Table => "Tables (timeline, factors, actions)",
            Scope::Help => "This help (any other key closes it)",
            Scope::Preview => "Preview (any other key closes it)",
            Scope::QuitUnsaved => "Quitting with unsaved changes",
            Scope::Conflict => "The file changed on disk",
            Scope::Recover => "Recovering unsaved work",
            Scope::DiscardCopy => "Discarding a recovery copy",
            Scope::Locked => "The document is open in another blameless",
            Scope::PasteRows => "Adding pasted lines to the timeline",
            Scope::Dismiss => "Dismissing a finding (type the reason)",
            Scope::ReplaceExport => "Exporting over a file blameless did not write",
        }
    }

    /// A screen's scope falls back on the global keys; an overlay or a dialog is modal.
    fn has_global_keys(self) -> bool {
        matches!(self, Scope::Global | Scope::Sidebar | Scope::Text | Scope::Form | Scope::Finish | Scope::Table)
    }

    /// Whether an unbound character is typed (into a text, a field, the filter, a reason).
    fn types(self) -> bool {
        matches!(self, Scope::Text | Scope::Form | Scope::Start | Scope::Dismiss | Scope::PasteRows)
    }

    /// What an unbound key does: the help and the preview close; elsewhere nothing.
    fn otherwise(self) -> Option<Action> {
        matches!(self, Scope::Help | Scope::Preview).then_some(Action::Close)
    }
}

#[derive(Debug, Clone)]
pub struct Binding {
    pub scope: Scope,
    pub code: KeyCode,
    pub mods: KeyModifiers,
    /// The key as people write it: `Ctrl-S`, `F1`, `Alt-↓`.
    pub label: &'static str,
    pub action: Action,
    pub help: &'static str,
    /// The footer's short name for it; empty when it is not in the footer.
    pub footer: &'static str,
}

/// The whole table, built once.
pub fn bindings() -> &'static [Binding] {
    static TABLE: OnceLock<Vec<Binding>> = OnceLock::new();
    TABLE.get_or_init(table)
}

/// The action for a key in `scope`, then (on a screen) in the global scope. Typed characters
/// in a scope that types and that are not bound become `Insert`; an unbound key on the help or
/// the preview closes it.
pub fn lookup(scope: Scope, key: KeyEvent) -> Option<Action> {
    let (code, mods) = normalize(key);
    let find = |s: Scope| bindings().iter().find(|b| b.scope == s && b.code == code && b.mods == mods);
    if let Some(b) = find(scope) {
        return Some(b.action.clone());
    }
    if scope.types()
        && let KeyCode::Char(c) = code
        && mods.is_empty()
    {
        return Some(Action::Insert(c));
    }
    if scope.has_global_keys() {
        return find(Scope::Global).map(|b| b.action.clone());
    }
    scope.otherwise()
}

/// The key (its label) that does `action` in `scope`, or globally on a screen: for hints in
/// the views, so they name the keys the keymap binds.
pub fn key_for(scope: Scope, action: &Action) -> &'static str {
    let global = if scope.has_global_keys() { Some(Scope::Global) } else { None };
    [Some(scope), global]
        .into_iter()
        .flatten()
        .find_map(|s| bindings().iter().find(|b| b.scope == s && b.action == *action))
        .map_or("?", |b| b.label)
}

/// A dialog's choices: each key with a footer name, and its help.
/// Two keys that do one thing (↑ and ↓ scroll) are one choice: `↑ / ↓`.
pub fn choices(scope: Scope) -> Vec<(String, &'static str)> {
    let mut out: Vec<(String, &'static str)> = Vec::new();
    for b in bindings().iter().filter(|b| b.scope == scope && !b.footer.is_empty()) {
        match out.iter_mut().find(|(_, help)| *help == b.help) {
            Some((keys, _)) => {
                keys.push_str(" / ");
                keys.push_str(b.label);
            }
            None => out.push((b.label.to_string(), b.help)),
        }
    }
    out
}

/// Shift is part of the character itself (`?`, `A`), so it is not matched separately.
fn normalize(key: KeyEvent) -> (KeyCode, KeyModifiers) {
    let mut mods = key.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
    let code = match key.code {
        KeyCode::Char(c) => {
            mods.remove(KeyModifiers::SHIFT);
            if mods.contains(KeyModifiers::CONTROL) { KeyCode::Char(c.to_ascii_lowercase()) } else { KeyCode::Char(c) }
        }
        KeyCode::BackTab => {
            mods.remove(KeyModifiers::SHIFT);
            KeyCode::BackTab
        }
        other => other,
    };
    (code, mods)
}

/// The footer entries of a scope: its own, then (on a screen) the global ones.
pub fn footer(scope: Scope) -> Vec<(String, &'static str, Action)> {
    let mut out: Vec<(String, &str, Action)> = Vec::new();
    let global = if scope.has_global_keys() { Some(Scope::Global) } else { None };
    for s in [Some(scope), global].into_iter().flatten() {
        for b in bindings().iter().filter(|b| b.scope == s && !b.footer.is_empty()) {
            match out.iter_mut().find(|(_, h, _)| *h == b.footer) {
                // Two keys for one thing (↑ and ↓ scroll): shown together, "↑↓".
                Some((keys, _, _)) if keys.chars().count() == 1 && b.label.chars().count() == 1 => {
                    keys.push_str(b.label)
                }
                Some(_) => {}
                None => out.push((b.label.to_string(), b.footer, b.action.clone())),
            }
        }
    }
    out
}

/// Help lines grouped by scope: every key of an action joined (`Ctrl-S / F2`), with its help.
/// A line that an earlier group already has (the writing keys also work in a field) is not
/// repeated: the group ends with a line that says where to find it.
pub fn help_groups() -> Vec<(Scope, Vec<(String, String)>)> {
    let mut seen: Vec<(String, &'static str, Scope)> = Vec::new();
    let mut groups = Vec::new();
    for scope in SCOPES {
        let mut rows: Vec<(String, &'static str)> = Vec::new();
        for b in bindings().iter().filter(|b| b.scope == scope) {
            match rows.iter_mut().find(|(_, h)| *h == b.help) {
                Some((keys, _)) => {
                    keys.push_str(" / ");
                    keys.push_str(b.label);
                }
                None => rows.push((b.label.to_string(), b.help)),
            }
        }
        let mut shared: Vec<&'static str> = Vec::new();
        rows.retain(|(keys, help)| match seen.iter().find(|(k, h, _)| k == keys && h == help) {
            Some((_, _, earlier)) => {
                if !shared.contains(&earlier.title()) {
                    shared.push(earlier.title());
                }
                false
            }
            None => true,
        });
        seen.extend(rows.iter().map(|(k, h)| (k.clone(), *h, scope)));
        let mut rows: Vec<(String, String)> = rows.into_iter().map(|(k, h)| (k, h.to_string())).collect();
        if !shared.is_empty() {
            rows.push(("…".to_string(), format!("and the keys of {} above, where they apply", shared.join(", "))));
        }
        groups.push((scope, rows));
    }
    groups
}

type Row = (Scope, &'static str, Action, &'static str, &'static str);

fn table() -> Vec<Binding> {
    rows::rows()
        .into_iter()
        .filter_map(|(scope, label, action, help, footer)| {
            let (code, mods) = parse(label)?;
            let help = if help.is_empty() { action.doc() } else { help };
            Some(Binding { scope, code, mods, label, action, help, footer })
        })
        .collect()
}

/// `Ctrl-Shift-←` -> (Left, CONTROL|SHIFT). Labels use the symbols shown on screen.
fn parse(label: &str) -> Option<(KeyCode, KeyModifiers)> {
    let mut mods = KeyModifiers::NONE;
    let mut rest = label;
    loop {
        if let Some(r) = rest.strip_prefix("Ctrl-") {
            mods |= KeyModifiers::CONTROL;
            rest = r;
        } else if let Some(r) = rest.strip_prefix("Alt-") {
            mods |= KeyModifiers::ALT;
            rest = r;
        } else if let Some(r) = rest.strip_prefix("Shift-") {
            mods |= KeyModifiers::SHIFT;
            rest = r;
        } else {
            break;
        }
    }
    let code = match rest {
        "Enter" => KeyCode::Enter,
        "Esc" => KeyCode::Esc,
        "Tab" if mods.contains(KeyModifiers::SHIFT) => {
            mods.remove(KeyModifiers::SHIFT);
            KeyCode::BackTab
        }
        "Tab" => KeyCode::Tab,
        "Backspace" => KeyCode::Backspace,
        "Delete" => KeyCode::Delete,
        "Home" => KeyCode::Home,
        "End" => KeyCode::End,
        "PageUp" => KeyCode::PageUp,
        "PageDown" => KeyCode::PageDown,
        "Space" => KeyCode::Char(' '),
        "←" => KeyCode::Left,
        "→" => KeyCode::Right,
        "↑" => KeyCode::Up,
        "↓" => KeyCode::Down,
        f if f.starts_with('F') && f.len() > 1 => KeyCode::F(f[1..].parse().ok()?),
        // `Ctrl-S` is sent as Ctrl+s; `G` is sent as itself (the shift is in the letter).
        c if c.chars().count() == 1 && mods.contains(KeyModifiers::CONTROL) => {
            KeyCode::Char(c.chars().next()?.to_ascii_lowercase())
        }
        c if c.chars().count() == 1 => KeyCode::Char(c.chars().next()?),
        _ => return None,
    };
    Some((code, mods))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_parses() {
        let broken: Vec<&str> = rows::rows().iter().filter(|r| parse(r.1).is_none()).map(|r| r.1).collect();
        assert!(broken.is_empty(), "labels that do not parse: {broken:?}");
    }

    #[test]
    fn focused_scope_first_then_global() {
        let key = |code, mods| KeyEvent::new(code, mods);
        assert_eq!(lookup(Scope::Text, key(KeyCode::Char('s'), KeyModifiers::CONTROL)), Some(Action::Save));
        assert_eq!(lookup(Scope::Text, key(KeyCode::Char('j'), KeyModifiers::NONE)), Some(Action::Insert('j')));
        assert_eq!(lookup(Scope::Sidebar, key(KeyCode::Char('j'), KeyModifiers::NONE)), Some(Action::SidebarDown));
        assert_eq!(lookup(Scope::Sidebar, key(KeyCode::Char('?'), KeyModifiers::SHIFT)), Some(Action::Help));
        assert_eq!(lookup(Scope::Text, key(KeyCode::Char('?'), KeyModifiers::SHIFT)), Some(Action::Insert('?')));
        assert_eq!(lookup(Scope::Form, key(KeyCode::BackTab, KeyModifiers::SHIFT)), Some(Action::PrevField));
        assert_eq!(
            lookup(Scope::Text, key(KeyCode::Char('S'), KeyModifiers::CONTROL | KeyModifiers::SHIFT)),
            Some(Action::Save)
        );
    }
}
