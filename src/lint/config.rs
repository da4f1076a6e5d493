//! A team's `.blameless/lint.yaml`: switch rules or whole categories off, change their level,
//! name people the checker should know, and allow phrases that are fine for this team.
//!
//! ```yaml
//! rules:
//!   loaded-tone: off          # a category: every rule in it
//!   root-cause: suggestion    # one rule
//!   action-due-missing: off   # a completeness check
//! people: [Priya Raman, Sam]
//! allow: ["Sloppy Joe's"]     # product names and other phrases that are never flagged
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::rules::Rule;
use super::{Category, TextFinding};
use crate::doc::Severity;
use crate::store::{LoadError, locate, read_text, yaml};

/// Where a repository keeps its checker configuration.
pub const CONFIG_FILE: &str = ".blameless/lint.yaml";

/// What a configuration can set a rule to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Off,
    Suggestion,
    Warning,
    Error,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Rule ids or category names, with the level they should have.
    #[serde(default)]
    pub rules: BTreeMap<String, Level>,
    /// Names of people, in addition to those the checker finds in each document.
    #[serde(default)]
    pub people: Vec<String>,
    /// Phrases never flagged (matched case-insensitively, as whole words).
    #[serde(default)]
    pub allow: Vec<String>,
    /// Where it was read from, for messages.
    #[serde(skip)]
    pub path: Option<PathBuf>,
}

/// The nearest `.blameless/lint.yaml` in `cwd` or a parent folder.
pub fn find_config(cwd: &Path) -> Option<PathBuf> {
    cwd.ancestors().map(|dir| dir.join(CONFIG_FILE)).find(|p| p.is_file())
}

impl Config {
    /// Reads and checks a configuration file. `known` lists the rule ids that may be named
    /// (categories are always known). Errors name the file, the line and the field.
    pub fn load(path: &Path, known: &[&str]) -> Result<Config, LoadError> {
        let text = read_text(path)?;
        Config::parse(path, &text, known)
    }

    pub fn parse(path: &Path, text: &str, known: &[&str]) -> Result<Config, LoadError> {
        if text.trim().is_empty() {
            return Ok(Config { path: Some(path.to_path_buf()), ..Config::default() });
        }
        let mut config: Config = yaml::from_str(text).map_err(|e| {
            let hint = if e.message.contains("unknown variant") {
                "a rule's level is one of: off, suggestion, warning, error"
            } else if e.message.contains("unknown field") {
                "lint.yaml has three keys: rules, people, allow"
            } else {
                "fix the YAML at that place and try again"
            };
            LoadError::new(path, &e.message).at(e.line, e.column).hint(hint)
        })?;
        for id in config.rules.keys() {
            if Category::parse(id).is_none() && !known.contains(&id.as_str()) {
                let (line, column) = locate(text, &format!("rules.{id}")).unzip();
                return Err(LoadError::new(path, &format!("field `rules`: no rule or category named `{id}`"))
                    .at(line, column)
                    .hint("`blameless lint --list-rules` shows every rule id and category"));
            }
        }
        for (i, phrase) in config.allow.iter().enumerate() {
            if phrase.trim().is_empty() {
                let (line, column) = locate(text, &format!("allow[{i}]")).unzip();
                return Err(LoadError::new(path, "field `allow`: an empty phrase would allow nothing")
                    .at(line, column)
                    .hint("remove the empty entry"));
            }
        }
        config.path = Some(path.to_path_buf());
        Ok(config)
    }

    /// The level set for a rule, by its id first and then by its category.
    fn level(&self, rule: &str, category: Category) -> Option<Level> {
        self.rules.get(rule).or_else(|| self.rules.get(category.as_str())).copied()
    }

    pub fn enabled(&self, rule: &Rule) -> bool {
        self.level(&rule.id, rule.category) != Some(Level::Off)
    }

    /// The finding at its configured level, or `None` when its rule is switched off.
    pub fn apply(&self, mut f: TextFinding) -> Option<TextFinding> {
        match self.level(&f.rule, f.category) {
            Some(Level::Off) => return None,
            Some(Level::Suggestion) => f.severity = Severity::Suggestion,
            Some(Level::Warning) => f.severity = Severity::Warning,
            Some(Level::Error) => f.severity = Severity::Error,
            None => {}
        }
        Some(f)
    }
}

/// The configuration for a run: the file named explicitly, else the nearest
/// `.blameless/lint.yaml` from `cwd` up, else the defaults. The error says what is wrong.
pub fn config_for(cwd: &Path, explicit: Option<&Path>) -> Result<Config, LoadError> {
    let Some(path) = explicit.map(Path::to_path_buf).or_else(|| find_config(cwd)) else {
        return Ok(Config::default());
    };
    // Only the rule ids: the gate over the patterns is the checker's to build.
    let ids = super::rules::builtin_ids().map_err(|e| LoadError::new(&path, &e))?;
    let mut known: Vec<&str> = ids.iter().map(String::as_str).collect();
    known.extend(super::DOC_RULES.iter().map(|r| r.id));
    Config::load(&path, &known)
}
