//! Clean-up of Markdown debris and spacing, for the text of nodes. The normalised text itself
//! is never changed: clean text is a view, and spans still point at the source.

use vanban_model::Str;
use vanban_text::Sub;

/// Remove Markdown emphasis ("**", "*", "__"), heading marks ("#"), table pipes at the ends of
/// a line and "\" escapes; fold runs of spaces and tabs to one space; trim. Returns the clean
/// text (inline when short) and whether any markup was removed.
pub fn strip_markup(raw: &str) -> (Str, bool) {
    let mut markup = false;
    let trimmed = vanban_text::trim(raw);
    // (Pipes are markup only at the ends: the trim below is needed only when one is there.)
    let t = if trimmed.starts_with('|') || trimmed.ends_with('|') {
        raw.trim_matches(|c: char| c.is_whitespace() || c == '|')
    } else {
        trimmed
    };
    if t.len() != trimmed.len() {
        markup = true;
    }
    let t = t.trim_start_matches(['#', '>']);
    // Most lines hold no markup and single spaces only: copied as they are.
    // (`trim` gives a slice of `t`: the same length is the same text.)
    let plain = plain(t) && t.len() == vanban_text::trim(t).len();
    if plain {
        return (t.into(), markup);
    }
    (cleaned(t, &mut markup), markup)
}

/// The clean text of a trimmed line that is not plain: runs of bytes with nothing to look at
/// are copied whole, the rest read a character at a time.
fn cleaned(t: &str, markup: &mut bool) -> Str {
    let b = t.as_bytes();
    let mut out = Str::with_capacity(t.len());
    let mut pending_space = false;
    let mut i = 0;
    while i < b.len() {
        let run = (i..b.len())
            .find(|&k| starts_apart(b, k))
            .unwrap_or(b.len());
        let (c, mut next) = if run > i {
            (None, run)
        } else {
            let mut chars = t.sub(i..).chars();
            let c = chars.next();
            (c, i + c.map_or(1, char::len_utf8))
        };
        let peek = t.sub(next..).chars().next();
        match c {
            Some('*') if footnote_mark_at(b, i).is_some() => {
                // "(*)": a footnote's mark, text as written.
                let len = footnote_mark_at(b, i).unwrap_or(1);
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                out.push_str(t.sub(i..i + len));
                next = i + len;
            }
            Some('*') => {
                *markup = true;
            }
            Some('_') if peek == Some('_') => {
                next += t.sub(next..).len() - t.sub(next..).trim_start_matches('_').len();
                *markup = true;
            }
            // An escaped star or backslash ("5\*3", "\\server"): the character itself, not
            // markup (the star was lost, and "x \\ y" lost its backslash).
            Some('\\') if matches!(peek, Some('*' | '\\')) => {
                *markup = true;
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                out.push_str(t.sub(next..next + 1));
                next += 1;
            }
            // An escape ("\-", "\_"), or pandoc's hard line break at the end of a cell.
            Some('\\') if peek.is_none_or(|n| n.is_ascii_punctuation() || n.is_whitespace()) => {
                *markup = true;
            }
            Some(c) if c.is_whitespace() => pending_space = true,
            _ => {
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                out.push_str(t.sub(i..next));
            }
        }
        i = next;
    }
    out
}

/// What a byte asks of [`plain`]: 0 nothing, 1 the line is not plain (`*`, `_`, `\`, a
/// control white space), 2 a space (not plain after another), 3 the first byte of a wide
/// white space or of another character starting with the same byte.
const BYTE_KINDS: [u8; 256] = {
    let mut kinds = [0u8; 256];
    kinds[b'*' as usize] = 1;
    kinds[b'_' as usize] = 1;
    kinds[b'\\' as usize] = 1;
    let mut c = b'\t';
    while c <= b'\r' {
        kinds[c as usize] = 1;
        c += 1;
    }
    kinds[b' ' as usize] = 2;
    kinds[0xC2] = 3;
    kinds[0xE1] = 3;
    kinds[0xE2] = 3;
    kinds[0xE3] = 3;
    kinds
};

fn byte_kind(c: u8) -> u8 {
    BYTE_KINDS[usize::from(c)]
}

/// Whether the byte at `i` starts a character that [`cleaned`] reads apart: `*`, `_`, `\` or
/// white space. (Such a byte always starts a character.)
fn starts_apart(b: &[u8], i: usize) -> bool {
    match b.get(i).map_or(0, |&c| byte_kind(c)) {
        0 => false,
        1 | 2 => true,
        _ => vanban_text::wide_space_at(b, i),
    }
}

/// Whether `t` holds no `*`, `_` or `\`, and no white space but single spaces: one pass over
/// its bytes, most of which need one look in a table.
fn plain(t: &str) -> bool {
    let b = t.as_bytes();
    let mut prev_space = false;
    for (i, &c) in b.iter().enumerate() {
        let special = match byte_kind(c) {
            0 => false,
            1 => true,
            2 => prev_space,
            _ => vanban_text::wide_space_at(b, i),
        };
        if special {
            return false;
        }
        prev_space = c == b' ';
    }
    true
}

/// Number of Markdown emphasis delimiters ("*", "**", "__") in a piece of a line: odd means
/// an emphasis run is left open and continues on the next line. A run of four stars or more
/// is two: one emphasis closed and the next opened at once, as Word's export writes a bold
/// number before a bold space ("**1.**** **Sở …", "**Điều 3.**** **Các": counted as one, it
/// left the line open and took the next paragraph into it).
pub fn emphasis_runs(piece: &str) -> usize {
    // A run of "*" starts at a "*" whose byte before is not one ("*" is ASCII: no other
    // character holds its byte). A footnote's mark, "(*)", is none.
    let b = piece.as_bytes();
    let runs: usize = memchr::memchr_iter(b'*', b)
        .filter(|&i| i == 0 || b.get(i - 1) != Some(&b'*'))
        .filter(|&i| footnote_mark_at(b, i).is_none())
        .map(|i| {
            match b
                .get(i..)
                .map(|r| r.iter().take_while(|&&c| c == b'*').count())
            {
                Some(4..) => 2,
                _ => 1,
            }
        })
        .sum();
    runs + memchr::memmem::find_iter(b, b"__").count()
}

/// The length of a footnote's mark at byte `i`: one to three "*" right inside parentheses
/// ("(*)", "(**)"), which copies print after a recipient, a title or a word a note explains.
/// Read as emphasis, one such star left a run open that took the rest of a closing.
fn footnote_mark_at(b: &[u8], i: usize) -> Option<usize> {
    if i == 0 || b.get(i - 1) != Some(&b'(') {
        return None;
    }
    let run = b.get(i..)?.iter().take_while(|&&c| c == b'*').count();
    ((1..=3).contains(&run) && b.get(i + run) == Some(&b')')).then_some(run)
}

/// True when the letters of `s` are (nearly) all upper case: a heading or a header line.
pub fn is_upper(s: &str) -> bool {
    // Two capitals take at least two bytes (a line of one character is never upper case).
    if s.len() < 2 {
        return false;
    }
    let (mut up, mut low) = (0usize, 0usize);
    for (i, c) in s.char_indices() {
        let (upper, lower) = vanban_text::letter_case(c);
        if upper {
            up += 1;
        } else if lower {
            low += 1;
            // Even if every byte left were a capital, too many small letters: stop early
            // (ordinary sentences end here after a few words).
            if low * 10 > up + (s.len() - i) {
                return false;
            }
        }
    }
    up >= 2 && low * 10 <= up
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_removed() {
        assert_eq!(strip_markup("**1.** Cơ bản").0, "1. Cơ bản");
        assert_eq!(strip_markup("*Căn cứ Luật;*").0, "Căn cứ Luật;");
        assert_eq!(strip_markup("__Nơi nhận__:").0, "Nơi nhận:");
        assert_eq!(strip_markup("| Số: 5 |").0, "Số: 5");
        assert_eq!(strip_markup("**Chương**** I**").0, "Chương I");
        let (clean, markup) = strip_markup("  Số:   208/KH-UBND\t");
        assert_eq!(clean, "Số: 208/KH-UBND");
        assert!(!markup);
    }

    /// Pandoc writes a literal star and backslash escaped: they are text ("5\*3" lost its star,
    /// "x \\\\ y" its backslash); other escapes lose only the backslash.
    #[test]
    fn an_escaped_star_or_backslash_is_kept() {
        assert_eq!(
            strip_markup("5\\*3; x \\\\ y; a\\_b; \\-").0,
            "5*3; x \\ y; a_b; -"
        );
        assert_eq!(strip_markup("**Điều 1.** a\\*").0, "Điều 1. a*");
    }

    #[test]
    fn the_byte_scan_agrees_with_the_character_test() {
        let slow = |t: &str| {
            !t.contains(|c: char| matches!(c, '*' | '_' | '\\') || (c.is_whitespace() && c != ' '))
                && !t.contains("  ")
        };
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            for s in [
                format!("a{c}b"),
                format!("{c}"),
                format!("ệ {c}"),
                format!("{c} x"),
            ] {
                assert_eq!(plain(&s), slow(&s), "{s:?}");
            }
        }
        for s in ["a  b", "a b", " ", "  ", "“Điều 1”", "x\u{2028}y", "Ủy ban"] {
            assert_eq!(plain(s), slow(s), "{s:?}");
        }
    }

    /// The clean text read a character at a time, as it was first written: the reference of
    /// [`cleaned`].
    fn cleaned_by_chars(t: &str) -> (String, bool) {
        let mut markup = false;
        let mut out = String::new();
        let mut chars = t.chars().peekable();
        let mut pending_space = false;
        while let Some(c) = chars.next() {
            match c {
                '\\' if matches!(chars.peek(), Some('*' | '\\')) => {
                    markup = true;
                    if pending_space && !out.is_empty() {
                        out.push(' ');
                    }
                    pending_space = false;
                    out.extend(chars.next());
                }
                '*' => markup = true,
                '_' if chars.peek() == Some(&'_') => {
                    while chars.next_if_eq(&'_').is_some() {}
                    markup = true;
                }
                '\\' if chars
                    .peek()
                    .is_none_or(|n| n.is_ascii_punctuation() || n.is_whitespace()) =>
                {
                    markup = true
                }
                c if c.is_whitespace() => pending_space = true,
                c => {
                    if pending_space && !out.is_empty() {
                        out.push(' ');
                    }
                    pending_space = false;
                    out.push(c);
                }
            }
        }
        (out, markup)
    }

    /// Copying runs gives the text of the character walk, on texts of every character the
    /// walk reads apart and of letters around them (Vietnamese ones led by the same bytes as
    /// wide spaces).
    #[test]
    fn cleaning_by_runs_is_the_character_walk() {
        let pieces = [
            "a", "ệ", "*", "_", "\\", "-", " ", "\t", "\u{a0}", "\u{1680}", "\u{3000}", "ả",
            "\u{2028}", "\u{85}",
        ];
        for t in vanban_text::testing::compositions(&pieces, 4) {
            let mut markup = false;
            let clean = cleaned(&t, &mut markup);
            let (want, want_markup) = cleaned_by_chars(&t);
            assert_eq!(
                (clean.as_str(), markup),
                (want.as_str(), want_markup),
                "{t:?}"
            );
        }
    }

    /// Emphasis runs counted by bytes are those a walk over the characters counts.
    #[test]
    fn emphasis_runs_are_counted_by_bytes_as_by_characters() {
        let by_chars = |piece: &str| {
            // (Each run of stars by its length: four or more close one emphasis and open
            // the next.)
            let runs: usize = piece
                .split(|c| c != '*')
                .filter(|run| !run.is_empty())
                .map(|run| if run.len() >= 4 { 2 } else { 1 })
                .sum();
            runs + piece.matches("__").count()
        };
        let pieces = ["*", "**", "_", "__", "a", "ệ", " ", "\u{2A00}"];
        for t in vanban_text::testing::compositions(&pieces, 5) {
            assert_eq!(emphasis_runs(&t), by_chars(&t), "{t:?}");
        }
    }

    /// A footnote's mark, one to three stars right inside parentheses, is text and opens no
    /// emphasis run; a star elsewhere is markup.
    #[test]
    fn a_footnote_mark_is_text_not_emphasis() {
        for (raw, clean, runs) in [
            ("- Bộ Nội vụ (*);", "- Bộ Nội vụ (*);", 0),
            ("Ghi chú: (**) Ghi tên.", "Ghi chú: (**) Ghi tên.", 0),
            ("CHỨNG NHẬN …… **(*)", "CHỨNG NHẬN …… (*)", 1),
            ("(Sở gửi văn bản)*;", "(Sở gửi văn bản);", 1),
            ("( *) a", "( ) a", 1),
            ("(****)", "()", 2),
            ("**1.**** **Sở Công Thương", "1. Sở Công Thương", 4),
            ("vi:**** **Toàn bộ", "vi: Toàn bộ", 3),
        ] {
            assert_eq!(strip_markup(raw).0, clean, "{raw:?}");
            assert_eq!(emphasis_runs(raw), runs, "{raw:?}");
        }
    }

    #[test]
    fn upper_case_lines() {
        assert!(is_upper("ỦY BAN NHÂN DÂN"));
        assert!(!is_upper("Ủy ban nhân dân"));
        assert!(is_upper("THÔNG TƯ 67/2025/TT-BCT"));
        // One small letter among ten capitals is still upper case; the early exit agrees.
        assert!(is_upper("ABCDEFGHIJk"));
        assert!(!is_upper("ABCDEFGHIkk"));
        assert!(is_upper("kABCDEFGHIJ"));
        assert!(!is_upper("kABCDEFGHI"));
        assert!(is_upper("kABCDEFGHIJKLMNOPQRSTU"));
    }
}
