//! The words sentences put before a time in other languages, and words for midnight and noon:
//! data for [`super::told`].

/// The words German, French, Spanish, Portuguese, Italian and Russian sentences put before a time, and
/// the English word each reads as ("bis 22 Uhr behoben": fixed by 22:00; "zwischen 12:02 Uhr
/// und 12:06 Uhr": a span, its start).
pub(super) const TIME_WORDS: &[(&str, &str)] = &[
    // English before a clock written the French way ("at 10h50 LT", "at 11h") or with a dot
    // ("about 1.30pm").
    ("at", "at"),
    ("around", "around"),
    ("about", "around"),
    ("by", "by"),
    ("um", "at"),
    ("gegen", "around"),
    ("kurz nach", "around"),
    ("kurz vor", "around"),
    ("ab", "from"),
    ("seit", "as of"),
    ("bis", "by"),
    // "von Freitag, 30. April 19:09 UTC bis Montag, ...": a span, its start.
    ("von", "from"),
    ("zwischen", "between"),
    ("à", "at"),
    ("vers", "around"),
    ("dès", "from"),
    // "de 18h00 à 22h00": a span, its start.
    ("de", "from"),
    ("entre", "between"),
    ("a las", "at"),
    ("desde las", "from"),
    ("às", "at"),
    ("pelas", "around"),
    ("alle", "at"),
    ("verso le", "around"),
    // Russian: "с 12:45 ... до 15:40", "в 16:35", "около 16:35".
    ("с", "from"),
    ("в", "at"),
    ("около", "around"),
    ("до", "until"),
    // French: "peu avant 16 h 30", "depuis 16 h 45".
    ("peu avant", "around"),
    ("peu après", "around"),
    ("depuis", "as of"),
    ("jusqu'à", "until"),
    // Portuguese: "por volta das 0h15", "a partir da 1h30", "desde as 16h47".
    ("das", "at"),
    ("da", "at"),
    ("desde as", "from"),
    ("desde às", "from"),
    ("até as", "until"),
    ("até às", "until"),
    // Spanish: "a eso de las 08:40 horas", "hasta las 10:00", "pasadas las 17:20".
    ("de las", "at"),
    ("las", "at"),
    ("hasta las", "until"),
    // Italian: "dalle 16,30", "intorno alle 18,30", "alle ore 9".
    ("dalle", "from"),
    ("fino alle", "until"),
    // Czech: "v 10:00", "okolo 12:15", "kolem 9:30".
    ("v", "at"),
    ("ve", "at"),
    ("okolo", "around"),
    ("kolem", "around"),
    // Polish: "o godz. 14", "około godz. 14", "przed godz. 22", "od godz. 9".
    ("o", "at"),
    ("około", "around"),
    ("przed", "around"),
    ("od", "from"),
    ("do", "until"),
    // Dutch: "om 11:00 uur", "rond 11 uur", "omstreeks 14.30 uur", "vanaf 9 uur", "tot 12 uur".
    ("om", "at"),
    ("rond", "around"),
    ("omstreeks", "around"),
    ("vanaf", "from"),
    ("tot", "until"),
];

pub(super) const MONTHS: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// Words for midnight and noon in those languages.
pub(super) const HOUR_WORDS: &[(&str, &str)] = &[
    ("mitternacht", "00:00"),
    ("minuit", "00:00"),
    ("medianoche", "00:00"),
    ("meia-noite", "00:00"),
    ("mezzanotte", "00:00"),
    ("mittag", "12:00"),
    ("midi", "12:00"),
    ("mediodía", "12:00"),
    ("meio-dia", "12:00"),
    ("mezzogiorno", "12:00"),
];
