//! The one place that names the YAML library. serde_yaml is archived upstream; swapping it for
//! a maintained fork changes this room only. Writing goes through our own emitter (`emit`) so
//! the bytes on disk are deterministic, diff-friendly and read back the same by YAML 1.1 tools.
//!
//! Every read is guarded: YAML aliases (`*name`) may not expand a file beyond
//! [`ALIAS_BUDGET`] (see `guard`), and a duplicate key is reported at its own line.

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::guard;

pub type Value = serde_yaml::Value;
pub type Mapping = serde_yaml::Mapping;

pub use super::guard::ALIAS_BUDGET;

/// A YAML error with the place it happened, when the parser knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    pub message: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// What to do about it, when we know better than "fix the YAML".
    pub hint: Option<String>,
}

impl From<serde_yaml::Error> for YamlError {
    fn from(e: serde_yaml::Error) -> Self {
        let location = e.location();
        let mut message = e.to_string();
        // serde_yaml appends " at line L column C"; we report the place separately.
        if let Some(at) = message.find(" at line ") {
            message.truncate(at);
        }
        let line = location.as_ref().map(|l| l.line());
        YamlError { message, line, column: location.map(|l| l.column()), hint: None }
    }
}

pub fn parse_value(src: &str) -> Result<Value, YamlError> {
    from_str(src)
}

/// Reads `src`, after checking what its aliases expand to.
pub fn from_str<T: DeserializeOwned>(src: &str) -> Result<T, YamlError> {
    guard::check(src)?;
    serde_yaml::from_str(src).map_err(|e| guard::place_duplicate(src, YamlError::from(e)))
}

/// Reads `src` handing over the long texts taken out of it (see `lift`) where their stand-ins
/// are read; no alias check (the caller reads only files without aliases this way).
pub(super) fn from_str_swapped<T: DeserializeOwned>(src: &str, texts: &super::swap::Texts) -> Result<T, YamlError> {
    Ok(T::deserialize(super::swap::Swap { inner: serde_yaml::Deserializer::from_str(src), texts })?)
}

pub fn from_value<T: DeserializeOwned>(value: Value) -> Result<T, YamlError> {
    Ok(serde_yaml::from_value(value)?)
}

pub fn to_value<T: Serialize>(value: &T) -> Result<Value, YamlError> {
    Ok(serde_yaml::to_value(value)?)
}

/// Writes any serializable value as YAML text with our emitter.
pub fn to_string<T: Serialize>(value: &T) -> Result<String, YamlError> {
    Ok(super::emit::emit(&to_value(value)?))
}
