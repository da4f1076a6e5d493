//! Every rule's own examples: the sentences it must flag, and the hard negatives it must leave
//! alone, plus the context guards that keep the checker precise.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use blameless::lint::{Checker, People, Scope, TextFinding};

fn checker() -> Checker {
    Checker::builtin().unwrap()
}

fn check(c: &Checker, text: &str, scope: Scope) -> Vec<TextFinding> {
    c.check_text(text, scope, &People::new())
}

fn scope_for(text: &str, rule_scope: &[Scope]) -> Scope {
    if text.trim_end().ends_with('?') || rule_scope.contains(&Scope::Prose) { Scope::Prose } else { rule_scope[0] }
}

#[test]
fn every_rule_flags_its_examples_and_passes_its_hard_negatives() {
    let c = checker();
    let mut failures = Vec::new();
    for rule in c.rules() {
        assert!(!rule.examples.flag.is_empty(), "rule {} has no examples to flag", rule.id);
        for text in &rule.examples.flag {
            let found = check(&c, text, scope_for(text, &rule.scope));
            if !found.iter().any(|f| f.category == rule.category) {
                failures.push(format!("{} should flag: {text}\n   found: {found:?}", rule.id));
            }
        }
        for text in &rule.examples.pass {
            let found = check(&c, text, scope_for(text, &rule.scope));
            if let Some(f) = found.iter().find(|f| f.category == rule.category) {
                failures.push(format!("{} should pass: {text}\n   found: {} {:?}", rule.id, f.rule, f.text));
            }
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}
