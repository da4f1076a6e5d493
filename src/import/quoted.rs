//! A postmortem quoted whole in a comment (an issue thread where a maintainer pastes the
//! provider's report as a block quote, `> ### Timeline of Events` over `> 1. **Initial Issue
//! (09:00)**`): the quote that holds a timeline's heading is read as the document's own text,
//! its `>` marks left off, so its heading and list are read as a timeline is. Every word stays.

use std::borrow::Cow;

/// `src` with the quotes that hold a timeline heading unquoted.
pub(super) fn unquoted(src: &str) -> Cow<'_, str> {
    let lines: Vec<&str> = src.lines().collect();
    let quoted = |l: &str| l.trim_start().starts_with('>');
    let inner = |l: &str| {
        let t = l.trim_start().strip_prefix('>').unwrap_or(l);
        t.strip_prefix(' ').unwrap_or(t).to_string()
    };
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut changed = false;
    let mut i = 0;
    while i < lines.len() {
        if !quoted(lines[i]) {
            out.push(lines[i].to_string());
            i += 1;
            continue;
        }
        let end = (i..lines.len()).find(|&j| !quoted(lines[j])).unwrap_or(lines.len());
        let timeline = lines[i..end].iter().any(|l| {
            let t = inner(l);
            let t = t.trim_start();
            t.starts_with('#') && super::plain::label_kind(t.trim_start_matches('#')) == Some(true)
        });
        for l in &lines[i..end] {
            out.push(if timeline { inner(l) } else { (*l).to_string() });
        }
        changed |= timeline;
        i = end;
    }
    if !changed {
        return Cow::Borrowed(src);
    }
    super::ending_as(src, out.join("\n") + "\n")
}

#[cfg(test)]
mod tests {
    use super::unquoted;

    #[test]
    fn a_quoted_timeline_is_read_as_the_text() {
        let src = "From the report:\n\n> ### Timeline\n> \n> 1. **Start (09:00)**\n\n> just a quote\n";
        assert_eq!(unquoted(src), "From the report:\n\n### Timeline\n\n1. **Start (09:00)**\n\n> just a quote\n");
        assert_eq!(unquoted("> a mail\n> quoted\n"), "> a mail\n> quoted\n");
    }
}
