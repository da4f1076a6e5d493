//! Front matter: YAML (`---`), TOML (`+++`), and YAML that does not parse, read line by line.
//! Keys that name metadata or a section are read; the others are kept under `front_matter:`.

use super::build::Builder;
use super::matching::{meta_for, section_for};
use super::meta::{Assigned, label_line};
use super::report::Outcome;
use super::toml::TomlValue;
use crate::doc::Extra;
use crate::doc::extra::Value as Kept;
use crate::store::yaml::{self, Value};

/// A front-matter value as the document keeps it.
fn kept(value: Value) -> Kept {
    yaml::from_value(value).unwrap_or(Kept::Null)
}

/// The text keys of what is kept, for the report.
fn kept_keys(rest: &Extra) -> Vec<String> {
    rest.iter().filter_map(|(k, _)| if let Kept::String(s) = k { Some(s.clone()) } else { None }).collect()
}

impl Builder<'_> {
    pub(super) fn front_matter(&mut self, text: &str) {
        let Ok(Value::Mapping(map)) = yaml::parse_value(text) else {
            // Not YAML (`authors: @a` is not): read as `key: value` lines, the rest kept.
            let mut understood = Vec::new();
            let mut rest = Vec::new();
            for line in text.lines() {
                match label_line(line).map(|(k, v)| (self.assign(&k, &v), k)) {
                    Some((Assigned::Meta(what), _)) => understood.push(what),
                    Some((Assigned::Section(..) | Assigned::Kept, k)) => understood.push(k),
                    _ if line.trim().is_empty() => {}
                    _ => rest.push(line),
                }
            }
            self.report.push(1, "front matter (not YAML, read line by line)", Outcome::Metadata(understood));
            if !rest.is_empty() {
                let kept = format!("```yaml\n{}\n```\n", rest.join("\n"));
                self.new_section("Front matter", kept, 1, "front matter".into(), "not understood".into());
            }
            return;
        };
        let mut understood = Vec::new();
        let mut rest = Extra::new();
        // `summary: "..."` above a `## Summary` of its own: the section is the file's summary,
        // the line is kept with the front matter.
        let headed: Vec<usize> = super::build::heading_texts(&super::blocks::parse(self.src).blocks, self.src)
            .iter()
            .filter_map(|h| section_for(h, self.template))
            .collect();
        for (key, value) in map {
            let (Some(k), Some(v)) = (scalar(&key), flatten(&value)) else {
                rest.insert(kept(key), kept(value));
                continue;
            };
            if meta_for(&k).is_none() && section_for(&k, self.template).is_some_and(|i| headed.contains(&i)) {
                rest.insert(kept(key), kept(value));
                continue;
            }
            // `[{name: Ada, url: ...}]`: the names are read, and the whole is kept too.
            let richer = matches!(&value, Value::Mapping(_))
                || matches!(&value, Value::Sequence(items) if items.iter().any(|i| matches!(i, Value::Mapping(_))));
            match self.assign(&k, &v) {
                Assigned::Meta(what) => {
                    understood.push(what);
                    if richer {
                        rest.insert(kept(key), kept(value));
                    }
                }
                Assigned::Section(..) | Assigned::Kept => understood.push(k),
                Assigned::No => {
                    rest.insert(kept(key), kept(value));
                }
            }
        }
        // `#resolvedWhen: ...`: a line the author commented out is kept too.
        let comments: Vec<Kept> =
            text.lines().map(str::trim).filter(|l| l.starts_with('#')).map(|l| Kept::String(l.to_string())).collect();
        if !comments.is_empty() {
            rest.insert(Kept::String("comments".into()), Kept::Sequence(comments));
        }
        self.keep_front_matter(rest, &mut understood);
        self.report.push(1, "front matter", Outcome::Metadata(understood));
    }

    /// What front matter holds that is not read is kept under `front_matter:`, and said.
    fn keep_front_matter(&mut self, rest: Extra, understood: &mut Vec<String>) {
        if !rest.is_empty() {
            understood.push(format!("other keys kept under `front_matter:` ({})", kept_keys(&rest).join(", ")));
            self.doc.extra.insert(Kept::String("front_matter".into()), Kept::Mapping(rest));
        }
    }

    /// TOML front matter: each key read like a YAML one (by its own name, `taxonomies.author`
    /// as `author`), the others kept under `front_matter:` as text.
    pub(super) fn toml_front_matter(&mut self, text: &str) {
        let (pairs, not_understood) = super::toml::parse(text);
        let mut understood = Vec::new();
        let mut rest = Extra::new();
        for (key, value) in pairs {
            let leaf = key.rsplit('.').next().unwrap_or(&key).to_string();
            let (flat, kept) = match value {
                TomlValue::Text(t) => (t.clone(), Kept::String(t)),
                TomlValue::List(items) => {
                    (items.join(", "), Kept::Sequence(items.into_iter().map(Kept::String).collect()))
                }
            };
            let from = if key.contains('.') { format!(" from `{key}`") } else { String::new() };
            match self.assign(&leaf, &flat) {
                Assigned::Meta(what) => understood.push(format!("{what}{from}")),
                Assigned::Section(..) | Assigned::Kept => understood.push(key),
                Assigned::No => {
                    rest.insert(Kept::String(key), kept);
                }
            }
        }
        if !not_understood.is_empty() {
            rest.insert(Kept::String("not-understood".into()), Kept::String(not_understood.join("\n")));
        }
        self.keep_front_matter(rest, &mut understood);
        self.report.push(1, "front matter (TOML)", Outcome::Metadata(understood));
    }
}

fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A front matter value as text: a scalar, or a list of scalars joined by commas.
fn flatten(value: &Value) -> Option<String> {
    // `authors: [{name: Ada, url: ...}]`, as Hugo and Docusaurus write them: the names.
    let named = |v: &Value| match v {
        Value::Mapping(m) => m.get(Value::String("name".into())).and_then(scalar),
        other => scalar(other),
    };
    match value {
        Value::Sequence(items) => items.iter().map(named).collect::<Option<Vec<_>>>().map(|v| v.join(", ")),
        other => named(other),
    }
}
