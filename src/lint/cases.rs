//! Blame told as a case argued about rather than as what happened: in a conditional clause
//! told in the present ("even if the developer hits the wrong button, the responsibility isn't
//! theirs"), named as a topic ("firing someone for one mistake will only make outages
//! likelier"), or taken back later in its sentence ("Dave ran the script, but it was not his
//! fault"). Part of the clause reader (see `people.rs`); the words are the lexicon's
//! `conditionals`, `past_forms`, `topics` and `after_denials`.

use std::ops::Range;

use super::people::Reader;
use super::tokens::{breaks, tokens};

/// Where a clause ends, read backwards from a finding (as `Reader::denied` reads it).
const BREAKS: [&str; 10] =
    [";", ":", " but ", " however", " although ", " though ", " yet ", " whereas ", " – ", " — "];

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
        !fix && ((prose && self.in_a_case(at)) || self.lex.denies_after(rest))
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
        !toks.iter().any(|&t| {
            let w = self.lower(t);
            self.lex.past_forms.contains(&w) || (w.chars().count() > 4 && w.ends_with("ed") && !w.ends_with("eed"))
        })
    }

    /// Whether the clause of `at` names blame or punishment as a topic at or before it.
    fn as_a_topic(&self, at: Range<usize>) -> bool {
        let from = self.sentence.start.min(at.start);
        let lower = self.text[from..at.start].to_lowercase();
        let start = BREAKS.iter().filter_map(|b| lower.rfind(b).map(|i| i + b.len())).max().unwrap_or(0);
        self.lex.topic(&self.text[from + start..at.end], at.start - from - start)
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
}
