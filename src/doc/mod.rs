//! The postmortem document: what is written to a YAML file, one incident per file.
//!
//! The document is self-contained: it carries the name and version of the template it was made
//! from and every section's title and kind, so it opens and exports when the template later
//! changes or disappears. Keys this version does not know (written by a newer blameless or by
//! hand) are kept in `extra` and written back.

pub mod clock;
pub mod entry;
mod numbers;
mod printable;
pub mod time;
mod validate;
pub mod zone_words;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};

pub mod extra;
pub use extra::Extra;
pub use numbers::{Numbers, format_duration};
pub use printable::{printable, printable_lines};
pub use time::{Moment, Zone};
pub use validate::{Finding, Severity, validate};

/// The document format version this build writes. Older ones are migrated on load.
pub const SCHEMA: u32 = 2;

/// The title of a document nobody has named yet.
pub const UNTITLED: &str = "Untitled incident";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Document {
    /// The document format version; a file from a newer blameless is refused, not rewritten.
    #[schemars(range(min = 1, max = SCHEMA))]
    pub schema: u32,
    pub title: String,
    #[serde(default)]
    pub status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "optional_text")]
    pub severity: Option<String>,
    pub template: TemplateRef,
    /// IANA name (`Europe/Berlin`), `UTC` or an offset (`+05:30`); times typed without an
    /// offset are read in this zone.
    #[serde(default = "default_zone_text")]
    pub timezone: String,
    #[serde(default, deserialize_with = "text_list")]
    pub authors: Vec<String>,
    #[serde(default, deserialize_with = "text_list")]
    pub services: Vec<String>,
    #[serde(default, deserialize_with = "text_list")]
    pub tags: Vec<String>,
    #[serde(default)]
    pub times: IncidentTimes,
    #[serde(default)]
    pub sections: Vec<Section>,
    #[serde(default)]
    pub timeline: Vec<TimelineEntry>,
    #[serde(default)]
    pub factors: Vec<Factor>,
    #[serde(default)]
    pub actions: Vec<FollowUp>,
    /// Checker findings the team looked at and decided to keep as written (see `lint`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dismissed: Vec<Dismissal>,
    /// Each change of `status`, oldest first, as `blameless status` records it, so a review
    /// shows in the file and in `blameless list`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub status_history: Vec<StatusChange>,
    #[serde(flatten)]
    #[schemars(with = "ExtraKeys")]
    pub extra: Extra,
}

/// A checker finding dismissed on purpose: which rule, the words it flagged, who decided and
/// why. The words, not a position, identify it, so the dismissal survives edits elsewhere.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Dismissal {
    #[serde(deserialize_with = "text")]
    pub rule: String,
    #[serde(deserialize_with = "text")]
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "optional_text")]
    pub by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "optional_text")]
    pub reason: Option<String>,
    #[serde(flatten)]
    #[schemars(with = "ExtraKeys")]
    pub extra: Extra,
}

/// One change of a document's status: from what, to what, who made it and when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct StatusChange {
    /// The status before; absent when not known (a hand-written entry).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Status>,
    pub to: Status,
    /// Who changed it: `git config user.name`, else the login name.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "optional_text")]
    pub by: Option<String>,
    pub at: Moment,
    #[serde(flatten)]
    #[schemars(with = "ExtraKeys")]
    pub extra: Extra,
}

/// What unknown keys look like to the JSON Schema: any further key with any value is allowed
/// and kept, because a newer blameless or a person may add keys this version does not know.
type ExtraKeys = std::collections::BTreeMap<String, serde_json::Value>;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    #[default]
    Draft,
    InReview,
    Published,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::InReview => "in-review",
            Status::Published => "published",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TemplateRef {
    #[serde(deserialize_with = "text")]
    pub name: String,
    pub version: u32,
    #[serde(flatten)]
    #[schemars(with = "ExtraKeys")]
    pub extra: Extra,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct IncidentTimes {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started: Option<Moment>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detected: Option<Moment>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mitigated: Option<Moment>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved: Option<Moment>,
    #[serde(flatten)]
    #[schemars(with = "ExtraKeys")]
    pub extra: Extra,
}

/// The kinds of section a template can have; shared by templates and documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum SectionKind {
    /// Prose, written as Markdown.
    Text,
    /// The document's timeline.
    Timeline,
    /// The document's follow-up actions.
    Actions,
    /// The document's contributing factors.
    Factors,
    /// A small form of labelled one-line answers.
    Fields,
}

impl SectionKind {
    pub const ALL: [SectionKind; 5] =
        [SectionKind::Text, SectionKind::Timeline, SectionKind::Actions, SectionKind::Factors, SectionKind::Fields];

    pub fn as_str(self) -> &'static str {
        match self {
            SectionKind::Text => "text",
            SectionKind::Timeline => "timeline",
            SectionKind::Actions => "actions",
            SectionKind::Factors => "factors",
            SectionKind::Fields => "fields",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Section {
    #[serde(deserialize_with = "text")]
    pub id: String,
    #[serde(deserialize_with = "text")]
    pub title: String,
    pub kind: SectionKind,
    #[serde(default, skip_serializing_if = "is_false")]
    pub required: bool,
    #[serde(default, skip_serializing_if = "String::is_empty", deserialize_with = "text")]
    pub text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldAnswer>,
    #[serde(flatten)]
    #[schemars(with = "ExtraKeys")]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct FieldAnswer {
    #[serde(deserialize_with = "text")]
    pub id: String,
    #[serde(deserialize_with = "text")]
    pub label: String,
    #[serde(default, skip_serializing_if = "String::is_empty", deserialize_with = "text")]
    pub value: String,
    #[serde(flatten)]
    #[schemars(with = "ExtraKeys")]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TimelineEntry {
    pub time: Moment,
    #[serde(default, deserialize_with = "text")]
    pub event: String,
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "optional_text")]
    pub evidence: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<Marker>,
    #[serde(flatten)]
    #[schemars(with = "ExtraKeys")]
    pub extra: Extra,
}

/// Which incident time a timeline entry marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Marker {
    Started,
    Detected,
    Mitigated,
    Resolved,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Factor {
    #[serde(deserialize_with = "text")]
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "optional_text")]
    pub category: Option<String>,
    #[serde(flatten)]
    #[schemars(with = "ExtraKeys")]
    pub extra: Extra,
}

/// A follow-up action ("action item").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct FollowUp {
    #[serde(deserialize_with = "text")]
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "optional_text")]
    pub owner: Option<String>,
    /// A date (`2026-12-01`); other text is kept as typed and reported.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "optional_text")]
    pub due: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<Priority>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ActionKind>,
    #[serde(default)]
    pub status: ActionStatus,
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "optional_text")]
    pub ticket: Option<String>,
    #[serde(flatten)]
    #[schemars(with = "ExtraKeys")]
    pub extra: Extra,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Priority {
    High,
    Medium,
    Low,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ActionKind {
    Prevent,
    Detect,
    Mitigate,
    Process,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ActionStatus {
    #[default]
    Open,
    InProgress,
    Done,
    WontDo,
}

/// The words the enums are written as in files, for messages and exports.
macro_rules! words {
    ($t:ty { $($v:ident => $w:literal),* $(,)? }) => {
        impl $t {
            pub fn as_str(self) -> &'static str {
                match self { $(<$t>::$v => $w),* }
            }
        }
    };
}
words!(Marker { Started => "started", Detected => "detected", Mitigated => "mitigated", Resolved => "resolved" });
words!(Priority { High => "high", Medium => "medium", Low => "low" });
words!(ActionKind { Prevent => "prevent", Detect => "detect", Mitigate => "mitigate", Process => "process" });
words!(ActionStatus { Open => "open", InProgress => "in-progress", Done => "done", WontDo => "wont-do" });

impl Document {
    /// The document's time zone; an unreadable one falls back to UTC (and `validate` says so).
    pub fn zone(&self) -> Zone {
        self.timezone.parse().unwrap_or_else(|_| Zone::utc())
    }

    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    /// Whether a section has anything written in it.
    pub fn is_written(&self, section: &Section) -> bool {
        match section.kind {
            SectionKind::Text => !section.text.trim().is_empty(),
            SectionKind::Fields => section.fields.iter().any(|f| !f.value.trim().is_empty()),
            SectionKind::Timeline => !self.timeline.is_empty(),
            SectionKind::Actions => !self.actions.is_empty(),
            SectionKind::Factors => !self.factors.is_empty(),
        }
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

fn default_zone_text() -> String {
    "UTC".to_string()
}

/// Reads any YAML scalar as text. A hand-written `title: 2026` or `owner: no` means the text
/// the user typed, not a number or a boolean.
pub(crate) fn scalar_text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    struct Text;
    impl serde::de::Visitor<'_> for Text {
        type Value = String;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("text")
        }
        fn visit_str<E>(self, v: &str) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_string<E>(self, v: String) -> Result<String, E> {
            Ok(v)
        }
        fn visit_bool<E>(self, v: bool) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_i64<E>(self, v: i64) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_u64<E>(self, v: u64) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_f64<E>(self, v: f64) -> Result<String, E> {
            // `1e308` stays `1e308`, not a 309-digit number nobody typed.
            let text = v.to_string();
            Ok(if text.len() > 20 { format!("{v:?}") } else { text })
        }
    }
    d.deserialize_any(Text)
}

fn text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Option::<TextValue>::deserialize(d).map(|t| t.map(|t| t.0).unwrap_or_default())
}

fn optional_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Option::<TextValue>::deserialize(d).map(|t| t.map(|t| t.0).filter(|t| !t.is_empty()))
}

fn text_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    Option::<Vec<TextValue>>::deserialize(d).map(|v| v.unwrap_or_default().into_iter().map(|t| t.0).collect())
}

struct TextValue(String);

impl<'de> Deserialize<'de> for TextValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        scalar_text(d).map(TextValue)
    }
}
