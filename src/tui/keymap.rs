//! The one keymap table. It dispatches keys, draws the footer and fills the help screen, so
//! the three can never disagree. The focused scope sees a key first, global keys second.

use std::sync::OnceLock;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::{Action, TableOp, TextOp};

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// Everywhere in the editor and the start screen.
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
}

impl Scope {
    pub fn title(self) -> &'static str {
        match self {
            Scope::Global => "Everywhere",
            Scope::Sidebar => "Section list",
            Scope::Text => "Writing",
            Scope::Form => "Forms",
            Scope::Start => "Start screen",
            Scope::Finish => "Finish",
            Scope::Table => "Tables (timeline, factors, actions)",
        }
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

/// The action for a key in `scope`, then in the global scope. Typed characters in a text
/// scope that are not bound become `Insert`.
pub fn lookup(scope: Scope, key: KeyEvent) -> Option<Action> {
    let (code, mods) = normalize(key);
    let find = |s: Scope| bindings().iter().find(|b| b.scope == s && b.code == code && b.mods == mods);
    if let Some(b) = find(scope) {
        return Some(b.action.clone());
    }
    if (scope == Scope::Text || scope == Scope::Form || scope == Scope::Start)
        && let KeyCode::Char(c) = code
        && mods.is_empty()
    {
        return Some(Action::Insert(c));
    }
    find(Scope::Global).map(|b| b.action.clone())
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

/// The footer entries of a scope: its own, then the global ones.
pub fn footer(scope: Scope) -> Vec<(&'static str, &'static str)> {
    let mut out: Vec<(&str, &str)> = Vec::new();
    for s in [scope, Scope::Global] {
        for b in bindings().iter().filter(|b| b.scope == s && !b.footer.is_empty()) {
            if !out.iter().any(|(_, h)| *h == b.footer) {
                out.push((b.label, b.footer));
            }
        }
    }
    out
}

/// Help lines grouped by scope: every key of an action joined (`Ctrl-S`), with its help.
pub fn help_groups() -> Vec<(Scope, Vec<(String, &'static str)>)> {
    let scopes = [Scope::Global, Scope::Sidebar, Scope::Text, Scope::Form, Scope::Table, Scope::Finish, Scope::Start];
    scopes
        .iter()
        .map(|&scope| {
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
            (scope, rows)
        })
        .collect()
}

type Row = (Scope, &'static str, Action, &'static str, &'static str);

fn table() -> Vec<Binding> {
    rows()
        .into_iter()
        .filter_map(|(scope, label, action, help, footer)| {
            let (code, mods) = parse(label)?;
            Some(Binding { scope, code, mods, label, action, help, footer })
        })
        .collect()
}

fn rows() -> Vec<Row> {
    use Action as A;
    use Scope::*;
    use TextOp as T;
    vec![
        (Global, "Ctrl-S", A::Save, "Save now", "Save"),
        (Global, "Ctrl-Q", A::Quit, "Quit (asks first if something is unsaved)", "Quit"),
        (Global, "F1", A::Help, "Help: every key", "Help"),
        (Global, "F5", A::Preview, "Preview: the whole document as it will export (↑↓ PgUp PgDn scroll)", ""),
        (Global, "Ctrl-G", A::ToggleGuidance, "Guidance: show or hide the section's guidance and questions", ""),
        (Global, "Ctrl-PageDown", A::NextPage, "Next section", ""),
        (Global, "Alt-n", A::NextPage, "Next section", ""),
        (Global, "Ctrl-PageUp", A::PrevPage, "Previous section", ""),
        (Global, "Alt-p", A::PrevPage, "Previous section", ""),
        (Sidebar, "?", A::Help, "Help: every key", ""),
        (Sidebar, "↑", A::SidebarUp, "Select the section above", ""),
        (Sidebar, "k", A::SidebarUp, "Select the section above", ""),
        (Sidebar, "↓", A::SidebarDown, "Select the section below", ""),
        (Sidebar, "j", A::SidebarDown, "Select the section below", ""),
        (Sidebar, "Enter", A::SidebarOpen, "Open: write in the selected section", "Open"),
        (Sidebar, "→", A::FocusPage, "Open: write in the selected section", ""),
        (Sidebar, "Tab", A::FocusPage, "Open: write in the selected section", ""),
        (Sidebar, "Ctrl-E", A::ExternalEditor, "Edit the section in $EDITOR", ""),
        (Text, "Esc", A::Back, "Sections: back to the section list", "Sections"),
        (Text, "Ctrl-E", A::ExternalEditor, "Edit the section in $EDITOR", "$EDITOR"),
        (Text, "F8", A::NextFinding, "Findings: go to the next blame-oriented wording in the section", "Findings"),
        (Text, "Ctrl-R", A::ApplyRewrite, "Rewrite: apply the suggested rewrite of the finding at the cursor", ""),
        (
            Text,
            "Ctrl-D",
            A::DismissFinding,
            "Dismiss the finding at the cursor, with a reason (kept in the document)",
            "",
        ),
        (Text, "Ctrl-Z", A::Text(T::Undo), "Undo", ""),
        (Text, "Ctrl-Y", A::Text(T::Redo), "Redo", ""),
        (Text, "Enter", A::Text(T::Newline), "New line", ""),
        (Text, "Backspace", A::Text(T::Backspace), "Delete the character before the cursor", ""),
        (Text, "Delete", A::Text(T::Delete), "Delete the character under the cursor", ""),
        (Text, "Ctrl-W", A::Text(T::DeleteWordBack), "Delete the word before the cursor", ""),
        (Text, "Ctrl-Backspace", A::Text(T::DeleteWordBack), "Delete the word before the cursor", ""),
        (Text, "←", A::Text(T::Left), "Move left", ""),
        (Text, "→", A::Text(T::Right), "Move right", ""),
        (Text, "↑", A::Text(T::Up), "Move up", ""),
        (Text, "↓", A::Text(T::Down), "Move down", ""),
        (Text, "Ctrl-←", A::Text(T::WordLeft), "Move a word left", ""),
        (Text, "Alt-b", A::Text(T::WordLeft), "Move a word left", ""),
        (Text, "Ctrl-→", A::Text(T::WordRight), "Move a word right", ""),
        (Text, "Alt-f", A::Text(T::WordRight), "Move a word right", ""),
        (Text, "Home", A::Text(T::LineStart), "Start of the line", ""),
        (Text, "End", A::Text(T::LineEnd), "End of the line", ""),
        (Text, "Ctrl-Home", A::Text(T::Top), "Start of the text", ""),
        (Text, "Ctrl-End", A::Text(T::Bottom), "End of the text", ""),
        (Text, "PageUp", A::Text(T::PageUp), "Scroll a page up", ""),
        (Text, "PageDown", A::Text(T::PageDown), "Scroll a page down", ""),
        (Text, "Shift-←", A::Text(T::SelectLeft), "Select: extend the selection left", ""),
        (Text, "Shift-→", A::Text(T::SelectRight), "Select: extend the selection right", ""),
        (Text, "Shift-↑", A::Text(T::SelectUp), "Select: extend the selection up", ""),
        (Text, "Shift-↓", A::Text(T::SelectDown), "Select: extend the selection down", ""),
        (Text, "Ctrl-Shift-←", A::Text(T::SelectWordLeft), "Select: extend the selection a word left", ""),
        (Text, "Ctrl-Shift-→", A::Text(T::SelectWordRight), "Select: extend the selection a word right", ""),
        (Text, "Ctrl-A", A::Text(T::SelectAll), "Select all", ""),
        (Text, "Ctrl-C", A::Text(T::Copy), "Copy the selection", ""),
        (Text, "Ctrl-X", A::Text(T::Cut), "Cut the selection", ""),
        (Text, "Ctrl-V", A::Text(T::PasteYank), "Paste what was copied or cut here (terminal paste works too)", ""),
        (Form, "Tab", A::NextField, "Next field", "Next field"),
        (Form, "↓", A::NextField, "Next field", ""),
        (Form, "Shift-Tab", A::PrevField, "Previous field", ""),
        (Form, "Enter", A::Text(T::Newline), "Next field; in a table cell, done typing", ""),
        (Form, "↑", A::PrevField, "Previous field", ""),
        (
            Form,
            "Ctrl-Space",
            A::CycleChoice,
            "Choose: next value of a choice field (status, severity)",
            "Change choice",
        ),
        (Form, "Esc", A::Back, "Sections: back to the section list", "Sections"),
        (Form, "Backspace", A::Text(T::Backspace), "Delete the character before the cursor", ""),
        (Form, "Delete", A::Text(T::Delete), "Delete the character under the cursor", ""),
        (Form, "←", A::Text(T::Left), "Move left", ""),
        (Form, "→", A::Text(T::Right), "Move right", ""),
        (Form, "Home", A::Text(T::LineStart), "Start of the field", ""),
        (Form, "End", A::Text(T::LineEnd), "End of the field", ""),
        (Form, "Ctrl-Z", A::Text(T::Undo), "Undo", ""),
        (Form, "Ctrl-Y", A::Text(T::Redo), "Redo", ""),
        (Table, "?", A::Help, "Help: every key", ""),
        (Table, "↑", A::Table(TableOp::Up), "Row above", ""),
        (Table, "k", A::Table(TableOp::Up), "Row above", ""),
        (Table, "↓", A::Table(TableOp::Down), "Row below", ""),
        (Table, "j", A::Table(TableOp::Down), "Row below", ""),
        (Table, "←", A::Table(TableOp::Left), "Column to the left", ""),
        (Table, "h", A::Table(TableOp::Left), "Column to the left", ""),
        (Table, "Shift-Tab", A::Table(TableOp::Left), "Column to the left", ""),
        (Table, "→", A::Table(TableOp::Right), "Column to the right", ""),
        (Table, "l", A::Table(TableOp::Right), "Column to the right", ""),
        (Table, "Tab", A::Table(TableOp::Right), "Column to the right", ""),
        (Table, "Enter", A::Table(TableOp::Edit), "Edit the cell (a choice cell changes to its next value)", "Edit"),
        (Table, "e", A::Table(TableOp::Edit), "Edit the cell (a choice cell changes to its next value)", ""),
        (Table, "Space", A::Table(TableOp::Cycle), "Next value of a choice cell (marker, category, priority...)", ""),
        (Table, "a", A::Table(TableOp::Add), "Add a row below", "Add"),
        (Table, "d", A::Table(TableOp::Delete), "Delete the row (u takes it back)", "Delete"),
        (Table, "Delete", A::Table(TableOp::Delete), "Delete the row (u takes it back)", ""),
        (Table, "u", A::Table(TableOp::Undo), "Undo the last change to the table", "Undo"),
        (Table, "Ctrl-Z", A::Table(TableOp::Undo), "Undo the last change to the table", ""),
        (Table, "Alt-↑", A::Table(TableOp::MoveUp), "Move the row up", ""),
        (Table, "Alt-↓", A::Table(TableOp::MoveDown), "Move the row down", ""),
        (Table, "Esc", A::Back, "Sections: back to the section list", "Sections"),
        (Finish, "?", A::Help, "Help: every key", ""),
        (Finish, "p", A::Preview, "Preview: the whole document as it will export (↑↓ PgUp PgDn scroll)", "Preview"),
        (Finish, "e", A::ExportMarkdown, "Export: write the Markdown next to the document", "Export Markdown"),
        (Finish, "Esc", A::Back, "Sections: back to the section list", "Sections"),
        (Start, "↑", A::ListUp, "Select the entry above", ""),
        (Start, "↓", A::ListDown, "Select the entry below", ""),
        (Start, "Enter", A::ListOpen, "Open the selection: a postmortem, an action's, a template", "Open"),
        (Start, "Tab", A::SwitchList, "Switch: postmortems, follow-up actions, templates", "Switch"),
        (Start, "Ctrl-O", A::CycleOrder, "Order the postmortems by date, severity or status", "Order"),
        (Start, "Backspace", A::Text(T::Backspace), "Filter by title, tag or text: just type; Backspace erases", ""),
        (Start, "Esc", A::Back, "Clear the filter", ""),
    ]
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
        c if c.chars().count() == 1 => KeyCode::Char(c.chars().next()?.to_ascii_lowercase()),
        _ => return None,
    };
    Some((code, mods))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_parses() {
        let broken: Vec<&str> = rows().iter().filter(|r| parse(r.1).is_none()).map(|r| r.1).collect();
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
