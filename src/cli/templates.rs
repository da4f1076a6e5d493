//! `blameless templates list|show|validate|new`.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use serde::Serialize;

use super::output::{self, Outcome, note};
use super::{ListFormat, ShowFormat, TemplatesCommand};
use crate::doc::printable;
use crate::store::{self, create_new};
use crate::template::{Library, Template, is_valid_id};

pub fn run(cmd: TemplatesCommand) -> anyhow::Result<Outcome> {
    let cwd = std::env::current_dir().context("cannot read the current folder")?;
    let library = Library::discover(&cwd);
    match cmd {
        TemplatesCommand::List { format } => list(&library, format),
        TemplatesCommand::Show { name, format } => show(&library, &name, format),
        TemplatesCommand::Validate { paths } => validate(&library, &paths),
        TemplatesCommand::New { name, from } => new(&library, &cwd, &name, &from),
    }
}

#[derive(Serialize)]
struct ListRow {
    name: String,
    title: Option<String>,
    description: Option<String>,
    version: Option<u32>,
    source: &'static str,
    path: Option<PathBuf>,
    shadowed_by: Option<String>,
    error: Option<String>,
}

fn list(library: &Library, format: ListFormat) -> anyhow::Result<Outcome> {
    let rows: Vec<ListRow> = library
        .list()
        .into_iter()
        .map(|l| {
            let (t, error) = match l.template {
                Ok(t) => (Some(t), None),
                Err(e) => (None, Some(e.to_string())),
            };
            ListRow {
                name: l.name,
                title: t.as_ref().map(|t| t.title.clone()),
                description: t.as_ref().map(|t| t.description.clone()),
                version: t.as_ref().map(|t| t.version),
                source: l.source.label(),
                path: l.source.path().cloned(),
                shadowed_by: l.shadowed_by.map(|s| s.to_string()),
                error,
            }
        })
        .collect();
    if format == ListFormat::Json {
        return output::print(&(serde_json::to_string_pretty(&rows)? + "\n"));
    }
    let name_width = rows.iter().map(|r| r.name.chars().count()).max().unwrap_or(4).max(4);
    let title_width = rows.iter().filter_map(|r| r.title.as_ref()).map(|t| t.chars().count()).max().unwrap_or(5).max(5);
    let mut out = format!("{:name_width$}  {:title_width$}  SOURCE\n", "NAME", "TITLE");
    for r in &rows {
        let title = r.title.as_deref().unwrap_or("(cannot be loaded)");
        let mut source = match &r.path {
            Some(p) => format!("{} {}", r.source, p.display()),
            None => r.source.to_string(),
        };
        if let Some(by) = &r.shadowed_by {
            let _ = write!(source, " (shadowed by {by})");
        }
        let _ = writeln!(out, "{:name_width$}  {:title_width$}  {source}", r.name, printable(title));
        if let Some(e) = &r.error {
            let _ = writeln!(out, "{:name_width$}  error: {}", "", e.lines().next().unwrap_or_default());
        }
    }
    output::print_text(&out)
}

fn show(library: &Library, name: &str, format: ShowFormat) -> anyhow::Result<Outcome> {
    let t = library.find(name)?;
    match format {
        ShowFormat::Json => output::print(&(serde_json::to_string_pretty(&t)? + "\n")),
        ShowFormat::Yaml => output::print(&store::yaml::to_string(&t).map_err(|e| anyhow::anyhow!(e.message))?),
        ShowFormat::Text => output::print_text(&describe(&t)),
    }
}

/// A template as a person reads it: what it is, then each section with guidance and questions.
fn describe(t: &Template) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} — {} (version {})", t.name, t.title, t.version);
    let _ = writeln!(out, "{}\n", t.description.trim());
    let _ = writeln!(out, "Source: {}", t.source);
    if !t.extends.is_empty() {
        let _ = writeln!(out, "Extends: {}", t.extends.join(" -> "));
    }
    let levels: Vec<String> = t.severities.iter().map(|s| format!("{} ({})", s.id, s.description.trim())).collect();
    let _ = writeln!(out, "Severities: {}", levels.join("; "));
    if !t.factor_categories.is_empty() {
        let _ = writeln!(out, "Factor categories: {}", t.factor_categories.join(", "));
    }
    let _ = writeln!(out, "\nSections:");
    for (i, s) in t.sections.iter().enumerate() {
        let required = if s.required { ", required" } else { "" };
        let _ = writeln!(out, "\n{:2}. {} [{}] {}{required}", i + 1, s.title, s.id, s.kind.as_str());
        let _ = writeln!(out, "    {}", s.guidance.trim().replace('\n', "\n    "));
        for f in &s.fields {
            let _ = writeln!(out, "    field: {} [{}]", f.label, f.id);
        }
        for q in &s.questions {
            let _ = writeln!(out, "    ? {}", q.trim());
        }
    }
    out
}

fn validate(library: &Library, paths: &[PathBuf]) -> anyhow::Result<Outcome> {
    let (mut refused, mut unreadable) = (0, 0);
    for path in paths {
        if !path.is_file() {
            unreadable += 1;
            output::error(&anyhow::Error::new(crate::store::read_text(path).err().unwrap_or_else(|| {
                crate::store::LoadError::new(path, "is not a file").hint("name a template .yaml file")
            })));
            continue;
        }
        match library.load_path(path) {
            Ok(t) => {
                let extends =
                    if t.extends.is_empty() { String::new() } else { format!(", extends {}", t.extends.join(" -> ")) };
                output::print_text(&format!(
                    "{}: ok — `{}` \"{}\", version {}, {} sections{extends}\n",
                    path.display(),
                    t.name,
                    printable(&t.title),
                    t.version,
                    t.sections.len()
                ))?;
            }
            Err(e) => {
                refused += 1;
                output::error(&anyhow::Error::new(e));
            }
        }
    }
    if unreadable > 0 {
        bail!("{unreadable} of {} files could not be read", paths.len());
    }
    Ok(if refused > 0 { Outcome::Findings } else { Outcome::Ok })
}

fn new(library: &Library, cwd: &Path, name: &str, from: &str) -> anyhow::Result<Outcome> {
    if !is_valid_id(name) {
        bail!(
            "`{name}` is not a valid template name\n  help: use lowercase letters, digits and '-', starting with a letter"
        );
    }
    let parent = library.find(from)?;
    let folder = library
        .nearest_repository_folder()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| cwd.join(crate::template::REPO_TEMPLATES));
    std::fs::create_dir_all(&folder).with_context(|| format!("cannot create the folder {}", folder.display()))?;
    let path = folder.join(format!("{name}.yaml"));
    let text = starter(name, &parent);
    // Checked before it is written, so a file on disk always loads.
    if let Err(e) = library.resolve_text(&path, text.clone()) {
        bail!("the starter template does not load (please report this): {e}");
    }
    create_new(&path, text.as_bytes())?;
    let shown = path.strip_prefix(cwd).unwrap_or(&path).display().to_string();
    note(&format!(
        "Created {shown} (extends `{}`).\nEdit it, then check it with `blameless templates validate {shown}`;\n\
         `blameless new --template {name}` starts a postmortem from it.",
        parent.name
    ));
    Ok(Outcome::Ok)
}

/// A starter that extends `parent`, with commented examples of each kind of change.
fn starter(name: &str, parent: &Template) -> String {
    let first = parent.sections.first().map_or("summary", |s| s.id.as_str());
    let last = parent.sections.last().map_or("summary", |s| s.id.as_str());
    format!(
        "# A team template built on `{p}`. `blameless templates show {p}` lists the sections\n\
         # you can change; the format is described in the blameless README.\n\
         name: {name}\n\
         extends: {p}\n\
         version: 1\n\
         title: {title}\n\
         description: {description}\n\
         sections: []\n\
         # Change a section of `{p}` by its id; only the keys you give are replaced:\n\
         #   - id: {first}\n\
         #     guidance: What our team expects here.\n\
         # Add a section with a new id, a title, a kind and guidance, placed with after:/before:\n\
         #   - id: customer-communication\n\
         #     title: Customer communication\n\
         #     kind: text\n\
         #     after: {first}\n\
         #     guidance: What we told customers, when, and through which channel.\n\
         #     questions:\n\
         #       - What did customers need to know first?\n\
         #       - What made it easy or hard to send the first update?\n\
         # Leave out sections of `{p}`:\n\
         # remove:\n\
         #   - {last}\n",
        p = parent.name,
        title = quote_if_needed(&format!("{} ({name})", parent.title)),
        description = quote_if_needed(&format!("{}, adapted by our team.", parent.title)),
    )
}

fn quote_if_needed(s: &str) -> String {
    store::yaml::to_string(&s).map(|t| t.trim_end().to_string()).unwrap_or_else(|_| format!("{s:?}"))
}
