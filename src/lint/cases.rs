//! Blame told as a case argued about rather than as what happened: in a conditional clause
//! told in the present ("even if the developer hits the wrong button, the responsibility isn't
//! theirs"), named as a topic ("firing someone for one mistake will only make outages
//! likelier"), or taken back later in its sentence ("Dave ran the script, but it was not his
//! fault"). Part of the clause reader (see `people.rs`); the words are the lexicon's
//! `conditionals`, `past_forms`, `topics` and `after_denials`.

use std::ops::Range;

use super::people::Reader;
use super::tokens::{breaks, tokens};

/// Words that may stand between a subject for people in general and its verb.
const LIGHT: [&str; 16] = [
    "sometimes",
    "often",
    "always",
    "also",
    "just",
    "still",
    "will",
    "can",
    "may",
    "might",
    "do",
    "does",
    "would",
    "could",
    "tend",
    "inevitably",
];

/// Verbs that make their object the subject of the next: "a name will make people blame them".
const CAUSATIVE: [&str; 6] = ["make", "makes", "making", "let", "lets", "letting"];

impl Reader<'_> {
    /// Whether the blame at `at` is argued about rather than told as what happened. A fix
    /// aimed at people (`fix`) is argued about only as a topic ("no plans to fire him"): "if
    /// anyone deploys on a Friday, write them up" is a fix all the same. A case is read in
    /// prose only (`prose`): timelines are told in the present.
    pub(super) fn argued(&self, at: Range<usize>, fix: bool, prose: bool) -> bool {
        if self.as_a_topic(at.clone()) {
            return true;
        }
        let rest = self.text.get(at.end..self.sentence.end.max(at.end)).unwrap_or("");
        !fix && ((prose && (self.in_a_case(at.clone()) || self.general(at))) || self.lex.denies_after(rest))
    }

    /// Whether the blame at `at` is said of people in general, in the present: "sometimes
    /// people make mistakes", "a technician misses a step, the system crashes", "a name will
    /// make people blame them". Its subject is a word for people in general
    /// (`general_people`; "they" after one that opens the sentence), or "a"/"an" and a role,
    /// opening its clause with at most light words ("sometimes", "will") before the match;
    /// nothing from it to just past the match is told in the past ("someone accidentally
    /// deleted"), nor, after "a"/"an", anywhere in the sentence ("a sysadmin shared the
    /// password"). Not in a question ("Did anyone look?"), nor as an object ("tell anyone").
    fn general(&self, at: Range<usize>) -> bool {
        if self.text[self.sentence.clone()].trim_end().ends_with('?') {
            return false;
        }
        let from = self.sentence.start.min(at.start);
        let toks = tokens(self.text, from..self.sentence.end.max(at.end));
        let Some(last) = toks.iter().rposition(|t| t.start < at.end) else { return false };
        let Some(first) = toks.iter().position(|t| t.end > at.start) else { return false };
        let is_general = |k: usize| toks.get(k).is_some_and(|&t| self.lex.general_people.contains(&self.lower(t)));
        for g in (first.saturating_sub(3)..=first).rev() {
            let w = self.lower(toks[g]);
            let indefinite = self.someone(&toks, g);
            let they = w == "they" && is_general(0) && g > 0;
            if !(is_general(g) || indefinite || they) {
                continue;
            }
            // Light words may come first ("and sometimes people make mistakes"); "make people
            // blame them" makes them the subject of their own verb.
            let mut o = g;
            while o > 0
                && LIGHT.contains(&self.lower(toks[o - 1]).as_str())
                && !breaks(&self.text[toks[o - 1].end..toks[o].start])
            {
                o -= 1;
            }
            let opens = o == 0
                || breaks(&self.text[toks[o - 1].end..toks[o].start])
                || self.lex.clause_words.contains(&self.lower(toks[o - 1]))
                || (o == g && CAUSATIVE.contains(&self.lower(toks[o - 1]).as_str()));
            let subject_end = if indefinite { g + 2 } else { g + 1 };
            let light = toks[subject_end.min(first)..first].iter().all(|&t| {
                let w = self.lower(t);
                w.ends_with("ly") || LIGHT.contains(&w.as_str())
            });
            if !opens || !light {
                return false;
            }
            // After "a"/"an", the whole clause: "a sysadmin shared the password with a supplier in
            // breach of policy" tells of one day.
            let mut start = g;
            while start > 0 && !breaks(&self.text[toks[start - 1].end..toks[start].start]) {
                start -= 1;
            }
            let mut end = (last + 3).min(toks.len());
            if indefinite {
                end = last + 1;
                while end < toks.len() && !breaks(&self.text[toks[end - 1].end..toks[end].start]) {
                    end += 1;
                }
            } else {
                start = g;
            }
            return !toks[start..end].iter().any(|&t| self.past(t));
        }
        false
    }

    /// Whether `toks[k]` is "a" or "an" before a role that heads its phrase: "a technician
    /// misses a step", not "a human error".
    fn someone(&self, toks: &[super::tokens::Token], k: usize) -> bool {
        const MODIFIED: [&str; 12] = [
            "error", "errors", "mistake", "mistakes", "factor", "factors", "slip", "slips", "element", "side", "being",
            "touch",
        ];
        toks.get(k).is_some_and(|&t| matches!(self.lower(t).as_str(), "a" | "an"))
            && toks.get(k + 1).is_some_and(|&n| self.lex.roles.contains(&self.lower(n)))
            && toks.get(k + 2).is_none_or(|&n| !MODIFIED.contains(&self.lower(n).as_str()))
    }

    /// Whether the word `t` tells of the past: a past tense or its auxiliary.
    fn past(&self, t: super::tokens::Token) -> bool {
        let w = self.lower(t);
        self.lex.past_forms.contains(&w) || (w.chars().count() > 4 && w.ends_with("ed") && !w.ends_with("eed"))
    }

    /// Whether `at` sits in a conditional clause of a sentence told in the present: an opener
    /// ("if", "when", "unless", …) before it with no comma or other break between, and
    /// nothing in the sentence told in the past ("when Dave pushed the config", "if he had
    /// checked", "the outage began when Priya's push set the pool to zero"). "This is what
    /// happens when the team ships hastily" judges in the present: not a case.
    fn in_a_case(&self, at: Range<usize>) -> bool {
        let from = self.sentence.start.min(at.start);
        let toks = tokens(self.text, from..self.sentence.end.max(at.end));
        let Some(i) = toks.iter().rposition(|&t| t.start < at.start && self.lex.conditionals.contains(&self.lower(t)))
        else {
            return false;
        };
        if breaks(&self.text[toks[i].end..at.start]) {
            return false;
        }
        let before: Vec<String> = toks[i.saturating_sub(3)..i].iter().map(|&t| self.lower(t)).collect();
        let judged = |w: [&str; 2]| before.len() == 3 && before[1] == w[0] && before[2] == w[1];
        if judged(["what", "happens"])
            || judged(["what", "happened"])
            || (before.first().is_some_and(|w| w == "what") && judged(["you", "get"]))
        {
            return false;
        }
        // "If someone made a mistake, ask what made it easy": anyone's slip, in any tense.
        // Not after "when": "… happened to them when someone accidentally deleted the data" tells
        // of one day.
        let anyone = self.lower(toks[i]) != "when"
            && (toks.get(i + 1).is_some_and(|&t| self.lex.general_people.contains(&self.lower(t)))
                || self.someone(&toks, i + 1));
        anyone || !toks.iter().any(|&t| self.past(t))
    }

    /// Whether the clause of `at` names blame or punishment as a topic at or before it.
    fn as_a_topic(&self, at: Range<usize>) -> bool {
        let start = self.clause_start(at.start);
        self.lex.topic(&self.text[start..at.end], at.start - start)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::super::{Checker, People, Scope, Severity};

    fn warned(text: &str) -> bool {
        let checker = Checker::builtin().unwrap();
        checker.check_text(text, Scope::Prose, &People::new()).iter().any(|f| f.severity >= Severity::Warning)
    }

    #[test]
    fn a_case_in_the_present_blames_nobody_and_a_past_one_does() {
        assert!(!warned("Even if the developer hits the wrong button, the responsibility isn't theirs."));
        assert!(!warned("If the intern deletes the production database, the real problem is that the role allows it."));
        assert!(warned("It stopped being routine when he mistakenly deleted the state data."));
        assert!(warned("When Dave deleted the production database, the site went down."));
        // A broken clause: the blame is in the main clause, not in the case.
        assert!(warned("If the alert fires, Dave deletes the queue by mistake."));
    }

    #[test]
    fn blame_taken_back_later_in_its_sentence_blames_nobody() {
        assert!(!warned("Dave deleted the production database, but it was not his fault."));
        assert!(!warned("The engineer who deleted the data argued that the blame was not actually the developer's."));
        assert!(!warned("The intern accidentally deleted the table, a slip that could happen to anyone."));
        // Another's fault denied does not take back a person's.
        assert!(warned("Dave deleted the production database by mistake."));
    }

    #[test]
    fn punishment_as_a_topic_is_no_punishment_but_a_firing_is() {
        assert!(!warned("Firing someone for one mistake makes the next outage more likely."));
        assert!(!warned("You don't fire someone for a very human mistake like this."));
        assert!(!warned("The agency said there are no plans to fire him."));
        assert!(warned("We fired the engineer who made the mistake."));
    }

    #[test]
    fn people_in_general_in_the_present_are_no_one_in_this_incident() {
        assert!(!warned("Things break sometimes and sometimes people make mistakes."));
        assert!(!warned(
            "I have seen it often: a technician skips a step, the batch fails, and the review ends with a training plan."
        ));
        assert!(!warned("If someone made a mistake, ask what made the mistake easy to make."));
        assert!(warned("Last Tuesday someone on the payroll team accidentally deleted the export."));
        assert!(warned("A payroll engineer skipped the dry run and the batch failed."));
        // "when" tells of one day whatever the subject.
        assert!(warned("It happened to them in May when someone accidentally deleted the data."));
    }
}
