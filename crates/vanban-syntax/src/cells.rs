//! Header and closing lines split into cells. Text renderings print the two columns of the
//! header table, or the recipients beside the signature, on shared lines; a cell is one
//! column's piece of a line, merged back when a wrap broke it.

use vanban_model::Str;
use vanban_text::Sub;

use crate::clean::{emphasis_runs, is_upper, strip_markup};
use crate::header_grammar::has_full_date;
use crate::line::Line;

/// One column of a header or closing line.
#[derive(Debug, Clone)]
pub(crate) struct Cell {
    pub start: usize,
    pub end: usize,
    pub text: Str,
    /// The cell opened "**" without closing it (a bold run wrapped onto the next line).
    pub open_bold: bool,
}

/// Split a line into cells at tabs, pipes and runs of three or more spaces.
pub(crate) fn split_cells(text: &str, line: &Line) -> Vec<Cell> {
    let raw = text.sub(line.start()..line.end());
    let mut cells = Vec::new();
    let bytes = raw.as_bytes();
    // A tab after a list's marker ("-\tNhư trên;", as Word's text export writes a list) parts
    // no cells.
    let indent = raw.len() - raw.trim_start().len();
    let marker_tab = raw
        .sub(indent..)
        .split_once('\t')
        .filter(|(marker, _)| crate::lines::tab_list_marker(marker))
        .map(|(marker, _)| indent + marker.len());
    let mut i = 0;
    let mut cell_start: Option<usize> = None;
    while i <= bytes.len() {
        let at_end = i == bytes.len();
        let sep_len = if at_end {
            0
        } else if (bytes[i] == b'\t' && Some(i) != marker_tab) || bytes[i] == b'|' {
            1
        } else if let Some(n) = line_break_tag(raw.sub(i..)) {
            // A web page's line break inside a cell ("UBND TỈNH THÁI NGUYÊN<br>**SỞ KHOA HỌC
            // VÀ CÔNG NGHỆ**", found at stop 60): the parent's line and the issuer's.
            n
        } else if bytes[i] == b' ' || bytes[i] == b'_' || bytes[i] == b'-' {
            // Runs of spaces (column padding), of underscores or of hyphens (a rule glued to
            // the text: "**SỞ XÂY DỰNG** \-------", a pandoc cell's rule joined to its name).
            let b0 = bytes[i];
            let run = bytes[i..].iter().take_while(|&&b| b == b0).count();
            if run >= 3 {
                run
            } else {
                0
            }
        } else {
            0
        };
        if at_end || sep_len > 0 {
            if let Some(s) = cell_start.take() {
                let piece = raw.sub(s..i);
                let (clean, _) = strip_markup(piece);
                // (A Markdown escape left before a rule, "\-------", goes with it. A Party
                // header's star alone in its column, "*", opens no emphasis: kept as one, it
                // took the number under it, "Số 45-KH/ĐU" a line below the date, found at
                // stop 60.)
                let rule = piece.trim() == "*"
                    || !clean.trim().is_empty()
                        && clean
                            .chars()
                            .all(|c| matches!(c, '-' | '_' | '=' | '–' | '—' | '*' | '\\' | ' '));
                // An empty cell that only closes an emphasis run is kept for merging.
                if !rule && (!clean.is_empty() || emphasis_runs(piece) % 2 == 1) {
                    push_cell(
                        &mut cells,
                        Cell {
                            start: line.start() + s,
                            end: line.start() + i,
                            open_bold: emphasis_runs(piece) % 2 == 1,
                            text: clean,
                        },
                        piece,
                    );
                }
            }
            if at_end {
                break;
            }
            i += sep_len;
        } else {
            if cell_start.is_none() {
                cell_start = Some(i);
            }
            i += 1;
            while i < bytes.len() && !raw.is_char_boundary(i) {
                i += 1;
            }
        }
    }
    cells
}

/// The length of an HTML line break at the start of `s` ("<br>", "<br/>", "<br />"), if one
/// is there.
fn line_break_tag(s: &str) -> Option<usize> {
    if !s.starts_with("<br") && !s.starts_with("<BR") {
        return None;
    }
    ["<br>", "<br/>", "<br />", "<BR>", "<BR/>", "<BR />"]
        .iter()
        .find(|t| s.starts_with(**t))
        .map(|t| t.len())
}

/// The mottos that head the right column: when a line joins the columns with a single space
/// (OCR of a scan, a narrow layout), the cell is split where the motto begins.
const MOTTOS: &[&str] = &[
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
];

/// Push a cell, split in two when it holds two columns joined by a single space: an issuer
/// name and the motto ("TỈNH ỦY LÀO CAI ĐẢNG CỘNG SẢN VIỆT NAM"), or the number and the place
/// and date ("Số 75-KL/TW Hà Nội, ngày 28 tháng 7 năm 2026"). Only a cell whose text is its
/// source as written (no markup removed but a hard line break ending it) is split, so offsets
/// stay exact.
fn push_cell(cells: &mut Vec<Cell>, cell: Cell, source: &str) {
    // (Pandoc's hard line break ending the cell is no part of its text: "Số 31-CTr/TW Hà Nội,
    // ngày … năm 2026\\".)
    let (source, end) = match source.trim_end().strip_suffix('\\') {
        Some(kept) => (kept, cell.start + kept.trim_end().len()),
        None => (source, cell.end),
    };
    let at = if cell.text == source.trim() {
        glued_split(&cell.text).map(|k| k + (source.len() - source.trim_start().len()))
    } else {
        None
    };
    match at {
        Some(k) => {
            let (a, b) = (source.sub(..k), source.sub(k..));
            let lead = b.len() - b.trim_start().len();
            cells.push(Cell {
                start: cell.start,
                end: cell.start + a.trim_end().len(),
                text: a.trim().into(),
                open_bold: false,
            });
            cells.push(Cell {
                start: cell.start + k + lead,
                end,
                text: b.trim().into(),
                open_bold: cell.open_bold,
            });
        }
        None => cells.push(cell),
    }
}

/// Where a cell's text splits into two columns, if it does.
fn glued_split(t: &str) -> Option<usize> {
    if may_split_before_motto(t) {
        if let Some(at) = motto_split(t) {
            return Some(at);
        }
    }
    number_then_date(t)
}

/// Whether a motto could begin after an upper-case start of `t`: the start holds at least
/// the first word, whose small letters count against all the capitals of `t` as
/// [`is_upper`] counts them. (Most cells fail here, before the mottos are looked for word by
/// word.)
fn may_split_before_motto(t: &str) -> bool {
    let first = t.find(char::is_whitespace).map_or(t, |end| t.sub(..end));
    let small = first.chars().filter(|c| c.is_lowercase()).count();
    let capitals = t.chars().filter(|c| c.is_uppercase()).count();
    capitals >= 2 && small * 10 <= capitals
}

/// Where the first motto found in `t` begins, when an upper-case start comes before it.
fn motto_split(t: &str) -> Option<usize> {
    // (The cell's words read once for the three mottos.)
    let words = vanban_text::loose::Words::of(t);
    for motto in MOTTOS {
        if let Some((start, _, _)) = words.find(motto) {
            if start > 0 && is_upper(t.sub(..start)) {
                return Some(start);
            }
        }
    }
    None
}

/// "Số 75-KL/TW Hà Nội, ngày 28 tháng 7 năm 2026": where the place begins after the number.
fn number_then_date(t: &str) -> Option<usize> {
    let rest = t.strip_prefix("Số")?;
    let (date_at, _) = crate::header_grammar::date_in(t).filter(|_| has_full_date(t))?;
    let body_start = t.len() - rest.trim_start_matches([':', ' ']).len();
    let before_date = t.sub(body_start..date_at);
    // The symbol is the first word, and the next one when a stray space cut it ("34 -NQ/TU").
    let mut words = before_date.split_whitespace();
    let first = words.next()?;
    if !first.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let mut symbol_end = before_date.find(first)? + first.len();
    if let Some(second) = words.next() {
        if second.starts_with(['-', '/']) {
            symbol_end = before_date.find(second)? + second.len();
        }
    }
    let place = before_date.sub(symbol_end..);
    let place_start = symbol_end + (place.len() - place.trim_start().len());
    let place_text = place.trim().trim_end_matches(',').trim();
    (place_text.starts_with(char::is_uppercase) && place_text.chars().count() <= 40)
        .then_some(body_start + place_start)
}

/// A cell that ends with the word for the number ("Số:"), which follows on the next line.
pub(crate) fn ends_with_number_prefix(t: &str) -> bool {
    let t = t.trim_end();
    t == "Số:" || t == "Số" || t.ends_with(" số:") || t == "Luật số:" || symbol_cut(t)
}

/// A number whose symbol is cut at a hyphen or slash, its rest on the next line ("Số:
/// 03/2023/TTLT-BCA-BQP-" / "BTC-BLĐTBXH").
fn symbol_cut(t: &str) -> bool {
    t.starts_with("Số") && t.ends_with(['-', '/']) && t.contains('/') && !t.contains("ngày")
}

/// A place and date cut before the date is complete ("Hà Nội, ngày 28").
pub(crate) fn incomplete_date(t: &str) -> bool {
    (t.contains("ngày") || t.ends_with(',')) && !has_full_date(t) && !is_upper(t)
}

/// The longest cell, in bytes, that [`merge_cells`] joins another cell to (a place and date,
/// "Lào Cai, ngày" / "05 tháng 3 năm 2025", or a number cut at its dash, are far shorter).
const MERGED_MAX: usize = 200;

/// Merge cells split by a wrap: an unclosed bold run, "Số:" alone, an incomplete date.
pub(crate) fn merge_cells(cells: Vec<Cell>) -> Vec<Cell> {
    let mut out: Vec<Cell> = Vec::with_capacity(cells.len());
    for c in cells {
        if let Some(prev) = out.last_mut() {
            // (Each cell joined is tested again whole: a merged cell grows no longer than
            // `MERGED_MAX`, so a line of many cells after an open date stays linear.)
            let open = prev.open_bold
                || ends_with_number_prefix(&prev.text)
                || incomplete_date(&prev.text);
            if open && prev.text.len() <= MERGED_MAX {
                // A cut symbol goes on without a space.
                if !c.text.is_empty() && !prev.text.is_empty() && !symbol_cut(&prev.text) {
                    prev.text.push(' ');
                }
                prev.text.push_str(&c.text);
                prev.end = c.end;
                prev.open_bold = prev.open_bold != c.open_bold;
                continue;
            }
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cheap test never turns away a cell the mottos would split: on every cell of every
    /// corpus line, and on the cells of its lines upper-cased.
    #[test]
    fn the_motto_prefilter_keeps_every_split() {
        let mut turned = 0;
        for text in crate::corpus_texts() {
            for line in text.lines() {
                for t in [line.to_owned(), line.to_uppercase()] {
                    for cell in t.split(['|', '\t']).map(str::trim) {
                        if !may_split_before_motto(cell) {
                            assert_eq!(motto_split(cell), None, "{cell:?}");
                            turned += 1;
                        }
                    }
                }
            }
        }
        assert!(turned > 10_000, "{turned}");
        // Near the bound: a few small letters in the first word, capitals after it.
        let mut split = 0;
        for first in ["TỈNH", "TỉNH", "Tỉnh", "tỉnh", "X"] {
            for n in 1..6 {
                for motto in MOTTOS {
                    let t = format!("{first} {} {motto}", ["ỦY LÀO CAI"; 6][..n].join(" "));
                    let found = motto_split(&t);
                    assert!(may_split_before_motto(&t) || found.is_none(), "{t:?}");
                    split += usize::from(found.is_some());
                }
            }
        }
        assert!(split > 20, "{split}");
    }

    #[test]
    fn glued_columns_split() {
        let t = "BAN CHẤP HÀNH TRUNG ƯƠNG ĐÁNG CỘNG SẢN VIỆT NAM";
        assert_eq!(
            glued_split(t).map(|k| t.sub(k..)),
            Some("ĐÁNG CỘNG SẢN VIỆT NAM")
        );
        let t = "Số 34 -NQ/TU Lào Cai, ngày 27 tháng 12 năm 2025";
        assert_eq!(
            glued_split(t).map(|k| t.sub(k..)),
            Some("Lào Cai, ngày 27 tháng 12 năm 2025")
        );
        let t = "Số: 75-KL/TW Hà Nội, ngày 28 tháng 7 năm 2026";
        assert_eq!(
            glued_split(t).map(|k| t.sub(..k).trim()),
            Some("Số: 75-KL/TW")
        );
        // Nothing to split: one column, or a number alone.
        assert_eq!(glued_split("ĐẢNG CỘNG SẢN VIỆT NAM"), None);
        assert_eq!(glued_split("Số: 208/KH-UBND"), None);
        assert_eq!(glued_split("Tuyên Quang, ngày 20 tháng 11 năm 2024"), None);
    }
}
