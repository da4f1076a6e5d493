//! The vocabulary of the context checks (`rules/lexicon.yaml`): role nouns, pronouns, words
//! that are capitalised without being names, auxiliaries and the like.

use std::collections::HashSet;
use std::sync::OnceLock;

use serde::Deserialize;

/// `rules/lexicon.yaml`, as the JSON `build.rs` makes of it (it loads several times faster).
const LEXICON: &str = include_str!(concat!(env!("OUT_DIR"), "/lexicon.json"));

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    roles: Vec<String>,
    subject_pronouns: Vec<String>,
    object_pronouns: Vec<String>,
    possessive_pronouns: Vec<String>,
    first_person: Vec<String>,
    not_names: Vec<String>,
    between_subject_and_verb: Vec<String>,
    clause_words: Vec<String>,
    prepositions: Vec<String>,
    determiners: Vec<String>,
    responder_verbs: Vec<String>,
    role_things: Vec<String>,
    software_roles: Vec<String>,
    software_cues: Vec<String>,
    people_modifiers: Vec<String>,
    machine_roles: Vec<String>,
    thing_groups: Vec<String>,
    thing_managers: Vec<String>,
    acronyms: Vec<String>,
    thing_nouns: Vec<String>,
    organisation_words: Vec<String>,
    organisation_cues: Vec<String>,
    organisation_kinds: Vec<String>,
    needs_object: Vec<String>,
    name_words: Vec<String>,
    companies: Vec<String>,
    departments: Vec<String>,
    denials: Vec<String>,
    denying_subjects: Vec<String>,
    after_denials: Vec<String>,
    topics: Vec<String>,
    conditionals: Vec<String>,
    general_people: Vec<String>,
    past_forms: Vec<String>,
    machine_modifiers: Vec<String>,
    deeds: Vec<String>,
    judgement_adjectives: Vec<String>,
}

#[derive(Debug, Clone)]
pub(super) struct Lexicon {
    pub roles: HashSet<String>,
    pub subject_pronouns: HashSet<String>,
    pub object_pronouns: HashSet<String>,
    pub possessive_pronouns: HashSet<String>,
    pub first_person: HashSet<String>,
    pub not_names: HashSet<String>,
    pub between: HashSet<String>,
    pub clause_words: HashSet<String>,
    pub prepositions: HashSet<String>,
    pub determiners: HashSet<String>,
    pub responder_verbs: HashSet<String>,
    pub role_things: HashSet<String>,
    pub software_roles: HashSet<String>,
    /// Words that make a sentence's `software_roles` software ("the operator reconciled the CRD").
    pub software_cues: HashSet<String>,
    pub people_modifiers: HashSet<String>,
    /// Role words that are software unless one of `people_modifiers` comes before them.
    pub machine_roles: HashSet<String>,
    pub thing_groups: HashSet<String>,
    /// Words before "manager" that make it software ("the process manager", "the package manager").
    pub thing_managers: HashSet<String>,
    pub acronyms: HashSet<String>,
    pub thing_nouns: HashSet<String>,
    /// Capitalised words that end an organisation's name ("Acme Corp", "Globex Bank").
    pub organisation_words: HashSet<String>,
    /// Nouns after a name, or after its possessive, that make it an organisation ("Hetzner
    /// support", "Equinix's customers").
    pub organisation_cues: HashSet<String>,
    /// Kinds of company before a name that make it a company's ("our provider Squarespace").
    pub organisation_kinds: HashSet<String>,
    /// Harm verbs that name a person's act only with an object after them: "Greyhold
    /// deleted (archived the same second)" tells what happened to Greyhold.
    pub needs_object: HashSet<String>,
    /// First names that are also common words ("Will", "Grace"): the document writing the
    /// word in lowercase elsewhere does not make them common nouns.
    pub name_words: HashSet<String>,
    /// Companies ("Google", "Cisco"): never names; before a role word, its people.
    pub companies: HashSet<String>,
    /// Departments ("Development", "Engineering"): a team when capitalised inside a sentence.
    pub departments: HashSet<String>,
    /// Frames that deny the blame after them in their clause (`denials` in the file), as one
    /// regex, compiled the first time a finding needs it.
    denials: Vec<String>,
    denying_subjects: Vec<String>,
    /// Fault denied after the blame, in the same sentence (`after_denials`).
    after_denials: Vec<String>,
    /// Blame or punishment named as a topic argued about (`topics`).
    topics: Vec<String>,
    denial: OnceLock<Denials>,
    /// Words that open a conditional clause ("if", "whenever").
    pub conditionals: HashSet<String>,
    /// Words for people in general ("people make mistakes", "if someone slips").
    pub general_people: HashSet<String>,
    /// Past tenses that do not end in "-ed" ("forgot", "ran"): a clause that holds one tells
    /// what happened, not a case.
    pub past_forms: HashSet<String>,
    /// Words before a software role word that make it a machine in the whole document ("the
    /// AI agent", "an autonomous coding agent").
    pub machine_modifiers: HashSet<String>,
    /// People's deeds and what they write by hand: what a judgement word is said of when it
    /// judges a person ("a careless change"), unlike a thing ("a stupid bug").
    pub deeds: HashSet<String>,
    /// Judgement words that may be said of a thing ("a stupid bug"), read for what they judge.
    pub judgement_adjectives: HashSet<String>,
}

/// The compiled `denials` and `denying_subjects` (None when a source does not compile, which
/// `tests::denials_compile` rules out).
#[derive(Debug, Clone)]
struct Denials {
    frames: Option<regex::Regex>,
    subjects: Option<regex::Regex>,
    after: Option<regex::Regex>,
    topics: Option<regex::Regex>,
}

fn set(words: Vec<String>) -> HashSet<String> {
    words.into_iter().map(|w| w.to_lowercase()).collect()
}

impl Lexicon {
    pub fn builtin() -> Result<Lexicon, String> {
        let f: LexiconFile = serde_json::from_str(LEXICON)
            .map_err(|e| format!("rules/lexicon.yaml: {}", super::rules::json_message(&e)))?;
        Ok(Lexicon {
            roles: set(f.roles),
            subject_pronouns: set(f.subject_pronouns),
            object_pronouns: set(f.object_pronouns),
            possessive_pronouns: set(f.possessive_pronouns),
            first_person: set(f.first_person),
            not_names: set(f.not_names.iter().chain(&f.companies).cloned().collect()),
            between: set(f.between_subject_and_verb),
            clause_words: set(f.clause_words),
            prepositions: set(f.prepositions),
            determiners: set(f.determiners),
            responder_verbs: set(f.responder_verbs),
            role_things: set(f.role_things),
            software_roles: set(f.software_roles),
            software_cues: set(f.software_cues),
            people_modifiers: set(f.people_modifiers),
            machine_roles: set(f.machine_roles),
            thing_groups: set(f.thing_groups),
            thing_managers: set(f.thing_managers),
            acronyms: set(f.acronyms),
            thing_nouns: set(f.thing_nouns),
            organisation_words: set(f.organisation_words),
            organisation_cues: set(f.organisation_cues),
            organisation_kinds: set(f.organisation_kinds),
            needs_object: set(f.needs_object),
            name_words: set(f.name_words),
            companies: set(f.companies),
            departments: set(f.departments),
            denials: f.denials,
            denying_subjects: f.denying_subjects,
            after_denials: f.after_denials,
            topics: f.topics,
            denial: OnceLock::new(),
            conditionals: set(f.conditionals),
            general_people: set(f.general_people),
            past_forms: set(f.past_forms),
            machine_modifiers: set(f.machine_modifiers),
            deeds: set(f.deeds),
            judgement_adjectives: set(f.judgement_adjectives),
        })
    }

    /// Whether a frame in `clause` that starts before `at` denies what follows it (see
    /// `denials`); with `subjects`, a denying subject counts too (see `denying_subjects`).
    pub fn denies(&self, clause: &str, at: usize, subjects: bool) -> bool {
        let d = self.denials();
        let starts_before =
            |r: &Option<regex::Regex>| r.as_ref().is_some_and(|r| r.find_iter(clause).any(|m| m.start() < at));
        starts_before(&d.frames) || (subjects && starts_before(&d.subjects))
    }

    /// Whether `rest`, the sentence after a blame finding, denies a person's fault ("…, but
    /// it was not his fault", "…, the responsibility isn't theirs"; `after_denials`).
    pub fn denies_after(&self, rest: &str) -> bool {
        self.denials().after.as_ref().is_some_and(|r| r.is_match(rest))
    }

    /// Whether `clause` names blame or punishment as a topic argued about, starting at or
    /// before `at` ("firing someone for one mistake will …"; `topics`).
    pub fn topic(&self, clause: &str, at: usize) -> bool {
        self.denials().topics.as_ref().is_some_and(|r| r.find_iter(clause).any(|m| m.start() <= at))
    }

    fn denials(&self) -> &Denials {
        let compile = |sources: &[String]| {
            let source = sources.iter().map(|d| format!("(?:{d})")).collect::<Vec<_>>().join("|");
            regex::RegexBuilder::new(&source).case_insensitive(true).build().ok()
        };
        self.denial.get_or_init(|| Denials {
            frames: compile(&self.denials),
            subjects: compile(&self.denying_subjects),
            after: compile(&self.after_denials),
            topics: compile(&self.topics),
        })
    }

    /// Whether a capitalised word looks like someone's name rather than a product, an
    /// acronym, a code identifier or a common noun. `sentence_start`: the word opens its
    /// sentence, where every word is capitalised, so common nouns need ruling out.
    pub fn looks_like_name(&self, word: &str, sentence_start: bool) -> bool {
        // Initials ("JM", "AK"), as timelines often name responders: two capitals
        // that are not a known acronym.
        let upper = word.chars().all(|c| c.is_ascii_uppercase());
        if upper && word.len() == 2 {
            let lower = word.to_lowercase();
            return !self.not_names.contains(&lower) && !self.acronyms.contains(&lower) && !self.roles.contains(&lower);
        }
        let mut chars = word.chars();
        let Some(first) = chars.next() else { return false };
        if !first.is_uppercase() || word.chars().count() < 2 {
            return false;
        }
        let rest: Vec<char> = chars.collect();
        // ACRONYMS, CamelCase, snake_case, version1, dotted.names are systems.
        let inner_upper =
            rest.iter().enumerate().any(|(i, c)| c.is_uppercase() && i > 0 && !matches!(rest[i - 1], '-' | '\'' | '’'));
        if inner_upper
            || rest.first().is_some_and(|c| c.is_uppercase())
            || word.chars().any(|c| c.is_ascii_digit() || matches!(c, '_' | '.' | '/' | ':' | '@'))
        {
            return false;
        }
        let lower = word.to_lowercase();
        if self.not_names.contains(&lower) || self.roles.contains(&lower) || self.organisation(&lower) {
            return false;
        }
        // "Out-of-Memory", "Man-in-the-Middle": a compound joined by a small word is a term,
        // not a name ("Jean-Luc", "Soo-ah").
        const JOINERS: [&str; 10] = ["of", "in", "the", "a", "to", "on", "by", "for", "and", "at"];
        if word.split('-').skip(1).any(|part| JOINERS.contains(&part)) {
            return false;
        }
        // "a Firezone-side configuration mistake", "Azure-hosted": a compound adjective.
        const ADJECTIVE_ENDS: [&str; 12] = [
            "side", "based", "hosted", "owned", "managed", "run", "specific", "wide", "facing", "only", "related",
            "level",
        ];
        if word.rsplit_once('-').is_some_and(|(_, end)| ADJECTIVE_ENDS.contains(&end.to_lowercase().as_str())) {
            return false;
        }
        if !sentence_start {
            return true;
        }
        // "At 3:31 pm, ...", "On ...": a preposition or a determiner opening the sentence.
        // "Website crashes as ...": a thing's common name opening the sentence (or a table cell).
        if self.prepositions.contains(&lower)
            || self.determiners.contains(&lower)
            || self.clause_words.contains(&lower)
            || self.thing_nouns.contains(&lower)
        {
            return false;
        }
        // "Leaked connections accumulated", "Assumed the issue was …": a participle or a past
        // tense opening the sentence, unless a name ends that way (Ahmed, Saeed: `name_words`).
        if lower.len() >= 5 && lower.ends_with("ed") && !self.name_words.contains(&lower) {
            return false;
        }
        // At the start of a sentence, rule out what is most likely a common noun.
        const NOUN_ENDINGS: [&str; 14] =
            ["ing", "tion", "sion", "ment", "ness", "ity", "ance", "ence", "ism", "ics", "ships", "ure", "age", "ers"];
        // "Lars", "Piers": a name; "Servers", "Errors", "Hours": plurals.
        let name_in_rs =
            lower.ends_with("rs") && !["ers", "ors", "urs", "irs", "ears"].iter().any(|e| lower.ends_with(e));
        let plural = lower.ends_with('s')
            && !name_in_rs
            && !lower.ends_with("ss")
            && !lower.ends_with("us")
            && !lower.ends_with("is")
            && !lower.ends_with("os")
            && !lower.ends_with("as");
        !(NOUN_ENDINGS.iter().any(|e| lower.ends_with(e)) || plural)
    }

    /// Whether a capitalised word (lowercase here) names an organisation by its form: a word
    /// that ends a company's name ("Corp", "Bank") or one built on it ("Citibank", "Microsoft").
    pub fn organisation(&self, lower: &str) -> bool {
        self.organisation_words.contains(lower)
            || ["bank", "soft", "corp"].iter().any(|e| lower.len() > e.len() + 2 && lower.ends_with(e))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn denials_compile() {
        let lex = Lexicon::builtin().unwrap();
        assert!(lex.denies("It would be wrong to say the engineer was negligent", 40, false));
        assert!(lex.denies("Nobody was careless", 11, true));
        assert!(!lex.denies("Nobody was careless", 11, false));
        let d = lex.denial.get().unwrap();
        assert!(
            d.frames.is_some() && d.subjects.is_some() && d.after.is_some() && d.topics.is_some(),
            "every source in `denials`, `denying_subjects`, `after_denials` and `topics` compiles"
        );
    }
}
