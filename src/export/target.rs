//! Whether an export may be written where it is asked to go. An export is a copy that can
//! always be made again, so it never destroys what cannot: a postmortem, the file at the other
//! end of a link, or a file someone wrote by hand (that one only when asked).

use crate::store::Occupant;

/// What may be done at the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Nothing is there, or an earlier export (made again from its document at any time).
    Write,
    /// Another file is there: only with the user's say-so.
    Ask,
    /// Never, whatever the user says.
    Refuse(Refusal),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    Postmortem,
    Link,
    NotAFile,
}

impl std::fmt::Display for Refusal {
    /// The words that follow the file's name.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Refusal::Postmortem => "is a blameless postmortem, and an export never replaces one",
            Refusal::Link => "is a symbolic link, and an export never writes through one",
            Refusal::NotAFile => "is not a regular file (a folder, device or pipe is there)",
        })
    }
}

/// The verdict on a target that holds `occupant`.
pub fn verdict(occupant: &Occupant) -> Verdict {
    match occupant {
        Occupant::Nothing => Verdict::Write,
        Occupant::Link => Verdict::Refuse(Refusal::Link),
        Occupant::Special => Verdict::Refuse(Refusal::NotAFile),
        // Checked before "a postmortem": a JSON export is also a document to a YAML reader.
        Occupant::File { text: Some(text), .. } if is_export(text) => Verdict::Write,
        Occupant::File { postmortem: true, .. } => Verdict::Refuse(Refusal::Postmortem),
        Occupant::File { .. } => Verdict::Ask,
    }
}

/// Whether `text` was written by `blameless export` (or the editor's export): Markdown that
/// starts with the export marker, the HTML page blameless names as its generator, or the JSON
/// with the numbers only an export carries.
pub fn is_export(text: &str) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if super::marker::exported_from(text).is_some() {
        return true;
    }
    if text.starts_with("<!DOCTYPE html>") {
        // As `to_html` writes it, in the page's head.
        return text.lines().take(12).any(|l| l.trim() == "<meta name=\"generator\" content=\"blameless\">");
    }
    text.starts_with('{') && text.contains("\"numbers\": {") && text.contains("\"time_to_detect_seconds\":")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_export_format_is_known_as_one_and_nothing_else_is() {
        let src = include_str!("../../tests/fixtures/checkout.yaml");
        let Ok(loaded) = crate::store::parse_document(std::path::Path::new("t.yaml"), src) else { panic!("fixture") };
        let doc = loaded.doc;
        let md = super::super::marker::with_marker(&super::super::to_markdown(&doc), "t.yaml");
        assert!(is_export(&md));
        assert!(is_export(&super::super::to_html(&doc)));
        assert!(is_export(&super::super::to_json(&doc).unwrap_or_default()));
        assert!(!is_export(&super::super::to_markdown(&doc)), "Markdown without the marker may be hand-edited");
        assert!(!is_export("# Notes\n\nWritten by hand.\n"));
        assert!(!is_export("<!DOCTYPE html>\n<html><head><title>mine</title></head></html>\n"));
        let file = |text: &str, postmortem| Occupant::File { text: Some(text.into()), postmortem };
        assert_eq!(verdict(&file(&md, false)), Verdict::Write);
        assert_eq!(verdict(&file("schema: 2\n", true)), Verdict::Refuse(Refusal::Postmortem));
        assert_eq!(verdict(&file("# Notes\n", false)), Verdict::Ask);
        assert_eq!(verdict(&Occupant::File { text: None, postmortem: false }), Verdict::Ask);
        assert_eq!(verdict(&Occupant::Link), Verdict::Refuse(Refusal::Link));
        assert_eq!(verdict(&Occupant::Nothing), Verdict::Write);
    }
}
