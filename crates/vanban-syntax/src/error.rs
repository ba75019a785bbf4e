//! Errors of the text boundary and of strict parsing.

use thiserror::Error;

/// Why bytes could not be read as a document.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DecodeError {
    /// Not valid UTF-8 and not a recognised legacy encoding.
    #[error("invalid UTF-8 at byte {offset} (line {line}, column {column}); save the file as UTF-8 and try again")]
    InvalidUtf8 {
        /// Byte offset of the first bad byte in the input.
        offset: usize,
        /// 1-based line of that byte.
        line: usize,
        /// 1-based column (in characters) of that byte.
        column: usize,
    },
    /// UTF-16 with a BOM, but broken.
    #[error("invalid UTF-16 at byte {offset} (line {line}, column {column}); save the file as UTF-8 and try again")]
    InvalidUtf16 {
        /// Byte offset of the bad code unit.
        offset: usize,
        /// 1-based line of that code unit in the text decoded before it.
        line: usize,
        /// 1-based column (in characters) of that code unit.
        column: usize,
    },
    /// Text in a legacy 8-bit Vietnamese encoding.
    #[error("this looks like {name} text, a legacy Vietnamese 8-bit encoding (first non-UTF-8 byte at offset {offset}, line {line}); convert it to Unicode (UTF-8) first, for example with a converter for {name} (iconv knows Windows-1258: `iconv -f WINDOWS-1258 -t UTF-8`), or by re-saving from Word as Unicode text")]
    LegacyEncoding {
        /// "TCVN3 (ABC)", "VNI-Windows" or "Windows-1258".
        name: &'static str,
        /// Byte offset of the first non-UTF-8 byte.
        offset: usize,
        /// 1-based line of that byte.
        line: usize,
    },
    /// Valid UTF-8 whose letters are legacy glyphs: TCVN3 or VNI bytes that were once read as
    /// Latin-1 ("Uû ban nh©n d©n" for "Ủy ban nhân dân").
    #[error("this looks like {name} text that was read as Latin-1 (line {line}: \"{sample}\"): its letters are legacy glyphs, not Vietnamese; convert the original file from {name} to Unicode (UTF-8) with a converter for that encoding, and try again")]
    MisdecodedLegacy {
        /// "TCVN3 (ABC)", "VNI-Windows" or "Windows-1258".
        name: &'static str,
        /// 1-based line of the first such glyph.
        line: usize,
        /// That line, shortened.
        sample: String,
    },
    /// UTF-32 with a BOM, but broken.
    #[error("invalid UTF-32 at byte {offset} (line {line}, column {column}); save the file as UTF-8 and try again")]
    InvalidUtf32 {
        /// Byte offset of the bad code unit.
        offset: usize,
        /// 1-based line of that code unit in the text decoded before it.
        line: usize,
        /// 1-based column (in characters) of that code unit.
        column: usize,
    },
    /// A web page: its markup would be read as the document's text.
    #[error("this is an HTML page, not a text document: save it as text (in a browser, \"Save page as\" → \"Text files\", or copy the document's text into a .txt file) and try again")]
    Html,
    /// UTF-16 text saved without its byte-order mark (which of the two orders it reads as).
    #[error("this is {encoding} text without a byte-order mark: save it as UTF-8 (or as UTF-16 with its mark) and try again")]
    NoByteOrderMark {
        /// "UTF-16 LE" or "UTF-16 BE".
        encoding: &'static str,
    },
    /// Not a text document at all.
    #[error("not a text document: this is {kind}; extract its text first (for a PDF, pdftotext; for a .docx, save as plain text)")]
    Binary {
        /// What it looks like.
        kind: &'static str,
    },
}

/// Errors of [`crate::parse_bytes`] and of strict parsing.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ParseError {
    /// The bytes could not be decoded.
    #[error(transparent)]
    Decode(#[from] DecodeError),
    /// `strict` was set and the parse produced error diagnostics.
    #[error("{count} error diagnostic(s); first: {first}")]
    Strict {
        /// How many error diagnostics.
        count: usize,
        /// The first one, as `line:column: message`.
        first: String,
    },
}
