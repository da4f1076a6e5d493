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
