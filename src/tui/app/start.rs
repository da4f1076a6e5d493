//! The start screen's keys: move, filter, switch lists, open.

use super::{App, Screen};
use crate::tui::action::{Action, TextOp};

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
            Action::Back => start.query.clear(),
            Action::ListOpen => match start.open(&self.library) {
                Ok(path) => self.open_path(path),
                Err(e) => self.message = Some(e),
            },
            _ => {}
        }
    }
}
