//! The page being written: a prose section, a form, a table of rows, or the finish page; and
//! the guidance beside it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use super::cache::Memo;
use super::{bold, colored, dim};
use crate::doc::{SectionKind, Severity};
use crate::tui::action::Action;
use crate::tui::editor::{Editor, Focus, Page};
use crate::tui::form::{Form, Input};
use crate::tui::keymap::{Scope, key_for};

pub fn render(frame: &mut Frame, r: Rect, editor: &Editor, memo: &mut Memo) {
    let focused = editor.focus == Focus::Page;
    let (title, note) = match editor.page {
        Page::Details => ("Details".to_string(), "title, status, people, times".to_string()),
        Page::Finish => ("Finish".to_string(), String::new()),
        Page::Section(i) => {
            let s = &editor.doc.sections[i];
            (s.title.clone(), if s.required { "required".into() } else { "optional".into() })
        }
    };
    let mut spans = vec![Span::styled(format!(" {title} "), if focused { bold() } else { dim() })];
    if !note.is_empty() {
        spans.push(Span::styled(format!("({note}) "), dim()));
    }
    let line = Line::from(spans);
    let top = Rect { height: 1, ..r };
    memo.region(frame.buffer_mut(), "page title", top, super::cache::key(&line), |buf| {
        Paragraph::new(line).render(top, buf)
    });
    let inner = inner(r);
    match editor.page {
        Page::Details => {
            let mut doc = (*editor.doc).clone();
            editor.details.apply_details(&mut doc);
            let title = editor.fields.findings(crate::lint::Field::Title);
            let marks: Vec<&[_]> =
                editor.details.fields.iter().map(|f| if f.id == "title" { title } else { &[] }).collect();
            form(frame, inner, &editor.details, focused, Some(crate::doc::Numbers::of(&doc)), &marks);
        }
        Page::Finish => finish(frame, inner, editor),
        Page::Section(i) => match editor.doc.sections[i].kind {
            SectionKind::Text => {
                if let Some(prose) = editor.texts.get(&i) {
                    let lint = editor.lints.get(&i).filter(|l| !l.findings.is_empty());
                    let (text_r, strip) = crate::tui::layout::text_area(inner, editor, i);
                    let example = editor.template_section(i).and_then(|s| s.placeholder.as_deref());
                    let example = example.filter(|_| prose.area.is_empty() && prose.is_whole() && inner.height > 2);
                    let over = match example {
                        Some(_) => super::prose::Over::Other,
                        None => super::prose::Over::Marks(lint.map(|l| &l.marks)),
                    };
                    super::prose::render(prose, text_r, frame.buffer_mut(), over, memo);
                    if let Some(lint) = lint {
                        underline(frame, text_r, prose, lint);
                        if strip > 0 {
                            let r = Rect { y: inner.y + inner.height - strip, height: strip, ..inner };
                            super::findings::strip(frame, r, prose, lint, memo);
                        }
                    }
                    if let Some(example) = example {
                        let below = Rect { y: inner.y + 1, height: inner.height - 1, ..inner };
                        let text = format!("For example: {}", example.trim());
                        frame.render_widget(Paragraph::new(Span::styled(text, dim())).wrap(Wrap { trim: true }), below);
                    }
                }
            }
            SectionKind::Fields => {
                if let Some(f) = editor.field_forms.get(&i) {
                    let answers = &editor.doc.sections[i].fields;
                    let marks: Vec<&[_]> = f
                        .fields
                        .iter()
                        .map(|field| match answers.iter().position(|a| a.id == field.id) {
                            Some(j) => editor.fields.findings(crate::lint::Field::Answer(i, j)),
                            None => &[],
                        })
                        .collect();
                    form(frame, inner, f, focused, None, &marks);
                }
            }
            _ => super::table::render(frame, inner, editor, i, memo),
        },
    }
}

/// Underlines the words the checker flagged, on the lines on screen only.
fn underline(frame: &mut Frame, r: Rect, prose: &crate::tui::prose::Prose, lint: &crate::tui::findings::SectionLint) {
    let top = usize::from(prose.top());
    let before = prose.lines_before();
    let style = colored(Color::Yellow).add_modifier(ratatui::style::Modifier::UNDERLINED);
    let buf = frame.buffer_mut();
    for dy in 0..r.height {
        // A screen row shows one line (or part of one): a line without marks is passed over
        // whole; in a marked one, each cell's char is found in one walk along the row.
        let w = prose.wrapped(top + usize::from(dy));
        let Some(ranges) = lint.marks.get(&(w.line + before)) else { continue };
        for (dx, col) in (0..r.width).zip(super::prose::chars_of_cells(prose, &w, r.width)) {
            if ranges.iter().any(|m| m.contains(&col)) {
                let cell = &mut buf[(r.x + dx, r.y + dy)];
                if cell.symbol() != " " {
                    cell.set_style(style);
                }
            }
        }
    }
}

/// A form; the details form also shows each field's check and the live incident numbers.
/// `marks` gives each field's wording findings: the field is marked, its words underlined.
fn form(
    frame: &mut Frame,
    r: Rect,
    form: &Form,
    focused: bool,
    numbers: Option<crate::doc::Numbers>,
    marks: &[&[crate::lint::TextFinding]],
) {
    let details = numbers.is_some();
    let label_w = form.fields.iter().map(|f| f.label.chars().count()).max().unwrap_or(8) as u16 + 2;
    let check_col = if details && r.width >= 70 { Some(r.width / 2 + 6) } else { None };
    // What to say beside each field: errors always, how a value was understood when focused.
    let checks: Vec<Option<(String, Style)>> = (0..form.fields.len())
        .map(|n| {
            let field = &form.fields[n];
            match if details { form.check(n) } else { None } {
                Some(Err(e)) => Some((format!("✗ {e}"), colored(Color::Red))),
                Some(Ok(ok)) if field.id != "timezone" && (focused && n == form.focus || check_col.is_some()) => {
                    Some((format!("✓ {ok}"), colored(Color::Green)))
                }
                _ => None,
            }
        })
        .collect();
    // Rows each field takes, so the focused one can be scrolled into view.
    let height = |n: usize| if check_col.is_none() && checks[n].is_some() { 2 } else { 1 };
    let mut skip = 0;
    while skip < form.focus && (skip..=form.focus).map(height).sum::<u16>() > r.height {
        skip += 1;
    }
    let mut y = r.y;
    for (n, field) in form.fields.iter().enumerate().skip(skip) {
        if y + height(n) > r.y + r.height {
            break;
        }
        let is_focused = focused && n == form.focus;
        let label_style = if is_focused { bold() } else { Style::default() };
        frame.render_widget(
            Paragraph::new(Span::styled(field.label.clone(), label_style)),
            Rect::new(r.x, y, label_w.min(r.width), 1),
        );
        let value_w = match check_col {
            Some(c) => c.saturating_sub(label_w + 1),
            None => r.width.saturating_sub(label_w),
        };
        let value_r = Rect::new(r.x + label_w.min(r.width), y, value_w, 1);
        match (&field.input, is_focused) {
            (Input::Text(area), true) => frame.render_widget(area.as_ref(), value_r),
            (Input::Choice { .. }, _) => {
                let v = field.value();
                let shown = if v.is_empty() { "(none)".to_string() } else { v };
                let style = if is_focused { super::selected() } else { Style::default() };
                frame.render_widget(Paragraph::new(Span::styled(format!("‹ {shown} ›"), style)), value_r);
            }
            (Input::Text(_), false) => {
                let v = field.value();
                let findings = marks.get(n).copied().unwrap_or_default();
                let line = if v.is_empty() {
                    Line::from(Span::styled(field.hint, dim()))
                } else if findings.is_empty() {
                    Line::raw(v)
                } else {
                    super::marked(&v, &crate::tui::fields::underlined(findings), Style::default())
                };
                frame.render_widget(Paragraph::new(line), value_r);
            }
        }
        if let Some((text, style)) = &checks[n] {
            match check_col {
                Some(c) => frame.render_widget(
                    Paragraph::new(Span::styled(text.clone(), *style)),
                    Rect::new(r.x + c, y, r.width.saturating_sub(c), 1),
                ),
                None => {
                    y += 1;
                    frame.render_widget(
                        Paragraph::new(Span::styled(format!("  {text}"), *style)),
                        Rect::new(r.x, y, r.width, 1),
                    );
                }
            }
        }
        y += 1;
    }
    // The wording findings of the form's fields, with what to do about them.
    let found: Vec<Line> = form
        .fields
        .iter()
        .zip(marks)
        .flat_map(|(field, found)| found.iter().map(move |f| (field, f)))
        .map(|(field, f)| {
            let fix = match (&f.rewrite, &f.suggestion) {
                (Some(r), _) if !r.replacement.is_empty() => format!(" → \"{}\"", r.replacement),
                (_, Some(s)) => format!(" → {s}"),
                _ => String::new(),
            };
            Line::styled(
                format!("◆ {}: {}: {}{fix}", field.label, crate::tui::layout::rule_label(f), f.message),
                colored(Color::Yellow),
            )
        })
        .collect();
    if !found.is_empty() && y + 1 < r.y + r.height {
        let rows = (found.len() as u16 * 3).min(r.y + r.height - y - 1);
        let list = Paragraph::new(found).wrap(Wrap { trim: true });
        frame.render_widget(list, Rect::new(r.x, y + 1, r.width, rows));
        y += rows + 1;
    }
    if let (Some(n), true) = (numbers, y + 1 < r.y + r.height) {
        let numbers: Vec<String> = n
            .labelled()
            .iter()
            .map(|(l, d)| format!("{l}: {}", d.map(crate::doc::format_duration).unwrap_or_else(|| "—".into())))
            .collect();
        let text = Paragraph::new(Span::styled(numbers.join(" · "), dim())).wrap(Wrap { trim: true });
        frame.render_widget(text, Rect::new(r.x, y + 1, r.width, (r.y + r.height).saturating_sub(y + 1)));
    }
}

pub use crate::tui::layout::inner;

fn finish(frame: &mut Frame, r: Rect, editor: &Editor) {
    let summary = &editor.finish;
    let target = std::path::Path::new(&editor.shown).with_extension("md");
    let mut lines = vec![
        Line::styled(format!("{} of {} sections written.", summary.written, summary.total), bold()),
        Line::from(vec![
            Span::raw("Press "),
            Span::styled(key_for(Scope::Finish, &Action::ExportMarkdown), bold()),
            Span::raw(format!(" to export Markdown to {}.", target.display())),
        ]),
    ];
    if summary.wording_checked {
        let (passes, verdict) = summary.verdict();
        lines.push(Line::styled(verdict, colored(if passes { Color::Green } else { Color::Yellow })));
    }
    lines.push(Line::raw(""));
    if summary.empty_required.is_empty() {
        lines.push(Line::styled("✓ Every required section has something in it.", colored(Color::Green)));
    } else {
        lines.push(Line::from("Required and still empty:"));
        lines.extend(summary.empty_required.iter().map(|t| Line::styled(format!("  ! {t}"), colored(Color::Yellow))));
    }
    lines.push(Line::raw(""));
    if summary.checking {
        lines.push(Line::styled("Checking the wording…", dim()));
    } else if !summary.wording_checked {
        lines.push(Line::styled("The wording is not checked yet (see `blameless lint`).", dim()));
    } else if summary.wording.is_empty() {
        lines.push(Line::styled("✓ No wording findings.", colored(Color::Green)));
    } else {
        let n = summary.wording.len();
        lines.push(Line::from(format!(
            "Wording to look at again, {n} finding{} (marked ◆ in their sections):",
            if n == 1 { "" } else { "s" }
        )));
        for w in &summary.wording {
            let color = if w.severity >= Severity::Warning { Color::Yellow } else { Color::Cyan };
            // The finding's words as one line: a text wrapped in the document keeps its spaces.
            let text = w.text.split_whitespace().collect::<Vec<_>>().join(" ");
            lines.push(Line::styled(format!("  ◆ {}: {} \"{text}\"", w.place, w.rule), colored(color)));
        }
    }
    lines.push(Line::raw(""));
    if summary.checks.is_empty() && summary.checking {
        lines.push(Line::styled("Checking the document…", dim()));
    } else if summary.checks.is_empty() {
        lines.push(Line::styled("✓ No other findings.", colored(Color::Green)));
    } else {
        lines.push(Line::from("Findings:"));
        for (severity, message) in &summary.checks {
            let color = match severity {
                Severity::Error => Color::Red,
                Severity::Warning => Color::Yellow,
                Severity::Suggestion => Color::Cyan,
            };
            lines.push(Line::styled(format!("  {} {message}", severity.as_str()), colored(color)));
        }
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), r);
}

/// The template's guidance and questions for the page; `below` when it sits under the page.
pub fn guidance(frame: &mut Frame, r: Rect, editor: &Editor, below: bool, memo: &mut Memo) {
    // Wrapping the guidance was a third of a keystroke's cost: it is laid out once per page,
    // keyed by the words it shows.
    let template = match editor.page {
        Page::Section(i) => editor.template_section(i).map(|t| (t.guidance.as_str(), t.questions.as_slice())),
        _ => None,
    };
    let key = super::cache::key(&(editor.page, &template, &editor.doc.template.name, below));
    memo.region(frame.buffer_mut(), "guidance", r, key, |buf| {
        let borders = if below { Borders::TOP } else { Borders::LEFT };
        let block = Block::default().borders(borders).title(Span::styled(" Guidance ", dim()));
        let inner = block.inner(r);
        let inner = Rect { x: inner.x + 1, width: inner.width.saturating_sub(1), ..inner };
        block.render(r, buf);
        Paragraph::new(guidance_lines(editor)).wrap(Wrap { trim: true }).render(inner, buf);
    });
}

fn guidance_lines(editor: &Editor) -> Vec<Line<'static>> {
    let mut lines: Vec<Line> = Vec::new();
    match editor.page {
        Page::Section(i) => match editor.template_section(i) {
            Some(t) => {
                lines.push(Line::raw(t.guidance.trim().to_string()));
                if !t.questions.is_empty() {
                    lines.push(Line::raw(""));
                    lines.extend(t.questions.iter().map(|q| Line::styled(format!("? {}", q.trim()), dim())));
                }
            }
            None => lines.push(Line::styled(
                format!("The template `{}` is not available here; the document keeps its sections, so writing goes on.", editor.doc.template.name),
                dim(),
            )),
        },
        Page::Details => lines.push(Line::raw(
            "Times without an offset are read in the document's time zone. The numbers below the form are computed from the times, never typed.",
        )),
        Page::Finish => lines.push(Line::raw(
            "A postmortem is done when a reader who was not there understands what happened, how the system made it possible, and what changes.",
        )),
    }
    lines
}
