//! `**Detected** 03 Sep 09:41 AEST`, `**Impact** ~1 in 7 quotes failed`: a label in bold with
//! no colon after it. Read as a label line only when it names metadata or a section the heading
//! table knows; any other bold words opening a line (`**Note** this ...`) stay text.

use std::sync::LazyLock;

use regex::Regex;

use super::matching::{is_heading_name, meta_for};

static BOLD: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:[-*+]\s+)?(?:\*\*|__)\s*([A-Za-z][^*_:\n]{0,30}?)\s*(?:\*\*|__)\s+(\S.*)$").ok()
});

/// The label and the value of a bold label without a colon that names metadata.
pub(super) fn bold_label(line: &str) -> Option<(String, String)> {
    let c = BOLD.as_ref()?.captures(line)?;
    let label = c[1].trim().to_string();
    (meta_for(&label).is_some() || is_heading_name(&label)).then_some(())?;
    Some((label, c[2].trim().to_string()))
}

#[cfg(test)]
mod tests {
    use super::bold_label;

    #[test]
    fn only_metadata_and_section_names_are_labels() {
        let got = bold_label("**Detected** 03 Sep 09:41 AEST by Scout");
        assert_eq!(got, Some(("Detected".to_string(), "03 Sep 09:41 AEST by Scout".to_string())));
        assert_eq!(bold_label("**Impact** 1 in 7 failed").map(|(l, _)| l).as_deref(), Some("Impact"));
        assert_eq!(bold_label("**Note** this is prose"), None);
        assert_eq!(bold_label("**Detected**"), None);
    }
}
