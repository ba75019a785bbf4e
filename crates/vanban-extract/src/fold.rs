//! Case folding that keeps byte offsets: the citation grammar runs on a lower-cased copy and
//! its spans apply to the original text unchanged.

/// Lower-case `text` character by character, keeping any character whose lower case has a
/// different UTF-8 length, so that every byte offset of the result is one of `text`.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) if l.len_utf8() == c.len_utf8() => out.push(l),
            _ => out.push(c),
        }
    }
    out
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

#[cfg(test)]
mod tests {
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
