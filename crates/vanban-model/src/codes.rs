//! Diagnostic codes, declared once: each code's text, its severity, the stage that emits it and
//! what it means. Code emits the constants; the README's diagnostic tables and the
//! diagnostics seen on the corpus are checked against [`ALL`] by `tests/vocabulary.rs`.

use crate::Severity;

/// The stage of the pipeline that emits a diagnostic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    /// Parsing (`vanban-syntax`): the text boundary, the line pass, header and closing.
    Parse,
    /// Extraction (`vanban-extract`): identity, citations.
    Extract,
    /// The checks of `vanban-lint`.
    Lint,
    /// The graph of a corpus (`vanban-graph`).
    Graph,
}

/// A declared diagnostic code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeInfo {
    /// The code as emitted ("header-no-date").
    pub code: &'static str,
    /// Its severity.
    pub severity: Severity,
    /// The stage that emits it.
    pub stage: Stage,
    /// What it means.
    pub meaning: &'static str,
}

macro_rules! codes {
    ($( $name:ident = $code:literal, $severity:ident, $stage:ident, $meaning:literal; )*) => {
        $(
            #[doc = $meaning]
            pub const $name: &str = $code;
        )*

        /// Every declared code, in declaration order.
        pub const ALL: &[CodeInfo] = &[$(CodeInfo {
            code: $code,
            severity: Severity::$severity,
            stage: Stage::$stage,
            meaning: $meaning,
        }),*];
    };
}

codes! {
    HEADER_MISSING = "header-missing", Error, Parse,
        "No motto, Party heading or \"Số:\" line near the top.";
    EMPTY_DOCUMENT = "empty-document", Warning, Parse,
        "The input is empty or only white space.";
    TEXT_TOO_LONG = "text-too-long", Error, Parse,
        "A text of 1 GiB or more: only its first GiB is read.";
    HEADER_NO_ISSUER = "header-no-issuer", Warning, Parse, "The header names no issuer.";
    HEADER_NO_NUMBER = "header-no-number", Warning, Parse, "The header gives no number.";
    HEADER_NO_DATE = "header-no-date", Warning, Parse, "The header gives no date.";
    HEADER_NO_KIND = "header-no-kind", Warning, Parse, "The header gives no type name.";
    HEADER_BAD_NUMBER = "header-bad-number", Warning, Parse,
        "A \"Số:\" line whose symbol cannot be read.";
    HEADER_TYPE_MISMATCH = "header-type-mismatch", Warning, Parse,
        "The type code in the symbol contradicts the printed type name.";
    HEADER_YEAR_MISMATCH = "header-year-mismatch", Warning, Parse,
        "The header date's year is not the year in the symbol; the id takes the symbol's.";
    HEADER_BLANK_NUMBER = "header-blank-number", Info, Parse,
        "The number is left blank (an unsigned draft).";
    HEADER_BLANK_DATE = "header-blank-date", Info, Parse,
        "The date is left blank (an unsigned draft).";
    ISSUER_FROM_CODE = "issuer-from-code", Info, Parse,
        "The issuer was named from a national issuer code.";
    ISSUER_FROM_SIGNATURE = "issuer-from-signature", Info, Parse,
        "A Party document's issuer taken from its signature block.";
    DATE_FROM_ADOPTION = "date-from-adoption", Info, Parse,
        "A law dated by its adoption sentence at the end.";
    DATE_FROM_STAMP = "date-from-stamp", Info, Parse,
        "A blank header date taken from a signature stamp.";
    DATE_FROM_APPENDIX = "date-from-appendix", Info, Parse,
        "A blank header date taken from the document's own appendix.";
    OCR_TOLERATED = "ocr-tolerated", Info, Parse,
        "A fixed header word read with OCR tolerance; fields get the canonical spelling.";
    FRONT_MATTER = "front-matter", Info, Parse, "Text before the header, kept aside.";
    TRAILING_TEXT = "trailing-text", Info, Parse, "Text after the document, kept aside.";
    CLOSING_MISSING = "closing-missing", Info, Parse, "No Nơi nhận and no signature block.";
    PAGE_HEADER = "page-header", Info, Parse,
        "A running page header or page marker left out of the text of nodes.";
    PAGE_NUMBER = "page-number", Info, Parse,
        "A page number between blank lines left out of the text of nodes.";
    SIGNATURE_STAMP = "signature-stamp", Info, Parse,
        "A digital-signature stamp line left out of the text of nodes.";
    MARKDOWN = "markdown", Info, Parse, "Markdown markup removed from the lines it was on.";
    JOINED_LINES = "joined-lines", Info, Parse, "Hard-wrapped lines joined into paragraphs.";
    NORMALIZED = "normalized", Info, Parse,
        "The text was normalised (line ends, NFC, odd spaces, invisible characters).";
    CITATION_ISSUER_MISMATCH = "citation-issuer-mismatch", Warning, Extract,
        "The issuer code in a cited symbol contradicts the issuer the citation names.";
    RELATION_TIME_GUARD = "relation-time-guard", Info, Extract,
        "A typed claim dropped because its object is dated after its subject.";
    PROVISIONAL_ID = "provisional-id", Warning, Extract,
        "The id has no year or no issuer; the graph may merge it with a fuller id.";
    NUMBERING_GAP = "numbering-gap", Warning, Lint, "A number skipped.";
    NUMBERING_DUPLICATE = "numbering-duplicate", Warning, Lint, "A number given twice.";
    NUMBERING_ORDER = "numbering-order", Warning, Lint, "Units out of order or swapped.";
    NUMBERING_START = "numbering-start", Warning, Lint,
        "A list that does not start at 1, a or I.";
    NUMBERING_PREFIX = "numbering-prefix", Warning, Lint,
        "A sub-item whose prefix is not its item's number.";
    NUMBERING_RESTART = "numbering-restart", Info, Lint,
        "Numbering starts again at 1 with nothing between.";
    HEADER_NO_MOTTO = "header-no-motto", Warning, Lint, "No Quốc hiệu and no Party heading.";
    HEADER_DATE_PADDING = "header-date-padding", Info, Lint,
        "Days below 10 and the months 1 and 2 take a leading 0.";
    CITATION_INCOMPLETE = "citation-incomplete", Info, Lint,
        "The first citation of a document gives no date or no issuer.";
    CITATION_AFTER_DOCUMENT = "citation-after-document", Warning, Lint,
        "A cited document is dated after the citing one.";
    CLOSING_NO_END_MARK = "closing-no-end-mark", Info, Lint,
        "The content does not end with \"./.\".";
    CLOSING_NO_ARCHIVE = "closing-no-archive", Warning, Lint, "\"Nơi nhận\" without \"Lưu: …\".";
    CLOSING_NO_SIGNATURE = "closing-no-signature", Warning, Lint, "No signature block.";
    DUPLICATE_DOCUMENT = "duplicate-document", Warning, Graph,
        "The same document (same id) given in two files.";
    METADATA_CONFLICT = "metadata-conflict", Warning, Graph,
        "Citations, or the document and its citations, give different dates.";
    CYCLE = "cycle", Warning, Graph, "Implementation relations form a cycle.";
    MERGED_IDENTITY = "merged-identity", Info, Graph,
        "A provisional id merged with the one stub that fits it.";
    AMBIGUOUS_IDENTITY = "ambiguous-identity", Warning, Graph,
        "Several stubs fit a provisional id; none merged.";
}

/// The declaration of a code, if it is declared.
pub fn info(code: &str) -> Option<&'static CodeInfo> {
    ALL.iter().find(|c| c.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_kebab_case() {
        let mut seen = std::collections::BTreeSet::new();
        for c in ALL {
            assert!(seen.insert(c.code), "{} declared twice", c.code);
            assert!(
                c.code
                    .chars()
                    .all(|ch| ch.is_ascii_lowercase() || ch == '-'),
                "{}",
                c.code
            );
        }
        assert_eq!(info("cycle").map(|c| c.stage), Some(Stage::Graph));
        assert!(info("no-such-code").is_none());
    }
}
