//! Case folding that keeps byte offsets: the citation grammar runs on a lower-cased copy and
//! its spans apply to the original text unchanged.

use vanban_text::Sub;

/// Lower-case `text` character by character, keeping any character whose lower case has a
/// different UTF-8 length, so that every byte offset of the result is one of `text`.
pub fn fold(text: &str) -> String {
    vanban_syntax::text::fold_case(text)
}

/// ASCII slug of Vietnamese text: "Tuyên Quang" → "tuyen-quang", "ĐU" → "du".
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.chars() {
        let base = ascii_of(c);
        match base {
            Some(b) if b.is_ascii_alphanumeric() => {
                if dash && !out.is_empty() {
                    out.push('-');
                }
                dash = false;
                out.push(b.to_ascii_lowercase());
            }
            _ => dash = true,
        }
    }
    out
}

/// The ASCII base letter of a Vietnamese letter.
fn ascii_of(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c);
    }
    const GROUPS: &[(&str, char)] = &[
        ("àáảãạăằắẳẵặâầấẩẫậ", 'a'),
        ("ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ", 'A'),
        ("èéẻẽẹêềếểễệ", 'e'),
        ("ÈÉẺẼẸÊỀẾỂỄỆ", 'E'),
        ("ìíỉĩị", 'i'),
        ("ÌÍỈĨỊ", 'I'),
        ("òóỏõọôồốổỗộơờớởỡợ", 'o'),
        ("ÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ", 'O'),
        ("ùúủũụưừứửữự", 'u'),
        ("ÙÚỦŨỤƯỪỨỬỮỰ", 'U'),
        ("ỳýỷỹỵ", 'y'),
        ("ỲÝỶỸỴ", 'Y'),
        ("đ", 'd'),
        ("Đ", 'D'),
    ];
    GROUPS
        .iter()
        .find(|(set, _)| set.contains(c))
        .map(|&(_, b)| b)
}

/// Matches of `re` in `hay` that stand as whole words: no letter or digit just before or just
/// after. (The patterns leave out `\b`: Unicode word boundaries keep the regex engine off its
/// fast automata on Vietnamese text.)
pub(crate) fn word_matches<'h>(
    re: &'h regex::Regex,
    hay: &'h str,
) -> impl Iterator<Item = regex::Match<'h>> + 'h {
    re.find_iter(hay).filter(move |m| {
        let before = hay.sub(..m.start()).chars().next_back();
        // (A match that ends in white space has its boundary inside it.)
        let after = if m.as_str().ends_with(char::is_whitespace) {
            None
        } else {
            hay.sub(m.end()..).chars().next()
        };
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn fast_folding_agrees_with_the_unicode_tables() {
        // Every character of Latin-1, Latin Extended-A/B and Latin Extended Additional.
        let ranges = [(0x20u32, 0x24Fu32), (0x1E00, 0x1EFF)];
        for (a, b) in ranges {
            for u in a..=b {
                let Some(c) = char::from_u32(u) else { continue };
                let mut lower = c.to_lowercase();
                let want = match (lower.next(), lower.next()) {
                    (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
                    _ => c,
                };
                assert_eq!(
                    vanban_syntax::text::lower_keeping_length(c),
                    want,
                    "U+{u:04X}"
                );
            }
        }
        assert_eq!(
            fold("ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK"),
            "ủy ban nhân dân tỉnh đắk lắk"
        );
    }

    use super::*;

    #[test]
    fn fold_keeps_offsets() {
        let t = "KẾ HOẠCH SỐ 500-KH/TU CỦA TỈNH ỦY ĐẢNG";
        let f = fold(t);
        assert_eq!(f.len(), t.len());
        assert_eq!(f, "kế hoạch số 500-kh/tu của tỉnh ủy đảng");
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Tuyên Quang"), "tuyen-quang");
        assert_eq!(slug("30/2020/NĐ-CP"), "30-2020-nd-cp");
        assert_eq!(slug("Thành phố Hồ Chí Minh"), "thanh-pho-ho-chi-minh");
    }
}
