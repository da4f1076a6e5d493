//! The Finish page's export: the Markdown next to the document, and the question asked
//! before it replaces a file blameless did not write.

use std::path::PathBuf;

use super::{App, Dialog};
use crate::tui::action::Action;
use crate::tui::effects::Effect;
use crate::tui::export_file::Exported;

impl App {
    pub(super) fn export_markdown(&mut self) {
        let Some(e) = self.editor_mut() else { return };
        e.sync();
        let target = e.path.with_extension("md");
        let markdown = crate::export::to_markdown(&e.doc);
        let text = match e.path.file_name() {
            Some(name) => crate::export::marker::with_marker(&markdown, &name.to_string_lossy()),
            None => markdown,
        };
        self.effects.push(Effect::Export { target, text, replace: false });
    }

    pub(super) fn exported(&mut self, result: Exported) {
        match result {
            Exported::Written(target) => self.message = Some(format!("Exported {}", self.ctx.shown(&target))),
            Exported::Ask { target, text } => self.ask(Dialog::ReplaceExport { target, text }),
            Exported::Failed(why) => self.message = Some(format!("Not exported: {why}")),
        }
    }

    pub(super) fn answer_replace_export(&mut self, target: PathBuf, text: String, action: Action) {
        match action {
            // Looked at again when written: a postmortem or a link put there meanwhile is
            // still refused.
            Action::Choose('r') => self.effects.push(Effect::Export { target, text, replace: true }),
            Action::Choose('k') => {
                self.message = Some(format!("Not exported; {} is as it was.", self.ctx.shown(&target)));
            }
            _ => self.ask(Dialog::ReplaceExport { target, text }),
        }
    }
}
