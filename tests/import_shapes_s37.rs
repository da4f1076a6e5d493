//! Importing the shapes set AU showed in session 37 (see tests/corpus/REAL.md), from fixtures
//! written in the same shapes in our own words: every entry at the right instant, what the
//! imported document keeps of each, and what the report says.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/import_rows.rs"]
mod import_rows;
use import_rows::*;

/// A Japanese timeline table under a heading that names its day and zone (`時系列(2024-11-09、
/// JST = UTC+9)`), the column `時刻 (JST)`: a first row that is an earlier day alone in brackets
/// (background) does not move the day of the rows below; the marks for "from then on" (`10:20〜`),
/// "about" (`11:00 頃`), a span of minutes (`20:15-40`, its start) and "the next day" (`翌 00:30
/// 頃`) are read, the cell kept as written; a `Z` time inside an event does not outvote JST.
#[test]
fn a_japanese_table_under_a_heading_with_its_day_and_zone() {
    let doc = import_utc(&fixture("japanese-table-heading-day-jst.md"));
    assert_eq!(doc.timezone, "Asia/Tokyo");
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2024-10-01", "集計用テーブルを作成。この時点では問題なし"),
            ("2024-11-09T01:05:00Z", "ライブラリ更新を含む PR をマージ"),
            ("2024-11-09T01:20:00Z", "集計ジョブが失敗し始める"),
            ("2024-11-09T02:00:00Z", "最初の失敗通知が届く"),
            ("2024-11-09T11:15:00Z", "ログと設定を確認(詳細は付録)"),
            ("2024-11-09T11:50:00Z", "修正版をデプロイ、成功を確認(lastRun 11:50"),
            ("2024-11-09T15:30:00Z", "通知ルールを整理"),
        ])
    );
    let written = doc.timeline[6].extra.get("imported-time").and_then(|v| v.as_str());
    assert_eq!(written, Some("翌 00:30 頃"));
}
