//! OCR-tolerant matching of the fixed vocabulary of headers, type names and closings.
//!
//! OCR of signed scans garbles tone marks in exactly the words every document carries:
//! "ĐÁNG" for ĐẢNG, "CHẮÁP"/"CHÁP" for CHẤP, "TÍNH ỦY" for TỈNH ỦY, "KÉT LUẬN", "LÀN THỨ",
//! "Nơi nhân", "BẠN CHẬP HÀNH TRÙNG ƯƠNG". A word matches *loosely* when its letters without
//! any mark (đ counts as d) are the same as the known word's, or — for words of four letters
//! or more — differ by one letter inserted, dropped or changed. Callers use this only for the
//! known words of a position (the Party heading, an issuer line, a type line), never to
//! rewrite text: the document keeps what it says, the extracted field gets the canonical
//! spelling, and each tolerated match is reported.

use unicode_normalization::char::decompose_canonical;

/// How a word or phrase matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Match {
    /// The same letters and marks (case aside).
    Exact,
    /// The same letters once marks are set aside, or one letter apart: an OCR reading.
    Tolerant,
}

/// The base letter of `c` in lower case: marks removed, đ as d. The letters of Vietnamese
/// (U+00C0–U+01B0, U+1EA0–U+1EF9) are looked up in a table made once.
pub fn base_letter(c: char) -> char {
    static TABLE: std::sync::LazyLock<Vec<char>> = std::sync::LazyLock::new(|| {
        RANGES
            .iter()
            .flat_map(|r| r.clone())
            .map(|u| char::from_u32(u).map_or('\0', decomposed_base))
            .collect()
    });
    const RANGES: [std::ops::RangeInclusive<u32>; 2] = [0xC0..=0x1B0, 0x1EA0..=0x1EF9];
    let u = u32::from(c);
    let (a, b) = (RANGES[0].clone(), RANGES[1].clone());
    let slot = if a.contains(&u) {
        Some(u - a.start())
    } else if b.contains(&u) {
        Some(u - b.start() + (a.end() - a.start() + 1))
    } else {
        None
    };
    match slot.and_then(|i| TABLE.get(i as usize)) {
        Some(&base) => base,
        None => decomposed_base(c),
    }
}

/// The base letter of `c` through Unicode decomposition.
fn decomposed_base(c: char) -> char {
    let mut base = c;
    decompose_canonical(c, |d| {
        if base == c {
            base = d;
        }
    });
    match base {
        'đ' | 'Đ' => 'd',
        b => b.to_lowercase().next().unwrap_or(b),
    }
}

/// The letters of a word without marks, lower case.
pub fn skeleton(word: &str) -> String {
    word.chars()
        .filter(|c| c.is_alphanumeric())
        .map(base_letter)
        .collect()
}

/// The letters of the skeleton of `word` (see [`skeleton`]), one at a time, without
/// allocating (an ASCII letter needs no table).
fn skeleton_letters(word: &str) -> impl Iterator<Item = char> + '_ {
    word.chars()
        .filter(|&c| crate::is_alphanumeric(c))
        .map(|c| {
            if c.is_ascii() {
                c.to_ascii_lowercase()
            } else {
                base_letter(c)
            }
        })
}

/// Whether the skeleton of `word` (see [`skeleton`]) is `letters`, read without allocating.
pub fn same_letters(word: &str, letters: &str) -> bool {
    skeleton_letters(word).eq(letters.chars())
}

/// The skeleton of a short word in a fixed buffer (`None` when the word is longer).
struct Skeleton {
    buf: [char; 40],
    len: usize,
}

impl Skeleton {
    fn of(word: &str) -> Option<Skeleton> {
        let mut s = Skeleton {
            buf: ['\0'; 40],
            len: 0,
        };
        for c in skeleton_letters(word) {
            *s.buf.get_mut(s.len)? = c;
            s.len += 1;
        }
        Some(s)
    }

    fn letters(&self) -> &[char] {
        self.buf.get(..self.len).unwrap_or(&[])
    }
}

/// Whether two skeletons are at most one edit apart (insertion, deletion, substitution).
fn one_edit_apart(a: &[char], b: &[char]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let mut i = 0;
    while i < short.len() && short[i] == long[i] {
        i += 1;
    }
    if short.len() == long.len() {
        short[i + 1..] == long[i + 1..] || i == short.len()
    } else {
        short[i..] == long[i + 1..]
    }
}

/// How `word` (as read) matches `known` (the canonical word), if at all.
pub fn word(read: &str, known: &str) -> Option<Match> {
    let (r, k) = (trim_punct(read), trim_punct(known));
    // The same letters are the same word (what `matched` finds with its folds: a test).
    if r == k {
        return Some(Match::Exact);
    }
    // Skeletons at most one edit apart share a letter among their first two, at the same
    // place or one place apart: most words are turned away on that, reading two letters.
    if !shares_first_letters(first_letters(r), first_letters(k)) {
        return None;
    }
    matched(r, k)
}

/// Whether two words' first letters (see [`first_letters`]) leave them possibly one edit
/// apart: one letter the same at the same place or one place apart. Two words whose first
/// letters do not meet never match by [`word`]: a caller trying many known words on one word
/// read turns most away on this, the first letters of each read once.
pub fn shares_first_letters(a: [Option<char>; 2], b: [Option<char>; 2]) -> bool {
    a[0] == b[0] || a[1] == b[1] || a[0] == b[1] || a[1] == b[0]
}

/// The first two letters of the skeleton of `word` (see [`skeleton`]; punctuation around
/// the word does not count).
pub fn first_letters(word: &str) -> [Option<char>; 2] {
    let mut letters = skeleton_letters(word);
    [letters.next(), letters.next()]
}

/// [`word`] on words trimmed of punctuation, without the look at the first letters.
fn matched(r: &str, k: &str) -> Option<Match> {
    // Words that agree in case and tone placement have the same skeleton, so skeletons more
    // than one edit apart rule out every kind of match. Checked without allocating: this is
    // called for the first word of many lines.
    if let (Some(rs), Some(ks)) = (Skeleton::of(r), Skeleton::of(k)) {
        let (rs, ks) = (rs.letters(), ks.letters());
        if rs != ks && !(ks.len() >= 4 && one_edit_apart(rs, ks)) {
            return None;
        }
    }
    // Case and the placement of a tone mark ("UỶ"/"ỦY") are spelling, not misreading.
    if crate::fold::fold_tones(r) == crate::fold::fold_tones(k) {
        return Some(Match::Exact);
    }
    let (rs, ks) = (skeleton(r), skeleton(k));
    if rs.is_empty() || ks.is_empty() {
        return None;
    }
    if rs == ks {
        return Some(Match::Tolerant);
    }
    let (rc, kc): (Vec<char>, Vec<char>) = (rs.chars().collect(), ks.chars().collect());
    (kc.len() >= 4 && one_edit_apart(&rc, &kc)).then_some(Match::Tolerant)
}

fn trim_punct(s: &str) -> &str {
    s.trim_matches(|c: char| !crate::is_alphanumeric(c))
}

/// Whether `text` starts with `phrase` word by word, loosely: the byte length of `text` the
/// phrase covers (up to the end of its last word) and how well it matched (the worst word).
/// Words are separated by white space; punctuation around a word does not count.
pub fn starts_with(text: &str, phrase: &str) -> Option<(usize, Match)> {
    let mut worst = Match::Exact;
    let mut rest = text;
    let mut consumed = 0;
    for known in phrase.split_whitespace() {
        let trimmed = rest.trim_start();
        consumed += rest.len() - trimmed.len();
        let end = trimmed.find(char::is_whitespace).unwrap_or(trimmed.len());
        let (read, after) = trimmed.split_at_checked(end)?;
        worst = worst.max(word(read, known)?);
        consumed += end;
        rest = after;
    }
    Some((consumed, worst))
}

/// The first place in `text` where `phrase` stands loosely, starting at a word: (start, end,
/// match). `end` is the end of the last word of the phrase as read.
pub fn find(text: &str, phrase: &str) -> Option<(usize, usize, Match)> {
    Words::of(text).find(phrase)
}

/// A text read once into its word starts and the first letters of each word, for looking up
/// several phrases in it ([`Words::find`] is [`find`]; a header cell is looked at for each
/// of the mottos).
pub struct Words<'a> {
    text: &'a str,
    /// Where a phrase may start (see `word_starts`), with the first letters of the word read
    /// there.
    starts: Vec<(usize, [Option<char>; 2])>,
    /// How many words the text holds.
    count: usize,
}

impl<'a> Words<'a> {
    /// The words of `text`.
    pub fn of(text: &'a str) -> Words<'a> {
        let starts = word_starts(text)
            .map(|at| {
                let rest = text.get(at..).unwrap_or_default().trim_start();
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                let read = rest.get(..end).unwrap_or(rest);
                (at, first_letters(trim_punct(read)))
            })
            .collect();
        Words {
            text,
            starts,
            count: text.split_whitespace().count(),
        }
    }

    /// [`find`] in the text.
    pub fn find(&self, phrase: &str) -> Option<(usize, usize, Match)> {
        // Each word of the phrase that holds a letter or digit reads a word of the text that
        // holds something (an empty read matches only a word of punctuation): a text of
        // fewer words holds the phrase nowhere (a header cell of four words and a motto of
        // five).
        let needed = phrase
            .split_whitespace()
            .filter(|w| w.chars().any(crate::is_alphanumeric))
            .count();
        if self.count < needed {
            return None;
        }
        // The first letters of the phrase's first word: a word that shares none of them
        // where `word` looks is no start of the phrase (and `starts_with` is not asked).
        let first = phrase
            .split_whitespace()
            .next()
            .map(|k| first_letters(trim_punct(k)));
        self.starts.iter().find_map(|&(at, letters)| {
            if first.is_some_and(|b| !shares_first_letters(letters, b)) {
                return None;
            }
            let rest = self.text.get(at..)?;
            let (len, m) = starts_with(rest, phrase)?;
            let lead = rest.len() - rest.trim_start().len();
            Some((at + lead, at + len, m))
        })
    }
}

/// [`find`] without the count of words and the words read once: the phrase tried at every
/// word (what [`Words`] is tested against).
#[cfg(test)]
fn find_at_words(text: &str, phrase: &str) -> Option<(usize, usize, Match)> {
    let first = phrase
        .split_whitespace()
        .next()
        .map(|k| first_letters(trim_punct(k)));
    word_starts(text).find_map(|at| {
        let rest = text.get(at..)?;
        let may_start = first.is_none_or(|b| {
            let trimmed = rest.trim_start();
            let end = trimmed.find(char::is_whitespace).unwrap_or(trimmed.len());
            let read = trimmed.get(..end).unwrap_or(trimmed);
            shares_first_letters(first_letters(trim_punct(read)), b)
        });
        let (len, m) = may_start.then(|| starts_with(rest, phrase))??;
        let lead = rest.len() - rest.trim_start().len();
        Some((at + lead, at + len, m))
    })
}

/// Where `find` tries its phrase: the start of `text`, then each word start after white space.
fn word_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    let mut next = Some(0);
    std::iter::from_fn(move || {
        let at = next?;
        let rest = text.get(at..).unwrap_or_default();
        next = rest.find(char::is_whitespace).and_then(|skip| {
            let after = rest.get(skip..)?;
            let n = at + skip + (after.len() - after.trim_start().len());
            (n < text.len()).then_some(n)
        });
        Some(at)
    })
}

/// Whether the whole of `text` (white space and surrounding punctuation aside) is `phrase`,
/// loosely.
pub fn equals(text: &str, phrase: &str) -> Option<Match> {
    let (len, m) = starts_with(text, phrase)?;
    let tail = text.get(len..).unwrap_or("");
    tail.chars()
        .all(|c| c.is_whitespace() || !c.is_alphanumeric())
        .then_some(m)
}

/// Whether a phrase's letters (as [`unmarked`] gives them) start as a text's first word does,
/// given that word's first two letters ([`first_letters`]): a phrase is looked at
/// ([`starts_with_unmarked`]) only when they do.
pub fn leads_alike(lead: [Option<char>; 2], letters: &str) -> bool {
    let mut l = letters.chars();
    lead[0].is_some() && [l.next(), l.next()] == lead
}

/// Whether the words of `text` start with the words of `letters` (a phrase as [`unmarked`]
/// gives it), each word read with its marks set aside and the punctuation around it aside
/// (as [`Unmarked`] reads a text, word by word and without a copy of it), and
/// are not a word of their own ([`HOMOGRAPHS`]).
pub fn starts_with_unmarked(text: &str, letters: &str) -> bool {
    let mut words = text.split_whitespace();
    !letters.is_empty()
        && letters
            .split(' ')
            .all(|l| words.next().is_some_and(|w| same_letters(w, l)))
        && !homograph(letters, || {
            text.split_whitespace().take(letters.split(' ').count())
        })
}

/// Words whose letters, marks aside, are a cue's, and which mean something else: read as
/// written, never as the cue ("Công năng, chủ trị" is a medicine's indications, no lead; "thấy
/// thế" no "thay thế"; "Cần cù, sáng tạo" no "Căn cứ"; "Dòng thời gian" no "Đồng thời";
/// "bán hàng" no "ban hành"; "Ủy ban nhân dân cùng cấp" no "cung cấp"; "văn bản hành chính",
/// "phần công việc", "để xuất khẩu", "danh giá" no "ban hành", "phân công", "đề xuất", "đánh
/// giá").
pub const HOMOGRAPHS: &[&str] = &[
    "chủ trị",
    "thấy thế",
    "cần cù",
    "dòng thời",
    "bán hàng",
    "cùng cấp",
    "bản hành",
    "phần công",
    "để xuất",
    "danh giá",
];

/// Whether the words read (punctuation around them aside), whose letters with marks aside are
/// `letters`, are one of [`HOMOGRAPHS`]: looked at only when the letters are a homograph's.
fn homograph<'w, W: Iterator<Item = &'w str>>(letters: &str, words: impl FnOnce() -> W) -> bool {
    static LETTERS: std::sync::LazyLock<Vec<String>> =
        std::sync::LazyLock::new(|| HOMOGRAPHS.iter().map(|h| unmarked(h)).collect());
    if !LETTERS.iter().any(|l| l == letters) {
        return false;
    }
    let read: Vec<String> = words()
        .map(|w| crate::fold::fold_case(trim_punct(w)))
        .collect();
    HOMOGRAPHS.contains(&read.join(" ").as_str())
}

/// A text read with its marks set aside, for finding a cue phrase in running text whose marks
/// OCR lost or misread ("Thực hiên Chỉ thị số …", a column "Cơ quan chu trì"): every letter is
/// its base letter in lower case ([`base_letter`]), every run of white space one space, and
/// nothing else changes. Unlike [`word`], no letter may differ: a phrase of short words one
/// letter apart from a cue is another phrase more often than a misreading. Callers look for
/// the exact phrase first and fall back on this only where it is not found. The phrases are
/// given as [`unmarked`] makes them, once for a list.
pub struct Unmarked<'a> {
    text: &'a str,
    letters: String,
}

/// The letters of `phrase` (trimmed) with its marks set aside, as [`Unmarked`] reads a text.
pub fn unmarked(phrase: &str) -> String {
    Unmarked::of(phrase.trim()).letters
}

/// The characters of `text` as [`Unmarked`] reads them: where each starts in `text`, and what
/// it becomes (`None`: white space after white space, left out).
fn bases(text: &str) -> impl Iterator<Item = (usize, Option<char>)> + '_ {
    let mut space = false;
    text.char_indices().map(move |(i, c)| {
        // (An ASCII letter or sign is most of a text.)
        let base = if c.is_ascii() && !c.is_ascii_whitespace() {
            c.to_ascii_lowercase()
        } else if c.is_whitespace() {
            ' '
        } else {
            base_letter(c)
        };
        let skip = base == ' ' && space;
        space = base == ' ';
        (i, (!skip).then_some(base))
    })
}

impl<'a> Unmarked<'a> {
    /// The letters of `text`, marks aside.
    pub fn of(text: &'a str) -> Unmarked<'a> {
        let mut letters = String::with_capacity(text.len());
        letters.extend(bases(text).filter_map(|(_, c)| c));
        Unmarked { text, letters }
    }

    /// Where in the text the letters at bytes `s` and `e` of the letters come from (the
    /// text's end for the letters' end): the text read again up to them, as only a match asks.
    fn source(&self, s: usize, e: usize) -> Option<(usize, usize)> {
        let (mut made, mut start) = (0, None);
        for (i, c) in bases(self.text) {
            if made == s && start.is_none() {
                start = Some(i);
            }
            if made == e {
                return Some((start?, i));
            }
            made += c.map_or(0, char::len_utf8);
        }
        (made == e).then_some((
            start.or((made == s).then_some(self.text.len()))?,
            self.text.len(),
        ))
    }

    /// Where `letters` (a phrase as [`unmarked`] gives it) last stands in the text as whole
    /// words: its start and end in the text.
    pub fn rfind(&self, letters: &str) -> Option<(usize, usize)> {
        // Tried at each place the phrase's first letter stands after no letter, from the end:
        // a byte compared a place (a searcher made for each short phrase cost more).
        let (text, phrase) = (self.letters.as_bytes(), letters.as_bytes());
        let &first = phrase.first()?;
        (0..text.len()).rev().find_map(|s| {
            let starts = text.get(s) == Some(&first)
                && s.checked_sub(1)
                    .and_then(|b| text.get(b))
                    .is_none_or(|b| !b.is_ascii_alphanumeric())
                && text.get(s..).is_some_and(|t| t.starts_with(phrase));
            starts.then(|| self.whole(s, s + phrase.len())).flatten()
        })
    }

    /// Every place one of `phrases` (each as [`unmarked`] gives it) stands in the text as
    /// whole words: the phrase's index, its start and end in the text. Each place of the text
    /// is looked at once, for the phrases that start with its letter.
    pub fn matches<'p>(
        &'p self,
        phrases: &'p [String],
    ) -> impl Iterator<Item = (usize, usize, usize)> + 'p {
        let text = self.letters.as_bytes();
        (0..text.len())
            .filter(move |&s| {
                s.checked_sub(1)
                    .and_then(|b| text.get(b))
                    .is_none_or(|b| !b.is_ascii_alphanumeric())
            })
            .flat_map(move |s| {
                let rest = text.get(s..).unwrap_or_default();
                phrases.iter().enumerate().filter_map(move |(i, p)| {
                    let p = p.as_bytes();
                    (p.first().is_some_and(|f| rest.first() == Some(f)) && rest.starts_with(p))
                        .then(|| self.whole(s, s + p.len()))
                        .flatten()
                        .map(|(start, end)| (i, start, end))
                })
            })
    }

    /// The span in the text of `letters[s..e]`, if it starts and ends at word edges.
    fn whole(&self, s: usize, e: usize) -> Option<(usize, usize)> {
        // (A base letter is a letter as its character is, so the edges are looked at in the
        // letters: the text is read again only for a whole match.)
        if !crate::whole_word(&self.letters, s, e) {
            return None;
        }
        let (start, end) = self.source(s, e)?;
        let read = self.text.get(start..end)?;
        let letters = self.letters.get(s..e)?;
        (!homograph(letters, || read.split_whitespace())).then_some((start, end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phrase_is_found_with_its_marks_lost_or_misread_and_only_whole() {
        let gap = "ban hành. Thực  hiên Chỉ thị số";
        let u = Unmarked::of(gap);
        let found = u.rfind(&unmarked("thực hiện"));
        assert_eq!(found.and_then(|(s, e)| gap.get(s..e)), Some("Thực  hiên"));
        // The last of two, and only whole words.
        let two = "thuc hien va THỤC HIỆN";
        assert_eq!(
            Unmarked::of(two).rfind(&unmarked("thực hiện")),
            Some((13, two.len()))
        );
        assert!(Unmarked::of("thực hiệnx")
            .rfind(&unmarked("thực hiện"))
            .is_none());
        assert!(Unmarked::of("xthực hiện")
            .rfind(&unmarked("thực hiện"))
            .is_none());
        // Only marks: a letter more, less or other is another phrase.
        assert!(Unmarked::of("thức hiệu")
            .rfind(&unmarked("thực hiện"))
            .is_none());
        assert!(Unmarked::of("Cơ quan,\ntổ chức đảng\nchu trì")
            .rfind(&unmarked("chủ trì"))
            .is_some());
        assert!(Unmarked::of("đảng ĐƯỢC")
            .rfind(&unmarked("dang duoc"))
            .is_some());
        assert!(Unmarked::of("").rfind(&unmarked("chủ trì")).is_none());
        assert!(starts_with_unmarked("Căn cú Luật", &unmarked("căn cứ")));
        assert!(!starts_with_unmarked("Căn cúx Luật", &unmarked("căn cứ")));
        assert!(!starts_with_unmarked("Về căn cứ", &unmarked("căn cứ")));
        assert!(Unmarked::of("chủ trì").rfind(&unmarked(" ")).is_none());
        assert!(starts_with_unmarked("*Căn cú*, Luật", &unmarked("căn cứ")));
        assert!(!starts_with_unmarked("Căn cúx Luật", &unmarked("căn cứ")));
        assert!(!starts_with_unmarked("Căn", &unmarked("căn cứ")));
        assert!(!starts_with_unmarked("Căn cứ", ""));
        // A word of its own is not the cue it looks like.
        assert!(!starts_with_unmarked(
            "Cần cù, sáng tạo",
            &unmarked("căn cứ")
        ));
        assert!(Unmarked::of("Công năng, chủ trị")
            .rfind(&unmarked("chủ trì"))
            .is_none());
        assert!(!starts_with_unmarked("bán hàng", &unmarked("ban hành")));
        assert!(!starts_with_unmarked("cùng cấp", &unmarked("cung cấp")));
        assert!(starts_with_unmarked("cung câp", &unmarked("cung cấp")));
        assert!(starts_with_unmarked("ban hanh", &unmarked("ban hành")));
        assert!(Unmarked::of("Công năng, chu trì")
            .rfind(&unmarked("chủ trì"))
            .is_some());
        let phrases = [unmarked("thực hiện"), unmarked("hiện"), unmarked("căn cứ")];
        let found: Vec<_> = Unmarked::of("Căn cú, thưc hiên")
            .matches(&phrases)
            .collect();
        assert_eq!(found, [(2, 0, 8), (0, 10, 21), (1, 16, 21)]);
    }

    #[test]
    fn the_table_of_base_letters_agrees_with_decomposition() {
        for c in ('\u{0}'..='\u{2000}').chain('\u{1E00}'..='\u{1FFF}') {
            assert_eq!(base_letter(c), decomposed_base(c), "{c:?}");
            // (`Unmarked` looks at a match's edges in the base letters.)
            assert_eq!(
                base_letter(c).is_alphanumeric(),
                c.is_alphanumeric(),
                "{c:?}"
            );
        }
        assert_eq!(base_letter('Ỷ'), 'y');
        assert_eq!(base_letter('đ'), 'd');
    }

    /// A word read as written is an exact match by the full comparison too: the shortcut
    /// `word` takes for equal words gives `matched`'s answer, on every word of a few pieces
    /// (letters with and without marks, upper case, digits, punctuation) and the empty word.
    /// `same_letters` compares with the skeleton as `skeleton` makes it, without allocating.
    #[test]
    fn same_letters_is_the_skeletons_comparison() {
        let pieces = ["Đ", "ả", "NG", "uỷ", "ư", "o", "á", "1", ".", "x"];
        let words = crate::testing::compositions(&pieces, 3);
        for w in &words {
            for k in ["dang", "uu", "ngu", "d1", "", "đa"] {
                assert_eq!(same_letters(w, k), skeleton(w) == k, "{w:?} {k:?}");
            }
        }
    }

    #[test]
    fn equal_words_match_exactly_by_the_full_comparison() {
        let pieces = ["Đ", "ả", "NG", "uỷ", "ủy", "o", "á", "1", ".", "x"];
        let mut words = crate::testing::compositions(&pieces, 4);
        words.extend(["".to_owned(), "Thành".repeat(12)]);
        for w in &words {
            let t = trim_punct(w);
            assert_eq!(matched(t, t), Some(Match::Exact), "{w:?}");
            assert_eq!(word(w, w), Some(Match::Exact), "{w:?}");
        }
    }

    /// A text with fewer words than the phrase's words with letters is turned away without a
    /// look, a text read once answers every phrase, and the answer is the look's: every text of up to four words of a few pieces
    /// (words, misread words, dashes, empty words between double spaces) against phrases of
    /// one to five words, some of dashes.
    #[test]
    fn counting_words_first_finds_what_trying_every_word_finds() {
        // (Pieces ending in a space: the compositions are texts of words.)
        let pieces = ["ĐẢNG ", "ĐÁNG ", "CỘNG ", "SẢN ", "- ", " ", "Độc ", "lập "];
        let texts = crate::testing::compositions(&pieces, 4)
            .into_iter()
            .flat_map(|t| [t.clone(), format!(" {t}"), t.trim_end().replace('Đ', "xĐ")]);
        let phrases = [
            "ĐẢNG CỘNG SẢN",
            "ĐẢNG",
            "-",
            "- -",
            "CỘNG -",
            "- SẢN",
            "Độc lập - CỘNG SẢN",
            "ĐẢNG CỘNG SẢN VIỆT NAM",
        ];
        let (mut found, mut turned_away) = (0, 0);
        for t in texts {
            // (One reading of the text for every phrase, as the mottos are looked up.)
            let words = Words::of(&t);
            for p in phrases {
                let want = find_at_words(&t, p);
                assert_eq!(find(&t, p), want, "{t:?} / {p:?}");
                assert_eq!(words.find(p), want, "{t:?} / {p:?}, words read once");
                found += usize::from(want.is_some());
                turned_away += usize::from(t.split_whitespace().count() < 3);
            }
        }
        assert!(found > 1000 && turned_away > 100, "{found} {turned_away}");
    }

    #[test]
    fn ocr_readings_of_header_words_match_tolerantly() {
        for (read, known) in [
            ("ĐÁNG", "ĐẢNG"),
            ("CHẮÁP", "CHẤP"),
            ("CHÁP", "CHẤP"),
            ("TÍNH", "TỈNH"),
            ("KÉT", "KẾT"),
            ("LÀN", "LẦN"),
            ("nhân", "nhận"),
            ("BẠN", "BAN"),
            ("TRÙNG", "TRUNG"),
            ("CUA", "CỦA"),
            ("YÊU", "YÊU"),
        ] {
            assert!(word(read, known).is_some(), "{read} ~ {known}");
        }
        assert_eq!(word("Đảng", "ĐẢNG"), Some(Match::Exact));
        assert_eq!(word("ĐÁNG", "ĐẢNG"), Some(Match::Tolerant));
        assert_eq!(
            word("UỶ", "ỦY"),
            Some(Match::Exact),
            "a tone placement is spelling"
        );
    }

    #[test]
    fn other_words_do_not_match() {
        for (read, known) in [
            ("BAN", "BỘ"),
            ("TỈNH", "THÀNH"),
            ("LÀO", "LAI"),
            ("TÂY", "TAM"),
            ("ỦY", "UBND"),
        ] {
            assert_eq!(word(read, known), None, "{read} !~ {known}");
        }
        // Short words need the same letters: "ban" is not "bao".
        assert_eq!(word("BAO", "BAN"), None);
    }

    /// The look at the first two letters turns away only words that match in no way: every
    /// word of a document against the words of the header vocabulary, and every reading one
    /// letter apart (changed, dropped or added at each of the first three places, with marks
    /// or not) of each of those words.
    #[test]
    fn the_first_letters_turn_away_only_words_that_do_not_match() {
        let known = [
            "ĐẢNG", "CỘNG", "SẢN", "VIỆT", "NAM", "HÒA", "CHẤP", "HÀNH", "TRUNG", "ƯƠNG", "TỈNH",
            "ỦY", "Nơi", "nhận", "KẾT", "LUẬN", "Độc", "lập", "A", "Đ1",
        ];
        let text = include_str!("../../../seeds/208-KH-UBND_2024_TuyenQuang.txt");
        let mut reads: Vec<String> = text.split_whitespace().map(str::to_owned).collect();
        for k in known {
            let chars: Vec<char> = k.chars().collect();
            for at in 0..3.min(chars.len() + 1) {
                for c in ['a', 'Ả', 'đ', 'x', 'N'] {
                    let mut changed = chars.clone();
                    if at < chars.len() {
                        changed[at] = c;
                        reads.push(changed.iter().collect());
                        let mut dropped = chars.clone();
                        dropped.remove(at);
                        reads.push(dropped.iter().collect());
                    }
                    let mut added = chars.clone();
                    added.insert(at, c);
                    reads.push(added.iter().collect());
                }
            }
        }
        let mut tolerated = 0;
        for k in known {
            for r in &reads {
                let m = matched(trim_punct(r), trim_punct(k));
                assert_eq!(word(r, k), m, "{r} ~ {k}");
                tolerated += usize::from(m == Some(Match::Tolerant));
            }
        }
        assert!(tolerated > 300, "{tolerated}");
    }

    /// `find` with its look at the first word's letters finds what trying every word start
    /// finds: each header phrase on every line of the seed, upper-cased too, and on a line
    /// holding OCR readings of it.
    #[test]
    fn find_looks_at_first_letters_without_missing_a_phrase() {
        let every_start = |text: &str, phrase: &str| {
            word_starts(text).find_map(|at| {
                let rest = text.get(at..)?;
                let (len, m) = starts_with(rest, phrase)?;
                Some((at + rest.len() - rest.trim_start().len(), at + len, m))
            })
        };
        let text = include_str!("../../../seeds/208-KH-UBND_2024_TuyenQuang.txt");
        let mut lines: Vec<String> = text
            .lines()
            .flat_map(|l| [l.to_owned(), l.to_uppercase()])
            .collect();
        lines.push("BAN CHẤP HÀNH TRUNG ƯƠNG ĐÁNG CỘNG SẢN VIỆT NAM".to_owned());
        lines.push("TỈNH ỦY LÀO CAI *ĐÀNG CỘNG SẢN VIỆT NAM".to_owned());
        // A first letter misread, dropped or added.
        for l in [
            "x BẢNG CỘNG SẢN VIỆT NAM",
            "x ẢNG CỘNG SẢN VIỆT NAM",
            "x OĐẢNG CỘNG SẢN VIỆT NAM",
        ] {
            lines.push(l.to_owned());
        }
        let mut found = 0;
        for phrase in [
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "ỦY BAN NHÂN DÂN",
            "Nơi nhận",
        ] {
            for l in &lines {
                let want = every_start(l, phrase);
                found += usize::from(want.is_some());
                assert_eq!(find(l, phrase), want, "{l:?} {phrase:?}");
            }
        }
        assert!(found >= 8, "{found}");
    }

    #[test]
    fn phrases_are_found_inside_a_line() {
        let line = "BAN CHẤP HÀNH TRUNG ƯƠNG ĐÁNG CỘNG SẢN VIỆT NAM";
        let (s, e, m) = find(line, "ĐẢNG CỘNG SẢN VIỆT NAM").expect("found");
        assert_eq!(line.get(s..e), Some("ĐÁNG CỘNG SẢN VIỆT NAM"));
        assert_eq!(m, Match::Tolerant);
        assert_eq!(find("TỈNH ỦY LÀO CAI", "ĐẢNG CỘNG SẢN"), None);
    }

    #[test]
    fn phrases_match_word_by_word() {
        let line = "BẠN CHÁP HÀNH TRÙNG ƯƠNG ĐẢNG.";
        let (len, m) = starts_with(line, "BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG").expect("match");
        assert_eq!(m, Match::Tolerant);
        assert_eq!(
            line.get(len..),
            Some(""),
            "the last word with its punctuation"
        );
        assert_eq!(
            equals(line, "BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG"),
            Some(Match::Tolerant)
        );
        assert_eq!(equals("Nơi nhân:", "Nơi nhận"), Some(Match::Tolerant));
        assert_eq!(
            equals("TÍNH ỦY LÀO CAI", "TỈNH ỦY"),
            None,
            "more words follow"
        );
        assert!(starts_with("TÍNH ỦY LÀO CAI", "TỈNH ỦY").is_some());
        assert_eq!(starts_with("BỘ CHÍNH TRỊ", "BAN CHẤP HÀNH"), None);
    }
}
