//! The wording findings under a section's text: how many, the current one whole with its
//! suggestion, the next ones a line each.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::{bold, colored, dim};
use crate::tui::action::Action;
use crate::tui::keymap::{Scope, key_for};

/// Under the text: how many findings; the one at (or after) the cursor whole, with its
/// suggestion; then the ones after it, a line each.
pub(super) fn strip(
    frame: &mut Frame,
    r: Rect,
    prose: &crate::tui::prose::Prose,
    lint: &crate::tui::findings::SectionLint,
    memo: &mut super::cache::Memo,
) {
    let at = lint.at_or_after_index(prose.cursor_byte()).unwrap_or(0);
    let current = lint.findings.get(at);
    // What it shows follows from the set of findings and which one is current: while they
    // stay (typing between checks), it is neither built nor drawn again.
    let key = super::cache::key(&("findings strip", lint.generation, at));
    memo.region(frame.buffer_mut(), "findings strip", r, key, |buf| {
        Paragraph::new(strip_lines(lint, current, at, r)).wrap(Wrap { trim: false }).render(r, buf)
    });
}

/// The strip's lines: how many findings, `current` whole, then the ones after it (`at` is
/// its index), as many as fit in `r`, a line each.
fn strip_lines(
    lint: &crate::tui::findings::SectionLint,
    current: Option<&crate::lint::TextFinding>,
    at: usize,
    r: Rect,
) -> Vec<Line<'static>> {
    let n = lint.findings.len();
    let mut lines = vec![Line::from(vec![
        Span::styled(format!("{n} finding{} ", if n == 1 { "" } else { "s" }), colored(Color::Yellow)),
        Span::styled(
            format!(
                "· {} next · {} rewrite · {} dismiss",
                key_for(Scope::Text, &Action::NextFinding),
                key_for(Scope::Text, &Action::ApplyRewrite),
                key_for(Scope::Text, &Action::DismissFinding)
            ),
            dim(),
        ),
    ])];
    let whole = current.map(finding_lines).unwrap_or_default();
    let used: u16 = 1 + whole.iter().map(|l| super::wrapped_rows(l, r.width)).sum::<u16>();
    lines.extend(whole);
    // The ones after it (F8 goes there next), as many as fit, each cut to a line.
    for f in lint.findings.iter().skip(at + 1).take(usize::from(r.height.saturating_sub(used))) {
        let one = super::chrome::fit(
            &format!("  {}: {}", crate::tui::layout::rule_label(f), f.message),
            usize::from(r.width),
        );
        lines.push(Line::styled(one, dim()));
    }
    lines
}

/// A finding in full: its rule and message, and what to write instead (the texts the layout
/// sizes the strip by).
fn finding_lines(f: &crate::lint::TextFinding) -> Vec<Line<'static>> {
    let (head, message, hint) = crate::tui::layout::finding_texts(f);
    let mut lines = vec![Line::from(vec![Span::styled(head, bold()), Span::raw(message)])];
    if let Some(hint) = hint {
        lines.push(Line::styled(hint, dim()));
    }
    lines
}
