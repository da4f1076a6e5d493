//! `**Detected** 03 Sep 09:41 AEST`: a label in bold with no colon after it. Read as a label
//! line only when it names metadata (detected, severity, owner, ...): a section's name in bold
//! opens a paragraph of prose (`**Impact** ~1 in 7 quotes failed`), which stays text.

use std::sync::LazyLock;

use regex::Regex;

use super::matching::meta_for;

static BOLD: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:[-*+]\s+)?(?:\*\*|__)\s*([A-Za-z][^*_:\n]{0,30}?)\s*(?:\*\*|__)\s+(\S.*)$").ok()
});

/// The label and the value of a bold label without a colon that names metadata.
pub(super) fn bold_label(line: &str) -> Option<(String, String)> {
    let c = BOLD.as_ref()?.captures(line)?;
    let label = c[1].trim().to_string();
    meta_for(&label)?;
    Some((label, c[2].trim().to_string()))
}

#[cfg(test)]
mod tests {
    use super::bold_label;

    #[test]
    fn only_metadata_names_are_labels() {
        let got = bold_label("**Detected** 03 Sep 09:41 AEST by Scout");
        assert_eq!(got, Some(("Detected".to_string(), "03 Sep 09:41 AEST by Scout".to_string())));
        assert_eq!(bold_label("**Impact** ~1 in 7 quotes failed"), None);
        assert_eq!(bold_label("**Detected**"), None);
    }
}
