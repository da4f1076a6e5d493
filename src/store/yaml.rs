//! The one place that names the YAML library. serde_yaml is archived upstream; swapping it for
//! a maintained fork changes this file only. Writing goes through our own emitter (`emit`) so
//! the bytes on disk are deterministic, diff-friendly and read back the same by YAML 1.1 tools.

use serde::Serialize;
use serde::de::DeserializeOwned;

pub type Value = serde_yaml::Value;
pub type Mapping = serde_yaml::Mapping;

/// A YAML error with the place it happened, when the parser knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    pub message: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
}

impl From<serde_yaml::Error> for YamlError {
    fn from(e: serde_yaml::Error) -> Self {
        let location = e.location();
        let mut message = e.to_string();
        // serde_yaml appends " at line L column C"; we report the place separately.
        if let Some(at) = message.find(" at line ") {
            message.truncate(at);
        }
        YamlError { message, line: location.as_ref().map(|l| l.line()), column: location.map(|l| l.column()) }
    }
}

pub fn parse_value(src: &str) -> Result<Value, YamlError> {
    Ok(serde_yaml::from_str(src)?)
}

pub fn from_str<T: DeserializeOwned>(src: &str) -> Result<T, YamlError> {
    Ok(serde_yaml::from_str(src)?)
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
