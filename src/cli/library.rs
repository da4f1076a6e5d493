//! The library commands: `list`, `actions`, `stats` over a folder of postmortems, `status` to
//! move one through review, and `schema` for editors.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use chrono::NaiveDate;
use clap::ValueEnum;

use super::document::now;
use super::output::{self, Outcome, note};
use crate::doc::{Document, Status};
use crate::library::{self, ActionFilter, ActionItem, Entry, Filter, Stats, report, rows, status};
use crate::store::{self, LIBRARY_DIR};

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// The folder of postmortems, searched recursively
    #[arg(default_value = LIBRARY_DIR)]
    pub dir: PathBuf,
    #[arg(long, value_enum, value_name = "S")]
    pub status: Option<StatusArg>,
    /// Only this severity (any case)
    #[arg(long, value_name = "S")]
    pub severity: Option<String>,
    /// Only postmortems with this tag (any case)
    #[arg(long, value_name = "T")]
    pub tag: Option<String>,
    /// Only incidents on or after this day
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub since: Option<NaiveDate>,
    /// Only postmortems with each of these words in the title, tags, services or any section
    /// (any case, any order; part of a word counts: `check` finds "checkout")
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, clap::Args)]
pub struct ActionsArgs {
    /// The folder of postmortems, searched recursively
    #[arg(default_value = LIBRARY_DIR)]
    pub dir: PathBuf,
    /// Only actions still to do (open or in progress)
    #[arg(long, conflicts_with = "overdue")]
    pub open: bool,
    /// Only open actions whose due date has passed
    #[arg(long)]
    pub overdue: bool,
    /// Only actions whose owner contains this text (any case)
    #[arg(long, value_name = "O")]
    pub owner: Option<String>,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, clap::Args)]
pub struct StatsArgs {
    /// The folder of postmortems, searched recursively
    #[arg(default_value = LIBRARY_DIR)]
    pub dir: PathBuf,
    /// Only incidents on or after this day
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub since: Option<NaiveDate>,
    #[arg(long, value_enum, default_value_t = StatsFormat::Table)]
    pub format: StatsFormat,
}

#[derive(Debug, clap::Args)]
pub struct StatusArgs {
    /// The document
    pub file: PathBuf,
    /// The new status
    #[arg(value_enum)]
    pub status: StatusArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusArg {
    Draft,
    InReview,
    Published,
}

impl From<StatusArg> for Status {
    fn from(s: StatusArg) -> Status {
        match s {
            StatusArg::Draft => Status::Draft,
            StatusArg::InReview => Status::InReview,
            StatusArg::Published => Status::Published,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatsFormat {
    Table,
    Json,
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| format!("`{text}` is not a date: write it as YYYY-MM-DD, e.g. 2026-11-01"))
}

/// Every entry under `dir` (through the index in the user's cache folder), with an error that
/// says what to do when the folder is not there.
fn read(dir: &Path) -> anyhow::Result<library::Catalog> {
    read_then(dir, |_| ()).map(|(catalog, ())| catalog)
}

/// As [`read`], then `then` with the catalog while the index is written (when it changed).
fn read_then<T>(dir: &Path, then: impl FnOnce(&library::Catalog) -> T) -> anyhow::Result<(library::Catalog, T)> {
    let read = library::read_then(dir, store::cache::cache_dir().as_deref(), then).map_err(|e| {
        let hint =
            format!("name the folder of postmortems (`blameless list DIR`), or run this where `{LIBRARY_DIR}/` is");
        e.hint(&hint)
    })?;
    Ok(read)
}

/// Every entry under `dir`, newest first.
fn scan(dir: &Path) -> anyhow::Result<Vec<Entry>> {
    let mut entries = read(dir)?.entries;
    library::sort_newest_first(&mut entries);
    Ok(entries)
}

/// On stderr: each file or folder that could not be read, with the reason (`error:
/// path:line:column: message`), then how many; `actions` and `stats` say they were left out.
fn report_broken(entries: &[Entry], each: bool) {
    let broken: Vec<String> = entries.iter().filter_map(Entry::error_line).collect();
    let n = broken.len();
    for line in &broken {
        note(&format!("error: {line}"));
    }
    match (n, each) {
        (0, _) => {}
        (_, true) => note(&format!("{n} file{} could not be read; `blameless validate FILE` says more", plural(n))),
        (_, false) => {
            note(&format!("{n} file{} could not be read and left out; `blameless list` names them", plural(n)))
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

pub fn list(args: ListArgs) -> anyhow::Result<Outcome> {
    let filter = Filter {
        status: args.status.map(Status::from),
        severity: args.severity,
        tag: args.tag,
        since: args.since,
        search: args.search,
    };
    let (catalog, outcome) = read_then(&args.dir, |catalog| {
        let entries = &catalog.entries;
        // Broken files are always shown: nothing is known about them to filter on.
        let mut shown: Vec<&Entry> = catalog.matching(&filter);
        // In path order already: a stable sort by date is newest first.
        shown.sort_by_key(|e| std::cmp::Reverse(e.date()));
        report_broken(entries, true);
        match args.format {
            Format::Json => output::print(&rows::list_json(&shown)?),
            Format::Csv => output::print_text(&rows::list_csv(&shown)),
            Format::Table if shown.is_empty() => {
                let why = if entries.is_empty() { "" } else { " match" };
                note(&format!("No postmortems{why} in {}.", args.dir.display()));
                Ok(Outcome::Ok)
            }
            Format::Table => output::print_text(&report::list_table(&shown)),
        }
    })?;
    // Never dropped: freeing ten thousand summaries one by one just before the process ends
    // would take longer than printing them.
    let _ = std::mem::ManuallyDrop::new(catalog);
    outcome
}

pub fn actions(args: ActionsArgs) -> anyhow::Result<Outcome> {
    let filter = ActionFilter { open: args.open, overdue: args.overdue, owner: args.owner };
    let entries = std::mem::ManuallyDrop::new(scan(&args.dir)?);
    let now = now()?;
    let items: Vec<ActionItem> = library::action_items(entries.iter().filter_map(Entry::summary), now)
        .into_iter()
        .filter(|item| filter.matches(item))
        .collect();
    report_broken(&entries, false);
    match args.format {
        Format::Json => output::print(&rows::actions_json(&items)?),
        Format::Csv => output::print_text(&rows::actions_csv(&items)),
        Format::Table if items.is_empty() => {
            let filtered = filter.open || filter.overdue || filter.owner.is_some();
            note(&format!("No follow-up actions{} in {}.", if filtered { " match" } else { "" }, args.dir.display()));
            Ok(Outcome::Ok)
        }
        Format::Table => output::print_text(&report::actions_table(&items, now)),
    }
}

pub fn stats(args: StatsArgs) -> anyhow::Result<Outcome> {
    let entries = std::mem::ManuallyDrop::new(scan(&args.dir)?);
    let docs: Vec<&library::Summary> = entries
        .iter()
        .filter_map(Entry::summary)
        .filter(|s| args.since.is_none_or(|since| s.date.is_some_and(|d| d >= since)))
        .collect();
    let stats = Stats::of(docs, now()?);
    let unreadable = entries.iter().filter(|e| e.summary().is_none()).count();
    report_broken(&entries, false);
    match args.format {
        StatsFormat::Json => output::print(&rows::stats_json(&stats, args.since, unreadable)?),
        StatsFormat::Table => {
            let since = args.since.map(|d| format!(" since {d}")).unwrap_or_default();
            let mut out =
                format!("{} incident{} in {}{since}", stats.incidents, plural(stats.incidents), args.dir.display());
            if unreadable > 0 {
                let _ = write!(out, " ({unreadable} more could not be read)");
            }
            out.push('\n');
            out.push_str(&report::stats_text(&stats));
            output::print_text(&out)
        }
    }
}

pub fn status(args: StatusArgs) -> anyhow::Result<Outcome> {
    let loaded = store::load_document(&args.file)?;
    let mut doc = loaded.doc;
    let shown = args.file.display();
    let to = Status::from(args.status);
    let Some(change) = status::change_status(&mut doc, to, status::who(&args.file), now()?) else {
        note(&format!("{shown} is already {}; nothing was changed", to.as_str()));
        return Ok(Outcome::Ok);
    };
    store::save_document(&args.file, &doc)?;
    let from = change.from.map_or("?", Status::as_str);
    let by = change.by.map(|b| format!(" by {b}")).unwrap_or_default();
    note(&format!("{shown}: {from} -> {}{by} at {}", to.as_str(), change.at));
    if let Some(old) = loaded.migrated_from {
        note(&format!("(the file was in document schema {old}; it is now written in schema {})", crate::doc::SCHEMA));
    }
    Ok(Outcome::Ok)
}

/// The JSON Schema (draft-07, which editors' YAML language servers support) of a document.
pub fn schema() -> anyhow::Result<Outcome> {
    let mut schema = schemars::generate::SchemaSettings::draft07().into_generator().into_root_schema_for::<Document>();
    schema.insert("title".into(), "blameless postmortem".into());
    schema.insert(
        "description".into(),
        format!(
            "A blameless postmortem document, schema {} (blameless {}). Generated by `blameless schema`.",
            crate::doc::SCHEMA,
            env!("CARGO_PKG_VERSION")
        )
        .into(),
    );
    let text = serde_json::to_string_pretty(&schema).context("cannot write the schema as JSON")?;
    output::print(&(text + "\n"))
}

pub const LIST_HELP: &str = "\
Examples:
  blameless list                                   postmortems/, newest first
  blameless list docs/incidents --status in-review --since 2026-01-01
  blameless list --tag database --search migration --format json
  blameless list --format csv > postmortems.csv

Files with a `schema:` key that cannot be read are listed as `error` with the reason (and on
stderr); other YAML files are skipped. The exit status is 0 all the same.";

pub const ACTIONS_HELP: &str = "\
Examples:
  blameless actions --overdue                      open actions past their due date
  blameless actions --open --owner platform        still to do, owner contains \"platform\"
  blameless actions --format csv > actions.csv     for a tracker's CSV import

Overdue: open or in progress, and due before today in the document's time zone.
BLAMELESS_NOW=2026-12-01T09:00:00Z fixes \"today\" for scripts and tests.";

pub const STATS_HELP: &str = "\
Examples:
  blameless stats
  blameless stats --since 2026-01-01 --format json

Medians and 90th percentiles interpolate linearly between the two nearest values (as NumPy's
default and Excel's PERCENTILE.INC do), over the incidents that have both times.";

pub const STATUS_HELP: &str = "\
Examples:
  blameless status postmortems/2026-11-24-checkout-api-errors.yaml in-review
  blameless status postmortems/2026-11-24-checkout-api-errors.yaml published

The change (from, to, who, when) is added to the document's `status_history`; who is
`git config user.name`, else $USER. `blameless list` shows when the status last changed.";

pub const SCHEMA_HELP: &str = "\
Examples:
  blameless schema > .blameless/postmortem.schema.json

Then start a document with the modeline
  # yaml-language-server: $schema=../.blameless/postmortem.schema.json
or map it in VS Code's settings.json:
  \"yaml.schemas\": { \".blameless/postmortem.schema.json\": \"postmortems/**/*.yaml\" }";
