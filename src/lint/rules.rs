//! Rules as data: the YAML files in `src/lint/rules/`, one per category, embedded in the
//! binary. Each rule has an id, a category, a severity, where it applies (scope), patterns,
//! context checks (who the subject or object must be), exceptions, a message, a suggestion,
//! an optional rewrite and a short rationale. Loading checks every field, so a bad rule file
//! fails the test suite rather than a user's run.

use std::collections::BTreeMap;

use regex::{Regex, RegexBuilder};
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
    pub(super) exceptions: Vec<Regex>,
}

#[derive(Debug, Clone)]
pub(super) struct Pattern {
    pub regex: Regex,
    pub rewrite: Option<String>,
    pub subject: Option<Who>,
    pub object: Option<Who>,
    pub actor: Option<Who>,
}

/// Every rule, and one regex set over all their patterns, so text without any trigger is
/// passed over in a single scan.
#[derive(Debug, Clone)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
    /// Every pattern, in the order they run: (rule index, pattern index).
    pub(super) owners: Vec<(usize, usize)>,
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
        for (r, rule) in rules.iter().enumerate() {
            for p in 0..rule.patterns.len() {
                owners.push((r, p));
            }
        }
        Ok(RuleSet { rules, owners })
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
            let source = &full.pattern;
            Ok(Pattern {
                regex: regex(source).map_err(|e| format!("{place}: pattern `{source}`: {e}"))?,
                rewrite: full.rewrite,
                subject: full.subject,
                object: full.object,
                actor: full.actor,
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    let exceptions = spec
        .exceptions
        .iter()
        .map(|s| regex(s).map_err(|e| format!("{place}: exception `{s}`: {e}")))
        .collect::<Result<Vec<_>, String>>()?;
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
pub(super) fn regex(source: &str) -> Result<Regex, regex::Error> {
    // A small lazy-DFA cache per pattern: sixty patterns with the default 2 MB each would
    // make the editor several times larger than the text it edits.
    // ASCII matching where the pattern allows it: English wording needs no Unicode case
    // folding, and the automata are many times smaller (patterns that need Unicode keep it).
    let source = source.replace(r"\b", r"(?-u:\b)");
    let build = |unicode: bool| {
        RegexBuilder::new(&source)
            .case_insensitive(true)
            .unicode(unicode)
            .size_limit(1 << 22)
            .dfa_size_limit(1 << 17)
            .build()
    };
    build(false).or_else(|_| build(true))
}
