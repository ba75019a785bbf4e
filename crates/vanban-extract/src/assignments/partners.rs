//! The partners of a "phối hợp với" list: agencies, and the parties the registry does not
//! hold — no agency, or a group written plainly ("phối hợp với các Sở, ban ngành, nhà đầu tư
//! thứ cấp thực hiện …", "… và các cơ sở giáo dục nghề nghiệp trong và ngoài tỉnh tổ chức …",
//! "phối hợp với các đơn vị triển khai …").

use vanban_text::Sub;

use crate::agencies::{fold, name_ends_near, word_spans, AgencyRegistry};
use crate::lists::{PARTY_HEADS, PARTY_INNER};

/// At most this many words make a party's description after its head word.
const MOST_WORDS: usize = 12;

/// The partners at the start of `rest` (the text after "phối hợp với"): agencies the registry
/// reads and parties (as written), separated by commas and "và".
pub(super) fn partners(registry: &AgencyRegistry, rest: &str) -> Vec<String> {
    let (mut names, mut used) = registry.read_list(rest);
    if names.is_empty() {
        // A list may open with a party ("phối hợp với các đơn vị triển khai …").
        match party_len(rest) {
            Some(len) => {
                names.push(rest.sub(..len).to_owned());
                used = len;
            }
            None => return names,
        }
    }
    // A few more parts: each a party or a list of agencies after a separator.
    for _ in 0..6 {
        let after = rest.sub(used..);
        let Some(sep) = [", và ", ", ", " và "]
            .iter()
            .find(|s| after.starts_with(**s))
        else {
            break;
        };
        let start = used + sep.len();
        if let Some(len) = party_len(rest.sub(start..)) {
            names.push(rest.sub(start..start + len).to_owned());
            used = start + len;
            continue;
        }
        let (more, n) = registry.read_list(rest.sub(start..));
        if more.is_empty() {
            break;
        }
        names.extend(more);
        used = start + n;
    }
    names
}

/// The byte length of a party named at the start of `s`: a head of `data/party-heads.tsv`
/// ("nhà đầu tư", "các cơ sở giáo dục") and the words that describe it, up to the word that
/// starts the predicate (`data/agency-name-ends.tsv`: "thực hiện", "tổ chức", "trên" …) or a
/// punctuation mark; the phrases of `data/party-inner.tsv` ("khu, cụm công nghiệp", "trong
/// và ngoài tỉnh") go on with it. `None` when no head starts `s` or no end comes soon.
pub(super) fn party_len(s: &str) -> Option<usize> {
    let window = vanban_text::window(s, 0, 240);
    let folded = fold(window);
    // Folding keeps the byte length of Vietnamese letters; read nothing rather than misplace.
    if folded.len() != window.len() {
        return None;
    }
    let head = PARTY_HEADS
        .iter()
        .filter(|h| {
            folded
                .strip_prefix(**h)
                .is_some_and(|r| !r.chars().next().is_some_and(char::is_alphanumeric))
        })
        .map(|h| h.len())
        .max()?;
    // The words after the head as written (the lists hold them in small letters, with the
    // tone marks where writers put them).
    let words: Vec<(usize, &str)> = word_spans(window.sub(head..))
        .map(|(i, w)| (head + i, w))
        .collect();
    let mut end = head;
    let mut k = 0;
    while k < words.len() && k < MOST_WORDS {
        let (at, w) = words[k];
        if let Some(inner) = PARTY_INNER.iter().find(|p| {
            window
                .sub(at..)
                .strip_prefix(**p)
                .is_some_and(|r| !r.chars().next().is_some_and(char::is_alphanumeric))
        }) {
            end = at + inner.len();
            k += inner.split(' ').count();
            continue;
        }
        let bare = w.trim_end_matches([',', ';', '.', ':']);
        let wordlike = !bare.is_empty() && bare.chars().all(|c| c.is_alphabetic() || c == '-');
        if !wordlike || name_ends_near(&words, k) {
            return Some(end);
        }
        end = at + bare.len();
        if bare.len() != w.len() {
            return Some(end);
        }
        k += 1;
    }
    (k < words.len() || words.len() < MOST_WORDS).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parties_after_agencies() {
        let r = AgencyRegistry::builtin();
        // Corpus sentences (KH_134-KH-UBND_2026_LaoCai II/1, II/3, V/6).
        assert_eq!(
            partners(
                &r,
                "các Sở, ban ngành, nhà đầu tư thứ cấp thực hiện công tác GPMB"
            ),
            ["các Sở, ban, ngành", "nhà đầu tư thứ cấp"]
        );
        assert_eq!(
            partners(&r, "các Sở, ban ngành, chủ đầu tư kinh doanh hạ tầng kỹ thuật các khu, cụm công nghiệp trên địa bàn thực hiện công tác GPMB"),
            [
                "các Sở, ban, ngành",
                "chủ đầu tư kinh doanh hạ tầng kỹ thuật các khu, cụm công nghiệp"
            ]
        );
        assert_eq!(
            partners(&r, "các sở, ngành, đơn vị liên quan và các cơ sở giáo dục nghề nghiệp trong và ngoài tỉnh tổ chức đào tạo"),
            [
                "các Sở, ngành, đơn vị liên quan",
                "các cơ sở giáo dục nghề nghiệp trong và ngoài tỉnh"
            ]
        );
        // An agency after a party; a party first (CTr_31-CTr-TW_2026 III/5/c,
        // KH_134-KH-UBND_2026_LaoCai V/5).
        assert_eq!(
            partners(
                &r,
                "Sở Tài chính, các doanh nghiệp và Ủy ban nhân dân cấp xã rà soát"
            ),
            ["Sở Tài chính", "các doanh nghiệp", "Ủy ban nhân dân cấp xã"]
        );
        assert_eq!(
            partners(&r, "các đơn vị triển khai các nhiệm vụ"),
            ["các đơn vị"]
        );
        assert_eq!(
            partners(
                &r,
                "Đảng uỷ Viện Kiểm sát nhân dân tối cao và các cơ quan trong công tác điều tra"
            ),
            ["Đảng ủy Viện kiểm sát nhân dân tối cao", "các cơ quan"]
        );
        assert!(partners(&r, "người dân thực hiện").is_empty());
        // A description with no end in sight is no party.
        assert_eq!(
            party_len("doanh nghiệp nhỏ và vừa"),
            Some("doanh nghiệp nhỏ".len())
        );
        assert_eq!(party_len("người dân thực hiện"), None);
    }
}
