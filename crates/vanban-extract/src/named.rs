//! Named citations: documents cited by name rather than number — laws ("Luật Tổ chức chính
//! quyền địa phương"), the Constitution, projects ("Đề án 06", "Đề án “Xây dựng …”") and
//! master plans ("Quy hoạch tỉnh Tuyên Quang thời kỳ 2021-2030, tầm nhìn đến năm 2050").

use std::sync::OnceLock;

use regex::Regex;
use vanban_model::{DateParts, DocumentKind};
use vanban_text::{squash_spaces, Sub};

use crate::lists::{
    CODE_NAMES, LAW_COMPOUNDS, MAKING_WORDS, NAME_STOPS, PLAN_WORDS, PROGRAMME_ENDS,
    PROGRAMME_STARTS,
};
use crate::words::word_matches;

/// A named citation as found.
#[derive(Debug, Clone)]
pub(crate) struct NamedFound {
    pub start: usize,
    pub end: usize,
    pub name: String,
    pub kind: DocumentKind,
    /// The date after the name ("Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015"), or only
    /// a year ("Luật Đất đai năm 2024").
    pub date: Option<DateParts>,
    /// Whether a numbered citation beside the name approves the document: then the name is
    /// no citation, it names that decision's document.
    pub approval: Approval,
}

/// The numbered citation that approves name `a`, of `numbered` (where the numbered citations
/// of `text` stand, sorted): the last one before it, in its sentence and at most
/// [`APPROVER_REACH`] bytes back, or the first one after it as near.
pub(crate) fn approving(numbered: &[(usize, usize)], a: &NamedFound, text: &str) -> Option<usize> {
    let near = |from: usize, to: usize| {
        to.saturating_sub(from) <= APPROVER_REACH
            && !text.get(from..to).unwrap_or(";").contains([';', '.'])
    };
    match a.approval {
        Approval::ByBefore => numbered
            .partition_point(|&(s, _)| s < a.start)
            .checked_sub(1)
            .filter(|&k| numbered[k].1 <= a.start && near(numbered[k].1, a.start)),
        Approval::ByAfter => {
            let k = numbered.partition_point(|&(s, _)| s < a.end);
            (k < numbered.len() && near(a.end, numbered[k].0)).then_some(k)
        }
        Approval::None => None,
    }
}

/// How far from the name it approves a decision may be cited, in bytes ("Quyết định số
/// 1746/QĐ-TTg ngày 18 tháng 12 năm 2023 của Thủ tướng Chính phủ về việc phê duyệt …").
const APPROVER_REACH: usize = 300;

/// How a document cited by name stands to a decision that approves it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Approval {
    /// Not approved where it is named: a citation.
    None,
    /// Approved by the numbered citation before it ("Quyết định số 1746/QĐ-TTg … về việc
    /// phê duyệt Quy hoạch tỉnh Phú Yên").
    ByBefore,
    /// Approved by the numbered citation after it ("Chiến lược … được UBND Thành phố phê
    /// duyệt tại Quyết định số 1229/QĐ-UBND").
    ByAfter,
}

/// What the words before a head make of the document: nothing, a thing still to be made,
/// or one the citation before approves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Made {
    No,
    Later,
    Approved,
}

fn date_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"^[ \n]+ng[àa]y[ \n]+(?:(\d{1,2})[ \n]+tháng[ \n]+(\d{1,2})[ \n]+năm[ \n]+(\d{4})|(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}))\b",
        )
        .unwrap_or_else(|e| unreachable!("static pattern: {e}"))
    })
}

fn head_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        // (Two-word heads may wrap: "… của Bộ" / "luật Lao động".)
        Regex::new(
            r"(?:Bộ[ \n][lL]uật|Luật|Hiến[ \n]pháp|Đề[ \n]án|Quy[ \n]hoạch|Chương[ \n]trình|Chiến[ \n]lược|Điều[ \n]lệ[ \n]Đảng|Nghị[ \n]quyết[ \n]Đại[ \n]hội)",
        )
            .unwrap_or_else(|e| unreachable!("static pattern: {e}"))
    })
}

/// How far a quoted project title may run before its closing quote, in bytes.
const QUOTED_TITLE_MAX: usize = 300;

/// Find named citations in `range`, skipping `taken` ranges (numbered citations, sorted).
///
/// Markdown emphasis marks are read through ("Luật Nhập cảnh, xuất cảnh, qu**á** cảnh",
/// "ngày 23 tháng** 1**1 năm 2009"), and so are the spaces around a line break (a PDF text
/// layer's or a Word export's trailing spaces and indentation, a page break blanked: "Luật
/// Ngân sách nhà   " / "    nước"): the search runs on a copy without them, and spans are
/// mapped back to the text.
pub(crate) fn find(text: &str, range: (usize, usize), taken: &[(usize, usize)]) -> Vec<NamedFound> {
    let (from, to) = range;
    let slice = text.sub(from..to);
    // (Both marks are ASCII: a byte search, where a search for a set of characters decodes
    // every character.)
    if memchr::memchr2(b'*', b'_', slice.as_bytes()).is_none()
        && !spaced_breaks(slice)
        && memchr::memmem::find(slice.as_bytes(), b"  ").is_none()
    {
        return find_plain(text, range, taken);
    }
    let (clean, at) = reading_copy(slice, from);
    let back = |i: usize| at[i.min(at.len() - 1)];
    // Taken ranges in clean coordinates.
    let taken_clean: Vec<(usize, usize)> = taken
        .iter()
        .filter(|&&(s, e)| e > from && s < to)
        .map(|&(s, e)| {
            (
                at.partition_point(|&o| o < s),
                at.partition_point(|&o| o < e),
            )
        })
        .collect();
    find_plain(&clean, (0, clean.len()), &taken_clean)
        .into_iter()
        .map(|mut n| {
            // Each byte of `clean` maps to its own byte of `text`: the end is one past the
            // text offset of the last byte.
            n.end = back(n.end.saturating_sub(1)) + 1;
            n.start = back(n.start);
            n
        })
        .collect()
}

fn find_plain(text: &str, range: (usize, usize), taken: &[(usize, usize)]) -> Vec<NamedFound> {
    let (from, to) = range;
    let mut out = Vec::new();
    // End of the last name found: a head inside it ("Luật Luật …") is part of that name, not
    // a new citation, so names never overlap.
    let mut last_end = 0;
    for m in word_matches(head_regex(), text.sub(from..to)) {
        let start = from + m.start();
        if start < last_end || inside(taken, start) {
            continue;
        }
        let head = head_spelling(m.as_str());
        let made = if MADE_HEADS.contains(&head) {
            making(text.sub(from..start))
        } else {
            Made::No
        };
        if made == Made::Later || named_by_other(head, text.sub(from..start)) {
            continue;
        }
        let after_head = start + head.len();
        if head == "Điều lệ Đảng" {
            if let Some(n) = charter_at(text, start, after_head, to) {
                last_end = n.end;
                out.push(n);
            }
            continue;
        }
        // (A wrap may stand between the head and the name: "… Điều 3 Luật" / "Quản lý …".)
        let Some(first) = text.sub(after_head..to).strip_prefix([' ', '\n']) else {
            continue;
        };
        let quoted_head = text.sub(from..start).ends_with(['“', '"']);
        let named = if quoted_head && (head == "Chương trình" || head == "Chiến lược") {
            quoted_name(head, text.sub(after_head..to))
        } else {
            name_after(head, first)
        };
        let Some((kind, len)) = named else {
            continue;
        };
        let end = after_head + 1 + len;
        let approval = if made == Made::Approved {
            Approval::ByBefore
        } else if MADE_HEADS.contains(&head) && approved_after(text.sub(end..to)) {
            Approval::ByAfter
        } else {
            Approval::None
        };
        let name = squash_spaces(&text.sub(start..end).replace(['*', '_'], ""))
            .trim_end_matches([',', ' '])
            .to_owned();
        if name.chars().count() <= head.chars().count() + 2 {
            continue;
        }
        let (date, date_len) = date_after(text.sub(end..to));
        // (A year alone after a programme, a strategy or a plan is the year of the work it
        // speaks of, "… giảm nghèo bền vững năm 2026", not the document's.)
        let date = date.filter(|d| d.day.is_some() || law_like(kind));
        let (name, date) = match bare_year(&name, kind) {
            Some((n, year)) if date.is_none() => (n, Some(year)),
            _ => (name, date),
        };
        let end = end + date_len;
        last_end = end;
        out.push(NamedFound {
            start,
            end,
            name,
            kind,
            date,
            approval,
        });
    }
    out
}

/// Whether a document kind is a law, a code or the Constitution.
fn law_like(kind: DocumentKind) -> bool {
    matches!(
        kind,
        DocumentKind::Law | DocumentKind::Code | DocumentKind::Constitution
    )
}

/// Whether the words right before a programme's or strategy's head (`before`) make it no
/// document cited by name: many of them ("các Chương trình …", "những Chiến lược …"), or
/// part of a body's name ("Viện Chiến lược Phát triển giao thông vận tải", "Văn phòng Điều
/// phối Chương trình …").
fn named_by_other(head: &str, before: &str) -> bool {
    if head != "Chương trình" && head != "Chiến lược" {
        return false;
    }
    // (The last words only: a line of many heads reads a few bytes before each.)
    let near = before.sub(vanban_text::floor(before, before.len().saturating_sub(32))..);
    let line = near.rsplit('\n').next().unwrap_or("").trim_end();
    let last = line.rsplit(' ').next().unwrap_or("");
    ["các", "Các", "những", "Những", "Viện", "Quỹ"].contains(&last)
        || ["Điều phối", "Quản lý", "Văn phòng", "Trung tâm"]
            .iter()
            .any(|w| line.ends_with(&format!(" {w}")) || line == *w)
}

/// A head in its one-line spelling, whatever wrap stands inside it.
fn head_spelling(matched: &str) -> &'static str {
    match matched {
        "Luật" => "Luật",
        h if h.starts_with("Bộ") => "Bộ luật",
        h if h.starts_with("Hiến") => "Hiến pháp",
        h if h.starts_with("Đề") => "Đề án",
        h if h.starts_with("Chương") => "Chương trình",
        h if h.starts_with("Chiến") => "Chiến lược",
        h if h.starts_with("Điều") => "Điều lệ Đảng",
        h if h.starts_with("Nghị") => "Nghị quyết Đại hội",
        _ => "Quy hoạch",
    }
}

/// The Party's charter, a name of its own ("Căn cứ Điều lệ Đảng;", "Điều lệ Đảng Cộng sản
/// Việt Nam"), at `start`; none when a word goes on from the head ("Điều lệ Đảngviên").
fn charter_at(text: &str, start: usize, after_head: usize, to: usize) -> Option<NamedFound> {
    let rest = text.sub(after_head..to);
    if rest.starts_with(char::is_alphanumeric) {
        return None;
    }
    let len = strip_words(rest, " Cộng sản Việt Nam").map_or(0, |r| rest.len() - r.len());
    let end = after_head + len;
    Some(NamedFound {
        start,
        end,
        name: squash_spaces(text.sub(start..end)),
        kind: DocumentKind::Charter,
        date: None,
        approval: Approval::None,
    })
}

/// The kind of document a head names and the byte length of its name in `first` (the text
/// after the head and one space or line break), if a name stands there.
fn name_after(head: &str, first: &str) -> Option<(DocumentKind, usize)> {
    // (The name's first words as one line: a wrap may fall among the words in small letters
    // that open it, "Bộ luật hàng" / "hải Việt Nam", "Luật về" / "Quản lý, …", and the name
    // was lost.)
    let opening = flat_opening(first);
    let first_words = opening.as_ref();
    match head {
        "Đề án" => {
            if first.starts_with('“') || first.starts_with('"') {
                // Đề án “Xây dựng …”.
                Some((DocumentKind::ProjectProposal, quoted_title_len(first)?))
            } else if first.starts_with(|c: char| c.is_ascii_digit()) {
                // "Đề án 06".
                let n = first.chars().take_while(char::is_ascii_digit).count();
                Some((DocumentKind::ProjectProposal, n))
            } else {
                None
            }
        }
        "Quy hoạch" => {
            if !first.starts_with(|c: char| c.is_uppercase())
                && !PLAN_WORDS.iter().any(|w| first_words.starts_with(w))
            {
                return None;
            }
            let mut end = name_end(first, true);
            // "…, tầm nhìn đến năm 2050" belongs to the name.
            let tail = first.sub(end..);
            if let Some(t) = strip_words(tail, ", tầm nhìn đến năm ") {
                let digits = t.chars().take_while(char::is_ascii_digit).count();
                if digits == 4 {
                    end += tail.len() - t.len() + 4;
                }
            }
            Some((DocumentKind::Unknown, end))
        }
        "Chương trình" | "Chiến lược" => programme_name(head, first),
        "Nghị quyết Đại hội" => {
            congress_resolution(first).map(|n| (DocumentKind::Resolution, n))
        }
        "Luật" if amending_title(first).is_some() => {
            Some((DocumentKind::Law, amending_title(first).unwrap_or(0)))
        }
        _ => {
            // Laws and the Constitution: the name starts with a capital; the codes are also
            // written in lower case ("Bộ luật hàng hải Việt Nam").
            let lower_code =
                head == "Bộ luật" && CODE_NAMES.iter().any(|n| first_words.starts_with(n));
            // "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam".
            let constitution =
                head == "Hiến pháp" && CODE_NAMES.iter().any(|n| first_words.starts_with(n));
            // "Luật về Quản lý, sử dụng vũ khí …": the name may open with "về".
            let about = head == "Luật"
                && first_words
                    .strip_prefix("về ")
                    .is_some_and(|r| r.starts_with(|c: char| c.is_uppercase()));
            if !first.starts_with(|c: char| c.is_uppercase())
                && !lower_code
                && !constitution
                && !about
            {
                return None;
            }
            let kind = match head {
                "Bộ luật" => DocumentKind::Code,
                "Hiến pháp" => DocumentKind::Constitution,
                _ => DocumentKind::Law,
            };
            Some((kind, name_end(first, false)))
        }
    }
}

/// The first words of a name (up to 80 bytes) with each line break, and the indent after it,
/// read as one space; borrowed when no line break is among them.
fn flat_opening(first: &str) -> std::borrow::Cow<'_, str> {
    let window = vanban_text::window(first, 0, 80);
    if !window.contains('\n') {
        return std::borrow::Cow::Borrowed(window);
    }
    let mut flat = String::with_capacity(window.len());
    for (k, line) in window.split('\n').enumerate() {
        if k > 0 {
            flat.push(' ');
        }
        flat.push_str(if k > 0 { line.trim_start() } else { line });
    }
    std::borrow::Cow::Owned(flat)
}

/// A programme or strategy whose name stands in quotation marks with its head (“Chương trình
/// phòng ngừa và ứng phó với bạo lực trên cơ sở giới giai đoạn 2021 - 2025”): the name runs
/// to the closing mark. `rest` is the text after the head.
fn quoted_name(head: &str, rest: &str) -> Option<(DocumentKind, usize)> {
    let close = rest
        .sub(..vanban_text::floor(rest, QUOTED_TITLE_MAX))
        .find(['”', '"'])?;
    let kind = programme_kind(head);
    // (The length counts from the space after the head.)
    close.checked_sub(1).filter(|&n| n > 0).map(|n| (kind, n))
}

/// A law's name that ends with a bare year ("Luật BVMT 2020", "Luật Đất đai 2024"): the name
/// without it, and the year as the law's date (as "năm 2020" after the name gives).
fn bare_year(name: &str, kind: DocumentKind) -> Option<(String, DateParts)> {
    if !matches!(kind, DocumentKind::Law | DocumentKind::Code) {
        return None;
    }
    let (rest, last) = name.rsplit_once(' ')?;
    let year: u16 = last.parse().ok().filter(|y| (1945..=2100).contains(y))?;
    // (At least two words of name stay: "Luật 2020" names nothing.)
    (rest.split(' ').count() >= 2).then(|| {
        let parts = DateParts {
            day: None,
            month: None,
            year: Some(year),
        };
        (rest.to_owned(), parts)
    })
}

/// The length of a quoted title at the start of `first`, its marks included (“Xây dựng …”),
/// closed within a bounded window (an unclosed quote costs a window, not the rest of the
/// text).
fn quoted_title_len(first: &str) -> Option<usize> {
    let open = first.chars().next().map_or(1, char::len_utf8);
    let close = first
        .sub(open..open + QUOTED_TITLE_MAX)
        .find(['”', '"'])
        .map(|p| p + open)?;
    let q = first.sub(close..).chars().next().map_or(1, char::len_utf8);
    Some(close + q)
}

/// The kind of a programme's or a strategy's head (a strategy has no kind of its own).
fn programme_kind(head: &str) -> DocumentKind {
    if head == "Chương trình" {
        DocumentKind::Programme
    } else {
        DocumentKind::Unknown
    }
}

/// Heads of documents a making word before them (`data/making-words.tsv`) leaves uncited.
const MADE_HEADS: [&str; 3] = ["Chương trình", "Chiến lược", "Quy hoạch"];

/// Whether the words after a name say which decision approved it ("Chiến lược dữ liệu thành
/// phố Hà Nội đến năm 2030 được UBND Thành phố phê duyệt tại Quyết định số …"): the
/// document is that decision's, cited there.
fn approved_after(rest: &str) -> bool {
    let window = rest.sub(..vanban_text::floor(rest, APPROVED_REACH));
    let clause = window.split([';', '.']).next().unwrap_or("");
    let clause = squash_spaces(clause);
    // (Only with a numbered decision after the words: "… đã được phê duyệt theo quy định"
    // names none, and the name stays a citation.)
    ["phê duyệt tại", "phê duyệt theo", "phê duyệt bởi"]
        .iter()
        .filter_map(|w| clause.find(w).map(|p| p + w.len()))
        .any(|p| {
            clause
                .sub(p..)
                .split(" số ")
                .nth(1)
                .is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()))
        })
}

/// How many bytes after a name [`approved_after`] reads.
const APPROVED_REACH: usize = 80;

/// How many bytes before a head the making words are looked for in (the longest, "chủ trương
/// đầu tư ", is 26).
const MAKING_REACH: usize = 48;

/// What the words right before a head (`before`, the text up to it) make of the document:
/// one still to be made ("Xây dựng Chương trình …") or one the citation before approves ("…
/// về việc phê duyệt Quy hoạch tỉnh …").
fn making(before: &str) -> Made {
    let tail = before.sub(vanban_text::floor(before, before.len().saturating_sub(MAKING_REACH))..);
    // (A quoted name: "… về phê duyệt “Chương trình …”".)
    let tail = squash_spaces(&tail.to_lowercase());
    let tail = tail.trim_end_matches(['“', '"', ' ']);
    let right_before = MAKING_WORDS.iter().find(|w| {
        tail.strip_suffix(*w)
            .is_some_and(|b| b.is_empty() || b.ends_with(' '))
    });
    match right_before {
        Some(&w) if w == APPROVING_WORD => Made::Approved,
        Some(_) => Made::Later,
        // ("… để xây dựng Khung Kiến trúc số thành phố Hà Nội và Chiến lược …": the making
        // word governs both.)
        None if joined_to_made(before) => Made::Later,
        None => Made::No,
    }
}

/// The making word of a decision that approves the document named after it (of
/// `data/making-words.tsv`).
const APPROVING_WORD: &str = "phê duyệt";

/// Whether `before` (the text up to a head) ends with "và" after a thing a making word
/// names, in the same clause.
fn joined_to_made(before: &str) -> bool {
    let tail = before.sub(vanban_text::floor(before, before.len().saturating_sub(JOINED_REACH))..);
    let clause = squash_spaces(tail.rsplit([';', '.', ':', ',']).next().unwrap_or(""));
    let Some(made) = clause.trim_end().strip_suffix(" và") else {
        return false;
    };
    // The making word's object is a thing with a name of its own, in capitals ("xây dựng
    // Khung Kiến trúc số … và"); "xây dựng nông thôn mới và", "xây dựng hạ tầng và" are
    // activities, and a making word inside a programme's name is no making.
    // (The words are found in small letters, once; their places are the text's when small
    // letters take the bytes capitals do, as Vietnamese letters' do.)
    let lower = made.to_lowercase();
    if lower.len() != made.len() {
        return false;
    }
    MAKING_WORDS.iter().any(|w| {
        let at = if lower.starts_with(w) {
            Some(0)
        } else {
            lower.find(&format!(" {w} ")).map(|p| p + 1)
        };
        at.is_some_and(|p| {
            made.sub(p..)
                .get(w.len()..)
                .is_some_and(|o| o.trim_start().starts_with(char::is_uppercase))
        })
    })
}

/// How many bytes before a head [`joined_to_made`] reads.
const JOINED_REACH: usize = 120;

/// The name of a programme or strategy after its head: a quoted title (“Quan trắc môi trường
/// …”), or words that open a name (`data/programme-starts.tsv`; a strategy also in capitals,
/// "Chiến lược Bảo vệ môi trường quốc gia") up to a stop word, going on through " về "
/// ("Chiến lược quốc gia về tài nguyên nước"), "đến năm 2030" and a " số " that is no number
/// ("chuyển đổi số", "dân tộc thiểu số"), and ending before what says where or by whom
/// (`PROGRAMME_ENDS`). A programme of the national goals is named only with what it is
/// about: "Chương trình mục tiêu quốc gia giai đoạn 2021 - 2025" names them all. A name cut
/// at the word limit is none (a list of programmes, or a name too long to hold whole).
fn programme_name(head: &str, first: &str) -> Option<(DocumentKind, usize)> {
    let kind = programme_kind(head);
    if first.starts_with(['“', '"']) {
        return Some((kind, quoted_title_len(first)?));
    }
    // (Line breaks read as spaces, one byte each: offsets are the text's. "… mục tiêu quốc
    // gia" / "phòng, chống …" opens a name as one line does.)
    let flat = first
        .sub(..vanban_text::floor(first, 400))
        .replace('\n', " ");
    let opens = PROGRAMME_STARTS.iter().any(|w| flat.starts_with(w))
        || (head == "Chiến lược" && first.starts_with(char::is_uppercase));
    if !opens {
        return None;
    }
    let mut end = name_end_within(&flat, false, PROGRAMME_WORDS);
    while let Some(more) = programme_goes_on(flat.sub(..end), flat.sub(end..)) {
        end += more;
    }
    let mut name = flat.sub(..end).trim_end();
    name = name.strip_suffix(" đến").unwrap_or(name);
    if let Some(cut) = PROGRAMME_ENDS.iter().filter_map(|e| name.find(e)).min() {
        name = name.sub(..cut);
    }
    // (Three words of name at least after the head: "Chương trình hỗ trợ" names none.)
    let words = name.split_whitespace().count();
    if !(PROGRAMME_LEAST_WORDS..PROGRAMME_WORDS).contains(&words) {
        return None;
    }
    let what = name.strip_prefix("mục tiêu quốc gia").map(str::trim_start);
    if what.is_some_and(|w| w.is_empty() || NATIONAL_GOALS_ALL.iter().any(|g| w.starts_with(g))) {
        return None;
    }
    Some((kind, name.len()))
}

/// The most words of a programme's or strategy's name ("… phát triển kinh tế - xã hội vùng
/// đồng bào dân tộc thiểu số và miền núi giai đoạn 2021 - 2030" is 22).
const PROGRAMME_WORDS: usize = 32;

/// The fewest words of a programme's or strategy's name after its head.
const PROGRAMME_LEAST_WORDS: usize = 3;

/// Words after "Chương trình mục tiêu quốc gia" that speak of all the programmes, not one
/// ("giai đoạn 2021 - 2025", "thành phố" in "Ban Chỉ đạo các Chương trình mục tiêu quốc gia
/// thành phố").
const NATIONAL_GOALS_ALL: [&str; 7] = [
    "giai đoạn",
    "thành phố",
    "tỉnh",
    "trên",
    "cấp",
    "thuộc",
    "như",
];

/// How many more bytes of `rest` a programme's name `name` goes on over, if it does: " về "
/// and the name after it, "năm 2030" after "đến", " số" that no number follows and the words
/// after it.
fn programme_goes_on(name: &str, rest: &str) -> Option<usize> {
    if let Some(r) = rest
        .strip_prefix(" về ")
        .filter(|r| r.starts_with(char::is_lowercase))
    {
        let n = " về ".len() + name_end(r, false);
        return Some(n).filter(|&n| n > " về ".len());
    }
    if name.ends_with(" đến") {
        let r = rest.strip_prefix(" năm ")?;
        let digits = r.bytes().take_while(u8::is_ascii_digit).count();
        return (digits == 4).then_some(" năm ".len() + 4);
    }
    // ("Chiến lược phát triển kinh tế - xã hội 10 năm 2021 - 2030": a span of years.)
    let last = name.rsplit(' ').next().unwrap_or("");
    if (1..=2).contains(&last.len()) && last.bytes().all(|b| b.is_ascii_digit()) {
        let r = rest.strip_prefix(" năm ")?;
        return period_len(r).map(|n| " năm ".len() + n);
    }
    let r = rest.strip_prefix(" số")?;
    if r.starts_with(char::is_alphanumeric)
        || r.trim_start().starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    // (The words after it read with the space before them, so that a stop there ends the
    // name: "… chuyển đổi số của Bộ".)
    let words = r
        .strip_prefix(' ')
        .is_some_and(|w| w.starts_with(char::is_lowercase));
    Some(" số".len() + if words { name_end(r, false) } else { 0 })
}

/// The length of a year or a span of years at the start of `r` ("2021", "2021 - 2030",
/// "2021-2030").
fn period_len(r: &str) -> Option<usize> {
    let year = |t: &str| t.len() >= 4 && t.bytes().take(4).all(|b| b.is_ascii_digit());
    if !year(r) {
        return None;
    }
    let after = r.sub(4..);
    let dash = ["-", " - ", " – ", "–"]
        .iter()
        .find_map(|d| after.strip_prefix(d).filter(|t| year(t)).map(|_| d.len()));
    Some(4 + dash.map_or(0, |d| d + 4))
}

/// The name of a resolution of the Party's national congress after "Nghị quyết Đại hội":
/// its words up to the congress's number ("đại biểu toàn quốc lần thứ XIII", "Đảng toàn quốc
/// lần thứ XIII", "lần thứ XIII", "XIII") and "của Đảng" after it. None without a number
/// within twelve words, and none for a congress of a Party committee ("Đảng bộ tỉnh lần thứ
/// XX", "Đảng bộ các cấp"): the name says no province, and one id would stand for every
/// province's.
fn congress_resolution(first: &str) -> Option<usize> {
    // (Line breaks read as spaces, one byte each: "… toàn quốc lần" / "thứ XIII".)
    let window = first
        .sub(..vanban_text::floor(first, 160))
        .replace('\n', " ");
    let window = window.as_str();
    let numbered = |t: &str| t.split(' ').next().map_or(0, roman_or_digits);
    // ("Đại hội XIII của Đảng": the number first; else after "lần thứ".)
    let (at, digits) = match (numbered(window), window.find("lần thứ ")) {
        (0, Some(at)) => (
            at + "lần thứ ".len(),
            numbered(window.sub(at + "lần thứ ".len()..)),
        ),
        (n, _) => (0, n),
    };
    let before = window.sub(..at);
    if digits == 0
        || before.split_whitespace().count() > 12
        || before.contains([';', '.', ','])
        || before.contains("Đảng bộ")
        || before.contains("Đại hội")
    {
        return None;
    }
    let end = at + digits;
    let rest = window.sub(end..);
    let party = strip_words(rest, " của Đảng")
        .filter(|r| !r.starts_with(char::is_alphanumeric))
        .map_or(0, |r| rest.len() - r.len());
    let national = before.contains("toàn quốc") || party > 0;
    national.then_some(end + party)
}

/// The length of a congress's number at the start of a word: Roman ("XIII") or digits.
fn roman_or_digits(w: &str) -> usize {
    let n = w
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, 'I' | 'V' | 'X' | 'L')))
        .unwrap_or(w.len());
    let all_digits = w.sub(..n).bytes().all(|b| b.is_ascii_digit());
    let all_roman = w
        .sub(..n)
        .bytes()
        .all(|b| matches!(b, b'I' | b'V' | b'X' | b'L'));
    if all_digits || all_roman {
        n
    } else {
        0
    }
}

/// Each name of `names` where it stands in `flat`, as `match_indices` finds it (left to right,
/// not overlapping itself): the places of the names' first words are found once, and each
/// name is tried only there.
fn mentions<'a>(flat: &str, names: &'a [String]) -> Vec<(&'a str, usize)> {
    let first = |n: &'a str| n.split(' ').next().unwrap_or(n);
    let mut firsts: Vec<&str> = names.iter().map(|n| first(n)).collect();
    firsts.sort_unstable();
    firsts.dedup();
    let mut places: Vec<usize> = firsts
        .iter()
        .filter(|w| !w.is_empty())
        .flat_map(|w| memchr::memmem::find_iter(flat.as_bytes(), w.as_bytes()))
        .collect();
    places.sort_unstable();
    let mut out = Vec::new();
    for name in names {
        let mut next = 0;
        for &p in &places {
            if p >= next && flat.sub(p..).starts_with(name.as_str()) {
                out.push((name.as_str(), p));
                next = p + name.len().max(1);
            }
        }
    }
    out
}

/// Laws the document names elsewhere, mentioned again in lower case ("… quy định chi tiết
/// một số điều của luật quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ" after "Luật
/// số 42/2024/QH15 … về Quản lý, sử dụng vũ khí …"): each mention in `range` outside `taken`
/// (sorted). `names` are folded ("luật quản lý, …"); a wrap may stand inside a mention.
pub(crate) fn find_known(
    text: &str,
    folded: &str,
    range: (usize, usize),
    taken: &[(usize, usize)],
    names: &[String],
) -> Vec<NamedFound> {
    if names.is_empty() {
        // (Most documents name no law: nothing to copy.)
        return Vec::new();
    }
    let (from, to) = range;
    let slice = folded.sub(from..to);
    // A PDF's text layer keeps trailing spaces and indentation ("… CỦA LUẬT   " / "    PHÒNG
    // THỦ DÂN SỰ"), a Word export double spaces: the range is read with each run of spaces
    // holding at most one line feed as one space.
    let (flat, shifts) = single_spaced(slice);
    // Every whole-word mention, as (start, end) in `flat`.
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for (name, p) in mentions(&flat, names) {
        let end = p + name.len();
        let whole = vanban_text::whole_word(&flat, p, end);
        // ("kỷ luật cán bộ, công chức": discipline, not the law.)
        let compound = flat
            .sub(..p)
            .trim_end()
            .rsplit(' ')
            .next()
            .is_some_and(|w| LAW_COMPOUNDS.contains(&w));
        if whole && !compound {
            spans.push((p, end));
        }
    }
    // The longest mention at a place: "luật sửa đổi, … của luật tiêu chuẩn và quy chuẩn kỹ
    // thuật" holds "luật tiêu chuẩn và quy chuẩn kỹ thuật", which is then no mention of its
    // own.
    spans.sort_by_key(|&(s, e)| (s, std::cmp::Reverse(e)));
    let mut out: Vec<NamedFound> = Vec::new();
    let mut last_end = 0;
    for (p, end) in spans {
        // (A name ends with a letter, whose place is exact.)
        let (start, stop) = (from + shifts.place(p), from + shifts.place(end - 1) + 1);
        if p < last_end || inside(taken, start) || inside(taken, stop - 1) {
            continue;
        }
        last_end = end;
        out.push(NamedFound {
            start,
            end: stop,
            name: squash_spaces(text.sub(start..stop)),
            kind: DocumentKind::Law,
            date: None,
            approval: Approval::None,
        });
    }
    out
}

/// `slice` with each run of spaces and line feeds that holds at most one line feed as one
/// space (a blank line stays as spaces, which no name spans), and where the copy's bytes moved:
/// from each place of the copy listed on, its bytes stand that much further on in `slice`
/// (see [`Shifts::place`]). Spaces and line feeds are ASCII, so the text between them is
/// copied whole.
fn single_spaced(slice: &str) -> (String, Shifts) {
    let mut shifts = Shifts(Vec::new());
    // Most ranges have no such run: a line feed then reads as a space, nothing moves.
    if memchr::memmem::find(slice.as_bytes(), b"  ").is_none() && !spaced_breaks(slice) {
        return (slice.replace('\n', " "), shifts);
    }
    let b = slice.as_bytes();
    let mut out = String::with_capacity(slice.len());
    let (mut i, mut copied) = (0, 0);
    while let Some(k) = memchr::memchr2(b' ', b'\n', b.get(i..).unwrap_or_default()) {
        let ws = i + k;
        let mut e = ws;
        let mut feeds = 0;
        while let Some(&c @ (b' ' | b'\n')) = b.get(e) {
            feeds += usize::from(c == b'\n');
            e += 1;
        }
        i = e;
        if e - ws == 1 && feeds == 0 {
            // (One space: left in the text copied whole.)
            continue;
        }
        out.push_str(slice.sub(copied..ws));
        copied = e;
        let kept = if feeds <= 1 { 1 } else { e - ws };
        out.extend(std::iter::repeat_n(' ', kept));
        if kept < e - ws {
            shifts.0.push((out.len(), e - ws - kept + shifts.shift()));
        }
    }
    out.push_str(slice.sub(copied..));
    (out, shifts)
}

/// Where the bytes of a copy made by [`single_spaced`] stand in its text: (place in the copy,
/// how far on the bytes from there stand), in order.
struct Shifts(Vec<(usize, usize)>);

impl Shifts {
    /// The shift of the last place listed.
    fn shift(&self) -> usize {
        self.0.last().map_or(0, |&(_, s)| s)
    }

    /// The place in the text of byte `i` of the copy.
    fn place(&self, i: usize) -> usize {
        let k = self.0.partition_point(|&(at, _)| at <= i);
        i + k.checked_sub(1).map_or(0, |k| self.0[k].1)
    }
}

/// Whether a line break in `slice` has a space beside it (" \n", "\n "): a line's trailing
/// spaces or the next line's indentation.
fn spaced_breaks(slice: &str) -> bool {
    let b = slice.as_bytes();
    memchr::memmem::find(b, b" \n").is_some() || memchr::memmem::find(b, b"\n ").is_some()
}

/// `slice` (which starts at `from` in the text) without Markdown's "*" and "_", each line
/// break inside a paragraph without the spaces around it (a run of spaces holding one line
/// feed becomes that line feed; a blank line, spaces or not, stays as it is), and the text
/// offset of each byte of what is left (and one past the end). The runs between are copied
/// whole with the offsets of their bytes (a push a character and an offset a byte had cost
/// over a third of this reader).
fn reading_copy(slice: &str, from: usize) -> (String, Vec<usize>) {
    let b = slice.as_bytes();
    let mut clean = String::with_capacity(slice.len());
    let mut at: Vec<usize> = Vec::with_capacity(slice.len() + 1);
    let mut run = 0;
    for i in memchr::memchr3_iter(b'*', b'_', b'\n', b) {
        if b[i] != b'\n' {
            clean.push_str(slice.sub(run..i));
            at.extend(from + run..from + i);
            run = i + 1;
            continue;
        }
        let mut after = i + 1;
        while b.get(after) == Some(&b' ') {
            after += 1;
        }
        let mut before = i;
        while before > run && b[before - 1] == b' ' {
            before -= 1;
        }
        if b.get(after) == Some(&b'\n') || (before == i && after == i + 1) {
            // A blank line, or a bare line feed: copied as it is.
            continue;
        }
        clean.push_str(slice.sub(run..before));
        at.extend(from + run..from + before);
        clean.push('\n');
        at.push(from + i);
        run = after;
    }
    clean.push_str(slice.sub(run..));
    at.extend(from + run..from + slice.len());
    at.push(from + slice.len());
    if memchr::memmem::find(clean.as_bytes(), b"  ").is_some() {
        return justified_spaces_read_as_one(&clean, &at);
    }
    (clean, at)
}

/// `clean` (with the offsets `at` of its bytes) with each run of two or three spaces read as
/// one: a justified line of a PDF's text layer spreads its words ("Căn  cứ  Luật  Ngân
/// sách"). A wider gap stays, since it parts columns laid side by side.
fn justified_spaces_read_as_one(clean: &str, at: &[usize]) -> (String, Vec<usize>) {
    let b = clean.as_bytes();
    let mut out = String::with_capacity(clean.len());
    let mut out_at = Vec::with_capacity(at.len());
    let mut run = 0;
    let mut i = 0;
    while let Some(k) = memchr::memmem::find(b.get(i..).unwrap_or_default(), b"  ") {
        let start = i + k;
        let mut end = start;
        while b.get(end) == Some(&b' ') {
            end += 1;
        }
        if end - start <= 3 {
            out.push_str(clean.sub(run..=start));
            out_at.extend_from_slice(&at[run..=start]);
            run = end;
        }
        i = end;
    }
    out.push_str(clean.sub(run..));
    out_at.extend_from_slice(&at[run..]);
    (out, out_at)
}

/// The name of a law cited by number that follows it after "về" ("Luật số 42/2024/QH15
/// ngày 29/6/2024 về Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ"), if it starts
/// with a capital.
pub(crate) fn about_name(rest: &str) -> Option<String> {
    let rest = rest.trim_start_matches([' ', '\n', ',']);
    let first = rest
        .strip_prefix("về")
        .map(|r| r.trim_start_matches([' ', '\n']))?;
    if !first.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let name = squash_spaces(first.sub(..name_end(first, false)));
    (name.split(' ').count() >= 2).then_some(name)
}

/// The byte length of an amending law's title in `first` (the text after "Luật "): "sửa
/// đổi, bổ sung một số điều của Luật Bảo hiểm y tế" — the law is named by the laws it amends,
/// each of whose names ends as a law's name does, listed after commas or "và" ("… của Luật
/// Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương"), also without "một số điều
/// của" ("sửa đổi, bổ sung Luật Đất đai"). A wrap may stand anywhere in it.
fn amending_title(first: &str) -> Option<usize> {
    // ("Luật " / "sửa đổi, …": the wrap after the head.)
    let lead = first.len() - first.trim_start_matches([' ', '\n']).len();
    let first = first.sub(lead..);
    let head = vanban_text::floor(first, 160);
    let flat = first.sub(..head).replace('\n', " ");
    if !starts_amending(&flat) {
        return None;
    }
    let mut at = amended_head(&flat)?;
    // (A list of at most `AMENDED_MOST` laws: the longest real ones name a few dozen.)
    for _ in 0..AMENDED_MOST {
        let end = at + name_end(first.sub(at..), false);
        match next_amended(first.sub(end..)) {
            Some(k) => at = end + k,
            None => return Some(lead + end),
        }
    }
    Some(lead + at + name_end(first.sub(at..), false))
}

/// The most laws an amending title's list is read through.
const AMENDED_MOST: usize = 64;

/// Where the first law an amending title amends is named: its head ("Luật", "Bộ luật")
/// before a capital, after "sửa đổi" and words in small letters.
fn amended_head(flat: &str) -> Option<usize> {
    let mut from = 0;
    loop {
        let r = flat.get(from..)?;
        let (p, head) = [" Luật ", " Bộ luật "]
            .into_iter()
            .filter_map(|h| r.find(h).map(|p| (p, h.len())))
            .min()?;
        let at = from + p + 1;
        // (The words before it in small letters but the first, in the same clause: "sửa đôi,
        // Sửa đổi, bổ sung Luật Bảo vệ" is a scan's columns run together, "các Luật sửa đổi, bổ
        // sung có hiệu lực từ ngày 01/7/2025." / "2. … Luật Đất đai" names no law it amends.)
        let lower = flat.sub(..at).chars().skip(1).all(|c| {
            !c.is_uppercase() && !c.is_ascii_digit() && !matches!(c, '.' | ';' | ':' | '(' | ')')
        });
        if lower && flat.sub(at + head - 1..).starts_with(char::is_uppercase) {
            return Some(at);
        }
        from = at;
    }
}

/// After an amended law's name, the place of the next one's head in a list (", Luật …", " và
/// Luật …", ", Bộ luật …"), a wrap counting as a space.
fn next_amended(rest: &str) -> Option<usize> {
    let near = rest.sub(..vanban_text::floor(rest, 24));
    // (A copy only where a wrap stands in it: the title's words are tried one by one.)
    let near: std::borrow::Cow<'_, str> = if near.contains('\n') {
        near.replace('\n', " ").into()
    } else {
        near.into()
    };
    let after = near
        .strip_prefix(", ")
        .or_else(|| near.strip_prefix(" và "))?
        .trim_start();
    let skipped = near.len() - after.len();
    let head = ["Luật ", "Bộ luật "]
        .into_iter()
        .find(|h| after.starts_with(h))?;
    // (Not another amending law: "…, Luật Sửa đổi, bổ sung …" is a citation of its own.)
    let name = after.sub(head.len()..);
    (name.starts_with(char::is_uppercase) && !starts_amending(name)).then_some(skipped)
}

/// Whether a law's name after "Luật" opens with "sửa đổi" (or, as a title is written,
/// "Sửa đổi"), also with a mark OCR lost ("Luật sửa đôi, bổ sung …").
fn starts_amending(name: &str) -> bool {
    static AMENDING: std::sync::LazyLock<String> =
        std::sync::LazyLock::new(|| vanban_text::loose::unmarked("sửa đổi"));
    // (Written in small letters as the exact words are: "s" is no mark's.)
    name.starts_with("sửa đổi")
        || name.starts_with("Sửa đổi")
        || (name.starts_with('s') && vanban_text::loose::starts_with_unmarked(name, &AMENDING))
}

/// The laws an amending law amends, by its title: "Luật Bảo hiểm y tế" for "Luật sửa đổi, bổ
/// sung một số điều của Luật Bảo hiểm y tế" (also without the head "Luật", as a numbered law's
/// name is kept: "sửa đổi, bổ sung một số điều của Luật …"); each of a list ("… của Luật Quy
/// hoạch, Luật Đầu tư và Luật Đấu thầu": three).
pub(crate) fn amended_laws(title: &str) -> Vec<String> {
    let t = squash_spaces(title);
    let rest = t.strip_prefix("Luật ").unwrap_or(&t);
    if !starts_amending(rest) {
        return Vec::new();
    }
    let Some(mut at) = amended_head(rest) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    while out.len() < AMENDED_MOST {
        // (The name as the title holds it: to the next head of the list, or the end.)
        let end = next_head_in(rest, at).unwrap_or(rest.len());
        let name = rest.sub(at..end).trim_end();
        let name = name
            .strip_suffix(" và")
            .or_else(|| name.strip_suffix(','))
            .unwrap_or(name);
        out.push(name.to_owned());
        match next_amended(rest.sub(end..)) {
            Some(k) => at = end + k,
            None => break,
        }
    }
    out
}

/// Where a list of amended laws goes on after the name that starts at `at`: the byte just
/// after that name (before ", " or " và "), found as `next_amended` finds the next one.
fn next_head_in(rest: &str, at: usize) -> Option<usize> {
    let mut from = at + 1;
    while let Some(p) = rest.get(from..).and_then(|r| r.find([',', ' '])) {
        let end = from + p;
        if next_amended(rest.sub(end..)).is_some() {
            return Some(end);
        }
        from = end + 1;
    }
    None
}

/// The date just after a name and its byte length: "Luật Tổ chức Chính phủ ngày 19 tháng 6
/// năm 2015" (the date belongs to the citation), "Luật Đất đai năm 2024" (the year only, not
/// counted in the citation's span).
fn date_after(rest: &str) -> (Option<DateParts>, usize) {
    if let Some(c) = date_regex().captures(date_reach(rest)) {
        let num = |a: usize, b: usize| c.get(a).or_else(|| c.get(b)).map(|m| m.as_str());
        let d = DateParts {
            day: num(1, 4).and_then(|n| n.parse().ok()),
            month: num(2, 5).and_then(|n| n.parse().ok()),
            year: num(3, 6).and_then(|n| n.parse().ok()),
        };
        return (Some(d), c.get(0).map_or(0, |m| m.end()));
    }
    let year = strip_words(rest, " năm ")
        .and_then(|t| t.get(..4))
        .and_then(|y| y.parse().ok())
        .map(|y| DateParts {
            day: None,
            month: None,
            year: Some(y),
        });
    (year, 0)
}

/// `text` after `phrase` at its start, each space of the phrase matching a run of spaces with
/// at most one line feed in the text (a line wrap: ", tầm" / "nhìn đến năm 2050", "năm" /
/// "2025").
fn strip_words<'t>(text: &'t str, phrase: &str) -> Option<&'t str> {
    let mut rest = text;
    for (k, piece) in phrase.split(' ').enumerate() {
        if k > 0 {
            let gap = rest.len() - rest.trim_start_matches([' ', '\n']).len();
            let feeds = rest.bytes().take(gap).filter(|&b| b == b'\n').count();
            if gap == 0 || feeds > 1 {
                return None;
            }
            rest = rest.sub(gap..);
        }
        rest = rest.strip_prefix(piece)?;
    }
    Some(rest)
}

/// The start of `rest` a date after a name can lie in: its run of the date pattern's
/// characters (spaces, line breaks, digits, the separators and the letters of "ngày" or "ngay",
/// "tháng" and "năm") and the character after it, which the pattern's closing word boundary
/// looks at. The pattern matches there exactly where it matches in the whole of `rest`; the
/// search no longer clears memory for the whole rest of a region on each name (the pattern's
/// captures are read by a backtracker, which works over the text it is given).
fn date_reach(rest: &str) -> &str {
    let run = rest
        .char_indices()
        .find(|&(_, c)| {
            // (`is_numeric` holds every digit the pattern's `\d` takes, and more.)
            !(c.is_numeric()
                || matches!(
                    c,
                    ' ' | '\n'
                        | '/'
                        | '.'
                        | '-'
                        | 'n'
                        | 'g'
                        | 'à'
                        | 'a'
                        | 'y'
                        | 't'
                        | 'h'
                        | 'á'
                        | 'ă'
                        | 'm'
                ))
        })
        .map_or(rest.len(), |(i, c)| i + c.len_utf8());
    rest.sub(..run)
}

/// Whether `at` lies inside one of `ranges` (sorted, not overlapping: citations found in
/// disjoint places). A binary search: a document with a hundred thousand citations costs a
/// logarithm per head, not a scan.
fn inside(ranges: &[(usize, usize)], at: usize) -> bool {
    let i = ranges.partition_point(|&(s, _)| s <= at);
    i > 0 && ranges.get(i - 1).is_some_and(|&(_, e)| at < e)
}

/// Where a name ends: punctuation, a stop word, or twenty words.
pub(crate) fn name_end(s: &str, comma_ends: bool) -> usize {
    name_end_within(s, comma_ends, NAME_WORDS)
}

/// The most words of a name [`name_end`] reads.
const NAME_WORDS: usize = 20;

/// [`name_end`] reading at most `most_words` words.
fn name_end_within(s: &str, comma_ends: bool, most_words: usize) -> usize {
    let mut end = vanban_text::floor(s, 400);
    // Line breaks count as spaces (same byte length); and the indent of a line that goes on
    // in small letters counts for nothing, so that it is no gap between columns: a PDF
    // layer's "… vũ khí, vật" / "        liệu nổ và công cụ hỗ trợ" (found at stop 58, where
    // the name stopped at "vật" and later mentions of the law found no number).
    let mut flat = String::with_capacity(end);
    let mut indent = false;
    for (i, c) in s.sub(..end).char_indices() {
        if c == '\n' {
            let rest = s.sub(i + 1..end);
            // A line that opens a numbered item or a point is no wrap of the name: "Điều 4.
            // Áp dụng Luật Dữ liệu" / "1. Trường hợp …" (a copy without blank lines gave
            // "Luật Dữ liệu 1", a law of its own).
            if opens_item(rest) {
                break;
            }
            let next = rest.trim_start_matches(' ');
            indent = rest.len() > next.len() && next.starts_with(char::is_lowercase);
            flat.push(' ');
        } else if indent && c == ' ' {
            flat.push('\u{1}');
        } else {
            indent = false;
            flat.push(c);
        }
    }
    let s = flat.as_str();
    for (i, c) in s.char_indices() {
        // A comma ends a name only before a capital: "Luật Cán bộ, công chức" is one name.
        // Nor before "các"/"những", which start a new noun phrase.
        let next = if c == ',' {
            s.sub(i + 1..).trim_start()
        } else {
            ""
        };
        let comma_stop = c == ','
            && (comma_ends
                || !next.starts_with(|n: char| n.is_lowercase())
                || next.starts_with("các ")
                || next.starts_with("những ")
                || next.starts_with("cụ thể"));
        // (A table cell ends at "|": "Luật Bảo vệ | Bộ Nông nghiệp" is two cells; a tab
        // indents the next paragraph: "… trong Quy hoạch tỉnh" / "\tTrong năm 2025 …".)
        if matches!(
            c,
            ';' | '.' | '(' | ')' | ':' | '“' | '”' | '"' | '*' | '|' | '\t'
        ) || comma_stop
            || s.sub(i..).starts_with("  ")
        {
            end = i;
            break;
        }
    }
    end = first_stop(s, end);
    let mut words = 0;
    for (i, c) in s.sub(..end).char_indices() {
        if c == ' ' {
            words += 1;
            if words >= most_words {
                end = i;
                break;
            }
        }
    }
    let mut name = s.sub(..end).trim_end();
    while let Some(t) = name.strip_suffix(" và").or_else(|| name.strip_suffix(',')) {
        name = t.trim_end();
    }
    name.len()
}

/// Whether a line starts with an item's or a point's marker: one or two digits (or such
/// numbers joined by dots, "1.2.") then "." or ")", or one small letter then ")", before a
/// space or the line's end. A year ("… đến năm" / "2030. Theo đó …") is no marker.
fn opens_item(line: &str) -> bool {
    let line = line.trim_start_matches([' ', '\t']);
    let b = line.as_bytes();
    let mut at = 0;
    let mut end = None;
    // "1.", "12)", "1.2." (a decimal, "12.5 tỷ", goes on after its dot and is none).
    loop {
        let n = b
            .get(at..)
            .map_or(0, |r| r.iter().take_while(|c| c.is_ascii_digit()).count());
        if !(1..=2).contains(&n) {
            break;
        }
        at += n;
        match b.get(at) {
            Some(b'.') if b.get(at + 1).is_some_and(u8::is_ascii_digit) => at += 1,
            Some(b'.' | b')') => {
                end = Some(at + 1);
                break;
            }
            _ => break,
        }
    }
    // "a)", "đ)".
    if at == 0 {
        if let Some(c) = line.chars().next().filter(|c| c.is_lowercase()) {
            end = (b.get(c.len_utf8()) == Some(&b')')).then_some(c.len_utf8() + 1);
        }
    }
    end.is_some_and(|e| b.get(e).is_none_or(u8::is_ascii_whitespace))
}

/// Whether `stop`, followed by `after`, ends a name: " của " not before a lower-case word,
/// " tại " not before "Việt Nam", " ngay " (a scan's "ngày" that lost its tone mark) only
/// before a date's digit, none before the words that go on with a law's name
/// (`INNER_AFTER_STOPS`).
fn stop_applies(stop: &str, after: &str) -> bool {
    if INNER_AFTER_STOPS
        .iter()
        .any(|(s, a)| *s == stop && after.starts_with(a))
    {
        return false;
    }
    match stop {
        " của " => after.chars().next().is_none_or(char::is_uppercase),
        " tại " => !after.starts_with("Việt Nam"),
        " ngay " => after.starts_with(|c: char| c.is_ascii_digit()),
        _ => true,
    }
}

/// A stop word and the words after it that go on with a law's name: "Luật Đầu tư theo phương
/// thức đối tác công tư", "Luật Trách nhiệm bồi thường của Nhà nước".
const INNER_AFTER_STOPS: [(&str, &str); 2] = [
    (" theo ", "phương thức đối tác công tư"),
    (" của ", "Nhà nước"),
];

/// Where the first stop word (`data/name-stops.tsv`) in `s[..end]` starts, or `end`: each
/// stop's first occurrence that ends a name there, the stops in the list's order, each
/// searched before the end the earlier ones left.
fn first_stop(s: &str, mut end: usize) -> usize {
    // (Each stop's searcher is built once: `match_indices` built one per stop and name.)
    static STOPS: std::sync::LazyLock<Vec<memchr::memmem::Finder<'static>>> =
        std::sync::LazyLock::new(|| {
            NAME_STOPS
                .iter()
                .map(|stop| memchr::memmem::Finder::new(stop.as_bytes()))
                .collect()
        });
    let limit = end;
    for (stop, finder) in NAME_STOPS.iter().zip(STOPS.iter()) {
        // "của" ends a name before its issuer ("… của Quốc hội"), not inside it ("Luật
        // Nhập cảnh, xuất cảnh, quá cảnh, cư trú của người nước ngoài tại Việt Nam").
        // Nor does "tại" before "Việt Nam" ("… người nước ngoài tại Việt Nam"). The
        // occurrences are `match_indices`': left to right, none overlapping. (A stop that
        // starts before the end an earlier one left may run past it: "Luật Đất đai theo quy
        // định" ends before " theo " though " quy định" was found first.)
        let reach = vanban_text::floor(s, (end + stop.len()).min(limit));
        let found = finder
            .find_iter(s.sub(..reach).as_bytes())
            .find(|p| stop_applies(stop, s.sub(p + stop.len()..)));
        if let Some(p) = found {
            end = end.min(p);
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A law's name after "về" goes on over a PDF layer's wrap into an indented line in small
    /// letters; an indented line in capitals is another paragraph, and a gap inside a line
    /// still parts columns.
    #[test]
    fn a_name_goes_on_into_an_indented_line_in_small_letters() {
        let wrapped = " về Quản lý, sử dụng vũ khí, vật\n        liệu nổ và công cụ hỗ trợ;";
        assert_eq!(
            about_name(wrapped).as_deref(),
            Some("Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ")
        );
        let parted = " về Quản lý, sử dụng vũ khí, vật liệu nổ\n        Căn cứ Luật Đất đai;";
        assert_eq!(
            about_name(parted).as_deref(),
            Some("Quản lý, sử dụng vũ khí, vật liệu nổ")
        );
        let columns = " về Quản lý vật liệu nổ        Sở Công Thương";
        assert_eq!(about_name(columns).as_deref(), Some("Quản lý vật liệu nổ"));
    }

    /// An amending law names the laws it amends, also with a mark of "sửa đổi" that OCR lost,
    /// without "một số điều của", and each of a list; a name that does not open so amends
    /// nothing.
    #[test]
    fn an_amending_laws_name_names_each_law_it_amends() {
        for (title, amended) in [
            (
                "Luật sửa đổi, bổ sung một số điều của Luật Đất đai",
                &["Luật Đất đai"][..],
            ),
            (
                "Luật sửa đôi, bổ sung một số điều của Luật Đất đai",
                &["Luật Đất đai"],
            ),
            (
                "sủa đổi, bổ sung một số điều của Luật Đất đai",
                &["Luật Đất đai"],
            ),
            ("Luật sửa đổi, bổ sung Luật Đất đai", &["Luật Đất đai"]),
            (
                "Luật Sửa đổi, bổ sung một số điều của Bộ luật Lao động",
                &["Bộ luật Lao động"],
            ),
            (
                "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ \
                 chức chính quyền địa phương",
                &[
                    "Luật Tổ chức Chính phủ",
                    "Luật Tổ chức chính quyền địa phương",
                ],
            ),
            (
                "sửa đổi, bổ sung một số điều của Luật Quy hoạch, Luật Đầu tư, Luật Đầu tư \
                 theo phương thức đối tác công tư và Luật Đấu thầu",
                &[
                    "Luật Quy hoạch",
                    "Luật Đầu tư",
                    "Luật Đầu tư theo phương thức đối tác công tư",
                    "Luật Đấu thầu",
                ],
            ),
            (
                "Luật sửa đổi, bổ sung một số điều của Luật Tiêu chuẩn và quy chuẩn kỹ thuật",
                &["Luật Tiêu chuẩn và quy chuẩn kỹ thuật"],
            ),
            ("Luật Sửa đôi, bổ sung một số điều của Luật Đất đai", &[]),
            ("Luật sửa chữa của Luật Đất đai", &[]),
            ("Luật sửa đổi, bổ sung một số điều của các luật", &[]),
            ("Luật sửa đôi, Sửa đổi, bổ sung Luật Bảo vệ", &[]),
            (
                "Luật sửa đổi, bổ sung có hiệu lực từ ngày 01/7/2025. 2. Luật Đất đai",
                &[],
            ),
        ] {
            assert_eq!(amended_laws(title), amended, "{title}");
        }
    }

    /// A stop word goes on with a law's name before the words that complete one ("Luật Đầu tư
    /// theo phương thức đối tác công tư", "Luật Trách nhiệm bồi thường của Nhà nước") and
    /// ends it elsewhere.
    #[test]
    fn a_stop_word_inside_a_laws_name_ends_nothing() {
        for (s, name) in [
            (
                "Đầu tư theo phương thức đối tác công tư ngày 18 tháng 6 năm 2020",
                "Đầu tư theo phương thức đối tác công tư",
            ),
            (
                "Trách nhiệm bồi thường của Nhà nước ngày 20 tháng 6 năm 2017",
                "Trách nhiệm bồi thường của Nhà nước",
            ),
            ("Đất đai theo hướng dẫn", "Đất đai"),
            ("Đất đai theo quy định của pháp luật", "Đất đai"),
            (
                "Đầu tư theo phương thức đối tác công tư theo quy định hiện hành",
                "Đầu tư theo phương thức đối tác công tư",
            ),
            ("Thủ đô của Quốc hội", "Thủ đô"),
        ] {
            assert_eq!(s.sub(..name_end(s, false)), name);
        }
    }

    /// A name wrapped onto the next line goes on there, but not into a line that opens an
    /// item or a point (a copy without blank lines: a heading, then its first clause).
    #[test]
    fn a_name_stops_before_a_line_that_opens_an_item() {
        for (s, name) in [
            ("Dữ liệu\n1. Trường hợp luật khác", "Dữ liệu"),
            ("Dữ liệu\n  12) Trường hợp", "Dữ liệu"),
            ("Dữ liệu\n1.2. Trường hợp", "Dữ liệu"),
            ("Dữ liệu\nđ) các trường hợp", "Dữ liệu"),
            ("Dữ liệu\n1.\nTrường hợp", "Dữ liệu"),
            // A wrap goes on: a year, a decimal (to its dot, as on one line), a word in small
            // letters.
            ("Dữ liệu\n2030. Theo đó", "Dữ liệu\n2030"),
            (
                "Phòng, chống tác hại của rượu,\nbia ngày 14 tháng 6",
                "Phòng, chống tác hại của rượu,\nbia",
            ),
            ("Dữ liệu\n12.5 tỷ đồng", "Dữ liệu\n12"),
        ] {
            assert_eq!(s.sub(..name_end(s, false)), name, "{s:?}");
        }
    }

    /// The span of an amending law's title runs through the list of the laws it amends, and
    /// stops where the list does (a date, a number, another citation after a semicolon).
    #[test]
    fn an_amending_title_runs_through_its_list_of_laws() {
        for (first, name) in [
            (
                "sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính \
                 quyền địa phương ngày 22 tháng 11 năm 2019; Luật Đầu tư",
                "sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính \
                 quyền địa phương",
            ),
            (
                "sửa đổi, bổ sung Luật Đất đai ngày 29 tháng 6 năm 2024",
                "sửa đổi, bổ sung Luật Đất đai",
            ),
            (
                "sửa đổi, bổ sung một số điều của Luật Quy hoạch,\nLuật Đầu tư và Luật Đấu \
                 thầu số 57/2024/QH15",
                "sửa đổi, bổ sung một số điều của Luật Quy hoạch,\nLuật Đầu tư và Luật Đấu thầu",
            ),
            (
                "sửa đổi, bổ sung một số điều của Luật Đất đai, Nghị định số 1/2024/NĐ-CP",
                "sửa đổi, bổ sung một số điều của Luật Đất đai",
            ),
            // (Another amending law after a comma is a citation of its own.)
            (
                "sửa đổi, bổ sung Luật Đất đai, Luật Sửa đổi, bổ sung Luật Nhà ở",
                "sửa đổi, bổ sung Luật Đất đai",
            ),
        ] {
            let end = amending_title(first);
            assert_eq!(end.map(|e| first.sub(..e)), Some(name), "{first}");
        }
        assert_eq!(amending_title("sửa đổi các quy định về thuế"), None);
    }

    /// A date after a name is read in the run of the date's characters as in the whole rest
    /// of the region: every text of up to five pieces (the date's words, numbers of every
    /// width, other digits, separators, other letters and punctuation, line breaks), with and
    /// without a tail, and the rest after every name of the seed and the corpus.
    #[test]
    fn a_date_is_read_in_its_reach_as_in_the_whole_rest() {
        let pieces = [
            " ", "\n", "ngày", "ngay", "tháng", "năm", "12", "2015", "3", "/", ".", "-", "٣", "a",
            "x", ",", "ă",
        ];
        let mut rests = crate::testing::compositions(&pieces, 5);
        for text in crate::testing::seed_and_corpus() {
            for (i, _) in text.match_indices(" ngày") {
                rests.push(text.sub(i..).chars().take(60).collect());
            }
        }
        for date in [
            "12 tháng 3 năm 2015",
            "1/1/2020",
            "05.3.2025",
            "١٢ tháng 3 năm 2015",
        ] {
            rests.push(format!(" ngày {date}"));
            rests.push(format!(" \n ngày\n{}", date.replace(' ', "\n")));
        }
        let whole = |r: &str| {
            date_regex().captures(r).map(|c| {
                let all: Vec<Option<(usize, usize)>> =
                    c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect();
                all
            })
        };
        let mut dated = 0;
        for r in &rests {
            // (A letter outside the date's right after it: no word boundary, no date.)
            let tails = [
                r.clone(),
                format!("{r} của"),
                format!("{r}ngày"),
                format!("{r}b"),
            ];
            for rest in tails {
                let want = whole(&rest);
                dated += usize::from(want.is_some());
                let reach = date_reach(&rest);
                let got = date_regex().captures(reach).map(|c| {
                    c.iter()
                        .map(|m| m.map(|m| (m.start(), m.end())))
                        .collect::<Vec<_>>()
                });
                assert_eq!(got, want, "{rest:?}");
            }
        }
        assert!(dated > 50, "{dated}");
    }

    /// The stops' searchers find what `match_indices` finds: [`first_stop`] gives the end the
    /// per-call searches gave, on the text after spaces of the seed and the corpus (its
    /// line breaks made spaces, as `name_end` makes them) and on stops repeated, overlapping
    /// themselves and each other, before every sixteenth space and the text's end (the seed and
    /// the corpus from every seventh space).
    #[test]
    fn stops_are_found_as_match_indices_finds_them() {
        // (The earliest stop that applies, each looked for in the whole text before `end`.)
        let by_match_indices = |s: &str, end: usize| {
            let mut first = end;
            for stop in NAME_STOPS.iter() {
                let found = s
                    .sub(..end)
                    .match_indices(stop)
                    .find(|(p, _)| stop_applies(stop, s.sub(p + stop.len()..)));
                if let Some((p, _)) = found {
                    first = first.min(p);
                }
            }
            first
        };
        let mut texts: Vec<String> = Vec::new();
        for text in crate::testing::seed_and_corpus() {
            for (i, _) in text.match_indices(' ').step_by(7) {
                texts.push(vanban_text::window(&text, i, 400).replace('\n', " "));
            }
        }
        for stop in NAME_STOPS.iter() {
            for other in [" của ", " tại ", " và Luật", " số ", " và "] {
                texts.push(format!(
                    "Luật A{stop}{}x{other}Việt Nam b",
                    stop.trim_start()
                ));
                texts.push(format!("Luật A{stop}{stop}của b{other}Bộ c"));
                texts.push(format!("Luật{}{other}{stop}", stop.trim_end()));
            }
        }
        let mut cut = 0;
        for t in &texts {
            // Each end a name may have before the stops are looked for: the text's, and each
            // space's.
            let ends = t.match_indices(' ').map(|(i, _)| i).step_by(16);
            for end in ends.chain([t.len()]) {
                let reference = by_match_indices(t, end);
                cut += usize::from(reference < end);
                assert_eq!(first_stop(t, end), reference, "{t:?} {end}");
            }
        }
        assert!(cut > 10_000, "{cut}");
    }

    /// A justified line of a PDF's text layer spreads its words with two or three spaces:
    /// the name reads through them (it ended at the first, and the law was lost); a wider
    /// gap parts columns laid side by side and still ends it.
    #[test]
    fn a_name_reads_through_justified_spaces() {
        assert_eq!(
            names("Căn  cứ  Luật  Ngân  sách  nhà   nước ngày 25 tháng 6 năm 2015;"),
            ["Luật Ngân sách nhà nước"]
        );
        assert_eq!(
            names("Luật Thủ đô      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            ["Luật Thủ đô"]
        );
    }

    /// A phrase after a name matches across a line wrap but not across a blank line (a law's
    /// year "năm" / "2025" and a plan's ", tầm" / "nhìn đến năm 2050" were lost).
    #[test]
    fn words_after_a_name_are_read_across_a_wrap() {
        assert_eq!(strip_words(" năm 2025;", " năm "), Some("2025;"));
        assert_eq!(strip_words(" năm\n2025;", " năm "), Some("2025;"));
        assert_eq!(strip_words("  năm \n 2025", " năm "), Some("2025"));
        assert_eq!(strip_words(" năm\n\n2025", " năm "), None);
        assert_eq!(strip_words("năm 2025", " năm "), None);
        assert_eq!(
            strip_words(", tầm\nnhìn đến năm 2050.", ", tầm nhìn đến năm "),
            Some("2050.")
        );
        assert_eq!(
            names("theo Quy hoạch tỉnh Lào Cai thời kỳ 2021-2030, tầm\nnhìn đến năm 2050 và"),
            ["Quy hoạch tỉnh Lào Cai thời kỳ 2021-2030, tầm nhìn đến năm 2050"]
        );
    }

    /// A run of spaces holding at most one line feed reads as one space, a blank line does
    /// not; every byte of the copy stands for a byte of the text that is the same (or a space
    /// or line feed, for a space).
    #[test]
    fn runs_of_spaces_with_one_line_feed_read_as_one_space() {
        let text = "của luật   \n    phòng thủ\n\nmới  ở\n";
        let (flat, shifts) = single_spaced(text);
        assert_eq!(flat, "của luật phòng thủ  mới ở ");
        let at: Vec<usize> = (0..flat.len()).map(|i| shifts.place(i)).collect();
        for (i, b) in flat.bytes().enumerate() {
            let was = text.as_bytes()[at[i]];
            assert!(was == b || (b == b' ' && was == b'\n'), "{i}");
        }
        assert!(at.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(at.last(), Some(&(text.len() - 1)));
        assert_eq!(single_spaced("a b\nc").0, "a b c");
    }

    /// The names' mentions are where `match_indices` finds each name: on the corpus, folded,
    /// with names made of the words after each "luật" and "bộ luật" (five to eight of them,
    /// some standing twice, some inside another).
    #[test]
    fn mentions_are_the_matches_of_each_name() {
        let mut found = 0;
        let overlapping = "xx luật luật luật luật luật luật luật luật luật luật yy".to_owned();
        for text in crate::testing::seed_and_corpus()
            .into_iter()
            .chain([overlapping])
        {
            let flat = vanban_text::fold::fold_case(&text).replace('\n', " ");
            let mut names: Vec<String> = Vec::new();
            for (p, _) in flat.match_indices("luật ").take(40) {
                let p = if flat.sub(..p).ends_with("bộ ") {
                    p - "bộ ".len()
                } else {
                    p
                };
                let words: Vec<&str> = flat.sub(p..).split(' ').take(8).collect();
                for n in 5..=words.len() {
                    names.push(words[..n].join(" "));
                }
            }
            names.push("luật luật luật luật luật".to_owned());
            names.sort();
            names.dedup();
            let want: Vec<(&str, usize)> = names
                .iter()
                .flat_map(|n| {
                    flat.match_indices(n.as_str())
                        .map(move |(p, _)| (n.as_str(), p))
                })
                .collect();
            found += want.len();
            assert_eq!(mentions(&flat, &names), want);
        }
        assert!(found > 1_000, "{found}");
    }

    /// A copy's runs of two or three spaces as one (the first kept), byte by byte: the
    /// reference for the reading copy's justified spaces.
    fn justified_by_bytes(clean: &str, at: &[usize]) -> (String, Vec<usize>) {
        let b = clean.as_bytes();
        let (mut out, mut out_at) = (Vec::new(), Vec::new());
        let mut i = 0;
        while i < b.len() {
            let run = b[i..].iter().take_while(|&&c| c == b' ').count();
            let keep = if (2..=3).contains(&run) {
                1
            } else {
                run.max(1)
            };
            out.extend_from_slice(&b[i..i + keep]);
            out_at.extend_from_slice(&at[i..i + keep]);
            i += run.max(1);
        }
        out_at.push(at[b.len()]);
        (String::from_utf8(out).unwrap_or_default(), out_at)
    }

    /// The runs copied whole give what a copy character by character gives: every text of up
    /// to five pieces of marks, letters with and without marks, and spaces, at three offsets.
    #[test]
    fn the_reading_copy_keeps_each_byte_s_offset() {
        fn reference(slice: &str, from: usize) -> (String, Vec<usize>) {
            let (mut clean, mut at) = (String::new(), Vec::new());
            for (i, c) in slice.char_indices() {
                if matches!(c, '*' | '_') {
                    continue;
                }
                clean.push(c);
                at.extend((0..c.len_utf8()).map(|k| from + i + k));
            }
            at.push(from + slice.len());
            justified_by_bytes(&clean, &at)
        }
        let pieces = ["*", "_", "**", "a", "ậ", " ", "Luật"];
        for t in &crate::testing::compositions(&pieces, 5) {
            assert!(!spaced_breaks(t));
            for from in [0, 7, 1000] {
                assert_eq!(reading_copy(t, from), reference(t, from), "{t:?} at {from}");
            }
        }
    }

    /// Around line breaks: a run of spaces holding one line feed becomes the line feed, a blank
    /// line (spaces or not) and a bare line feed stay, each byte keeps its offset — against a
    /// copy made byte by byte, on every text of up to six pieces.
    #[test]
    fn spaces_around_a_line_break_are_read_through() {
        fn reference(slice: &str, from: usize) -> (String, Vec<usize>) {
            let b = slice.as_bytes();
            let mut drop = vec![false; b.len()];
            for (i, _) in slice.match_indices('\n') {
                let mut before = i;
                while before > 0 && b[before - 1] == b' ' {
                    before -= 1;
                }
                let mut after = i + 1;
                while b.get(after) == Some(&b' ') {
                    after += 1;
                }
                if b.get(after) != Some(&b'\n') {
                    drop[before..i].iter_mut().for_each(|d| *d = true);
                    drop[i + 1..after].iter_mut().for_each(|d| *d = true);
                }
            }
            let (mut clean, mut at) = (String::new(), Vec::new());
            for (i, c) in slice.char_indices() {
                if matches!(c, '*' | '_') || drop[i] {
                    continue;
                }
                clean.push(c);
                at.extend((0..c.len_utf8()).map(|k| from + i + k));
            }
            at.push(from + slice.len());
            justified_by_bytes(&clean, &at)
        }
        let pieces = ["\n", " ", "  ", "*", "ậ", "Luật"];
        let mut spaced = 0;
        for t in &crate::testing::compositions(&pieces, 6) {
            spaced += usize::from(spaced_breaks(t));
            for from in [0, 9] {
                assert_eq!(reading_copy(t, from), reference(t, from), "{t:?} at {from}");
            }
        }
        assert!(spaced > 10_000, "{spaced}");
    }

    /// A name wrapped with a line's trailing spaces and the next line's indentation, as a
    /// PDF text layer or a Word export prints it, is read whole; a blank line still ends it.
    #[test]
    fn a_name_wrapped_with_spaces_is_read_whole() {
        assert_eq!(
            names("theo Luật Ngân sách nhà   \n    nước; Nghị quyết"),
            ["Luật Ngân sách nhà nước"]
        );
        assert_eq!(names("của Bộ  \n  luật Lao động; và"), ["Bộ luật Lao động"]);
        assert_eq!(
            names("theo Luật Đất đai   \n   \n   Căn cứ kết quả"),
            ["Luật Đất đai"]
        );
    }

    /// The names `find` gives as citations (not those a decision beside them approves).
    fn names(text: &str) -> Vec<String> {
        find(text, (0, text.len()), &[])
            .into_iter()
            .filter(|n| n.approval == Approval::None)
            .map(|n| n.name)
            .collect()
    }

    #[test]
    fn named() {
        assert_eq!(
            names("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"),
            ["Luật Tổ chức chính quyền địa phương"]
        );
        assert_eq!(
            names("gắn với việc triển khai Đề án chuyển đổi số, Đề án 06 bảo đảm"),
            ["Đề án 06"]
        );
        assert_eq!(
            names("theo Quy hoạch tỉnh Tuyên Quang thời kỳ 2021-2030, tầm nhìn đến năm 2050 theo quy định."),
            ["Quy hoạch tỉnh Tuyên Quang thời kỳ 2021-2030, tầm nhìn đến năm 2050"]
        );
        assert_eq!(
            names("thực hiện hiệu quả Đề án “Xây dựng Tuyên Quang trở thành Khu Lâm nghiệp”."),
            ["Đề án “Xây dựng Tuyên Quang trở thành Khu Lâm nghiệp”"]
        );
        assert!(names("các cấp độ Quy hoạch theo quy định").is_empty());
    }

    #[test]
    fn names_read_through_markdown_and_keep_their_date() {
        let text = "*Căn cứ Luật Nhập cảnh, xuất cảnh, qu**á** cảnh, cư trú của người nước ngoài tại \
                    Việt Nam ngày 16 tháng 6 năm 2014;* *Căn cứ Luật Khám chữa bệnh ngày 23 tháng** 1**1 năm 2009;*";
        let found = find(text, (0, text.len()), &[]);
        let names: Vec<&str> = found.iter().map(|n| n.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Luật Nhập cảnh, xuất cảnh, quá cảnh, cư trú của người nước ngoài tại Việt Nam",
                "Luật Khám chữa bệnh"
            ]
        );
        assert_eq!(
            found[0].date.and_then(|d| d.iso()).as_deref(),
            Some("2014-06-16")
        );
        assert_eq!(
            found[1].date.and_then(|d| d.iso()).as_deref(),
            Some("2009-11-23")
        );
        // Spans point into the text, Markdown included.
        assert!(text
            .sub(found[0].start..found[0].end)
            .starts_with("Luật Nhập cảnh"));
        assert!(text.sub(found[0].start..found[0].end).ends_with("năm 2014"));
        assert!(text.sub(found[1].start..found[1].end).ends_with("2009"));
    }

    /// A wrap among the words in small letters that open a name leaves the name whole (a PDF
    /// layer's or a scan's line break, its indent too).
    #[test]
    fn a_wrap_among_a_names_opening_words_keeps_the_name() {
        for (text, name) in [
            (
                "Căn cứ Bộ luật hàng\n        hải Việt Nam ngày 25 tháng 11 năm 2015;",
                "Bộ luật hàng hải Việt Nam",
            ),
            (
                "Căn cứ Luật về\nQuản lý, sử dụng vũ khí ngày 20 tháng 6 năm 2017;",
                "Luật về Quản lý, sử dụng vũ khí",
            ),
            (
                "theo Quy hoạch phát\ntriển Khu kinh tế Vân Phong; các sở, ngành",
                "Quy hoạch phát triển Khu kinh tế Vân Phong",
            ),
        ] {
            assert_eq!(names(text), [name], "{text:?}");
        }
    }

    #[test]
    fn codes_in_lower_case_and_clause_words() {
        assert_eq!(
            names("Căn cứ Bộ luật hàng hải Việt Nam ngày 25 tháng 11 năm 2015;"),
            ["Bộ luật hàng hải Việt Nam"]
        );
        assert_eq!(
            names("theo Luật Bảo hiểm xã hội hoặc thực hiện nghĩa vụ quân sự"),
            ["Luật Bảo hiểm xã hội"]
        );
        assert_eq!(
            names("Luật Địa chất và khoáng sản, các văn bản hướng dẫn thi hành"),
            ["Luật Địa chất và khoáng sản"]
        );
        assert_eq!(names("Luật Đất đai của Quốc hội"), ["Luật Đất đai"]);
        assert_eq!(
            names("theo quy định của Bộ\nluật Lao động; và"),
            ["Bộ luật Lao động"]
        );
        // Real sentences: a name opening with "về", a table cell, "cụ thể" after a comma.
        assert_eq!(
            names("Căn cứ Luật về Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ ngày 29/6/2024;"),
            ["Luật về Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ"]
        );
        assert_eq!(
            names("Sửa đổi, bổ sung Luật Bảo vệ | Bộ Nông nghiệp |_ , Ệ Tư PHáp"),
            ["Luật Bảo vệ"]
        );
        assert_eq!(
            names("quy định của Luật Quản lý, bảo vệ công trình quốc phòng và khu quân sự, cụ thể gồm:"),
            ["Luật Quản lý, bảo vệ công trình quốc phòng và khu quân sự"]
        );
        assert!(names("theo Luật về việc này").is_empty());
        assert_eq!(
            names(
                "theo Luật Đầu tư công và pháp luật có liên quan; Luật Bảo hiểm xã hội, là cơ sở"
            ),
            ["Luật Đầu tư công", "Luật Bảo hiểm xã hội"]
        );

        assert_eq!(
            names("khoáng sản trong Quy hoạch tỉnh\n\tTrong năm 2025, tỉnh Lào Cai đã giao"),
            ["Quy hoạch tỉnh"]
        );
        // A wrap between the head and the name; a unit reference after "và" ends the name.
        assert_eq!(
            names("quy định tại Điều 69 Luật\nĐiện lực và Điều 17 Nghị định số 62/2025/NĐ-CP"),
            ["Luật Điện lực"]
        );
    }

    /// Every name `find` gives as a citation in each text, in order.
    fn assert_names(cases: &[(&str, &[&str])]) {
        for (text, want) in cases {
            assert_eq!(names(text), *want, "{text}");
        }
    }

    /// Programmes and strategies are named documents: by the words that open a programme's
    /// name, through " về ", "đến năm 2030" and a " số " that is no number, to a stop word
    /// or what says where or by whom; in quotation marks to the closing mark.
    #[test]
    fn programmes_and_strategies_are_named() {
        let cases: [(&str, &[&str]); 10] = [
            (
                // "xây dựng" inside a programme's name, or of an activity, makes nothing.
                "Tiếp tục thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới và \
                 Chương trình mục tiêu quốc gia giảm nghèo bền vững; phối hợp xây dựng hạ tầng \
                 và Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào \
                 dân tộc thiểu số và miền núi.",
                &[
                    "Chương trình mục tiêu quốc gia xây dựng nông thôn mới",
                    "Chương trình mục tiêu quốc gia giảm nghèo bền vững",
                    "Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân \
                     tộc thiểu số và miền núi",
                ],
            ),
            (
                // A sentence's verb ends the name.
                "Chương trình mục tiêu quốc gia giảm nghèo bền vững đạt nhiều kết quả quan \
                 trọng; Chiến lược phát triển bền vững kinh tế biển Việt Nam đặt mục tiêu.",
                &[
                    "Chương trình mục tiêu quốc gia giảm nghèo bền vững",
                    "Chiến lược phát triển bền vững kinh tế biển Việt Nam",
                ],
            ),
            (
                "Chiến lược phát triển kinh tế - xã hội 10 năm 2021 - 2030 của đất nước.",
                &["Chiến lược phát triển kinh tế - xã hội 10 năm 2021 - 2030"],
            ),
            (
                // Approved where no decision is cited: a citation.
                "Chiến lược quốc gia về phòng, chống thiên tai đến năm 2030 đã được phê duyệt \
                 theo quy định.",
                &["Chiến lược quốc gia về phòng, chống thiên tai đến năm 2030"],
            ),
            (
                "Triển khai Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - \
                 2025 trên địa bàn thành phố Cần Thơ;",
                &["Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025"],
            ),
            (
                "Chương trình mục tiêu quốc gia phòng, chống ma túy\nđến năm 2030 và Chiến lược \
                 quốc gia về tài nguyên nước đến năm 2030.",
                &[
                    "Chương trình mục tiêu quốc gia phòng, chống ma túy đến năm 2030",
                    "Chiến lược quốc gia về tài nguyên nước đến năm 2030",
                ],
            ),
            (
                "Đồng hành với Chiến lược chuyển đổi số của Bộ; Chương trình phát triển kinh tế - \
                 xã hội vùng đồng bào dân tộc thiểu số và miền núi.",
                &[
                    "Chiến lược chuyển đổi số",
                    "Chương trình phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và \
                     miền núi",
                ],
            ),
            (
                "theo Chiến lược dữ liệu quốc gia do Thủ tướng Chính phủ ban hành; theo Chiến \
                 lược Bảo vệ môi trường quốc gia.",
                &["Chiến lược dữ liệu quốc gia", "Chiến lược Bảo vệ môi trường quốc gia"],
            ),
            (
                "về phê duyệt “Chương trình tăng cường sự tham gia bình đẳng của phụ nữ\ntrong \
                 các vị trí lãnh đạo”; “Chương trình hành động quốc gia về Phụ nữ, hòa bình và \
                 an ninh giai đoạn 2024 - 2030”;",
                &["Chương trình hành động quốc gia về Phụ nữ, hòa bình và an ninh giai đoạn 2024 \
                   - 2030"],
            ),
            (
                "hoàn thiện Chiến lược dữ liệu thành phố Hà Nội đến năm 2030 được UBND Thành \
                 phố phê duyệt tại Quyết định số 1229/QĐ-UBND; Chương trình mỗi xã một sản \
                 phẩm (OCOP)",
                &["Chương trình mỗi xã một sản phẩm"],
            ),
        ];
        assert_names(&cases);
    }

    /// No name where the words are many programmes, the document's own, one to be made or
    /// approved by the decision before it, a body's name or too few or too many words.
    #[test]
    fn no_programme_where_the_words_name_none() {
        let cases: [(&str, &[&str]); 3] = [
            (
                // Many of them, a body's name, a name of two words: none.
                "các Chương trình phát triển kinh tế - xã hội của tỉnh; nguồn vốn Chương trình \
                 hỗ trợ; Chương trình giảm nghèo trước đây; Viện Chiến lược Phát triển giao \
                 thông vận tải phối hợp; Văn phòng Điều phối Chương trình mục tiêu quốc gia xây dựng nông thôn mới tỉnh báo cáo.",
                &[],
            ),
            (
                // The programmes all, the document's own mentioned again, one to be made or
                // approved by the decision before it: none.
                "các Chương trình mục tiêu quốc gia giai đoạn 2021-2025; Ban Chỉ đạo các \
                 Chương trình mục tiêu quốc gia thành phố; Chương trình trên địa bàn; \
                 Chương trình này; Xây dựng Chương trình phát triển du lịch; phê duyệt \
                 chủ trương đầu tư Chương trình mục tiêu quốc gia phòng, chống ma túy; \
                 Quyết định số 1746/QĐ-TTg về việc phê duyệt Quy hoạch tỉnh Phú Yên; \
                 xây dựng Khung Kiến trúc số và Chiến lược dữ liệu thành phố Hà Nội; \
                 Nghị quyết Đại hội nhiệm kỳ tới",
                &[],
            ),
            (
                // Cut at the word limit: a list of programmes, no name held whole.
                "Báo cáo về Chương trình mục tiêu quốc gia xây dựng nông thôn mới, giảm nghèo \
                 bền vững và phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và \
                 miền núi giai đoạn 2026 - 2035",
                &[],
            ),
        ];
        assert_names(&cases);
    }

    /// The Party's charter and the resolutions of its national congress are named documents
    /// (a Party committee's congress says no province: none).
    #[test]
    fn the_charter_and_national_congress_resolutions_are_named() {
        let cases: [(&str, &[&str]); 2] = [
            (
                "- Căn cứ Điều lệ Đảng;\n- Căn cứ Điều lệ Đảng Cộng sản Việt Nam; Điều lệ Đảngviên",
                &["Điều lệ Đảng", "Điều lệ Đảng Cộng sản Việt Nam"],
            ),
            (
                // A Party committee's congress says no province: none.
                "Thực hiện Nghị quyết Đại hội đại biểu toàn quốc lần\nthứ XIII của Đảng; Nghị \
                 quyết Đại hội Đảng bộ tỉnh lần thứ XX, nhiệm kỳ 2025 - 2030; Nghị quyết Đại \
                 hội XIII của Đảng; Nghị quyết Đại hội Đảng bộ các cấp tiến tới Đại hội đại \
                 biểu toàn quốc lần thứ XIV của Đảng; Nghị quyết Đại hội Đảng bộ tỉnh lần thứ \
                 XVI của Đảng bộ tỉnh.",
                &[
                    "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
                    "Nghị quyết Đại hội XIII của Đảng",
                ],
            ),
        ];
        assert_names(&cases);
        let text = "Điều lệ Đảng; Chương trình mục tiêu quốc gia xây dựng nông thôn mới";
        let kinds: Vec<DocumentKind> = find(text, (0, text.len()), &[])
            .into_iter()
            .map(|n| n.kind)
            .collect();
        assert_eq!(kinds, [DocumentKind::Charter, DocumentKind::Programme]);
    }

    /// A year after a programme is the year of the work, not its date; a name a decision
    /// beside it approves is reported as such; a law's bare year is its date.
    #[test]
    fn years_and_approvals_of_names() {
        // A year after a programme is the year of the work, not the programme's date; a
        // name a decision beside it approves is reported as such.
        let text = "Thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững năm 2026; Quyết \
                    định số 7619/QĐ-BCA phê duyệt Chương trình mục tiêu quốc gia phòng, chống ma \
                    túy đến năm 2030; Chiến lược dữ liệu thành phố Hà Nội được UBND Thành phố \
                    phê duyệt tại Quyết định số 1229/QĐ-UBND.";
        let found = find(text, (0, text.len()), &[]);
        let got: Vec<(Option<u16>, Approval)> = found
            .iter()
            .map(|n| (n.date.as_ref().and_then(|d| d.year), n.approval))
            .collect();
        assert_eq!(
            got,
            [
                (None, Approval::None),
                (None, Approval::ByBefore),
                (None, Approval::ByAfter)
            ]
        );
        // A code with a capital "Luật"; a law's bare year is its date, not its name.
        let text = "theo Luật BVMT 2020 và Bộ Luật hình sự năm 2015.";
        let found = find(text, (0, text.len()), &[]);
        let got: Vec<(&str, Option<u16>)> = found
            .iter()
            .map(|n| (n.name.as_str(), n.date.as_ref().and_then(|d| d.year)))
            .collect();
        assert_eq!(
            got,
            [("Luật BVMT", Some(2020)), ("Bộ Luật hình sự", Some(2015))]
        );
    }
}
