//! `blameless import`: a Markdown postmortem written elsewhere, turned into a document.

use std::path::PathBuf;

use anyhow::{Context, bail};

use super::document::now;
use super::output::{Outcome, note};
use crate::doc::Zone;
use crate::import::{self, Options};
use crate::store::{self, create_new};
use crate::template::{BUILTIN, Library, Template};

pub const HELP: &str = "\
Examples:
  blameless import docs/wiki/2025-03-queue-outage.md        postmortems/2025-03-14-<title>.yaml
  blameless import old.md --template google-sre -o postmortems/queue.yaml

Headings are matched to the template's sections by name and synonym (\"Root Causes\" and
\"Five whys\" -> contributing factors, \"Corrective actions\" -> follow-up actions); timeline and
action tables and lists become rows. Whatever fits no section is kept in a section of its own,
never dropped. Timelines are read in every common shape (tables, lists, one heading per
entry, date headings over bare times, status-page updates), on the day the file states (or,
when it states none, the day in its name: 2025-03-14-queue-outage.md), in the time zone the
file states (\"All times in PST\" is Pacific time with its daylight saving); with none stated
and no --timezone, a file written in a language of one zone (Japanese, German, Polish, ...)
takes that zone, else the computer's zone is assumed; the report says which and why. What went where, the
zone and why, and every line that looks like a timeline entry but was not read are printed to
stderr; --strict exits 1 when anything was not understood. Without --template: the template
our own export names, else the built-in whose sections the headings match best. An existing
file is never overwritten.";

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The Markdown file to import
    #[arg(value_name = "FILE.md")]
    pub file: PathBuf,
    /// Template name or path [default: the one the file names, else the best match]
    #[arg(short, long, value_name = "NAME|PATH")]
    pub template: Option<String>,
    /// Where to write the document [default: postmortems/YYYY-MM-DD-<title>.yaml]
    #[arg(short, long, value_name = "FILE.yaml")]
    pub output: Option<PathBuf>,
    /// Time zone of the file's times, over any zone it states: IANA name, UTC or an offset
    /// [default: the zone the file states, else TZ or the system's]
    #[arg(long, value_name = "ZONE")]
    pub timezone: Option<String>,
    /// Exit 1 when anything in the file was not understood (the document is still written)
    #[arg(long)]
    pub strict: bool,
}

pub fn run(args: ImportArgs) -> anyhow::Result<Outcome> {
    let src = store::read_text(&args.file)?;
    if src.trim().is_empty() {
        bail!("{}: is empty, so there is nothing to import", args.file.display());
    }
    let cwd = std::env::current_dir().context("cannot read the current folder")?;
    let library = Library::discover(&cwd);
    let (template, how) = choose(&library, &src, args.template.as_deref())?;
    let zone = match &args.timezone {
        Some(text) => text.parse::<Zone>().map_err(anyhow::Error::msg)?,
        None => Zone::from_environment(),
    };
    // The line an export of ours carries to name its document is not part of the review.
    let src = crate::export::marker::without_marker(&src);
    let options = Options { zone: zone.clone(), zone_given: args.timezone.is_some() };
    let today = zone.today(now()?);
    let imported = import::from_markdown_file_on(&src, &args.file, &template, &options, today);
    let date = imported.date.unwrap_or(today);
    let path = match args.output {
        Some(path) => path,
        None => store::default_path(date, &imported.doc.title),
    };
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder).with_context(|| format!("cannot create the folder {}", folder.display()))?;
    }
    let text = store::document_text(&imported.doc)?;
    create_new(&path, text.as_bytes())?;
    let shown = path.display();
    note(&format!(
        "Imported {} into {shown}, with template `{}` ({how}):\n{}\
         Check it with `blameless lint {shown}`, write it with `blameless edit {shown}`.",
        args.file.display(),
        template.name,
        imported.report
    ));
    if let Some(assumed) = &imported.assumed_year {
        // (A file that writes a year elsewhere, `© 2019`, only gave these days none.)
        let (said, put, example) = if assumed.yearless {
            ("writes no year, so its days were", "into the file", assumed.year - 1)
        } else {
            ("gives its days no year, so they were", "beside them", chrono::Datelike::year(&today))
        };
        note(&format!(
            "warning: {} {said} read as in {}, {}; \
             if they are in another, write the year {put} (`Mar 12, {example}, 12:34`) and import it again",
            args.file.display(),
            assumed.year,
            assumed.why,
        ));
    }
    let warnings = imported.report.warnings.len();
    if warnings > 0 {
        note(&format!(
            "warning: in {}, {warnings} thing{} not understood (listed above){}",
            args.file.display(),
            if warnings == 1 { " was" } else { "s were" },
            if args.strict { "; --strict: exit 1" } else { "; --strict makes this exit 1" }
        ));
    }
    Ok(if args.strict && warnings > 0 { Outcome::Findings } else { Outcome::Ok })
}

/// The template to import into, and how it was chosen.
fn choose(library: &Library, src: &str, asked: Option<&str>) -> anyhow::Result<(Template, String)> {
    if let Some(name) = asked {
        return Ok((library.find(name)?, "as asked".into()));
    }
    if let Some(name) = import::template_named(src) {
        return Ok(match library.find(&name) {
            Ok(t) => (t, "named in the file".into()),
            Err(_) => (library.find("default")?, format!("the file names `{name}`, which is not found here")),
        });
    }
    let candidates: Vec<Template> = BUILTIN.iter().filter_map(|(name, _)| library.find(name).ok()).collect();
    match import::choose_template(src, &candidates) {
        Some(t) => Ok((t.clone(), "its sections match the headings best; --template chooses another".into())),
        None => Ok((library.find("default")?, "the default".into())),
    }
}
