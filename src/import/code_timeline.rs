//! A timeline written as preformatted text: a fenced code block whose lines start with a time
//! and go on in words (`14:05 Alert fired for 5xx errors`), in a file with no timeline heading.
//! A log pasted in a fence (`2024-03-05T14:05:01Z ERROR conn refused`, `[worker-3] ...`) is
//! the machine's words, kept as code.

/// The block's lines without its fences, when it is a fenced code block of three or more lines,
/// two in three of which `timed` says start with a time, none of them a log's.
pub(super) fn timed_lines(source: &str, timed: impl Fn(&str) -> bool) -> Option<Vec<String>> {
    let trimmed = source.trim();
    let fence = ["```", "~~~"].into_iter().find(|f| trimmed.starts_with(f))?;
    let inner: Vec<&str> = trimmed.lines().skip(1).filter(|l| !l.trim_start().starts_with(fence)).collect();
    let lines: Vec<&str> = inner.iter().copied().filter(|l| !l.trim().is_empty()).collect();
    let stamped = lines.iter().filter(|l| timed(l.trim())).count();
    let log = lines.iter().any(|l| logged(l));
    (lines.len() >= 3 && stamped * 3 >= lines.len() * 2 && !log).then(|| inner.iter().map(|l| l.to_string()).collect())
}

/// A log line: a level word in capitals, a bracketed source (`[worker-3]`; a bracketed time,
/// `[14:05]`, is a told line's stamp) or a `key=value`.
fn logged(line: &str) -> bool {
    const LEVELS: [&str; 8] = ["ERROR", "WARN", "WARNING", "INFO", "DEBUG", "TRACE", "FATAL", "CRITICAL"];
    line.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '=' && c != '[');
        let source = w.starts_with('[') && !w[1..].starts_with(|c: char| c.is_ascii_digit());
        LEVELS.contains(&w) || source || (w.contains('=') && !w.starts_with('='))
    })
}

#[cfg(test)]
mod tests {
    use super::timed_lines;

    fn timed(l: &str) -> bool {
        l.split_whitespace().next().is_some_and(|w| w.contains(':'))
    }

    #[test]
    fn a_fence_of_timed_lines_is_read_and_a_log_is_not() {
        let told =
            "```\n14:05 Alert fired for 5xx errors\n14:10 On-call acknowledged\n\n14:30 Rolled back the deploy\n```";
        assert_eq!(timed_lines(told, timed).map(|l| l.len()), Some(4));
        let log = "```\n14:05:01 ERROR connection refused\n14:05:02 INFO retrying\n14:05:03 INFO retrying\n```";
        assert_eq!(timed_lines(log, timed), None);
        let short = "```\n14:05 Alert fired\n14:10 Acknowledged\n```";
        assert_eq!(timed_lines(short, timed), None);
        // Bracketed times are no log's bracketed source.
        let bracketed = "```\n[14:05] Alert fired\n[14:10] On-call acknowledged\n[14:30] Rolled back\n```";
        assert_eq!(timed_lines(bracketed, |l| l.starts_with("[1")).map(|l| l.len()), Some(3));
        let sourced = "```\n14:05 [worker-3] conn refused\n14:06 [worker-3] retrying\n14:07 [worker-1] ok\n```";
        assert_eq!(timed_lines(sourced, timed), None);
    }
}
