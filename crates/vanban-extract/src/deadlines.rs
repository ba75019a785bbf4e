//! Deadlines as data: the time words of a task ("trước ngày 05/12/2025", "hoàn thành trong
//! tháng 11/2025", "Quý IV/2025", "6 tháng đầu năm 2026", "2026 – 2030", "trước ngày 15/12
//! hằng năm", "trong thời hạn 15 ngày kể từ ngày ký") read into a due date, a period, a
//! recurrence, as ISO dates. The words that make a date a date to finish by, the recurrences
//! and the halves of a year are in `data/deadline-words.tsv`; the date grammar (ngày, tháng,
//! năm, quý) is in the pattern.

use std::fmt::Write as _;
use std::sync::LazyLock;

use regex::Regex;
use vanban_model::{Deadline, DeadlineKind, Recurrence, Str};
use vanban_text::fold::lowercase;
use vanban_text::{squash_spaces, Sub};

use dates::{Caps, P};

mod dates;

use crate::lists::DEADLINE_WORDS;

/// A date: year, month, day.
type Ymd = (i32, u32, u32);

/// The phrases of some roles, longest first.
fn phrases(roles: &[&str]) -> Vec<&'static str> {
    let mut v: Vec<&'static str> = DEADLINE_WORDS
        .iter()
        .filter(|(r, _)| roles.contains(r))
        .map(|(_, w)| *w)
        .collect();
    v.sort_by_key(|w| std::cmp::Reverse(w.len()));
    v
}

/// The phrases of one role, longest first ([`phrases`] of that role), made once: the readers
/// ask for them on every match.
fn role_phrases(role: &str) -> &'static [&'static str] {
    static BY_ROLE: LazyLock<vanban_text::HashMap<&'static str, Vec<&'static str>>> =
        LazyLock::new(|| {
            DEADLINE_WORDS
                .iter()
                .map(|&(role, _)| (role, phrases(&[role])))
                .collect()
        });
    BY_ROLE.get(role).map_or(&[], Vec::as_slice)
}

fn alternation(roles: &[&str]) -> String {
    phrases(roles)
        .iter()
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|")
}

const RECURRENCES: [(&str, Recurrence); 6] = [
    ("yearly", Recurrence::Yearly),
    ("half_yearly", Recurrence::HalfYearly),
    ("quarterly", Recurrence::Quarterly),
    ("monthly", Recurrence::Monthly),
    ("weekly", Recurrence::Weekly),
    ("ongoing", Recurrence::Ongoing),
];

/// Whether `text` ends with a clock time ("14h30", "8 giờ", "9h, ") — the pattern
/// `(?i)[0-9]{1,2}\s*(?:h|giờ)\s*[0-9]{0,2}\W{0,3}\s*$` with ASCII `\s`, read backwards by
/// hand: compiling that pattern (its Unicode `\W`) took 0.7–0.8 ms in every process
/// that reads a date. Each step may take what it takes greedily: the characters a step leaves
/// could only be taken by a later one that may take nothing (a unit test checks the answers
/// against the pattern for every character and for every short text of an alphabet).
fn ends_with_clock(text: &str) -> bool {
    let space = |c: char| matches!(c, '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | ' ');
    let mut t = text.trim_end_matches(space);
    for _ in 0..3 {
        match t.chars().next_back() {
            Some(c) if !word_character(c) => t = t.sub(..t.len() - c.len_utf8()),
            _ => break,
        }
    }
    for _ in 0..2 {
        if t.ends_with(|c: char| c.is_ascii_digit()) {
            t = t.sub(..t.len() - 1);
        }
    }
    t = t.trim_end_matches(space);
    let mut last = t.chars().rev();
    let hour = match last.next() {
        Some('h' | 'H') => 1,
        Some('ờ' | 'Ờ')
            if matches!(last.next(), Some('i' | 'I')) && matches!(last.next(), Some('g' | 'G')) =>
        {
            "giờ".len()
        }
        _ => return false,
    };
    t.sub(..t.len() - hour)
        .trim_end_matches(space)
        .ends_with(|c: char| c.is_ascii_digit())
}

/// A Unicode word character as the regex crate's `\w` has it.
fn word_character(c: char) -> bool {
    regex_syntax::try_is_word_character(c).unwrap_or(true)
}

/// Days of month `m` in year `y`; 31 for a month outside 1–12. (The calendar repeats its leap
/// years every 400 years, which also places the years before 0.)
fn days_in(y: i32, m: u32) -> u32 {
    let y = u32::try_from(y.rem_euclid(400)).unwrap_or(0);
    vanban_model::days_in_month(y, m).unwrap_or(31)
}

fn valid((y, m, d): Ymd) -> bool {
    (1900..=2200).contains(&y) && (1..=12).contains(&m) && d >= 1 && d <= days_in(y, m)
}

/// `YYYY-MM-DD`.
pub(crate) fn iso((y, m, d): Ymd) -> Str {
    formatted(format_args!("{y:04}-{m:02}-{d:02}"))
}

/// A short formatted string, written inline (no `String` on the way).
fn formatted(args: std::fmt::Arguments) -> Str {
    let mut out = Str::default();
    // (Writing to a `Str` cannot fail.)
    let _ = out.write_fmt(args);
    out
}

/// A `YYYY-MM-DD` date.
pub(crate) fn parse_iso(s: &str) -> Option<Ymd> {
    let mut it = s.splitn(3, '-');
    let y = it.next()?.parse().ok()?;
    let m = it.next()?.parse().ok()?;
    let d = it.next()?.parse().ok()?;
    valid((y, m, d)).then_some((y, m, d))
}

/// Days since 1970-01-01 (the civil calendar, proleptic Gregorian).
fn to_days((y, m, d): Ymd) -> i64 {
    let y = i64::from(if m <= 2 { y - 1 } else { y });
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn from_days(z: i64) -> Ymd {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (
        i32::try_from(y).unwrap_or(0),
        u32::try_from(m).unwrap_or(1),
        u32::try_from(d).unwrap_or(1),
    )
}

/// `n` days after a date; working days skip Saturdays and Sundays.
fn add_days(from: Ymd, n: u32, working: bool) -> Ymd {
    let mut z = to_days(from);
    if !working {
        return from_days(z + i64::from(n));
    }
    let mut left = n;
    while left > 0 {
        z += 1;
        // 1970-01-01 was a Thursday: 0 = Sunday … 6 = Saturday.
        if !matches!((z + 4).rem_euclid(7), 0 | 6) {
            left -= 1;
        }
    }
    from_days(z)
}

fn end_of_month(y: i32, m: u32) -> Ymd {
    (y, m, days_in(y, m))
}

fn quarter(q: &str) -> Option<u32> {
    match q.to_uppercase().as_str() {
        "I" | "1" => Some(1),
        "II" | "2" => Some(2),
        "III" | "3" => Some(3),
        "IV" | "4" => Some(4),
        _ => None,
    }
}

/// The words just before a date.
#[derive(Clone, Copy)]
struct Lead {
    /// Where the deadline's text begins.
    pos: usize,
    /// A due word ("trước", "hoàn thành" …) is among them.
    due: bool,
    /// An "on" word ("vào") is among them: a day after it is due.
    on: bool,
}

/// The due, "on" and lead-in words just before `start`.
fn lead_in(text: &str, start: usize) -> Lead {
    #[derive(Clone, Copy, PartialEq)]
    enum Role {
        Due,
        On,
        LeadIn,
    }
    static WORDS: LazyLock<Vec<(&'static str, Role)>> = LazyLock::new(|| {
        let (due, on) = (phrases(&["due"]), phrases(&["on"]));
        phrases(&["due", "on", "lead-in"])
            .into_iter()
            .map(|w| {
                let role = if due.contains(&w) {
                    Role::Due
                } else if on.contains(&w) {
                    Role::On
                } else {
                    Role::LeadIn
                };
                (w, role)
            })
            .collect()
    });
    let mut lead = Lead {
        pos: start,
        due: false,
        on: false,
    };
    for _ in 0..5 {
        let before = text.sub(..lead.pos).trim_end_matches([' ', ':', ',', '(']);
        // The words are short: lower-case only the end of the text before.
        let low = lowercase(tail(before, PHRASE_WINDOW));
        let found = WORDS.iter().find(|(w, _)| {
            low.ends_with(w)
                && low
                    .sub(..low.len() - w.len())
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric())
        });
        let Some((w, role)) = found else { break };
        lead.pos = before.len().saturating_sub(w.len());
        lead.due |= *role == Role::Due;
        lead.on |= *role == Role::On;
    }
    lead
}

/// Whether a "completion" word ("hoàn thành", "thông xe" …) stands in the clause before
/// `start` (since the last ".", ";" or line break, within 300 bytes).
fn completes_before(text: &str, start: usize) -> bool {
    let from = start.saturating_sub(300);
    let before = text.sub(from..start);
    let clause = before
        .rfind(['.', ';', '\n'])
        .map_or(before, |i| before.sub(i + 1..));
    static WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| phrases(&["completion"]));
    let low = lowercase(clause);
    WORDS.iter().any(|w| {
        low.match_indices(w).any(|(i, _)| {
            let prev = low.sub(..i).chars().next_back();
            let next = low.sub(i + w.len()..).chars().next();
            !prev.is_some_and(char::is_alphanumeric) && !next.is_some_and(char::is_alphanumeric)
        })
    })
}

/// How far before a "trong" a submission may stand ([`submits_before`]), in bytes: "báo
/// cáo Bộ Kế hoạch và Đầu tư (đối với KKT, KCN) và Bộ Công Thương (đối với CCN) trong quý II".
const SUBMISSION_REACH: usize = 160;

/// Words that make "trình" part of another word ("chương trình", "quy trình", "công trình" …).
const NOT_SUBMITTING: [&str; 8] = [
    "chương", "quy", "công", "lộ", "tiến", "hành", "giáo", "thuyết",
];

/// Whether the clause before `start` (a "trong" before a month, quarter or year) submits
/// something to a body: a "submission" word ("báo cáo", "trình", in either case) and a body
/// right after it, one of the "recipient" words of `data/deadline-words.tsv` ("báo cáo Thủ
/// tướng Chính phủ trong quý III năm 2012", "Trình Ủy ban nhân dân tỉnh trong tháng 6"),
/// within [`SUBMISSION_REACH`] bytes. What is sent to a body in a period is due by its end.
/// Not when the words between say what the report is about ("về tình hình …", "kết quả …":
/// the period is its content's) or a comma brings another verb ("…, giải ngân trong quý
/// IV"; the body's "xem xét, quyết định" is the submission's own).
fn submits_before(text: &str, start: usize) -> bool {
    let from = vanban_text::floor(text, start.saturating_sub(SUBMISSION_REACH));
    let before = text.sub(from..start);
    let clause = before
        .rfind(['.', ';', '\n'])
        .map_or(before, |i| before.sub(i + 1..));
    // (Lower-casing keeps the byte offsets of these letters; a text where it does not is
    // read as submitting nothing.)
    let low = lowercase(clause);
    if low.len() != clause.len() {
        return false;
    }
    role_phrases("submission").iter().any(|w| {
        low.match_indices(w).any(|(i, _)| {
            let words_before = low.sub(..i);
            let prev = words_before.trim_end().rsplit(' ').next().unwrap_or("");
            let fresh = words_before.is_empty() || words_before.ends_with(' ');
            let Some(after) = clause.sub(i + w.len()..).strip_prefix(' ') else {
                return false;
            };
            if !fresh
                || NOT_SUBMITTING.contains(&prev)
                || !role_phrases("recipient")
                    .iter()
                    .any(|r| starts_word(after, r))
            {
                return false;
            }
            // (`low` is `clause` lower-cased, byte for byte.)
            let between = low.sub(low.len() - after.len()..);
            let content = [
                ("về ", " về"),
                ("kết quả", " kết quả"),
                ("tình hình", " tình hình"),
            ]
            .iter()
            .any(|(first, inner)| between.starts_with(first) || between.contains(inner));
            let other_verb =
                after_last_comma(between).is_some_and(|last| !last.starts_with("quyết định"));
            !content && !other_verb
        })
    })
}

/// The words after the last ", " of `text` outside brackets, if any (commas in brackets are
/// a body's: "báo cáo Bộ Kế hoạch và Đầu tư (đối với KKT, KCN) và Bộ Công Thương (đối với CCN)
/// trong quý II").
fn after_last_comma(text: &str) -> Option<&str> {
    let mut depth = 0usize;
    let mut last = None;
    for (k, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            ',' if depth == 0 && text.sub(k + 1..).starts_with(' ') => last = Some(k + 2),
            _ => {}
        }
    }
    last.map(|k| text.sub(k..))
}

/// Whether `text` starts with the word or words `w` (as written, case kept).
fn starts_word(text: &str, w: &str) -> bool {
    text.strip_prefix(w)
        .is_some_and(|r| !r.starts_with(|c: char| c.is_alphanumeric()))
}

/// What one match of the date pattern says.
#[derive(Default)]
struct Hit {
    start: usize,
    end: usize,
    due: Option<Ymd>,
    period: Option<(Ymd, Ymd)>,
    on: Option<Str>,
    every: Option<Recurrence>,
    inferred: bool,
    relative: bool,
}

fn num<T: std::str::FromStr>(c: &Caps, part: P) -> Option<T> {
    c.name(part)?.as_str().parse().ok()
}

/// Where a match stands.
#[derive(Clone, Copy)]
struct Ctx {
    /// A due word stands before it ("trước", "hoàn thành" …).
    due: bool,
    /// An "on" word stands before it ("vào"): a day is due, a year is when it happens.
    on: bool,
    /// Due or lead-in words stand before it ("trong năm 2026").
    lead: bool,
    /// The whole text is a deadline (a "Thời gian" column or field).
    cell: bool,
    /// A time of day stands before it ("13h30 ngày 29/4/2026").
    clock: bool,
}

/// Read one match against the document's date (or its year alone, in a draft dated "ngày …
/// tháng … năm 2026").
fn hit(c: &Caps, ctx: Ctx, date: Option<Ymd>, year: Option<i32>) -> Option<Hit> {
    let Ctx { due, cell, .. } = ctx;
    let day_due = due || ctx.on;
    let year = date.map(|d| d.0).or(year);
    let mut h = Hit::default();
    if let Some(n) = num::<u32>(c, P::N) {
        let anchor = c
            .name(P::Anchor)
            .map_or(String::new(), |a| lowercase(a.as_str()));
        h.relative = true;
        if role_phrases("signed").iter().any(|w| anchor.starts_with(w)) {
            h.due = date.map(|d| add_days(d, n, c.name(P::Work).is_some()));
        }
    } else if let (Some(half), Some(y)) = (c.name(P::Half), num::<i32>(c, P::Yh)) {
        let first = role_phrases("first_half").contains(&lowercase(half.as_str()).as_str());
        let (a, b) = if first { (1, 6) } else { (7, 12) };
        h.period = Some(((y, a, 1), end_of_month(y, b)));
    } else if let Some(d) = date_of(c) {
        (day_due || cell || ctx.clock).then_some(())?;
        h.due = Some(d);
    } else if let (Some(d), Some(every)) = (num::<u32>(c, P::D4), c.name(P::Every)) {
        h.every = recurrence(every.as_str());
        let monthly = h.every == Some(Recurrence::Monthly);
        h.on = (monthly && (1..=31).contains(&d)).then(|| formatted(format_args!("---{d:02}")));
    } else if let (Some(d), Some(m)) = (num::<u32>(c, P::D3), num::<u32>(c, P::M3)) {
        let y = year.filter(|_| day_due || cell)?;
        valid((y, m, d)).then_some(())?;
        (h.due, h.inferred) = (Some((y, m, d)), true);
        h.on = Some(formatted(format_args!("--{m:02}-{d:02}")));
    } else {
        let (p, inferred) = period_of(c, day_due || cell, ctx.lead || cell, year)?;
        h.inferred = inferred;
        if due {
            h.due = Some(p.1);
        } else {
            h.period = Some(p);
        }
    }
    if due && h.due.is_none() {
        h.due = h.period.map(|p| p.1);
        h.period = h.period.filter(|_| h.due.is_none());
    }
    Some(h)
}

/// A full date: "05/12/2025", "ngày 10 tháng 12 năm 2025".
fn date_of(c: &Caps) -> Option<Ymd> {
    let (d, m, y) = match num::<u32>(c, P::D1) {
        Some(d) => (d, num(c, P::M1)?, num(c, P::Y1)?),
        None => (num(c, P::D2)?, num(c, P::M2)?, num(c, P::Y2)?),
    };
    valid((y, m, d)).then_some((y, m, d))
}

/// A month, quarter, year range or year: its first and last day, and whether the year is the
/// document's. A bare month needs `dated` (a due word or a deadline cell), a bare year `lead`
/// (a due or lead-in word, or a deadline cell).
fn period_of(c: &Caps, dated: bool, lead: bool, year: Option<i32>) -> Option<((Ymd, Ymd), bool)> {
    if let (Some(m), Some(y)) = (num::<u32>(c, P::M5), num::<i32>(c, P::Y5)) {
        valid((y, m, 1)).then_some(())?;
        return Some((((y, m, 1), end_of_month(y, m)), false));
    }
    if let Some(m) = num::<u32>(c, P::M6) {
        let y = year.filter(|_| dated)?;
        valid((y, m, 1)).then_some(())?;
        return Some((((y, m, 1), end_of_month(y, m)), true));
    }
    if let (Some(q), Some(y)) = (
        c.name(P::Q).and_then(|q| quarter(q.as_str())),
        num(c, P::Yq),
    ) {
        let last = q * 3;
        return Some((((y, last - 2, 1), end_of_month(y, last)), false));
    }
    if let (Some(a), Some(b)) = (num::<i32>(c, P::Ya), num::<i32>(c, P::Yb)) {
        (a < b && valid((a, 1, 1)) && valid((b, 1, 1))).then_some(())?;
        return Some((((a, 1, 1), (b, 12, 31)), false));
    }
    let y = num::<i32>(c, P::Y7).filter(|_| lead)?;
    valid((y, 1, 1)).then_some((((y, 1, 1), (y, 12, 31)), false))
}

fn recurrence(phrase: &str) -> Option<Recurrence> {
    let low = lowercase(phrase);
    RECURRENCES
        .iter()
        .find(|(role, _)| role_phrases(role).contains(&low.as_str()))
        .map(|&(_, r)| r)
}

fn recurrence_roles() -> Vec<&'static str> {
    RECURRENCES.iter().map(|(r, _)| *r).collect()
}

/// The first recurrence phrase in a text, read by the pattern with word boundaries alone.
#[cfg(test)]
fn recurrence_bounded(text: &str) -> Option<(usize, usize, Recurrence)> {
    let (start, end) = bounded_at(text, 0)?;
    Some((start, end, recurrence(text.sub(start..end))?))
}

/// Where the recurrence pattern with word boundaries first matches from byte `at` on (the
/// text before it read as the boundary's context).
fn bounded_at(text: &str, at: usize) -> Option<(usize, usize)> {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?i)\b(?:{})\b",
            alternation(&recurrence_roles())
        ))
        .unwrap_or_else(|e| unreachable!("recurrence pattern: {e}"))
    });
    let m = RE.find_at(text, at)?;
    Some((m.start(), m.end()))
}

/// The first recurrence phrase in a text: where it is and what it is.
fn recurrence_in(text: &str) -> Option<(usize, usize, Recurrence)> {
    // The phrases without the Unicode word boundaries, which stop the regex crate's fast
    // automata at the first Vietnamese letter (the search then fell back to its backtracker
    // over the whole text, 4 % of the corpus's extraction): a text without any of them has no
    // recurrence, and most texts have none.
    static ANY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"(?i)(?:{})", alternation(&recurrence_roles())))
            .unwrap_or_else(|e| unreachable!("recurrence pattern: {e}"))
    });
    // Where the pattern with word boundaries first matches, it matches without them too:
    // the first bounded match starts at the first unbounded one or later. The bounded search,
    // whose Unicode boundaries keep the regex crate off its fast automata (a backtracker then
    // reads the text it is given, 19 500 instructions a text on the corpus), reads a window
    // after each unbounded match: one that starts inside that match ends within a phrase's
    // reach of its end.
    static REACH: LazyLock<usize> = LazyLock::new(|| {
        // (A phrase's character matches a character of up to four bytes in any case.)
        let longest = phrases(&recurrence_roles())
            .iter()
            .map(|p| p.chars().count())
            .max()
            .unwrap_or(0);
        2 * 4 * longest
    });
    let mut from = 0;
    while let Some(m) = ANY.find_at(text, from) {
        // The window, from the character before the match (which a boundary at its start
        // reads) to the character after the window's end (which one at its end reads): the
        // backtracker clears memory for all the text it is given, so none before.
        let base = vanban_text::floor(text, m.start().saturating_sub(1));
        let end = vanban_text::floor(text, m.start() + *REACH);
        let context = text.sub(base..vanban_text::ceil(text, end + 1));
        let found = match bounded_at(context, m.start() - base) {
            // (A match that takes the character after the window lost its own context: read
            // again in the whole text.)
            Some((_, e)) if base + e > end => bounded_at(text, m.start()),
            Some((s, e)) => Some((base + s, base + e)),
            None if end == text.len() => return None,
            None => {
                from = m.end().max(m.start() + 1);
                continue;
            }
        };
        let (start, end) = found?;
        return Some((start, end, recurrence(text.sub(start..end))?));
    }
    None
}

/// The first recurrence phrase of a text that says how often its task recurs: not one that is
/// part of a noun ([`part_of_a_noun`]), nor one right after such a phrase ("chi thường xuyên
/// hằng năm").
fn task_recurrence(text: &str) -> Option<(usize, usize, Recurrence)> {
    let mut from = 0;
    // Where the last phrase that was part of a noun ended.
    let mut noun_end = None;
    loop {
        let (a, b, r) = recurrence_in(text.sub(from..))?;
        let (a, b) = (from + a, from + b);
        let after_noun = noun_end.is_some_and(|e| text.sub(e..a).trim().is_empty());
        if !after_noun && !part_of_a_noun(text.sub(..a), text.sub(b..)) {
            return Some((a, b, r));
        }
        noun_end = Some(b);
        from = b;
    }
}

/// Whether the words that end `before` (the text before a recurrence phrase) make the phrase
/// part of a noun (`data/not-recurring-after.tsv`: "chi | thường xuyên", "ngân sách nhà nước |
/// hằng năm", "Nghị quyết | hằng năm | của …" with what follows it, `after`), not how often
/// the task recurs.
fn part_of_a_noun(before: &str, after: &str) -> bool {
    let from = vanban_text::floor(before, before.len().saturating_sub(40));
    let tail = lowercase(before.sub(from..));
    let tail = tail.trim_end();
    let next = lowercase(vanban_text::window(after.trim_start(), 0, 12));
    crate::lists::NOT_RECURRING_AFTER.iter().any(|entry| {
        let (words, follow) = entry.split_once('\t').unwrap_or((entry, ""));
        let ends = tail
            .strip_suffix(words)
            .is_some_and(|r| r.is_empty() || r.ends_with([' ', '(']));
        ends && (follow.is_empty()
            || next
                .strip_prefix(follow)
                .is_some_and(|r| r.starts_with(' ')))
    })
}

/// The deadline of a task text, `cell` when the whole text is a deadline (a "Thời gian" column
/// or field), against the document's date (`YYYY-MM-DD`, or `YYYY` when only the year is
/// printed: years left out take it, relative deadlines have nothing to count from).
pub(crate) fn deadline(text: &str, cell: bool, date: Option<&str>) -> Option<Deadline> {
    if cell {
        if let Some(d) = year_cell(text) {
            return Some(d);
        }
    }
    let year = date
        .filter(|d| d.len() == 4)
        .and_then(|d| d.parse::<i32>().ok());
    let date = date.and_then(parse_iso);
    let main = first_hit(text, cell, date, year);
    let rec = task_recurrence(text);
    let mut out = Deadline::default();
    let (mut start, mut end) = (usize::MAX, 0);
    if let Some(h) = &main {
        (start, end) = (h.start, h.end);
        out.due = h.due.map(iso);
        out.start = h.period.map(|p| iso(p.0));
        out.end = h.period.map(|p| iso(p.1));
        out.recurrence = h.every;
        out.on.clone_from(&h.on);
        out.year_inferred = h.inferred;
        // "Năm 2026 và các năm tiếp theo": from the period on, every year.
        if let (Some(n), true) = (onward_after(text, end), out.start.is_some()) {
            out.end = None;
            out.recurrence = out.recurrence.or(Some(Recurrence::Yearly));
            end += n;
        }
    }
    if let Some((a, b, r)) = rec.filter(|&(a, b, _)| main.is_none() || near(a, b, start, end)) {
        out.recurrence = Some(r);
        let a = lead_in(text, a).pos;
        (start, end) = (start.min(a), end.max(b));
    }
    if out.recurrence != Some(Recurrence::Yearly) {
        out.on = out.on.filter(|o| o.starts_with("---"));
    }
    out.kind = match (&main, out.due.is_some(), out.start.is_some()) {
        (Some(h), _, _) if h.relative => DeadlineKind::Relative,
        (_, true, _) => DeadlineKind::Due,
        (_, _, true) => DeadlineKind::Period,
        _ if out.recurrence.is_some() => DeadlineKind::Recurring,
        _ => DeadlineKind::Text,
    };
    out.text = if cell {
        // (A cell's bullet is no part of it: "- Trước ngày 15/10/2026".)
        let t = squash_spaces(text.trim());
        let t = t
            .strip_prefix("- ")
            .or_else(|| t.strip_prefix("+ "))
            .unwrap_or(&t);
        Str::from(t.trim_end_matches(['.', ';']))
    } else if start < end {
        // "định kỳ hàng năm (trước ngày 10/12)": the parenthesis the span opened is closed.
        let opened = text.sub(start..end).matches('(').count();
        if opened > text.sub(start..end).matches(')').count() && text.sub(end..).starts_with(')') {
            end += 1;
        }
        Str::from(squash_spaces(text.sub(start..end).trim()))
    } else {
        return None;
    };
    (!out.text.is_empty()).then_some(out)
}

/// The first date, period or relative deadline of a text that is no part of a plan's name,
/// read with the words before it.
fn first_hit(text: &str, cell: bool, date: Option<Ymd>, year: Option<i32>) -> Option<Hit> {
    if !may_hold_date(text) {
        return None;
    }
    dates::captures_iter(text).find_map(|c| {
        let m = c.whole();
        if in_plan_name(text, m.start(), m.end()) {
            return None;
        }
        let Lead {
            pos: start,
            due,
            on,
        } = lead_in(text, m.start());
        // "hoàn thành Dự án … trong năm 2025": a month, quarter or year to finish within.
        let within = !due
            && c.name(P::Ya).is_none()
            && text
                .sub(start..m.start())
                .trim()
                .eq_ignore_ascii_case("trong")
            && (completes_before(text, start)
                || onward_after(text, m.end()).is_none() && submits_before(text, start));
        let ctx = Ctx {
            due: due || within,
            on,
            lead: start < m.start(),
            cell,
            clock: ends_with_clock(text.sub(..start)),
        };
        let mut h = hit(&c, ctx, date, year)?;
        (h.start, h.end) = (start, m.end());
        // "báo cáo định kỳ (trước ngày 30 tháng 01 năm sau)": a day or month without its year
        // followed by "năm sau" is in the year after, every year.
        let yearless = c.name(P::D3).is_some() || c.name(P::M6).is_some();
        if let Some(n) = onward_after_role(text, m.end(), "next_year").filter(|_| yearless) {
            h.due = h.due.map(in_next_year);
            h.period = h.period.map(|(a, b)| (in_next_year(a), in_next_year(b)));
            h.every = Some(Recurrence::Yearly);
            h.end += n;
        }
        Some(h)
    })
}

/// Whether the date pattern ([`dates`]) may match in `text`: every alternative of the pattern holds an ASCII
/// digit, and a text without one needs no search.
fn may_hold_date(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_digit())
}

/// The same day a year later (the 28th for a 29 February).
fn in_next_year((y, m, d): Ymd) -> Ymd {
    (y + 1, m, d.min(days_in(y + 1, m)))
}

/// A deadline cell that is a year and nothing else ("2030"): that year as a period.
fn year_cell(text: &str) -> Option<Deadline> {
    let t = text.trim().trim_end_matches(['.', ';']);
    let y: i32 = t
        .bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| t.parse().ok())
        .flatten()
        .filter(|y| (1900..2200).contains(y))?;
    Some(Deadline {
        text: t.into(),
        start: Some(iso((y, 1, 1))),
        end: Some(iso((y, 12, 31))),
        kind: DeadlineKind::Period,
        ..Deadline::default()
    })
}

/// Whether the date match at `start..end` is part of a plan's name: the years before
/// ", tầm nhìn …" or after "tầm nhìn (đến năm)" (the "vision" words of
/// `data/deadline-words.tsv`).
fn in_plan_name(text: &str, start: usize, end: usize) -> bool {
    let after = lowercase(vanban_text::window(
        text.sub(end..).trim_start_matches([',', ' ']),
        0,
        PHRASE_WINDOW,
    ));
    let lower = lowercase(tail(text.sub(..start), PHRASE_WINDOW));
    let mut before = lower.trim_end_matches([' ', ':']);
    for w in ["năm", "đến"] {
        if let Some(b) = before.strip_suffix(w) {
            before = b.trim_end();
        }
    }
    role_phrases("vision")
        .iter()
        .any(|w| after.starts_with(w) || before.ends_with(w))
}

/// The length of an "onward" phrase ("và các năm tiếp theo") right after byte `end`.
fn onward_after(text: &str, end: usize) -> Option<usize> {
    onward_after_role(text, end, "onward")
}

/// The length of a phrase of `role` (`data/deadline-words.tsv`) right after byte `end`, as a
/// whole word.
fn onward_after_role(text: &str, end: usize, role: &str) -> Option<usize> {
    let rest = text.sub(end..);
    let trimmed = rest.trim_start();
    let low = lowercase(vanban_text::window(trimmed, 0, PHRASE_WINDOW));
    let w = role_phrases(role).iter().find(|w| {
        low.strip_prefix(**w)
            .is_some_and(|r| !r.chars().next().is_some_and(char::is_alphanumeric))
    })?;
    // Lower-casing keeps the byte length of these words.
    Some(rest.len() - trimmed.len() + w.len())
}

/// How much text around a match the phrase checks read: far more than the longest phrase of
/// `data/deadline-words.tsv` (about 25 bytes) and the word before it.
const PHRASE_WINDOW: usize = 160;

/// The last `max` bytes of `s` (fewer to start on a character).
fn tail(s: &str, max: usize) -> &str {
    s.sub(vanban_text::ceil(s, s.len().saturating_sub(max))..)
}

/// Two spans of a text close enough to be one deadline.
fn near(a: usize, b: usize, start: usize, end: usize) -> bool {
    a <= end + 40 && b + 40 >= start
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The phrases of each role made once are those of the role.
    /// A budget, a kind of schooling or a document before "thường xuyên" / "hằng năm" makes the
    /// phrase part of a noun (CT_09, KH_153, ND_30, NQ_380): no recurrence; a later phrase
    /// that says how often still counts.
    #[test]
    fn a_recurrence_phrase_that_is_part_of_a_noun_is_none() {
        for text in [
            "Bố trí kinh phí từ nguồn chi thường xuyên của cơ quan, đơn vị.",
            "Bố trí kinh phí cho công tác văn thư trong dự toán ngân sách nhà nước hàng năm.",
            "Thu tiền sử dụng nước theo Nghị quyết hằng năm của Hội đồng nhân dân thành phố.",
            "Phát triển các trung tâm giáo dục thường xuyên.",
            "Camera ghi liên tục tại các điểm.",
            "Tham mưu bố trí kinh phí chi thường xuyên hằng năm theo quy định.",
            // (Stop 60, from a reading of ND_162: the monthly allowance is paid, not a task
            // done monthly. "kế hoạch 5 năm và hằng năm", "phân bổ nguồn lực hằng năm" stay
            // yearly, as the gold tables read them.)
            "Bảo đảm kinh phí chi trả trợ cấp hằng tháng cho các đối tượng.",
            "Điều chỉnh mức phụ cấp hằng tháng theo quy định.",
        ] {
            assert_eq!(deadline(text, false, None), None, "{text}");
        }
        let d = deadline(
            "Bố trí từ nguồn chi thường xuyên; định kỳ hằng năm báo cáo kết quả.",
            false,
            None,
        );
        assert_eq!(
            d.map(|d| (d.text.to_string(), d.recurrence)),
            Some(("định kỳ hằng năm".to_owned(), Some(Recurrence::Yearly)))
        );
        let d = deadline("Thường xuyên kiểm tra, giám sát.", false, None);
        assert_eq!(d.and_then(|d| d.recurrence), Some(Recurrence::Ongoing));
        // A document without its owner after it, a time of day: the task recurs.
        for (text, every) in [
            (
                "Tổ chức sơ kết, đánh giá kết quả thực hiện Nghị quyết hằng năm.",
                Recurrence::Yearly,
            ),
            (
                "Tăng cường tuần tra ban ngày thường xuyên trên các tuyến quốc lộ.",
                Recurrence::Ongoing,
            ),
            (
                "Đẩy mạnh tuyên truyền, giáo dục thường xuyên cho học sinh.",
                Recurrence::Ongoing,
            ),
        ] {
            let d = deadline(text, false, None);
            assert_eq!(d.and_then(|d| d.recurrence), Some(every), "{text}");
        }
    }

    #[test]
    fn role_phrases_are_the_phrases_of_the_role() {
        for &(role, _) in DEADLINE_WORDS.iter() {
            assert_eq!(role_phrases(role), phrases(&[role]).as_slice(), "{role}");
        }
        assert!(role_phrases("no such role").is_empty());
    }

    /// Wherever the date pattern matches, the prefilter lets the text through: every line of
    /// the seed and the corpus, and each line that holds a date again with all its digits
    /// made one digit (a date of zeros is a date to the pattern).
    #[test]
    fn the_date_prefilter_lets_every_date_through() {
        let mut matched = 0;
        for text in crate::testing::seed_and_corpus() {
            for line in text.lines().filter(|l| dates::tests::REFERENCE.is_match(l)) {
                for d in '0'..='9' {
                    let t: String = line
                        .chars()
                        .map(|c| if c.is_ascii_digit() { d } else { c })
                        .collect();
                    if dates::tests::REFERENCE.is_match(&t) {
                        matched += 1;
                        assert!(may_hold_date(&t), "{t:?}");
                    }
                }
                assert!(may_hold_date(line), "{line:?}");
            }
        }
        assert!(matched > 10_000, "{matched}");
        assert!(!may_hold_date("Quý IV năm nay, tháng sau"));
    }

    /// The pattern the clock test reads by hand.
    fn clock_pattern() -> Regex {
        Regex::new(r"(?i)[0-9]{1,2}(?-u:\s)*(?:h|giờ)(?-u:\s)*[0-9]{0,2}\W{0,3}(?-u:\s)*$")
            .unwrap_or_else(|e| unreachable!("clock pattern: {e}"))
    }

    /// Every character, at every place of a clock time where one character can stand, gets
    /// the pattern's answer.
    #[test]
    fn the_clock_test_reads_every_character_as_the_pattern_does() {
        let re = clock_pattern();
        // The places of the hour word's letters and of the marks after the minutes, for
        // every character; the other places for the characters below U+3000 and every
        // thirteenth above.
        let every = ["1{}", "1{}iờ", "1g{}ờ", "1gi{}", "1h{}"];
        let some = [
            "1h{}{}",
            "1h.{}{}",
            "1h{}5",
            "1{}h",
            "{}1h",
            "1h3{}",
            "1h 3{}..",
            "1 {} h",
            "12{}h",
            "1h{}\u{b}",
        ];
        let mut checked = 0;
        for c in (0..=0x10_FFFFu32).filter_map(char::from_u32) {
            let mut buf = [0; 4];
            let s = &*c.encode_utf8(&mut buf);
            let sampled = (c as u32) < 0x3000 || (c as u32).is_multiple_of(13);
            for shape in every.iter().chain(some.iter().filter(|_| sampled)) {
                let text = shape.replace("{}", s);
                assert_eq!(ends_with_clock(&text), re.is_match(&text), "{text:?}");
                checked += 1;
            }
        }
        assert!(checked > 5_500_000, "{checked}");
    }

    /// Every text of up to five pieces of an alphabet of clock parts, spaces, marks and
    /// letters (under eight bytes before its last piece) gets the pattern's answer.
    #[test]
    fn the_clock_test_reads_short_texts_as_the_pattern_does() {
        let re = clock_pattern();
        let pieces = [
            "1", "23", "h", "H", "giờ", "GIỜ", "gIờ", " ", "\t", "\u{b}", "\u{a0}", ".", ",", "!",
            "a", "ờ", "_", "\u{301}", "٣", "ngày",
        ];
        let mut texts = vec![String::new()];
        let mut checked = 0;
        for _ in 0..5 {
            let mut longer = Vec::new();
            for t in &texts {
                for p in pieces {
                    let text = format!("{p}{t}");
                    assert_eq!(ends_with_clock(&text), re.is_match(&text), "{text:?}");
                    checked += 1;
                    if text.len() < 8 {
                        longer.push(text);
                    }
                }
            }
            texts = longer;
        }
        assert!(checked > 1_000_000, "{checked}");
    }

    /// Dates written with the digits of other scripts were never read (a date's numbers are
    /// parsed as ASCII): the patterns' ASCII digit and space classes change nothing there.
    #[test]
    fn dates_need_ascii_digits() {
        let due = |t: &str| deadline(t, false, Some("2025-11-20")).and_then(|d| d.due);
        assert_eq!(
            due("hoàn thành trước ngày 15/12/2025").as_deref(),
            Some("2025-12-15")
        );
        assert_eq!(
            due("hoàn thành trước ngày 15 /\t12 / 2025").as_deref(),
            Some("2025-12-15")
        );
        assert_eq!(due("hoàn thành trước ngày １５/１２/２０２５"), None);
        assert_eq!(due("hoàn thành trước ngày ١٥/١٢/٢٠٢٥"), None);
    }

    /// The recurrence prefilter (the phrases without word boundaries) lets through every text
    /// the bounded search finds a phrase in: every phrase in lower case, upper case and
    /// capitalised, alone, inside a sentence, glued to letters before or after, and cut short.
    #[test]
    fn recurrence_prefilter_lets_every_phrase_through() {
        let mut found = 0;
        for phrase in phrases(&recurrence_roles()) {
            let mut cap = phrase.chars();
            let capitalised: String = cap
                .next()
                .map(|c| c.to_uppercase().chain(cap).collect())
                .unwrap_or_default();
            for form in [phrase.to_owned(), phrase.to_uppercase(), capitalised] {
                let cut = form.get(..form.len() - 1).unwrap_or_default().to_owned();
                for text in [
                    form.clone(),
                    format!("Báo cáo {form} về Sở."),
                    format!("x{form}"),
                    format!("{form}x"),
                    format!("ệ{form} ệ"),
                    cut,
                ] {
                    let full = recurrence_bounded(&text);
                    found += usize::from(full.is_some());
                    assert_eq!(recurrence_in(&text), full, "{text:?}");
                }
            }
        }
        assert!(found > 20, "{found}");
    }

    /// The windowed search finds what the bounded search finds in the whole text: a phrase
    /// glued to a letter (no boundary) and then another at every distance, across the
    /// window's end, in every case; every line and every whole text of the seed and the
    /// corpus.
    #[test]
    fn the_windowed_recurrence_search_finds_the_first_bounded_phrase() {
        let all = phrases(&recurrence_roles());
        let mut texts: Vec<String> = Vec::new();
        for (k, a) in all.iter().enumerate() {
            let b = all[(k * 7 + 3) % all.len()];
            for gap in (0..400).step_by(13) {
                let filler = "ệ".repeat(gap / 3) + &"a".repeat(gap % 3);
                texts.push(format!("x{a} {filler} {b}"));
                texts.push(format!("x{a}{filler}{b}x {}", b.to_uppercase()));
                texts.push(format!("{filler}x{a}y {b}ệ"));
            }
        }
        // A second phrase at every distance, so that one ends at the window's last byte and
        // one straddles it, followed by a letter (no boundary) or a space.
        let reach = 2 * 4 * all.iter().map(|p| p.chars().count()).max().unwrap_or(0);
        for (a, b) in [(all[0], all[all.len() - 1]), (all[all.len() / 2], all[1])] {
            for gap in 0..reach + 16 {
                let filler = "a".repeat(gap);
                texts.push(format!("x{a}{filler} {b}y"));
                texts.push(format!("x{a}{filler} {b} "));
                texts.push(format!("x{a}{filler} {b}ệ"));
            }
        }
        for text in crate::testing::seed_and_corpus() {
            texts.extend(text.lines().map(str::to_owned));
            texts.push(text.to_owned());
        }
        let mut found = 0;
        for text in &texts {
            let full = recurrence_bounded(text);
            found += usize::from(full.is_some());
            assert_eq!(recurrence_in(text), full, "{text:?}");
        }
        assert!(found > 500, "{found}");
    }

    fn d(text: &str) -> Deadline {
        deadline(text, false, Some("2025-11-20")).unwrap_or_default()
    }

    #[test]
    fn the_years_of_a_plan_name_are_no_deadline() {
        // seeds/208-KH-UBND_2024_TuyenQuang II/1/c; KH_unnumbered-KH-UBND_2026_LaoCai IV/2.
        assert!(deadline(
            "tập trung triển khai thực hiện hiệu quả Kế hoạch thực hiện Quy hoạch tỉnh Tuyên Quang thời kỳ 2021-2030, tầm nhìn đến năm 2050 theo quy định.",
            false,
            Some("2024-11-20"),
        )
        .is_none());
        // A deadline after the name is still read.
        let x = d("điều chỉnh Quy hoạch tỉnh thời kỳ 2021–2030, tầm nhìn đến năm 2050; hoàn thành trước ngày 15/12/2026");
        assert_eq!(x.due.as_deref(), Some("2026-12-15"));
        // A period without a vision stays a period.
        assert_eq!(d("giai đoạn 2021-2025").end.as_deref(), Some("2025-12-31"));
    }

    #[test]
    fn a_period_and_the_years_after_it() {
        // KH_7360-KH-UBND_2025_LaiChau, II/4 (a "Thời gian thực hiện" field).
        let x =
            deadline("Năm 2026 và các năm tiếp theo", true, Some("2025-11-20")).unwrap_or_default();
        assert_eq!(x.start.as_deref(), Some("2026-01-01"));
        assert_eq!(x.end, None);
        assert_eq!(x.recurrence, Some(Recurrence::Yearly));
        assert_eq!(x.text, "Năm 2026 và các năm tiếp theo");
    }

    #[test]
    fn due_dates() {
        // A cell's bullet is no part of its deadline (CTr_104's second appendix).
        let x = deadline("- Trước ngày 15/10/2026", true, None).unwrap_or_default();
        assert_eq!(
            (x.text.as_str(), x.due.as_deref()),
            ("Trước ngày 15/10/2026", Some("2026-10-15"))
        );
        let x = d("Thời gian hoàn thành xong trước ngày 05/10/2026.");
        assert_eq!(x.text, "Thời gian hoàn thành xong trước ngày 05/10/2026");
        assert_eq!(
            (x.kind, x.due.as_deref()),
            (DeadlineKind::Due, Some("2026-10-05"))
        );
        assert_eq!(
            d("trước ngày 10 tháng 12 năm 2025").due.as_deref(),
            Some("2025-12-10")
        );
        let x = d("(hoàn thành trong tháng 11/2025)");
        assert_eq!(
            (x.text.as_str(), x.due.as_deref()),
            ("hoàn thành trong tháng 11/2025", Some("2025-11-30"))
        );
        assert_eq!(
            d("hoàn thành trong quý II năm 2025").due.as_deref(),
            Some("2025-06-30")
        );
        assert_eq!(
            d("chậm nhất ngày 15/01/2026 gửi").due.as_deref(),
            Some("2026-01-15")
        );
        assert_eq!(
            d("Tổ chức vào 13h30’ ngày 29/4/2026 tại").due.as_deref(),
            Some("2026-04-29")
        );
        assert_eq!(
            d("báo cáo vào ngày 10/12/2025").due.as_deref(),
            Some("2025-12-10")
        );
    }

    #[test]
    fn a_draft_dated_by_its_year_alone() {
        let x = deadline("định kỳ hàng năm (trước ngày 10/12)", false, Some("2026"))
            .unwrap_or_default();
        assert_eq!(
            (x.text.as_str(), x.due.as_deref(), x.year_inferred),
            (
                "định kỳ hàng năm (trước ngày 10/12)",
                Some("2026-12-10"),
                true
            )
        );
        assert_eq!(x.recurrence, Some(Recurrence::Yearly));
        // Nothing to count a relative deadline from.
        let x = deadline("trong thời hạn 15 ngày kể từ ngày ký", false, Some("2026"))
            .unwrap_or_default();
        assert_eq!((x.kind, x.due), (DeadlineKind::Relative, None));
    }

    #[test]
    fn what_is_sent_to_a_body_in_a_period_is_due_by_its_end() {
        // CT_07-CT-TTg_2012, 1/c and 4/-2.
        let x = d("rà soát, đánh giá việc lập quy hoạch, báo cáo Thủ tướng Chính phủ trong quý III năm 2012.");
        assert_eq!(
            (x.text.as_str(), x.due.as_deref(), x.start),
            ("trong quý III năm 2012", Some("2012-09-30"), None)
        );
        let x = d("trình Chính phủ xem xét, quyết định trong quý II năm 2012.");
        assert_eq!(x.due.as_deref(), Some("2012-06-30"));
        // At a bullet's start; a body whose brackets hold commas.
        let x = d("Trình Ủy ban nhân dân tỉnh trong tháng 6 năm 2026.");
        assert_eq!(x.due.as_deref(), Some("2026-06-30"));
        let x = d("báo cáo Bộ Kế hoạch và Đầu tư (đối với KKT, KCN) và Bộ Công Thương (đối với CCN) trong quý II năm 2012");
        assert_eq!(x.due.as_deref(), Some("2012-06-30"));
        // A programme, a procedure, a report written (no body right after), another clause:
        // the period stays a period.
        for text in [
            "triển khai Chương trình Sức khỏe trong năm 2026",
            "cải cách quy trình Một cửa trong quý IV năm 2025",
            "xây dựng báo cáo kết quả trong quý IV năm 2025",
            "báo cáo Ủy ban nhân dân tỉnh. Tổ chức tập huấn trong quý IV năm 2025",
            // No body after the word; what the report is about; another verb after a comma.
            "Xây dựng báo cáo Tổng kết trong quý IV năm 2025",
            "báo cáo Ủy ban nhân dân tỉnh về tình hình thực hiện trong quý I năm 2026",
            "trình UBND tỉnh phê duyệt kế hoạch vốn, giải ngân trong quý IV năm 2026",
        ] {
            let x = d(text);
            assert_eq!(x.due, None, "{text}");
            assert!(x.start.is_some(), "{text}");
        }
        // A period that goes on every year stays open.
        let x = d("báo cáo UBND tỉnh trong năm 2026 và các năm tiếp theo");
        assert_eq!((x.due, x.recurrence), (None, Some(Recurrence::Yearly)));
    }

    #[test]
    fn a_year_to_finish_within_and_a_year_it_happens_in() {
        // A completion word earlier in the clause: the year is the time to finish within.
        let x = d(
            "để có thể hoàn thành Dự án thành phần 1 thuộc Dự án cao tốc trong năm 2025, bảo đảm",
        );
        assert_eq!(
            (x.text.as_str(), x.due.as_deref(), x.start.as_deref()),
            ("trong năm 2025", Some("2025-12-31"), None)
        );
        assert_eq!(
            d("đảm bảo thông xe tuyến chính (Dự án thành phần 2) trong năm 2025")
                .due
                .as_deref(),
            Some("2025-12-31")
        );
        // Not across a clause, not for a range, not without one.
        let x = d("Hoàn thành dự án. Các nhiệm vụ triển khai trong năm 2025");
        assert_eq!((x.due, x.start.as_deref()), (None, Some("2025-01-01")));
        let x = d("hoàn thành các chỉ tiêu trong giai đoạn 2021-2025");
        assert_eq!((x.due, x.start.as_deref()), (None, Some("2021-01-01")));
        let x = d("Đối với các nhiệm vụ triển khai trong năm 2025, các sở");
        assert_eq!((x.due, x.end.as_deref()), (None, Some("2025-12-31")));
        // "vào năm 2030": the year it happens in.
        let x = d("trở thành đô thị loại I vào năm 2030.");
        assert_eq!(
            (x.text.as_str(), x.due, x.start.as_deref()),
            ("vào năm 2030", None, Some("2030-01-01"))
        );
    }

    #[test]
    fn periods() {
        let x = d("Quý IV/2025");
        assert_eq!(
            (x.kind, x.start.as_deref(), x.end.as_deref()),
            (DeadlineKind::Period, Some("2025-10-01"), Some("2025-12-31"))
        );
        assert_eq!(d("Quí IV-2025").start.as_deref(), Some("2025-10-01"));
        let x = d("6 tháng đầu năm 2026");
        assert_eq!(
            (x.start.as_deref(), x.end.as_deref()),
            (Some("2026-01-01"), Some("2026-06-30"))
        );
        let x = d("giai đoạn 2021-2025");
        assert_eq!(
            (x.start.as_deref(), x.end.as_deref()),
            (Some("2021-01-01"), Some("2025-12-31"))
        );
        assert_eq!(d("2026 – 2030").end.as_deref(), Some("2030-12-31"));
        let x = d("giai đoạn năm 2018-2022");
        assert_eq!(
            (x.start.as_deref(), x.end.as_deref()),
            (Some("2018-01-01"), Some("2022-12-31"))
        );
        // A year alone is a period in a deadline cell, and no deadline in running text.
        let x = deadline("2030", true, None).unwrap_or_default();
        assert_eq!(
            (x.kind, x.start.as_deref(), x.end.as_deref()),
            (DeadlineKind::Period, Some("2030-01-01"), Some("2030-12-31"))
        );
        assert!(deadline("2030", false, None).is_none());
        assert!(deadline("12030", true, None).is_none_or(|x| x.start.is_none()));
    }

    #[test]
    fn a_day_of_the_next_year() {
        // QD_27-2025-QD-UBND_2025_ThaiNguyen, Điều 14: each year's report by 30 January of the
        // next.
        let x = d("báo cáo định kỳ (trước ngày 30 tháng 01 năm sau) về tình hình an toàn điện");
        assert_eq!(x.text, "định kỳ (trước ngày 30 tháng 01 năm sau)");
        assert_eq!(
            (
                x.due.as_deref(),
                x.recurrence,
                x.on.as_deref(),
                x.year_inferred
            ),
            (
                Some("2026-01-30"),
                Some(Recurrence::Yearly),
                Some("--01-30"),
                true
            )
        );
        let x = d("trước ngày 15/01 của năm tiếp theo");
        assert_eq!(x.due.as_deref(), Some("2026-01-15"));
        // A full date stays as written; "năm sau" must follow the day.
        let x = d("trước ngày 15/01/2026 để chuẩn bị cho năm sau");
        assert_eq!((x.due.as_deref(), x.recurrence), (Some("2026-01-15"), None));
    }

    #[test]
    fn recurrences_and_inferred_years() {
        let x = d("Trước ngày 15/12 hàng năm, báo cáo");
        assert_eq!(x.text, "Trước ngày 15/12 hàng năm");
        assert_eq!(
            (x.recurrence, x.on.as_deref()),
            (Some(Recurrence::Yearly), Some("--12-15"))
        );
        assert_eq!(
            (x.due.as_deref(), x.year_inferred),
            (Some("2025-12-15"), true)
        );
        let x = d("báo cáo trước ngày 20 hằng tháng");
        assert_eq!(
            (x.kind, x.recurrence, x.on.as_deref()),
            (
                DeadlineKind::Recurring,
                Some(Recurrence::Monthly),
                Some("---20")
            )
        );
        assert_eq!(
            d("Thực hiện thường xuyên").recurrence,
            Some(Recurrence::Ongoing)
        );
        assert_eq!(d("trong tháng 12").due, None);
        assert_eq!(
            d("hoàn thành trong tháng 12").due.as_deref(),
            Some("2025-12-31")
        );
    }

    #[test]
    fn relative_and_not_deadlines() {
        let x = d("trong thời hạn 15 ngày kể từ ngày ký");
        assert_eq!(
            (x.kind, x.due.as_deref()),
            (DeadlineKind::Relative, Some("2025-12-05"))
        );
        assert_eq!(
            d("trong 5 ngày làm việc kể từ ngày ký").due.as_deref(),
            Some("2025-11-27")
        );
        assert!(deadline(
            "Nghị quyết số 214/NQ-CP ngày 23/7/2025 của Chính phủ",
            false,
            None
        )
        .is_none());
        assert!(deadline("Kế hoạch năm 2026 của tỉnh", false, None).is_none());
        assert!(deadline("", true, None).is_none());
        assert!(deadline("trước ngày 31/02/2025", false, None).is_none());
    }
}
