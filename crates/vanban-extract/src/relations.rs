//! Typed relations from Vietnamese formulae and their position.
//!
//! A trigger phrase just before a citation types it ("thực hiện Kết luận số 72-KL/TW").
//! When the phrase follows another citation in the same sentence, the claim is nested: the
//! earlier cited document is the subject ("Kế hoạch số 500-KH/TU … về thực hiện Kết luận
//! số 72-KL/TW" — 500-KH/TU implements 72-KL/TW). Otherwise the citing document is the
//! subject, but only where its position makes the claim its own: the title and the preamble
//! for every type; operative articles for amends, replaces, repeals, suspends and corrects.
//! A paragraph that opens with a formula ("Căn cứ …", "Thực hiện …") gives it to each
//! citation listed in it. Every cited document left without a relation is cited.

use vanban_model::{DocumentKind, RelationType};
use vanban_text::Sub;

/// Where a citation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Position {
    Title,
    Preamble,
    Body,
}

const TRIGGERS: &[(&str, RelationType)] = &[
    (
        "tiếp tục triển khai thực hiện",
        RelationType::ContinuesImplementing,
    ),
    ("tiếp tục thực hiện", RelationType::ContinuesImplementing),
    ("triển khai thực hiện", RelationType::Implements),
    ("thực hiện", RelationType::Implements),
    ("triển khai", RelationType::Implements),
    ("cụ thể hóa", RelationType::Implements),
    ("cụ thể hoá", RelationType::Implements),
    ("căn cứ", RelationType::BasedOn),
    ("sửa đổi, bổ sung", RelationType::Amends),
    ("sửa đổi bổ sung", RelationType::Amends),
    ("sửa đổi", RelationType::Amends),
    ("thay thế", RelationType::Replaces),
    ("bãi bỏ", RelationType::Repeals),
    ("hủy bỏ", RelationType::Repeals),
    ("huỷ bỏ", RelationType::Repeals),
    ("đình chỉ", RelationType::Suspends),
    ("tạm ngưng", RelationType::Suspends),
    ("quy định chi tiết", RelationType::Details),
    ("hướng dẫn thi hành", RelationType::Guides),
    ("hướng dẫn", RelationType::Guides),
    ("đính chính", RelationType::Corrects),
    ("ban hành kèm theo", RelationType::Attaches),
    ("kèm theo", RelationType::Attaches),
];

/// Most bytes allowed between a trigger and the citation it types ("sửa đổi, bổ sung một số
/// điều của ").
const TRIGGER_REACH: usize = 48;

/// The trigger nearest the end of `gap` (folded text), if it is close enough to the end.
pub(crate) fn trigger_before(gap: &str) -> Option<(RelationType, usize)> {
    let mut best: Option<(RelationType, usize, usize)> = None;
    for &(phrase, kind) in TRIGGERS {
        if let Some(pos) = gap.rfind(phrase) {
            let end = pos + phrase.len();
            // Whole words only.
            let before_ok = !gap
                .sub(..pos)
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
            let after_ok = !gap
                .sub(end..)
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric);
            if !before_ok || !after_ok {
                continue;
            }
            // The longest phrase ending last wins ("tiếp tục thực hiện" over "thực hiện").
            let better = match best {
                None => true,
                Some((_, bpos, bend)) => end > bend || (end == bend && pos < bpos),
            };
            if better {
                best = Some((kind, pos, end));
            }
        }
    }
    let (kind, pos, end) = best?;
    let tail = gap.sub(end..);
    if tail.len() > TRIGGER_REACH || tail.contains(['.', ';']) {
        return None;
    }
    // "hướng dẫn của Bộ Nội vụ tại Công văn …": the word is a noun here, not a formula.
    if tail.trim_start().starts_with("của") {
        return None;
    }
    // "Luật sửa đổi, bổ sung một số điều của Luật …": the formula is the title of the cited
    // document, not a claim of the citing one.
    let before = gap.sub(..pos).rsplit('\n').next().unwrap_or("").trim_end();
    const TYPES: &[&str] = &[
        "luật",
        "nghị định",
        "thông tư",
        "quyết định",
        "nghị quyết",
        "pháp lệnh",
    ];
    if TYPES.iter().any(|t| before.ends_with(t)) {
        return None;
    }
    Some((kind, pos))
}

/// Passive formulae: the citation after them is the subject ("… được sửa đổi, bổ sung bởi
/// Quyết định số 29/2019/QĐ-TTg", "… được sửa đổi, bổ sung một số điều theo Luật số …").
pub(crate) fn passive_before(gap: &str) -> Option<RelationType> {
    const PASSIVE: &[(&str, RelationType)] = &[
        ("được sửa đổi, bổ sung", RelationType::Amends),
        ("được sửa đổi", RelationType::Amends),
        ("được bổ sung", RelationType::Amends),
        ("được thay thế", RelationType::Replaces),
        ("bị thay thế", RelationType::Replaces),
        ("bị bãi bỏ", RelationType::Repeals),
        ("được bãi bỏ", RelationType::Repeals),
        ("được hướng dẫn", RelationType::Guides),
        ("được quy định chi tiết", RelationType::Details),
    ];
    PASSIVE
        .iter()
        .find(|(p, _)| gap.contains(p))
        .map(|&(_, k)| k)
}

/// A sentence tail that ends the force of the documents before it, in the present of an
/// operative article: "… hết hiệu lực (thi hành) kể từ ngày …". A past statement ("đã hết
/// hiệu lực") or a question of force ("còn hiệu lực") is not.
pub(crate) fn ends_force_after(tail: &str) -> bool {
    tail.find("hết hiệu lực").is_some_and(|p| {
        let before = tail.sub(..p);
        !before.ends_with("đã ") && !before.ends_with("sẽ ") && !before.contains(" khi ")
    })
}

/// The formula a paragraph opens with, for citations listed in it.
pub(crate) fn opener(paragraph: &str) -> Option<RelationType> {
    let t = paragraph.trim_start_matches(|c: char| !c.is_alphabetic());
    const OPENERS: &[(&str, RelationType)] = &[
        ("căn cứ", RelationType::BasedOn),
        ("tiếp tục thực hiện", RelationType::ContinuesImplementing),
        ("thực hiện", RelationType::Implements),
        ("triển khai thực hiện", RelationType::Implements),
        ("triển khai", RelationType::Implements),
        ("cụ thể hóa", RelationType::Implements),
        ("theo đề nghị", RelationType::ProposedBy),
        ("xét đề nghị", RelationType::ProposedBy),
        ("sửa đổi, bổ sung", RelationType::Amends),
        ("bãi bỏ", RelationType::Repeals),
        ("quy định chi tiết", RelationType::Details),
        ("hướng dẫn", RelationType::Guides),
    ];
    OPENERS
        .iter()
        .find(|(p, _)| t.starts_with(p))
        .map(|&(_, k)| k)
}

/// Whether the document itself asserts a relation of this type from this position.
pub(crate) fn own_claim_allowed(kind: RelationType, pos: Position) -> bool {
    match pos {
        Position::Title | Position::Preamble => true,
        Position::Body => matches!(
            kind,
            RelationType::Amends
                | RelationType::Replaces
                | RelationType::Repeals
                | RelationType::Suspends
                | RelationType::Corrects
        ),
    }
}

/// Words of intent before a trigger: the document asks for an amendment, it does not make
/// one ("tham mưu … sửa đổi", "dự thảo Nghị định sửa đổi …", "đề xuất bãi bỏ").
pub(crate) fn intent_before(gap: &str) -> bool {
    const INTENT: &[&str] = &[
        "đề xuất",
        "dự thảo",
        "tham mưu",
        "nghiên cứu",
        "kiến nghị",
        "đề nghị",
        "trình ",
        "xây dựng",
        "rà soát",
    ];
    INTENT.iter().any(|w| gap.contains(w))
}

/// The document itself is the subject: "Kế hoạch này thay thế …", "Quyết định này bãi bỏ …".
pub(crate) fn self_subject(gap: &str) -> bool {
    gap.split(['.', ';'])
        .next_back()
        .is_some_and(|clause| clause.contains(" này "))
}

/// "Theo đề nghị … tại Tờ trình số …": a proposal relation only to the submission itself or
/// a letter that carries the proposal.
pub(crate) fn proposal_target(kind: DocumentKind) -> bool {
    matches!(
        kind,
        DocumentKind::Submission
            | DocumentKind::Document
            | DocumentKind::OfficialLetter
            | DocumentKind::Report
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn triggers() {
        assert_eq!(
            trigger_before(" về tiếp tục thực hiện ").map(|t| t.0),
            Some(RelationType::ContinuesImplementing)
        );
        assert_eq!(
            trigger_before(" sửa đổi, bổ sung một số điều của ").map(|t| t.0),
            Some(RelationType::Amends)
        );
        assert_eq!(trigger_before(", "), None);
        assert_eq!(trigger_before(" thực hiện nhiệm vụ; "), None);
    }

    #[test]
    fn openers() {
        assert_eq!(opener("căn cứ luật tổ chức"), Some(RelationType::BasedOn));
        assert_eq!(
            opener("*thực hiện kế hoạch"),
            Some(RelationType::Implements)
        );
        assert_eq!(opener("ủy ban nhân dân tỉnh ban hành"), None);
    }
}
