//! Learning from a document's own text what its capitalised words are: the names of things
//! ("the Pathfinder service", "Equinix's customers") and common nouns capitalised by their
//! place ("Data loss was small" beside "the data was restored"). Part of the clause reader
//! (see `people.rs`).

use std::collections::HashSet;

use super::lexicon::Lexicon;
use super::people::People;

impl People {
    /// Learns from a document's text which capitalised words name things: a word followed by
    /// what it is ("the Pathfinder service", "Mercury webhooks", "Otto, our release bot,").
    /// A product's name reads like a person's at the start of a clause ("Pathfinder failed
    /// to sync"); the document tells which it is elsewhere. One pass over the words.
    pub(super) fn learn_things(&mut self, text: &str, lex: &Lexicon) {
        let bytes = text.as_bytes();
        let word_byte = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b >= 0x80;
        // The word from `at`, and where the one after it starts.
        let word_at = |at: usize| {
            let end = at + bytes[at..].iter().take_while(|&&b| word_byte(b)).count();
            (end, end + bytes[end..].iter().take_while(|&&b| !word_byte(b)).count())
        };
        let mut lower = String::new();
        // The words looked up are short and lowercase ASCII: anything else is not one of them,
        // nor is a word whose first letter and length none of them has (no hashing for those).
        let mut shapes = [0u32; 128];
        let listed = lex.thing_nouns.iter().chain(&lex.determiners).chain(&lex.organisation_cues);
        for w in listed.filter(|w| (2..=16).contains(&w.len())) {
            shapes[usize::from(w.as_bytes()[0] & 0x7f)] |= 1 << w.len();
        }
        let mut is = |at: usize, end: usize, words: &HashSet<String>| {
            if !(2..=16).contains(&(end - at))
                || !bytes[at].is_ascii_lowercase()
                || shapes[usize::from(bytes[at])] & (1 << (end - at)) == 0
            {
                return false;
            }
            lower.clear();
            lower.push_str(&text[at..end]);
            lower.make_ascii_lowercase();
            words.contains(&lower)
        };
        // Only capitalised words followed by " x" or ", x" are looked at: a byte scan, no tokens.
        let mut i = 0;
        while i + 2 < bytes.len() {
            match bytes[i..].iter().position(u8::is_ascii_uppercase) {
                Some(k) => i += k,
                None => break,
            }
            if i > 0 && word_byte(bytes[i - 1]) {
                i += 1;
                continue;
            }
            let at = i;
            let (end, _) = word_at(at);
            i = end.max(at + 1);
            // "Equinix's customers", "Google Cloud": what makes a name an organisation's.
            let curly = text[at..end].ends_with("’s");
            if curly || text[end..].starts_with("'s ") {
                let name_end = if curly { end - "’s".len() } else { end };
                let (cue, cue_end) = if curly { (end + 1, word_at(end + 1).0) } else { (end + 3, word_at(end + 3).0) };
                if cue < bytes.len() && is(cue, cue_end, &lex.organisation_cues) {
                    self.things.insert(text[at..name_end].to_lowercase());
                }
                continue;
            }
            if end + 1 < bytes.len() && bytes[end] == b' ' && bytes[end + 1].is_ascii_uppercase() {
                let next_end = word_at(end + 1).0;
                if lex.organisation_words.contains(&text[end + 1..next_end].to_lowercase())
                    && lex.looks_like_name(&text[at..end], false)
                {
                    self.things.insert(text[at..end].to_lowercase());
                }
                continue;
            }
            let after_space = end + 1 < bytes.len() && bytes[end] == b' ' && bytes[end + 1].is_ascii_lowercase();
            let after_comma = end + 2 < bytes.len() && bytes[end] == b',' && bytes[end + 1] == b' ';
            if !after_space && !after_comma {
                continue;
            }
            let next = if after_space { end + 1 } else { end + 2 };
            let (next_end, after) = word_at(next);
            let followed =
                after_space && (is(next, next_end, &lex.thing_nouns) || is(next, next_end, &lex.organisation_cues));
            // "Otto, our release bot,": an apposition whose last word is what the name is.
            let mut apposed = after_comma && is(next, next_end, &lex.determiners);
            if apposed {
                apposed = false;
                let mut from = after;
                for _ in 0..3 {
                    let (to, following) = word_at(from);
                    if to == from {
                        break;
                    }
                    if &text[to..following] != " " {
                        apposed = is(from, to, &lex.thing_nouns);
                        break;
                    }
                    from = following;
                }
            }
            if (followed || apposed) && lex.looks_like_name(&text[at..end], false) {
                self.things.insert(text[at..end].to_lowercase());
            }
        }
        self.learn_common_words(text, lex);
        self.learn_machine_roles(text, lex);
    }

    /// Learns which role words software also has (`software_roles`: agent, operator) the
    /// document uses for software: one written after a machine's modifier ("an autonomous
    /// software-engineer agent", "the AI agent") is a machine wherever it stands in the
    /// document, so "the agent never looked at the other files" tells what software did.
    fn learn_machine_roles(&mut self, text: &str, lex: &Lexicon) {
        let words: Vec<&str> = text
            .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '.'))
            .map(|w| w.trim_end_matches('.'))
            .filter(|w| !w.is_empty())
            .collect();
        for (k, w) in words.iter().enumerate().skip(1) {
            // Most words are none of the few roles: compared without lowercasing each one.
            let Some(lower) = lex.software_roles.iter().find(|r| r.eq_ignore_ascii_case(w)) else { continue };
            if self.machines.contains(lower) {
                continue;
            }
            // The modifier right before, or one word before that ("AI coding agent").
            let machine = words[k.saturating_sub(2)..k].iter().any(|m| {
                let m = m.to_lowercase();
                lex.machine_modifiers.contains(&m) || m.split('-').any(|part| lex.machine_modifiers.contains(part))
            });
            if machine {
                let singular = lower.strip_suffix('s').unwrap_or(lower).to_string();
                self.machines.insert(format!("{singular}s"));
                self.machines.insert(singular);
            }
        }
    }

    /// Learns which capitalised words of `text` it also writes in lowercase after a lowercase
    /// word and a space or a line break ("restored the data from") or at the start of a code span ("`alembic
    /// revision`"): never after `@`, `/` or inside a handle or
    /// an address, so "Priya" stays a name beside "@priya" and "priya@example.com". First
    /// names that are also common words (`name_words`: Will, Grace) are not learnt.
    fn learn_common_words(&mut self, text: &str, lex: &Lexicon) {
        let bytes = text.as_bytes();
        let glued = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'@' | b'/' | b'-') || b >= 0x80;
        let letters = |at: usize| at + bytes[at..].iter().take_while(|b| b.is_ascii_lowercase()).count();
        let mut capitals: HashSet<String> = HashSet::new();
        let mut lower = String::new();
        let mut shapes = [0u32; 128];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i..].iter().position(u8::is_ascii_uppercase) {
                Some(k) => i += k,
                None => break,
            }
            let at = i;
            let end = letters(at + 1);
            i = end;
            if (at > 0 && glued(bytes[at - 1]))
                || (end < bytes.len() && glued(bytes[end]))
                || !(3..=16).contains(&(end - at))
            {
                continue;
            }
            lower.clear();
            lower.push_str(&text[at..end]);
            lower.make_ascii_lowercase();
            if capitals.contains(&lower)
                || lex.name_words.contains(&lower)
                || self.names.contains(&lower)
                || self.common.contains(&lower)
            {
                continue;
            }
            shapes[usize::from(lower.as_bytes()[0])] |= 1 << (end - at);
            capitals.insert(lower.clone());
        }
        if capitals.is_empty() {
            return;
        }
        // Chat handles ("<+paladox>", "@paladox"): the lowercase letters after an `@` or before
        // a `>`, found once (looking each word up in the whole text was quadratic).
        let mut handles: Option<HashSet<&str>> = None;
        // After a lowercase word and a space, or opening a code span ("`alembic upgrade`": the
        // name of a program).
        // (A line break in a paragraph is a space: "the intended\nbehaviour".)
        for space in memchr::memchr3_iter(b' ', b'`', b'\n', bytes) {
            let at = space + 1;
            let prose = bytes[space] != b'`' && space > 0 && bytes[space - 1].is_ascii_lowercase();
            if !(prose || bytes[space] == b'`') || at >= bytes.len() || !bytes[at].is_ascii_lowercase() {
                continue;
            }
            let end = letters(at);
            let len = end - at;
            let dotted = end + 1 < bytes.len() && bytes[end] == b'.' && bytes[end + 1].is_ascii_alphanumeric();
            if !(3..=16).contains(&len)
                || shapes[usize::from(bytes[at])] & (1 << len) == 0
                || (end < bytes.len() && glued(bytes[end]))
                || dotted
                || !capitals.contains(&text[at..end])
            {
                continue;
            }
            // A chat handle ("<+paladox>", "@paladox") is a person however it is written.
            let word = &text[at..end];
            let handles = handles.get_or_insert_with(|| {
                let mut found = HashSet::new();
                for p in memchr::memchr2_iter(b'@', b'>', bytes) {
                    let (from, to) = if bytes[p] == b'@' {
                        (p + 1, letters(p + 1))
                    } else {
                        (p - bytes[..p].iter().rev().take_while(|b| b.is_ascii_lowercase()).count(), p)
                    };
                    if to > from {
                        found.insert(&text[from..to]);
                    }
                }
                found
            });
            if handles.contains(word) {
                continue;
            }
            self.common.insert(word.to_string());
        }
    }
}
