//! `blameless mv`: renames a postmortem after its title and the incident's day, or to the name
//! given. Never over another file; through `git mv` when git tracks the file; the recovery
//! copies kept for it follow it.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};

use super::MvArgs;
use super::output::{Outcome, note};
use crate::store::{self, rename};

pub const HELP: &str = "\
Without NEW, the name is the incident's start day and its title, in the same folder
(`2026-11-23-checkout-outage.yaml`); with no start time, the date already in the name (or
today's) is kept. NEW may be a folder. The editor names a new document this way by itself, on
the first save after its title and start are set; `mv` is for later renames.

Examples:
  blameless mv postmortems/2026-12-04-untitled-incident.yaml
  blameless mv postmortems/old-name.yaml postmortems/2026-11-23-checkout-outage.yaml";

pub fn run(args: MvArgs) -> anyhow::Result<Outcome> {
    let from = args.file;
    let text = store::read_text(&from)?;
    let doc = store::parse_document(&from, &text)?.doc;
    let to = match args.to {
        Some(to) if to.is_dir() => to.join(from.file_name().context("the file has no name")?),
        Some(to) => to,
        None => {
            let today = doc.zone().today(super::document::now()?);
            rename::named_after(&from, rename::day_for(&from, &doc, today), &doc.title)
        }
    };
    if !matches!(to.extension().and_then(|e| e.to_str()), Some("yaml" | "yml")) {
        bail!(
            "{} does not end in .yaml\n  help: postmortems are YAML files: give the new name with .yaml",
            to.display()
        );
    }
    if store::recovery::normal(&to) == store::recovery::normal(&from) {
        note(&format!("{} already has that name.", from.display()));
        return Ok(Outcome::Ok);
    }
    if std::fs::symlink_metadata(&to).is_ok() {
        bail!(
            "{} already exists: nothing was renamed\n  help: choose another name: blameless mv FILE NEW",
            to.display()
        );
    }
    let data = store::recovery::recovery_dir();
    if let Some(holder) = data.as_deref().and_then(|d| store::lock::open_in(d, &from)) {
        bail!(
            "{} is open in blameless ({}, process {}): nothing was renamed\n  help: close it there first",
            from.display(),
            holder.name,
            holder.pid
        );
    }
    let how = if tracked_by_git(&from) {
        git_mv(&from, &to)?;
        " (git mv)"
    } else {
        rename::rename_no_replace(&from, &to)
            .with_context(|| format!("cannot rename {} to {}", from.display(), to.display()))?;
        ""
    };
    let copies = data.as_deref().map_or(0, |d| rename::move_copies(d, &from, &to));
    let copies = match copies {
        0 => String::new(),
        1 => "; its recovery copy follows it".to_string(),
        n => format!("; its {n} recovery copies follow it"),
    };
    note(&format!("Renamed {} to {}{how}{copies}.", from.display(), to.display()));
    Ok(Outcome::Ok)
}

fn folder_of(path: &Path) -> PathBuf {
    path.parent().filter(|p| !p.as_os_str().is_empty()).map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// Whether git tracks `path` (git missing or no repository: no).
fn tracked_by_git(path: &Path) -> bool {
    let Some(name) = path.file_name() else { return false };
    Command::new("git")
        .arg("-C")
        .arg(folder_of(path))
        .args(["ls-files", "--error-unmatch", "--"])
        .arg(name)
        .output()
        .is_ok_and(|o| o.status.success())
}

fn git_mv(from: &Path, to: &Path) -> anyhow::Result<()> {
    let out = Command::new("git")
        .arg("-C")
        .arg(folder_of(from))
        .args(["mv", "--"])
        .arg(std::path::absolute(from)?)
        .arg(std::path::absolute(to)?)
        .output()
        .context("cannot run git")?;
    if !out.status.success() {
        bail!("git mv failed: {}", String::from_utf8_lossy(&out.stderr).trim());
    }
    Ok(())
}
