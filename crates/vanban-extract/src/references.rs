//! References to units: "điểm a khoản 2 Điều 5 Nghị định này", "khoản 1 và khoản 3 Điều 7",
//! "các Điều 3, 4 và 5", "từ Điều 5 đến Điều 9", "Điều này". Units of this document resolve
//! to element ids; units of a cited document keep that document's id.

use std::sync::{Arc, OnceLock};

use pest::Parser;
use regex::Regex;
use vanban_model::{Citation, Node, NodeKind, Reference, Span, Str, ThinVec};
use vanban_text::{squash_spaces, Sub};

use crate::citations::{CitationGrammar, Rule};
use crate::units::UnitIndex;
use crate::words::word_matches;

fn unit_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?:từ\s+|các\s+)?(?:điểm|khoản|điều|mục|chương|phần)\s")
            .unwrap_or_else(|e| unreachable!("static pattern: {e}"))
    })
}

/// One level of a reference: the unit word and its numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Level {
    word: String,
    numbers: Vec<String>,
    this: bool,
}

/// A reference as read: levels innermost first, a range flag, and its byte range.
struct Read {
    start: usize,
    end: usize,
    levels: Vec<Level>,
    /// "từ Điều 5 đến Điều 9": the numbers of the outermost level, from … to.
    range: Option<(String, String)>,
}

/// The rank of a unit word, smallest first.
fn rank(word: &str) -> usize {
    ["điểm", "khoản", "điều", "mục", "chương", "phần"]
        .iter()
        .position(|w| *w == word)
        .unwrap_or(0)
}

/// The levels of a chain, and where the reading ends when a comma led to a unit no higher
/// than the one before it (the reference ends before that comma).
fn read_chain(pair: pest::iterators::Pair<'_, Rule>) -> (Vec<Level>, Option<usize>) {
    let mut levels: Vec<Level> = Vec::new();
    let mut last_end = pair.as_span().start();
    for part in pair.into_inner() {
        let unit = if part.as_rule() == Rule::comma_unit {
            let Some(unit) = part.into_inner().next() else {
                break;
            };
            let word = unit
                .clone()
                .into_inner()
                .next()
                .map(|w| w.as_str().to_owned());
            let higher = levels
                .last()
                .zip(word)
                .is_some_and(|(l, w)| rank(&w) > rank(&l.word));
            if !higher {
                return (levels, Some(last_end));
            }
            unit
        } else {
            part
        };
        last_end = unit.as_span().end();
        let mut level = Level {
            word: String::new(),
            numbers: Vec::new(),
            this: false,
        };
        for p in unit.into_inner() {
            match p.as_rule() {
                Rule::unit_word_ref => level.word = p.as_str().to_owned(),
                Rule::unit_numbers => {
                    for n in p.into_inner() {
                        match n.as_rule() {
                            Rule::this => level.this = true,
                            Rule::unit_number => level.numbers.push(n.as_str().to_owned()),
                            _ => {}
                        }
                    }
                }
                _ => {}
            }
        }
        levels.push(level);
    }
    (levels, None)
}

/// Each reference read in `range`, given to `each` as it is read (a line of thousands holds
/// no list of readings).
fn find_refs(text: &str, folded: &str, range: (usize, usize), mut each: impl FnMut(Read)) {
    let (from, to) = range;
    let mut last_end = from;
    for m in word_matches(unit_regex(), folded.sub(from..to)) {
        let start = from + m.start();
        if start < last_end || !may_refer(folded.sub(from + m.end()..to)) {
            continue;
        }
        let window = vanban_text::window(folded.sub(..to), start, 400);
        let Some((len, levels, range)) = quick_unit(window).or_else(|| by_grammar(window)) else {
            continue;
        };
        let end = start + len;
        let read = Read {
            start,
            end,
            levels,
            range,
        };
        // A bare "Điều 5" in running text is a reference; "mục tiêu", "phần lớn" never parse.
        if read.levels.iter().all(|l| l.numbers.is_empty() && !l.this) {
            continue;
        }
        // A point is one letter: "điểm vi phạm" (a spot where a rule is broken) is no point
        // "vi", as the Roman numeral of "Mục VI" reads.
        let roman =
            |n: &String| n.len() > 1 && n.bytes().all(|b| matches!(b, b'i' | b'v' | b'x' | b'l'));
        if read
            .levels
            .iter()
            .any(|l| l.word == "điểm" && l.numbers.iter().any(roman))
        {
            continue;
        }
        // "Công ty Cổ phần Xi măng …" holds no "Phần XI": "cổ phần" is a share.
        if read.levels.first().is_some_and(|l| l.word == "phần") && after_co(folded, start) {
            continue;
        }
        // A heading's last word and the list's first marker ("I. QUAN ĐIỂM" / "1. Phát
        // triển …") are no reference: its number may not open a line as a marker does.
        if number_is_a_marker(folded.sub(start..to), end - start) {
            continue;
        }
        // "Điều 5." or "Chương II" at the start of a line is a heading, not a reference.
        // (Looking back over markup only, so a long line costs nothing.)
        let at_line_start = folded
            .sub(..start)
            .chars()
            .rev()
            .find(|c| !matches!(c, ' ' | '\t' | '*' | '_' | '#' | '|' | '>'))
            .is_none_or(|c| c == '\n');
        if at_line_start
            && !wrapped_into(text.sub(from..to), start - from, end - from)
            && !opens_sentence((text, folded), start, (end, to))
        {
            last_end = end;
            continue;
        }
        last_end = end;
        each(read);
    }
}

/// Whether the word before `start` is "cổ" ("cổ phần", a share).
fn after_co(folded: &str, start: usize) -> bool {
    let before = folded.sub(vanban_text::floor(folded, start.saturating_sub(12))..start);
    before
        .trim_end()
        .strip_suffix("cổ")
        .is_some_and(|rest| rest.is_empty() || rest.ends_with([' ', '\t', '\n', '*', '_']))
}

/// Whether a reference read at the start of `text` (`len` bytes) reaches across a line break
/// to a number that opens its line as a list's marker does ("điểm" / "1. Phát triển …"), or
/// across a blank line.
fn number_is_a_marker(text: &str, len: usize) -> bool {
    let read = text.sub(..len);
    let Some(feed) = read.rfind('\n') else {
        return false;
    };
    if read
        .sub(..feed)
        .trim_end_matches([' ', '\t'])
        .ends_with('\n')
    {
        return true;
    }
    let line = read
        .sub(feed + 1..)
        .trim_start_matches([' ', '\t', '*', '#', '_']);
    let after = text.sub(len..);
    // (A number, or a point's letter: "kiểm điểm" / "a) Trường hợp …".)
    let marker = line.bytes().all(|b| b.is_ascii_digit()) || line.chars().count() == 1;
    // (A marker has its text after it on the line: "Điều" / "12.   " ends a sentence.)
    let text_after = after
        .get(2..)
        .and_then(|t| t.split('\n').next())
        .is_some_and(|t| !t.trim().is_empty());
    marker && (after.starts_with(". ") || after.starts_with(") ")) && text_after
}

/// Whether the reference at `start..end` of `text`, which starts a line, is a hard-wrapped
/// sentence's words ("… quy định tại" / "khoản 1 Điều 20 của Luật này.") rather than a
/// heading: the line before it ends inside a sentence and is no upper-case heading, and the
/// line does not go on as a heading's does (a "." or ":" after the number, a title in
/// capitals, or nothing: "Chương II SOẠN THẢO …" / "Mục 1 THỂ THỨC …").
fn wrapped_into(text: &str, start: usize, end: usize) -> bool {
    let marks: &[char] = &[' ', '\t', '*', '_', '#', '|', '>'];
    let before = text.sub(..start).trim_end_matches(marks);
    let Some(prev) = before.strip_suffix('\n') else {
        return false;
    };
    let prev = prev
        .rsplit('\n')
        .next()
        .unwrap_or(prev)
        .trim_end_matches(marks);
    let rest = text.sub(end..);
    let rest = rest
        .split('\n')
        .next()
        .unwrap_or(rest)
        .trim_start_matches(marks);
    let upper = vanban_syntax::clean::is_upper;
    !prev.is_empty()
        && !prev.ends_with(['.', ':', ';', '!', '?', '"', '”', '…'])
        && !upper(prev)
        && !rest.is_empty()
        && !rest.starts_with(['.', ':'])
        && !upper(rest)
}

/// Whether a reference that opens a line opens a sentence, not a heading: a clause or a
/// point ("Khoản 1 Điều 12 Luật Hóa chất năm 2025 quy định: …"), or an article whose
/// document follows it ("Điều 21 Nghị định số 26/2026/NĐ-CP …", "Điều 3 của Luật …"), with
/// words on the line after it that are neither a heading's "." or ":" nor a title in
/// capitals. (`text` and its fold share their byte offsets.)
fn opens_sentence((text, folded): (&str, &str), start: usize, (end, to): (usize, usize)) -> bool {
    const DOCUMENT_AFTER: [&str; 10] = [
        "luật",
        "bộ luật",
        "nghị định",
        "thông tư",
        "quyết định",
        "nghị quyết",
        "pháp lệnh",
        "hiến pháp",
        "của",
        "này",
    ];
    fn line(s: &str) -> &str {
        let marks: &[char] = &[' ', '\t', '*', '_', '#', '|', '>'];
        s.split('\n').next().unwrap_or(s).trim_start_matches(marks)
    }
    let rest = line(text.sub(end..to));
    if rest.is_empty() || rest.starts_with(['.', ':']) || vanban_syntax::clean::is_upper(rest) {
        return false;
    }
    let first = folded.sub(start..to);
    if first.starts_with("khoản") || first.starts_with("điểm") {
        return true;
    }
    let after = line(folded.sub(end..to));
    DOCUMENT_AFTER
        .iter()
        .any(|w| after.starts_with(w) && vanban_text::whole_word(after, 0, w.len()))
}

/// A reference as read at the start of `window`: its length, its levels, and the range's
/// ends ("từ … đến …").
type Reading = (usize, Vec<Level>, Option<(String, String)>);

/// The reference at the start of `window` read by the grammar.
fn by_grammar(window: &str) -> Option<Reading> {
    let mut pairs = CitationGrammar::parse(Rule::reference_entry, window).ok()?;
    let reference = pairs.next().and_then(|p| p.into_inner().next())?;
    let len = reference.as_span().end();
    let inner = reference.into_inner().next()?;
    Some(match inner.as_rule() {
        Rule::unit_range => {
            let mut chains = inner.into_inner().map(read_chain);
            let ((a, _), (b, _)) = (chains.next()?, chains.next()?);
            let lo = a.last().and_then(|l| l.numbers.first().cloned());
            let hi = b.last().and_then(|l| l.numbers.first().cloned());
            (len, a, lo.zip(hi))
        }
        _ => {
            let (levels, cut) = read_chain(inner);
            (cut.unwrap_or(len), levels, None)
        }
    })
}

/// The commonest references read by hand: units of one word, spacing and a number of one to
/// three digits each ("Điều 5." of a heading, "khoản 2 Điều 12 của"), after the last of which
/// no list, no other unit and no letter goes on. `None` where the grammar could read anything
/// else ("từ", "các", "này", a Roman numeral or a point letter, ",", "và", "hoặc", a unit the
/// hand reading does not read).
fn quick_unit(window: &str) -> Option<Reading> {
    const WORDS: [&str; 6] = ["điểm", "khoản", "điều", "mục", "chương", "phần"];
    let b = window.as_bytes();
    // (The citation grammar's spacing, `sp` and `ws`.)
    let sp = |i: usize| crate::citations::skip_sp(b, i);
    let mut levels = Vec::new();
    let mut at = 0;
    loop {
        let rest = window.sub(at..);
        let word = WORDS.into_iter().find(|w| rest.starts_with(w))?;
        let number = sp(at + word.len());
        let digits = vanban_text::ascii_digits(b, number, 4);
        let end = number + digits;
        // A digit or letter glued to the number: the grammar's.
        if number == at + word.len()
            || !(1..=3).contains(&digits)
            || b.get(end)
                .is_some_and(|&c| c.is_ascii_alphanumeric() || c >= 0x80)
        {
            return None;
        }
        levels.push(Level {
            word: word.to_owned(),
            numbers: vec![window.sub(number..end).to_owned()],
            this: false,
        });
        // A list goes on: the grammar's. Another unit after spacing: read on.
        let next = sp(end);
        let after = window.sub(next..);
        if after.starts_with(',') || after.starts_with("và") || after.starts_with("hoặc") {
            return None;
        }
        if next > end && after.starts_with("các") {
            return None;
        }
        if next > end && WORDS.iter().any(|w| after.starts_with(w)) {
            at = next;
            continue;
        }
        return Some((end, levels, None));
    }
}

/// Whether the text after a unit word and its space (`after`) may hold the unit's numbers as
/// the grammar reads them (`unit_numbers`): after more spacing, "này", a digit, or a Roman
/// numeral or a point letter standing as a word. "mục tiêu", "điều kiện", "chương trình",
/// "phần mềm" are turned away without a parse (each failed parse cost about 14 000
/// instructions).
fn may_refer(after: &str) -> bool {
    let rest = after.trim_start_matches([' ', '\t', '\n', '*', '_']);
    let mut chars = rest.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if first.is_ascii_digit() || rest.starts_with("này") {
        return true;
    }
    // A letter of the Latin ranges is one for the grammar too (Unicode's L category); any
    // other character lets the grammar decide.
    let letter = vanban_text::is_latin_letter;
    let roman = |c: char| matches!(c, 'i' | 'v' | 'x' | 'l');
    let point = |c: char| matches!(c, 'đ' | 'a'..='e' | 'g'..='i' | 'k'..='v' | 'ư' | 'x' | 'y');
    if roman(first) {
        let after_run = rest.trim_start_matches(roman);
        if !after_run.chars().next().is_some_and(letter) {
            return true;
        }
    }
    point(first) && !chars.next().is_some_and(letter)
}

/// Node kinds a unit word may name, in order of preference.
fn kinds_for(word: &str) -> &'static [NodeKind] {
    match word {
        "phần" => &[NodeKind::Part, NodeKind::Division],
        "chương" => &[NodeKind::Chapter],
        "mục" => &[NodeKind::Section, NodeKind::Item, NodeKind::Division],
        "điều" => &[NodeKind::Article],
        "khoản" => &[NodeKind::Clause, NodeKind::Item],
        "điểm" => &[NodeKind::Point],
        _ => &[],
    }
}

fn unit_label(word: &str, number: &str) -> String {
    let w = match word {
        "điều" => "Điều",
        "chương" => "Chương",
        "phần" => "Phần",
        "mục" => "Mục",
        other => other,
    };
    format!(
        "{w} {}",
        if matches!(word, "chương" | "phần") {
            number.to_uppercase()
        } else {
            number.to_owned()
        }
    )
}

/// Resolve a reference to this document's element ids.
fn resolve(units: &UnitIndex<'_>, read: &Read, pos: usize) -> ThinVec<Str> {
    let chain = units.ancestors(pos);
    // The roots to search: the appendix or body the reference stands in.
    let mut scope = units.region(pos);
    // Levels outermost first.
    let levels: Vec<&Level> = read.levels.iter().rev().collect();
    let mut found: Vec<&Node> = Vec::new();
    for (k, level) in levels.iter().enumerate() {
        let kinds = kinds_for(&level.word);
        if level.this {
            // "Điều này": the enclosing unit of that kind.
            match chain.iter().rev().find(|n| kinds.contains(&n.kind)) {
                Some(n) => {
                    found = vec![*n];
                    scope = units.below(n);
                    continue;
                }
                None => return ThinVec::new(),
            }
        }
        let mut numbers = level.numbers.clone();
        if k == 0 {
            if let Some((lo, hi)) = &read.range {
                if let (Ok(a), Ok(b)) = (lo.parse::<u32>(), hi.parse::<u32>()) {
                    if a <= b && b - a < 200 {
                        numbers = (a..=b).map(|n| n.to_string()).collect();
                    }
                }
            }
        }
        // A clause or point with no article named belongs to the enclosing article or clause.
        if k == 0 && !matches!(level.word.as_str(), "điều" | "chương" | "phần" | "mục") {
            if let Some(enclosing) = chain.iter().rev().find(|n| {
                matches!(
                    (level.word.as_str(), n.kind),
                    ("khoản", NodeKind::Article)
                        | (
                            "điểm",
                            NodeKind::Clause | NodeKind::Item | NodeKind::Article
                        )
                )
            }) {
                scope = units.below(enclosing);
            }
        }
        let next: Vec<&Node> = numbers
            .iter()
            .filter_map(|n| units.first_numbered(&scope, kinds, n))
            .collect();
        if next.is_empty() {
            return ThinVec::new();
        }
        scope = units.below_all(&next);
        found = next;
    }
    found.into_iter().map(|n| n.id().into()).collect()
}

/// What follows a reference: "… Nghị định này" (this document), a citation (that document),
/// or nothing (this document).
pub(crate) enum Anchor {
    This,
    Cited(usize),
}

/// `s` after its first word if that is `word`, and the white space after it.
fn after_word<'a>(s: &'a str, word: &str) -> &'a str {
    match s.strip_prefix(word) {
        Some(rest) if rest.starts_with(char::is_whitespace) => rest.trim_start(),
        _ => s,
    }
}

/// The units of a reading, outermost first, as labels ("Điều 5", "khoản 1, khoản 3",
/// "Điều này", "Điều 5 – Điều 9").
fn unit_labels(read: &Read) -> ThinVec<Str> {
    let mut units: ThinVec<Str> = read
        .levels
        .iter()
        .rev()
        .map(|l| {
            if l.this {
                Str::from(format!("{} này", unit_label(&l.word, "").trim_end()))
            } else {
                l.numbers
                    .iter()
                    .map(|n| unit_label(&l.word, n))
                    .collect::<Vec<_>>()
                    .join(", ")
                    .into()
            }
        })
        .collect();
    if let Some((lo, hi)) = &read.range {
        if let (Some(first), Some(l)) = (units.first_mut(), read.levels.last()) {
            *first = format!("{} – {}", unit_label(&l.word, lo), unit_label(&l.word, hi)).into();
        }
    }
    units
}

/// Find references in `range`, resolve them and add them to `out`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn find(
    units: &UnitIndex<'_>,
    text: &str,
    folded: &str,
    range: (usize, usize),
    citation_starts: &[usize],
    own_id: &Arc<str>,
    cites: &[Citation],
    span_of: &dyn Fn(usize, usize) -> Span,
    node_at: &dyn Fn(usize) -> Option<Str>,
    out: &mut Vec<Reference>,
) {
    // The references just before that stood for this document, each joined to the next by a
    // list's "," or "và" (indices in `out`), and where the last ends.
    let mut run: Vec<usize> = Vec::new();
    let mut run_end = 0;
    find_refs(text, folded, range, |read| {
        // What the units belong to.
        let after = folded.sub(read.end..range.1);
        let skip = after.len() - after.trim_start_matches([' ', '\n', '*', ',']).len();
        // ("của" at a line's end too: "… các Điều 10, 12 và 17 của" / "Nghị định số …".)
        let rest = after_word(after_word(after.sub(skip..), "của"), "tại");
        let rest_at = range.1 - rest.len();
        // (`citation_starts` is sorted: the first citation at or after the reference.)
        let first = citation_starts.partition_point(|&s| s < read.end);
        let anchor = citation_starts
            .get(first)
            .filter(|&&s| s <= rest_at + 2 && s + 1 >= rest_at)
            .map_or(Anchor::This, |_| Anchor::Cited(first));
        let (document, targets) = match anchor {
            Anchor::Cited(i) => (
                cites.get(i).and_then(|c| c.target_id.clone()),
                ThinVec::new(),
            ),
            Anchor::This => (Some(own_id.clone()), resolve(units, &read, read.start)),
        };
        // "khoản 2, khoản 3 Điều 2 và khoản 1 Điều 3 Quyết định số 960/QĐ-TTg", "điểm a,
        // khoản 1, Điều 46 Nghị định số …": the units listed before are the cited document's
        // too ("… Điều này" says otherwise).
        let joined = !run.is_empty()
            && matches!(
                folded
                    .sub(run_end..read.start)
                    .trim_matches([' ', '\n', '*', '_']),
                "và" | "," | "hoặc"
            );
        if !joined {
            run.clear();
        }
        match anchor {
            Anchor::Cited(_) => {
                for &k in &run {
                    if let Some(before) = out.get_mut(k) {
                        before.document.clone_from(&document);
                        before.targets = ThinVec::new();
                    }
                }
                run.clear();
            }
            Anchor::This if read.levels.iter().any(|l| l.this) => run.clear(),
            Anchor::This => {
                run.push(out.len());
                run_end = read.end;
            }
        }
        let units = unit_labels(&read);
        let raw = squash_spaces(&text.sub(read.start..read.end).replace(['*', '_'], "")).into();
        out.push(Reference {
            raw,
            targets,
            document,
            units,
            node: node_at(read.start),
            span: span_of(read.start, read.end),
        });
    });
}

#[cfg(test)]
mod tests {
    use vanban_text::fold::fold_case;

    use super::*;

    /// The references read in a text, folded.
    fn refs(text: &str) -> Vec<String> {
        let folded = fold_case(text);
        let mut got = Vec::new();
        find_refs(text, &folded, (0, text.len()), |r| {
            got.push(folded.sub(r.start..r.end).to_owned());
        });
        got
    }

    /// A reference that a hard wrap put at the start of a line is read (ten such in six
    /// bundled documents were lost: "… quy định tại" / "khoản 1 Điều 12 Nghị định này");
    /// headings at the start of a line are not references, after a sentence's end or before
    /// a heading's "." or nothing.
    #[test]
    fn a_reference_wrapped_to_a_line_start_is_read_and_a_heading_is_not() {
        let text = "4. Thời hạn không vượt quá thời hạn quy định tại\nkhoản 1 Điều 20 của Luật \
                    này.\nĐiều 21. Thanh tra lại\nNội dung tại\n**Chương II**\nQUY ĐỊNH CHUNG\n\
                    Như sau:\nĐiều 22 được sửa đổi\nChương II SOẠN THẢO VĂN BẢN\n\
                    Mục 1 THỂ THỨC\n";
        assert_eq!(refs(text), ["khoản 1 điều 20"]);
    }

    /// A clause or a point that opens a line opens a sentence ("Khoản 1 Điều 12 Luật Hóa
    /// chất năm 2025 quy định: …", four lost in CV_597), and so does an article followed by
    /// its document; an article's heading does not, nor a title after it.
    #[test]
    fn a_reference_that_opens_a_sentence_is_read() {
        let text = "Khoản 1 Điều 12 Luật Hóa chất năm 2025 quy định như sau.\n\
                    Điều 21 Nghị định số 26/2026/NĐ-CP quy định các trường hợp.\n\
                    Điều 5 Hiệu lực thi hành\nKhoản 2.\nĐiều 6\nĐiều 7 QUY ĐỊNH CHUNG\n";
        assert_eq!(refs(text), ["khoản 1 điều 12", "điều 21"]);
    }

    /// A unit numbered with four digits or more is read as none, not as its first three
    /// ("Điều 1234" was "Điều 123", its span ending inside the number: the fourth hostile
    /// round); the reference after it still is.
    #[test]
    fn a_number_of_four_digits_is_no_unit_number() {
        let text = "Theo Điều 1234 và khoản 56789 Điều 2 của Bộ luật. Tại Điều 689 của Bộ luật.";
        assert_eq!(refs(text), ["điều 2", "điều 689"]);
    }

    /// "điểm vi phạm" is no point "vi" (QD_27 read one); a point's letter and a section's
    /// Roman numeral still are.
    #[test]
    fn a_spot_of_violation_is_no_point() {
        let text = "Kết quả xử lý điểm vi phạm hành lang. Theo điểm i khoản 2 Điều 5. Tại Mục VI \
                    Chương II.";
        assert_eq!(refs(text), ["điểm i khoản 2 điều 5", "mục vi chương ii"]);
    }

    /// A list repeats its own unit word only, so another word after "và" or "," starts the
    /// next reference ("khoản 2, khoản 3 Điều 2 và khoản 1, khoản 2 Điều 3" read as one
    /// chain gave "Điều 2, Điều 1, Điều 2"); a comma may part the levels of one reference
    /// going up ("điểm a, khoản 1, Điều 46"), not going down ("Điều 5, khoản 2 Điều 6").
    #[test]
    fn a_list_of_references_is_read_one_by_one() {
        let text = "Bãi bỏ khoản 2, khoản 3 Điều 2 và khoản 1, khoản 2 Điều 3 Quyết định. Theo \
                    điểm a, khoản 1, Điều 46; Điều 5, khoản 2 Điều 6. Tại điểm e khoản 1, \
                    điểm d khoản 2 Điều 62.";
        assert_eq!(
            refs(text),
            [
                "khoản 2, khoản 3 điều 2",
                "khoản 1, khoản 2 điều 3",
                "điểm a, khoản 1, điều 46",
                "điều 5",
                "khoản 2 điều 6",
                "điểm e khoản 1",
                "điểm d khoản 2 điều 62"
            ]
        );
    }

    /// "Công ty Cổ phần Xi măng" and "cổ phần hóa" hold no "Phần XI"; a part still is one.
    #[test]
    fn a_share_is_no_part() {
        let text = "Công ty Cổ phần Xi măng Yên Bái, Công ty cổ  phần I Hà Nội. Theo Phần XI \
                    Bộ luật, phần II.";
        assert_eq!(refs(text), ["phần xi", "phần ii"]);
    }

    /// A heading's last word and a list's first marker are no reference ("I. QUAN ĐIỂM" /
    /// "1. Phát triển …", "… kiểm điểm" / blank / "a) Trường hợp …": three in the corpus);
    /// a reference wrapped inside itself still is.
    #[test]
    fn a_heading_word_and_the_marker_after_it_are_no_reference() {
        let text = "I. QUAN ĐIỂM\n1. Phát triển kinh tế số.\n\n1. Họp kiểm điểm\n\na) Trường hợp \
                    người.\n2. Họp kiểm điểm\na) Trường hợp khác.\nTheo quy định tại \
                    điểm\na khoản 1 Điều 2 của Luật này.\nc) Bãi bỏ Điều   \n12.   \n";
        assert_eq!(refs(text), ["điểm\na khoản 1 điều 2", "điều   \n12"]);
    }

    /// Where the hand reading reads a reference, the grammar reads the same one (length,
    /// levels): at every match of the unit pattern in the seed and the corpus, and on texts
    /// of a unit word, spacing, a number and what may follow it.
    #[test]
    fn the_quick_reading_is_the_grammars() {
        let mut windows: Vec<String> = Vec::new();
        for text in crate::testing::seed_and_corpus() {
            let folded = fold_case(&text);
            for m in word_matches(unit_regex(), &folded) {
                windows.push(vanban_text::window(&folded, m.start(), 400).to_owned());
            }
        }
        let pieces = [
            "điều",
            "khoản ",
            " ",
            "\n",
            "*",
            "5",
            "12",
            "2025",
            "a",
            ".",
            ",",
            " và ",
            "và",
            " hoặc",
            "các ",
            "điểm b",
            "này",
            "ư",
            ";",
            "–",
        ];
        for t in crate::testing::compositions(&pieces, 4) {
            windows.push(format!("điều {t}"));
            windows.push(format!("khoản 3{t}"));
        }
        let mut quick = 0;
        for w in &windows {
            if let Some(q) = quick_unit(w) {
                assert_eq!(Some(q), by_grammar(w), "{w:?}");
                quick += 1;
            }
        }
        assert!(quick > 5_000, "{quick} of {}", windows.len());
    }

    /// Whenever the grammar reads a reference where the unit pattern matches, the prefilter
    /// let it through: at every match in the seed and the bundled corpus, and on every
    /// combination of an opener, a unit word, spacing, a first token and what follows it.
    #[test]
    fn the_reference_prefilter_lets_every_reference_through() {
        let mut texts: Vec<String> = Vec::new();
        let openers = ["", "các ", "từ "];
        let words = ["điểm", "khoản", "điều", "mục", "chương", "phần"];
        let spacing = [" ", "  ", " *", "\n", "\t_"];
        let tokens = [
            "5", "12a", "này", "ii", "iv", "x", "l", "a", "đ", "ư", "y", "f", "tiêu", "kiện",
            "trình", "mềm", "iva", "vi", "ab", "lớn", "ư)", "",
        ];
        let tails = [
            "",
            " ",
            ",",
            ".",
            " và 3",
            " điều 4",
            "b",
            "ệ",
            " đến điều 9",
            ")",
        ];
        for o in openers {
            for w in words {
                for s in spacing {
                    for t in tokens {
                        for tail in tails {
                            texts.push(format!("{o}{w} {s}{t}{tail} còn lại"));
                        }
                    }
                }
            }
        }
        for text in crate::testing::seed_and_corpus() {
            let folded = fold_case(&text);
            for m in word_matches(unit_regex(), &folded) {
                texts.push(vanban_text::window(&folded, m.start(), 400).to_owned());
            }
        }
        let (mut read, mut turned) = (0, 0);
        for t in &texts {
            let Some(m) = unit_regex().find(t).filter(|m| m.start() == 0) else {
                continue;
            };
            let passes = may_refer(t.sub(m.end()..));
            turned += usize::from(!passes);
            if CitationGrammar::parse(Rule::reference_entry, t).is_ok() {
                read += 1;
                assert!(passes, "{t:?}");
            }
        }
        assert!(
            read > 2_000 && turned > 2_000,
            "{read} read, {turned} turned away"
        );
    }
}
