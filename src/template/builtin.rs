//! The built-in templates, embedded from the repository's `templates/` folder.

/// `(name, YAML text)` of every built-in template, in the order they are listed.
pub const BUILTIN: [(&str, &str); 7] = [
    ("default", include_str!("../../templates/default.yaml")),
    ("lightweight", include_str!("../../templates/lightweight.yaml")),
    ("learning-review", include_str!("../../templates/learning-review.yaml")),
    ("google-sre", include_str!("../../templates/google-sre.yaml")),
    ("pagerduty", include_str!("../../templates/pagerduty.yaml")),
    ("atlassian", include_str!("../../templates/atlassian.yaml")),
    ("gitlab", include_str!("../../templates/gitlab.yaml")),
];
