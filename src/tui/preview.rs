//! The whole document as it will export, rendered for the terminal: headings, emphasis,
//! lists, tables, quotes and code, from the exported Markdown (pulldown-cmark reads it), so
//! the preview is the export.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::theme::{bold, dim};

/// Lines of the rendered Markdown, for a screen `width` wide (tables are fitted to it).
pub fn render(markdown: &str, width: u16) -> Vec<Line<'static>> {
    let mut r = Renderer {
        lines: Vec::new(),
        line: Vec::new(),
        styles: vec![Style::default()],
        lists: Vec::new(),
        quote: 0,
        table: None,
        width,
    };
    let opts = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for event in Parser::new_ext(markdown, opts) {
        r.event(event);
    }
    r.flush();
    r.lines
}

struct Table {
    rows: Vec<Vec<String>>,
    cell: String,
}

struct Renderer {
    lines: Vec<Line<'static>>,
    line: Vec<Span<'static>>,
    styles: Vec<Style>,
    /// Open lists: the next number for ordered ones.
    lists: Vec<Option<u64>>,
    quote: usize,
    table: Option<Table>,
    width: u16,
}

impl Renderer {
    fn style(&self) -> Style {
        self.styles.last().copied().unwrap_or_default()
    }

    fn push_style(&mut self, add: Style) {
        let s = self.style().patch(add);
        self.styles.push(s);
    }

    fn text(&mut self, text: &str) {
        if let Some(t) = &mut self.table {
            t.cell.push_str(text);
            return;
        }
        if self.line.is_empty() && self.quote > 0 {
            self.line.push(Span::styled("│ ".repeat(self.quote), dim()));
        }
        self.line.push(Span::styled(text.to_string(), self.style()));
    }

    fn flush(&mut self) {
        if !self.line.is_empty() {
            self.lines.push(Line::from(std::mem::take(&mut self.line)));
        }
    }

    fn blank(&mut self) {
        self.flush();
        if self.lines.last().is_some_and(|l| !l.spans.is_empty()) {
            self.lines.push(Line::raw(""));
        }
    }

    fn event(&mut self, event: Event) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => self.text(&t),
            Event::Code(t) => {
                self.push_style(Style::default().add_modifier(Modifier::REVERSED));
                self.text(&t);
                self.styles.pop();
            }
            // Raw HTML in a section is text here, as in the export.
            Event::Html(t) | Event::InlineHtml(t) => self.text(&t),
            Event::SoftBreak => self.text(" "),
            Event::HardBreak => self.flush(),
            Event::Rule => {
                self.blank();
                self.lines.push(Line::styled("─".repeat(self.width.min(60) as usize), dim()));
            }
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag) {
        match tag {
            Tag::Heading { level, .. } => {
                self.blank();
                let style = match level {
                    HeadingLevel::H1 => bold().add_modifier(Modifier::UNDERLINED),
                    HeadingLevel::H2 => bold(),
                    _ => bold().add_modifier(Modifier::ITALIC),
                };
                self.push_style(style);
            }
            Tag::Paragraph if self.lists.is_empty() => self.blank(),
            Tag::Emphasis => self.push_style(Style::default().add_modifier(Modifier::ITALIC)),
            Tag::Strong => self.push_style(bold()),
            Tag::Strikethrough => self.push_style(Style::default().add_modifier(Modifier::CROSSED_OUT)),
            Tag::CodeBlock(_) => {
                self.blank();
                self.push_style(dim());
            }
            Tag::BlockQuote(_) => {
                self.flush();
                self.quote += 1;
            }
            Tag::List(start) => {
                self.flush();
                self.lists.push(start);
            }
            Tag::Item => {
                self.flush();
                let depth = self.lists.len().saturating_sub(1);
                let bullet = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        format!("{}. ", *n - 1)
                    }
                    _ => "• ".to_string(),
                };
                self.line.push(Span::raw(format!("{}{bullet}", "  ".repeat(depth))));
            }
            Tag::Link { .. } => self.push_style(Style::default().add_modifier(Modifier::UNDERLINED)),
            Tag::Table(_) => {
                self.blank();
                self.table = Some(Table { rows: Vec::new(), cell: String::new() });
            }
            Tag::TableHead | Tag::TableRow => {
                if let Some(t) = &mut self.table {
                    t.rows.push(Vec::new());
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_) | TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough => {
                self.styles.pop();
                if matches!(tag, TagEnd::Heading(_)) {
                    self.flush();
                }
            }
            TagEnd::Paragraph => self.flush(),
            TagEnd::CodeBlock => {
                self.styles.pop();
                // A code block's text arrives with its line breaks: split it into lines.
                let spans = std::mem::take(&mut self.line);
                let text: String = spans.iter().map(|s| s.content.to_string()).collect();
                for l in text.trim_end_matches('\n').split('\n') {
                    self.lines.push(Line::styled(format!("    {l}"), dim()));
                }
            }
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.quote = self.quote.saturating_sub(1);
            }
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
            }
            TagEnd::Item => self.flush(),
            TagEnd::Link => {
                self.styles.pop();
            }
            TagEnd::TableCell => {
                if let Some(t) = &mut self.table {
                    let cell = std::mem::take(&mut t.cell);
                    if let Some(row) = t.rows.last_mut() {
                        row.push(cell);
                    }
                }
            }
            TagEnd::Table => {
                if let Some(t) = self.table.take() {
                    self.table_lines(t);
                }
            }
            _ => {}
        }
    }

    /// A table with columns as wide as their content, shrunk to fit the screen.
    fn table_lines(&mut self, t: Table) {
        let cols = t.rows.iter().map(Vec::len).max().unwrap_or(0);
        let mut widths: Vec<usize> = (0..cols)
            .map(|c| t.rows.iter().filter_map(|r| r.get(c)).map(|s| s.chars().count()).max().unwrap_or(0))
            .collect();
        let room = (self.width as usize).saturating_sub(3 * cols);
        while widths.iter().sum::<usize>() > room && widths.iter().any(|&w| w > 8) {
            if let Some(w) = widths.iter_mut().max() {
                *w -= 1;
            }
        }
        for (n, row) in t.rows.iter().enumerate() {
            // Each cell wrapped to its column: a row is as tall as its tallest cell.
            let cells: Vec<Vec<String>> =
                (0..cols).map(|c| wrap_cell(row.get(c).map(String::as_str).unwrap_or(""), widths[c])).collect();
            let height = cells.iter().map(Vec::len).max().unwrap_or(1);
            for k in 0..height {
                let parts: Vec<String> = (0..cols)
                    .map(|c| {
                        let w = widths[c];
                        format!("{:<w$}", cells[c].get(k).map(String::as_str).unwrap_or(""))
                    })
                    .collect();
                let line = parts.join(" │ ").trim_end().to_string();
                self.lines.push(if n == 0 { Line::styled(line, bold()) } else { Line::raw(line) });
            }
            if n == 0 {
                let rule: Vec<String> = widths.iter().map(|&w| "─".repeat(w)).collect();
                self.lines.push(Line::styled(rule.join("─┼─"), dim()));
            }
        }
    }
}

/// `text` in lines of at most `width` characters, broken between words (a longer word is cut).
fn wrap_cell(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = vec![String::new()];
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        loop {
            let line = lines.last_mut().map_or(0, |l| l.chars().count());
            let gap = usize::from(line > 0);
            if line + gap + word.len() <= width {
                if let Some(l) = lines.last_mut() {
                    if gap == 1 {
                        l.push(' ');
                    }
                    l.extend(word.iter());
                }
                break;
            }
            if line > 0 {
                lines.push(String::new());
                continue;
            }
            // A word longer than the column: cut.
            let rest = word.split_off(width);
            if let Some(l) = lines.last_mut() {
                l.extend(word.iter());
            }
            lines.push(String::new());
            word = rest;
            if word.is_empty() {
                break;
            }
        }
    }
    if lines.len() > 1 && lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(md: &str) -> Vec<String> {
        render(md, 60).iter().map(|l| l.spans.iter().map(|s| s.content.to_string()).collect()).collect()
    }

    #[test]
    fn headings_lists_tables_code_and_html_as_text() {
        let md = "# Title\n\nSome *text* and `code`.\n\n- one\n- two\n\n1. first\n2. second\n\n| A | B |\n|---|---|\n| x | y |\n\n```\nlet a = 1;\n```\n\n<script>alert(1)</script>\n";
        let lines = plain(md);
        assert_eq!(lines[0], "Title");
        assert!(lines.contains(&"Some text and code.".to_string()), "{lines:?}");
        assert!(lines.contains(&"• one".to_string()) && lines.contains(&"2. second".to_string()), "{lines:?}");
        assert!(lines.iter().any(|l| l.starts_with("A │ B")), "{lines:?}");
        assert!(lines.contains(&"    let a = 1;".to_string()), "{lines:?}");
        assert!(lines.iter().any(|l| l.contains("<script>alert(1)</script>")), "shown as text: {lines:?}");
    }

    #[test]
    #[allow(clippy::unwrap_used)]
    fn long_cells_wrap_inside_their_column_and_no_word_is_lost() {
        let event = "Error-rate alert pages the checkout on-call, who opens the dashboard and sees the pool exhausted";
        let md = format!("| Time | Event |\n|---|---|\n| 2026-11-24 14:09 | {event} |\n| 14:31 | short |\n");
        let lines = plain(&md);
        assert!(lines.iter().all(|l| l.chars().count() <= 60), "{lines:#?}");
        let words: Vec<&str> = lines.iter().flat_map(|l| l.split(['│', ' '])).filter(|w| !w.is_empty()).collect();
        for word in event.split_whitespace() {
            assert!(words.contains(&word), "{word} lost: {lines:#?}");
        }
        // The row's first line has its time; the lines it wraps onto leave the column blank.
        let first = lines.iter().position(|l| l.starts_with("2026-11-24 14:09")).unwrap();
        assert!(lines[first + 1].starts_with("                 │ "), "{lines:#?}");
        assert!(lines.iter().any(|l| l.starts_with("14:31") && l.ends_with("short")));
        assert_eq!(wrap_cell("abcdefghij", 4), ["abcd", "efgh", "ij"]);
    }
}
