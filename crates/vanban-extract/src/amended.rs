//! References inside an amending article belong to the document it amends: under "Điều 1.
//! Sửa đổi, bổ sung một số điều của Thông tư số 43/2025/TT-BCT …", "1. Sửa đổi, bổ sung
//! khoản 4 Điều 3 như sau:" names Điều 3 of that circular, not of the amending one (which has
//! no Điều 3). An article (or a clause or point over others: "1. Sửa đổi, bổ sung Phụ lục số
//! 01 … ban hành kèm theo Luật Phí và lệ phí số 97/2015/QH13 …" / "a) …") is amending when its
//! own words (its heading, or its text before its clauses) open with "Sửa đổi", "Bổ sung",
//! "Bãi bỏ" or "Thay thế" and cite a document; each reference in the units under it that
//! stands for the amending document takes that document, except one that says so itself
//! ("… Điều này", "Nghị quyết này"). Innermost wins.

use std::sync::Arc;

use vanban_model::{Citation, Document, Node, NodeKind, Reference, ThinVec};
use vanban_text::fold::fold_case;

/// The words an amending article opens with (folded).
const OPENINGS: [&str; 4] = ["sửa đổi", "bổ sung", "bãi bỏ", "thay thế"];

/// An amending article: where its clauses lie (byte range) and the document it amends.
struct Scope {
    from: usize,
    to: usize,
    amended: Arc<str>,
}

/// Give the references inside amending articles the document amended (see the module).
pub(crate) fn retarget(
    references: &mut [Reference],
    doc: &Document,
    cites: &[Citation],
    own: &Arc<str>,
) {
    let mut scopes = Vec::new();
    for top in &doc.body {
        let units = [NodeKind::Article, NodeKind::Clause, NodeKind::Point];
        for node in top
            .walk()
            .filter(|n| units.contains(&n.kind) && !n.children.is_empty())
        {
            if let Some(scope) = scope_of(node, cites, own) {
                scopes.push(scope);
            }
        }
    }
    if scopes.is_empty() {
        return;
    }
    for r in references.iter_mut() {
        if r.document.as_deref() != Some(&**own) || r.units.iter().any(|u| u.ends_with(" này")) {
            continue;
        }
        let at = r.span.start;
        // (Scopes are in pre-order, their starts ascending: of those starting at or before the
        // reference, the last that holds it is the innermost.)
        let before = scopes.partition_point(|s| s.from <= at);
        if let Some(s) = scopes.iter().take(before).rev().find(|s| at < s.to) {
            r.document = Some(Arc::clone(&s.amended));
            r.targets = ThinVec::new();
        }
    }
}

/// The scope of an article that amends a document it cites in its own words.
fn scope_of(node: &Node, cites: &[Citation], own: &Arc<str>) -> Option<Scope> {
    let words = node.heading().unwrap_or_else(|| node.text());
    let folded = fold_case(words.trim_start_matches(['*', '_', ' ']));
    if !OPENINGS.iter().any(|o| folded.starts_with(o)) {
        return None;
    }
    // The article's own words end where its first clause starts.
    let own_end = node
        .children
        .first()
        .map_or(node.span.end, |c| c.span.start);
    let amended = cites
        .iter()
        .filter(|c| node.span.start <= c.span.start && c.span.start < own_end)
        .find_map(|c| c.target_id.clone())
        .filter(|t| **t != **own)?;
    Some(Scope {
        from: own_end,
        to: node.span.end,
        amended,
    })
}

#[cfg(test)]
mod tests {
    /// The document each reference of `text` is given, with the reference's words.
    fn documents(text: &str) -> Vec<(String, String)> {
        let x = crate::extract(&vanban_syntax::parse(text));
        x.references
            .iter()
            .map(|r| {
                let d = r.document.as_deref().unwrap_or_default();
                let tail = d.rsplit(';').next().unwrap_or_default().to_owned();
                (r.raw.to_string(), tail)
            })
            .collect()
    }

    /// Under an article that amends a cited circular, the clauses' references are the
    /// circular's; one that says "Điều này" is the amending document's, and so is a
    /// reference under an article that amends nothing it cites.
    #[test]
    fn references_under_an_amending_article_are_the_amended_documents() {
        let text = "BỘ CÔNG THƯƠNG\nSố: 67/2025/TT-BCT\nHà Nội, ngày 10 tháng 12 năm 2025\n\n\
                    THÔNG TƯ\nSửa đổi Thông tư số 43/2025/TT-BCT\n\n\
                    Điều 1. Sửa đổi, bổ sung một số điều của Thông tư số 43/2025/TT-BCT ngày 04 \
                    tháng 7 năm 2025 của Bộ trưởng Bộ Công Thương\n\
                    1. Sửa đổi, bổ sung khoản 4 Điều 3 như sau:\n\
                    2. Bổ sung khoản 6 vào Điều 8 theo khoản 2 Điều này.\n\
                    Điều 2. Hiệu lực thi hành\n\
                    1. Thông tư này có hiệu lực từ ngày ký, trừ khoản 2 Điều 1.\n";
        assert_eq!(
            documents(text),
            [
                ("khoản 4 Điều 3".to_owned(), "43-2025-tt-bct".to_owned()),
                ("khoản 6".to_owned(), "43-2025-tt-bct".to_owned()),
                ("Điều 8".to_owned(), "43-2025-tt-bct".to_owned()),
                ("khoản 2 Điều này".to_owned(), "67-2025-tt-bct".to_owned()),
                ("khoản 2 Điều 1".to_owned(), "67-2025-tt-bct".to_owned()),
            ]
        );
    }
}
