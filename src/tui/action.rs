//! Everything the user can ask for. Keys become actions through the keymap; only
//! `App::update` acts on them.

/// An edit or a move inside a text field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextOp {
    Newline,
    Backspace,
    Delete,
    DeleteWordBack,
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
    /// Select a row (mouse).
    Select(usize),
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
    /// Time passed (autosave deadline, message expiry).
    Tick,
}
