//! The blameless-language checker: rules as data, a matcher that reads context (who is the
//! subject, is it a question, is it quoted code), findings with byte spans, suppression, and
//! the completeness checks of a document.
//!
//! For the editor: [`Checker::check_text`] checks one field's text (cheap enough to run on
//! every change; [`SectionChecker`] also reuses findings of unchanged paragraphs), findings
//! carry byte spans into that text, [`apply_rewrite`] applies a suggested rewrite, and
//! [`dismiss`] records a dismissal in the document, which every later check honours.

mod addressed;
mod cases;
mod config;
mod document;
mod files;
mod foreign;
mod gate;
mod gate_tables;
mod headings;
mod incremental;
mod join;
mod learn;
mod lexicon;
mod mask;
mod matcher;
mod opener;
pub mod output;
mod pattern;
mod people;
mod phrases;
#[cfg(test)]
mod profile;
mod qualifiers;
mod reach;
mod rewrite;
pub mod rules;
mod ruleset;
mod sieve;
mod stance;
mod suppress;
mod tokens;
mod triggers;

use std::ops::Range;

/// The sentences of labelled corpus files (`tests/lint_corpus/*.txt`: `label | category |
/// sentence`, `#` comments), for the tests of the checker's parts.
#[cfg(test)]
fn labelled(files: &[&'static str]) -> Vec<&'static str> {
    files
        .iter()
        .flat_map(|s| s.lines())
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.splitn(3, '|').nth(2).map(str::trim))
        .collect()
}

use serde::{Deserialize, Serialize};

pub use config::{CONFIG_FILE, Config, Level, config_for, find_config};
pub use document::{DOC_RULES, DocFinding, DocRule, Field, Place, check_field, fields};
pub use files::{
    FileKind, FileReport, Located, SkippedExport, check_file, check_source, collect_files, collect_sources,
};
pub use incremental::SectionChecker;
pub use people::People;
pub use rewrite::apply_rewrite;
pub use rules::{Rule, RuleSet};
pub use suppress::{dismiss, is_dismissed};

use crate::doc::{Document, Severity};

/// What a rule is about: the twelve blame patterns, and the document checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    PersonAsCause,
    HumanError,
    Omission,
    Character,
    Counterfactual,
    Hindsight,
    Minimiser,
    SingleCause,
    RuleViolation,
    FixPeople,
    PersonQuestion,
    LoadedTone,
    /// Required sections, owners, due dates, evidence, times: what a complete review has.
    Completeness,
    /// `validate`'s findings: times, markers, severities, duplicates.
    Consistency,
}

impl Category {
    pub const LANGUAGE: [Category; 12] = [
        Category::PersonAsCause,
        Category::HumanError,
        Category::Omission,
        Category::Character,
        Category::Counterfactual,
        Category::Hindsight,
        Category::Minimiser,
        Category::SingleCause,
        Category::RuleViolation,
        Category::FixPeople,
        Category::PersonQuestion,
        Category::LoadedTone,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::PersonAsCause => "person-as-cause",
            Category::HumanError => "human-error",
            Category::Omission => "omission",
            Category::Character => "character",
            Category::Counterfactual => "counterfactual",
            Category::Hindsight => "hindsight",
            Category::Minimiser => "minimiser",
            Category::SingleCause => "single-cause",
            Category::RuleViolation => "rule-violation",
            Category::FixPeople => "fix-people",
            Category::PersonQuestion => "person-question",
            Category::LoadedTone => "loaded-tone",
            Category::Completeness => "completeness",
            Category::Consistency => "consistency",
        }
    }

    pub fn parse(s: &str) -> Option<Category> {
        Category::LANGUAGE.into_iter().chain([Category::Completeness, Category::Consistency]).find(|c| c.as_str() == s)
    }
}

/// Where text sits in a postmortem; rules say where they apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    /// Narrative text: sections, answers, contributing factors, the title.
    Prose,
    /// A timeline entry's event.
    Timeline,
    /// A follow-up action.
    Actions,
    /// A sentence that ends with `?`, wherever it is.
    Questions,
}

impl Scope {
    pub const ALL: [Scope; 4] = [Scope::Prose, Scope::Timeline, Scope::Actions, Scope::Questions];
}

/// A finding in one piece of text, with byte spans into that text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TextFinding {
    pub rule: String,
    pub category: Category,
    pub severity: Severity,
    /// The words to underline.
    pub span: Range<usize>,
    /// The words flagged, as written (what a dismissal records).
    pub text: String,
    pub message: String,
    pub suggestion: Option<String>,
    /// A replacement the editor can apply with one key, when the rule has one.
    pub rewrite: Option<Rewrite>,
}

/// Replace `span` (bytes of the checked text) with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rewrite {
    pub span: Range<usize>,
    pub replacement: String,
}

/// The rules, the vocabulary they use and the team's configuration, ready to check text.
#[derive(Debug, Clone)]
pub struct Checker {
    rules: RuleSet,
    lexicon: lexicon::Lexicon,
    config: Config,
    /// The configuration's allowed phrases, as one pattern.
    allowed: Option<regex_automata::meta::Regex>,
    /// Short texts are searched with the patterns compiled the quick way: see
    /// [`Checker::with_quick_forms`].
    quick_forms: bool,
}

impl Checker {
    /// The built-in rules with a team's configuration (rules switched off or re-levelled,
    /// extra names, allowed phrases).
    pub fn new(config: Config) -> Result<Checker, String> {
        let allowed = if config.allow.is_empty() {
            None
        } else {
            let words: Vec<String> = config.allow.iter().map(|p| regex::escape(p.trim())).collect();
            Some(
                pattern::regex(&format!(r"\b(?:{})\b", words.join("|")))
                    .map_err(|e| format!("allowed phrases: {e}"))?,
            )
        };
        // The lexicon is read on a thread of its own while the rules load.
        let (rules, lexicon) = std::thread::scope(|scope| {
            let lexicon = scope.spawn(lexicon::Lexicon::builtin);
            (RuleSet::builtin(), lexicon.join())
        });
        let lexicon = lexicon.map_err(|_| "the lexicon could not be read".to_string())??;
        Ok(Checker { rules: rules?, lexicon, config, allowed, quick_forms: false })
    }

    /// A checker for an editor, which checks a few paragraphs at a time and waits for its
    /// first check: short texts are searched with the patterns compiled the quick way
    /// (mostly regex-lite: ~5x cheaper to compile, several times slower to search). A bulk
    /// check (`lint`, `export`, the library) is faster with the full forms, the default.
    pub fn with_quick_forms(mut self) -> Checker {
        self.quick_forms = true;
        self
    }

    /// The built-in rules as they ship.
    pub fn builtin() -> Result<Checker, String> {
        Checker::new(Config::default())
    }

    pub fn rules(&self) -> &[Rule] {
        &self.rules.rules
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The people of a document (authors, owners, people named in the timeline) plus the
    /// names in the configuration.
    pub fn people(&self, doc: &Document) -> People {
        let mut people = People::from_document(doc, &self.lexicon);
        people.add_all(&self.config.people);
        for field in fields(doc) {
            if let Some(text) = field.text(doc) {
                people.learn_things(text, &self.lexicon);
            }
        }
        people
    }

    /// The people of a Markdown file: the names in the configuration, and the capitalised
    /// words the file itself uses as the names of things.
    pub fn markdown_people(&self, text: &str) -> People {
        let mut people = People::new();
        people.add_all(&self.config.people);
        people.learn_things(text, &self.lexicon);
        people
    }

    /// Which patterns `texts` can match (by where the gate's trigger words are): what
    /// [`Checker::compile_open`] compiles.
    pub fn open_patterns(&self, texts: &[&str]) -> Vec<bool> {
        let mut open = vec![false; self.rules.owners.len()];
        for text in texts {
            self.rules.gate.mark_open(&self.rules.gate.hits(text), text, &self.rules.reach, &mut open);
        }
        open
    }

    /// Compiles now, on the calling thread, the `open` patterns (see
    /// [`Checker::open_patterns`]) whose number modulo `of` is `part`, so that several threads
    /// can share that work before a check, in the form the check will use on short texts
    /// (see [`Checker::with_quick_forms`]).
    pub fn compile_open(&self, open: &[bool], part: usize, of: usize) {
        for (k, &(r, p)) in self.rules.owners.iter().enumerate() {
            let rule = &self.rules.rules[r];
            if open.get(k) == Some(&true) && k % of.max(1) == part && self.config.enabled(rule) {
                let lazy = &rule.patterns[p].regex;
                if self.quick_forms {
                    lazy.quick()
                } else {
                    lazy.full()
                };
            }
        }
    }

    /// Checks one field's text — Markdown in a section, a timeline event, an action title —
    /// with everything that applies to it: code and quotes skipped, the `blameless-disable`
    /// comments, the configuration. Dismissals are the document's: see [`is_dismissed`].
    pub fn check_text(&self, text: &str, scope: Scope, people: &People) -> Vec<TextFinding> {
        self.check_prepared(text, mask::prepare(text, scope, false), people)
    }

    /// Checks a whole Markdown file: as [`Checker::check_text`], and headings set the scope
    /// of what follows them ("Timeline", "Action items").
    pub fn check_markdown(&self, text: &str, people: &People) -> Vec<TextFinding> {
        self.check_prepared(text, mask::prepare(text, Scope::Prose, true), people)
    }

    /// Runs the rules over `text`, prepared as `prepared`; where lines are wrapped inside a
    /// paragraph, over the text with them joined (`join.rs`), the findings placed back.
    fn check_prepared(&self, text: &str, prepared: mask::Prepared, people: &People) -> Vec<TextFinding> {
        match join::Joined::new(text, &prepared) {
            None => self.finish(&prepared, matcher::run(self, text, &prepared, people)),
            // Comments name lines as written: the findings are placed back before they are read.
            Some(joined) => {
                let found = matcher::run(self, &joined.text, &joined.prepared, people);
                self.finish(&prepared, found.into_iter().map(|f| joined.place(text, f)).collect())
            }
        }
    }

    fn finish(&self, prepared: &mask::Prepared, found: Vec<TextFinding>) -> Vec<TextFinding> {
        found
            .into_iter()
            .filter(|f| !suppress::by_comment(prepared, f))
            .filter_map(|f| self.config.apply(f))
            // In a heading only wording that blames is shown: a heading's framing ("Root cause of
            // the outage") is a section's name.
            .filter(|f| {
                f.severity >= Severity::Warning || !prepared.headlines.iter().any(|h| h.contains(&f.span.start))
            })
            .collect()
    }

    /// Checks a document: the language of every field, completeness, and `validate`'s
    /// findings. `scale` is the template's severity scale when known; `now` enables the
    /// check for times in the future.
    pub fn check_document(
        &self,
        doc: &Document,
        scale: Option<&[String]>,
        now: Option<chrono::DateTime<chrono::Utc>>,
    ) -> Vec<DocFinding> {
        document::check(self, doc, scale, now)
    }

    /// As [`Checker::check_document`], without the wording: completeness and `validate`'s
    /// findings (for an editor, which checks the wording as it is typed).
    pub fn check_document_items(
        &self,
        doc: &Document,
        scale: Option<&[String]>,
        now: Option<chrono::DateTime<chrono::Utc>>,
    ) -> Vec<DocFinding> {
        document::check_items(self, doc, scale, now)
    }
}
