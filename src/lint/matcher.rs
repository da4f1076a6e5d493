//! Running the rules over prepared text: one scan for trigger words says which patterns can
//! match at all; each match is then read in its sentence — scope, exceptions, who the subject or object
//! is — before it becomes a finding with its span and rewrite.

use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::mask::Prepared;
use super::pattern::Found;
use super::people::{People, Phrase, Reader};
use super::rules::{Pattern, Rule};
use super::sieve;
use super::tokens::sentence;
use super::{Checker, Rewrite, Scope, TextFinding};
use crate::doc::Severity;

/// Findings in `original`, whose prepared form is `prepared`, sorted by position.
pub(super) fn run(checker: &Checker, original: &str, prepared: &Prepared, people: &People) -> Vec<TextFinding> {
    run_on(checker, original, prepared, people, threads_for(prepared.masked.len()))
}

/// As [`run`], on up to `threads` threads.
fn run_on(checker: &Checker, original: &str, prepared: &Prepared, people: &People, threads: usize) -> Vec<TextFinding> {
    let masked = prepared.masked.as_str();
    // Each pattern runs on its own, and only around its trigger words, where a word of each of
    // its sets is within its reach (the windows of `Gate::windows`): a RegexSet over all of
    // them cost ~19 MB and tens of milliseconds to build. A long text is gated piece by piece
    // (paragraphs, never split inside one), and its pieces are shared out among threads.
    let words = checker.rules.gate.words_in(masked);
    let pieces = pieces(masked);
    let threads = threads.min(pieces.len());
    let scan = Scan { checker, original, prepared, people, words: &words, pieces: &pieces };
    let mut out = if threads > 1 {
        // Each thread takes the next piece not yet taken: how long a piece takes varies with
        // how many patterns it opens. A pattern two threads need is compiled once (the other
        // waits for it). Pieces never share a sentence, so the findings are the same, in the
        // same order once sorted, however the pieces were shared out.
        // First the patterns the text opens are compiled, shared out among the threads too.
        let open = scan.open();
        let next = AtomicUsize::new(0);
        std::thread::scope(|scope| {
            let work = |part: usize| {
                checker.compile_open(&open, part, threads);
                scan.pieces_from(&next)
            };
            let workers: Vec<_> = (1..threads).map(|part| scope.spawn(move || work(part))).collect();
            let mut out = work(0);
            for worker in workers {
                out.extend(worker.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
            }
            out
        })
    } else {
        scan.pieces_from(&AtomicUsize::new(0))
    };
    out.sort_by_key(|f| (f.span.start, f.span.end));
    dedupe(out)
}

/// From this many bytes of text on, the pieces are checked on more than one thread (as many
/// as the machine runs at once, at most four): below it a thread costs more than it saves.
const THREADS_FROM: usize = 64 * 1024;

fn threads_for(len: usize) -> usize {
    if len < THREADS_FROM {
        return 1;
    }
    std::thread::available_parallelism().map_or(1, |n| n.get().min(4))
}

/// What every piece of one text is checked with.
struct Scan<'a> {
    checker: &'a Checker,
    original: &'a str,
    prepared: &'a Prepared,
    people: &'a People,
    /// The gate's trigger words in the whole text.
    words: &'a [(u32, u16)],
    pieces: &'a [Range<usize>],
}

impl Scan<'_> {
    /// Which patterns some piece opens (see [`Checker::open_patterns`]).
    fn open(&self) -> Vec<bool> {
        let gate = &self.checker.rules.gate;
        let masked = self.prepared.masked.as_str();
        let mut open = vec![false; self.checker.rules.owners.len()];
        for piece in self.pieces {
            let hits = gate.hits_in(masked, self.words, piece.clone());
            gate.mark_open(&hits, &masked[piece.clone()], &self.checker.rules.reach, &mut open);
        }
        open
    }

    /// The findings of the pieces taken from `next` (each piece by one caller), unsorted.
    fn pieces_from(&self, next: &AtomicUsize) -> Vec<TextFinding> {
        let mut out = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(piece) = self.pieces.get(i) else { return out };
            self.piece(piece.clone(), &mut out);
        }
    }

    fn piece(&self, piece: Range<usize>, out: &mut Vec<TextFinding>) {
        let (checker, masked) = (self.checker, self.prepared.masked.as_str());
        let text = &masked[piece.clone()];
        let hits = checker.rules.gate.hits_in(masked, self.words, piece.clone());
        for (k, &(r, p)) in checker.rules.owners.iter().enumerate() {
            let rule = &checker.rules.rules[r];
            if !hits.open[k] || !checker.config.enabled(rule) {
                continue;
            }
            let windows = checker.rules.gate.windows(&hits, k, text, checker.rules.reach[k]);
            if windows.is_empty() {
                continue;
            }
            let pattern = &rule.patterns[p];
            let Some(regex) = pattern.regex.searcher(text, checker.quick_forms) else { continue };
            // `lint`'s many windows of one pattern first through its sieve (see `sieve.rs`).
            let sieve = if checker.quick_forms { None } else { pattern.regex.sieve(windows.len()) };
            let windows = windows.into_iter().filter(|w| sieve::passes(sieve, text, w));
            for found in windows.flat_map(|w| regex.matches_in(text, w)) {
                if found.range.is_empty() {
                    continue;
                }
                // A pattern that reads the stop before its sentence (`[.!?]\s+Rushing ...`)
                // reports from the sentence's first word.
                let mut found = found;
                let matched = &text[found.range.clone()];
                let lead = matched.len()
                    - matched.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '!' | '?')).len();
                if lead < matched.len() {
                    found.range.start += lead;
                }
                let found = found.shifted(piece.start);
                let ctx = Match {
                    checker,
                    original: self.original,
                    prepared: self.prepared,
                    people: self.people,
                    rule,
                    pattern,
                    range: found.range.clone(),
                    found,
                };
                if let Some(finding) = ctx.finding() {
                    out.push(finding);
                }
            }
        }
    }
}

/// How long a piece of a long text is before it ends at the next blank line.
const PIECE: usize = 1024;

/// `text` in pieces that end at a blank line (where no sentence goes on) once they are
/// [`PIECE`] long; a short text is one piece.
pub(super) fn pieces(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    while text.len() - start > PIECE {
        let mut from = start + PIECE;
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let Some(gap) = text[from..].find("\n\n") else { break };
        let end = from + gap + 1;
        out.push(start..end);
        start = end;
    }
    out.push(start..text.len());
    out
}

struct Match<'a> {
    checker: &'a Checker,
    original: &'a str,
    prepared: &'a Prepared,
    people: &'a People,
    rule: &'a Rule,
    pattern: &'a Pattern,
    found: Found<'a>,
    range: Range<usize>,
}

impl Match<'_> {
    fn finding(&self) -> Option<TextFinding> {
        let masked = self.prepared.masked.as_str();
        // (`\b` is ASCII, pattern.rs: a word glued to a non-ASCII letter, "öcareless", is inside one.)
        let glued = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() && !c.is_ascii());
        let m = &masked[self.range.clone()];
        if m.starts_with(char::is_alphanumeric) && glued(masked[..self.range.start].chars().next_back())
            || m.ends_with(char::is_alphanumeric) && glued(masked[self.range.end..].chars().next())
        {
            return None;
        }
        // A pattern may start at the stop before its sentence ("[.!?]\s+because"): the
        // sentence is the one its first word is in.
        let first_word = masked[self.range.clone()].find(char::is_alphanumeric).unwrap_or(0);
        let sentence = sentence(masked, self.range.start + first_word);
        let scope = self.prepared.scope_at(self.range.start);
        let question = masked[sentence.clone()].trim_end().ends_with('?');
        let applies = self.rule.scope.contains(&scope) || (question && self.rule.scope.contains(&Scope::Questions));
        if !applies
            || self.excepted(&sentence)
            || (question && self.rule.category != super::Category::PersonQuestion && offered(&masked[sentence.clone()]))
        {
            return None;
        }
        let reader =
            Reader { text: masked, sentence: sentence.clone(), lex: &self.checker.lexicon, people: self.people };
        if reader.lacks_object(self.range.end) {
            return None;
        }
        if self.rule.category == super::Category::Character && reader.judges_the_writers(self.range.clone()) {
            return None;
        }
        if reader.denied(self.range.clone(), self.rule.category != super::Category::Omission) {
            return None;
        }
        let mut start = self.range.start;
        // A pattern may mark its verb (`(?P<verb>...)`): the subject is read before it.
        let anchor = self.found.group("verb").map_or(self.range.start, |v| v.start);
        let mut subject: Option<Phrase> = None;
        if let Some(who) = self.pattern.subject {
            let found = reader.subject_before(anchor);
            if !found.satisfies(who) {
                return None;
            }
            start = start.min(found.range.start);
            subject = Some(found);
        }
        let mut object: Option<Phrase> = None;
        if let Some(who) = self.pattern.object {
            let found = reader.object_after(self.range.end);
            if !found.satisfies(who) {
                return None;
            }
            object = Some(found);
        }
        if let Some(who) = self.pattern.actor
            && !reader.actor(anchor).satisfies(who)
        {
            return None;
        }
        if let Some(who) = self.pattern.opener
            && (!reader.opener().satisfies(who) || reader.relative_thing_acts(anchor) || reader.writers_act(anchor))
        {
            return None;
        }
        // Read last, for what is left: blame argued about as a case or a topic, or taken back,
        // blames nobody. A counterfactual is a case by nature; a fix aimed at people is one
        // whatever is said after it.
        if self.rule.category != super::Category::Counterfactual
            && reader.argued(
                self.range.clone(),
                self.rule.category == super::Category::FixPeople,
                scope == Scope::Prose,
            )
        {
            return None;
        }
        let mut end = self.highlight_end();
        if let Some(o) = &object {
            end = end.max(o.range.end);
        }
        let rewrite = self.rewrite(start, &sentence, subject.as_ref(), object.as_ref());
        // A judgement said of a thing ("a stupid bug in the parser") blames nobody: framing at most.
        let of_a_thing = self.rule.category == super::Category::Character
            && self.pattern.reads_nobody()
            && reader.judges_a_thing(self.range.clone());
        // The writers' own hindsight ("I should have been in touch", "we should have tested the
        // failover first") is theirs to own (PRODUCT.md): framing at most, not blame.
        let own_hindsight = self.rule.category == super::Category::Counterfactual
            && subject.as_ref().is_some_and(|s| matches!(s.found, super::people::Found::Person { first_person: true }));
        // So is their account of their own part in any other words ("I didn't follow the
        // runbook", "we dropped the ball"), unless it names someone else.
        let own = own_hindsight || reader.own_account(self.range.clone());
        let severity =
            if of_a_thing || own { self.rule.severity.min(Severity::Suggestion) } else { self.rule.severity };
        Some(TextFinding {
            rule: self.rule.id.clone(),
            category: self.rule.category,
            severity,
            span: start..end,
            text: self.original[start..end].to_string(),
            message: self.rule.message.clone(),
            suggestion: self.rule.suggestion.clone(),
            rewrite,
        })
    }

    /// Whether an exception of the rule, or a phrase the team allows, covers the match.
    fn excepted(&self, sentence: &Range<usize>) -> bool {
        let text = &self.prepared.masked[sentence.clone()];
        let overlaps =
            |r: Range<usize>| r.start + sentence.start < self.range.end && self.range.start < r.end + sentence.start;
        // An exception none of whose trigger words are in the sentence is neither compiled
        // nor run: reading its words costs less than compiling it, even the quick way.
        let lower = text.to_ascii_lowercase();
        self.rule
            .exceptions
            .iter()
            .filter(|e| e.may_match(&lower))
            .filter_map(|e| e.searcher(text, self.checker.quick_forms))
            .any(|e| e.matches(text).into_iter().any(|x| overlaps(x.range)))
            || self.checker.allowed.as_ref().is_some_and(|a| a.find_iter(text).any(|x| overlaps(x.range())))
    }

    /// The underline ends before a trailing `rest` capture (the words a rewrite carries over)
    /// and before trailing spaces and punctuation.
    fn highlight_end(&self) -> usize {
        let end = self.found.group("rest").map_or(self.range.end, |r| r.start);
        let kept = self.original[self.range.start..end].trim_end_matches(|c: char| c.is_whitespace() || c == ',');
        self.range.start + kept.len().max(1).min(end - self.range.start)
    }

    /// The rule's rewrite with `${name}` replaced by the words captured (as written, not as
    /// masked), `${subject}` by the subject and `${after_object}` by the rest of the sentence
    /// after the object. It replaces the words from the subject (when the rule reads one) to
    /// the end of the match (before its `end` group), or of the sentence when it uses
    /// `${after_object}`.
    fn rewrite(
        &self,
        start: usize,
        sentence: &Range<usize>,
        subject: Option<&Phrase>,
        object: Option<&Phrase>,
    ) -> Option<Rewrite> {
        let template = self.pattern.rewrite.as_ref()?;
        let mut text = template.clone();
        if let Some(s) = subject {
            text = text.replace("${subject}", &self.original[s.range.clone()]);
        }
        // A rule's `end` group marks where the match stopped (a clause that follows, a full
        // stop): it is not rewritten.
        let mut end = self.found.group("end").map_or(self.range.end, |r| r.start);
        if text.contains("${after_object}") {
            let from = object.map_or(self.range.end, |o| o.range.end);
            let rest =
                self.original[from.min(sentence.end)..sentence.end].trim().trim_end_matches(['?', '.', '!']).trim_end();
            text = text.replace("${after_object}", rest);
            end = sentence.end;
        }
        for (name, range) in self.found.groups() {
            // Words carried over lose the line breaks of a wrapped paragraph.
            let value =
                range.map_or(String::new(), |m| self.original[m].split_whitespace().collect::<Vec<_>>().join(" "));
            text = text.replace(&format!("${{{name}}}"), &value);
        }
        Some(Rewrite { span: start..end, replacement: text })
    }
}

/// One finding per place and category: two patterns of a rule, or two rules of a category,
/// that flag overlapping words become one (the more severe, then the longer).
fn dedupe(sorted: Vec<TextFinding>) -> Vec<TextFinding> {
    let mut out: Vec<TextFinding> = Vec::with_capacity(sorted.len());
    for f in sorted {
        let clash = out
            .iter_mut()
            .rev()
            .take(8)
            .find(|g| g.category == f.category && g.span.start < f.span.end && f.span.start < g.span.end);
        match clash {
            Some(g) => {
                let better = (f.severity, f.span.len()) > (g.severity, g.span.len());
                if better {
                    *g = f;
                }
            }
            None => out.push(f),
        }
    }
    out
}

#[cfg(test)]
#[path = "matcher_tests.rs"]
mod tests;

/// A question without its question word, offering a candidate: "The business, for not having a
/// backup payment processor?", "Amazon, for not providing a reliable service?" — a list of
/// whom one might blame, asked, not a claim; so is "The original developer who wrote the bug?". ("Why did Dave not check?" opens with its word.)
fn offered(sentence: &str) -> bool {
    const ASKING: [&str; 20] = [
        "why", "how", "who", "whom", "whose", "what", "which", "when", "where", "did", "didn't", "does", "doesn't",
        "do", "don't", "is", "was", "were", "could", "should",
    ];
    let words: Vec<&str> =
        sentence.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')).collect();
    let first = words.iter().find(|w| !w.is_empty()).map(|w| w.to_lowercase()).unwrap_or_default();
    // ("The original developer who wrote the bug?": a person named, with no deed of the
    // sentence's own.)
    // ("Because who needs backups, right?" asks: the "who" names no one before it.)
    let named = words.iter().take(6).skip(2).any(|w| *w == "who");
    !ASKING.contains(&first.as_str()) && (sentence.contains(", for ") || named)
}
