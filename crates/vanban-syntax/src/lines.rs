//! The line pass: split the normalised text into physical lines and classify each by what it
//! starts with (the `line.pest` grammar), then join hard-wrapped lines into paragraphs.

use pest::Parser;
use vanban_model::{Str, ThinVec};
use vanban_text::Sub;

use crate::clean;
use crate::line::{Line, LineKind, Marker, MarkerKind, Seen};
use crate::tables::{pipe_tables, TableRow};
use std::collections::VecDeque;

#[derive(pest_derive::Parser)]
#[grammar = "grammars/line.pest"]
struct LineGrammar;

/// Split and classify every line of `text`.
#[cfg(test)]
pub(crate) fn classify(text: &str) -> Vec<Line> {
    classify_seen(text).0
}

/// Split and classify every line of `text`; and what kinds of line it has.
pub(crate) fn classify_seen(text: &str) -> (Vec<Line>, Seen) {
    let bytes = text.as_bytes();
    // Sized once (a count of line feeds is cheap): a document of a million short lines does
    // not pay for the vector's doublings.
    let mut lines = Vec::with_capacity(memchr::memchr_iter(b'\n', bytes).count() + 1);
    // (One search for all the line feeds: a search a line paid its set-up on every line.)
    let mut feeds = memchr::memchr_iter(b'\n', bytes);
    let mut start = 0;
    let mut seen = Seen::default();
    loop {
        let end = feeds.next().unwrap_or(text.len());
        let raw = text.sub(start..end);
        let line = classify_line(raw, start, end);
        seen.note(&line, raw);
        lines.push(line);
        // (The text ends here, or with this line's feed: no empty line after it.)
        if end + 1 >= text.len() {
            break;
        }
        start = end + 1;
    }
    // A structural keyword alone on its line, its number on the next ("**Điều" / "1. Phạm
    // vi …**", "**Chương" / "I**"): classify the two lines as one. (The markers this makes
    // are of articles, chapters, sections and parts: no flag of `seen` is wanting.)
    if seen.bare_keywords {
        join_bare_keywords(&mut lines);
    }
    if seen.items || seen.romans || seen.dashes {
        unmark_wrapped_references(&mut lines);
    }
    if seen.markup {
        unmark_cells_behind_empty(text, &mut lines);
    }
    if seen.pipes && seen.page_headers {
        unmark_page_cells(&mut lines);
    }
    if seen.digits {
        mark_page_numbers(text, &mut lines);
    }
    if seen.stamps {
        mark_signature_names(&mut lines);
        mark_signer_stamps(&mut lines);
    }
    crate::ocr::repair_markers(&mut lines, seen);
    // (Without a line of digits or a stamp, it changes nothing.)
    if seen.digits || seen.stamps {
        mark_furniture(&mut lines);
    }
    (lines, seen)
}

/// A structural keyword alone on its line and its number on the next, classified as one line;
/// so is an appendix heading wrapped after its first word ("PHỤ" / "LỤC I", "Phụ" / "lục").
fn join_bare_keywords(lines: &mut [Line]) {
    for k in 0..lines.len().saturating_sub(1) {
        if lines[k].kind == LineKind::Text && is_bare_keyword(&lines[k].full) {
            let joined = format!("{} {}", lines[k].full, lines[k + 1].full);
            let (kind, rest) = classify_start(&joined);
            let next = lines[k + 1].full.as_str();
            // (In the case of its first word: "PHỤ" / "lục đính kèm" is no heading.)
            let second = match lines[k].full.as_str() {
                "PHỤ" => Some("LỤC"),
                "Phụ" => Some("lục"),
                _ => None,
            };
            let appendix = lines[k + 1].kind == LineKind::Text
                && second.is_some_and(|w| {
                    next.starts_with(w) && vanban_text::whole_word(next, 0, w.len())
                });
            if matches!(kind, LineKind::Marker(_)) || appendix {
                lines[k].set_clean_at(joined.len() - rest.len());
                lines[k].kind = kind;
                lines[k].full = joined.into();
                lines[k].open_emphasis = false;
                lines[k + 1].kind = LineKind::Continuation;
            }
        }
    }
}

/// "… tại điểm a), b), c)," / "d) khoản 1, Điều 10 …": a point marker that continues a list
/// of point references wrapped at the line end is text, not a new điểm.
fn unmark_wrapped_references(lines: &mut [Line]) {
    for k in 1..lines.len() {
        let continues = matches!(lines[k - 1].kind, LineKind::Text | LineKind::Marker(_))
            && match &lines[k].kind {
                LineKind::Marker(m) if m.kind == MarkerKind::Point => {
                    ends_with_point_reference(&lines[k - 1].full)
                }
                // "… kết thúc vào ngày 31 tháng" / "12.": a number wrapped after the word
                // that asks for it.
                // (And a Roman numeral after "lần thứ" or "khóa": "Đại hội … lần thứ" / "XI.",
                // found at stop 58, made a section XI.)
                LineKind::Marker(m)
                    if matches!(
                        m.kind,
                        MarkerKind::Item | MarkerKind::Subitem | MarkerKind::Roman
                    ) =>
                {
                    ends_with_number_word(&lines[k - 1].full) && !continues_list(lines, k)
                }
                // "… “Vì người nghèo" / "- Không để ai bị bỏ lại phía sau”": a dash inside a
                // quotation or brackets the line before opened, closed on its own line.
                LineKind::Marker(m)
                    if matches!(m.kind, MarkerKind::Indent | MarkerKind::Subindent) =>
                {
                    closes_what_was_left_open(&lines[k - 1].full, &lines[k].full)
                }
                _ => false,
            };
        if continues {
            lines[k].kind = LineKind::Text;
            lines[k].set_clean_at(0);
        }
    }
}

/// Page numbers beside page headers, and the lines of a stamp after its first: a line of
/// digits is a page number when a page header stands just before it, or right after it
/// (blank lines aside) — the Gazette prints an even page's number at the left of its header
/// row, which a PDF's text puts on a line of its own above the header; other lines of
/// digits are text.
fn mark_furniture(lines: &mut [Line]) {
    let before_header: Vec<bool> = (0..lines.len())
        .map(|i| {
            lines[i].kind == LineKind::Digits
                && lines
                    .iter()
                    .skip(i + 1)
                    .take(2)
                    .find(|l| l.kind != LineKind::Blank)
                    .is_some_and(|l| l.kind == LineKind::PageHeader)
        })
        .collect();
    let mut after_page_header = 0u8;
    let mut after_stamp = false;
    for (line, before_header) in lines.iter_mut().zip(before_header) {
        match line.kind {
            LineKind::PageHeader => after_page_header = 3,
            LineKind::Blank => {}
            LineKind::Digits if after_page_header > 0 || before_header => after_page_header = 0,
            LineKind::Digits => line.kind = LineKind::Text,
            LineKind::Stamp => after_stamp = true,
            _ if after_stamp && is_stamp_continuation(&line.full) => line.kind = LineKind::Stamp,
            _ => {
                after_page_header = after_page_header.saturating_sub(1);
                after_stamp = false;
            }
        }
    }
}

/// A scan's digital-signature stamp prints the signing body's name above the time
/// ("BỘ CHÍNH TRỊ" / "BỘ CHÍNH TRỊ" / "28-07-2026 18:08:51 +07:00"): up to three upper-case lines
/// right above a signature time belong to the stamp, not to the header below it.
fn mark_signature_names(lines: &mut [Line]) {
    for i in 0..lines.len() {
        if lines[i].kind != LineKind::Stamp || !is_signature_time(&lines[i].full) {
            continue;
        }
        let mut k = i;
        while k > 0 && i - k < 3 {
            let l = &lines[k - 1];
            if l.kind == LineKind::Blank || !clean::is_upper(&l.full) || l.full.chars().count() > 80
            {
                break;
            }
            k -= 1;
        }
        for l in &mut lines[k..i] {
            l.kind = LineKind::Stamp;
        }
    }
}

/// Page numbers of a PDF copy: lines of one to three digits standing alone between blank lines
/// whose values follow one another (n, n + 1) between 15 and 200 lines apart. A row number of
/// a table stands closer to the next one; a lone number with no neighbour in the series stays
/// text.
///
/// A PDF's text layer puts a form feed before the number and no blank line after it (the
/// page's text goes on at once, often in mid-sentence) or the page's last line right above
/// it: a number centred on its line (eight spaces before it or more) with a blank line on one
/// side only is a page number when it is in a run of three (n − 1, n, n + 1 or n, n + 1,
/// n + 2). Read as text it was glued into the sentence it broke ("Sở Giáo dục và Đào 2 tạo").
fn mark_page_numbers(text: &str, lines: &mut [Line]) {
    let blank = |l: Option<&Line>| l.is_none_or(|l| l.kind == LineKind::Blank);
    // Centred, as a text layer prints a page number: a table's row number, a blank line
    // before it and its cells after it, stands at the line's start.
    let centred = |l: &Line| {
        let raw = text.sub(l.start()..l.end());
        raw.len() - raw.trim_start().len() >= 8
    };
    // (line, value, blank on both sides; and centred)
    let candidates: Vec<(usize, u32, bool, bool)> = (0..lines.len())
        .filter(|&i| lines[i].kind == LineKind::Digits && lines[i].full.len() <= 3)
        .filter_map(|i| {
            let before = blank(i.checked_sub(1).map(|p| &lines[p]));
            let after = blank(lines.get(i + 1));
            let v = lines[i].full.parse().ok()?;
            // (A number beside a page header is that header's: `mark_furniture` keeps it.)
            let beside_header = i
                .checked_sub(1)
                .is_some_and(|p| lines[p].kind == LineKind::PageHeader)
                || lines
                    .iter()
                    .skip(i + 1)
                    .take(2)
                    .find(|l| l.kind != LineKind::Blank)
                    .is_some_and(|l| l.kind == LineKind::PageHeader);
            let centred = centred(&lines[i]);
            let one_sided = (before || after) && centred;
            ((before && after || one_sided) && !beside_header).then_some((
                i,
                v,
                before && after,
                centred,
            ))
        })
        .collect();
    // The next page of each candidate, and the one before it.
    let mut next = vec![None; candidates.len()];
    let mut prev = vec![None; candidates.len()];
    for a in 0..candidates.len() {
        let (i, v, ..) = candidates[a];
        // Candidates are in line order: look ahead within the distance a page can span.
        for b in a + 1..candidates.len() {
            let (j, w, ..) = candidates[b];
            if j - i > 200 {
                break;
            }
            if j - i >= 15 && w == v + 1 {
                next[a] = Some(b);
                prev[b] = prev[b].or(Some(a));
                break;
            }
        }
    }
    for (a, &(i, _, both, centred)) in candidates.iter().enumerate() {
        let linked = next[a].is_some() || prev[a].is_some();
        let in_three = (prev[a].is_some() && next[a].is_some())
            || next[a].and_then(|b| next[b]).is_some()
            || prev[a].and_then(|b| prev[b]).is_some();
        // (A number centred between blank lines is a page's, as a PDF's text layer prints
        // one, even the only one a two-page copy has: found at stop 58, where it parted the
        // paragraph the page break fell in.)
        if (both && (linked || centred)) || in_three {
            lines[i].kind = LineKind::PageNumber;
        }
    }
}

/// Whether the marker of line `k` numbers the next item of the list before it: the last
/// marker of its kind within 400 lines carries the number before its own ("… theo từng cấp
/// độ" / "2. Tổ chức diễn tập …" after item 1 is item 2 whatever word ends the line before;
/// found by the re-attack of stop 59). Roman numerals are not counted.
fn continues_list(lines: &[Line], k: usize) -> bool {
    let last = |n: &str| n.rsplit('.').find(|p| !p.is_empty())?.parse::<u32>().ok();
    let Some(marker) = lines.get(k).and_then(Line::marker) else {
        return false;
    };
    let Some(n) = marker.number().and_then(last) else {
        return false;
    };
    lines
        .get(k.saturating_sub(400)..k)
        .unwrap_or_default()
        .iter()
        .rev()
        .filter_map(Line::marker)
        .find(|m| m.kind == marker.kind)
        .and_then(|m| m.number().and_then(last))
        .is_some_and(|before| before + 1 == n)
}

/// Whether `line` closes a quotation or a bracket that `before`, a line that ends no
/// sentence, left open: the dash that starts `line` is inside them, a wrap put it there ("(…
/// Cam Ranh" / "- Bộ Quốc phòng tại Quyết định …)").
#[inline]
fn closes_what_was_left_open(before: &str, line: &str) -> bool {
    // (Most dash lines close nothing: a dash with a word or two closes nothing either, and one
    // search for the closing marks' last bytes turns the rest away, a million "-" lines among
    // them at the cost of a length's test.)
    if line.len() < 4 || memchr::memchr2(b')', 0x9D, line.as_bytes()).is_none() {
        return false;
    }
    let open = |s: &str, o: char, c: char| s.matches(o).count() > s.matches(c).count();
    let before = before.trim_end();
    !before.is_empty()
        && !ends_sentence(before)
        && ((closes_first(line, '“', '”') && open(before, '“', '”'))
            || (closes_first(line, '(', ')') && open(before, '(', ')')))
}

/// Whether `line` closes a `close` mark before it opens an `open` one: a bullet that opens and
/// closes its own ("- Tổ chức hội nghị (trực tiếp và trực tuyến) …", after a bullet whose
/// bracket a typo left open) closes nothing, nor does a point's reference ("tại điểm a)").
/// (Found by the re-attack of stop 59.)
fn closes_first(line: &str, open: char, close: char) -> bool {
    for (i, c) in line.char_indices() {
        if c == open {
            return false;
        }
        if c == close {
            let word = line.sub(..i).rsplit(' ').next().unwrap_or_default();
            let reference = close == ')'
                && (1..=2).contains(&word.chars().count())
                && word.chars().all(char::is_alphanumeric);
            if !reference {
                return true;
            }
        }
    }
    false
}

/// Whether a line ends inside a list of point references: "… điểm a), b), c)," or "… các điểm
/// a, b,".
fn ends_with_point_reference(full: &str) -> bool {
    let t = full.trim_end();
    let Some(t) = t.strip_suffix(',') else {
        return false;
    };
    let t = t.trim_end();
    let t = t.strip_suffix(')').unwrap_or(t);
    let mut chars = t.chars().rev();
    let (Some(letter), before) = (chars.next(), chars.next()) else {
        return false;
    };
    letter.is_lowercase()
        && before.is_none_or(|c| c == ' ' || c == ',' || c == '(')
        && (t.contains("điểm") || t.contains("Điểm"))
}

/// Whether a line ends with a word that a number must follow ("tháng", "số", "khoản",
/// "Điều" …), so that a number at the start of the next line continues it. Words that also
/// end phrases ("hằng năm", "tồn tại", "phụ lục") are not in the list.
fn ends_with_number_word(full: &str) -> bool {
    // (A line that ends a sentence or a clause asks for no number: most lines end so, and
    // the last word is then not looked for.)
    let end = full.trim_end();
    if end.ends_with(['.', ':', ';']) {
        return false;
    }
    // A phrase closed after the word asks for nothing ("… chưa cấp Chứng thư chữ ký số)"), nor
    // does "ký số", a digital signature: found at stop 58, where either made the next clause,
    // "3. Tổ chức …", part of the one before in a copy without blank lines.
    if end.ends_with([')', ']', '"', '”', '’']) {
        return false;
    }
    let mut words = end.rsplit(' ');
    let last = words
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric());
    // ("đăng ký số", a registration number, asks for one.)
    if last == "số"
        && words.next().is_some_and(|w| w.eq_ignore_ascii_case("ký"))
        && !words.next().is_some_and(|w| w.eq_ignore_ascii_case("đăng"))
    {
        return false;
    }
    // ("cấp độ" / "1. …", "mức độ" / "3, 4": a level's number; "trình độ" asks for none.)
    if last == "độ" {
        return words
            .next()
            .is_some_and(|w| matches!(w, "cấp" | "Cấp" | "mức" | "Mức"));
    }
    matches!(
        last,
        "tháng"
            | "số"
            | "khoản"
            | "Khoản"
            | "điều"
            | "Điều"
            | "điểm"
            | "chương"
            | "Chương"
            | "quý"
            | "thứ"
            | "khóa"
            | "khoá"
    )
}

pub(crate) fn is_bare_keyword(full: &str) -> bool {
    matches!(
        full,
        "Điều"
            | "ĐIỀU"
            | "Chương"
            | "CHƯƠNG"
            | "Mục"
            | "MỤC"
            | "Phần"
            | "PHẦN"
            | "PHỤ"
            | "Phụ"
    )
}

/// The digital-signature stamp a government portal prints on a PDF's pages opens with the
/// signer ("Người ký: CỔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ", then "Email: …", "Cơ quan: …",
/// "Thời gian ký: 07.03.2025 09:08:01 +07:00"): such a line is a stamp when a line of the stamp
/// follows it (blank lines aside). A website's table of a document's fields ("**Người ký:**"
/// alone, the name in the next cell) is not one.
fn mark_signer_stamps(lines: &mut [Line]) {
    for i in 0..lines.len() {
        let Some(signer) = lines[i].full.strip_prefix("Người ký:") else {
            continue;
        };
        if signer.trim().is_empty() || lines[i].kind != LineKind::Text {
            continue;
        }
        let next = lines
            .get(i + 1..)
            .unwrap_or_default()
            .iter()
            .take(3)
            .find(|l| l.kind != LineKind::Blank);
        if next.is_some_and(|l| is_stamp_continuation(&l.full)) {
            lines[i].kind = LineKind::Stamp;
        }
    }
}

fn is_stamp_continuation(full: &str) -> bool {
    [
        "Cơ quan:",
        "Ngày ký:",
        "Thời gian ký:",
        "Email:",
        "Cơ quan :",
    ]
    .iter()
    .any(|p| full.starts_with(p))
}

fn classify_line(raw: &str, start: usize, end: usize) -> Line {
    let (full, had_markup) = clean::strip_markup(raw);
    let mut line = Line::new(start, end, full);
    line.had_markup = had_markup;
    line.open_emphasis = had_markup && clean::emphasis_runs(raw) % 2 == 1;
    let trimmed = vanban_text::trim(raw);
    if trimmed.is_empty() {
        line.kind = LineKind::Blank;
        return line;
    }
    // Pandoc's hard line break (a backslash ending the line, as a Word header typed as lines
    // is exported) is no part of a rule or a pipe: "-------\".
    let trimmed = trimmed
        .strip_suffix('\\')
        .map_or(trimmed, vanban_text::trim);
    if trimmed.chars().all(|c| c == '|' || c.is_whitespace()) {
        line.kind = LineKind::Pipe;
        return line;
    }
    if is_rule(trimmed) {
        line.kind = LineKind::Rule;
        return line;
    }
    let full = line.full.as_str();
    // (An even page's number may stand before the running header on its line, as a PDF's
    // text layer prints it: "8      CÔNG BÁO/Số 123 + 124/Ngày 15-02-2025".)
    let running = full.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ');
    if running.starts_with("CÔNG BÁO/")
        || running.starts_with("CÔNG BÁO /")
        || is_gazette_label(full)
    {
        line.kind = LineKind::PageHeader;
        return line;
    }
    if full.starts_with("Ký bởi:") || is_signature_time(full) {
        line.kind = LineKind::Stamp;
        return line;
    }
    if is_page_marker(full) {
        line.kind = LineKind::PageHeader;
        return line;
    }
    // (A line of markup only, "**", is empty once cleaned: not digits.)
    if !full.is_empty() && full.bytes().all(|b| b.is_ascii_digit()) {
        line.kind = LineKind::Digits;
        line.set_clean_at(0);
        return line;
    }
    let (kind, rest) = classify_start(full);
    // "|      | – Tự do – Hạnh phúc** |": a grid table's cell wrapped onto the row's next
    // line, in a column after an empty one. Its dash starts no list: read as one, it ended a
    // header in mid-motto (the number, date, type and title were lost). (The first byte
    // first: asked of every line, the whole test cost 30 instructions a line.)
    line.kind = kind;
    line.set_clean_at(full.len() - rest.len());
    line
}

/// "|      | – Tự do – Hạnh phúc** |": a grid table's cell wrapped onto the row's next line,
/// in a column after an empty one. Its dash starts no list: read as one, it ended a header in
/// mid-motto (the number, date, type and title were lost). (A pass of its own, run where a
/// line had markup — a table's pipes are: asked in the line pass, the test cost a million
/// bullets 25 instructions a line.)
fn unmark_cells_behind_empty(text: &str, lines: &mut [Line]) {
    for line in lines
        .iter_mut()
        .filter(|l| l.had_markup && l.marker().is_some())
    {
        if behind_empty_cell(vanban_text::trim(text.sub(line.start()..line.end()))) {
            line.kind = LineKind::Text;
            line.set_clean_at(0);
        }
    }
}

/// "Trang 3" or "- 12 -" alone between two pipe lines is a cell of a table printed one cell
/// at a time (a corrigendum's "Vị trí" column), not a page number: the cell was emptied.
fn unmark_page_cells(lines: &mut [Line]) {
    for k in 1..lines.len().saturating_sub(1) {
        let between = lines[k - 1].kind == LineKind::Pipe && lines[k + 1].kind == LineKind::Pipe;
        if between
            && lines[k].kind == LineKind::PageHeader
            && is_page_number_line(vanban_text::trim(&lines[k].full))
        {
            lines[k].kind = LineKind::Text;
            lines[k].set_clean_at(0);
        }
    }
}

/// Whether a table row's text starts in a later column: the row's first cell is empty
/// ("|   | …").
fn behind_empty_cell(trimmed: &str) -> bool {
    trimmed
        .strip_prefix('|')
        .and_then(|row| row.split_once('|'))
        .is_some_and(|(first, _)| first.trim().is_empty())
}

/// "Nơi nhân:" (OCR of "Nơi nhận:"): the recipients' heading read loosely. Returns what
/// follows it on the line.
fn loose_recipients_start(full: &str) -> Option<&str> {
    if !full.starts_with(['N', 'n']) {
        return None;
    }
    let (len, _) = vanban_text::loose::starts_with(full, "Nơi nhận")?;
    let head = full.sub(..len);
    // The heading ends with its colon (on the word or just after it).
    let rest = full.sub(len..).trim_start();
    let rest = if head.ends_with(':') {
        rest
    } else {
        rest.strip_prefix(':')?.trim_start()
    };
    Some(rest)
}

/// A section label of the Official Gazette, printed above the documents of its section ("VĂN
/// BẢN QUY PHẠM PHÁP LUẬT", "PHẦN I. VĂN BẢN KHÁC"): page furniture, never a type line.
fn is_gazette_label(full: &str) -> bool {
    let mut t = full.trim();
    // (Every label starts with one of these bytes and ends with "LUẬT" or "KHÁC": most lines
    // are ruled out without a search.)
    if !matches!(t.as_bytes().first(), Some(b'P' | b'V' | b'.' | b'-'))
        || !(t.ends_with("LUẬT") || t.ends_with("KHÁC"))
    {
        return false;
    }
    // ("PHẦN II" first: "PHẦN I" is its prefix.)
    for part in ["PHẦN II", "PHẦN I"] {
        while let Some(rest) = t.strip_prefix(part) {
            t = rest;
        }
    }
    let t = t.trim_start_matches(['.', ' ', '-']);
    matches!(
        t,
        "VĂN BẢN QUY PHẠM PHÁP LUẬT" | "VĂN BẢN KHÁC" | "VĂN BẢN QUY PHẠM PHÁP LUẬT KHÁC"
    )
}

/// The time of a digital signature as a scan's stamp prints it: "28-07-2026 18:08:51 +07:00".
pub(crate) fn is_signature_time(full: &str) -> bool {
    signature_date(full).is_some()
}

/// The date of a digital signature's time line: (day, month, year).
pub(crate) fn signature_date(full: &str) -> Option<(u8, u8, u16)> {
    let t = vanban_text::trim(full);
    // The day is a number (which `parse` lets start with "+"): most lines stop here. And the
    // shortest time reads "1-1-1900 00:00" (a four-digit year, a space, a clock of five):
    // shorter lines, list markers such as "1." among them, need not be split.
    if t.len() < 14 || !t.starts_with(|c: char| c.is_ascii_digit() || c == '+') {
        return None;
    }
    let (date, rest) = t.split_once(' ')?;
    let mut parts = date.split(['-', '/', '.']);
    let day: u8 = parts.next()?.parse().ok()?;
    let month: u8 = parts.next()?.parse().ok()?;
    let year: u16 = parts.next()?.parse().ok()?;
    let time = rest.trim_start();
    let clock_like = time.len() >= 5
        && time
            .bytes()
            .take(8)
            .all(|b| b.is_ascii_digit() || b == b':')
        && time.as_bytes().get(2) == Some(&b':');
    let zone_ok = time
        .split_whitespace()
        .nth(1)
        .is_none_or(|z| z.starts_with(['+', '-']) && z.len() <= 6);
    (parts.next().is_none()
        && (1..=31).contains(&day)
        && (1..=12).contains(&month)
        && (1900..=2200).contains(&year)
        && clock_like
        && zone_ok)
        .then_some((day, month, year))
}

/// Page furniture of OCR and PDF text: a page marker ("===== Trang 3 =====", "--- Page 2 ---",
/// or a converter's HTML comment, "<!-- page 2 -->", "<!-- PageBreak -->", which holds no text
/// of the document whatever it says) or a running header naming the source file with the page
/// number ("18.CTRTW31.DOC 2").
fn is_page_marker(full: &str) -> bool {
    let t = vanban_text::trim(full);
    if t.starts_with("<!--") && t.ends_with("-->") && t.len() >= 7 {
        return true;
    }
    let fenced = |c: char| t.starts_with(c) && t.ends_with(c) && t.len() > 6;
    if (fenced('=') || fenced('-')) && {
        let inner = t.trim_matches(['=', '-', ' ']);
        let mut w = inner.split_whitespace();
        matches!(
            w.next(),
            Some("Trang" | "trang" | "TRANG" | "Page" | "page")
        ) && w
            .next()
            .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
            && w.next().is_none()
    } {
        return true;
    }
    let mut words = t.split_whitespace();
    let Some(file) = words.next() else {
        return false;
    };
    let name = file.trim_end_matches(['.', ',']);
    let named = file.is_ascii()
        && [".doc", ".docx", ".pdf", ".odt"].iter().any(|x| {
            name.len() > x.len() + 1
                && name
                    .get(name.len() - x.len()..)
                    .is_some_and(|end| end.eq_ignore_ascii_case(x))
        });
    if !named {
        return is_page_number_line(t);
    }
    // Then the page number, which OCR may garble ("7", "1 0", "K)", "§").
    let rest: Vec<&str> = words.take(3).collect();
    rest.len() <= 2 && rest.iter().all(|w| w.chars().count() <= 3)
}

/// A page number as printed on its own line: "- 12 -" (a dash on each side), "Trang 3",
/// "Trang 3/10". (Read as a bullet, "- 12 -" cut a signature block in two.)
fn is_page_number_line(t: &str) -> bool {
    // (Every such line is three bytes or more and starts with one of these bytes: a bullet
    // "-" or a sentence is ruled out at once.)
    if t.len() < 3 || !matches!(t.as_bytes()[0], b'-' | 0xE2 | b'T' | b't') {
        return false;
    }
    let number = |n: &str| !n.is_empty() && n.len() <= 4 && n.bytes().all(|b| b.is_ascii_digit());
    let dashed = ["-", "–", "—"].iter().find_map(|d| {
        let inner = t.strip_prefix(d)?.strip_suffix(d)?.trim();
        Some(number(inner))
    });
    if dashed == Some(true) {
        return true;
    }
    let Some(rest) = ["Trang ", "trang ", "TRANG "]
        .iter()
        .find_map(|w| t.strip_prefix(w))
    else {
        return false;
    };
    let (page, of) = rest.split_once('/').unwrap_or((rest, "1"));
    number(page.trim()) && number(of.trim())
}

/// A rule: three or more of "-", "_", "=", "." only, or a lone "*" (Party header star; OCR
/// may read it "*+").
fn is_rule(trimmed: &str) -> bool {
    // A pandoc grid table's border: "+-----+-----+", "+=====+".
    if trimmed.len() >= 3
        && trimmed.starts_with('+')
        && trimmed.ends_with('+')
        && trimmed.chars().all(|c| matches!(c, '+' | '-' | '=' | ':'))
    {
        return true;
    }
    if trimmed.len() <= 4
        && trimmed.starts_with('*')
        && trimmed.contains('+')
        && trimmed.chars().all(|c| matches!(c, '*' | '+' | ' '))
    {
        return true;
    }
    // Without allocating: a run of rule characters (at least 3), possibly in bold ("**---**"),
    // a lone "*", or a run of "*".
    let rule = |c: char| matches!(c, '-' | '_' | '=' | '–' | '—');
    let mut rules = 0usize;
    let mut stars = 0usize;
    let mut other = false;
    for c in trimmed.chars() {
        // (A Markdown escape is no character of the line's: "\*", a Party header's star as a
        // web page's text keeps it, "\-------".)
        if c.is_whitespace() || c == '\\' {
            continue;
        }
        if rule(c) {
            rules += 1;
        } else if c == '*' {
            stars += 1;
        } else {
            other = true;
            break;
        }
    }
    if other {
        return false;
    }
    if rules >= 3 {
        // Stars only around the rule, not inside it.
        let core = trimmed
            .trim()
            .trim_matches(|c: char| c == '*' || c.is_whitespace());
        return core.chars().all(|c| rule(c) || c.is_whitespace());
    }
    rules == 0 && (stars == 1 || stars >= 3)
}

/// A cheap prefilter: can this line start with anything the line grammar knows? Most lines
/// are sentences that start with a capital letter followed by a lower-case one; they skip the
/// grammar.
fn may_start_marker(full: &str) -> bool {
    let mut chars = full.chars();
    let Some(c0) = chars.next() else {
        return false;
    };
    let c1 = chars.next();
    match c0 {
        '0'..='9' | '-' | '–' | '•' | '+' | '\u{F0B7}' | '¬' => true,
        '(' => c1.is_some_and(|c| c.is_ascii_digit()),
        // "v/v" (a subject), or the point "v)", "v." (which this test once turned away).
        'v' => matches!(c1, Some('/' | ')' | '.')),
        c if c.is_lowercase() => matches!(c1, Some(')' | '.')),
        // A Roman numeral ("II.", "IV /", "V-") or, as for other capitals, a keyword or a
        // capital before a mark ("V/v", "Lưu:"); not a word ("Về", "Xây dựng", "Lào Cai").
        'I' | 'V' | 'X' | 'L' => {
            let after = full.trim_start_matches(['I', 'V', 'X', 'L']);
            after
                .strip_prefix(' ')
                .unwrap_or(after)
                .starts_with(['.', '-', '–', '/'])
                || capital_may_start(full, c1)
        }
        c if c.is_uppercase() => capital_may_start(full, c1),
        _ => false,
    }
}

/// Whether a line that opens with a capital may start with a marker, a closing or a header
/// field: a mark after the capital ("A.", "T/M", "Q. "), a signing authority or a keyword.
fn capital_may_start(full: &str, c1: Option<char>) -> bool {
    const KEYWORDS: &[&str] = &[
        "Phần",
        "PHẦN",
        "Chương",
        "CHƯƠNG",
        "Mục",
        "MỤC",
        "Tiểu mục",
        "TIỂU MỤC",
        "Điều",
        "ĐIỀU",
        "Nơi nhận",
        "NƠI NHẬN",
        "Lưu",
        "LƯU",
        "Luật số",
        "Số",
        "SỐ",
        "Nghị quyết số",
        "Pháp lệnh số",
        "Về việc",
        "Kính gửi",
        "KÍNH GỬI",
    ];
    matches!(c1, Some('.' | '/' | '-' | '–' | ' ' | ')'))
        || full.starts_with("TM.")
        || full.starts_with("KT.")
        || full.starts_with("TL.")
        || full.starts_with("TUQ.")
        || {
            // (Only the keywords with the line's first byte can start it.)
            static BY_FIRST_BYTE: std::sync::LazyLock<vanban_text::ByFirstByte> =
                std::sync::LazyLock::new(|| {
                    vanban_text::ByFirstByte::new(KEYWORDS.iter().copied())
                });
            let candidates = BY_FIRST_BYTE.candidates(full.as_bytes()).iter();
            candidates.map(|&i| KEYWORDS[i]).any(|k| {
                full.strip_prefix(k)
                    .is_some_and(|rest| after_keyword(k, rest))
            })
        }
}

/// Whether what follows a keyword may complete it: a unit's numeral ("Chương II", "Điều 5",
/// "Phần thứ nhất"; not "Chương trình", "Điều chỉnh", "Mục tiêu", "Phần mềm"), a number or a
/// colon after "Số" (not "Số lượng"). Other keywords are the grammar's to read. (No other
/// rule of the line grammar reads a line that opens with one of these words.)
fn after_keyword(keyword: &str, rest: &str) -> bool {
    let numeral = |r: &str| {
        r.starts_with(['I', 'V', 'X', 'L']) || r.starts_with(|c: char| c.is_ascii_digit())
    };
    match keyword {
        "Phần" | "PHẦN" => {
            let r = rest.trim_start_matches([' ', '\t', '*', '_']);
            numeral(r) || ["thứ", "THỨ", "Thứ"].iter().any(|o| r.starts_with(o))
        }
        "Chương" | "CHƯƠNG" | "Mục" | "MỤC" | "Tiểu mục" | "TIỂU MỤC" | "Điều" | "ĐIỀU" => {
            numeral(rest.trim_start_matches([' ', '\t', '*', '_']))
        }
        "Số" | "SỐ" => rest
            .trim_start_matches(' ')
            .starts_with(|c: char| matches!(c, ':' | '/' | '-') || c.is_ascii_digit()),
        _ => true,
    }
}

/// Run the line grammar on a cleaned line; return its kind and the text after the marker.
pub(crate) fn classify_start(full: &str) -> (LineKind, &str) {
    if !may_start_marker(full) {
        if let Some(rest) = loose_recipients_start(full) {
            return (LineKind::RecipientsStart, rest);
        }
        return (LineKind::Text, full);
    }
    match quick_start(full) {
        Some(answer) => answer,
        None => grammar_start(full),
    }
}

/// The commonest line starts — bullets ("- ", "+ "), list numbers ("1. ", "2)") and points
/// ("a) ", "đ. ") — read by hand, with exactly the grammar's answer (a test compares the two on
/// every corpus line and on generated lines); `None` for anything else, which goes to the
/// grammar. The grammar's setup per call costs more than these lines' whole reading.
fn quick_start(full: &str) -> Option<(LineKind, &str)> {
    let mut chars = full.chars();
    let c0 = chars.next()?;
    let c1 = chars.next();
    let marker = |kind, len, number| Some(marked(full, kind, len, number));
    match c0 {
        '-' | '–' | '•' | '\u{F0B7}' | '+' => {
            let kind = if c0 == '+' {
                MarkerKind::Subindent
            } else {
                MarkerKind::Indent
            };
            match c1 {
                // The grammar's letters are Unicode's L category: decided by hand only for
                // the Latin letters (`is_latin_letter`, all in L).
                Some(c) if vanban_text::is_latin_letter(c) => marker(kind, c0.len_utf8(), None),
                Some(' ' | '\t') => marker(kind, c0.len_utf8() + 1, None),
                Some('“' | '"' | '(') if kind == MarkerKind::Indent => {
                    marker(kind, c0.len_utf8(), None)
                }
                Some(c) if !c.is_ascii() => None,
                _ => Some((LineKind::Text, full)),
            }
        }
        // "¬ Thực hiện …": a dash a scan misread, a bullet when a space follows.
        '¬' => match c1 {
            Some(' ' | '\t') => marker(MarkerKind::Indent, c0.len_utf8() + 1, None),
            _ => None,
        },
        '0'..='9' => {
            let digits = full.bytes().take_while(u8::is_ascii_digit).count();
            let after = full.as_bytes().get(digits).copied();
            let then = full.as_bytes().get(digits + 1).copied();
            let boundary = matches!(then, None | Some(b' ' | b'\t' | b'*' | b'_'))
                || footnote_at(full, digits + 1);
            if digits <= 3 && matches!(after, Some(b'.' | b')')) && boundary {
                let len = digits + 1 + usize::from(matches!(then, Some(b' ' | b'\t')));
                marker(MarkerKind::Item, len, Some(full.sub(..digits)))
            } else if digits > 3 || !digits_may_go_on(full.as_bytes().get(digits..)) {
                // Items and sub-items have at most three digits: "2025", "100%", "14-1",
                // "62/2", "1.500.000" are text.
                Some((LineKind::Text, full))
            } else {
                None
            }
        }
        '(' => {
            let digits = full.sub(1..).bytes().take_while(u8::is_ascii_digit).count();
            let after = full.as_bytes().get(1 + digits).copied();
            let then = full.as_bytes().get(digits + 2).copied();
            let boundary = matches!(then, None | Some(b' ' | b'\t' | b'*' | b'_'));
            if (1..=2).contains(&digits) && after == Some(b')') && boundary {
                let len = digits + 2 + usize::from(matches!(then, Some(b' ' | b'\t')));
                marker(MarkerKind::Numbered, len, Some(full.sub(1..1 + digits)))
            } else {
                None
            }
        }
        'Đ' => article(full),
        'a'..='z' | 'đ' | 'ư' if is_point_letter(c0) => {
            let then = full.sub(c0.len_utf8() + 1..).chars().next();
            let boundary = matches!(then, None | Some(' ' | '\t' | '*' | '_'))
                || footnote_at(full, c0.len_utf8() + 1);
            if matches!(c1, Some(')' | '.')) && boundary {
                let len = c0.len_utf8() + 1 + usize::from(matches!(then, Some(' ' | '\t')));
                marker(MarkerKind::Point, len, Some(full.sub(..c0.len_utf8())))
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Whether a consolidated text's footnote mark ("[3]": a bracket and a digit) stands at byte
/// `at` of `full`, right after a marker ("2.[3] Trường hợp …"): the grammar's `footnoted`.
fn footnote_at(full: &str, at: usize) -> bool {
    let b = full.as_bytes();
    b.get(at) == Some(&b'[') && b.get(at + 1).is_some_and(u8::is_ascii_digit)
}

/// An article's line ("Điều 5. …", "ĐIỀU 8a:", "Điều 2.[2] …", "Điều 12" alone) read as the
/// grammar's `article` reads it; `None` for anything else ("Điều 5 Nghị định …", "Điều
/// chỉnh", a tab or five digits), which the grammar reads.
fn article(full: &str) -> Option<(LineKind, &str)> {
    let kw = ["Điều", "ĐIỀU"].into_iter().find(|k| full.starts_with(k))?;
    let b = full.as_bytes();
    let spaces = b
        .get(kw.len()..)?
        .iter()
        .take_while(|&&c| c == b' ')
        .count();
    let n0 = kw.len() + spaces;
    let digits = vanban_text::ascii_digits(b, n0, 5);
    if spaces == 0 || !(1..=4).contains(&digits) {
        return None;
    }
    let n1 = n0 + digits + usize::from(b.get(n0 + digits).is_some_and(u8::is_ascii_lowercase));
    let tail = b.get(n1..).unwrap_or_default();
    // `("." | ":") ~ (boundary | &("[" ~ ASCII_DIGIT))`, or `gap ~ EOI`. (The boundary's
    // space or emphasis mark is trimmed from the marker and the rest alike.)
    let end = match tail {
        [b'.' | b':'] | [b'.' | b':', b' ' | b'\t' | b'*' | b'_', ..] => n1 + 1,
        [b'.' | b':', b'[', d, ..] if d.is_ascii_digit() => n1 + 1,
        _ if tail.iter().all(|c| matches!(c, b' ' | b'\t' | b'*' | b'_')) => full.len(),
        _ => return None,
    };
    let rest = full.sub(end..).trim_start_matches([' ', '\t', '*', '_']);
    let text = marker_text(full.sub(..end));
    let marker = Marker::new(MarkerKind::Article, &text, Some(full.sub(n0..n1)));
    Some((LineKind::Marker(marker), rest))
}

/// Whether what follows the (one to three) digits a line opens with may make an item or a
/// sub-item for the grammar, once the plain "1." / "1)" is ruled out: a sub-number of one or
/// two digits ("1.1", "2.3."), a space before a dot or bracket ("3 ."), a letter and then one
/// ("8a.", "8a )"). Anything else — "1.500.000", "1)x", "6 ha", "2onu" — is text.
fn digits_may_go_on(rest: Option<&[u8]>) -> bool {
    match rest.unwrap_or_default() {
        [b'.', tail @ ..] => {
            let sub = tail
                .iter()
                .take(3)
                .take_while(|b| b.is_ascii_digit())
                .count();
            (1..=2).contains(&sub)
        }
        [b' ', b'.' | b')', ..] | [b'a'..=b'z', b'.' | b')', ..] => true,
        // A Party document's "1- Các cấp ủy …" (the grammar reads it).
        [b'-', b' ', ..] | [0xE2, 0x80, 0x93, b' ', ..] => true,
        [b'a'..=b'z', b' ', b'.' | b')', ..] => true,
        _ => false,
    }
}

/// A line that starts with a marker of `len` bytes: the marker as written (trailing spaces
/// dropped), its number, and the rest after spaces and emphasis marks.
fn marked<'a>(
    full: &'a str,
    kind: MarkerKind,
    len: usize,
    number: Option<&str>,
) -> (LineKind, &'a str) {
    let rest = full.sub(len..).trim_start_matches([' ', '\t', '*', '_']);
    let marker = Marker::new(kind, full.sub(..len).trim_end(), number);
    (LineKind::Marker(marker), rest)
}

/// The point letters of the grammar: the Vietnamese alphabet.
fn is_point_letter(c: char) -> bool {
    matches!(c, 'đ' | 'a'..='e' | 'g'..='i' | 'k'..='v' | 'ư' | 'x' | 'y')
}

/// A marker as written, its emphasis marks dropped and its spacing made single spaces.
fn marker_text(written: &str) -> String {
    let bare: String = written.chars().filter(|&c| c != '*' && c != '_').collect();
    bare.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The line grammar's reading of a line start.
fn grammar_start(full: &str) -> (LineKind, &str) {
    let Ok(mut pairs) = LineGrammar::parse(Rule::line_start, full) else {
        return (LineKind::Text, full);
    };
    let Some(pair) = pairs.next() else {
        return (LineKind::Text, full);
    };
    let end = pair.as_span().end();
    let rest = full.sub(end..).trim_start_matches([' ', '\t', '*', '_']);
    let kind = match pair.as_rule() {
        Rule::recipients_start => return (LineKind::RecipientsStart, rest),
        Rule::authority => return (LineKind::Authority, full),
        Rule::archive => return (LineKind::Archive, full),
        Rule::number_start => return (LineKind::NumberStart, full),
        Rule::subject_start => return (LineKind::Subject, rest),
        Rule::addressee_start => return (LineKind::Addressee, rest),
        Rule::part => MarkerKind::Part,
        Rule::chapter => MarkerKind::Chapter,
        Rule::section => MarkerKind::Section,
        Rule::subsection => MarkerKind::Subsection,
        Rule::article => MarkerKind::Article,
        Rule::roman => MarkerKind::Roman,
        Rule::group => MarkerKind::Group,
        Rule::subitem => MarkerKind::Subitem,
        Rule::item => MarkerKind::Item,
        Rule::point => MarkerKind::Point,
        Rule::numbered => MarkerKind::Numbered,
        Rule::indent => MarkerKind::Indent,
        Rule::subindent => MarkerKind::Subindent,
        _ => return (LineKind::Text, full),
    };
    let number = pair
        .clone()
        .into_inner()
        .flat_map(|p| {
            let inner: Vec<_> = p.clone().into_inner().collect();
            if inner.is_empty() {
                vec![p]
            } else {
                inner
            }
        })
        .find(|p| {
            matches!(
                p.as_rule(),
                Rule::arabic
                    | Rule::hyphen_num
                    | Rule::roman_num
                    | Rule::ordinal
                    | Rule::article_num
                    | Rule::subitem_num
                    | Rule::point_letter
                    | Rule::numbered_num
                    | Rule::group_letter
            )
        })
        .map(|p| normalize_number(p.as_rule(), p.as_str()));
    if kind == MarkerKind::Roman && number.as_deref().is_some_and(|r| !valid_roman(r)) {
        return (LineKind::Text, full);
    }
    (
        LineKind::Marker(Marker::new(
            kind,
            &marker_text(pair.as_str()),
            number.as_deref(),
        )),
        rest,
    )
}

fn normalize_number(rule: Rule, s: &str) -> String {
    match rule {
        Rule::ordinal => {
            let word = s.split_whitespace().last().unwrap_or(s).to_lowercase();
            let n = [
                "nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười",
            ]
            .iter()
            .position(|w| *w == word);
            n.map_or(word, |i| (i + 1).to_string())
        }
        Rule::subitem_num => s.trim_end_matches('.').to_owned(),
        _ => s.to_owned(),
    }
}

/// I, II, III, IV … XXXIX: the forms documents use.
fn valid_roman(s: &str) -> bool {
    const ONES: [&str; 10] = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];
    let tens = s.chars().take_while(|&c| c == 'X').count();
    tens <= 4 && ONES.contains(&s.sub(tens..)) && !s.is_empty() && !s.contains('L') || s == "L"
}

/// A paragraph: one or more physical lines joined because of hard wrapping.
#[derive(Debug, Clone)]
pub(crate) struct Para<'a> {
    /// Index of the first physical line.
    pub first: usize,
    /// Index one past its last physical line (noise lines inside it included; blank and
    /// noise lines after it are passed over, not counted: a node's span runs to the next
    /// sibling's first line anyway).
    pub last: usize,
    /// The marker of the first line (borrowed from it: a million marked lines would otherwise
    /// hold a million copies while the tree is built).
    pub marker: Option<&'a Marker>,
    /// Joined clean text after the marker (inline when short).
    pub text: Str,
    /// Inside a quotation opened by an earlier paragraph (amendment text).
    pub quoted: bool,
    /// Cells, when the line is a table row (tab- or pipe-separated).
    pub cells: ThinVec<Str>,
}

/// Statistics of a document's lines that tell whether it is hard-wrapped.
pub(crate) struct WrapProfile {
    wrapped: bool,
    full_width: usize,
    /// Where the lines were wrapped: the width 95 % of text lines stay within.
    wrap_width: usize,
    /// Blank lines part the paragraphs: of the lines that end a sentence, nearly all are
    /// followed by a blank line, a marked line, a line in lower case or one that opens a
    /// paragraph of its own, not by another sentence, as in Markdown and in copies wrapped
    /// with blank lines kept. In such a copy two lines of text in a row are one paragraph.
    blank_parted: bool,
    /// First-line indents part the paragraphs, as a PDF's text layer prints them
    /// (`pdftotext -layout`): of the lines that go on with a sentence, four in five at least
    /// stand at the page's left margin (a title's centred lines are the rest), and of the
    /// lines after a sentence's end seven in ten at least are indented beyond it (half was
    /// tried at stop 59: a copy indenting only some sections' paragraphs then ran the others'
    /// paragraphs together). In such a copy a line at the margin goes on with the paragraph, a
    /// sentence's end before it or not, and an indented line in capitals starts one.
    indent_parted: bool,
    /// The page's left margin in such a copy, in columns (see [`Indents::margin`]).
    margin: usize,
}

/// The widest indent of a line at the margin, and the least of an indented line, beyond the
/// page's margin (a page's text layer may stand a space or two in from it).
const MARGIN: usize = 2;
const INDENTED: usize = 4;

/// Lines by their indent (0 to 16 columns, as [`indent_of`] reads one), for
/// [`WrapProfile::indent_parted`]: lines in lower case that go on with an unfinished line, and
/// lines after a sentence's end.
#[derive(Default)]
struct Indents {
    going_on: [u32; 17],
    after_end: [u32; 17],
}

impl Indents {
    /// The page's left margin: the indent most lines that go on with a sentence stand at. A
    /// PDF's text layer may put the page's own margin before every line (eight columns, say,
    /// and a paragraph's first line at fourteen): read against a margin of nought, no line was
    /// at it, and such a copy's indents went unread (found at stop 59).
    fn margin(&self) -> usize {
        let most = self.going_on.iter().max().copied().unwrap_or(0);
        self.going_on.iter().position(|&c| c == most).unwrap_or(0)
    }

    fn parted(&self) -> bool {
        let margin = self.margin();
        let sum = |counts: &[u32]| counts.iter().map(|&c| c as usize).sum::<usize>();
        let going_on = sum(&self.going_on);
        let at_margin = sum(self
            .going_on
            .get(margin.saturating_sub(MARGIN)..=margin + MARGIN)
            .unwrap_or(&self.going_on));
        let after_end = sum(&self.after_end);
        let indented = sum(self.after_end.get(margin + INDENTED..).unwrap_or_default());
        going_on >= 5
            && at_margin * 10 >= going_on * 8
            && after_end >= 5
            && indented * 10 >= after_end * 7
    }
}

/// The indent of a line as written (its leading spaces, a tab counting four), or `None` for a
/// line laid out in columns (a run of three spaces after its start: a table, a header's two
/// columns) or centred (indented more than sixteen).
pub(crate) fn indent_of(raw: &str) -> Option<usize> {
    let bytes = raw.as_bytes();
    let lead = bytes
        .iter()
        .take_while(|&&b| b == b' ' || b == b'\t')
        .count();
    let width = bytes
        .iter()
        .take(lead)
        .map(|&b| if b == b'\t' { 4 } else { 1 })
        .sum::<usize>();
    // (Spaces at the line's end lay nothing out: a copy that keeps them is read as one that
    // does not, found at stop 58.)
    let rest = bytes.get(lead..).unwrap_or_default();
    let rest = rest.trim_ascii_end();
    (width <= 16 && memchr::memmem::find(rest, b"   ").is_none()).then_some(width)
}

impl WrapProfile {
    /// One pass over the lines: their widths counted by value (a document's lines are
    /// short, so the third quartile is read from the counts), and the lines that run on
    /// into a lower-case line.
    pub(crate) fn of(text: &str, lines: &[Line]) -> WrapProfile {
        let mut widths = Widths::default();
        let mut unfinished = 0;
        let mut prev_open = false;
        // Sentence ends followed by a blank line, and by a line of text.
        let (mut ends_blank, mut ends_text) = (0usize, 0usize);
        let mut prev_end = false;
        let mut indents = Indents::default();
        for l in lines {
            let text_like = matches!(l.kind, LineKind::Text | LineKind::Marker(_));
            let indent = || indent_of(text.sub(l.start()..l.end()));
            if prev_open && l.kind == LineKind::Text && starts_lower(&l.full) {
                unfinished += 1;
                if let Some(c) = indent().and_then(|w| indents.going_on.get_mut(w)) {
                    *c += 1;
                }
            }
            if prev_end && text_like {
                if let Some(c) = indent().and_then(|w| indents.after_end.get_mut(w)) {
                    *c += 1;
                }
            }
            // (A line in lower case goes on with an enumeration; one that opens a paragraph
            // of its own, "Căn cứ …", "Xét …", is one whatever the copy's spacing.)
            if prev_end {
                ends_blank += usize::from(l.kind == LineKind::Blank);
                ends_text += usize::from(
                    l.kind == LineKind::Text && !starts_lower(&l.full) && !opens_paragraph(&l.full),
                );
            }
            // (A marker alone on its line, "**2." over "Xác định khu vực …**" as a web
            // page's short first lines print it, ends no sentence: counted as one, such a copy
            // read as not parted by blank lines.)
            let marker_alone = || l.marker().is_some() && l.clean().trim().is_empty();
            prev_end = text_like && ends_sentence(&l.full) && !marker_alone();
            prev_open = text_like && !prev_end;
            if text_like {
                widths.add(l.full.chars().count());
            }
        }
        let text_lines = widths.len();
        let p75 = match text_lines {
            0 => 80,
            n => widths.nth_smallest(n * 3 / 4),
        };
        let p95 = match text_lines {
            0 => 80,
            n => widths.nth_smallest(n * 95 / 100),
        };
        WrapProfile {
            wrapped: unfinished >= 3 && unfinished * 10 >= text_lines,
            full_width: (p75 * 6 / 10).max(30),
            wrap_width: p95,
            blank_parted: ends_blank >= 3 && ends_text * 10 <= ends_blank,
            indent_parted: indents.parted(),
            margin: indents.margin(),
        }
    }
}

/// Line widths, counted by value below [`Widths::COUNTED`] and listed above it.
struct Widths {
    counts: Vec<u32>,
    counted: usize,
    wide: Vec<usize>,
}

impl Default for Widths {
    fn default() -> Widths {
        Widths {
            counts: vec![0; Widths::COUNTED],
            counted: 0,
            wide: Vec::new(),
        }
    }
}

impl Widths {
    const COUNTED: usize = 512;

    fn add(&mut self, width: usize) {
        match self.counts.get_mut(width) {
            Some(c) => {
                *c += 1;
                self.counted += 1;
            }
            None => self.wide.push(width),
        }
    }

    fn len(&self) -> usize {
        self.counted + self.wide.len()
    }

    /// The width a sort would put at index `k` (`k < len`).
    fn nth_smallest(&mut self, k: usize) -> usize {
        let mut below = 0;
        for (width, &c) in self.counts.iter().enumerate() {
            below += c as usize;
            if k < below {
                return width;
            }
        }
        // (Every counted width is smaller than every listed one.)
        *self.wide.select_nth_unstable(k - below).1
    }
}

pub(crate) fn ends_sentence(s: &str) -> bool {
    // Most lines end with an ASCII character that is neither trimmed below nor a quote: the
    // answer is that character.
    if let Some(&b) = s.as_bytes().last() {
        if b < 0x80 && !matches!(b, b' ' | b'*' | b'_' | b'|' | b'\t' | b'"') {
            return matches!(b, b'.' | b';' | b':' | b'!' | b'?');
        }
    }
    let t = s.trim_end_matches([' ', '*', '_', '|', '\t']);
    // A sentence may end inside closing quotes: `… có liên quan."`, `… thành viên.”` (not
    // inside brackets: "(Huân chương, bằng khen,...)" goes on).
    let inner = t.trim_end_matches(['"', '”', '’', ' ', '*', '_']);
    t.ends_with(['.', ';', ':', '!', '?', '…'])
        || inner.ends_with(['.', ';', ':', '!', '?', '…'])
        || t.is_empty()
}

/// An upper-case line of words ("GIÁM ĐỐC SỞ CÔNG THƯƠNG"), not a list of codes or formulas
/// ("N-NO3-, P-PO43-, H2S, TSS,").
fn heading_like(s: &str) -> bool {
    // The cheap tests first: most lines are not in capitals.
    if !clean::is_upper(s) || s.trim_end().ends_with(',') {
        return false;
    }
    let words = s
        .split_whitespace()
        .filter(|w| w.chars().count() >= 2 && w.chars().all(vanban_text::is_alphabetic))
        .count();
    words >= 2
}

fn starts_lower_letter(s: &str) -> bool {
    s.trim_start_matches(['*', '_', ' '])
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
}

/// A line that ends with a comma or a word that cannot end a sentence ("với", "của", "và" …)
/// continues on the next line.
pub(crate) fn ends_with_connective(s: &str) -> bool {
    const WORDS: &[&str] = &[
        "với", "của", "và", "các", "theo", "để", "tại", "về", "cho", "trong", "là", "được", "có",
        "những", "từ", "đến", "hoặc", "số", "ngày", "tháng", "năm", "nhằm", "bảo", "đối", "thì",
    ];
    let t = s.trim_end_matches([' ', '*', '_']);
    t.ends_with(',') || t.rsplit(' ').next().is_some_and(|w| WORDS.contains(&w))
}

/// Whether a line may go on a paragraph as its text: header-field starts ("Luật số
/// 73/2025/QH15, …", "Về việc …") are plain text here; the enacting word in capitals stands
/// apart ("… Bộ Nội vụ," / "QUYẾT ĐỊNH:", QD_798, stop 60).
fn plain_next(next: &Line) -> bool {
    matches!(
        next.kind,
        LineKind::Text | LineKind::NumberStart | LineKind::Subject
    ) && !(matches!(next.full.as_bytes().last(), Some(b':' | b' ')) && enacting_word(&next.full))
}

/// Whether a line is an enacting word in capitals alone with its colon ("QUYẾT ĐỊNH:",
/// "QUYẾT NGHỊ:", "CHỈ THỊ:"): at most four words. (Kept out of line: asked in the first test
/// of every pair of lines whose second ends with a colon, inlined it cost 200 000 bullets 0.3 %
/// more instructions.)
#[inline(never)]
fn enacting_word(full: &str) -> bool {
    let t = full.trim().trim_matches(['*', '_']).trim();
    t.len() <= 40
        && t.ends_with(':')
        && t.split(' ').count() <= 4
        && clean::is_upper(t.trim_end_matches(':'))
}

/// Whether a line opens the sentence that enacts a document after its grounds: an issuer's
/// name, then "ban hành" before any digit ("Ủy ban nhân dân thành phố Cần Thơ ban hành Kế
/// hoạch …" after "Căn cứ …;": joined to the last ground by the wrap rule, its citation was
/// read as a ground, found at stop 59).
fn enacting(full: &str) -> bool {
    const ISSUERS: &[&str] = &[
        "Ủy ban ",
        "Uỷ ban ",
        "UBND ",
        "Hội đồng ",
        "Sở ",
        "Bộ trưởng ",
        "Chủ tịch ",
        "Thủ tướng ",
        "Chính phủ ",
        "Ban ",
        "Giám đốc ",
    ];
    let t = full.trim_start_matches(['*', '_', ' ']);
    if !ISSUERS.iter().any(|i| t.starts_with(i)) {
        return false;
    }
    let head = vanban_text::window(t, 0, 160);
    head.find(" ban hành ")
        .is_some_and(|at| !head.sub(..at).contains(|c: char| c.is_ascii_digit()))
}

/// Whether an emphasis run that ends with line `prev` and one that starts with line `next` are
/// one heading a writer's line break parted, a name cut at a head that cannot end it:
/// "**3. Đề nghị Ủy ban Mặt trận …, Hội Liên hiệp**" / "**Phụ nữ Thành phố và các tổ chức
/// …**", a blank line between or not (found at stop 59 in a bundled plan: its three tasks'
/// parties were "Hội Liên hiệp").
#[inline]
fn bold_name_cut(text_src: &str, prev: &Line, next: &Line) -> bool {
    // (Only lines that had markup: most lines are turned away here.)
    if !(prev.had_markup && next.had_markup) {
        return false;
    }
    let (before, after) = (
        text_src.sub(prev.start()..prev.end()).trim(),
        text_src.sub(next.start()..next.end()).trim(),
    );
    // (The next run goes on to its line's end: "**Sở Tài chính** chủ trì …" after "**1. Trách
    // nhiệm của các Sở**" is a paragraph whose subject is emphasised, found by the re-attack.)
    let whole_or_open = |e: &str| after.ends_with(e) || next.open_emphasis;
    next.kind == LineKind::Text
        && ((before.ends_with("**") && after.starts_with("**") && whole_or_open("**"))
            || (before.ends_with("__") && after.starts_with("__") && whole_or_open("__")))
        && !ends_sentence(&prev.full)
        && name_cut_at_head(&prev.full, &next.full, true)
}

/// Whether line `prev` leaves its phrase open into `next`: it ends with a comma or a
/// connective, but with a word that asks for a number ("số", "ngày", "tháng", "năm") only
/// before a line that does not start with a capital — "… hạ tầng số" / "Sở Khoa học …" and "…
/// báo cáo hằng năm" / "Giao Sở …" end their paragraphs (found at stop 59: the heading "2. Hạ
/// tầng số" took the task below it); "một số" / "Sở, ngành …" goes on.
fn leaves_open(prev: &str, next: &str) -> bool {
    if !ends_with_connective(prev) {
        return false;
    }
    let mut words = prev.trim_end_matches([' ', '*', '_']).rsplit(' ');
    if !matches!(words.next(), Some("số" | "ngày" | "tháng" | "năm")) {
        return true;
    }
    let capital = next
        .trim_start_matches(['*', '_', ' '])
        .starts_with(char::is_uppercase);
    !capital
        || words
            .next()
            .is_some_and(|w| matches!(w, "một" | "Một" | "các" | "những"))
}

/// Whether a line ends with "Luật" (or "Bộ luật"), a law's name going on on the next line;
/// not "pháp luật" (found at stop 59: "**9. … xây dựng chính sách, pháp luật**" heads its
/// paragraph).
fn ends_with_law(full: &str) -> bool {
    let t = full.trim_end_matches([' ', '*', '_']);
    let mut words = t.rsplit(' ');
    match words.next() {
        Some("Luật") => true,
        Some("luật") => words.next().is_some_and(|w| w == "Bộ"),
        _ => false,
    }
}

/// Whether a line ends with the head of a name that cannot end it and the next line, in
/// capitals, goes on with the name ("4.6. Văn phòng" / "Trung ương Đảng phối hợp …", "tại Trụ
/// sở" / "Trung ương Đảng, …", "Bộ" / "Xây dựng, …"): not after a noun that ends names ("đảng
/// bộ cơ sở", "Bộ Quốc phòng"), and, in a numbered unit's first line (`marked`), not before
/// a word that starts a predicate (`data/agency-name-ends.tsv`: "2. Văn phòng" / "Tổng hợp,
/// báo cáo …" is a heading over its paragraph).
fn name_cut_at_head(prev: &str, next: &str, marked: bool) -> bool {
    const WORDS: &[&str] = &["Sở", "Bộ", "Ban", "Cục"];
    // (Two words: "cơ sở", "Quốc phòng" end names.)
    const HEADS: &[&str] = &["Văn phòng", "Trụ sở", "Liên hiệp"];
    let t = prev.trim_end_matches([' ', '*', '_']);
    let head = t.rsplit(' ').next().is_some_and(|w| WORDS.contains(&w))
        || HEADS.iter().any(|h| {
            t.strip_suffix(h)
                .is_some_and(|r| r.is_empty() || r.ends_with([' ', '*']))
        });
    head && !(marked && starts_predicate(next))
}

/// Whether a line starts with a word of `data/agency-name-ends.tsv` that starts a predicate
/// (two words or more: "Tổng hợp", "Tham mưu", "Chủ trì" …), in either case.
fn starts_predicate(line: &str) -> bool {
    static PHRASES: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
        include_str!("../data/agency-name-ends.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && l.contains(' '))
            .map(str::to_owned)
            .collect()
    });
    let t = line.trim_start_matches(['*', '_', ' ']);
    let start = vanban_text::fold::fold_case(vanban_text::window(t, 0, 40));
    PHRASES.iter().any(|p| {
        start
            .strip_prefix(p.as_str())
            .is_some_and(|r| !r.starts_with(char::is_alphanumeric))
    })
}

pub(crate) fn starts_lower(s: &str) -> bool {
    // Most lines start with an ASCII character that is not skipped below: the answer is that
    // character.
    if let Some(&b) = s.as_bytes().first() {
        if b < 0x80 && !matches!(b, b'*' | b'_' | b' ' | b'"' | b'(') {
            return b.is_ascii_lowercase() || b.is_ascii_digit();
        }
    }
    s.trim_start_matches(['*', '_', ' ', '“', '"', '('])
        .chars()
        .next()
        .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
}

/// The paragraphs of lines `[from, to)`, made as they are taken. Noise lines (page headers,
/// stamps) inside a wrapped paragraph are absorbed into it; blank lines end a paragraph
/// (leading ones make an empty paragraph of their own). A paragraph is handed out once the quotation scan ([`QUOTE_WINDOW`]
/// paragraphs ahead at most) has passed it, so only that window is held: a document's
/// paragraphs are never all in memory at once unless a reader asks for one far ahead.
pub(crate) struct Paragraphs<'a> {
    text_src: &'a str,
    lines: &'a [Line],
    to: usize,
    profile: &'a WrapProfile,
    /// The table rows of the range, in line order, and the next one to meet.
    rows: Vec<TableRow>,
    next_row: usize,
    /// The next line to read.
    line: usize,
    /// Paragraphs made and not yet taken, with their quote balance; the first is paragraph
    /// number `base` of the range.
    made: VecDeque<(Para<'a>, i32)>,
    base: usize,
    /// The quotation scan has passed every paragraph before this one: those are final.
    settled: usize,
    /// For [`Paragraphs::marker_after`]: the last body marker found, and how far the search
    /// for one has gone (each paragraph is looked at once).
    marker_at: Option<usize>,
    searched: usize,
    /// Lines joined into the paragraph before them, and the page breaks joined over, so far.
    pub(crate) joins: Joins,
    /// The most paragraphs held at once.
    #[cfg(test)]
    pub(crate) most_held: usize,
}

impl<'a> Paragraphs<'a> {
    pub(crate) fn new(
        text_src: &'a str,
        lines: &'a [Line],
        (from, to): (usize, usize),
        profile: &'a WrapProfile,
        seen: Seen,
    ) -> Paragraphs<'a> {
        let mut rows = match seen.pipes {
            true => pipe_tables(lines, from, to),
            false => Vec::new(),
        };
        let mut cell_rows = Vec::new();
        // (Both readers start at a line that heads a table.)
        if seen.table_heads {
            // Tables printed one cell a line, where no pipe table stands.
            cell_rows = crate::cell_lines::cell_line_tables(text_src, lines, from, to);
            // Tables a PDF text layer lays out by position.
            cell_rows.extend(crate::layout_tables::layout_tables(
                text_src, lines, from, to,
            ));
        }
        if !cell_rows.is_empty() {
            let overlaps = |r: &TableRow| rows.iter().any(|p| p.first < r.end && r.first < p.end);
            let keep: Vec<TableRow> = cell_rows.into_iter().filter(|r| !overlaps(r)).collect();
            rows.extend(keep);
            rows.sort_by_key(|r| r.first);
        }
        Paragraphs {
            text_src,
            lines,
            to,
            profile,
            rows,
            next_row: 0,
            line: from,
            made: VecDeque::new(),
            base: 0,
            settled: 0,
            marker_at: None,
            searched: 0,
            joins: Joins::default(),
            #[cfg(test)]
            most_held: 0,
        }
    }

    /// The number of the next paragraph to be taken.
    pub(crate) fn next_index(&self) -> usize {
        self.base
    }

    /// At most this many paragraphs are left (one a line).
    pub(crate) fn at_most_left(&self) -> usize {
        self.made.len() + self.to.saturating_sub(self.line)
    }

    fn made_count(&self) -> usize {
        self.base + self.made.len()
    }

    /// Make the next paragraph; false at the end of the range.
    fn make(&mut self) -> bool {
        while self.line < self.to {
            let i = self.line;
            if let Some(row) = self.rows.get(self.next_row).filter(|r| r.first == i) {
                let (para, end) = (row_para(row), row.end);
                self.next_row += 1;
                self.line = end;
                self.push(para);
                return true;
            }
            let line = &self.lines[i];
            if line.is_blankish() || line.is_noise() || line.kind == LineKind::Rule {
                self.line += 1;
                // Blank or noise lines stay with the paragraph before them; leading ones
                // make an empty paragraph.
                if self.made_count() == 0 {
                    self.push(Para {
                        first: i,
                        last: i + 1,
                        marker: None,
                        text: Str::default(),
                        quoted: false,
                        cells: ThinVec::new(),
                    });
                    return true;
                }
                continue;
            }
            let para = paragraph_at(
                self.text_src,
                self.lines,
                i,
                self.to,
                self.profile,
                &mut self.joins,
            );
            self.line = para.last;
            self.push(para);
            return true;
        }
        false
    }

    fn push(&mut self, para: Para<'a>) {
        let balance = quote_balance(&para.text);
        self.made.push_back((para, balance));
        #[cfg(test)]
        {
            self.most_held = self.most_held.max(self.made.len());
        }
    }

    /// Take the quotation scan one step: the paragraph after one that opens a quotation, up
    /// to the one that closes it, is quoted. A quotation that does not close within
    /// [`QUOTE_WINDOW`] paragraphs is a stray quote mark and is ignored, so one typo cannot
    /// swallow the rest of a document. False when every paragraph is settled.
    fn settle_one(&mut self) -> bool {
        let i = self.settled;
        if self.made_count() <= i && !self.make() {
            return false;
        }
        let balance = self.made[i - self.base].1;
        if balance > 0 {
            let window_end = i + 1 + QUOTE_WINDOW;
            while self.made_count() < window_end && self.make() {}
            let mut depth = balance;
            let close = (i + 1..self.made_count().min(window_end)).find(|&j| {
                depth += self.made[j - self.base].1;
                depth <= 0
            });
            if let Some(close) = close {
                for j in i + 1..=close {
                    quote(&mut self.made[j - self.base].0);
                }
                self.settled = close + 1;
                return true;
            }
        }
        self.settled = i + 1;
        true
    }

    /// Paragraph `k` (not taken yet), final; `None` past the end.
    fn get(&mut self, k: usize) -> Option<&Para<'a>> {
        while self.settled <= k {
            if !self.settle_one() {
                return None;
            }
        }
        self.made.get(k - self.base).map(|(p, _)| p)
    }

    /// The next paragraph, without taking it.
    pub(crate) fn peek(&mut self) -> Option<&Para<'a>> {
        self.get(self.base)
    }

    /// The first paragraph in `[from, to)` (not taken yet) that passes `pred`.
    pub(crate) fn position_in(
        &mut self,
        (from, to): (usize, usize),
        pred: impl Fn(&Para) -> bool,
    ) -> Option<usize> {
        (from..to)
            .map_while(|k| self.get(k).map(|p| (k, pred(p))))
            .find(|&(_, hit)| hit)
            .map(|(k, _)| k)
    }

    /// Whether a paragraph not taken yet may have a marker: one made has, or a line not read
    /// yet is marked (only a marked line starts a marked paragraph).
    pub(crate) fn may_have_marker(&self) -> bool {
        self.made.iter().any(|(p, _)| p.marker.is_some())
            || self
                .lines
                .get(self.line..self.to)
                .is_some_and(|rest| rest.iter().any(|l| l.marker().is_some()))
    }

    /// The number of paragraphs of the range (all made; not `Iterator::count`, which takes
    /// them).
    pub(crate) fn total(&mut self) -> usize {
        while self.settle_one() {}
        self.made_count()
    }

    /// Whether a marked paragraph outside quotations comes after paragraph `idx` (which has
    /// been taken): the body's last marker is after it.
    pub(crate) fn marker_after(&mut self, idx: usize) -> bool {
        if self.marker_at.is_some_and(|m| m > idx) {
            return true;
        }
        let mut k = self.searched.max(idx + 1);
        while let Some(p) = self.get(k) {
            if p.marker.is_some() && !p.quoted {
                self.marker_at = Some(k);
                self.searched = k + 1;
                return true;
            }
            k += 1;
        }
        self.searched = k;
        false
    }
}

impl<'a> Iterator for Paragraphs<'a> {
    type Item = Para<'a>;

    fn next(&mut self) -> Option<Para<'a>> {
        self.get(self.base)?;
        let (para, _) = self.made.pop_front()?;
        self.base += 1;
        Some(para)
    }
}

/// A paragraph inside a quotation: its marker is text.
fn quote(p: &mut Para<'_>) {
    if let Some(m) = p.marker.take() {
        p.text = format!("{} {}", m.text(), p.text).trim().into();
    }
    p.quoted = !p.text.is_empty();
}

/// A row of a pipe table as one paragraph.
fn row_para<'a>(row: &TableRow) -> Para<'a> {
    Para {
        first: row.first,
        last: row.end,
        marker: None,
        text: row.cells.join(" | ").into(),
        quoted: false,
        cells: row.cells.iter().map(Str::from).collect(),
    }
}

/// The paragraph that starts at content line `i`: the line and the lines it continues into
/// (before `to`).
fn paragraph_at<'a>(
    text_src: &str,
    lines: &'a [Line],
    i: usize,
    to: usize,
    profile: &WrapProfile,
    joins: &mut Joins,
) -> Para<'a> {
    let line = &lines[i];
    let marker = line.marker();
    let cells = row_cells(text_src.sub(line.start()..line.end()));
    // (Only a marker is left out of the text: a "Nơi nhận …" or authority line that the body
    // keeps, "Nơi nhận hồ sơ: …", keeps its first words.)
    let mut text = Str::from(match marker {
        Some(_) => line.clean(),
        None => line.full.as_str(),
    });
    // An article whose words follow its emphasised marker ("**Điều 3. **Chánh" / "Văn phòng
    // …") has no heading: its line runs on as a sentence does.
    let article = marker.is_some_and(|m| m.kind == MarkerKind::Article);
    let worded = article && worded_article(text_src, lines, i);
    let marker = marker.filter(|_| !worded);
    let mut open = OpenRun::toggled(None, (text_src, lines, to), i);
    let mut last_content = i;
    let mut j = i + 1;
    // Join following lines while the paragraph is unfinished.
    while j < to && cells.is_empty() {
        let k = next_content(lines, j, to);
        let k = if k == j && lines[j].kind == LineKind::Blank {
            over_blank(text_src, lines, (last_content, j), to).unwrap_or(k)
        } else {
            k
        };
        if k >= to {
            break;
        }
        let next = &lines[k];
        let over_page = k > j;
        // (Its first line unfinished, such an article's words run on into the next line of
        // text whatever the document's wrapping: "**Điều 3. **Chánh" / "Văn phòng …".)
        let runs_on = article
            && last_content == i
            && (worded || syllable_article(line) || listing_article(line, profile))
            && next.kind == LineKind::Text
            && !ends_sentence(&line.full);
        let held = open.as_ref().is_some_and(|r| r.holds(last_content));
        if !runs_on
            && !continues_into(
                text_src,
                (&lines[last_content], next, over_page),
                (marker, held),
                profile,
            )
        {
            break;
        }
        open = OpenRun::toggled(open, (text_src, lines, to), k);
        join_text(&mut text, &next.full);
        joins.count += 1;
        if k > j {
            // Over a page's furniture: from the end of the line before it to the line after.
            let line_before = &lines[last_content];
            joins.page_breaks.push((
                vanban_text::saturating_u32(line_before.end()),
                vanban_text::saturating_u32(next.start()),
            ));
        }
        last_content = k;
        j = k + 1;
    }
    Para {
        first: i,
        last: j.max(i + 1),
        marker: line.marker(),
        text,
        quoted: false,
        cells,
    }
}

/// What the paragraphs of a range joined: how many lines into the paragraph before them, and
/// where a paragraph was joined over a page break (byte ranges of the text from the end of the
/// line before the break to the start of the line after it; see
/// [`crate::Parsed::page_breaks`]).
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Joins {
    pub count: usize,
    pub page_breaks: Vec<(u32, u32)>,
}

impl Joins {
    /// Add what another range joined (ranges are lowered in document order).
    pub(crate) fn add(&mut self, other: Joins) {
        self.count += other.count;
        self.page_breaks.extend(other.page_breaks);
    }
}

/// The next content line from `j`, looking past noise (and the blank lines around it); `to`
/// when there is none.
fn next_content(lines: &[Line], j: usize, to: usize) -> usize {
    let mut k = j;
    let mut saw_noise = false;
    while k < to && (lines[k].is_noise() || lines[k].is_blankish()) {
        saw_noise |= lines[k].is_noise();
        k += 1;
    }
    // Blank lines alone end a paragraph; around a page header (a blank line before it, as a
    // Gazette PDF's text puts one) they are part of the page break.
    if saw_noise {
        k
    } else {
        j
    }
}

/// A sentence a scan or a PDF's pages cut with a blank line ("… các nhiệm vụ lập pháp vào
/// Chương" / blank / "trình lập pháp để …"): from line `prev`, which ends no sentence and is
/// no heading in capitals, over one or two blank lines at `j` to a line of text that starts
/// in small letters, which no paragraph of its own does. The line after the blank ones, if
/// so.
fn over_blank(
    text_src: &str,
    lines: &[Line],
    (prev, j): (usize, usize),
    to: usize,
) -> Option<usize> {
    let blanks = lines
        .get(j..to.min(j + 3))?
        .iter()
        .take_while(|l| l.kind == LineKind::Blank)
        .count();
    if !(1..=2).contains(&blanks) {
        return None;
    }
    let k = j + blanks;
    let (prev, next) = (&lines[prev], lines.get(k).filter(|_| k < to)?);
    if bold_name_cut(text_src, prev, next) {
        return Some(k);
    }
    if next.kind != LineKind::Text || !starts_lower_letter(&next.full) {
        return None;
    }
    // (Not a list's item in small letters, "ii) tập huấn …", nor from a heading wholly in
    // emphasis, "**Kết quả đạt được**".)
    let first = next.full.split_whitespace().next().unwrap_or_default();
    let item = first.len() <= 5 && first.ends_with([')', '.']);
    let emphasized = wholly_emphasized(text_src.sub(prev.start()..prev.end()));
    let bridged = !item
        && matches!(prev.kind, LineKind::Text | LineKind::Marker(_))
        && !ends_sentence(&prev.full)
        && !heading_like(&prev.full)
        && !emphasized;
    bridged.then_some(k)
}

/// Whether the paragraph whose last line is `prev` (and whose marker is `marker`) runs on into
/// the content line `next` (after a page's furniture when `over_page`).
fn continues_into(
    text_src: &str,
    (prev, next, over_page): (&Line, &Line, bool),
    (marker, open_run): (Option<&Marker>, bool),
    profile: &WrapProfile,
) -> bool {
    if broken_at_dash(prev, next, profile) {
        return true;
    }
    if !plain_next(next) {
        return false;
    }
    let lower_next = starts_lower_letter(&next.full);
    // (Gated here as well as inside, by fields at hand: with the checks inside alone, a
    // million one-character lines cost 2 % more, the inlining here having changed.)
    if prev.had_markup && next.had_markup && bold_name_cut(text_src, prev, next) {
        return true;
    }
    // (A dash a wrap put inside a quotation or brackets: see `unmark_wrapped_references`.)
    if next.full.len() >= 4
        && matches!(next.full.as_bytes().first(), Some(b'-' | b'+'))
        && closes_what_was_left_open(&prev.full, &next.full)
    {
        return true;
    }
    // A line that starts with a comma or a semicolon goes on with the sentence before it.
    if next.full.starts_with([',', ';']) {
        return row_cells(text_src.sub(next.start()..next.end())).is_empty();
    }
    if let Some(goes_on) = parted_by_indent(text_src, (prev, next), marker, profile) {
        return goes_on;
    }
    // A line with an odd number of emphasis runs opens one ("**15. Sở") unless its last run
    // ends it ("Nội vụ**": it closes the one the line before opened); the run stays open
    // over the lines after it until a line closes it (`open_run`, for a few lines: a stray
    // "**" holds nothing open for long).
    if open_run && !ends_with_emphasis(text_src.sub(prev.start()..prev.end())) {
        return true;
    }
    if ends_sentence(&prev.full) && !goes_on_after_end(text_src, (prev, next, over_page), profile) {
        return false;
    }
    // A heading line (Điều 5. …, Chương …, II. …) continues only into lower case.
    if marker.is_some_and(|m| m.kind.heads()) && !lower_next {
        // (Unless the title was cut after a word that cannot end it: "Điều 27. Trách nhiệm
        // của" / "Ủy ban nhân dân tỉnh Khánh Hòa", as a PDF's layout wraps it.)
        return (leaves_open(&prev.full, &next.full)
            || name_cut_at_head(&prev.full, &next.full, true))
            && !ends_sentence(&prev.full)
            && row_cells(text_src.sub(next.start()..next.end())).is_empty();
    }
    // An upper-case line (a heading, an authority) does not run into a sentence.
    if heading_like(&prev.full) && !clean::is_upper(&next.full) && !lower_next {
        return false;
    }
    let full_prev = prev.full.chars().count() >= profile.full_width
        && !heads_its_own(text_src, prev, next, profile);
    // (Not over a page's furniture: the blank line that parted two paragraphs may stand
    // beside it.)
    // A full line that ends no sentence goes on over a page's furniture in any copy: a page
    // break fell in its sentence (found at stop 58: a copy with a paragraph a line, whose
    // page break parted "… báo cáo kết quả thực hiện" from "Tháng hành động …").
    if !(starts_lower(&next.full)
        || (profile.wrapped
            && (full_prev
                || leaves_open(&prev.full, &next.full)
                || name_cut_at_head(&prev.full, &next.full, marker.is_some())))
        || (over_page && (full_prev || leaves_open(&prev.full, &next.full)))
        || (profile.blank_parted && !over_page && goes_on_where_parted(text_src, (prev, next))))
    {
        return false;
    }
    row_cells(text_src.sub(next.start()..next.end())).is_empty()
}

/// Whether a line that ends a sentence goes on into the next line: after ";" or ":" into a
/// line in lower case, after an ellipsis, or where the wrap, not the writer, ended it.
fn goes_on_after_end(
    text_src: &str,
    (prev, next, over_page): (&Line, &Line, bool),
    profile: &WrapProfile,
) -> bool {
    let lower_next = starts_lower_letter(&next.full);
    // After ";" a line that starts in lower case is still the same sentence, and so it
    // is after an ellipsis ("… ngày lễ, ngày tết”...*" / "để hoàn thành …").
    let end = prev.full.trim_end_matches([' ', '*', '_']);
    let soft = end.ends_with([';', ':']);
    let unquoted = end.trim_end_matches(['"', '”', '’']);
    let ellipsis = unquoted.ends_with("...") || unquoted.ends_with('…');
    // A wrap that fell right after the ";" or ":" of an enumeration ("… chuyển đổi số;" /
    // "Nghị quyết số 71/NQ-CP …"): the next line's first word would not have fitted on
    // the line (a line ended by hand leaves room), and the next line does not open a
    // paragraph of its own ("Căn cứ …", "Xét …").
    // (Asked only where the answer counts: most sentences end neither so nor in such a copy.)
    let filled = || {
        profile.wrapped
            && room_left(text_src, prev, next, profile) < 0
            && !opens_paragraph(&next.full)
            && !enacting(&next.full)
    };
    let enumeration = soft && filled();
    // So too after a full stop where blank lines part the paragraphs (a web page's text
    // wrapped at a width: "… cơ quan chỉ huy cứu hộ." / "Phối hợp chính quyền cơ sở …"):
    // no blank line stands between, and the wrap, not the writer, ended the line.
    let wrapped_after_stop = profile.blank_parted
        && filled()
        && !over_page
        && goes_on_where_parted(text_src, (prev, next))
        && !stands_alone(text_src, next);
    lower_next && (soft && profile.wrapped || ellipsis) || enumeration || wrapped_after_stop
}

/// Where first-line indents part the paragraphs (`WrapProfile::indent_parted`), whether a line
/// goes on with the paragraph before it, or `None` when its indent says nothing: an indented
/// line in capitals starts one ("8. Các sở, ban, ngành và các đơn vị khác có liên quan" / "
/// Phối hợp chặt chẽ …"), a line at the margin goes on with one, even after a sentence's end
/// ("… bảo vệ môi trường." / "Hoàn thiện cơ chế, chính sách …"). Not after a comma or a word
/// that asks for more: "… Bộ Chỉ huy Quân sự tỉnh," / "      Ủy ban nhân dân các xã, phường
/// theo dõi …" is one sentence however it is indented. Not into a line at the margin that is
/// a heading of its own, short and unfinished — "Về công tác tuyên truyền", "(Kèm theo Phụ lục
/// I)" — or a label's, "Ghi chú: …".
fn parted_by_indent(
    text_src: &str,
    (prev, next): (&Line, &Line),
    marker: Option<&Marker>,
    profile: &WrapProfile,
) -> Option<bool> {
    if !profile.indent_parted || starts_lower_letter(&next.full) {
        return None;
    }
    let indent = indent_of(text_src.sub(next.start()..next.end()));
    let open = prev.full.ends_with(',') || leaves_open(&prev.full, &next.full);
    if indent.is_some_and(|w| w >= profile.margin + INDENTED) && !open {
        return Some(false);
    }
    let line_of_its_own = next.full.chars().count() < profile.full_width
        && !ends_sentence(&next.full)
        || labelled(&next.full);
    // (At the margin, not left of it: a line the layer did not lay out, flush left on a page
    // whose margin is eight columns, is a paragraph of its own.)
    let goes_on = indent
        .is_some_and(|w| w <= profile.margin + MARGIN && w + MARGIN >= profile.margin)
        && ends_sentence(&prev.full)
        && !line_of_its_own
        && marker.is_none_or(|m| !m.kind.heads())
        && !heading_like(&prev.full)
        && !clean::is_upper(&next.full)
        && !opens_paragraph(&next.full);
    goes_on.then(|| row_cells(text_src.sub(next.start()..next.end())).is_empty())
}

/// Where blank lines part the paragraphs, whether a line that ends no sentence goes on into
/// the next line in capitals however short it is: "… ngày 13/8/2025 của Ban" / "Thường vụ
/// Tỉnh ủy; …" (a copy wrapped twice), "d) Ủy ban nhân dân thành phố Hà" / "Nội, …" (a web
/// copy's break), or a short letter whose few lines tell no wrap width. Not a line wholly in
/// emphasis, a heading ("**Mục tiêu**"); not into a line that opens a paragraph ("Căn cứ …"),
/// nor from one labelled line into another, fields one a line ("Đơn vị phối hợp: Sở Tư
/// pháp" / "Thời gian thực hiện: Quý II năm 2026"). (A plain heading right above its
/// paragraph reads as the paragraph's start.)
fn goes_on_where_parted(text_src: &str, (prev, next): (&Line, &Line)) -> bool {
    let emphasized = wholly_emphasized(text_src.sub(prev.start()..prev.end()));
    let fields = labelled(&prev.full) && labelled(&next.full);
    !emphasized && !fields && !opens_paragraph(&next.full)
}

/// Whether a marked line is a heading over the next, in a wrapped copy: wholly emphasised over
/// a plain line, or the next line's first word would have fitted on it with room to spare
/// (the writer, not the wrap, ended it) and the next line starts with a predicate ("1. Đề
/// nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh" / "Chỉ đạo các đơn vị …", "15. Liên minh Hợp
/// tác xã" / "Xây dựng kế hoạch …"): found at stop 58, where such a heading ran into its
/// paragraph when the lines were full enough to pass for wrapped ones.
fn heads_its_own(text_src: &str, prev: &Line, next: &Line, profile: &WrapProfile) -> bool {
    if prev.marker().is_none() {
        return false;
    }
    // A marked line wholly in emphasis over a plain line in capitals heads it, however full
    // ("**13. Báo và Phát thanh, Truyền hình tỉnh và các cơ quan báo chí đóng trên địa bàn**"
    // / "Chủ trì, phối hợp …": the item's task had taken the heading as its first words).
    // (Not a line that leaves a name or a phrase open: "**a) … theo quy định của Luật**" /
    // "Ngân sách nhà nước …".)
    let raw = |l: &Line| text_src.sub(l.start()..l.end());
    if wholly_emphasized(raw(prev))
        && !wholly_emphasized(raw(next))
        && !starts_lower_letter(&next.full)
        && !leaves_open(&prev.full, &next.full)
        && !name_cut_at_head(&prev.full, &next.full, false)
        && !ends_with_law(&prev.full)
    {
        return true;
    }
    let spare = profile.wrap_width / 10;
    room_left(text_src, prev, next, profile) >= spare as isize && starts_predicate(&next.full)
}

/// The characters left on `prev` at the copy's wrap width had the first word of `next` gone
/// on it (negative: it would not have fitted, so a wrap ended the line).
///
/// A line indented further than the next one had that much less room: the first line of a
/// paragraph in a PDF's text layer ("              Chánh Văn phòng …; Giám đốc các Sở: Tư
/// pháp, Nội vụ;" / "        Giám đốc các sở, …" was read as ended by hand, six columns short).
fn room_left(text_src: &str, prev: &Line, next: &Line, profile: &WrapProfile) -> isize {
    let first_word = next.full.split(' ').next().map_or(0, |w| w.chars().count());
    // (Only between lines of running text: not into a table's row, whose cells a layout
    // spaces out or pipes part, and which starts at a margin of its own.)
    let indent = |l: &Line| indent_of(text_src.sub(l.start()..l.end()));
    let further = match (indent(prev), indent(next)) {
        (Some(p), Some(n)) if !next.full.contains('|') => p.saturating_sub(n),
        _ => 0,
    };
    let length = prev.full.chars().count();
    // A line longer by half again than the wrap width was not wrapped at it: a paragraph left
    // whole in a wrapped copy (a letter's opening kept on one line, "… Cục Hóa chất có ý kiến
    // như sau:" / "Khoản 1 Điều 12 …", found at stop 60) ends where its writer ended it.
    if length > profile.wrap_width + profile.wrap_width / 2 {
        return profile.wrap_width as isize;
    }
    let used = further + length + 1 + first_word;
    profile.wrap_width as isize - used as isize
}

/// Whether a line stands as a heading or a field of its own after a sentence's end, however
/// full the line before it: one in capitals ("KINH PHÍ THỰC HIỆN"), one that opens with
/// emphasis ("**Thời gian thực hiện:** …"), a label's ("Ghi chú: …", "Kinh phí: …") or an
/// appendix's ("Phụ lục I"). (Found at stop 58, joined to the sentence a wrap ended.)
fn stands_alone(text_src: &str, next: &Line) -> bool {
    let raw = text_src.sub(next.start()..next.end()).trim_start();
    heading_like(&next.full)
        || raw.starts_with("**")
        || raw.starts_with("__")
        || labelled(&next.full)
        || next.full.starts_with("Phụ lục")
        || next.full.starts_with("PHỤ LỤC")
}

/// Whether a line is wholly in emphasis ("**Mục tiêu**"): a heading, not a sentence's part.
fn wholly_emphasized(raw: &str) -> bool {
    let raw = raw.trim();
    ["**", "__"]
        .iter()
        .any(|e| raw.len() > 4 && raw.starts_with(e) && raw.ends_with(e))
}

/// Whether a line starts with a label and a colon ("Thời gian thực hiện: …"): one to six
/// words, the first a capital's, no digit, before the colon.
fn labelled(full: &str) -> bool {
    let Some((label, _)) = full.split_once(':') else {
        return false;
    };
    let words = label.split_whitespace().count();
    (1..=6).contains(&words)
        && label.len() <= 48
        && label
            .trim_start_matches(['*', '_'])
            .starts_with(char::is_uppercase)
        && !label.contains(|c: char| c.is_ascii_digit())
}

/// Whether article line `i` starts the article's words rather than its title: its marker
/// alone is emphasised ([`marker_alone_emphasised`]) and the words run on as a sentence's do —
/// one syllable (`**Điều 3. **Chánh` / `Văn phòng …`), a sentence's end, a word that cannot
/// end a title (`… Quy chế quản lý hoạt động của`), or a next line in small letters (`…
/// Quyết` / `định này …`). A title after the emphasised marker stays one: `**Điều 1.** Phạm
/// vi điều chỉnh` / `Luật này quy định …`.
pub(crate) fn worded_article(text_src: &str, lines: &[Line], i: usize) -> bool {
    let Some(line) = lines.get(i) else {
        return false;
    };
    if !marker_alone_emphasised(text_src.sub(line.start()..line.end())) {
        return false;
    }
    let words = line.clean().trim();
    let next_lower = lines
        .get(i + 1)
        .is_some_and(|n| n.kind == LineKind::Text && starts_lower_letter(&n.full));
    !words.contains(' ') || ends_sentence(words) || ends_with_connective(words) || next_lower
}

/// Whether one syllable alone follows an article's marker, outside any emphasis: no title
/// is one syllable, so a line in capitals after it goes on with the article's words ("Điều
/// 3. Chánh" / "Văn phòng Ủy ban nhân dân tỉnh; …", as a PDF's layout wraps it; a title cut
/// so, "**Điều 1. Vị" / "trí và chức năng**", goes on in lower case anyway).
fn syllable_article(line: &Line) -> bool {
    let words = line.clean().trim();
    line.marker().is_some_and(|m| m.kind == MarkerKind::Article)
        && !line.open_emphasis
        && !words.is_empty()
        && words.chars().all(vanban_text::is_alphabetic)
}

/// Whether an article's words after its marker hold a semicolon on a line as wide as the
/// copy's wrap: a list of those who carry it out, not a title. Its line goes on into the next
/// line of text when it ends no sentence ("Điều 3. Giám đốc Sở, …; Chủ tịch" / "Ủy ban nhân
/// dân xã, phường; … chịu trách nhiệm thi hành …", a scan's wrap: the first line was read as
/// the title, and the task and its parties were lost).
fn listing_article(line: &Line, profile: &WrapProfile) -> bool {
    // (In a wrapped copy, and a line near the wrap's width: a title may hold one, short —
    // "Điều 2. Hiệu lực thi hành; quy định chuyển tiếp" over "Luật này có hiệu lực …", found
    // by the re-attack of stop 59.)
    line.marker().is_some_and(|m| m.kind == MarkerKind::Article)
        && profile.wrapped
        && line.full.chars().count() * 10 >= profile.wrap_width * 8
        && line.clean().trim_end().trim_end_matches(';').contains("; ")
}

/// Whether a raw line emphasises an article's marker alone and goes on with plain words
/// ("**Điều 3. **Chánh", "**Điều 1.** Ban hành kèm theo …"; an empty run between them,
/// "**Điều 3.**** **Các", is no emphasis): the article has no heading, its words are its
/// text. Not "**Điều 1. Phạm vi**" nor "**Điều 1.** **Phạm vi**".
pub(crate) fn marker_alone_emphasised(raw: &str) -> bool {
    let t = raw.trim_start_matches(['|', ' ']);
    let Some(rest) = t.strip_prefix("**") else {
        return false;
    };
    let Some((inside, after)) = rest.split_once("**") else {
        return false;
    };
    let number = inside.trim().trim_end_matches('.').strip_prefix("Điều ");
    if !number.is_some_and(|n| {
        !n.is_empty() && n.len() <= 4 && n.chars().all(|c| c.is_ascii_alphanumeric())
    }) {
        return false;
    }
    let lead = after.len() - after.trim_start_matches(['*', ' ']).len();
    let stars = after.sub(..lead).matches('*').count();
    let words = after.sub(lead..);
    stars % 4 == 0 && words.starts_with(char::is_alphanumeric)
}

/// An emphasis run a paragraph opened and has not closed ("**Điều 1. Sửa" / "đổi, bổ sung …
/// Nghị quyết số" / "20/2023/NQ-HĐND … Thừa Thiên" / "Huế (…)**"): the line that opened it,
/// and whether it is strong — only a strong run holds more than one line (a Markdown bullet's
/// "* " opens none), and only one that a line among the next few closes (a stray "**" holds
/// one line).
struct OpenRun {
    at: usize,
    strong: bool,
}

impl OpenRun {
    /// The run after line `k` of the paragraph: opened there, closed there, or as it was.
    fn toggled(
        open: Option<OpenRun>,
        (text_src, lines, to): (&str, &[Line], usize),
        k: usize,
    ) -> Option<OpenRun> {
        if !lines[k].open_emphasis {
            return open;
        }
        if open.is_some() {
            return None;
        }
        let raw = |l: &Line| text_src.sub(l.start()..l.end());
        let line = raw(&lines[k]);
        let strong = (line.contains("**") || line.contains("__"))
            && lines
                .get(k + 1..to.min(k + 1 + EMPHASIS_LINES))
                .is_some_and(|after| {
                    after
                        .iter()
                        .any(|l| l.open_emphasis || ends_with_emphasis(raw(l)))
                });
        Some(OpenRun { at: k, strong })
    }

    /// Whether the run holds the paragraph's line `last` open into the next.
    fn holds(&self, last: usize) -> bool {
        last == self.at || self.strong && last - self.at < EMPHASIS_LINES
    }
}

/// How many lines an emphasis run a paragraph opened may hold together: a title wrapped over
/// five lines of a narrow column.
const EMPHASIS_LINES: usize = 5;

/// Whether a raw line's text ends with an emphasis run (`… Nội vụ**`, `… tết”...*`): the run
/// closes an emphasis, since text stands before it.
fn ends_with_emphasis(raw: &str) -> bool {
    // (Before pandoc's hard line break, if it ends the line: "…số 72/2025/QH15;*\\".)
    let t = raw.trim_end();
    let t = t.strip_suffix('\\').unwrap_or(t);
    let before = t.trim_end_matches(['*', '_']);
    before.len() < t.len() && (t.ends_with('*') || t.ends_with("__")) && !before.trim().is_empty()
}

/// Starts of a line that open a clause or item, folded, with their trailing space
/// (`data/line-openers.tsv`, which extraction reads too).
pub(crate) const LINE_OPENERS: &str = include_str!("../data/line-openers.tsv");

/// Whether a line opens a paragraph by its first words ("Căn cứ …", "Xét …", "Trách nhiệm
/// …": [`LINE_OPENERS`]).
fn opens_paragraph(full: &str) -> bool {
    static OPENERS: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
        LINE_OPENERS
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .collect()
    });
    let t = full.trim_start_matches(['*', '_', ' ']);
    // Only as much of the line's start as the longest opener is folded, and only when its
    // first letter starts an opener: most lines are turned away on one letter.
    let Some(first) = t
        .chars()
        .next()
        .map(vanban_text::fold::lower_keeping_length)
    else {
        return false;
    };
    // (Their first letters, and the longest opener's length: folding keeps byte lengths.)
    static FIRSTS: std::sync::LazyLock<(Vec<char>, usize)> = std::sync::LazyLock::new(|| {
        let firsts = OPENERS.iter().filter_map(|o| o.chars().next()).collect();
        (firsts, OPENERS.iter().map(|o| o.len()).max().unwrap_or(0))
    });
    let (firsts, longest) = &*FIRSTS;
    if !firsts.contains(&first) {
        return false;
    }
    let t = vanban_text::fold::fold_case(t.sub(..vanban_text::floor(t, *longest)));
    OPENERS.iter().any(|o| t.starts_with(o))
}

/// A line broken before a dash that the next line starts with, which is not a bullet.
fn broken_at_dash(prev: &Line, next: &Line, profile: &WrapProfile) -> bool {
    // "… giai đoạn 2021" / "- 2025”;": a year range broken before its dash is not a bullet.
    let indent_next = next.marker().is_some_and(|m| m.kind == MarkerKind::Indent);
    let broken_range = indent_next
        && prev.full.ends_with(|c: char| c.is_ascii_digit())
        && next.clean().starts_with(|c: char| c.is_ascii_digit());
    // "… phát triển kinh tế" / "- xã hội, …": in a hard-wrapped text, a full line that
    // ends inside a sentence and a dash before a lower-case word are one compound.
    let broken_compound = indent_next
        && profile.wrapped
        && prev.full.chars().count() >= profile.full_width
        && !ends_sentence(&prev.full)
        && !prev.full.trim_end().ends_with(',')
        && prev.full.trim_end().ends_with(char::is_alphabetic)
        && next.clean().starts_with(char::is_lowercase);
    broken_range || broken_compound
}

/// How many paragraphs ahead a quotation may close.
pub(crate) const QUOTE_WINDOW: usize = 60;

/// Quotations opened minus closed in a paragraph. Real texts mix curly and straight quotes
/// (“… " or "… ”), so a straight quote opens when it follows a space, a colon or the start of
/// the text, and closes otherwise.
#[inline]
fn quote_balance(s: &str) -> i32 {
    // A short text is read a character at a time (setting up the byte search costs more
    // than that on a list of one-word bullets); a longer one visits only its quotes
    // (reading every character cost more than a percent of the pipeline).
    if s.len() < 32 {
        quote_balance_by_chars(s)
    } else {
        quote_balance_by_bytes(s)
    }
}

/// [`quote_balance`] reading every character.
#[inline]
fn quote_balance_by_chars(s: &str) -> i32 {
    let mut balance = 0;
    let mut prev: Option<char> = None;
    for c in s.chars() {
        match c {
            '“' => balance += 1,
            '”' => balance -= 1,
            '"' => balance += if opens_quote(prev) { 1 } else { -1 },
            _ => {}
        }
        prev = Some(c);
    }
    balance
}

/// Whether a straight quote after `prev` opens a quotation.
fn opens_quote(prev: Option<char>) -> bool {
    prev.is_none_or(|p| p.is_whitespace() || matches!(p, ':' | '(' | '[' | '“'))
}

/// [`quote_balance`] visiting only the quotes: '"' and the lead byte of '“' and '”' (E2 80
/// 9C, E2 80 9D), found by a byte search.
fn quote_balance_by_bytes(s: &str) -> i32 {
    let bytes = s.as_bytes();
    let mut balance = 0;
    for i in memchr::memchr2_iter(b'"', 0xE2, bytes) {
        match (bytes.get(i), bytes.get(i + 1), bytes.get(i + 2)) {
            (Some(b'"'), _, _) => {
                balance += if opens_quote(s.sub(..i).chars().next_back()) {
                    1
                } else {
                    -1
                };
            }
            (_, Some(0x80), Some(0x9C)) => balance += 1,
            (_, Some(0x80), Some(0x9D)) => balance -= 1,
            _ => {}
        }
    }
    balance
}

fn join_text(text: &mut Str, next: &str) {
    // (A dash alone is a bullet, not a word broken at its hyphen.)
    let glue = text.len() > 1
        && text.ends_with(['-', '/'])
        && !text.ends_with(" -")
        && !text.ends_with(" /");
    if !glue && !text.is_empty() {
        text.push(' ');
    }
    text.push_str(next);
}

/// Whether a line holds a tab or a pipe. (A short line is read byte by byte: the search's
/// set-up cost more than that on a list of one-word lines.)
fn has_cell_break(raw: &str) -> bool {
    match raw.len() < 32 {
        true => raw.bytes().any(|b| matches!(b, b'\t' | b'|')),
        false => memchr::memchr2(b'\t', b'|', raw.as_bytes()).is_some(),
    }
}

/// A list item's marker as Word's text export writes it before a tab ("1.", "a)", "II.",
/// "1.2.", "(3)", "-", "•", "¬"): a marker the line classifier reads as such, standing alone.
pub(crate) fn tab_list_marker(s: &str) -> bool {
    let s = s.trim();
    let line = format!("{s} x");
    matches!(classify_start(&line), (LineKind::Marker(m), _) if m.text() == s)
}

/// Cells of a table row: a line split at tabs, or a Markdown row "| a | b |"; empty when the
/// line has fewer than two non-empty cells, or is a list item with a tab after its marker.
pub(crate) fn row_cells(raw: &str) -> ThinVec<Str> {
    // Most lines hold neither a tab nor a pipe.
    if !has_cell_break(raw) {
        return ThinVec::new();
    }
    let t = raw.trim();
    let parts: Vec<&str> = if t.contains('\t') {
        let parts: Vec<&str> = t.split('\t').collect();
        // Word's text export puts a tab after a list's marker ("1.\tNội dung", "a)\t…",
        // "-\t…", "•\t…"): a list item, not a row of two cells.
        if let [marker, _] = parts.as_slice() {
            if tab_list_marker(marker) {
                return ThinVec::new();
            }
        }
        parts
    } else if t.starts_with('|') && t.ends_with('|') && t.matches('|').count() >= 3 {
        t.trim_matches('|').split('|').collect()
    } else {
        return ThinVec::new();
    };
    let cells: ThinVec<Str> = parts
        .iter()
        .map(|c| clean::strip_markup(c).0)
        .filter(|c| !c.is_empty())
        .collect();
    if cells.len() >= 2 {
        cells
    } else {
        ThinVec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use vanban_text::testing::compositions;

    /// The byte-by-byte look for a cell break answers as the search does, on short and long
    /// lines with and without tabs and pipes.
    #[test]
    fn cell_breaks_are_found_as_the_search_finds_them() {
        let pieces = ["|", "\t", "a", "ệ", " ", "Tỉnh Lào Cai "];
        let mut found = 0;
        for t in compositions(&pieces, 4) {
            let want = memchr::memchr2(b'\t', b'|', t.as_bytes()).is_some();
            assert_eq!(has_cell_break(&t), want, "{t:?}");
            found += usize::from(want);
        }
        assert!(found > 100, "{found}");
    }

    /// A grid table's cell wrapped onto the row's next line behind an empty cell starts no
    /// list: the motto wrapped at "Độc lập" / "– Tự do – Hạnh phúc" ends no header (its
    /// number, date, type and title were lost). A one-column row's dash still does.
    #[test]
    fn a_dash_behind_an_empty_cell_is_no_bullet() {
        let header = "+------------+------------------------+\n\
                      | **CHÍNH PHỦ** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập |\n\
                      |            | – Tự do – Hạnh phúc** |\n\
                      +------------+------------------------+\n\
                      | Số: 172/2025/NĐ-CP | *Hà Nội, ngày 30 tháng 6 năm 2025* |\n\
                      +------------+------------------------+\n\n\
                      **NGHỊ ĐỊNH**\n\n**Quy định về xử lý kỷ luật**\n\nĐiều 1. Phạm vi\n";
        let h = crate::parse(header).document.header;
        assert_eq!(
            h.number.map(|n| n.normalized).as_deref(),
            Some("172/2025/NĐ-CP")
        );
        assert_eq!(h.date.map(|d| d.to_string()).as_deref(), Some("2025-06-30"));
        assert_eq!(h.title.as_deref(), Some("Quy định về xử lý kỷ luật"));
        let lines = classify("|   | – Tự do |\n| - Bộ Công Thương; |\n|   |\n");
        assert_eq!(lines[0].kind, LineKind::Text);
        assert!(lines[1].marker().is_some());
        assert_eq!(lines[2].kind, LineKind::Pipe);
    }

    /// Page numbers printed on their own line in the shapes copies print them are page
    /// furniture; a bullet or a sentence that starts so is not.
    #[test]
    fn page_numbers_in_their_printed_shapes() {
        for t in [
            "- 12 -",
            "-12-",
            "– 3 –",
            "— 7 —",
            "Trang 3",
            "Trang 3/10",
            "TRANG 2 / 9",
        ] {
            assert!(is_page_number_line(t), "{t:?}");
            assert_eq!(classify(t)[0].kind, LineKind::PageHeader, "{t:?}");
        }
        for t in [
            "- 12 tháng -",
            "- -",
            "-",
            "- 12345 -",
            "Trang chủ",
            "Trang 3 của",
            "- 2",
        ] {
            assert!(!is_page_number_line(t), "{t:?}");
        }
        // Alone between two pipe lines it is a table's cell (a corrigendum's "Vị trí").
        let lines = classify("|\n1\n|\nTrang 3\n|\nSửa năm\n|\n|\n2\n|\n- 12 -\n|\n");
        assert_eq!(lines[3].kind, LineKind::Text);
        assert_eq!(lines[3].clean(), "Trang 3");
        assert_eq!(lines[10].kind, LineKind::Text);
    }

    /// Lines are cut at each line feed, with no empty line after a final one, as `split`
    /// cuts them: on empty texts, lone feeds, a final line with and without its feed.
    #[test]
    fn lines_are_cut_at_line_feeds() {
        for text in [
            "", "\n", "\n\n", "a", "a\n", "a\nb", "a\n\nb\n", "\na\n\n", "ệ\nb",
        ] {
            let mut want: Vec<&str> = text.split('\n').collect();
            if text.ends_with('\n') {
                want.pop();
            }
            let got: Vec<&str> = classify(text)
                .iter()
                .map(|l| text.sub(l.start()..l.end()))
                .collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    /// The counted widths' selection is the sort's: on lists of narrow, wide and mixed widths
    /// at every index.
    #[test]
    fn widths_select_as_a_sort_does() {
        let mut seed = 7u64;
        let mut next = |m: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % m
        };
        for case in 0..300 {
            let len = 1 + next(40) as usize;
            let top = [3, 600, 2000][case % 3];
            let list: Vec<usize> = (0..len).map(|_| next(top) as usize).collect();
            let mut sorted = list.clone();
            sorted.sort_unstable();
            for (k, want) in sorted.iter().enumerate() {
                let mut widths = Widths::default();
                list.iter().for_each(|&w| widths.add(w));
                assert_eq!(widths.len(), len);
                assert_eq!(widths.nth_smallest(k), *want, "{list:?} {k}");
            }
        }
    }

    /// The line pass skips the passes after it whose lines the document lacks, and reads every
    /// line as it did when each pass ran (fails when a flag of `Seen` is left unset for a line
    /// a pass acts on: every pass skipped misreads the corpus pieces).
    #[test]
    fn skipped_passes_would_have_changed_nothing() {
        let key = |l: &Line| {
            (
                l.start(),
                l.end(),
                format!("{:?}", l.kind),
                l.full.to_string(),
                l.clean_at(),
                l.had_markup,
                l.open_emphasis,
            )
        };
        // How many texts have each flag set, and how many do not.
        let mut set = crate::FlagCounts::default();
        let texts = crate::texts_and_pieces();
        for text in &texts {
            let (got, seen) = classify_seen(text);
            let want = classify_unskipped(text);
            assert_eq!(
                got.iter().map(key).collect::<Vec<_>>(),
                want.iter().map(key).collect::<Vec<_>>(),
                "{text}"
            );
            set.count([
                seen.bare_keywords,
                seen.items,
                seen.digits,
                seen.stamps,
                seen.romans,
            ]);
        }
        // Each pass both skipped and run, many times.
        set.assert_both_ways(20);
    }

    /// The line pass as it was before passes were skipped: every pass after it runs.
    fn classify_unskipped(text: &str) -> Vec<Line> {
        let mut lines: Vec<Line> = Vec::new();
        let mut start = 0;
        for raw in text.split('\n') {
            let end = start + raw.len();
            lines.push(classify_line(raw, start, end));
            start = end + 1;
        }
        if text.ends_with('\n') {
            lines.pop();
        }
        join_bare_keywords(&mut lines);
        unmark_wrapped_references(&mut lines);
        unmark_cells_behind_empty(text, &mut lines);
        unmark_page_cells(&mut lines);
        mark_page_numbers(text, &mut lines);
        mark_signature_names(&mut lines);
        mark_signer_stamps(&mut lines);
        crate::ocr::repair_markers(&mut lines, Seen::everything());
        mark_furniture(&mut lines);
        lines
    }

    /// The one-pass profile is the profile of a sort of the widths and a look at each pair of
    /// lines, on every corpus document and on its first hundred lines.
    #[test]
    fn the_wrap_profile_reads_as_two_passes_did() {
        let two_passes = |lines: &[Line]| {
            let text_like = |l: &Line| matches!(l.kind, LineKind::Text | LineKind::Marker(_));
            let mut widths: Vec<usize> = lines
                .iter()
                .filter(|l| text_like(l))
                .map(|l| l.full.chars().count())
                .collect();
            widths.sort_unstable();
            let p75 = widths.get(widths.len() * 3 / 4).copied().unwrap_or(80);
            let unfinished = lines
                .windows(2)
                .filter(|w| {
                    text_like(&w[0])
                        && !ends_sentence(&w[0].full)
                        && w[1].kind == LineKind::Text
                        && starts_lower(&w[1].full)
                })
                .count();
            let wrapped = unfinished >= 3 && unfinished * 10 >= widths.len();
            (wrapped, (p75 * 6 / 10).max(30))
        };
        let mut wrapped = 0;
        for text in crate::corpus_texts() {
            let lines = classify(&text);
            for part in [&lines[..], &lines[..lines.len().min(100)]] {
                let p = WrapProfile::of(&text, part);
                assert_eq!((p.wrapped, p.full_width), two_passes(part));
                wrapped += usize::from(p.wrapped);
            }
        }
        assert!(wrapped > 5, "{wrapped}");
    }

    /// The fast paths on a line's first or last byte give the full tests' answers, for every
    /// character at either end.
    #[test]
    fn fast_paths_on_the_ends_of_a_line_agree() {
        let ends_slow = |s: &str| {
            let t = s.trim_end_matches([' ', '*', '_', '|', '\t']);
            let inner = t.trim_end_matches(['"', '”', '’', ' ', '*', '_']);
            t.ends_with(['.', ';', ':', '!', '?', '…'])
                || inner.ends_with(['.', ';', ':', '!', '?', '…'])
                || t.is_empty()
        };
        let lower_slow = |s: &str| {
            s.trim_start_matches(['*', '_', ' ', '“', '"', '('])
                .chars()
                .next()
                .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
        };
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            for s in [
                format!("{c}"),
                format!("Điều {c}"),
                format!("{c} ệ"),
                format!("a.{c}"),
            ] {
                assert_eq!(ends_sentence(&s), ends_slow(&s), "{s:?}");
                assert_eq!(starts_lower(&s), lower_slow(&s), "{s:?}");
            }
        }
        // A signature time's day may be written with a sign, as `parse` reads numbers.
        assert_eq!(signature_date("+5-3-2026 10:00:00"), Some((5, 3, 2026)));
        // The shortest a time can be.
        assert_eq!(signature_date("1-1-1900 00:00"), Some((1, 1, 1900)));
        assert_eq!(signature_date("1-1-1900 0:00"), None);
        assert_eq!(signature_date(" 05-03-2026 10:00:00"), Some((5, 3, 2026)));
        assert_eq!(signature_date("- 05-03-2026 10:00:00"), None);
    }

    #[test]
    fn gazette_labels_are_page_furniture() {
        for label in [
            "VĂN BẢN QUY PHẠM PHÁP LUẬT",
            "  VĂN BẢN KHÁC ",
            "PHẦN I. VĂN BẢN QUY PHẠM PHÁP LUẬT",
            "PHẦN II - VĂN BẢN KHÁC",
            "PHẦN II. VĂN BẢN QUY PHẠM PHÁP LUẬT KHÁC",
            "- VĂN BẢN KHÁC",
            ". VĂN BẢN QUY PHẠM PHÁP LUẬT",
        ] {
            assert!(is_gazette_label(label), "{label:?}");
        }
        for line in [
            "-",
            "- VĂN BẢN",
            "VĂN BẢN QUY PHẠM PHÁP LUẬT SỐ 5",
            "PHẦN I. NHỮNG QUY ĐỊNH CHUNG",
            "Văn bản khác",
            "CÁC VĂN BẢN KHÁC",
            "PHẦN III. VĂN BẢN KHÁC",
        ] {
            assert!(!is_gazette_label(line), "{line:?}");
        }
    }

    /// The hand reading of common line starts must give exactly the grammar's answer.
    fn assert_quick_agrees(line: &str) {
        if let Some(quick) = quick_start(line) {
            assert_eq!(quick, grammar_start(line), "line {line:?}");
        }
    }

    /// A line the prefilter turns away must be one the grammar reads as text.
    fn assert_prefilter_keeps(line: &str) {
        if !may_start_marker(line) {
            assert_eq!(grammar_start(line).0, LineKind::Text, "line {line:?}");
        }
    }

    #[test]
    fn the_line_prefilter_turns_away_only_text() {
        const PIECES: &[&str] = &[
            "I",
            "V",
            "X",
            "L",
            "II",
            "IV",
            "Lưu",
            "LƯU",
            "Luật",
            " số",
            ":",
            " ",
            ".",
            "-",
            "–",
            "/",
            "v",
            "ề",
            "a",
            "Ư",
            "1",
            ")",
            "Số",
            "TM.",
            "A",
            "Chương",
            "ĐIỀU",
            "Mục",
            "Phần",
            "thứ",
            "Tiểu mục",
            "*",
            "SỐ",
        ];
        let lines = compositions(PIECES, 3);
        let mut turned = 0;
        for l in &lines {
            for tail in ["", " Xây dựng", " VT", " 5/KH"] {
                let line = format!("{l}{tail}");
                assert_prefilter_keeps(&line);
                turned += usize::from(!may_start_marker(&line));
            }
        }
        assert!(turned > 10_000, "{turned}");
    }

    #[test]
    fn quick_line_starts_agree_with_the_grammar_on_every_corpus_line() {
        let mut quick = 0;
        for text in crate::corpus_texts() {
            for raw in text.lines() {
                let (full, _) = clean::strip_markup(raw);
                let full = full.trim();
                assert_quick_agrees(full);
                assert_prefilter_keeps(full);
                quick += usize::from(quick_start(full).is_some());
            }
        }
        // The test means something only if the hand path answers often.
        assert!(quick > 3000, "{quick} lines read by hand");
    }

    #[test]
    fn quick_line_starts_agree_with_the_grammar_on_generated_lines() {
        const PIECES: &[&str] = &[
            "-", "–", "•", "\u{F0B7}", "¬", "+", "1", "12", "123", "1234", "0", "a", "đ", "ư", "f",
            "v", "x", "I", "A", "Đ", ".", ")", " ", "\t", "*", "_", "“", "\"", "(", "/", "ệ", "Ⅱ",
            "ǀ", "\u{301}", "Ă", "×", "ḃ",
        ];
        let lines = compositions(PIECES, 3);
        for l in &lines {
            // (A footnote mark after a marker, "[3]", and brackets that make none.)
            for tail in ["", " Xây dựng", "b", "[3] Xây", "[x"] {
                assert_quick_agrees(&format!("{l}{tail}"));
            }
        }
        // Articles: the keyword, spacing, a number and what may follow it.
        const AFTER: &[&str] = &[
            "Điều", "ĐIỀU", " ", "  ", "\t", "5", "12", "1234", "12345", "a", "b", ".", ":", "[",
            "2", "*", "_", "-", "Xây", "ệ", "]",
        ];
        let mut read = 0;
        for l in compositions(AFTER, 4) {
            for line in [format!("Điều{l}"), format!("ĐIỀU {l}"), l.clone()] {
                assert_quick_agrees(&line);
                read += usize::from(article(&line).is_some());
            }
        }
        assert!(read > 3_000, "{read}");
    }

    fn kinds(text: &str) -> Vec<String> {
        classify(text)
            .iter()
            .map(|l| match &l.kind {
                LineKind::Marker(m) => format!("Marker({:?}({}))", m.kind, m.text()),
                k => format!("{k:?}"),
            })
            .collect()
    }

    fn paras(text: &str) -> Vec<String> {
        let (lines, seen) = classify_seen(text);
        let profile = WrapProfile::of(text, &lines);
        Paragraphs::new(text, &lines, (0, lines.len()), &profile, seen)
            .filter(|p| !p.text.is_empty() || p.marker.is_some())
            .map(|p| match p.marker {
                Some(m) => format!("{} {}", m.text(), p.text),
                None => p.text.to_string(),
            })
            .collect()
    }

    /// A PDF's text layer, its paragraphs parted by first-line indents (`pdftotext -layout`).
    const LAYER: [&str; 19] = [
        "      1. Mục đích",
        "      Cụ thể hóa các nhiệm vụ của Nghị quyết về phát triển các khu công",
        "nghiệp, cụm công nghiệp trên địa bàn tỉnh và các phường, xã trong thời gian tới",
        "nhằm nâng cao giá trị gia tăng của các khu, cụm công nghiệp.",
        "      Tổ chức triển khai kịp thời, thống nhất, hiệu quả các quy định về quản lý,",
        "phát triển khu, cụm công nghiệp theo hướng xanh, sinh thái và bền vững.",
        "      - Bố trí tối thiểu 2% ngân sách tỉnh cho sự nghiệp bảo vệ môi trường.",
        "Hoàn thiện cơ chế, chính sách phân bổ kinh phí sự nghiệp môi trường bảo đảm",
        "tiết kiệm, hiệu quả.",
        "      - Chủ trì phối hợp với các đơn vị triển khai các nhiệm vụ về chuyển giao, ứng",
        "dụng công nghệ cao, đổi mới sáng tạo và chuyển đổi số trong công nghiệp. Cụ thể:",
        "(i) Rà soát, đánh giá trình độ công nghệ của doanh nghiệp trong các khu, cụm; (ii)",
        "Tổ chức các chương trình hỗ trợ ứng dụng công nghệ cao, chuyển đổi số và đổi mới",
        "công nghệ trong các doanh nghiệp của tỉnh.",
        "      8. Các sở, ban, ngành và các đơn vị khác có liên quan trên địa bàn tỉnh",
        "      Phối hợp chặt chẽ với các cơ quan chủ trì trong tổ chức thực hiện Kế hoạch.",
        "      9. Ủy ban nhân dân cấp xã",
        "      - Thường xuyên rà soát các dự án trong cụm công nghiệp để đề xuất thu hồi",
        "diện tích đất của các dự án chậm tiến độ theo quy định của pháp luật.",
    ];

    /// In a layer whose paragraphs open with an indent, a line at the margin goes on with the
    /// paragraph after a sentence's end (a bullet's second sentence, an enumeration "(i) …"
    /// wrapped to the margin), an indented line in capitals starts one under a heading the
    /// wrap rules would have run on. The same lines without the indents tell nothing, and keep
    /// their sentences' ends as paragraph ends.
    #[test]
    fn first_line_indents_part_a_pdf_layers_paragraphs() {
        let laid = LAYER.join("\n");
        let got = paras(&laid);
        assert_eq!(got.len(), 9, "{got:#?}");
        assert!(
            got[3].ends_with(
                "môi trường. Hoàn thiện cơ chế, chính sách phân bổ kinh phí sự \
                                  nghiệp môi trường bảo đảm tiết kiệm, hiệu quả."
            ),
            "{got:#?}"
        );
        assert!(got[4].contains("Cụ thể: (i) Rà soát") && got[4].contains("(ii) Tổ chức"));
        assert_eq!(
            got[5],
            "8. Các sở, ban, ngành và các đơn vị khác có liên quan trên địa bàn tỉnh"
        );
        assert!(got[6].starts_with("Phối hợp chặt chẽ"));
        // Spaces left at the lines' ends change nothing (found at stop 58: a run of three was
        // read as a line laid out in columns, and the indents went uncounted).
        let spaced: Vec<String> = LAYER.iter().map(|l| format!("{l}   ")).collect();
        assert_eq!(paras(&spaced.join("\n")), got);
        // A page's own margin before every line changes nothing either (found at stop 59: a
        // layer that put eight columns before each line was read as one without indents).
        let shifted: Vec<String> = LAYER.iter().map(|l| format!("        {l}")).collect();
        assert_eq!(paras(&shifted.join("\n")), got);
        // But a line flush left of that margin, one the layer did not lay out, stands alone.
        // (Three copies of the layer, so that the one line does not tip its counts.)
        let mut flush = [shifted.clone(), shifted.clone(), shifted.clone()].concat();
        flush.insert(
            19,
            "Bên cạnh những kết quả đã đạt được, còn một số hạn chế.".to_owned(),
        );
        let read = paras(&flush.join("\n"));
        assert!(read.iter().any(|p| p.starts_with("Bên cạnh")), "{read:#?}");
        // Without the indents: no sign of how paragraphs part; a sentence's end ends one.
        let flat: Vec<&str> = LAYER.iter().map(|l| l.trim_start()).collect();
        let got = paras(&flat.join("\n"));
        assert!(
            got.iter().any(|p| p.starts_with("Hoàn thiện cơ chế")),
            "{got:#?}"
        );
    }

    /// A layer whose paragraphs hold several sentences is read by its indents while seven in
    /// ten lines after a sentence's end are indented: a line at the margin after a full stop
    /// goes on with its paragraph ("… ngay trong năm kế hoạch." / "Đến năm 2015, hoàn thành
    /// …": the deadline was lost). With fewer indented, the copy may indent only some
    /// sections' paragraphs, and its sentences' ends end paragraphs.
    #[test]
    fn a_layer_of_paragraphs_of_several_sentences_is_read_by_its_indents() {
        let layer = |every: usize| {
            let points: Vec<String> = ["a", "b", "c", "d", "đ", "e"]
                .iter()
                .enumerate()
                .map(|(k, p)| {
                    let second = if k % every == 0 {
                        "\n        Đến năm 2015, hoàn thành chương trình hỗ trợ có mục tiêu cho phát\n\
                         \x20       triển kết cấu hạ tầng tại các địa phương có điều kiện khó khăn."
                    } else {
                        ""
                    };
                    format!(
                        "              {p}) Hằng năm, rà soát các khu công nghiệp thuộc diện hỗ trợ\n\
                         \x20       vốn ngân sách để bố trí đủ hạn mức ngay trong năm kế hoạch.{second}"
                    )
                })
                .collect();
            paras(&points.join("\n"))
        };
        // (Every third point of two sentences: five in seven lines after an end indented.)
        let got = layer(3);
        assert_eq!(got.len(), 6, "{got:#?}");
        assert!(got[0].contains("năm kế hoạch. Đến năm 2015"), "{got:#?}");
        // (Every other point: five in eight.)
        assert_eq!(layer(2).len(), 9, "{:#?}", layer(2));
    }

    /// In such a layer a margin line of its own (a short unfinished heading, a bracketed note,
    /// a label's line) joins no paragraph, and an indented line after a comma goes on with its
    /// sentence.
    #[test]
    fn margin_lines_of_their_own_stand_alone_in_a_pdf_layer() {
        let more = [
            "      - Các Sở, ngành triển khai thực hiện nhiệm vụ được giao.",
            "Về công tác tuyên truyền",
            "      - Các đơn vị báo cáo kết quả trước ngày 15/12/2025.",
            "(Kèm theo Phụ lục I)",
            "      - Sở Tài chính bố trí kinh phí thực hiện.",
            "Ghi chú: số liệu tạm tính.",
            "      Giao Sở Tư pháp, Sở Nội vụ, Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh,",
            "      Ủy ban nhân dân các xã, phường theo dõi, đôn đốc việc thực hiện.",
        ];
        let filler: Vec<String> = (0..8)
            .map(|k| {
                format!(
                    "      Nội dung {k} nâng cao hiệu quả hoạt động của các cơ quan nhà nước, bảo\n\
                     đảm công khai, minh bạch trong hoạt động công vụ của tỉnh."
                )
            })
            .collect();
        let text = format!("{}\n{}", filler.join("\n"), more.join("\n"));
        let got = paras(&text);
        let tail: Vec<&str> = got.iter().skip(8).map(String::as_str).collect();
        assert_eq!(
            tail,
            [
                "- Các Sở, ngành triển khai thực hiện nhiệm vụ được giao.",
                "Về công tác tuyên truyền",
                "- Các đơn vị báo cáo kết quả trước ngày 15/12/2025.",
                "(Kèm theo Phụ lục I)",
                "- Sở Tài chính bố trí kinh phí thực hiện.",
                "Ghi chú: số liệu tạm tính.",
                "Giao Sở Tư pháp, Sở Nội vụ, Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh, Ủy ban nhân \
                 dân các xã, phường theo dõi, đôn đốc việc thực hiện."
            ]
        );
    }

    /// Where a paragraph ends around emphasis and punctuation: a line whose last run closes
    /// the emphasis the line before opened ends a bold heading, also across a scan's page
    /// marker (the heading "15. Sở Nội vụ" once took the task under it, whose lead and
    /// cooperating agencies were lost); a line that starts with a comma, or in lower case
    /// after an ellipsis, goes on with the sentence before it.
    #[test]
    fn paragraphs_end_where_emphasis_closes_and_go_on_after_commas_and_ellipses() {
        let text = "Mở đầu.\n\n**15. Sở\nNội vụ**\n\n===== Trang 17 =====\nPhối hợp với Công an \
                    thành phố.\n\nThuộc nhóm *“Bạc, dạng bột.”*\n, phân nhóm khác.\n\n\
                    Làm việc *“ngày, đêm”...*\nđể hoàn thành.";
        assert_eq!(
            paras(text),
            [
                "Mở đầu.",
                "15. Sở Nội vụ",
                "Phối hợp với Công an thành phố.",
                "Thuộc nhóm “Bạc, dạng bột.” , phân nhóm khác.",
                "Làm việc “ngày, đêm”... để hoàn thành."
            ]
        );
    }

    /// `opens_paragraph` reads what folding the whole line and comparing it with every opener
    /// reads, on every line of the corpus, the seed and their pieces.
    #[test]
    fn openers_are_found_as_folding_the_whole_line_finds_them() {
        let mut found = 0;
        for text in crate::texts_and_pieces() {
            for line in text.lines() {
                let t = vanban_text::fold::fold_case(line.trim_start_matches(['*', '_', ' ']));
                let whole = LINE_OPENERS
                    .lines()
                    .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
                    .any(|o| t.starts_with(o));
                assert_eq!(opens_paragraph(line), whole, "{line:?}");
                found += usize::from(whole);
            }
        }
        assert!(found > 1_000, "{found}");
    }

    /// A sentence a scan's page cut with one or two blank lines goes on into the line in
    /// small letters after them ("… vào Chương" / blank / "trình lập pháp …"); not after a
    /// sentence's end, nor from a heading in capitals, nor over three blank lines, nor into
    /// a line in capitals.
    #[test]
    fn a_sentence_cut_by_a_blank_line_goes_on() {
        let text = "a) Rà soát các nhiệm vụ vào Chương\n\ntrình công tác năm.\n\n\
                    b) Tổng hợp báo cáo\n\n\ncủa các sở.\n\nc) Báo cáo.\n\nhằng quý.\n\n\
                    QUAN ĐIỂM CHỈ ĐẠO\n\nnhững điều.\nd) Rà soát các\n\n\n\nnhiệm vụ.\n\n\
                    đ) Rà soát\n\nSở Tư pháp.\n\nCác nhiệm vụ gồm\n\ni) rà soát\n\nii) tập huấn\n\n\
                    **Kết quả đạt được**\n\ntrong năm 2025, toàn tỉnh hoàn thành.";
        assert_eq!(
            paras(text),
            [
                "a) Rà soát các nhiệm vụ vào Chương trình công tác năm.",
                "b) Tổng hợp báo cáo của các sở.",
                "c) Báo cáo.",
                "hằng quý.",
                "QUAN ĐIỂM CHỈ ĐẠO",
                "những điều.",
                "d) Rà soát các",
                "nhiệm vụ.",
                "đ) Rà soát",
                "Sở Tư pháp.",
                "Các nhiệm vụ gồm",
                "i) rà soát",
                "ii) tập huấn",
                "Kết quả đạt được",
                "trong năm 2025, toàn tỉnh hoàn thành."
            ]
        );
    }

    /// Where blank lines part the paragraphs and the text is wrapped at a width, a line that
    /// ends a sentence where the wrap fell (the next line's first word would not have fitted)
    /// goes on into the next line in capitals: no blank line stands between. A sentence that
    /// ends with room left on its line still ends its paragraph there.
    #[test]
    fn where_blank_lines_part_paragraphs_a_wrap_after_a_full_stop_goes_on() {
        // (Blank lines part a copy where they follow nearly every sentence's end.)
        let parted = "Mục tiêu.\n\n".repeat(20);
        let web = "Kế hoạch này được ban hành để thực hiện các\n\
                   nhiệm vụ trọng tâm của tỉnh trong năm nay.\n\n\
                   Sở Y tế chủ trì kiểm tra, đôn đốc thực hiện\n\
                   kế hoạch tại các cơ sở y tế trên địa bàn tỉnh.\n\
                   Phối hợp chính quyền cơ sở bảo đảm an toàn cho\n\
                   người dân tại các điểm sơ tán trong mùa mưa lũ.\n\n\
                   Sở Tài chính bố trí kinh phí thực hiện kế hoạch\n\
                   theo quy định của pháp luật về ngân sách.\n\n\
                   Ủy ban nhân dân các xã thực hiện.\nBáo cáo kết quả.\n";
        let got = paras(&format!("{parted}{web}"));
        assert_eq!(
            got.get(20..).unwrap_or_default(),
            [
                "Kế hoạch này được ban hành để thực hiện các nhiệm vụ trọng tâm của tỉnh trong \
                 năm nay.",
                "Sở Y tế chủ trì kiểm tra, đôn đốc thực hiện kế hoạch tại các cơ sở y tế trên \
                 địa bàn tỉnh. Phối hợp chính quyền cơ sở bảo đảm an toàn cho người dân tại các \
                 điểm sơ tán trong mùa mưa lũ.",
                "Sở Tài chính bố trí kinh phí thực hiện kế hoạch theo quy định của pháp luật về \
                 ngân sách.",
                "Ủy ban nhân dân các xã thực hiện.",
                "Báo cáo kết quả."
            ]
        );
        // A heading, a label's line, an emphasised opener or an appendix's heading after such
        // a line stands alone (found at stop 58 by a second look at the rule).
        for alone in [
            "KINH PHÍ THỰC HIỆN",
            "Ghi chú: số liệu tạm tính.",
            "**Thời gian thực hiện:** Quý IV năm 2025.",
            "Phụ lục I",
        ] {
            let web = web.replace("Phối hợp chính quyền cơ sở bảo đảm an toàn cho", alone);
            let got = paras(&format!("{parted}{web}"));
            let clean = alone.replace("**", "");
            assert!(
                got.iter().any(|p| p.starts_with(&clean)),
                "{alone}: {got:#?}"
            );
        }
    }

    /// In a copy wrapped at a width, a numbered heading whose line had room for the next word
    /// stands over the paragraph after it when that paragraph starts with a predicate ("Chỉ
    /// đạo …"); a line the wrap filled goes on.
    #[test]
    fn a_numbered_heading_with_room_left_stands_over_its_paragraph() {
        let body = "1. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh\n\
                    Chỉ đạo các đơn vị liên quan giám sát việc thực hiện Kế\n\
                    hoạch theo quy định.\n\
                    2. Sở Công Thương chủ trì, phối hợp với các đơn vị tổ chức\n\
                    cấp phát hàng cứu trợ, ưu tiên các địa bàn bị chia cắt,\n\
                    ngay trong tháng này; hoàn thành trước ngày 30/11/2025.\n\
                    3. Sở Văn hóa chủ trì tổ chức phong trào thi đua sôi nổi\n\
                    trên địa bàn tỉnh tiến tới Đại hội thi đua yêu nước toàn\n\
                    quốc lần thứ mười một trong năm tới theo kế hoạch chung.\n\
                    4. Sở Tài chính chủ trì, phối hợp với Sở Nội vụ bố trí kinh\n\
                    Chỉ đạo các đơn vị sự nghiệp công lập trực thuộc rà soát.\n";
        let got = paras(body);
        assert_eq!(
            got[0], "1. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
            "{got:#?}"
        );
        assert!(
            got[1].starts_with("Chỉ đạo các đơn vị liên quan"),
            "{got:#?}"
        );
        // (Item 4's line is full: the wrap ended it, whatever word starts the next.)
        assert!(
            got.iter()
                .any(|p| p.starts_with("4.") && p.contains("kinh Chỉ đạo")),
            "{got:#?}"
        );
    }

    /// Two emphasis runs, the first ending with a name's head that cannot end it, are one
    /// heading whether a blank line parts them or not; a run that ends a name, or a next run
    /// that starts a predicate, stays apart.
    #[test]
    fn a_bold_heading_cut_in_a_name_is_one_heading() {
        let cut = "**2. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, Hội Liên hiệp**\n\
                   **Phụ nữ tỉnh và các tổ chức thành viên của Mặt trận**\n\
                   - Tham gia phối hợp triển khai thực hiện Kế hoạch này.\n";
        let whole = "2. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, Hội Liên hiệp Phụ nữ tỉnh \
                     và các tổ chức thành viên của Mặt trận";
        for text in [cut.to_owned(), cut.replacen("**\n**", "**\n\n**", 1)] {
            let got = paras(&text);
            assert_eq!(got[0], whole, "{got:#?}");
        }
        for apart in [
            "**1. Sở Nội vụ**\n**Phụ nữ tỉnh và các tổ chức thành viên**\n",
            "**1. Trách nhiệm của các Sở**\n**Sở Tài chính** chủ trì bố trí kinh phí.\n",
            "**2. Đề nghị các Sở**\n**Tổng hợp, báo cáo kết quả thực hiện**\n",
        ] {
            assert_eq!(paras(apart).len(), 2, "{:#?}", paras(apart));
        }
    }

    /// A word that asks for a number leaves its line open only into a line that does not start
    /// with a capital: "2. Hạ tầng số" (digital) heads the line in capitals after it; "một số"
    /// goes on whatever follows.
    #[test]
    fn a_number_word_before_a_capital_leaves_nothing_open() {
        let body = "1. Hoàn thiện thể chế, chính sách về chuyển đổi số của tỉnh\n\
                    trong giai đoạn 2025 - 2030, bảo đảm đồng bộ, thống nhất.\n\
                    2. Hạ tầng số\n\
                    Sở Khoa học và Công nghệ chủ trì, phối hợp với các doanh\n\
                    nghiệp viễn thông phát triển hạ tầng số nhanh, đồng bộ, hiện\n\
                    đại, an toàn, hoàn thành trong năm 2025.\n\
                    3. Nền tảng số\n\
                    Phát triển nền tảng số trở thành không gian cho các hoạt\n\
                    động kinh tế - xã hội; giao cho một số\n\
                    Sở, ngành chủ trì thực hiện.\n";
        let got = paras(body);
        assert_eq!(got[1], "2. Hạ tầng số", "{got:#?}");
        assert!(got[2].starts_with("Sở Khoa học"), "{got:#?}");
        assert!(
            got.last()
                .is_some_and(|p| p.ends_with("một số Sở, ngành chủ trì thực hiện.")),
            "{got:#?}"
        );
    }

    /// A marked line wholly in emphasis heads the plain line in capitals after it in a wrapped
    /// copy, however full; emphasis that goes on, or a next line in small letters, runs on.
    #[test]
    fn an_emphasised_numbered_heading_stands_over_its_paragraph() {
        let body = "Các sở, ngành triển khai nhiệm vụ được giao chủ trì tại Phụ lục của Kế\n\
                    hoạch này và báo cáo kết quả thực hiện về Sở Khoa học và Công nghệ theo\n\
                    định kỳ hằng quý để tổng hợp, báo cáo Ủy ban nhân dân tỉnh theo quy\n\
                    định.\n\
                    **13. Báo và Phát thanh, Truyền hình tỉnh và các cơ quan báo chí đóng**\n\
                    Chủ trì, phối hợp chặt chẽ với Sở Khoa học và Công nghệ triển khai\n\
                    tuyên truyền thường xuyên, sâu rộng về nội dung Kế hoạch trên phạm vi\n\
                    toàn tỉnh.\n\
                    **14. Sở Tài chính chủ trì, phối hợp với các sở, ngành liên quan tham**\n\
                    mưu bố trí kinh phí thực hiện Kế hoạch theo quy định hiện hành.\n";
        let got = paras(body);
        assert_eq!(
            got[1], "13. Báo và Phát thanh, Truyền hình tỉnh và các cơ quan báo chí đóng",
            "{got:#?}"
        );
        assert!(got[2].starts_with("Chủ trì, phối hợp"), "{got:#?}");
        assert!(
            got[3]
                .ends_with("tham mưu bố trí kinh phí thực hiện Kế hoạch theo quy định hiện hành."),
            "{got:#?}"
        );
        // A line in emphasis that leaves a law's name open goes on; "pháp luật" ends none.
        let law = body.replace("báo chí đóng**", "báo chí, pháp luật**");
        assert!(paras(&law)[2].starts_with("Chủ trì"), "{:#?}", paras(&law));
        let open = body.replace(
            "báo chí đóng**\nChủ trì, phối hợp",
            "báo chí theo Luật**\nBáo chí, phối hợp",
        );
        let got = paras(&open);
        assert!(got[1].contains("theo Luật Báo chí, phối hợp"), "{got:#?}");
    }

    /// In a PDF's text layer a paragraph's first line stands further in than the lines after
    /// it: a wrap after its ";" is read with the room the indent took ("Nội vụ;" / "Giám đốc
    /// các sở, …" is one sentence); a first line ended by hand still ends its paragraph.
    #[test]
    fn a_first_lines_indent_counts_in_the_room_it_left() {
        let layer = "      Điều 1. Ban hành kèm theo Quyết định này Quy định chức năng, nhiệm vụ,\n\
                     quyền hạn và cơ cấu tổ chức của Sở Tư pháp theo quy định hiện hành của\n\
                     pháp luật về tổ chức bộ máy và quản lý cán bộ, công chức, viên chức.\n\
                     \x20     Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc các Sở: Tư pháp, Nội vụ;\n\
                     Giám đốc các sở, Thủ trưởng các ban, ngành cấp tỉnh; Chủ tịch Ủy ban nhân dân\n\
                     các xã, phường và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành\n\
                     Quyết định này./.\n";
        let got = paras(layer);
        assert_eq!(got.len(), 2, "{got:#?}");
        assert!(got[1].contains("Nội vụ; Giám đốc các sở"), "{got:#?}");
        // (Not indented further, the line left room for "Giám": ended by hand.)
        let flush = layer.replace("\x20     Chánh", "Chánh");
        assert_eq!(paras(&flush).len(), 3, "{:#?}", paras(&flush));
        // Nor is a table's row, which starts at a margin of its own, a wrap's next line.
        let row = "\x20             Điều 1. Ban hành kèm theo Quyết định này Quy định chức năng,\n\
                   \x20       nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Tư pháp theo quy định\n\
                   \x20       hiện hành của pháp luật về tổ chức bộ máy và quản lý cán bộ, công\n\
                   \x20       chức, viên chức trên địa bàn tỉnh và các văn bản hướng dẫn thi hành\n\
                   \x20       của các bộ, ngành trung ương có liên quan đến tổ chức bộ máy.\n\
                   \x20             a) Bổ sung số thứ tự 6 vào sau số thứ tự 5 mục IV như sau:\n\
                   6 | Phí khai thác và sử dụng thông tin trong Cơ sở dữ liệu | Bộ Tài chính |\n";
        let got = paras(row);
        assert!(got.iter().any(|p| p.ends_with("như sau:")), "{got:#?}");
    }

    /// A marker alone on its line, as a web page's short first lines print a heading ("**6."
    /// / "Sở Tài chính:**"), ends no sentence: such a copy is still one whose blank lines part
    /// the paragraphs, and a name its wrap parts before a capital is read whole.
    #[test]
    fn markers_alone_on_their_lines_leave_a_copy_parted_by_blank_lines() {
        let web = "**1.\nSở Công Thương:**\n\nChủ trì triển khai.\n\n**2.\nSở Y tế:**\n\n\
                   Bảo đảm thuốc.\n\n**3.\nSở Xây dựng:**\n\nRà soát nhà ở.\n\n**4.\n\
                   Sở Tài chính:**\n\nPhối hợp với Sở Công\nThương và các đơn vị liên quan \
                   thẩm định.\n";
        assert_eq!(
            paras(web),
            [
                "1. Sở Công Thương:",
                "Chủ trì triển khai.",
                "2. Sở Y tế:",
                "Bảo đảm thuốc.",
                "3. Sở Xây dựng:",
                "Rà soát nhà ở.",
                "4. Sở Tài chính:",
                "Phối hợp với Sở Công Thương và các đơn vị liên quan thẩm định."
            ]
        );
    }

    /// Where blank lines part the paragraphs, a line that ends no sentence goes on into a line
    /// in capitals however short it is (a copy wrapped twice: "… của Ban" / "Thường vụ Tỉnh
    /// ủy; …"; a short letter too few lines long to tell its wrap width), but not into a line
    /// that opens a paragraph ("Căn cứ …"), nor over a page's furniture, beside which the
    /// blank line that parted two paragraphs may stand. Where paragraphs follow each other
    /// without blank lines, a short line still ends one; a lone dash is a bullet, not a word
    /// broken at its hyphen.
    #[test]
    fn where_blank_lines_part_paragraphs_a_short_line_goes_on_into_capitals() {
        let parted = "Mở đầu.\n\nCăn cứ Nghị quyết số 57-NQ/TW của Bộ Chính trị và Ban\n\
                      Thường vụ Tỉnh ủy; Thông báo số 30-TB/TGV ngày 13/6/2025;\n\
                      Căn cứ Luật số 72/2025/QH15.\n\nỦy ban nhân dân tỉnh ban hành.\n\n\
                      1.4. Bảo đảm an sinh xã hội\n===== Trang 2 =====\n\nBộ Tài chính chỉ đạo.\n\n\
                      Kết thúc.";
        assert_eq!(
            paras(parted),
            [
                "Mở đầu.",
                "Căn cứ Nghị quyết số 57-NQ/TW của Bộ Chính trị và Ban Thường vụ Tỉnh ủy; Thông \
                 báo số 30-TB/TGV ngày 13/6/2025;",
                "Căn cứ Luật số 72/2025/QH15.",
                "Ủy ban nhân dân tỉnh ban hành.",
                "1.4. Bảo đảm an sinh xã hội",
                "Bộ Tài chính chỉ đạo.",
                "Kết thúc."
            ]
        );
        let mut bullet = Str::from("-");
        join_text(&mut bullet, "Thủ tướng Chính phủ;");
        assert_eq!(bullet.as_str(), "- Thủ tướng Chính phủ;");
        let mut broken = Str::from("kinh tế -");
        join_text(&mut broken, "xã hội");
        assert_eq!(broken.as_str(), "kinh tế - xã hội");
        // Fields one a line, and a heading in emphasis, part where they stand.
        let fields = "Một.\n\nHai.\n\nBa.\n\nĐơn vị chủ trì: Sở Khoa học và Công nghệ\n\
                      Đơn vị phối hợp: Sở Tư pháp\nThời gian thực hiện: Quý II năm 2026\n\n\
                      **Mục tiêu**\nSở Y tế chủ trì triển khai.\n\nBốn.\n";
        assert_eq!(
            paras(fields),
            [
                "Một.",
                "Hai.",
                "Ba.",
                "Đơn vị chủ trì: Sở Khoa học và Công nghệ",
                "Đơn vị phối hợp: Sở Tư pháp",
                "Thời gian thực hiện: Quý II năm 2026",
                "Mục tiêu",
                "Sở Y tế chủ trì triển khai.",
                "Bốn."
            ]
        );
        let tight =
            "Mở đầu.\nThực hiện chỉ đạo của Ban\nThường vụ Tỉnh ủy giao.\nMột.\nHai.\nBa.\n";
        assert_eq!(
            paras(tight),
            [
                "Mở đầu.",
                "Thực hiện chỉ đạo của Ban",
                "Thường vụ Tỉnh ủy giao.",
                "Một.",
                "Hai.",
                "Ba."
            ]
        );
    }

    /// A text wrapped at a fixed width (pandoc's 72 columns, a PDF's text layer) may break right
    /// after the ";" or ":" of an enumeration, before a capital: the paragraph goes on when the
    /// next line's first word would not have fitted on the line. A line ended by hand (room
    /// left on it) or a line that opens a paragraph ("Căn cứ …") still ends it.
    #[test]
    fn a_wrap_after_a_semicolon_before_a_capital_goes_on() {
        let text = "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột\n\
                    phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số;\n\
                    Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ và Chương trình hành\n\
                    động số 10-CTr/TU ngày 13/8/2025 của Ban Thường vụ Tỉnh ủy về việc thực\n\
                    hiện các nhiệm vụ trọng tâm của tỉnh trong giai đoạn năm 2025 - 2030;\n\
                    Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16 tháng\n\
                    6 năm 2025;\nXét đề nghị của Sở Khoa học và Công nghệ.\n";
        assert_eq!(
            paras(text),
            [
                "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát \
                 triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số; Nghị quyết số \
                 71/NQ-CP ngày 01/4/2025 của Chính phủ và Chương trình hành động số 10-CTr/TU \
                 ngày 13/8/2025 của Ban Thường vụ Tỉnh ủy về việc thực hiện các nhiệm vụ trọng \
                 tâm của tỉnh trong giai đoạn năm 2025 - 2030;",
                "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16 tháng 6 năm \
                 2025;",
                "Xét đề nghị của Sở Khoa học và Công nghệ."
            ]
        );
        // Room left on the line: a line ended by hand.
        let short = text.replace("chuyển đổi số;", "số;");
        assert_eq!(paras(&short).len(), 4, "{:?}", paras(&short));
        // Nor does the grounds' last line go on into the sentence that enacts the document.
        let enacted = text.replace(
            "Xét đề nghị của Sở Khoa học và Công nghệ.",
            "Ủy ban nhân dân tỉnh Tuyên Quang ban hành Kế hoạch thực hiện như sau:",
        );
        let enacted = enacted.replace(
            "số 72/2025/QH15 ngày 16 tháng\n6 năm 2025;",
            "số 72/2025/QH15 ngày 16 tháng\n6 năm 2025 và Luật Ban hành văn bản quy phạm pháp luật ngày 19/02/2025;",
        );
        let got = paras(&enacted);
        assert!(
            got.last()
                .is_some_and(|p| p.starts_with("Ủy ban nhân dân tỉnh")),
            "{got:#?}"
        );
    }

    /// In a copy wrapped at a width, a paragraph left whole on one line far longer than the
    /// width (a letter's opening, "… có ý kiến như sau:") ends where its writer ended it: the
    /// next line, in capitals, is a paragraph of its own, not the rest of an enumeration a
    /// wrap broke (stop 60).
    #[test]
    fn a_line_longer_than_the_wrap_was_not_wrapped() {
        let wrapped = "Các cơ quan, đơn vị căn cứ chức năng, nhiệm vụ được giao chủ\n\
                       động triển khai thực hiện các nội dung của văn bản này bảo đảm\n\
                       đúng tiến độ và hiệu quả, báo cáo kết quả về Sở Công Thương.\n"
            .repeat(8);
        let opening = "Trả lời Công văn số 1012/SCT-KYATMT ngày 09 tháng 3 năm 2026 của Sở Công \
                       Thương tỉnh Quảng Ngãi về việc tham vấn nội dung cấp Giấy phép xuất khẩu, \
                       nhập khẩu hóa chất cần kiểm soát đặc biệt, Cục Hóa chất có ý kiến như sau:";
        let text = format!(
            "{opening}\nKhoản 1 Điều 12 Luật Hóa chất năm 2025 quy định về hoạt động xuất\n\
             khẩu, nhập khẩu hóa chất.\n{wrapped}"
        );
        let got = paras(&text);
        assert_eq!(got.first().map(String::as_str), Some(opening), "{got:#?}");
        assert!(got[1].starts_with("Khoản 1 Điều 12"), "{got:#?}");
    }

    /// A line that ends with the head of a name ("Văn phòng", "Trụ sở", "Bộ") goes on into the
    /// next line in capitals, a numbered item's too (TB_432-TB-VPTW_2025: "4.6. Văn phòng" /
    /// "Trung ương Đảng phối hợp …" was a heading "Văn phòng" over a paragraph); a noun that
    /// ends a name ("… các chi bộ, đảng bộ cơ sở", "Bộ Quốc phòng") does not.
    #[test]
    fn a_line_ending_with_the_head_of_a_name_goes_on() {
        let text = "Ngày 24/11/2025, tại Trụ sở\n\
                    Trung ương Đảng, đồng chí Tổng Bí thư đã có buổi làm việc với các cơ quan liên\n\
                    quan về công tác bảo vệ trẻ em có hoàn cảnh đặc biệt khó khăn trên cả nước.\n\
                    4.6. Văn phòng\n\
                    Trung ương Đảng phối hợp theo dõi, đôn đốc, báo cáo, kịp thời tham mưu giải\n\
                    pháp tháo gỡ những khó khăn phát sinh trong quá trình triển khai thực hiện.\n\
                    4.7. Các chi bộ, đảng bộ cơ sở\n\
                    Các cấp ủy, tổ chức đảng chủ động tổ chức nghiên cứu, quán triệt và triển khai\n\
                    thực hiện nghiêm túc các nội dung của Thông báo này trong toàn Đảng bộ tỉnh.\n";
        let got = paras(text);
        assert_eq!(got.len(), 4, "{got:?}");
        assert!(got[0].starts_with("Ngày 24/11/2025, tại Trụ sở Trung ương Đảng, đồng chí"));
        assert!(got[1].starts_with("4.6. Văn phòng Trung ương Đảng phối hợp"));
        assert_eq!(got[2], "4.7. Các chi bộ, đảng bộ cơ sở");
        assert!(name_cut_at_head("a) Sở", "Tài chính chủ trì", true));
        assert!(!name_cut_at_head("3. Bộ Quốc phòng", "Chủ trì", true));
        // A heading over a paragraph that starts with its predicate; a sentence's line whose
        // next line names the body ("Bộ" / "Xây dựng, cơ quan quản lý Quỹ …", ND_302).
        assert!(!name_cut_at_head(
            "2. Văn phòng",
            "Tổng hợp, báo cáo kết quả",
            true
        ));
        assert!(name_cut_at_head(
            "Bộ",
            "Xây dựng, cơ quan quản lý Quỹ",
            false
        ));
    }

    /// Word's text export writes a tab after a list's marker: such a line is a list item whose
    /// wrapped lines join it (it was a row of two cells, and its cooperating agencies were cut
    /// at the line's end: "Sở Nông"); a line of three tab-separated cells is still a row.
    #[test]
    fn a_tab_after_a_list_marker_makes_no_row() {
        let text = "a)\tSở Tài chính chủ trì, phối hợp với Sở Nông\nnghiệp và Môi trường.\n\
                    -\tBáo cáo kết quả\nhằng năm.\n•\tLàm.\n1\tSở A\tSở B\n";
        assert_eq!(
            paras(text),
            [
                "a) Sở Tài chính chủ trì, phối hợp với Sở Nông nghiệp và Môi trường.",
                "- Báo cáo kết quả hằng năm.",
                "• Làm.",
                "1 Sở A Sở B"
            ]
        );
        assert_eq!(row_cells("1\tSở A\tSở B").len(), 3);
        assert!(row_cells("a)\tSở A").is_empty());
        for marker in ["1.", "a)", "II.", "1.2.", "(3)", "-", "•", "¬"] {
            assert!(tab_list_marker(marker), "{marker}");
        }
        for cell in ["Sở A", "1", "STT", "Năm 2025.", "12345678."] {
            assert!(!tab_list_marker(cell), "{cell}");
        }
    }

    /// A portal's signature stamp in the middle of a page is a stamp, line by line; a website's
    /// field table ("**Người ký:**" and the name in the next cell) and a sentence are text.
    #[test]
    fn a_portal_signature_stamp_is_a_stamp() {
        assert_eq!(
            kinds(
                "b) Người lao động\nNgười ký: CỔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ\nEmail: a@b.vn\nCơ quan: VĂN PHÒNG CHÍNH PHỦ\nThời gian ký: 07.03.2025 09:08:01 +07:00\n\nc) Tiếp"
            ),
            [
                "Marker(Point(b)))",
                "Stamp",
                "Stamp",
                "Stamp",
                "Stamp",
                "Blank",
                "Marker(Point(c)))"
            ]
        );
        assert_eq!(
            kinds("**Người ký:**\n|\nTrần Cẩm Tú\n|\nNgười ký: ông A\nCơ quan chủ trì: Sở"),
            ["Text", "Pipe", "Text", "Pipe", "Text", "Text"]
        );
    }

    /// "v)" is a point like "u)" and "x)" (the prefilter once kept "v" for "v/v" only, and
    /// "v) …" was joined to the point before it).
    #[test]
    fn the_point_v_is_a_point() {
        assert_eq!(
            kinds("u) Điểm u\nv) Điểm v\nv. Điểm v\nx) Điểm x"),
            [
                "Marker(Point(u)))",
                "Marker(Point(v)))",
                "Marker(Point(v.))",
                "Marker(Point(x)))"
            ]
        );
    }

    #[test]
    fn paragraphs_numbered_in_parentheses() {
        // TB_631-TB-VPCP_2025: "(1) Giao Bộ …", "(2) …" under "3. Trong thời gian tới, yêu cầu".
        assert_eq!(
            kinds("(1) Giao Bộ Tài chính\n(12)\n(1)abc\n(a) Điểm\n(123) Số\n( 1) Cách"),
            [
                "Marker(Numbered((1)))",
                "Marker(Numbered((12)))",
                "Text",
                "Text",
                "Text",
                "Text"
            ]
        );
    }

    #[test]
    fn markers() {
        assert_eq!(
            kinds("Chương I\nĐiều 8a. Tên\n1. Một\n1.1. Con\na) Điểm\nđ) Điểm\n- Gạch\n+ Cộng\nII. HAI\nI- MỘT\nMục tiêu chung\nĐiều 5 Nghị định này\n120.000 lồng"),
            [
                "Marker(Chapter(Chương I))",
                "Marker(Article(Điều 8a.))",
                "Marker(Item(1.))",
                "Marker(Subitem(1.1.))",
                "Marker(Point(a)))",
                "Marker(Point(đ)))",
                "Marker(Indent(-))",
                "Marker(Subindent(+))",
                "Marker(Roman(II.))",
                "Marker(Roman(I-))",
                "Text",
                "Text",
                "Text",
            ]
        );
    }

    #[test]
    fn page_furniture_is_noise() {
        assert_eq!(
            kinds("CÔNG BÁO/Số 271/Ngày 12-05-2026\n84\n\nKý bởi: CÔNG BÁO\nCơ quan: VĂN PHÒNG CHÍNH PHỦ\nNgày ký: 2026-05-08\n108\n-------\n*"),
            ["PageHeader", "Digits", "Blank", "Stamp", "Stamp", "Stamp", "Text", "Rule", "Rule"]
        );
    }

    /// The byte search counts quotes as reading every character does: on every line of the
    /// corpus and on texts of quotes, letters, spaces and marks.
    #[test]
    fn quotes_are_balanced_as_the_character_reading_balances_them() {
        let by_chars = quote_balance_by_chars;
        let pieces = ["“", "”", "\"", " ", "a", ":", "(", "ệ", "–", "\u{a0}", "‘"];
        let mut texts = compositions(&pieces, 5);
        for text in crate::corpus_texts() {
            texts.extend(text.lines().map(str::to_owned));
        }
        let mut quoted = 0;
        for t in &texts {
            quoted += usize::from(by_chars(t) != 0);
            assert_eq!(quote_balance_by_bytes(t), by_chars(t), "{t:?}");
        }
        assert!(quoted > 10_000, "{quoted}");
    }

    #[test]
    fn a_page_number_above_a_page_header_is_noise() {
        // An even page of the Gazette: its number on a line of its own above the header row,
        // after a signature stamp or body text; a number above body text stays text.
        assert_eq!(
            kinds("gian từ ngày 01.\nKý bởi: CÔNG BÁO\n\n \n8 \nCÔNG BÁO/Số 231 + 232/Ngày 01-02-2025\n2. Đối tượng"),
            ["Text", "Stamp", "Blank", "Blank", "Digits", "PageHeader", "Marker(Item(2.))"]
        );
        assert_eq!(
            kinds("tương ứng\n10\n\nCÔNG BÁO/Số 231 + 232/Ngày 01-02-2025"),
            ["Text", "Digits", "Blank", "PageHeader"]
        );
        assert_eq!(
            kinds("tương ứng\n\n10\n\n\nCÔNG BÁO/Số 231/Ngày 01-02-2025"),
            ["Text", "Blank", "Text", "Blank", "Blank", "PageHeader"]
        );
        assert_eq!(
            kinds("tương ứng\n10\nĐiều 4."),
            ["Text", "Text", "Marker(Article(Điều 4.))"]
        );
        // The even page's number on the header's own line (a PDF's text layer).
        assert_eq!(
            kinds("- Lưu: VT.\n\n8        CÔNG BÁO/Số 123 + 124/Ngày 15-02-2025\nKT. CHỦ TỊCH"),
            ["Marker(Indent(-))", "Blank", "PageHeader", "Authority"]
        );
    }

    #[test]
    fn keyword_wrapped_away_from_its_number() {
        let k = kinds("**Điều\n1. Phạm vi điều chỉnh**");
        assert_eq!(k, ["Marker(Article(Điều 1.))", "Continuation"]);
    }

    #[test]
    fn a_footnote_mark_after_a_marker_keeps_the_marker() {
        assert_eq!(kinds("2.[3] Trường hợp điều ước"), ["Marker(Item(2.))"]);
        assert_eq!(kinds("a)[5] Đại lý tàu biển"), ["Marker(Point(a)))"]);
        assert_eq!(kinds("1.2.[4] Công ty"), ["Marker(Subitem(1.2.))"]);
        assert_eq!(kinds("2.[ghi chú]"), ["Text"]);
    }

    #[test]
    fn an_appendix_heading_wrapped_after_its_first_word_is_one_line() {
        assert_eq!(kinds("**PHỤ\nLỤC I**"), ["Text", "Continuation"]);
        assert_eq!(kinds("**Phụ\nlục**"), ["Text", "Continuation"]);
        assert_eq!(kinds("Phụ\ncấp khu vực"), ["Text", "Text"]);
        assert_eq!(kinds("PHỤ\nLỤCX"), ["Text", "Text"]);
        assert_eq!(kinds("PHỤ\nlục đính kèm."), ["Text", "Text"]);
        assert_eq!(kinds("Phụ\nLỤC I"), ["Text", "Text"]);
    }

    #[test]
    fn hard_wraps_are_joined() {
        // A wrapped paragraph (lower-case continuation) and a year range broken at its dash.
        let got = paras("a) Các Sở, ban, ngành chủ động\nthực hiện rà soát.\nTập trung hoàn thiện.\n- Giai đoạn 2021\n- 2025 tiếp tục.");
        assert_eq!(
            got,
            [
                "a) Các Sở, ban, ngành chủ động thực hiện rà soát.",
                "Tập trung hoàn thiện.",
                "- Giai đoạn 2021 - 2025 tiếp tục.",
            ]
        );
    }

    #[test]
    fn a_compound_broken_before_its_dash_is_joined_in_wrapped_text() {
        // Hard-wrapped text (full lines ending inside sentences).
        let text = "1. Tăng cường công tác quản lý nhà nước về dữ liệu phục vụ phát triển kinh tế\n- xã hội, bảo đảm quốc phòng, an ninh và đối ngoại của đất nước trong giai\nđoạn mới, đáp ứng yêu cầu chuyển đổi số quốc gia toàn diện và bền vững hơn\ntheo đúng quy định của pháp luật hiện hành về dữ liệu và giao dịch điện tử, bảo\nđảm an toàn, an ninh mạng và bảo vệ dữ liệu cá nhân theo quy định hiện hành.\n2. Các nhiệm vụ cụ thể gồm:\n- xây dựng cơ sở dữ liệu;\n- kết nối dữ liệu.";
        let got = paras(text);
        assert_eq!(got.len(), 4, "{got:?}");
        assert!(got[0].contains("kinh tế - xã hội"), "{got:?}");
        // Bullets after a colon stay bullets.
        assert_eq!(got[2], "- xây dựng cơ sở dữ liệu;");
    }

    #[test]
    fn page_numbers_are_a_series_far_apart() {
        let para = "Nội dung của văn bản được viết trên nhiều dòng liên tiếp nhau.\n".repeat(20);
        let text = format!("{para}\n2\n\n{para}\n3\n\n{para}");
        let lines = classify(&text);
        let pages = lines
            .iter()
            .filter(|l| l.kind == LineKind::PageNumber)
            .count();
        assert_eq!(pages, 2);
        // Row numbers of a table, a few lines apart, and a lone number are text.
        let table = "1\n\nSở Tài chính\n\n2\n\nSở Nội vụ\n\n3\n\nSở Y tế\n";
        let lines = classify(&format!("{para}\n{table}\n7\n\n{para}"));
        assert!(lines.iter().all(|l| l.kind != LineKind::PageNumber));
    }

    /// A number centred between blank lines is a page's even when it is the only one (a
    /// two-page copy), and a full line that ends no sentence goes on over it into the next
    /// page, in a copy with a paragraph a line too; a number at the line's start between
    /// blank lines is not a page's without others in a series.
    #[test]
    fn a_lone_centred_page_number_is_furniture_and_the_sentence_goes_on() {
        let centre = " ".repeat(40);
        let text = format!(
            "Mở đầu.\n\nCác sở, ban, ngành, Ủy ban nhân dân các xã, phường gửi báo cáo kết quả thực hiện\n\
             \n{centre}2\n\nTháng hành động năm 2025 về Sở Nội vụ trước ngày 16 tháng 12 năm 2025.\n"
        );
        let lines = classify(&text);
        let pages = lines
            .iter()
            .filter(|l| l.kind == LineKind::PageNumber)
            .count();
        assert_eq!(pages, 1);
        let got = paras(&text);
        assert_eq!(got.len(), 2, "{got:#?}");
        assert!(
            got[1].ends_with(
                "kết quả thực hiện Tháng hành động năm 2025 về Sở Nội vụ trước \
                                  ngày 16 tháng 12 năm 2025."
            ),
            "{got:#?}"
        );
        let at_start = text.replace(&format!("{centre}2"), "2");
        let lines = classify(&at_start);
        assert!(lines.iter().all(|l| l.kind != LineKind::PageNumber));
    }

    /// The enacting word in capitals stands alone after the last ground, which ends with a
    /// comma ("Theo đề nghị của Bộ trưởng Bộ Nội vụ," / "QUYẾT ĐỊNH:"; QD_798, QD_3728 at
    /// stop 60), in a wrapped copy too; a line of capitals that goes on with a sentence is
    /// joined as before.
    #[test]
    fn the_enacting_word_stands_alone_after_the_last_ground() {
        let grounds = "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025 và các văn bản\n\
                       hướng dẫn thi hành có liên quan của các bộ, ngành trung ương;\n"
            .repeat(6);
        let text =
            format!("{grounds}Theo đề nghị của Bộ trưởng Bộ Nội vụ,\nQUYẾT ĐỊNH:\nĐiều 1. Làm.\n");
        let got = paras(&text);
        assert!(got.iter().any(|p| p == "QUYẾT ĐỊNH:"), "{got:#?}");
        assert!(enacting_word("**QUYẾT NGHỊ:**") && !enacting_word("QUYẾT ĐỊNH"));
        assert!(!enacting_word(
            "CÁC SỞ, BAN, NGÀNH TRONG TỈNH THỰC HIỆN CÁC NỘI DUNG SAU:"
        ));
    }

    /// A Party document's items numbered "1-", "2-" before a capital are items (stop 60, in
    /// documents written for the test: a directive's tasks were preamble paragraphs); a
    /// number and a hyphen before a digit or in a range are text.
    #[test]
    fn items_numbered_with_a_hyphen_before_a_capital() {
        for (line, number) in [
            ("1- Các cấp ủy, tổ chức đảng", "1"),
            ("12– Sở Xây dựng chủ trì", "12"),
        ] {
            let (kind, rest) = classify_start(line);
            let m = match &kind {
                LineKind::Marker(m) => m,
                other => panic!("{line}: {other:?}"),
            };
            assert_eq!(
                (m.kind, m.number()),
                (MarkerKind::Item, Some(number)),
                "{line}"
            );
            assert!(rest.starts_with(char::is_uppercase), "{rest}");
        }
        for line in [
            "2- 3 ngày làm việc",
            "14-1 là ngày",
            "123- Sở Xây dựng",
            "1- các cấp ủy",
        ] {
            assert_eq!(classify_start(line).0, LineKind::Text, "{line}");
        }
    }

    /// In a copy with a paragraph a line, a page break after a line that ends with a word that
    /// cannot end a sentence ("… vi phạm thì") is inside that sentence, though the line is
    /// shorter than the copy's long lines and the next page starts in capitals; a heading
    /// before a page break ("2. Trình tự họp") keeps its place (stop 60).
    #[test]
    fn a_page_break_after_a_connective_is_inside_the_sentence() {
        let long = "Cuộc họp của Hội đồng kỷ luật được tiến hành theo trình tự sau đây và \
                    được ghi thành biên bản đầy đủ, có chữ ký của chủ tọa và thư ký cuộc họp.\n"
            .repeat(12);
        let page = format!("\n{}9\n\u{c}\n", " ".repeat(40));
        let text = format!(
            "{long}3. Trường hợp nhiều công chức trong cùng cơ quan có hành vi vi phạm thì\n\
             {page}Hội đồng kỷ luật họp để xem xét xử lý kỷ luật đối với từng công chức.\n\
             2. Trình tự họp\n{page}Chủ tịch Hội đồng kỷ luật tuyên bố lý do cuộc họp.\n"
        );
        let got = paras(&text);
        assert_eq!(got.len(), 12 + 3, "{got:#?}");
        assert!(
            got[12].ends_with(
                "vi phạm thì Hội đồng kỷ luật họp để xem xét xử lý kỷ luật đối \
                               với từng công chức."
            ),
            "{got:#?}"
        );
        assert_eq!(got[13], "2. Trình tự họp");
    }

    /// A PDF's page numbers, centred, with a blank line on one side only (a form feed before
    /// the number, or the page's last line right above it) are page numbers in a run of
    /// three, and the sentence they broke is one paragraph again; two such numbers, a page
    /// header's number, or row numbers at the line's start (a table printed one cell a line,
    /// a blank line before each row) are not.
    #[test]
    fn page_numbers_blank_on_one_side_are_a_run_of_three() {
        let para = "Nội dung của văn bản được viết trên nhiều dòng liên tiếp nhau\n".repeat(20);
        let centre = " ".repeat(40);
        for (before, after) in [("\n", ""), ("", "\n")] {
            let page = |n: u32| format!("{before}{centre}{n}\n{after}");
            let text = format!("{para}{}{para}{}{para}{}{para}", page(2), page(3), page(4));
            let lines = classify(&text);
            let pages = lines
                .iter()
                .filter(|l| l.kind == LineKind::PageNumber)
                .count();
            assert_eq!(pages, 3, "{before:?} {after:?}");
            let two = format!("{para}{}{para}{}{para}", page(2), page(3));
            let lines = classify(&two);
            assert!(lines.iter().all(|l| l.kind != LineKind::PageNumber));
        }
        let gazette = format!(
            "CÔNG BÁO/Số 290\n10\n\n{para}CÔNG BÁO/Số 290\n11\n\n{para}CÔNG BÁO/Số 290\n12\n\n"
        );
        let lines = classify(&gazette);
        assert!(lines.iter().all(|l| l.kind != LineKind::PageNumber));
        let rows = (1..=4)
            .map(|n| format!("\n{n}\n{para}"))
            .collect::<String>();
        let lines = classify(&format!("TT\nNội dung\nChủ trì\n{rows}"));
        assert!(lines.iter().all(|l| l.kind != LineKind::PageNumber));
        let glued = format!("1. Sở Giáo dục và Đào\n\n{centre}2\ntạo chủ trì thực hiện.\n");
        let text = format!("{para}\n{centre}1\n{para}{glued}{para}\n{centre}3\n{para}");
        let parsed = crate::parse(&text);
        let item = parsed
            .document
            .nodes()
            .find(|n| n.text().starts_with("Sở Giáo dục"));
        assert_eq!(
            item.map(|n| n.text()),
            Some("Sở Giáo dục và Đào tạo chủ trì thực hiện.")
        );
    }

    #[test]
    fn sentences_end_inside_closing_quotes() {
        assert!(ends_sentence(
            "… và quy định khác của pháp luật có liên quan.\""
        ));
        assert!(ends_sentence("… mà Việt Nam là thành viên.”"));
        assert!(!ends_sentence(
            "(Huân chương, bằng khen Thủ tướng Chính phủ,...)"
        ));
        assert!(!ends_sentence("… đối với hàng hóa"));
    }

    /// Every paragraph made first, then the quotation scan over all of them (how paragraphs
    /// were made before they were made as taken).
    fn paragraphs_at_once<'a>(
        text: &'a str,
        lines: &'a [Line],
        profile: &'a WrapProfile,
        seen: Seen,
    ) -> (Vec<Para<'a>>, Joins) {
        let mut made = Paragraphs::new(text, lines, (0, lines.len()), profile, seen);
        while made.make() {}
        let mut out: Vec<Para> = made.made.drain(..).map(|(p, _)| p).collect();
        let balances: Vec<i32> = out.iter().map(|p| quote_balance(&p.text)).collect();
        let mut i = 0;
        while i < out.len() {
            if balances[i] > 0 {
                let mut depth = balances[i];
                let close = (i + 1..out.len().min(i + 1 + QUOTE_WINDOW)).find(|&j| {
                    depth += balances[j];
                    depth <= 0
                });
                if let Some(close) = close {
                    out[i + 1..=close].iter_mut().for_each(quote);
                    i = close + 1;
                    continue;
                }
            }
            i += 1;
        }
        (out, made.joins)
    }

    fn para_key(p: &Para) -> (usize, Option<String>, String, bool, Vec<String>) {
        (
            p.first,
            p.marker.map(|m| m.text().to_owned()),
            p.text.to_string(),
            p.quoted,
            p.cells.iter().map(|c| c.to_string()).collect(),
        )
    }

    /// Paragraphs made as they are taken are the paragraphs made at once, quotations
    /// included, on every corpus document and on quotations that close, close late, close
    /// too late and nest; the body's last marker is found where a search from the end finds
    /// it, asked after every paragraph.
    #[test]
    fn paragraphs_made_as_taken_are_those_made_at_once() {
        let mut texts = crate::corpus_texts();
        let quoted = "Sửa đổi như sau:\n“Điều 8. Tên\n1. Một.”\n2. Hai";
        let mut late = String::from("Bổ sung:\n“a) Mở\n");
        for k in 0..QUOTE_WINDOW + 2 {
            late.push_str(&format!("{}. Dòng {k}.\n", k + 1));
            if k == QUOTE_WINDOW - 2 {
                late.push_str("Đóng.”\n- Sau\nTrên đây là kế hoạch.\n“Mở lại\n");
            }
        }
        texts.extend([quoted.to_owned(), late, "“a\n“b\nc”\nd”\n- e\n".repeat(30)]);
        let mut quoted_seen = 0;
        for text in &texts {
            let (lines, seen) = classify_seen(text);
            let profile = WrapProfile::of(text, &lines);
            let (want, want_joins) = paragraphs_at_once(text, &lines, &profile, seen);
            let mut made = Paragraphs::new(text, &lines, (0, lines.len()), &profile, seen);
            let last_marker = want.iter().rposition(|p| p.marker.is_some() && !p.quoted);
            let mut got = Vec::new();
            while let Some(p) = made.next() {
                let idx = got.len();
                assert_eq!(made.marker_after(idx), last_marker.is_some_and(|m| m > idx));
                got.push(p);
            }
            assert_eq!(made.joins, want_joins);
            let keys = |ps: &[Para]| ps.iter().map(para_key).collect::<Vec<_>>();
            assert_eq!(keys(&got), keys(&want));
            quoted_seen += got.iter().filter(|p| p.quoted).count();
        }
        assert!(quoted_seen > 100, "{quoted_seen}");
    }

    #[test]
    fn quotations_hold_their_markers() {
        let text = "Sửa đổi Điều 8 như sau:\n“Điều 8. Tên\n1. Khoản một.”\nĐiều 9. Tiếp";
        let (lines, seen) = classify_seen(text);
        let profile = WrapProfile::of(text, &lines);
        let p: Vec<Para> =
            Paragraphs::new(text, &lines, (0, lines.len()), &profile, seen).collect();
        let quoted: Vec<bool> = p.iter().map(|p| p.quoted).collect();
        // The paragraph that opens the quotation holds it; what follows, up to the close, is quoted.
        assert_eq!(quoted, [false, false, true, false]);
        assert!(p[3].marker.is_some());
    }

    #[test]
    fn a_wrapped_list_of_point_references_is_not_a_point() {
        assert!(ends_with_point_reference("Trường hợp tại điểm a), b), c),"));
        assert!(ends_with_point_reference("theo các điểm a, b,"));
        assert!(!ends_with_point_reference("a) Sở Tài chính chủ trì,"));
        assert!(!ends_with_point_reference("Các Sở, ban, ngành;"));
        let lines =
            classify("Trường hợp tại điểm a), b), c),\nd) khoản 1, Điều 10 của Quy chế này.\n");
        assert_eq!(lines[1].kind, LineKind::Text);
        let lines = classify(
            "1.\nNăm tài chính kết thúc vào ngày 31 tháng\n12.\n\n2.\nChế độ tài chính.\n",
        );
        assert_eq!(lines[2].kind, LineKind::Text);
        assert!(matches!(lines[4].kind, LineKind::Marker(_)));
    }

    /// A phrase closed after a number word, or "ký số" (a digital signature), asks for no
    /// number: the next line's marker is a clause's (found at stop 58 in a Word copy without
    /// blank lines: "2. … chưa cấp Chứng thư chữ ký số)" / "3. Tổ chức …" were one clause).
    #[test]
    fn a_closed_phrase_or_a_digital_signature_asks_for_no_number() {
        for ending in [
            "chưa cấp Chứng thư chữ ký số)",
            "thực hiện ký số",
            "báo cáo (định kỳ theo tháng)",
        ] {
            let lines = classify(&format!("2. Các cơ quan {ending}\n3. Tổ chức đào tạo.\n"));
            assert!(
                matches!(lines[1].kind, LineKind::Marker(_)),
                "{ending}: {:?}",
                lines[1].kind
            );
        }
        for asks in ["Căn cứ Quyết định số", "Giấy chứng nhận đăng ký số"] {
            let lines = classify(&format!("{asks}\n12. Tổ chức.\n"));
            assert_eq!(lines[1].kind, LineKind::Text, "{asks}");
        }
        // An ordinal or a Party term asks for its numeral, Roman ones too.
        for asks in [
            "tiến tới Đại hội thi đua yêu nước toàn quốc lần thứ",
            "Trung ương Đảng khóa",
        ] {
            let lines = classify(&format!("{asks}\nXI. Sở Văn hóa chủ trì.\n"));
            assert_eq!(lines[1].kind, LineKind::Text, "{asks}");
        }
        let lines = classify("Mục tiêu chung.\nXI. NHIỆM VỤ\n");
        assert!(matches!(lines[1].kind, LineKind::Marker(_)));
    }

    /// A level asks for its number ("… địa bàn cấp độ" / "1. Cấp ngay …" is one item); "trình
    /// độ" does not; nor does any number word take the next item of a list ("… theo từng cấp
    /// độ" / "2. Tổ chức …" after item 1).
    #[test]
    fn a_level_asks_for_its_number() {
        let list = classify(
            "1. Rà soát phương án ứng phó thiên tai theo từng cấp độ\n\
             2. Tổ chức diễn tập tại các xã có nguy cơ cao\n\
             3. Sở Nông nghiệp và Môi trường chủ trì đánh giá mức độ\n\
             4. Sở Tài chính chủ trì bố trí kinh phí thực hiện\n",
        );
        assert!(
            list.iter().all(|l| matches!(l.kind, LineKind::Marker(_))),
            "{list:#?}"
        );
        for (before, marked) in [
            ("ưu tiên địa bàn cấp độ", false),
            ("dịch vụ công trực tuyến mức độ", false),
            ("2. Nâng cao trình độ", true),
        ] {
            let lines = classify(&format!("{before}\n1. Cấp ngay mì tôm.\n"));
            assert_eq!(
                matches!(lines[1].kind, LineKind::Marker(_)),
                marked,
                "{before}"
            );
        }
    }

    /// A dash a wrap put inside a quotation or brackets that the line before opened and the
    /// dash's line closes is text, and its line goes on with the one before; a list after a
    /// colon, or whose brackets close on their own line, keeps its dashes.
    #[test]
    fn a_dash_inside_a_wrapped_quotation_or_bracket_is_text() {
        let text = "1. Tuyên truyền phong trào “Vì người nghèo\n\
                    - Không để ai bị bỏ lại phía sau” trên địa bàn tỉnh.\n\
                    2. Rà soát (phối hợp với Công ty Tân Cảng Cam Ranh\n\
                    - Bộ Quốc phòng) các cảng biển.\n\
                    3. Sở Tài chính (theo quy định):\n\
                    - Bố trí kinh phí (theo dự toán);\n\
                    4. Các sở (gồm\n\
                    - Sở Y tế;\n\
                    - Sở Xây dựng)\n\
                    - Tuyên truyền về phòng, chống tham nhũng (trên các phương tiện\n\
                    - Tổ chức hội nghị (trực tiếp và trực tuyến) cho cán bộ\n\
                    - Duy trì phong trào “Ngày Chủ nhật xanh\n\
                    - Phát động cuộc thi “Tìm hiểu pháp luật” trong đoàn viên\n\
                    + Khám sàng lọc cho người cao tuổi (từ 60 tuổi trở lên\n\
                    + Tiêm chủng mở rộng theo chỉ tiêu tại điểm a)\n";
        let lines = classify(text);
        let kinds: Vec<bool> = lines
            .iter()
            .map(|l| matches!(l.kind, LineKind::Marker(_)))
            .collect();
        assert_eq!(
            kinds,
            [
                true, false, true, false, true, true, true, true, true, true, true, true, true,
                true, true
            ],
            "{lines:#?}"
        );
        let got = paras(text);
        assert!(
            got[0]
                .ends_with("“Vì người nghèo - Không để ai bị bỏ lại phía sau” trên địa bàn tỉnh."),
            "{got:#?}"
        );
        assert!(
            got[1].ends_with("Cam Ranh - Bộ Quốc phòng) các cảng biển."),
            "{got:#?}"
        );
    }

    fn rows_of(text: &str) -> Vec<Vec<String>> {
        let lines = classify(text);
        pipe_tables(&lines, 0, lines.len())
            .into_iter()
            .map(|r| r.cells)
            .collect()
    }

    #[test]
    fn cell_per_line_table() {
        let text = "|\n**TT**\n|\nNội dung\n|\nChủ trì\n|\n|\n**I**\n|\n**NHÓM MỘT**\n|\n|\n1\n|\nViệc một\ndài\n|\nSở Tài chính\n|\n|\n2\n|\nViệc hai\n|\n|\n|\n";
        assert_eq!(
            rows_of(text),
            vec![
                vec!["TT", "Nội dung", "Chủ trì"],
                vec!["I", "NHÓM MỘT"],
                vec!["1", "Việc một dài", "Sở Tài chính"],
                // A trailing empty cell cannot be told from the end of the row.
                vec!["2", "Việc hai"],
            ]
        );
    }

    #[test]
    fn pipes_between_paragraphs_are_not_a_table() {
        let text = "Đoạn một.\n|\nĐoạn hai.\n|\n|\nĐoạn ba.\n";
        assert!(rows_of(text).is_empty());
    }
}
