//! One test per family of relations issue 12 names, each on a real sentence of a corpus
//! document.

#![allow(clippy::unwrap_used)] // A failed unwrap is a failed test.

mod common;

use std::path::Path;

use common::{corpus, extract_file, has, listing};
use vanban::{Extraction, RelationType};

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

/// A real document read as a web copy: a banner and a privacy notice before its header, a
/// related-document list, a privacy notice and the site's trailer after it. (Constructed: no
/// bundled document is a web copy; the chrome is the form the issue names, around the real
/// letter CV 3155/SCT-CN Lào Cai.)
#[test]
fn website_chrome_gives_no_citations() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/CV_3155-SCT-CN_2026_LaoCai.txt");
    let letter = std::fs::read_to_string(path).unwrap();
    let web = format!(
        "LuatVietnam.vn - Cơ sở dữ liệu văn bản pháp luật\n\
         Trang chủ | Văn bản mới | Tra cứu | Đăng nhập\n\
         Chúng tôi sử dụng cookie và xử lý dữ liệu cá nhân của bạn theo Nghị định \
         13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân.\n\n\
         {letter}\n\n\
         Văn bản liên quan\n\
         Nghị định 45/2020/NĐ-CP về thủ tục hành chính trên môi trường điện tử\n\
         Luật Giao dịch điện tử 2023\n\
         Thông tư 01/2024/TT-BCT hướng dẫn\n\n\
         Chính sách bảo mật: Thông tin của bạn được bảo vệ theo Nghị định 13/2023/NĐ-CP về \
         bảo vệ dữ liệu cá nhân.\n\
         LuatVietnam.vn là sản phẩm của Công ty cổ phần Truyền thông Quốc tế INCOM, cung cấp \
         văn bản Luật Việt Nam, nhằm hỗ trợ tra cứu pháp luật.\n\
         © 2026 LuatVietnam. Giấy phép số 1234/GP-TTĐT ngày 05/3/2019 của Sở Thông tin và \
         Truyền thông Hà Nội.\n"
    );
    let x = vanban::extract(&vanban::parse(&web));
    let alone = corpus("CV_3155-SCT-CN_2026_LaoCai.txt");
    let targets = |x: &Extraction| -> Vec<Option<std::sync::Arc<str>>> {
        x.citations.iter().map(|c| c.target_id.clone()).collect()
    };
    assert_eq!(targets(&x), targets(&alone), "{}", listing(&x));
    assert!(!x.relations.iter().any(|r| r.to.contains("13-2023")));
    assert!(!x
        .citations
        .iter()
        .any(|c| c.name.as_deref().is_some_and(|n| n.contains("Việt Nam"))));
}

/// A footnote after the document is still read (chrome words are not in it).
#[test]
fn a_footnote_after_the_document_is_not_chrome() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/CV_3155-SCT-CN_2026_LaoCai.txt");
    let letter = std::fs::read_to_string(path).unwrap();
    let text = format!(
        "{letter}\n\n[1] Thông báo số 627/TB-VPCP ngày 12/12/2025 của Văn phòng Chính phủ.\n"
    );
    let x = vanban::extract(&vanban::parse(&text));
    assert!(
        x.citations.iter().any(|c| c
            .target_id
            .as_deref()
            .is_some_and(|t| t.ends_with(";627-tb-vpcp"))),
        "{}",
        listing(&x)
    );
}

#[test]
fn a_company_symbol_after_a_second_slash_is_read_whole() {
    // "Công ty TNHH Lương Việt tại Văn bản số 05/2026/VLN/CV-LV ngày 21/4/2026" (KH 2242).
    let x = corpus("KH_2242-KH-SCT_2026_LaoCai.txt");
    assert!(
        has(&x, "self", RelationType::ProposedBy, ";05-2026-vln-cv-lv"),
        "{}",
        listing(&x)
    );
    assert!(!x.relations.iter().any(|r| r.to.ends_with(";05-2026-vln")));
}

/// A wrong header date no longer turns a relation into a citation silently: the seed plan
/// with its year misprinted as 2023 implements a plan of 2024, which the time guard drops and
/// reports. (Constructed from the seed by changing the header year.)
#[test]
fn a_claim_the_time_guard_drops_is_reported() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/208-KH-UBND_2024_TuyenQuang.txt");
    let seed = std::fs::read_to_string(path).unwrap();
    let wrong = seed.replacen("ngày 20 tháng 11 năm 2024", "ngày 20 tháng 11 năm 2023", 1);
    assert_ne!(seed, wrong);
    let x = vanban::extract(&vanban::parse(&wrong));
    assert!(!has(&x, "self", RelationType::Implements, ";500-kh-tu"));
    let d = x
        .diagnostics
        .iter()
        .find(|d| d.code == "relation-time-guard" && d.message.contains("500-kh-tu"))
        .unwrap_or_else(|| panic!("no diagnostic: {:?}", x.diagnostics));
    assert_eq!(d.severity, vanban::Severity::Info);
    assert!(
        d.message.contains("implements")
            && d.message.contains("2024")
            && d.message.contains("2023"),
        "{}",
        d.message
    );
    // The seed as printed drops nothing.
    let right = extract_file("seeds", "208-KH-UBND_2024_TuyenQuang.txt");
    assert!(!right
        .diagnostics
        .iter()
        .any(|d| d.code == "relation-time-guard"));
}

#[test]
fn a_definitions_article_amends_nothing() {
    // "Điều 3. Giải thích từ ngữ" / "Trong Luật này, các từ ngữ dưới đây được hiểu như sau:" /
    // "1. Người lao động … theo quy định của Bộ luật Lao động." (LUAT 74/2025/QH15): the
    // wording of a definition list is no change of wording.
    let x = corpus("LUAT_74-2025-QH15_2025.txt");
    assert!(
        !x.relations
            .iter()
            .any(|r| r.kind == RelationType::Amends && r.to.contains("bo-luat-lao-dong")),
        "{}",
        listing(&x)
    );
}

#[test]
fn a_passive_amendment_across_a_line_wrap() {
    // "Quyết định số 62/2011/QĐ-TTg về … đã phục viên, xuất ngũ, thôi việc, được" /
    // "sửa đổi, bổ sung bởi Quyết định số 22/2025/QĐ-TTg." (NĐ 162/2026/NĐ-CP): the amender
    // is the subject, not the amended decision.
    let x = corpus("ND_162-2026-ND-CP_2026.txt");
    assert!(
        has(
            &x,
            ";22-2025-qd-ttg",
            RelationType::Amends,
            ";62-2011-qd-ttg"
        ),
        "{}",
        listing(&x)
    );
    // The reverse claim the time guard used to drop is no longer made.
    assert!(!x
        .diagnostics
        .iter()
        .any(|d| d.code == "relation-time-guard" && d.message.contains("22-2025-qd-ttg")));
}

#[test]
fn a_consolidated_basis_keeps_what_it_details() {
    // "*Căn cứ Nghị định số 37/2006/NĐ-CP ngày 04 tháng 4 năm 2006 của Chính phủ quy định
    // chi tiết Luật Thương mại về hoạt động xúc ti**ế**n thương mại;*" — and "… quy định chi
    // tiết và hướng dẫn thi hành một số điều của Luật Kh**á**m bệnh, chữa bệnh;*".
    let x = corpus("VBHN_89-VBHN-BQP_2025.txt");
    let l = listing(&x);
    assert!(
        has(
            &x,
            ";37-2006-nd-cp",
            RelationType::Details,
            ";luat-thuong-mai"
        ),
        "{l}"
    );
    assert!(
        has(
            &x,
            ";87-2011-nd-cp",
            RelationType::Details,
            ";luat-kham-benh-chua-benh"
        ),
        "{l}"
    );
    assert!(!has(
        &x,
        ";87-2011-nd-cp",
        RelationType::Guides,
        ";luat-kham-benh-chua-benh"
    ));
    // The decree itself stays a basis of the consolidated decision.
    assert!(
        has(
            &x,
            ";25-2016-qd-ttg",
            RelationType::BasedOn,
            ";37-2006-nd-cp"
        ),
        "{l}"
    );
}

#[test]
fn named_laws_are_cited_once_and_never_by_themselves() {
    // "… triển khai thực hiện tốt Luật Bảo vệ bí mật nhà nước, Luật Lưu trữ" → cites each.
    let x = corpus("KL_07-KL-VPTW_2025.txt");
    assert!(
        has(&x, "self", RelationType::Cites, ";luat-luu-tru"),
        "{}",
        listing(&x)
    );
    // The Luật Dữ liệu naming itself ("… quy định của Luật Dữ liệu") cites nothing.
    let x = corpus("LUAT_60-2024-QH15_2024.txt");
    assert!(
        !has(&x, "self", RelationType::Cites, ";luat-du-lieu"),
        "{}",
        listing(&x)
    );
    // "Căn cứ Luật Thể dục, thể thao ngày 29 tháng 11 năm 2006" is a basis; the later
    // "theo quy định của Luật Thể dục, thể thao" is that law, not a new citation.
    let x = corpus("VBHN_89-VBHN-BQP_2025.txt");
    assert!(
        !has(&x, "self", RelationType::Cites, ";luat-the-duc-the-thao"),
        "{}",
        listing(&x)
    );
}

#[test]
fn a_report_heard_at_a_meeting_is_the_proposal() {
    // "Tại phiên họp ngày 28/11/2025, sau" / "khi nghe Báo cáo của Ban Tổ chức Trung ương …
    // (Báo" / "cáo số 565-BC/BTCTW, ngày 27/11/2025), Bộ Chính trị, Ban Bí thư kết luận như sau:"
    let x = corpus("KL_221-KL-TW_2025.txt");
    assert!(
        has(&x, "self", RelationType::ProposedBy, ";565-bc-btctw"),
        "{}",
        listing(&x)
    );
}

#[test]
fn the_document_a_nested_claim_is_about_is_cited() {
    // "theo Quyết định số 142/2008/QĐ-TTg về … đã phục viên, xuất ngũ về địa phương, được
    // sửa đổi, bổ sung bởi Quyết định số 38/2010/QĐ-TTg và Quyết định số 22/2025/QĐ-TTg";
    // "Nghị định số 09/1998/NĐ-CP sửa đổi, bổ sung Nghị định số 50/CP …"
    let x = corpus("ND_162-2026-ND-CP_2026.txt");
    for to in [";142-2008-qd-ttg", ";09-1998-nd-cp", ";11-2011-nd-cp"] {
        assert!(
            has(&x, "self", RelationType::Cites, to),
            "{to}\n{}",
            listing(&x)
        );
    }
    // The amenders and the object of a description are named for the claim only.
    assert!(has(
        &x,
        ";38-2010-qd-ttg",
        RelationType::Amends,
        ";142-2008-qd-ttg"
    ));
    assert!(has(&x, ";09-1998-nd-cp", RelationType::Amends, ";50-cp"));
    for to in [";38-2010-qd-ttg", ";50-cp"] {
        assert!(!has(&x, "self", RelationType::Cites, to), "{to}");
    }
    // A chain restated later gives no citations (seed: "Kế hoạch số 500-KH/TU … về thực
    // hiện Kết luận số 72-KL/TW …", later "… Nghị quyết số 13-NQ/TW …, Kết luận số 72-KL/TW
    // … và Kế hoạch số 500-KH/TU …").
    let seed = extract_file("seeds", "208-KH-UBND_2024_TuyenQuang.txt");
    assert!(!has(&seed, "self", RelationType::Cites, ";72-kl-tw"));
}

#[test]
fn older_symbols_without_a_type_code() {
    // "Quyết định số 206-CP ngày 30 tháng 5 năm 1979 của Hội đồng Chính phủ", "Quyết định số
    // 111-HĐBT ngày 13 tháng 10 năm 1981 của Hội đồng Bộ trưởng"
    let x = corpus("ND_162-2026-ND-CP_2026.txt");
    for to in [";206-cp", ";130-cp", ";111-hdbt"] {
        assert!(
            has(&x, "self", RelationType::Cites, to),
            "{to}\n{}",
            listing(&x)
        );
    }
}

#[test]
fn a_wrapped_paragraph_goes_on_across_a_gazette_page_break() {
    // "Nghị định số 23/2012/NĐ-CP quy định … bảo vệ Tổ quốc," / [CÔNG BÁO/Số 290/… 13] /
    // "làm nhiệm vụ quốc tế … được sửa đổi, bổ sung tại Nghị định số 209/2025/NĐ-CP."
    let x = corpus("ND_162-2026-ND-CP_2026.txt");
    assert!(
        has(
            &x,
            ";209-2025-nd-cp",
            RelationType::Amends,
            ";23-2012-nd-cp"
        ),
        "{}",
        listing(&x)
    );
    assert!(!has(&x, "self", RelationType::Cites, ";209-2025-nd-cp"));
}

#[test]
fn an_amending_law_amends_the_law_its_title_names() {
    // "Căn cứ Luật Bảo hiểm y tế số 25/2008/QH12; Căn cứ Luật sửa đổi, bổ sung một số điều
    // của Luật Bảo hiểm y tế số 46/2014/QH13"; "Luật sửa đổi, bổ sung" / "một số điều của Luật
    // Ban hành văn bản quy phạm pháp luật số 87/2025/QH15" (wrapped, a title longer than a
    // law's name).
    let x = corpus("NQ_37-2025-NQ-HDND_2025_Hue.txt");
    for (from, to) in [
        (";46-2014-qh13", ";25-2008-qh12"),
        (";51-2024-qh15", ";25-2008-qh12"),
        (";87-2025-qh15", ";64-2025-qh15"),
    ] {
        assert!(
            has(&x, from, RelationType::Amends, to),
            "{from} {to}\n{}",
            listing(&x)
        );
        assert!(has(&x, "self", RelationType::BasedOn, from));
    }
    // Named without number: "Luật sửa đổi," / "bổ sung một số điều của Luật Bảo hiểm y tế
    // ngày 13 tháng 6 năm 2014" — the citing document does not amend the law.
    let x = corpus("NQ_113-NQ-CP_2026.txt");
    let amending = "luat-sua-doi-bo-sung-mot-so-dieu-cua-luat-bao-hiem-y-te";
    assert!(has(&x, "self", RelationType::BasedOn, amending));
    assert!(has(
        &x,
        amending,
        RelationType::Amends,
        ";luat-bao-hiem-y-te"
    ));
    assert!(!has(
        &x,
        "self",
        RelationType::Amends,
        ";luat-bao-hiem-y-te"
    ));
}

#[test]
fn a_law_named_without_number_takes_the_number_given_elsewhere() {
    // "Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15 …"; "Căn cứ Nghị định
    // số 78/2025/NĐ-CP … hướng dẫn thi hành Luật Ban hành văn bản quy phạm pháp luật được sửa
    // đổi, bổ sung một số điều bởi Nghị định số 187/2025/NĐ-CP"
    let x = corpus("QD_44-2025-QD-TTg_2025.txt");
    assert!(
        has(&x, ";78-2025-nd-cp", RelationType::Details, ";64-2025-qh15"),
        "{}",
        listing(&x)
    );
    assert!(has(
        &x,
        ";187-2025-nd-cp",
        RelationType::Amends,
        ";78-2025-nd-cp"
    ));
    // "Căn cứ Luật số 42/2024/QH15 ngày 29/6/2024 về Quản lý, sử dụng vũ khí …"; "… quy định
    // chi tiết một số điều của luật quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ"
    let x = corpus("QD_3728-QD-SCT_2026_LaoCai.txt");
    assert!(
        has(
            &x,
            ";181-2024-nd-cp",
            RelationType::Details,
            ";42-2024-qh15"
        ),
        "{}",
        listing(&x)
    );
}

#[test]
fn standards_and_misspelt_codes() {
    // "Căn cứ Quy chuẩn kỹ thuật quốc gia về an toàn … (viết tắt là QCVN 01: 2019/BCT của Bộ
    // Công Thương)"; "theo tiêu chuẩn TCVN" / "14423:2025 về An ninh mạng"
    let x = corpus("TTr_unnumbered-TTr-SCT_2026_LaoCai.txt");
    assert!(
        has(&x, "self", RelationType::BasedOn, ";qcvn-01-2019-bct"),
        "{}",
        listing(&x)
    );
    let x = corpus("KH_308-KH-UBND_2025_HaNoi.txt");
    assert!(has(&x, "self", RelationType::Cites, ";tcvn-14423-2025"));
    // "đã được Thủ tướng Chính phủ phê duyệt tại Quyết định số 866/QĐ-Tg ngày 18/7/2023"
    let x = corpus("KH_unnumbered-KH-UBND_2026_LaoCai.txt");
    assert!(
        has(&x, "self", RelationType::Cites, ";866-qd-ttg"),
        "{}",
        listing(&x)
    );
}

#[test]
fn approvals_proposals_in_a_clause_and_attachments() {
    // "Kế hoạch kiểm tra số 1105/KH-ĐKT … đã được Giám đốc Sở Công Thương phê duyệt tại
    // Quyết định số 1268/QĐ-SCT" after "Thực hiện …"
    let x = corpus("TB_1894-TB-SCT_2026_LaoCai.txt");
    assert!(has(&x, "self", RelationType::Implements, ";1105-kh-dkt"));
    assert!(
        has(&x, "self", RelationType::Cites, ";1268-qd-sct"),
        "{}",
        listing(&x)
    );
    // "Thực hiện Phiếu chuyển số 466/PC-VPUBND … về giải quyết đề nghị của Công ty … tại Tờ
    // trình số 01/TTr-CT05 ngày 07/5/2026"
    let x = corpus("TTr_unnumbered-TTr-SCT_2026_LaoCai.txt");
    assert!(has(&x, "self", RelationType::Implements, ";466-pc-vpubnd"));
    assert!(
        has(&x, "self", RelationType::ProposedBy, ";01-ttr-ct05"),
        "{}",
        listing(&x)
    );
    // "*(Kèm theo Báo cáo số 565-BC/BTCTW, ngày" / "27/11/2025 của Ban Tổ chức Trung ương).*"
    let x = corpus("KL_221-KL-TW_2025.txt");
    assert!(
        has(&x, "self", RelationType::Attaches, ";565-bc-btctw"),
        "{}",
        listing(&x)
    );
    // "… Kết luận số 21-KL/TW về xây dựng, chỉnh đốn Đảng … gắn với thực hiện Chỉ thị số
    // 05-CT/TW …": the conclusion does not implement the directive.
    let x = corpus("KL_07-KL-VPTW_2025.txt");
    assert!(!has(&x, ";21-kl-tw", RelationType::Implements, ";05-ct-tw"));
    assert!(has(&x, "self", RelationType::Cites, ";05-ct-tw"));
}

#[test]
fn names_and_numbers_of_laws_are_not_confused() {
    // "xử lý kỷ luật cán bộ, công chức" is discipline, not the Luật Cán bộ, công chức found
    // again in lower case.
    let x = corpus("ND_172-2025-ND-CP_2025.txt");
    assert!(
        !has(&x, "self", RelationType::Repeals, ";luat-can-bo-cong-chuc"),
        "{}",
        listing(&x)
    );
    // "thực hiện đúng theo quy định của Luật số 42/2025/QH15" after "Căn cứ Luật số
    // 42/2024/QH15": one number of one legislature is one law.
    let x = corpus("TTr_unnumbered-TTr-SCT_2026_LaoCai.txt");
    assert!(
        !x.relations.iter().any(|r| r.to.ends_with(";42-2025-qh15")),
        "{}",
        listing(&x)
    );
    // The Luật Việc làm names itself; "Luật Việc làm số 38/2013/QH13" is the law it repeals
    // ("quy định của Luật Việc làm số 38/2013/QH13" is that law, not a Quy định).
    let x = corpus("LUAT_74-2025-QH15_2025.txt");
    assert!(has(&x, "self", RelationType::Repeals, ";38-2013-qh13"));
    assert!(
        !x.relations
            .iter()
            .any(|r| r.kind == RelationType::Cites && r.to.ends_with(";38-2013-qh13")),
        "{}",
        listing(&x)
    );
}

#[test]
fn a_consolidated_text_cites_its_amenders_and_a_far_passive_is_no_claim() {
    // "… được sửa đổi, bổ sung bởi: 1. Quyết định số 29/2019/QĐ-TTg …; 2. Quyết định số
    // 38/2025/QĐ-TTg …": each amends the consolidated decision and is cited.
    let x = corpus("VBHN_89-VBHN-BQP_2025.txt");
    for to in [";29-2019-qd-ttg", ";38-2025-qd-ttg"] {
        assert!(has(&x, to, RelationType::Amends, ";25-2016-qd-ttg"), "{to}");
        assert!(
            has(&x, "self", RelationType::Cites, to),
            "{to}\n{}",
            listing(&x)
        );
    }
    // "… thực hiện theo quy định tại Nghị định số 58/2017/NĐ-CP …", pages after the last
    // "được thay thế": no claim of replacement.
    assert!(!has(
        &x,
        ";58-2017-nd-cp",
        RelationType::Replaces,
        ";25-2016-qd-ttg"
    ));
    assert!(has(&x, "self", RelationType::Cites, ";58-2017-nd-cp"));
}

#[test]
fn a_mention_without_its_issuer_is_the_document_named_with_it() {
    // "Nghị quyết số 20/2023/NQ-HĐND … của Hội đồng nhân dân tỉnh Thừa Thiên Huế", later
    // "Nghị quyết số 20/2023/NQ-HĐND" alone in a resolution of Huế: one document, one id,
    // one `amends` edge.
    let x = corpus("NQ_37-2025-NQ-HDND_2025_Hue.txt");
    let ids: std::collections::BTreeSet<&str> = x
        .citations
        .iter()
        .filter_map(|c| c.target_id.as_deref())
        .filter(|t| t.ends_with(";20-2023-nq-hdnd"))
        .collect();
    assert_eq!(
        ids.into_iter().collect::<Vec<_>>(),
        ["urn:lex:vn:hdnd.thua-thien-hue:resolution:2023;20-2023-nq-hdnd"]
    );
    // A decision of the former Phú Yên cited in a plan of Đắk Lắk: the short mentions are
    // Phú Yên's too.
    let x = corpus("KH_0134-KH-UBND_2025_DakLak.txt");
    assert!(
        !x.citations
            .iter()
            .filter_map(|c| c.target_id.as_deref())
            .any(|t| t.ends_with("dak-lak:decision:2018;66-2018-qd-ubnd")),
        "{}",
        listing(&x)
    );
    // One number stated with two issuers: the mention without one says neither.
    let text = "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 5/KH-UBND\n\nKẾ HOẠCH\nThực hiện\n\n\
        Căn cứ Quyết định số 7/2020/QĐ-UBND của UBND tỉnh Yên Bái;\n\
        Căn cứ Quyết định số 7/2020/QĐ-UBND của UBND tỉnh Hà Giang;\n\
        Thực hiện Quyết định số 7/2020/QĐ-UBND.\n";
    let ids_of = |text: &str| -> Vec<String> {
        vanban::extract(&vanban::parse(text))
            .citations
            .iter()
            .filter_map(|c| c.target_id.as_deref().map(str::to_owned))
            .collect()
    };
    let ids = ids_of(text);
    assert_eq!(ids.len(), 3, "{ids:?}");
    assert!(ids[2].contains("ubnd.lao-cai:"), "{ids:?}");
    // One number of two dates is two documents: the one dated otherwise keeps its own id.
    let text = "HỘI ĐỒNG NHÂN DÂN\nTHÀNH PHỐ HUẾ\nSố: 5/2025/NQ-HĐND\n\nNGHỊ QUYẾT\nSửa đổi\n\n\
        Căn cứ Nghị quyết số 21/2023/NQ-HĐND ngày 10/7/2023 của Hội đồng nhân dân tỉnh Thừa \
        Thiên Huế;\nBãi bỏ Nghị quyết số 21/2023/NQ-HĐND ngày 05/5/2023.\n\
        Sửa đổi Nghị quyết số 21/2023/NQ-HĐND.\n";
    let ids = ids_of(text);
    assert_eq!(ids.len(), 3, "{ids:?}");
    assert!(ids[0].contains("hdnd.thua-thien-hue:"), "{ids:?}");
    assert!(ids[1].contains("hdnd.hue:"), "{ids:?}");
    assert_eq!(ids[2], ids[0]);
}

#[test]
fn a_date_and_issuer_before_the_number_are_the_cited_documents() {
    // "Ngày 30/12/2023, UBND tỉnh Yên Bái đã có Văn bản số 4516/UBND-TNMT …": the letter of
    // Yên Bái of that day, not one of Lào Cai without a year.
    let x = corpus("BC_unnumbered-BC-UBND_2026_LaoCai.txt");
    let c = x
        .citations
        .iter()
        .find(|c| c.raw.contains("4516/UBND-TNMT"))
        .unwrap();
    assert_eq!(
        c.target_id.as_deref(),
        Some("urn:lex:vn:ubnd.yen-bai:official_letter:2023;4516-ubnd-tnmt")
    );
    assert_eq!(c.date.as_deref(), Some("2023-12-30"));
    assert_eq!(
        c.issuer.as_ref().map(|i| i.resolved.as_str()),
        Some("Ủy ban nhân dân tỉnh Yên Bái")
    );
}

#[test]
fn units_listed_before_a_cited_document_are_its_units() {
    // QD_2500: "Khoản 2, khoản 3 Điều 2 và khoản 1, …, khoản 11 Điều 3 Quyết định số
    // 960/QĐ-TTg": two references, both of 960/QĐ-TTg; LUAT_84: "điểm a khoản 5 Điều 190,
    // khoản 3 Điều 234 Luật Đất đai số 31/2024/QH15"; not "… Điều này" (NQ_73).
    let units_of = |x: &Extraction, to: &str| -> Vec<String> {
        x.references
            .iter()
            .filter(|r| r.document.as_deref().is_some_and(|d| d.ends_with(to)))
            .map(|r| r.units.join(" / "))
            .collect()
    };
    let x = corpus("QD_2500-QD-TTg_2025.txt");
    let got = units_of(&x, ";960-qd-ttg");
    assert!(
        got.contains(&"Điều 2 / khoản 2, khoản 3".to_owned())
            && got
                .iter()
                .any(|u| u.starts_with("Điều 3 / khoản 1, khoản 2")),
        "{got:?}"
    );
    let x = corpus("LUAT_84-2025-QH15_2025.txt");
    let got = units_of(&x, ";31-2024-qh15");
    for want in ["Điều 190 / khoản 5 / điểm a", "Điều 234 / khoản 3"] {
        assert!(got.contains(&want.to_owned()), "{want}: {got:?}");
    }
    let x = corpus("NQ_73-2025-NQ-HDND_2025_HaNoi.txt");
    assert!(x
        .references
        .iter()
        .filter(|r| r.raw == "khoản 2 và khoản 3 Điều này")
        .all(|r| r
            .document
            .as_deref()
            .is_some_and(|d| d.ends_with(";73-2025-nq-hdnd"))));
}

#[test]
fn references_in_an_amending_article_are_the_amended_documents() {
    // TT_67: "Điều 1. Sửa đổi, bổ sung một số điều của Thông tư số 43/2025/TT-BCT …" /
    // "1. Sửa đổi, bổ sung khoản 4 và khoản 5 Điều 3 như sau:" names the circular's Điều 3;
    // LUAT_60, Điều 44: "2. Sửa đổi, bổ sung, bãi bỏ … của Luật Giao dịch điện tử số
    // 20/2023/QH15 như sau:" / "a) Sửa đổi, bổ sung điểm a khoản 4 Điều 42 như sau:".
    for (name, raw, to) in [
        (
            "TT_67-2025-TT-BCT_2025.txt",
            "khoản 4 và khoản 5 Điều 3",
            ";43-2025-tt-bct",
        ),
        (
            "LUAT_60-2024-QH15_2024.txt",
            "điểm a khoản 4 Điều 42",
            ";20-2023-qh15",
        ),
        (
            "NQ_37-2025-NQ-HDND_2025_Hue.txt",
            "khoản 2 Điều 2",
            ";20-2023-nq-hdnd",
        ),
    ] {
        let x = corpus(name);
        let r = x.references.iter().find(|r| r.raw == raw).unwrap();
        assert!(
            r.document.as_deref().is_some_and(|d| d.ends_with(to)),
            "{name}: {r:?}"
        );
        assert!(r.targets.is_empty());
    }
}

#[test]
fn a_law_named_without_its_year_is_the_one_named_with_it() {
    // CT_09: "Luật Tài nguyên nước năm 2023", later "Luật Tài nguyên nước": one law, one id;
    // VBHN_89 names the Bộ luật Hàng hải of 2005 and of 2015: its mention without a year
    // says neither.
    let x = corpus("CT_09-CT-UBND_2025_CanTho.txt");
    assert!(
        !x.citations
            .iter()
            .filter_map(|c| c.target_id.as_deref())
            .any(|t| t.ends_with("law:_;luat-tai-nguyen-nuoc")),
        "{}",
        listing(&x)
    );
    let x = corpus("VBHN_89-VBHN-BQP_2025.txt");
    assert!(x
        .citations
        .iter()
        .filter_map(|c| c.target_id.as_deref())
        .any(|t| t.ends_with("code:_;bo-luat-hang-hai-viet-nam")));
}

#[test]
fn an_amending_law_named_by_the_laws_it_amends() {
    // "… phù hợp với các nội dung của Luật sửa đổi, bổ sung" / "Luật Bảo vệ bí mật nhà nước
    // …": the amending law, not the law it amends (no "một số điều của" before it).
    let x = corpus("KH_1026-KH-UBND_2025_NgheAn.txt");
    let amending = ";luat-sua-doi-bo-sung-luat-bao-ve-bi-mat-nha-nuoc";
    assert!(
        has(
            &x,
            amending,
            RelationType::Amends,
            ";luat-bao-ve-bi-mat-nha-nuoc"
        ),
        "{}",
        listing(&x)
    );
    // "Luật Địa chất và khoáng sản năm 2024 được sửa đổi, bổ sung tại khoản 26, Điều 1, Luật
    // sửa đổi Luật Địa chất và khoáng sản năm 2025": the law of 2025 amends that of 2024.
    let x = corpus("BC_unnumbered-BC-UBND_2026_LaoCai.txt");
    assert!(
        has(
            &x,
            "2025;luat-sua-doi-luat-dia-chat-va-khoang-san",
            RelationType::Amends,
            "2024;luat-dia-chat-va-khoang-san"
        ),
        "{}",
        listing(&x)
    );
    // The common preamble of provincial decisions: one amending law of 2019 that amends two
    // laws (the second the one cited just before), no law of 2019 of the second's name.
    let text = "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 1/QĐ-UBND\nLào Cai, ngày 05 tháng 3 năm \
                2025\nQUYẾT ĐỊNH\nVề X\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19 \
                tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính \
                phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;\nCăn cứ \
                Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch, Luật Đầu tư, Luật Đầu tư \
                theo phương thức đối tác công tư và Luật Đấu thầu ngày 29 tháng 11 năm 2024;\n";
    let x = vanban::extract(&vanban::parse(text));
    let amending = "2019;luat-sua-doi-bo-sung-mot-so-dieu-cua-luat-to-chuc-chinh-phu-va-luat-to-\
                    chuc-chinh-quyen-dia-phuong";
    assert!(
        has(&x, "self", RelationType::BasedOn, amending),
        "{}",
        listing(&x)
    );
    assert!(has(
        &x,
        amending,
        RelationType::Amends,
        ";luat-to-chuc-chinh-phu"
    ));
    assert!(has(
        &x,
        amending,
        RelationType::Amends,
        "2015;luat-to-chuc-chinh-quyen-dia-phuong"
    ));
    let phantom = "2019;luat-to-chuc-chinh-quyen-dia-phuong";
    assert!(!x
        .citations
        .iter()
        .any(|c| c.target_id.as_deref().is_some_and(|t| t.ends_with(phantom))));
    let amending = "2024;luat-sua-doi-bo-sung-mot-so-dieu-cua-luat-quy-hoach-luat-dau-tu-luat-dau-\
                    tu-theo-phuong-thuc-doi-tac-cong-tu-va-luat-dau-thau";
    for amended in [
        ";luat-quy-hoach",
        ";luat-dau-tu",
        ";luat-dau-tu-theo-phuong-thuc-doi-tac-cong-tu",
        ";luat-dau-thau",
    ] {
        assert!(
            has(&x, amending, RelationType::Amends, amended),
            "{amended}\n{}",
            listing(&x)
        );
    }
    assert_eq!(x.citations.len(), 3, "{}", listing(&x));
}

#[test]
fn a_phrase_whose_object_ends_before_a_conjunction_does_not_reach_the_next_citation() {
    // "… thay thế Hướng dẫn số 11-HD/VPTW, ngày 28/5/2004 của Văn phòng Trung ương Đảng
    // hướng dẫn về thể thức văn bản của Đảng và Công văn số 2587-CV/VPTW/nb …": the letter is
    // replaced too, not guided by the instruction.
    let x = corpus("HD_36-HD-VPTW_2018.txt");
    assert!(
        has(&x, "self", RelationType::Replaces, ";2587-cv-vptw"),
        "{}",
        listing(&x)
    );
    // A description's phrase about a topic ends at "và" or a comma: the citation after it
    // is joined to the one before, and shares its claim.
    let text = "ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 150/KH-UBND\nBắc Ninh, ngày 20 tháng 11 năm \
                2025\nKẾ HOẠCH\nTriển khai nhiệm vụ năm 2026\nCăn cứ Quyết định số 120/QĐ-UBND \
                ngày 10/3/2025 của Ủy ban nhân dân tỉnh về thực hiện chuyển đổi số và Kế hoạch \
                số 81/KH-UBND ngày 15/9/2025 của Ủy ban nhân dân tỉnh;\nỦy ban nhân dân tỉnh \
                ban hành Kế hoạch như sau:\nI. NHIỆM VỤ\n1. Kế hoạch này thay thế Kế hoạch số \
                76/KH-UBND ngày 30/8/2025 của Ủy ban nhân dân tỉnh về thực hiện chuyển đổi số, \
                Kế hoạch số 77/KH-UBND ngày 15/9/2025 của Ủy ban nhân dân tỉnh.\n";
    let x = vanban::extract(&vanban::parse(text));
    for (kind, to) in [
        (RelationType::BasedOn, ";120-qd-ubnd"),
        (RelationType::BasedOn, ";81-kh-ubnd"),
        (RelationType::Replaces, ";76-kh-ubnd"),
        (RelationType::Replaces, ";77-kh-ubnd"),
    ] {
        assert!(has(&x, "self", kind, to), "{to}\n{}", listing(&x));
    }
    assert_eq!(x.relations.len(), 4, "{}", listing(&x));
    // A phrase right before the citation still types it ("… về thực hiện Kế hoạch số …").
    let text = text.replace("chuyển đổi số và Kế hoạch số 81", "Kế hoạch số 81");
    let x = vanban::extract(&vanban::parse(&text));
    assert!(
        has(&x, ";120-qd-ubnd", RelationType::Implements, ";81-kh-ubnd"),
        "{}",
        listing(&x)
    );
}

#[test]
fn a_link_of_the_chain_mentioned_beside_other_documents_is_cited() {
    // "Thực hiện Kế hoạch số 24/KH-UBND … thực hiện Nghị quyết số 66-NQ/TW …", later
    // "quán triệt Nghị quyết số 27-NQ/TW …; Nghị quyết số 66-NQ/TW …": cited for itself there.
    let x = corpus("KH_141-KH-UBND_2025_BacNinh.txt");
    assert!(
        has(&x, "self", RelationType::Cites, ";66-nq-tw"),
        "{}",
        listing(&x)
    );
    // A later mention beside the chain's other links restates the chain (the seed's I.1:
    // "tiếp tục tổ chức thực hiện Nghị quyết số 13-NQ/TW …, Kết luận số 72-KL/TW … và Kế
    // hoạch số 500-KH/TU"): no citation of its own.
    let x = extract_file("seeds", "208-KH-UBND_2024_TuyenQuang.txt");
    for to in [";13-nq-tw", ";72-kl-tw"] {
        assert!(
            !x.relations
                .iter()
                .any(|r| r.from.ends_with("208-kh-ubnd") && r.to.ends_with(to)),
            "{to}\n{}",
            listing(&x)
        );
    }
    // A consolidated text speaks for the document it consolidates: a basis of that one
    // mentioned again in the body ("… theo quy định tại Nghị định số 58/2017/NĐ-CP …;
    // Nghị định số 71/2015/NĐ-CP …") is no citation of the consolidated text's own.
    let x = corpus("VBHN_89-VBHN-BQP_2025.txt");
    assert!(has(&x, "self", RelationType::Cites, ";58-2017-nd-cp"));
    for to in [
        ";71-2015-nd-cp",
        "luat-the-duc-the-thao",
        "bo-luat-hang-hai-viet-nam",
    ] {
        assert!(
            !has(&x, "self", RelationType::Cites, to),
            "{to}\n{}",
            listing(&x)
        );
    }
}

#[test]
fn programmes_strategies_the_charter_and_congress_resolutions_are_cited_by_name() {
    // "- Căn cứ Điều lệ Đảng;" opens a Party regulation's bases.
    let x = corpus("QDi_384-QD-TW_2025.txt");
    assert!(
        has(&x, "self", RelationType::BasedOn, ";dieu-le-dang"),
        "{}",
        listing(&x)
    );
    // "Thực hiện Nghị quyết Đại hội đại biểu toàn quốc lần" / "thứ XIII của Đảng; …".
    let x = corpus("KH_982-KH-UBND_2025_NgheAn.txt");
    assert!(has(
        &x,
        "self",
        RelationType::Implements,
        ";nghi-quyet-dai-hoi-dai-bieu-toan-quoc-lan-thu-xiii-cua-dang"
    ));
    // A programme a plan carries out, named in its body.
    let x = corpus("KH_0204-KH-UBND_2025_CaMau.txt");
    assert!(has(
        &x,
        "self",
        RelationType::Cites,
        ";chuong-trinh-moi-xa-mot-san-pham"
    ));
    // What a cited document is about is no document of the citing one's: "Căn cứ Thông tư
    // số 06/2022/TT-BTTTT … hướng dẫn thực hiện Dự án … thuộc Chương trình mục tiêu quốc
    // gia giảm nghèo bền vững giai đoạn 2021 - 2025;".
    let x = corpus("KH_159-KH-UBND_2025_CanTho.txt");
    assert!(has(&x, "self", RelationType::BasedOn, ";06-2022-tt-btttt"));
    assert!(
        !x.relations.iter().any(|r| r
            .to
            .ends_with(";chuong-trinh-muc-tieu-quoc-gia-giam-ngheo-ben-vung-giai-doan-2021-2025")),
        "{}",
        listing(&x)
    );
    // A plan a cited decision approves is that decision's: "Căn cứ Quyết định số
    // 1746/QĐ-TTg … về việc phê duyệt Quy hoạch tỉnh Phú Yên (cũ) …".
    let x = corpus("KH_0134-KH-UBND_2025_DakLak.txt");
    assert!(has(&x, "self", RelationType::BasedOn, ";1746-qd-ttg"));
    assert!(
        !x.relations.iter().any(|r| r.to.contains("quy-hoach-tinh")),
        "{}",
        listing(&x)
    );
}

#[test]
fn an_amender_named_in_an_end_of_force_is_not_repealed() {
    // "Luật Việc làm số 38/2013/QH13 đã được sửa đổi, bổ sung một số điều theo Luật số
    // 41/2024/QH15 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành": the law of 2013
    // ends; the Social Insurance Law that amended it stays in force.
    let x = corpus("LUAT_74-2025-QH15_2025.txt");
    assert!(has(&x, "self", RelationType::Repeals, ";38-2013-qh13"));
    assert!(
        !has(&x, "self", RelationType::Repeals, ";41-2024-qh15"),
        "{}",
        listing(&x)
    );
    assert!(has(
        &x,
        ";41-2024-qh15",
        RelationType::Amends,
        ";38-2013-qh13"
    ));
    // "… Quyết định số 650/QĐ-LĐTBXH … được điều chỉnh bổ sung bởi Quyết định số
    // 128/QĐ-LĐTBXH …": an amendment, as "được sửa đổi, bổ sung bởi" is.
    let x = corpus("KH_159-KH-UBND_2025_CanTho.txt");
    assert!(
        has(&x, ";128-qd-ldtbxh", RelationType::Amends, ";650-qd-ldtbxh"),
        "{}",
        listing(&x)
    );
}

#[test]
fn a_named_document_a_cited_decision_approves_is_that_decisions() {
    // "Quyết định số 7619/QĐ-BCA … phê duyệt Chương trình mục tiêu quốc gia" / "phòng, chống
    // ma túy đến năm 2030 …; Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai thực hiện
    // Chương trình mục tiêu quốc gia phòng, chống ma túy đến năm 2030 …": one document, the
    // decision's, implemented once.
    let x = corpus("KH_182-KH-UBND_2025_DongNai.txt");
    assert!(has(&x, "self", RelationType::Implements, ";7619-qd-bca"));
    assert!(
        !x.relations.iter().any(|r| r
            .to
            .contains("chuong-trinh-muc-tieu-quoc-gia-phong-chong-ma-tuy")),
        "{}",
        listing(&x)
    );
    // Where no decision stands beside the words, the name is cited.
    let head = "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 12/KH-UBND\nLào Cai, ngày 05 tháng 3 năm 2026\n\
                KẾ HOẠCH\nTriển khai nhiệm vụ năm 2026\nI. NHIỆM VỤ\n";
    let x = vanban::extract(&vanban::parse(&format!(
        "{head}1. Triển khai Chiến lược quốc gia về phòng, chống thiên tai đến năm 2030 đã được \
         phê duyệt theo quy định.\n2. Thủ tướng Chính phủ đã phê duyệt Chiến lược dữ liệu quốc \
         gia đến năm 2030.\n"
    )));
    for to in [
        ";chien-luoc-quoc-gia-ve-phong-chong-thien-tai-den-nam-2030",
        ";chien-luoc-du-lieu-quoc-gia-den-nam-2030",
    ] {
        assert!(
            has(&x, "self", RelationType::Cites, to),
            "{to}\n{}",
            listing(&x)
        );
    }
}

#[test]
fn a_named_document_after_a_citation_is_its_topic_only_in_its_description() {
    let head = "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 12/KH-UBND\nLào Cai, ngày 05 tháng 3 năm 2026\n\
                KẾ HOẠCH\nTriển khai nhiệm vụ năm 2026\n\
                Thực hiện Kế hoạch số 24/KH-UBND ngày 14/8/2025 của UBND tỉnh thực hiện Nghị \
                quyết số 66-NQ/TW ngày 30/4/2025 của Bộ Chính trị;\nCăn cứ Luật Đất đai số \
                31/2024/QH15 được sửa đổi, bổ sung bởi Luật số 43/2024/QH15;\nI. NHIỆM VỤ\n";
    // The sentence's own words after the citation ("bảo đảm phù hợp với"): cited.
    let x = vanban::extract(&vanban::parse(&format!(
        "{head}1. Thực hiện Kế hoạch số 45/KH-UBND ngày 10/3/2025 của Ủy ban nhân dân tỉnh về \
         phát triển du lịch, bảo đảm phù hợp với Quy hoạch tỉnh Lào Cai thời kỳ 2021 - 2030.\n2. \
         Tổ chức quán triệt Nghị quyết số 66-NQ/TW ngày 30/4/2025 của Bộ Chính trị và Luật số \
         43/2024/QH15.\n"
    )));
    assert!(
        has(
            &x,
            "self",
            RelationType::Cites,
            ";quy-hoach-tinh-lao-cai-thoi-ky-2021-2030"
        ),
        "{}",
        listing(&x)
    );
    // A link of the chain beside a document of another claim (the amending law) is cited.
    assert!(
        has(&x, "self", RelationType::Cites, ";66-nq-tw"),
        "{}",
        listing(&x)
    );
    // "Căn cứ Thông tư số 10/2022/TT-BLĐTBXH … hướng dẫn giám sát, đánh giá thực hiện
    // Chương trình mục tiêu quốc gia giảm nghèo bền vững …": what the circular is about; the
    // implementing is looked at, not done.
    let x = corpus("KH_160-KH-UBND_2025_CanTho.txt");
    assert!(
        !x.relations.iter().any(|r| r
            .to
            .ends_with("chuong-trinh-muc-tieu-quoc-gia-giam-ngheo-ben-vung-giai-doan-2021-2025")),
        "{}",
        listing(&x)
    );
}

/// A second verb joined to the document's own ("Nghị quyết này thay thế Nghị quyết số 32 … và
/// bãi bỏ Nghị quyết số 18 …") types the second citation too (stop 60, from documents written
/// for the test: it was read as cited); a verb of the cited document's own stays its own.
#[test]
fn a_second_verb_joined_to_the_documents_own() {
    let text =
        "HỘI ĐỒNG NHÂN DÂN\nTỈNH QUẢNG TRỊ\nSố: 15/2026/NQ-HĐND\nQuảng Trị, ngày 10 tháng 3 \
                năm 2026\n\nNGHỊ QUYẾT\nQuy định mức chi hỗ trợ\n\nĐiều 1. Quy định mức chi.\n\
                Điều 2. Hiệu lực thi hành\n1. Nghị quyết này thay thế Nghị quyết số \
                32/2021/NQ-HĐND ngày 10 tháng 12 năm 2021 của Hội đồng nhân dân tỉnh và bãi bỏ \
                Nghị quyết số 18/2022/NQ-HĐND ngày 15 tháng 7 năm 2022 của Hội đồng nhân dân \
                tỉnh.\n";
    let x = vanban::extract(&vanban::parse(text));
    assert!(
        has(&x, "self", RelationType::Replaces, ";32-2021-nq-hdnd"),
        "{}",
        listing(&x)
    );
    assert!(
        has(&x, "self", RelationType::Repeals, ";18-2022-nq-hdnd"),
        "{}",
        listing(&x)
    );
    // "Nghị định số 78/2025/NĐ-CP … quy định chi tiết một số điều và biện pháp để tổ chức,
    // hướng dẫn thi hành Luật …": the decree's.
    let x = corpus("QD_44-2025-QD-TTg_2025.txt");
    assert!(
        has(&x, ";78-2025-nd-cp", RelationType::Details, ";64-2025-qh15"),
        "{}",
        listing(&x)
    );
}

#[test]
fn a_document_naming_itself_cites_no_document() {
    // An appendix's "(Kèm theo Kế hoạch số 0204/KH-UBND ngày 24/11/2025 …)" and a saved web
    // page's trailer "Công văn 4240/UBND-VX ngày 28/11/2025 …" are the document itself; a plan
    // of the year before with the same number is another document, still cited.
    for (file, own) in [
        ("KH_0204-KH-UBND_2025_CaMau.txt", ";0204-kh-ubnd"),
        ("CV_4240-UBND-VX_2025_HoChiMinh.txt", ";4240-ubnd-vx"),
    ] {
        let x = corpus(file);
        assert!(x.id.ends_with(own), "{}", x.id);
        assert!(
            x.citations
                .iter()
                .all(|c| c.target_id.as_deref() != Some(x.id.as_str())),
            "{file}"
        );
    }
    let text = "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 12/KH-UBND\nLào Cai, ngày 5 tháng 3 năm 2026\n\
                KẾ HOẠCH\nVề X\n\nTiếp theo Kế hoạch số 12/KH-UBND ngày 3/2/2025 của UBND tỉnh.\n\
                1. Làm theo Phụ lục.\n\nPhụ lục\n(Kèm theo Kế hoạch số 12/KH-UBND ngày 5/3/2026)\n";
    let x = vanban::extract(&vanban::parse(text));
    let cited: Vec<&str> = x.citations.iter().map(|c| c.raw.as_str()).collect();
    assert_eq!(
        cited,
        ["Kế hoạch số 12/KH-UBND ngày 3/2/2025 của UBND tỉnh"],
        "{}",
        x.id
    );
}
