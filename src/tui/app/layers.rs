//! The layers over the screen: the help, the preview, and the dialogs. Each is a scope of the
//! keymap; the one on top gets the keys.

use super::App;
use crate::store::recovery::Copy;
use crate::tui::action::{Action, ScrollOp};
use crate::tui::keymap::Scope;

/// A question the app is waiting on; its keys are its scope's rows in the keymap.
#[derive(Debug, Clone, PartialEq)]
pub enum Dialog {
    /// Quit with unsaved changes: save, discard, cancel.
    QuitUnsaved,
    /// The file changed on disk: keep mine, take theirs, save mine as a copy.
    Conflict,
    /// A recovery copy left by an editor that stopped differs from the file; `rest` are
    /// further such copies, offered after this one.
    Recover { copy: Box<Copy>, summary: Vec<String>, rest: Vec<Copy> },
    /// Discarding that copy: sure?
    DiscardCopy { copy: Box<Copy>, summary: Vec<String>, rest: Vec<Copy> },
    /// Another editor has this file open.
    Locked { holder: crate::store::lock::Holder },
    /// Rows read from a paste into the timeline, to confirm (with the day, zone and evidence
    /// for all of them).
    PasteRows(Box<crate::tui::table::paste::PasteForm>),
    /// Dismissing a finding: why it is fine here (typed; may stay empty).
    Dismiss { finding: Box<crate::lint::TextFinding>, reason: String },
    /// The export would replace a file blameless did not write: replace it, or keep it.
    ReplaceExport { target: std::path::PathBuf, text: String },
}

impl Dialog {
    pub fn scope(&self) -> Scope {
        match self {
            Dialog::QuitUnsaved => Scope::QuitUnsaved,
            Dialog::Conflict => Scope::Conflict,
            Dialog::Recover { .. } => Scope::Recover,
            Dialog::DiscardCopy { .. } => Scope::DiscardCopy,
            Dialog::Locked { .. } => Scope::Locked,
            Dialog::PasteRows(_) => Scope::PasteRows,
            Dialog::Dismiss { .. } => Scope::Dismiss,
            Dialog::ReplaceExport { .. } => Scope::ReplaceExport,
        }
    }
}

/// Something drawn over the screen that takes the keys while it is on top.
#[derive(Debug, Clone, PartialEq)]
pub enum Layer {
    /// Every key, from the keymap; scrolled this far.
    Help {
        scroll: u16,
    },
    /// The document as it will export, rendered for the screen's width; scrolled this far.
    Preview {
        scroll: u16,
        lines: Vec<ratatui::text::Line<'static>>,
    },
    Dialog(Dialog),
}

impl Layer {
    pub fn scope(&self) -> Scope {
        match self {
            Layer::Help { .. } => Scope::Help,
            Layer::Preview { .. } => Scope::Preview,
            Layer::Dialog(d) => d.scope(),
        }
    }
}

impl App {
    /// The open document as it will export, rendered for the preview at the screen's width
    /// (inside its borders and margins).
    pub(super) fn preview_lines(&self) -> Vec<ratatui::text::Line<'static>> {
        let Some(e) = self.editor() else { return Vec::new() };
        crate::tui::preview::render(&crate::export::to_markdown(&e.doc), self.size.width.saturating_sub(4))
    }

    /// Renders the preview again, when it is open.
    pub(super) fn refresh_preview(&mut self) {
        if self.layers.iter().any(|l| matches!(l, Layer::Preview { .. })) {
            let fresh = self.preview_lines();
            for layer in &mut self.layers {
                if let Layer::Preview { lines, .. } = layer {
                    *lines = fresh.clone();
                }
            }
        }
    }

    /// Opens a dialog on top of whatever is open (a dialog already in the stack is not
    /// asked twice).
    pub(super) fn ask(&mut self, dialog: Dialog) {
        if !self.layers.iter().any(|l| matches!(l, Layer::Dialog(d) if *d == dialog)) {
            self.layers.push(Layer::Dialog(dialog));
        }
    }

    /// `action` for `layer`, taken off the top of the stack: it goes back unless the action
    /// closes it.
    pub(super) fn update_layer(&mut self, layer: Layer, action: Action) {
        match layer {
            Layer::Help { scroll } => {
                if let Some(scroll) = self.scrolled(scroll, &action) {
                    self.layers.push(Layer::Help { scroll });
                }
            }
            Layer::Preview { scroll, lines } => {
                let keep = match action {
                    Action::Save => {
                        self.save(true);
                        Some(scroll)
                    }
                    _ => self.scrolled(scroll, &action),
                };
                if let Some(scroll) = keep {
                    // No further than the page that shows the last line.
                    let max = (lines.len() as u16).saturating_sub(self.size.height.saturating_sub(3));
                    let layer = Layer::Preview { scroll: scroll.min(max), lines };
                    // A dialog raised by the save goes on top of the preview.
                    let at =
                        self.layers.iter().position(|l| matches!(l, Layer::Dialog(_))).unwrap_or(self.layers.len());
                    self.layers.insert(at, layer);
                }
            }
            Layer::Dialog(dialog) => self.answer(dialog, action),
        }
    }

    /// An overlay's scroll after `action`, or `None` when the action closes it (Quit closes
    /// it and asks to quit).
    fn scrolled(&mut self, scroll: u16, action: &Action) -> Option<u16> {
        let page = self.size.height.saturating_sub(4).max(1);
        match action {
            Action::Scroll(op) => Some(match op {
                ScrollOp::Up => scroll.saturating_sub(1),
                ScrollOp::Down => scroll.saturating_add(1),
                ScrollOp::PageUp => scroll.saturating_sub(page),
                ScrollOp::PageDown => scroll.saturating_add(page),
                ScrollOp::Top => 0,
            }),
            Action::Quit => {
                self.request_quit();
                None
            }
            _ => None,
        }
    }
}
