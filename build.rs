//! Moves the wording checker's start-up work to build time. The built-in rule files and the
//! lexicon (`src/lint/rules/*.yaml`) are parsed here and written to `$OUT_DIR` as JSON, which
//! loads several times faster than YAML; and the gate over the trigger words of every rule
//! pattern is worked out here too, with the same code as at run time (`src/lint/triggers.rs`,
//! `src/lint/gate_tables.rs`).
//!
//! Writes to `$OUT_DIR`:
//! - `<name>.json` for each rule file `<name>.yaml`, and `lexicon.json`;
//! - `rule_files.rs`: an array expression of `(file name, JSON text)`, in `RULE_FILES` order;
//! - `gate.rs`: the gate's tables (`src/lint/gate_tables.rs`) over every pattern of every
//!   rule, in file order then pattern order, as a Rust expression of borrowed slices,
//!   `gate_patterns.rs`: those patterns, an array expression of their sources, and
//!   `gate_reach.rs`: how far each one's matches reach (`src/lint/reach.rs`).
//!
//! A YAML syntax error fails the build with the file and line. Whether the fields are right
//! is checked when the JSON is loaded, by the same structs as ever (the tests load it).
//!
//! The binary is linked as the toolchain links it, position-independent: address
//! randomisation stays on for a program that reads untrusted pull-request text. (It was once
//! linked at a fixed address to spare the loader ~50,000 relocations, under a millisecond at
//! start; issue #21.) Where the C library reads packed relocations (glibc 2.36 and later,
//! which says so with the symbol version `GLIBC_ABI_DT_RELR`), the binary's are packed
//! (`-z pack-relative-relocs`): 1.2 MB of relocation records become a few kilobytes that
//! every start reads, and the binary asks for that C library by name, so an older one refuses
//! it plainly.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[path = "src/lint/triggers.rs"]
mod triggers;

#[path = "src/lint/gate_tables.rs"]
mod gate_tables;

#[path = "src/lint/reach.rs"]
#[allow(dead_code)]
mod reach;

/// The built-in rule files, in the order their rules run.
const RULE_FILES: [&str; 12] = [
    "person-as-cause.yaml",
    "human-error.yaml",
    "omission.yaml",
    "character.yaml",
    "counterfactual.yaml",
    "hindsight.yaml",
    "minimiser.yaml",
    "single-cause.yaml",
    "rule-violation.yaml",
    "fix-people.yaml",
    "person-question.yaml",
    "loaded-tone.yaml",
];

const RULES_DIR: &str = "src/lint/rules";
const LEXICON: &str = "lexicon.yaml";
const CLASSES: &str = "classes.yaml";

fn main() {
    if let Err(e) = run() {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/lint/triggers.rs");
    println!("cargo:rerun-if-changed=src/lint/gate_tables.rs");
    println!("cargo:rerun-if-changed=src/lint/reach.rs");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?);
    if packed_relocations() {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }

    let classes = load(CLASSES)?;
    let mut listing = String::from("[\n");
    let mut sources = Vec::new();
    let mut found = Vec::new();
    let mut reaches = String::from("[");
    for name in RULE_FILES {
        let mut value = load(name)?;
        expand_classes(name, &mut value, &classes)?;
        let json_name = json_name(name);
        write(&out.join(&json_name), &to_json(name, &value)?)?;
        let _ = writeln!(listing, "    ({name:?}, include_str!(concat!(env!(\"OUT_DIR\"), \"/{json_name}\"))),");
        for source in pattern_sources(&value) {
            found.push(triggers::triggers(source));
            let r = reach::reach(source);
            let _ = write!(reaches, "super::reach::Reach {{ max_len: {}, seps: {} }},", r.max_len, r.seps);
            sources.push(source.to_string());
        }
    }
    listing.push_str("]\n");
    write(&out.join("rule_files.rs"), &listing)?;
    write(&out.join("gate.rs"), &gate_source(&gate_tables::Tables::build(&found)))?;
    write(&out.join("gate_patterns.rs"), &format!("{sources:?}"))?;
    reaches.push(']');
    write(&out.join("gate_reach.rs"), &reaches)?;

    let lexicon = load(LEXICON)?;
    write(&out.join(json_name(LEXICON)), &to_json(LEXICON, &lexicon)?)?;
    Ok(())
}

/// Whether the binary is built for this machine's Linux with a GNU C library that reads packed
/// relocations (it defines the symbol version `GLIBC_ABI_DT_RELR`, from 2.36 on).
fn packed_relocations() -> bool {
    let var = |name: &str| std::env::var(name).unwrap_or_default();
    if var("CARGO_CFG_TARGET_OS") != "linux" || var("CARGO_CFG_TARGET_ENV") != "gnu" || var("HOST") != var("TARGET") {
        return false;
    }
    let arch = var("CARGO_CFG_TARGET_ARCH");
    let folders =
        [format!("/lib/{arch}-linux-gnu"), format!("/usr/lib/{arch}-linux-gnu"), "/lib64".into(), "/usr/lib64".into()];
    let libc = folders.iter().find_map(|f| std::fs::read(Path::new(f).join("libc.so.6")).ok());
    libc.is_some_and(|bytes| bytes.windows(17).any(|w| w == b"GLIBC_ABI_DT_RELR"))
}

/// Writes each `{class}` in the rules' patterns and exceptions as `(?:a|b|...)`, the words
/// of that class in `classes.yaml`; an unknown class fails the build with the rule file.
fn expand_classes(name: &str, file: &mut serde_yaml::Value, classes: &serde_yaml::Value) -> Result<(), String> {
    let expand = |text: &str| -> Result<String, String> {
        let mut out = String::new();
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            let close = rest[open..].find('}').map(|c| open + c);
            let key = close.map(|c| &rest[open + 1..c]).filter(|k| k.starts_with(|c: char| c.is_ascii_lowercase()));
            let (Some(close), Some(key)) = (close, key) else {
                out.push_str(&rest[..=open]);
                rest = &rest[open + 1..];
                continue;
            };
            let words = classes
                .get(key)
                .and_then(|w| w.as_sequence())
                .ok_or_else(|| format!("{RULES_DIR}/{name}: the class `{{{key}}}` is not in {RULES_DIR}/{CLASSES}"))?;
            let words = words
                .iter()
                .map(|w| {
                    w.as_str().ok_or_else(|| format!("{RULES_DIR}/{CLASSES}: `{key}` holds a word that is not text"))
                })
                .collect::<Result<Vec<&str>, String>>()?;
            out.push_str(&rest[..open]);
            out.push_str(&format!("(?:{})", words.join("|")));
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
        Ok(out)
    };
    let Some(rules) = file.get_mut("rules").and_then(|r| r.as_sequence_mut()) else { return Ok(()) };
    for rule in rules {
        for key in ["patterns", "exceptions"] {
            let Some(list) = rule.get_mut(key).and_then(|l| l.as_sequence_mut()) else { continue };
            for item in list {
                let slot = if item.is_string() { Some(item) } else { item.get_mut("match") };
                if let Some(slot) = slot
                    && let Some(text) = slot.as_str()
                {
                    *slot = serde_yaml::Value::String(expand(text)?);
                }
            }
        }
    }
    Ok(())
}

/// `hindsight.yaml` -> `hindsight.json`.
fn json_name(name: &str) -> String {
    format!("{}.json", name.strip_suffix(".yaml").unwrap_or(name))
}

/// Parses a file of `RULES_DIR`; an error names the file and the line.
fn load(name: &str) -> Result<serde_yaml::Value, String> {
    let path = format!("{RULES_DIR}/{name}");
    println!("cargo:rerun-if-changed={path}");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
    serde_yaml::from_str(&text).map_err(|e| {
        let mut message = e.to_string();
        match e.location() {
            Some(at) => {
                // serde_yaml appends " at line L column C"; the place goes first instead.
                if let Some(i) = message.find(" at line ") {
                    message.truncate(i);
                }
                format!("{path}:{}:{}: {message}", at.line(), at.column())
            }
            None => format!("{path}: {message}"),
        }
    })
}

fn to_json(name: &str, value: &serde_yaml::Value) -> Result<String, String> {
    serde_json::to_string(value).map_err(|e| format!("{RULES_DIR}/{name}: cannot be written as JSON: {e}"))
}

/// The source of every pattern of every rule: `rules[].patterns[]`, a string or the `match`
/// of a mapping. Anything else is left for loading to report.
fn pattern_sources(file: &serde_yaml::Value) -> Vec<&str> {
    let rules = file.get("rules").and_then(|r| r.as_sequence()).map(Vec::as_slice).unwrap_or_default();
    rules
        .iter()
        .filter_map(|rule| rule.get("patterns").and_then(|p| p.as_sequence()))
        .flatten()
        .filter_map(|pattern| pattern.as_str().or_else(|| pattern.get("match").and_then(|m| m.as_str())))
        .collect()
}

/// The tables as a Rust expression of borrowed slices.
fn gate_source(t: &gate_tables::Tables) -> String {
    fn list<T: std::fmt::Debug>(items: &[T]) -> String {
        format!("::std::borrow::Cow::Borrowed(&{items:?})")
    }
    format!(
        "super::gate_tables::Tables {{ bytes: {}, starts: {}, buckets: {}, words: {}, open_starts: {}, opens: {}, needs: {} }}",
        list(&t.bytes),
        list(&t.starts),
        list(&t.buckets),
        list(&t.words),
        list(&t.open_starts),
        list(&t.opens),
        list(&t.needs)
    )
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}
