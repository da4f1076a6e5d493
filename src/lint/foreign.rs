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

/// The lines of `text` with the offset each starts at (line ends included).
pub(super) fn line_starts(text: &str) -> impl Iterator<Item = (usize, &str)> {
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

/// How many words of a paragraph are read: its language shows in its first sentences, and a
/// long paragraph costs no more than a short one.
const WORDS_READ: usize = 60;

/// The two lists, each as buckets by a word's length and first byte: a word is compared with
/// the few of its bucket only (the check runs on every paragraph `lint` reads).
struct Lists {
    buckets: Vec<Vec<(&'static str, bool)>>,
}

impl Lists {
    fn build() -> Lists {
        let mut buckets = vec![Vec::new(); 16 * 256];
        for (words, english) in [(ENGLISH, true), (OTHER, false)] {
            for w in words {
                buckets[Lists::bucket(w.as_bytes(), w.len())].push((*w, english));
            }
        }
        Lists { buckets }
    }

    /// The bucket of a word of `len` bytes whose first byte (lowercased) opens `start`.
    fn bucket(start: &[u8], len: usize) -> usize {
        len.min(15) * 256 + usize::from(start[0])
    }

    fn find(&self, lower: &[u8]) -> Option<bool> {
        self.buckets[Lists::bucket(lower, lower.len())].iter().find(|(w, _)| w.as_bytes() == lower).map(|&(_, e)| e)
    }
}

/// Whether `para` reads as another language's prose (see the module's comment).
pub(super) fn other_language(para: &str) -> bool {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    let lists = LISTS.get_or_init(Lists::build);
    let (mut english, mut other) = (0, 0);
    let mut buffer = [0u8; 16];
    // Words: runs of letters, any byte of a multi-byte character counted as one (every
    // non-ASCII letter of these languages is one, and their punctuation is ASCII).
    let bytes = para.as_bytes();
    let letter = |b: u8| b.is_ascii_alphabetic() || b >= 0x80;
    let mut read = 0;
    let mut words = bytes.split(|&b| !letter(b)).filter(|w| !w.is_empty());
    while read < WORDS_READ
        && let Some(word) = words.next()
    {
        read += 1;
        // The lists' words are short: a longer word, or one whose length and first letter no
        // listed word has, is looked at no further.
        if word.len() > 8 || lists.buckets[Lists::bucket(&[word[0].to_ascii_lowercase()], word.len())].is_empty() {
            continue;
        }
        let found = if word.is_ascii() {
            let lower = &mut buffer[..word.len()];
            lower.copy_from_slice(word);
            lower.make_ascii_lowercase();
            lists.find(lower)
        } else {
            // Whole characters: a run of letters starts and ends on a character's boundary.
            lists.find(String::from_utf8_lossy(word).to_lowercase().as_bytes())
        };
        match found {
            Some(true) => english += 1,
            Some(false) => other += 1,
            None => {}
        }
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
