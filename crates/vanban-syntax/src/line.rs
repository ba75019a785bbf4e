//! A classified physical line: the type the line pass makes and every later pass reads. Kept
//! apart from the line pass so that the table reader can use it too.

use vanban_model::Str;
use vanban_text::Sub;

/// Structural marker kinds, from the largest unit to the smallest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum MarkerKind {
    Part,
    Chapter,
    Section,
    Subsection,
    Article,
    Group,
    Roman,
    Item,
    Subitem,
    Point,
    Numbered,
    Indent,
    Subindent,
}

impl MarkerKind {
    /// Nesting rank: a marker nests under any open marker of smaller rank.
    pub(crate) fn rank(self, subitem_depth: usize) -> u32 {
        match self {
            MarkerKind::Part => 10,
            MarkerKind::Chapter => 20,
            MarkerKind::Section => 30,
            MarkerKind::Subsection => 35,
            MarkerKind::Article => 40,
            MarkerKind::Group => 45,
            MarkerKind::Roman => 50,
            MarkerKind::Item => 60,
            MarkerKind::Subitem => 60 + 5 * subitem_depth.min(3) as u32,
            MarkerKind::Point => 80,
            MarkerKind::Numbered => 85,
            MarkerKind::Indent => 90,
            MarkerKind::Subindent => 95,
        }
    }
}

/// A structural marker found at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Marker {
    pub kind: MarkerKind,
    /// As written, markup removed, e.g. "Điều 5.", "II.", "đ)".
    pub text: Str,
    /// Normalised number, e.g. "5", "II", "đ", "1.2".
    pub number: Option<Str>,
}

/// What a physical line is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum LineKind {
    Blank,
    /// Only "|" (Markdown table debris): a paragraph break.
    Pipe,
    /// A rule under a header block: "-------", "_____", a lone "*".
    Rule,
    /// Official Gazette page header "CÔNG BÁO/Số …".
    PageHeader,
    /// A line of digits only (a page number next to a page header, or a table cell).
    Digits,
    /// A page number standing alone between blank lines, one of a series (2, 3, 4 … some
    /// dozens of lines apart), as PDF copies carry them.
    PageNumber,
    /// Digital-signature stamp ("Ký bởi:", "Cơ quan:", "Ngày ký:").
    Stamp,
    Marker(Box<Marker>),
    RecipientsStart,
    Authority,
    Archive,
    NumberStart,
    /// The rest of a marker wrapped onto this line ("Điều" / "1. Phạm vi …"): joined into the
    /// line before it.
    Continuation,
    Subject,
    Addressee,
    Text,
}

/// One physical line.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    /// Byte offset of the line's first byte.
    pub start: usize,
    /// Byte offset of the line's end, before the LF.
    pub end: usize,
    pub kind: LineKind,
    /// Where in `full` the content after the marker starts (see [`Line::clean`]).
    pub clean_at: usize,
    /// The whole line, markup removed, spaces collapsed (marker included).
    pub full: Str,
    /// Whether Markdown debris was removed.
    pub had_markup: bool,
    /// The line leaves a Markdown emphasis run open: it continues on the next line.
    pub open_emphasis: bool,
}

impl Line {
    /// The line's content after the marker, markup removed, spaces collapsed.
    pub(crate) fn clean(&self) -> &str {
        self.full.sub(self.clean_at..)
    }

    pub(crate) fn is_blankish(&self) -> bool {
        matches!(self.kind, LineKind::Blank | LineKind::Pipe)
    }

    pub(crate) fn is_noise(&self) -> bool {
        matches!(
            self.kind,
            LineKind::PageHeader
                | LineKind::PageNumber
                | LineKind::Stamp
                | LineKind::Digits
                | LineKind::Continuation
        )
    }

    pub(crate) fn marker(&self) -> Option<&Marker> {
        match &self.kind {
            LineKind::Marker(m) => Some(m),
            _ => None,
        }
    }
}
