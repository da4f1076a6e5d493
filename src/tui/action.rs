//! Everything the user can ask for. Keys become actions through the keymap; only
//! `App::update` acts on them.

/// An edit or a move inside a text field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextOp {
    Newline,
    Backspace,
    Delete,
    DeleteWordBack,
    /// Delete from the cursor back to the start of the line (or field).
    DeleteToStart,
    Left,
    Right,
    Up,
    Down,
    WordLeft,
    WordRight,
    LineStart,
    LineEnd,
    Top,
    Bottom,
    PageUp,
    PageDown,
    SelectLeft,
    SelectRight,
    SelectUp,
    SelectDown,
    SelectWordLeft,
    SelectWordRight,
    SelectAll,
    Undo,
    Redo,
    Copy,
    Cut,
    PasteYank,
}

/// Moves and edits in a table (timeline, factors, actions).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableOp {
    Up,
    Down,
    Left,
    Right,
    /// Type into the cell (a choice cell cycles instead).
    Edit,
    Add,
    Delete,
    Undo,
    MoveUp,
    MoveDown,
    /// Next value of a choice cell.
    Cycle,
    /// The first row, the last row.
    First,
    Last,
    /// Select a row (mouse).
    Select(usize),
}

/// Scrolling an overlay (help, preview).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScrollOp {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// A move or an edit in a table.
    Table(TableOp),
    /// Save now (Ctrl-S).
    Save,
    /// Quit, asking first when there are unsaved changes (Ctrl-Q).
    Quit,
    /// Open the help screen with every key.
    Help,
    /// Show the whole document as it will export (and close the preview again).
    Preview,
    /// Close the help screen, a dialog or the preview; leave a text field for the sidebar.
    Back,
    ToggleGuidance,
    NextPage,
    PrevPage,
    /// Move the sidebar selection.
    SidebarUp,
    SidebarDown,
    /// Open the selected sidebar entry.
    SidebarOpen,
    /// Jump to page `n` of the sidebar (mouse click).
    GoTo(usize),
    /// Move focus from the sidebar into the page.
    FocusPage,
    Text(TextOp),
    /// A typed character.
    Insert(char),
    /// A bracketed paste: arrives whole, however long.
    Paste(String),
    /// Edit the current section in `$EDITOR`.
    ExternalEditor,
    /// In a form: next and previous field; cycle a choice field.
    NextField,
    PrevField,
    CycleChoice,
    /// Findings in the text: move to the next one, apply its suggested rewrite, dismiss it.
    NextFinding,
    ApplyRewrite,
    DismissFinding,
    /// Export the document as Markdown next to it (finish screen).
    ExportMarkdown,
    /// Start screen: move and open.
    ListUp,
    ListDown,
    ListOpen,
    /// Start screen: switch between the postmortems, the actions and the templates.
    SwitchList,
    /// Start screen: order the postmortems by date, severity or status.
    CycleOrder,
    /// A dialog answer, by its key.
    Choose(char),
    /// Scroll the help or the preview.
    Scroll(ScrollOp),
    /// Close the overlay on top (help, preview).
    Close,
    /// The terminal has this size now (columns, rows).
    Resize(u16, u16),
    /// Open this document in the editor.
    Open(std::path::PathBuf),
    /// `$EDITOR` is done: the section's new text, or why there is none.
    ExternalEdited(Result<String, String>),
    /// File work the runner did for an update is done.
    Done(super::effects::Done),
    /// Time passed (autosave deadline, message expiry).
    Tick,
}

impl Action {
    /// What the action does, for the help screen (a keymap row may say it in its own words,
    /// as a dialog's answers do).
    pub fn doc(&self) -> &'static str {
        match self {
            Action::Save => "Save now",
            Action::Quit => "Quit, or back to the list it came from; asks first if unsaved",
            Action::Help => "Help: every key",
            Action::Preview => "Preview: the whole document as it will export",
            Action::ToggleGuidance => "Guidance: show or hide the section's guidance and questions",
            Action::NextPage => "Next section",
            Action::PrevPage => "Previous section",
            Action::SidebarUp => "Select the section above",
            Action::SidebarDown => "Select the section below",
            Action::SidebarOpen => "Open: write in the selected section",
            Action::FocusPage => "Open: write in the selected section",
            Action::ExternalEditor => "Edit the section in $EDITOR",
            Action::Back => "Sections: back to the section list",
            Action::NextFinding => "Findings: go to the next blame-oriented wording in the section",
            Action::ApplyRewrite => "Rewrite: apply the suggested rewrite of the finding at the cursor",
            Action::DismissFinding => "Dismiss the finding at the cursor, with a reason (kept in the document)",
            Action::Text(TextOp::Undo) => "Undo",
            Action::Text(TextOp::Redo) => "Redo",
            Action::Text(TextOp::Newline) => "New line",
            Action::Text(TextOp::Backspace) => "Delete the character before the cursor",
            Action::Text(TextOp::Delete) => "Delete the character under the cursor",
            Action::Text(TextOp::DeleteWordBack) => "Delete the word before the cursor",
            Action::Text(TextOp::DeleteToStart) => "Delete back to the start of the line",
            Action::Text(TextOp::Left) => "Move left",
            Action::Text(TextOp::Right) => "Move right",
            Action::Text(TextOp::Up) => "Move up",
            Action::Text(TextOp::Down) => "Move down",
            Action::Text(TextOp::WordLeft) => "Move a word left",
            Action::Text(TextOp::WordRight) => "Move a word right",
            Action::Text(TextOp::LineStart) => "Start of the line",
            Action::Text(TextOp::LineEnd) => "End of the line",
            Action::Text(TextOp::Top) => "Start of the text",
            Action::Text(TextOp::Bottom) => "End of the text",
            Action::Text(TextOp::PageUp) => "Scroll a page up",
            Action::Text(TextOp::PageDown) => "Scroll a page down",
            Action::Text(TextOp::SelectLeft) => "Select: extend the selection left",
            Action::Text(TextOp::SelectRight) => "Select: extend the selection right",
            Action::Text(TextOp::SelectUp) => "Select: extend the selection up",
            Action::Text(TextOp::SelectDown) => "Select: extend the selection down",
            Action::Text(TextOp::SelectWordLeft) => "Select: extend the selection a word left",
            Action::Text(TextOp::SelectWordRight) => "Select: extend the selection a word right",
            Action::Text(TextOp::SelectAll) => "Select all",
            Action::Text(TextOp::Copy) => "Copy the selection",
            Action::Text(TextOp::Cut) => "Cut the selection",
            Action::Text(TextOp::PasteYank) => "Paste what was copied or cut here (terminal paste works too)",
            Action::NextField => "Next field",
            Action::PrevField => "Previous field",
            Action::CycleChoice => "Choose: next value of a choice field (status, severity)",
            Action::Table(TableOp::Up) => "Row above",
            Action::Table(TableOp::Down) => "Row below",
            Action::Table(TableOp::Left) => "Column to the left",
            Action::Table(TableOp::Right) => "Column to the right",
            Action::Table(TableOp::Edit) => "Edit the cell (a choice cell changes to its next value)",
            Action::Table(TableOp::Cycle) => "Next value of a choice cell (marker, category, priority...)",
            Action::Table(TableOp::Add) => "Add a row below",
            Action::Table(TableOp::Delete) => "Delete the row (the table's undo takes it back)",
            Action::Table(TableOp::Undo) => "Undo the last change to the table",
            Action::Table(TableOp::MoveUp) => "Move the row up",
            Action::Table(TableOp::MoveDown) => "Move the row down",
            Action::Table(TableOp::First) => "First row",
            Action::Table(TableOp::Last) => "Last row",
            Action::ExportMarkdown => "Export: write the Markdown next to the document",
            Action::ListUp => "Select the entry above",
            Action::ListDown => "Select the entry below",
            Action::ListOpen => "Open the selection: a postmortem, an action's, a template",
            Action::SwitchList => "Switch: postmortems, follow-up actions, templates",
            Action::CycleOrder => "Order the postmortems by date, severity or status",
            Action::Scroll(ScrollOp::Up) => "Scroll up",
            Action::Scroll(ScrollOp::Down) => "Scroll down",
            Action::Scroll(ScrollOp::PageUp) => "Scroll a page up",
            Action::Scroll(ScrollOp::PageDown) => "Scroll a page down",
            Action::Scroll(ScrollOp::Top) => "Back to the top",
            Action::Close => "Close the help",
            _ => "",
        }
    }
}
