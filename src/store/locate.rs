//! Finding the line a document path (`times.resolved`, `timeline[2].marker`) is written on, so
//! findings can say `file:line:column` like a compiler. Works on block-style YAML as we write
//! it and as people usually write it by hand; when the shape is unusual (flow style, anchors)
//! it returns the nearest place it could find, or nothing.

/// One step of a document path.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

fn steps(path: &str) -> Vec<Step<'_>> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (key, rest) = part.split_once('[').unwrap_or((part, ""));
        if !key.is_empty() {
            out.push(Step::Key(key));
        }
        for index in rest.split('[').map(|i| i.trim_end_matches(']')) {
            if let Ok(i) = index.parse() {
                out.push(Step::Index(i));
            }
        }
    }
    out
}

/// A line of the file with its indentation and its text after the indentation.
struct Line<'a> {
    indent: usize,
    text: &'a str,
}

fn lines(src: &str) -> Vec<Option<Line<'_>>> {
    src.lines()
        .map(|l| {
            let text = l.trim_start_matches(' ');
            (!text.is_empty() && !text.starts_with('#')).then(|| Line { indent: l.len() - text.len(), text })
        })
        .collect()
}

/// The 1-based line and column of `path` in `src`, or the deepest ancestor that was found.
pub fn locate(src: &str, path: &str) -> Option<(usize, usize)> {
    let lines = lines(src);
    // The scope being searched: lines [start, end) whose entries sit at `indent`.
    let (mut start, mut end, mut indent) = (0, lines.len(), 0usize);
    let mut found = None;
    for step in steps(path) {
        match step {
            Step::Key(key) => {
                let hit = (start..end).find(|&i| {
                    lines[i].as_ref().is_some_and(|l| {
                        let text = if l.indent < indent && i == start {
                            strip_dash(l.text, l.indent, indent)
                        } else {
                            Some(l.text)
                        };
                        (l.indent == indent || (i == start && l.indent < indent))
                            && text.is_some_and(|t| key_of(t) == Some(key))
                    })
                });
                let Some(hit) = hit else { return found };
                found = Some((hit + 1, indent + 1));
                start = hit + 1;
                end = block_end(&lines, hit, indent);
                indent = first_indent(&lines, start, end).unwrap_or(indent + 2);
            }
            Step::Index(n) => {
                let items: Vec<usize> = (start..end)
                    .filter(|&i| {
                        lines[i]
                            .as_ref()
                            .is_some_and(|l| l.indent == indent && (l.text == "-" || l.text.starts_with("- ")))
                    })
                    .collect();
                let Some(&hit) = items.get(n) else { return found };
                found = Some((hit + 1, indent + 1));
                end = items.get(n + 1).copied().unwrap_or(end);
                start = hit;
                indent += 2;
            }
        }
    }
    found
}

/// The text of a sequence item's first line after its `- `, when the item starts at `indent`.
fn strip_dash(text: &str, line_indent: usize, indent: usize) -> Option<&str> {
    let rest = text.strip_prefix("- ")?;
    (line_indent + 2 == indent).then(|| rest.trim_start())
}

fn key_of(text: &str) -> Option<&str> {
    let (key, _) = text.split_once(':')?;
    Some(key.trim().trim_matches(|c| c == '"' || c == '\''))
}

/// Where the value of the key on line `at` ends: the next line indented no deeper than the
/// key, except the `- ` items of a sequence written level with its key.
fn block_end(lines: &[Option<Line>], at: usize, indent: usize) -> usize {
    (at + 1..lines.len())
        .find(|&i| {
            lines[i].as_ref().is_some_and(|l| l.indent < indent || (l.indent == indent && !l.text.starts_with("- ")))
        })
        .unwrap_or(lines.len())
}

fn first_indent(lines: &[Option<Line>], start: usize, end: usize) -> Option<usize> {
    (start..end).find_map(|i| lines[i].as_ref().map(|l| l.indent))
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "schema: 2\ntitle: x\ntimes:\n  started: a\n  resolved: b\nsections:\n  - id: summary\n    title: Summary\n  - id: impact\n    fields:\n      - id: users\n        label: Users\ntimeline:\n- time: t0\n  event: e0\n- time: t1\n  # a comment\n  marker: detected\nactions: []\n";

    #[test]
    fn finds_keys_and_items_at_any_depth() {
        assert_eq!(locate(DOC, "title"), Some((2, 1)));
        assert_eq!(locate(DOC, "times.resolved"), Some((5, 3)));
        assert_eq!(locate(DOC, "sections[1]"), Some((9, 3)));
        assert_eq!(locate(DOC, "sections[1].id"), Some((9, 5)));
        assert_eq!(locate(DOC, "sections[1].fields[0].label"), Some((12, 9)));
        // Sequences written without indentation under their key, as some tools do.
        assert_eq!(locate(DOC, "timeline[1].marker"), Some((18, 3)));
        assert_eq!(locate(DOC, "timeline[0].event"), Some((15, 3)));
    }

    #[test]
    fn falls_back_to_the_nearest_place_found() {
        assert_eq!(locate(DOC, "times.detected"), Some((3, 1)), "a key not written points at its parent");
        assert_eq!(locate(DOC, "actions[0].due"), Some((19, 1)), "an empty list points at its key");
        assert_eq!(locate(DOC, "nothing"), None);
    }
}
