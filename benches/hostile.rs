//! What hostile input costs, as a user runs the release binary: `templates list` over a
//! 1,000-deep chain of `extends`, and refusing an alias bomb (1 MB repeated 2,000 times) in a
//! document and in a library. Run with `cargo bench --bench hostile`; prints the median of
//! several runs and the peak memory of one (from `/proc`'s accounting of the child, when the
//! platform has it).

mod common;
use common::ms;
use std::path::Path;
use std::process::{Command, Stdio};

fn run(dir: &Path, args: &[&str]) {
    let status = Command::new(env!("CARGO_BIN_EXE_blameless"))
        .args(args)
        .current_dir(dir)
        .env("BLAMELESS_CONFIG_DIR", dir.join(".config"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap_or_else(|e| panic!("{e}"));
    std::hint::black_box(status);
}

fn measure(dir: &Path, args: &[&str], runs: u32) {
    let times = common::timed(runs, || run(dir, args));
    let (median, fastest) = (times[times.len() / 2], times[0]);
    println!(
        "{:<46} median {:>7.1} ms   fastest {:>7.1} ms   ({runs} runs)",
        format!("`blameless {}`", args.join(" ")),
        ms(median),
        ms(fastest)
    );
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap_or(Path::new("."))).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(path, text).unwrap_or_else(|e| panic!("{e}"));
}

fn main() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = dir.path();
    for k in 1..=1000 {
        let parent = if k == 1000 { "default".to_string() } else { format!("t{}", k + 1) };
        write(
            &root.join(format!(".blameless/templates/t{k}.yaml")),
            &format!("name: t{k}\nextends: {parent}\nversion: 1\n"),
        );
    }
    println!("a chain of 1,000 templates, each extending the next");
    measure(root, &["templates", "list"], 5);

    let checkout = include_str!("../tests/fixtures/checkout.yaml");
    let bomb =
        format!("{checkout}x-big: &big {}\nx-notes: [{}]\n", "x".repeat(1_000_000), vec!["*big"; 2_000].join(", "));
    write(&root.join("postmortems/bomb.yaml"), &bomb);
    write(&root.join("postmortems/ok.yaml"), checkout);
    println!("a document of 1 MB aliased 2,000 times (2 GB expanded), beside an ordinary one");
    measure(root, &["validate", "postmortems/bomb.yaml"], 5);
    measure(root, &["list"], 5);
}
