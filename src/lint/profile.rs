//! Which patterns cost most on a long text: `BLAMELESS_PROFILE=FILE cargo test --release --lib
//! pattern_costs -- --ignored --nocapture` prints the slowest twenty (full forms, as `lint`
//! runs them). A tool for tuning rules, not a test of anything.

#[test]
#[ignore]
fn pattern_costs() {
    let Ok(path) = std::env::var("BLAMELESS_PROFILE") else { return };
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let masked = super::mask::prepare(&text, super::Scope::Prose, true).masked;
    let set = super::rules::RuleSet::builtin().unwrap_or_else(|e| panic!("{e}"));
    let mut costs = Vec::new();
    for &(r, p) in &set.owners {
        let Some(regex) = set.rules[r].patterns[p].regex.full() else { continue };
        let start = std::time::Instant::now();
        let n = regex.matches(&masked).len();
        costs.push((start.elapsed(), set.rules[r].id.clone(), p, n));
    }
    costs.sort();
    for (took, id, p, n) in costs.iter().rev().take(20) {
        println!("{:>8.1} ms  {id} #{p} ({n} matches)", took.as_secs_f64() * 1000.0);
    }
    // How often the gate opens each pattern, over 4 KB pieces of the text.
    let mut opened = vec![0usize; set.owners.len()];
    let chunks: Vec<&str> = masked.as_bytes().chunks(4096).filter_map(|c| std::str::from_utf8(c).ok()).collect();
    for c in &chunks {
        for (k, o) in set.gate.open(c).into_iter().enumerate() {
            opened[k] += usize::from(o);
        }
    }
    let mut often: Vec<(usize, String, usize)> =
        set.owners.iter().enumerate().map(|(k, &(r, p))| (opened[k], set.rules[r].id.clone(), p)).collect();
    often.sort();
    println!("open in pieces of {}:", chunks.len());
    for (n, id, p) in often.iter().rev().take(25) {
        println!("{n:>6} open  {id} #{p}");
    }
    // Compiling: what a short file pays for each pattern the gate opens on it.
    let fresh = super::rules::RuleSet::builtin().unwrap_or_else(|e| panic!("{e}"));
    let short = std::env::var("BLAMELESS_PROFILE_SHORT").ok().and_then(|p| std::fs::read_to_string(p).ok());
    let short = short.map_or_else(
        || masked[..masked.len().min(3000)].to_string(),
        |t| super::mask::prepare(&t, super::Scope::Prose, true).masked,
    );
    let open = fresh.gate.open(&short);
    let mut compile = Vec::new();
    for (k, &(r, p)) in fresh.owners.iter().enumerate() {
        let source = fresh.rules[r].patterns[p].regex.source().to_string();
        let took = (0..5)
            .map(|_| {
                let start = std::time::Instant::now();
                let _ = super::pattern::Lazy::new(source.clone()).full().is_some();
                start.elapsed()
            })
            .min()
            .unwrap_or_default();
        compile.push((took, fresh.rules[r].id.clone(), p, open[k]));
    }
    compile.sort();
    let opened = compile.iter().filter(|c| c.3).map(|c| c.0).sum::<std::time::Duration>();
    println!("compiling what the short text opens: {:.1} ms", opened.as_secs_f64() * 1000.0);
    for (took, id, p, open) in compile.iter().rev().filter(|c| c.3).take(25) {
        println!("{:>8.2} ms compile  {id} #{p} open on 3 KB: {open}", took.as_secs_f64() * 1000.0);
    }
}

#[test]
#[ignore]
fn gated_costs() {
    use std::time::{Duration, Instant};
    let Ok(path) = std::env::var("BLAMELESS_PROFILE") else { return };
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let t = Instant::now();
    let masked = super::mask::prepare(&text, super::Scope::Prose, true).masked;
    println!("prepare {:?}", t.elapsed());
    let checker = super::Checker::builtin().unwrap_or_else(|e| panic!("{e}"));
    let people = super::People::new();
    checker.check_markdown(&text, &people);
    let t = Instant::now();
    let n = checker.check_markdown(&text, &people).len();
    println!("check_markdown warm {:?} ({n} findings)", t.elapsed());
    let set = &checker.rules;
    {
        let t = set.gate.tables();
        let words = set.gate.words_in(&masked);
        let mut count = std::collections::HashMap::new();
        for &(_, w) in &words {
            *count.entry(w).or_insert(0usize) += 1;
        }
        let mut rows: Vec<(usize, usize, String)> = count
            .into_iter()
            .map(|(w, c)| {
                let opens = (t.open_starts[w as usize + 1] - t.open_starts[w as usize]) as usize;
                let word =
                    String::from_utf8_lossy(&t.bytes[t.starts[w as usize] as usize..t.starts[w as usize + 1] as usize])
                        .to_string();
                (c * opens, c, format!("{word:?} x{opens}"))
            })
            .collect();
        rows.sort();
        for r in rows.iter().rev().take(40) {
            println!("{:>8} {:>6} {}", r.0, r.1, r.2);
        }
    }
    for _ in 0..3 {
        let s = Instant::now();
        let a = set.gate.words_in(&masked).len();
        let ta = s.elapsed();
        let s = Instant::now();
        let b: usize =
            super::matcher::pieces(&masked).iter().map(|p| set.gate.words_in(&masked[p.clone()]).len()).sum();
        println!("words: automaton {ta:?} ({a}), tables {:?} ({b})", s.elapsed());
    }
    let (mut th, mut tw, mut tr, mut runs, mut found) = (Duration::ZERO, Duration::ZERO, Duration::ZERO, 0, 0);
    let pieces = super::matcher::pieces(&masked);
    let mut per = vec![(Duration::ZERO, 0usize); set.owners.len()];
    for piece in &pieces {
        let text = &masked[piece.clone()];
        let s = Instant::now();
        let hits = set.gate.hits(text);
        th += s.elapsed();
        for (k, &(r, p)) in set.owners.iter().enumerate() {
            if !hits.open[k] {
                continue;
            }
            let s = Instant::now();
            let windows = set.gate.windows(&hits, k, text, set.reach[k]);
            tw += s.elapsed();
            let Some(regex) = set.rules[r].patterns[p].regex.for_text(text, false) else { continue };
            let s = Instant::now();
            let sieve = set.rules[r].patterns[p].regex.sieve(windows.len());
            for w in windows.into_iter().filter(|w| super::sieve::passes(sieve, text, w)) {
                runs += 1;
                per[k].1 += 1;
                found += regex.matches_in(text, w).len();
            }
            per[k].0 += s.elapsed();
            tr += s.elapsed();
        }
    }
    println!(
        "{} pieces: hits {th:?}, windows {tw:?}, regex {tr:?} ({runs} window searches, {found} matches)",
        pieces.len()
    );
    let mut rows: Vec<_> = per.iter().enumerate().map(|(k, &(d, n))| (d, n, k)).collect();
    rows.sort();
    for &(d, n, k) in rows.iter().rev().take(30) {
        let (r, p) = set.owners[k];
        println!("{:>8.1} ms {n:>6} windows  {} #{p}", d.as_secs_f64() * 1000.0, set.rules[r].id);
    }
}

/// One phase, run five times, for `perf stat`: `BLAMELESS_PHASE=check|words|scan|prepare`.
#[test]
#[ignore]
fn phase() {
    let Ok(path) = std::env::var("BLAMELESS_PROFILE") else { return };
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let checker = super::Checker::builtin().unwrap_or_else(|e| panic!("{e}"));
    let people = super::People::new();
    checker.check_markdown(&text, &people);
    let masked = super::mask::prepare(&text, super::Scope::Prose, true).masked;
    let phase = std::env::var("BLAMELESS_PHASE").unwrap_or_default();
    for _ in 0..5 {
        match phase.as_str() {
            "check" => drop(checker.check_markdown(&text, &people)),
            "words" => drop(checker.rules.gate.words_in(&masked)),
            "scan" => {
                for p in super::matcher::pieces(&masked) {
                    drop(checker.rules.gate.words_in(&masked[p]));
                }
            }
            "prepare" => drop(super::mask::prepare(&text, super::Scope::Prose, true)),
            "doc" => {
                // The bench's folder document (benches/lint.rs), checked 100 times.
                let library = crate::template::Library::new(Vec::new(), None);
                let template = library.find("default").unwrap_or_else(|e| panic!("{e}"));
                let zone = "Europe/Berlin".parse().unwrap_or_else(|e: String| panic!("{e}"));
                let mut doc = template.new_document("Incident 1: checkout errors", &zone);
                doc.authors = vec!["Priya Raman".into()];
                let paragraphs: Vec<&str> = text.split("\n\n").collect();
                for section in doc.sections.iter_mut() {
                    section.text = format!("{}\n\n{}\n\n", paragraphs[2], paragraphs[6]);
                }
                for _ in 0..100 {
                    drop(checker.check_document(&doc, None, None));
                }
            }
            _ => {}
        }
    }
}
