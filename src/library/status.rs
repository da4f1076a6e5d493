//! Moving a document through review, with a record of each change in the document itself,
//! so the review shows in git history and in `blameless list`.

use std::path::Path;

use chrono::{DateTime, SubsecRound, Utc};

use crate::doc::{Document, Moment, Status, StatusChange, Zone};

/// Sets the document's status to `to` and records the change (from, to, `by`, and `now` in
/// the document's time zone) at the end of `status_history`. Returns the change, or `None`
/// when the document already has that status: nothing is recorded then, so running the
/// command twice does not add noise to the file.
pub fn change_status(doc: &mut Document, to: Status, by: Option<String>, now: DateTime<Utc>) -> Option<StatusChange> {
    if doc.status == to {
        return None;
    }
    let change = StatusChange {
        from: Some(doc.status),
        to,
        by,
        at: Moment::Exact(in_zone(now, doc)),
        extra: Default::default(),
    };
    doc.status = to;
    doc.status_history.push(change.clone());
    Some(change)
}

/// `now`, to the second, with the document's offset at that moment, so the file reads in the
/// team's own time like the incident times do.
fn in_zone(now: DateTime<Utc>, doc: &Document) -> DateTime<chrono::FixedOffset> {
    let zone = doc.timezone.parse::<Zone>().unwrap_or_else(|_| Zone::from_environment());
    let now = now.trunc_subsecs(0);
    match zone {
        Zone::Fixed(offset) => now.with_timezone(&offset),
        Zone::Named(tz) => now.with_timezone(&tz).fixed_offset(),
    }
}

/// Who is making the change: `git config user.name` as seen from the document's folder (so a
/// repository's own setting counts), else the login name; `None` when neither is known.
pub fn who(file: &Path) -> Option<String> {
    let folder = file.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let git = std::process::Command::new("git")
        .arg("-C")
        .arg(folder)
        .args(["config", "user.name"])
        .stderr(std::process::Stdio::null())
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string());
    git.into_iter()
        .chain(std::env::var("USER").ok())
        .chain(std::env::var("USERNAME").ok())
        .find(|name| !name.trim().is_empty())
        .map(|name| name.trim().to_string())
}
