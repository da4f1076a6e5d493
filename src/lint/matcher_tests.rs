//! Tests of `matcher.rs`.

use super::*;

/// A long text checked on several threads gives what one thread gives, finding for
/// finding: the labelled sentences and the Markdown fixture, in paragraphs of varied
/// lengths, with and without the patterns compiled beforehand.
#[test]
fn threads_find_what_one_thread_finds() {
    let corpus = [
        include_str!("../../tests/lint_corpus/sentences.txt"),
        include_str!("../../tests/lint_corpus/tuning.txt"),
        include_str!("../../tests/lint_corpus/tuning2.txt"),
    ];
    let sentences = crate::lint::labelled(&corpus);
    let mut text = String::from(include_str!("../../tests/fixtures/lint/real-shapes.md"));
    let (mut at, mut n) = (0, 1);
    while text.len() < 3 * THREADS_FROM {
        let group: Vec<&str> = (at..at + n).map(|i| sentences[i % sentences.len()]).collect();
        text.push_str(&group.join(if n % 3 == 0 { "\n" } else { " " }));
        text.push_str("\n\n");
        (at, n) = (at + n, n % 11 + 1);
    }
    assert!(text.len() > 2 * THREADS_FROM, "{} bytes", text.len());
    let checker = Checker::builtin().unwrap_or_else(|e| panic!("{e}"));
    let people = checker.markdown_people(&text);
    let prepared = super::super::mask::prepare(&text, Scope::Prose, true);
    let one = run_on(&checker, &text, &prepared, &people, 1);
    assert!(one.len() > 500, "only {} findings", one.len());
    for threads in [2, 3] {
        let fresh = Checker::builtin().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(run_on(&fresh, &text, &prepared, &people, threads), one, "{threads} threads, fresh");
        assert_eq!(run_on(&checker, &text, &prepared, &people, threads), one, "{threads} threads, compiled");
    }
}

#[test]
fn pieces_cover_the_text_and_end_at_blank_lines() {
    let para = "A sentence that goes on for a while.\n".repeat(40);
    let text = [para.as_str(); 300].join("\n");
    let pieces = pieces(&text);
    assert!(pieces.len() > 10);
    assert_eq!(pieces[0].start, 0);
    assert_eq!(pieces.last().map(|p| p.end), Some(text.len()));
    for w in pieces.windows(2) {
        assert_eq!(w[0].end, w[1].start);
        // Between the two line breaks of a blank line.
        assert!(text[..w[0].end].ends_with('\n') && text[w[0].end..].starts_with('\n'));
    }
    assert_eq!(super::pieces("short"), vec![0..5]);
    // A piece's length may end inside a character: the piece runs on to a whole one.
    let curly = "It’s the on-call’s “view” — ünïcödé.\n".repeat(60) + "\n";
    let text = curly.repeat(30);
    let pieces = super::pieces(&text);
    assert!(pieces.len() > 5);
    for p in &pieces {
        assert!(text.get(p.clone()).is_some(), "{p:?} is not on character boundaries");
    }
}
