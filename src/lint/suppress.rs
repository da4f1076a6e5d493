//! Keeping a finding quiet on purpose: `<!-- blameless-disable... -->` comments in Markdown,
//! and dismissals recorded in a document.

use super::TextFinding;
use super::mask::{DirectiveKind, Prepared};
use crate::doc::{Dismissal, Document};

/// Whether a `blameless-disable` comment covers the finding:
/// `<!-- blameless-disable-next-line RULE -->` the line after the comment,
/// `<!-- blameless-disable-line RULE -->` the comment's own line, and
/// `<!-- blameless-disable RULE -->` ... `<!-- blameless-enable RULE -->` everything between.
/// RULE is a rule id or a category, several may be given, none means every rule.
pub(super) fn by_comment(prepared: &Prepared, f: &TextFinding) -> bool {
    if prepared.directives.is_empty() {
        return false;
    }
    let text = &prepared.masked;
    let line_of = |at: usize| text[..at.min(text.len())].matches('\n').count();
    let names = |rules: &[String]| rules.is_empty() || rules.iter().any(|r| *r == f.rule || r == f.category.as_str());
    let line = line_of(f.span.start);
    let mut off = false;
    for d in prepared.directives.iter().filter(|d| d.start < f.span.start || d.kind == DirectiveKind::DisableLine) {
        match d.kind {
            DirectiveKind::DisableNextLine if names(&d.rules) && line_of(d.end) + 1 == line => return true,
            DirectiveKind::DisableLine if names(&d.rules) && line_of(d.start) == line => return true,
            DirectiveKind::Disable if names(&d.rules) => off = true,
            DirectiveKind::Enable if names(&d.rules) => off = false,
            _ => {}
        }
    }
    off
}

fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Whether the document dismisses this rule for these words (compared without case and
/// ignoring how the words are spaced or wrapped).
pub fn is_dismissed(doc: &Document, rule: &str, text: &str) -> bool {
    let text = normalise(text);
    doc.dismissed.iter().any(|d| d.rule == rule && normalise(&d.text) == text)
}

/// Records in the document that the finding is dismissed: by whom and why. Returns `false`
/// when it was already dismissed.
pub fn dismiss(doc: &mut Document, finding: &TextFinding, by: Option<&str>, reason: Option<&str>) -> bool {
    if is_dismissed(doc, &finding.rule, &finding.text) {
        return false;
    }
    let clean = |s: Option<&str>| s.map(str::trim).filter(|s| !s.is_empty()).map(str::to_string);
    doc.dismissed.push(Dismissal {
        rule: finding.rule.clone(),
        text: finding.text.clone(),
        by: clean(by),
        reason: clean(reason),
        extra: Default::default(),
    });
    true
}
