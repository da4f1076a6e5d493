//! A Statusfy incident's updates: `::: update Monitoring | 2021-05-03T19:16:54.777Z` over the
//! update's text, closed by `:::`. Each opening line is written as a stamp and the update's
//! word (`2021-05-03T19:16:54.777Z update Monitoring:`), so the update is read as an entry at
//! that instant like any other stamped paragraph; the closing `:::` holds no word and becomes
//! a blank line. Outside code only; every word stays.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

static OPEN: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^\s*:::\s*(?i:update)\s+([^|\n]*?)\s*\|\s*(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2}))\s*$")
        .ok()
});

/// `src` with each Statusfy update's fence written as a stamped line.
pub fn updates(src: &str) -> Cow<'_, str> {
    let Some(open) = OPEN.as_ref() else { return Cow::Borrowed(src) };
    if !src.contains(":::") || !src.lines().any(|l| open.is_match(l)) {
        return Cow::Borrowed(src);
    }
    let lines: Vec<&str> = src.lines().collect();
    let in_code = super::code_lines(&lines);
    let mut out = String::with_capacity(src.len() + 64);
    let mut inside = false;
    for (i, line) in lines.iter().enumerate() {
        if in_code[i] {
            out.push_str(line);
        } else if let Some(c) = open.captures(line) {
            if !out.is_empty() && !out.ends_with("\n\n") {
                out.push('\n');
            }
            let word = c[1].trim();
            out.push_str(&format!("{} update{}{word}:\n", &c[2], if word.is_empty() { "" } else { " " }));
            inside = true;
            continue;
        } else if inside && line.trim() == ":::" {
            inside = false;
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    super::ending_as(src, out)
}

#[cfg(test)]
mod tests {
    use super::updates;

    #[test]
    fn each_update_is_a_stamped_line_and_the_fences_go() {
        let src = "Hub is down.\n\n::: update Monitoring | 2021-05-03T19:16:54.777Z\nResolved, monitoring.\n\n:::\n\n::: update Resolved | 2021-05-03T22:51:55.840Z\n\nThe store was lost.\n:::\n";
        assert_eq!(
            updates(src),
            "Hub is down.\n\n2021-05-03T19:16:54.777Z update Monitoring:\nResolved, monitoring.\n\n\n\n2021-05-03T22:51:55.840Z update Resolved:\n\nThe store was lost.\n\n"
        );
        let code = "```\n::: update Monitoring | 2021-05-03T19:16:54.777Z\n```\n";
        assert_eq!(updates(code), code);
    }
}
