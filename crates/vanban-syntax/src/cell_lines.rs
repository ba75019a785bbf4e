//! Tables that Word copies saved as plain text print one cell a line: the header cells ("TT",
//! "Tên nhiệm vụ", "Cơ quan chủ trì" …) each on its own line, maybe a line of column numbers
//! ("(1)", "(2)" …), then each row as its number alone on a line — or a line holding only a
//! tab, where the number was Word's automatic numbering — followed by its cells one a line,
//! blank lines between rows, an empty cell left out.

use vanban_text::Sub;

use crate::line::{page_break_end, Line};
use crate::tables::{is_head, TableRow};

/// Most header cells, and most lines a row may hold, before the run is not read as a table.
const MAX_COLUMNS: usize = 12;
const MAX_ROW_LINES: usize = 24;

/// Tables of one cell a line in lines `[from, to)`: the header row, then the rows, in order.
pub(crate) fn cell_line_tables(src: &str, lines: &[Line], from: usize, to: usize) -> Vec<TableRow> {
    let mut out = Vec::new();
    let mut i = from;
    while i < to {
        if !is_head(&lines[i].full) {
            i += 1;
            continue;
        }
        let Some(header) = header_at(lines, i, to) else {
            i += 1;
            continue;
        };
        let columns = header.cells.len();
        let rows = rows_after(src, lines, header.end, to, columns);
        if rows.iter().filter(|r| !r.cells[0].starts_with('(')).count() < 2 {
            i = header.end;
            continue;
        }
        i = rows.last().map_or(header.end, |r| r.end);
        out.push(header);
        out.extend(rows);
    }
    out
}

/// The header row at line `i`: three or more short lines in a row, ended by a blank line.
fn header_at(lines: &[Line], i: usize, to: usize) -> Option<TableRow> {
    let mut j = i;
    let mut cells = Vec::new();
    while j < to && !lines[j].is_blankish() && cells.len() <= MAX_COLUMNS {
        let cell = lines[j].full.trim();
        if cell.chars().count() > 60 || cell.ends_with(['.', ';', ',']) {
            return None;
        }
        cells.push(cell.to_owned());
        j += 1;
    }
    (cells.len() >= 3 && cells.len() <= MAX_COLUMNS && j < to).then_some(TableRow {
        first: i,
        end: j,
        cells,
    })
}

/// Whether a line holds only white space with a tab in it: a row whose number cell Word
/// numbered by itself.
fn tab_only(src: &str, line: &Line) -> bool {
    let raw = src.sub(line.start()..line.end());
    raw.contains('\t') && raw.trim().is_empty()
}

/// The rows after a header that ends at line `start`.
fn rows_after(src: &str, lines: &[Line], start: usize, to: usize, columns: usize) -> Vec<TableRow> {
    let mut rows = Vec::new();
    let mut k = skip_blank(src, lines, start, to);
    // A row of column numbers: "(1)", "(2)" …
    let mut numbers = Vec::new();
    while k < to && lines[k].full.trim() == format!("({})", numbers.len() + 1) {
        numbers.push(lines[k].full.trim().to_owned());
        k += 1;
    }
    if numbers.len() >= 2 {
        rows.push(TableRow {
            first: k - numbers.len(),
            end: k,
            cells: numbers,
        });
        k = skip_blank(src, lines, k, to);
    } else {
        k -= numbers.len();
    }
    let tabbed = k < to && tab_only(src, &lines[k]);
    let mut raw: Vec<(usize, usize, String, Vec<String>)> = Vec::new();
    let mut expected = 1;
    while k < to {
        let number = if tabbed {
            if !tab_only(src, &lines[k]) {
                break;
            }
            String::new()
        } else {
            let n = expected.to_string();
            if lines[k].full.trim() != n {
                break;
            }
            n
        };
        let is_next = |l: &Line| {
            if tabbed {
                tab_only(src, l)
            } else {
                l.full.trim() == (expected + 1).to_string()
            }
        };
        let Some((cells, end)) = row_lines(src, lines, k + 1, to, columns, is_next) else {
            break;
        };
        raw.push((k, end, number, cells));
        expected += 1;
        k = skip_blank(src, lines, end, to);
    }
    // A row with more lines than columns shows a cell written one name a line: in such a
    // table every line after a row's first (its content) belongs to that one cell.
    let listed = raw.iter().any(|r| r.3.len() >= columns);
    for (first, end, number, mut cells) in raw {
        if listed && cells.len() > 2 {
            let rest = cells.split_off(1).join("; ");
            cells.push(rest);
        }
        let mut cells: Vec<String> = std::iter::once(number).chain(cells).collect();
        // Empty cells at the end of a row are left out: the row has the header's columns.
        cells.resize(cells.len().max(columns), String::new());
        rows.push(TableRow { first, end, cells });
    }
    rows
}

/// The lines of a row that start at `k`: every non-blank line up to the next row's number
/// (`is_next`), two blank lines, a marked line or the end. Returns them with the line after
/// the last one.
fn row_lines(
    src: &str,
    lines: &[Line],
    k: usize,
    to: usize,
    columns: usize,
    is_next: impl Fn(&Line) -> bool,
) -> Option<(Vec<String>, usize)> {
    let mut cells: Vec<String> = Vec::new();
    let mut end = k;
    let mut blanks = 0;
    let mut j = k;
    while j < to && !is_next(&lines[j]) {
        // A page break inside a row that still wants cells: no blank line of it counts. (A
        // full row ends at it: a note or a header printed again may follow the break.)
        if let Some(after) = break_end(src, lines, j, to).filter(|_| cells.len() + 1 < columns) {
            j = after;
            continue;
        }
        let line = &lines[j];
        if line.is_blankish() {
            blanks += 1;
            if blanks >= 2 || cells.len() + 1 >= columns {
                break;
            }
        } else {
            if line.marker().is_some() || cells.len() >= MAX_ROW_LINES {
                break;
            }
            blanks = 0;
            cells.push(line.full.trim().to_owned());
            end = j + 1;
        }
        j += 1;
    }
    (!cells.is_empty()).then_some((cells, end))
}

/// Where a page break at line `k` ends (see [`page_break_end`]), when no line of it is a tab
/// line: a tab line starts a row, even right before the break.
fn break_end(src: &str, lines: &[Line], k: usize, to: usize) -> Option<usize> {
    let end = page_break_end(lines, k, to)?;
    let rows = lines.get(k..end)?.iter().any(|l| tab_only(src, l));
    (!rows).then_some(end)
}

/// The first line at or after `k` that is neither blank nor (for tab rows) a tab line is not
/// skipped: blank lines are, tab lines are kept as row starts.
fn skip_blank(src: &str, lines: &[Line], mut k: usize, to: usize) -> usize {
    loop {
        if let Some(after) = break_end(src, lines, k, to) {
            k = after;
        } else if k < to && lines[k].is_blankish() && !tab_only(src, &lines[k]) {
            k += 1;
        } else {
            return k;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::classify;

    fn rows(text: &str) -> Vec<String> {
        let lines = classify(text);
        cell_line_tables(text, &lines, 0, lines.len())
            .iter()
            .map(|r| r.cells.join(" | "))
            .collect()
    }

    #[test]
    fn numbered_rows_one_cell_a_line() {
        let text = "MỘT SỐ NHIỆM VỤ\n\nTT\nTên nhiệm vụ\nSở, ngành chủ trì\nĐơn vị phối hợp\n\
                    Thời gian thực hiện\nGhi chú\n\n(1)\n(2)\n(3)\n(4)\n(5)\n1\nTổ chức quán triệt.\n\
                    Các Sở, ban, ngành\nCác địa phương\nXong trong Quý II/2026\n\n2\nRà soát.\n\n\
                    Sở Nội vụ\nCác Sở, ban, ngành\nHằng năm\n\n\nII. TỔ CHỨC THỰC HIỆN\n";
        assert_eq!(
            rows(text),
            [
                "TT | Tên nhiệm vụ | Sở, ngành chủ trì | Đơn vị phối hợp | Thời gian thực hiện | Ghi chú",
                "(1) | (2) | (3) | (4) | (5)",
                "1 | Tổ chức quán triệt. | Các Sở, ban, ngành | Các địa phương | Xong trong Quý II/2026 | ",
                "2 | Rà soát. | Sở Nội vụ | Các Sở, ban, ngành | Hằng năm | ",
            ]
        );
    }

    #[test]
    fn tab_rows_with_people_one_a_line() {
        let text = "TT\nNhiệm vụ thực hiện\nNgười thực hiện\nGhi chú\n\t\nRà soát điều kiện\n\
                    Đỗ Văn A\nVũ Thị B\nNguyễn Văn C\n\n\t\nTổ chức chấm bài\nVũ Thị B\n\n\t\n\
                    Xây dựng bài kiểm tra\nĐỗ Văn A\nVũ Thị B\n";
        assert_eq!(
            rows(text),
            [
                "TT | Nhiệm vụ thực hiện | Người thực hiện | Ghi chú",
                " | Rà soát điều kiện | Đỗ Văn A; Vũ Thị B; Nguyễn Văn C | ",
                " | Tổ chức chấm bài | Vũ Thị B | ",
                " | Xây dựng bài kiểm tra | Đỗ Văn A; Vũ Thị B | ",
            ]
        );
    }

    /// A page marker between blank lines, between rows or inside one, parts nothing.
    #[test]
    fn a_page_break_inside_a_table_parts_nothing() {
        let text = "TT\nTên nhiệm vụ\nChủ trì\nPhối hợp\n\n1\nRà soát.\nSở Nội vụ\nCác sở\n\n\
                    2\nBáo cáo.\nSở Tư pháp\nCác sở\n\n3\nTổng kết.\nSở Tài chính\nCác sở\n\n";
        let whole = rows(text);
        assert_eq!(whole.len(), 4, "{whole:?}");
        for at in ["Các sở\n\n", "Báo cáo.\n"] {
            let broken = text.replacen(at, &format!("{at}\n<!-- page 7 -->\n\n"), 1);
            assert_eq!(rows(&broken), whole, "{broken}");
        }
        // A note after a break under a full last row is not the row's; nor is a header printed
        // again (its table is read on its own).
        let noted = format!("{text}<!-- page 8 -->\n\nGhi chú:\nSở Tài chính tổng hợp\n");
        assert_eq!(rows(&noted), whole);
        // A tab line right before a break starts its row.
        let tabbed = "TT\nNhiệm vụ\nNgười thực hiện\nGhi chú\n\t\nRà soát\nĐỗ Văn A\n\n\t\n\
                      <!-- page 2 -->\nChấm bài\nVũ Thị B\n\n\t\nIn chứng chỉ\nVũ Thị B\n";
        assert_eq!(rows(tabbed).len(), 4, "{:?}", rows(tabbed));
    }

    #[test]
    fn not_a_table_without_rows_or_header() {
        // "TT" then sentences, or a header with one row only.
        assert!(rows("TT\nMột câu dài.\nHai\nBa\n\n1\nx\n").is_empty());
        assert!(rows("TT\nTên\nChủ trì\n\n1\nViệc một\nSở A\n").is_empty());
    }
}
