//! A Mermaid flowchart of the incident's phases, started -> detected -> mitigated -> resolved,
//! with the time between each known phase on the arrows. GitHub and GitLab draw ```mermaid
//! blocks; elsewhere the block reads as a short list of times.

use std::fmt::Write;

use crate::doc::{Document, format_duration};

use super::show_time;

/// The diagram as a fenced block, or `None` when fewer than two of the times are known.
pub fn phases(doc: &Document) -> Option<String> {
    let zone = doc.zone();
    let t = &doc.times;
    let known: Vec<(&str, &str, String, chrono::DateTime<chrono::FixedOffset>)> = [
        ("started", "Started", &t.started),
        ("detected", "Detected", &t.detected),
        ("mitigated", "Mitigated", &t.mitigated),
        ("resolved", "Resolved", &t.resolved),
    ]
    .into_iter()
    .filter_map(|(id, label, m)| {
        let m = m.as_ref()?;
        Some((id, label, show_time(m, &zone), m.resolve(&zone)?))
    })
    .collect();
    if known.len() < 2 {
        return None;
    }
    let mut out = String::from("```mermaid\nflowchart LR\n");
    for (id, label, shown, _) in &known {
        let _ = writeln!(out, "    {id}[\"{}<br>{}\"]", escape(label), escape(shown));
    }
    for pair in known.windows(2) {
        let ((from, _, _, a), (to, _, _, b)) = (&pair[0], &pair[1]);
        let span = *b - *a;
        // An impossible order is a validation finding, never a negative duration.
        if span >= chrono::Duration::zero() {
            let _ = writeln!(out, "    {from} -->|\"{}\"| {to}", escape(&format_duration(span)));
        } else {
            let _ = writeln!(out, "    {from} --> {to}");
        }
    }
    out.push_str("```\n");
    Some(out)
}

/// Text inside a quoted Mermaid label: quotes, `#`, angle brackets and backticks as Mermaid's
/// entity codes, line breaks as spaces.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '#' => out.push_str("#35;"),
            '"' => out.push_str("#quot;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '`' => out.push_str("#96;"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_cannot_close_their_quotes() {
        assert_eq!(escape("a \"b\" <c> #d `e`"), "a #quot;b#quot; #lt;c#gt; #35;d #96;e#96;");
    }
}
