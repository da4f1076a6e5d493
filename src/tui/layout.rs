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

/// The editor's areas at `size`, the status line taking `status_rows` rows.
pub fn areas(size: Rect, editor: &Editor, status_rows: u16) -> Areas {
    let body_h = size.height.saturating_sub(2 + status_rows);
    let body = Rect::new(size.x, size.y + 1, size.width, body_h);
    let title = Rect::new(size.x, size.y, size.width, 1);
    let status = Rect::new(size.x, size.y + 1 + body_h, size.width, status_rows);
    let footer = Rect::new(size.x, status.y + status_rows, size.width, 1);
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
/// strip of findings under it (see [`strip_rows`]).
pub fn text_area(inner: Rect, editor: &Editor, i: usize) -> (Rect, u16) {
    let strip = match editor.lints.get(&i) {
        Some(l) if !l.findings.is_empty() && inner.height > 8 => strip_rows(l, inner.width, inner.height),
        _ => 0,
    };
    (Rect { height: inner.height - strip, ..inner }, strip)
}

/// The rows the findings strip takes at `width`: the header, the longest finding in full, and
/// up to two more a line each; at most half of `height`.
pub fn strip_rows(lint: &super::findings::SectionLint, width: u16, height: u16) -> u16 {
    let whole = lint.widest_rows(width, |f| {
        let (head, message, hint) = finding_texts(f);
        wrapped_rows_of(&format!("{head}{message}"), width) + hint.map_or(0, |h| wrapped_rows_of(&h, width))
    });
    let others = (lint.findings.len().saturating_sub(1)).min(2) as u16;
    (1 + whole + others).min(height / 2).max(3)
}

/// A finding as the strip shows it in full: `▸ rule: `, its message, and what to write
/// instead when there is something.
pub fn finding_texts(f: &crate::lint::TextFinding) -> (String, String, Option<String>) {
    let hint = match (&f.rewrite, &f.suggestion) {
        (Some(r), _) if !r.replacement.is_empty() => Some(format!("  → \"{}\"", r.replacement)),
        (_, Some(s)) => Some(format!("  → {s}")),
        _ => None,
    };
    (format!("▸ {}: ", rule_label(f)), f.message.clone(), hint)
}

/// A finding's rule as the editor names it: a suggestion says so ("just-simply (suggestion)"),
/// since it never fails `blameless lint`; a warning is the rule alone.
pub fn rule_label(f: &crate::lint::TextFinding) -> String {
    match f.severity {
        crate::doc::Severity::Suggestion => format!("{} (suggestion)", f.rule),
        _ => f.rule.clone(),
    }
}

/// The rows `text` takes when wrapped at word boundaries to `width` columns (as ratatui's
/// `Paragraph` wraps it, near enough to size an area: a long word is cut at the width).
pub fn wrapped_rows_of(text: &str, width: u16) -> u16 {
    let width = usize::from(width.max(1));
    let (mut rows, mut used) = (1u16, 0usize);
    for word in text.split_inclusive(' ') {
        let w = ratatui::text::Span::raw(word).width();
        if used + w.min(width) > width && used > 0 {
            rows += 1;
            used = 0;
        }
        used += w;
        while used > width {
            rows += 1;
            used -= width;
        }
    }
    rows
}

/// The rows the status line takes: two when a message would not fit on one (it wraps rather
/// than being cut; from 16 rows up), else one.
pub fn status_rows(message: Option<&str>, editor: &Editor, size: Rect) -> u16 {
    match message {
        Some(m) if size.height >= 16 => {
            // " <state> · <message> · <file>", the state at its longest.
            let line = format!(" changed on disk: not saved · {m} · {}", editor.shown);
            wrapped_rows_of(&line, size.width).min(2)
        }
        _ => 1,
    }
}

/// Where the text of the prose section open in `editor` is drawn on a screen of `size`, with
/// `message` in the status line.
pub fn prose_rect(size: Rect, editor: &Editor, message: Option<&str>) -> Option<Rect> {
    let Page::Section(i) = editor.page else { return None };
    if size.width < MIN.0 || size.height < MIN.1 || editor.doc.sections.get(i)?.kind != SectionKind::Text {
        return None;
    }
    let page = areas(size, editor, status_rows(message, editor, size)).page?;
    Some(text_area(inner(page), editor, i).0)
}
