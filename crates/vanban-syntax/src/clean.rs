//! Clean-up of Markdown debris and spacing, for the text of nodes. The normalised text itself
//! is never changed: clean text is a view, and spans still point at the source.

use vanban_model::Str;

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
    let plain = plain(t) && t == vanban_text::trim(t);
    if plain {
        return (t.into(), markup);
    }
    let mut out = Str::with_capacity(t.len());
    let mut chars = t.chars().peekable();
    let mut pending_space = false;
    while let Some(c) = chars.next() {
        match c {
            '*' => {
                markup = true;
                continue;
            }
            '_' if chars.peek() == Some(&'_') => {
                while chars.peek() == Some(&'_') {
                    chars.next();
                }
                markup = true;
                continue;
            }
            // An escape ("\-", "\*"), or pandoc's hard line break at the end of a cell.
            '\\' if chars
                .peek()
                .is_none_or(|n| n.is_ascii_punctuation() || n.is_whitespace()) =>
            {
                markup = true;
                continue;
            }
            c if c.is_whitespace() => {
                pending_space = true;
                continue;
            }
            _ => {}
        }
        if pending_space && !out.is_empty() {
            out.push(' ');
        }
        pending_space = false;
        out.push(c);
    }
    (out, markup)
}

/// Whether `t` holds no `*`, `_` or `\`, and no white space but single spaces: one pass over
/// its bytes. (The white space of Unicode beyond ASCII is U+0085, U+00A0, U+1680, U+2000–U+200A,
/// U+2028, U+2029, U+202F, U+205F and U+3000, recognised here by their UTF-8 bytes; a unit
/// test checks every character.)
fn plain(t: &str) -> bool {
    let b = t.as_bytes();
    let mut prev_space = false;
    for (i, &c) in b.iter().enumerate() {
        let space = c == b' ';
        let at = |k: usize| b.get(i + k).copied().unwrap_or(0);
        let special = match c {
            b'*' | b'_' | b'\\' | b'\t'..=b'\r' => true,
            b' ' => prev_space,
            0xC2 => matches!(at(1), 0x85 | 0xA0),
            0xE1 => at(1) == 0x9A && at(2) == 0x80,
            0xE2 => match at(1) {
                0x80 => matches!(at(2), 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF),
                0x81 => at(2) == 0x9F,
                _ => false,
            },
            0xE3 => at(1) == 0x80 && at(2) == 0x80,
            _ => false,
        };
        if special {
            return false;
        }
        prev_space = space;
    }
    true
}

/// Number of Markdown emphasis delimiters ("*", "**", "__") in a piece of a line: odd means
/// an emphasis run is left open and continues on the next line.
pub fn emphasis_runs(piece: &str) -> usize {
    let mut runs = 0;
    let mut prev = ' ';
    for c in piece.chars() {
        if c == '*' && prev != '*' {
            runs += 1;
        }
        prev = c;
    }
    runs + piece.matches("__").count()
}

/// True when the letters of `s` are (nearly) all upper case: a heading or a header line.
pub fn is_upper(s: &str) -> bool {
    // Two capitals take at least two bytes (a line of one character is never upper case).
    if s.len() < 2 {
        return false;
    }
    let (mut up, mut low) = (0usize, 0usize);
    for (i, c) in s.char_indices() {
        if c.is_uppercase() {
            up += 1;
        } else if c.is_lowercase() {
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
