//! Document identity: a canonical id computed from issuer, type, year and number, in the
//! shape of URN:LEX: `urn:lex:vn:{authority}:{type}:{year};{number}`.
//!
//! Administrative numbers restart every year and Party numbers every term, so the year is
//! part of the id; a local issuer (UBND, HĐND, Tỉnh ủy, a Sở) carries its province, so
//! "99/KH-UBND" of Lào Cai is not "99/KH-UBND" of Tuyên Quang. An unknown part is `_`: a
//! date is never invented.

use vanban_model::{AgencyRef, DocumentKind};
use vanban_text::fold::{fold_case, fold_tones, slug};
use vanban_text::Sub;

use crate::lists::{CENTRAL_ISSUER_WORDS, CONTEXTUAL_ISSUERS, FORMER_MARKERS, LOCAL_UNITS};
use crate::words::Phrases;

/// What the citing document tells about context: its own province, for "Tỉnh ủy", "UBND
/// tỉnh" and the like.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// Province (or centrally-run city) of the citing document, e.g. "Tuyên Quang".
    pub province: Option<String>,
}

pub(crate) const ISSUER_CODE_WORDS: &str = include_str!("../data/issuer-code-words.tsv");

/// Words a stated issuer is expected to contain for an issuer code, from
/// `data/issuer-code-words.tsv`; `None` when the code is not listed.
pub fn expected_issuer_words(code: &str) -> Option<Vec<&'static str>> {
    let base = base_code(code);
    ISSUER_CODE_WORDS
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once('\t'))
        .find(|(c, _)| c.eq_ignore_ascii_case(&base) || *c == base)
        .map(|(_, words)| words.split('|').collect())
}

/// The first code of an issuer part, upper-cased, legislature number dropped:
/// "UBND-KT" → "UBND", "QH15" → "QH", "Tu" → "TU".
pub fn base_code(code: &str) -> String {
    let first = code.split(['-', '–']).next().unwrap_or(code);
    first
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .to_uppercase()
}

/// Whether an issuer code names a national body (listed in `data/issuer-codes.tsv`).
pub fn is_national(code: &str) -> bool {
    vanban_syntax::header::national_issuer(&base_code(code)).is_some()
        || vanban_syntax::header::national_issuer(code).is_some()
}

/// The authority part of an id. National codes give the slug of the body's name
/// ("chinh-phu"); any other code is local and carries the province ("ubnd.tuyen-quang").
pub fn authority(code: Option<&str>, province: Option<&str>, stated: Option<&str>) -> String {
    match code {
        Some(code) => {
            let base = base_code(code);
            if let Some(name) = vanban_syntax::header::national_issuer(&base)
                .or_else(|| vanban_syntax::header::national_issuer(code))
            {
                return slug(name);
            }
            // A code of digits only ("93/CT-05") is its own base.
            let base = if base.is_empty() {
                code.to_owned()
            } else {
                base
            };
            match province {
                Some(p) => format!("{}.{}", slug(&base), slug(p)),
                // A central body outside the national list, or no locality known.
                None => slug(&base),
            }
        }
        None => stated.map_or_else(|| "_".to_owned(), slug),
    }
}

/// The canonical id.
pub fn canonical_id(
    authority: &str,
    kind: DocumentKind,
    year: Option<u16>,
    number: &str,
) -> String {
    let year = year.map_or_else(|| "_".to_owned(), |y| y.to_string());
    format!("urn:lex:vn:{authority}:{}:{year};{number}", kind.as_str())
}

/// The id of a document cited by name ("Luật Đất đai"): laws, codes and the Constitution are
/// the National Assembly's, anything else has an unknown authority.
pub fn named_id(kind: DocumentKind, year: Option<u16>, name: &str) -> String {
    let authority = if matches!(
        kind,
        DocumentKind::Law | DocumentKind::Code | DocumentKind::Constitution
    ) {
        "quoc-hoi"
    } else {
        "_"
    };
    canonical_id(authority, kind, year, &slug(name))
}

pub(crate) const PROVINCES: &str = include_str!("../data/provinces.tsv");

/// (folded spelling, canonical name) of every province and centrally-run city, longest first.
fn provinces() -> &'static [(String, &'static str)] {
    static LIST: std::sync::OnceLock<Vec<(String, &'static str)>> = std::sync::OnceLock::new();
    LIST.get_or_init(|| {
        let mut v = Vec::new();
        for line in PROVINCES
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let mut cols = line.split('\t');
            let Some(canonical) = cols.next().map(str::trim) else {
                continue;
            };
            v.push((fold_tones(canonical), canonical));
            for alias in cols.next().unwrap_or("").split('|').map(str::trim) {
                if !alias.is_empty() {
                    v.push((fold_tones(alias), canonical));
                }
            }
        }
        v.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        v
    })
}

/// Whether a province (canonical name) is a centrally-run city: listed under "Centrally-run
/// cities" in `data/provinces.tsv`.
pub fn is_city(province: &str) -> bool {
    static LIST: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    let list = LIST.get_or_init(|| {
        let mut cities = Vec::new();
        let mut in_cities = false;
        for line in PROVINCES.lines() {
            if let Some(comment) = line.strip_prefix('#') {
                let c = comment.trim();
                if !c.is_empty() && !c.starts_with(char::is_lowercase) {
                    in_cities = c.starts_with("Centrally-run cities");
                }
            } else if in_cities {
                cities.extend(
                    line.split('\t')
                        .next()
                        .map(str::trim)
                        .filter(|c| !c.is_empty()),
                );
            }
        }
        cities
    });
    list.contains(&province)
}

/// The province a unit merged into in the 2025 reorganisation ("Yên Bái" → "Lào Cai",
/// "Thừa Thiên Huế" → "Huế"), from the notes of `data/provinces.tsv`.
pub fn successor_province(province: &str) -> Option<&'static str> {
    static LIST: std::sync::OnceLock<Vec<(&'static str, &'static str)>> =
        std::sync::OnceLock::new();
    let list = LIST.get_or_init(|| {
        PROVINCES
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let mut cols = l.split('\t');
                let name = cols.next()?.trim();
                let note = cols.nth(1)?.trim();
                let next = note
                    .strip_prefix("merged into ")
                    .or_else(|| note.strip_prefix("became the city of "))?;
                let next = next.split(" (").next()?.trim();
                Some((name, next))
            })
            .collect()
    });
    list.iter().find(|(n, _)| *n == province).map(|(_, s)| *s)
}

/// A name without the "(cũ)" / "(trước hợp nhất)" that marks it as a former unit's
/// (`data/former-markers.tsv`).
fn without_former_marker(name: &str) -> &str {
    let Some(open) = name.rfind(" (") else {
        return name;
    };
    let inside = fold_tones(name.sub(open + 2..).trim_end_matches(')'));
    if name.ends_with(')') && FORMER_MARKERS.contains(&inside.trim()) {
        name.sub(..open)
    } else {
        name
    }
}

/// The canonical name of the province whose name starts `text` ("Lào Cai, ngày …" → "Lào Cai").
pub fn known_province_at(text: &str) -> Option<&'static str> {
    let folded = fold_tones(text.get(..text.len().min(64)).unwrap_or(text));
    provinces().iter().find_map(|(name, canonical)| {
        let rest = folded.strip_prefix(name.as_str())?;
        (!rest.chars().next().is_some_and(char::is_alphanumeric)).then_some(*canonical)
    })
}

/// The one province whose name begins with these words ("Lào" → "Lào Cai"), if only one does.
pub fn complete_province(words: &str) -> Option<&'static str> {
    let want = format!("{} ", fold_tones(words.trim()));
    let found: std::collections::BTreeSet<&'static str> = provinces()
        .iter()
        .filter(|(name, _)| name.starts_with(&want))
        .map(|(_, c)| *c)
        .collect();
    (found.len() == 1)
        .then(|| found.into_iter().next())
        .flatten()
}

/// Province named in an issuer or locality text: "UBND tỉnh Lào Cai" → "Lào Cai",
/// "tỉnh Tuyên Quang" → "Tuyên Quang", "Thành phố Hồ Chí Minh" → "Hồ Chí Minh".
pub fn province_in(text: &str) -> Option<String> {
    // (The units' searchers are built once: `str::find` built one per call and unit.)
    static UNITS: std::sync::LazyLock<[(&str, memchr::memmem::Finder<'static>); 3]> =
        std::sync::LazyLock::new(|| {
            ["thành phố ", "tỉnh ", "tp. "].map(|u| (u, memchr::memmem::Finder::new(u)))
        });
    let lower = fold_case(text);
    for (unit, finder) in UNITS.iter() {
        let mut from = 0;
        while let Some(pos) = finder.find(lower.sub(from..).as_bytes()) {
            let start = from + pos + unit.len();
            from = start;
            // "Tỉnh ủy", "Thành uỷ" are Party committees, not places; "Tỉnh ủy Lào Cai" names
            // its province after the word.
            let mut start = start;
            if lower.sub(start..).starts_with("ủy ") || lower.sub(start..).starts_with("uỷ ") {
                start += "ủy ".len();
            } else if lower.sub(start..).starts_with("ủy") || lower.sub(start..).starts_with("uỷ")
            {
                continue;
            }
            if let Some(p) = known_province_at(text.sub(start..)) {
                return Some(p.to_owned());
            }
            let name: Vec<&str> = text
                .sub(start..)
                .split_whitespace()
                .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
                .take(4)
                .collect();
            if !name.is_empty() {
                let joined = name.join(" ");
                let clean = joined.trim_end_matches([',', ';', '.', ')']);
                // A name cut short ("Tỉnh ủy Lào (gửi kèm theo)") that begins exactly one
                // province's name.
                if let Some(p) = complete_province(clean) {
                    return Some(p.to_owned());
                }
                return Some(clean.to_owned());
            }
        }
    }
    None
}

/// Whether a stated issuer is a central body ("Tổ giúp việc Ban Chỉ đạo Trung ương", "Bộ
/// Tài chính", "Ngân hàng Nhà nước Việt Nam"): no province of the citing document applies.
pub fn is_central(stated: &str) -> bool {
    // The units' words split once, and the central words looked for in one pass (a search
    // for each word set itself up on every issuer asked about).
    static UNITS: std::sync::LazyLock<Vec<Vec<&'static str>>> =
        std::sync::LazyLock::new(|| LOCAL_UNITS.iter().map(|w| w.split(' ').collect()).collect());
    static CENTRAL: std::sync::LazyLock<Phrases> =
        std::sync::LazyLock::new(|| Phrases::new(CENTRAL_ISSUER_WORDS.iter().copied()));
    let lower = fold_case(stated);
    // A local unit's words, one after another among the words of the issuer.
    let words: Vec<&str> = lower
        .split(|c: char| !vanban_text::is_alphanumeric(c))
        .collect();
    let local = UNITS
        .iter()
        .any(|unit| words.windows(unit.len()).any(|ws| ws == unit.as_slice()));
    if local {
        return false;
    }
    CENTRAL.any_in(&lower) || lower.starts_with("bộ ") || lower.starts_with("bộ trưởng ")
}

/// Resolve a stated issuer against the citing document: expand UBND/HĐND, place tone marks
/// as official names do ("Uỷ" → "Ủy"), and give
/// contextual words the citing province ("Ban Thường vụ Tỉnh ủy" → "Ban Thường vụ Tỉnh ủy
/// Tuyên Quang"). Returns the resolved text and the province it names, if any.
pub fn resolve_issuer(raw: &str, ctx: &Context) -> (String, Option<String>) {
    // (Tone marks in the placement of official names: "Uỷ ban nhân dân Thành phố" is resolved
    // as "Ủy ban …" is, found at stop 58 — the older placement was neither completed with the
    // citing province nor written as the agencies are.)
    let expanded = vanban_text::fold::modern_tones_cow(
        &raw.replace("UBND", "Ủy ban nhân dân")
            .replace("HĐND", "Hội đồng nhân dân"),
    )
    .into_owned();
    if let Some(p) = province_in(&expanded) {
        return (expanded, Some(p));
    }
    let lower = fold_case(&expanded);
    let contextual = CONTEXTUAL_ISSUERS.iter().any(|w| ends_a_word(&lower, w));
    match (&ctx.province, contextual) {
        (Some(p), true) => (format!("{expanded} {p}"), Some(p.clone())),
        _ => (expanded, None),
    }
}

/// Whether `w` ends `text` or stands somewhere before a space in it (a search for "{w} "
/// made at each space: no string to build, no searcher to set up, for short texts).
fn ends_a_word(text: &str, w: &str) -> bool {
    text.ends_with(w)
        || text
            .match_indices(' ')
            .any(|(p, _)| text.sub(..p).ends_with(w))
}

/// The identity of an agency a document names: its graph id, full name and province. A
/// provincial body named without its province ("Sở Tài chính", "Ủy ban nhân dân huyện, thành
/// phố") takes the naming document's province, so the departments of two provinces stay two
/// agencies ("agency:so-tai-chinh.dong-thap"); "Ủy ban nhân dân tỉnh" becomes "Ủy ban nhân dân
/// tỉnh Lào Cai". Central bodies and names with a place stay as they are. The graph's agency
/// nodes and the extraction's `agencies` are made by this one function.
pub fn agency_identity(name: &str, province: Option<&str>) -> AgencyRef {
    let clean = vanban_text::squash_spaces(name);
    let mut aliases = Vec::new();
    // A body of a province merged in 2025 is the body of the province it joined.
    let named = province_in(&clean);
    let clean = match named
        .as_deref()
        .and_then(|p| Some((p, successor_province(p)?)))
    {
        Some((old, new)) if clean.contains(old) => {
            aliases.push(clean.clone());
            without_former_marker(&clean).replacen(old, new, 1)
        }
        _ => clean,
    };
    let merged = province.and_then(|p| Some((p, successor_province(p)?)));
    let province = merged.map_or(province, |(_, new)| Some(new));
    let local = province.filter(|_| !is_central(&clean) && province_in(&clean).is_none());

    let (id, canonical, locality) = match local {
        Some(p) => {
            let lower = fold_tones(&clean);
            // "Sở Tài chính tỉnh" is the province's own: its name takes the province. A list
            // of levels ("Ủy ban nhân dân huyện, thành phố") names the units below it.
            let levels = lower.ends_with(", thành phố") || lower.ends_with(", tỉnh");
            let own = !levels && (lower.ends_with(" tỉnh") || lower.ends_with(" thành phố"));
            if let Some((old, _)) = merged {
                aliases.push(if own {
                    format!("{clean} {old}")
                } else {
                    format!("{clean} ({old})")
                });
            }
            if own {
                let full = format!("{clean} {p}");
                (format!("agency:{}", slug(&full)), full, None)
            } else {
                (
                    format!("agency:{}.{}", slug(&clean), slug(p)),
                    clean.clone(),
                    Some(p.to_owned()),
                )
            }
        }
        None => (format!("agency:{}", slug(&clean)), clean.clone(), None),
    };
    AgencyRef {
        name: name.to_owned(),
        id,
        canonical,
        locality,
        aliases,
    }
}

/// Whether a recipient line points elsewhere ("Như trên", "Như Kính gửi", "Như Điều 3")
/// instead of naming a body: no agency, and no recipient in the graph.
pub fn points_elsewhere(name: &str) -> bool {
    crate::as_above(name).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A central issuer is told as splitting each unit and searching each word told it: on
    /// every line of the seed and the corpus and on compositions of units, central words and
    /// other words.
    #[test]
    fn central_issuers_are_told_as_word_by_word_searches_tell_them() {
        let by_searches = |stated: &str| {
            let lower = fold_case(stated);
            let words: Vec<&str> = lower
                .split(|c: char| !vanban_text::is_alphanumeric(c))
                .collect();
            let local = LOCAL_UNITS.iter().any(|w| {
                let len = w.split(' ').count();
                words
                    .windows(len)
                    .any(|ws| ws.iter().copied().eq(w.split(' ')))
            });
            !local
                && (CENTRAL_ISSUER_WORDS.iter().any(|w| lower.contains(w))
                    || lower.starts_with("bộ ")
                    || lower.starts_with("bộ trưởng "))
        };
        let pieces = [
            "Bộ ",
            "tỉnh",
            "Thành phố",
            "thị xã",
            "Trung ương",
            "Việt Nam",
            " ",
            "x",
        ];
        let mut texts = crate::testing::compositions(&pieces, 4);
        for text in crate::testing::seed_and_corpus() {
            texts.extend(text.lines().map(str::to_owned));
        }
        let mut central = 0;
        for t in &texts {
            let want = by_searches(t);
            assert_eq!(is_central(t), want, "{t:?}");
            central += usize::from(want);
        }
        assert!(central > 500, "{central}");
    }

    /// `ends_a_word` is `ends_with(w) || contains("{w} ")` for every contextual issuer word
    /// on texts of words, spaces and words that overlap themselves.
    #[test]
    fn a_word_before_a_space_is_found_as_contains_finds_it() {
        let pieces = ["tỉnh ủy", "tỉnh", " ", "ủy", "ban", "ubnd", "x", "aa"];
        let mut found = 0;
        for t in crate::testing::compositions(&pieces, 5) {
            for w in CONTEXTUAL_ISSUERS.iter().chain(&["aa", "a a"]) {
                let want = t.ends_with(w) || t.contains(&format!("{w} "));
                found += usize::from(want);
                assert_eq!(ends_a_word(&t, w), want, "{t:?} {w:?}");
            }
        }
        assert!(found > 10_000, "{found}");
    }

    #[test]
    fn bodies_of_merged_provinces_are_those_of_the_province_they_joined() {
        let named = agency_identity("Sở Tài chính tỉnh Yên Bái", Some("Tuyên Quang"));
        assert_eq!(named.canonical, "Sở Tài chính tỉnh Lào Cai");
        assert_eq!(named.aliases, ["Sở Tài chính tỉnh Yên Bái"]);
        assert_eq!(
            named.id,
            agency_identity("Sở Tài chính tỉnh Lào Cai", None).id
        );
        let local = agency_identity("Sở Tài chính", Some("Yên Bái"));
        assert_eq!(local.locality.as_deref(), Some("Lào Cai"));
        assert_eq!(local.aliases, ["Sở Tài chính (Yên Bái)"]);
        assert_eq!(
            local.id,
            agency_identity("Sở Tài chính", Some("Lào Cai")).id
        );
        let own = agency_identity("Ủy ban nhân dân tỉnh", Some("Hà Giang"));
        assert_eq!(own.canonical, "Ủy ban nhân dân tỉnh Tuyên Quang");
        assert_eq!(own.aliases, ["Ủy ban nhân dân tỉnh Hà Giang"]);
        // The marker of a former unit stays in the alias only.
        let former = agency_identity("Thanh tra tỉnh Yên Bái (trước hợp nhất)", None);
        assert_eq!(former.canonical, "Thanh tra tỉnh Lào Cai");
        assert_eq!(former.aliases, ["Thanh tra tỉnh Yên Bái (trước hợp nhất)"]);
        assert_eq!(
            agency_identity("Ủy ban nhân dân tỉnh Phú Yên (cũ)", None).canonical,
            "Ủy ban nhân dân tỉnh Đắk Lắk"
        );
        assert_eq!(successor_province("Thừa Thiên Huế"), Some("Huế"));
        assert_eq!(successor_province("Lào Cai"), None);
        // Unchanged provinces and central bodies have no aliases.
        assert!(agency_identity("Sở Tài chính", Some("Lào Cai"))
            .aliases
            .is_empty());
        assert!(agency_identity("Bộ Tài chính", Some("Yên Bái"))
            .aliases
            .is_empty());
    }

    #[test]
    fn a_list_of_levels_is_not_the_province_itself() {
        let own = agency_identity("Sở Tài chính tỉnh", Some("Tuyên Quang"));
        assert_eq!(own.canonical, "Sở Tài chính tỉnh Tuyên Quang");
        assert_eq!(own.locality, None);
        let below = agency_identity("Ủy ban nhân dân huyện, thành phố", Some("Tuyên Quang"));
        assert_eq!(below.canonical, "Ủy ban nhân dân huyện, thành phố");
        assert_eq!(below.locality.as_deref(), Some("Tuyên Quang"));
        assert!(below.id.ends_with(".tuyen-quang"), "{}", below.id);
    }

    #[test]
    fn provinces() {
        assert_eq!(province_in("UBND tỉnh Lào Cai").as_deref(), Some("Lào Cai"));
        assert_eq!(
            province_in("tỉnh Tuyên Quang").as_deref(),
            Some("Tuyên Quang")
        );
        assert_eq!(province_in("Ban Thường vụ Tỉnh ủy"), None);
        assert!(is_city("Cần Thơ") && is_city("Hà Nội") && !is_city("Lào Cai"));
        // Known provinces in one spelling; a name cut short is completed when only one
        // province begins so.
        assert_eq!(
            province_in("UBND tỉnh Thanh Hoá").as_deref(),
            Some("Thanh Hóa")
        );
        assert_eq!(province_in("Tỉnh ủy Lào").as_deref(), Some("Lào Cai"));
        assert_eq!(province_in("tỉnh Quảng").as_deref(), Some("Quảng"));
        assert_eq!(
            province_in("Thành phố Hồ Chí Minh").as_deref(),
            Some("Hồ Chí Minh")
        );
    }

    #[test]
    fn contextual_issuers_take_the_citing_province() {
        let ctx = Context {
            province: Some("Tuyên Quang".into()),
        };
        assert_eq!(
            resolve_issuer("Ban Thường vụ Tỉnh ủy", &ctx),
            (
                "Ban Thường vụ Tỉnh ủy Tuyên Quang".into(),
                Some("Tuyên Quang".into())
            )
        );
        assert_eq!(resolve_issuer("Bộ Chính trị", &ctx).1, None);
        assert_eq!(
            resolve_issuer("UBND tỉnh Lào Cai", &ctx).1.as_deref(),
            Some("Lào Cai")
        );
        // The older placement of tone marks is read and written as official names are
        // (found at stop 58: "Uỷ ban nhân dân Thành phố" was left without its city).
        for (raw, resolved) in [
            (
                "Uỷ ban nhân dân Thành phố",
                "Ủy ban nhân dân Thành phố Tuyên Quang",
            ),
            ("Ban Thường vụ Tỉnh uỷ", "Ban Thường vụ Tỉnh ủy Tuyên Quang"),
            (
                "Ban Chấp hành Trung ương Đảng khoá XI",
                "Ban Chấp hành Trung ương Đảng khóa XI",
            ),
        ] {
            assert_eq!(resolve_issuer(raw, &ctx).0, resolved);
        }
    }

    #[test]
    fn authorities() {
        assert_eq!(authority(Some("CP"), None, None), "chinh-phu");
        assert_eq!(authority(Some("QH15"), None, None), "quoc-hoi");
        assert_eq!(
            authority(Some("UBND-KT"), Some("Lào Cai"), None),
            "ubnd.lao-cai"
        );
        assert_eq!(authority(Some("Tu"), Some("Lào Cai"), None), "tu.lao-cai");
        // No locality known (or a central body outside the national list): the code alone.
        assert_eq!(authority(Some("TU"), None, None), "tu");
        // Codes in any case; a code of digits.
        assert_eq!(authority(Some("TTG"), None, None), "thu-tuong-chinh-phu");
        assert_eq!(authority(Some("05"), Some("Lào Cai"), None), "05.lao-cai");
    }

    #[test]
    fn central_issuers() {
        assert!(is_central("Tổ giúp việc Ban chỉ đạo Trung ương"));
        assert!(is_central("Bộ Tài chính"));
        assert!(is_central("Ngân hàng Nhà nước Việt Nam"));
        assert!(!is_central("Bộ Chỉ huy Quân sự tỉnh"));
        assert!(!is_central("Ngân hàng Nhà nước chi nhánh tỉnh Tuyên Quang"));
        assert!(!is_central("Ban Thường vụ Tỉnh ủy"));
    }

    #[test]
    fn agency_identity_takes_the_province_of_provincial_bodies() {
        let a = agency_identity("Sở Tài chính", Some("Đồng Tháp"));
        assert_eq!(a.id, "agency:so-tai-chinh.dong-thap");
        assert_eq!(a.locality.as_deref(), Some("Đồng Tháp"));
        assert_eq!(a.canonical, "Sở Tài chính");
        let a = agency_identity("Ủy ban nhân dân tỉnh", Some("Lào Cai"));
        assert_eq!(a.canonical, "Ủy ban nhân dân tỉnh Lào Cai");
        assert_eq!(a.id, "agency:uy-ban-nhan-dan-tinh-lao-cai");
        assert_eq!(a.locality, None);
        // Central bodies and names with their place stay as they are.
        for name in ["Bộ Tài chính", "Sở Công Thương tỉnh Quảng Ngãi"] {
            let a = agency_identity(name, Some("Lào Cai"));
            assert_eq!((a.canonical.as_str(), a.locality), (name, None));
        }
    }
}
