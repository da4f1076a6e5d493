//! Commands on documents: new, edit, validate (export is in `export.rs`).

use std::path::Path;

use anyhow::{Context, bail};
use chrono::{DateTime, Utc};

use super::output::{self, Outcome, note};
use super::{NewArgs, ReportFormat, ValidateArgs};
use crate::doc::{Finding, Zone, printable, validate as check};
use crate::store::{self, create_new};
use crate::template::Library;

/// The current time; `BLAMELESS_NOW` (RFC 3339) fixes it for tests and reproducible examples.
pub fn now() -> anyhow::Result<DateTime<Utc>> {
    crate::doc::clock::now().map_err(anyhow::Error::msg)
}

fn library() -> anyhow::Result<Library> {
    let cwd = std::env::current_dir().context("cannot read the current folder")?;
    Ok(Library::discover(&cwd))
}

pub fn new(args: NewArgs) -> anyhow::Result<Outcome> {
    let template = library()?.find(&args.template)?;
    let zone = match &args.timezone {
        Some(text) => text.parse::<Zone>().map_err(anyhow::Error::msg)?,
        None => Zone::from_environment(),
    };
    let title = args.title.as_deref().map(str::trim).filter(|t| !t.is_empty()).unwrap_or(crate::doc::UNTITLED);
    let doc = template.new_document(title, &zone);
    let today = zone.today(now()?);
    let named_here = args.output.is_none();
    let path = args.output.unwrap_or_else(|| store::default_path(today, title));
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder).with_context(|| format!("cannot create the folder {}", folder.display()))?;
    }
    let text = store::document_text(&doc)?;
    create_new(&path, text.as_bytes())?;
    // Without a terminal (a script, CI) `new` only creates the file, as with --no-edit.
    if !args.no_edit && crate::tui::has_terminal() {
        let checker = crate::tui::checker_soon();
        let loaded = store::parse_document(&path, &text)?;
        // A name made here follows the title and the incident's day; one given is kept.
        let at = crate::tui::edit(&path, loaded, text, library()?, checker, named_here)?;
        if at.exists() {
            note(&format!("Saved {}", crate::tui::shown_path(&at)));
        }
        return Ok(Outcome::Ok);
    }
    let shown = path.display();
    note(&format!(
        "Created {shown} from template `{}` ({} sections).\n\
         Write it with `blameless edit {shown}` (or any editor); `blameless validate {shown}` \
         checks it and `blameless export {shown}` renders it.",
        template.name,
        doc.sections.len()
    ));
    Ok(Outcome::Ok)
}

/// Opens `path` in the editor; `checker` is the wording checker, being built meanwhile.
pub fn edit(path: &Path, checker: crate::tui::CheckerSoon) -> anyhow::Result<Outcome> {
    // Loaded before the terminal is taken, so a bad file is reported plainly.
    let text = store::read_text(path)?;
    let loaded = store::parse_document(path, &text)?;
    let library = library()?;
    crate::tui::edit(path, loaded, text, library, checker, false)?;
    Ok(Outcome::Ok)
}

pub fn start_screen(checker: crate::tui::CheckerSoon) -> anyhow::Result<Outcome> {
    let today = Zone::from_environment().today(now()?);
    crate::tui::start(Path::new(store::LIBRARY_DIR), library()?, today, checker)?;
    Ok(Outcome::Ok)
}

pub fn validate(args: ValidateArgs) -> anyhow::Result<Outcome> {
    let library = library()?;
    let mut reports = Vec::new();
    let mut broken = 0;
    for path in &args.files {
        match store::read_text(path).and_then(|src| store::parse_document(path, &src).map(|l| (src, l))) {
            Ok((src, loaded)) => {
                let scale = library.find_name(&loaded.doc.template.name).ok().map(|t| t.severity_ids());
                let findings = check(&loaded.doc, scale.as_deref())
                    .into_iter()
                    .map(|f| Located { place: store::locate(&src, &f.path), finding: f })
                    .collect();
                reports.push((path.as_path(), findings));
            }
            Err(e) => {
                broken += 1;
                output::error(&anyhow::Error::new(e));
            }
        }
    }
    match args.format {
        ReportFormat::Human => output::print_text(&human(&reports))?,
        ReportFormat::Json => output::print(&json(&reports)?)?,
    };
    if broken > 0 {
        bail!("{broken} of {} files could not be read", args.files.len());
    }
    Ok(if reports.iter().any(|(_, f)| !f.is_empty()) { Outcome::Findings } else { Outcome::Ok })
}

/// A finding with the line and column it is about in the file, when found.
struct Located {
    place: Option<(usize, usize)>,
    finding: Finding,
}

fn human(reports: &[(&Path, Vec<Located>)]) -> String {
    let mut out = String::new();
    for (path, findings) in reports {
        if findings.is_empty() {
            out.push_str(&format!("{}: ok\n", path.display()));
        }
        for Located { place, finding: f } in findings {
            let at = place.map(|(l, c)| format!(":{l}:{c}")).unwrap_or_default();
            out.push_str(&format!(
                "{}{at}: {}[{}] {}: {}\n",
                path.display(),
                f.severity.as_str(),
                f.rule,
                f.path,
                printable(&f.message)
            ));
        }
    }
    let total: usize = reports.iter().map(|(_, f)| f.len()).sum();
    if total > 0 {
        out.push_str(&format!("{total} finding{} in {} file(s)\n", if total == 1 { "" } else { "s" }, reports.len()));
    }
    out
}

fn json(reports: &[(&Path, Vec<Located>)]) -> anyhow::Result<String> {
    #[derive(serde::Serialize)]
    struct Row<'a> {
        file: String,
        line: Option<usize>,
        column: Option<usize>,
        #[serde(flatten)]
        finding: &'a Finding,
    }
    let rows: Vec<Row> = reports
        .iter()
        .flat_map(|(p, fs)| {
            fs.iter().map(move |f| Row {
                file: p.display().to_string(),
                line: f.place.map(|(l, _)| l),
                column: f.place.map(|(_, c)| c),
                finding: &f.finding,
            })
        })
        .collect();
    Ok(serde_json::to_string_pretty(&rows)? + "\n")
}
