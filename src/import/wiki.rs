//! A page copied from a wiki (MediaWiki: Wikipedia, namu, librewiki): its headings come with
//! their edit links (`사고 경과[편집 | 원본 편집]`, `History[edit]`), which are no words of the
//! page, and its title is the line above the first of them.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

/// A heading and its edit links, in English, Korean, Japanese, French, German, Spanish,
/// Portuguese and Russian.
static EDIT_LINKS: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^([^\s#|>*+-][^\[\]]{0,80}?)\s*\[(?:edit|편집|編集|modifier|bearbeiten|editar|править)(?:\s*\|\s*(?:edit source|원본 편집|ソースを編集|modifier le code|quelltext bearbeiten|editar código(?:-fonte)?|править код))?\]\s*$").ok()
});

/// The line as a Markdown heading, if it is a wiki's heading with its edit links.
pub(super) fn heading(line: &str) -> Option<String> {
    let c = EDIT_LINKS.as_ref()?.captures(line)?;
    Some(format!("## {}", c[1].trim()))
}

/// The page's title: its first line, alone over a blank line and read as a title, above the
/// first heading that came with edit links, when no other heading is above it.
pub(super) fn title(lines: &mut [Cow<str>], code: &[bool]) {
    let Some(first_heading) = (0..lines.len()).find(|&i| !code[i] && lines[i].starts_with('#')) else { return };
    if !matches!(lines[first_heading], Cow::Owned(_)) {
        return;
    }
    let Some(first) = (0..first_heading).find(|&i| !lines[i].trim().is_empty()) else { return };
    let alone = lines.get(first + 1).is_none_or(|l| l.trim().is_empty());
    if !code[first] && alone && super::head::plain_title(lines[first].trim()) {
        lines[first] = Cow::Owned(format!("# {}", lines[first].trim()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wiki_heading_without_its_edit_links() {
        assert_eq!(heading("사고 경과[편집 | 원본 편집]").as_deref(), Some("## 사고 경과"));
        assert_eq!(heading("History[edit]").as_deref(), Some("## History"));
        assert_eq!(heading("Chronologie[modifier | modifier le code]").as_deref(), Some("## Chronologie"));
        assert_eq!(heading("- item [edit]"), None);
        assert_eq!(heading("see the [docs] page"), None);
    }
}
