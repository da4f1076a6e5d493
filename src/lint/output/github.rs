//! GitHub Actions workflow commands: one `::warning ...::message` line per finding, shown as
//! an annotation on the pull request's files.

use super::shown;
use crate::doc::Severity;
use crate::lint::FileReport;

/// `::warning file=F,line=L,col=C,endLine=L,endColumn=C,title=T::MESSAGE` per finding;
/// suggestions are `::notice`. `endColumn` is the last character's column.
pub fn github(reports: &[FileReport]) -> String {
    let mut out = String::new();
    for r in reports {
        for l in &r.findings {
            let f = &l.finding;
            let command = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Suggestion => "notice",
            };
            let mut message = f.message.clone();
            if let Some(s) = &f.suggestion {
                message.push_str("\nSuggestion: ");
                message.push_str(s);
            }
            out.push_str(&format!(
                "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                property(&shown(&r.path)),
                l.line,
                l.column,
                l.end_line,
                l.end_column.saturating_sub(1).max(l.column),
                property(&format!("blameless {} ({})", f.rule, f.category.as_str())),
                data(&message)
            ));
        }
    }
    out
}

/// A message: `%`, CR and LF escaped, as the runner expects.
fn data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// A property value: also `:` and `,`, which would end it.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_follow_the_runner() {
        assert_eq!(data("100% done\r\nnext"), "100%25 done%0D%0Anext");
        assert_eq!(property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
