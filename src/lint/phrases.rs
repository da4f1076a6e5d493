//! Reading noun phrases around a match: the subject before a verb (past auxiliaries,
//! relative pronouns, an elided subject, an indefinite "whoever …" clause) and the object after
//! it. Part of the clause reader (`people.rs` tells what one word is; `opener.rs` reads who
//! opens a sentence or a clause).

use super::people::{Found, Phrase, Reader};
use super::tokens::{Token, breaks, tokens};

impl Reader<'_> {
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
                // "The on-call engineer, Tom, missed": a person just before the comma, not
                // a preposition's ("a loan to Revlon, mistakenly sent").
                let governed = i >= 2 && self.lex.prepositions.contains(&self.lower(toks[i - 2]));
                if gap.trim() == "," && !governed && matches!(self.word(t), Found::Person { .. }) {
                    return self.phrase_ending(&toks[..i], t);
                }
                // "An engineer, tired and debugging at 11pm, ran": the subject before an aside.
                if gap.trim() == ","
                    && let Some(who) = self.before_aside(&toks[..i])
                {
                    return who;
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
        if let Some(subject) = self.before_participle(&toks[..i], &phrase, at) {
            return subject;
        }
        // "The sysadmin who owns the LDAP servers never checked": the relative clause's last
        // noun is not the subject; the person the clause describes is.
        if phrase.found == Found::Thing
            && let Some(who) = self.described_by_who(&toks[..i])
        {
            return who;
        }
        // "A developer on the growth team shipped": the person a prepositional phrase
        // qualifies, not the phrase's own noun.
        if phrase.found == Found::Thing
            && let Some(who) = self.qualified_person(&toks[..i])
        {
            return who;
        }
        match self.someone_opens(&toks[..i]) {
            Some(who) if phrase.found == Found::Thing => {
                Phrase { range: who.range.start..phrase.range.end, found: who.found }
            }
            _ => phrase,
        }
    }

    /// Whether the words at `at` are in a relative clause that opens a scene of its own ("in
    /// which", "where") with a thing as its subject ("a tale in which a software bug
    /// accidentally deleted"): the sentence's opener does not act there.
    pub fn relative_thing_acts(&self, at: usize) -> bool {
        if self.thing_that_acts(at) {
            return true;
        }
        let subject = self.subject_before(at);
        if subject.found != Found::Thing || subject.range.is_empty() {
            return false;
        }
        // "in which", "where": a scene of its own. A bare "which" refers back to what the
        // opener did ("Noura SSHed into the host, which our policy forbids").
        let before = self.text[self.sentence.start..subject.range.start].trim_end();
        let mut words = before.rsplit(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty());
        let word = words.next().unwrap_or("").to_lowercase();
        let governed = words.next().is_some_and(|w| self.lex.prepositions.contains(&w.to_lowercase()));
        matches!(word.as_str(), "whereby" | "wherein" | "where")
            || (matches!(word.as_str(), "which" | "whom") && governed)
    }

    /// The noun phrase whose last word is `head` (the last of `toks`).
    pub(super) fn phrase_ending(&self, toks: &[Token], head: Token) -> Phrase {
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
        // "the consumer group", "the Kubernetes operator": people's words naming a thing (no comma between).
        if let [.., before, _] = toks
            && !breaks(&self.text[before.end..head.start])
            && self.thing_after_modifier(*before, &lower)
        {
            return Phrase { range: before.start..head.end, found: Found::Thing };
        }
        let name = head.text(self.text).starts_with(char::is_uppercase) && matches!(found, Found::Person { .. });
        for (k, &t) in toks[..toks.len() - 1].iter().enumerate().rev() {
            let next = toks[k + 1];
            let w = self.lower(t);
            // "Marco's change to the retry policy": a person's thing, qualified by a phrase
            // after a preposition, is still the person's thing.
            if found == Found::Thing
                && k >= 1
                && matches!(w.as_str(), "to" | "in" | "on" | "for" | "of" | "against")
                && !breaks(&self.text[t.end..next.start])
                && !breaks(&self.text[toks[k - 1].end..t.start])
            {
                let owner = self.phrase_ending(&toks[..k], toks[k - 1]);
                if matches!(owner.found, Found::Possessed { .. }) {
                    return Phrase { range: owner.range.start..head.end, found: owner.found };
                }
            }
            // "a tale in which a software bug deleted": a relative pronoun opens a clause of
            // its own; the phrase does not reach back past it to the tale's teller.
            if matches!(w.as_str(), "which" | "whom" | "whereby" | "wherein") {
                break;
            }
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

    /// After a possessive pronoun (`found`), the role noun at token `k` or one modifier on
    /// ("our DBA", "our field engineer"), unless a thing of that role follows ("our on-call
    /// rotation").
    fn role_after_possessive(&self, toks: &[Token], k: usize, found: Found) -> Option<Token> {
        if !matches!(found, Found::Possessed { .. }) || k == 0 {
            return None;
        }
        let role_at = |j: usize| {
            let &n = toks.get(j)?;
            let joined = !breaks(&self.text[toks[j - 1].end..n.start]);
            let lower = self.lower(n);
            let lowercase = !n.text(self.text).starts_with(char::is_uppercase) || lower.len() <= 4;
            let thing_next = toks
                .get(j + 1)
                .is_some_and(|&m| !breaks(&self.text[n.end..m.start]) && self.lex.role_things.contains(&self.lower(m)));
            (joined && lowercase && self.lex.roles.contains(&lower) && !thing_next).then_some(n)
        };
        role_at(k).or_else(|| role_at(k + 1).filter(|_| !self.lex.roles.contains(&self.lower(toks[k]))))
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
        for (k, &t) in toks.iter().enumerate().take(8) {
            if breaks(&self.text[left..t.start]) {
                break;
            }
            left = t.end;
            let lower = self.lower(t);
            // "one of our senior engineers": the people counted.
            if found == Found::Nothing
                && (self.counted(&toks, k) || (lower == "of" && k > 0 && self.counted(&toks, k - 1)))
            {
                start.get_or_insert(t.start);
                continue;
            }
            if found == Found::Nothing && self.lex.determiners.contains(&lower) && lower != "her" {
                if self.lex.possessive_pronouns.contains(&lower) {
                    found = self.word(t);
                }
                start.get_or_insert(t.start);
                continue;
            }
            // "our field engineer", "our DBA": a role after the writers' possessive is someone
            // else, not the writers' thing.
            if let Some(role) = self.role_after_possessive(&toks, k, found) {
                return Phrase {
                    range: start.unwrap_or(t.start)..role.end,
                    found: Found::Person { first_person: false },
                };
            }
            let word = self.word(t);
            match word {
                // "our Usenet clients": after a possessive, a capitalised word names the thing owned.
                Found::Person { .. } if matches!(found, Found::Possessed { .. }) => {
                    return Phrase { range: start.unwrap_or(t.start)..t.end, found };
                }
                // "a faulty control board", "a misconfigured security group".
                Found::Person { .. } if k > 0 && self.thing_after_modifier(toks[k - 1], &lower) => {
                    return Phrase { range: start.unwrap_or(t.start)..t.end, found: Found::Thing };
                }
                Found::Person { .. } => {
                    // "the on-call rotation": a role noun naming a thing of that role.
                    if let Some(&n) = toks.get(k + 1)
                        && self.lex.roles.contains(&lower)
                        && !breaks(&self.text[t.end..n.start])
                        && self.lex.role_things.contains(&self.lower(n))
                    {
                        // "retrain the on-call rotation": a rotation or a shift that ends the
                        // phrase is the people on it ("the on-call rotation gap" is a thing).
                        let group = matches!(self.lower(n).as_str(), "rotation" | "rotations" | "shift" | "shifts");
                        let ends = toks.get(k + 2).is_none_or(|&m| {
                            let w = self.lower(m);
                            breaks(&self.text[n.end..m.start])
                                || self.lex.prepositions.contains(&w)
                                || self.lex.clause_words.contains(&w)
                                || self.lex.between.contains(&w)
                        });
                        let found = if group && ends { Found::Person { first_person: false } } else { Found::Thing };
                        return Phrase { range: start.unwrap_or(t.start)..n.end, found };
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

    /// Whether the match ending at byte `end` ends on a harm verb that tells a person's act
    /// only with an object (`needs_object`), and none follows: "**Greyhold deleted** (kept
    /// the same second)", "Greyhold deleted in the cleanup" tell what happened to Greyhold.
    pub fn lacks_object(&self, end: usize) -> bool {
        let before = self.text[..end].trim_end();
        let last = before.rsplit(|c: char| !(c.is_alphanumeric() || c == '-')).next().unwrap_or("");
        if !self.lex.needs_object.contains(&last.to_lowercase()) {
            return false;
        }
        let after = self.text[end.min(self.sentence.end)..self.sentence.end].trim_start_matches([' ', '\t', '*']);
        let mut chars = after.chars();
        match chars.next() {
            None => true,
            Some('.') => !chars.next().is_some_and(|c| c.is_alphanumeric() || c == '/'),
            Some('(' | ')' | ',' | ';' | ':' | '|' | '—' | '–' | '!' | '?' | '-' | '\n') => true,
            Some(_) => {
                let word = after.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("").to_lowercase();
                self.lex.prepositions.contains(&word)
                    || matches!(
                        word.as_str(),
                        "again" | "yet" | "too" | "also" | "later" | "earlier" | "today" | "overnight"
                    )
            }
        }
    }

    /// Whether `lower`, a word for people, names a thing after the word `before`: a group of
    /// things ("the consumer group", `thing_groups`), or a role word that software also has
    /// (`software_roles`) after a modifier that is not a determiner, a role, a word that keeps
    /// it a person or a company ("the build agent", "the Kubernetes operator", but "the night
    /// operator", "Google operators").
    fn thing_after_modifier(&self, before: Token, lower: &str) -> bool {
        let before = self.lower(before);
        if matches!(lower, "group" | "groups") && self.lex.thing_groups.contains(&before) {
            return true;
        }
        if matches!(lower, "manager" | "managers") && self.lex.thing_managers.contains(&before) {
            return true;
        }
        self.lex.software_roles.contains(lower)
            && !self.lex.determiners.contains(&before)
            && !self.lex.roles.contains(&before)
            && !self.lex.people_modifiers.contains(&before)
            && !self.lex.companies.contains(&before)
            && !self.lex.organisation(&before)
    }
}
