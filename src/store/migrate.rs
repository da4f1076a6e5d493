//! Moving documents written in older schemas to the current one, in memory.
//!
//! Each step takes the YAML tree of schema N to schema N+1, so a file of any older schema
//! arrives in the current one. Keys a step does not know are carried over untouched.

use super::yaml::{Mapping, Value};
use crate::doc::SCHEMA;

/// Migrates `value`, written in `schema`, to the current schema.
pub fn to_current(mut value: Value, schema: u32) -> Result<Value, String> {
    if schema == 0 {
        return Err("`schema: 0` is not a document schema; the first one is 1".to_string());
    }
    for from in schema..SCHEMA {
        let map = value.as_mapping_mut().ok_or("the top level is not a mapping")?;
        match from {
            1 => from_1_to_2(map),
            _ => return Err(format!("no migration from schema {from}")),
        }
        map.insert("schema".into(), Value::from(from + 1));
    }
    Ok(value)
}

/// Schema 1 (the pre-release format) kept the incident times at the top level, called the
/// follow-up actions `follow_ups`, and the time of a timeline entry `at`.
fn from_1_to_2(map: &mut Mapping) {
    let mut times = Mapping::new();
    for key in ["started", "detected", "mitigated", "resolved"] {
        if let Some(v) = map.remove(key) {
            times.insert(key.into(), v);
        }
    }
    if !times.is_empty() {
        let entry = map.entry("times".into()).or_insert_with(|| Value::Mapping(Mapping::new()));
        if let Some(existing) = entry.as_mapping_mut() {
            for (k, v) in times {
                existing.entry(k).or_insert(v);
            }
        }
    }
    if let Some(actions) = map.remove("follow_ups") {
        map.entry("actions".into()).or_insert(actions);
    }
    if let Some(Value::Sequence(entries)) = map.get_mut("timeline") {
        for entry in entries.iter_mut().filter_map(Value::as_mapping_mut) {
            if let Some(at) = entry.remove("at") {
                entry.entry("time".into()).or_insert(at);
            }
        }
    }
}
