//! The start screen's keys: move, filter, switch lists, open.

use super::{App, Screen};
use crate::tui::action::{Action, TextOp};
use crate::tui::effects::Effect;
use crate::tui::start::Opening;

impl App {
    pub(super) fn update_start(&mut self, action: Action) {
        let Screen::Start(start) = &mut self.screen else { return };
        match action {
            Action::ListUp => start.up(),
            Action::ListDown => start.down(),
            Action::SwitchList => start.switch(),
            Action::CycleOrder => start.next_order(),
            Action::Insert(c) => start.type_char(c),
            Action::Paste(text) => text.chars().filter(|c| !c.is_control()).for_each(|c| start.type_char(c)),
            Action::Text(TextOp::Backspace) => {
                start.erase();
            }
            Action::Back => start.clear_query(),
            Action::ListOpen => match start.open(&self.library) {
                Ok(Opening::Existing(path)) => self.open_path(path),
                Ok(Opening::New { folder, name, text }) => {
                    let me = self.ctx.holder();
                    let recovery_dir = self.ctx.recovery_dir.clone();
                    self.effects.push(Effect::Create { folder, name, text, recovery_dir, me });
                }
                Err(e) => self.message = Some(e),
            },
            _ => {}
        }
    }
}
