use super::*;
use ratatui::style::Style;

fn draw_text(text: &'static str) -> impl FnOnce(&mut Buffer) {
    move |b: &mut Buffer| {
        let a = b.area;
        b.set_string(a.x, a.y, text, Style::default());
    }
}

fn text(buf: &Buffer, y: u16) -> String {
    (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect()
}

#[test]
fn a_region_is_redrawn_when_its_key_or_place_changes_and_copied_otherwise() {
    let mut memo = Memo::new();
    let mut buf = Buffer::empty(Rect::new(0, 0, 10, 2));
    memo.begin_frame(&mut buf, false);
    memo.region(&mut buf, "t", Rect::new(1, 0, 5, 1), key(&"a"), draw_text("hello"));
    assert_eq!(buf[(1, 0)].symbol(), "h");
    // Same key: `draw` is not called, the cells are copied.
    let mut buf = Buffer::empty(Rect::new(0, 0, 10, 2));
    memo.begin_frame(&mut buf, false);
    memo.region(&mut buf, "t", Rect::new(1, 0, 5, 1), key(&"a"), |_| panic!("drawn again"));
    assert_eq!(buf[(5, 0)].symbol(), "o");
    // A new key, or a new place, draws again.
    memo.region(&mut buf, "t", Rect::new(1, 0, 5, 1), key(&"b"), draw_text("world"));
    assert_eq!(buf[(1, 0)].symbol(), "w");
    memo.region(&mut buf, "t", Rect::new(0, 1, 5, 1), key(&"b"), draw_text("moved"));
    assert_eq!(buf[(0, 1)].symbol(), "m");
}

#[test]
fn an_area_is_unchanged_when_it_shows_the_same_as_in_the_frame_before() {
    let mut memo = Memo::new();
    let mut buf = Buffer::empty(Rect::new(0, 0, 20, 10));
    let row = Rect::new(2, 3, 10, 1);
    let other = Rect::new(2, 4, 10, 1);
    memo.begin_frame(&mut buf, false);
    memo.shows(&mut buf, row, 1);
    assert!(memo.unchanged().is_empty(), "nothing to compare with yet");
    memo.begin_frame(&mut buf, false);
    memo.shows(&mut buf, row, 1);
    memo.shows(&mut buf, other, 1);
    assert_eq!(memo.unchanged(), vec![row], "same key, same place; the other row is new");
    memo.begin_frame(&mut buf, false);
    memo.shows(&mut buf, row, 2);
    memo.shows(&mut buf, other, 1);
    assert_eq!(memo.unchanged(), vec![other], "a new key is a change");
    memo.begin_frame(&mut buf, false);
    memo.begin_frame(&mut buf, false);
    memo.shows(&mut buf, other, 1);
    assert!(memo.unchanged().is_empty(), "a frame without it in between is a change");
    memo.begin_frame(&mut buf, false);
    memo.covered();
    memo.shows(&mut buf, other, 1);
    assert!(memo.unchanged().is_empty(), "something drawn over it");
}

/// The two buffers of a terminal alternate: the one drawn into holds the frame before
/// last. What it holds of that frame and shows again is neither blanked nor drawn.
#[test]
fn the_buffer_keeps_what_it_shows_again_from_the_frame_before_last() {
    let area = Rect::new(0, 0, 10, 3);
    let (a, b, c) = (Rect::new(0, 0, 10, 1), Rect::new(0, 1, 10, 1), Rect::new(0, 2, 10, 1));
    let mut bufs = [Buffer::empty(area), Buffer::empty(area)];
    let mut memo = Memo::new();
    let mut frame = |n: usize, rows: &[(Rect, u64, &'static str)]| {
        let buf = &mut bufs[n % 2];
        memo.begin_frame(buf, n >= 2);
        let mut drawn = Vec::new();
        for &(r, k, t) in rows {
            if !memo.shows(buf, r, k) {
                buf.set_string(r.x, r.y, t, Style::default());
                drawn.push(t);
            }
        }
        (drawn, memo.end_frame(), text(buf, 0) + "|" + &text(buf, 1) + "|" + &text(buf, 2))
    };
    let (drawn, done, _) = frame(0, &[(a, 1, "one"), (b, 2, "two"), (c, 3, "three")]);
    assert_eq!((drawn, done), (vec!["one", "two", "three"], true));
    let (drawn, _, _) = frame(1, &[(a, 1, "one"), (b, 2, "two"), (c, 3, "three")]);
    assert_eq!(drawn.len(), 3, "the other buffer holds nothing yet");
    // The frame before last had all three: only the changed row is drawn, on a blank row.
    let (drawn, done, shown) = frame(2, &[(a, 1, "one"), (b, 9, "2"), (c, 3, "three")]);
    assert_eq!((drawn, done), (vec!["2"], true));
    assert_eq!(shown, "one       |2         |three     ");
    // A row of the frame before last not drawn this frame: the frame must start over.
    let (_, done, _) = frame(3, &[(a, 1, "one"), (b, 2, "two")]);
    assert!(!done);
}
