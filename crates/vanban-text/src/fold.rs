//! Case and tone folding: one home for the comparisons that ignore case, tone-mark placement
//! ("ủy"/"uỷ", "hóa"/"hoá") or tone marks altogether.

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

