//! Text in another language: the rules read English, and on German, French, Spanish,
//! Portuguese, Italian or Dutch prose their words meet by chance ("… dass sich die Router …":
//! "die" is no English verb there, "Ein" no name). A paragraph written in one of those
//! languages is blanked like code, so nothing in it is flagged.
//!
//! Told by function words, the commonest words of a language, which a sentence cannot do
//! without: a paragraph is another language's when it holds at least three of theirs and more
//! than twice as many as of English's. Words that both languages use ("in", "die", "was",
//! "also", "an", "on", "is") are in neither list. Checked crates: `whatlang` (trigram profiles
//! of 69 languages, a guess among all of them that is unsure on one short sentence) and
//! `lingua` (far larger models); the question here is only "English or not", per paragraph,
//! and these few words answer it on a paragraph of one sentence.

use std::sync::OnceLock;

/// English words no other language listed here uses as a function word.
const ENGLISH: &[&str] = &[
    "the", "and", "of", "to", "that", "it", "for", "with", "we", "were", "this", "by", "from", "be", "had", "have",
    "not", "are", "our", "which", "they", "after", "been", "when", "there", "their", "would", "could", "should", "has",
    "what", "all", "about", "into", "than", "then", "them", "these", "those", "who", "you", "your", "because",
    "during", "while", "only", "some", "any", "more", "other", "over", "such", "its", "did", "he", "she", "his", "her",
];

/// Function words of German, French, Spanish, Portuguese, Italian and Dutch that are no
/// English words, nor a postmortem's abbreviations ("EST", "IST", "MIT", "OS", "DoS", "ES",
/// "non-", "on par", "do" are left out).
const OTHER: &[&str] = &[
    // German
    "der", "das", "und", "nicht", "dass", "sich", "auf", "ein", "eine", "einen", "einem", "einer", "dem", "den", "des",
    "wir", "zu", "von", "für", "wurde", "wurden", "haben", "werden", "auch", "bei", "nach", "oder", "wie", "durch",
    "über", "diese", "dieser", "unsere", "unser", "ich", "noch", "nur", "kann", "sind", "wird", "vom", "zum", "zur",
    "im", "als", "wenn", "aber", "dann", "nachdem", "uhr", "hat", // French
    "le", "la", "les", "et", "des", "une", "du", "pour", "dans", "sur", "pas", "nous", "vous", "ils", "elle", "qui",
    "que", "avec", "sont", "été", "mais", "au", "aux", "cette", "ces", "leur", "à", "était", "avons", "nos", "notre",
    // Spanish
    "el", "los", "las", "y", "del", "por", "para", "con", "una", "fue", "está", "están", "pero", "como", "más",
    "nuestro", "nuestros", "hemos", "lo", "al", "se", "su", "sus", // Portuguese
    "é", "da", "das", "em", "um", "uma", "não", "com", "foi", "são", "nosso", "nossa", // Italian
    "il", "gli", "della", "delle", "che", "è", "sono", "stato", "nel", "alla", "questo", "anche", // Dutch
    "het", "een", "van", "niet", "dat", "zijn", "voor", "op", "met", "wij", "ook", "deze", "werd", "naar", "bij",
    "heeft", "hebben",
];

/// Blanks (as `mask::blank` does) every paragraph of `text` written in another language.
pub(super) fn blank_other_languages(text: &str, bytes: &mut [u8]) {
    let mut start = 0;
    for (at, line) in line_starts(text) {
        if line.trim().is_empty() {
            paragraph(text, start, at, bytes);
            start = at + line.len();
        }
    }
    paragraph(text, start, text.len(), bytes);
}

fn line_starts(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive('\n').scan(0, |at, line| {
        let here = *at;
        *at += line.len();
        Some((here, line))
    })
}

fn paragraph(text: &str, from: usize, to: usize, bytes: &mut [u8]) {
    if from < to && other_language(&text[from..to]) {
        super::mask::blank(bytes, from, to);
    }
}

/// Whether `para` reads as another language's prose (see the module's comment).
pub(super) fn other_language(para: &str) -> bool {
    static LISTS: OnceLock<(Vec<&str>, Vec<&str>)> = OnceLock::new();
    let (english_words, other_words) = LISTS.get_or_init(|| {
        let sorted = |list: &[&'static str]| {
            let mut v = list.to_vec();
            v.sort_unstable();
            v
        };
        (sorted(ENGLISH), sorted(OTHER))
    });
    let (mut english, mut other) = (0, 0);
    let mut buffer = [0u8; 16];
    for word in para.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty() && w.len() <= 12) {
        // Lowercased without allocating: ASCII in a buffer, the rest (rare in English) as a String.
        let owned;
        let lower = if word.is_ascii() {
            buffer[..word.len()].copy_from_slice(word.as_bytes());
            buffer[..word.len()].make_ascii_lowercase();
            std::str::from_utf8(&buffer[..word.len()]).unwrap_or("")
        } else {
            owned = word.to_lowercase();
            owned.as_str()
        };
        english += usize::from(english_words.binary_search(&lower).is_ok());
        other += usize::from(other_words.binary_search(&lower).is_ok());
    }
    other >= 3 && other > 2 * english
}

#[cfg(test)]
mod tests {
    use super::other_language;

    #[test]
    fn a_paragraph_in_another_language_is_told_from_english() {
        assert!(other_language("Ein defekter Schalter führte dazu, dass sich die Knoten ständig neu verbanden."));
        assert!(other_language("Le service était indisponible pendant deux heures et nous avons redémarré les nœuds."));
        assert!(other_language("El servidor se reinició y los usuarios no pudieron entrar durante una hora."));
        assert!(!other_language("The engineer should have checked the backup before the migration."));
        assert!(!other_language("We restarted the queue; the errors stopped."));
        // A German word or two inside English prose leaves it English.
        assert!(!other_language("The vendor's page said 'Störung' and the status was unchanged for an hour."));
        assert!(!other_language("Dave deleted it."));
    }
}
