//! Clean-up of Markdown debris and spacing, for the text of nodes. The normalised text itself
//! is never changed: clean text is a view, and spans still point at the source.

use vanban_model::Str;

/// Remove Markdown emphasis ("**", "*", "__"), heading marks ("#"), table pipes at the ends of
/// a line and "\" escapes; fold runs of spaces and tabs to one space; trim. Returns the clean
/// text (inline when short) and whether any markup was removed.
pub fn strip_markup(raw: &str) -> (Str, bool) {
    let mut markup = false;
    let t = raw.trim_matches(|c: char| c.is_whitespace() || c == '|');
    if t.len() != raw.trim().len() {
        markup = true;
    }
    let t = t.trim_start_matches(['#', '>']);
    // Most lines hold no markup and single spaces only: copied as they are.
    let plain = !t
        .contains(|c: char| matches!(c, '*' | '_' | '\\') || (c.is_whitespace() && c != ' '))
        && !t.contains("  ")
        && t == t.trim();
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
