//! The labelled corpus (`tests/lint_corpus/sentences.txt`): precision and recall per category
//! and overall; and the independent set written apart from the rules, split once into a tuning
//! half and a held-out half (`tuning.txt`, `heldout.txt`). Run with `--nocapture` to see the
//! tables; docs/PERFORMANCE.md quotes them.
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
    parse(CORPUS)
}

fn parse(corpus: &'static str) -> Vec<Labelled> {
    corpus
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

/// The categories of the independent sets (`tuning.txt`, `heldout.txt`) that are blame: a
/// sentence of one of them is found when the checker raises a warning on it. The others
/// (hindsight, minimiser, single-cause, loaded-tone) are framing: any finding finds them.
/// `heldout2.txt` names judgement by the checker's own category name, `character`.
const BLAME: [&str; 9] = [
    "person-as-cause",
    "human-error",
    "omission",
    "judgement",
    "character",
    "counterfactual",
    "rule-violation",
    "fix-people",
    "person-question",
];

/// Sentence-level figures of one independent set: per category, how many of its sentences
/// were found (blame at warning level, framing at any level); how many hard negatives got
/// any finding; precision over every sentence flagged at all.
struct SetFigures {
    per: BTreeMap<String, (usize, usize)>,
    negatives: usize,
    false_alarms: usize,
    flagged_positive: usize,
    lines: Vec<String>,
}

impl SetFigures {
    fn precision(&self) -> f64 {
        ratio(self.flagged_positive, self.flagged_positive + self.false_alarms)
    }

    fn recall(&self) -> f64 {
        let (found, all) = self.per.values().fold((0, 0), |(f, a), &(x, y)| (f + x, a + y));
        ratio(found, all)
    }

    fn recall_of(&self, category: &str) -> f64 {
        self.per.get(category).map_or(0.0, |&(f, a)| ratio(f, a))
    }

    fn print(&self, name: &str) {
        println!("\n{name}: {:<16} {:>5} {:>5} {:>7}", "category", "found", "of", "recall");
        for (c, &(f, a)) in &self.per {
            println!("{name}: {c:<16} {f:>5} {a:>5} {:>7.2}", ratio(f, a));
        }
        println!(
            "{name}: recall {:.2}, precision {:.2} ({} of {} hard negatives flagged)",
            self.recall(),
            self.precision(),
            self.false_alarms,
            self.negatives
        );
        for l in &self.lines {
            println!("{name}: {l}");
        }
    }
}

fn measure(corpus: &'static str) -> SetFigures {
    let checker = Checker::builtin().unwrap();
    let mut out =
        SetFigures { per: BTreeMap::new(), negatives: 0, false_alarms: 0, flagged_positive: 0, lines: Vec::new() };
    for l in parse(corpus) {
        let found = checker.check_text(l.text, l.scope, &People::new());
        let warned = found.iter().any(|f| f.severity >= Severity::Warning);
        let what = found.iter().map(|f| format!("{}:{:?}", f.rule, f.text)).collect::<Vec<_>>().join(", ");
        if l.expected.is_empty() {
            out.negatives += 1;
            if !found.is_empty() {
                out.false_alarms += 1;
                out.lines.push(format!("false alarm ({what}): {}", l.text));
            }
            continue;
        }
        if !found.is_empty() {
            out.flagged_positive += 1;
        }
        let blame = l.expected.iter().any(|c| BLAME.contains(&c.as_str()));
        let hit = if blame { warned } else { !found.is_empty() };
        for c in &l.expected {
            let e = out.per.entry(c.clone()).or_default();
            e.1 += 1;
            e.0 += usize::from(hit);
        }
        if !hit {
            let expected = l.expected.iter().cloned().collect::<Vec<_>>().join(",");
            out.lines.push(format!("missed {expected} [{what}]: {}", l.text));
        }
    }
    out
}

/// Measures a set, prints its table, and holds it to floors a little below today's figures,
/// so that a change that loses ground fails here.
fn holds(name: &str, corpus: &'static str, precision: f64, recall: f64) -> SetFigures {
    let f = measure(corpus);
    f.print(name);
    assert!(f.precision() >= precision, "{name} precision {:.2}", f.precision());
    assert!(f.recall() >= recall, "{name} recall {:.2}", f.recall());
    f
}

/// The sets the rules were tuned on: the tuning half of the independent set, then five sets
/// written later by other hands (the phrasings a keyword checker misses; people as the cause
/// and people doing neutral things; six writers' voices; a writer who had never seen the
/// checker, `tuning6.txt`; the kinds real set F showed, `tuning7.txt`; the four kinds
/// heldout2 is weakest on, `tuning8.txt`, written without reading it; the kinds of real set
/// J's tuning half, `tuning9.txt`). Each was first measured before any
/// rule was written from it: tests/corpus/REAL.md has those figures.
#[test]
fn figures_on_the_tuning_sets() {
    holds("tuning", include_str!("lint_corpus/tuning.txt"), 0.95, 0.95);
    holds("tuning2", include_str!("lint_corpus/tuning2.txt"), 0.95, 0.90);
    holds("tuning3", include_str!("lint_corpus/tuning3.txt"), 0.95, 0.85);
    holds("tuning4", include_str!("lint_corpus/tuning4.txt"), 0.95, 0.90);
    holds("tuning5", include_str!("lint_corpus/tuning5.txt"), 0.95, 0.85);
    holds("tuning6", include_str!("lint_corpus/tuning6.txt"), 0.95, 0.95);
    holds("tuning7", include_str!("lint_corpus/tuning7.txt"), 0.95, 0.95);
    holds("tuning8", include_str!("lint_corpus/tuning8.txt"), 0.95, 0.88);
    holds("tuning9", include_str!("lint_corpus/tuning9.txt"), 0.95, 0.90);
    // Written 2026-12-04 by two writers who had not seen the rules or any set; first measured
    // (1c8f325) at recall 0.71 and 0.66 (tests/corpus/REAL.md), then tuned on.
    holds("tuning10", include_str!("lint_corpus/tuning10.txt"), 0.97, 0.90);
    holds("tuning11", include_str!("lint_corpus/tuning11.txt"), 0.95, 0.85);
    // A third writer, weighted to people as the cause and people-fixes: first measured 0.55.
    holds("tuning12", include_str!("lint_corpus/tuning12.txt"), 0.95, 0.82);
    // A fourth writer, weighted to the smaller kinds (rules, single cause, judgement, tone,
    // questions): first measured 0.77, precision 0.96.
    holds("tuning13", include_str!("lint_corpus/tuning13.txt"), 0.95, 0.90);
    // A fifth writer: people as the cause told as plain narrative: first measured 0.50.
    holds("tuning14", include_str!("lint_corpus/tuning14.txt"), 0.95, 0.70);
    // The fourth held-out set, retired to tuning on 2026-12-04 (session 27) after its figures
    // were reported: first measure 0.64, precision 0.96; 0.70 when retired; 0.93, 1.00 tuned.
    holds("tuning15", include_str!("lint_corpus/tuning15.txt"), 0.97, 0.90);
    // A sixth writer (session 27), weighted to people as the cause with no trigger word: first
    // measured (7bfac5b) 0.77, precision 0.98; person-as-cause 0.58. Tuned: 0.95, 0.99.
    holds("tuning16", include_str!("lint_corpus/tuning16.txt"), 0.97, 0.92);
    // A seventh writer (session 28), a third of it people as the cause or people-fixes with no
    // trigger word: first measured (f156917) 0.77, precision 0.96; fix-people 0.47.
    holds("tuning17", include_str!("lint_corpus/tuning17.txt"), 0.96, 0.85);
    // An eighth writer (session 28), weighted to people as the cause (66 lines) and people-fixes:
    // first measured (f156917) 0.71, precision 0.99.
    holds("tuning18", include_str!("lint_corpus/tuning18.txt"), 0.97, 0.88);
    // A ninth writer (session 29), in handbook, ticket, chat and 5-whys registers: first
    // measured (d683ef6) 0.76, precision 0.96; character 0.62, person-question 0.57.
    holds("tuning19", include_str!("lint_corpus/tuning19.txt"), 0.95, 0.89);
    // A tenth writer (session 37), in ten registers, blame mostly without a trigger word: first
    // measured (be0f54a) 0.74, precision 0.95; person-as-cause 0.68, judgement 0.50.
    holds("tuning20", include_str!("lint_corpus/tuning20.txt"), 0.95, 0.87);
}

/// The held-out half: measured only, never tuned on (docs/CHECKER.md and tests/corpus/REAL.md
/// have its figures).
#[test]
fn figures_on_the_held_out_half() {
    let f = holds("held-out", include_str!("lint_corpus/heldout.txt"), 0.93, 0.70);
    for (c, floor) in [("person-as-cause", 0.40), ("counterfactual", 0.60), ("fix-people", 0.75)] {
        assert!(f.recall_of(c) >= floor, "held-out recall of {c}: {:.2}", f.recall_of(c));
    }
}

/// The second held-out set, written 2026-12-04 from the category list alone before its author
/// read the rules or any other set: measured, never tuned on. Its floors sit just under its
/// first measure (tests/corpus/REAL.md).
#[test]
fn figures_on_the_second_held_out_set() {
    // First measure (caa4002 rules, 2026-12-04): recall 0.77, precision 0.94 (8 of 158 hard
    // negatives flagged); person-as-cause 0.66, fix-people 0.58, omission 0.76.
    // After the tuning8 mends (185c6d8, not tuned on): recall 0.78, precision 0.94 (8 of 158).
    let f = holds("heldout2", include_str!("lint_corpus/heldout2.txt"), 0.93, 0.76);
    for (c, floor) in [("person-as-cause", 0.65), ("fix-people", 0.55), ("omission", 0.75)] {
        assert!(f.recall_of(c) >= floor, "heldout2 recall of {c}: {:.2}", f.recall_of(c));
    }
}

/// The third held-out set, written 2026-12-04 by a writer who had seen neither the rules nor
/// any other set, measured and never tuned on (tests/corpus/REAL.md has the first measure:
/// recall 0.69, precision 0.95). The floor sits just under today's figure. (The fourth was
/// retired to tuning as `tuning15.txt` once its figures were reported.)
#[test]
fn figures_on_the_third_held_out_set() {
    holds("heldout3", include_str!("lint_corpus/heldout3.txt"), 0.94, 0.79);
}

/// The fifth held-out set, written 2026-12-04 (session 27) by a writer who had seen neither the
/// rules nor any set: measured, never tuned on. First measure (7bfac5b, before the session's
/// mends): recall 0.76, precision 0.98 (2 of 130 hard negatives flagged); person-as-cause 0.71.
/// After them (not tuned on): recall 0.79, precision 0.99; person-as-cause 0.76.
#[test]
fn figures_on_the_fifth_held_out_set() {
    holds("heldout5", include_str!("lint_corpus/heldout5.txt"), 0.97, 0.77);
}

/// The sixth held-out set, written 2026-12-04 (session 28) by a writer who had seen neither the
/// rules nor any set: measured, never tuned on. First measure (f156917, before the session's
/// mends): recall 0.81, precision 0.98 (3 of 130 hard negatives flagged); person-as-cause 0.65,
/// fix-people 0.72.
#[test]
fn figures_on_the_sixth_held_out_set() {
    holds("heldout6", include_str!("lint_corpus/heldout6.txt"), 0.96, 0.80);
}

/// The seventh held-out set, written 2026-12-04 (session 28) by a writer who had seen neither
/// the rules nor any set, in four registers (chat, non-native English, regulator prose, status
/// pages): measured, never tuned on. First measure (f156917): recall 0.74, precision 0.98.
#[test]
fn figures_on_the_seventh_held_out_set() {
    holds("heldout7", include_str!("lint_corpus/heldout7.txt"), 0.96, 0.73);
}

/// The eighth held-out set, written 2026-12-04 (session 29) by a writer who had seen neither
/// the rules nor any set: measured, never tuned on. First measure (d683ef6): recall 0.87,
/// precision 0.98; person-as-cause 0.72, person-question 0.67.
#[test]
fn figures_on_the_eighth_held_out_set() {
    holds("heldout8", include_str!("lint_corpus/heldout8.txt"), 0.96, 0.85);
}

/// The ninth held-out set, written 2026-12-05 (session 37) by the writer of tuning20, before
/// it and apart from it, who had seen neither the rules nor any set: measured, never tuned on.
/// First measure (be0f54a, before the session's mends): recall 0.78, precision 0.98 (2 of 109
/// hard negatives flagged); person-as-cause 0.72, judgement 0.64. After them: recall 0.80,
/// person-as-cause 0.83.
#[test]
fn figures_on_the_ninth_held_out_set() {
    holds("heldout9", include_str!("lint_corpus/heldout9.txt"), 0.96, 0.78);
}

/// The tenth held-out set, written 2026-12-06 (session 40) by a writer who had seen neither the
/// rules nor any set (160 blaming sentences, 120 hard negatives): measured, never tuned on.
/// First measure (69e8c59 and the first mends after it, mid-session): recall 0.78,
/// precision 0.99 (1 of 120 hard negatives flagged); person-as-cause 0.64, fix-people 0.69.
#[test]
fn figures_on_the_tenth_held_out_set() {
    holds("heldout10", include_str!("lint_corpus/heldout10.txt"), 0.96, 0.75);
}

/// Measures a set kept outside the repository (a new held-out set before it is committed, so
/// its first measure is taken on the rules as they were): `BLAMELESS_SET=PATH cargo test
/// --release --test lint_corpus measure_a_set_by_path -- --ignored --nocapture`.
#[test]
#[ignore = "measures the set named by BLAMELESS_SET"]
fn measure_a_set_by_path() {
    let path = std::env::var("BLAMELESS_SET").expect("BLAMELESS_SET names a set file");
    let text: &'static str = Box::leak(std::fs::read_to_string(&path).unwrap().into_boxed_str());
    // With BLAMELESS_DUMP=FILE, every sentence's outcome goes to FILE, one line each
    // (`warning|finding|none <TAB> expected <TAB> sentence`), for diffing two builds.
    if let Ok(dump) = std::env::var("BLAMELESS_DUMP") {
        let checker = Checker::builtin().unwrap();
        let mut out = String::new();
        for l in parse(text) {
            let found = checker.check_text(l.text, l.scope, &People::new());
            let level = if found.iter().any(|f| f.severity >= Severity::Warning) {
                "warning"
            } else if found.is_empty() {
                "none"
            } else {
                "finding"
            };
            let expected = l.expected.iter().cloned().collect::<Vec<_>>().join(",");
            out.push_str(&format!("{level}\t{expected}\t{}\n", l.text));
        }
        std::fs::write(&dump, out).unwrap();
    }
    measure(text).print(&path);
}
