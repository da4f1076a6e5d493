//! Rules as data: the YAML files in `src/lint/rules/`, one per category, embedded in the
//! binary. Each rule has an id, a category, a severity, where it applies (scope), patterns,
//! context checks (who the subject or object must be), exceptions, a message, a suggestion,
//! an optional rewrite and a short rationale. Loading checks every field, so a bad rule file
//! fails the test suite rather than a user's run.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use regex_automata::meta::{self, Regex};
use regex_automata::util::syntax;
use serde::Deserialize;

use super::{Category, Scope};
use crate::doc::Severity;
use crate::store::yaml;

/// `(file name, YAML text)` of every built-in rule file.
pub const RULE_FILES: [(&str, &str); 12] = [
    ("person-as-cause.yaml", include_str!("rules/person-as-cause.yaml")),
    ("human-error.yaml", include_str!("rules/human-error.yaml")),
    ("omission.yaml", include_str!("rules/omission.yaml")),
    ("character.yaml", include_str!("rules/character.yaml")),
    ("counterfactual.yaml", include_str!("rules/counterfactual.yaml")),
    ("hindsight.yaml", include_str!("rules/hindsight.yaml")),
    ("minimiser.yaml", include_str!("rules/minimiser.yaml")),
    ("single-cause.yaml", include_str!("rules/single-cause.yaml")),
    ("rule-violation.yaml", include_str!("rules/rule-violation.yaml")),
    ("fix-people.yaml", include_str!("rules/fix-people.yaml")),
    ("person-question.yaml", include_str!("rules/person-question.yaml")),
    ("loaded-tone.yaml", include_str!("rules/loaded-tone.yaml")),
];

/// Who a context check wants to find.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Who {
    /// A person: a name, a role noun (engineer, on-call, team), a pronoun (he, she, they, we).
    Person,
    /// Someone other than the writers: like `person`, without `I`, `we` and `you`.
    Named,
    /// A person, or no subject at all (an imperative such as "be more careful"); not a system.
    PersonOrNone,
    /// A named person or the possessor of the phrase ("Dave's deploy", "his change").
    Owner,
    /// No noun phrase at all: the match opens its clause ("Who approved ...?").
    Nothing,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    category: Category,
    rules: Vec<RuleSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleSpec {
    id: String,
    severity: RuleSeverity,
    #[serde(default)]
    scope: Option<Vec<Scope>>,
    patterns: Vec<PatternSpec>,
    #[serde(default)]
    exceptions: Vec<String>,
    /// The noun phrase just before the match (the subject of the verb matched).
    #[serde(default)]
    subject: Option<Who>,
    /// The noun phrase just after the match.
    #[serde(default)]
    object: Option<Who>,
    /// The first noun phrase of the clause (who is acting in it).
    #[serde(default)]
    actor: Option<Who>,
    message: String,
    #[serde(default)]
    suggestion: Option<String>,
    rationale: String,
    #[serde(default)]
    examples: Examples,
}

/// A rule ships as a warning (counts against the exit status) or a suggestion.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "lowercase")]
enum RuleSeverity {
    Warning,
    Suggestion,
}

/// A pattern: a regex, or a regex with its own rewrite and context checks (when it has any,
/// they replace the rule's for this pattern).
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum PatternSpec {
    Plain(String),
    Full(FullPattern),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FullPattern {
    #[serde(rename = "match")]
    pattern: String,
    #[serde(default)]
    rewrite: Option<String>,
    #[serde(default)]
    subject: Option<Who>,
    #[serde(default)]
    object: Option<Who>,
    #[serde(default)]
    actor: Option<Who>,
}

/// Sentences a rule must flag and must leave alone; the tests run them all.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    #[serde(default)]
    pub flag: Vec<String>,
    #[serde(default)]
    pub pass: Vec<String>,
}

/// A rule, ready to run.
#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub category: Category,
    pub severity: Severity,
    pub scope: Vec<Scope>,
    pub message: String,
    pub suggestion: Option<String>,
    pub rationale: String,
    pub examples: Examples,
    pub(super) patterns: Vec<Pattern>,
    pub(super) exceptions: Vec<Lazy>,
}

#[derive(Debug, Clone)]
pub(super) struct Pattern {
    pub regex: Lazy,
    pub rewrite: Option<String>,
    pub subject: Option<Who>,
    pub object: Option<Who>,
    pub actor: Option<Who>,
}

/// A pattern compiled the first time a text could match it: compiling all of them costs
/// tens of milliseconds and megabytes, and a document needs few.
#[derive(Debug, Clone)]
pub(super) struct Lazy {
    source: String,
    compiled: OnceLock<Option<Regex>>,
}

impl Lazy {
    /// A pattern, compiled later (`RuleSet::compile_all` checks that the built-in ones do).
    fn new(source: String) -> Lazy {
        Lazy { source, compiled: OnceLock::new() }
    }

    /// The compiled pattern (`None` only for a pattern too large to build, which the tests
    /// rule out for the built-in rules).
    pub fn get(&self) -> Option<&Regex> {
        self.compiled.get_or_init(|| regex(&self.source).ok()).as_ref()
    }

    pub fn source(&self) -> &str {
        &self.source
    }
}

/// Every rule, and a gate over all their patterns, so a pattern runs (and is compiled) only
/// for texts that hold one of its trigger words.
#[derive(Debug, Clone)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
    /// Every pattern, in the order they run: (rule index, pattern index).
    pub(super) owners: Vec<(usize, usize)>,
    /// Which of `owners` can match a text.
    pub(super) gate: super::gate::Gate,
}

impl RuleSet {
    /// The built-in rules. An error names the rule file and what is wrong in it.
    pub fn builtin() -> Result<RuleSet, String> {
        let mut rules = Vec::new();
        for (name, text) in RULE_FILES {
            rules.extend(load_file(name, text)?);
        }
        RuleSet::new(rules)
    }

    fn new(rules: Vec<Rule>) -> Result<RuleSet, String> {
        let mut seen = BTreeMap::new();
        for rule in &rules {
            if let Some(category) = seen.insert(rule.id.clone(), rule.category) {
                return Err(format!("rule id `{}` is used twice (also in {})", rule.id, category.as_str()));
            }
        }
        let mut owners = Vec::new();
        let mut triggers = Vec::new();
        for (r, rule) in rules.iter().enumerate() {
            for (p, pattern) in rule.patterns.iter().enumerate() {
                owners.push((r, p));
                triggers.push(super::gate::triggers(pattern.regex.source()));
            }
        }
        let gate = super::gate::Gate::new(&triggers);
        Ok(RuleSet { rules, owners, gate })
    }

    /// Compiles every pattern and exception now; an error names the rule and the pattern.
    /// The checker compiles them as texts need them; the tests use this to see that all do.
    pub fn compile_all(&self) -> Result<(), String> {
        for rule in &self.rules {
            for lazy in rule.patterns.iter().map(|p| &p.regex).chain(&rule.exceptions) {
                if lazy.get().is_none() {
                    return Err(format!("rule `{}`: pattern `{}` cannot be compiled", rule.id, lazy.source()));
                }
            }
        }
        Ok(())
    }

    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }
}

fn load_file(name: &str, text: &str) -> Result<Vec<Rule>, String> {
    let file: RuleFile = yaml::from_str(text).map_err(|e| {
        let at = e.line.map(|l| format!(":{l}")).unwrap_or_default();
        format!("rule file {name}{at}: {}", e.message)
    })?;
    file.rules.into_iter().map(|spec| compile(name, file.category, spec)).collect()
}

fn compile(file: &str, category: Category, spec: RuleSpec) -> Result<Rule, String> {
    let place = format!("rule file {file}, rule `{}`", spec.id);
    if !crate::template::is_valid_id(&spec.id) {
        return Err(format!("{place}: the id must be lowercase letters, digits and '-'"));
    }
    if spec.patterns.is_empty() {
        return Err(format!("{place}: `patterns` is empty"));
    }
    if spec.rationale.trim().is_empty() || spec.message.trim().is_empty() {
        return Err(format!("{place}: `message` and `rationale` must say something"));
    }
    let patterns = spec
        .patterns
        .into_iter()
        .map(|p| {
            let full = match p {
                PatternSpec::Plain(pattern) => FullPattern {
                    pattern,
                    rewrite: None,
                    subject: spec.subject,
                    object: spec.object,
                    actor: spec.actor,
                },
                // A pattern with no checks of its own keeps the rule's.
                PatternSpec::Full(full) if full.subject.or(full.object).or(full.actor).is_none() => {
                    FullPattern { subject: spec.subject, object: spec.object, actor: spec.actor, ..full }
                }
                PatternSpec::Full(full) => full,
            };
            let source = full.pattern;
            Ok(Pattern {
                regex: Lazy::new(source),
                rewrite: full.rewrite,
                subject: full.subject,
                object: full.object,
                actor: full.actor,
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    let exceptions = spec.exceptions.into_iter().map(Lazy::new).collect();
    Ok(Rule {
        id: spec.id,
        category,
        severity: match spec.severity {
            RuleSeverity::Warning => Severity::Warning,
            RuleSeverity::Suggestion => Severity::Suggestion,
        },
        scope: spec.scope.unwrap_or_else(|| Scope::ALL.to_vec()),
        message: spec.message.trim().to_string(),
        suggestion: spec.suggestion.map(|s| s.trim().to_string()),
        rationale: spec.rationale.trim().to_string(),
        examples: spec.examples,
        patterns,
        exceptions,
    })
}

/// Patterns are case-insensitive, and `\b` means an ASCII word boundary: a Unicode one would
/// stop the fast automaton on the first non-ASCII byte (a curly quote, an em dash).
pub(super) fn regex(source: &str) -> Result<Regex, Box<meta::BuildError>> {
    // ASCII matching where the pattern allows it: English wording needs no Unicode case
    // folding, and the automata are many times smaller and quicker to build. A class that
    // holds non-ASCII characters (`[\w'’-]`) or is negated (`[^.;]`, which would otherwise
    // match half a character) keeps Unicode, on its own.
    let source = unicode_classes(&source.replace(r"\b", r"(?-u:\b)"));
    // No literal prefilters (the trigger-word gate has already said the pattern can match,
    // and building them cost most of the compile time), no one-pass DFA, and a small
    // lazy-DFA cache: a hundred patterns with the default 2 MB each would make the editor
    // several times larger than the text it edits.
    let config = meta::Config::new()
        .auto_prefilter(false)
        .onepass(false)
        .nfa_size_limit(Some(1 << 22))
        .hybrid_cache_capacity(1 << 16);
    let build = |unicode: bool| {
        meta::Builder::new()
            .configure(config.clone())
            .syntax(syntax::Config::new().case_insensitive(true).unicode(unicode))
            .build(&source)
            .map_err(Box::new)
    };
    build(false).or_else(|_| build(true))
}

/// `source` with each bracketed class that is negated or holds a non-ASCII character wrapped
/// in `(?u:...)`.
fn unicode_classes(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len() + 16);
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '\\' => {
                out.extend(chars.get(i..i + 2).unwrap_or(&chars[i..]));
                i += 2;
            }
            '[' => {
                let end = class_end(&chars, i);
                let class: String = chars[i..end].iter().collect();
                if chars.get(i + 1) == Some(&'^') || !class.is_ascii() {
                    out.push_str("(?u:");
                    out.push_str(&class);
                    out.push(')');
                } else {
                    out.push_str(&class);
                }
                i = end;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// The index just past the class opening at `start` (nested classes, escapes, `[:alpha:]`,
/// and a `]` first in the class taken as a literal).
fn class_end(chars: &[char], start: usize) -> usize {
    let mut i = start + 1;
    if chars.get(i) == Some(&'^') {
        i += 1;
    }
    if chars.get(i) == Some(&']') {
        i += 1;
    }
    let mut depth = 1;
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 1,
            '[' if chars.get(i + 1) == Some(&':') => {
                if let Some(close) =
                    (i + 2..chars.len().saturating_sub(1)).find(|&j| chars[j] == ':' && chars[j + 1] == ']')
                {
                    i = close + 1;
                }
            }
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    chars.len()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn every_built_in_pattern_and_exception_compiles() {
        RuleSet::builtin().unwrap().compile_all().unwrap();
    }

    #[test]
    fn ascii_patterns_keep_unicode_only_in_the_classes_that_need_it() {
        assert_eq!(unicode_classes(r"a[^.;]{0,60}b"), r"a(?u:[^.;]){0,60}b");
        assert_eq!(unicode_classes(r"didn['’]t [\w-]+"), r"didn(?u:['’])t [\w-]+");
        assert_eq!(unicode_classes(r"x[]a][[:alpha:]\]]\[y"), r"x[]a][[:alpha:]\]]\[y");
        let r = regex(r"\bhow could [\w'’-]+ miss\b").unwrap();
        assert!(r.is_match("How could Zoë miss it"));
        assert!(regex(r"\bignored\b[^.;]{0,60}\bby design\b").unwrap().is_match("ignored — bien sûr — by design"));
    }

    /// The gate may open a pattern that then finds nothing, never the reverse: for every
    /// sentence of the rules' examples and of the labelled corpus, a pattern that matches
    /// must have been let through.
    #[test]
    fn the_gate_never_shuts_out_a_pattern_that_matches() {
        let set = RuleSet::builtin().unwrap();
        let corpus = include_str!("../../tests/lint_corpus/sentences.txt");
        let mut texts: Vec<String> = corpus
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| l.splitn(3, '|').nth(2).map(|s| s.trim().to_string()))
            .collect();
        for rule in &set.rules {
            texts.extend(rule.examples.flag.iter().chain(&rule.examples.pass).cloned());
        }
        // Case and curly quotes do not fool it either.
        let more: Vec<String> = texts.iter().map(|t| t.to_uppercase().replace('\'', "’")).collect();
        texts.extend(more);
        let mut checked = 0;
        for text in &texts {
            let open = set.gate.open(text);
            for (k, &(r, p)) in set.owners.iter().enumerate() {
                let regex = set.rules[r].patterns[p].regex.get().unwrap();
                if regex.is_match(text) {
                    checked += 1;
                    assert!(
                        open[k],
                        "rule `{}` pattern {p} matches {text:?} but the gate shut it out",
                        set.rules[r].id
                    );
                }
            }
        }
        assert!(checked > 300, "only {checked} matches checked");
        // And it does shut most of them out of ordinary prose.
        let prose = "The deploy pipeline applied the migration at 14:02 and the pool filled up.";
        let open = set.gate.open(prose).iter().filter(|&&o| o).count();
        assert!(open * 4 < set.owners.len(), "{open} of {} patterns opened for plain prose", set.owners.len());
        assert!(set.gate.words() < 600, "{} trigger words", set.gate.words());
        eprintln!("{} trigger words; {open} of {} patterns open for plain prose", set.gate.words(), set.owners.len());
    }
}
