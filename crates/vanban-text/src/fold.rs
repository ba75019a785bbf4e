//! Case and tone folding: one home for the comparisons that ignore case, tone-mark placement
//! ("ủy"/"uỷ", "hóa"/"hoá") or tone marks altogether, for slugs, and for folding white space.

use crate::Sub;

/// Lower-case `text` character by character, keeping any character whose lower case has a
/// different UTF-8 length, so that every byte offset of the result is one of `text`. ASCII
/// runs are lowered byte-wise and the letters of Vietnamese by arithmetic on their code points.
pub fn fold_case(text: &str) -> String {
    // ASCII runs are lowered byte-wise; the letters of Vietnamese by arithmetic on their code
    // points; anything else by the Unicode tables.
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            out.push(char::from(b.to_ascii_lowercase()));
            i += 1;
            continue;
        }
        let Some(c) = text.sub(i..).chars().next() else {
            break;
        };
        out.push(lower_keeping_length(c));
        i += c.len_utf8();
    }
    out
}

/// The lower case of a letter when it has the same UTF-8 length, else the letter itself.
pub fn lower_keeping_length(c: char) -> char {
    let u = c as u32;
    let shifted = |d: u32| char::from_u32(u + d).unwrap_or(c);
    match u {
        // Latin Extended Additional: ạ ả ấ … ỹ, upper case on even code points.
        0x1EA0..=0x1EF9 => {
            if u.is_multiple_of(2) {
                shifted(1)
            } else {
                c
            }
        }
        // Latin-1: À … Þ (not ×).
        0xC0..=0xDE if u != 0xD7 => shifted(0x20),
        0xDF..=0xFF => c,
        // Ă Đ Ĩ Ũ Ơ Ư and their lower cases.
        0x102 | 0x110 | 0x128 | 0x168 | 0x1A0 => shifted(1),
        0x1AF => shifted(1),
        0x103 | 0x111 | 0x129 | 0x169 | 0x1A1 | 0x1B0 => c,
        _ => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
                _ => c,
            }
        }
    }
}

/// [`fold_case`], and the tone mark of "oa", "oe" and "uy" moved to the first vowel where byte
/// lengths agree ("hoá" → "hóa", "uỷ" → "ủy"): the key for matching names written with either
/// placement.
pub fn fold_tones(s: &str) -> String {
    let lower = fold_case(s);
    if !lower.contains(['á', 'à', 'ả', 'ã', 'ạ', 'ỷ', 'ý', 'ỵ', 'é', 'è']) {
        return lower;
    }
    // One pass: a vowel pair with the mark on its second letter takes it on the first.
    let mut out = String::with_capacity(lower.len());
    let mut chars = lower.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        let moved = match (c, next) {
            ('o', Some('á')) => Some("óa"),
            ('o', Some('à')) => Some("òa"),
            ('o', Some('ả')) => Some("ỏa"),
            ('o', Some('ã')) => Some("õa"),
            ('o', Some('ạ')) => Some("ọa"),
            ('u', Some('ỷ')) => Some("ủy"),
            ('u', Some('ý')) => Some("úy"),
            ('u', Some('ỵ')) => Some("ụy"),
            ('o', Some('é')) => Some("óe"),
            ('o', Some('è')) => Some("òe"),
            _ => None,
        };
        match moved {
            Some(pair) => {
                out.push_str(pair);
                chars.next();
            }
            None => out.push(c),
        }
    }
    out
}

/// Tone marks in the placement of current official names, case kept: "uỷ" → "ủy", "hoá" →
/// "hóa", "Thuỷ" → "Thủy", for open syllables only ("hoán" and "quý" keep theirs).
pub fn modern_tones(s: &str) -> String {
    const PAIRS: &[(char, char, char, char)] = &[
        // (first vowel, marked second vowel, first vowel marked, plain second vowel)
        ('u', 'ỷ', 'ủ', 'y'),
        ('u', 'ý', 'ú', 'y'),
        ('u', 'ỳ', 'ù', 'y'),
        ('u', 'ỹ', 'ũ', 'y'),
        ('u', 'ỵ', 'ụ', 'y'),
        ('o', 'á', 'ó', 'a'),
        ('o', 'à', 'ò', 'a'),
        ('o', 'ả', 'ỏ', 'a'),
        ('o', 'ã', 'õ', 'a'),
        ('o', 'ạ', 'ọ', 'a'),
        ('o', 'é', 'ó', 'e'),
        ('o', 'è', 'ò', 'e'),
        ('o', 'ẻ', 'ỏ', 'e'),
        ('o', 'ẽ', 'õ', 'e'),
        ('o', 'ẹ', 'ọ', 'e'),
    ];
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut k = 0;
    while k < chars.len() {
        let c = chars[k];
        if let Some(&next) = chars.get(k + 1) {
            let lower = c.to_lowercase().next().unwrap_or(c);
            let hit = PAIRS.iter().find(|p| p.0 == lower && p.1 == next);
            let open = !chars.get(k + 2).is_some_and(|c| c.is_alphabetic());
            let qu = k > 0 && matches!(chars[k - 1], 'q' | 'Q') && lower == 'u';
            if let (Some(p), true, false) = (hit, open, qu) {
                if c.is_uppercase() {
                    out.extend(p.2.to_uppercase());
                } else {
                    out.push(p.2);
                }
                out.push(p.3);
                k += 2;
                continue;
            }
        }
        out.push(c);
        k += 1;
    }
    out
}

/// ASCII slug of Vietnamese text: "Tuyên Quang" → "tuyen-quang", "ĐU" → "du".
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.chars() {
        match ascii_of(c) {
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

/// `s` with every run of white space (line breaks included) made one space, and none at
/// either end: "Sở  Tài\nchính " → "Sở Tài chính".
pub fn squash_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

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
                assert_eq!(lower_keeping_length(c), want, "U+{u:04X}");
            }
        }
        assert_eq!(
            fold_case("ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK"),
            "ủy ban nhân dân tỉnh đắk lắk"
        );
    }

    #[test]
    fn folding_keeps_offsets() {
        let t = "KẾ HOẠCH SỐ 500-KH/TU CỦA TỈNH ỦY ĐẢNG";
        let f = fold_case(t);
        assert_eq!(f.len(), t.len());
        assert_eq!(f, "kế hoạch số 500-kh/tu của tỉnh ủy đảng");
    }

    #[test]
    fn either_tone_placement_folds_alike() {
        assert_eq!(fold_tones("Sở Văn hoá"), fold_tones("SỞ VĂN HÓA"));
        assert_eq!(fold_tones("Tỉnh uỷ"), "tỉnh ủy");
        assert_eq!(fold_tones("Thủy lợi"), "thủy lợi");
        // Closed syllables too: the key is for matching, not for display.
        assert_eq!(fold_tones("hoán"), "hóan");
    }

    #[test]
    fn tone_marks_take_the_current_placement() {
        assert_eq!(modern_tones("Thường trực Tỉnh uỷ"), "Thường trực Tỉnh ủy");
        assert_eq!(modern_tones("Uỷ ban nhân dân"), "Ủy ban nhân dân");
        assert_eq!(modern_tones("Sở Văn hoá, Thể thao"), "Sở Văn hóa, Thể thao");
        assert_eq!(modern_tones("Chi cục Thuỷ sản"), "Chi cục Thủy sản");
        // Closed syllables and "qu" keep their marks.
        assert_eq!(modern_tones("hoán đổi, Quỹ, quý"), "hoán đổi, Quỹ, quý");
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Tuyên Quang"), "tuyen-quang");
        assert_eq!(slug("30/2020/NĐ-CP"), "30-2020-nd-cp");
        assert_eq!(slug("Thành phố Hồ Chí Minh"), "thanh-pho-ho-chi-minh");
        assert_eq!(slug("  Đề án “06” "), "de-an-06");
    }

    #[test]
    fn spaces_are_squashed() {
        assert_eq!(squash_spaces(" Sở  Tài\nchính\t "), "Sở Tài chính");
        assert_eq!(squash_spaces(" \n "), "");
    }
}
