//! The typed model of a Vietnamese administrative, legal or Party document.
//!
//! These are the types people link against: a [`Document`] with its [`Header`] (Nghị định
//! 30/2020 layout), preamble, body hierarchy of [`Node`]s, [`Closing`] and [`Appendix`]es, plus
//! [`Diagnostic`]s. The crate has no parser in it; `vanban-syntax` produces these values.
#![warn(missing_docs)]

pub mod codes;
mod extract;
mod id;
mod kind;
mod node;

pub use extract::{
    AgencyRef, Assignment, Citation, CitationForm, CitedIssuer, Deadline, DeadlineKind, Extraction,
    RecipientRef, Recurrence, Reference, Relation, RelationType,
};
pub use id::{DocumentId, IdAuthority, IdError};
pub use kind::{DocumentKind, NodeKind};
pub use node::{Node, Parts};

use serde::{Deserialize, Serialize};

/// A string stored inline when short (up to 24 bytes: ids, codes, numbers, dates, markers,
/// short paragraphs) and on the heap otherwise. Used by the types a document holds by the
/// hundred thousand ([`Node`], [`Citation`], [`DocumentNumber`], [`CitedIssuer`]), so that a
/// "p_12" id or an "NĐ" code costs no allocation. It dereferences to `str`, compares with
/// `&str` and `String`, converts from both (`.into()`), and serialises as a plain string.
pub type Str = compact_str::CompactString;

/// A vector one pointer wide (its length and capacity live in its heap block; an empty one
/// allocates nothing): a [`Node`]'s `children` and `cells`, empty for most of the nodes a
/// document holds by the hundred thousand. It dereferences to a slice, iterates, indexes and
/// pushes like `Vec`, converts from one (`.into()`), and serialises as a plain list.
pub type ThinVec<T> = thin_vec::ThinVec<T>;

/// A region of the normalised text, with the position of its start in the original input.
///
/// `start` and `end` are byte offsets into the normalised text (see the README: NFC, LF line
/// ends, odd spaces folded). `line` and `column` are 1-based and point into the *original*
/// input; the column counts characters, not bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Span {
    /// Byte offset of the first byte, in the normalised text.
    pub start: usize,
    /// Byte offset one past the last byte, in the normalised text.
    pub end: usize,
    /// 1-based line of `start` in the original input.
    pub line: u32,
    /// 1-based column (in characters) of `start` in the original input.
    pub column: u32,
}

impl Span {
    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }
}

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Something is wrong with the document or could not be read; `--strict` fails on it.
    Error,
    /// Probably wrong, or read with a guess.
    Warning,
    /// A record of what a clean-up pass did, or a fact worth knowing.
    Info,
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        })
    }
}

/// A coded, positioned finding about the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Diagnostic {
    /// Stable machine-readable code, e.g. `header-missing-number` (listed in the README).
    pub code: String,
    /// How serious it is.
    pub severity: Severity,
    /// Plain-words message.
    pub message: String,
    /// Where it is.
    pub span: Span,
}

/// Issuing body (tên cơ quan, tổ chức ban hành), as printed in the top-left header block.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Issuer {
    /// The issuing body itself, e.g. "Ủy ban nhân dân" or "Sở Công Thương".
    pub name: Option<String>,
    /// The managing body above it (cơ quan chủ quản), e.g. "Ủy ban nhân dân tỉnh Lào Cai".
    pub parent: Option<String>,
    /// The locality the body belongs to, e.g. "tỉnh Tuyên Quang".
    pub locality: Option<String>,
    /// The header lines as written, in order.
    pub raw: Vec<String>,
}

/// Which kind of heading stands at the top right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MottoKind {
    /// "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc" (Quốc hiệu, Tiêu ngữ).
    State,
    /// "ĐẢNG CỘNG SẢN VIỆT NAM" (Party documents).
    Party,
}

/// National motto or Party heading (Quốc hiệu và Tiêu ngữ / Tiêu đề).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Motto {
    /// State or Party.
    pub kind: MottoKind,
    /// The lines as written (markup removed).
    pub lines: Vec<String>,
}

/// How a number and symbol is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum NumberForm {
    /// `Số: 208/KH-UBND`, `Số: 30/2020/NĐ-CP`, `Số: 9387/UBND-KT`.
    State,
    /// `Luật số: 60/2024/QH15` (laws and National Assembly resolutions).
    Law,
    /// `Số 500-KH/TU` (Party documents, Hướng dẫn 36-HD/VPTW).
    Party,
}

/// Number and symbol (Số, ký hiệu) split into its parts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DocumentNumber {
    /// The symbol as written after "Số:", markup removed, e.g. "9387 /UBND-KT".
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub raw: Str,
    /// The symbol in canonical form, e.g. "9387/UBND-KT", "500-KH/TU", "24/2026/NQ-CP".
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub normalized: Str,
    /// Running number; `None` when the number is left blank (unsigned drafts).
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub seq: Option<Str>,
    /// Year inside the symbol (normative documents), e.g. 2020 in "30/2020/NĐ-CP".
    pub year: Option<u16>,
    /// Type code, e.g. "KH", "NĐ", "QĐ"; `None` for an official letter (công văn).
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub type_code: Option<Str>,
    /// Issuer code and any unit or joint-issuer codes after it, e.g. "UBND", "UBND-KT", "TU".
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub issuer_code: Option<Str>,
    /// State, law or Party layout.
    pub form: NumberForm,
    /// Where it is.
    pub span: Span,
}

/// Date parts as printed; a part is `None` when left blank.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DateParts {
    /// Day of month.
    pub day: Option<u8>,
    /// Month.
    pub month: Option<u8>,
    /// Year.
    pub year: Option<u16>,
}

impl DateParts {
    /// `YYYY-MM-DD` when all three parts are present and form a real date.
    pub fn iso(&self) -> Option<String> {
        let (d, m, y) = (self.day?, self.month?, self.year?);
        let max = days_in_month(y.into(), m.into())?;
        (1..=max)
            .contains(&d.into())
            .then(|| format!("{y:04}-{m:02}-{d:02}"))
    }
}

/// The number of days of month `month` (1–12) in `year` (Gregorian calendar); `None` for a
/// month outside 1–12.
pub fn days_in_month(year: u32, month: u32) -> Option<u32> {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => Some(31),
        4 | 6 | 9 | 11 => Some(30),
        2 if leap => Some(29),
        2 => Some(28),
        _ => None,
    }
}

/// The header block (boxes 1–5 of Nghị định 30/2020, or the Party layout of 36-HD/VPTW).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Header {
    /// Issuing body.
    pub issuer: Issuer,
    /// National motto or Party heading.
    pub motto: Option<Motto>,
    /// Number and symbol.
    pub number: Option<DocumentNumber>,
    /// Place name of the place-and-date line (địa danh).
    pub place: Option<String>,
    /// Date of issue as `YYYY-MM-DD`; `None` when a part is blank or missing.
    pub date: Option<String>,
    /// Date parts as printed (blank parts are `None`).
    pub date_parts: Option<DateParts>,
    /// Document type.
    pub kind: DocumentKind,
    /// The type name as printed, e.g. "KẾ HOẠCH".
    pub kind_raw: Option<String>,
    /// Title (trích yếu), joined to one line.
    pub title: Option<String>,
    /// Where the title stands (type name excluded).
    pub title_span: Option<Span>,
    /// "V/v …" summary of an official letter, joined to one line.
    pub subject: Option<String>,
    /// "Kính gửi:" addressees.
    pub addressees: Vec<Recipient>,
    /// Urgency and secrecy marks (HỎA TỐC, KHẨN, MẬT …) and circulation notes.
    pub marks: Vec<String>,
    /// Region of the header in the normalised text (everything before the preamble).
    pub span: Span,
}

/// A recipient in "Nơi nhận" or "Kính gửi", with its parenthesised purpose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Recipient {
    /// The recipient as written, list punctuation removed, e.g. "Thường trực HĐND tỉnh".
    pub name: String,
    /// The purpose in parentheses, e.g. "báo cáo", "phối hợp chỉ đạo".
    pub purpose: Option<String>,
    /// Where it is.
    pub span: Span,
}

/// One authority line of a signature block, e.g. `TM. ỦY BAN NHÂN DÂN`, `KT. CHỦ TỊCH`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Authority {
    /// "TM.", "KT.", "TL.", "TUQ.", "Q." or the Party forms "T/M", "K/T", "T/L".
    pub prefix: String,
    /// What follows the prefix, e.g. "ỦY BAN NHÂN DÂN".
    pub of: String,
}

/// Signature block (chức vụ, họ tên người ký).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Signature {
    /// Authority lines (TM. / KT. / TL. …), outermost first.
    pub authority: Vec<Authority>,
    /// Title of the signer, e.g. "PHÓ CHỦ TỊCH".
    pub title: Option<String>,
    /// Name of the signer.
    pub name: Option<String>,
    /// A rank or title printed before the name, kept apart from it: "Đại tướng",
    /// "Thiếu tá", "PGS.TS." (absent from the JSON when there is none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub honorific: Option<String>,
    /// All lines of the block as written (markup removed).
    pub lines: Vec<String>,
}

/// The archive line, e.g. "Lưu: VT, ĐTXD. (D)".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Archive {
    /// The line as written, without the leading "-".
    pub raw: String,
    /// Where copies are filed, e.g. ["VT", "ĐTXD"].
    pub holders: Vec<String>,
    /// Anything after the list, e.g. "(D)" or "(2)".
    pub note: Option<String>,
    /// Where it is.
    pub span: Span,
}

/// Signature, Nơi nhận and archive line.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Closing {
    /// Signature block, when the text has one.
    pub signature: Option<Signature>,
    /// Recipients in "Nơi nhận", in order.
    pub recipients: Vec<Recipient>,
    /// The archive line.
    pub archive: Option<Archive>,
    /// Region of the closing; `None` when the text has no closing.
    pub span: Option<Span>,
}

/// An appendix (phụ lục) or an attached document (a regulation issued with a decision).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Appendix {
    /// Element id, `annex_1`, `annex_2` ….
    pub id: String,
    /// The heading lines, e.g. "PHỤ LỤC I" or "QUY CHẾ".
    pub heading: String,
    /// Title lines under the heading, joined.
    pub title: Option<String>,
    /// The "(Kèm theo …)" or "(Ban hành kèm theo …)" line.
    pub attached_to: Option<String>,
    /// Content, as a hierarchy of nodes.
    pub children: Vec<Node>,
    /// Where it is.
    pub span: Span,
}

/// Text that is not part of the document proper (a website banner before it, page furniture
/// after it): kept whole so nothing is lost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Extra {
    /// Its lines joined with newlines, markup removed.
    pub text: String,
    /// Where it is.
    pub span: Span,
}

/// A whole parsed document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Document {
    /// Website banner or other text before the header.
    pub front_matter: Option<Extra>,
    /// The header.
    pub header: Header,
    /// Preamble paragraphs (căn cứ, "Thực hiện …", enacting formula).
    pub preamble: Vec<Node>,
    /// The body hierarchy.
    pub body: Vec<Node>,
    /// Signature, recipients, archive line.
    pub closing: Closing,
    /// Appendices and attached documents.
    pub appendices: Vec<Appendix>,
    /// Text after the document that is not an appendix.
    pub trailing: Option<Extra>,
}

impl Document {
    /// Every node of preamble, body and appendices in document order (pre-order).
    pub fn nodes(&self) -> impl Iterator<Item = &Node> {
        // The lists in reverse: the walk takes the last first.
        let mut stack: Vec<std::slice::Iter<'_, Node>> =
            Vec::with_capacity(self.appendices.len() + 8);
        stack.extend(self.appendices.iter().rev().map(|a| a.children.iter()));
        stack.push(self.body.iter());
        stack.push(self.preamble.iter());
        node::Walk::new(stack)
    }

    /// The node with this element id, searching preamble, body and appendices.
    pub fn find(&self, id: &str) -> Option<&Node> {
        self.nodes().find(|n| n.id() == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Months have their lengths, February 29 days in the leap years of the Gregorian calendar
    /// (every fourth, but not a century unless it is a fourth one); a year has 365 or 366
    /// days; no month outside 1–12. A date of the parts exists exactly when the day is within.
    #[test]
    fn months_have_their_days() {
        for (year, feb) in [(1900, 28), (2000, 29), (2023, 28), (2024, 29), (2100, 28)] {
            assert_eq!(days_in_month(year, 2), Some(feb), "{year}");
        }
        for year in 1600..=2400u32 {
            let total: u32 = (1..=12).filter_map(|m| days_in_month(year, m)).sum();
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
            assert_eq!(total, if leap { 366 } else { 365 }, "{year}");
            assert_eq!(days_in_month(year, 0), None);
            assert_eq!(days_in_month(year, 13), None);
        }
        let parts = |day, month, year| DateParts {
            day: Some(day),
            month: Some(month),
            year: Some(year),
        };
        assert_eq!(parts(29, 2, 2024).iso().as_deref(), Some("2024-02-29"));
        assert_eq!(parts(29, 2, 2023).iso(), None);
        assert_eq!(parts(31, 4, 2025).iso(), None);
        assert_eq!(parts(0, 4, 2025).iso(), None);
        assert_eq!(parts(30, 4, 2025).iso().as_deref(), Some("2025-04-30"));
    }

    /// A document's nodes come preamble first, then the body, then each appendix in turn, each
    /// list in pre-order.
    #[test]
    fn nodes_are_in_document_order() {
        let node = |id: &str| Node::new(NodeKind::Paragraph, Span::default()).with_id(id);
        let mut body = node("b1");
        body.children.push(node("b1.1"));
        let appendix = |id: &str| Appendix {
            id: String::new(),
            heading: String::new(),
            title: None,
            attached_to: None,
            children: vec![node(id)],
            span: Span::default(),
        };
        let doc = Document {
            preamble: vec![node("p1"), node("p2")],
            body: vec![body, node("b2")],
            appendices: vec![appendix("a1"), appendix("a2")],
            ..Document::default()
        };
        let ids: Vec<&str> = doc.nodes().map(Node::id).collect();
        assert_eq!(ids, ["p1", "p2", "b1", "b1.1", "b2", "a1", "a2"]);
        assert_eq!(doc.find("b1.1").map(Node::id), Some("b1.1"));
    }
}
