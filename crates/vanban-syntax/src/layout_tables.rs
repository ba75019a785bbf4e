//! Tables of PDF text layers laid out by position (`pdftotext -layout`): each printed line
//! holds pieces of every column at the place the page shows them, a cell wraps over several
//! lines, and the row number stands on the middle line of its row. Read by position:
//!
//! - the header: a line that starts with "TT" / "STT" followed by other column titles after
//!   wide gaps, with the title lines just above and below it; "TT" and the row numbers stand
//!   at the table's own left margin (the least indentation of its first lines), so a table
//!   indented on its page reads as one at the edge;
//! - columns: on each page (a page number or a repeated header starts a new one, since the
//!   columns move a little from page to page), the places no word covers on almost every
//!   line are the gaps between columns; each word goes to the column under its middle, so two
//!   cells printed one space apart still part;
//! - rows: the row numbers in the first column ("1", "12", a group "II" or "II.1"); in each
//!   column, a cell starts at a word that does not begin with a small letter (or after a
//!   blank line) and goes on over the lines below it (up to two lines down) that do, and
//!   across a page break; a cell belongs to the row whose number is nearest to its middle
//!   line, the later row on a tie.

use vanban_text::Sub;

use crate::clean::is_upper;
use crate::line::{Line, LineKind, MarkerKind};
use crate::tables::{is_head, printed_number, TableRow};

/// One word of a line: its first and one-past-last character column, and its text.
#[derive(Debug, Clone)]
struct Word {
    from: usize,
    to: usize,
    text: String,
}

/// The words of a raw line, with their character columns.
fn words(raw: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut cur: Option<Word> = None;
    for (x, c) in raw.chars().enumerate() {
        if c.is_whitespace() {
            if let Some(w) = cur.take() {
                out.push(w);
            }
        } else {
            let w = cur.get_or_insert_with(|| Word {
                from: x,
                to: x,
                text: String::new(),
            });
            w.text.push(c);
            w.to = x + 1;
        }
    }
    out.extend(cur);
    out
}

/// Pieces of a line separated by two spaces or more: (first column, text).
fn chunks(raw: &str) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut last_end = usize::MAX;
    for w in words(raw) {
        match out.last_mut() {
            Some(c) if w.from <= last_end + 1 => {
                c.1.push(' ');
                c.1.push_str(&w.text);
            }
            _ => out.push((w.from, w.text.clone())),
        }
        last_end = w.to;
    }
    out
}

/// A header line: "TT" or "STT" first (at the table's left `margin`), then two titles or more
/// after wide gaps.
fn header_line(raw: &str, margin: usize) -> bool {
    // (A line wider than a page, or of more titles than a table has columns, is none: the
    // readers of titles and columns compare titles with titles and walk the header's width
    // on every page.)
    if raw.chars().count() > MAX_WIDTH {
        return false;
    }
    let c = chunks(raw);
    c.len() >= 3
        && c.len() <= MAX_TITLES
        && c.first()
            .is_some_and(|(x, t)| *x <= margin + 2 && is_head(t))
        && c.iter().skip(1).all(|(_, t)| t.split(' ').count() <= 6)
}

/// The widest line a layout table's header may be, in characters (a landscape page of
/// small print is about 250).
const MAX_WIDTH: usize = 500;

/// The most titles a header line or a title line holds (a table of more columns is not
/// printed on a page).
const MAX_TITLES: usize = 32;

/// Whether line `k` may be a title line over (or under) a header: text in short pieces, not
/// too many, no row of the table (a row number at the `margin`), no marked line or sentence
/// of the text ("II. NHIỆM VỤ CỤ THỂ", "Bảo đảm tiến độ."), no header line itself.
fn title_line(src: &str, lines: &[Line], k: usize, margin: usize) -> bool {
    let l = &lines[k];
    let raw = src.sub(l.start()..l.end());
    let c = chunks(raw);
    !l.is_blankish()
        && l.marker().is_none()
        && c.len() <= MAX_TITLES
        && !c.iter().any(|(_, t)| t.split(' ').count() > 8)
        && !numbered(&words(raw), margin)
        && !l.full.trim_end().ends_with(['.', ';', ':'])
        && !header_line(raw, margin)
}

/// Whether line `l`, the first after blank lines in a table, is the text's again, so that the
/// table ends before the blank lines: in one piece at the table's `margin` where a row lays
/// its cells out in columns, a heading of the text (a part, chapter, section, article or
/// numbered item, "2. Kinh phí thực hiện", or a Roman numeral before capitals: "II. TỔ CHỨC
/// THỰC HIỆN"), or a sentence or a heading in capitals that no row number opens. (A group row may stand so, "II.1 Hoàn thiện thể chế, chính sách, …", and so may
/// a row whose number the copy printed with its text.)
fn text_resumes(src: &str, l: &Line, margin: usize) -> bool {
    let raw = src.sub(l.start()..l.end());
    let indent = raw.chars().take_while(|c| c.is_whitespace()).count();
    let c = chunks(raw);
    let one_piece = c.len() == 1 && indent <= margin + 2;
    let heading = l.marker().is_some_and(|m| match m.kind {
        MarkerKind::Part
        | MarkerKind::Chapter
        | MarkerKind::Section
        | MarkerKind::Article
        | MarkerKind::Item => true,
        MarkerKind::Roman => is_upper(l.clean()),
        _ => false,
    });
    let unmarked = l.marker().is_none() && !numbered(&words(raw), margin);
    let words_in = c.first().map_or(0, |(_, t)| t.split(' ').count());
    // (A sentence, or a heading in capitals: "TỔ CHỨC THỰC HIỆN".)
    let text = unmarked && (words_in > 8 || (words_in >= 3 && is_upper(l.clean())));
    one_piece && (heading || text)
}

/// A row number of the first column: "1", "12", or a group "I", "II", "II.1" — a number a
/// table row prints in its first cell.
fn row_number(t: &str) -> bool {
    printed_number(t).is_some()
}

/// Whether a line's words open with its row number (a row number near the table's left
/// `margin`).
fn numbered(ws: &[Word], margin: usize) -> bool {
    ws.first()
        .is_some_and(|w| w.from <= margin + 4 && row_number(&w.text))
}

/// The left margin of a table whose header line is `h`: the least indentation of its
/// non-blank lines among the header and the dozen lines after it. A PDF page's text starts at
/// its leftmost text, but a table narrower than the page is indented, and a copy may indent
/// every line.
fn left_margin(src: &str, lines: &[Line], h: usize, to: usize) -> usize {
    (h..to.min(h + 12))
        .filter(|&k| !lines[k].is_blankish())
        .map(|k| {
            let raw = src.sub(lines[k].start()..lines[k].end());
            raw.chars().take_while(|c| c.is_whitespace()).count()
        })
        .min()
        .unwrap_or(0)
}

/// Where the table that starts with the header line `h` starts and ends: the title lines
/// just above the header (up to four, no blank line), and the line before the next
/// "PHỤ LỤC" heading, a closing mark or `to`.
fn table_extent(
    src: &str,
    lines: &[Line],
    h: usize,
    (from, to): (usize, usize),
    margin: usize,
) -> (usize, usize) {
    let mut first = h;
    while first > from && h - first < 4 && title_line(src, lines, first - 1, margin) {
        first -= 1;
    }
    let mut end = h + 1;
    while end < to {
        if lines[end].is_blankish() {
            // (A run of blank lines read once: the line after it decides.)
            let next = (end + 1..to)
                .find(|&j| !lines[j].is_blankish())
                .unwrap_or(to);
            if next < to && text_resumes(src, &lines[next], margin) {
                break;
            }
            end = next;
            continue;
        }
        let t = lines[end].full.trim_start().to_lowercase();
        if t.starts_with("phụ lục") || t.starts_with("nơi nhận") {
            break;
        }
        end += 1;
    }
    (first, end)
}

/// Header lines under the "TT" line: short pieces only (titles), before any row number.
fn header_below(src: &str, lines: &[Line], h: usize, end: usize, margin: usize) -> usize {
    let mut k = h + 1;
    while k < end && k - h <= 4 && !lines[k].is_blankish() {
        let raw = src.sub(lines[k].start()..lines[k].end());
        let c = chunks(raw);
        if numbered(&words(raw), margin)
            || c.len() > MAX_TITLES
            || c.iter().any(|(_, t)| t.split(' ').count() > 5)
        {
            break;
        }
        k += 1;
    }
    k
}

/// Tables laid out by position in lines `[from, to)`: the header row, then the rows.
pub(crate) fn layout_tables(src: &str, lines: &[Line], from: usize, to: usize) -> Vec<TableRow> {
    let mut out = Vec::new();
    let mut i = from;
    while i < to {
        let raw = src.sub(lines[i].start()..lines[i].end());
        // The cheap test first: most lines do not start with a row-number title ("TT").
        if raw.len() < 20
            || !is_head(raw.split_whitespace().next().unwrap_or(""))
            || !header_line(raw, left_margin(src, lines, i, to))
        {
            i += 1;
            continue;
        }
        let margin = left_margin(src, lines, i, to);
        let (first, end) = table_extent(src, lines, i, (from, to), margin);
        let rows = read_table(src, lines, (first, i, end), margin);
        // Whether read or not, the lines up to the table's end are done with (another
        // header line before it would read the same lines again).
        if rows.len() >= 3 {
            out.extend(rows);
        }
        i = end;
    }
    out
}

/// A page of a table: its header lines (maybe none) and its data lines.
struct Page {
    header: Vec<usize>,
    data: Vec<usize>,
}

/// Split a table's lines `[first, end)` into pages: a page number or a repeated header
/// starts a new one.
fn pages(
    src: &str,
    lines: &[Line],
    first: usize,
    h: usize,
    end: usize,
    margin: usize,
) -> Vec<Page> {
    let mut out = vec![Page {
        header: Vec::new(),
        data: Vec::new(),
    }];
    // The title lines above the header line are the header's too.
    let mut k = h;
    while k < end {
        let raw = src.sub(lines[k].start()..lines[k].end());
        let repeated = k != h && header_line(raw, margin);
        if k == h || repeated {
            let mut top = k;
            while top > first && k - top < 4 && repeated && title_line(src, lines, top - 1, margin)
            {
                top -= 1;
            }
            let below = header_below(src, lines, k, end, margin);
            let page = out.last_mut().filter(|p| p.data.is_empty() && k == h);
            let page = match page {
                Some(p) => p,
                None => {
                    // The title lines above a repeated header were taken as data: give them back.
                    if let Some(p) = out.last_mut() {
                        p.data.retain(|&d| d < top);
                    }
                    out.push(Page {
                        header: Vec::new(),
                        data: Vec::new(),
                    });
                    out.last_mut().expect("just pushed")
                }
            };
            page.header
                .extend(if k == h { first..below } else { top..below });
            k = below;
            continue;
        }
        let line = &lines[k];
        if matches!(line.kind, LineKind::PageNumber) || is_page_number(raw) {
            out.push(Page {
                header: Vec::new(),
                data: Vec::new(),
            });
        } else if !line.is_blankish() && line.kind != LineKind::PageHeader {
            // (A scan's page marker or a running header is no row's text.)
            if let Some(p) = out.last_mut() {
                p.data.push(k);
            }
        }
        k += 1;
    }
    out.retain(|p| !p.data.is_empty() || !p.header.is_empty());
    out
}

/// A page number printed alone, far to the right of the left margin ("  13").
fn is_page_number(raw: &str) -> bool {
    let t = raw.trim();
    let indent = raw.len() - raw.trim_start().len();
    (1..=3).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit()) && indent >= 20
}

/// The column titles' places: pieces of the header lines (words one space apart) that
/// overlap from line to line make one title; a piece that overlaps two titles is two titles
/// printed one space apart ("tổ chức Cá nhân phụ trách chỉ") and is left out. Returns their
/// character ranges, left to right, the "TT" title first.
fn title_places(src: &str, lines: &[Line], header: &[usize]) -> Vec<(usize, usize)> {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for &k in header {
        let raw = src.sub(lines[k].start()..lines[k].end());
        let mut last: Option<(usize, usize)> = None;
        for w in words(raw) {
            match last.as_mut() {
                Some(l) if w.from <= l.1 + 1 => l.1 = w.to,
                _ => {
                    spans.extend(last.take());
                    last = Some((w.from, w.to));
                }
            }
        }
        spans.extend(last);
    }
    // Narrow pieces first: a wide one that bridges two titles is seen as such.
    spans.sort_by_key(|s| (s.1 - s.0, s.0));
    let mut out: Vec<(usize, usize)> = Vec::new();
    for s in spans {
        let hits: Vec<usize> = (0..out.len())
            .filter(|&i| s.0 < out[i].1 && out[i].0 < s.1)
            .collect();
        match hits.as_slice() {
            [] => out.push(s),
            [i] => out[*i] = (out[*i].0.min(s.0), out[*i].1.max(s.1)),
            _ => {}
        }
    }
    out.sort_unstable();
    out
}

/// Where the columns after the first two start on a page: between two titles, the place
/// its words cover least (the middle of the least covered run), since titles are centred
/// over columns whose text runs wider.
fn column_starts(
    src: &str,
    lines: &[Line],
    data: &[usize],
    titles: &[(usize, usize)],
    margin: usize,
) -> Vec<usize> {
    let mut cover: Vec<usize> = Vec::new();
    for &k in data {
        let raw = src.sub(lines[k].start()..lines[k].end());
        let ws = words(raw);
        for w in &ws[usize::from(numbered(&ws, margin))..] {
            if cover.len() < w.to {
                cover.resize(w.to, 0);
            }
            for c in &mut cover[w.from..w.to] {
                *c += 1;
            }
        }
    }
    let at = |x: usize| cover.get(x).copied().unwrap_or(0);
    let mut starts = Vec::new();
    // Titles after "TT": the first is the content column, each later one starts a column.
    for pair in titles.windows(2).skip(1) {
        // From the middle of the title on the left (its column's text may run on well past
        // the title) to just past the start of the next title (columns move a little from
        // page to page).
        let lo = (pair[0].0 + pair[0].1) / 2;
        let hi = (pair[1].0 + 2).max(lo);
        let least = (lo..=hi).map(at).min().unwrap_or(0);
        let run: Vec<usize> = (lo..=hi).filter(|&x| at(x) == least).collect();
        // The widest run of least cover: its middle.
        let mut best = (0, hi);
        let mut k = 0;
        while k < run.len() {
            let mut j = k;
            while j + 1 < run.len() && run[j + 1] == run[j] + 1 {
                j += 1;
            }
            if j - k + 1 > best.0 {
                best = (j - k + 1, (run[k] + run[j]).div_ceil(2));
            }
            k = j + 1;
        }
        starts.push(best.1);
    }
    starts
}

/// The column of a word: 0 for the row number, else 1 + the number of column starts at or
/// before its middle.
fn column_of(w: &Word, starts: &[usize]) -> usize {
    let mid = (w.from + w.to) / 2;
    1 + starts.iter().filter(|&&s| s <= mid).count()
}

/// Whether a word is part of a printed date or period: a year ("2026"), a dash between years,
/// "2026-2030", "15/10/2026".
fn date_word(t: &str) -> bool {
    let year = |y: &str| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit());
    let dashes: &[char] = &['-', '–', '—'];
    if t.chars().all(|c| dashes.contains(&c)) {
        return true;
    }
    if t.split(dashes).all(|p| p.is_empty() || year(p)) && t.split(dashes).any(year) {
        return true;
    }
    let parts: Vec<&str> = t.split('/').collect();
    parts.len() == 3
        && parts[..2]
            .iter()
            .all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
        && year(parts[2])
}

/// Where the date or period that ends a line starts (an index into `words`), if the line ends
/// with one: words of dates only, with a year among them, not the row number.
fn trailing_date(words: &[Word], numbered: bool) -> Option<usize> {
    let first = usize::from(numbered);
    let mut k = words.len();
    while k > first && date_word(&words[k - 1].text) {
        k -= 1;
    }
    let run = words.get(k..)?;
    run.iter()
        .any(|w| w.text.bytes().filter(u8::is_ascii_digit).count() >= 4)
        .then_some(k)
}

/// Whether the last column of a table holds dates: on some line, a date or period ends the
/// line and stands wholly under the last column (a "Thời hạn" column). PDF text layers print
/// such a column's "2026 - 2030" one space after the cell before it, so the words' places
/// alone cannot part them.
fn last_column_dated(
    src: &str,
    lines: &[Line],
    pages: &[(Vec<usize>, Vec<usize>)],
    margin: usize,
) -> bool {
    pages.iter().any(|(data, starts)| {
        data.iter().any(|&k| {
            let ws = words(src.sub(lines[k].start()..lines[k].end()));
            trailing_date(&ws, numbered(&ws, margin)).is_some_and(|at| {
                ws[at..]
                    .iter()
                    .all(|w| column_of(w, starts) == starts.len() + 1)
            })
        })
    })
}

/// One cell under construction: its column, lines, and text.
struct Cell {
    column: usize,
    first: usize,
    last: usize,
    text: String,
}

/// Read the table whose header line is `h` in lines `[first, end)`, its left margin at
/// `margin`.
fn read_table(
    src: &str,
    lines: &[Line],
    (first, h, end): (usize, usize, usize),
    margin: usize,
) -> Vec<TableRow> {
    let pages = pages(src, lines, first, h, end, margin);
    let mut numbers: Vec<(usize, String)> = Vec::new();
    let mut cells: Vec<Cell> = Vec::new();
    let mut header: Vec<String> = Vec::new();
    let mut columns = 0;
    let mut titles: Vec<(usize, usize)> = Vec::new();
    let mut last: Vec<Option<usize>> = Vec::new();
    let mut laid: Vec<(Vec<usize>, Vec<usize>)> = Vec::new();
    for page in &pages {
        if !page.header.is_empty() {
            titles = title_places(src, lines, &page.header);
        }
        let starts = column_starts(src, lines, &page.data, &titles, margin);
        columns = columns.max(starts.len() + 2);
        if header.is_empty() && !page.header.is_empty() {
            header = header_cells(src, lines, &page.header, &starts, margin);
        }
        laid.push((page.data.clone(), starts));
    }
    // Tables of four columns or more: the third on holds no content that ends in a year.
    let dated = columns >= 4 && last_column_dated(src, lines, &laid, margin);
    for (data, starts) in &laid {
        let mut page = PageCells {
            numbers: &mut numbers,
            cells: &mut cells,
            last: &mut last,
        };
        read_page(src, lines, (data, starts), (dated, margin), &mut page);
    }
    if numbers.len() < 2 || header.len() < 3 {
        return Vec::new();
    }
    let columns = columns.max(header.len());
    header.resize(columns, String::new());
    let mut rows = vec![TableRow {
        first,
        end: numbers[0].0,
        cells: header,
    }];
    rows.extend(assemble(lines, end, &numbers, &cells, columns));
    // The header row ends where the first row's lines begin.
    if let Some(start) = rows.get(1).map(|r| r.first) {
        rows[0].end = start;
    }
    rows
}

/// The header's cells: the words of its lines by column, top to bottom.
fn header_cells(
    src: &str,
    lines: &[Line],
    header: &[usize],
    starts: &[usize],
    margin: usize,
) -> Vec<String> {
    let mut out: Vec<String> = vec![String::new(); starts.len() + 2];
    for &k in header {
        let raw = src.sub(lines[k].start()..lines[k].end());
        for (n, w) in words(raw).iter().enumerate() {
            let col = if n == 0 && w.from <= margin + 2 && is_head(&w.text) {
                0
            } else {
                column_of(w, starts)
            };
            let cell = &mut out[col.min(starts.len() + 1)];
            if !cell.is_empty() {
                cell.push(' ');
            }
            cell.push_str(&w.text);
        }
    }
    while out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    out
}

/// The row numbers and cells of a page's data lines. `last` holds, per column, the last
/// cell of the pages before (a cell a page break cut goes on with it).
/// What the pages of a table gather: row numbers with their lines, cells, and per column the
/// last cell of the pages before.
struct PageCells<'a> {
    numbers: &'a mut Vec<(usize, String)>,
    cells: &'a mut Vec<Cell>,
    last: &'a mut Vec<Option<usize>>,
}

/// The column of each word of a line after the row number: by place, except that with a
/// `dated` last column a date or period ending the line and starting past the content
/// columns goes to the last column whole.
fn line_columns(ws: &[Word], numbered: bool, starts: &[usize], dated: bool) -> Vec<usize> {
    let mut cols: Vec<usize> = ws.iter().map(|w| column_of(w, starts)).collect();
    let last = starts.len() + 1;
    if let Some(at) = trailing_date(ws, numbered).filter(|_| dated) {
        if cols[at] + 1 >= last && cols[at] >= 2 {
            for c in &mut cols[at..] {
                *c = last;
            }
        }
    }
    cols
}

fn read_page(
    src: &str,
    lines: &[Line],
    (data, starts): (&[usize], &[usize]),
    (dated, margin): (bool, usize),
    page: &mut PageCells,
) {
    let PageCells {
        numbers,
        cells,
        last,
    } = page;
    let mut on_page: Vec<Option<usize>> = vec![None; starts.len() + 2];
    if last.len() < on_page.len() {
        last.resize(on_page.len(), None);
    }
    for (at, &k) in data.iter().enumerate() {
        let raw = src.sub(lines[k].start()..lines[k].end());
        let after_gap = at > 0 && data[at - 1] + 1 < k;
        let line_words = words(raw);
        let numbered = numbered(&line_words, margin);
        // Only the first lines of a page, before any row number, go on with a cell the page
        // break cut.
        let page_top = at < 3 && !numbered && numbers.last().is_none_or(|n| n.0 < data[0]);
        let cols = line_columns(&line_words, numbered, starts, dated);
        for (n, w) in line_words.iter().enumerate() {
            if n == 0 && numbered {
                numbers.push((k, w.text.clone()));
                continue;
            }
            let col = cols[n];
            let starts_cell = !w.text.chars().next().is_some_and(char::is_lowercase);
            // The open cell of this column on this page, ended at most two lines above (a
            // neighbour column's longer cell may stand between its lines).
            let open = match on_page[col] {
                Some(p) => Some(p).filter(|&p| cells[p].last + 3 >= k && cells[p].last <= k),
                // A cell the page break cut: words in small letters at the top of a page go
                // on with the last cell of their column on the page before.
                None if !starts_cell && page_top => last[col],
                None => None,
            };
            match open {
                Some(p) if cells[p].last == k => {
                    cells[p].text.push(' ');
                    cells[p].text.push_str(&w.text);
                }
                Some(p) if !starts_cell && (!after_gap || on_page[col].is_none()) => {
                    cells[p].text.push(' ');
                    cells[p].text.push_str(&w.text);
                    cells[p].last = k;
                    on_page[col] = Some(p);
                }
                _ => {
                    cells.push(Cell {
                        column: col,
                        first: k,
                        last: k,
                        text: w.text.clone(),
                    });
                    on_page[col] = Some(cells.len() - 1);
                }
            }
            last[col] = on_page[col];
        }
    }
}

/// Rows from the numbers and cells: each cell joins the row whose number line is nearest to
/// its middle line (the later row on a tie); a row's lines run from its first cell to the
/// line before the next row's.
fn assemble(
    lines: &[Line],
    end: usize,
    numbers: &[(usize, String)],
    cells: &[Cell],
    columns: usize,
) -> Vec<TableRow> {
    // Non-blank lines before each line, so that distances cost nothing.
    let from = numbers
        .first()
        .map_or(0, |n| n.0)
        .min(cells.iter().map(|c| c.first).min().unwrap_or(0));
    let mut before = Vec::with_capacity(end - from + 1);
    let mut count = 0;
    for line in &lines[from..end] {
        before.push(count);
        count += usize::from(!line.is_blankish());
    }
    before.push(count);
    let distance = |a: usize, b: usize| before[a.max(b) - from] - before[a.min(b) - from];
    let mut rows: Vec<(usize, Vec<String>)> = numbers
        .iter()
        .map(|(k, n)| {
            let mut cells = vec![String::new(); columns];
            cells[0] = n.clone();
            (*k, cells)
        })
        .collect();
    let mut firsts: Vec<usize> = numbers.iter().map(|(k, _)| *k).collect();
    for c in cells {
        let mid = (c.first + c.last).div_ceil(2);
        // The nearest number line is the last one at or before the middle or the next one.
        let next = numbers.partition_point(|n| n.0 <= mid);
        let row = [next.checked_sub(1), (next < numbers.len()).then_some(next)]
            .into_iter()
            .flatten()
            .min_by_key(|&r| (distance(numbers[r].0, mid), usize::MAX - r))
            .unwrap_or(0);
        let cell = &mut rows[row].1[c.column.min(columns - 1)];
        if !cell.is_empty() {
            cell.push(' ');
        }
        cell.push_str(&c.text);
        firsts[row] = firsts[row].min(c.first);
    }
    // Keep the lines of rows in order and apart.
    for r in 1..firsts.len() {
        firsts[r] = firsts[r].max(firsts[r - 1] + 1);
    }
    rows.into_iter()
        .enumerate()
        .map(|(r, (_, cells))| TableRow {
            first: firsts[r],
            end: firsts.get(r + 1).copied().unwrap_or(end),
            cells,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::classify;

    fn rows(text: &str) -> Vec<String> {
        let lines = classify(text);
        layout_tables(text, &lines, 0, lines.len())
            .iter()
            .map(|r| r.cells.join(" | "))
            .collect()
    }

    /// A task table as a PDF text layer lays it out: titles over two lines, one of them
    /// touching its neighbour; row numbers on the middle line; cells one space apart.
    const TABLE: &str = r"
                                          Cơ quan
TT          Nội dung          Mục tiêu    chủ trì    Thời hạn
   Tỷ lệ hồ sơ xử lý                      Sở Tài
 1 trực tuyến toàn           90%          chính      2026
   trình
   Tỷ lệ xã có điểm                       Sở Nội
 2 phục vụ một cửa           100%         vụ         2027
   hiện đại
                                   7
   Số thủ tục được                        Văn phòng
 3 cắt giảm                  30%          Ủy ban     2026 - 2030
                                          nhân dân
";

    #[test]
    fn columns_by_place_and_rows_by_number() {
        let got = rows(TABLE);
        assert_eq!(
            got,
            [
                "TT | Nội dung | Mục tiêu | Cơ quan chủ trì | Thời hạn",
                "1 | Tỷ lệ hồ sơ xử lý trực tuyến toàn trình | 90% | Sở Tài chính | 2026",
                "2 | Tỷ lệ xã có điểm phục vụ một cửa hiện đại | 100% | Sở Nội vụ | 2027",
                "3 | Số thủ tục được cắt giảm | 30% | Văn phòng Ủy ban nhân dân | 2026 - 2030",
            ],
            "{got:#?}"
        );
    }

    /// A deadline column printed one space after the cell before it, its "2026 - 2030" cut by
    /// the column start found by place, or a year standing alone under the cell before.
    const DATED: &str = r"
                                          Cơ quan      Cá nhân
TT          Nội dung                      chủ trì      phụ trách           Thời hạn

   Rà soát văn bản                        Sở Tài       Đồng chí A -
 1 quy phạm                               chính        Phó Chủ tịch 2026 - 2030
   Xây dựng kế hoạch                      Sở Nội       Đồng chí B -
 2 bảo tồn                                vụ           Phó Chủ tịch      2029 -
                                                                         2030
   Quản lý rừng                           Sở Nông
 3 bền vững                               nghiệp       Đồng chí C     2030
 4 Cập nhật dữ liệu                       Sở Xây dựng  Đồng chí D          2026 - 2027
";

    #[test]
    fn a_date_that_ends_a_line_goes_to_a_dated_last_column() {
        let got = rows(DATED);
        assert_eq!(
            got,
            [
                "TT | Nội dung | Cơ quan chủ trì | Cá nhân phụ trách | Thời hạn",
                "1 | Rà soát văn bản quy phạm | Sở Tài chính | Đồng chí A - Phó Chủ tịch | 2026 - 2030",
                "2 | Xây dựng kế hoạch bảo tồn | Sở Nội vụ | Đồng chí B - Phó Chủ tịch | 2029 - 2030",
                "3 | Quản lý rừng bền vững | Sở Nông nghiệp | Đồng chí C | 2030",
                "4 | Cập nhật dữ liệu | Sở Xây dựng | Đồng chí D | 2026 - 2027",
            ],
            "{got:#?}"
        );
        // Without a date under the last column anywhere, places alone decide; a date in the
        // content column stays there.
        let ws = words(" 1 Việc giai đoạn   Sở A   Đồng chí A 2026 - 2030");
        let starts = [18, 24, 42];
        assert_eq!(line_columns(&ws, true, &starts, false)[8..], [3, 3, 4, 4]);
        assert_eq!(line_columns(&ws, true, &starts, true)[8..], [3, 4, 4, 4]);
        let ws = words(" 1 Việc giai đoạn 2026 - 2030");
        assert_eq!(line_columns(&ws, true, &[30, 36, 40], true), [1; 7]);
    }

    /// A table narrower than its page, or a copy that indents every line, stands away from the
    /// left edge: its "TT" and row numbers are looked for at its own left margin, and it reads
    /// as it does at the edge (at eight spaces in, it was no table).
    #[test]
    fn an_indented_table_reads_as_one_at_the_edge() {
        for table in [TABLE, DATED] {
            let want = rows(table);
            for indent in [3, 8, 20] {
                let pad = " ".repeat(indent);
                let moved: String = table
                    .split_inclusive('\n')
                    .map(|l| {
                        if l.trim().is_empty() {
                            l.to_owned()
                        } else {
                            format!("{pad}{l}")
                        }
                    })
                    .collect();
                assert_eq!(rows(&moved), want, "{indent}");
            }
        }
    }

    #[test]
    fn rows_tile_the_lines_in_order() {
        let lines = classify(TABLE);
        let got = layout_tables(TABLE, &lines, 0, lines.len());
        for w in got.windows(2) {
            assert!(w[0].first < w[0].end && w[0].end == w[1].first, "{got:?}");
        }
    }

    #[test]
    fn ordinary_text_is_no_table() {
        // "TT" opening a sentence, a list of short lines, a pipe table.
        assert!(rows("TT    Nội dung    chủ trì\nmột dòng văn bản bình thường\n").is_empty());
        assert!(
            rows("TT của văn bản gồm các phần sau đây và nhiều chữ hơn nữa\n1 a\n2 b\n").is_empty()
        );
        assert!(
            rows("| TT | Nội dung | Cơ quan chủ trì |\n|---|---|---|\n| 1 | Việc | Sở A |\n")
                .is_empty()
        );
    }

    /// The table's own lines only: a heading of the text after it (a blank line, then a
    /// Roman numeral before capitals or a sentence in one piece at the margin) ends it; a
    /// marked heading or a sentence just above the header is no column title; numbered rows
    /// above a header printed again are rows, not its titles. A group row in one piece
    /// ("II.1 Hoàn thiện …") stays a row.
    #[test]
    fn a_table_keeps_to_its_own_lines() {
        const HEAD: &str = "TT    Nội dung          Chủ trì      Thời hạn\n";
        let row = |k: usize| format!(" {k}    Việc {k}            Sở {k}         202{k}\n");
        let after = format!(
            "{HEAD}{}{}\nII. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính chủ trì, phối hợp với Sở Nội vụ \
             báo cáo trước ngày 31/12/2025.\n",
            row(1),
            row(2)
        );
        let got = rows(&after);
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got.iter().all(|r| !r.contains("TỔ CHỨC")), "{got:?}");
        for text in [
            "Các sở, ngành báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh trước ngày 20.\n",
            "2. Kinh phí thực hiện\n",
            "TỔ CHỨC THỰC HIỆN\n",
        ] {
            let resumed = after.replace("II. TỔ CHỨC THỰC HIỆN\n", text);
            assert_eq!(rows(&resumed).len(), 3, "{text}: {:?}", rows(&resumed));
        }
        for before in [
            "I. MỤC ĐÍCH\nBảo đảm tiến độ.\nII. NHIỆM VỤ CỤ THỂ\n",
            "Điều 5. Nhiệm vụ cụ thể\n",
        ] {
            let text = format!("{before}{HEAD}{}{}{}", row(1), row(2), row(3));
            let got = rows(&text);
            assert_eq!(
                got.first().map(String::as_str),
                Some("TT | Nội dung | Chủ trì | Thời hạn"),
                "{before}"
            );
        }
        let repeated = format!(
            "{HEAD}{}{}{HEAD}{}{}{}",
            row(1),
            row(2),
            row(3),
            row(4),
            row(5)
        );
        let got = rows(&repeated);
        for k in 1..=5 {
            assert!(
                got.iter().any(|r| r.starts_with(&format!("{k} |"))),
                "row {k}: {got:?}"
            );
        }
        for heading in [
            "II.1 Hoàn thiện thể chế, chính sách, pháp luật; chiến lược, quy hoạch",
            "II. Nhiệm vụ thực hiện theo lộ trình đến năm 2030",
        ] {
            let group = format!("{HEAD}{}\n{heading}\n{}", row(1), row(2));
            let got = rows(&group);
            assert!(
                got.iter().any(|r| r.starts_with("2 |")),
                "{heading}: {got:?}"
            );
        }
    }
}
