//! Rules as data: the YAML files in `src/lint/rules/`, one per category, embedded in the
//! binary (as JSON, which `build.rs` makes of them). Each rule has an id, a category, a
//! severity, where it applies (scope), patterns, context checks (who the subject or object
//! must be), exceptions, a message, a suggestion, an optional rewrite and a short rationale. Loading checks every field, so a bad rule file
//! fails the test suite rather than a user's run.

use serde::Deserialize;

pub(super) use super::pattern::Lazy;
pub use super::ruleset::RuleSet;

use super::{Category, Scope};
use crate::doc::Severity;

/// `(file name, JSON text)` of every built-in rule file, in the order their rules run.
/// `build.rs` (its `RULE_FILES` lists the files) parses the YAML and writes it as JSON, which
/// loads several times faster; a YAML syntax error fails the build.
const RULE_FILES: &[(&str, &str)] = &include!(concat!(env!("OUT_DIR"), "/rule_files.rs"));

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
    /// Someone other than the writers, or no subject at all: a responder's own account ("I
    /// just restarted the queue") is theirs to tell.
    NamedOrNone,
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
    /// The first noun phrase of the sentence, across its clauses ("Sam restarted the
    /// primary, which triggered the failover": Sam).
    #[serde(default)]
    opener: Option<Who>,
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

impl RuleSeverity {
    fn level(self) -> Severity {
        match self {
            RuleSeverity::Warning => Severity::Warning,
            RuleSeverity::Suggestion => Severity::Suggestion,
        }
    }
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
    #[serde(default)]
    opener: Option<Who>,
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
    pub opener: Option<Who>,
}

impl Pattern {
    /// Whether the pattern reads no one around its words (no subject, object, actor or opener).
    pub fn reads_nobody(&self) -> bool {
        self.subject.is_none() && self.object.is_none() && self.actor.is_none() && self.opener.is_none()
    }
}

/// Every built-in rule, without the gate over their patterns.
pub(super) fn builtin_rules() -> Result<Vec<Rule>, String> {
    let mut rules = Vec::new();
    for (name, json) in RULE_FILES {
        rules.extend(load_file(name, json)?);
    }
    Ok(rules)
}

/// The ids of the built-in rules (what a configuration may name).
pub fn builtin_ids() -> Result<Vec<String>, String> {
    Ok(builtin_rules()?.into_iter().map(|r| r.id).collect())
}

/// Loads a rule file from the JSON `build.rs` made of it; an error names the file.
fn load_file(name: &str, json: &str) -> Result<Vec<Rule>, String> {
    let file: RuleFile = serde_json::from_str(json).map_err(|e| format!("rule file {name}: {}", json_message(&e)))?;
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
                    opener: spec.opener,
                },
                // A pattern with no checks of its own keeps the rule's.
                PatternSpec::Full(full) if full.subject.or(full.object).or(full.actor).or(full.opener).is_none() => {
                    FullPattern {
                        subject: spec.subject,
                        object: spec.object,
                        actor: spec.actor,
                        opener: spec.opener,
                        ..full
                    }
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
                opener: full.opener,
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    let exceptions = spec.exceptions.into_iter().map(Lazy::new).collect();
    Ok(Rule {
        id: spec.id,
        category,
        severity: spec.severity.level(),
        scope: spec.scope.unwrap_or_else(|| Scope::ALL.to_vec()),
        message: spec.message.trim().to_string(),
        suggestion: spec.suggestion.map(|s| s.trim().to_string()),
        rationale: spec.rationale.trim().to_string(),
        examples: spec.examples,
        patterns,
        exceptions,
    })
}

/// What a serde_json error says, without its place: a line and column of the generated JSON
/// would point nowhere in the YAML file.
pub(super) fn json_message(e: &serde_json::Error) -> String {
    let mut message = e.to_string();
    if let Some(at) = message.rfind(" at line ") {
        message.truncate(at);
    }
    message
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
    fn a_wrong_field_is_reported_with_the_rule_file() {
        let err = load_file("hindsight.yaml", r#"{"category": "hindsight", "rules": [], "bogus": 1}"#).unwrap_err();
        assert!(err.starts_with("rule file hindsight.yaml: unknown field `bogus`"), "{err}");
        assert!(!err.contains(" at line "), "{err}");
    }
}
