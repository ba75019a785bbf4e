//! The parts of a number and symbol as `symbol_entry` of `grammars/header.pest` reads them,
//! read by hand when the symbol has its common form: a number of one to six digits (and a
//! small letter), then "-" and a type code, "/" and the issuer's codes (party), or "/", a
//! year and "/" or not, and codes joined by "-", perhaps a company letter's "/CV-LV" (state),
//! written without spaces. Whenever the grammar could read anything else — a sub-number, a
//! blank number, a space, a tab or an en dash where the symbol could go on, a letter outside
//! ASCII but Đ and đ where a code could — the hand reading gives up and the grammar reads the
//! text. (A parse by the grammar cost about 18 000 instructions; this, a few hundred.) A test
//! compares both readings on the symbols of the corpus and on generated texts.

use vanban_text::Sub;

/// What the grammar's reading of a symbol yields, as `parse_symbol` uses it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Fields<'a> {
    /// A party symbol ("500-KH/TU").
    pub party: bool,
    /// The running number (`seq`).
    pub seq: Option<&'a str>,
    /// The year of a state symbol (`year`).
    pub year: Option<&'a str>,
    /// The type code of a party symbol (`type_code`).
    pub type_code: Option<&'a str>,
    /// A company letter's part after a second slash, with its slash (`slash_codes`).
    pub slash_codes: &'a str,
    /// The codes (`codes` or `issuer_codes`).
    pub codes: Vec<&'a str>,
}

/// The grammar may read more, or otherwise, than the hand reading can tell.
struct Unsure;

/// The fields of `s` read by hand; `None` when the grammar must read it (or nothing is
/// there: the grammar then says so).
pub(crate) fn quick(s: &str) -> Option<Fields<'_>> {
    read(s).ok()
}

fn read(s: &str) -> Result<Fields<'_>, Unsure> {
    let b = s.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=6).contains(&digits) {
        return Err(Unsure);
    }
    // `seq`: a small letter may end the number. (A sub-number, "21.4", or a digit after the
    // letter leave no dash or slash next: the grammar's.)
    let i = digits + usize::from(b.get(digits).is_some_and(u8::is_ascii_lowercase));
    let seq = s.sub(..i);
    match b.get(i) {
        Some(b'-') => party(s, seq, i + 1),
        Some(b'/') => state(s, seq, i),
        _ => Err(Unsure),
    }
}

/// `seq - type_code / issuer_codes`, from the type code at `i`.
fn party<'a>(s: &'a str, seq: &'a str, i: usize) -> Result<Fields<'a>, Unsure> {
    let type_end = code_end(s, i)?;
    if type_end == i || s.as_bytes().get(type_end) != Some(&b'/') {
        return Err(Unsure);
    }
    let (codes, _) = codes(s, type_end + 1)?;
    Ok(Fields {
        party: true,
        seq: Some(seq),
        type_code: Some(s.sub(i..type_end)),
        codes,
        ..Fields::default()
    })
}

/// `seq /+ (year /+)? codes slash_codes?`, from the first slash at `i`.
fn state<'a>(s: &'a str, seq: &'a str, i: usize) -> Result<Fields<'a>, Unsure> {
    let b = s.as_bytes();
    let mut i = skip_slashes(b, i);
    let mut year = None;
    let four = b.get(i..i + 4).unwrap_or_default();
    if four.len() == 4
        && four.iter().all(u8::is_ascii_digit)
        && (four.starts_with(b"19") || four.starts_with(b"20"))
    {
        // (`&(sp ~ "/")`: spacing before the slash is left to `codes`, which gives up there.)
        if b.get(i + 4) == Some(&b'/') {
            year = Some(s.sub(i..i + 4));
            i = skip_slashes(b, i + 4);
        }
    }
    let (codes, end) = codes(s, i)?;
    Ok(Fields {
        party: false,
        seq: Some(seq),
        year,
        slash_codes: slash_codes(s, end)?,
        codes,
        ..Fields::default()
    })
}

/// `code (sp dash sp code)*` from `i`: the codes and where they end.
fn codes(s: &str, mut i: usize) -> Result<(Vec<&str>, usize), Unsure> {
    let b = s.as_bytes();
    let mut codes = Vec::new();
    loop {
        let end = code_end(s, i)?;
        if end == i {
            return Err(Unsure);
        }
        codes.push(s.sub(i..end));
        match b.get(end) {
            // Another code after a dash; a dash before anything else ends the codes.
            Some(b'-') if b.get(end + 1).is_some_and(|&c| code_byte(c)) => i = end + 1,
            Some(b'-')
                if b.get(end + 1)
                    .is_some_and(|&c| c >= 0x80 || c == b' ' || c == b'\t') =>
            {
                return Err(Unsure)
            }
            // Spacing where the codes could go on. (An en dash, as any character beyond
            // ASCII, has made `code_end` give up.)
            Some(b' ' | b'\t') => return Err(Unsure),
            _ => return Ok((codes, end)),
        }
    }
}

/// `slash_codes?` at `i`: "/" and codes joined by at least one dash, or nothing.
fn slash_codes(s: &str, i: usize) -> Result<&str, Unsure> {
    let b = s.as_bytes();
    if b.get(i) != Some(&b'/') {
        return Ok("");
    }
    let mut end = code_end(s, i + 1)?;
    let mut dashes = 0;
    while end > i + 1 && b.get(end) == Some(&b'-') {
        let next = code_end(s, end + 1)?;
        if next == end + 1 {
            break;
        }
        dashes += 1;
        end = next;
    }
    Ok(if dashes > 0 { s.sub(i..end) } else { "" })
}

/// Where the run of code characters from `i` ends: ASCII letters and digits, "&", Đ and đ.
/// Another character beyond ASCII might be a letter the grammar takes.
fn code_end(s: &str, mut i: usize) -> Result<usize, Unsure> {
    let b = s.as_bytes();
    loop {
        match b.get(i) {
            Some(&c) if code_byte(c) => i += 1,
            Some(0xC4) if matches!(b.get(i + 1), Some(0x90 | 0x91)) => i += 2,
            Some(&c) if c >= 0x80 => return Err(Unsure),
            _ => return Ok(i),
        }
    }
}

fn code_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'&'
}

fn skip_slashes(b: &[u8], mut i: usize) -> usize {
    while b.get(i) == Some(&b'/') {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::header::symbol_fields;

    /// Where the hand reading reads, it reads what the grammar reads: on every word of the
    /// corpus that starts with a digit (with what follows it on the line, and squeezed of
    /// spaces as citations are), and on texts made of the pieces of symbols.
    #[test]
    fn the_hand_reading_is_the_grammars() {
        let mut texts: Vec<String> = Vec::new();
        for text in crate::corpus_texts() {
            for line in text.lines() {
                for (i, _) in line.match_indices(|c: char| c.is_ascii_digit()) {
                    let rest = line.sub(i..);
                    let before = line.sub(..i).chars().next_back();
                    if before.is_none_or(|c| !c.is_ascii_digit()) {
                        texts.push(rest.chars().take(40).collect());
                        texts.push(rest.chars().filter(|&c| c != ' ').take(40).collect());
                    }
                }
            }
        }
        let pieces = [
            "5", "208", "8a", "1234567", "-", "/", "//", "KH", "UBND", "NĐ", "2020", "19", " ",
            ".", "–", "&", "ế", ";", "\t", "CV-LV", "1.2",
        ];
        texts.extend(vanban_text::testing::compositions(&pieces, 5));
        let mut read = 0;
        for t in &texts {
            if let Some(f) = quick(t) {
                assert_eq!(Some(f), symbol_fields(t), "{t:?}");
                read += 1;
            }
        }
        assert!(read > 20_000, "{read} of {}", texts.len());
    }

    #[test]
    fn common_symbols_are_read_by_hand() {
        for (s, party, codes) in [
            ("208/KH-UBND", false, vec!["KH", "UBND"]),
            ("30/2020/NĐ-CP", false, vec!["NĐ", "CP"]),
            ("500-KH/TU", true, vec!["TU"]),
            ("05-QC/BTCTU-BDVTU", true, vec!["BTCTU", "BDVTU"]),
            ("05/2026/VLN/CV-LV", false, vec!["VLN"]),
        ] {
            let f = quick(s).unwrap_or_else(|| panic!("{s}"));
            assert_eq!((f.party, f.codes), (party, codes), "{s}");
        }
        assert_eq!(
            quick("05/2026/VLN/CV-LV").map(|f| f.slash_codes),
            Some("/CV-LV")
        );
        // Left to the grammar: spacing, a sub-number, a blank number.
        for s in ["9387 /UBND-KT", "21.4/KH-UBND", "…/KH-SCT", "2449 -CV/ĐU"] {
            assert_eq!(quick(s), None, "{s}");
        }
    }
}
