//! Days and clocks as Korean, Japanese and Chinese write them at the start of a line, read in
//! the shape the stamp reader knows: `오후 3시 19분` is 3:19 PM, `午後3時19分` too, `15시 30분경`
//! about 15:30, `10월 15일` and `10月15日(土)` the 15th of October, `2022년 10월 15일` with its
//! year. The words for "about" (`경`, `무렵`, `頃`) read as `~`; "from" glued after the clock
//! (`부터`, `から`) is part of the stamp, which is kept as written beside the entry.

use std::sync::LazyLock;

use regex::Regex;

/// The words for the morning and the afternoon before a clock: `true` for the afternoon.
const HALVES: &[(&str, bool)] = &[
    ("오전", false),
    ("오후", true),
    ("午前", false),
    ("午後", true),
    ("上午", false),
    ("下午", true),
    ("晚上", true),
];

static LEADING: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let halves = HALVES.iter().map(|(w, _)| *w).collect::<Vec<_>>().join("|");
    Regex::new(&format!(
        r"^(?P<open>[\s*_\[(]*)(?:(?:(?P<y>(?:19|20)\d{{2}})\s*[年년]\s*)?(?P<mo>\d{{1,2}})\s*[月월]\s*(?P<d>\d{{1,2}})\s*[日일](?:\s*[(（][^()（）\s]{{1,3}}[)）])?\s*)?(?:(?P<half>{halves})\s*)?(?:(?P<h>\d{{1,2}})\s*[시時时点點]\s*(?:(?P<m>\d{{1,2}})\s*[분分])?\s*(?P<about>경|쯤|무렵|頃|ごろ|左右)?(?:부터|から|起)?)?"
    ))
    .ok()
});

/// `line` with the day and clock it starts with written as `Oct 15 2022 3:19 PM`, if it starts
/// with one in these languages' words, and that day and clock as written.
pub(super) fn western(line: &str) -> Option<(String, String)> {
    let c = LEADING.as_ref()?.captures(line)?;
    let whole = c.get(0)?;
    let (day, hour) = (c.name("d"), c.name("h"));
    if day.is_none() && hour.is_none() {
        return None;
    }
    let rest = &line[whole.end()..];
    // `3시간`, `3時間`: three hours, a while; `10월 15일에서`: a word goes on.
    if rest.starts_with(['간', '間']) || (hour.is_none() && c.name("half").is_some()) {
        return None;
    }
    let mut stamp = String::new();
    if let (Some(mo), Some(d)) = (c.name("mo"), day) {
        let month: usize = mo.as_str().parse().ok()?;
        const NAMES: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        stamp = format!("{} {}", NAMES.get(month.checked_sub(1)?)?, d.as_str().parse::<u32>().ok()?);
        if let Some(y) = c.name("y") {
            stamp = format!("{stamp} {}", y.as_str());
        }
    }
    if let Some(h) = hour {
        let h: u32 = h.as_str().parse().ok()?;
        let m: u32 = c.name("m").map_or(Some(0), |m| m.as_str().parse().ok())?;
        if h > 24 || m > 59 {
            return None;
        }
        let afternoon = c.name("half").and_then(|w| HALVES.iter().find(|(n, _)| *n == w.as_str())).map(|(_, pm)| *pm);
        let clock = match afternoon {
            Some(pm) if (1..=12).contains(&h) => format!("{h}:{m:02} {}", if pm { "PM" } else { "AM" }),
            _ => format!("{h:02}:{m:02}"),
        };
        let about = if c.name("about").is_some() { "~" } else { "" };
        stamp = if stamp.is_empty() { format!("{about}{clock}") } else { format!("{stamp} {about}{clock}") };
    }
    let open = c.name("open").map_or("", |m| m.as_str());
    let written = line[open.len()..whole.end()].trim().to_string();
    let rest = rest.trim_start();
    Some((if rest.is_empty() { format!("{open}{stamp}") } else { format!("{open}{stamp} {rest}") }, written))
}

#[cfg(test)]
mod tests {
    fn western(line: &str) -> Option<String> {
        super::western(line).map(|(line, _)| line)
    }

    #[test]
    fn clocks_and_days_in_korean_japanese_and_chinese() {
        assert_eq!(super::western("오후 3시 19분 화재").map(|(_, w)| w).as_deref(), Some("오후 3시 19분"));
        assert_eq!(western("오후 3시 19분 화재 발화").as_deref(), Some("3:19 PM 화재 발화"));
        assert_eq!(western("오후 10시 설치").as_deref(), Some("10:00 PM 설치"));
        assert_eq!(western("오전 9시 40분 무렵 복구").as_deref(), Some("~9:40 AM 복구"));
        assert_eq!(western("15시 30분경부터 장애").as_deref(), Some("~15:30 장애"));
        assert_eq!(western("午後3時19分 発火").as_deref(), Some("3:19 PM 発火"));
        assert_eq!(western("10월 15일").as_deref(), Some("Oct 15"));
        assert_eq!(western("2022년 10월 15일 오후 3시").as_deref(), Some("Oct 15 2022 3:00 PM"));
        assert_eq!(western("10月15日(土) 14時05分 復旧").as_deref(), Some("Oct 15 14:05 復旧"));
        assert_eq!(western("3시간 동안 장애"), None);
        assert_eq!(western("오후에 복구"), None);
        assert_eq!(western("14:05 text"), None);
    }
}
