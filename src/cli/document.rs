//! Commands on documents: new, export, validate.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use chrono::{DateTime, Utc};

use super::output::{self, Outcome, note};
use super::{ExportArgs, ExportFormat, NewArgs, ReportFormat, ValidateArgs};
use crate::doc::{Finding, Zone, printable, validate as check};
use crate::export;
use crate::store::{self, create_new, write_atomic};
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
    let title = args.title.as_deref().map(str::trim).filter(|t| !t.is_empty()).unwrap_or("Untitled incident");
    let doc = template.new_document(title, &zone);
    let today = zone.today(now()?);
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
        crate::tui::edit(&path, loaded, &text, library()?, checker)?;
        note(&format!("Saved {}", path.display()));
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
    crate::tui::edit(path, loaded, &text, library, checker)?;
    Ok(Outcome::Ok)
}

pub fn start_screen(checker: crate::tui::CheckerSoon) -> anyhow::Result<Outcome> {
    let today = Zone::from_environment().today(now()?);
    crate::tui::start(Path::new(store::LIBRARY_DIR), library()?, today, checker)?;
    Ok(Outcome::Ok)
}

pub const EXPORT_HELP: &str = "\
Examples:
  blameless export postmortems/x.yaml                             Markdown to stdout
  blameless export postmortems/x.yaml --format html -o x.html     one standalone page
  blameless export postmortems/*.yaml --out-dir site/content --front-matter --mermaid

Several documents need --out-dir (each becomes DIR/NAME.md, .html or .json); nothing is written
unless every document loads. --front-matter and --mermaid are for Markdown. In HTML an image at
an http(s) address is a link to it, so opening the page contacts no other server;
--remote-images shows such images instead.";

pub fn export(args: ExportArgs) -> anyhow::Result<Outcome> {
    if (args.front_matter || args.mermaid) && args.format != ExportFormat::Md {
        bail!("--front-matter and --mermaid add to Markdown; use them with --format md");
    }
    if args.remote_images && args.format != ExportFormat::Html {
        bail!("--remote-images is for the HTML page; use it with --format html");
    }
    if args.files.len() > 1 && args.out_dir.is_none() {
        bail!(
            "{} documents were given: use --out-dir DIR to write one file for each (stdout and -o take one)",
            args.files.len()
        );
    }
    let options = export::Options { front_matter: args.front_matter, mermaid: args.mermaid };
    let html = export::HtmlOptions { remote_images: args.remote_images };
    // Every document is loaded and rendered first, so a bad one leaves nothing half-written.
    let mut rendered = Vec::with_capacity(args.files.len());
    let mut broken = 0;
    for path in &args.files {
        match store::load_document(path) {
            Ok(loaded) => rendered.push((path, render(path, &loaded.doc, args.format, &options, &html)?)),
            Err(e) if args.files.len() == 1 => return Err(e.into()),
            Err(e) => {
                broken += 1;
                output::error(&anyhow::Error::new(e));
            }
        }
    }
    if broken > 0 {
        bail!("{broken} of {} documents could not be read; nothing was written", args.files.len());
    }
    if let Some(dir) = &args.out_dir {
        return write_all(dir, args.format, &rendered);
    }
    let Some((input, text)) = rendered.pop() else { bail!("no document to export") };
    match &args.output {
        Some(path) if same_file(path, input) => {
            bail!("-o {} is the document itself; nothing was written (name another file)", path.display())
        }
        Some(path) => {
            write_atomic(path, text.as_bytes())?;
            note(&format!("Wrote {}", path.display()));
            Ok(Outcome::Ok)
        }
        None if args.format == ExportFormat::Json => output::print(&text),
        None => output::print_text(&text),
    }
}

/// Whether two paths name the same existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    matches!((a.canonicalize(), b.canonicalize()), (Ok(a), Ok(b)) if a == b)
}

/// The document read from `path`, rendered. Markdown names the file it was made from (see
/// [`export::marker`]), so `lint` over the folder checks that file rather than this copy.
fn render(
    path: &Path,
    doc: &crate::doc::Document,
    format: ExportFormat,
    options: &export::Options,
    html: &export::HtmlOptions,
) -> anyhow::Result<String> {
    Ok(match format {
        ExportFormat::Md => {
            let markdown = export::to_markdown_with(doc, options);
            match path.file_name() {
                Some(name) => export::marker::with_marker(&markdown, &name.to_string_lossy()),
                None => markdown,
            }
        }
        ExportFormat::Html => export::to_html_with(doc, html),
        ExportFormat::Json => export::to_json(doc)?,
    })
}

/// Writes each rendering to DIR/NAME.EXT, NAME being the document's file name without its
/// extension. Two documents of the same name would write one file: refused before writing.
fn write_all(dir: &Path, format: ExportFormat, rendered: &[(&PathBuf, String)]) -> anyhow::Result<Outcome> {
    let ext = match format {
        ExportFormat::Md => "md",
        ExportFormat::Html => "html",
        ExportFormat::Json => "json",
    };
    let mut targets: Vec<PathBuf> = Vec::with_capacity(rendered.len());
    for (path, _) in rendered {
        let stem = path.file_stem().map_or_else(|| "document".into(), |s| s.to_string_lossy().into_owned());
        let target = dir.join(format!("{stem}.{ext}"));
        if let Some(i) = targets.iter().position(|t| *t == target) {
            bail!(
                "{} and {} would both be written to {}; nothing was written (export them to different folders)",
                rendered[i].0.display(),
                path.display(),
                target.display()
            );
        }
        if same_file(&target, path) {
            bail!("{} would be overwritten by its own export; nothing was written", path.display());
        }
        targets.push(target);
    }
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create the folder {}", dir.display()))?;
    for (target, (_, text)) in targets.iter().zip(rendered) {
        write_atomic(target, text.as_bytes())?;
        note(&format!("Wrote {}", target.display()));
    }
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
