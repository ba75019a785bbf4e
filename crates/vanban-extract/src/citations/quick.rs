//! The commonest citations read by hand. Of a type that is no law's: the type, "số" or
//! nothing, a party or state symbol written without spaces or Markdown inside it
//! ("208/kh-ubnd", "30/2020/nđ-cp", "500-kh/tu", "nghị định 68/2024/nđ-cp"), and an optional
//! date ("ngày 22/7/2024", "ngày 05 tháng 3 năm 2020") — `plain_citation`'s first form. Of a
//! law's type: `law_citation` whole, its name too ("luật đất đai số 31/2024/qh15"), and
//! when it fails, the certainty that the grammar reads no citation there (no other form
//! starts with a law's type); of another type, the same certainty when neither form of
//! `plain_citation` has a digit where its symbol must start. Each reading has the grammar's
//! extent; whenever the grammar
//! could read anything else — a colon after the type, "so", a sub-number, a space or a second
//! slash inside the symbol, Markdown, a letter outside ASCII where a code could go on, a
//! word glued after a slash, a character beyond the Latin letters in a law's name — it gives
//! up and the grammar reads the text. (A parse by the grammar costs 50 000–80 000
//! instructions; this, a few hundred.)
//!
//! Runs on the folded text like the grammar. A test compares both readings on every type
//! name of the seed and the corpus and on generated texts.

use vanban_model::DateParts;
use vanban_text::{ByFirstByte, Sub};

use crate::lists::CITATION_TYPES;

/// A citation read by hand: byte offsets in the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Quick {
    /// End of the type name (it starts the window).
    pub type_end: usize,
    /// Whether "số" stands before the symbol (for a law cited with its name, anywhere in
    /// the citation, as the grammar's reading is asked).
    pub so: bool,
    /// A law's name, between its type and "số".
    pub name: Option<(usize, usize)>,
    /// The symbol.
    pub symbol: (usize, usize),
    pub date: Option<DateParts>,
    /// End of the citation (of its date, else of its symbol).
    pub end: usize,
}

/// The grammar may read more, or otherwise, than the hand reading can tell.
#[derive(Debug)]
pub(crate) struct Unsure;

/// The citation at the start of `w` (folded text from a type name on), when it has the
/// common form; `None` when the grammar must decide.
#[cfg(test)]
pub(crate) fn read(w: &str) -> Option<Quick> {
    reading(w).ok().flatten()
}

/// What the hand reading knows of the text at a type name: the citation there, or that the
/// grammar reads none there (`Ok(None)`: after a law's type, no citation of a law; after
/// another type, no digit where a symbol must start); `Unsure` when the grammar must decide.
pub(crate) fn reading(w: &str) -> Result<Option<Quick>, Unsure> {
    // The type as the grammar reads it: `law_citation` is tried first, but no law's type
    // starts with a word of another type; within `doc_type` the grammar lists a longer name
    // before a shorter one it starts with. So the type read is the longest name that
    // matches, the first of `data/citation-types.tsv` (longest first) that does.
    let type_end = type_len(w.as_bytes()).ok_or(Unsure)?;
    if is_law(w) {
        return law_named(w, type_end);
    }
    match common(w, type_end) {
        Some(q) => Ok(Some(q)),
        None => plain_fails(w, type_end).map(|()| None),
    }
}

/// `Ok` when `plain_citation` surely fails at the start of `w` (its type ends at
/// `type_end`): in both forms, after the type's spacing and the fillers and "số" the form may
/// take, no digit stands where its symbol must start (every symbol starts with one).
///
/// ```text
/// doc_type ~ (sp ~ ":")? ~ ws ~ ((filler ~ ws){1,5} ~ so ~ sp | so ~ sp)? ~ symbol …
/// doc_type ~ ws ~ (filler ~ ws){1,2} ~ (party_symbol | state_symbol) …
/// ```
fn plain_fails(w: &str, type_end: usize) -> Result<(), Unsure> {
    let b = w.as_bytes();
    let digit_at = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    // The first form.
    let k = skip_sp(b, type_end);
    let p = if b.get(k) == Some(&b':') {
        k + 1
    } else {
        type_end
    };
    let q = skip_sp(b, p);
    if q > p {
        let (n, after) = fillers(w, q, 5)?;
        let with_fillers = match n {
            0 => None,
            _ => so_at(w, after)?,
        };
        let symbol_at = match with_fillers.map_or_else(|| so_at(w, q), |s| Ok(Some(s)))? {
            Some(s) => skip_sp(b, s),
            None => q,
        };
        if digit_at(symbol_at) {
            return Err(Unsure);
        }
    }
    // The second form.
    let q = skip_sp(b, type_end);
    if q > type_end {
        let (n, after) = fillers(w, q, 2)?;
        if n > 0 && digit_at(after) {
            return Err(Unsure);
        }
    }
    Ok(())
}

/// `(filler ~ ws){0,max}` at `i`: how many, and where they end.
fn fillers(w: &str, mut i: usize, max: usize) -> Result<(usize, usize), Unsure> {
    let b = w.as_bytes();
    let mut n = 0;
    while n < max {
        let Some(e) = filler(w, i)? else { break };
        let next = skip_sp(b, e);
        if next == e {
            break;
        }
        (i, n) = (next, n + 1);
    }
    Ok((n, i))
}

/// `filler = !((so | type_word) ~ !LETTER) ~ (LETTER | ",")+` at `i`: its end.
fn filler(w: &str, i: usize) -> Result<Option<usize>, Unsure> {
    let b = w.as_bytes();
    // (The choice takes "số" when it matches, and the type words only otherwise.)
    let word = match so_at(w, i)? {
        Some(e) => Some(e),
        None => type_len(b.get(i..).unwrap_or_default()).map(|n| i + n),
    };
    if let Some(e) = word {
        if !letter(w, e)? {
            return Ok(None);
        }
    }
    let mut j = i;
    loop {
        match b.get(j) {
            Some(b',') => j += 1,
            _ if letter(w, j)? => j += w.sub(j..).chars().next().map_or(1, char::len_utf8),
            _ => break,
        }
    }
    Ok((j > i).then_some(j))
}

/// The commonest forms of a type that is no law's: the type, "số" or nothing, a party or
/// state symbol, a date.
fn common(w: &str, type_end: usize) -> Option<Quick> {
    let b = w.as_bytes();
    // `(sp ~ ":")? ~ ws ~ so`: spacing, then "số" (no colon).
    let so = skip_sp(b, type_end);
    if so == type_end {
        return None;
    }
    let start = if b.get(so..)?.starts_with("số".as_bytes()) {
        // Then spacing, a colon, spacing and the number's digit, which `symbol` checks: no
        // letter goes on from "số".
        let r = skip_sp(b, so + "số".len());
        if b.get(r) == Some(&b':') {
            skip_sp(b, r + 1)
        } else {
            r
        }
    } else if b.get(so).is_some_and(u8::is_ascii_digit) {
        // The first form without "số": the number right after the type's spacing (no filler
        // word starts with a digit).
        so
    } else {
        return None;
    };
    let end = symbol(b, start).ok()?;
    let date = date_tail(w, end);
    Some(Quick {
        type_end,
        so: start != so,
        name: None,
        symbol: (start, end),
        date: date.map(|d| d.1),
        end: date.map_or(end, |d| d.0),
    })
}

/// Whether the type at the start of `w` is a law's ("luật", "bộ luật", "pháp lệnh"): no
/// other type name starts with these words.
fn is_law(w: &str) -> bool {
    ["luật", "bộ", "pháp"].iter().any(|p| w.starts_with(p))
}

/// The end of the type name that starts `b`, as the grammar reads it: the first name of the
/// list that matches (only names with `b`'s first byte can; a scan of every name cost 2 200
/// instructions, and the fillers of a citation ask at every word).
fn type_len(b: &[u8]) -> Option<usize> {
    static BY_FIRST_BYTE: std::sync::LazyLock<ByFirstByte> =
        std::sync::LazyLock::new(|| ByFirstByte::new(CITATION_TYPES.iter().copied()));
    BY_FIRST_BYTE
        .candidates(b)
        .iter()
        .find_map(|&i| words_len(b, CITATION_TYPES[i]))
}

/// `sp`: white space and Markdown emphasis.
fn is_sp(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'*' | b'_')
}

/// Past the spacing (`sp`, `ws`: white space and Markdown emphasis) at `i` of `b`.
pub(crate) fn skip_sp(b: &[u8], mut i: usize) -> usize {
    while b.get(i).is_some_and(|&c| is_sp(c)) {
        i += 1;
    }
    i
}

/// The end of the words of `name` at the start of `b`, joined by `wsp` (spaces, tabs, line
/// breaks).
fn words_len(b: &[u8], name: &str) -> Option<usize> {
    let mut i = 0;
    for (k, word) in name.split(' ').enumerate() {
        if k > 0 {
            let j = i + b
                .get(i..)?
                .iter()
                .take_while(|c| matches!(c, b' ' | b'\t' | b'\n'))
                .count();
            if j == i {
                return None;
            }
            i = j;
        }
        if !b.get(i..)?.starts_with(word.as_bytes()) {
            return None;
        }
        i += word.len();
    }
    Some(i)
}

/// The bytes of a code character at `i` the hand reading knows: an ASCII letter or digit,
/// or "đ".
fn code_char(b: &[u8], i: usize) -> Option<usize> {
    match b.get(i)? {
        c if c.is_ascii_alphanumeric() => Some(1),
        0xC4 if b.get(i + 1) == Some(&0x91) => Some(2),
        _ => None,
    }
}

/// A dash (`-` or `–`) at `i`: its length.
fn dash_len(b: &[u8], i: usize) -> Option<usize> {
    match b.get(i..)? {
        [b'-', ..] => Some(1),
        [0xE2, 0x80, 0x93, ..] => Some(3),
        _ => None,
    }
}

/// A code at `i`: its end, `None` when none starts there.
fn code(b: &[u8], i: usize) -> Result<Option<usize>, Unsure> {
    let mut j = i;
    while let Some(n) = code_char(b, j) {
        j += n;
    }
    let next = b.get(j).copied();
    if j == i {
        // Any letter, "&" or "\&" may start a code for the grammar.
        return match next {
            Some(c) if c >= 0x80 || c == b'&' || c == b'\\' => Err(Unsure),
            _ => Ok(None),
        };
    }
    match next {
        // Markdown inside a code, "&", another letter: the grammar may read on.
        Some(b'*' | b'_' | b'&' | b'\\') => Err(Unsure),
        Some(c) if c >= 0x80 && dash_len(b, j).is_none() => Err(Unsure),
        _ => Ok(Some(j)),
    }
}

/// `(sp ~ dash ~ sp ~ code)*` from `p`: where the codes end.
fn dashed_codes(b: &[u8], mut p: usize) -> Result<usize, Unsure> {
    loop {
        let q = skip_sp(b, p);
        let Some(n) = dash_len(b, q) else {
            return Ok(p);
        };
        match code(b, skip_sp(b, q + n))? {
            Some(e) => p = e,
            None => return Ok(p),
        }
    }
}

/// A party or state symbol at `i` in the forms the hand reading knows: its end.
fn symbol(b: &[u8], i: usize) -> Result<usize, Unsure> {
    let digits = vanban_text::ascii_digits(b, i, 7);
    if !(1..=6).contains(&digits) {
        return Err(Unsure);
    }
    let at = i + digits;
    let end = match b.get(at) {
        Some(b'-') => party(b, at + 1)?,
        Some(b'/') => state(b, at + 1)?,
        // A sub-number, a letter, spacing: the grammar's.
        _ => return Err(Unsure),
    };
    // A part after another slash, or a word glued after one: the grammar's.
    if b.get(end) == Some(&b'/') {
        return Err(Unsure);
    }
    Ok(end)
}

/// "500-kh/tu" after its dash.
fn party(b: &[u8], i: usize) -> Result<usize, Unsure> {
    let first = code(b, i)?.ok_or(Unsure)?;
    if b.get(first) != Some(&b'/') {
        return Err(Unsure);
    }
    let second = code(b, first + 1)?.ok_or(Unsure)?;
    dashed_codes(b, second)
}

/// "208/kh-ubnd", "30/2020/nđ-cp" after the first slash.
fn state(b: &[u8], i: usize) -> Result<usize, Unsure> {
    // (Another slash or spacing after a slash is the grammar's: no code starts there.)
    let year = b.get(i..i + 4).is_some_and(|y| {
        (y.starts_with(b"19") || y.starts_with(b"20")) && y.iter().all(u8::is_ascii_digit)
    });
    let at = match b.get(i + 4) {
        Some(b'/') if year => i + 5,
        Some(&c) if year && is_sp(c) => return Err(Unsure),
        _ => i,
    };
    let first = code(b, at)?.ok_or(Unsure)?;
    dashed_codes(b, first)
}

/// `law_citation` when a name may stand between the law's type and "số" ("luật đất đai số
/// 31/2024/qh15"): `law_type ~ ws ~ (law_name ~ ws)? ~ so ~ sp ~ symbol ~ glued? ~
/// date_tail?`, read as the grammar reads it (once a name and the spacing after it are read,
/// "số" must follow them: the grammar does not try again without the name). No other form
/// starts with a law's type, so when this one fails the grammar reads no citation there
/// (`Ok(None)`).
fn law_named(w: &str, type_end: usize) -> Result<Option<Quick>, Unsure> {
    let b = w.as_bytes();
    let p = skip_sp(b, type_end);
    if p == type_end {
        return Ok(None);
    }
    let named = match law_name(w, p)? {
        Some(e) => Some((e, skip_sp(b, e))).filter(|&(e, q)| q > e),
        None => None,
    };
    let (at, name) = named.map_or((p, None), |(e, q)| (q, Some((p, e))));
    let Some(s) = so_at(w, at)? else {
        return Ok(None);
    };
    let start = skip_sp(b, s);
    if !b.get(start).is_some_and(u8::is_ascii_digit) {
        // No symbol starts without a digit (old symbols and bare numbers neither).
        return Ok(None);
    }
    let end = symbol(b, start)?;
    let date = date_tail(w, end);
    let end_all = date.map_or(end, |d| d.0);
    Ok(Some(Quick {
        type_end,
        so: w.sub(..end_all).contains("số"),
        name,
        symbol: (start, end),
        date: date.map(|d| d.1),
        end: end_all,
    }))
}

/// `law_name = law_word ~ (ws ~ law_word){0,14}` at `p`: its end.
fn law_name(w: &str, p: usize) -> Result<Option<usize>, Unsure> {
    let b = w.as_bytes();
    let Some(mut end) = law_word(w, p)? else {
        return Ok(None);
    };
    for _ in 0..14 {
        let q = skip_sp(b, end);
        if q == end {
            break;
        }
        match law_word(w, q)? {
            Some(e) => end = e,
            None => break,
        }
    }
    Ok(Some(end))
}

/// `law_word = !(so ~ sp ~ (party_symbol | state_symbol)) ~ !(numbered_type ~ !LETTER) ~
/// (LETTER | "," | "-")+` at `i`: its end.
fn law_word(w: &str, i: usize) -> Result<Option<usize>, Unsure> {
    let b = w.as_bytes();
    if let Some(s) = so_at(w, i)? {
        let t = skip_sp(b, s);
        // Party and state symbols start with a digit; those the hand reading does not know
        // are the grammar's to judge.
        if b.get(t).is_some_and(u8::is_ascii_digit) {
            symbol(b, t)?;
            return Ok(None);
        }
    }
    if let Some(e) = numbered_type(w, i)? {
        if !letter(w, e)? {
            return Ok(None);
        }
    }
    let mut j = i;
    loop {
        match b.get(j) {
            Some(b',' | b'-') => j += 1,
            _ if letter(w, j)? => j += w.sub(j..).chars().next().map_or(1, char::len_utf8),
            _ => break,
        }
    }
    Ok((j > i).then_some(j))
}

/// The words of another numbered document, which end a law's name (`numbered_type`): the
/// first alternative that matches at `i`, its end.
fn numbered_type(w: &str, i: usize) -> Result<Option<usize>, Unsure> {
    const PAIRS: [(&str, &[&str]); 8] = [
        ("nghị", &["định", "quyết"]),
        ("quyết", &["định"]),
        ("thông", &["tư"]),
        ("chỉ", &["thị"]),
        ("kế", &["hoạch"]),
        ("kết", &["luận"]),
        ("công", &["văn"]),
        ("tờ", &["trình"]),
    ];
    let b = w.as_bytes();
    let rest = b.get(i..).unwrap_or_default();
    for (first, seconds) in PAIRS {
        if !rest.starts_with(first.as_bytes()) {
            continue;
        }
        // `wsp`: spaces, tabs and line breaks.
        let k = i + first.len();
        let q = k + b
            .get(k..)
            .unwrap_or_default()
            .iter()
            .take_while(|c| matches!(c, b' ' | b'\t' | b'\n'))
            .count();
        if q == k {
            continue;
        }
        if let Some(second) = seconds
            .iter()
            .find(|s| b.get(q..).is_some_and(|r| r.starts_with(s.as_bytes())))
        {
            return Ok(Some(q + second.len()));
        }
    }
    // `"luật" ~ ws ~ !so`
    if rest.starts_with("luật".as_bytes()) {
        let k = i + "luật".len();
        let q = skip_sp(b, k);
        if q > k && so_at(w, q)?.is_none() {
            return Ok(Some(q));
        }
    }
    Ok(None)
}

/// `so = ("số" | "so" | "sô") ~ !LETTER ~ (sp ~ ":")?` at `i`: its end.
fn so_at(w: &str, i: usize) -> Result<Option<usize>, Unsure> {
    let b = w.as_bytes();
    let rest = b.get(i..).unwrap_or_default();
    let Some(word) = ["số", "so", "sô"]
        .into_iter()
        .find(|s| rest.starts_with(s.as_bytes()))
    else {
        return Ok(None);
    };
    let j = i + word.len();
    if letter(w, j)? {
        return Ok(None);
    }
    let k = skip_sp(b, j);
    Ok(Some(if b.get(k) == Some(&b':') { k + 1 } else { j }))
}

/// Whether a letter (pest's `LETTER`, a Unicode letter) stands at `i`: known for ASCII and
/// the Latin letters of U+00C0–U+024F and U+1E00–U+1EFF (where `char::is_alphabetic` is the
/// same test); the grammar's to judge elsewhere.
fn letter(w: &str, i: usize) -> Result<bool, Unsure> {
    match w.get(i..).and_then(|r| r.chars().next()) {
        None => Ok(false),
        Some(c) if c.is_ascii() => Ok(c.is_ascii_alphabetic()),
        Some(c) if matches!(u32::from(c), 0xC0..=0x24F | 0x1E00..=0x1EFF) => Ok(c.is_alphabetic()),
        Some(_) => Err(Unsure),
    }
}

/// `date_tail` at `p`: its end and parts.
fn date_tail(w: &str, p: usize) -> Option<(usize, DateParts)> {
    let b = w.as_bytes();
    let mut q = skip_sp(b, p);
    if b.get(q) == Some(&b',') {
        q = skip_sp(b, q + 1);
    }
    // ("ngay": a scan's reading that lost the word's tone mark, as the grammar reads it.)
    let word = ["ngày", "ngay"]
        .into_iter()
        .find(|w| b.get(q..).is_some_and(|r| r.starts_with(w.as_bytes())))?;
    let r = skip_sp(b, q + word.len());
    numeric_date(w, r).or_else(|| spelled_date(w, r))
}

/// Between `min` and `max` ASCII digits at `i`, not followed by another: their end.
fn digits(b: &[u8], i: usize, min: usize, max: usize) -> Option<usize> {
    let n = vanban_text::ascii_digits(b, i, max);
    let end = i + n;
    (n >= min && !b.get(end).is_some_and(u8::is_ascii_digit)).then_some(end)
}

/// The parts of a date, read from the digits at the three ranges.
fn parts(w: &str, d: (usize, usize), m: (usize, usize), y: (usize, usize)) -> DateParts {
    DateParts {
        day: w.sub(d.0..d.1).parse().ok(),
        month: w.sub(m.0..m.1).parse().ok(),
        year: w.sub(y.0..y.1).parse().ok(),
    }
}

/// "22/7/2024", "22-7-2024", "22.7.2024", spacing allowed around the separators.
fn numeric_date(w: &str, i: usize) -> Option<(usize, DateParts)> {
    let b = w.as_bytes();
    let sep = |j: usize| {
        let k = skip_sp(b, j);
        matches!(b.get(k), Some(b'/' | b'-' | b'.')).then(|| skip_sp(b, k + 1))
    };
    let day = digits(b, i, 1, 2)?;
    let m0 = sep(day)?;
    let month = digits(b, m0, 1, 2)?;
    let y0 = sep(month)?;
    let year = digits(b, y0, 4, 4)?;
    Some((year, parts(w, (i, day), (m0, month), (y0, year))))
}

/// "05 tháng 3 năm 2020".
fn spelled_date(w: &str, i: usize) -> Option<(usize, DateParts)> {
    let b = w.as_bytes();
    let word = |j: usize, word: &str| {
        let k = skip_sp(b, j);
        b.get(k..)?
            .starts_with(word.as_bytes())
            .then(|| skip_sp(b, k + word.len()))
    };
    let day = digits(b, i, 1, 2)?;
    let m0 = word(day, "tháng")?;
    let month = digits(b, m0, 1, 2)?;
    let y0 = word(month, "năm")?;
    let year = digits(b, y0, 4, 4)?;
    Some((year, parts(w, (i, day), (m0, month), (y0, year))))
}

#[cfg(test)]
mod tests {
    use pest::Parser;
    use vanban_text::fold::fold_case;

    use super::*;
    use crate::citations::{type_regex, CitationGrammar, Rule, WINDOW};
    use crate::testing::compositions;
    use crate::words::word_matches;

    /// The first name of the list that matches is the type the grammar reads, for every
    /// name, with its words on two lines, and before a longer name's words.
    #[test]
    fn the_type_read_is_the_grammars() {
        let grammar_type = |t: &str| {
            [Rule::doc_type, Rule::law_type]
                .iter()
                .find_map(|&r| CitationGrammar::parse(r, t).ok()?.next())
                .map(|p| p.as_span().end())
        };
        let mut read = 0;
        for name in CITATION_TYPES.iter() {
            for t in [
                format!("{name} số"),
                format!("{} số", name.replace(' ', "\n")),
                format!("{name} liên tịch"),
                format!("{name} hành động"),
                format!("{name} kết luận"),
                format!("{name} hợp nhất"),
            ] {
                let want = grammar_type(&t);
                read += usize::from(want.is_some());
                assert_eq!(type_len(t.as_bytes()), want, "{t:?}");
            }
        }
        assert!(read >= 6 * CITATION_TYPES.len(), "{read}");
    }

    /// The grammar's reading of a citation at the start of `w`, in the terms of [`Quick`].
    fn by_grammar(w: &str) -> Option<Quick> {
        let entry = CitationGrammar::parse(Rule::citation_entry, w)
            .ok()?
            .next()?;
        let form = entry.into_inner().next()?.into_inner().next()?;
        let end = form.as_span().end();
        let mut q = Quick {
            type_end: 0,
            so: form.as_str().contains("số"),
            name: None,
            symbol: (0, 0),
            date: None,
            end,
        };
        for part in form.into_inner() {
            let (s, e) = (part.as_span().start(), part.as_span().end());
            match part.as_rule() {
                Rule::doc_type | Rule::law_type => q.type_end = e,
                Rule::law_name => q.name = Some((s, e)),
                // (Only a party or state symbol is the hand reading's.)
                Rule::symbol => {
                    let full = part.clone().into_inner().next().is_some_and(|f| {
                        matches!(f.as_rule(), Rule::party_symbol | Rule::state_symbol)
                    });
                    q.symbol = if full { (s, e) } else { (s, usize::MAX) };
                }
                Rule::date_tail => {
                    let (mut d, mut m, mut y) = ((0, 0), (0, 0), (0, 0));
                    for p in part.into_inner().flat_map(|p| p.into_inner()) {
                        let span = (p.as_span().start(), p.as_span().end());
                        match p.as_rule() {
                            Rule::day => d = span,
                            Rule::month => m = span,
                            Rule::year4 => y = span,
                            _ => {}
                        }
                    }
                    q.date = Some(parts(w, d, m, y));
                }
                _ => {}
            }
        }
        Some(q)
    }

    /// Laws cited with their names, laws' types before words that are none, and other types
    /// before fillers: up to three pieces (words of names, types, "số"/"so", punctuation)
    /// before each kind of symbol, with "số", with "so:", and alone.
    fn worded_texts() -> Vec<String> {
        let mut texts = Vec::new();
        let words = [
            "đất",
            "đai",
            "một",
            "số",
            "so",
            "sô",
            "điều",
            "của",
            "luật",
            "nghị định",
            "kế hoạch",
            "kết",
            "thông tư",
            ",",
            "-",
            "số:",
            "x",
            "*",
            "\n",
            "(",
            "1",
        ];
        for (i, name) in compositions(&words, 3).iter().enumerate() {
            let head = [
                "luật ",
                "bộ luật ",
                "pháp lệnh\n",
                "luật",
                "kế hoạch ",
                "quyết định: ",
                "thông báo\n",
                "chương trình hành động ",
                "nghị quyết",
            ][i % 9];
            let sym = [
                "12/2020/qh14",
                "500-kh/tu",
                "57",
                "9387 /ubnd",
                "5/2020/qh14 ngày 1/2/2020",
            ][i % 5];
            texts.push(format!("{head}{name} số {sym}"));
            texts.push(format!("{head}{name} so: {sym}"));
            texts.push(format!("{head}{name}"));
        }
        // Up to seven fillers before "số" (the first form takes five, the second two).
        for n in 0..=7 {
            let fillers = ["tỉnh", "ủy", "về", "việc", "thực", "hiện", "tiếp"][..n].join(" ");
            for sym in ["5/kh-ubnd", "12-ctr/tu"] {
                texts.push(format!("kế hoạch {fillers} số {sym}"));
                texts.push(format!("quyết định: {fillers} số: {sym}"));
                texts.push(format!("chỉ thị {fillers} {sym}"));
            }
        }
        texts
    }

    /// What may follow a symbol in the generated texts: dates (a scan's "ngay" too), their
    /// near misses, an issuer's dash.
    const TAILS: [&str; 10] = [
        "",
        " ngày 5/3/2025 của",
        ", ngày 05 tháng 3 năm 2020",
        " ngày 5 /3/ 2025",
        " ngày 123/4/2020",
        " ngày 5/3/20255",
        "/x ngày 1/2/2020",
        " - ubnd tỉnh",
        "\n- tu",
        " ngay 19/6/2025 của",
    ];

    #[test]
    fn the_quick_reading_is_the_grammars() {
        // Wherever the hand reading reads a citation, the grammar reads the same one: at every
        // type name of the seed and the corpus, and on texts made of the pieces a symbol and
        // what follows it are written with (and near misses).
        let mut texts: Vec<String> = Vec::new();
        for text in crate::testing::seed_and_corpus() {
            let folded = fold_case(&text);
            for m in word_matches(type_regex(), &folded) {
                texts.push(vanban_text::window(&folded, m.start(), WINDOW).to_owned());
            }
        }
        let heads = [
            "kế hoạch số ",
            "luật số ",
            "bộ luật\nsố: ",
            "nghị quyết liên tịch **số** ",
            "quyết định: số ",
            "luật đất đai số ",
            "văn bản so ",
            "chỉ thị số",
            "nghị định ",
            "thông báo\n",
            "công văn: ",
            "luật ",
            "kế hoạch *",
            "bộ luật ",
        ];
        let pieces = [
            "1", "20", "2020", "/", "//", "-", "–", " ", "*", "kh", "đ", "ủ", "&", ".", "a",
        ];
        let tails = TAILS;
        for (i, symbol) in compositions(&pieces, 3).iter().enumerate() {
            let head = heads[i % heads.len()];
            let tail = tails[i % tails.len()];
            texts.push(format!("{head}{symbol}{tail}"));
            texts.push(format!("{}5{symbol}{tail}", heads[0]));
            texts.push(format!("{}12/2020/nđ{symbol}{tail}", heads[1]));
            texts.push(format!(
                "{}12-kh/tu{symbol}{}",
                heads[0],
                tails[(i / 9) % 9]
            ));
            texts.push(format!("{}7/kh-{symbol}{tail}", heads[0]));
            texts.push(format!("{}5/{symbol}{tail}", heads[i % 2]));
        }
        texts.extend(worded_texts());
        let (mut quick, mut agreed_none, mut none) = (0, 0, 0);
        for t in &texts {
            match reading(t) {
                Ok(Some(q)) => {
                    quick += 1;
                    assert_eq!(by_grammar(t), Some(q), "{t:?}");
                }
                // Sure that the grammar reads nothing.
                Ok(None) => {
                    none += 1;
                    assert_eq!(by_grammar(t), None, "{t:?}");
                    assert!(
                        CitationGrammar::parse(Rule::citation_entry, t).is_err(),
                        "{t:?}"
                    );
                }
                Err(Unsure) => agreed_none += usize::from(by_grammar(t).is_none()),
            }
        }
        assert!(
            quick > 5_000 && agreed_none > 1_000 && none > 10_000,
            "{quick} {agreed_none} {none}"
        );
    }

    #[test]
    fn common_citations_are_read_by_hand() {
        let q = read("kế hoạch số 208/kh-ubnd ngày 05/3/2024 của ubnd").expect("read");
        assert_eq!((q.type_end, q.symbol, q.end), (12, (18, 29), 45));
        assert_eq!(q.date.and_then(|d| d.iso()).as_deref(), Some("2024-03-05"));
        for t in [
            "nghị định số 30/2020/nđ-cp",
            "chỉ thị số 500-kh/tu;",
            "luật số 42/2024/qh15 ngày 29 tháng 6 năm 2024",
            "quyết định số: 12/qđ-ubnd – x",
        ] {
            assert!(read(t).is_some(), "{t}");
        }
        // A law with its name: the name is read too.
        let t = "luật đất đai số 31/2024/qh15 ngày 18/01/2024";
        let q = read(t).expect("read");
        let name = q.name.map(|(a, b)| t.sub(a..b));
        let symbol_end = t.find(" ngày");
        assert_eq!(
            (name, Some(q.symbol.1), q.end),
            (Some("đất đai"), symbol_end, t.len())
        );
        // A law's type with no citation after it: sure that there is none.
        for t in [
            "luật đất đai quy định",
            "luật: số 5/2020/qh14",
            "luật số điều 12/2020/qh14",
        ] {
            assert!(matches!(reading(t), Ok(None)), "{t}");
        }
        // The grammar's to read.
        for t in [
            "quyết định: số 12/qđ-ubnd",
            "kế hoạch so 5/kh-ubnd",
            "kế hoạch số 9387 /ubnd-kt",
            "nghị quyết số 66.4/2025/nq-cp",
            "kế hoạch số 5/kh-ubnd/tập",
            "kế hoạch số 5/kh-ủbnd",
            "kế hoạch số **5/kh-ubnd**",
        ] {
            assert!(read(t).is_none(), "{t}");
        }
    }
}
