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
    /// Whether the marker heads a titled unit (Phần … Điều, a Roman item): its line goes on
    /// only into small letters, or after a word that cannot end a title.
    pub(crate) fn heads(self) -> bool {
        matches!(
            self,
            MarkerKind::Part
                | MarkerKind::Chapter
                | MarkerKind::Section
                | MarkerKind::Subsection
                | MarkerKind::Article
                | MarkerKind::Roman
        )
    }

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
    // The text as written, then the number (one buffer, inline when short: a marker lives in
    // its line's record, 32 bytes, with no allocation of its own for "1." or "Điều 5.").
    packed: Str,
    text_len: u32,
    has_number: bool,
}

impl Marker {
    pub(crate) fn new(kind: MarkerKind, text: &str, number: Option<&str>) -> Marker {
        let number_len = number.map_or(0, str::len);
        // (Made inline from the text at once when both fit: a marker is built for every
        // marked line, and each `push_str` checks and grows the string again. Putting both
        // into a buffer first and making the string from it costs more: a UTF-8 check and
        // two calls to copy a byte or two.)
        let mut packed = if text.len() + number_len <= std::mem::size_of::<Str>() {
            Str::new(text)
        } else {
            let mut packed = Str::with_capacity(text.len() + number_len);
            packed.push_str(text);
            packed
        };
        if let Some(number) = number.filter(|n| !n.is_empty()) {
            packed.push_str(number);
        }
        Marker {
            kind,
            packed,
            // A marker is read from the start of one line by a bounded grammar: far shorter.
            text_len: narrow(text.len()),
            has_number: number.is_some(),
        }
    }

    /// As written, markup removed, e.g. "Điều 5.", "II.", "đ)".
    pub(crate) fn text(&self) -> &str {
        self.packed.sub(..self.text_len as usize)
    }

    /// Normalised number, e.g. "5", "II", "đ", "1.2".
    pub(crate) fn number(&self) -> Option<&str> {
        self.has_number
            .then(|| self.packed.sub(self.text_len as usize..))
    }

    pub(crate) fn set_number(&mut self, number: Option<&str>) {
        let marker = Marker::new(self.kind, self.text(), number);
        *self = marker;
    }
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
    Marker(Marker),
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
    // Byte offsets of the line's first byte and of its end (before the LF), 32 bits wide as
    // a document has a record per line (`parse` cuts a text at 1 GiB, `crate::MAX_LEN`, with
    // a diagnostic; normalised, it stays under 4 GiB).
    start: u32,
    end: u32,
    pub kind: LineKind,
    // Where in `full` the content after the marker starts (see [`Line::clean`]).
    clean_at: u32,
    /// The whole line, markup removed, spaces collapsed (marker included).
    pub full: Str,
    /// Whether Markdown debris was removed.
    pub had_markup: bool,
    /// The line leaves a Markdown emphasis run open: it continues on the next line.
    pub open_emphasis: bool,
}

impl Line {
    /// A line of text from `start` to `end` (byte offsets, before the LF), its content the
    /// whole of `full` until a marker is found.
    pub(crate) fn new(start: usize, end: usize, full: Str) -> Line {
        Line {
            start: narrow(start),
            end: narrow(end),
            kind: LineKind::Text,
            clean_at: narrow(full.len()),
            full,
            had_markup: false,
            open_emphasis: false,
        }
    }

    /// Byte offset of the line's first byte.
    pub(crate) fn start(&self) -> usize {
        self.start as usize
    }

    /// Byte offset of the line's end, before the LF.
    pub(crate) fn end(&self) -> usize {
        self.end as usize
    }

    /// Where in `full` the content after the marker starts.
    pub(crate) fn clean_at(&self) -> usize {
        self.clean_at as usize
    }

    pub(crate) fn set_clean_at(&mut self, at: usize) {
        self.clean_at = narrow(at);
    }

    /// The line's content after the marker, markup removed, spaces collapsed.
    pub(crate) fn clean(&self) -> &str {
        self.full.sub(self.clean_at()..)
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

/// Whether a line is page furniture: a page header or marker, a page number, a signature
/// stamp.
pub(crate) fn is_furniture(l: &Line) -> bool {
    matches!(
        l.kind,
        LineKind::PageHeader | LineKind::PageNumber | LineKind::Stamp
    )
}

/// The most lines a page break takes (blank lines, a running header, a page number, blank
/// lines): a longer run of blank lines is none.
const PAGE_BREAK_LINES: usize = 16;

/// Where a page break that starts at line `i` ends: the line after a run of blank lines and
/// page furniture that holds some furniture (blank lines, a page marker, blank lines). `None`
/// when the run at `i` is blank lines only, longer than [`PAGE_BREAK_LINES`], or `i` is
/// neither blank nor furniture. Readers of tables step over such a run as over nothing: a
/// page break falls anywhere in a table. (Bounded: readers ask at every blank line, and a
/// look to the end of a long blank run made 80 000 blank lines after a table's row take 9 s.)
pub(crate) fn page_break_end(lines: &[Line], i: usize, to: usize) -> Option<usize> {
    let within = lines.get(i..to.min(i + PAGE_BREAK_LINES + 1))?;
    let run = within
        .iter()
        .take_while(|l| l.kind == LineKind::Blank || is_furniture(l))
        .count();
    if run > PAGE_BREAK_LINES {
        return None;
    }
    let furniture = within.get(..run)?.iter().any(is_furniture);
    furniture.then_some(i + run)
}

/// What the line pass saw in a document: the passes after it that look for rare lines (page
/// numbers, stamps, keywords alone on their line, misread markers, tables, a closing) are
/// skipped when none of their lines is there. Each such pass walks every line record, 72 bytes
/// a line: on a million bullets about 3 ms a pass, and there were about twenty. A flag may
/// be set for a line a later pass changes (it says only that a pass may find something); no
/// flag is left unset for a line a pass could act on, as the passes after the line pass only
/// turn lines into kinds whose own flag is set already (a test checks every corpus document).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Seen {
    /// A line of digits only (a page number, maybe).
    pub digits: bool,
    /// A stamp line, or a "Người ký:" line that may open one.
    pub stamps: bool,
    /// An Official Gazette page header or a page marker.
    pub page_headers: bool,
    /// A line that had Markdown markup.
    pub markup: bool,
    /// A structural keyword alone on its line ("Điều", its number on the next).
    pub bare_keywords: bool,
    /// A Roman section marker.
    pub romans: bool,
    /// An item, sub-item or point marker.
    pub items: bool,
    /// A dash's or a plus's marker ("- …", "+ …").
    pub dashes: bool,
    /// A line of pipes only (a Markdown table's rows around it).
    pub pipes: bool,
    /// A line that may head a table ("TT", "STT" …): alone, or as the first word of a long
    /// line laid out by position.
    pub table_heads: bool,
    /// A closing's mark: the recipients' heading ("Nơi nhận"), a signature's authority line
    /// ("TM. …"), or recipients flattened into one line.
    pub closing: bool,
}

impl Seen {
    /// Every flag set: every pass runs (what the tests compare the skipping with).
    #[cfg(test)]
    pub(crate) fn everything() -> Seen {
        Seen {
            digits: true,
            stamps: true,
            page_headers: true,
            markup: true,
            bare_keywords: true,
            romans: true,
            items: true,
            dashes: true,
            pipes: true,
            table_heads: true,
            closing: true,
        }
    }

    /// Note what `line` (read from `raw`) is.
    pub(crate) fn note(&mut self, line: &Line, raw: &str) {
        let full = line.full.as_str();
        match &line.kind {
            LineKind::Digits => self.digits = true,
            LineKind::Stamp => self.stamps = true,
            LineKind::PageHeader => self.page_headers = true,
            LineKind::Pipe => self.pipes = true,
            LineKind::RecipientsStart | LineKind::Authority => self.closing = true,
            LineKind::Marker(m) => match m.kind {
                MarkerKind::Roman => self.romans = true,
                MarkerKind::Item | MarkerKind::Subitem | MarkerKind::Point => self.items = true,
                MarkerKind::Indent | MarkerKind::Subindent => self.dashes = true,
                _ => {}
            },
            _ => {}
        }
        self.markup |= line.had_markup;
        if !self.bare_keywords && line.kind == LineKind::Text {
            self.bare_keywords = crate::lines::is_bare_keyword(full);
        }
        // The rest by the line's first byte ("Người ký:", "Nơi nhận", "- …; - …", "TT").
        match vanban_text::trim(full).as_bytes().first() {
            Some(b'N') => {
                self.stamps |= full.starts_with("Người ký:");
                self.closing |= full.starts_with("Nơi nhận");
            }
            // (Any "; - " is enough here, and one prepared search looks for it: a list of
            // bullets asks on every line.)
            Some(b'-') => self.closing |= full.starts_with("- ") && flat_separator(full),
            Some(b't' | b'T' | b's' | b'S') => {
                self.table_heads |= crate::tables::is_head(full);
            }
            _ => {}
        }
        // A table laid out by position: its head is the first word of a long line.
        if !self.table_heads && raw.len() >= 20 {
            let word = raw.split_whitespace().next().unwrap_or("");
            self.table_heads = matches!(word.as_bytes().first(), Some(b't' | b'T' | b's' | b'S'))
                && crate::tables::is_head(word);
        }
    }
}

/// Whether `full` holds "; - ", the separator of recipients flattened into one line.
fn flat_separator(full: &str) -> bool {
    static FINDER: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("; - "));
    FINDER.find(full.as_bytes()).is_some()
}

/// An offset as stored in a line record (normalised texts are shorter than `u32::MAX` bytes:
/// `parse` cuts its input at `crate::MAX_LEN`, with a diagnostic).
fn narrow(offset: usize) -> u32 {
    vanban_text::saturating_u32(offset)
}

#[cfg(test)]
mod size_tests {
    use super::*;

    /// A document has a line record per line (a million one-character lines is one of the
    /// attacks on the parser): a marker lives in its line's record without an allocation of its
    /// own, and the record does not quietly grow.
    #[test]
    fn a_line_record_stays_small() {
        let sizes = (
            std::mem::size_of::<Marker>(),
            std::mem::size_of::<LineKind>(),
            std::mem::size_of::<Line>(),
        );
        assert!(sizes.0 <= 32 && sizes.2 <= 72, "{sizes:?}");
    }

    /// A marker reads back its text and number.
    #[test]
    fn a_marker_reads_back() {
        for (text, number) in [
            ("Điều 5.", Some("5")),
            ("-", None),
            ("Chương XXIII", Some("XXIII")),
        ] {
            let mut m = Marker::new(MarkerKind::Item, text, number);
            assert_eq!((m.text(), m.number()), (text, number));
            m.set_number(Some("đ"));
            assert_eq!((m.text(), m.number()), (text, Some("đ")));
            m.set_number(None);
            assert_eq!((m.text(), m.number()), (text, None));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A marker gives back its text and number as given, whether both fit inline together
    /// or not, with an empty number kept as present.
    #[test]
    fn a_marker_keeps_its_text_and_number() {
        let long = "Điều 123456789012345678901234567890";
        for text in ["1.", "a)", "-", "Điều 5.", "", long, "Ⅻ.", "đ)"] {
            for number in [
                None,
                Some(""),
                Some("1"),
                Some("đ"),
                Some("12.3.4"),
                Some(long),
            ] {
                let m = Marker::new(MarkerKind::Item, text, number);
                assert_eq!(m.text(), text);
                assert_eq!(m.number(), number, "{text:?} {number:?}");
                assert_eq!(m.kind, MarkerKind::Item);
            }
        }
    }
}
