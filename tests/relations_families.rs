//! One test per family of relations issue 12 names, each on a real sentence of a corpus
//! document.

#![allow(clippy::unwrap_used)] // A failed unwrap is a failed test.

use std::path::Path;

use vanban::{Extraction, RelationType};

fn extract_file(dir: &str, name: &str) -> Extraction {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir).join(name);
    let parsed = vanban::parse_bytes(&std::fs::read(&path).expect("corpus file")).expect("UTF-8");
    vanban::extract(&parsed)
}

fn corpus(name: &str) -> Extraction {
    extract_file("corpus", name)
}

/// Whether a relation of this type runs between ids ending with these parts ("self" for the
/// document itself).
fn has(x: &Extraction, from: &str, kind: RelationType, to: &str) -> bool {
    let end = |id: &str, part: &str| {
        if part == "self" {
            id == x.id
        } else {
            id.ends_with(part)
        }
    };
    x.relations
        .iter()
        .any(|r| r.kind == kind && end(&r.from, from) && end(&r.to, to))
}

fn listing(x: &Extraction) -> String {
    x.relations
        .iter()
        .map(|r| format!("{} --{}--> {}", r.from, r.kind, r.to))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn numbered_items_under_an_article_that_repeals() {
    // "Điều 1. Bãi bỏ toàn bộ một số văn bản quy phạm pháp luật của Thủ tướng Chính phủ" /
    // "1. Quyết định số 104/2000/QĐ-TTg …" … "39. Chỉ thị số 33/2006/CT-TTg …"
    let x = corpus("QD_44-2025-QD-TTg_2025.txt");
    for to in [";104-2000-qd-ttg", ";769-ttg", ";33-2006-ct-ttg"] {
        assert!(
            has(&x, "self", RelationType::Repeals, to),
            "{to}\n{}",
            listing(&x)
        );
    }
    // The bases in the preamble stay bases.
    assert!(has(&x, "self", RelationType::BasedOn, ";63-2025-qh15"));
}

#[test]
fn lettered_items_under_a_clause_that_repeals() {
    // "2. Bãi bỏ:" / "a) Khoản 2, khoản 3 Điều 2 … Quyết định số 960/QĐ-TTg …"
    let x = corpus("QD_2500-QD-TTg_2025.txt");
    assert!(
        has(&x, "self", RelationType::Repeals, ";960-qd-ttg"),
        "{}",
        listing(&x)
    );
    assert!(has(&x, "self", RelationType::Repeals, ";1451-qd-ttg"));
}

#[test]
fn every_amender_of_an_amended_basis() {
    // "Căn cứ Luật Bảo hiểm xã hội số 41/2024/QH15 được sửa đổi, bổ sung bởi Luật số
    // 73/2025/QH15, Luật số 84/2025/QH15, Luật số 113/2025/QH15 và Luật số 142/2025/QH15"
    let x = corpus("ND_162-2026-ND-CP_2026.txt");
    assert!(has(&x, "self", RelationType::BasedOn, ";41-2024-qh15"));
    for from in [
        ";73-2025-qh15",
        ";84-2025-qh15",
        ";113-2025-qh15",
        ";142-2025-qh15",
    ] {
        assert!(
            has(&x, from, RelationType::Amends, ";41-2024-qh15"),
            "{from}\n{}",
            listing(&x)
        );
        // The amenders are named for the claim: this decree neither bases itself on them
        // nor merely cites them.
        assert!(!has(&x, "self", RelationType::BasedOn, from));
        assert!(!has(&x, "self", RelationType::Cites, from));
    }
}

#[test]
fn the_amended_constitution() {
    // "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam đã được sửa đổi, bổ sung một
    // số điều theo Nghị quyết số 203/2025/QH15;"
    let x = corpus("NQ_1655-NQ-UBTVQH15_2025.txt");
    let constitution = ";hien-phap-nuoc-cong-hoa-xa-hoi-chu-nghia-viet-nam";
    assert!(
        has(&x, "self", RelationType::BasedOn, constitution),
        "{}",
        listing(&x)
    );
    assert!(has(
        &x,
        ";203-2025-qh15",
        RelationType::Amends,
        constitution
    ));
    assert!(!has(&x, "self", RelationType::Amends, ";203-2025-qh15"));
}

#[test]
fn a_passive_amendment_in_a_law_article_is_not_the_law_amending() {
    // "… Luật Phí và lệ phí số 97/2015/QH13 đã được sửa đổi, bổ sung một số điều theo Luật số
    // 09/2017/QH14, Luật số 23/2018/QH14, … và Luật số 35/2024/QH15 như sau:"
    let x = corpus("LUAT_60-2024-QH15_2024.txt");
    assert!(has(&x, "self", RelationType::Amends, ";97-2015-qh13"));
    for amender in [";23-2018-qh14", ";35-2024-qh15"] {
        assert!(has(&x, amender, RelationType::Amends, ";97-2015-qh13"));
        assert!(
            !has(&x, "self", RelationType::Amends, amender),
            "{}",
            listing(&x)
        );
    }
}

#[test]
fn a_proposal_across_a_wrap_in_a_letter() {
    // "Theo đề nghị của Giám đốc Sở" / "Nội vụ tại Tờ trình số 9807/TTr-SNV ngày 25 tháng 11
    // năm 2025;" (the wrap splits the paragraph).
    let x = corpus("CV_4240-UBND-VX_2025_HoChiMinh.txt");
    assert!(
        has(&x, "self", RelationType::ProposedBy, ";9807-ttr-snv"),
        "{}",
        listing(&x)
    );
}

#[test]
fn proposals_by_submission_and_project() {
    // "Xét Tờ trình số 16384/TTr-UBND ngày 12 tháng 11 năm 2025 của Ủy ban nhân dân thành phố"
    let x = corpus("NQ_37-2025-NQ-HDND_2025_Hue.txt");
    assert!(
        has(&x, "self", RelationType::ProposedBy, ";16384-ttr-ubnd"),
        "{}",
        listing(&x)
    );
    // "Xét đề nghị của Chính phủ tại Tờ trình số 363/TTr-CP và Đề án số 364/ĐA-CP …"
    let x = corpus("NQ_1655-NQ-UBTVQH15_2025.txt");
    assert!(has(&x, "self", RelationType::ProposedBy, ";363-ttr-cp"));
    assert!(
        has(&x, "self", RelationType::ProposedBy, ";364-da-cp"),
        "{}",
        listing(&x)
    );
}

#[test]
fn a_title_that_amends() {
    // "NGHỊ QUYẾT" / "SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA QUY ĐỊNH … BAN HÀNH THEO NGHỊ QUYẾT SỐ
    // 20/2023/NQ-HĐND NGÀY 21 THÁNG 8 NĂM 2023 …"
    let x = corpus("NQ_37-2025-NQ-HDND_2025_Hue.txt");
    assert!(
        has(&x, "self", RelationType::Amends, ";20-2023-nq-hdnd"),
        "{}",
        listing(&x)
    );
    // "1. Thay thế, bãi bỏ một số cụm từ …": a change of wording, not a replacement.
    assert!(!has(&x, "self", RelationType::Replaces, ";20-2023-nq-hdnd"));
}

#[test]
fn a_task_to_amend_is_not_an_amendment() {
    // A plan's task "… Quyết định thay thế Quyết định số 118/2008/QĐ-TTg …" (KH_980): work
    // to be done, cited only.
    let x = corpus("KH_980-KH-UBND_2025_NgheAn.txt");
    assert!(!has(&x, "self", RelationType::Replaces, ";118-2008-qd-ttg"));
    assert!(
        has(&x, "self", RelationType::Cites, ";118-2008-qd-ttg"),
        "{}",
        listing(&x)
    );
}

#[test]
fn lettered_items_that_lose_force() {
    // "2. Các Quyết định sau đây hết hiệu lực kể từ ngày Quyết định này có hiệu lực thi hành:"
    // / "a) Quyết định số 12/2018/QĐ-UBND …;" / "b) Quyết định số 27/2022/QĐ-UBND …"
    let x = corpus("QD_165-2025-QD-UBND_2025_NinhBinh.txt");
    for to in [";12-2018-qd-ubnd", ";27-2022-qd-ubnd"] {
        assert!(
            has(&x, "self", RelationType::Repeals, to),
            "{to}\n{}",
            listing(&x)
        );
    }
}
