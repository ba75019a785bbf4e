//! Tables that web copies print one cell at a time: a line "|" between cells, two such lines
//! where a row ends (or where a cell is empty). The header row fixes the number of columns;
//! an empty cell is told from a row end by that count and by what the next cell looks like.

use crate::line::{page_break_end, Line, LineKind};

/// One rebuilt row: the lines it covers and its cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TableRow {
    /// First line of the row.
    pub first: usize,
    /// One past the last line of the row.
    pub end: usize,
    /// Cell texts, markup removed, wrapped lines joined.
    pub cells: Vec<String>,
}

#[derive(Debug)]
enum Token {
    Cell {
        text: String,
        first: usize,
    },
    /// Two pipe lines with nothing between them.
    Empty {
        line: usize,
    },
}

/// Most lines a single cell may span before the run is not a table.
const MAX_CELL_LINES: usize = 40;

/// Find pipe tables in lines `[from, to)`. Returns rows in order; lines outside the rows are
/// not part of a table.
pub(crate) fn pipe_tables(lines: &[Line], from: usize, to: usize) -> Vec<TableRow> {
    let mut rows = Vec::new();
    let mut i = from;
    while i < to {
        if lines[i].kind != LineKind::Pipe || !header_ahead(lines, i, to) {
            i += 1;
            continue;
        }
        let (tokens, end) = tokenize(lines, i, to);
        let table = build_rows(&tokens, end);
        if table.len() >= 2 {
            rows.extend(table);
            i = end;
        } else {
            i += 1;
        }
    }
    rows
}

/// The most characters of a column head (a line of a header cell). [`header_ahead`] and
/// [`column_count`] read heads with the same bound: where the cheap check let a head through
/// that the count refused, every pipe line of a run tokenized the rest of the run again.
const HEAD_CELL_MAX: usize = 50;

/// Cheap check before tokenizing: a header row (two or more short cells, then two pipe lines
/// in a row) within the next few lines. Keeps the search linear on long runs of pipes.
fn header_ahead(lines: &[Line], start: usize, to: usize) -> bool {
    let mut cells = 0;
    let mut cell_lines = 0;
    let mut last_pipe = true;
    let mut k = start + 1;
    let mut looked = 0;
    while let Some(l) = lines.get(k).filter(|_| k < to && looked < 60) {
        looked += 1;
        if let Some(end) = page_break_end(lines, k, to) {
            k = end;
            continue;
        }
        k += 1;
        if l.kind == LineKind::Pipe {
            if last_pipe {
                return cells >= 2;
            }
            cells += 1;
            cell_lines = 0;
            last_pipe = true;
        } else if l.kind == LineKind::Blank {
            return false;
        } else {
            cell_lines += 1;
            if cell_lines > 4 || l.full.chars().count() > HEAD_CELL_MAX {
                return false;
            }
            last_pipe = false;
        }
    }
    false
}

/// Tokens from the pipe line at `start` until a blank line or the end of the range.
fn tokenize(lines: &[Line], start: usize, to: usize) -> (Vec<Token>, usize) {
    let mut tokens = Vec::new();
    let mut cell: Vec<&str> = Vec::new();
    let mut cell_first = start;
    let mut last_was_pipe = true;
    let mut i = start + 1;
    while i < to {
        // A page break inside the table: no cell, no row end. (Text after a break that no
        // pipe line closes, a note under the table, is no cell: see the end below.)
        if let Some(end) = page_break_end(lines, i, to) {
            i = end;
            continue;
        }
        let l = &lines[i];
        match l.kind {
            LineKind::Pipe => {
                if cell.is_empty() {
                    if last_was_pipe {
                        tokens.push(Token::Empty { line: i });
                    }
                } else {
                    tokens.push(Token::Cell {
                        text: cell.join(" "),
                        first: cell_first,
                    });
                    cell.clear();
                }
                last_was_pipe = true;
            }
            LineKind::Blank => break,
            _ if matches!(l.kind, LineKind::RecipientsStart | LineKind::Authority) => break,
            _ => {
                if cell.is_empty() {
                    cell_first = i;
                }
                if !l.full.is_empty() {
                    cell.push(l.full.as_str());
                }
                if i - cell_first >= MAX_CELL_LINES {
                    break;
                }
                last_was_pipe = false;
            }
        }
        i += 1;
    }
    // A table ends on a pipe line; text after the last pipe is not part of it.
    let end = if cell.is_empty() { i } else { cell_first };
    (tokens, end)
}

/// A first cell that starts a row: a number, a Roman numeral, a letter or a dash.
fn starts_row(text: &str) -> bool {
    let t = text.trim();
    // "I. NHÓM GIẢI PHÁP …": a section row whose first cell carries its heading.
    if let Some((head, _)) = t.split_once(". ") {
        if !head.is_empty() && head.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L')) {
            return true;
        }
    }
    let t = t.trim_end_matches(['.', ')']);
    let numbered = {
        let mut parts = t.split('.');
        let first = parts.next().unwrap_or("");
        (1..=3).contains(&first.len())
            && first.bytes().all(|b| b.is_ascii_digit())
            && parts.all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
    };
    !t.is_empty()
        && (numbered
            || (t.chars().count() <= 6 && t.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L')))
            || t == "-"
            || (t.chars().count() == 1 && t.chars().all(char::is_alphabetic)))
}

/// Titles of the row-number column that open a table's header ("TT", "STT", "Số TT").
const HEADS: &[&str] = &["tt", "stt", "số tt"];

/// Whether a cell is the title of a row-number column ("TT", "STT", "Số TT", any case).
pub(crate) fn is_head(cell: &str) -> bool {
    let c = vanban_text::trim(cell);
    // (Compared in lower case without making a lower-case copy: called on every line.)
    c.len() <= 7
        && matches!(c.as_bytes().first(), Some(b't' | b'T' | b's' | b'S'))
        && HEADS
            .iter()
            .any(|h| c.chars().flat_map(char::to_lowercase).eq(h.chars()))
}

/// The row number printed in a row's first cell, as the row's own number: "1", "12.",
/// "2)", "1.1", a Roman group number ("I", "II.", "II.1") or the Roman number that opens a
/// section row's heading ("I. NHÓM GIẢI PHÁP …"). `None` for header cells ("STT"), text, and
/// empty cells.
pub(crate) fn printed_number(first_cell: &str) -> Option<String> {
    let t = first_cell.trim();
    let roman = |s: &str| {
        (1..=6).contains(&s.chars().count())
            && s.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'))
    };
    if let Some((head, _)) = t.split_once(". ") {
        if roman(head) {
            return Some(head.to_owned());
        }
    }
    let t = t.trim_end_matches(['.', ')']);
    let digits =
        |s: &str, max: usize| (1..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    let mut parts = t.split('.');
    let first = parts.next().unwrap_or("");
    let rest: Vec<&str> = parts.collect();
    let numbered = (digits(first, 3) || roman(first)) && rest.iter().all(|p| digits(p, 2));
    numbered.then(|| t.to_owned())
}

/// The number of columns: the cells of the header row (the cells before the first empty
/// token), or more where a full row shows a column a two-level header hides. `None` when the
/// tokens do not start with a header row of short column heads.
fn column_count(tokens: &[Token]) -> Option<usize> {
    let header = tokens
        .iter()
        .take_while(|t| matches!(t, Token::Cell { .. }))
        .count();
    // Column heads are short; long "cells" are page layout around running text.
    let short_heads = tokens[..header].iter().all(|t| match t {
        Token::Cell { text, .. } => text.chars().count() <= HEAD_CELL_MAX,
        Token::Empty { .. } => true,
    });
    if header < 2 || !short_heads {
        return None;
    }
    let longest_run = tokens
        .split(|t| matches!(t, Token::Empty { .. }))
        .map(<[Token]>::len)
        .max()
        .unwrap_or(0);
    Some(header.max(longest_run))
}

/// Rows from the tokens of a table that ends at line `end`.
fn build_rows(tokens: &[Token], end: usize) -> Vec<TableRow> {
    let Some(columns) = column_count(tokens) else {
        return Vec::new();
    };
    let mut rows: Vec<TableRow> = Vec::new();
    let mut current: Vec<String> = Vec::new();
    let mut first: Option<usize> = None;
    let flush = |rows: &mut Vec<TableRow>, current: &mut Vec<String>, first: &mut Option<usize>| {
        if let Some(f) = first.take() {
            if !current.is_empty() {
                rows.push(TableRow {
                    first: f,
                    end: f,
                    cells: std::mem::take(current),
                });
            }
        }
        current.clear();
    };
    // The text of the first cell after each token, read in one pass from the end (each
    // empty cell looked for it over the rest of a run of empty cells: a long run was
    // quadratic).
    let mut next_cells: Vec<Option<&str>> = vec![None; tokens.len()];
    let mut next: Option<&str> = None;
    for (k, t) in tokens.iter().enumerate().rev() {
        next_cells[k] = next;
        if let Token::Cell { text, .. } = t {
            next = Some(text.as_str());
        }
    }
    for (k, t) in tokens.iter().enumerate() {
        match t {
            Token::Cell { text, first: f } => {
                // "…………" stands for rows left out: a row of its own.
                if text.chars().all(|c| matches!(c, '.' | '…' | ' ')) {
                    flush(&mut rows, &mut current, &mut first);
                    first = Some(*f);
                    current.push(text.clone());
                    flush(&mut rows, &mut current, &mut first);
                    continue;
                }
                if first.is_none() {
                    first = Some(*f);
                }
                current.push(text.clone());
                if current.len() >= columns {
                    flush(&mut rows, &mut current, &mut first);
                }
            }
            Token::Empty { line } => {
                let row_break = next_cells[k].is_none_or(starts_row);
                if row_break || current.is_empty() {
                    flush(&mut rows, &mut current, &mut first);
                } else {
                    if first.is_none() {
                        first = Some(*line);
                    }
                    current.push(String::new());
                    if current.len() >= columns {
                        flush(&mut rows, &mut current, &mut first);
                    }
                }
            }
        }
    }
    flush(&mut rows, &mut current, &mut first);
    // Each row runs to the start of the next one; the last to the end of the table.
    for k in 0..rows.len() {
        rows[k].end = rows.get(k + 1).map_or(end, |r| r.first);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::printed_number;
    use vanban_model::Node;

    #[test]
    fn header_cells_in_any_case() {
        for cell in ["TT", "tt", " STT ", "Stt", "Số TT", "SỐ TT", "số tt"] {
            assert!(super::is_head(cell), "{cell:?}");
        }
        for cell in ["T", "STTT", "1", "Số", "số  tt", "Nội dung", "-", ""] {
            assert!(!super::is_head(cell), "{cell:?}");
        }
    }

    /// A page break inside a table of one cell at a time (blank lines around a page marker,
    /// as a scan's or a PDF's copy puts one wherever a page ends) is stepped over: the rows
    /// are those of the table without it (a plan's appendix lost 19 tasks so).
    #[test]
    fn a_page_break_inside_a_pipe_table_parts_nothing() {
        let rows = |text: &str| {
            let lines = crate::lines::classify(text);
            super::pipe_tables(&lines, 0, lines.len())
                .into_iter()
                .map(|r| r.cells.join(" | "))
                .collect::<Vec<_>>()
        };
        let table = "|\nTT\n|\nNội dung\n|\nCHỦ TRÌ\n|\nPHỐI HỢP\n|\n|\n1\n|\nRà soát\n|\n\
                     Sở Tài chính\n|\nSở Nội vụ\n|\n|\n2\n|\nBáo cáo\n|\nSở Tư pháp\n|\nCác sở\n|\n|\n";
        let whole = rows(table);
        assert_eq!(whole.len(), 3, "{whole:?}");
        for marker in ["<!-- page 15 -->", "--- Trang 15 ---"] {
            for at in ["Nội dung\n|\n", "Sở Tài chính\n|\n", "Sở Nội vụ\n|\n|\n"] {
                let broken = table.replacen(at, &format!("{at}\n{marker}\n\n"), 1);
                assert_eq!(rows(&broken), whole, "{broken}");
            }
        }
        // Blank lines alone still end a table; a note after a break, which no pipe line
        // closes, is no cell.
        let ended = table.replacen("Sở Nội vụ\n|\n|\n", "Sở Nội vụ\n|\n|\n\n\n", 1);
        assert_eq!(rows(&ended).len(), 2);
        let noted = format!("{table}\n<!-- page 5 -->\n\nGhi chú:\nSở Tài chính tổng hợp\n");
        assert_eq!(rows(&noted), whole);
        // A long cell a page breaks goes on.
        let long = "Sở Tài chính\n".repeat(6);
        let cell = table.replacen(
            "Báo cáo\n",
            &format!("Báo cáo\n\n<!-- page 5 -->\n\n{long}"),
            1,
        );
        assert_eq!(rows(&cell).len(), 3, "{cell}");
    }

    fn ids(nodes: &[Node], out: &mut Vec<String>) {
        for n in nodes {
            out.push(n.id().to_string());
            ids(&n.children, out);
        }
    }

    /// A task table of a plan's appendix (KH_980-KH-UBND_2025_NgheAn, cells shortened): rows
    /// take their printed numbers, group rows hold the rows under them.
    #[test]
    fn table_rows_take_printed_numbers_under_their_group_rows() {
        let text = "KẾ HOẠCH\nThực hiện phòng thủ dân sự\n\nI. MỤC ĐÍCH\n\nBảo đảm thực hiện.\n\n\
            PHỤ LỤC\n\n|\nTT\n|\nNội dung thực hiện\n|\nCơ quan chủ trì\n|\nCơ quan phối hợp\n|\n\
            Thời gian hoàn thành\n|\n|\nI\n|\nKIỆN TOÀN CƠ CHẾ CHỈ ĐẠO\n|\n|\n1\n|\n\
            Tổ chức lại Ban Chỉ huy Phòng thủ dân sự\n|\nBộ Chỉ huy Quân sự tỉnh\n|\nSở Nội vụ\n|\n\
            Năm 2025\n|\n|\nII\n|\nTRIỂN KHAI VĂN BẢN QUY PHẠM PHÁP LUẬT\n|\n|\n1\n|\n\
            Triển khai nội dung chi\n|\nSở Tài chính\n|\nCác sở, ngành\n|\nNăm 2025\n|\n|\n\
            2\n|\nHướng dẫn thống kê\n|\nCục Thống kê\n|\nCác sở, ngành\n|\nNăm 2026\n|\n|\n";
        let parsed = crate::parse(text);
        let mut all = Vec::new();
        for a in &parsed.document.appendices {
            ids(&a.children, &mut all);
        }
        let rows: Vec<&str> = all
            .iter()
            .map(String::as_str)
            .filter(|i| i.contains("row_"))
            .collect();
        assert_eq!(
            rows,
            [
                "annex_1__row_0",
                "annex_1__row_I",
                "annex_1__row_I__row_1",
                "annex_1__row_II",
                "annex_1__row_II__row_1",
                "annex_1__row_II__row_2",
            ]
        );
    }

    #[test]
    fn printed_row_numbers() {
        for (cell, want) in [
            ("1", Some("1")),
            (" 12. ", Some("12")),
            ("2)", Some("2")),
            ("1.1", Some("1.1")),
            ("II", Some("II")),
            ("II.1", Some("II.1")),
            ("I. NHÓM GIẢI PHÁP VỀ THỂ CHẾ", Some("I")),
            ("STT", None),
            ("TT", None),
            ("", None),
            ("Tổ chức kiểm tra", None),
            ("2026", None),
            ("1.234", None),
        ] {
            assert_eq!(printed_number(cell).as_deref(), want, "{cell:?}");
        }
    }
}
