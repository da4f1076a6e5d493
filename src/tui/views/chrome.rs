//! The title bar, the status line and the footer of keys.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::cache::Memo;
use super::{bold, colored, dim};
use crate::tui::app::App;
use crate::tui::editor::Editor;

pub fn title(frame: &mut Frame, r: Rect, editor: &Editor, memo: &mut Memo) {
    let title = if editor.doc.title.trim().is_empty() { crate::doc::UNTITLED } else { editor.doc.title.trim() };
    let progress = format!("{} of {} sections ", editor.written_count(), editor.doc.sections.len());
    let lead = " blameless │ ";
    let room = (r.width as usize).saturating_sub(lead.chars().count() + progress.chars().count() + 1);
    let title = fit(title, room);
    let gap =
        (r.width as usize).saturating_sub(lead.chars().count() + title.chars().count() + progress.chars().count());
    let line = Line::from(vec![
        Span::styled(" blameless ", bold()),
        Span::raw("│ "),
        Span::styled(title, bold()),
        Span::raw(" ".repeat(gap)),
        Span::styled(progress, dim()),
    ]);
    let key = super::cache::key(&line);
    memo.region(frame.buffer_mut(), "title", r, key, |buf| Paragraph::new(line).render(r, buf));
}

/// `text` cut to `width` characters, with an ellipsis when something was cut.
pub fn fit(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let mut out: String = text.chars().take(width.saturating_sub(1)).collect();
    if width > 0 {
        out.push('…');
    }
    out
}

pub fn status(frame: &mut Frame, r: Rect, app: &App, editor: &Editor, folded: Option<super::Folded>, memo: &mut Memo) {
    let line = status_line(app, editor, folded, r.width);
    let key = super::cache::key(&line);
    let paragraph = if r.height > 1 { Paragraph::new(line).wrap(Wrap { trim: false }) } else { Paragraph::new(line) };
    memo.region(frame.buffer_mut(), "status", r, key, |buf| paragraph.render(r, buf));
}

fn status_line(app: &App, editor: &Editor, folded: Option<super::Folded>, width: u16) -> Line<'static> {
    let mut file = editor.shown.clone();
    let state = if editor.conflict {
        Span::styled("changed on disk: not saved", colored(Color::Red))
    } else if editor.dirty {
        Span::styled("unsaved changes", colored(Color::Yellow))
    } else {
        match &editor.saved_at {
            Some(t) => Span::styled(format!("saved {t}"), colored(Color::Green)),
            None => Span::styled("no changes", dim()),
        }
    };
    // The state and what just happened come first: on a narrow screen the path is what is cut.
    let mut spans = vec![Span::raw(" "), state];
    if let Some(message) = app.message() {
        spans.push(Span::raw(" · "));
        spans.push(Span::styled(message.to_string(), bold()));
    } else if let Some(note) = folded {
        spans.push(Span::raw(" · "));
        spans.push(Span::styled(note.note(), dim()));
    }
    // Without a message, a file name too long for the row is cut in its middle: its folder
    // and its end (the date and the extension are the parts that tell files apart) stay.
    let used: usize = spans.iter().map(Span::width).sum::<usize>() + 3;
    let room = usize::from(width).saturating_sub(used);
    if app.message().is_none() && file.chars().count() > room && room >= 16 {
        let head = (room - 1) / 2;
        let tail = room - 1 - head;
        let chars: Vec<char> = file.chars().collect();
        file = chars[..head].iter().chain(std::iter::once(&'…')).chain(&chars[chars.len() - tail..]).collect();
    }
    spans.push(Span::raw(" · "));
    spans.push(Span::raw(file));
    Line::from(spans)
}

/// The keys that work in the focused pane, from the keymap.
pub fn footer(frame: &mut Frame, r: Rect, app: &App, memo: &mut Memo) {
    // The keys shown follow from the scope and the field in focus (and the width, which the
    // region's key holds): the line is made only when it is to be drawn.
    let key = super::cache::key(&("footer", app.footer_key()));
    memo.region(frame.buffer_mut(), "footer", r, key, |buf| {
        let mut spans = vec![Span::raw(" ")];
        let mut used = 1;
        for (key, what) in app.footer() {
            let len = key.chars().count() + what.chars().count() + 3;
            if used + len > r.width as usize {
                break;
            }
            spans.push(Span::styled(key, bold()));
            spans.push(Span::raw(format!(" {what}  ")));
            used += len;
        }
        Paragraph::new(Line::from(spans)).style(dim()).render(r, buf)
    });
}
