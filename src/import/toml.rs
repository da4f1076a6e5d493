//! TOML front matter (`+++` ... `+++`, as Hugo and Zola write it), read as far as front matter
//! needs: `key = value` with strings, numbers, booleans, dates and arrays of them, over several
//! lines too, and `[table]` headers. Each key comes back with the tables it is under
//! (`taxonomies.author`). No TOML crate is in the dependency tree, and front matter uses this
//! much of the language; what is not understood is kept as written.

/// A value: text, or a list of texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TomlValue {
    Text(String),
    List(Vec<String>),
}

/// The keys and values, in order, each key with its table path; and the lines not understood.
pub fn parse(text: &str) -> (Vec<(String, TomlValue)>, Vec<String>) {
    let mut out = Vec::new();
    let mut not_understood = Vec::new();
    let mut table = String::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        if let Some(name) = t.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
            table = name.trim_matches(['[', ']', ' ']).to_string();
            continue;
        }
        let Some((key, value)) = t.split_once('=') else {
            not_understood.push(line.to_string());
            continue;
        };
        let mut value = value.trim().to_string();
        // An array over several lines.
        while value.starts_with('[') && !balanced(&value) {
            match lines.next() {
                Some(more) => {
                    value.push(' ');
                    value.push_str(more.trim());
                }
                None => break,
            }
        }
        let key = key.trim().trim_matches(['"', '\'']).to_string();
        let key = if table.is_empty() { key } else { format!("{table}.{key}") };
        match read_value(&value) {
            Some(v) => out.push((key, v)),
            None => not_understood.push(line.to_string()),
        }
    }
    (out, not_understood)
}

fn balanced(text: &str) -> bool {
    let mut depth = 0i32;
    let mut quote: Option<char> = None;
    for c in text.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '[') => depth += 1,
            (None, ']') => depth -= 1,
            _ => {}
        }
    }
    depth <= 0
}

fn read_value(text: &str) -> Option<TomlValue> {
    let t = text.trim();
    if let Some(inner) = t.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
        let items = split_items(inner).into_iter().filter_map(|i| scalar(&i)).collect();
        return Some(TomlValue::List(items));
    }
    scalar(t).map(TomlValue::Text)
}

fn split_items(inner: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut current = String::new();
    let mut quote: Option<char> = None;
    for c in inner.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => {
                quote = None;
                current.push(c);
            }
            (None, '"' | '\'') => {
                quote = Some(c);
                current.push(c);
            }
            (None, ',') => items.push(std::mem::take(&mut current)),
            _ => current.push(c),
        }
    }
    items.push(current);
    items.into_iter().map(|i| i.trim().to_string()).filter(|i| !i.is_empty()).collect()
}

/// A string (basic or literal, with the common escapes), or a bare number, boolean or date as
/// written; a trailing comment goes.
fn scalar(text: &str) -> Option<String> {
    let t = text.trim();
    if let Some(rest) = t.strip_prefix('\'') {
        return rest.find('\'').map(|end| rest[..end].to_string());
    }
    if let Some(rest) = t.strip_prefix('"') {
        let mut out = String::new();
        let mut chars = rest.chars();
        while let Some(c) = chars.next() {
            match c {
                '"' => return Some(out),
                '\\' => match chars.next() {
                    Some('n') => out.push('\n'),
                    Some('t') => out.push('\t'),
                    Some(other) => out.push(other),
                    None => {}
                },
                c => out.push(c),
            }
        }
        return None;
    }
    let bare = t.split(" #").next().unwrap_or(t).trim();
    (!bare.is_empty() && !bare.starts_with('{')).then(|| bare.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_as_static_sites_write_it() {
        let (pairs, rest) = parse(
            "title = \"Disk \\\"full\\\"\"\ndate = 2025-10-10T10:00:00Z\ndraft = false # hidden\n\n[taxonomies]\nauthor = [\"Ada\",\n  'Bo, Jr']\nweird line\n",
        );
        assert_eq!(
            pairs,
            [
                ("title".to_string(), TomlValue::Text("Disk \"full\"".into())),
                ("date".to_string(), TomlValue::Text("2025-10-10T10:00:00Z".into())),
                ("draft".to_string(), TomlValue::Text("false".into())),
                ("taxonomies.author".to_string(), TomlValue::List(vec!["Ada".into(), "Bo, Jr".into()])),
            ]
        );
        assert_eq!(rest, ["weird line"]);
    }
}
