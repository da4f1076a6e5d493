//! Drawing: pure functions of `&App`. Nothing here changes state.

pub mod cache;
mod chrome;
mod findings;
mod overlay;
mod page;
mod paste;
mod prose;
mod sidebar;
mod start;
mod table;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::app::{App, Layer, Screen};
use super::editor::{Editor, Focus};
pub use cache::Memo;

/// The smallest screen we draw anything but a "too small" note on.
const MIN: (u16, u16) = (20, 5);

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
    let has_guidance = matches!(editor.page, super::editor::Page::Section(_));
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

/// Draws the app into a frame whose buffer may hold anything, without a memo of earlier
/// frames: everything drawn anew.
pub fn render(frame: &mut Frame, app: &App) {
    render_onto(frame, app, &mut Memo::off(), false);
}

/// Draws the app into a frame whose buffer, when `holds_frame_before_last`, holds the frame
/// drawn two frames ago: what it still shows of that (as `memo` knows) is left as it is.
pub fn render_onto(frame: &mut Frame, app: &App, memo: &mut Memo, holds_frame_before_last: bool) {
    memo.begin_frame(frame.buffer_mut(), holds_frame_before_last);
    draw(frame, app, memo);
    if !memo.end_frame() {
        // The layout changed: cells of the old one are still there.
        memo.restart_frame(frame.buffer_mut());
        draw(frame, app, memo);
    }
    // Areas as they were in the frame before were made inert then (regions when drawn).
    make_inert(frame.buffer_mut(), &memo.unchanged());
}

/// The frame `render` draws, drawn without the memo of what earlier frames showed: for tests
/// that hold the two to the same cells.
pub fn render_afresh(frame: &mut Frame, app: &App) {
    render(frame, app);
}

fn draw(frame: &mut Frame, app: &App, memo: &mut Memo) {
    let size = frame.area();
    if size.width < MIN.0 || size.height < MIN.1 {
        let note = Paragraph::new(vec![Line::from("Terminal too small."), Line::from("Enlarge it to go on.")]);
        frame.render_widget(note, size);
    } else {
        match app.screen() {
            Screen::Start(start) => start::render(frame, size, start, app, memo),
            Screen::Editor(editor) => {
                let a = areas(size, editor, chrome::status_rows(app, editor, size));
                chrome::title(frame, a.title, editor, memo);
                if let Some(r) = a.sidebar {
                    sidebar::render(frame, r, editor, memo);
                }
                if let Some(r) = a.page {
                    page::render(frame, r, editor, memo);
                }
                if let Some(r) = a.guidance {
                    let below = a.page.is_some_and(|p| p.x == r.x);
                    page::guidance(frame, r, editor, below, memo);
                }
                chrome::status(frame, a.status, app, editor, a.folded);
                chrome::footer(frame, a.footer, app, memo);
            }
        }
        if !app.layers().is_empty() {
            memo.covered();
            // What is under an overlay cannot be clicked.
            memo.clear_clicks();
        }
        // Bottom to top: the one on top is drawn last, over the others.
        for layer in app.layers() {
            match layer {
                Layer::Help { scroll } => overlay::help(frame, size, *scroll),
                Layer::Preview { scroll, lines } => overlay::preview(frame, size, lines, *scroll),
                Layer::Dialog(dialog) => overlay::dialog(frame, size, dialog, app),
            }
        }
    }
}

/// Control characters from a paste or a file (ESC, BEL, CSI) would act on the terminal if
/// drawn as they are; they are shown as their visible symbols (␛, ␇) instead. The areas in
/// `skip` hold what they held in the frame before, inert already.
pub(super) fn make_inert(buf: &mut Buffer, skip: &[Rect]) {
    outside(buf, skip, |cells| cells.iter_mut().for_each(inert));
}

/// Calls `f` with each stretch of a row of `buf` that lies outside all of `skip`.
pub(super) fn outside(buf: &mut Buffer, skip: &[Rect], mut f: impl FnMut(&mut [ratatui::buffer::Cell])) {
    let area = buf.area;
    let mut cut: Vec<(u16, u16)> = Vec::new();
    for y in area.top()..area.bottom() {
        cut.clear();
        cut.extend(skip.iter().filter(|r| r.y <= y && y < r.bottom()).map(|r| (r.x, r.right())));
        cut.sort_unstable();
        let mut x = area.left();
        for &(from, to) in cut.iter().chain(std::iter::once(&(area.right(), area.right()))) {
            if from > x {
                let at = buf.index_of(x, y);
                f(&mut buf.content[at..at + usize::from(from - x)]);
            }
            x = x.max(to);
        }
    }
}

/// A cell that holds a control character shows its Unicode picture instead (␛ for ESC).
fn inert(cell: &mut ratatui::buffer::Cell) {
    // Most cells hold one printable ASCII byte: decided without decoding.
    if let [b] = cell.symbol().as_bytes()
        && (0x20..0x7f).contains(b)
    {
        return;
    }
    if cell.symbol().chars().any(|c| c.is_control()) {
        let shown: String = cell
            .symbol()
            .chars()
            .map(|c| match c as u32 {
                0..=0x1f => char::from_u32(0x2400 + c as u32).unwrap_or('?'),
                0x7f => '␡',
                _ if c.is_control() => '?',
                _ => c,
            })
            .collect();
        cell.set_symbol(&shown);
    }
}

pub use super::theme::{bold, colored, dim, selected, selected_text};

/// A one-line field with wording findings: a `◆`, then its text with the flagged words
/// underlined (`spans`: byte ranges of `text`, merged, in order).
pub(super) fn marked(text: &str, spans: &[std::ops::Range<usize>], base: Style) -> Line<'static> {
    use ratatui::text::Span;
    let flagged = colored(Color::Yellow).add_modifier(Modifier::UNDERLINED);
    let mut out = vec![Span::styled("◆ ", colored(Color::Yellow))];
    let mut at = 0;
    for s in spans {
        let (Some(before), Some(words)) = (text.get(at..s.start), text.get(s.start..s.end)) else { continue };
        if !before.is_empty() {
            out.push(Span::styled(before.to_string(), base));
        }
        out.push(Span::styled(words.to_string(), base.patch(flagged)));
        at = s.end;
    }
    if let Some(rest) = text.get(at..).filter(|r| !r.is_empty()) {
        out.push(Span::styled(rest.to_string(), base));
    }
    Line::from(out)
}

/// The rows `line` takes when wrapped at word boundaries to `width` columns (as `Paragraph`
/// wraps it, near enough to size a dialog: a long word is cut at the width).
pub(super) fn wrapped_rows(line: &Line, width: u16) -> u16 {
    let width = usize::from(width.max(1));
    let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
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
