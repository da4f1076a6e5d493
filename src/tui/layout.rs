//! Where each part of the editor goes on a screen of a given size. A model's business, not a
//! view's: `update` lays the text of the section being written out for the area it will be
//! drawn in (`Prose::follow`), and the views draw what was laid out.

use ratatui::layout::Rect;

use super::editor::{Editor, Focus, Page};
use crate::doc::SectionKind;

/// The smallest screen we draw anything but a "too small" note on.
pub const MIN: (u16, u16) = (20, 5);

/// Where each part of the editor goes at a given size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub title: Rect,
    pub sidebar: Option<Rect>,
    pub page: Option<Rect>,
    pub guidance: Option<Rect>,
    pub status: Rect,
    pub footer: Rect,
    /// Said in the status line when the layout had to fold.
    pub folded: Option<Folded>,
}

/// How the layout folded on a small screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Folded {
    /// Too narrow for the section list beside the page.
    Narrow,
    /// Too small for the guidance.
    Small,
}

impl Folded {
    /// What the status line says of it, with the key that brings back what is hidden.
    pub fn note(self) -> String {
        use super::action::Action;
        use super::keymap::{Scope, key_for};
        match self {
            Folded::Narrow => format!("narrow terminal: {} shows the sections", key_for(Scope::Text, &Action::Back)),
            Folded::Small => {
                format!("small terminal: guidance hidden, {} shows it", key_for(Scope::Global, &Action::ToggleGuidance))
            }
        }
    }
}

pub fn areas(size: Rect, editor: &Editor) -> Areas {
    let body_h = size.height.saturating_sub(3);
    let body = Rect::new(size.x, size.y + 1, size.width, body_h);
    let title = Rect::new(size.x, size.y, size.width, 1);
    let status = Rect::new(size.x, size.y + 1 + body_h, size.width, 1);
    let footer = Rect::new(size.x, status.y + 1, size.width, 1);
    let small = size.width < 80 || size.height < 24;
    let (sidebar, rest) = if size.width >= 60 {
        let w = if size.width >= 100 { 28 } else { 24 };
        (Some(Rect::new(body.x, body.y, w, body.height)), Rect::new(body.x + w, body.y, body.width - w, body.height))
    } else if editor.focus == Focus::Sidebar {
        (Some(body), Rect::new(body.x, body.y, 0, 0))
    } else {
        (None, body)
    };
    let page_only = rest.width == 0;
    let mut folded = if size.width < 60 { Some(Folded::Narrow) } else { None };
    let has_guidance = matches!(editor.page, Page::Section(_));
    let (page, guidance) = if page_only {
        (None, None)
    } else if !editor.show_guidance || !has_guidance {
        (Some(rest), None)
    } else if size.width >= 110 {
        let w = 36;
        (
            Some(Rect::new(rest.x, rest.y, rest.width - w, rest.height)),
            Some(Rect::new(rest.x + rest.width - w, rest.y, w, rest.height)),
        )
    } else if !small && rest.height >= 18 {
        let h = (rest.height / 3).clamp(6, 9);
        (
            Some(Rect::new(rest.x, rest.y, rest.width, rest.height - h)),
            Some(Rect::new(rest.x, rest.y + rest.height - h, rest.width, h)),
        )
    } else {
        folded = folded.or(Some(Folded::Small));
        (Some(rest), None)
    };
    Areas { title, sidebar, page, guidance, status, footer, folded }
}

/// The page's area under its title line.
pub fn inner(r: Rect) -> Rect {
    Rect { x: r.x + 1, y: r.y + 1, width: r.width.saturating_sub(1), height: r.height.saturating_sub(1) }
}

/// The area of prose section `i`'s text in the page's area `inner`, and the height of the
/// strip of findings under it: a header, one line per finding (as many as fit, up to four),
/// and the suggestion for the current one.
pub fn text_area(inner: Rect, editor: &Editor, i: usize) -> (Rect, u16) {
    let n = editor.lints.get(&i).map_or(0, |l| l.findings.len());
    let strip = match n {
        0 => 0,
        _ if inner.height > 14 => 2 + n.min(4) as u16,
        _ if inner.height > 8 => 3,
        _ => 0,
    };
    (Rect { height: inner.height - strip, ..inner }, strip)
}

/// Where the text of the prose section open in `editor` is drawn on a screen of `size`.
pub fn prose_rect(size: Rect, editor: &Editor) -> Option<Rect> {
    let Page::Section(i) = editor.page else { return None };
    if size.width < MIN.0 || size.height < MIN.1 || editor.doc.sections.get(i)?.kind != SectionKind::Text {
        return None;
    }
    let page = areas(size, editor).page?;
    Some(text_area(inner(page), editor, i).0)
}
