//! The list of sections with their marks and the overall progress.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use super::cache::Memo;
use super::{bold, colored, dim, selected};
use crate::tui::editor::{Editor, Focus, Page};

/// Mark and style of a sidebar entry: has findings, written, required and empty, or optional
/// and empty.
fn mark(editor: &Editor, page: Page) -> (char, Style) {
    match page {
        Page::Details if editor.doc.title.trim().is_empty() => ('!', colored(Color::Yellow)),
        Page::Details if editor.page_findings(Page::Details) > 0 => ('◆', colored(Color::Yellow)),
        Page::Details => ('✓', colored(Color::Green)),
        Page::Finish => ('»', Default::default()),
        Page::Section(i) if editor.finding_count(i) > 0 => ('◆', colored(Color::Yellow)),
        Page::Section(i) if editor.is_written(i) => ('✓', colored(Color::Green)),
        Page::Section(i) if editor.doc.sections[i].required => ('!', colored(Color::Yellow)),
        Page::Section(_) => ('·', dim()),
    }
}

fn label(editor: &Editor, page: Page) -> &str {
    match page {
        Page::Details => "Details",
        Page::Finish => "Finish",
        Page::Section(i) => &editor.doc.sections[i].title,
    }
}

/// The first row of entries inside the sidebar and how many rows are scrolled away.
fn first_row(r: Rect, editor: &Editor) -> (u16, usize) {
    let top = r.y + 1;
    let visible = r.height.saturating_sub(3) as usize;
    let scroll = editor.selected.saturating_sub(visible.saturating_sub(1));
    (top, scroll)
}

pub fn render(frame: &mut Frame, r: Rect, editor: &Editor, memo: &mut Memo) {
    let focused = editor.focus == Focus::Sidebar;
    let (top, scroll) = first_row(r, editor);
    // A click on an entry's row opens it (the last row is the progress line).
    let end = (r.y + r.height.saturating_sub(1)).min(top.saturating_add((editor.pages().len() - scroll) as u16));
    for y in top..end {
        memo.click(Rect::new(r.x, y, r.width, 1), crate::tui::action::Action::GoTo(scroll + usize::from(y - top)));
    }
    // What the list shows, without building it: each entry's mark and label, the selection.
    let pages = editor.pages();
    let entries: Vec<(char, &str)> =
        pages.iter().skip(scroll).map(|&p| (mark(editor, p).0, label(editor, p))).collect();
    let written = editor.written_count();
    let key = super::cache::key(&(&entries, focused, editor.selected, editor.page, scroll, written));
    memo.region(frame.buffer_mut(), "sidebar", r, key, |buf| {
        let block = Block::default()
            .borders(Borders::RIGHT)
            .title(Span::styled(" Sections ", if focused { bold() } else { dim() }));
        let inner = block.inner(r);
        block.render(r, buf);
        let width = inner.width.saturating_sub(3) as usize;
        let mut lines: Vec<Line> = pages
            .iter()
            .enumerate()
            .skip(scroll)
            .map(|(n, &page)| {
                let text = super::chrome::fit(label(editor, page), width);
                let style = if n == editor.selected && focused {
                    selected()
                } else if page == editor.page {
                    bold()
                } else {
                    Default::default()
                };
                let (c, mark_style) = mark(editor, page);
                Line::from(vec![Span::raw(" "), Span::styled(format!("{c} "), mark_style), Span::styled(text, style)])
            })
            .collect();
        lines.truncate(inner.height.saturating_sub(1) as usize);
        Paragraph::new(lines).render(Rect { height: inner.height.saturating_sub(1), ..inner }, buf);
        let progress = format!(" {written} of {} written", editor.doc.sections.len());
        let bottom = Rect::new(inner.x, inner.y + inner.height.saturating_sub(1), inner.width, 1);
        Paragraph::new(Span::styled(progress, dim())).render(bottom, buf);
    });
}
