//! The date pattern of deadlines, read by hand. It was one regular expression of eleven
//! alternatives (kept in the tests as the reference this reader is compared with):
//!
//! ```text
//! (?i)(?P<n>[0-9]{1,3}) ngày(?P<work> làm việc)?,? (?:kể )?từ (?P<anchor>[^,.;()]{0,40})
//!    |(?P<half>HALF) (?P<yh>[0-9]{4})
//!    |(?P<d1>[0-9]{1,2})\s*[/.-]\s*(?P<m1>[0-9]{1,2})\s*[/.-]\s*(?P<y1>[0-9]{4})
//!    |(?P<d2>[0-9]{1,2}) tháng (?P<m2>[0-9]{1,2}) năm (?P<y2>[0-9]{4})
//!    |(?P<d4>[0-9]{1,2}) (?P<every>EVERY)
//!    |(?P<d3>[0-9]{1,2})(?: tháng |/)(?P<m3>[0-9]{1,2})\b
//!    |tháng (?P<m5>[0-9]{1,2})\s*(?:/|-|năm)\s*(?P<y5>[0-9]{4})
//!    |tháng (?P<m6>[0-9]{1,2})\b
//!    |qu[ýí] (?P<q>IV|I{1,3}|[1-4])\s*(?:/|-|–|năm)\s*(?P<yq>[0-9]{4})
//!    |(?:năm )?(?P<ya>[0-9]{4})\s*[-–—]\s*(?P<yb>[0-9]{4})
//!    |năm (?P<y7>[0-9]{4})
//! ```
//!
//! with ASCII `\s` and `\b`, HALF and EVERY the phrases of the halves of a year and of the
//! recurrences in `data/deadline-words.tsv`, longest first. Its captures cost about 11 000
//! instructions a match and its search 4.5 % of the corpus's extraction; compiling it, 0.3 ms
//! of every process that reads a deadline.
//!
//! The reading keeps the pattern's meaning exactly: the leftmost match, at one place the
//! first alternative that matches, and within one the choices a backtracking search would
//! make first. Letters compare as the pattern's `(?i)` compares them, by the simple case
//! folding of Unicode (so "THÁNG", and a Kelvin sign for "k"). What makes the choices easy:
//! a run of one or two digits is always followed in the pattern by something that is no
//! digit, so it takes the whole run or fails; the optional words are taken when present,
//! and what follows them could not have matched where they stand.

use std::sync::LazyLock;

use regex_syntax::hir::{ClassUnicode, ClassUnicodeRange};
use vanban_text::Sub;

/// The named parts of a match, in the pattern's order.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum P {
    N,
    Work,
    Anchor,
    Half,
    Yh,
    D1,
    M1,
    Y1,
    D2,
    M2,
    Y2,
    D4,
    Every,
    D3,
    M3,
    M5,
    Y5,
    M6,
    Q,
    Yq,
    Ya,
    Yb,
    Y7,
}

/// The pattern's names of the parts, in the order of [`P`].
#[cfg(test)]
pub(super) const NAMES: [&str; 23] = [
    "n", "work", "anchor", "half", "yh", "d1", "m1", "y1", "d2", "m2", "y2", "d4", "every", "d3",
    "m3", "m5", "y5", "m6", "q", "yq", "ya", "yb", "y7",
];

/// One part of a match.
#[derive(Clone, Copy)]
pub(super) struct Cap<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

impl<'t> Cap<'t> {
    pub(super) fn as_str(&self) -> &'t str {
        self.text.sub(self.start..self.end)
    }
    pub(super) fn start(&self) -> usize {
        self.start
    }
    pub(super) fn end(&self) -> usize {
        self.end
    }
}

/// One match: where it is and where its parts are.
pub(super) struct Caps<'t> {
    text: &'t str,
    whole: (usize, usize),
    parts: [Option<(usize, usize)>; 23],
}

impl<'t> Caps<'t> {
    /// The whole match.
    pub(super) fn whole(&self) -> Cap<'t> {
        let (start, end) = self.whole;
        Cap {
            text: self.text,
            start,
            end,
        }
    }

    /// A part, when the match has it.
    pub(super) fn name(&self, part: P) -> Option<Cap<'t>> {
        let (start, end) = self.parts[part as usize]?;
        Some(Cap {
            text: self.text,
            start,
            end,
        })
    }

    fn set(&mut self, part: P, start: usize, end: usize) {
        self.parts[part as usize] = Some((start, end));
    }
}

/// The matches of the pattern in `text`, left to right, none overlapping.
pub(super) fn captures_iter(text: &str) -> impl Iterator<Item = Caps<'_>> {
    let mut from = 0;
    std::iter::from_fn(move || {
        let c = find_at(text, from)?;
        // No alternative matches an empty text: the search moves on.
        from = c.whole.1;
        Some(c)
    })
}

/// The first match starting at or after `from`.
fn find_at(text: &str, from: usize) -> Option<Caps<'_>> {
    let w = &*WORDS;
    let bytes = text.as_bytes();
    // The alternatives write the parts only when they match: one record serves every place.
    let mut c = Caps {
        text,
        whole: (from, from),
        parts: [None; 23],
    };
    let mut s = from;
    let (s, end) = loop {
        // Most characters start nothing: skip them in a tight loop.
        while bytes.get(s).is_some_and(|&b| w.masks[usize::from(b)] == 0) {
            s += 1;
        }
        let &b = bytes.get(s)?;
        let mut mask = w.masks[usize::from(b)];
        if b.is_ascii_digit() {
            // A longer run of digits starts nothing (a day or month has at most two, a count
            // of days three, a year four, a half of a year's phrase as many as it starts
            // with); after its digits, each alternative but the halves of a year needs a
            // space, a separator or a dash.
            let r = digits(text, s, w.longest_run + 1);
            if r > w.longest_run {
                mask = 0;
            } else if !bytes
                .get(s + r)
                .is_some_and(|&n| w.after_digits[usize::from(n)])
            {
                mask &= HALF;
            }
        } else if !bytes
            .get(s + width(b))
            .is_some_and(|&n| w.seconds[usize::from(n)])
        {
            // The words start with two letters.
            mask = 0;
        }
        let end = ALTERNATIVES
            .iter()
            .enumerate()
            .filter(|&(i, _)| mask & (1 << i) != 0)
            .find_map(|(_, (alternative, _))| alternative(text, s, &mut c));
        if let Some(end) = end {
            break (s, end);
        }
        s += 1;
    };
    c.whole = (s, end);
    Some(c)
}

/// An alternative of the pattern: where its match at a place ends; it writes its parts.
type Alternative = fn(&str, usize, &mut Caps) -> Option<usize>;

/// What an alternative starts with.
enum Start {
    /// A digit.
    Digit,
    /// One of the phrases of the halves of a year.
    Half,
    /// A word, or a digit.
    Word(&'static str, bool),
}

/// The alternatives in the pattern's order (two pairs of neighbours that start alike read as
/// one), with what each starts with.
const ALTERNATIVES: [(Alternative, Start); 9] = [
    (relative, Start::Digit),
    (half, Start::Half),
    (slashed, Start::Digit),
    (worded, Start::Digit),
    (every, Start::Digit),
    (day_month, Start::Digit),
    (month, Start::Word("tháng", false)),
    (quarter, Start::Word("qu", false)),
    (years, Start::Word("năm", true)),
];

/// The bit of [`half`] in a mask of alternatives.
const HALF: u16 = 1 << 1;

/// The length of the character a UTF-8 first byte starts.
fn width(first: u8) -> usize {
    match first {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    }
}

/// The first UTF-8 byte of `letter` and of each character its case folding takes.
fn first_bytes(letter: char) -> impl Iterator<Item = usize> {
    let letter = Letter::new(letter);
    std::iter::once(letter.main).chain(letter.others).map(|c| {
        let mut buf = [0; 4];
        usize::from(c.encode_utf8(&mut buf).as_bytes()[0])
    })
}

/// A letter of the pattern and the other characters its case folding lets stand for it.
struct Letter {
    main: char,
    others: Vec<char>,
}

impl Letter {
    fn new(main: char) -> Self {
        let mut class = ClassUnicode::new([ClassUnicodeRange::new(main, main)]);
        // Cannot fail: the crate is built with its Unicode case tables.
        let _ = class.try_case_fold_simple();
        let others = class
            .iter()
            .flat_map(|r| r.start()..=r.end())
            .filter(|&c| c != main)
            .collect();
        Letter { main, others }
    }

    fn takes(&self, c: char) -> bool {
        c == self.main || self.others.contains(&c)
    }
}

/// Words of the pattern, compared letter by letter.
struct Lit {
    /// The word as written (lower case).
    word: &'static str,
    letters: Vec<Letter>,
    /// The first bytes of the characters its first letter may be.
    firsts: [bool; 256],
}

impl Lit {
    fn new(word: &'static str) -> Self {
        let letters: Vec<Letter> = word.chars().map(Letter::new).collect();
        let mut firsts = [false; 256];
        for letter in letters.iter().take(1) {
            for c in std::iter::once(letter.main).chain(letter.others.iter().copied()) {
                let mut buf = [0; 4];
                firsts[usize::from(c.encode_utf8(&mut buf).as_bytes()[0])] = true;
            }
        }
        Lit {
            word,
            letters,
            firsts,
        }
    }

    /// Where the word ends when it stands at `at`.
    fn at(&self, text: &str, at: usize) -> Option<usize> {
        let rest = text.as_bytes().get(at..)?;
        // Most places start with another letter; most matches are written in lower case.
        if !rest.first().is_some_and(|&b| self.firsts[usize::from(b)]) {
            return None;
        }
        if rest.starts_with(self.word.as_bytes()) {
            return Some(at + self.word.len());
        }
        let mut chars = text.get(at..)?.char_indices();
        for letter in &self.letters {
            let (_, c) = chars.next()?;
            letter.takes(c).then_some(())?;
        }
        Some(at + chars.offset())
    }
}

/// The pattern's words, folded once.
struct Words {
    ngay: Lit,
    lam_viec: Lit,
    ke: Lit,
    tu: Lit,
    thang_spaced: Lit,
    thang: Lit,
    nam_spaced: Lit,
    nam: Lit,
    nam_before: Lit,
    qu: Lit,
    acute_y: Letter,
    acute_i: Letter,
    roman_i: Letter,
    roman_v: Letter,
    half: Vec<Lit>,
    every: Vec<Lit>,
    /// For each first byte of a character, the alternatives that may start there (bit `i`
    /// for `ALTERNATIVES[i]`).
    masks: [u16; 256],
    /// The first bytes of the letters that come second in those words.
    seconds: [bool; 256],
    /// The most digits a match may start with.
    longest_run: usize,
    /// The bytes that may follow the first digits of a match but for the halves of a year:
    /// ASCII white space, "/", ".", "-" and the first byte of "–" and "—".
    after_digits: [bool; 256],
}

static WORDS: LazyLock<Words> = LazyLock::new(|| {
    let half = super::phrases(&["first_half", "second_half"]);
    let every = super::phrases(&["yearly", "quarterly", "monthly", "weekly"]);
    // Every letter a match can start with, and the letter after it (the words start with
    // two letters, the halves of a year with a digit).
    // For each first byte, the alternatives that may start there; the first bytes of the
    // letters that come second in the words they start with.
    let mut masks = [0u16; 256];
    let mut seconds = [false; 256];
    for (i, (_, start)) in ALTERNATIVES.iter().enumerate() {
        let words: Vec<&str> = match start {
            Start::Digit => vec!["0"],
            Start::Half => half.clone(),
            Start::Word(word, digit) => [*word].into_iter().chain(digit.then_some("0")).collect(),
        };
        for word in words {
            let mut letters = word.chars();
            let first = letters.next().filter(|c| !c.is_ascii_digit());
            match first {
                None => (b'0'..=b'9').for_each(|d| masks[usize::from(d)] |= 1 << i),
                Some(first) => {
                    first_bytes(first).for_each(|b| masks[b] |= 1 << i);
                    letters
                        .next()
                        .into_iter()
                        .flat_map(first_bytes)
                        .for_each(|b| seconds[b] = true);
                }
            }
        }
    }
    let leading = |w: &str| w.bytes().take_while(u8::is_ascii_digit).count();
    let longest_run = half.iter().map(|w| leading(w)).fold(4, usize::max);
    let after_digits = std::array::from_fn(|b| {
        matches!(b, 0x09..=0x0D | 0x20 | 0x2D | 0x2E | 0x2F) || b == usize::from("–".as_bytes()[0])
    });
    Words {
        ngay: Lit::new(" ngày"),
        lam_viec: Lit::new(" làm việc"),
        ke: Lit::new("kể "),
        tu: Lit::new("từ "),
        thang_spaced: Lit::new(" tháng "),
        thang: Lit::new("tháng "),
        nam_spaced: Lit::new(" năm "),
        nam: Lit::new("năm"),
        nam_before: Lit::new("năm "),
        qu: Lit::new("qu"),
        acute_y: Letter::new('ý'),
        acute_i: Letter::new('í'),
        roman_i: Letter::new('I'),
        roman_v: Letter::new('V'),
        half: half.iter().map(|&w| Lit::new(w)).collect(),
        every: every.iter().map(|&w| Lit::new(w)).collect(),
        masks,
        seconds,
        longest_run,
        after_digits,
    }
});

/// The ASCII digits at `at`, at most `max`.
fn digits(text: &str, at: usize, max: usize) -> usize {
    vanban_text::ascii_digits(text.as_bytes(), at, max)
}

/// A run of one to `max` digits that is not longer, or nothing.
fn run(text: &str, at: usize, max: usize) -> Option<usize> {
    let n = digits(text, at, max + 1);
    (1..=max).contains(&n).then_some(at + n)
}

/// Exactly four digits at `at` (whatever follows).
fn year(text: &str, at: usize) -> Option<usize> {
    (digits(text, at, 4) == 4).then_some(at + 4)
}

/// Past the ASCII white space at `at` (the pattern's `(?-u:\s)*`).
fn spaces(text: &str, at: usize) -> usize {
    let b = text.as_bytes();
    at + b.get(at..).map_or(0, |rest| {
        rest.iter()
            .take_while(|&&c| matches!(c, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' '))
            .count()
    })
}

/// Whether `at` follows an ASCII word character with none (the pattern's `(?-u:\b)` after a
/// digit).
fn boundary(text: &str, at: usize) -> bool {
    !text
        .as_bytes()
        .get(at)
        .is_some_and(|&c| c.is_ascii_alphanumeric() || c == b'_')
}

/// The character at `at`, if any.
fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..)?.chars().next()
}

/// One of `chars` at `at`: where it ends.
fn one_of(text: &str, at: usize, chars: &[char]) -> Option<usize> {
    let c = char_at(text, at).filter(|c| chars.contains(c))?;
    Some(at + c.len_utf8())
}

/// `(?P<n>[0-9]{1,3}) ngày(?P<work> làm việc)?,? (?:kể )?từ (?P<anchor>[^,.;()]{0,40})`
fn relative(text: &str, s: usize, c: &mut Caps) -> Option<usize> {
    let w = &*WORDS;
    let n = run(text, s, 3)?;
    let mut at = w.ngay.at(text, n)?;
    let work = w.lam_viec.at(text, at).map(|e| (at, e));
    at = work.map_or(at, |(_, e)| e);
    at += usize::from(text.as_bytes().get(at) == Some(&b','));
    at = one_of(text, at, &[' '])?;
    at = w.ke.at(text, at).unwrap_or(at);
    at = w.tu.at(text, at)?;
    let anchor = text
        .get(at..)?
        .chars()
        .take(40)
        .take_while(|c| !matches!(c, ',' | '.' | ';' | '(' | ')'))
        .map(char::len_utf8)
        .sum::<usize>();
    c.set(P::N, s, n);
    if let Some((a, b)) = work {
        c.set(P::Work, a, b);
    }
    c.set(P::Anchor, at, at + anchor);
    Some(at + anchor)
}

/// `(?P<half>HALF) (?P<yh>[0-9]{4})`: the phrases in order, the first that is followed by a
/// year.
fn half(text: &str, s: usize, c: &mut Caps) -> Option<usize> {
    WORDS.half.iter().find_map(|phrase| {
        let e = phrase.at(text, s)?;
        let y = one_of(text, e, &[' '])?;
        let end = year(text, y)?;
        c.set(P::Half, s, e);
        c.set(P::Yh, y, end);
        Some(end)
    })
}

/// A separator between white space: `\s*[/.-]\s*` and the like.
fn separated(text: &str, at: usize, seps: &[char], word: Option<&Lit>) -> Option<usize> {
    let at = spaces(text, at);
    let e = one_of(text, at, seps).or_else(|| word?.at(text, at))?;
    Some(spaces(text, e))
}

/// `(?P<d1>[0-9]{1,2})\s*[/.-]\s*(?P<m1>[0-9]{1,2})\s*[/.-]\s*(?P<y1>[0-9]{4})`
fn slashed(text: &str, s: usize, c: &mut Caps) -> Option<usize> {
    let d = run(text, s, 2)?;
    let m0 = separated(text, d, &['/', '.', '-'], None)?;
    let m = run(text, m0, 2)?;
    let y0 = separated(text, m, &['/', '.', '-'], None)?;
    let y = year(text, y0)?;
    c.set(P::D1, s, d);
    c.set(P::M1, m0, m);
    c.set(P::Y1, y0, y);
    Some(y)
}

/// `(?P<d2>[0-9]{1,2}) tháng (?P<m2>[0-9]{1,2}) năm (?P<y2>[0-9]{4})`
fn worded(text: &str, s: usize, c: &mut Caps) -> Option<usize> {
    let w = &*WORDS;
    let d = run(text, s, 2)?;
    let m0 = w.thang_spaced.at(text, d)?;
    let m = run(text, m0, 2)?;
    let y0 = w.nam_spaced.at(text, m)?;
    let y = year(text, y0)?;
    c.set(P::D2, s, d);
    c.set(P::M2, m0, m);
    c.set(P::Y2, y0, y);
    Some(y)
}

/// `(?P<d4>[0-9]{1,2}) (?P<every>EVERY)`
fn every(text: &str, s: usize, c: &mut Caps) -> Option<usize> {
    let d = run(text, s, 2)?;
    let p = one_of(text, d, &[' '])?;
    let e = WORDS.every.iter().find_map(|phrase| phrase.at(text, p))?;
    c.set(P::D4, s, d);
    c.set(P::Every, p, e);
    Some(e)
}

/// `(?P<d3>[0-9]{1,2})(?: tháng |/)(?P<m3>[0-9]{1,2})\b`
fn day_month(text: &str, s: usize, c: &mut Caps) -> Option<usize> {
    let d = run(text, s, 2)?;
    let m0 = one_of(text, d, &['/']).or_else(|| WORDS.thang_spaced.at(text, d))?;
    let m = run(text, m0, 2).filter(|&m| boundary(text, m))?;
    c.set(P::D3, s, d);
    c.set(P::M3, m0, m);
    Some(m)
}

/// `tháng (?P<m5>[0-9]{1,2})\s*(?:/|-|năm)\s*(?P<y5>[0-9]{4})`, else
/// `tháng (?P<m6>[0-9]{1,2})\b`: two alternatives one after the other that start alike, so
/// "tháng" and the month are read once.
fn month(text: &str, s: usize, c: &mut Caps) -> Option<usize> {
    let w = &*WORDS;
    let m0 = w.thang.at(text, s)?;
    let m = run(text, m0, 2)?;
    let with_year =
        separated(text, m, &['/', '-'], Some(&w.nam)).and_then(|y0| Some((y0, year(text, y0)?)));
    if let Some((y0, y)) = with_year {
        c.set(P::M5, m0, m);
        c.set(P::Y5, y0, y);
        return Some(y);
    }
    boundary(text, m).then_some(())?;
    c.set(P::M6, m0, m);
    Some(m)
}

/// `qu[ýí] (?P<q>IV|I{1,3}|[1-4])\s*(?:/|-|–|năm)\s*(?P<yq>[0-9]{4})`: the quarter's
/// readings in the order a backtracking search tries them. (At most one of them can be
/// followed by a separator — a shorter run of "I" is followed by another "I" or a "V" — so
/// the order, kept for clarity, changes no match: the tests cannot tell it.)
fn quarter(text: &str, s: usize, c: &mut Caps) -> Option<usize> {
    let w = &*WORDS;
    let at = w.qu.at(text, s)?;
    let vowel = char_at(text, at).filter(|&v| w.acute_y.takes(v) || w.acute_i.takes(v))?;
    let q0 = one_of(text, at + vowel.len_utf8(), &[' '])?;
    // A Roman letter's end: folded letters may be longer than one byte.
    let letter = |at: usize, l: &Letter| {
        let ch = char_at(text, at).filter(|&ch| l.takes(ch))?;
        Some(at + ch.len_utf8())
    };
    // `IV`, then `I{1,3}` longest first, then a digit.
    let one = letter(q0, &w.roman_i);
    let two = one.and_then(|i| letter(i, &w.roman_i));
    let three = two.and_then(|i| letter(i, &w.roman_i));
    let four = one.and_then(|i| letter(i, &w.roman_v));
    let digit = one_of(text, q0, &['1', '2', '3', '4']);
    let mut readings = [four, three, two, one, digit].into_iter().flatten();
    readings.find_map(|q| {
        let y0 = separated(text, q, &['/', '-', '–'], Some(&w.nam))?;
        let y = year(text, y0)?;
        c.set(P::Q, q0, q);
        c.set(P::Yq, y0, y);
        Some(y)
    })
}

/// `(?:năm )?(?P<ya>[0-9]{4})\s*[-–—]\s*(?P<yb>[0-9]{4})`, else `năm (?P<y7>[0-9]{4})`: two
/// alternatives one after the other that start alike, so "năm" and the first year are read
/// once. (Without its "năm", the range cannot match where "năm" stands: a year is digits.)
fn years(text: &str, s: usize, c: &mut Caps) -> Option<usize> {
    let nam = WORDS.nam_before.at(text, s);
    let a0 = nam.unwrap_or(s);
    let a = year(text, a0)?;
    let range =
        separated(text, a, &['-', '–', '—'], None).and_then(|b0| Some((b0, year(text, b0)?)));
    if let Some((b0, b)) = range {
        c.set(P::Ya, a0, a);
        c.set(P::Yb, b0, b);
        return Some(b);
    }
    nam?;
    c.set(P::Y7, a0, a);
    Some(a)
}

#[cfg(test)]
pub(super) mod tests {
    use std::sync::LazyLock;

    use regex::Regex;

    use super::*;
    use crate::deadlines::alternation;

    /// The pattern this reader replaces, as it was: the reference of the tests.
    // Digits and spaces as ASCII classes (`[0-9]`, `(?-u:\s)`): the text is normalised (odd spaces
    // are plain spaces), a date's numbers are read with `str::parse`, which takes ASCII digits
    // only, and the Unicode classes made the patterns' automata large — compiling them was about
    // 15 % of a one-document `vanban extract` (the same bytes on every bundled document).
    pub(in crate::deadlines) static REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
        let half = alternation(&["first_half", "second_half"]);
        let every = alternation(&["yearly", "quarterly", "monthly", "weekly"]);
        let pattern = [
            r"(?i)(?P<n>[0-9]{1,3}) ngày(?P<work> làm việc)?,? (?:kể )?từ (?P<anchor>[^,.;()]{0,40})",
            &format!(r"|(?P<half>{half}) (?P<yh>[0-9]{{4}})"),
            r"|(?P<d1>[0-9]{1,2})(?-u:\s)*[/.-](?-u:\s)*(?P<m1>[0-9]{1,2})(?-u:\s)*[/.-](?-u:\s)*(?P<y1>[0-9]{4})",
            r"|(?P<d2>[0-9]{1,2}) tháng (?P<m2>[0-9]{1,2}) năm (?P<y2>[0-9]{4})",
            &format!(r"|(?P<d4>[0-9]{{1,2}}) (?P<every>{every})"),
            // After digits, an ASCII word boundary: a Unicode `\b` stops the regex crate's lazy
            // DFA at the first non-ASCII letter, and every Vietnamese text then fell back to the
            // backtracker (a third of parse + extract; outputs on the corpus are the same bytes).
            r"|(?P<d3>[0-9]{1,2})(?: tháng |/)(?P<m3>[0-9]{1,2})(?-u:\b)",
            r"|tháng (?P<m5>[0-9]{1,2})(?-u:\s)*(?:/|-|năm)(?-u:\s)*(?P<y5>[0-9]{4})",
            r"|tháng (?P<m6>[0-9]{1,2})(?-u:\b)",
            r"|qu[ýí] (?P<q>IV|I{1,3}|[1-4])(?-u:\s)*(?:/|-|–|năm)(?-u:\s)*(?P<yq>[0-9]{4})",
            r"|(?:năm )?(?P<ya>[0-9]{4})(?-u:\s)*[-–—](?-u:\s)*(?P<yb>[0-9]{4})",
            r"|năm (?P<y7>[0-9]{4})",
        ]
        .concat();
        Regex::new(&pattern).unwrap_or_else(|e| unreachable!("deadline pattern: {e}"))
    });

    /// Each match as the pattern reports it: the whole and every named part.
    type Found = Vec<((usize, usize), Vec<(&'static str, usize, usize)>)>;

    fn by_pattern(text: &str) -> Found {
        REFERENCE
            .captures_iter(text)
            .map(|c| {
                let whole = c.get(0).map_or((0, 0), |m| (m.start(), m.end()));
                let parts = NAMES
                    .iter()
                    .filter_map(|&n| c.name(n).map(|m| (n, m.start(), m.end())))
                    .collect();
                (whole, parts)
            })
            .collect()
    }

    fn by_hand(text: &str) -> Found {
        captures_iter(text)
            .map(|c| {
                let w = c.whole();
                let parts = NAMES
                    .iter()
                    .zip(c.parts.iter())
                    .filter_map(|(&n, p)| p.map(|(a, b)| (n, a, b)))
                    .collect();
                ((w.start(), w.end()), parts)
            })
            .collect()
    }

    /// The hand reading and the pattern agree on every text of the seed and the corpus and
    /// on each of their lines.
    #[test]
    fn the_reader_matches_as_the_pattern_on_the_corpus() {
        let mut matches = 0;
        for text in crate::testing::seed_and_corpus() {
            let found = by_pattern(&text);
            matches += found.len();
            assert_eq!(by_hand(&text), found);
            for line in text.lines() {
                assert_eq!(by_hand(line), by_pattern(line), "{line:?}");
            }
        }
        assert!(matches > 1_500, "{matches}");
    }

    /// Pieces the pattern reads, in every case and with the characters Unicode's case
    /// folding lets stand for a letter ("K" Kelvin sign for "k", long "ſ"), glued at random.
    const PIECES: &[&str] = &[
        "1",
        "2",
        "4",
        "12",
        "31",
        "123",
        "2025",
        "20251",
        "0",
        " ",
        "  ",
        "\t",
        "\n",
        "\u{b}",
        "/",
        ".",
        "-",
        "–",
        "—",
        ",",
        ";",
        "(",
        ")",
        "_",
        "a",
        "x",
        "é",
        "ngày",
        "Ngày",
        "NGÀY",
        "ngay",
        " làm việc",
        " LÀM VIỆC",
        "kể",
        "\u{212a}ể",
        "KỂ",
        "từ",
        "TỪ",
        "tháng",
        "Tháng",
        "THÁNG",
        "thang",
        "năm",
        "Năm",
        "NĂM",
        "nam",
        "quý",
        "Quý",
        "QUÝ",
        "quí",
        "QUÍ",
        "qúy",
        "I",
        "i",
        "V",
        "v",
        "IV",
        "II",
        "III",
        "IIII",
        "ı",
        "İ",
        "6 tháng đầu năm",
        "06 tháng cuối năm",
        "6 THÁNG ĐẦU NĂM",
        "hằng tháng",
        "Hàng Tuần",
        "HẰNG NĂM",
        "hàng quý",
        "ſ",
        "ngày ký",
        "kể từ ngày ban hành",
        "15/12/2025",
        "5 / 1 /2026",
        "ngày 10 tháng 12 năm 2025",
        "tháng 11/2025",
        "tháng 3 năm 2026",
        "quý IV/2025",
        "Quý 2 năm 2026",
        "2021-2025",
        "năm 2030",
        "15 ngày làm việc, kể từ ",
        "30 ngày từ ",
        "6 tháng đầu năm 2026",
        "05 hằng tháng",
        "10/12",
        "ngày 5 tháng 6",
    ];

    /// The hand reading and the pattern agree on 300 000 texts glued from [`PIECES`].
    #[test]
    fn the_reader_matches_as_the_pattern_on_glued_pieces() {
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            usize::try_from(seed % n as u64).unwrap_or(0)
        };
        let mut matches = 0;
        for _ in 0..300_000 {
            let len = 1 + next(12);
            let text: String = (0..len).map(|_| PIECES[next(PIECES.len())]).collect();
            let found = by_pattern(&text);
            matches += found.len();
            assert_eq!(by_hand(&text), found, "{text:?}");
        }
        assert!(matches > 100_000, "{matches}");
    }
}
