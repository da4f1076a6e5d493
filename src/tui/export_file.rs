//! The editor's export (Finish, `e`) on disk: written where nothing is, or over an earlier
//! export; a file someone else wrote is replaced only once the user says so; a postmortem, a
//! link or a folder never. The runner calls [`write`]; the answer goes back to the app.

use std::path::PathBuf;

use crate::export::target::{Verdict, verdict};
use crate::store;

/// How an export went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Exported {
    Written(PathBuf),
    /// A file blameless did not write is there: nothing written until the user says so.
    Ask {
        target: PathBuf,
        text: String,
    },
    /// Nothing written: why, in a line that names the file and says what to do.
    Failed(String),
}

/// Writes `text` to `target` unless that would destroy something; `replace` is the user's
/// say-so for a file blameless did not write.
pub fn write(target: PathBuf, text: String, replace: bool) -> Exported {
    let occupant = match store::occupant(&target) {
        Ok(occupant) => occupant,
        Err(e) => return Exported::Failed(e.to_string().lines().next().unwrap_or_default().to_string()),
    };
    match verdict(&occupant) {
        Verdict::Refuse(why) => Exported::Failed(format!(
            "{} {why}; nothing was written (move it away, then export again)",
            target.display()
        )),
        Verdict::Ask if !replace => Exported::Ask { target, text },
        // Never through a link, even one put there since the look above.
        Verdict::Ask | Verdict::Write => match store::write_atomic_here(&target, text.as_bytes()) {
            Ok(()) => Exported::Written(target),
            Err(e) => Exported::Failed(e.to_string().lines().next().unwrap_or_default().to_string()),
        },
    }
}
