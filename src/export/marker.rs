//! The line a Markdown export carries to say it is a copy: an HTML comment (hidden when the
//! Markdown is rendered) naming the document it was made from, so that `lint` over a folder
//! checks the document and not its stale copy.

/// How the marker starts; what follows names the document.
const OPENING: &str = "<!-- blameless: exported from ";
const CLOSING: &str = "; edit that file -->";

/// The marker for an export of the document in the file `source` (a file name).
pub fn marker(source: &str) -> String {
    // A name that would end the comment early is written without its `--`.
    format!("{OPENING}{}{CLOSING}\n", source.replace("--", "-"))
}

/// The file named by the marker of an export, when `text` starts with one (after a front
/// matter block, if any).
pub fn exported_from(text: &str) -> Option<&str> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.lines();
    let mut line = lines.next()?;
    if line.trim_end() == "---" {
        // Front matter: the marker is on the first line after it, or the one after a blank.
        lines.find(|l| l.trim_end() == "---")?;
        line = lines.next()?;
        if line.trim().is_empty() {
            line = lines.next()?;
        }
    }
    let name = line.trim_end().strip_prefix(OPENING)?.strip_suffix(CLOSING)?;
    (!name.is_empty() && !name.contains(['/', '\\'])).then_some(name)
}

/// `markdown` (an export of the document in `source`) with the marker in front, after its
/// front matter block when it has one.
pub fn with_marker(markdown: &str, source: &str) -> String {
    let marker = marker(&crate::doc::printable(source));
    if let Some(rest) = markdown.strip_prefix("---\n")
        && let Some(end) = rest.find("\n---\n")
    {
        let split = 4 + end + 5;
        let (matter, body) = markdown.split_at(split);
        let body = body.strip_prefix('\n').unwrap_or(body);
        return format!("{matter}\n{marker}\n{body}");
    }
    format!("{marker}\n{markdown}")
}

/// `text` with its export marker (if it has one) blanked, so that importing an export does
/// not take the marker for text; lines keep their numbers.
pub fn without_marker(text: &str) -> std::borrow::Cow<'_, str> {
    let Some(name) = exported_from(text) else { return text.into() };
    let line = marker(name);
    match text.find(line.as_str()) {
        Some(at) => format!("{}\n{}", &text[..at], &text[at + line.len()..]).into(),
        None => text.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_marker_names_its_document_and_is_read_back() {
        let md = with_marker("# Title\n", "checkout.yaml");
        assert_eq!(md, "<!-- blameless: exported from checkout.yaml; edit that file -->\n\n# Title\n");
        assert_eq!(exported_from(&md), Some("checkout.yaml"));
        let matter = with_marker("---\ntitle: T\n---\n\n# T\n", "a b.yaml");
        assert_eq!(matter, "---\ntitle: T\n---\n\n<!-- blameless: exported from a b.yaml; edit that file -->\n\n# T\n");
        assert_eq!(exported_from(&matter), Some("a b.yaml"));
        assert_eq!(exported_from("# T\n<!-- blameless: exported from x.yaml; edit that file -->\n"), None);
        assert_eq!(exported_from("<!-- blameless: exported from ../x.yaml; edit that file -->\n"), None);
        assert_eq!(without_marker(&md), "\n\n# Title\n");
        assert_eq!(without_marker("# T\n"), "# T\n");
    }
}
