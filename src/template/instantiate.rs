//! A new, empty document made from a template.

use crate::doc::{Document, Extra, FieldAnswer, IncidentTimes, SCHEMA, Section, Status, TemplateRef, Zone};

use super::Template;

impl Template {
    /// An empty draft with this template's sections, ready to be written.
    pub fn new_document(&self, title: &str, zone: &Zone) -> Document {
        let sections = self
            .sections
            .iter()
            .map(|s| Section {
                id: s.id.clone(),
                title: s.title.clone(),
                kind: s.kind,
                required: s.required,
                text: String::new(),
                fields: s
                    .fields
                    .iter()
                    .map(|f| FieldAnswer {
                        id: f.id.clone(),
                        label: f.label.clone(),
                        value: String::new(),
                        extra: Extra::new(),
                    })
                    .collect(),
                extra: Extra::new(),
            })
            .collect();
        Document {
            schema: SCHEMA,
            title: title.to_string(),
            status: Status::Draft,
            severity: None,
            template: TemplateRef { name: self.name.clone(), version: self.version, extra: Extra::new() },
            timezone: zone.to_string(),
            authors: Vec::new(),
            services: Vec::new(),
            tags: Vec::new(),
            times: IncidentTimes::default(),
            sections,
            timeline: Vec::new(),
            factors: Vec::new(),
            actions: Vec::new(),
            dismissed: Vec::new(),
            status_history: Vec::new(),
            extra: Extra::new(),
        }
    }
}
