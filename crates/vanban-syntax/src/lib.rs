//! Text boundary, grammars and lowering: turns the bytes of a Vietnamese administrative, legal
//! or Party document into the typed [`vanban_model::Document`].
//!
//! The path a document takes: [`text::decode`] (bytes to text) → [`text::normalize`] (NFC, LF,
//! odd spaces, with an offset map back to the input) → the line pass (`grammars/line.pest`
//! classifies each line by its marker; hard-wrapped lines are joined) → lowering (header by
//! `grammars/header.pest`, body hierarchy by marker rank, closing, appendices).
#![warn(missing_docs)]

mod cell_lines;
mod cells;
pub mod clean;
mod closing;
mod ctx;
pub mod error;
pub mod header;
mod header_grammar;
mod late;
mod layout_tables;
mod line;
mod lines;
mod lower;
mod ocr;
mod recipient;
mod symbol;
mod tables;
pub mod text;

pub use error::{DecodeError, ParseError};

use vanban_model::codes;
use vanban_model::{Diagnostic, Document, Node, Severity};
use vanban_text::Sub;

/// Options for [`parse_with`].
#[derive(Debug, Clone, Copy, Default)]
pub struct ParseOptions {
    /// Turn error diagnostics into `Err(ParseError::Strict)`.
    pub strict: bool,
}

/// The result of a parse: the document, its diagnostics and the normalised text the spans
/// point into.
#[derive(Debug, Clone)]
pub struct Parsed {
    /// The typed tree.
    pub document: Document,
    /// Everything worth knowing about the input, in document order.
    pub diagnostics: Vec<Diagnostic>,
    /// The normalised text (NFC, LF line ends); every span is a byte range of it.
    pub source: String,
    /// Offsets of the normalised text back to the original input.
    map: text::OffsetMap,
    // The normalised text case-folded, when made (see `folded`).
    folded: std::sync::OnceLock<String>,
    // Where paragraphs run on over a page break (see `page_breaks`).
    page_breaks: Vec<(u32, u32)>,
}

impl Parsed {
    /// The normalised text case-folded ([`vanban_text::fold::fold_case`]: lower case with the
    /// same byte offsets), made once per document and shared: the header reading makes it
    /// when it looks for an upper-case phrase's own casing, extraction reads it again.
    pub fn folded(&self) -> &str {
        self.folded
            .get_or_init(|| vanban_text::fold::fold_case(&self.source))
    }

    /// Where a paragraph runs on over a page break: byte ranges of the normalised text from
    /// the end of the paragraph's line before the break (its line feed) to the start of the
    /// line where it goes on, over the page's furniture (an Official Gazette page header, a
    /// page number, a scan's page marker) and the blank lines around it, in document order.
    /// The tree's paragraphs are joined over them; extraction reads the text with them
    /// blanked ([`Parsed::reading`]), so that a citation or a name cut by a page break is read
    /// whole.
    pub fn page_breaks(&self) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
        self.page_breaks
            .iter()
            .map(|&(start, end)| start as usize..end as usize)
    }

    /// `text` (the normalised text, or a copy with the same byte offsets such as
    /// [`Parsed::folded`]) as extraction reads it: each page break inside a paragraph
    /// ([`Parsed::page_breaks`]) turned into spaces and the one line feed before the line
    /// where the paragraph goes on, and each backslash that ends a line (pandoc's hard line
    /// break, `… Nghị định số\` / `29/2008/NĐ-CP …`, which the tree's text drops too; spaces
    /// after it may end the line) turned into a space. As long as `text`, every other byte where it was, so a span of one is a
    /// span of the other; borrowed when the document has neither.
    pub fn reading<'t>(&self, text: &'t str) -> std::borrow::Cow<'t, str> {
        let hard_breaks = hard_breaks(text);
        if self.page_breaks.is_empty() && hard_breaks.is_empty() {
            return std::borrow::Cow::Borrowed(text);
        }
        let mut out = String::with_capacity(text.len());
        let mut last = 0;
        // (Both lists are sorted; a hard break inside a blanked page break is blanked with it.)
        let mut backslashes = hard_breaks.iter().copied().peekable();
        let mut copy_to = |out: &mut String, last: usize, to: usize| {
            let mut from = last;
            while let Some(b) = backslashes.next_if(|&b| b < to) {
                if b >= from {
                    out.push_str(text.sub(from..b));
                    out.push(' ');
                    from = b + 1;
                }
            }
            out.push_str(text.sub(from..to));
        };
        for range in self.page_breaks() {
            let (start, end) = (range.start.max(last), range.end.min(text.len()));
            if start >= end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
                continue;
            }
            copy_to(&mut out, last, start);
            out.extend(std::iter::repeat_n(' ', end - start - 1));
            out.push('\n');
            last = end;
        }
        copy_to(&mut out, last, text.len());
        std::borrow::Cow::Owned(out)
    }

    /// 1-based line and column (in characters) in the *original* input of a byte offset of
    /// the normalised text, as in every [`Span`](vanban_model::Span).
    pub fn line_col(&self, offset: usize) -> (u32, u32) {
        self.map
            .line_col(&self.source, offset.min(self.source.len()))
    }

    /// Render the tree back to text: the normalised input, byte for byte.
    pub fn render(&self) -> String {
        let d = &self.document;
        let src = self.source.as_str();
        let mut out = String::with_capacity(src.len());
        let piece = |out: &mut String, s: vanban_model::Span| {
            out.push_str(src.get(s.start..s.end).unwrap_or_default());
        };
        if let Some(f) = &d.front_matter {
            piece(&mut out, f.span);
        }
        piece(&mut out, d.header.span);
        for n in d.preamble.iter().chain(d.body.iter()) {
            render_node(src, n, &mut out);
        }
        if let Some(c) = d.closing.span {
            piece(&mut out, c);
        }
        for a in &d.appendices {
            let mut pos = a.span.start;
            for c in &a.children {
                out.push_str(src.get(pos..c.span.start).unwrap_or_default());
                render_node(src, c, &mut out);
                pos = c.span.end;
            }
            out.push_str(src.get(pos..a.span.end).unwrap_or_default());
        }
        if let Some(t) = &d.trailing {
            piece(&mut out, t.span);
        }
        out
    }

    /// True when some diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

fn render_node(src: &str, n: &Node, out: &mut String) {
    let mut pos = n.span.start;
    for c in &n.children {
        out.push_str(src.get(pos..c.span.start).unwrap_or_default());
        render_node(src, c, out);
        pos = c.span.end;
    }
    out.push_str(src.get(pos..n.span.end).unwrap_or_default());
}

/// Where pandoc's hard line breaks stand: each backslash that ends a line, before the line
/// feed or before spaces and tabs that do ("… Nghị định số\\   " / "29/2008/NĐ-CP").
fn hard_breaks(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    memchr::memchr_iter(b'\\', b)
        .filter(|&i| {
            let rest = b.get(i + 1..).unwrap_or_default();
            let gap = rest
                .iter()
                .take_while(|&&c| c == b' ' || c == b'\t')
                .count();
            rest.get(gap) == Some(&b'\n')
        })
        .collect()
}

/// The word lists and grammars compiled into the parser, as (file, contents), in a fixed
/// order. A cache of parse results keys on them (`vanban extract --cache`), so that a changed
/// list or grammar is a new key; `vanban_extract::embedded_data` gives extraction's.
pub fn embedded_data() -> Vec<(&'static str, &'static str)> {
    vec![
        ("../data/issuer-codes.tsv", header::ISSUER_CODES),
        ("../data/fixed-issuers.tsv", header::FIXED_ISSUERS),
        ("../data/party-central-organs.tsv", header::CENTRAL_ORGANS),
        ("../data/line-openers.tsv", lines::LINE_OPENERS),
        ("../data/agency-heads.tsv", header::AGENCY_HEADS),
        ("../data/provinces.tsv", header::PROVINCES),
        ("../data/official-titles.tsv", closing::OFFICIAL_TITLES),
        ("../data/signer-honorifics.tsv", closing::SIGNER_HONORIFICS),
        (
            "../grammars/line.pest",
            include_str!("../grammars/line.pest"),
        ),
        (
            "../grammars/common.pest",
            include_str!("../grammars/common.pest"),
        ),
        (
            "../grammars/header.pest",
            include_str!("../grammars/header.pest"),
        ),
    ]
}

/// Parse a document from text. Total: any text gives a tree; what cannot be placed is kept as
/// paragraphs and reported in the diagnostics.
///
/// ```
/// let parsed = vanban_syntax::parse("ỦY BAN NHÂN DÂN\nTỈNH TUYÊN QUANG\nSố: 208/KH-UBND\n");
/// let number = parsed.document.header.number.as_ref().unwrap();
/// assert_eq!(number.seq.as_deref(), Some("208"));
/// assert_eq!(number.type_code.as_deref(), Some("KH"));
/// ```
pub fn parse(text: &str) -> Parsed {
    let (text, cut) = within(text, MAX_LEN);
    let normalized = text::normalize(text);
    let lower::Lowered {
        document,
        mut diagnostics,
        folded,
        page_breaks,
    } = lower::lower(&normalized.text, &normalized.map);
    if cut.is_some() {
        diagnostics.push(Diagnostic {
            code: codes::TEXT_TOO_LONG.to_owned(),
            severity: Severity::Error,
            // (Not its length: a reader may have stopped a little past the limit, as the
            // command-line tool does on an endless input.)
            message: format!(
                "the text is longer than {MAX_LEN} bytes: only its first {MAX_LEN} are read"
            ),
            span: {
                let end = normalized.text.len();
                let (line, column) = normalized.map.line_col(&normalized.text, end);
                vanban_model::Span {
                    start: end,
                    end,
                    line,
                    column,
                }
            },
        });
    }
    for (what, count) in &normalized.changes {
        diagnostics.push(Diagnostic {
            code: codes::NORMALIZED.to_owned(),
            severity: Severity::Info,
            message: format!("{count} {what}"),
            span: vanban_model::Span {
                start: 0,
                end: 0,
                line: 1,
                column: 1,
            },
        });
    }
    diagnostics.sort_by_key(|d| (d.span.start, d.span.end));
    Parsed {
        document,
        diagnostics,
        source: normalized.text,
        map: normalized.map,
        folded: folded.map_or_else(std::sync::OnceLock::new, std::sync::OnceLock::from),
        page_breaks,
    }
}

/// The longest text read (1 GiB): the records of lines keep 32-bit offsets into the
/// normalised text, which normalisation can make longer than the input, but not 4 times.
pub const MAX_LEN: usize = 1 << 30;

/// `text`, cut to at most `max` bytes on a character boundary, and its length if it was cut.
fn within(text: &str, max: usize) -> (&str, Option<usize>) {
    if text.len() <= max {
        return (text, None);
    }
    (text.sub(..max), Some(text.len()))
}

/// Parse a document from bytes: decoded first (UTF-8 with or without BOM, UTF-16 with BOM).
pub fn parse_bytes(bytes: &[u8]) -> Result<Parsed, ParseError> {
    let text = text::decode(bytes)?;
    Ok(parse(&text))
}

/// Parse with options; with `strict`, error diagnostics become an `Err`.
pub fn parse_with(bytes: &[u8], options: ParseOptions) -> Result<Parsed, ParseError> {
    let parsed = parse_bytes(bytes)?;
    if options.strict {
        let errors: Vec<&Diagnostic> = parsed
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .collect();
        if let Some(first) = errors.first() {
            return Err(ParseError::Strict {
                count: errors.len(),
                first: format!(
                    "{}:{}: {}",
                    first.span.line, first.span.column, first.message
                ),
            });
        }
    }
    Ok(parsed)
}

#[cfg(test)]
mod limit_tests {
    use super::*;

    /// A text over the limit is cut on a character boundary and its length is reported; one
    /// within it is read whole.
    #[test]
    fn a_text_over_the_limit_is_cut_on_a_character_boundary() {
        assert_eq!(within("Điều 1", 100), ("Điều 1", None));
        assert_eq!(within("Điều 1", 9), ("Điều 1", None));
        // "Đ" is two bytes: a cut inside it moves down.
        assert_eq!(within("Điều 1", 1), ("", Some(9)));
        assert_eq!(within("Điều 1", 3), ("Đi", Some(9)));
    }
}

#[cfg(test)]
mod folded_tests {
    use super::*;

    /// The shared fold is the fold of the normalised text, whether the header reading made it
    /// (an upper-case issuer whose casing is looked up in the text) or not; the parse keeps it
    /// only in the first case.
    #[test]
    fn the_shared_fold_is_the_fold_of_the_source() {
        let with_header = "ỦY BAN NHÂN DÂN\r\nTỈNH LÀO CAI\r\nSố: 5/KH-UBND\r\n\r\nKẾ HOẠCH\r\nThực hiện\r\n\r\nỦy ban nhân dân tỉnh Lào Cai giao Sở Nội vụ\u{a0}chủ trì.";
        let plain = "Một đoạn văn\u{a0}không có đầu văn bản.";
        let made = parse(with_header);
        assert!(
            made.folded.get().is_some(),
            "the header reading made the fold"
        );
        let later = parse(plain);
        assert!(later.folded.get().is_none());
        for p in [made, later] {
            assert_eq!(p.folded(), vanban_text::fold::fold_case(&p.source));
            assert_eq!(p.folded().len(), p.source.len());
        }
    }
}

/// Every corpus document whole and cut into pieces of 30 lines (most of which lack most
/// rare lines), and texts that call on each pass after the line pass.
#[cfg(test)]
pub(crate) fn texts_and_pieces() -> Vec<String> {
    let mut texts = Vec::new();
    for text in crate::corpus_texts() {
        let lines: Vec<&str> = text.lines().collect();
        texts.extend(lines.chunks(30).map(|c| c.join("\n")));
        texts.push(text);
    }
    texts.extend(
        [
            "Điều\n1. Phạm vi\nChương\nI\n",
            "Theo các điểm a), b),\nc) khoản 1.\n",
            "Kết thúc vào ngày 31 tháng\n12.\n",
            "Nội dung\n\n12\n\nNội dung\n\n13\n\nTiếp\n",
            "CÔNG BÁO/Số 5\n14\nNội dung\n",
            "BỘ CHÍNH TRỊ\n28-07-2026 18:08:51 +07:00\nĐẢNG CỘNG SẢN\n",
            "Người ký: CỔNG THÔNG TIN\nEmail: a@b\nCơ quan: Văn phòng\n",
            "I. MỘT\nHI- BA BỐN\nIV. BỐN\n8) Việc\nb) Việc\n8. Tám\n\n9, Ban Tuyên giáo\n",
            "Nội dung.\nNơi nhận                 TM. ỦY BAN NHÂN DÂN\n- Như trên;\n",
            "Nội dung.\n- Như trên; - Lưu: VT; - Sở Tài chính.\n",
            "| TT | Nội dung |\n|---|---|\n| 1 | Việc |\n| 2 | Việc |\n",
            "TT\nNội dung\nChủ trì\n\n1\nViệc một\nSở A\n\n2\nViệc hai\nSở B\n",
            "STT\nNội dung\nChủ trì\n\n1\nViệc một\nSở A\n\n2\nViệc hai\nSở B\n",
            "stt     Nội dung        Chủ trì      Thời hạn\n1       Việc một        Sở A         2025\n2       Việc hai        Sở B         2026\n3       Việc ba         Sở C         2027\n",
        ]
        .repeat(20)
        .into_iter()
        .enumerate()
        .map(|(k, t)| t.repeat(k % 3 + 1)),
    );
    texts
}

/// For each of some flags, how many texts set it and how many were counted: a test of a
/// shortcut taken when a flag is unset sees both sides of every flag.
#[cfg(test)]
#[derive(Debug, Default)]
pub(crate) struct FlagCounts {
    set: Vec<usize>,
    texts: usize,
}

#[cfg(test)]
impl FlagCounts {
    /// Count one text's flags.
    pub(crate) fn count<const N: usize>(&mut self, flags: [bool; N]) {
        self.set.resize(N, 0);
        for (n, flag) in self.set.iter_mut().zip(flags) {
            *n += usize::from(flag);
        }
        self.texts += 1;
    }

    /// Each flag set on at least `least` texts and unset on at least as many.
    pub(crate) fn assert_both_ways(&self, least: usize) {
        let both = |&n: &usize| n >= least && n + least <= self.texts;
        assert!(self.set.iter().all(both), "{self:?}");
    }
}

/// The texts of the bundled corpus documents, for tests.
#[cfg(test)]
pub(crate) fn corpus_texts() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus");
    let mut texts = Vec::new();
    for entry in std::fs::read_dir(dir).expect("the corpus folder") {
        let path = entry.expect("a corpus entry").path();
        if path.extension().is_some_and(|x| x == "txt") {
            texts.push(std::fs::read_to_string(&path).expect("a corpus document"));
        }
    }
    texts
}

#[cfg(test)]
mod reading_tests {
    /// A Party committee printed by its level alone under its Party organisation ("ĐẢNG BỘ
    /// TỈNH HƯNG YÊN" / "TỈNH ỦY", a Word copy's letterhead): the committee of that province,
    /// the organisation its parent (it was "Đảng bộ tỉnh Hưng Yên tỉnh Ủy", the committee read
    /// as a place).
    #[test]
    fn a_committee_named_by_its_level_takes_its_organisations_place() {
        for committee in ["TỈNH ỦY", "TỈNH UỶ"] {
            let text = format!(
                "ĐẢNG BỘ TỈNH HƯNG YÊN\t\tĐẢNG CỘNG SẢN VIỆT NAM\n{committee}\t\tHưng Yên, ngày 25 tháng 12 năm 2025\n*\nSố 18-CTr/TU\n\n\
                 CHƯƠNG TRÌNH HÀNH ĐỘNG\nthực hiện Nghị quyết số 66-NQ/TW\n\n1. Làm.\n"
            );
            let parsed = super::parse(&text);
            let issuer = &parsed.document.header.issuer;
            assert_eq!(
                issuer.name.as_deref(),
                Some("Tỉnh ủy Hưng Yên"),
                "{issuer:?}"
            );
            assert_eq!(issuer.parent.as_deref(), Some("Đảng bộ tỉnh Hưng Yên"));
        }
    }

    /// A paragraph after a list whose entries are a sentence each belongs to the list's
    /// parent ("Bên cạnh …", a law's "Trường hợp …" after a clause's points, "Trách nhiệm chỉ
    /// đạo thực hiện: …" closing a unit); one after an entry that ends with a colon, or in a
    /// list whose entries each have paragraphs, or a labelled line ("Ví dụ: …"), or after a
    /// lone entry, stays with the entry.
    #[test]
    fn a_paragraph_after_a_list_of_sentences_belongs_to_the_lists_parent() {
        let head =
            "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 1/KH-UBND\nLào Cai, ngày 5 tháng 3 năm 2025\n\
                    KẾ HOẠCH\nVề X\n\nI. NỘI DUNG\n1. Nhiệm vụ\n";
        let under = |body: &str| -> Vec<(String, usize)> {
            let parsed = super::parse(&format!("{head}{body}"));
            let item = &parsed.document.body[0].children[0];
            let mut out = Vec::new();
            for c in &item.children {
                out.push((format!("{:?}", c.kind), c.children.len()));
            }
            out
        };
        let list = "- Tăng cường quản lý.\n- Nâng cao chất lượng.\n";
        let after = "Bên cạnh đó, các sở xây dựng kế hoạch.\n";
        let out = under(&format!("{list}{after}"));
        assert_eq!(out.len(), 3, "{out:?}");
        assert_eq!(out[2].0, "Paragraph");
        assert_eq!(out[1].1, 0);
        for points in ["a) Làm A;\nb) Làm B.\n", "a) Làm A.\nb) Làm B.\n"] {
            let out = under(&format!("{points}Trường hợp khác thì báo cáo.\n"));
            assert_eq!(out.len(), 3, "{points}: {out:?}");
        }
        // Kept under the entry before it.
        for body in [
            format!("- Tăng cường quản lý.\n- Nâng cao chất lượng:\n{after}"),
            format!("- Tăng cường quản lý.\nĐơn vị chủ trì: Sở Nội vụ.\n- Nâng cao chất lượng.\n{after}"),
            "- Tăng cường quản lý.\n- Nâng cao chất lượng.\nVí dụ: Sở Nội vụ.\n".to_owned(),
            format!("- Nâng cao chất lượng.\n{after}"),
            "- Tăng cường quản lý.\n- Nâng cao chất lượng...\nSở Nội vụ.\n".to_owned(),
        ] {
            let out = under(&body);
            assert_eq!(out.last().map(|o| o.1), Some(1), "{body}: {out:?}");
        }
    }

    /// A recipient list as PDF text layers, scans and Word's text export print it: a page
    /// number between its lines (the list stopped there, the later recipients lost), bullets
    /// other than "-" ("•", and "¬" where a scan misread "-"; the list stopped at the first),
    /// a tab after each bullet.
    #[test]
    fn recipients_go_on_over_a_page_number_and_other_bullets() {
        let text =
            "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 1/KH-UBND\nLào Cai, ngày 5 tháng 3 năm 2025\n\
                    KẾ HOẠCH\nVề X\n\nI. NỘI DUNG\n1. Làm.\n\nNơi nhận:\n- Như trên;\n\
                    ¬ Sở Tài chính;\n                                        3\n\n\
                    • Sở Nội vụ;\n- Lưu: VT.\n\nCHỦ TỊCH\n\nNguyễn Văn A\n";
        let parsed = super::parse(text);
        let closing = &parsed.document.closing;
        let names: Vec<&str> = closing.recipients.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["Như trên", "Sở Tài chính", "Sở Nội vụ"]);
        assert!(closing.archive.is_some());
        // Word's text export: a tab after each bullet (the list, and everything after the
        // closing, was lost: the bullet alone read as a rule).
        let tabbed = super::parse(&text.replace("\n- ", "\n-\t").replace("• ", "•\t"));
        let closing = &tabbed.document.closing;
        let names: Vec<&str> = closing.recipients.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["Như trên", "Sở Tài chính", "Sở Nội vụ"]);
        assert!(closing.archive.is_some() && closing.signature.is_some());
    }

    /// Prose about the recipients' heading wrapped to a line's start ("… (ô số 9a," /
    /// "Nơi nhận văn bản trình bày góc phải, …", "Nơi nhận: ghi ở góc trái …", a guide's
    /// plain-text copy) is body text; the closing starts at the heading alone or with a bullet
    /// or a name beside it.
    #[test]
    fn a_wrapped_line_starting_with_the_recipients_words_is_no_closing() {
        let head = "BAN CHẤP HÀNH TRUNG ƯƠNG\nVĂN PHÒNG\nSố 1-HD/VPTW\nHà Nội, ngày 3 tháng 4 năm \
                    2018\nHƯỚNG DẪN\nvề thể thức\n\n1. Nơi nhận văn bản\nCách ghi:\n";
        for (prose, closing) in [
            (
                "Nơi nhận văn bản trình bày góc phải, dưới nội dung văn bản (ô",
                "Nơi nhận:\n",
            ),
            (
                "Nơi nhận bản sao trình bày dưới số và ký hiệu bản sao.",
                "Nơi nhận - Như trên;\n",
            ),
            (
                "Nơi nhận: ghi ở góc trái, dưới nội dung văn bản (ô",
                "**Nơi nhận:**\n",
            ),
        ] {
            let text = format!(
                "{head}{prose}\nsố 9a, Phụ lục 1).\n2. Hết.\n\n{closing}- Các tỉnh uỷ;\n\
                 - Lưu Văn phòng.\n\nK/T CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG\n\nBùi Văn A\n"
            );
            let parsed = super::parse(&text);
            let closing = &parsed.document.closing;
            let recipients: Vec<&str> =
                closing.recipients.iter().map(|r| r.name.as_str()).collect();
            assert!(recipients.contains(&"Các tỉnh uỷ"), "{recipients:?}");
            assert!(
                !recipients.iter().any(|r| r.contains("trình bày")),
                "{recipients:?}"
            );
            let signer = closing.signature.as_ref().and_then(|s| s.name.as_deref());
            assert_eq!(signer, Some("Bùi Văn A"));
        }
    }

    /// A signature's authority line wrapped in a PDF's narrow column ("TM. ỦY BAN NHÂN" /
    /// "DÂN", "T/M BỘ CHÍNH" / "TRỊ") is one line; the title under it stays the title.
    #[test]
    fn a_wrapped_authority_line_is_one_line() {
        let head = "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 1/KH-UBND\nLào Cai, ngày 5 tháng 3 năm 2025\n\
                    KẾ HOẠCH\nVề X\n\nI. NỘI DUNG\n1. Làm.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\n";
        for (authority, title, of, want_title) in [
            (
                "TM. ỦY BAN NHÂN\nDÂN",
                "CHỦ TỊCH",
                "ỦY BAN NHÂN DÂN",
                "CHỦ TỊCH",
            ),
            ("T/M BỘ CHÍNH\nTRỊ", "", "BỘ CHÍNH TRỊ", ""),
            ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
        ] {
            let text = format!("{head}{authority}\n{title}\n\nNguyễn Văn A\n");
            let parsed = super::parse(&text);
            let s = parsed
                .document
                .closing
                .signature
                .as_ref()
                .expect("signature");
            let ofs: Vec<&str> = s.authority.iter().map(|a| a.of.as_str()).collect();
            assert_eq!(ofs, [of], "{authority}");
            assert_eq!(s.title.as_deref().unwrap_or(""), want_title, "{authority}");
            assert_eq!(s.name.as_deref(), Some("Nguyễn Văn A"));
        }
    }

    /// Pandoc's hard line break is read as a space with spaces after it too ("số\\   " /
    /// "29/2008/NĐ-CP": the citation was lost), and inside a page break blanked with it; a
    /// backslash inside a line stays.
    #[test]
    fn a_hard_line_break_with_spaces_after_it_is_read_as_a_space() {
        let text = "Căn cứ Nghị định số\\   \n29/2008/NĐ-CP;\nCăn cứ A\\\t\nB, x\\y\\\n";
        let parsed = super::parse(text);
        let reading = parsed.reading(&parsed.source);
        assert_eq!(
            reading,
            "Căn cứ Nghị định số    \n29/2008/NĐ-CP;\nCăn cứ A \t\nB, x\\y \n"
        );
        let paged = "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 1/KH-UBND\nLào Cai, ngày 5 tháng 3 năm 2025\n\
                     KẾ HOẠCH\nVề X\n\nCăn cứ Thông tư số\\\n\n12\nCÔNG BÁO/Số 1 + 2/Ngày 01-02-2025\n\n\
                     01/2025/TT-BTTTT ngày 18 tháng 02 năm 2025;\\  \n\nI. NỘI DUNG\n1. Làm.\n";
        let parsed = super::parse(paged);
        let reading = parsed.reading(&parsed.source);
        assert_eq!(reading.len(), parsed.source.len());
        assert!(!reading.contains('\\'), "{reading}");
        assert!(reading.contains("Thông tư số     "), "{reading}");
    }

    /// A paragraph joined over a Gazette page break is read with the break blanked, every
    /// other byte where it was; a text without one is borrowed.
    #[test]
    fn a_page_break_inside_a_paragraph_is_blanked_for_reading() {
        let text = "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 1/KH-UBND\nLào Cai, ngày 5 tháng 3 năm 2025\n\
                    KẾ HOẠCH\nVề X\n\nCăn cứ Thông tư số\n\n12\nCÔNG BÁO/Số 1 + 2/Ngày 01-02-2025\n\n\
                    01/2025/TT-BTTTT ngày 18 tháng 02 năm 2025;\n\nI. NỘI DUNG\n1. Làm.\n";
        let parsed = super::parse(text);
        let breaks: Vec<_> = parsed.page_breaks().collect();
        assert_eq!(breaks.len(), 1, "{breaks:?}");
        let reading = parsed.reading(&parsed.source);
        assert_eq!(reading.len(), parsed.source.len());
        assert!(reading.contains("Thông tư số    "), "{reading}");
        assert!(!reading.contains("CÔNG BÁO"), "{reading}");
        let kept = |s: &str| s.get(..breaks[0].start).map(str::to_owned);
        assert_eq!(kept(&reading), kept(&parsed.source));
        let plain = super::parse("Căn cứ Luật số 1/2020/QH14;\n");
        assert!(matches!(
            plain.reading(&plain.source),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
