//! Where templates are found: an explicit path, then `.blameless/templates/` in the current
//! folder and each parent (nearest first), then the user's config folder, then the built-ins.
//! A template shadows one of the same name further down the list.

use std::path::{Path, PathBuf};

use super::resolve::{Resolving, resolve};
use super::{BUILTIN, Source, Template};
use crate::store::{LoadError, read_text};

/// The folder (below a repository or the config folder) that holds template files.
pub const REPO_TEMPLATES: &str = ".blameless/templates";

/// The ordered places to look for templates.
#[derive(Debug, Clone)]
pub struct Library {
    /// Repository template folders, nearest first, then the user's folder, if any.
    folders: Vec<Source>,
}

/// One template file found in the library, resolved or not.
#[derive(Debug, Clone)]
pub struct Listing {
    pub name: String,
    pub source: Source,
    /// The resolved template, or why it could not be loaded.
    pub template: Result<Template, LoadError>,
    /// The source of the template of the same name that hides this one.
    pub shadowed_by: Option<Source>,
}

/// A template file at one level, not yet parsed.
#[derive(Debug, Clone)]
pub(super) struct Candidate {
    pub name: String,
    /// 0 for an explicit path, then 1.. for the folders, and the last level for built-ins.
    pub level: usize,
    pub source: Source,
    /// The file's text, or why it could not be read (reported when the template is used).
    pub text: Result<String, LoadError>,
}

impl Library {
    /// The library seen from `cwd`, with the user folder from `BLAMELESS_CONFIG_DIR` or the
    /// platform's config folder.
    pub fn discover(cwd: &Path) -> Library {
        let repos = cwd.ancestors().map(|dir| dir.join(REPO_TEMPLATES)).filter(|dir| dir.is_dir());
        Library::new(repos.collect(), user_config_dir().map(|d| d.join("templates")))
    }

    pub fn new(repo_folders: Vec<PathBuf>, user_folder: Option<PathBuf>) -> Library {
        let mut folders: Vec<Source> = repo_folders.into_iter().map(Source::Repository).collect();
        folders.extend(user_folder.map(Source::User));
        Library { folders }
    }

    /// The folders searched, in order, for messages and `templates list`.
    pub fn folders(&self) -> impl Iterator<Item = &Source> {
        self.folders.iter()
    }

    /// The nearest repository template folder, where `templates new` writes.
    pub fn nearest_repository_folder(&self) -> Option<&Path> {
        self.folders.iter().find_map(|s| match s {
            Source::Repository(p) => Some(p.as_path()),
            _ => None,
        })
    }

    fn builtin_level(&self) -> usize {
        self.folders.len() + 1
    }

    /// Finds a template by name, or by path when the argument looks like one.
    pub fn find(&self, name_or_path: &str) -> Result<Template, LoadError> {
        if looks_like_path(name_or_path) {
            return self.load_path(Path::new(name_or_path));
        }
        match self.candidates(name_or_path, 0).into_iter().next() {
            Some(candidate) => resolve(self, candidate, &mut Resolving::default()),
            None => Err(self.not_found(name_or_path)),
        }
    }

    /// Finds a template by its name only, as a document or another template names it: a name
    /// that is not a plain template name (`../x`, `/etc/x`) never reads a file.
    pub fn find_name(&self, name: &str) -> Result<Template, LoadError> {
        if !super::is_valid_id(name) {
            return Err(LoadError::new(Path::new(""), &format!("`{name}` is not a template name"))
                .hint("template names are lowercase letters, digits and '-'"));
        }
        self.find(name)
    }

    /// Loads and resolves a template file named by its path.
    pub fn load_path(&self, path: &Path) -> Result<Template, LoadError> {
        let text = read_text(path)?;
        self.resolve_text(path, text)
    }

    /// Resolves template text as if it were the file at `path`: a file inside one of the
    /// library's folders is treated as that level's template (its name must match the file
    /// name, and `extends` of its own name looks further down); any other path stands above all.
    pub fn resolve_text(&self, path: &Path, text: String) -> Result<Template, LoadError> {
        let name = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let (level, source) = self.level_of(path).unwrap_or((0, Source::Path(path.to_path_buf())));
        resolve(self, Candidate { name, level, source, text: Ok(text) }, &mut Resolving::default())
    }

    fn level_of(&self, path: &Path) -> Option<(usize, Source)> {
        let parent = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let parent = parent.canonicalize().ok()?;
        self.folders.iter().enumerate().find_map(|(i, source)| {
            let folder = source.path()?.canonicalize().ok()?;
            (folder == parent).then(|| {
                let at = path.to_path_buf();
                (i + 1, if matches!(source, Source::User(_)) { Source::User(at) } else { Source::Repository(at) })
            })
        })
    }

    /// Every template file at levels after `after_level` named `name`, highest first.
    pub(super) fn candidates(&self, name: &str, after_level: usize) -> Vec<Candidate> {
        let mut found = Vec::new();
        // Only plain names are looked up: `extends: ../../x` must not reach outside the folders.
        if !super::is_valid_id(name) {
            return found;
        }
        for (i, source) in self.folders.iter().enumerate() {
            let level = i + 1;
            if level <= after_level {
                continue;
            }
            let Some(dir) = source.path() else { continue };
            for ext in ["yaml", "yml"] {
                let path = dir.join(format!("{name}.{ext}"));
                if path.is_file() {
                    // A file we cannot read still counts, so its error is shown, not skipped.
                    let text = read_text(&path);
                    let source = match source {
                        Source::User(_) => Source::User(path),
                        _ => Source::Repository(path),
                    };
                    found.push(Candidate { name: name.to_string(), level, source, text });
                    break;
                }
            }
        }
        if self.builtin_level() > after_level
            && let Some((_, text)) = BUILTIN.iter().find(|(n, _)| *n == name)
        {
            found.push(Candidate {
                name: name.to_string(),
                level: self.builtin_level(),
                source: Source::Builtin,
                text: Ok((*text).to_string()),
            });
        }
        found
    }

    /// Every template in the library, shadowed ones included, in lookup order per name.
    pub fn list(&self) -> Vec<Listing> {
        let mut names: Vec<String> = Vec::new();
        for source in &self.folders {
            let Some(dir) = source.path() else { continue };
            let Ok(entries) = std::fs::read_dir(dir) else { continue };
            let mut here: Vec<String> = entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_file() && matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml")))
                .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
                .collect();
            here.sort();
            names.extend(here);
        }
        names.extend(BUILTIN.iter().map(|(n, _)| n.to_string()));
        let mut seen = std::collections::HashSet::new();
        names.retain(|n| seen.insert(n.clone()));
        let mut out = Vec::new();
        // One memory for the whole listing: a link of an `extends` chain is resolved once.
        let mut resolving = Resolving::default();
        for name in names {
            let mut shadowed_by: Option<Source> = None;
            for candidate in self.candidates(&name, 0) {
                let source = candidate.source.clone();
                let template = resolve(self, candidate, &mut resolving);
                out.push(Listing {
                    name: name.clone(),
                    source: source.clone(),
                    template,
                    shadowed_by: shadowed_by.clone(),
                });
                shadowed_by.get_or_insert(source);
            }
        }
        out
    }

    fn not_found(&self, name: &str) -> LoadError {
        let mut names: Vec<String> =
            self.list().into_iter().filter(|l| l.shadowed_by.is_none()).map(|l| l.name).collect();
        names.dedup();
        LoadError::new(Path::new(""), &format!("no template named `{name}`"))
            .hint(&format!("available: {}; see `blameless templates list`", names.join(", ")))
    }
}

fn looks_like_path(s: &str) -> bool {
    s.contains('/') || s.contains('\\') || s.ends_with(".yaml") || s.ends_with(".yml")
}

/// The user's blameless config folder: `BLAMELESS_CONFIG_DIR`, or the platform's
/// (`~/.config/blameless` on Linux).
pub fn user_config_dir() -> Option<PathBuf> {
    match std::env::var_os("BLAMELESS_CONFIG_DIR") {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => directories::ProjectDirs::from("", "", "blameless").map(|d| d.config_dir().to_path_buf()),
    }
}
