//! CSV as RFC 4180 writes it, for spreadsheets and trackers' CSV import.
//!
//! Written by hand rather than with the `csv` crate: writing is the whole need, and it is a
//! dozen lines — a field is quoted when it holds a comma, a quote, a line break or space at
//! either end, and a quote inside is doubled; records end with CRLF.
//!
//! A spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return
//! as a formula (`=HYPERLINK("http://evil.example", …)`). Such a cell is written with a `'` in
//! front, as OWASP recommends, so it is shown as the text it is.

/// CSV text being built, one record at a time.
#[derive(Debug, Default)]
pub struct Writer {
    out: String,
}

impl Writer {
    pub fn new() -> Writer {
        Writer::default()
    }

    /// Appends one record (a header is a record too).
    pub fn record<S: AsRef<str>>(&mut self, fields: impl IntoIterator<Item = S>) {
        for (i, field) in fields.into_iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            push_field(&mut self.out, field.as_ref());
        }
        self.out.push_str("\r\n");
    }

    pub fn finish(self) -> String {
        self.out
    }
}

fn push_field(out: &mut String, field: &str) {
    let neutralised;
    let field = if field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        neutralised = format!("'{field}");
        neutralised.as_str()
    } else {
        field
    };
    let quote = field.contains([',', '"', '\n', '\r'])
        || field.starts_with(char::is_whitespace)
        || field.ends_with(char::is_whitespace);
    if quote {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_they_need_it() {
        let mut w = Writer::new();
        w.record(["title", "owner"]);
        w.record(["Add a lock timeout, then alert", "Sam \"the\" on-call"]);
        w.record(["two\nlines", " padded", "plain"]);
        w.record([""; 2]);
        assert_eq!(
            w.finish(),
            "title,owner\r\n\
             \"Add a lock timeout, then alert\",\"Sam \"\"the\"\" on-call\"\r\n\
             \"two\nlines\",\" padded\",plain\r\n\
             ,\r\n"
        );
    }

    #[test]
    fn cells_that_would_start_a_formula_are_text() {
        let mut w = Writer::new();
        w.record(["=HYPERLINK(\"http://evil.example\",\"x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx", "a=b"]);
        assert_eq!(
            w.finish(),
            "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",'+1,'-2+3,'@SUM(A1),'\tx,\"'\rx\",a=b\r\n"
        );
    }
}
