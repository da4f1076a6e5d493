//! The labelled corpus (`tests/lint_corpus/sentences.txt`): precision and recall per category
//! and overall. Run with `--nocapture` to see the table; the README quotes it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};

use blameless::doc::Severity;
use blameless::lint::{Checker, People, Scope};

const CORPUS: &str = include_str!("lint_corpus/sentences.txt");

struct Labelled {
    expected: BTreeSet<String>,
    scope: Scope,
    text: &'static str,
}

fn corpus() -> Vec<Labelled> {
    CORPUS
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut parts = l.splitn(3, '|').map(str::trim);
            let (expected, scope, text) = (parts.next().unwrap(), parts.next().unwrap(), parts.next().unwrap());
            let scope = match scope {
                "prose" => Scope::Prose,
                "timeline" => Scope::Timeline,
                "actions" => Scope::Actions,
                other => panic!("unknown scope {other} in: {l}"),
            };
            let expected = if expected == "none" {
                BTreeSet::new()
            } else {
                expected.split(',').map(|c| c.trim().to_string()).collect()
            };
            Labelled { expected, scope, text }
        })
        .collect()
}

#[derive(Default)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

#[test]
fn precision_and_recall_on_the_labelled_corpus() {
    let checker = Checker::builtin().unwrap();
    let corpus = corpus();
    let positives = corpus.iter().filter(|l| !l.expected.is_empty()).count();
    assert!(corpus.len() >= 200 && positives * 10 >= corpus.len() * 4, "at least 200 sentences, about half positive");
    let mut per: BTreeMap<String, Counts> = BTreeMap::new();
    let (mut warn_tp, mut warn_fp) = (0, 0);
    let mut misses = Vec::new();
    let mut false_alarms = Vec::new();
    for l in &corpus {
        let found = checker.check_text(l.text, l.scope, &People::new());
        let categories: BTreeSet<String> = found.iter().map(|f| f.category.as_str().to_string()).collect();
        let warnings: BTreeSet<String> =
            found.iter().filter(|f| f.severity >= Severity::Warning).map(|f| f.category.as_str().to_string()).collect();
        for c in &l.expected {
            let counts = per.entry(c.clone()).or_default();
            if categories.contains(c) {
                counts.tp += 1;
            } else {
                counts.fn_ += 1;
                misses.push(format!("  missed {c}: {}", l.text));
            }
            if warnings.contains(c) {
                warn_tp += 1;
            }
        }
        for c in categories.difference(&l.expected) {
            per.entry(c.clone()).or_default().fp += 1;
            let f = found.iter().find(|f| f.category.as_str() == c).unwrap();
            false_alarms.push(format!("  false {c} ({} on {:?}): {}", f.rule, f.text, l.text));
        }
        warn_fp += warnings.difference(&l.expected).count();
    }
    println!("\n{:<16} {:>4} {:>4} {:>4} {:>9} {:>7}", "category", "TP", "FP", "FN", "precision", "recall");
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    for (c, n) in &per {
        println!(
            "{c:<16} {:>4} {:>4} {:>4} {:>9.2} {:>7.2}",
            n.tp,
            n.fp,
            n.fn_,
            ratio(n.tp, n.tp + n.fp),
            ratio(n.tp, n.tp + n.fn_)
        );
        tp += n.tp;
        fp += n.fp;
        fn_ += n.fn_;
    }
    let precision = ratio(tp, tp + fp);
    let recall = ratio(tp, tp + fn_);
    let warning_precision = ratio(warn_tp, warn_tp + warn_fp);
    println!("{:<16} {tp:>4} {fp:>4} {fn_:>4} {precision:>9.2} {recall:>7.2}", "overall");
    println!("warning-level precision: {warning_precision:.2} ({warn_tp} right, {warn_fp} false)");
    println!("{} sentences, {positives} to flag, {} hard negatives", corpus.len(), corpus.len() - positives);
    for line in misses.iter().chain(&false_alarms) {
        println!("{line}");
    }
    assert!(warning_precision >= 0.9, "warning-level precision {warning_precision:.2} is below 0.9");
    assert!(recall >= 0.75, "overall recall {recall:.2} is below 0.75");
}
