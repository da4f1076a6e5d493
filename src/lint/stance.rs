//! The writer's stance toward a finding: a blame they deny in so many words ("nobody was
//! careless"), and a judgement they make of themselves ("yell at me for being an idiot").
//! Part of the clause reader (see `people.rs`).

use std::ops::Range;

use super::people::{Found, Reader};
use super::tokens::{Token, breaks, tokens};

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
        let start = self.clause_start(at.start);
        self.lex.denies(&self.text[start..at.end], at.start - start, subjects)
    }

    /// Where the clause of the words at `at` starts: after the last ";", ":", "but",
    /// "however", "although", "though", "yet", "whereas" or dash before them in the sentence (a
    /// match may start at the stop before its sentence).
    pub(super) fn clause_start(&self, at: usize) -> usize {
        const BREAKS: [&str; 10] =
            [";", ":", " but ", " however", " although ", " though ", " yet ", " whereas ", " – ", " — "];
        let from = self.sentence.start.min(at);
        let lower = self.text[from..at].to_lowercase();
        from + BREAKS.iter().filter_map(|b| lower.rfind(b).map(|i| i + b.len())).max().unwrap_or(0)
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
        // "I am not a fan of hers": the judgement names whom it is of, someone else.
        if toks.iter().filter(|t| t.start >= at.start && t.end <= at.end).any(|&t| {
            matches!(self.lower(t).as_str(), "him" | "her" | "them" | "hers" | "his" | "theirs" | "himself" | "herself")
        }) {
            return false;
        }
        // "I doubted the CTO's ability", "I no longer trusted the management": or a person it
        // names inside it, before its last word.
        let inside: Vec<Token> = toks.iter().copied().filter(|t| t.start >= at.start && t.end <= at.end).collect();
        if inside.iter().rev().skip(1).any(|&t| self.someone_else(t))
            || inside.last().is_some_and(|&t| {
                self.lex.roles.contains(&self.lower(t)) || self.lex.departments.contains(&self.lower(t))
            })
        {
            return false;
        }
        if let Some(&next) = toks.iter().find(|t| t.start >= at.end)
            && self.someone_else(next)
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

    /// Whether the judgement word at `at` (the last word of the match, one of the lexicon's
    /// `judgement_adjectives`) is said of a thing, not of a person or of what people do: the
    /// words it stands before ("a stupid bug in the parser", "a careless default") and the
    /// subject it is said of ("the migration tool is dumb") name no person and none of the
    /// lexicon's `deeds` ("a careless change", "the review was sloppy", "a lazy piece of
    /// work", "deploying on a Friday was idiotic"). When it cannot tell, it is not a thing.
    pub(super) fn judges_a_thing(&self, at: Range<usize>) -> bool {
        let Some(&word) = tokens(self.text, at.clone()).last() else { return false };
        if !self.lex.judgement_adjectives.contains(&self.lower(word)) {
            return false;
        }
        let deed = |t: Token| self.lex.deeds.contains(&self.lower(t));
        let before_noun = self.phrase_after(word);
        let mut subject = self.copula_subject(word);
        // The subject's head is before its first preposition ("the handling of the file").
        if let Some(p) = subject.iter().position(|&t| self.lex.prepositions.contains(&self.lower(t))) {
            subject.truncate(p);
        }
        // Anyone in either, a deed after the word, or a deed as the subject's head.
        let person = |t: &Token| matches!(self.word(*t), Found::Person { .. } | Found::Possessed { .. });
        if before_noun.iter().chain(&subject).any(person)
            || before_noun.iter().any(|&t| deed(t))
            || subject.last().is_some_and(|&t| deed(t))
        {
            return false;
        }
        // "It is crazy and stupid" says so of something told before, a thing as far as the
        // reader knows; "it was stupid to …", "it was careless of him" judge an act.
        if let [only] = subject[..]
            && self.lower(only) == "it"
        {
            let after = tokens(self.text, word.end..self.sentence.end);
            let act = |t: &Token| matches!(self.lower(*t).as_str(), "to" | "of" | "that" | "for" | "how" | "when");
            return !after.iter().take(6).any(act);
        }
        // "Deploying on a Friday was idiotic": an act; "it was stupid to ...": unknown.
        let unknown = |t: Token| {
            ["it", "this", "that", "which", "what", "everything", "all", "something", "nothing"]
                .contains(&self.lower(t).as_str())
        };
        if subject.first().is_some_and(|&t| unknown(t) || self.lower(t).ends_with("ing")) {
            return false;
        }
        // A thing is named: the head of the phrase after the word, else of the subject, in
        // lowercase (a capital may be a name the reader does not know).
        let head = before_noun.first().or(subject.last());
        head.is_some_and(|&t| {
            let text = t.text(self.text);
            !unknown(t) && (!text.starts_with(char::is_uppercase) || self.lex.thing_nouns.contains(&self.lower(t)))
        })
    }

    /// The words a judgement word stands before, up to a break or a function word, looking
    /// through "piece of", "kind of" ("a lazy piece of work": piece, work).
    fn phrase_after(&self, word: Token) -> Vec<Token> {
        let mut out = Vec::new();
        let mut last = word;
        for t in tokens(self.text, word.end..self.sentence.end) {
            let lower = self.lower(t);
            let of_what =
                lower == "of" && ["piece", "kind", "bit", "sort", "level", "lot"].contains(&self.lower(last).as_str());
            let function = self.lex.prepositions.contains(&lower)
                || self.lex.determiners.contains(&lower)
                || self.lex.clause_words.contains(&lower)
                || COPULAS.contains(&lower.as_str());
            if breaks(&self.text[last.end..t.start]) || (function && !of_what) || out.len() == 4 {
                break;
            }
            if !of_what {
                out.push(t);
            }
            last = t;
        }
        out
    }

    /// The subject a judgement word is said of through a copula ("<subject> was (frankly)
    /// <word>"), back to a break or a clause word; empty when no copula stands before it.
    fn copula_subject(&self, word: Token) -> Vec<Token> {
        let earlier = tokens(self.text, self.sentence.start..word.start);
        let mut k = earlier.len();
        let mut after = word;
        let adverb = |t: Token| {
            let lower = self.lower(t);
            ADVERBS.contains(&lower.as_str()) || (lower.len() > 4 && lower.ends_with("ly"))
        };
        loop {
            while k > 0 && adverb(earlier[k - 1]) && !breaks(&self.text[earlier[k - 1].end..after.start]) {
                after = earlier[k - 1];
                k -= 1;
            }
            // Another word joined to it: "it is crazy and stupid".
            let joined = k >= 2
                && matches!(self.lower(earlier[k - 1]).as_str(), "and" | "or")
                && !COPULAS.contains(&self.lower(earlier[k - 2]).as_str())
                && !breaks(&self.text[earlier[k - 2].end..after.start]);
            if !joined {
                break;
            }
            after = earlier[k - 2];
            k -= 2;
        }
        let copula = k > 0
            && COPULAS.contains(&self.lower(earlier[k - 1]).as_str())
            && !breaks(&self.text[earlier[k - 1].end..after.start]);
        let mut subject = Vec::new();
        if copula {
            let mut next = earlier[k - 1];
            for &t in earlier[..k - 1].iter().rev() {
                if breaks(&self.text[t.end..next.start]) || self.lex.clause_words.contains(&self.lower(t)) {
                    break;
                }
                subject.insert(0, t);
                next = t;
            }
        }
        subject
    }
}

/// Verbs that say a judgement word of their subject ("the tool is dumb").
const COPULAS: [&str; 16] = [
    "is", "was", "were", "are", "be", "been", "being", "seems", "seemed", "looks", "looked", "sounds", "sounded",
    "became", "becomes", "remains",
];

/// Words between a copula and the judgement word ("was frankly sloppy").
const ADVERBS: [&str; 20] = [
    "so",
    "very",
    "quite",
    "pretty",
    "really",
    "just",
    "rather",
    "too",
    "somewhat",
    "frankly",
    "honestly",
    "truly",
    "utterly",
    "totally",
    "downright",
    "plain",
    "simply",
    "incredibly",
    "super",
    "extremely",
];
