//! Header and closing lines split into cells. Text renderings print the two columns of the
//! header table, or the recipients beside the signature, on shared lines; a cell is one
//! column's piece of a line, merged back when a wrap broke it.

use vanban_text::Sub;

use crate::clean::{emphasis_runs, is_upper, strip_markup};
use crate::header_grammar::has_full_date;
use crate::line::Line;

/// One column of a header or closing line.
#[derive(Debug, Clone)]
pub(crate) struct Cell {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// The cell opened "**" without closing it (a bold run wrapped onto the next line).
    pub open_bold: bool,
}

/// Split a line into cells at tabs, pipes and runs of three or more spaces.
pub(crate) fn split_cells(text: &str, line: &Line) -> Vec<Cell> {
    let raw = text.sub(line.start..line.end);
    let mut cells = Vec::new();
    let bytes = raw.as_bytes();
    let mut i = 0;
    let mut cell_start: Option<usize> = None;
    while i <= bytes.len() {
        let at_end = i == bytes.len();
        let sep_len = if at_end {
            0
        } else if bytes[i] == b'\t' || bytes[i] == b'|' {
            1
        } else if bytes[i] == b' ' || bytes[i] == b'_' {
            // Runs of spaces (column padding) or of underscores (a rule glued to the text).
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
                let rule = !clean.is_empty()
                    && clean
                        .chars()
                        .all(|c| matches!(c, '-' | '_' | '=' | '–' | '—' | '*'));
                // An empty cell that only closes an emphasis run is kept for merging.
                if !rule && (!clean.is_empty() || emphasis_runs(piece) % 2 == 1) {
                    cells.push(Cell {
                        start: line.start + s,
                        end: line.start + i,
                        open_bold: emphasis_runs(piece) % 2 == 1,
                        text: clean,
                    });
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

/// A cell that ends with the word for the number ("Số:"), which follows on the next line.
pub(crate) fn ends_with_number_prefix(t: &str) -> bool {
    let t = t.trim_end();
    t == "Số:" || t == "Số" || t.ends_with(" số:") || t == "Luật số:"
}

/// A place and date cut before the date is complete ("Hà Nội, ngày 28").
pub(crate) fn incomplete_date(t: &str) -> bool {
    (t.contains("ngày") || t.ends_with(',')) && !has_full_date(t) && !is_upper(t)
}

/// Merge cells split by a wrap: an unclosed bold run, "Số:" alone, an incomplete date.
pub(crate) fn merge_cells(cells: Vec<Cell>) -> Vec<Cell> {
    let mut out: Vec<Cell> = Vec::with_capacity(cells.len());
    for c in cells {
        if let Some(prev) = out.last_mut() {
            if prev.open_bold || ends_with_number_prefix(&prev.text) || incomplete_date(&prev.text)
            {
                if !c.text.is_empty() && !prev.text.is_empty() {
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
