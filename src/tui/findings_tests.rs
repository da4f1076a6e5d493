use proptest::prelude::*;

use super::*;
use crate::doc::Severity;
use crate::lint::Category;

fn finding(start: usize, len: usize) -> TextFinding {
    TextFinding {
        rule: "r".into(),
        category: Category::HumanError,
        severity: Severity::Warning,
        span: start..start + len,
        text: String::new(),
        message: String::new(),
        suggestion: None,
        rewrite: None,
    }
}

fn lint_of(findings: Vec<TextFinding>) -> SectionLint {
    let by_start = by_start(&findings);
    SectionLint { findings, by_start, ..SectionLint::default() }
}

proptest! {
    /// The finding at the cursor, found by halving in findings in order of their starts (the
    /// checker's order), is the one the walk through all of them finds: overlapping, nested,
    /// empty and long spans, the cursor anywhere; and in any other order the walk is used.
    #[test]
    fn the_finding_at_the_cursor_is_the_walks(
        spans in prop::collection::vec((0..400usize, 0..60usize), 0..40),
        sort in any::<bool>(),
        at in 0..500usize,
    ) {
        let mut spans = spans;
        if sort {
            spans.sort_by_key(|s| s.0);
        }
        let lint = lint_of(spans.into_iter().map(|(s, l)| finding(s, l)).collect());
        prop_assert_eq!(lint.by_start.is_some(), lint.findings.windows(2).all(|w| w[0].span.start <= w[1].span.start));
        prop_assert_eq!(lint.at_or_after_index(at), lint.at_or_after_walk(at));
    }
}
