//! The app's clock, injectable for tests.

use chrono::DateTime;

/// The current time; `BLAMELESS_NOW` (RFC 3339) fixes it for tests and reproducible
/// examples ("overdue", "today", new file names).
pub fn now() -> Result<DateTime<chrono::Utc>, String> {
    match std::env::var("BLAMELESS_NOW") {
        Ok(text) => DateTime::parse_from_rfc3339(&text)
            .map(|t| t.with_timezone(&chrono::Utc))
            .map_err(|_| format!("BLAMELESS_NOW=`{text}` is not an RFC 3339 time such as 2026-11-24T14:02:00Z")),
        Err(_) => Ok(chrono::Utc::now()),
    }
}
