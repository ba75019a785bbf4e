//! Groups of bodies named by their kinds, not by name: "các sở, ban, ngành, đoàn thể cấp tỉnh",
//! "cơ quan, ban, ngành thành phố", "Ủy ban nhân dân các tỉnh, thành phố". Most tasks that are
//! not one agency's are given to such a group; read as the words of its first kind alone
//! ("các sở", "Thủ trưởng cơ quan"), the group and the rest of its list were lost.
//!
//! A group opens with "các" and a kind of `data/collective-units.tsv`, or with two kinds parted
//! by a comma or "/"; each later kind is written in small letters; up to three words of
//! `data/collective-qualifiers.tsv` may follow ("cấp tỉnh", "có liên quan"), and a province's
//! name after "tỉnh" or "thành phố".

use std::sync::LazyLock;

use vanban_text::{ByFirstByte, Sub};

use crate::lists::{COLLECTIVE_QUALIFIERS, COLLECTIVE_UNITS};

/// A list of phrases, folded as texts are ("đoàn" and "hoà" with the tone where the fold puts
/// it), longest first, looked up by the first byte of a text.
struct Phrases {
    list: Vec<String>,
    by_first: ByFirstByte,
}

impl Phrases {
    fn new(words: &[&'static str]) -> Phrases {
        let mut list: Vec<String> = words.iter().map(|w| crate::agencies::fold(w)).collect();
        list.sort_by_key(|w| std::cmp::Reverse(w.len()));
        let by_first = ByFirstByte::new(list.iter().map(String::as_str));
        Phrases { list, by_first }
    }

    /// The byte length of the longest phrase that starts folded `f` and ends at a word's end.
    fn at(&self, f: &str) -> Option<usize> {
        let mut found = self.by_first.candidates(f.as_bytes()).iter();
        found.find_map(|&i| {
            let p = &self.list[i];
            let rest = f.strip_prefix(p.as_str())?;
            (!rest.starts_with(|c: char| c.is_alphanumeric() || c == '-')).then_some(p.len())
        })
    }
}

/// Kinds of `data/collective-units.tsv` that are persons, not bodies: a group goes on with them
/// ("các tổ chức, cá nhân") and never opens with them ("Trách nhiệm của các cá nhân").
const LATER_ONLY: &[&str] = &["cá nhân", "hộ gia đình"];

/// Kinds that also name whoever a law governs, first in a sentence without "các".
const LEGAL_PERSONS: &[&str] = &["cơ quan", "tổ chức", "đơn vị", "doanh nghiệp"];

static UNITS: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(&COLLECTIVE_UNITS));
static QUALIFIERS: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(&COLLECTIVE_QUALIFIERS));

/// The byte length of a group of bodies at the start of `text` (`folded`: its case and tone
/// fold, the same byte offsets).
pub(crate) fn collective_len(text: &str, folded: &str) -> Option<usize> {
    // "và" joins kinds ("các tổ chức, cá nhân và hộ gia đình") or starts the list's next name
    // ("các cơ quan, đơn vị và các địa phương"): read with it, a group must end where groups
    // end.
    group_len(text, folded, true).or_else(|| group_len(text, folded, false))
}

/// [`collective_len`], with kinds after "và" or not (`and`).
fn group_len(text: &str, folded: &str, and: bool) -> Option<usize> {
    let plural = folded.starts_with("các ");
    let start = if plural { "các ".len() } else { 0 };
    let first = UNITS.at(folded.sub(start..))?;
    let kind = folded.sub(start..start + first);
    if LATER_ONLY.contains(&kind) {
        return None;
    }
    let mut pos = start + first;
    let more = more_kinds_len(text.sub(pos..), folded.sub(pos..), and);
    // Without "các", two kinds at least ("Cấp ủy, chính quyền địa phương các cấp"); a sentence
    // that opens "Cơ quan, tổ chức, cá nhân …" speaks of whoever a law governs, and such a
    // group is read only in small letters, within a title or a list ("Người đứng đầu cơ
    // quan, tổ chức").
    let persons = LEGAL_PERSONS.contains(&kind);
    if !plural && (more == 0 || persons && !text.starts_with(char::is_lowercase)) {
        return None;
    }
    pos += more;
    pos += qualifiers_len(text.sub(pos..), folded.sub(pos..));
    ends_here(text.sub(pos..)).then_some(pos)
}

/// Whether a group may end where `rest` starts: at the text's end, a mark, or the word that
/// starts a predicate or joins the next name ("chủ trì", "có trách nhiệm", "và", "theo" …),
/// not amid words that go on describing it ("các tổ chức | chính trị", "các đơn vị | cấp nước
/// sạch", "các cơ quan | phản ánh").
fn ends_here(rest: &str) -> bool {
    if let Some(after) = rest.strip_prefix(", ") {
        // A list goes on with a name, "các", a title or a word that ends names ("và", "nhất
        // là", a predicate), not with other words in small letters: "các ngành | , lĩnh vực
        // khác" are fields of work.
        let words: Vec<(usize, &str)> = crate::agencies::word_spans(after).take(4).collect();
        return !after.starts_with(char::is_lowercase)
            || after.starts_with("các ")
            || crate::agencies::title_at(&crate::agencies::fold(vanban_text::window(
                after, 0, 40,
            )))
            .is_some()
            || crate::agencies::name_ends_near(&words, 0);
    }
    if rest.is_empty() || rest.starts_with([',', ';', '.', ':', '(', ')', '\n']) {
        return true;
    }
    let Some(after) = rest.strip_prefix(' ') else {
        return false;
    };
    if after.starts_with(['-', '–']) {
        return true;
    }
    // A capitalised word goes on with a name ("các Ban | Xây dựng Đảng").
    if after.starts_with(char::is_uppercase) {
        return false;
    }
    let words: Vec<(usize, &str)> = crate::agencies::word_spans(after).take(4).collect();
    crate::agencies::name_ends_near(&words, 0)
}

/// The byte length of the kinds and qualifiers that go on with a name ending with "các" and a
/// kind ("Ủy ban nhân dân các tỉnh" + ", thành phố"), or with kinds already listed ("Ủy ban
/// nhân dân phường, xã" + ", đặc khu"): nothing when no kind follows.
pub(crate) fn continued_len(name_folded: &str, text: &str, folded: &str) -> usize {
    let ends_with_kind = |at: &str| {
        name_folded.rmatch_indices(at).any(|(i, _)| {
            let kind = name_folded.sub(i + at.len()..);
            UNITS.at(kind) == Some(kind.len())
        })
    };
    // (A group's kinds are the group's: "các cấp ủy, tổ chức đảng" | ", chính quyền" is a
    // list of two.)
    let listed = !name_folded.starts_with("các ") && ends_with_kind(", ");
    let plural_kind = ends_with_kind("các ") || listed;
    if !plural_kind {
        return 0;
    }
    let more = more_kinds_len(text, folded, false);
    if more == 0 {
        return 0;
    }
    let len = more + qualifiers_len(text.sub(more..), folded.sub(more..));
    if ends_here(text.sub(len..)) {
        len
    } else {
        0
    }
}

/// ", ngành", "/phường", " và cá nhân" …: the kinds in small letters after a kind, parted by
/// commas, "/" or (`and`) "và".
fn more_kinds_len(text: &str, folded: &str, and: bool) -> usize {
    let seps: &[&str] = if and {
        &[", ", "/", " và "]
    } else {
        &[", ", "/"]
    };
    let mut pos = 0;
    loop {
        let rest = folded.sub(pos..);
        let Some(sep) = seps.iter().find(|s| rest.starts_with(**s)) else {
            return pos;
        };
        let at = pos + sep.len();
        if !text.sub(at..).starts_with(char::is_lowercase) {
            return pos;
        }
        match UNITS.at(folded.sub(at..)) {
            Some(n) => pos = at + n,
            None => return pos,
        }
    }
}

/// " cấp tỉnh", " có liên quan", " thuộc Thành phố", " tỉnh Lào Cai" …: up to three qualifiers.
fn qualifiers_len(text: &str, folded: &str) -> usize {
    let mut pos = 0;
    for _ in 0..3 {
        let Some(n) = folded
            .sub(pos..)
            .strip_prefix(' ')
            .and_then(|r| QUALIFIERS.at(r))
        else {
            break;
        };
        pos += 1 + n;
        let word = folded.sub(..pos);
        if word.ends_with(" tỉnh") || word.ends_with(" thành phố") {
            let place = text.sub(pos..);
            if let Some(name) = place
                .strip_prefix(' ')
                .filter(|p| crate::identity::known_province_at(p).is_some())
            {
                pos += 1 + crate::agencies::proper_name_len(name);
                break;
            }
        }
    }
    pos
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agencies::fold;

    fn group(t: &str) -> Option<&str> {
        collective_len(t, &fold(t)).map(|n| t.sub(..n))
    }

    #[test]
    fn groups_of_bodies_by_their_kinds() {
        for (text, want) in [
            (
                "Các sở, ban, ngành, đoàn thể cấp tỉnh và UBND các xã",
                Some("Các sở, ban, ngành, đoàn thể cấp tỉnh"),
            ),
            (
                "cơ quan, ban, ngành thành phố, Chủ tịch",
                Some("cơ quan, ban, ngành thành phố"),
            ),
            (
                "các ngành, cơ quan cấp tỉnh, UBND các xã",
                Some("các ngành, cơ quan cấp tỉnh"),
            ),
            (
                "các Sở, ban, ngành, đơn vị thuộc Thành phố triển khai",
                Some("các Sở, ban, ngành, đơn vị thuộc Thành phố"),
            ),
            (
                "các sở, ngành tỉnh Lào Cai thực hiện",
                Some("các sở, ngành tỉnh Lào Cai"),
            ),
            // The bodies under a People's Committee or a department (CV_4240: a whole item
            // and its four bullets were lost for "… thuộc Ủy ban nhân dân Thành phố").
            (
                "các cơ quan chuyên môn thuộc Ủy ban nhân dân Thành phố; Chủ tịch",
                Some("các cơ quan chuyên môn thuộc Ủy ban nhân dân Thành phố"),
            ),
            (
                "các cơ quan chuyên môn thuộc UBND tỉnh Lào Cai rà soát",
                Some("các cơ quan chuyên môn thuộc UBND tỉnh Lào Cai"),
            ),
            (
                "các cơ quan chuyên môn, cơ quan hành chính khác, các đơn vị",
                Some("các cơ quan chuyên môn, cơ quan hành chính khác"),
            ),
            (
                "các đơn vị sự nghiệp công lập thuộc Sở rà soát",
                Some("các đơn vị sự nghiệp công lập thuộc Sở"),
            ),
            (
                "các cơ quan, đơn vị có liên quan.",
                Some("các cơ quan, đơn vị có liên quan"),
            ),
            // One kind without "các" is no group; a capitalised word after a comma starts
            // another name; "các" before no kind is none.
            ("cơ quan thực hiện", None),
            ("Sở, Thủ trưởng cơ quan", None),
            ("các nội dung, nhiệm vụ", None),
            ("các bộ,ngành", Some("các bộ")),
        ] {
            assert_eq!(group(text), want, "{text:?}");
        }
    }

    #[test]
    fn a_plural_kind_goes_on_through_the_kinds_after_it() {
        fn go_on<'a>(name: &str, rest: &'a str) -> &'a str {
            rest.sub(..continued_len(&fold(name), rest, &fold(rest)))
        }
        assert_eq!(
            go_on(
                "Ủy ban nhân dân các tỉnh",
                ", thành phố trực thuộc Trung ương chỉ đạo"
            ),
            ", thành phố trực thuộc Trung ương"
        );
        assert_eq!(go_on("Ủy ban nhân dân tỉnh", ", thành phố chỉ đạo"), "");
        assert_eq!(go_on("Ủy ban nhân dân các tỉnh", ", Sở Tài chính"), "");
    }
}
