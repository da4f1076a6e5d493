//! Who a subject really is when the noun before the verb is not it: the person before an
//! aside, the person a "who" clause or a prepositional phrase describes, an indefinite
//! "whoever …" clause. Part of the clause reader (`phrases.rs` reads the phrases around a match).

use std::ops::Range;

use super::people::{Found, Phrase, Reader};
use super::tokens::{Token, breaks, tokens};

impl Reader<'_> {
    /// "A fibre cut by a construction crew took down both links": the agent of a participle
    /// (`phrase`, a person, ending `toks`) is not the subject; the noun the participle
    /// qualifies is ("the engineer sent by the supplier pulled the wrong disk": the engineer).
    /// After a noun, "by" stays the owner's ("a hasty fix by the platform team"), and before a
    /// gerund the agent is its subject ("caused by a developer accidentally executing DROP").
    pub(super) fn before_participle(&self, toks: &[Token], phrase: &Phrase, at: usize) -> Option<Phrase> {
        if !matches!(phrase.found, Found::Person { .. }) {
            return None;
        }
        let j = toks.iter().rposition(|t| t.end <= phrase.range.start)?;
        let by = j >= 2
            && self.lower(toks[j]) == "by"
            && self.text[toks[j].end..phrase.range.start].trim().is_empty()
            && participle(&self.lower(toks[j - 1]))
            && !self.gerund_at(at);
        by.then(|| self.phrase_ending(&toks[..j - 1], toks[j - 2]))
    }

    /// Whether the words at `at` are the writers' own act, whoever opens the sentence: "the
    /// process manager restarted because we accidentally changed the path". The writer's own
    /// account is theirs to tell (PRODUCT.md).
    pub(super) fn writers_act(&self, at: usize) -> bool {
        matches!(self.subject_before(at).found, Found::Person { first_person: true })
    }

    /// Whether the words at `at` are the writers' account of their own part: said with "I" or
    /// "we" (or "our team") as the subject, or by the match itself ("I violated our own
    /// freeze"), or owned after it ("human error on my part"), and naming nobody else inside it
    /// or right after it ("I no longer trusted the management", "we told Dave").
    pub(super) fn own_account(&self, at: Range<usize>) -> bool {
        const VERDICTS: [&str; 10] =
            ["mistake", "error", "move", "blunder", "screwup", "oversight", "slip", "idea", "decision", "call"];
        let inside = tokens(self.text, at.clone());
        // ("you" reads as one of the writers' own words, but is the reader told off.)
        let you = |text: &str| text.trim_start().to_lowercase().starts_with("you");
        let first =
            |t: &Token| matches!(self.word(*t), Found::Person { first_person: true }) && !you(t.text(self.text));
        // ("Our team failed to notice": the writers' own team is the writers; "our team lead"
        // is someone else.)
        let ours = |t: &Token| {
            let next = tokens(self.text, t.end..self.sentence.end).first().copied();
            if next.is_some_and(|n| !breaks(&self.text[t.end..n.start]) && self.lex.roles.contains(&self.lower(n))) {
                return false;
            }
            let before = self.text[..t.start].split_whitespace().last().map(str::to_lowercase);
            matches!(before.as_deref(), Some("our" | "my"))
                && matches!(
                    self.lower(*t).as_str(),
                    "team" | "teams" | "side" | "company" | "organisation" | "organization"
                )
        };
        let other = |t: &Token| self.someone_else(*t) && !ours(t);
        let after = tokens(self.text, at.end..self.sentence.end);
        let part = after.iter().take(5).map(|&t| self.lower(t)).collect::<Vec<_>>().join(" ");
        // ("a rookie mistake on my end"; "I, the on-call engineer, missed the page": the
        // writer in apposition.)
        let owned = ["on my part", "on our part", "on my end", "on our end", "on my side", "on our side"];
        let from = inside.first().map_or(at.start, |t| t.start);
        let before = self.text[self.sentence.start..from].trim_end();
        let apposed = before.ends_with(',') && ["I, ", "We, "].iter().any(|w| before.starts_with(w));
        // "That was careless of me", "a dumb thing for me to do".
        let of_me = ["of me", "of us"].iter().any(|p| part.starts_with(p)) || part.contains("for me to");
        if owned.iter().any(|p| part.contains(p)) || apposed || of_me {
            return true;
        }
        // "Stupid mistake, but I learned from it": a verdict with no verb opening a sentence
        // whose only people are the writers.
        let opening = tokens(self.text, self.sentence.start..from);
        let judged =
            |t: &Token| matches!(self.word(*t), Found::Possessed { .. }) || self.lex.roles.contains(&self.lower(*t));
        if opening.len() <= 2
            && !opening.iter().any(judged)
            && after.iter().any(first)
            && !after.iter().any(other)
            && inside.last().is_some_and(|&t| VERDICTS.contains(&self.lower(t).as_str()))
        {
            return true;
        }
        if inside.iter().chain(after.iter().take(2)).any(other) {
            return false;
        }
        let subject = self.subject_before(at.start);
        inside.first().is_some_and(first)
            || inside.get(1).is_some_and(ours)
            || matches!(subject.found, Found::Person { first_person: true }) && !you(&self.text[subject.range.clone()])
            || tokens(self.text, subject.range).get(1).is_some_and(ours)
    }

    /// Whether `toks[k]` counts the people after it: "one of our senior engineers", "some of
    /// the reviewers".
    pub(super) fn counted(&self, toks: &[Token], k: usize) -> bool {
        const COUNTS: [&str; 11] =
            ["one", "some", "two", "three", "several", "any", "none", "each", "both", "all", "most"];
        toks.get(k + 1).is_some_and(|&n| self.lower(n) == "of") && COUNTS.contains(&self.lower(toks[k]).as_str())
    }

    /// Whether the first word at `at`, after adverbs, is a gerund.
    fn gerund_at(&self, at: usize) -> bool {
        self.text[at..]
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .take(3)
            .find(|w| !(w.len() > 4 && w.ends_with("ly")))
            .is_some_and(|w| w.len() > 4 && w.ends_with("ing"))
    }

    /// The person before an aside set off by commas, the aside ending at the end of `toks`:
    /// "An engineer, tired and debugging a replication issue at 11pm," → "An engineer".
    pub(super) fn before_aside(&self, toks: &[Token]) -> Option<Phrase> {
        let from = toks.len().saturating_sub(12);
        for k in (from.max(1)..toks.len()).rev() {
            let gap = &self.text[toks[k - 1].end..toks[k].start];
            if gap.trim() == "," {
                // "Marvin, our release bot,": an aside that names what the subject is.
                let aside = &toks[k..];
                let names = self.lex.determiners.contains(&self.lower(aside[0]))
                    || self.lex.possessive_pronouns.contains(&self.lower(aside[0]));
                if names && self.phrase_ending(aside, aside[aside.len() - 1]).found == Found::Thing {
                    return None;
                }
                let who = self.phrase_ending(&toks[..k], toks[k - 1]);
                return matches!(who.found, Found::Person { .. }).then_some(who);
            }
            if breaks(gap) {
                return None;
            }
        }
        None
    }

    /// The person a "who" clause describes, when the clause runs to the end of `toks` without
    /// a break: "the sysadmin who owns the servers".
    pub(super) fn described_by_who(&self, toks: &[Token]) -> Option<Phrase> {
        self.person_before(toks, 1..toks.len(), |w| w == "who", true)
    }

    /// The person a prepositional phrase at the end of `toks` qualifies, within six words and
    /// without a break: "the owner of the service", "someone on the platform team".
    pub(super) fn qualified_person(&self, toks: &[Token]) -> Option<Phrase> {
        let from = toks.len().saturating_sub(6).max(1);
        let preposition = |w: &str| matches!(w, "on" | "in" | "from" | "of" | "at" | "with" | "for");
        self.person_before(toks, from..toks.len().saturating_sub(1), preposition, false)
    }

    /// The person whose phrase ends just before a word `marks` accepts, walking back over
    /// `within` (indices of `toks`, from 1) without crossing a break; `first` gives up at the
    /// first such word that does not follow a person.
    fn person_before(
        &self,
        toks: &[Token],
        within: Range<usize>,
        marks: impl Fn(&str) -> bool,
        first: bool,
    ) -> Option<Phrase> {
        for k in within.rev() {
            if breaks(&self.text[toks[k - 1].end..toks[k].start]) {
                return None;
            }
            if marks(&self.lower(toks[k])) {
                let who = self.phrase_ending(&toks[..k], toks[k - 1]);
                if matches!(who.found, Found::Person { .. }) {
                    return Some(who);
                }
                if first {
                    return None;
                }
            }
        }
        None
    }

    /// "Whoever set up the job", "Nobody reviewing the change", "someone on the team": a
    /// clause that opens with an indefinite person, whose last noun is not its subject.
    pub(super) fn someone_opens(&self, toks: &[Token]) -> Option<Phrase> {
        let from = toks
            .iter()
            .enumerate()
            .rev()
            .find(|&(k, &t)| {
                let gap = if k == 0 { "" } else { &self.text[toks[k - 1].end..t.start] };
                breaks(gap) || self.lex.clause_words.contains(&self.lower(t))
            })
            .map_or(0, |(k, &t)| if self.lex.clause_words.contains(&self.lower(t)) { k + 1 } else { k });
        let first = *toks.get(from)?;
        let lower = self.lower(first);
        let next = toks.get(from + 1).map(|&t| self.lower(t)).unwrap_or_default();
        let indefinite = matches!(lower.as_str(), "nobody" | "someone" | "somebody" | "anyone" | "anybody")
            || (lower == "no" && next == "one");
        let qualified = next.ends_with("ing") || matches!(next.as_str(), "on" | "in" | "from" | "at" | "with" | "who");
        (lower == "whoever" || (indefinite && qualified))
            .then_some(Phrase { range: first.start..first.end, found: Found::Person { first_person: false } })
    }
}

/// Whether `lower` reads as a past participle ("cut", "sent", "written", "installed").
fn participle(lower: &str) -> bool {
    const IRREGULAR: [&str; 14] =
        ["cut", "sent", "made", "set", "put", "run", "built", "done", "hit", "shut", "left", "brought", "kept", "held"];
    (lower.len() > 4 && ["ed", "en", "wn"].iter().any(|e| lower.ends_with(e))) || IRREGULAR.contains(&lower)
}
