//! The timeline, factors and actions as tables: the cursor cell, the cell being typed into,
//! and what each row lacks (evidence, an owner, a due date, a time that could not be read).

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table as TableWidget, Wrap};

use super::{bold, colored, dim, selected};
use crate::doc::{Numbers, SectionKind, format_duration};
use crate::export::show_time;
use crate::tui::action::{Action, TableOp};
use crate::tui::editor::{Editor, Focus};
use crate::tui::keymap::{Scope, key_for};
use crate::tui::table::{Col, Table};

/// Rows the table's header and the lines under it take.
const HEADER: u16 = 1;

/// Preferred widths of the columns; 0 for the one that takes the rest of the line.
fn widths(kind: SectionKind) -> Vec<u16> {
    let width = |c: &Col| match c {
        Col::Event | Col::Factor | Col::Action => 0,
        Col::Time | Col::Category | Col::Ticket => 16,
        Col::Evidence => 22,
        Col::Owner => 14,
        Col::Due | Col::Status => 11,
        Col::Priority => 8,
        Col::Marks | Col::Kind => 9,
    };
    Col::of(kind).iter().map(width).collect()
}

/// The columns that fit in `width`: the widest text column always, then the others around
/// the cursor's column. Returns (column, width) pairs in order.
fn visible(kind: SectionKind, width: u16, cursor: usize) -> Vec<(usize, u16)> {
    let w = widths(kind);
    let main = w.iter().position(|&x| x == 0).unwrap_or(0);
    let min_main = 18;
    // The first column (the time, the title) is always shown, beside the widest one.
    let keep = if main == 0 { None } else { Some(0) };
    let reserved = keep.map_or(0, |c| w[c] + 1);
    let others: Vec<usize> = (0..w.len()).filter(|&c| c != main && Some(c) != keep).collect();
    let fits = |set: &[usize]| set.iter().map(|&c| w[c] + 1).sum::<u16>() + min_main + reserved <= width;
    // Grow a window of the other columns around the cursor while it fits.
    let at = others.iter().position(|&c| c == cursor).unwrap_or(0);
    let (mut lo, mut hi) = (at, at);
    let mut chosen: Vec<usize> = if fits(&others[at..=at.min(others.len().saturating_sub(1))]) && !others.is_empty() {
        vec![others[at]]
    } else {
        Vec::new()
    };
    loop {
        let mut grew = false;
        if hi + 1 < others.len() && fits(&[&chosen[..], &[others[hi + 1]]].concat()) {
            hi += 1;
            chosen.push(others[hi]);
            grew = true;
        }
        if lo > 0 && fits(&[&chosen[..], &[others[lo - 1]]].concat()) {
            lo -= 1;
            chosen.push(others[lo]);
            grew = true;
        }
        if !grew {
            break;
        }
    }
    chosen.push(main);
    chosen.extend(keep);
    chosen.sort();
    let used: u16 = chosen.iter().filter(|&&c| c != main).map(|&c| w[c] + 1).sum();
    chosen.into_iter().map(|c| (c, if c == main { width.saturating_sub(used) } else { w[c] })).collect()
}

/// The first data row shown, so the cursor row is always on screen.
fn scroll(table: &Table, rows_shown: usize) -> usize {
    table.row.saturating_sub(rows_shown.saturating_sub(1))
}

/// Rows under the table: the incident numbers, a note on the selected row, the keys.
fn footer_rows(kind: SectionKind) -> u16 {
    if kind == SectionKind::Timeline { 6 } else { 4 }
}

pub fn render(frame: &mut Frame, r: Rect, editor: &Editor, i: usize, memo: &mut super::cache::Memo) {
    let Some(table) = editor.tables.get(&i) else { return };
    let doc = &editor.doc;
    let zone = doc.zone();
    let categories = editor.categories();
    let columns = table.columns(doc, &categories);
    let focused = editor.focus == Focus::Page;
    let n = table.len(doc);
    // The selected row in full under the rows, when the table has the keys: its note (what
    // it lacks, its wording) goes there too, and the rows under the table are fewer.
    let detail = if focused && n > 0 { detail_lines(editor, table, &columns) } else { Vec::new() };
    let numbers = if table.kind == SectionKind::Timeline { if r.width < 72 { 2 } else { 1 } } else { 0 };
    let below = if detail.is_empty() { footer_rows(table.kind) } else { numbers + 1 };
    let below = below.min(r.height.saturating_sub(2));
    let area = Rect { height: r.height - below, ..r };
    // The rows keep a third of the room when there are many, all they need when few.
    let keep = HEADER + (n as u16).min((area.height / 3).max(2));
    let detail_h = match detail.iter().map(|l| super::wrapped_rows(l, area.width)).sum::<u16>() {
        0 => 0,
        h if area.height >= keep + 3 => (h + 1).min(area.height - keep),
        _ => 0,
    };
    let area = Rect { height: area.height - detail_h, ..area };
    let shown = area.height.saturating_sub(HEADER) as usize;
    let first = scroll(table, shown);
    // A click on a row selects it.
    for (y, row) in (area.y + HEADER..area.bottom()).zip(first..n) {
        memo.click(Rect::new(area.x, y, area.width, 1), Action::Table(TableOp::Select(row)));
    }
    let cols = visible(table.kind, area.width, table.col);
    let mut rows = Vec::new();
    for row in (first..n).take(shown) {
        let cells: Vec<Cell> = cols
            .iter()
            .map(|&(col, _)| {
                // (A line break inside a cell, an imported phase over its bullets, reads as a space;
                // one byte for one, so the findings' spans still fit.)
                let raw = table.cell(doc, row, col).replace('\n', " ");
                let cursor = focused && row == table.row && col == table.col && table.editing.is_none();
                let findings = cell_findings(editor, table, row, col);
                if !findings.is_empty() {
                    let base = if cursor { selected() } else { Style::default() };
                    return Cell::from(super::marked(&raw, &crate::tui::fields::underlined(findings), base));
                }
                let (text, style) = shown_cell(editor, table, row, col, &raw);
                Cell::from(Span::styled(text, if cursor { selected() } else { style }))
            })
            .collect();
        rows.push(Row::new(cells));
    }
    let hidden = columns.len() > cols.len();
    let header = Row::new(
        cols.iter()
            .map(|&(c, _)| {
                let more =
                    if hidden && c + 1 < columns.len() && !cols.iter().any(|&(o, _)| o == c + 1) { " ›" } else { "" };
                Cell::from(Span::styled(format!("{}{more}", columns[c].title()), bold()))
            })
            .collect::<Vec<_>>(),
    );
    let constraints: Vec<Constraint> = cols.iter().map(|&(_, w)| Constraint::Length(w)).collect();
    let widget = TableWidget::new(rows, constraints.clone()).header(header).column_spacing(1);
    frame.render_widget(widget, area);
    if n == 0 {
        let empty = Paragraph::new(Span::styled(
            "No rows yet: press a to add one (or paste a chat or log excerpt into the timeline).",
            dim(),
        ))
        .wrap(Wrap { trim: true });
        frame.render_widget(empty, Rect { y: area.y + HEADER, height: area.height.saturating_sub(HEADER), ..area });
    }
    if detail_h > 0 {
        let drawn = (n - first).min(shown) as u16;
        let d = Rect { y: area.y + HEADER + drawn, height: detail_h, ..area };
        let what = match table.kind {
            SectionKind::Timeline => "Entry",
            SectionKind::Factors => "Factor",
            _ => "Action",
        };
        let title = format!(" {what} {} of {n} ", table.row + 1);
        let block = Block::default().borders(Borders::TOP).border_style(dim()).title(Span::styled(title, dim()));
        frame.render_widget(Paragraph::new(detail).wrap(Wrap { trim: false }).block(block), d);
    }
    // The cell being typed into, drawn over its place in the table.
    if let (Some(edit), true) = (&table.editing, table.row >= first && table.row < first + shown) {
        let rects = ratatui::layout::Layout::horizontal(constraints).spacing(1).split(area);
        if let Some(k) = cols.iter().position(|&(c, _)| c == table.col) {
            let y = area.y + HEADER + (table.row - first) as u16;
            let r = Rect { y, height: 1, ..rects[k] };
            frame.render_widget(ratatui::widgets::Clear, r);
            frame.render_widget(edit, r);
        }
    }
    let mut lines = Vec::new();
    if table.kind == SectionKind::Timeline {
        let n = Numbers::of(doc);
        let d = |d: Option<chrono::Duration>| d.map(format_duration).unwrap_or_else(|| "—".into());
        lines.push(Line::styled(
            format!(
                "Time to detect {} · to mitigate {} · to resolve {} · total impact {}",
                d(n.to_detect),
                d(n.to_mitigate),
                d(n.to_resolve),
                d(n.impact)
            ),
            dim(),
        ));
    }
    let k = |op| key_for(Scope::Table, &Action::Table(op));
    // The keys the footer does not show (it has edit, add, delete and undo): this line fits
    // at 80 columns.
    let keys = Line::styled(
        format!(
            "{} next value · {} {} move the row · {} help",
            k(TableOp::Cycle),
            k(TableOp::MoveUp),
            k(TableOp::MoveDown),
            key_for(Scope::Table, &Action::Help)
        ),
        dim(),
    );
    let _ = zone;
    let bottom = Rect { y: r.y + r.height - below, height: below, ..r };
    // The numbers wrap onto a second line on a narrow screen.
    let fixed = if lines.is_empty() {
        0
    } else if bottom.width < 72 {
        2
    } else {
        1
    };
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }),
        Rect { height: fixed.min(bottom.height), ..bottom },
    );
    // The note on the selected row may wrap onto two lines; the keys stay on the last one.
    if detail_h == 0 {
        let note_r = Rect { y: bottom.y + fixed, height: bottom.height.saturating_sub(fixed + 1), ..bottom };
        frame.render_widget(
            Paragraph::new(note(editor, table, true).unwrap_or_default()).wrap(Wrap { trim: true }),
            note_r,
        );
    }
    let keys_r = Rect { y: bottom.y + bottom.height.saturating_sub(1), height: 1, ..bottom };
    frame.render_widget(Paragraph::new(keys), keys_r);
}

/// Every column of the selected row, whole: its time with the zone's offset, its text
/// unshortened, what it lacks in words.
fn detail_lines(editor: &Editor, table: &Table, columns: &[crate::tui::table::Column]) -> Vec<Line<'static>> {
    let label_w = columns.iter().map(|c| c.title().chars().count()).max().unwrap_or(8) + 2;
    let zone = editor.doc.zone();
    // What the row lacks, or its wording finding, first: it is cut last on a small screen.
    note(editor, table, false)
        .into_iter()
        .chain((0..columns.len()).map(|col| {
            let raw = table.cell(&editor.doc, table.row, col).replace('\n', " ");
            let (text, style) = match (table.col_at(col), editor.doc.timeline.get(table.row)) {
                (Col::Time, Some(e)) if e.time.resolve(&zone).is_some() => {
                    (show_time(&e.time, &zone), Style::default())
                }
                _ => shown_cell(editor, table, table.row, col, &raw),
            };
            let text = if text.is_empty() { "—".to_string() } else { text };
            let label = format!("{:<label_w$}", columns[col].title());
            Line::from(vec![Span::styled(label, dim()), Span::styled(text, style)])
        }))
        .collect()
}

/// A cell as shown: times in the document's zone, and what is missing said in place.
fn shown_cell(editor: &Editor, table: &Table, row: usize, col: usize, raw: &str) -> (String, Style) {
    let doc = &editor.doc;
    let zone = doc.zone();
    let missing = |what: &str| (format!("— {what}"), colored(Color::Yellow));
    match table.col_at(col) {
        Col::Time => match doc.timeline.get(row).map(|e| (&e.time, e.time.resolve(&zone))) {
            Some((m, Some(_))) => (show_time(m, &zone).chars().take(16).collect(), Style::default()),
            _ if raw.trim().is_empty() => missing("time"),
            _ => (format!("✗ {raw}"), colored(Color::Red)),
        },
        Col::Evidence if raw.is_empty() => missing("no evidence"),
        Col::Owner if raw.is_empty() => missing("no owner"),
        Col::Due if raw.is_empty() => missing("no due date"),
        Col::Due if chrono::NaiveDate::parse_from_str(raw, "%Y-%m-%d").is_err() => {
            (format!("✗ {raw}"), colored(Color::Red))
        }
        _ => (raw.to_string(), Style::default()),
    }
}

/// The wording findings of a cell: the text `lint` checks in a row (event, factor, action).
fn cell_findings<'e>(editor: &'e Editor, table: &Table, row: usize, col: usize) -> &'e [crate::lint::TextFinding] {
    use crate::lint::Field;
    let field = match table.col_at(col) {
        Col::Event => Field::Event(row),
        Col::Factor => Field::Factor(row),
        Col::Action => Field::Action(row),
        _ => return &[],
    };
    editor.fields.findings(field)
}

/// What the selected row's wording finding says, with its suggestion: the most severe one
/// (a warning before a suggestion), the first of those.
fn wording_note(editor: &Editor, table: &Table) -> Option<Line<'static>> {
    let text_col = Col::of(table.kind).iter().position(|&c| c == Col::text_of(table.kind)).unwrap_or(0);
    let found = cell_findings(editor, table, table.row, text_col);
    let f = found.iter().rev().max_by_key(|f| f.severity)?;
    let more = match found.len() {
        1 => String::new(),
        n => format!(" ({} more in this row)", n - 1),
    };
    let fix = match (&f.rewrite, &f.suggestion) {
        _ if f.category == crate::lint::Category::FixPeople => " Change a system instead.".into(),
        (Some(r), _) if !r.replacement.is_empty() => format!(" Try \"{}\".", r.replacement),
        (_, Some(s)) => format!(" {s}"),
        _ => String::new(),
    };
    Some(Line::styled(
        format!("◆ {}: {}{fix}{more}", crate::tui::layout::rule_label(f), f.message),
        colored(Color::Yellow),
    ))
}

/// What the selected row lacks, in words; with `general`, what the timeline as a whole lacks
/// when the row lacks nothing of its own.
fn note(editor: &Editor, table: &Table, general: bool) -> Option<Line<'static>> {
    let doc = &editor.doc;
    let warn = |text: String| Some(Line::styled(text, colored(Color::Yellow)));
    if let Some(line) = wording_note(editor, table) {
        return Some(line);
    }
    match table.kind {
        SectionKind::Timeline => {
            let e = doc.timeline.get(table.row)?;
            if e.time.resolve(&doc.zone()).is_none() && !e.time.as_text().trim().is_empty() {
                return warn(format!(
                    "`{}` is not a time (try 14:02, +5m, yesterday 23:50); it is kept as typed.",
                    e.time
                ));
            }
            let without = doc.timeline.iter().filter(|e| e.evidence.is_none()).count();
            (general && without > 0).then(|| {
                Line::styled(
                    format!(
                        "{without} entries without evidence: how do we know? Add a link to a graph, log or message."
                    ),
                    dim(),
                )
            })
        }
        SectionKind::Actions => {
            let a = doc.actions.get(table.row)?;
            match (&a.owner, &a.due) {
                (None, None) => warn("No owner and no due date: who will do it, and by when?".into()),
                (None, _) => warn("No owner: a team or a role is fine.".into()),
                (_, None) => warn("No due date: 2026-12-01, in 2 weeks, next friday.".into()),
                _ => None,
            }
        }
        _ => None,
    }
}
