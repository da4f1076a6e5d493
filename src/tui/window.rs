//! The window of a long prose section that the text widget holds ([`super::prose::Prose`]):
//! the widget re-wraps every line it holds on every edit, so what it holds is counted in
//! screen rows, not lines: a window of long lines is as cheap to type in as one of short ones.

/// Screen rows kept in the widget, counted by [`rows`]: far more than any screen shows.
pub(super) const WINDOW: usize = 120;
/// The window slides when the cursor comes this many rows close to an edge with more text
/// beyond it.
const MARGIN: usize = 40;

/// The screen rows `line` takes at `width` columns as the window counts them: one per `width`
/// characters (wrapping at words only adds rows).
fn rows(line: &str, width: usize) -> usize {
    let chars = if line.is_ascii() { line.len() } else { line.chars().count() };
    1 + chars.saturating_sub(1) / width.max(1)
}

/// The rows of `lines`, counted until they reach `limit`.
fn rows_upto<'a>(lines: impl Iterator<Item = &'a String>, width: usize, limit: usize) -> usize {
    let mut n = 0;
    for line in lines {
        if n >= limit {
            break;
        }
        n += rows(line, width);
    }
    n
}

/// The lines `start..end` of `lines` for the widget to hold with the cursor on line `row`:
/// all of them when they fit in the window; else half the window above the cursor's line and
/// the rest below (above again when the text ends first).
pub(super) fn around(lines: &[String], row: usize, width: usize) -> (usize, usize) {
    let n = lines.len();
    if n == 0 || rows_upto(lines.iter(), width, WINDOW + 1) <= WINDOW {
        return (0, n);
    }
    let at = row.min(n - 1);
    let (mut start, mut end, mut held) = (at, at + 1, rows(&lines[at], width));
    while start > 0 && held < WINDOW / 2 {
        start -= 1;
        held += rows(&lines[start], width);
    }
    while end < n && held < WINDOW {
        held += rows(&lines[end], width);
        end += 1;
    }
    while start > 0 && held < WINDOW {
        start -= 1;
        held += rows(&lines[start], width);
    }
    (start, end)
}

/// Whether the window the widget holds (`lines`, the cursor on line `row`) must slide: the
/// cursor is near an edge with more text beyond it (`above`, `below`), or the window has
/// grown to twice its size (a long paste).
pub(super) fn must_slide(lines: &[String], row: usize, width: usize, above: bool, below: bool) -> bool {
    let row = row.min(lines.len().saturating_sub(1));
    (above && rows_upto(lines[..row].iter().rev(), width, MARGIN) < MARGIN)
        || (below && rows_upto(lines.iter().skip(row + 1), width, MARGIN) < MARGIN)
        || rows_upto(lines.iter(), width, 2 * WINDOW + 1) > 2 * WINDOW
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(n: usize, len: usize) -> Vec<String> {
        (0..n).map(|i| format!("{i:0len$}")).collect()
    }

    #[test]
    fn the_window_is_counted_in_rows() {
        // Short lines: a row each, so the window is WINDOW lines around the cursor.
        assert_eq!(around(&lines(5_000, 10), 2_000, 80), (2_000 - WINDOW / 2 + 1, 2_000 + WINDOW / 2 + 1));
        // Lines of three rows each at 60 columns: a third as many lines.
        let (start, end) = around(&lines(5_000, 170), 2_000, 60);
        assert_eq!(end - start, WINDOW / 3);
        assert!(start < 2_000 && 2_000 < end);
        // At the ends, the window fills from the other side; a short text is held whole.
        assert_eq!(around(&lines(5_000, 10), 0, 80), (0, WINDOW));
        assert_eq!(around(&lines(5_000, 10), 4_999, 80), (5_000 - WINDOW, 5_000));
        assert_eq!(around(&lines(40, 170), 3, 60), (0, 40));
    }

    #[test]
    fn it_slides_near_an_edge_with_text_beyond() {
        let held = lines(WINDOW / 3, 170); // 120 rows at 60 columns
        assert!(!must_slide(&held, 20, 60, true, true), "40 rows to either edge");
        assert!(must_slide(&held, 10, 60, true, true), "30 rows to the top");
        assert!(!must_slide(&held, 10, 60, false, true), "nothing above");
        assert!(must_slide(&held, 30, 60, true, true), "27 rows to the bottom");
        assert!(must_slide(&lines(2 * WINDOW + 1, 10), WINDOW, 80, false, false), "grown twice over");
    }
}
