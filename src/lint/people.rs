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
    pub(super) names: HashSet<String>,
    /// Capitalised words the document uses as the names of things (see `People::learn_things`).
    pub(super) things: HashSet<String>,
    /// Capitalised words the document also writes in lowercase, in prose (see
    /// `People::learn_common_words`).
    pub(super) common: HashSet<String>,
    /// Role words the document uses for software ("the agent" beside "an autonomous coding
    /// agent"; see `People::learn_machine_roles`).
    pub(super) machines: HashSet<String>,
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

    /// Whether the document uses this capitalised word (lowercase here) as the name of a
    /// thing, and nobody named it a person.
    pub(super) fn is_thing(&self, lower: &str) -> bool {
        self.things.contains(lower) && !self.names.contains(lower)
    }

    /// Whether the document writes this capitalised word (lowercase here) in lowercase too,
    /// after another lowercase word: a common noun capitalised by its place ("Data loss was
    /// small" beside "the data was restored"), not a name.
    pub(super) fn is_common(&self, lower: &str) -> bool {
        self.common.contains(lower) && !self.names.contains(lower)
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
    /// Whether `stem` is "IT", the department, doing something: "IT has managed to break our
    /// systems", "IT decided to run a cleanup" (not "IT systems", not a line in capitals).
    fn it_department(&self, t: Token, stem: &str) -> bool {
        const DOES: [&str; 16] = [
            "has", "had", "have", "is", "was", "did", "does", "never", "still", "should", "could", "would", "will",
            "can", "broke", "took",
        ];
        if stem != "IT" {
            return false;
        }
        let next = self.text[t.end..].trim_start_matches(['\'', '’', 's']).trim_start();
        let next = next.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        DOES.contains(&next) || (next.len() > 3 && next.ends_with("ed") && next.starts_with(char::is_lowercase))
    }

    /// Whether the word at `t` is someone other than the writers, or their thing ("Dave",
    /// "the engineer", "her", "Dave's").
    pub(super) fn someone_else(&self, t: Token) -> bool {
        matches!(self.word(t), Found::Person { first_person: false } | Found::Possessed { first_person: false })
    }

    /// What one word is, in a subject or object position.
    pub(super) fn word(&self, t: Token) -> Found {
        let word = t.text(self.text);
        let (stem, possessive) = match word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")) {
            Some(stem) => (stem, true),
            None => (word, false),
        };
        // "I’d taken down", "they've": a pronoun with its auxiliary.
        let stem = ["'d", "’d", "'ve", "’ve", "'ll", "’ll", "'m", "’m", "'re", "’re"]
            .iter()
            .find_map(|c| stem.strip_suffix(c))
            .filter(|p| self.lex.subject_pronouns.contains(&p.to_lowercase()))
            .unwrap_or(stem);
        let lower = stem.to_lowercase();
        let lex = self.lex;
        let first_person = lex.first_person.contains(&lower) && !self.addressed(t, &lower);
        // An @handle is somebody's chat name.
        let handle = self.text[..t.start].ends_with('@');
        // "3:31 pm": a time of day, not a product manager.
        let clock = matches!(lower.as_str(), "pm" | "am")
            && self.text[..t.start].trim_end().ends_with(|c: char| c.is_ascii_digit());
        let opening = opens_sentence(self.text, self.sentence.start, t);
        let person = !clock
            && (handle
                || initials(stem)
                || lex.subject_pronouns.contains(&lower)
                || lex.object_pronouns.contains(&lower)
                || ((lex.roles.contains(&lower)
                    // "the devs/admins": roles either way.
                    || (lower.contains('/') && lower.split('/').all(|r| lex.roles.contains(r))))
                    && !self.machine(t, &lower))
                || (!opening
                    && lex.departments.contains(&lower)
                    && stem.starts_with(char::is_uppercase)
                    && !self.title_case())
                || self.people.contains(&lower)
                // A capitalised possessive ("Ines's") is a name even where a plural could stand.
                || (lex.looks_like_name(
                    stem,
                    opening && !possessive && !(stem.ends_with('s') && before_singular_verb(self.text, t)),
                )
                    && !self.people.is_thing(&lower)
                    && !self.people.is_common(&lower)
                    && !self.dated(t)
                    && !self.after_article(t)
                    && !self.title_case()));
        // "Root cause: Routine maintenance …": after a label's colon, a capitalised word before a
        // plain lowercase word opens a phrase, as at a sentence's start.
        let common_noun = !handle && !possessive && self.after_label(t) && {
            let words = tokens(self.text, t.start..self.sentence.end);
            self.common_noun_opening(&words, t)
        };
        // "Like pirates chasing a mirage, we …": a preposition or determiner opening the
        // sentence is not a name, whatever follows it.
        // Capitalised inside a sentence ("Why Did This Happen?"), such a word is no name either.
        let capitalised = !opening
            && stem.starts_with(char::is_uppercase)
            && !lex.subject_pronouns.contains(&lower)
            && !lex.object_pronouns.contains(&lower);
        let function_word = (opening || capitalised)
            && (lex.prepositions.contains(&lower)
                || lex.determiners.contains(&lower)
                || lex.clause_words.contains(&lower));
        // "Result: Deleted/corrupted 2,295 files": after a label's colon, a word in -ed opens the
        // phrase as it would a sentence ("Leaked connections …"), a participle, not a name.
        let participle = !handle
            && self.after_label(t)
            && lower.len() >= 5
            && lower.ends_with("ed")
            && !lex.name_words.contains(&lower)
            && !self.people.contains(&lower);
        let person = person
            && !common_noun
            && !function_word
            && !participle
            && !self.organisation(t, &lower)
            && !self.software(&lower);
        let person = person || self.it_department(t, stem);
        if (lex.possessive_pronouns.contains(&lower) && lower != "her") || (person && possessive) {
            Found::Possessed { first_person }
        } else if person {
            Found::Person { first_person }
        } else {
            Found::Thing
        }
    }

    /// Whether the capitalised word `t` (lowercase `lower`) is an organisation's name or ends
    /// one: "Corp" in "Acme Corp", or "Acme" before it. A company is not a person.
    fn organisation(&self, t: Token, lower: &str) -> bool {
        let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        if !capital(t.text(self.text)) {
            return false;
        }
        let next = self.text[t.end..].strip_prefix(' ').unwrap_or("");
        let next: &str = next.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        // "our domain provider Squarespace", "the host Linode": a company named after its kind.
        let before = self.text[..t.start].trim_end();
        let kind = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("").to_lowercase();
        // "Remove Lubuntu ISO": a product before its kind's capitals (ISO, VM, API).
        let acronym = next.len() >= 2 && next.len() <= 5 && next.chars().all(|c| c.is_ascii_uppercase());
        self.lex.organisation_words.contains(lower)
            || (capital(next) && self.lex.organisation_words.contains(&next.to_lowercase()))
            || (!self.people.contains(lower) && (acronym || self.lex.organisation_kinds.contains(&kind)))
    }

    /// Whether the role word `t` (lowercase `lower`) names software here: the document uses it
    /// for a machine ("an autonomous coding agent") and no word that keeps it a person stands
    /// before it ("the support agent", `people_modifiers`).
    fn machine(&self, t: Token, lower: &str) -> bool {
        if !self.people.machines.contains(lower) && !self.lex.machine_roles.contains(lower) {
            return false;
        }
        let before = self.text[..t.start].trim_end();
        let prev = before.rsplit(|c: char| !(c.is_alphanumeric() || c == '-')).next().unwrap_or("");
        !self.lex.people_modifiers.contains(&prev.to_lowercase())
    }

    /// Whether `lower`, a role word that software has too (`software_roles`), is software
    /// here: its sentence holds a word only software does (`software_cues`: "the operator
    /// reconciled the CRD", "the agent lost its heartbeat").
    fn software(&self, lower: &str) -> bool {
        self.lex.software_roles.contains(lower)
            && self.text[self.sentence.clone()]
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| self.lex.software_cues.contains(&w.to_lowercase()))
    }

    /// Whether the sentence is written in title case ("Why Did This Happen?", "When a Missing
    /// Semicolon Broke the Site"), where a capital is no sign of a name.
    fn title_case(&self) -> bool {
        let (mut words, mut capitals) = (0, 0);
        for w in self.text[self.sentence.clone()].split(|c: char| !c.is_alphabetic()).filter(|w| w.len() >= 4) {
            words += 1;
            capitals += usize::from(w.starts_with(char::is_uppercase));
        }
        words >= 3 && capitals * 5 >= words * 4
    }

    /// Whether the word `t` follows a label's colon ("Root cause: Routine …") or a bold label's dash.
    fn after_label(&self, t: Token) -> bool {
        let before = self.text[self.sentence.start..t.start].trim_end_matches([' ', '\t', '*', '_']);
        // "**Triage** - Assumed …": a bold label (blanked to `_`) ended by a dash.
        let dashed =
            before.strip_suffix(['-', '–', '—']).is_some_and(|b| b.ends_with(' ') && b.trim_end().ends_with('_'));
        before.ends_with(':') || dashed
    }

    /// Whether the word `t` comes right after an article: a name takes none ("caused by the
    /// Alliance Tournament", "a Kubernetes upgrade").
    fn after_article(&self, t: Token) -> bool {
        let before = self.text[self.sentence.start..t.start].strip_suffix(' ').unwrap_or("");
        let word = before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        ["the", "a", "an"].iter().any(|a| word.eq_ignore_ascii_case(a))
    }

    /// Whether the word `t` is a date's month, however spelt: after "on", "in", "by",
    /// "since", "until" or "from", and before a day ("On Janurary 10 a plugin ...").
    fn dated(&self, t: Token) -> bool {
        let after = self.text[t.end..].trim_start_matches([' ', '\t']);
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        let day_ends = (1..=2).contains(&digits)
            && (after[digits..].chars().next().is_none_or(|c| !c.is_alphanumeric())
                || ["st", "nd", "rd", "th"].iter().any(|s| after[digits..].starts_with(s)));
        let before = self.text[..t.start].trim_end();
        let preposition = before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        // "an employee in April mistakenly issued": a month after a preposition, with no day.
        // The other months are in `not_names`; these four are also first names.
        const MONTHS: [&str; 4] = ["april", "may", "june", "august"];
        let after_preposition =
            ["on", "in", "by", "since", "until", "from", "of", "during", "early", "late", "mid", "last"]
                .iter()
                .any(|p| preposition.eq_ignore_ascii_case(p));
        // "(4 August 2016)", "the 12th of May": a day before it.
        let last = before.rsplit(char::is_whitespace).next().unwrap_or("").trim_start_matches('(');
        let day = ["st", "nd", "rd", "th", ""].iter().find_map(|s| last.strip_suffix(s)).unwrap_or(last);
        let after_day = (1..=2).contains(&day.len()) && day.bytes().all(|b| b.is_ascii_digit());
        (after_preposition || after_day)
            && (day_ends || MONTHS.iter().any(|m| t.text(self.text).eq_ignore_ascii_case(m)))
    }

    /// Whether `gap`, after the word `t`, breaks a phrase: the stop after initials ("M.K.
    /// restarts") does not.
    pub(super) fn breaks_after(&self, t: Token, gap: &str) -> bool {
        breaks(gap) && !(gap.trim_end() == "." && initials(t.text(self.text)))
    }

    pub(super) fn lower(&self, t: Token) -> String {
        t.text(self.text).to_lowercase()
    }
}

/// Whether the word after `t` reads as a verb agreeing with one subject ("Nils drops", "Jules
/// restarts"): a plural noun opening a sentence takes "drop", so a word ending in -s before
/// such a verb is a name, not a plural.
fn before_singular_verb(text: &str, t: Token) -> bool {
    let after = text[t.end..].trim_start_matches([' ', '\t']);
    let next: String = after.chars().take_while(|c| c.is_ascii_lowercase()).collect();
    next.len() > 3
        && next.ends_with('s')
        && !next.ends_with("ss")
        && !next.ends_with("us")
        && !next.ends_with("is")
        && ![
            "was",
            "has",
            "does",
            "this",
            "its",
            "always",
            "perhaps",
            "hers",
            "yes",
            "plus",
            "thus",
            "whereas",
            "across",
            "besides",
            "towards",
            "afterwards",
            "sometimes",
            "nowadays",
            "ours",
            "theirs",
        ]
        .contains(&next.as_str())
}

/// Initials written with full stops: "M.K.", "J.R.R." (the last stop is not part of the word).
pub(super) fn initials(word: &str) -> bool {
    let parts: Vec<&str> = word.trim_end_matches('.').split('.').collect();
    parts.len() >= 2 && parts.iter().all(|p| p.len() == 1 && p.chars().all(|c| c.is_ascii_uppercase()))
}
