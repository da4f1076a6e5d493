//! `blameless export`: render documents to stdout, a file or a folder. Nothing is written
//! unless every document loads and every target is safe to write: an export never replaces a
//! postmortem, never writes through a symbolic link, and replaces a file it did not write
//! only with `--force`.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use super::output::{self, Outcome, note};
use super::{ExportArgs, ExportFormat};
use crate::export;
use crate::export::target::{Verdict, verdict};
use crate::store::{self, write_atomic_here};

pub const EXPORT_HELP: &str = "\
Examples:
  blameless export postmortems/x.yaml                             Markdown to stdout
  blameless export postmortems/x.yaml --format html -o x.html     one standalone page
  blameless export postmortems/*.yaml --out-dir site/content --front-matter --mermaid

Several documents need --out-dir (each becomes DIR/NAME.md, .html or .json); nothing is written
unless every document loads. --front-matter and --mermaid are for Markdown. In HTML an image at
an http(s) address is a link to it, so opening the page contacts no other server;
--remote-images shows such images instead.

An earlier export is replaced; any other existing file only with --force. A postmortem is
never replaced and a symbolic link never written through.";

pub fn run(args: ExportArgs) -> anyhow::Result<Outcome> {
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
        return write_all(dir, args.format, &rendered, args.force);
    }
    let Some((input, text)) = rendered.pop() else { bail!("no document to export") };
    match &args.output {
        Some(path) if same_file(path, input) => {
            bail!("-o {} is the document itself; nothing was written (name another file)", path.display())
        }
        Some(path) => {
            check_target(path, args.force)?;
            write_atomic_here(path, text.as_bytes())?;
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
fn write_all(
    dir: &Path,
    format: ExportFormat,
    rendered: &[(&PathBuf, String)],
    force: bool,
) -> anyhow::Result<Outcome> {
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
        check_target(&target, force)?;
        targets.push(target);
    }
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create the folder {}", dir.display()))?;
    for (target, (_, text)) in targets.iter().zip(rendered) {
        write_atomic_here(target, text.as_bytes())?;
        note(&format!("Wrote {}", target.display()));
    }
    Ok(Outcome::Ok)
}

/// Refuses, before anything is written, a target an export must not replace: a postmortem,
/// a link, a folder or device, or (without `--force`) a file blameless did not write.
fn check_target(target: &Path, force: bool) -> anyhow::Result<()> {
    let shown = target.display();
    match verdict(&store::occupant(target)?) {
        Verdict::Write => Ok(()),
        Verdict::Ask if force => Ok(()),
        Verdict::Ask => bail!(
            "{shown} already exists and was not written by blameless; nothing was written\n  \
             help: add --force to replace it, or name another file"
        ),
        Verdict::Refuse(why) => {
            bail!("{shown} {why}; nothing was written\n  help: name another file, or move it away first")
        }
    }
}
