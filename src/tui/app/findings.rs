//! F8, Ctrl-R and Ctrl-D: the wording findings in a prose section.

use super::{App, Dialog};
use crate::tui::action::Action;
use crate::tui::editor::Page;
use crate::tui::keymap::{Scope, key_for};

impl App {
    /// F8, Ctrl-R and Ctrl-D on the finding at (or after) the cursor.
    pub(super) fn finding_action(&mut self, action: Action) {
        let now = self.now();
        let Some(editor) = self.editor_mut() else { return };
        let checking = editor.checking;
        let Page::Section(i) = editor.page else { return };
        editor.check_due = Some(now); // findings must match the text they act on
        editor.check_if_due(now);
        let Some(prose) = editor.texts.get_mut(&i) else { return };
        let text = prose.text();
        let (line, col) = prose.cursor();
        let lint = editor.lints.get(&i);
        let finding = match action {
            Action::NextFinding => {
                let at = crate::tui::findings::byte_offset(&text, line, col);
                lint.and_then(|l| l.findings.iter().find(|f| f.span.start > at).or(l.findings.first())).cloned()
            }
            _ => lint.and_then(|l| l.at_or_after(&text, line, col)).cloned(),
        };
        let Some(finding) = finding else {
            self.message = Some(if checking {
                "The wording is still being checked: its findings show in a moment.".into()
            } else {
                "No findings in this section.".into()
            });
            return;
        };
        match action {
            Action::NextFinding => {
                let (l, c) = crate::tui::findings::line_col(&text, finding.span.start);
                prose.area.cancel_selection();
                prose.jump(l, c);
                self.message = Some(format!("{}: {}", finding.rule, finding.message));
            }
            Action::ApplyRewrite => match &finding.rewrite {
                Some(rewrite) => {
                    let new_text = crate::lint::apply_rewrite(&text, rewrite.span.clone(), &rewrite.replacement);
                    let replacement = rewrite.replacement.clone();
                    prose.replace_with(&new_text);
                    editor.touch(now);
                    editor.check_due = Some(now);
                    editor.check_if_due(now);
                    let undo = key_for(Scope::Text, &Action::Text(crate::tui::action::TextOp::Undo));
                    self.message = Some(format!("Rewrote: \"{replacement}\" ({undo} takes it back)"));
                }
                None => {
                    self.message = Some(format!(
                        "{} has no automatic rewrite: {}",
                        finding.rule,
                        finding.suggestion.as_deref().unwrap_or("rephrase it")
                    ))
                }
            },
            _ => self.ask(Dialog::Dismiss { finding: Box::new(finding), reason: String::new() }),
        }
    }
}
