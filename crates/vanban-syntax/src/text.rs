//! The text boundary: the only place that sees raw bytes.
//!
//! Decodes (UTF-8 with or without BOM, UTF-16 with BOM), refuses binary and legacy 8-bit
//! encodings with a typed error, and normalises only what must be normalised: line ends, NFC,
//! odd spaces and zero-width characters. An [`OffsetMap`] takes every offset in the normalised
//! text back to the original input, so diagnostics point at the user's file.

use std::sync::atomic::{AtomicUsize, Ordering};
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
use vanban_text::Sub;

pub use vanban_text::fold::{fold_case, lower_keeping_length};
pub use vanban_text::window;
pub use vanban_text::xml::{escape_xml, XmlSpace};

use crate::error::DecodeError;

/// The most bytes read from one input by [`read_file`]: the most a parse reads
/// ([`crate::MAX_LEN`]) and a few more, so that the parse sees the text is longer and says so.
pub const READ_CAP: u64 = crate::MAX_LEN as u64 + 4;

/// The bytes of a file, at most [`READ_CAP`] of them: a parse reads a text's first GiB only,
/// and an endless source (`/dev/zero`, a pipe that never closes) must not fill the memory.
pub fn read_file(path: &std::path::Path) -> std::io::Result<Vec<u8>> {
    read_file_up_to(path, READ_CAP)
}

/// The bytes of a file, at most `cap` of them (see [`read_capped`]).
pub fn read_file_up_to(path: &std::path::Path, cap: u64) -> std::io::Result<Vec<u8>> {
    let file = std::fs::File::open(path)?;
    let size = file.metadata().map_or(0, |m| m.len());
    read_capped(file, size, cap)
}

/// At most `cap` bytes of `source` (`size`, when known, sizes the buffer). A read cut by the
/// cap in the middle of a UTF-8 character ends before it, so that the text still decodes.
pub fn read_capped(source: impl std::io::Read, size: u64, cap: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let room = usize::try_from(size.min(cap)).unwrap_or(0);
    let mut buf = Vec::with_capacity(room);
    source.take(cap).read_to_end(&mut buf)?;
    if buf.len() as u64 == cap {
        if let Err(e) = std::str::from_utf8(&buf) {
            if e.error_len().is_none() {
                buf.truncate(e.valid_up_to());
            }
        }
    }
    Ok(buf)
}

/// Decode raw bytes into text.
///
/// UTF-8 (a BOM is stripped), UTF-16 LE/BE and UTF-32 LE/BE with a BOM are accepted. Anything
/// else gives a [`DecodeError`]: binary data (also after a BOM: an RTF file saved with one),
/// an HTML page, text in a legacy Vietnamese 8-bit encoding (TCVN3, VNI, Windows-1258, each
/// named), or invalid UTF-8 (with the byte offset, line and column of the first bad byte).
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    // UTF-32 LE's BOM starts like UTF-16 LE's: look for it first.
    let text = if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE, 0x00, 0x00]) {
        decode_utf32(rest, u32::from_le_bytes)?
    } else if let Some(rest) = bytes.strip_prefix(&[0x00, 0x00, 0xFE, 0xFF]) {
        decode_utf32(rest, u32::from_be_bytes)?
    } else if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        if let Some(kind) = binary_kind(rest) {
            return Err(DecodeError::Binary { kind });
        }
        decode_utf8(rest, 3)?
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        decode_utf16(rest, u16::from_le_bytes)?
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        decode_utf16(rest, u16::from_be_bytes)?
    } else if let Some(encoding) = utf16_without_bom(&bytes[..bytes.len().min(8192)]) {
        return Err(DecodeError::NoByteOrderMark { encoding });
    } else if let Some(kind) = binary_kind(bytes) {
        return Err(DecodeError::Binary { kind });
    } else {
        decode_utf8(bytes, 0)?
    };
    if text.trim_start().starts_with("{\\rtf") {
        return Err(DecodeError::Binary {
            kind: "an RTF file",
        });
    }
    if is_html(&text) {
        return Err(DecodeError::Html);
    }
    if let Some(e) = misdecoded_legacy(&text) {
        return Err(e);
    }
    Ok(text)
}

/// Whether the text is an HTML page: it opens (after white space and comments) with a doctype
/// or an `<html>`, `<head>` or `<body>` tag, or is XHTML (an XML declaration, then `<html`).
fn is_html(text: &str) -> bool {
    let mut t = text.trim_start();
    while let Some(rest) = t.strip_prefix("<!--") {
        t = rest
            .split_once("-->")
            .map_or("", |(_, after)| after)
            .trim_start();
    }
    let head: String = t.chars().take(14).flat_map(char::to_lowercase).collect();
    let opens_page = ["<!doctype html", "<html", "<head", "<body"]
        .iter()
        .any(|p| head.starts_with(p));
    let xhtml = head.starts_with("<?xml")
        && t.chars()
            .take(1024)
            .collect::<String>()
            .to_lowercase()
            .contains("<html");
    opens_page || xhtml
}

/// The vowels a Windows-1258 tone byte follows.
fn tone_host(c: char) -> bool {
    matches!(
        c,
        'a' | 'e'
            | 'i'
            | 'o'
            | 'u'
            | 'y'
            | 'A'
            | 'E'
            | 'I'
            | 'O'
            | 'U'
            | 'Y'
            | 'â'
            | 'ê'
            | 'ô'
            | 'ã'
            | 'õ'
            | 'ý'
            | 'Â'
            | 'Ê'
            | 'Ô'
            | 'Ã'
            | 'Õ'
            | 'Ý'
    )
}

/// Legacy glyphs read as Latin-1. In TCVN3 the letters â ê ô ơ ư ă đ are single bytes that
/// Latin-1 shows as "©", "ª", "«", "¬", "­", "¨", "®", and toned vowels show as "¸", "µ", "¶",
/// "·", "¹" …; VNI writes tones and hats as separate
/// bytes that Latin-1 shows as "ø", "ä", "ë", "ö", "ü", "ï" after the base letter. Proper
/// Vietnamese has none of these; it has the letters of U+1EA0..U+1EF9 (ạ ả ấ …), which such
/// text lacks.
fn misdecoded_legacy(text: &str) -> Option<DecodeError> {
    // Every character counted against the proper letters is led by byte C2 or C3 (U+0080 to
    // U+00FF): with fewer than eight such no count can win, nor once there are a quarter as
    // many proper letters (in Vietnamese text, after the first few lines).
    let led = memchr::memchr2_iter(0xC2, 0xC3, text.as_bytes()).count();
    if led < 8 {
        return None;
    }
    legacy_reading(text, led)
}

/// The reading of [`misdecoded_legacy`], which stops (finding nothing) once four times the
/// proper letters reach `give_up_at`.
fn legacy_reading(text: &str, give_up_at: usize) -> Option<DecodeError> {
    let mut tcvn = 0usize;
    let mut vni = 0usize;
    let mut proper = 0usize;
    let mut first_tcvn: Option<usize> = None;
    let mut first_vni: Option<usize> = None;
    // Windows-1258 read as Latin-1: its combining tone bytes show as "Ì ì Ò Þ ò" right after a
    // vowel ("Vieòt" for "Việt"), where Vietnamese never puts them.
    let mut cp1258 = 0usize;
    let mut first_cp1258: Option<usize> = None;
    // One pass over the characters beyond ASCII (ASCII, most of the text, is skipped by
    // blocks); `prev` is the character before each.
    for (i, c, prev) in non_ascii(text) {
        match c {
            '\u{a9}' | '\u{aa}' | '\u{ab}' | '\u{ac}' | '\u{ae}' | '\u{a8}' | '¸' | 'µ' | '¶'
            | '·' | '¹' | '¼' | '½' | '¾' | 'Þ' | 'Ñ' | '×' => {
                tcvn += 1;
                first_tcvn.get_or_insert(i);
            }
            'ø' | 'ä' | 'ë' | 'ö' | 'ü' | 'ï' | 'Ø' | 'Ä' | 'Ë' | 'Ö' | 'Ü' | 'Ï' => {
                vni += 1;
                first_vni.get_or_insert(i);
            }
            '\u{1ea0}'..='\u{1ef9}' | 'ơ' | 'ư' | 'Ơ' | 'Ư' | 'ă' | 'Ă' | 'đ' | 'Đ' => {
                proper += 1;
                if proper.saturating_mul(4) >= give_up_at {
                    return None;
                }
            }
            _ => {}
        }
        if matches!(c, 'Ì' | 'ì' | 'Ò' | 'Þ' | 'ò') && tone_host(prev) {
            cp1258 += 1;
            first_cp1258.get_or_insert(i);
        }
    }
    let (name, first) = if cp1258 >= 8 && cp1258 > 4 * proper {
        ("Windows-1258", first_cp1258)
    } else if tcvn >= 8 && tcvn > 4 * proper {
        ("TCVN3 (ABC)", first_tcvn)
    } else if vni >= 8 && vni > 4 * proper {
        ("VNI-Windows", first_vni)
    } else {
        return None;
    };
    let at = first.unwrap_or(0);
    let line = text.sub(..at).matches('\n').count() + 1;
    let start = text.sub(..at).rfind('\n').map_or(0, |p| p + 1);
    let end = text.sub(at..).find('\n').map_or(text.len(), |p| at + p);
    let sample: String = text.sub(start..end).trim().chars().take(60).collect();
    Some(DecodeError::MisdecodedLegacy { name, line, sample })
}

/// The characters of `text` beyond ASCII, each with its offset and the character before it
/// (a space before the first). Runs of ASCII are skipped sixteen bytes at a time.
fn non_ascii(text: &str) -> impl Iterator<Item = (usize, char, char)> + '_ {
    let bytes = text.as_bytes();
    let mut i = 0;
    // The last character yielded and where it ends.
    let mut last = (0, ' ');
    std::iter::from_fn(move || {
        while bytes.get(i..i + 16).is_some_and(<[u8]>::is_ascii) {
            i += 16;
        }
        while bytes.get(i).is_some_and(u8::is_ascii) {
            i += 1;
        }
        let c = text.sub(i..).chars().next()?;
        let prev = match i.checked_sub(1).and_then(|p| bytes.get(p)) {
            Some(&b) if b.is_ascii() => char::from(b),
            Some(_) if last.0 == i => last.1,
            _ => ' ',
        };
        let at = i;
        i += c.len_utf8();
        last = (i, c);
        Some((at, c, prev))
    })
}

fn decode_utf8(bytes: &[u8], bom: usize) -> Result<String, DecodeError> {
    // The SIMD check is several times faster than the standard library's on Vietnamese text
    // (most characters beyond ASCII); the standard one then says where a bad byte is.
    if let Ok(s) = simdutf8::basic::from_utf8(bytes) {
        return Ok(s.to_owned());
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_owned()),
        Err(e) => {
            let valid = e.valid_up_to();
            let before = &bytes[..valid];
            let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = before
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |p| p + 1);
            // `before` is valid UTF-8 up to `valid`.
            let column = String::from_utf8_lossy(&before[line_start..])
                .chars()
                .count()
                + 1;
            if let Some(name) = legacy_encoding(bytes) {
                return Err(DecodeError::LegacyEncoding {
                    name,
                    offset: valid + bom,
                    line,
                });
            }
            Err(DecodeError::InvalidUtf8 {
                offset: valid + bom,
                line,
                column,
            })
        }
    }
}

fn decode_utf32(bytes: &[u8], unit: fn([u8; 4]) -> u32) -> Result<String, DecodeError> {
    let mut out = String::with_capacity(bytes.len() / 2);
    for (i, c) in bytes.chunks_exact(4).enumerate() {
        match char::from_u32(unit([c[0], c[1], c[2], c[3]])) {
            Some(ch) => out.push(ch),
            None => {
                let (line, column) = end_position(&out);
                let offset = 4 + i * 4;
                return Err(DecodeError::InvalidUtf32 {
                    offset,
                    line,
                    column,
                });
            }
        }
    }
    // (A length that is no multiple of four: the bytes left over after the last whole unit.)
    if !bytes.len().is_multiple_of(4) {
        let (line, column) = end_position(&out);
        return Err(DecodeError::InvalidUtf32 {
            offset: 4 + bytes.len() / 4 * 4,
            line,
            column,
        });
    }
    Ok(out)
}

fn decode_utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, DecodeError> {
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let mut out = String::with_capacity(bytes.len());
    // (Code units read so far: a character outside the BMP takes two.)
    let mut read = 0;
    for r in char::decode_utf16(units) {
        match r {
            Ok(c) => {
                out.push(c);
                read += c.len_utf16();
            }
            Err(_) => {
                let (line, column) = end_position(&out);
                return Err(DecodeError::InvalidUtf16 {
                    offset: 2 + read * 2,
                    line,
                    column,
                });
            }
        }
    }
    if !bytes.len().is_multiple_of(2) {
        let (line, column) = end_position(&out);
        return Err(DecodeError::InvalidUtf16 {
            offset: bytes.len() + 1,
            line,
            column,
        });
    }
    Ok(out)
}

/// The 1-based line and column (in characters) right after `text`: where a decoding that
/// stopped there stopped.
fn end_position(text: &str) -> (usize, usize) {
    let line_start = text.rfind('\n').map_or(0, |i| i + 1);
    let line = text.bytes().filter(|&b| b == b'\n').count() + 1;
    (line, text.sub(line_start..).chars().count() + 1)
}

/// Recognise common binary formats by their magic bytes, and anything with NUL bytes.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF", "a PDF file"),
        (
            b"PK\x03\x04",
            "a ZIP archive (a .docx or .xlsx file is one)",
        ),
        (b"\xD0\xCF\x11\xE0", "an old Office file (.doc or .xls)"),
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"{\\rtf", "an RTF file"),
    ];
    for (magic, what) in MAGIC {
        if bytes.starts_with(magic) {
            return Some(what);
        }
    }
    let head = &bytes[..bytes.len().min(8192)];
    memchr::memchr(0, head).map(|_| "binary data (it contains NUL bytes)")
}

/// UTF-16 text saved without its byte-order mark, and in which order: a NUL byte beside most
/// ASCII characters, on one side of each pair only (the high byte of U+0000–U+00FF), never on
/// the other.
fn utf16_without_bom(head: &[u8]) -> Option<&'static str> {
    let pairs = head.len() / 2;
    let (mut even, mut odd) = (0, 0);
    for pair in head.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    let text_like =
        |nul: usize, other: usize| pairs >= 8 && nul * 4 >= pairs && other * 100 <= pairs;
    if text_like(odd, even) {
        Some("UTF-16 LE")
    } else if text_like(even, odd) {
        Some("UTF-16 BE")
    } else {
        None
    }
}

/// Tell TCVN3 (ABC) and VNI-Windows text by bytes typical of each. Only called on text that
/// is not valid UTF-8.
fn legacy_encoding(bytes: &[u8]) -> Option<&'static str> {
    // TCVN3 puts whole Vietnamese letters in 0xA1..=0xFE: "©" (0xA9) is "â", "¬" (0xAC) "ơ",
    // "­" (0xAD) "ư", "®" (0xAE) "đ", "ù"/"û" tone letters. VNI writes a base letter followed by
    // tone bytes in 0xC0..=0xFF right after an ASCII letter ("Vieät" = "Việt").
    let high = bytes.iter().filter(|&&b| b >= 0x80).count();
    if high < 4 {
        return None;
    }
    // A valid UTF-8 multi-byte sequence anywhere means a damaged UTF-8 file, not a legacy one.
    if bytes
        .windows(3)
        .any(|w| matches!(w[0], 0xE0..=0xEF) && (w[1] & 0xC0) == 0x80 && (w[2] & 0xC0) == 0x80)
    {
        return None;
    }
    if is_windows_1258(bytes) {
        return Some("Windows-1258");
    }
    let tcvn = bytes
        .iter()
        .filter(|&&b| matches!(b, 0xA8..=0xAE | 0xB5..=0xBE | 0xC6..=0xCF))
        .count();
    // VNI's tone bytes after a vowel: ù ø û õ ï (and capitals).
    let vni = bytes
        .windows(2)
        .filter(|w| {
            matches!(
                w[0].to_ascii_lowercase(),
                b'a' | b'e' | b'i' | b'o' | b'u' | b'y'
            ) && matches!(
                w[1],
                0xF9 | 0xF8 | 0xFB | 0xF5 | 0xEF | 0xD9 | 0xD8 | 0xDB | 0xD5 | 0xCF
            )
        })
        .count();
    if tcvn >= 3 && tcvn >= vni {
        Some("TCVN3 (ABC)")
    } else if vni >= 3 {
        Some("VNI-Windows")
    } else {
        None
    }
}

/// Windows-1258 writes base letters (ASCII, or â ê ô ă ơ ư as single bytes) followed by
/// combining tone bytes: grave 0xCC, acute 0xEC, tilde 0xDE, hook 0xD2, dot 0xF2. In TCVN3
/// those bytes are whole letters and follow consonants; in 1258 nearly all follow a vowel.
fn is_windows_1258(bytes: &[u8]) -> bool {
    let is_tone = |b: u8| matches!(b, 0xCC | 0xEC | 0xD2 | 0xDE | 0xF2);
    let tone_bytes = bytes.iter().filter(|&&b| is_tone(b)).count();
    let tone_after_vowel = bytes
        .windows(2)
        .filter(|w| {
            is_tone(w[1])
                && matches!(
                    w[0],
                    b'a' | b'e'
                        | b'i'
                        | b'o'
                        | b'u'
                        | b'y'
                        | b'A'
                        | b'E'
                        | b'I'
                        | b'O'
                        | b'U'
                        | b'Y'
                        | 0xC2
                        | 0xE2
                        | 0xCA
                        | 0xEA
                        | 0xD4
                        | 0xF4
                        | 0xC3
                        | 0xE3
                        | 0xD5
                        | 0xF5
                        | 0xDD
                        | 0xFD
                )
        })
        .count();
    tone_bytes >= 3 && tone_after_vowel * 4 >= tone_bytes * 3
}

/// Text after normalisation, with the map back to the original.
#[derive(Debug, Clone)]
pub struct Normalized {
    /// NFC text with LF line ends, odd spaces folded to U+0020, zero-width characters removed.
    pub text: String,
    /// Offsets back into the original text.
    pub map: OffsetMap,
    /// What was changed, for diagnostics: (what, count).
    pub changes: Vec<(&'static str, usize)>,
}

/// Maps byte offsets of the normalised text back to the original text.
#[derive(Debug, Default)]
pub struct OffsetMap {
    /// Checkpoints (normalised offset, original offset); between two checkpoints the
    /// difference is constant. Empty means the identity.
    points: Vec<(usize, usize)>,
    /// Byte offsets where original lines start (32 bits: an input is cut at 1 GiB, see
    /// [`READ_CAP`]; a document of a million short lines kept 8 MB of them as `usize`).
    line_starts: Vec<u32>,
    /// The original text, for column counting; `None` when it is the normalised text (no
    /// second copy of an unchanged document).
    original: Option<String>,
    /// Characters before each 4 KiB block of the original text, so that a column on a very
    /// long line costs at most a block's counting, not the whole line's.
    char_blocks: Vec<usize>,
    /// The line of the last answer: positions are asked for mostly in document order, so the
    /// next one is usually on that line or the next. A hint only: answers are the same without.
    line_hint: AtomicUsize,
}

impl Clone for OffsetMap {
    fn clone(&self) -> OffsetMap {
        OffsetMap {
            points: self.points.clone(),
            line_starts: self.line_starts.clone(),
            original: self.original.clone(),
            char_blocks: self.char_blocks.clone(),
            line_hint: AtomicUsize::new(self.line_hint.load(Ordering::Relaxed)),
        }
    }
}

/// Bytes per block of [`OffsetMap::char_blocks`].
const BLOCK: usize = 4096;

/// Characters before each block of `s`, and then all its characters: the count before every
/// offset up to `s.len()` has its entry (an offset at the very end of a text whose length is
/// a multiple of [`BLOCK`] is in the block after the last).
fn char_blocks(s: &str) -> Vec<usize> {
    let mut out = Vec::with_capacity(s.len() / BLOCK + 2);
    let mut count = 0;
    for chunk in s.as_bytes().chunks(BLOCK) {
        out.push(count);
        // Characters are the bytes that are not continuation bytes (10xxxxxx, below -64 as
        // signed bytes), counted in byte lanes 255 bytes at a time, which vectorises.
        let continuations: usize = chunk
            .chunks(255)
            .map(|part| {
                let n = part
                    .iter()
                    .fold(0u8, |n, &b| n.wrapping_add(u8::from((b as i8) < -64)));
                usize::from(n)
            })
            .sum();
        count += chunk.len() - continuations;
    }
    out.push(count);
    out
}

impl OffsetMap {
    /// The map of `original` with its checkpoints and line starts; `same` when the normalised
    /// text is `original` itself.
    fn new(
        points: Vec<(usize, usize)>,
        line_starts: Vec<u32>,
        original: &str,
        same: bool,
    ) -> OffsetMap {
        OffsetMap {
            points,
            line_starts,
            original: (!same).then(|| original.to_owned()),
            char_blocks: char_blocks(original),
            line_hint: AtomicUsize::new(0),
        }
    }

    /// The number of original lines that start at or before `orig` (the 1-based line of
    /// `orig`): the hinted line or the next when it is there, else a binary search.
    fn line_of(&self, orig: usize) -> usize {
        let starts = &self.line_starts;
        let holds = |p: usize| {
            p >= 1
                && p <= starts.len()
                && starts[p - 1] as usize <= orig
                && starts.get(p).is_none_or(|&next| orig < next as usize)
        };
        let hint = self.line_hint.load(Ordering::Relaxed);
        let line = if holds(hint) {
            hint
        } else if holds(hint + 1) {
            hint + 1
        } else {
            starts.partition_point(|&s| s as usize <= orig)
        };
        self.line_hint.store(line, Ordering::Relaxed);
        line
    }

    /// The original byte offset of a normalised byte offset.
    pub fn to_original(&self, offset: usize) -> usize {
        let i = self.points.partition_point(|&(n, _)| n <= offset);
        if i == 0 {
            return offset;
        }
        let (n, o) = self.points[i - 1];
        o + (offset - n)
    }

    /// 1-based line and column (in characters) in the original text of a normalised offset;
    /// `text` is the normalised text the map was made with ([`Normalized::text`]).
    pub fn line_col(&self, text: &str, offset: usize) -> (u32, u32) {
        let original = self.original.as_deref().unwrap_or(text);
        let orig = self.to_original(offset).min(original.len());
        let line = self.line_of(orig);
        let start = self.line_starts[line - 1] as usize;
        let mut end = orig;
        while !original.is_char_boundary(end) {
            end -= 1;
        }
        // Short lines are counted directly; long ones through the block index.
        let column = if end - start <= 2 * BLOCK {
            original.as_bytes()[start..end]
                .iter()
                .filter(|&&b| (b & 0xC0) != 0x80)
                .count()
                + 1
        } else {
            self.chars_before(original, end) - self.chars_before(original, start) + 1
        };
        (line as u32, column as u32)
    }

    /// Number of characters of the original text before byte `offset` (at most its length).
    fn chars_before(&self, original: &str, offset: usize) -> usize {
        let block = offset / BLOCK;
        let base = self.char_blocks.get(block).copied().unwrap_or_default();
        let from = (block * BLOCK).min(offset);
        base + original.as_bytes()[from..offset]
            .iter()
            .filter(|&&b| (b & 0xC0) != 0x80)
            .count()
    }
}

fn odd_space(c: char) -> bool {
    matches!(
        c,
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// The letter with a breve that text recognition gave a caron instead ("nǎm" for "năm": no
/// Vietnamese word has "ǎ"); the same length in UTF-8, so offsets do not move.
fn breve_for(c: char) -> Option<char> {
    match c {
        'ǎ' => Some('ă'),
        'Ǎ' => Some('Ă'),
        _ => None,
    }
}

fn zero_width(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    )
}

/// Line breaks other than LF, CR and FF: VT (Word's manual line break), NEL, and the Unicode
/// line and paragraph separators.
fn other_line_break(c: char) -> bool {
    matches!(c, '\u{0B}' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Whether `c` may change when it follows another character in NFC: a combining mark
/// (canonical combining class not 0) or a character whose NFC quick check is not "yes" (the
/// vowel and final jamo of Hangul, which compose with the initial before them, some Indic
/// vowel signs …). A cluster for composition runs from a starter over all such characters.
fn may_compose_with_previous(c: char) -> bool {
    unicode_normalization::char::canonical_combining_class(c) != 0
        || is_nfc_quick(std::iter::once(c)) != IsNormalized::Yes
}

/// Characters that are NFC whatever stands around them (canonical combining class 0 and NFC
/// quick check "yes"): Latin and its extensions, and most punctuation. Tested exhaustively.
fn always_nfc(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{2FF}' | '\u{1E00}'..='\u{1EFF}' | '\u{2010}'..='\u{205E}')
}

/// What the first pass over a text finds.
#[derive(Debug, Default, PartialEq, Eq)]
struct Survey {
    /// A character to change or remove (CR, FF, NUL, VT, an odd space, a zero-width one).
    needs_chars: bool,
    /// A character outside the ranges that are always NFC that may change after another
    /// (see [`may_compose_with_previous`]; then the quick check decides). Without one, every
    /// character is a starter that is NFC as it stands, and so is the text.
    composing: bool,
    /// A line break other than LF, CR and FF.
    other_breaks: bool,
}

/// The first pass, a character at a time.
fn survey_char(c: char, s: &mut Survey) {
    if c.is_ascii() {
        // Of ASCII only CR, FF, NUL and VT (a line break) need work.
        if matches!(c, '\r' | '\u{0B}' | '\u{0C}' | '\0') {
            s.other_breaks |= other_line_break(c);
            s.needs_chars = true;
        }
        return;
    }
    s.other_breaks |= other_line_break(c);
    s.needs_chars |= odd_space(c) || zero_width(c) || breve_for(c).is_some();
    s.composing |= !always_nfc(c) && may_compose_with_previous(c);
}

/// Where the run of characters from `i` that normalisation never changes ends, read by
/// bytes: ASCII but CR, VT, FF and NUL, and the letters of U+00C0–U+02FF (two bytes led by
/// C3–CB) and of U+1E00–U+1EFF (three led by E1 B8–BB), which are always NFC. (Decoding every
/// character cost a third of normalisation.) Such a character may still start a cluster with
/// the combining marks after it.
fn unchanging_run(bytes: &[u8], mut i: usize) -> usize {
    while let Some(&b) = bytes.get(i) {
        i += match b {
            b'\r' | 0x0B | 0x0C | 0 => break,
            0..=0x7F => 1,
            0xC7 if matches!(bytes.get(i + 1), Some(0x8D | 0x8E)) => break,
            0xC3..=0xCB => 2,
            0xE1 if matches!(bytes.get(i + 1), Some(0xB8..=0xBB)) => 3,
            _ => break,
        };
    }
    i
}

/// The first pass over a text: runs that never change by bytes, other characters whole.
fn survey(input: &str) -> Survey {
    let mut s = Survey::default();
    let mut i = 0;
    loop {
        i = unchanging_run(input.as_bytes(), i);
        let Some(c) = input.sub(i..).chars().next() else {
            break;
        };
        survey_char(c, &mut s);
        i += c.len_utf8();
    }
    s
}

/// Normalise text: CR LF and CR to LF, form feed to LF, NFC, odd spaces (NBSP …) to a plain
/// space, zero-width characters and soft hyphens removed. Fast path when nothing needs doing.
pub fn normalize(input: &str) -> Normalized {
    let Survey {
        mut needs_chars,
        composing,
        other_breaks,
    } = survey(input);
    needs_chars |= other_breaks;
    let line_starts = original_line_starts(input, other_breaks);
    let needs_nfc = composing && is_nfc_quick(input.chars()) != IsNormalized::Yes;
    if !needs_nfc && !needs_chars {
        return Normalized {
            text: input.to_owned(),
            map: OffsetMap::new(Vec::new(), line_starts, input, true),
            changes: Vec::new(),
        };
    }
    let (text, points, counts) = rewrite(input, needs_nfc);
    Normalized {
        text,
        map: OffsetMap::new(points, line_starts, input, false),
        changes: counts.changes(),
    }
}

/// Byte offsets where the lines of the original text start: after LF, CR, CR LF and, when
/// `other_breaks`, the Unicode line separators.
fn original_line_starts(input: &str, other_breaks: bool) -> Vec<u32> {
    let mut line_starts = vec![0];
    if other_breaks {
        // Lines of the original also end at the Unicode line separators.
        let mut chars = input.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let crlf = c == '\r' && chars.peek().is_some_and(|&(_, n)| n == '\n');
            if (c == '\n' || c == '\r' || other_line_break(c)) && !crlf {
                line_starts.push(vanban_text::saturating_u32(i + c.len_utf8()));
            }
        }
    } else {
        let bytes = input.as_bytes();
        line_starts.extend(
            memchr::memchr2_iter(b'\n', b'\r', bytes)
                .filter(|&p| !(bytes[p] == b'\r' && bytes.get(p + 1) == Some(&b'\n')))
                .map(|p| vanban_text::saturating_u32(p + 1)),
        );
    }
    line_starts
}

/// What normalisation changed, counted by kind.
#[derive(Default)]
struct Counts {
    crlf: usize,
    spaces: usize,
    zw: usize,
    nfc: usize,
    breaks: usize,
    nul: usize,
    breves: usize,
}

impl Counts {
    /// The changes made, for diagnostics: (what, count).
    fn changes(&self) -> Vec<(&'static str, usize)> {
        let mut changes = Vec::new();
        for (what, n) in [
            ("line ends (CR) changed to LF", self.crlf),
            ("odd spaces (NBSP …) changed to plain spaces", self.spaces),
            ("zero-width characters removed", self.zw),
            ("letters composed to NFC", self.nfc),
            (
                "Unicode line separators (U+2028, U+2029, NEL, VT) changed to LF",
                self.breaks,
            ),
            ("NUL characters removed", self.nul),
            (
                "letters with a caron read as with a breve (ǎ → ă)",
                self.breves,
            ),
        ] {
            if n > 0 {
                changes.push((what, n));
            }
        }
        changes
    }
}

/// The normalised text of `input` (composed to NFC when `needs_nfc`), its checkpoints for the
/// [`OffsetMap`] and the count of changes. Runs of characters that never change are copied
/// whole but for their last character, which may start a cluster with the marks after it.
fn rewrite(input: &str, needs_nfc: bool) -> (String, Vec<(usize, usize)>, Counts) {
    let mut text = String::with_capacity(input.len());
    let mut points = Vec::new();
    let mut counts = Counts::default();
    let mut cluster = String::new();
    let mut i = 0;
    while i < input.len() {
        let run = unchanging_run(input.as_bytes(), i);
        let copied = match run {
            r if r == input.len() => r,
            r if r > i => vanban_text::floor(input, r - 1),
            _ => i,
        };
        text.push_str(input.sub(i..copied));
        i = copied;
        if i == input.len() {
            break;
        }
        let before = text.len();
        let consumed_end = rewrite_one(input, i, needs_nfc, &mut text, &mut counts, &mut cluster);
        // Record a checkpoint after every change of length, so offsets inside unchanged runs
        // map by a constant difference.
        if text.len() - before != consumed_end - i {
            points.push((text.len(), consumed_end));
        }
        i = consumed_end;
    }
    (text, points, counts)
}

/// Rewrite the character at `i` (with the LF after a CR, or the marks of its cluster) onto
/// `text`; where it ends in `input`.
fn rewrite_one(
    input: &str,
    i: usize,
    needs_nfc: bool,
    text: &mut String,
    counts: &mut Counts,
    cluster: &mut String,
) -> usize {
    let mut chars = input.sub(i..).chars().peekable();
    let Some(c) = chars.next() else {
        return input.len();
    };
    let mut end = i + c.len_utf8();
    if c == '\r' {
        text.push('\n');
        if chars.peek() == Some(&'\n') {
            end += 1;
        }
        counts.crlf += 1;
    } else if c == '\u{0C}' {
        text.push('\n');
        counts.crlf += 1;
    } else if other_line_break(c) {
        text.push('\n');
        counts.breaks += 1;
    } else if c == '\0' {
        counts.nul += 1;
    } else if odd_space(c) {
        text.push(' ');
        counts.spaces += 1;
    } else if zero_width(c) {
        counts.zw += 1;
    } else if let Some(b) = breve_for(c) {
        text.push(b);
        counts.breves += 1;
    } else if needs_nfc {
        // A base character and the combining marks after it compose as one cluster.
        cluster.clear();
        cluster.push(c);
        while let Some(&m) = chars.peek() {
            if !may_compose_with_previous(m) {
                break;
            }
            cluster.push(m);
            end += m.len_utf8();
            chars.next();
        }
        let start = text.len();
        // A lone character that is NFC as it stands (most of them) is copied.
        let lone_nfc = cluster.len() == c.len_utf8()
            && (always_nfc(c) || is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes);
        if lone_nfc {
            text.push(c);
        } else {
            // ("a" and a combining caron compose to "ǎ", read as "ă" as above.)
            text.extend(
                cluster
                    .nfc()
                    .map(|c| breve_for(c).inspect(|_| counts.breves += 1).unwrap_or(c)),
            );
        }
        if text.len() - start != cluster.len() {
            counts.nfc += 1;
        }
    } else {
        text.push(c);
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An endless source gives `cap` bytes and no more; a source shorter than the cap is read
    /// whole; a read cut inside a UTF-8 character ends before it (the text still decodes),
    /// and one cut at a character's end keeps every byte.
    #[test]
    fn reads_stop_at_the_cap_on_a_character_boundary() {
        let read = |src: &[u8], cap| read_capped(src, 0, cap).expect("a read from memory");
        let endless = read_capped(std::io::repeat(b'a'), 0, 1000).expect("a repeat");
        assert_eq!(endless.len(), 1000);
        assert_eq!(
            read("Sở Tài chính".as_bytes(), 1000),
            "Sở Tài chính".as_bytes()
        );
        // "ở" is 3 bytes, at 1..4: a cap of 3 cuts it, a cap of 4 does not.
        let text = "Sở Tài chính".repeat(100);
        assert_eq!(read(text.as_bytes(), 3), b"S");
        assert_eq!(read(text.as_bytes(), 4), "Sở".as_bytes());
        for cap in 1..200u64 {
            let got = read(text.as_bytes(), cap);
            let s = std::str::from_utf8(&got).expect("decodes");
            assert!(text.starts_with(s) && cap - got.len() as u64 <= 3, "{cap}");
        }
        // Bytes that are not UTF-8 before the cut are left for the decoder to name.
        assert_eq!(read(&[0xff, 0xfe, 0x00, 0x41, 0xe1], 5).len(), 5);
    }

    /// The byte survey answers as the character one for every character (alone, and between
    /// an ASCII letter and a Vietnamese one) and for texts of several.
    #[test]
    fn the_byte_survey_reads_every_character_as_the_char_one() {
        let by_chars = |t: &str| {
            let mut s = Survey::default();
            for c in t.chars() {
                survey_char(c, &mut s);
            }
            s
        };
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let alone = c.to_string();
            assert_eq!(survey(&alone), by_chars(&alone), "{:04X}", u32::from(c));
            let around = format!("a{c}ệ");
            assert_eq!(survey(&around), by_chars(&around), "{:04X}", u32::from(c));
        }
        let pieces = [
            "a", "ệ", "\u{a0}", "\r", "\u{b}", "\u{85}", "\u{301}", "ơ", "\u{2028}", "\0",
        ];
        for t in vanban_text::testing::compositions(&pieces, 4) {
            assert_eq!(survey(&t), by_chars(&t), "{t:?}");
        }
    }

    /// The characters beyond ASCII and the character before each, as a walk over every
    /// character gives them: across the sixteen-byte blocks and at the start of the text.
    #[test]
    fn non_ascii_characters_come_with_the_one_before() {
        let by_chars = |t: &str| {
            let mut out = Vec::new();
            let mut prev = ' ';
            for (i, c) in t.char_indices() {
                if !c.is_ascii() {
                    out.push((i, c, prev));
                }
                prev = c;
            }
            out
        };
        let pieces = ["a", "ò", "ệ", "0123456789abcde", "\u{1F600}", " "];
        for t in vanban_text::testing::compositions(&pieces, 5) {
            assert_eq!(non_ascii(&t).collect::<Vec<_>>(), by_chars(&t), "{t:?}");
        }
    }

    /// Normalisation as it was written first, a character at a time: the reference of
    /// [`rewrite`] and of the survey's decision.
    fn normalize_by_chars(input: &str) -> (String, Vec<(usize, usize)>, Counts) {
        let needs_nfc = is_nfc_quick(input.chars()) != IsNormalized::Yes;
        let mut text = String::new();
        let mut points = Vec::new();
        let mut counts = Counts::default();
        let mut chars = input.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let before = text.len();
            match c {
                '\r' => {
                    text.push('\n');
                    chars.next_if(|&(_, n)| n == '\n');
                    counts.crlf += 1;
                }
                '\u{0C}' => {
                    text.push('\n');
                    counts.crlf += 1;
                }
                c if other_line_break(c) => {
                    text.push('\n');
                    counts.breaks += 1;
                }
                '\0' => counts.nul += 1,
                c if odd_space(c) => {
                    text.push(' ');
                    counts.spaces += 1;
                }
                c if zero_width(c) => counts.zw += 1,
                c if needs_nfc => {
                    let mut cluster = c.to_string();
                    while let Some((_, m)) = chars.next_if(|&(_, m)| may_compose_with_previous(m)) {
                        cluster.push(m);
                    }
                    let nfc: String = cluster.nfc().collect();
                    counts.nfc += usize::from(nfc.len() != cluster.len());
                    text.push_str(&nfc);
                }
                c => text.push(c),
            }
            let consumed_end = chars.peek().map_or(input.len(), |&(j, _)| j);
            if text.len() - before != consumed_end - i {
                points.push((text.len(), consumed_end));
            }
        }
        (text, points, counts)
    }

    /// Normalisation by runs gives the text, checkpoints and counts of the character walk,
    /// on texts of the characters it treats apart (CR before LF or not, marks after letters
    /// of the runs and after others, Hangul jamo, separators, odd and zero-width spaces).
    #[test]
    fn normalisation_by_runs_is_the_character_walk() {
        let pieces = [
            "a", "ệ", "e", "\u{301}", "\u{323}", "\r", "\n", "\u{a0}", "\u{200b}", "\u{2028}",
            "\0", "\u{c}", "\u{1100}", "\u{1161}", "\u{2126}", "□",
        ];
        for t in vanban_text::testing::compositions(&pieces, 4) {
            let n = normalize(&t);
            let (text, points, counts) = normalize_by_chars(&t);
            assert_eq!(n.text, text, "{t:?}");
            assert_eq!(n.changes, counts.changes(), "{t:?}");
            // An unchanged text has no checkpoints either way.
            assert_eq!(n.map.points, points, "{t:?}");
        }
    }

    /// The survey says a text may need composing whenever the quick check does not say it is
    /// NFC: a character that is not a starter NFC as it stands is never passed over.
    #[test]
    fn a_text_without_composing_characters_is_nfc() {
        for u in 0..=0x10FFFFu32 {
            let Some(c) = char::from_u32(u) else { continue };
            let mut s = Survey::default();
            survey_char(c, &mut s);
            if !s.composing {
                assert_nfc_starter(c);
            }
        }
    }

    /// Giving up once the proper letters are a quarter of the characters led by C2 or C3
    /// finds what reading to the end finds (the counts of each encoding, mixed with proper
    /// letters in every order, on either side of the thresholds).
    #[test]
    fn the_legacy_check_gives_up_only_when_nothing_can_win() {
        let pieces = ["©©©", "ạ", "Vieòt", "øøø", "x", "ơ", "¸"];
        for t in vanban_text::testing::compositions(&pieces, 5) {
            assert_eq!(
                misdecoded_legacy(&t),
                legacy_reading(&t, usize::MAX),
                "{t:?}"
            );
        }
    }

    /// The characters before each block are those a walk over the characters counts, across
    /// blocks and the 255-byte lanes (one, two, three and four-byte characters).
    #[test]
    fn characters_before_each_block_are_counted() {
        let text = "aệ\u{1F600}ơ Việt Nam ÿ".repeat(2000);
        let mut by_chars: Vec<usize> = (0..text.len().div_ceil(BLOCK))
            .map(|k| text.char_indices().filter(|&(i, _)| i < k * BLOCK).count())
            .collect();
        by_chars.push(text.chars().count());
        assert_eq!(char_blocks(&text), by_chars);
    }

    /// A column counted through the block index is the count of the characters before it, at
    /// every block's edge and at the end of texts as long as a whole number of blocks, one
    /// byte less and one more (a fuzzer found a column at the end of a line running to the
    /// end of a text of 16 blocks counted from nothing: 4 294 941 470).
    #[test]
    fn columns_at_the_edges_of_blocks_are_counted() {
        for len in [BLOCK * 3 - 1, BLOCK * 3, BLOCK * 3 + 1, BLOCK * 16] {
            for piece in ["a", "ệ", "aệ"] {
                let mut text = piece.repeat(len / piece.len() + 1);
                vanban_text::truncate(&mut text, len);
                let map = normalize(&text).map;
                let mut offsets: Vec<usize> = (0..=text.len() / BLOCK).map(|k| k * BLOCK).collect();
                offsets.extend([text.len(), text.len().saturating_sub(1)]);
                for at in offsets.into_iter().filter(|&at| text.is_char_boundary(at)) {
                    let want = text.sub(..at).chars().count() + 1;
                    assert_eq!(
                        map.line_col(&text, at),
                        (1, want as u32),
                        "{len} {piece:?} {at}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_always_nfc_ranges_are_nfc() {
        for u in 0..=0x10FFFFu32 {
            let Some(c) = char::from_u32(u) else { continue };
            if always_nfc(c) {
                assert_nfc_starter(c);
            }
        }
    }

    /// `c` is NFC as it stands and a starter (canonical combining class 0).
    fn assert_nfc_starter(c: char) {
        let u = u32::from(c);
        assert_eq!(
            is_nfc_quick(std::iter::once(c)),
            IsNormalized::Yes,
            "U+{u:04X}"
        );
        assert_eq!(
            unicode_normalization::char::canonical_combining_class(c),
            0,
            "U+{u:04X}"
        );
    }

    /// The line hint changes no answer: every offset of a text asked in document order, in
    /// reverse and in a scrambled order gives the line a binary search gives, and the same
    /// column each time.
    #[test]
    fn line_and_column_do_not_depend_on_the_order_of_questions() {
        let input = "A\r\nViê\u{0323}t\n\n\ndài dòng\u{00A0}x\nZ";
        let n = normalize(input);
        let fresh = |offset: usize| {
            let map = OffsetMap {
                line_hint: AtomicUsize::new(0),
                ..n.map.clone()
            };
            map.line_col(&n.text, offset)
        };
        let offsets: Vec<usize> = (0..=n.text.len()).collect();
        let expected: Vec<(u32, u32)> = offsets.iter().map(|&o| fresh(o)).collect();
        let orig = n.map.original.as_deref().unwrap_or(&n.text);
        for (&o, &(line, _)) in offsets.iter().zip(&expected) {
            let at = n.map.to_original(o).min(orig.len());
            let searched = n.map.line_starts.partition_point(|&s| s as usize <= at);
            assert_eq!(line as usize, searched, "offset {o}");
        }
        let mut scrambled = offsets.clone();
        scrambled.sort_by_key(|&o| (o * 7919) % 31);
        for order in [
            offsets.clone(),
            offsets.iter().rev().copied().collect(),
            scrambled,
        ] {
            for o in order {
                assert_eq!(n.map.line_col(&n.text, o), expected[o], "offset {o}");
            }
        }
        assert!(expected.iter().any(|&(l, _)| l == 6));
    }

    #[test]
    fn nfd_composes_and_maps_back() {
        let nfd = "Vie\u{0302}\u{0323}t Nam\nA";
        let n = normalize(nfd);
        assert_eq!(n.text, "Việt Nam\nA");
        let a = n.text.find('A').expect("A");
        assert_eq!(n.map.to_original(a), nfd.find('A').expect("A"));
        assert_eq!(n.map.line_col(&n.text, a), (2, 1));
        let nam = n.text.find("Nam").expect("Nam");
        // Columns count characters of the original: "Vie\u{302}\u{323}t " is 7 of them.
        assert_eq!(n.map.line_col(&n.text, nam), (1, 8));
    }

    #[test]
    fn an_unchanged_text_is_kept_once_and_mapped_as_itself() {
        // A long line of Vietnamese (the block index) and a short one after it.
        let long = "Việt Nam ".repeat(2000);
        let text = format!("{long}\nỦy ban x");
        let n = normalize(&text);
        assert_eq!(n.text, text);
        assert!(n.map.original.is_none(), "no second copy");
        let x = n.text.rfind('x').expect("x");
        assert_eq!(n.map.line_col(&n.text, x), (2, 8));
        let end = long.len() - 1;
        assert_eq!(n.map.line_col(&n.text, end), (1, 9 * 2000));
    }

    #[test]
    fn crlf_nbsp_zero_width() {
        let n = normalize("Số:\u{00A0}1\r\nb\u{200B}c\rd");
        assert_eq!(n.text, "Số: 1\nbc\nd");
        assert_eq!(n.changes.len(), 3);
        let d = n.text.find('d').expect("d");
        assert_eq!(n.map.line_col(&n.text, d), (3, 1));
    }

    /// Text recognition's "nǎm" (a caron for the breve) is "năm", composed or not, the
    /// offsets unmoved; the date of a scanned letter's header was lost with it (and the number
    /// on the line after).
    #[test]
    fn a_caron_on_a_is_read_as_the_breve() {
        let n = normalize("ngày 03 tháng 02 nǎm 2026, NǍM");
        assert_eq!(n.text, "ngày 03 tháng 02 năm 2026, NĂM");
        assert_eq!(
            n.changes,
            [("letters with a caron read as with a breve (ǎ → ă)", 2)]
        );
        let k = n.text.find("2026").expect("year");
        assert_eq!(n.map.to_original(k), k);
        let nfd = normalize("tháng 2 na\u{30C}m 2026");
        assert_eq!(nfd.text, "tháng 2 năm 2026");
        let header = "ĐẢNG BỘ TỈNH LÀO CAI\nĐẢNG ỦY XÃ BẢO YÊN\n*\nSố 1587-CV/ĐU\n\
                      Bảo Yên, ngày 03 tháng 02 nǎm 2026\nV/v triển khai nhiệm vụ\n\nNội dung.\n";
        let parsed = crate::parse(header);
        assert_eq!(parsed.document.header.date.as_deref(), Some("2026-02-03"));
    }

    #[test]
    fn clean_text_is_identity() {
        let n = normalize("Ủy ban nhân dân\n");
        assert!(n.changes.is_empty());
        assert_eq!(n.map.to_original(5), 5);
    }

    /// UTF-16 without its byte-order mark is named as such (it was "binary data", with advice
    /// to use pdftotext); NUL bytes elsewhere are binary data still.
    #[test]
    fn utf16_without_a_mark_is_named() {
        let text = "Số: 1/KH-UBND\nỦy ban nhân dân tỉnh Lào Cai giao Sở Tài chính chủ trì.\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for (bytes, which) in [(le, "UTF-16 LE"), (be, "UTF-16 BE")] {
            let e = decode(&bytes).expect_err("refused");
            assert!(e.to_string().contains(which), "{e}");
        }
        let e = decode(b"abc\0\0\0\x01\x02 binary \0 data \0\0 here").expect_err("refused");
        assert!(e.to_string().contains("binary data"), "{e}");
    }

    #[test]
    fn boms_and_utf16() {
        assert_eq!(decode(b"\xEF\xBB\xBFabc").expect("utf8"), "abc");
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Số".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode(&le).expect("le"), "Số");
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Số".encode_utf16().flat_map(|u| u.to_be_bytes()))
            .collect();
        assert_eq!(decode(&be).expect("be"), "Số");
    }

    /// Found at stop 58: broken UTF-16 and UTF-32 named only a byte offset; the line and
    /// column are those of the text decoded before the bad unit, as for UTF-8.
    #[test]
    fn invalid_utf16_and_utf32_name_line_and_column() {
        let utf16 = |text: &str| -> Vec<u8> {
            let units = text.encode_utf16().flat_map(u16::to_le_bytes);
            [0xFF, 0xFE].into_iter().chain(units).collect()
        };
        // A lone high surrogate after "ab\nc🙂" (the emoji two units: the offset counts them).
        let mut lone = utf16("ab\nc🙂");
        lone.extend([0x00, 0xD8, 0x41, 0x00]);
        let err = decode(&lone).expect_err("a lone surrogate");
        assert_eq!(
            err,
            DecodeError::InvalidUtf16 {
                offset: 14,
                line: 2,
                column: 3
            }
        );
        assert!(err.to_string().contains("(line 2, column 3)"), "{err}");
        // An odd length: the byte left over.
        let mut odd = utf16("Số\n\nx");
        odd.push(0x41);
        let err = decode(&odd).expect_err("an odd length");
        assert_eq!(
            err,
            DecodeError::InvalidUtf16 {
                offset: 12,
                line: 3,
                column: 2
            }
        );
        let utf32 = |text: &str| -> Vec<u8> {
            let units = text.chars().flat_map(|c| u32::from(c).to_le_bytes());
            [0xFF, 0xFE, 0x00, 0x00].into_iter().chain(units).collect()
        };
        let mut bad = utf32("a\nbc");
        bad.extend(0x0011_0000_u32.to_le_bytes());
        assert_eq!(
            decode(&bad).expect_err("past U+10FFFF"),
            DecodeError::InvalidUtf32 {
                offset: 20,
                line: 2,
                column: 3
            }
        );
    }

    #[test]
    fn invalid_utf8_names_position() {
        let err = decode(b"ab\ncd\xFFe").expect_err("invalid");
        assert_eq!(
            err,
            DecodeError::InvalidUtf8 {
                offset: 5,
                line: 2,
                column: 3
            }
        );
    }

    #[test]
    fn binary_refused() {
        assert!(matches!(
            decode(b"%PDF-1.7 ..."),
            Err(DecodeError::Binary { .. })
        ));
        assert!(matches!(
            decode(b"PK\x03\x04...."),
            Err(DecodeError::Binary { .. })
        ));
    }

    #[test]
    fn tcvn3_is_named() {
        // "Uû ban nh©n d©n" is TCVN3 text read as Latin-1; as bytes it is not UTF-8.
        let err = decode(b"U\xFB ban nh\xA9n d\xA9n t\xADnh").expect_err("legacy");
        assert!(
            matches!(err, DecodeError::LegacyEncoding { name, .. } if name.starts_with("TCVN3"))
        );
    }
}
