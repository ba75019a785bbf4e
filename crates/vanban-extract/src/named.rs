//! Named citations: documents cited by name rather than number — laws ("Luật Tổ chức chính
//! quyền địa phương"), the Constitution, projects ("Đề án 06", "Đề án “Xây dựng …”") and
//! master plans ("Quy hoạch tỉnh Tuyên Quang thời kỳ 2021-2030, tầm nhìn đến năm 2050").

use std::sync::OnceLock;

use regex::Regex;
use vanban_model::{DateParts, DocumentKind};

/// A named citation as found.
#[derive(Debug, Clone)]
pub(crate) struct NamedFound {
    pub start: usize,
    pub end: usize,
    pub name: String,
    pub kind: DocumentKind,
    /// The date after the name ("Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015"), or only
    /// a year ("Luật Đất đai năm 2024").
    pub date: Option<DateParts>,
}

fn date_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"^[ \n]+ngày[ \n]+(?:(\d{1,2})[ \n]+tháng[ \n]+(\d{1,2})[ \n]+năm[ \n]+(\d{4})|(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}))\b",
        )
        .unwrap_or_else(|e| unreachable!("static pattern: {e}"))
    })
}

fn head_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"\b(?:Bộ luật|Luật|Hiến pháp|Đề án|Quy hoạch)\b")
            .unwrap_or_else(|e| unreachable!("static pattern: {e}"))
    })
}

/// Words after "Quy hoạch" that make it the name of a plan, not the common noun.
const PLAN_WORDS: &[&str] = &[
    "tỉnh",
    "phát triển",
    "vùng",
    "quốc gia",
    "tổng thể",
    "sử dụng",
    "thành phố",
    "chung đô thị",
];

/// Words that end a name.
const NAME_STOPS: &[&str] = &[
    " số ",
    " ngày ",
    " năm ",
    " đã ",
    " được ",
    " quy định",
    " về ",
    " của ",
    " tại ",
    " theo ",
    " này",
    " và Luật",
    " và các",
    " và Nghị",
    " đối với",
    " có ",
    " để ",
    " nhằm ",
    " trong ",
    " với ",
    " thì ",
    " mà ",
    " hiện hành",
    " sửa đổi",
    " bảo đảm",
    " đảm bảo",
];

/// Find named citations in `range`, skipping `taken` ranges (numbered citations).
pub(crate) fn find(text: &str, range: (usize, usize), taken: &[(usize, usize)]) -> Vec<NamedFound> {
    let (from, to) = range;
    let mut out = Vec::new();
    for m in head_regex().find_iter(&text[from..to]) {
        let start = from + m.start();
        if taken.iter().any(|&(s, e)| start >= s && start < e) {
            continue;
        }
        let head = m.as_str();
        let after_head = start + head.len();
        let rest = &text[after_head..to];
        let Some(first) = rest.strip_prefix(' ') else {
            continue;
        };
        let (kind, end) = match head {
            "Đề án" => {
                if first.starts_with('“') || first.starts_with('"') {
                    // Đề án “Xây dựng …”: the quoted title.
                    let close = first[3..].find(['”', '"']).map(|p| p + 3);
                    match close {
                        Some(c) if c < 300 => {
                            let q = first[c..].chars().next().map_or(1, char::len_utf8);
                            (DocumentKind::ProjectProposal, after_head + 1 + c + q)
                        }
                        _ => continue,
                    }
                } else if first.starts_with(|c: char| c.is_ascii_digit()) {
                    // "Đề án 06".
                    let n = first.chars().take_while(char::is_ascii_digit).count();
                    (DocumentKind::ProjectProposal, after_head + 1 + n)
                } else {
                    continue;
                }
            }
            "Quy hoạch" => {
                if !first.starts_with(|c: char| c.is_uppercase())
                    && !PLAN_WORDS.iter().any(|w| first.starts_with(w))
                {
                    continue;
                }
                let mut end = name_end(first, true);
                // "…, tầm nhìn đến năm 2050" belongs to the name.
                let tail = &first[end..];
                if let Some(t) = tail.strip_prefix(", tầm nhìn đến năm ") {
                    let digits = t.chars().take_while(char::is_ascii_digit).count();
                    if digits == 4 {
                        end += ", tầm nhìn đến năm ".len() + 4;
                    }
                }
                (DocumentKind::Unknown, after_head + 1 + end)
            }
            _ => {
                // Laws and the Constitution: the name starts with a capital.
                if !first.starts_with(|c: char| c.is_uppercase()) {
                    continue;
                }
                let kind = match head {
                    "Bộ luật" => DocumentKind::Code,
                    "Hiến pháp" => DocumentKind::Constitution,
                    _ => DocumentKind::Law,
                };
                (kind, after_head + 1 + name_end(first, false))
            }
        };
        let name = text[start..end]
            .replace(['*', '_'], "")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .trim_end_matches([',', ' '])
            .to_owned();
        if name.chars().count() <= head.chars().count() + 2 {
            continue;
        }
        // "Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015": the date belongs to the
        // citation; "Luật Đất đai năm 2024": the year.
        let mut end = end;
        let date = if let Some(c) = date_regex().captures(&text[end..to]) {
            let num = |a: usize, b: usize| c.get(a).or_else(|| c.get(b)).map(|m| m.as_str());
            let d = DateParts {
                day: num(1, 4).and_then(|n| n.parse().ok()),
                month: num(2, 5).and_then(|n| n.parse().ok()),
                year: num(3, 6).and_then(|n| n.parse().ok()),
            };
            end += c.get(0).map_or(0, |m| m.end());
            Some(d)
        } else {
            text[end..to]
                .strip_prefix(" năm ")
                .and_then(|t| t.get(..4))
                .and_then(|y| y.parse().ok())
                .map(|y| DateParts {
                    day: None,
                    month: None,
                    year: Some(y),
                })
        };
        out.push(NamedFound {
            start,
            end,
            name,
            kind,
            date,
        });
    }
    out
}

/// Where a name ends: punctuation, a stop word, or fourteen words.
fn name_end(s: &str, comma_ends: bool) -> usize {
    let mut end = s.len().min(400);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    // Line breaks count as spaces (same byte length).
    let flat: String = s[..end]
        .chars()
        .map(|c| if c == '\n' { ' ' } else { c })
        .collect();
    let s = flat.as_str();
    for (i, c) in s.char_indices() {
        // A comma ends a name only before a capital: "Luật Cán bộ, công chức" is one name.
        let comma_stop = c == ','
            && (comma_ends
                || !s[i + 1..]
                    .trim_start()
                    .starts_with(|n: char| n.is_lowercase()));
        if matches!(c, ';' | '.' | '(' | ')' | ':' | '“' | '”' | '"' | '*')
            || comma_stop
            || s[i..].starts_with("  ")
        {
            end = i;
            break;
        }
    }
    for stop in NAME_STOPS {
        if let Some(p) = s[..end].find(stop) {
            end = end.min(p);
        }
    }
    let mut words = 0;
    for (i, c) in s[..end].char_indices() {
        if c == ' ' {
            words += 1;
            if words >= 14 {
                end = i;
                break;
            }
        }
    }
    s[..end].trim_end().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        find(text, (0, text.len()), &[])
            .into_iter()
            .map(|n| n.name)
            .collect()
    }

    #[test]
    fn named() {
        assert_eq!(
            names("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"),
            ["Luật Tổ chức chính quyền địa phương"]
        );
        assert_eq!(
            names("gắn với việc triển khai Đề án chuyển đổi số, Đề án 06 bảo đảm"),
            ["Đề án 06"]
        );
        assert_eq!(
            names("theo Quy hoạch tỉnh Tuyên Quang thời kỳ 2021-2030, tầm nhìn đến năm 2050 theo quy định."),
            ["Quy hoạch tỉnh Tuyên Quang thời kỳ 2021-2030, tầm nhìn đến năm 2050"]
        );
        assert_eq!(
            names("thực hiện hiệu quả Đề án “Xây dựng Tuyên Quang trở thành Khu Lâm nghiệp”."),
            ["Đề án “Xây dựng Tuyên Quang trở thành Khu Lâm nghiệp”"]
        );
        assert!(names("các cấp độ Quy hoạch theo quy định").is_empty());
    }
}
