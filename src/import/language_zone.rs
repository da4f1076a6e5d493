//! The zone of a file that states none, from the language it is written in, when that language
//! is spoken in one zone only: a Japanese notice's `4:27` is Tokyo's, a Norwegian team's `kl.
//! 14:05` Oslo's. English, French, Spanish, Portuguese and Russian are spoken across many zones
//! and tell nothing; a file mostly in English that quotes another language is English. The
//! import says which language it took the zone from; `--timezone` overrides it.

/// The language's name and its zone, when the file is written in a language of one zone.
pub(super) fn language_zone(src: &str) -> Option<(&'static str, &'static str)> {
    let kana = src.chars().filter(|c| ('\u{3040}'..='\u{30FF}').contains(c)).count();
    let hangul = src.chars().filter(|c| ('\u{AC00}'..='\u{D7A3}').contains(c)).count();
    if kana >= 20 {
        return Some(("Japanese", "Asia/Tokyo"));
    }
    if hangul >= 20 {
        return Some(("Korean", "Asia/Seoul"));
    }
    let words: Vec<String> =
        src.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    let count = |list: &[&str]| words.iter().filter(|w| list.contains(&w.as_str())).count();
    let english = count(&["the", "and", "was", "were", "is", "of", "to", "we", "with", "that", "this", "have", "had"]);
    let (mut best, mut best_n, mut second_n) = (None, 0, 0);
    for (name, zone, list) in LANGUAGES {
        let n = count(list);
        if n > best_n {
            second_n = best_n;
            (best, best_n) = (Some((*name, *zone)), n);
        } else if n > second_n {
            second_n = n;
        }
    }
    // A short notice (`**09:31** Verbindungsproblem wurde erkannt`) has few words: a handful of
    // one language's and none of any other's is enough.
    let enough = best_n >= 6 || (best_n >= 3 && second_n == 0 && english == 0);
    best.filter(|_| enough && best_n >= 2 * second_n && best_n > 2 * english)
}

/// Words common in each language and rare in the others (and in English).
const LANGUAGES: &[(&str, &str, &[&str])] = &[
    (
        "German",
        "Europe/Berlin",
        &[
            "der", "die", "das", "und", "nicht", "ist", "wurde", "wurden", "wir", "mit", "auf", "sich", "eine", "auch",
            "werden", "durch", "bei",
        ],
    ),
    (
        "Dutch",
        "Europe/Amsterdam",
        &[
            "het", "een", "niet", "wordt", "werd", "zijn", "naar", "ook", "bij", "deze", "voor", "wij", "heeft",
            "hebben", "geen",
        ],
    ),
    // Norway, Denmark and Sweden keep the same clock all year: which of them matters not.
    (
        "Norwegian or Danish",
        "Europe/Oslo",
        &["ikke", "og", "ble", "blev", "etter", "efter", "hadde", "havde", "noen", "nogle", "også", "hvor", "kunne"],
    ),
    ("Swedish", "Europe/Stockholm", &["inte", "och", "är", "hade", "några", "också", "från", "kunde", "efter", "blev"]),
    (
        "Finnish",
        "Europe/Helsinki",
        &["ja", "oli", "ei", "että", "kanssa", "myös", "kun", "on", "olemme", "tämä", "mutta", "sekä"],
    ),
    (
        "Polish",
        "Europe/Warsaw",
        &[
            "się",
            "nie",
            "jest",
            "oraz",
            "został",
            "została",
            "było",
            "była",
            "był",
            "przez",
            "dla",
            "które",
            "ponieważ",
            "jak",
            "na",
            "w",
            "z",
        ],
    ),
    ("Czech", "Europe/Prague", &["jsme", "bylo", "byla", "které", "nebo", "také", "jsou", "pro", "ale", "se", "je"]),
    (
        "Italian",
        "Europe/Rome",
        &["il", "della", "che", "sono", "stato", "gli", "nel", "alle", "degli", "anche", "questo", "è"],
    ),
];

#[cfg(test)]
mod tests {
    use super::language_zone;

    #[test]
    fn a_language_of_one_zone_names_it_and_others_do_not() {
        let norwegian = "Vi fikk varsel kl. 14:05 og tjenesten ble ustabil. Det var ikke mulig å logge inn, og vi har nå rettet feilen etter at noen fra driften sjekket det. Også eposten var nede.";
        assert_eq!(language_zone(norwegian), Some(("Norwegian or Danish", "Europe/Oslo")));
        assert_eq!(
            language_zone("障害が発生しました。お客様へ通知しました。復旧を確認しました。ご迷惑をおかけしました。"),
            Some(("Japanese", "Asia/Tokyo"))
        );
        let english = "We were paged at 14:05 and the service was down. The team had rolled back the change, and the queue drained. Der Fehler: nicht gut, und das ist alles.";
        assert_eq!(language_zone(english), None);
        assert_eq!(
            language_zone("Nous avons été alertés à 14h05 et le service était indisponible pendant une heure."),
            None
        );
    }
}
