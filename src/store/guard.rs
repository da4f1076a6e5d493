//! What a YAML file may cost to read. An alias (`*name`) repeats the node its anchor
//! (`&name`) marks, so a small file can stand for gigabytes: one 1 MB scalar aliased 2,000
//! times. Before a file with aliases is read for real, one pass walks it as the reader would
//! expand it, counting without keeping anything, and refuses it past [`ALIAS_BUDGET`]. A file
//! without anchors and aliases skips the pass.
//!
//! Also here: a duplicate key, which the reader reports at the start of its mapping, is moved
//! to the line of the second key.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor};

use super::MAX_FILE_BYTES;
use super::yaml::YamlError;

/// What a document, template or configuration may expand to, in bytes of text plus
/// [`NODE_COST`] per node: as much as a file may hold, so whatever loads can be saved again.
pub const ALIAS_BUDGET: u64 = MAX_FILE_BYTES;

/// What one node (a value, a list, a mapping) costs in memory, roughly, besides its text.
const NODE_COST: u64 = 32;

/// Refuses `src` when its aliases expand it beyond [`ALIAS_BUDGET`].
pub fn check(src: &str) -> Result<(), YamlError> {
    if !has_aliases(src) {
        return Ok(());
    }
    let mut budget = Budget { left: ALIAS_BUDGET };
    match budget.deserialize(serde_yaml::Deserializer::from_str(src)) {
        Err(e) if budget.left == 0 => {
            let mut e = YamlError::from(e);
            e.hint = Some(
                "write the repeated text out where it is needed, or remove the `&anchor` and its `*alias`es \
                 (blameless never writes aliases)"
                    .to_string(),
            );
            Err(e)
        }
        // Any other error is the reader's to report, with its own place.
        _ => Ok(()),
    }
}

/// Whether `src` may hold anchors and aliases, so that [`check`] has work to do.
pub fn has_aliases(src: &str) -> bool {
    has_mark(src, '&') && has_mark(src, '*')
}

/// Whether `mark` (`&` or `*`) starts a word somewhere in `src`, as an anchor or alias does.
fn has_mark(src: &str, mark: char) -> bool {
    src.match_indices(mark).any(|(i, _)| {
        let before = src[..i].chars().next_back();
        let after = src[i + 1..].chars().next();
        before.is_none_or(|c| c.is_whitespace() || matches!(c, '[' | '{' | ',' | ':' | '-' | '?'))
            && after.is_some_and(|c| !c.is_whitespace())
    })
}

struct Budget {
    left: u64,
}

struct OverBudget;

impl fmt::Display for OverBudget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "YAML aliases (`*name`) expand this file to more than {} MB; it is refused rather than read",
            ALIAS_BUDGET / 1_000_000
        )
    }
}

impl Budget {
    fn spend<E: de::Error>(&mut self, bytes: usize) -> Result<(), E> {
        let cost = bytes as u64 + NODE_COST;
        if cost > self.left {
            self.left = 0;
            return Err(E::custom(OverBudget));
        }
        self.left -= cost;
        Ok(())
    }
}

impl<'de> DeserializeSeed<'de> for &mut Budget {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for &mut Budget {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML")
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        self.spend(0)
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        self.spend(0)
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        self.spend(0)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        self.spend(0)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        self.spend(v.len())
    }
    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<(), E> {
        self.spend(v.len())
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.spend(0)
    }
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.spend(0)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        self.deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.spend::<A::Error>(0)?;
        while seq.next_element_seed(&mut *self)?.is_some() {}
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        self.spend::<A::Error>(0)?;
        while map.next_key_seed(&mut *self)?.is_some() {
            map.next_value_seed(&mut *self)?;
        }
        Ok(())
    }
    /// A tagged node (`!tag value`).
    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<(), A::Error> {
        let (_, variant) = data.variant::<de::IgnoredAny>()?;
        variant.newtype_variant_seed(&mut *self)
    }
}

/// `error`, moved from the start of a mapping to the line of its second `key`, when it is a
/// duplicate key in block style; otherwise as it was.
pub fn place_duplicate(src: &str, mut error: YamlError) -> YamlError {
    let key = duplicate_key(&error.message);
    if let (Some(key), Some(line), Some(column)) = (key, error.line, error.column)
        && let Some(found) = second_key(src, &key, line, column)
    {
        error.line = Some(found);
        error.hint = Some(format!("remove one of the two `{key}:` lines, or merge them"));
    }
    error
}

/// The key of `duplicate entry with key "x"` (a YAML tree) or `duplicate field `x`` (a
/// document's own field).
fn duplicate_key(message: &str) -> Option<String> {
    // The reader puts the path first: `actions[0]: duplicate entry ...`.
    if let Some(at) = message.find("duplicate entry with key ") {
        let rest = message[at + "duplicate entry with key ".len()..].trim_matches('`');
        return Some(serde_json::from_str::<String>(rest).unwrap_or_else(|_| rest.to_string()));
    }
    let at = message.find("duplicate field `")?;
    Some(message[at + "duplicate field `".len()..].split('`').next()?.to_string())
}

/// The 1-based line of the second `key:` of the block mapping that starts at `line`,
/// `column`.
fn second_key(src: &str, key: &str, line: usize, column: usize) -> Option<usize> {
    let indent = column - 1;
    let mut seen = 0;
    for (i, text) in src.lines().enumerate().skip(line - 1) {
        let lead = text.len() - text.trim_start_matches([' ', '-']).len();
        let content = text.trim_start();
        if i + 1 > line && !content.is_empty() && !content.starts_with('#') && lead < indent {
            return None; // the mapping ended
        }
        let at_key = text.get(indent..).filter(|_| lead == indent || (i + 1 == line && lead <= indent));
        let Some(rest) = at_key else { continue };
        let name = rest.split_once(':').map(|(k, _)| k.trim().trim_matches(['"', '\'']));
        if name == Some(key) {
            seen += 1;
            if seen == 2 {
                return Some(i + 1);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_within_the_budget_load_and_a_bomb_is_refused() {
        assert!(check("a: &x hello\nb: *x\nc: [*x, *x]\n").is_ok());
        let big = "x".repeat(1_000_000);
        let bomb = format!("a: &big {big}\nb: [{}]\n", vec!["*big"; 40].join(", "));
        let e = check(&bomb).err().map(|e| (e.message, e.line)).unwrap_or_default();
        assert!(e.0.contains("YAML aliases (`*name`) expand this file to more than 32 MB"), "{e:?}");
        assert!(e.1.is_some(), "the refusal has a place");
        let laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n\
                      c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n\
                      e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n\
                      g: [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n";
        assert!(check(laughs).is_err() || serde_yaml::from_str::<serde_yaml::Value>(laughs).is_err());
    }

    #[test]
    fn marks_inside_words_are_not_anchors() {
        assert!(!has_mark("R&D and 2*3", '&') && !has_mark("R&D and 2*3", '*'));
        assert!(has_mark("a: &x 1", '&') && has_mark("b: *x", '*') && has_mark("- *x", '*'));
    }

    #[test]
    fn a_duplicate_key_is_placed_at_its_second_line() {
        let src = "schema: 2\ntitle: a\nsections:\n  - id: x\n    title: t\n    title: u\ntitle: b\n";
        let top = YamlError {
            message: "duplicate entry with key \"title\"".into(),
            line: Some(1),
            column: Some(1),
            hint: None,
        };
        assert_eq!(place_duplicate(src, top).line, Some(7));
        let nested =
            YamlError { message: "duplicate field `title`".into(), line: Some(4), column: Some(5), hint: None };
        assert_eq!(place_duplicate(src, nested).line, Some(6));
    }
}
