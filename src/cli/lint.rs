//! `blameless lint`: the blameless-language and completeness checks over files and folders.

use std::collections::HashMap;
use std::fmt::Write;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use clap::ValueEnum;

use super::output::{self, Outcome};
use crate::doc::Severity;
use crate::doc::{printable, printable_lines};
use crate::lint::{self, Checker, Config, FileReport, output as report};
use crate::store::{self, LIBRARY_DIR};
use crate::template::Library;

#[derive(Debug, clap::Args)]
pub struct LintArgs {
    /// Postmortem YAML files, Markdown files and folders (searched recursively; a Markdown
    /// export of a document beside it is skipped there, and checked when named)
    /// [default: postmortems/ if it exists, else the current folder]
    pub paths: Vec<PathBuf>,
    /// How to report: rustc-like text, JSON, SARIF 2.1.0 or GitHub workflow annotations
    #[arg(long, value_enum, default_value_t = LintFormat::Human)]
    pub format: LintFormat,
    /// The highest severity that still exits 0 (`none`: any finding fails)
    #[arg(long, value_enum, default_value_t = MaxSeverity::Suggestion, value_name = "LEVEL")]
    pub max_severity: MaxSeverity,
    /// Read this configuration instead of the nearest .blameless/lint.yaml
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// List every rule with its category and level, then exit
    #[arg(long)]
    pub list_rules: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LintFormat {
    Human,
    Json,
    Sarif,
    Github,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MaxSeverity {
    None,
    Suggestion,
    Warning,
    Error,
}

impl MaxSeverity {
    fn allows(self, s: Severity) -> bool {
        match self {
            MaxSeverity::None => false,
            MaxSeverity::Suggestion => s <= Severity::Suggestion,
            MaxSeverity::Warning => s <= Severity::Warning,
            MaxSeverity::Error => true,
        }
    }
}

pub fn run(args: LintArgs) -> anyhow::Result<Outcome> {
    let cwd = std::env::current_dir().context("cannot read the current folder")?;
    let checker = Checker::new(config(&cwd, args.config.as_deref())?)
        .map_err(|e| anyhow::anyhow!("the built-in rules do not load (please report this): {e}"))?;
    if args.list_rules {
        return list_rules(&checker, args.format);
    }
    let paths = if args.paths.is_empty() {
        let library = cwd.join(LIBRARY_DIR);
        vec![if library.is_dir() { PathBuf::from(LIBRARY_DIR) } else { PathBuf::from(".") }]
    } else {
        args.paths.clone()
    };
    let (files, skipped) = lint::collect_sources(&paths)?;
    // A folder (or an entry in one) that cannot be read may hold what was to be checked.
    let mut unreadable = Vec::new();
    for dir in paths.iter().filter(|p| p.is_dir()) {
        store::walk(dir, &["md", "markdown", "yaml", "yml"], &mut Vec::new(), &mut unreadable);
    }
    for e in &unreadable {
        output::error(&anyhow::Error::new(e.clone()));
    }
    let library = Library::discover(&cwd);
    let mut scales: HashMap<String, Option<Vec<String>>> = HashMap::new();
    let mut scale = |name: &str| {
        scales.entry(name.to_string()).or_insert_with(|| library.find_name(name).ok().map(|t| t.severity_ids())).clone()
    };
    let now = super::document::now()?;
    let mut reports: Vec<FileReport> = Vec::new();
    let mut broken = 0;
    for path in &files {
        match lint::check_file(&checker, path, &mut scale, Some(now)) {
            Ok(Some(report)) => reports.push(report),
            Ok(None) => {}
            Err(e) => {
                broken += 1;
                output::error(&anyhow::Error::new(e));
            }
        }
    }
    let checked = reports.len();
    let text = match args.format {
        LintFormat::Human => {
            let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
            // The report's own colours stay; what comes from the files is made printable.
            report::human(&printable_reports(reports.clone()), checked, color)
                + &printable_lines(&skipped_note(&skipped))
        }
        LintFormat::Json => report::json(&reports)?,
        LintFormat::Sarif => report::sarif(&reports, &report::rule_infos(&checker))?,
        LintFormat::Github => printable_lines(&report::github(&printable_reports(reports.clone()))),
    };
    output::print(&text)?;
    if args.format != LintFormat::Human && !skipped.is_empty() {
        // The other formats are read by machines: the note goes beside them.
        output::note(skipped_note(&skipped).trim_end());
    }
    if broken > 0 {
        bail!("{broken} of {} files could not be read", files.len());
    }
    if !unreadable.is_empty() {
        let n = unreadable.len();
        bail!("{n} folder{} or file{} could not be read, so not everything was checked", plural(n), plural(n));
    }
    let fails = reports.iter().flat_map(|r| &r.findings).any(|l| !args.max_severity.allows(l.finding.severity));
    Ok(if fails { Outcome::Findings } else { Outcome::Ok })
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The reports with every text that comes from a file (the path, the source lines, the
/// messages that quote it, suggestions, rewrites) made printable: one character for one, so
/// columns still point at the same place.
fn printable_reports(mut reports: Vec<FileReport>) -> Vec<FileReport> {
    for r in &mut reports {
        r.path = PathBuf::from(printable(&r.path.to_string_lossy()));
        r.source = printable_lines(&r.source);
        for l in &mut r.findings {
            let f = &mut l.finding;
            f.message = printable(&f.message);
            f.text = printable(&f.text);
            f.suggestion = f.suggestion.as_deref().map(printable);
            if let Some(rewrite) = &mut f.rewrite {
                rewrite.replacement = printable(&rewrite.replacement);
            }
        }
    }
    reports
}

/// What the summary says about the exports left out: `skipped 1 export: NAME.md (exported
/// from NAME.yaml)`, one line; empty when there are none.
fn skipped_note(skipped: &[lint::SkippedExport]) -> String {
    if skipped.is_empty() {
        return String::new();
    }
    let name = |p: &Path| p.file_name().map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into_owned());
    let list: Vec<String> =
        skipped.iter().map(|s| format!("{} (exported from {})", report::shown(&s.path), name(&s.source))).collect();
    let n = skipped.len();
    format!("skipped {n} export{}: {}\n", if n == 1 { "" } else { "s" }, list.join(", "))
}

/// The configuration named on the command line, else the nearest `.blameless/lint.yaml`,
/// else the defaults.
fn config(cwd: &Path, explicit: Option<&Path>) -> anyhow::Result<Config> {
    Ok(lint::config_for(cwd, explicit)?)
}

fn list_rules(checker: &Checker, format: LintFormat) -> anyhow::Result<Outcome> {
    let infos = report::rule_infos(checker);
    let level = |id: &str, category: lint::Category, default: Severity| {
        let probe = lint::TextFinding {
            rule: id.to_string(),
            category,
            severity: default,
            span: 0..0,
            text: String::new(),
            message: String::new(),
            suggestion: None,
            rewrite: None,
        };
        checker.config().apply(probe).map_or("off", |f| f.severity.as_str())
    };
    if format == LintFormat::Json {
        let rows: Vec<serde_json::Value> = infos
            .iter()
            .map(|r| {
                serde_json::json!({
                    "id": r.id,
                    "category": r.category.as_str(),
                    "level": level(&r.id, r.category, r.severity),
                    "message": r.message,
                    "help": r.help,
                })
            })
            .collect();
        return output::print(&(serde_json::to_string_pretty(&rows)? + "\n"));
    }
    let mut out = format!("{:<26} {:<16} {:<11} WHAT IT FLAGS\n", "RULE", "CATEGORY", "LEVEL");
    for r in &infos {
        let _ = writeln!(
            out,
            "{:<26} {:<16} {:<11} {}",
            r.id,
            r.category.as_str(),
            level(&r.id, r.category, r.severity),
            r.message
        );
    }
    out.push_str("\nSwitch rules off or change their level in .blameless/lint.yaml (see `blameless lint --help`).\n");
    output::print_text(&out)
}
