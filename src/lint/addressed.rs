//! "You" told off: the reader addressed as the one who did it. "You" is one of the writers'
//! own words when it is the reader in general ("you need to restart the pod", "if you forget to
//! renew it"), but "you didn't pay in time", "you forgot to renew it" and "it was your fault"
//! charge one person with a past act: someone else than the writers, as "he" would be.

use super::people::Reader;
use super::tokens::Token;

/// Past acts and states "you" is charged with (besides any verb in -ed).
const PAST: [&str; 22] = [
    "didn't",
    "didn’t",
    "did",
    "never",
    "forgot",
    "broke",
    "took",
    "made",
    "ran",
    "left",
    "sent",
    "were",
    "weren't",
    "weren’t",
    "had",
    "hadn't",
    "hadn’t",
    "wrote",
    "threw",
    "lost",
    "blew",
    "chose",
];

/// Verbs in -ed that tell what happened to "you", a user, not what "you" did: "you received a
/// 503 error", "you experienced errors", "you noticed the dashboard was down".
const UNDERGONE: [&str; 23] = [
    "needed",
    "agreed",
    "experienced",
    "received",
    "noticed",
    "encountered",
    "observed",
    "attempted",
    "tried",
    "used",
    "accessed",
    "visited",
    "requested",
    "wanted",
    "reported",
    "contacted",
    "reached",
    "logged",
    "subscribed",
    "affected",
    "impacted",
    "expected",
    "waited",
];

/// Blame laid with "your": "your fault", "your mistake".
const VERDICTS: [&str; 9] =
    ["fault", "mistake", "error", "negligence", "carelessness", "screwup", "screw-up", "blunder", "oversight"];

impl Reader<'_> {
    /// Whether `lower`, the word at `t`, is "you" charged with a past act or "your" with a fault.
    pub(super) fn addressed(&self, t: Token, lower: &str) -> bool {
        // "If you didn't live in Zone A you didn't really notice": the reader in general.
        let before = self.text[self.sentence.start.min(t.start)..t.start].to_lowercase();
        if ["if you", "when you", "unless you", "whenever you", "once you"].iter().any(|w| before.contains(w)) {
            return false;
        }
        let next = self.text[t.end..].trim_start();
        let next = next.split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’' || c == '-')).next().unwrap_or("");
        let next = next.to_lowercase();
        match lower {
            "you" => {
                PAST.contains(&next.as_str())
                    || (next.len() > 4 && next.ends_with("ed") && !UNDERGONE.contains(&next.as_str()))
            }
            "your" => VERDICTS.contains(&next.as_str()),
            _ => false,
        }
    }
}
