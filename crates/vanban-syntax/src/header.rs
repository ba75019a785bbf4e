//! The header: issuing body, motto, number and symbol, place and date, type and title, "V/v"
//! subject and "Kính gửi" addressees. Works on cells (a header line split into its columns),
//! since plain-text renderings interleave the two columns of the header table.

use std::sync::OnceLock;
use vanban_text::{HashMap, HashMapExt};

use pest::Parser;
use vanban_model::codes;
use vanban_model::{
    DateParts, DocumentKind, DocumentNumber, Header, Issuer, Motto, MottoKind, NumberForm,
    Recipient, Severity, Str,
};
use vanban_text::{loose, Sub};

use crate::cells::{ends_with_number_prefix, incomplete_date, merge_cells, split_cells, Cell};
use crate::clean::is_upper;
use crate::ctx::Ctx;
use crate::header_grammar::{date_in, has_full_date, HeaderGrammar, Rule};
use crate::line::{Line, LineKind};
use crate::lines::{classify_start, starts_lower};
use crate::recipient::recipient;

/// Words that start a preamble line proper: legal bases, "Thực hiện …", proposals, enacting
/// formulas.
const PREAMBLE_STARTS: &[&str] = &[
    "Căn cứ",
    "Thực hiện",
    "Theo đề nghị",
    "Xét đề nghị",
    "Xét ",
    "Trên cơ sở",
    "Triển khai",
    "Tại phiên họp",
    "Quốc hội ban hành",
    "Chính phủ ban hành",
];

/// Words that start an opening sentence of the text after the header, besides the preamble's.
const OPENING_STARTS: &[&str] = &[
    "Để ",
    "Ngày ",
    "Sau khi",
    "Nhằm ",
    "Năm ",
    "Qua ",
    "Trong ",
    "Hiện nay",
    "Thời gian",
    "Thừa ",
    "Phúc đáp",
    "Trả lời",
    "Tiếp theo",
    "Tiếp nhận",
    "Vừa qua",
];

/// A line that opens the text after the header (căn cứ, an opening sentence …): it ends the
/// title.
pub(crate) fn starts_opening(s: &str) -> bool {
    starts_preamble(s) || OPENING_STARTS.iter().any(|p| s.starts_with(p))
}

/// A preamble line proper: legal bases, "Thực hiện …", proposals, enacting formulas.
/// Also read with the marks of its words set aside ("Can cu", "Thưc hiện": OCR of a scan),
/// where no start is written exactly.
pub(crate) fn starts_preamble(s: &str) -> bool {
    PREAMBLE_STARTS.iter().any(|p| s.starts_with(p)) || starts_preamble_unmarked(s)
}

/// [`starts_preamble`] with marks set aside.
fn starts_preamble_unmarked(s: &str) -> bool {
    static LETTERS: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
        PREAMBLE_STARTS
            .iter()
            .map(|p| vanban_text::loose::unmarked(p))
            .collect()
    });
    starts_unmarked(s, &LETTERS)
}

/// Whether `s` starts with one of a list of capitalised starts ("Căn cứ", "Trên đây là"), given
/// as [`vanban_text::loose::unmarked`] makes them, read with its marks set aside ("Can cu",
/// "Thưc hiện": OCR of a scan), word by word. Written as the starts are, a capital and then
/// small letters ("THỰC HIỆN KẾ HOẠCH …" is a title).
pub(crate) fn starts_unmarked(s: &str, letters: &[String]) -> bool {
    if !may_start_capitalised(s) {
        return false;
    }
    let mut chars = s.chars();
    let (Some(first), Some(second)) = (chars.next(), chars.next()) else {
        return false;
    };
    if !first.is_uppercase() || !second.is_lowercase() {
        return false;
    }
    // (A start is looked at only when its first letters are the line's.)
    let lead = loose::first_letters(s.split_whitespace().next().unwrap_or_default());
    letters
        .iter()
        .any(|l| loose::leads_alike(lead, l) && loose::starts_with_unmarked(s, l))
}

/// Whether `s` may open with a capital, by its first byte (an ASCII capital, or a byte that
/// starts a character beyond ASCII): a line of list marks or lower case is turned away there,
/// before [`starts_unmarked`] is asked.
#[inline]
pub(crate) fn may_start_capitalised(s: &str) -> bool {
    s.as_bytes()
        .first()
        .is_some_and(|b| !b.is_ascii() || b.is_ascii_uppercase())
}

/// Find where the header starts: the first motto or number line near the top, then back over
/// the issuer lines above it. Returns `None` when the text has no recognisable header.
pub(crate) fn find_start(ctx: &Ctx) -> Option<usize> {
    let lines = ctx.lines;
    let limit = lines.len().min(200);
    let anchor = (0..limit).find(|&i| {
        let l = &lines[i];
        is_motto_text(&l.full).is_some() || l.kind == LineKind::NumberStart
    })?;
    // Walk back over issuer lines (upper case, short), blank lines and rules.
    let mut start = anchor;
    let mut taken = 0;
    let mut i = anchor;
    while i > 0 && taken < 10 {
        let l = &lines[i - 1];
        if l.is_blankish() || l.kind == LineKind::Rule || l.full.is_empty() {
            i -= 1;
            continue;
        }
        let upper = is_upper(&l.full) || is_upper(&first_cell(ctx, l));
        if upper && l.full.chars().count() <= 120 && l.kind != LineKind::PageHeader {
            i -= 1;
            start = i;
            taken += 1;
        } else {
            break;
        }
    }
    // Blank lines above the first issuer line belong to the header when nothing precedes them.
    if lines[..start].iter().all(|l| l.is_blankish()) {
        start = 0;
    }
    Some(start)
}

fn first_cell(ctx: &Ctx, l: &Line) -> String {
    split_cells(ctx.text, l)
        .into_iter()
        .next()
        .map(|c| c.text.into())
        .unwrap_or_default()
}

/// "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (either tone placement), "Độc lập - Tự do - Hạnh
/// phúc", "ĐẢNG CỘNG SẢN VIỆT NAM".
fn is_motto_text(s: &str) -> Option<MottoKind> {
    is_motto_loose(s).map(|(k, _)| k)
}

/// The motto of a line, exact or loosely read (OCR: "ĐÁNG CỘNG SẢN VIỆT NAM").
fn is_motto_loose(s: &str) -> Option<(MottoKind, vanban_text::loose::Match)> {
    if let Some(k) = is_motto_exact(s) {
        return Some((k, vanban_text::loose::Match::Exact));
    }
    // Loose reading only on short upper-case lines, as header lines are.
    if s.chars().count() > 120 || !is_upper(s) {
        return None;
    }
    let up = s.to_uppercase();
    // (The line's words read once for the three mottos.)
    let words = vanban_text::loose::Words::of(&up);
    for (phrase, kind) in [
        ("ĐẢNG CỘNG SẢN VIỆT NAM", MottoKind::Party),
        ("XÃ HỘI CHỦ NGHĨA VIỆT NAM", MottoKind::State),
        ("ĐỘC LẬP - TỰ DO - HẠNH PHÚC", MottoKind::State),
    ] {
        if let Some((_, _, m)) = words.find(phrase) {
            return Some((kind, m));
        }
    }
    None
}

fn is_motto_exact(s: &str) -> Option<MottoKind> {
    let up = s.to_uppercase();
    if up.contains("XÃ HỘI CHỦ NGHĨA VIỆT NAM") || up.contains("ĐỘC LẬP - TỰ DO") {
        return Some(MottoKind::State);
    }
    if up.contains("ĐỘC LẬP") && up.contains("HẠNH PHÚC") {
        return Some(MottoKind::State);
    }
    if up.contains("ĐẢNG CỘNG SẢN VIỆT NAM") {
        return Some(MottoKind::Party);
    }
    None
}

/// A place and a date in figures, as some letters print them: "Đà Nẵng, ngày 3/2/2026" (not
/// the decree's form; found at stop 60). The place and its comma must stand before "ngày", so
/// that a subject's "… số 104-CTr/TU ngày 30/8/2026 của …" is none. Returns where "ngày"
/// starts and the date's parts.
fn numeric_place_date(t: &str) -> Option<(usize, DateParts)> {
    let pos = ["ngày ", "Ngày "].iter().find_map(|w| t.find(w))?;
    let place = t.sub(..pos).trim_end();
    if !place.ends_with(',') || place.len() < 3 || place.contains(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let rest = t.sub(pos..).split_once(' ')?.1.trim();
    let date = rest.split([' ', ')']).next()?;
    let parts = numeric_date(date.trim_end_matches(['.', ',', '*']))?;
    parts.year.is_some().then_some((pos, parts))
}

/// Parse a numeric date "22/7/2024".
pub fn numeric_date(s: &str) -> Option<DateParts> {
    let mut pairs = HeaderGrammar::parse(Rule::numeric_date_entry, s).ok()?;
    let mut parts = DateParts::default();
    for p in pairs.next()?.into_inner().flat_map(|p| p.into_inner()) {
        match p.as_rule() {
            Rule::day => parts.day = p.as_str().parse().ok(),
            Rule::month => parts.month = p.as_str().parse().ok(),
            Rule::year4 => parts.year = p.as_str().parse().ok(),
            _ => {}
        }
    }
    Some(parts)
}

/// Parse a number and symbol such as "208/KH-UBND", "500-KH/TU", "30/2020/NĐ-CP".
///
/// `prefix` is what stood before it ("Số", "Luật số" …). Returns `None` when the text is not a
/// symbol.
pub fn parse_symbol(s: &str, prefix: &str) -> Option<ParsedSymbol> {
    let fields = crate::symbol::quick(s).or_else(|| symbol_fields(s))?;
    let is_party = fields.party;
    let seq: Option<Str> = fields.seq.map(Str::from);
    let year = fields.year.and_then(|y| y.parse().ok());
    let mut codes = fields.codes;
    let mut type_code: Option<Str> = fields.type_code.map(Str::from);
    let slash_codes = fields.slash_codes;
    let form = if is_party {
        NumberForm::Party
    } else if prefix.starts_with("Luật") || prefix.starts_with("Pháp lệnh") {
        NumberForm::Law
    } else {
        NumberForm::State
    };
    if !is_party && !codes.is_empty() {
        // State form: a known type code first, then the issuer; a công văn has no type code.
        let first = codes[0];
        let law_like = first.starts_with("QH") || first.starts_with("UBTVQH");
        if codes.len() >= 2
            && !law_like
            && (DocumentKind::from_code(first).is_some() || first == "VBHN")
        {
            type_code = Some(codes.remove(0).into());
        } else if let Some(code) = ascii_d_type_code(first).filter(|_| codes.len() >= 2) {
            codes.remove(0);
            type_code = Some(code);
        }
    }
    let issuer_code = (!codes.is_empty()).then(|| Str::from(codes.join("-")));
    let mut normalized = Str::default();
    let seq_text = seq.as_deref().unwrap_or("");
    let type_text = type_code.as_deref();
    let issuer_text = issuer_code.as_deref().unwrap_or("");
    match form {
        NumberForm::Party => {
            normalized.push_str(seq_text);
            normalized.push('-');
            normalized.push_str(type_text.unwrap_or(""));
            normalized.push('/');
            normalized.push_str(issuer_text);
        }
        _ => {
            normalized.push_str(seq_text);
            normalized.push('/');
            if let Some(y) = year {
                use std::fmt::Write;
                // Writing to a string cannot fail.
                let _ = write!(normalized, "{y}/");
            }
            if let Some(t) = type_text {
                normalized.push_str(t);
                normalized.push('-');
            }
            normalized.push_str(issuer_text);
            normalized.push_str(slash_codes);
        }
    }
    Some(ParsedSymbol {
        seq,
        year,
        type_code,
        issuer_code,
        form,
        normalized,
    })
}

/// A type code written with a plain D for its Đ ("ND", "QD", "CD", as an ASCII-only copy or
/// an OCR reading prints "NĐ", "QĐ", "CĐ"): the code meant, when the code as written is none
/// and the one with Đ is.
fn ascii_d_type_code(code: &str) -> Option<Str> {
    if !code.contains('D') || DocumentKind::from_code(code).is_some() {
        return None;
    }
    let meant = code.replace('D', "Đ");
    DocumentKind::from_code(&meant)
        .is_some()
        .then(|| meant.into())
}

/// The fields of a number and symbol as the grammar (`symbol_entry`) reads them.
pub(crate) fn symbol_fields(s: &str) -> Option<crate::symbol::Fields<'_>> {
    let mut pairs = HeaderGrammar::parse(Rule::symbol_entry, s).ok()?;
    let symbol = pairs.next()?.into_inner().next()?;
    let form_rule = symbol.into_inner().next()?;
    let mut fields = crate::symbol::Fields {
        party: form_rule.as_rule() == Rule::party_symbol,
        ..Default::default()
    };
    for p in form_rule.into_inner() {
        match p.as_rule() {
            Rule::seq => fields.seq = Some(p.as_str()),
            Rule::year => fields.year = Some(p.as_str()),
            Rule::type_code => fields.type_code = Some(p.as_str()),
            Rule::slash_codes => fields.slash_codes = p.as_str(),
            Rule::codes | Rule::issuer_codes => {
                fields.codes = p.into_inner().map(|c| c.as_str()).collect();
            }
            _ => {}
        }
    }
    Some(fields)
}

/// The parts of a number and symbol.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedSymbol {
    /// Running number, `None` when blank.
    pub seq: Option<Str>,
    /// Year in the symbol.
    pub year: Option<u16>,
    /// Type code.
    pub type_code: Option<Str>,
    /// Issuer code(s).
    pub issuer_code: Option<Str>,
    /// Layout.
    pub form: NumberForm,
    /// Canonical form.
    pub normalized: Str,
}

pub(crate) const ISSUER_CODES: &str = include_str!("../data/issuer-codes.tsv");

/// The national body an issuer code stands for ("QH15" → "Quốc hội"), from
/// `data/issuer-codes.tsv`. The first code of "VPCP-CN" counts.
pub fn national_issuer(code: &str) -> Option<&'static str> {
    /// The codes as written and upper-cased, each with the body of its first line.
    struct Codes {
        exact: HashMap<&'static str, &'static str>,
        upper: HashMap<String, &'static str>,
    }
    static CODES: OnceLock<Codes> = OnceLock::new();
    let codes = CODES.get_or_init(|| {
        let (mut exact, mut upper) = (HashMap::new(), HashMap::new());
        for (c, name) in issuer_codes() {
            exact.entry(c).or_insert(name);
            upper.entry(c.to_uppercase()).or_insert(name);
        }
        Codes { exact, upper }
    });
    let base = code_base(code)?;
    // Exact first; then in any case ("TTG" in an upper-case title, "Ttg"). (Reading the
    // list's lines on every call cost a fifth of the citations' identities.)
    codes
        .exact
        .get(base)
        .or_else(|| codes.upper.get(&base.to_uppercase()))
        .copied()
}

/// The code an issuer code is looked up by: its first part without the digits after it
/// ("QH15-ĐB" → "QH").
fn code_base(code: &str) -> Option<&str> {
    let first = code.split('-').next()?;
    Some(first.trim_end_matches(|c: char| c.is_ascii_digit()))
}

/// (code, national body) of `data/issuer-codes.tsv`, in file order.
fn issuer_codes() -> impl Iterator<Item = (&'static str, &'static str)> {
    ISSUER_CODES
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
}

const LOCALITY_WORDS: &[&str] = &[
    "TỈNH ",
    "THÀNH PHỐ ",
    "HUYỆN ",
    "QUẬN ",
    "THỊ XÃ ",
    "XÃ ",
    "PHƯỜNG ",
    "THỊ TRẤN ",
    "ĐẶC KHU ",
    "TP. ",
];

const MARKS: &[&str] = &[
    "HỎA TỐC",
    "HOẢ TỐC",
    "THƯỢNG KHẨN",
    "KHẨN",
    "TUYỆT MẬT",
    "TỐI MẬT",
    "MẬT",
    "DỰ THẢO",
    "LƯU HÀNH NỘI BỘ",
    "XEM XONG TRẢ LẠI",
];

/// The result of reading the header region.
pub(crate) struct HeaderRead {
    pub header: Header,
    /// Index of the first line after the header (where the preamble starts).
    pub end: usize,
}

/// Read the header from line `start`.
pub(crate) fn read(ctx: &mut Ctx, start: usize) -> HeaderRead {
    let mut header = Header::default();
    let (cells, i, seen_number) = read_columns(ctx, start);
    read_cells(ctx, &mut header, &merge_cells(cells));
    let i = read_title_or_subject(ctx, &mut header, i, seen_number);
    let mut i = read_late_date(ctx, &mut header, i);
    // Phase C: "Kính gửi:" block.
    let lines = ctx.lines;
    let k = skip_blank(lines, i);
    // A dispatch (công điện) opens with "THỦ TƯỚNG CHÍNH PHỦ điện:" and its addressees.
    if k < lines.len()
        && (lines[k].kind == LineKind::Addressee || lines[k].full.ends_with(" điện:"))
    {
        let (addressees, end) = read_addressees(ctx, k);
        header.addressees = addressees;
        i = end;
    }
    infer_kind(&mut header);
    issuer_from_code(ctx, &mut header);
    HeaderRead { header, end: i }
}

/// Phase A: the cells of the two-column block from line `start` up to the type name, subject,
/// addressees or preamble. Returns the cells (not merged yet), the line after the block and
/// whether a number line was seen.
fn read_columns(ctx: &Ctx, start: usize) -> (Vec<Cell>, usize, bool) {
    let lines = ctx.lines;
    let n = lines.len();
    let mut cells: Vec<Cell> = Vec::new();
    let mut i = start;
    let mut seen_number = false;
    while i < n && i < start + 60 {
        let l = &lines[i];
        if l.is_blankish() || l.kind == LineKind::Rule || l.is_noise() {
            i += 1;
            continue;
        }
        if l.kind == LineKind::NumberStart {
            seen_number = true;
        }
        if ends_columns(l) {
            break;
        }
        let line_cells = split_cells(ctx.text, l);
        let continues = cells.last().is_some_and(|c: &Cell| {
            c.open_bold || ends_with_number_prefix(&c.text) || incomplete_date(&c.text)
        });
        let informative = informative_line(l, &lines[i + 1..], &line_cells);
        if !informative && !continues && seen_number && !header_has_date(&cells) {
            // A lower-case line after the number and before any type name: the subject of an
            // official letter written without "V/v".
            break;
        }
        if !informative && !continues && seen_number {
            break;
        }
        cells.extend(line_cells);
        i += 1;
    }
    (cells, i, seen_number)
}

/// A line that ends the two-column block: the type name, the subject, the addressees, a
/// marker in sentence case or an opening sentence.
fn ends_columns(l: &Line) -> bool {
    type_line(&l.full).is_some()
        || l.kind == LineKind::Subject
        || l.kind == LineKind::Addressee
        || (l.marker().is_some() && l.kind != LineKind::NumberStart && !is_upper(&l.full))
        || starts_opening(&l.full)
}

/// Whether a line of the block (split into `cells`) carries header content: a motto, a date,
/// an upper-case name, a number, or a place whose date follows in the lines `after` it.
fn informative_line(l: &Line, after: &[Line], cells: &[Cell]) -> bool {
    // A place name wrapped before its date: "Thành phố Hồ" / "Chí Minh, ngày 18 …".
    // (The next line with text: blank lines may stand between the two parts.)
    let date_follows = after
        .iter()
        .take(4)
        .find(|m| !m.is_blankish() && !m.is_noise())
        .is_some_and(|next| {
            !l.full.contains(':') && has_full_date(&format!("{} {}", l.full, next.full))
        });
    date_follows
        || cells.iter().any(|c| {
            is_motto_text(&c.text).is_some()
                || has_full_date(&c.text)
                || numeric_place_date(&c.text).is_some()
                || is_upper(&c.text)
                || c.text.starts_with("Số")
                || c.text.contains('/')
        })
}

/// Sort the merged cells of the block: motto, number, place and date, marks, and the cells
/// that name the issuer.
fn read_cells(ctx: &mut Ctx, header: &mut Header, cells: &[Cell]) {
    let mut issuer_cells: Vec<&Cell> = Vec::new();
    let mut motto_lines = Vec::new();
    let mut motto_kind = None;
    for c in cells {
        let t = c.text.as_str();
        if t.is_empty() {
            continue;
        }
        if let Some((k, m)) = is_motto_loose(t) {
            motto_kind.get_or_insert(k);
            motto_lines.push(t.to_owned());
            if m == vanban_text::loose::Match::Tolerant {
                let span = ctx.span(c.start, c.end);
                ctx.diag(
                    codes::OCR_TOLERATED,
                    Severity::Info,
                    format!("read \"{t}\" as the motto"),
                    span,
                );
            }
            continue;
        }
        if let Some(number) = number_cell(ctx, c) {
            if header.number.is_none() {
                header.number = Some(number);
            }
            continue;
        }
        if let Some((pos, parts)) = date_in(t).or_else(|| numeric_place_date(t)) {
            if header.date_parts.is_none() {
                place_and_date(header, t, pos, parts);
            }
            continue;
        }
        let up = t.to_uppercase();
        if let Some(m) = MARKS
            .iter()
            .find(|m| up == **m || up.starts_with(&format!("{m} ")))
        {
            header.marks.push((*m).to_owned());
            continue;
        }
        if is_upper(t) || issuer_cells.is_empty() {
            issuer_cells.push(c);
        }
    }
    if let Some(kind) = motto_kind {
        header.motto = Some(Motto {
            kind,
            lines: motto_lines,
        });
    }
    let mut tolerated = Vec::new();
    header.issuer = issuer(ctx, &issuer_cells, &mut tolerated);
    let span = issuer_cells
        .first()
        .map(|c| ctx.span(c.start, c.end))
        .unwrap_or_default();
    for t in tolerated {
        ctx.diag(
            codes::OCR_TOLERATED,
            Severity::Info,
            format!("read \"{}\" in the issuer as \"{}\"", t.read, t.canonical),
            span,
        );
    }
}

/// The place and date of a cell whose date ("ngày …") starts at byte `pos`: the place is what
/// stands before it ("Hà Nội, ").
fn place_and_date(header: &mut Header, cell: &str, pos: usize, parts: DateParts) {
    let place = cell.sub(..pos).trim().trim_end_matches(',').trim();
    header.place = (!place.is_empty()).then(|| place.to_owned());
    header.date = parts.iso();
    header.date_parts = Some(parts);
}

/// Phase B: the type name and the title after it, or the subject of a letter, from line `i`.
/// Returns the line after them (`i` when there is neither).
fn read_title_or_subject(ctx: &mut Ctx, header: &mut Header, i: usize, seen_number: bool) -> usize {
    let lines = ctx.lines;
    let j = skip_blank(lines, i);
    if j >= lines.len() {
        return i;
    }
    if let Some((kind, raw, rest)) = type_line(&lines[j].full) {
        if type_line_exact(&lines[j].full).is_none() {
            let span = ctx.span(lines[j].start(), lines[j].end());
            ctx.diag(
                codes::OCR_TOLERATED,
                Severity::Info,
                format!(
                    "read \"{raw}\" as the type name \"{}\"",
                    kind.name_vi().to_uppercase()
                ),
                span,
            );
        }
        header.kind = kind;
        header.kind_raw = Some(raw);
        return read_type_title(ctx, header, j, rest);
    }
    if lines[j].kind == LineKind::Subject
        || (seen_number && lower_start(&lines[j]))
        || (letter_number(header) && summary_like(&lines[j]))
    {
        return read_subject(ctx, header, i, j);
    }
    i
}

/// The title after the type name on line `j` (`rest` is what follows the name on that line).
/// Returns the line after the title.
fn read_type_title(ctx: &Ctx, header: &mut Header, j: usize, rest: String) -> usize {
    let lines = ctx.lines;
    let type_line_start = lines[j].start();
    let mut title: Vec<String> = Vec::new();
    if !rest.is_empty() {
        title.push(rest);
    }
    let j = read_title(lines, j + 1, &mut title);
    if !title.is_empty() {
        header.title = Some(title.join(" "));
        let last = (0..j)
            .rev()
            .find(|&k| !lines[k].is_blankish())
            .unwrap_or(j - 1);
        header.title_span = Some(ctx.span(type_line_start, lines[last].end().max(type_line_start)));
    }
    j
}

/// The subject of a letter from line `j` and the lines it wraps onto; a date in the right-hand
/// column of those lines is the header's. `i` is where phase B started. Returns the line after
/// the subject.
fn read_subject(ctx: &Ctx, header: &mut Header, i: usize, mut j: usize) -> usize {
    let lines = ctx.lines;
    let n = lines.len();
    let mut subject = vec![lines[j].full.clone()];
    j += 1;
    while j < n
        && !lines[j].is_blankish()
        && lines[j].kind == LineKind::Text
        && !starts_preamble(&lines[j].full)
    {
        // Dates on the right-hand column may share these lines.
        let cells = split_cells(ctx.text, &lines[j]);
        for c in cells {
            if has_full_date(&c.text) && header.date_parts.is_none() {
                if let Some((pos, parts)) = date_in(&c.text) {
                    place_and_date(header, &c.text, pos, parts);
                }
            } else {
                subject.push(c.text);
            }
        }
        j += 1;
    }
    let s = subject.join(" ");
    let s = s
        .strip_prefix("V/v")
        .or_else(|| s.strip_prefix("V/V"))
        .unwrap_or(&s)
        .trim_start_matches([':', ' '])
        .to_owned();
    header.subject = Some(s);
    let first = skip_blank(lines, i);
    header.title_span = Some(ctx.span(lines[first.min(j - 1)].start(), lines[j - 1].end()));
    j
}

/// The right-hand column (place and date) may come after the subject in the text: read it
/// from line `i` when the header has no date yet. Returns the line after it, or `i`.
fn read_late_date(ctx: &Ctx, header: &mut Header, i: usize) -> usize {
    if header.date_parts.is_some() {
        return i;
    }
    let lines = ctx.lines;
    let n = lines.len();
    let mut k = i;
    let mut extra: Vec<Cell> = Vec::new();
    while k < n && k < i + 8 {
        let l = &lines[k];
        if l.is_blankish() || l.kind == LineKind::Rule {
            k += 1;
            continue;
        }
        let joined = format!(
            "{} {}",
            l.full,
            lines.get(k + 1).map_or("", |x| x.full.as_str())
        );
        let continuing = extra
            .last()
            .is_some_and(|c: &Cell| incomplete_date(&c.text));
        // The preamble's dates are those of the documents it cites ("Căn cứ Luật … ngày 19
        // tháng 6 năm 2015"), never the document's own.
        if starts_opening(&l.full)
            || (!continuing && !has_full_date(&l.full) && !has_full_date(&joined))
        {
            break;
        }
        extra.extend(split_cells(ctx.text, l));
        k += 1;
        let merged = merge_cells(extra.clone());
        if merged.iter().any(|c| has_full_date(&c.text)) {
            break;
        }
    }
    for c in merge_cells(extra) {
        if let Some((pos, parts)) = date_in(&c.text) {
            // A place is a name of a few words, not a sentence.
            let place = c.text.sub(..pos).trim().trim_end_matches(',');
            if place.chars().count() > 40 || starts_opening(&c.text) {
                return i;
            }
            place_and_date(header, &c.text, pos, parts);
            return k;
        }
    }
    i
}

/// The document type: the printed name wins, then the type code, then the layout. A
/// consolidated text prints the type of the document it consolidates; its symbol says VBHN.
fn infer_kind(header: &mut Header) {
    if header
        .number
        .as_ref()
        .is_some_and(|n| n.type_code.as_deref() == Some("VBHN"))
    {
        header.kind = DocumentKind::Consolidated;
    }
    // No type line and a "V/v" subject: an official letter, whatever codes its number holds
    // ("6120/CT-CS" is the office CT's letter, not a Chỉ thị).
    if header.kind == DocumentKind::Unknown && header.subject.is_some() {
        header.kind = DocumentKind::OfficialLetter;
    }
    if header.kind == DocumentKind::Unknown {
        header.kind = header
            .number
            .as_ref()
            .and_then(|n| {
                if n.form == NumberForm::Law {
                    return Some(DocumentKind::Law);
                }
                n.type_code.as_deref().and_then(DocumentKind::from_code)
            })
            .or_else(|| {
                (header.subject.is_some()
                    || header
                        .number
                        .as_ref()
                        .is_some_and(|n| n.type_code.is_none()))
                .then_some(DocumentKind::OfficialLetter)
            })
            .unwrap_or(DocumentKind::Unknown);
    }
}

/// With no issuing body printed, name it from the issuer code of a national body ("QH15").
fn issuer_from_code(ctx: &mut Ctx, header: &mut Header) {
    if header.issuer.name.is_some() {
        return;
    }
    let code = header.number.as_ref().and_then(|n| n.issuer_code.clone());
    if let Some(name) = code.as_deref().and_then(national_issuer) {
        header.issuer.name = Some(name.to_owned());
        let span = header.number.as_ref().map(|n| n.span).unwrap_or_default();
        ctx.diag(
            codes::ISSUER_FROM_CODE,
            Severity::Info,
            format!(
                "no issuing body printed; named \"{name}\" from the issuer code {}",
                code.as_deref().unwrap_or("")
            ),
            span,
        );
    }
}

/// The number of an official letter: a symbol with no type code ("5155/SGDĐT-GDTXNNĐH").
fn letter_number(h: &Header) -> bool {
    h.number
        .as_ref()
        .is_some_and(|n| n.type_code.is_none() && n.form != NumberForm::Law)
}

/// A sentence-case line that can be a letter's summary ("Về hướng dẫn …").
fn summary_like(l: &Line) -> bool {
    l.kind == LineKind::Text
        && !is_upper(&l.full)
        && !starts_preamble(&l.full)
        && !has_full_date(&l.full)
        && l.full.chars().count() <= 200
}

fn lower_start(l: &Line) -> bool {
    l.kind == LineKind::Text && l.full.chars().next().is_some_and(char::is_lowercase)
}

fn header_has_date(cells: &[Cell]) -> bool {
    cells.iter().any(|c| has_full_date(&c.text))
}

fn skip_blank(lines: &[Line], mut i: usize) -> usize {
    while i < lines.len()
        && (lines[i].is_blankish() || lines[i].kind == LineKind::Rule || lines[i].is_noise())
    {
        i += 1;
    }
    i
}

fn number_cell(ctx: &mut Ctx, c: &Cell) -> Option<DocumentNumber> {
    let (kind, _) = classify_start(&c.text);
    if kind != LineKind::NumberStart {
        return None;
    }
    let t = c.text.as_str();
    let (prefix, rest) = match t.find(':') {
        Some(p) if p < 20 => (t.sub(..p), t.sub(p + 1..)),
        _ => {
            let p = t.find(|ch: char| ch.is_ascii_digit() || ch == '/' || ch == '-')?;
            (t.sub(..p), t.sub(p..))
        }
    };
    let raw = rest.trim().to_owned();
    let span = ctx.span(c.start, c.end);
    match parse_symbol(&raw, prefix.trim()) {
        Some(p) => {
            if p.seq.is_none() {
                ctx.diag(
                    codes::HEADER_BLANK_NUMBER,
                    Severity::Info,
                    "the number is left blank (an unsigned draft)",
                    span,
                );
            }
            Some(DocumentNumber {
                raw: raw.into(),
                normalized: p.normalized,
                seq: p.seq,
                year: p.year,
                type_code: p.type_code,
                issuer_code: p.issuer_code,
                form: p.form,
                span,
            })
        }
        None => {
            ctx.diag(
                codes::HEADER_BAD_NUMBER,
                Severity::Warning,
                format!("cannot read the number and symbol \"{raw}\""),
                span,
            );
            None
        }
    }
}

/// A line that is a document type name, possibly followed by the start of the title.
/// Returns (kind, type name as printed, rest).
fn type_line(full: &str) -> Option<(DocumentKind, String, String)> {
    type_line_exact(full).or_else(|| type_line_loose(full).map(|(k, r)| (k, r, String::new())))
}

/// A type name alone on an upper-case line, read loosely (OCR: "KÉT LUẬN" for KẾT LUẬN):
/// (kind, the name as printed).
fn type_line_loose(full: &str) -> Option<(DocumentKind, String)> {
    let t = full.trim().trim_end_matches(['.', ':']);
    if t.is_empty() || t.chars().count() > 40 || !is_upper(t) {
        return None;
    }
    // The type names upper-cased once, not on every line asked about, with the first
    // letters of their first words: a name is tried only where the line's first word may
    // match its first (most lines are turned away without a comparison).
    type Lead = [Option<char>; 2];
    static NAMES: std::sync::LazyLock<Vec<(DocumentKind, String, Lead)>> =
        std::sync::LazyLock::new(|| {
            DocumentKind::ALL
                .iter()
                .map(|k| {
                    let name = k.name_vi().to_uppercase();
                    let first = name.split_whitespace().next().unwrap_or_default();
                    let lead = loose::first_letters(first);
                    (*k, name, lead)
                })
                .collect()
        });
    let lead = loose::first_letters(t.split_whitespace().next().unwrap_or_default());
    NAMES
        .iter()
        .filter(|(_, _, name_lead)| loose::shares_first_letters(lead, *name_lead))
        .find_map(|(k, name, _)| loose::equals(t, name).map(|_| (*k, t.to_owned())))
}

fn type_line_exact(full: &str) -> Option<(DocumentKind, String, String)> {
    let t = full.trim();
    if t.is_empty() || t.chars().count() > 200 {
        return None;
    }
    let upper_words: Vec<&str> = t.split_whitespace().collect();
    // Try the longest upper-case prefix that names a type (up to four words).
    for take in (1..=upper_words.len().min(4)).rev() {
        let head = upper_words[..take].join(" ");
        if !is_upper(&head) && head != "LUẬT" {
            continue;
        }
        if let Some(kind) = DocumentKind::from_name(&head) {
            let rest = upper_words[take..].join(" ");
            // "KẾ HOẠCH" alone, or followed by a title; not a sentence that starts with the word.
            if rest.is_empty() || is_upper(&rest) || rest.starts_with(|c: char| c.is_uppercase()) {
                return Some((kind, head, rest));
            }
        }
    }
    None
}

/// A line naming who enacts: an office or a collective body in upper case, alone on its line.
fn is_authority_line(t: &str) -> bool {
    const HEADS: &[&str] = &[
        "CỤC TRƯỞNG",
        "BỘ TRƯỞNG",
        "CHỦ TỊCH",
        "GIÁM ĐỐC",
        "THỦ TƯỚNG",
        "TRƯỞNG BAN",
        "CHÁNH VĂN PHÒNG",
        "TỔNG GIÁM ĐỐC",
        "TỔNG CỤC TRƯỞNG",
        "VIỆN TRƯỞNG",
        "CHÁNH ÁN",
        "ỦY BAN NHÂN DÂN",
        "UỶ BAN NHÂN DÂN",
        "HỘI ĐỒNG NHÂN DÂN",
        "CHÍNH PHỦ",
        "QUỐC HỘI",
        "ỦY BAN THƯỜNG VỤ",
        "BAN THƯỜNG VỤ",
        "BỘ CHÍNH TRỊ",
        "BAN BÍ THƯ",
        "BAN CHẤP HÀNH",
    ];
    is_upper(t) && t.chars().count() <= 80 && HEADS.iter().any(|h| t.starts_with(h))
}

/// Title lines after the type name: until a blank line, a rule, a marker or the preamble.
fn read_title(lines: &[Line], mut j: usize, title: &mut Vec<String>) -> usize {
    let n = lines.len();
    // Blank lines between the type name and the title.
    let mut k = j;
    while k < n && lines[k].is_blankish() && k < j + 3 {
        k += 1;
    }
    if title.is_empty() {
        j = k;
    }
    let mut taken = 0;
    while j < n && taken < 10 {
        let l = &lines[j];
        // A title line in small letters after a blank line goes on with the title: a web
        // page's title printed a line a paragraph ("… ngày 04/01/2026" / "" / "của Ban Thường
        // vụ Tỉnh ủy về …", found at stop 60).
        if let Some(k) = title_goes_on_over_blank(lines, j).filter(|_| !title.is_empty()) {
            j = k;
            continue;
        }
        if l.is_blankish() || l.kind == LineKind::Rule || l.is_noise() {
            if l.kind == LineKind::Rule {
                j += 1;
            }
            break;
        }
        // A plan's title may itself start with "V/v".
        let text_like = matches!(l.kind, LineKind::Text | LineKind::Subject);
        if !text_like || (starts_opening(&l.full) && !(title.is_empty() && opening_title(lines, j)))
        {
            break;
        }
        // An authority line between the title and the preamble ("CỤC TRƯỞNG CỤC HẢI QUAN",
        // then "Căn cứ …") is the enacting authority, not title.
        if !title.is_empty() && is_authority_line(&l.full) {
            let next = skip_blank(lines, j + 1);
            if lines.get(next).is_some_and(|n| starts_preamble(&n.full)) {
                break;
            }
        }
        // An upper-case title does not continue into a sentence-case line.
        if let Some(prev) = title.last() {
            if is_upper(prev) && !is_upper(&l.full) && !starts_lower(&l.full) {
                break;
            }
        }
        title.push(l.full.to_string());
        taken += 1;
        j += 1;
    }
    j
}

/// Where a title goes on after the blank lines at `j` (at most two): a line of text in small
/// letters. `None` when `j` is not blank or no such line follows.
fn title_goes_on_over_blank(lines: &[Line], j: usize) -> Option<usize> {
    if !lines.get(j)?.is_blankish() {
        return None;
    }
    let k = (j..lines.len().min(j + 3)).find(|&k| !lines[k].is_blankish())?;
    let l = &lines[k];
    (l.kind == LineKind::Text && starts_lower(&l.full)).then_some(k)
}

/// Words a title in sentence case may start with that also open a preamble line.
const TITLE_OPENERS: &[&str] = &["Thực hiện", "Triển khai"];

/// The most lines a title written like a preamble line is read over.
const OPENING_TITLE_LINES: usize = 6;

/// Whether the lines from `j`, right under the type name, are a title in sentence case that
/// starts as a preamble line does ("KẾ HOẠCH" / "Thực hiện Nghị quyết số 34-NQ/TU … năm
/// 2026", then a blank line or "Căn cứ …"): they start with [`TITLE_OPENERS`], run to a blank
/// line, a rule, a marked line or a line that opens the text within
/// [`OPENING_TITLE_LINES`], and the last ends with no punctuation. A preamble line goes on
/// into what it leads to ("…, Ủy ban nhân dân tỉnh ban hành Kế hoạch … như sau:") or ends
/// with a comma, a semicolon or a full stop.
fn opening_title(lines: &[Line], j: usize) -> bool {
    let first = &lines[j].full;
    if !TITLE_OPENERS.iter().any(|p| first.starts_with(p)) {
        return false;
    }
    let mut last = j;
    for (k, l) in lines.iter().enumerate().skip(j + 1) {
        let ends_block = l.is_blankish()
            || l.is_noise()
            || !matches!(l.kind, LineKind::Text | LineKind::Subject)
            || starts_opening(&l.full);
        if ends_block {
            break;
        }
        if k - j + 1 > OPENING_TITLE_LINES {
            return false;
        }
        last = k;
    }
    !lines[last]
        .full
        .trim_end()
        .ends_with([',', ';', ':', '.', '…'])
}

/// "Kính gửi:" and its addressees: one line, or "-" items until one ends with ".".
/// Whether `line` goes on with the addressee before it: it starts in lower case ("trực
/// thuộc Trung ương"), or the addressee ends with a comma or a word no name ends with ("…
/// Đài tiếng nói Việt Nam," / "Thông tấn xã Việt Nam;", "… Nông nghiệp và" / "Môi trường,
/// …"), or, past the heading's own line (`later`), it ends as a list's item does (";") or
/// is a short piece of a name ("Cai;") that opens nothing. A long line in capitals is the
/// letter's first sentence ("Trả lời Công văn số …"): taken as the rest of a wrapped
/// addressee, it and the sentences after it were read as the name.
fn wraps_addressee(last: Option<&(String, usize, usize)>, line: &str, later: bool) -> bool {
    let unfinished = last.is_some_and(|(t, _, _)| crate::lines::ends_with_connective(t));
    let item_end = line.trim_end().ends_with(';');
    starts_lower(line)
        || unfinished
        || (later && (item_end || line.chars().count() <= 40) && !starts_opening(line))
}

fn read_addressees(ctx: &mut Ctx, k: usize) -> (Vec<Recipient>, usize) {
    let lines = ctx.lines;
    let n = lines.len();
    let mut items: Vec<(String, usize, usize)> = Vec::new();
    let first = &lines[k];
    if first.kind == LineKind::Addressee && !first.clean().is_empty() {
        let t = first.clean().trim_start_matches(['-', ' ']).to_owned();
        items.push((t, first.start(), first.end()));
    }
    let mut j = k + 1;
    let finished = |items: &[(String, usize, usize)]| {
        items
            .last()
            .is_some_and(|(t, _, _)| t.trim_end().ends_with('.') && !t.ends_with("v.v."))
    };
    while j < n && !finished(&items) {
        let l = &lines[j];
        if l.is_blankish() {
            // Blank lines inside the block are fine while a "-" item follows.
            let next = skip_blank(lines, j);
            if next < n
                && matches!(l.kind, LineKind::Blank | LineKind::Pipe)
                && lines[next].marker().is_some_and(|m| m.text() == "-")
            {
                j = next;
                continue;
            }
            break;
        }
        let is_item = l
            .marker()
            .is_some_and(|m| m.text() == "-" || m.text() == "–");
        if is_item {
            items.push((l.clean().to_owned(), l.start(), l.end()));
        } else if l.kind == LineKind::Text
            && !starts_preamble(&l.full)
            && items
                .last()
                .is_some_and(|(t, _, _)| !t.trim_end().ends_with([';', '.']))
            && wraps_addressee(items.last(), &l.full, j > k + 1)
        {
            if let Some(last) = items.last_mut() {
                last.0.push(' ');
                last.0.push_str(&l.full);
                last.2 = l.end();
            }
        } else {
            break;
        }
        j += 1;
    }
    let recipients = items
        .into_iter()
        .map(|(t, s, e)| {
            let span = ctx.span(s, e);
            recipient(&t, span)
        })
        .collect();
    (recipients, j)
}

pub(crate) const FIXED_ISSUERS: &str = include_str!("../data/fixed-issuers.tsv");
pub(crate) const CENTRAL_ORGANS: &str = include_str!("../data/party-central-organs.tsv");

/// (printed, canonical) rows of a two-column data file.
pub(crate) fn pairs(data: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    data.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once('\t'))
}

/// A part of an issuer line read loosely (OCR), for the `ocr-tolerated` diagnostic.
pub(crate) struct Tolerated {
    pub read: String,
    pub canonical: &'static str,
}

/// An issuer line in display case, its fixed vocabulary in canonical spelling: "TÍNH ỦY LÀO
/// CAI" → "Tỉnh ủy Lào Cai", "BAN CHẤP HÀNH TRUNG ƯƠNG" → "Ban Chấp hành Trung ương Đảng".
fn issuer_case(ctx: &Ctx, phrase: &str, tolerated: &mut Vec<Tolerated>) -> String {
    let up = phrase.to_uppercase();
    for (printed, canonical) in pairs(FIXED_ISSUERS) {
        let Some((len, m)) = vanban_text::loose::starts_with(&up, printed) else {
            continue;
        };
        // The whole words of the phrase, not a longer word ("ĐẢNG ỦY" in "ĐẢNG ỦYX").
        let rest = up.sub(len..).trim();
        if m == vanban_text::loose::Match::Tolerant {
            tolerated.push(Tolerated {
                read: up.sub(..len).trim().to_owned(),
                canonical,
            });
        }
        // A bare level word after a body ("… ỦY BAN NHÂN DÂN TỈNH") is common, not a name.
        let bare_level = matches!(
            rest,
            "TỈNH" | "THÀNH PHỐ" | "HUYỆN" | "QUẬN" | "THỊ XÃ" | "XÃ" | "PHƯỜNG"
        );
        return if rest.is_empty() {
            canonical.to_owned()
        } else if bare_level {
            format!("{canonical} {}", rest.to_lowercase())
        } else {
            // "ĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH", "BỘ CÔNG AN - BỘ QUỐC PHÒNG": the rest may
            // start with fixed words too.
            let (dash, body) = match rest.strip_prefix('-') {
                Some(b) => ("- ", b.trim_start()),
                None => ("", rest),
            };
            let tail = issuer_case(ctx, body, tolerated);
            let fixed = pairs(FIXED_ISSUERS).any(|(_, c)| tail.starts_with(c));
            if fixed {
                format!("{canonical} {dash}{tail}")
            } else {
                format!("{canonical} {}", ctx.display_case(rest, true))
            }
        };
    }
    ctx.display_case(phrase, false)
}

/// A central organ printed by its short name under the Central Committee ("VĂN PHÒNG") by
/// its full name ("Văn phòng Trung ương Đảng").
fn central_organ(name: &str) -> Option<&'static str> {
    let up = name.to_uppercase();
    pairs(CENTRAL_ORGANS)
        .find(|(printed, _)| vanban_text::loose::equals(&up, printed).is_some())
        .map(|(_, canonical)| canonical)
}

/// The issuer's lines of a header's cells: a name wrapped before "VÀ …" continues the line
/// above; a line printed twice (a page's running title and the header itself) counts once.
fn issuer_lines(cells: &[&Cell]) -> Vec<String> {
    let mut raw: Vec<String> = Vec::new();
    for c in cells {
        let t = c.text.clone();
        let after_dash = raw
            .last()
            .is_some_and(|l: &String| l.trim_end().ends_with('-'));
        if t.starts_with("VÀ ") || t.starts_with("& ") || after_dash || t.starts_with("- ") {
            if let Some(last) = raw.last_mut() {
                last.push(' ');
                last.push_str(&t);
                continue;
            }
        }
        raw.push(t.into());
    }
    let mut seen = vanban_text::HashSet::default();
    raw.retain(|r| seen.insert(r.clone()));
    // A Gazette copy prints the issuer once on one line as its label, then in the letterhead
    // over two or three lines: the label goes.
    let squash = vanban_text::squash_spaces;
    if raw.len() >= 3 {
        let first = squash(&raw[0]);
        if (3..=raw.len()).any(|k| squash(&raw[1..k].join(" ")) == first) {
            raw.remove(0);
        }
    }
    raw
}

/// Build the issuer from the upper-case cells of the left column.
fn issuer(ctx: &Ctx, cells: &[&Cell], tolerated: &mut Vec<Tolerated>) -> Issuer {
    let raw = issuer_lines(cells);
    let mut issuer = Issuer {
        raw: raw.clone(),
        ..Issuer::default()
    };
    if raw.is_empty() {
        return issuer;
    }
    // A parent body and the issuer in one cell (a pipe table's cell holds the letterhead's two
    // lines on one): read as the two lines.
    let raw = match raw.as_slice() {
        [line] => parent_and_body(line).map_or(raw, |(parent, name)| vec![parent, name]),
        _ => raw,
    };
    let upper: Vec<String> = raw.iter().map(|r| r.to_uppercase()).collect();
    // ("TỈNH ỦY" under "ĐẢNG BỘ TỈNH HƯNG YÊN" is the committee, not a place.)
    let is_locality =
        |s: &str| LOCALITY_WORDS.iter().any(|w| s.starts_with(w)) && bare_committee(s).is_none();
    let last = upper.len() - 1;
    if upper.len() >= 2 && is_locality(&upper[last]) {
        let locality = ctx.display_case(&raw[last], true);
        let body: Vec<&str> = raw[..last].iter().map(String::as_str).collect();
        if body.len() >= 2 {
            issuer.parent = Some(issuer_case(ctx, body[0], tolerated));
            issuer.name = Some(format!(
                "{} {}",
                issuer_case(ctx, &body[1..].join(" "), tolerated),
                locality
            ));
        } else {
            issuer.name = Some(format!(
                "{} {}",
                issuer_case(ctx, body[0], tolerated),
                locality
            ));
        }
        issuer.locality = Some(locality);
    } else if upper.len() >= 2 {
        let parent = raw[..last].join(" ");
        let parent_name = issuer_case(ctx, &parent, tolerated);
        let under_central_committee = parent_name == "Ban Chấp hành Trung ương Đảng";
        let locality = locality_in(ctx, &parent);
        issuer.name = Some(match central_organ(&raw[last]) {
            Some(organ) if under_central_committee => organ.to_owned(),
            // "ĐẢNG BỘ TỈNH HƯNG YÊN" / "TỈNH ỦY": "Tỉnh ủy Hưng Yên".
            _ => match (bare_committee(&upper[last]), &locality) {
                (Some(committee), Some(place)) => {
                    let name = place.split_once(' ').map_or(place.as_str(), |(_, n)| n);
                    format!("{committee} {name}")
                }
                _ => issuer_case(ctx, &raw[last], tolerated),
            },
        });
        issuer.parent = Some(parent_name);
        issuer.locality = locality;
    } else {
        issuer.name = Some(issuer_case(ctx, &raw[0], tolerated));
        issuer.locality = locality_in(ctx, &raw[0]);
    }
    issuer
}

/// A Party committee named by its level alone, as printed under its Party organisation
/// ("TỈNH ỦY" under "ĐẢNG BỘ TỈNH HƯNG YÊN"), in the case of its name.
fn bare_committee(upper: &str) -> Option<&'static str> {
    match upper.trim() {
        "TỈNH ỦY" | "TỈNH UỶ" => Some("Tỉnh ủy"),
        "THÀNH ỦY" | "THÀNH UỶ" => Some("Thành ủy"),
        "HUYỆN ỦY" | "HUYỆN UỶ" => Some("Huyện ủy"),
        _ => None,
    }
}

/// Words that start a body's name (`data/agency-heads.tsv`: "Sở", "Cục", "Văn phòng" …).
pub(crate) const AGENCY_HEADS: &str = include_str!("../data/agency-heads.tsv");

/// Local bodies above another in a letterhead, named with their place, upper case: the
/// state's and a Party organisation's with a locality word ("UBND TỈNH LÀO CAI", "ĐẢNG BỘ
/// TỈNH LÀO CAI"), a Party committee's with the place's name alone ("TỈNH ỦY LÀO CAI").
const LOCAL_PARENTS: &[(&str, bool)] = &[
    ("UBND", true),
    ("ỦY BAN NHÂN DÂN", true),
    ("UỶ BAN NHÂN DÂN", true),
    ("HĐND", true),
    ("HỘI ĐỒNG NHÂN DÂN", true),
    ("ĐẢNG BỘ", true),
    ("TỈNH ỦY", false),
    ("TỈNH UỶ", false),
    ("THÀNH ỦY", false),
    ("THÀNH UỶ", false),
    ("HUYỆN ỦY", false),
    ("HUYỆN UỶ", false),
];

/// Heads of bodies a local letterhead names under its parent besides `AGENCY_HEADS`: a
/// district's "Phòng", a hospital, an academy, a branch ("BỆNH VIỆN" before its "VIỆN").
const UNIT_HEADS: &[&str] = &["PHÒNG", "BỆNH VIỆN", "HỌC VIỆN", "CHI NHÁNH"];

/// The provinces' names, upper case, every spelling (`data/provinces.tsv`).
pub(crate) const PROVINCES: &str = include_str!("../data/provinces.tsv");

/// A letterhead's parent body and the issuer under it, printed on one line: "UBND TỈNH LÀO
/// CAI SỞ CÔNG THƯƠNG", "BỘ CÔNG THƯƠNG CỤC HÓA CHẤT", "BAN CHẤP HÀNH TRUNG ƯƠNG VĂN PHÒNG",
/// "UBND HUYỆN BẢO THẮNG PHÒNG GIÁO DỤC VÀ ĐÀO TẠO". The line parts before a body's head word
/// (`AGENCY_HEADS`, `UNIT_HEADS`) whose words before it are a whole parent: a fixed issuer's
/// name ("BỘ CÔNG THƯƠNG"), or a local body with its place ("UBND TỈNH LÀO CAI"; "UBND THÀNH
/// PHỐ" / "HỘI AN" is one name). A parent whose place is a province's name is taken first
/// ("UBND THÀNH PHỐ HẢI PHÒNG" / "SỞ Y TẾ", not "UBND THÀNH PHỐ HẢI" / "PHÒNG SỞ Y TẾ"), then the
/// first head ("BỆNH VIỆN ĐA KHOA", not "… BỆNH" / "VIỆN ĐA KHOA").
fn parent_and_body(line: &str) -> Option<(String, String)> {
    static HEADS: std::sync::LazyLock<Vec<Vec<String>>> = std::sync::LazyLock::new(|| {
        let heads = AGENCY_HEADS.lines().filter(|l| !l.starts_with('#'));
        let heads = heads.chain(UNIT_HEADS.iter().copied());
        let heads = heads.map(|h| h.split_whitespace().map(str::to_uppercase).collect());
        heads.filter(|h: &Vec<String>| !h.is_empty()).collect()
    });
    let words: Vec<&str> = line.split_whitespace().collect();
    let upper: Vec<String> = words.iter().map(|w| w.to_uppercase()).collect();
    let starts =
        |k: usize, phrase: &[String]| upper.get(k..).is_some_and(|r| r.starts_with(phrase));
    // Each place a body's head starts after a whole parent, and whether the parent is sure.
    let parts: Vec<(usize, bool)> = (2..words.len())
        .filter(|&k| HEADS.iter().any(|h| starts(k, h)))
        .filter_map(|k| whole_parent(&upper[..k].join(" ")).map(|sure| (k, sure)))
        .collect();
    let &(k, _) = parts.iter().find(|p| p.1).or(parts.first())?;
    Some((words[..k].join(" "), words[k..].join(" ")))
}

/// Whether `parent` (upper case) is a whole parent body, and then whether surely: a fixed
/// issuer's name or a local body at a province's name (`Some(true)`), a local body with a
/// place that is no province's, a district's or a commune's (`Some(false)`).
fn whole_parent(parent: &str) -> Option<bool> {
    static NAMES: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
        let rows = PROVINCES.lines().filter(|l| !l.starts_with('#'));
        let cells = rows.flat_map(|l| l.split('\t').take(2));
        let names = cells.flat_map(|c| c.split('|')).map(str::trim);
        names
            .filter(|n| !n.is_empty())
            .map(str::to_uppercase)
            .collect()
    });
    if pairs(FIXED_ISSUERS).any(|(printed, _)| printed == parent) {
        return Some(true);
    }
    LOCAL_PARENTS.iter().find_map(|&(body, by_locality)| {
        // The place after the body: a locality word and a name, or a name.
        let place = parent.strip_prefix(body)?.strip_prefix(' ')?;
        let name = if by_locality {
            LOCALITY_WORDS.iter().find_map(|w| place.strip_prefix(w))?
        } else {
            place
        };
        (!name.is_empty()).then(|| NAMES.iter().any(|n| n == name))
    })
}

/// "UBND TỈNH LÀO CAI" → "tỉnh Lào Cai".
fn locality_in(ctx: &Ctx, s: &str) -> Option<String> {
    let up = s.to_uppercase();
    LOCALITY_WORDS.iter().find_map(|w| {
        let pos = up.find(&format!(" {w}"))?;
        // "… VÀ XÃ HỘI" is society, not a commune.
        if up.sub(pos + 1..).starts_with("XÃ HỘI") {
            return None;
        }
        Some(ctx.display_case(up.sub(pos + 1..).trim(), true))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A scan's place-and-date line with the date's words' tone marks lost is read; a date
    /// earlier in the text is found first whatever its spelling.
    #[test]
    fn a_header_date_without_its_tone_marks_is_read() {
        let parse = |t: &str| {
            let parsed = crate::parse(t);
            parsed.document.header.date.clone()
        };
        let head = |date: &str| {
            format!(
                "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 1/KH-UBND\nLào Cai, {date}\nKẾ HOẠCH\nVề X\n\n\
                 I. NỘI DUNG\n1. Làm.\n"
            )
        };
        for date in [
            "ngày 05 tháng 3 năm 2026",
            "ngay 05 tháng 3 năm 2026",
            "ngay 05 thang 3 nam 2026",
            "NGAY 05 THANG 3 NAM 2026",
        ] {
            assert_eq!(parse(&head(date)).as_deref(), Some("2026-03-05"), "{date}");
        }
        let (at, _) =
            crate::header_grammar::date_in("Ngày 1 tháng 2 năm 2020, ngày 3 tháng 4 năm 2021")
                .expect("a date");
        assert_eq!(at, 0);
    }

    /// Web pages' headers: a line break written as "<br>" inside a cell parts the parent from
    /// the issuer, a rule glued into a cell ("**SỞ XÂY DỰNG** \\-------") is no part of the
    /// name, and a Party header's star escaped ("\\*") is the star (stop 60, from documents
    /// written for the test: "Ubnd tỉnh Thái Nguyên<br>sở Khoa Học …", "Sở xây dựng -------",
    /// and no number or date).
    #[test]
    fn web_header_cells_with_line_breaks_rules_and_escapes() {
        let issuer = |text: &str| {
            let h = crate::parse(text).document.header;
            (h.issuer.name.map(|n| n.to_lowercase()), h.date)
        };
        let motto = "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>**Độc lập - Tự do - Hạnh phúc**";
        let (who, date) = issuer(&format!(
            "| UBND TỈNH THÁI NGUYÊN<br>**SỞ KHOA HỌC VÀ CÔNG NGHỆ** | {motto} |\n|---|---|\n\
             | Số: 02/ĐA-SKHCN | *Thái Nguyên, ngày 10 tháng 02 năm 2026* |\n\n# ĐỀ ÁN\n\n\
             Phát triển hạ tầng số\n"
        ));
        assert_eq!(who.as_deref(), Some("sở khoa học và công nghệ"));
        assert!(date.is_some());
        let (who, _) = issuer(
            "| **ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ** **SỞ XÂY DỰNG** \\------- | **CỘNG HÒA XÃ \
             HỘI CHỦ NGHĨA VIỆT NAM** **Độc lập - Tự do - Hạnh phúc** \\--------------- |\n\
             |---|---|\n| Số: 12/KH-SXD | *Cần Thơ, ngày 05 tháng 02 năm 2026* |\n\n\
             **KẾ HOẠCH**\n\nThực hiện nhiệm vụ năm 2026\n",
        );
        assert_eq!(who.as_deref(), Some("sở xây dựng"));
        let h = crate::parse(
            "**TỈNH ỦY HƯNG YÊN**\n\\*\n\nSố 15-KL/TU\n\n**ĐẢNG CỘNG SẢN VIỆT NAM**\n\n\
             *Hưng Yên, ngày 25 tháng 11 năm 2025*\n\n**KẾT LUẬN**\n\nCủa Ban Thường vụ\n",
        )
        .document
        .header;
        assert!(h.number.is_some() && h.date.is_some(), "{h:?}");
    }

    /// A place and a date in figures ("Đà Nẵng, ngày 3/2/2026") is the header's date, beside
    /// the number or on a line of its own; a subject's "… ngày 30/8/2026 của …" is not (stop
    /// 60).
    #[test]
    fn a_place_and_a_date_in_figures() {
        for text in [
            "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 1/KH-UBND\nĐà Nẵng, ngày 3/2/2026\nKẾ HOẠCH\nVề X\n1. Làm.\n",
            "  SỞ TƯ PHÁP          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n  Số: 27/TB-STP        \
             Đà Nẵng, ngày 03/02/2026\n\n     THÔNG BÁO\n  Kết quả kiểm tra\n1. Làm.\n",
        ] {
            let h = crate::parse(text).document.header;
            assert_eq!(h.date.map(|d| d.to_string()).as_deref(), Some("2026-02-03"), "{text}");
        }
        assert_eq!(
            numeric_place_date("số 104-CTr/TU ngày 30/8/2026 của Tỉnh ủy"),
            None
        );
    }

    /// A Party header laid out by a PDF's text layer, its star beside the date and its number a
    /// line below: the star opens no emphasis and the number is read (stop 60).
    #[test]
    fn a_party_star_beside_the_date_leaves_the_number_below_it() {
        let text = "     ĐẢNG BỘ TỈNH TUYÊN QUANG                   ĐẢNG CỘNG SẢN VIỆT NAM\n    \
                    ĐẢNG ỦY XÃ MINH XUÂN\n             *                            Minh Xuân, \
                    ngày 12 tháng 01 năm 2026\n        Số 45-KH/ĐU\n\n                     \
                    KẾ HOẠCH\n        triển khai thực hiện Nghị quyết số 57-NQ/TW\n\n1. Làm.\n";
        let h = crate::parse(text).document.header;
        assert_eq!(
            h.number.map(|n| n.normalized.to_string()).as_deref(),
            Some("45-KH/ĐU")
        );
        assert!(h.date.is_some());
    }

    /// A title printed a line a paragraph, as web pages carry it, goes on over a blank line
    /// into a line in small letters ("… ngày 04/01/2026" / "" / "của Ban Thường vụ …"); a line
    /// in capitals after the blank line is the text's (stop 60).
    #[test]
    fn a_title_goes_on_over_a_blank_line_into_small_letters() {
        let title = |under: &str| {
            let text = format!(
                "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 134/KH-UBND\nLào Cai, ngày 26 tháng 3 năm \
                 2026\nKẾ HOẠCH\n\n{under}\n\nThực hiện Chỉ thị số 11-CT/TU, Ủy ban nhân dân \
                 tỉnh ban hành Kế hoạch.\nI. MỤC ĐÍCH\n1. Làm.\n"
            );
            crate::parse(&text).document.header.title
        };
        assert_eq!(
            title(
                "Triển khai thực hiện Chỉ thị số 11-CT/TU ngày 04/01/2026\n\ncủa Ban Thường vụ \
                 Tỉnh ủy về khoáng sản\n\n\ntrên địa bàn tỉnh Lào Cai"
            )
            .as_deref(),
            Some(
                "Triển khai thực hiện Chỉ thị số 11-CT/TU ngày 04/01/2026 của Ban Thường vụ \
                 Tỉnh ủy về khoáng sản trên địa bàn tỉnh Lào Cai"
            )
        );
        assert_eq!(
            title("Về tăng cường quản lý khoáng sản\n\nCăn cứ Luật Khoáng sản;").as_deref(),
            Some("Về tăng cường quản lý khoáng sản")
        );
    }

    /// A title in sentence case right under the type name that starts as a preamble line does
    /// ("Thực hiện …", "Triển khai …"; a PDF text layer indents it) is the title when it ends
    /// with no punctuation before a blank line or the preamble; a preamble line there (it
    /// ends with a comma, a semicolon or a stop, or goes on into what it leads to) is not.
    #[test]
    fn a_sentence_case_title_may_start_as_a_preamble_line() {
        let title = |under: &str| {
            let text = format!(
                "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 134/KH-UBND\nLào Cai, ngày 26 tháng 3 năm \
                 2026\n\n                    KẾ HOẠCH\n{under}\nI. MỤC ĐÍCH\n1. Làm.\n"
            );
            crate::parse(&text).document.header.title
        };
        let want = "Thực hiện Nghị quyết số 34-NQ/TU của Tỉnh uỷ Lào Cai về phát triển các \
                    khu, cụm công nghiệp";
        for under in [
            "  Thực hiện Nghị quyết số 34-NQ/TU của Tỉnh uỷ Lào Cai\n về phát triển các khu, \
             cụm công nghiệp\n\n      Căn cứ Nghị định số 35/2022/NĐ-CP;",
            "Thực hiện Nghị quyết số 34-NQ/TU của Tỉnh uỷ Lào Cai\nvề phát triển các khu, cụm \
             công nghiệp\nCăn cứ Nghị định số 35/2022/NĐ-CP;",
        ] {
            assert_eq!(title(under).as_deref(), Some(want), "{under}");
        }
        assert_eq!(
            title("Triển khai thực hiện Chỉ thị số 11-CT/TU ngày 04/01/2026\n\nThực hiện Chỉ thị.")
                .as_deref(),
            Some("Triển khai thực hiện Chỉ thị số 11-CT/TU ngày 04/01/2026")
        );
        for preamble in [
            "Thực hiện Nghị quyết số 34-NQ/TU của Tỉnh uỷ Lào Cai,\nỦy ban nhân dân tỉnh ban \
             hành Kế hoạch như sau:",
            "Thực hiện Nghị quyết số 34-NQ/TU của Tỉnh uỷ Lào Cai;\n\nCăn cứ Nghị định số \
             35/2022/NĐ-CP;",
            "Thực hiện Nghị quyết số 34-NQ/TU của Tỉnh uỷ Lào Cai\nỦy ban nhân dân tỉnh ban \
             hành Kế hoạch thực hiện.",
            "Căn cứ Nghị định số 35/2022/NĐ-CP ngày 28 tháng 5 năm 2022 của Chính phủ\n\n",
            "Thực hiện Nghị quyết số 34-NQ/TU\nmột\nhai\nba\nbốn\nnăm\nsáu\n\n",
        ] {
            assert_eq!(title(preamble), None, "{preamble}");
        }
    }

    /// The names of a text's addressees.
    fn addressees(text: &str) -> Vec<String> {
        let header = crate::parse(text).document.header;
        header.addressees.into_iter().map(|r| r.name).collect()
    }

    /// An addressee wrapped onto a second line keeps its own lines: the letter's first
    /// sentence after it, in capitals and long, is no part of the name (it and every
    /// sentence up to one ending with a full stop were, their citations with them); a short
    /// piece of a name in capitals still goes on.
    #[test]
    fn a_wrapped_addressee_stops_before_the_first_sentence() {
        let head = "BỘ CÔNG THƯƠNG\nCỤC HÓA CHẤT\nSố: 597/HC-QLHC\nV/v cấp giấy phép\n\
                    Hà Nội, ngày 27 tháng 3 năm 2026\n";
        let body = "Trả lời Công văn số 1012/SCT-KYATMT ngày 09 tháng 3 năm 2026 của Sở Công \
                    Thương, Cục Hóa chất có ý kiến như sau:\nKhoản 1 Điều 12 Luật Hóa chất \
                    số 69/2025/QH15 quy định việc xuất khẩu.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n";
        for (list, want) in [
            (
                "Kính gửi: Ủy ban nhân dân các tỉnh, thành phố\ntrực thuộc Trung ương\n",
                "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
            ),
            (
                "Kính gửi:\n- Ủy ban nhân dân tỉnh Lào\nCai\n",
                "Ủy ban nhân dân tỉnh Lào Cai",
            ),
            (
                "Kính gửi:\n- Các Bộ: Tài chính, Xây dựng, Công Thương, Nông nghiệp và\n\
                 Môi trường, Khoa học và Công nghệ, Giáo dục và Đào tạo\n",
                "Các Bộ: Tài chính, Xây dựng, Công Thương, Nông nghiệp và Môi trường, Khoa học \
                 và Công nghệ, Giáo dục và Đào tạo",
            ),
            (
                "Kính gửi:\n- Sở Tài chính;\n- Sở Xây dựng\nPhúc đáp Công văn số 12/STC-NS,\n",
                "Sở Xây dựng",
            ),
            (
                "Kính gửi:\n- Ủy ban nhân dân các xã, phường, đặc khu\n\
                 Vân Đồn, Cô Tô, Tiên Yên, Bình Liêu trên địa bàn tỉnh;\n",
                "Ủy ban nhân dân các xã, phường, đặc khu Vân Đồn, Cô Tô, Tiên Yên, Bình Liêu \
                 trên địa bàn tỉnh",
            ),
        ] {
            let got = addressees(&format!("{head}{list}{body}"));
            assert_eq!(got.last().map(String::as_str), Some(want), "{list}");
        }
    }

    /// An addressee wrapped after a comma goes on into the next line, in capitals or not; the
    /// items after it stay addressees (before, the list ended at the comma and the items
    /// after it became the body's).
    #[test]
    fn an_addressee_wrapped_after_a_comma_goes_on() {
        let head = "THỦ TƯỚNG CHÍNH PHỦ\n\nSố: 224/CĐ-TTg\n\nHà Nội, ngày 20 tháng 11 năm 2025\n\n\
                    CÔNG ĐIỆN\nVề việc X\n\nTHỦ TƯỚNG CHÍNH PHỦ điện:\n";
        let body = "\nTheo báo cáo của Bộ Xây dựng.\n\n1. Bộ Xây dựng rà soát.\n";
        for (list, want) in [
            (
                "- Tổng giám đốc Đài tiếng nói Việt Nam,\nThông tấn xã Việt Nam;\n- Tổng biên tập Báo Nhân dân.\n",
                vec!["Tổng giám đốc Đài tiếng nói Việt Nam, Thông tấn xã Việt Nam", "Tổng biên tập Báo Nhân dân"],
            ),
            (
                "- Tổng biên tập Báo Nhân dân;\n- Ủy ban nhân dân các xã,\nphường.\n",
                vec!["Tổng biên tập Báo Nhân dân", "Ủy ban nhân dân các xã, phường"],
            ),
        ] {
            let got = addressees(&format!("{head}{list}{body}"));
            assert_eq!(got, want, "{list}");
        }
    }

    /// A parent and its body on one line part before the body's head word; a one-line name,
    /// or a place whose name starts with a head word ("TRƯỜNG SA"), does not.
    #[test]
    fn a_parent_and_its_body_on_one_line_part() {
        let part = |l: &str| parent_and_body(l).map(|(p, b)| format!("{p} | {b}"));
        for (parent, body) in [
            ("UBND TỈNH LÀO CAI", "SỞ CÔNG THƯƠNG"),
            ("BỘ CÔNG THƯƠNG", "CỤC HÓA CHẤT"),
            ("TỈNH ỦY LÀO CAI", "BAN TUYÊN GIÁO"),
            ("BAN CHẤP HÀNH TRUNG ƯƠNG", "VĂN PHÒNG"),
            ("UBND TỈNH LÀO CAI", "BỆNH VIỆN ĐA KHOA TỈNH"),
            ("UBND HUYỆN BẢO THẮNG", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"),
            ("UBND TỈNH LÀO CAI", "CHI NHÁNH VĂN PHÒNG ĐĂNG KÝ ĐẤT ĐAI"),
            ("UBND THÀNH PHỐ HẢI PHÒNG", "SỞ Y TẾ"),
        ] {
            let want = format!("{parent} | {body}");
            assert_eq!(part(&format!("{parent} {body}")), Some(want));
        }
        for one in [
            "ỦY BAN NHÂN DÂN TỈNH LÀO CAI",
            "UBND HUYỆN TRƯỜNG SA",
            "BỘ NỘI VỤ",
            "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP TỈNH LÀO CAI",
            "BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG",
        ] {
            assert_eq!(part(one), None, "{one}");
        }
    }

    /// A type code with a plain D for its Đ (an ASCII-only copy, an OCR reading) is the code
    /// meant: "29/2008/ND-CP" was read with issuer "ND-CP", no type; "HD" (hướng dẫn) is a
    /// code of its own and stays.
    #[test]
    fn a_type_code_with_a_plain_d_is_the_code_meant() {
        let read = |s: &str| {
            let p = parse_symbol(s, "").expect("a symbol");
            (p.normalized.to_string(), p.type_code.map(|t| t.to_string()))
        };
        assert_eq!(
            read("29/2008/ND-CP"),
            ("29/2008/NĐ-CP".to_owned(), Some("NĐ".to_owned()))
        );
        assert_eq!(
            read("1721/QD-UBND"),
            ("1721/QĐ-UBND".to_owned(), Some("QĐ".to_owned()))
        );
        assert_eq!(read("12/HD-UBND").1, Some("HD".to_owned()));
        assert_eq!(read("12/UBND-VX").1, None);
    }

    /// A type line read loosely finds what trying every type name finds: on every line of the
    /// corpus upper-cased, and on each type name with a letter dropped, changed or doubled,
    /// its marks removed, punctuation around it and a word after it.
    #[test]
    fn type_lines_read_loosely_as_every_name_would() {
        let every_name = |full: &str| {
            let t = full.trim().trim_end_matches(['.', ':']);
            if t.is_empty() || t.chars().count() > 40 || !is_upper(t) {
                return None;
            }
            DocumentKind::ALL.iter().find_map(|k| {
                let name = k.name_vi().to_uppercase();
                loose::equals(t, &name).map(|_| (*k, t.to_owned()))
            })
        };
        let mut lines: Vec<String> = crate::corpus_texts()
            .iter()
            .flat_map(|t| t.lines().map(str::to_uppercase).collect::<Vec<_>>())
            .collect();
        for k in DocumentKind::ALL {
            let name: Vec<char> = k.name_vi().to_uppercase().chars().collect();
            for i in 0..name.len() {
                let mut dropped = name.clone();
                dropped.remove(i);
                let mut changed = name.clone();
                changed[i] = 'X';
                let mut doubled = name.clone();
                doubled.insert(i, name[i]);
                for v in [dropped, changed, doubled] {
                    let v: String = v.into_iter().collect();
                    lines.extend([v.clone(), format!("- {v} -"), format!("{v} MỚI")]);
                }
            }
            let bare: String = name
                .iter()
                .map(|&c| loose::base_letter(c).to_ascii_uppercase())
                .collect();
            lines.push(bare);
        }
        let mut found = 0;
        for line in &lines {
            let want = every_name(line);
            assert_eq!(type_line_loose(line), want, "{line:?}");
            found += usize::from(want.is_some());
        }
        assert!(found > 100, "{found}");
    }

    /// The issuer of a code as first written: each code of the list upper-cased as a string
    /// and compared.
    fn issuer_by_strings(code: &str) -> Option<&'static str> {
        let base = code_base(code)?;
        issuer_codes()
            .find(|(c, _)| *c == base)
            .or_else(|| issuer_codes().find(|(c, _)| c.to_uppercase() == base.to_uppercase()))
            .map(|(_, name)| name)
    }

    #[test]
    fn issuer_codes_match_in_any_case_as_upper_cased_strings_do() {
        let codes: Vec<&str> = issuer_codes().map(|(c, _)| c).collect();
        assert!(codes.iter().any(|c| !c.is_ascii()), "a code with Đ");
        let mut checked = 0;
        for code in codes {
            let mixed: String = code
                .chars()
                .enumerate()
                .flat_map(|(i, c)| {
                    let up: Vec<char> = if i % 2 == 0 {
                        c.to_lowercase().collect()
                    } else {
                        c.to_uppercase().collect()
                    };
                    up
                })
                .collect();
            for form in [
                code.to_owned(),
                code.to_lowercase(),
                code.to_uppercase(),
                mixed,
                format!("{}12-UBND", code.to_lowercase()),
                format!("{code}x"),
                format!("ß{code}"),
            ] {
                assert_eq!(national_issuer(&form), issuer_by_strings(&form), "{form:?}");
                checked += 1;
            }
        }
        assert!(checked > 100, "{checked}");
    }
}
