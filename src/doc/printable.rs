//! Text from a file shown to a person: a control character (escape, bell, backspace, a lone
//! carriage return, C1 codes) is shown as `�`, so a postmortem, a template or a file name can
//! never send escape sequences to the terminal of whoever reads it (change the window title,
//! write the clipboard, clear the screen). One rule for the library's tables, every line the
//! commands print, and the Markdown and HTML exports.

/// `text` with every control character (escape, tab, line breaks) replaced by `�`: a table
/// cell or a one-line value.
pub fn printable(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { '\u{fffd}' } else { c }).collect()
}

/// [`printable`] for text of several lines: line breaks (`\n`, `\r\n`) and tabs are kept,
/// every other control character is replaced.
pub fn printable_lines(text: &str) -> String {
    let keep = |c: char| matches!(c, '\n' | '\t');
    if !text.chars().any(|c| c.is_control() && !keep(c)) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut lines = text.split('\n').peekable();
    while let Some(line) = lines.next() {
        let ended = lines.peek().is_some();
        let (line, crlf) = match line.strip_suffix('\r') {
            Some(line) if ended => (line, true),
            _ => (line, false),
        };
        for (j, run) in line.split('\t').enumerate() {
            if j > 0 {
                out.push('\t');
            }
            out.push_str(&printable(run));
        }
        if crlf {
            out.push('\r');
        }
        if ended {
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_become_visible_and_lines_stay_lines() {
        assert_eq!(printable("\u{1b}]0;x\u{7}a\tb\n"), "\u{fffd}]0;x\u{fffd}a\u{fffd}b\u{fffd}");
        assert_eq!(printable_lines("a\u{1b}[2J\tb\r\nc\rd\u{9b}e\n"), "a\u{fffd}[2J\tb\r\nc\u{fffd}d\u{fffd}e\n");
        assert_eq!(printable_lines("end\r"), "end\u{fffd}");
        assert_eq!(printable_lines("plain\ttext\n"), "plain\ttext\n");
    }
}
