//! Text helpers shared by every vanban crate.
//!
//! The one rule this crate enforces: **a string is sliced at an offset computed from another
//! string only through [`Sub::sub`]** (or [`floor`] / [`ceil`]). Offsets found in a folded copy, a
//! window, a regex match on another text or a span of another document need not fall on a
//! character boundary of the text they are applied to; `&text[a..b]` then panics. `sub`
//! moves both ends down to the nearest character boundary and clamps them to the text, so a
//! wrong offset gives a slightly shorter slice, never a crash. The workspace denies
//! `clippy::string_slice`, so a raw slice does not pass CI; and `clippy.toml` turns away the
//! methods that cut a string at a byte offset and panic inside a character (`str::split_at`,
//! `String::truncate`, `replace_range` …): cut with [`Sub::sub`], `split_at_checked` or
//! [`truncate`], or say at the call, in an `#[allow]`, why the offset is a boundary of that
//! very string. (A `split_at` at an offset found in a lower-case copy, which can be longer
//! than the string, was the fifth such panic a fuzzer found.)

#![warn(missing_docs)]

mod first_byte;
pub use first_byte::ByFirstByte;
pub mod fold;
pub mod loose;
pub use fold::squash_spaces;
mod recent;
pub use recent::Recent;
mod release;
pub use release::Releasing;

/// Hash maps and sets with a fast hash (foldhash, seeded once a process) instead of SipHash,
/// which cost about 2 % of extraction hashing short keys; `HashMap::new()` with
/// [`HashMapExt`] (and [`HashSetExt`]) in scope. What the crates write never depends on an
/// iteration order of these (their outputs are sorted).
pub use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
pub mod xml;

use std::borrow::Cow;
use std::ops::{Bound, RangeBounds};

/// The largest character boundary of `s` at or before `i` (`s.len()` when `i` is past the end).
pub fn floor(s: &str, i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    let mut i = i;
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Cut `s` to its first `at` bytes, or fewer, to end on a character boundary: the one place
/// a string is cut short (`String::truncate` panics inside a character, and clippy's
/// `disallowed_methods` turns it away elsewhere, see `clippy.toml`).
pub fn truncate(s: &mut String, at: usize) {
    let at = floor(s, at);
    #[allow(clippy::disallowed_methods)] // at a character boundary: `floor`
    s.truncate(at);
}

/// The smallest character boundary of `s` at or after `i` (`s.len()` when `i` is past the end).
pub fn ceil(s: &str, i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    let mut i = i;
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Checked slicing of strings at computed offsets.
pub trait Sub {
    /// The slice of `self` in `range`, each end moved down to a character boundary and clamped
    /// to the text; empty when the start is not before the end. Never panics.
    fn sub<R: RangeBounds<usize>>(&self, range: R) -> &str;
}

impl Sub for str {
    #[allow(clippy::string_slice)] // the one checked place
    fn sub<R: RangeBounds<usize>>(&self, range: R) -> &str {
        let start = match range.start_bound() {
            Bound::Included(&i) => floor(self, i),
            Bound::Excluded(&i) => floor(self, i.saturating_add(1)),
            Bound::Unbounded => 0,
        };
        let end = match range.end_bound() {
            Bound::Included(&i) => floor(self, i.saturating_add(1)),
            Bound::Excluded(&i) => floor(self, i),
            Bound::Unbounded => self.len(),
        };
        if start >= end {
            ""
        } else {
            &self[start..end]
        }
    }
}

/// At most `max` bytes of `s` from `start` (cut back to a character boundary). Grammars run
/// on such windows, never on the rest of a long text: a failed pest parse costs time in the
/// length of its input, and a citation or a date is never longer than a few hundred bytes.
pub fn window(s: &str, start: usize, max: usize) -> &str {
    let start = start.min(s.len());
    let mut end = start.saturating_add(max).min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.sub(start..end)
}

/// Whether `s[start..end]` stands as whole words: no letter or digit touches it on either
/// side. Offsets are moved to character boundaries as [`Sub`] does.
pub fn whole_word(s: &str, start: usize, end: usize) -> bool {
    !s.sub(..start)
        .chars()
        .next_back()
        .is_some_and(is_alphanumeric)
        && !s.sub(end..).chars().next().is_some_and(is_alphanumeric)
}

/// [`char::is_alphabetic`] with a fast path for the letters of Vietnamese text (ASCII,
/// Latin-1, Latin Extended-A/B and the Latin Extended Additional block of toned vowels):
/// the same answer for every character (a unit test checks all of them), without the Unicode
/// table search on the common ones.
#[inline]
pub fn is_alphabetic(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphabetic(),
        u if latin_letter(u) => true,
        _ => c.is_alphabetic(),
    }
}

/// The case of a letter: (`char::is_uppercase`, `char::is_lowercase`), with a fast path for
/// the letters of Vietnamese (ASCII, Latin-1, Ă Đ Ĩ Ũ Ơ Ư and the toned vowels of
/// U+1EA0–U+1EF9, capitals on even code points): the same answer for every character (a
/// unit test checks all of them), without the Unicode table search on the common ones.
#[inline]
pub fn letter_case(c: char) -> (bool, bool) {
    match c as u32 {
        0..=0x7F => (c.is_ascii_uppercase(), c.is_ascii_lowercase()),
        0xC0..=0xD6 | 0xD8..=0xDE => (true, false),
        0xDF..=0xF6 | 0xF8..=0xFF => (false, true),
        0x102 | 0x110 | 0x128 | 0x168 | 0x1A0 | 0x1AF => (true, false),
        0x103 | 0x111 | 0x129 | 0x169 | 0x1A1 | 0x1B0 => (false, true),
        u @ 0x1EA0..=0x1EF9 => (u % 2 == 0, u % 2 == 1),
        _ => (c.is_uppercase(), c.is_lowercase()),
    }
}

/// A letter of ASCII, Latin-1, Latin Extended-A/B or Latin Extended Additional (all of these
/// are in Unicode's L category, which pest's `LETTER` reads): a test that a grammar cannot
/// read a letter where one stands, without the Unicode table search.
#[inline]
pub fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || latin_letter(c as u32)
}

/// Code points of Latin-1, Latin Extended-A/B and Latin Extended Additional that are letters
/// (all of them but × and ÷).
fn latin_letter(u: u32) -> bool {
    matches!(u, 0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x24F | 0x1E00..=0x1EFF)
}

/// [`char::is_alphanumeric`] with the fast path of [`is_alphabetic`].
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphanumeric(),
        u if latin_letter(u) => true,
        _ => c.is_alphanumeric(),
    }
}

/// [`str::trim`] with a fast path: a string whose first and last bytes are ASCII and not
/// white space is returned as it is without decoding a character (most lines of a document,
/// which are trimmed several times over by the line readers). The same answer as `str::trim`
/// for every string (unit test).
#[inline]
pub fn trim(s: &str) -> &str {
    let solid = |b: &u8| *b < 0x80 && !matches!(b, b'\t'..=b'\r' | b' ');
    let b = s.as_bytes();
    if b.first().is_some_and(solid) && b.last().is_some_and(solid) {
        s
    } else {
        s.trim()
    }
}

/// How many ASCII digits stand at byte `i` of `b`, counting at most `max` (none past the
/// end): the hand readers' count of a number's digits.
pub fn ascii_digits(b: &[u8], i: usize, max: usize) -> usize {
    b.get(i..)
        .unwrap_or_default()
        .iter()
        .take(max)
        .take_while(|c| c.is_ascii_digit())
        .count()
}

/// Whether a white space character beyond ASCII starts at byte `i` of `b` (UTF-8): U+0085,
/// U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F or U+3000, the White_Space
/// characters `char::is_whitespace` knows beyond ASCII, recognised by their bytes without
/// decoding (a unit test checks every character).
pub fn wide_space_at(b: &[u8], i: usize) -> bool {
    let at = |k: usize| b.get(i + k).copied().unwrap_or(0);
    match at(0) {
        0xC2 => matches!(at(1), 0x85 | 0xA0),
        0xE1 => at(1) == 0x9A && at(2) == 0x80,
        0xE2 => match at(1) {
            0x80 => matches!(at(2), 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF),
            0x81 => at(2) == 0x9F,
            _ => false,
        },
        0xE3 => at(1) == 0x80 && at(2) == 0x80,
        _ => false,
    }
}

/// Whether a character must not reach a terminal as it is: C0 controls other than tab and line
/// feed, DEL, C1 controls, the bidirectional embedding, override and isolate controls and the
/// directional marks (which reorder what a reader sees: U+200E, U+200F, U+061C), and the
/// interlinear annotation controls (U+FFF9–U+FFFB, which hide text).
pub fn is_hostile_control(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}'
        | '\u{61c}' | '\u{fff9}'..='\u{fffb}')
}

/// `s` with every hostile control character (see [`is_hostile_control`]) written as an escape
/// (`\u{1b}`), for text meant for people on a terminal: lint and diagnostic lines, outlines,
/// summaries, chain trees. Borrowed when there is nothing to escape.
pub fn visible(s: &str) -> Cow<'_, str> {
    escaped(s, is_hostile_control)
}

/// [`visible`] for text that must stay on one line, as a file's name in a message does: line
/// feeds and carriage returns are escaped too (a name holding one would otherwise start a
/// line that reads as a message of its own).
pub fn visible_line(s: &str) -> Cow<'_, str> {
    escaped(s, |c| is_hostile_control(c) || c == '\n' || c == '\r')
}

/// `s` with every character `escape` picks written as `\u{…}`; borrowed when there is none.
fn escaped(s: &str, escape: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !s.chars().any(&escape) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if escape(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `s` with every hostile control character replaced by as many `?` as it has bytes, so that
/// byte offsets into `s` stay valid (for source snippets shown with an underlined span).
pub fn mask_controls(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_hostile_control) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if is_hostile_control(c) {
            out.extend(std::iter::repeat_n('?', c.len_utf8()));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `n` as a 32-bit index or offset, `u32::MAX` when it does not fit (the compact tables that
/// store such numbers — line records, graph symbols — never hold that many).
pub fn saturating_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A count and its noun, singular for one: `count(1, "document", "documents")` is
/// "1 document", `count(3, …)` "3 documents". For every human-readable count.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_digits_are_counted_up_to_the_most() {
        let b = "a2025/١٢".as_bytes();
        assert_eq!(ascii_digits(b, 1, 9), 4);
        assert_eq!(ascii_digits(b, 1, 3), 3);
        assert_eq!(ascii_digits(b, 0, 9), 0);
        assert_eq!(ascii_digits(b, 6, 9), 0);
        assert_eq!(ascii_digits(b, 99, 9), 0);
    }

    /// The case of every character is `char`'s.
    #[test]
    fn letter_case_is_chars() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(
                letter_case(c),
                (c.is_uppercase(), c.is_lowercase()),
                "{c:?}"
            );
        }
    }

    /// The byte test of wide white space answers as `char::is_whitespace` for every character
    /// beyond ASCII, alone and before another.
    #[test]
    fn wide_spaces_are_the_white_space_beyond_ascii() {
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            for t in [c.to_string(), format!("{c}a"), format!("{c}\u{80}")] {
                assert_eq!(wide_space_at(t.as_bytes(), 0), c.is_whitespace(), "{c:?}");
            }
        }
    }

    #[test]
    fn numbers_narrow_to_32_bits_saturating() {
        assert_eq!(saturating_u32(0), 0);
        assert_eq!(saturating_u32(4_000_000_000), 4_000_000_000);
        assert_eq!(saturating_u32(u32::MAX as usize), u32::MAX);
        assert_eq!(saturating_u32(u32::MAX as usize + 1), u32::MAX);
        assert_eq!(saturating_u32(usize::MAX), u32::MAX);
    }

    #[test]
    fn whole_words_have_no_letter_or_digit_beside_them() {
        let s = "của Luật Đất đai, kỷluật 2024";
        let at = s.find("Luật").unwrap_or(0);
        assert!(whole_word(s, at, at + "Luật".len()));
        let inner = s.rfind("luật").unwrap_or(0);
        assert!(!whole_word(s, inner, inner + "luật".len()));
        assert!(!whole_word(s, 0, 2), "\"củ\" is cut inside a word");
        assert!(whole_word(s, s.len() - 4, s.len()));
    }

    #[test]
    fn the_fast_trim_agrees_with_the_standard_one() {
        // Every white-space character (ASCII and not) at either end, inside, alone, and
        // beside ASCII and non-ASCII letters.
        let spaces: Vec<char> = (0..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|c| c.is_whitespace())
            .chain([
                '\u{1c}', '\u{1f}', '\u{85}', '\u{a0}', '\u{200b}', 'x', 'ệ', '.',
            ])
            .collect();
        for &a in &spaces {
            for &z in &spaces {
                for mid in ["", "a", "Điều 1.", " b "] {
                    let s = format!("{a}{mid}{z}");
                    assert_eq!(trim(&s), s.trim(), "{s:?}");
                }
            }
        }
        assert_eq!(trim(""), "");
    }

    #[test]
    fn latin_letters_are_letters_and_hold_every_vietnamese_letter() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            if is_latin_letter(c) {
                assert!(c.is_alphabetic() && !c.is_numeric(), "{c:?}");
            }
        }
        let vietnamese = "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ";
        for c in vietnamese.chars().chain(vietnamese.to_uppercase().chars()) {
            assert!(is_latin_letter(c), "{c:?}");
        }
        assert!(!is_latin_letter('×') && !is_latin_letter('1') && !is_latin_letter('\u{301}'));
    }

    #[test]
    fn fast_letter_tests_agree_with_the_unicode_tables_everywhere() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn slices_inside_a_letter_move_to_its_start() {
        let s = "Đề án “ế”";
        // 'Đ' is two bytes: 1 is inside it.
        assert_eq!(s.sub(1..), s);
        assert_eq!(s.sub(..1), "");
        assert_eq!(s.sub(0..3), "Đ");
        assert_eq!(s.sub(2..), "ề án “ế”");
    }

    #[test]
    fn out_of_range_and_reversed_ranges_are_empty_or_clamped() {
        let s = "abc";
        assert_eq!(s.sub(5..9), "");
        let (two, one) = (2, 1);
        assert_eq!(s.sub(two..one), "");
        assert_eq!(s.sub(1..100), "bc");
        assert_eq!(s.sub(..), "abc");
        assert_eq!(s.sub(0..=1), "ab");
        assert_eq!(s.sub(usize::MAX..), "");
    }

    #[test]
    fn every_offset_of_a_vietnamese_text_is_safe() {
        let s = "Ủy ban nhân dân tỉnh Lào Cai “Đề án” ế\u{301}";
        for a in 0..=s.len() + 2 {
            assert!(s.is_char_boundary(floor(s, a)) || floor(s, a) == s.len());
            assert!(ceil(s, a) >= a.min(s.len()));
            for b in 0..=s.len() + 2 {
                let t = s.sub(a..b);
                assert!(t.len() <= s.len());
                if a <= b && b <= s.len() && s.is_char_boundary(a) && s.is_char_boundary(b) {
                    assert_eq!(t, s.get(a..b).unwrap_or_default());
                }
            }
        }
    }

    #[test]
    fn control_characters_are_made_visible() {
        let s = "Làm \u{1b}]0;T\u{7}\u{1b}[31mB\u{202e}\tx\ny";
        assert_eq!(
            visible(s),
            "Làm \\u{1b}]0;T\\u{7}\\u{1b}[31mB\\u{202e}\tx\ny"
        );
        let m = mask_controls(s);
        assert_eq!(m.len(), s.len());
        assert_eq!(m, "Làm ?]0;T??[31mB???\tx\ny");
        assert!(matches!(visible("Điều 1."), Cow::Borrowed(_)));
        // Directional marks and the interlinear annotation controls.
        assert_eq!(
            visible("a\u{200e}b\u{200f}c\u{61c}d\u{fff9}e\u{fffb}\u{200d}"),
            "a\\u{200e}b\\u{200f}c\\u{61c}d\\u{fff9}e\\u{fffb}\u{200d}"
        );
    }
}

/// Helpers for the tests of the vanban crates (the `testing` feature).
#[cfg(any(test, feature = "testing"))]
#[doc(hidden)]
pub mod testing {
    /// Every text of up to `most` of the pieces one after the other, each once (the empty one
    /// first).
    pub fn compositions(pieces: &[&str], most: usize) -> Vec<String> {
        let mut all = vec![String::new()];
        let mut level = all.clone();
        for _ in 0..most {
            level = level
                .iter()
                .flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}")))
                .collect();
            all.extend(level.iter().cloned());
        }
        all
    }
}
