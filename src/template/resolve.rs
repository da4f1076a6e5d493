//! Turning a template file into a complete template: parse, follow `extends`, merge, check.
//! Every refusal names the file, the line where it is known, the field and the reason.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use super::lookup::{Candidate, Library};
use super::{SectionSpec, Source, Template, TemplateFile, TemplateSection, is_valid_id};
use crate::doc::SectionKind;
use crate::store::yaml;
use crate::store::{LoadError, line_of_key};

/// How many templates deep an `extends` chain may go: far more than any team writes, few
/// enough that a hostile chain costs little.
pub const MAX_EXTENDS_DEPTH: usize = 64;

/// What resolving carries along: the templates being resolved above the current one (to
/// catch cycles and chains too deep), and the templates already resolved, by level and name,
/// so listing every template of a long chain resolves each link once, not once per template.
#[derive(Default)]
pub(super) struct Resolving {
    chain: Vec<(usize, String)>,
    done: HashMap<(usize, String), Result<Template, LoadError>>,
    /// How many times a chain was found too deep: a result that depends on where the chain
    /// was entered is not kept in `done`.
    too_deep: usize,
}

/// Resolves a candidate.
pub(super) fn resolve(lib: &Library, c: Candidate, r: &mut Resolving) -> Result<Template, LoadError> {
    let key = (c.level, c.name.clone());
    if let Some(done) = r.done.get(&key) {
        return done.clone();
    }
    let before = r.too_deep;
    let result = resolve_once(lib, c, r);
    if r.too_deep == before {
        r.done.insert(key, result.clone());
    }
    result
}

fn resolve_once(lib: &Library, c: Candidate, r: &mut Resolving) -> Result<Template, LoadError> {
    let path = place_of(&c);
    let text = c.text?;
    let file: TemplateFile = yaml::from_str(&text).map_err(|e| LoadError::yaml(&path, e))?;
    let err =
        |line: Option<usize>, message: String, hint: &str| LoadError::new(&path, &message).at(line, None).hint(hint);
    if !is_valid_id(&file.name) {
        return Err(err(
            line_of_key(&text, "name"),
            format!("field `name`: `{}` is not a valid template name", file.name),
            "use lowercase letters, digits and '-', starting with a letter",
        ));
    }
    if c.level > 0 && file.name != c.name {
        return Err(err(
            line_of_key(&text, "name"),
            format!("field `name`: `{}` does not match the file name `{}`", file.name, c.name),
            "rename the file or change `name:` so they agree",
        ));
    }
    check_unique_specs(&file, &text, &path)?;
    if file.extends.is_some() && r.chain.len() >= MAX_EXTENDS_DEPTH {
        r.too_deep += 1;
        return Err(err(
            line_of_key(&text, "extends"),
            format!("field `extends`: more than {MAX_EXTENDS_DEPTH} templates extend one another in a chain"),
            "let this template extend one nearer the built-ins; a chain this long is hard to follow",
        ));
    }
    r.chain.push((c.level, file.name.clone()));
    let base = base_of(lib, &file, c.level, &text, &path, r);
    r.chain.pop();
    let base = base?;
    let template = merge(base, file, &text, &path, c.source)?;
    check(&template, &text, &path)?;
    Ok(template)
}

/// The template `file` extends, resolved, when it extends one; `r.chain` ends with `file`.
fn base_of(
    lib: &Library,
    file: &TemplateFile,
    level: usize,
    text: &str,
    path: &Path,
    r: &mut Resolving,
) -> Result<Option<Template>, LoadError> {
    let Some(parent) = &file.extends else { return Ok(None) };
    let err =
        |message: String, hint: &str| LoadError::new(path, &message).at(line_of_key(text, "extends"), None).hint(hint);
    let after = if *parent == file.name { level } else { 0 };
    let Some(parent_c) = lib.candidates(parent, after).into_iter().next() else {
        let looked = if after > 0 { " below this one" } else { "" };
        return Err(err(
            format!("field `extends`: no template named `{parent}` is found{looked}"),
            "name an existing template (see `blameless templates list`) or remove `extends`",
        ));
    };
    if r.chain.iter().any(|(level, name)| *level == parent_c.level && name == parent) {
        let mut names: Vec<&str> = r.chain.iter().map(|(_, n)| n.as_str()).collect();
        names.push(parent);
        return Err(err(
            format!("field `extends`: templates extend each other in a cycle: {}", names.join(" -> ")),
            "break the cycle: one of them must not extend the other",
        ));
    }
    resolve(lib, parent_c, r).map(Some)
}

/// How a template is named in messages: its path, or `<built-in>/NAME.yaml`.
fn place_of(c: &Candidate) -> PathBuf {
    match c.source.path() {
        Some(p) => p.clone(),
        None => PathBuf::from(format!("<built-in>/{}.yaml", c.name)),
    }
}

fn check_unique_specs(file: &TemplateFile, text: &str, path: &Path) -> Result<(), LoadError> {
    let mut seen = HashSet::new();
    for spec in &file.sections {
        if !seen.insert(spec.id.as_str()) {
            return Err(LoadError::new(
                path,
                &format!("field `sections`: section id `{}` is used more than once", spec.id),
            )
            .at(line_of_id(text, &spec.id, 2), None)
            .hint("give every section its own id"));
        }
    }
    Ok(())
}

fn merge(
    base: Option<Template>,
    file: TemplateFile,
    text: &str,
    path: &Path,
    source: Source,
) -> Result<Template, LoadError> {
    let missing = |field: &str| {
        LoadError::new(path, &format!("field `{field}` is missing")).hint(&format!("add `{field}:` to the template"))
    };
    let mut sections = base.as_ref().map(|b| b.sections.clone()).unwrap_or_default();
    for id in &file.remove {
        let before = sections.len();
        sections.retain(|s| &s.id != id);
        if sections.len() == before {
            return Err(LoadError::new(path, &format!("field `remove`: there is no section `{id}` to remove"))
                .at(line_containing(text, &format!("- {id}")), None)
                .hint("remove only ids the parent template has (see `blameless templates show`)"));
        }
    }
    for spec in file.sections {
        // Where the section is written, looked up only when there is an error to report.
        let id = spec.id.clone();
        let line = || line_of_id(text, &id, 1);
        let placement = (spec.after.clone(), spec.before.clone());
        let section = match sections.iter().position(|s| s.id == spec.id) {
            Some(i) => {
                let mut s = sections.remove(i);
                apply(&mut s, spec);
                if placement == (None, None) {
                    sections.insert(i, s);
                    continue;
                }
                s
            }
            None => new_section(spec).map_err(|field| {
                LoadError::new(path, &format!("field `{field}` is missing in a new section"))
                    .at(line(), None)
                    .hint("a section that is not in the parent template needs a title, a kind and guidance")
            })?,
        };
        let index = match placement {
            (Some(anchor), _) => position(&sections, &anchor, text, path)? + 1,
            (None, Some(anchor)) => position(&sections, &anchor, text, path)?,
            (None, None) => sections.len(),
        };
        sections.insert(index, section);
    }
    let mut extends = Vec::new();
    if let (Some(parent), Some(b)) = (&file.extends, &base) {
        extends.push(parent.clone());
        extends.extend(b.extends.iter().cloned());
    }
    let inherit = |own: Option<String>, parent: Option<&String>| own.or_else(|| parent.cloned());
    Ok(Template {
        title: inherit(file.title, base.as_ref().map(|b| &b.title)).ok_or_else(|| missing("title"))?,
        description: inherit(file.description, base.as_ref().map(|b| &b.description))
            .ok_or_else(|| missing("description"))?,
        version: file.version.ok_or_else(|| {
            missing("version")
                .hint("add `version: 1`; every template carries its own version, even one that extends another")
        })?,
        severities: file
            .severities
            .or_else(|| base.as_ref().map(|b| b.severities.clone()))
            .ok_or_else(|| missing("severities"))?,
        factor_categories: file
            .factor_categories
            .or_else(|| base.as_ref().map(|b| b.factor_categories.clone()))
            .unwrap_or_default(),
        name: file.name,
        extends,
        sections,
        source,
    })
}

fn apply(s: &mut TemplateSection, spec: SectionSpec) {
    if let Some(v) = spec.title {
        s.title = v;
    }
    if let Some(v) = spec.kind {
        s.kind = v;
    }
    if let Some(v) = spec.required {
        s.required = v;
    }
    if let Some(v) = spec.guidance {
        s.guidance = v;
    }
    if let Some(v) = spec.questions {
        s.questions = v;
    }
    if let Some(v) = spec.placeholder {
        s.placeholder = Some(v);
    }
    if let Some(v) = spec.fields {
        s.fields = v;
    }
}

/// A section the parent does not have: it must be complete. Errs with the missing field.
fn new_section(spec: SectionSpec) -> Result<TemplateSection, &'static str> {
    Ok(TemplateSection {
        title: spec.title.ok_or("title")?,
        kind: spec.kind.ok_or("kind")?,
        guidance: spec.guidance.ok_or("guidance")?,
        id: spec.id,
        required: spec.required.unwrap_or(false),
        questions: spec.questions.unwrap_or_default(),
        placeholder: spec.placeholder,
        fields: spec.fields.unwrap_or_default(),
    })
}

fn position(sections: &[TemplateSection], anchor: &str, text: &str, path: &Path) -> Result<usize, LoadError> {
    sections.iter().position(|s| s.id == anchor).ok_or_else(|| {
        LoadError::new(path, &format!("field `after`/`before`: there is no section `{anchor}` to place it by"))
            .at(line_containing(text, anchor), None)
            .hint("name a section id of this template or its parent")
    })
}

/// The rules every resolved template keeps.
fn check(t: &Template, text: &str, path: &Path) -> Result<(), LoadError> {
    let fail = |line: Option<usize>, message: String, hint: &str| {
        Err(LoadError::new(path, &message).at(line, None).hint(hint))
    };
    if t.sections.is_empty() {
        return fail(
            line_of_key(text, "sections"),
            "field `sections`: the template has no sections".into(),
            "add at least one section",
        );
    }
    if t.severities.is_empty() {
        return fail(
            line_of_key(text, "severities"),
            "field `severities`: the severity scale is empty".into(),
            "list at least one level, e.g. `- id: SEV1` with a description",
        );
    }
    let mut severity_ids = HashSet::new();
    for s in &t.severities {
        if s.id.trim().is_empty() || s.id.contains(char::is_whitespace) || !severity_ids.insert(&s.id) {
            return fail(
                line_containing(text, &s.id),
                format!("field `severities`: `{}` is empty, has spaces or is listed twice", s.id),
                "give each severity level a short unique id such as SEV1",
            );
        }
    }
    let mut structured = HashSet::new();
    for s in &t.sections {
        let line = || line_of_id(text, &s.id, 1);
        if !is_valid_id(&s.id) {
            return fail(
                line(),
                format!("field `id`: `{}` is not a valid section id", s.id),
                "use lowercase letters, digits and '-', starting with a letter",
            );
        }
        if matches!(s.kind, SectionKind::Timeline | SectionKind::Actions | SectionKind::Factors)
            && !structured.insert(s.kind)
        {
            return fail(
                line(),
                format!("field `kind`: section `{}` is a second `{}` section", s.id, s.kind.as_str()),
                "a template has at most one timeline, one actions and one factors section",
            );
        }
        if (s.kind == SectionKind::Fields) == s.fields.is_empty() {
            let message = if s.kind == SectionKind::Fields {
                format!("field `fields`: section `{}` is of kind `fields` but lists no fields", s.id)
            } else {
                format!("field `fields`: section `{}` lists fields but is of kind `{}`", s.id, s.kind.as_str())
            };
            return fail(line(), message, "only sections of kind `fields` have `fields:`, and they need at least one");
        }
        let mut field_ids = HashSet::new();
        if let Some(f) = s.fields.iter().find(|f| !is_valid_id(&f.id) || !field_ids.insert(&f.id)) {
            return fail(
                line_of_id(text, &f.id, 1),
                format!("field `fields`: field id `{}` in section `{}` is invalid or used twice", f.id, s.id),
                "use unique ids of lowercase letters, digits and '-'",
            );
        }
    }
    Ok(())
}

/// The line of the `nth` (1-based) `id: ID` entry, as written in a list or a mapping.
fn line_of_id(text: &str, id: &str, nth: usize) -> Option<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| {
            let l = l.trim_start().trim_start_matches("- ").trim_start();
            l.strip_prefix("id:").is_some_and(|v| v.trim().trim_matches(|c| c == '"' || c == '\'') == id)
        })
        .nth(nth.saturating_sub(1))
        .map(|(i, _)| i + 1)
}

fn line_containing(text: &str, needle: &str) -> Option<usize> {
    text.lines().position(|l| l.contains(needle)).map(|i| i + 1)
}
