//! Who is who: the people of a document, and reading the noun phrase before or after a match
//! to tell a person ("Dave", "the on-call engineer", "she") from a system ("the health check",
//! "the job", "Postgres"). Precision comes from here: "the job forgot its lock" is fine,
//! "Priya forgot the lock" is not.

use std::collections::HashSet;
use std::ops::Range;

use super::lexicon::Lexicon;
use super::rules::Who;
use super::tokens::{Token, breaks, opens_sentence, tokens};
use crate::doc::Document;

/// Names known to be people, lowercase: from the document and the team's configuration.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct People {
    names: HashSet<String>,
}

impl People {
    pub fn new() -> People {
        People::default()
    }

    /// Adds names ("Priya Raman" adds the full name and each part).
    pub fn add_all(&mut self, names: &[String]) {
        for name in names {
            self.add(name);
        }
    }

    pub fn add(&mut self, name: &str) {
        let name = name.trim();
        if name.is_empty() {
            return;
        }
        self.names.insert(name.to_lowercase());
        for part in name.split_whitespace().filter(|p| p.chars().count() > 1) {
            self.names.insert(part.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase());
        }
    }

    pub fn contains(&self, word: &str) -> bool {
        self.names.contains(&word.to_lowercase())
    }

    /// The document's authors, action owners that are names, and names that start a
    /// timeline event with a responder's verb ("Priya paged ...").
    pub(super) fn from_document(doc: &Document, lex: &Lexicon) -> People {
        let mut people = People::new();
        people.add_all(&doc.authors);
        let owners = doc.actions.iter().filter_map(|a| a.owner.as_deref());
        for owner in owners {
            for word in owner.split(|c: char| c.is_whitespace() || c == ',' || c == '&' || c == '/') {
                if lex.looks_like_name(word, false) {
                    people.add(word);
                }
            }
        }
        for entry in &doc.timeline {
            let mut words = entry.event.split_whitespace();
            if let (Some(first), Some(verb)) = (words.next(), words.next())
                && lex.looks_like_name(first, true)
                && lex.responder_verbs.contains(&verb.to_lowercase())
            {
                people.add(first);
            }
        }
        people
    }
}

/// What a noun phrase refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Found {
    Nothing,
    Person {
        first_person: bool,
    },
    /// A thing that belongs to a person: "Dave's deploy", "his change".
    Possessed {
        first_person: bool,
    },
    Thing,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Phrase {
    pub range: Range<usize>,
    pub found: Found,
}

impl Phrase {
    pub fn satisfies(&self, who: Who) -> bool {
        match (who, self.found) {
            (Who::Person, Found::Person { .. }) => true,
            (Who::Named, Found::Person { first_person }) => !first_person,
            (Who::PersonOrNone, Found::Person { .. } | Found::Nothing) => true,
            (Who::NamedOrNone, Found::Person { first_person }) => !first_person,
            (Who::NamedOrNone, Found::Nothing) => true,
            (Who::Owner, Found::Person { first_person } | Found::Possessed { first_person }) => !first_person,
            (Who::Nothing, Found::Nothing) => true,
            _ => false,
        }
    }
}

/// Reads phrases in one sentence of the masked text.
pub(super) struct Reader<'a> {
    pub text: &'a str,
    pub sentence: Range<usize>,
    pub lex: &'a Lexicon,
    pub people: &'a People,
}

impl Reader<'_> {
    /// What one word is, in a subject or object position.
    fn word(&self, t: Token) -> Found {
        let word = t.text(self.text);
        let (stem, possessive) = match word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")) {
            Some(stem) => (stem, true),
            None => (word, false),
        };
        let lower = stem.to_lowercase();
        let lex = self.lex;
        let first_person = lex.first_person.contains(&lower);
        // An @handle is somebody's chat name.
        let handle = self.text[..t.start].ends_with('@');
        let person = handle
            || initials(stem)
            || lex.subject_pronouns.contains(&lower)
            || lex.object_pronouns.contains(&lower)
            || lex.roles.contains(&lower)
            || self.people.contains(&lower)
            // A capitalised possessive ("Ines's") is a name even where a plural could stand.
            || lex.looks_like_name(stem, opens_sentence(self.text, self.sentence.start, t) && !possessive);
        if (lex.possessive_pronouns.contains(&lower) && lower != "her") || (person && possessive) {
            Found::Possessed { first_person }
        } else if person {
            Found::Person { first_person }
        } else {
            Found::Thing
        }
    }

    /// Whether `gap`, after the word `t`, breaks a phrase: the stop after initials ("M.K.
    /// restarts") does not.
    fn breaks_after(&self, t: Token, gap: &str) -> bool {
        breaks(gap) && !(gap.trim_end() == "." && initials(t.text(self.text)))
    }

    fn lower(&self, t: Token) -> String {
        t.text(self.text).to_lowercase()
    }

    /// The subject of the verb that starts at byte `at`: the noun phrase before it, past
    /// auxiliaries and adverbs ("Dave had simply forgotten"), through relative pronouns ("the
    /// engineer who forgot"), and for an elided subject ("Sam restarted it and forgot") the
    /// one at the start of the sentence.
    pub fn subject_before(&self, at: usize) -> Phrase {
        let toks = tokens(self.text, self.sentence.start..at);
        // "the namespaces were deleted": a passive's subject is what was done to, not who did it.
        if let Some(&last) = toks.last()
            && matches!(
                self.lower(last).as_str(),
                "was" | "were" | "been" | "being" | "is" | "are" | "be" | "got" | "get" | "gets"
            )
            && self.text[last.end..at].trim().is_empty()
        {
            let verb = self.text[at..].split(|c: char| !c.is_alphanumeric()).next().unwrap_or("").to_lowercase();
            if ["ed", "en", "wn", "ne", "ght", "lt", "pt"].iter().any(|e| verb.ends_with(e)) {
                return Phrase { range: at..at, found: Found::Thing };
            }
        }
        let mut i = toks.len();
        let mut right = at;
        while i > 0 {
            let t = toks[i - 1];
            let gap = &self.text[t.end..right];
            if self.breaks_after(t, gap) {
                // "The on-call engineer, Tom, missed": a person just before the comma.
                if gap.trim() == "," && matches!(self.word(t), Found::Person { .. }) {
                    return self.phrase_ending(&toks[..i], t);
                }
                return self.elided(&toks[..i], at);
            }
            let lower = self.lower(t);
            let adverb = lower.len() > 4 && lower.ends_with("ly");
            if self.lex.between.contains(&lower) || adverb || lower.ends_with("n't") {
                i -= 1;
                right = t.start;
                continue;
            }
            break;
        }
        if i == 0 {
            return Phrase { range: at..at, found: Found::Nothing };
        }
        let head = toks[i - 1];
        let lower = self.lower(head);
        if self.lex.clause_words.contains(&lower) {
            return self.elided(&toks[..i], at);
        }
        if (lower == "who" || lower == "that") && i >= 2 {
            let before = toks[i - 2];
            return self.phrase_ending(&toks[..i - 1], before);
        }
        if lower == "which" {
            return Phrase { range: head.start..head.end, found: Found::Thing };
        }
        if (lower == "they" || lower == "them") && self.they_are_things(&toks[..i - 1]) {
            return Phrase { range: head.start..head.end, found: Found::Thing };
        }
        let phrase = self.phrase_ending(&toks[..i], head);
        match self.someone_opens(&toks[..i]) {
            Some(who) if phrase.found == Found::Thing => {
                Phrase { range: who.range.start..phrase.range.end, found: who.found }
            }
            _ => phrase,
        }
    }

    /// "Whoever set up the job", "Nobody reviewing the change", "someone on the team": a
    /// clause that opens with an indefinite person, whose last noun is not its subject.
    fn someone_opens(&self, toks: &[Token]) -> Option<Phrase> {
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
            .then(|| Phrase { range: first.start..first.end, found: Found::Person { first_person: false } })
    }

    /// The noun phrase whose last word is `head` (the last of `toks`).
    fn phrase_ending(&self, toks: &[Token], head: Token) -> Phrase {
        let lower = self.lower(head);
        let mut found = self.word(head);
        let mut start = head.start;
        // "the person on call": the role is two words.
        if matches!(lower.as_str(), "call" | "duty" | "shift" | "pager")
            && toks.len() >= 2
            && self.lower(toks[toks.len() - 2]) == "on"
        {
            found = Found::Person { first_person: false };
        }
        // "the consumer group", "the security group": a group of things.
        if matches!(lower.as_str(), "group" | "groups")
            && let [.., before, _] = toks
            && self.lex.thing_groups.contains(&self.lower(*before))
        {
            return Phrase { range: before.start..head.end, found: Found::Thing };
        }
        // "the Kubernetes operator": a role word that software also has, after a modifier.
        if self.lex.software_roles.contains(&lower)
            && let [.., before, _] = toks
            && !self.lex.determiners.contains(&self.lower(*before))
            && !self.lex.roles.contains(&self.lower(*before))
        {
            return Phrase { range: before.start..head.end, found: Found::Thing };
        }
        let name = head.text(self.text).starts_with(char::is_uppercase) && matches!(found, Found::Person { .. });
        for (k, &t) in toks[..toks.len() - 1].iter().enumerate().rev() {
            let next = toks[k + 1];
            let w = self.lower(t);
            if breaks(&self.text[t.end..next.start])
                || self.lex.prepositions.contains(&w) && !(w == "on" && found != Found::Thing)
                || self.lex.clause_words.contains(&w)
                || w.chars().any(|c| c.is_ascii_digit())
                || (w.ends_with("ed")
                    && !w.contains('-')
                    && !self.lex.roles.contains(&w)
                    // "the team's untested migration": an adjective after a possessor.
                    && (k == 0 || !matches!(self.word(toks[k - 1]), Found::Possessed { .. })))
                || (name && !t.text(self.text).starts_with(char::is_uppercase))
            {
                break;
            }
            if found == Found::Thing && (w == "her" || matches!(self.word(t), Found::Possessed { first_person: false }))
            {
                found = Found::Possessed { first_person: false };
            }
            start = t.start;
        }
        Phrase { range: start..head.end, found }
    }

    /// Whether "they" refers back to things: the nearest plural noun before it in the
    /// sentence is not a role ("the pods restarted because they failed to ...").
    fn they_are_things(&self, before: &[Token]) -> bool {
        before
            .iter()
            .rev()
            .map(|&t| self.lower(t))
            .find(|w| {
                w.len() > 3
                    && w.ends_with('s')
                    && !w.ends_with("ss")
                    && !w.contains('\'')
                    && !self.lex.between.contains(w)
                    && !self.lex.clause_words.contains(w)
                    && !self.lex.prepositions.contains(w)
            })
            .is_some_and(|w| !self.lex.roles.contains(&w))
    }

    /// No subject right before the verb: the clause's subject was left out ("and forgot"), so
    /// the sentence's first noun phrase stands in for it.
    fn elided(&self, before: &[Token], at: usize) -> Phrase {
        let Some(&last) = before.last() else { return Phrase { range: at..at, found: Found::Nothing } };
        let lower = self.lower(last);
        if matches!(lower.as_str(), "and" | "but" | "then" | "or") {
            let actor = self.actor(last.start);
            if matches!(actor.found, Found::Person { .. }) {
                return actor;
            }
        }
        Phrase { range: at..at, found: Found::Nothing }
    }

    /// The noun phrase that starts at byte `at`: "the on-call engineer", "Priya", "Dave's
    /// deploy". Reads past determiners; a thing may be followed by the role it qualifies ("the
    /// database on-call"), and a possessor by what it owns.
    pub fn object_after(&self, at: usize) -> Phrase {
        let toks = tokens(self.text, at..self.sentence.end);
        let mut left = at;
        let mut found = Found::Nothing;
        let mut start = None;
        let mut end = at;
        for (k, &t) in toks.iter().enumerate().take(6) {
            if breaks(&self.text[left..t.start]) {
                break;
            }
            left = t.end;
            let lower = self.lower(t);
            if found == Found::Nothing && self.lex.determiners.contains(&lower) && lower != "her" {
                if self.lex.possessive_pronouns.contains(&lower) {
                    found = self.word(t);
                }
                start.get_or_insert(t.start);
                continue;
            }
            let word = self.word(t);
            match word {
                // "our Usenet clients": after a possessive, a capitalised word names the thing owned.
                Found::Person { .. } if matches!(found, Found::Possessed { .. }) => {
                    return Phrase { range: start.unwrap_or(t.start)..t.end, found };
                }
                Found::Person { .. } => {
                    // "the on-call rotation": a role noun naming a thing of that role.
                    if let Some(&n) = toks.get(k + 1)
                        && self.lex.roles.contains(&lower)
                        && !breaks(&self.text[t.end..n.start])
                        && self.lex.role_things.contains(&self.lower(n))
                    {
                        return Phrase { range: start.unwrap_or(t.start)..n.end, found: Found::Thing };
                    }
                    // Take in the rest of a name or a role: "Priya Raman", "on-call engineer".
                    end = t.end;
                    for &n in &toks[k + 1..] {
                        let same_kind = matches!(self.word(n), Found::Person { .. })
                            && !self.lex.subject_pronouns.contains(&self.lower(n));
                        if breaks(&self.text[end..n.start]) || !same_kind {
                            break;
                        }
                        end = n.end;
                    }
                    return Phrase { range: start.unwrap_or(t.start)..end, found: word };
                }
                Found::Possessed { .. } if matches!(found, Found::Nothing | Found::Thing) => found = word,
                _ if matches!(found, Found::Possessed { .. }) => {
                    return Phrase { range: start.unwrap_or(t.start)..t.end, found };
                }
                _ => {
                    end = t.end;
                    found = Found::Thing;
                    // "the data engineering team": a role heads the phrase a word or two on.
                    let is_role = |j: usize| {
                        toks.get(j).is_some_and(|&n| {
                            let next = self.lower(n);
                            !breaks(&self.text[toks[j - 1].end..n.start])
                                && self.lex.roles.contains(next.trim_end_matches("'s").trim_end_matches("’s"))
                        })
                    };
                    let plain = |j: usize| {
                        toks.get(j).is_some_and(|&n| {
                            let w = self.lower(n);
                            !breaks(&self.text[toks[j - 1].end..n.start])
                                && !self.lex.prepositions.contains(&w)
                                && !self.lex.clause_words.contains(&w)
                                && !self.lex.between.contains(&w)
                        })
                    };
                    let next_is_role = is_role(k + 1) || (plain(k + 1) && is_role(k + 2));
                    if !next_is_role {
                        break;
                    }
                }
            }
            start.get_or_insert(t.start);
            end = end.max(t.end);
        }
        Phrase { range: start.unwrap_or(at)..end.max(start.unwrap_or(at)), found }
    }

    /// Who opens the sentence: a person or a person's thing among its first words (past
    /// times, list markers and an opening preposition's phrase), else a thing.
    pub fn opener(&self) -> Phrase {
        let toks = tokens(self.text, self.sentence.clone());
        let words: Vec<Token> =
            toks.iter().copied().filter(|t| !t.text(self.text).chars().any(|c| c.is_ascii_digit())).collect();
        // The first words, and those after an opening phrase ("As it turns out, Jonas ...").
        let after_comma = (1..words.len().min(7)).find(|&k| self.text[words[k - 1].end..words[k].start].contains(','));
        let candidates = words.iter().take(4).chain(after_comma.map_or(&[][..], |k| &words[k..words.len().min(k + 1)]));
        for &t in candidates {
            if let found @ (Found::Person { .. } | Found::Possessed { .. }) = self.word(t) {
                if self.common_noun_opening(&words, t) {
                    continue;
                }
                return Phrase { range: t.start..t.end, found };
            }
        }
        let at = self.sentence.start;
        Phrase { range: at..at, found: if toks.is_empty() { Found::Nothing } else { Found::Thing } }
    }

    /// Whether `t`, the first word of the sentence and capitalised only for that, reads as
    /// a common noun: followed by a plain lowercase word ("Error rate once again ..."), where
    /// a name is followed by a verb ("Sam restarted", "Sam is", "Sam will"), a comma or a
    /// name.
    fn common_noun_opening(&self, words: &[Token], t: Token) -> bool {
        if words.first() != Some(&t) {
            return false;
        }
        let lower = self.lower(t);
        let text = t.text(self.text);
        let named = self.people.contains(&lower)
            || self.lex.roles.contains(&lower)
            || self.lex.subject_pronouns.contains(&lower)
            || text.ends_with("'s")
            || text.ends_with("’s")
            || self.text[..t.start].ends_with('@')
            || text.chars().all(|c| c.is_ascii_uppercase());
        let Some(&next) = words.get(1) else { return false };
        if named || breaks(&self.text[t.end..next.start]) {
            return false;
        }
        let n = next.text(self.text);
        const IRREGULAR: [&str; 40] = [
            "made", "ran", "took", "got", "put", "set", "left", "sent", "went", "did", "had", "said", "saw", "gave",
            "wrote", "broke", "forgot", "knew", "thought", "told", "brought", "kept", "let", "lost", "hit", "cut",
            "read", "led", "paid", "held", "began", "came", "chose", "found", "meant", "stood", "threw", "woke", "can",
            "will",
        ];
        let verb_like = n.ends_with("ed")
            || IRREGULAR.contains(&n)
            || n.ends_with('s')
            || n.ends_with("ing")
            || self.lex.between.contains(&n.to_lowercase())
            || self.lex.responder_verbs.contains(&n.to_lowercase());
        n.starts_with(char::is_lowercase) && !verb_like
    }

    /// Who acts in the clause that contains byte `at`: a person among the first words of the
    /// clause (past times and an opening preposition), or a thing.
    pub fn actor(&self, at: usize) -> Phrase {
        let toks = tokens(self.text, self.sentence.start..at);
        let mut from = 0;
        for (k, &t) in toks.iter().enumerate() {
            let gap_break = k > 0 && self.breaks_after(toks[k - 1], &self.text[toks[k - 1].end..t.start]);
            if self.lex.clause_words.contains(&self.lower(t)) || gap_break {
                from = if gap_break { k } else { k + 1 };
            }
        }
        let words = toks[from..].iter().filter(|t| !t.text(self.text).chars().any(|c| c.is_ascii_digit()));
        for &t in words.take(4) {
            if let found @ (Found::Person { .. } | Found::Possessed { .. }) = self.word(t) {
                return Phrase { range: t.start..t.end, found };
            }
        }
        Phrase { range: at..at, found: if toks.is_empty() { Found::Nothing } else { Found::Thing } }
    }
}

/// Initials written with full stops: "M.K.", "J.R.R." (the last stop is not part of the word).
fn initials(word: &str) -> bool {
    let parts: Vec<&str> = word.trim_end_matches('.').split('.').collect();
    parts.len() >= 2 && parts.iter().all(|p| p.len() == 1 && p.chars().all(|c| c.is_ascii_uppercase()))
}
