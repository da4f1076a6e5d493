//! A copied page that lost its line breaks runs its timeline together on one line:
//! `16:47 - First alert fires16:54 - Replica lag begins16:55 - ...`. When a line starts with
//! a time and a dash and two more such times follow a letter or a stop with no space, each
//! starts a paragraph of its own again, so the entries are read one by one. Only line breaks
//! are added: every word stays.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

const ENTRY: &str = r"\d{1,2}:\d{2}(?::\d{2})?\s?[-–—]\s";

static START: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(&format!(r"^\s*{ENTRY}")).ok());
static GLUED: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(&format!(r"([\p{{L}}.)\]])({ENTRY})")).ok());

fn glued(line: &str) -> bool {
    let (Some(start), Some(glued)) = (START.as_ref(), GLUED.as_ref()) else { return false };
    start.is_match(line) && glued.find_iter(line).count() >= 2
}

/// `src` with each glued run of timed entries split into paragraphs.
pub fn unglue(src: &str) -> Cow<'_, str> {
    let Some(re) = GLUED.as_ref().filter(|_| src.lines().any(glued)) else { return Cow::Borrowed(src) };
    let mut out = String::with_capacity(src.len() + 64);
    for line in src.split_inclusive('\n') {
        if glued(line) {
            if !out.is_empty() && !out.ends_with("\n\n") {
                out.push('\n');
            }
            out.push_str(&re.replace_all(line, "$1\n\n$2"));
            if line.ends_with('\n') {
                out.push('\n');
            }
        } else {
            out.push_str(line);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::unglue;

    #[test]
    fn a_glued_run_is_split_and_other_text_is_left_alone() {
        let src = "Intro line.\n09:01 - Alert fires09:05 - Paged.09:07 - Rolled backWhat next?\nYes\n";
        assert_eq!(
            unglue(src),
            "Intro line.\n\n09:01 - Alert fires\n\n09:05 - Paged.\n\n09:07 - Rolled backWhat next?\n\nYes\n"
        );
        let plain = "09:01 - Alert fires at 09:05 - twice\n";
        assert_eq!(unglue(plain), plain);
    }
}
