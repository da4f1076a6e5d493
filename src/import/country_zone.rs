//! The zone of a file that states none and whose language tells none, from the country its own
//! addresses are in: a status page whose support mail is `rc-support@ucl.ac.uk` and whose links
//! are to `www.rc.ucl.ac.uk` tells its times on the UK's clock. Only countries of one zone count
//! (the US, Canada, Australia, Brazil, Russia and Mexico span several), and only the two-letter
//! endings that mean a country (`.io`, `.ai`, `.co`, `.me`, `.tv` are names bought anywhere). A
//! file whose addresses name two countries tells nothing. The import says which ending it took
//! the zone from; `--timezone` overrides it.

use std::sync::LazyLock;

use regex::Regex;

/// The country's ending and its zone, when the file's web and mail addresses end in one
/// country's, twice or more, and in no other country's.
pub(super) fn country_zone(src: &str) -> Option<(&'static str, &'static str)> {
    static HOST: LazyLock<Option<Regex>> = LazyLock::new(|| {
        // A host after `://`, `www.` or `@`, to its last label.
        Regex::new(r"(?i)(?:://|\bwww\.|@)(?:[a-z0-9-]+\.)+([a-z]{2,6})\b").ok()
    });
    let re = HOST.as_ref()?;
    let mut found: Vec<(&'static str, &'static str, usize)> = Vec::new();
    for c in re.captures_iter(src) {
        let Some(end) = c.get(1) else { continue };
        let end = end.as_str().to_lowercase();
        if let Some(&(country, zone)) = COUNTRIES.iter().find(|(c, _)| *c == end) {
            match found.iter_mut().find(|(c, _, _)| *c == country) {
                Some(f) => f.2 += 1,
                None => found.push((country, zone, 1)),
            }
        }
    }
    match found.as_slice() {
        [(country, zone, n)] if *n >= 2 => Some((country, zone)),
        _ => None,
    }
}

/// The endings of countries that keep one clock, and its zone.
const COUNTRIES: &[(&str, &str)] = &[
    ("uk", "Europe/London"),
    ("ie", "Europe/Dublin"),
    ("de", "Europe/Berlin"),
    ("at", "Europe/Vienna"),
    ("ch", "Europe/Zurich"),
    ("nl", "Europe/Amsterdam"),
    ("be", "Europe/Brussels"),
    ("lu", "Europe/Luxembourg"),
    ("fr", "Europe/Paris"),
    ("it", "Europe/Rome"),
    ("pl", "Europe/Warsaw"),
    ("cz", "Europe/Prague"),
    ("sk", "Europe/Bratislava"),
    ("hu", "Europe/Budapest"),
    ("se", "Europe/Stockholm"),
    ("no", "Europe/Oslo"),
    ("dk", "Europe/Copenhagen"),
    ("fi", "Europe/Helsinki"),
    ("ee", "Europe/Tallinn"),
    ("lv", "Europe/Riga"),
    ("lt", "Europe/Vilnius"),
    ("gr", "Europe/Athens"),
    ("ro", "Europe/Bucharest"),
    ("bg", "Europe/Sofia"),
    ("si", "Europe/Ljubljana"),
    ("hr", "Europe/Zagreb"),
    ("jp", "Asia/Tokyo"),
    ("kr", "Asia/Seoul"),
    ("tw", "Asia/Taipei"),
    ("hk", "Asia/Hong_Kong"),
    ("sg", "Asia/Singapore"),
    ("in", "Asia/Kolkata"),
    ("il", "Asia/Jerusalem"),
    ("za", "Africa/Johannesburg"),
    ("nz", "Pacific/Auckland"),
];

#[cfg(test)]
mod tests {
    use super::country_zone;

    #[test]
    fn the_addresses_of_one_country_of_one_zone_name_it() {
        let uk = "Mail rc-support@ucl.ac.uk. Planned outages are at https://www.rc.ucl.ac.uk/docs/ and on github.com.";
        assert_eq!(country_zone(uk), Some(("uk", "Europe/London")));
        // Once is a link, not the file's home.
        assert_eq!(country_zone("See https://www.heise.de/news for the report."), None);
        // Two countries: neither.
        assert_eq!(country_zone("https://a.example.de/x https://b.example.de/y https://c.example.fr/z"), None);
        // Names bought anywhere, and countries of many zones, tell nothing.
        assert_eq!(country_zone("https://status.acme.io https://docs.acme.io support@acme.io"), None);
        assert_eq!(country_zone("https://www.acme.com.au https://status.acme.com.au"), None);
    }
}
