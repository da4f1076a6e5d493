//! The writer's stance toward a finding: a blame they deny in so many words ("nobody was
//! careless"), and a judgement they make of themselves ("yell at me for being an idiot").
//! Part of the clause reader (see `people.rs`).

use std::ops::Range;

use super::people::{Found, Reader};
use super::tokens::{Token, tokens};

impl Reader<'_> {
    /// Whether the writer denies the blame at `at`: a frame before it in its clause says it
    /// is not so ("it would be wrong to say the engineer was negligent", "we don't think the
    /// on-call engineer should have noticed sooner", "nobody was careless"; the lexicon's
    /// `denials`, and with `subjects` its `denying_subjects`). Words that hold a negation of
    /// their own turn it back ("I don't think Dave was careful enough").
    pub(super) fn denied(&self, at: Range<usize>, subjects: bool) -> bool {
        let matched = self.text[at.clone()].to_lowercase();
        let negated = matched.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’').any(|w| {
            matches!(w, "not" | "never" | "no" | "without" | "nobody" | "failed")
                || w.ends_with("n't")
                || w.ends_with("n’t")
        });
        if negated {
            return false;
        }
        // A match may start at the stop before its sentence.
        let from = self.sentence.start.min(at.start);
        let before = &self.text[from..at.start];
        let lower = before.to_lowercase();
        const BREAKS: [&str; 10] =
            [";", ":", " but ", " however", " although ", " though ", " yet ", " whereas ", " – ", " — "];
        let start = BREAKS.iter().filter_map(|b| lower.rfind(b).map(|i| i + b.len())).max().unwrap_or(0);
        let clause = &self.text[from + start..at.end];
        self.lex.denies(clause, before.len() - start, subjects)
    }

    /// Whether the judgement at `at` is the writers' of themselves: the person it is said of
    /// — the word after it ("the careless intern"), else the nearest person before it ("yell
    /// at me for being an idiot", "my thoughts: stupid, stupid"), else the nearest person
    /// after it when it acts ("like an idiot, I typed") — is "I", "me", "we" or "our".
    /// A writer's judgement of themselves is theirs to tell.
    pub(super) fn judges_the_writers(&self, at: Range<usize>) -> bool {
        let toks = tokens(self.text, self.sentence.clone());
        let matched = self.text[at.clone()].to_lowercase();
        let writer = |t: Token| !self.lower(t).starts_with("you");
        if let Some(&next) = toks.iter().find(|t| t.start >= at.end)
            && let Found::Person { first_person: false } | Found::Possessed { first_person: false } = self.word(next)
        {
            return false;
        }
        // "I think the review was sloppy": the writer gives an opinion of someone else's work.
        const OPINION: [&str; 14] = [
            "think",
            "thought",
            "feel",
            "felt",
            "believe",
            "believed",
            "guess",
            "suppose",
            "reckon",
            "find",
            "found",
            "consider",
            "considered",
            "say",
        ];
        let before: Vec<Token> = toks.iter().copied().filter(|t| t.end <= at.start).collect();
        for (k, &t) in before.iter().enumerate().rev() {
            if self.lower(t) == matched {
                continue;
            }
            match self.word(t) {
                Found::Person { first_person: true } | Found::Possessed { first_person: true }
                    if before.get(k + 1).is_some_and(|n| OPINION.contains(&self.lower(*n).as_str())) => {}
                Found::Person { first_person } | Found::Possessed { first_person } => return first_person && writer(t),
                _ => {}
            }
        }
        // Nobody before it: the person after it says whose it is when it is the one acting
        // ("like an idiot, I typed the name in"); a person acted on is who was harmed ("the
        // botched failover cost us two hours", "careless changes broke our build").
        for &t in toks.iter().filter(|t| t.start >= at.end) {
            if let Found::Person { first_person } = self.word(t) {
                let acting = !self.lex.object_pronouns.contains(&self.lower(t));
                return first_person && acting && writer(t);
            }
        }
        false
    }
}
