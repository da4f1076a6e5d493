//! Months' names in English and other languages, and the year a file's text names.

use std::sync::LazyLock;

use regex::Regex;

use super::stamp::month;

/// In a file that names no full day, the year its first month-and-year gives (`**Date:**
/// September 2024`, "the October 2024 review"): the year of the days its timeline writes
/// without one (`Sep 12, 14:32`), rather than the year the file is imported in.
pub fn year_told(src: &str) -> Option<i32> {
    // "July 2017", "Sept. 2024", "en julio de 2025", "в июле 2025": a month's name in English or
    // another language, then the year.
    static MONTH_YEAR: LazyLock<Option<Regex>> =
        LazyLock::new(|| Regex::new(r"(\p{L}+)\.?,?\s+(?:de\s+)?((?:19|20)\d{2})\b").ok());
    // ` date 2021-12 Vers 12h30 ce lundi 13 décembre ...`: a copied page's month of
    // publication opening the file.
    static PAGE_DATE: LazyLock<Option<Regex>> =
        LazyLock::new(|| Regex::new(r"^\s*date\s+((?:19|20)\d{2})-(?:0[1-9]|1[0-2])\b").ok());
    let first = src.lines().find(|l| !l.trim().is_empty()).unwrap_or_default();
    if let Some(year) = PAGE_DATE.as_ref().and_then(|re| re.captures(first)).and_then(|c| c[1].parse().ok()) {
        return Some(year);
    }
    // `2019年3月`: a year as Japanese and Chinese write it, before its month.
    static CJK_YEAR: LazyLock<Option<Regex>> =
        LazyLock::new(|| Regex::new(r"((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月").ok());
    let re = MONTH_YEAR.as_ref()?;
    let cjk = CJK_YEAR.as_ref()?;
    let mut fence = false;
    src.lines()
        .filter(|l| {
            let t = l.trim_start();
            if t.starts_with("```") || t.starts_with("~~~") {
                fence = !fence;
                return false;
            }
            !fence
        })
        .find_map(|l| {
            re.captures_iter(l)
                .find_map(|c| month_word(&c[1]).and(c[2].parse().ok()))
                .or_else(|| cjk.captures(l).and_then(|c| c[1].parse().ok()))
        })
}

/// A month's name in English or in another language ([`foreign_month`]).
pub fn month_word(word: &str) -> Option<u32> {
    const NAMES: &str = "january february march april may june july august september october november december";
    let w = word.to_lowercase();
    let english = NAMES.split(' ').any(|n| n == w || (w.len() >= 3 && w.len() <= 4 && n.starts_with(&w)));
    if english { month(&w) } else { foreign_month(&w) }
}

/// A month's name or abbreviation in Spanish, Portuguese, French, German, Italian or Russian.
pub(super) fn foreign_month(word: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "enero ene janeiro janvier janv januar jänner gennaio",
        "febrero feb fevereiro fev février fevrier févr fevr februar febbraio",
        "marzo mar março marco mars märz maerz",
        "abril abr avril avr april aprile",
        "mayo maio mai maggio",
        "junio jun junho juin juni giugno",
        "julio jul julho juillet juil juli luglio",
        "agosto ago août aout august",
        "septiembre setiembre sept sep setembro set septembre september settembre",
        "octubre oct outubro out octobre oktober okt ottobre",
        "noviembre nov novembro novembre november",
        "diciembre dic dezembro dez décembre decembre déc dezember dicembre",
    ];
    // Russian, in the cases a date writes the month in: "15 сентября 2025", "в июле 2025".
    const RUSSIAN: [&str; 12] = [
        "январь января январе",
        "февраль февраля феврале",
        "март марта марте",
        "апрель апреля апреле",
        "май мая мае",
        "июнь июня июне",
        "июль июля июле",
        "август августа августе",
        "сентябрь сентября сентябре",
        "октябрь октября октябре",
        "ноябрь ноября ноябре",
        "декабрь декабря декабре",
    ];
    // Polish, Czech and Dutch, in the cases a date writes them in: "w sobotę 19 lutego", "30.
    // prosince 2012", "op 3 maart".
    const SLAVIC: [&str; 12] = [
        "styczeń stycznia ledna leden januari",
        "luty lutego února únor februari",
        "marzec marca března březen maart",
        "kwiecień kwietnia dubna duben",
        "maj maja května květen mei",
        "czerwiec czerwca června červen",
        "lipiec lipca července červenec",
        "sierpień sierpnia srpna srpen augustus",
        "wrzesień września září",
        "październik października října říjen",
        "listopad listopada listopadu",
        "grudzień grudnia prosince prosinec",
    ];
    let w = word.to_lowercase();
    let named = |months: &[&str; 12]| months.iter().position(|names| names.split(' ').any(|n| n == w));
    named(&MONTHS).or_else(|| named(&RUSSIAN)).or_else(|| named(&SLAVIC)).and_then(|i| u32::try_from(i + 1).ok())
}
