// TEMPORARY placeholder until the real emitter lands (helper is writing it).
pub fn emit(value: &serde_yaml::Value) -> String {
    serde_yaml::to_string(value).unwrap_or_default()
}
