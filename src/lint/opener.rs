//! Who opens a sentence or a clause: the first noun phrases, past times, list markers and an
//! opening preposition's phrase, telling a name from a common noun capitalised only because it
//! starts the sentence. Part of the clause reader (see `people.rs`, `phrases.rs`).

use super::people::{Found, Phrase, Reader};
use super::tokens::{Token, breaks, tokens};

impl Reader<'_> {
    /// Who opens the sentence: a person or a person's thing among its first words (past
    /// times, list markers and an opening preposition's phrase), else a thing.
    pub fn opener(&self) -> Phrase {
        let toks = tokens(self.text, self.sentence.clone());
        let mut words: Vec<Token> =
            toks.iter().copied().filter(|t| !t.text(self.text).chars().any(|c| c.is_ascii_digit())).collect();
        // "What Happened: A debug flag was …": a label's words are not the sentence's opener.
        // "Wispr - working on the CD tooling …": so are the words before a spaced dash, unless
        // a deed follows the dash ("Dave - accidentally deleted …", "Dave - restarted …").
        let ends_label = |t: Token| {
            let after = self.text[t.end..].trim_start_matches(['*', '_']);
            let dash = [" - ", " – ", " — "].iter().find(|d| after.starts_with(**d));
            let deed = dash.is_some_and(|d| {
                let next = after[d.len()..].split(|c: char| !c.is_alphabetic()).next().unwrap_or("").to_lowercase();
                next.ends_with("ed") || next.ends_with("ly") || self.lex.responder_verbs.contains(&next)
            });
            after.starts_with(':') || (dash.is_some() && !deed)
        };
        if let Some(k) = (0..words.len().min(4)).find(|&k| ends_label(words[k]) && k + 1 < words.len()) {
            words.drain(..=k);
        }
        // The first words, and the first three after an opening phrase ("As it turns out, Jonas
        // ...", "According to the report, Google employees ...").
        let after_comma = (1..words.len().min(7)).find(|&k| self.text[words[k - 1].end..words[k].start].contains(','));
        let candidates = words.iter().take(4).chain(after_comma.map_or(&[][..], |k| &words[k..words.len().min(k + 3)]));
        for &t in candidates {
            if let found @ (Found::Person { .. } | Found::Possessed { .. }) = self.word(t) {
                // "Thanks to Bo's typo, …": a person's thing after "thanks to" is what brought
                // about the rest ("Thanks to Aiko, …" stays thanks given).
                let brought_about = matches!(found, Found::Possessed { .. }) && self.after_thanks_to(t);
                if self.common_noun_opening(&words, t)
                    || (self.governed(t) && !brought_about)
                    || self.thing_phrase(&words, t)
                {
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
    pub(super) fn common_noun_opening(&self, words: &[Token], t: Token) -> bool {
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
            // "Sam restarts"; not "Direct access", "Status", "Analysis" (no verb ends so).
            || (n.ends_with('s') && !n.ends_with("ss") && !n.ends_with("us") && !n.ends_with("is"))
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
        let words: Vec<Token> =
            toks[from..].iter().copied().filter(|t| !t.text(self.text).chars().any(|c| c.is_ascii_digit())).collect();
        for &t in words.iter().take(4) {
            if let found @ (Found::Person { .. } | Found::Possessed { .. }) = self.word(t)
                && !self.governed(t)
                && !self.thing_phrase(&words, t)
            {
                return Phrase { range: t.start..t.end, found };
            }
        }
        Phrase { range: at..at, found: if toks.is_empty() { Found::Nothing } else { Found::Thing } }
    }

    /// Whether byte `at` opens a restrictive relative clause of a thing: "a refactor that
    /// accidentally corrupts", "a script which inadvertently deleted" (no comma before the
    /// pronoun: ", which" may refer back to the whole act before it).
    pub(super) fn thing_that_acts(&self, at: usize) -> bool {
        let toks = tokens(self.text, self.sentence.start..at);
        let mut k = toks.len();
        // Words between the pronoun and the verb: "that then quietly …", "that was …".
        while k > 0 && {
            let w = self.lower(toks[k - 1]);
            self.lex.between.contains(&w) || (w.len() > 4 && w.ends_with("ly"))
        } {
            k -= 1;
        }
        if k < 2 || !matches!(self.lower(toks[k - 1]).as_str(), "that" | "which") {
            return false;
        }
        let (pronoun, head) = (toks[k - 1], toks[k - 2]);
        // A noun before it: "and that is what took …" opens a clause of its own.
        let word = self.lower(head);
        let noun = !self.lex.clause_words.contains(&word) && !self.lex.prepositions.contains(&word);
        noun && self.text[head.end..pronoun.start].trim().is_empty()
            && self.phrase_ending(&toks[..k - 1], head).found == Found::Thing
    }

    /// Whether the word `t` is the object of a preposition right before it ("curl from Mac",
    /// "thanks to Aiko"): not who acts. "by", "after" and the like are left out: "after Dave
    /// deployed" is Dave acting.
    fn governed(&self, t: Token) -> bool {
        const GOVERNING: [&str; 16] = [
            "from", "to", "with", "via", "of", "into", "onto", "at", "in", "on", "for", "about", "against", "through",
            "like", "per",
        ];
        let before = &self.text[self.sentence.start..t.start];
        let gap = before.len() - before.trim_end_matches(' ').len();
        let word = before.trim_end_matches(' ').rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        gap == 1 && GOVERNING.iter().any(|g| word.eq_ignore_ascii_case(g))
    }

    /// Whether the word `t` comes right after "thanks to".
    fn after_thanks_to(&self, t: Token) -> bool {
        let before = self.text[self.sentence.start..t.start].trim_end_matches(' ').to_ascii_lowercase();
        before.ends_with("thanks to") && !before[..before.len() - 9].ends_with(char::is_alphanumeric)
    }

    /// Whether `t`, among `words`, ends a phrase that names a thing although `t` alone reads
    /// as people: a role word software also has after a modifier ("The build agent was not
    /// stuck"), a group of things ("Database security group inadvertently set to …").
    fn thing_phrase(&self, words: &[Token], t: Token) -> bool {
        let k = words.iter().position(|&w| w == t).unwrap_or(0);
        k > 0 && self.phrase_ending(&words[..=k], t).found == Found::Thing
    }
}
