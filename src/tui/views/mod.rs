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
pub use cache::Memo;

use super::layout::MIN;
pub use super::layout::{Areas, Folded, areas};

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
                let a = areas(size, editor, super::layout::status_rows(app.message(), editor, size));
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
                chrome::status(frame, a.status, app, editor, a.folded, memo);
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

/// The rows `line` takes when wrapped to `width` columns (see [`super::layout::wrapped_rows_of`]).
pub(super) fn wrapped_rows(line: &Line, width: u16) -> u16 {
    let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    super::layout::wrapped_rows_of(&text, width)
}
