//! Templates: the sections a postmortem walks through, with guidance and questions.
//!
//! A template file may be partial (`extends:` another and override a few sections); what the
//! rest of the app uses is the resolved [`Template`], with every section complete. The format
//! is described in `templates/FORMAT.md`.

mod builtin;
mod instantiate;
mod lookup;
mod resolve;

use std::fmt;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::doc::SectionKind;

pub use builtin::BUILTIN;
pub use lookup::{Library, Listing, REPO_TEMPLATES, user_config_dir};

/// A template as written in a file: only `name` is always required, because a template that
/// extends another may leave the rest to its parent.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplateFile {
    pub name: String,
    pub title: Option<String>,
    pub description: Option<String>,
    pub version: Option<u32>,
    pub extends: Option<String>,
    pub severities: Option<Vec<SeverityLevel>>,
    pub factor_categories: Option<Vec<String>>,
    #[serde(default)]
    pub sections: Vec<SectionSpec>,
    #[serde(default)]
    pub remove: Vec<String>,
}

/// A section as written in a file; in a template that extends another, the keys given
/// override the parent's section of the same id.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionSpec {
    pub id: String,
    pub title: Option<String>,
    pub kind: Option<SectionKind>,
    pub required: Option<bool>,
    pub guidance: Option<String>,
    pub questions: Option<Vec<String>>,
    pub placeholder: Option<String>,
    pub fields: Option<Vec<FieldSpec>>,
    /// Where a new section goes in a template that extends another.
    pub after: Option<String>,
    pub before: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeverityLevel {
    pub id: String,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldSpec {
    pub id: String,
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub placeholder: Option<String>,
}

/// A resolved template: every inherited key filled in, every section complete.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Template {
    pub name: String,
    pub title: String,
    pub description: String,
    pub version: u32,
    /// The templates this one builds on, nearest first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub extends: Vec<String>,
    pub severities: Vec<SeverityLevel>,
    pub factor_categories: Vec<String>,
    pub sections: Vec<TemplateSection>,
    #[serde(skip)]
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TemplateSection {
    pub id: String,
    pub title: String,
    pub kind: SectionKind,
    pub required: bool,
    pub guidance: String,
    pub questions: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub placeholder: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldSpec>,
}

/// Where a template was found, from the highest lookup level to the lowest.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Source {
    /// Named on the command line by its path.
    Path(PathBuf),
    /// A team's repository: `.blameless/templates/` in the current folder or a parent.
    Repository(PathBuf),
    /// The user's config folder.
    User(PathBuf),
    #[default]
    Builtin,
}

impl Source {
    pub fn label(&self) -> &'static str {
        match self {
            Source::Path(_) => "path",
            Source::Repository(_) => "repository",
            Source::User(_) => "user",
            Source::Builtin => "built-in",
        }
    }

    pub fn path(&self) -> Option<&PathBuf> {
        match self {
            Source::Path(p) | Source::Repository(p) | Source::User(p) => Some(p),
            Source::Builtin => None,
        }
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.path() {
            Some(p) => write!(f, "{} {}", self.label(), p.display()),
            None => f.write_str(self.label()),
        }
    }
}

impl Template {
    pub fn severity_ids(&self) -> Vec<String> {
        self.severities.iter().map(|s| s.id.clone()).collect()
    }
}

/// Whether `s` is a valid template or section id: lowercase ASCII letters, digits and `-`,
/// starting with a letter.
pub fn is_valid_id(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}
