//! Small horizontal bar charts drawn with Unicode block characters, in eighths of a cell, so
//! they read the same with or without colour (NO_COLOR) and in any monospace font.

/// The blocks from one eighth of a cell to a full one.
const EIGHTHS: [char; 8] = ['▏', '▎', '▍', '▌', '▋', '▊', '▉', '█'];

/// A bar for `value` out of `max`, `width` cells at most, padded with spaces to `width` so
/// what follows lines up. Any value above zero shows at least an eighth, so a small count is
/// never mistaken for none.
pub fn bar(value: f64, max: f64, width: usize) -> String {
    let eighths = if value <= 0.0 || max <= 0.0 {
        0
    } else {
        ((value / max).min(1.0) * (width * 8) as f64).round().max(1.0) as usize
    };
    let mut out: String = std::iter::repeat_n('█', eighths / 8).collect();
    if eighths % 8 > 0 {
        out.push(EIGHTHS[eighths % 8 - 1]);
    }
    let used = out.chars().count();
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(used)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_largest_value_in_eighths() {
        assert_eq!(bar(4.0, 4.0, 4), "████");
        assert_eq!(bar(1.0, 4.0, 4), "█   ");
        assert_eq!(bar(1.0, 2.0, 1), "▌");
        assert_eq!(bar(0.01, 100.0, 3), "▏  ", "a small value still shows");
        assert_eq!(bar(0.0, 100.0, 3), "   ");
        assert_eq!(bar(3.0, 0.0, 2), "  ");
    }
}
