//! Extraction on real documents of the corpus: one test per relation type on a real
//! sentence, identity rules, and a corpus-wide check of citations (run with `--nocapture` to
//! see citations per document).

#![allow(clippy::unwrap_used)] // A failed unwrap is a failed test.

mod common;

use std::path::Path;

use common::{corpus, has, listing};
use vanban::{CitationForm, Extraction, RelationType};

fn extract_text(text: &str) -> Extraction {
    vanban::extract(&vanban::parse(text))
}

#[test]
fn implements_a_party_letter() {
    // "Thực hiện Chương trình hành độ số 104-CTr/Tu …; Công văn số 2449-CV/ĐU … về việc triển
    // khai thực hiện Chương trình hành động số 104-CTr/Tu …"
    let x = corpus("CV_9387-UBND-KT_2026_LaoCai.txt");
    assert_eq!(
        x.id,
        "urn:lex:vn:ubnd.lao-cai:official_letter:2026;9387-ubnd-kt"
    );
    assert!(
        has(&x, ";9387-ubnd-kt", RelationType::Implements, ";2449-cv-du"),
        "{}",
        listing(&x)
    );
    assert!(has(
        &x,
        ";9387-ubnd-kt",
        RelationType::Implements,
        ";104-ctr-tu"
    ));
    assert!(has(
        &x,
        ";2449-cv-du",
        RelationType::Implements,
        ";104-ctr-tu"
    ));
    // The cited letter's id is the id the letter itself gets when parsed.
    let letter = corpus("CV_2449-CV-DU_2026_LaoCai.txt");
    assert!(
        x.relations.iter().any(|r| *r.to == *letter.id),
        "{} not cited",
        letter.id
    );
}

#[test]
fn based_on_in_the_preamble() {
    // "Căn cứ Nghị định số 30/2020/NĐ-CP về công tác văn thư;"
    let x = corpus("QD_165-2025-QD-UBND_2025_NinhBinh.txt");
    let nd30 = corpus("ND_30-2020-ND-CP_2020.txt");
    assert!(
        x.relations
            .iter()
            .any(|r| r.kind == RelationType::BasedOn && *r.to == *nd30.id),
        "{}",
        listing(&x)
    );
}

#[test]
fn a_named_law_with_its_date() {
    // "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;"
    let x = corpus("ND_30-2020-ND-CP_2020.txt");
    let law = x
        .citations
        .iter()
        .find(|c| c.name.as_deref() == Some("Luật Tổ chức Chính phủ"))
        .expect("the named law");
    assert_eq!(law.form, CitationForm::Named);
    assert_eq!(law.date.as_deref(), Some("2015-06-19"));
    assert_eq!(law.raw, "Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015");
    let id = "urn:lex:vn:quoc-hoi:law:2015;luat-to-chuc-chinh-phu";
    assert_eq!(law.target_id.as_deref(), Some(id));
    assert!(has(&x, ";30-2020-nd-cp", RelationType::BasedOn, id));
}

#[test]
fn an_article_that_ends_the_force_of_documents_repeals_them() {
    // "Nghị định số 110/2004/NĐ-CP … và Nghị định số 09/2010/NĐ-CP … sửa đổi, bổ sung một số
    // điều của Nghị định số 110/2004/NĐ-CP … hết hiệu lực từ ngày Nghị định này có hiệu lực"
    let x = corpus("ND_30-2020-ND-CP_2020.txt");
    for old in [";110-2004-nd-cp", ";09-2010-nd-cp"] {
        assert!(
            has(&x, ";30-2020-nd-cp", RelationType::Repeals, old),
            "{}",
            listing(&x)
        );
    }
    // The nested claim stands too.
    assert!(has(
        &x,
        ";09-2010-nd-cp",
        RelationType::Amends,
        ";110-2004-nd-cp"
    ));
    // A past statement is not a claim.
    let y = extract_text(
        "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 1/QĐ-UBND\nLào Cai, ngày 2 tháng 1 năm 2025\n\
         QUYẾT ĐỊNH\nVề việc X\nĐiều 1. Do Quyết định số 5/QĐ-UBND ngày 1/1/2020 của UBND tỉnh \
         đã hết hiệu lực, giao Sở Tư pháp rà soát.\n",
    );
    assert!(
        !y.relations.iter().any(|r| r.kind == RelationType::Repeals),
        "{}",
        listing(&y)
    );
}

#[test]
fn proposed_by_a_submission() {
    // "Theo đề nghị của Sở Công Thương tại Tờ trình số 3332/TTr-SCT ngày 09/6/2026."
    let x = corpus("GP_unnumbered-GP-UBND_2026_LaoCai.txt");
    assert!(
        has(&x, "", RelationType::ProposedBy, ";3332-ttr-sct"),
        "{}",
        listing(&x)
    );
}

#[test]
fn amends_from_the_title() {
    // "SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA THÔNG TƯ SỐ 43/2025/TT-BCT …"
    let x = corpus("TT_67-2025-TT-BCT_2025.txt");
    assert!(
        has(
            &x,
            ";67-2025-tt-bct",
            RelationType::Amends,
            ";43-2025-tt-bct"
        ),
        "{}",
        listing(&x)
    );
}

#[test]
fn passive_amendment_between_cited_laws() {
    // "Luật Ngân sách nhà nước số 83/2015/QH13 được sửa đổi, bổ sung bởi Luật số 59/2020/QH14"
    let x = corpus("NQ_55-2025-NQ-HDND_2025_HaNoi.txt");
    assert!(
        has(&x, ";59-2020-qh14", RelationType::Amends, ";83-2015-qh13"),
        "{}",
        listing(&x)
    );
    // "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật … số 87/2025/QH15": the formula is the
    // cited law's title; the resolution is based on that law, it does not amend it.
    let x = corpus("NQ_37-2025-NQ-HDND_2025_Hue.txt");
    assert!(
        has(
            &x,
            ";37-2025-nq-hdnd",
            RelationType::BasedOn,
            ";87-2025-qh15"
        ),
        "{}",
        listing(&x)
    );
}

#[test]
fn replaces() {
    // "Hướng dẫn này có hiệu lực từ ngày ký, thay thế Hướng dẫn số 11-HD/VPTW, ngày 28/5/2004"
    let x = corpus("HD_36-HD-VPTW_2018.txt");
    assert!(
        has(&x, ";36-hd-vptw", RelationType::Replaces, ";11-hd-vptw"),
        "{}",
        listing(&x)
    );
    // "Kế hoạch này thay thế Kế hoạch số 076/KH-UBND …" — in a plan's body, by itself.
    let x = corpus("KH_0204-KH-UBND_2025_CaMau.txt");
    assert!(has(
        &x,
        ";0204-kh-ubnd",
        RelationType::Replaces,
        ";076-kh-ubnd"
    ));
}

#[test]
fn repeals() {
    let x = corpus("ND_172-2025-ND-CP_2025.txt");
    assert!(
        has(
            &x,
            ";172-2025-nd-cp",
            RelationType::Repeals,
            ";112-2020-nd-cp"
        ),
        "{}",
        listing(&x)
    );
}

#[test]
fn asking_for_an_amendment_is_not_making_one() {
    // "… tham mưu UBND tỉnh sửa đổi, bổ sung hoặc thay thế Quyết định số 15/2021/QĐ-UBND"
    let x = corpus("KH_1026-KH-UBND_2025_NgheAn.txt");
    assert!(!x
        .relations
        .iter()
        .any(|r| r.to.ends_with(";15-2021-qd-ubnd") && r.kind != RelationType::Cites));
}

#[test]
fn details() {
    // "Nghị định số 181/2024/NĐ-CP … quy định chi tiết một số điều của Luật … số 42/2024/QH15"
    let x = corpus("CV_3155-SCT-CN_2026_LaoCai.txt");
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
fn guidance_inside_detailing_is_details() {
    // "… Nghị định số 78/2025/NĐ-CP … quy định chi tiết một số điều và biện pháp để tổ chức,
    // hướng dẫn thi hành Luật Ban hành văn bản quy phạm pháp luật": the guidance is part of
    // what the decree details.
    let x = corpus("QD_44-2025-QD-TTg_2025.txt");
    let from_78 = |kind| {
        x.relations
            .iter()
            .any(|r| r.kind == kind && r.from.ends_with(";78-2025-nd-cp"))
    };
    assert!(from_78(RelationType::Details), "{}", listing(&x));
    assert!(!from_78(RelationType::Guides), "{}", listing(&x));
}

#[test]
fn consolidates() {
    let x = corpus("VBHN_89-VBHN-BQP_2025.txt");
    assert!(
        has(
            &x,
            ";89-vbhn-bqp",
            RelationType::Consolidates,
            ";25-2016-qd-ttg"
        ),
        "{}",
        listing(&x)
    );
    assert!(has(
        &x,
        ";29-2019-qd-ttg",
        RelationType::Amends,
        ";25-2016-qd-ttg"
    ));
    // The consolidated text reproduces the original's "Căn cứ …": the original is based on
    // them; they amend nothing.
    assert!(has(
        &x,
        ";25-2016-qd-ttg",
        RelationType::BasedOn,
        ";21-2012-nd-cp"
    ));
    assert!(
        !x.relations
            .iter()
            .any(|r| r.kind == RelationType::Amends && r.from.ends_with(";21-2012-nd-cp")),
        "{}",
        listing(&x)
    );
}

#[test]
fn documents_joined_by_va_share_a_claim() {
    // "Kế hoạch số 283/KH-UBND … về thực hiện Nghị quyết số 71/NQ-CP … của Chính phủ và
    // Chương trình hành động số 10-CTr/TU … của Ban Thường vụ Tỉnh ủy …"
    let x = corpus("KH_552-KH-UBND_2025_DongThap.txt");
    for object in [";71-nq-cp", ";10-ctr-tu"] {
        assert!(
            has(&x, ";283-kh-ubnd", RelationType::Implements, object),
            "{}",
            listing(&x)
        );
    }
}

#[test]
fn a_document_does_not_amend_a_later_one() {
    // "Nghị định số 11/2011/NĐ-CP sửa đổi, bổ sung một số điều của Nghị định số
    // 159/2006/NĐ-CP, Nghị định số 23/2012/NĐ-CP quy định …": the comma lists another decree.
    let x = corpus("ND_162-2026-ND-CP_2026.txt");
    assert!(has(
        &x,
        ";11-2011-nd-cp",
        RelationType::Amends,
        ";159-2006-nd-cp"
    ));
    assert!(
        !has(&x, ";11-2011-nd-cp", RelationType::Amends, ";23-2012-nd-cp"),
        "{}",
        listing(&x)
    );
}

#[test]
fn a_generic_type_word_takes_the_kind_of_the_symbol() {
    let head = "ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nSố: 1/QĐ-UBND\nHà Tĩnh, ngày 2 tháng 12 năm 2025\nQUYẾT ĐỊNH\nVề việc X\n";
    let x = extract_text(&format!(
        "{head}Theo đề nghị của Sở Tư pháp tại Văn bản số 3169/TTr-STP ngày 31/10/2025 và Văn bản số \
         4104/SNV-XDCQ ngày 28/8/2025.\nĐiều 1. Xem Công văn số 4104/SNV-XDCQ ngày 28/8/2025 và Tờ trình \
         số 3169/TTr-STP ngày 31/10/2025.\n"
    ));
    let ids: Vec<&str> = x
        .citations
        .iter()
        .filter_map(|c| c.target_id.as_deref())
        .collect();
    assert_eq!(ids.len(), 4, "{ids:?}");
    // "Văn bản" and "Công văn" name one letter; "Văn bản" and "Tờ trình" one submission.
    assert_eq!(ids[1], ids[2]);
    assert_eq!(ids[0], ids[3]);
    assert!(ids[0].contains(":submission:"));
    assert!(ids[1].contains(":official_letter:"));
}

#[test]
fn suspends_corrects_and_attaches() {
    // No corpus document uses these formulae about a numbered document; real wording.
    let head = "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 12/QĐ-UBND\nLào Cai, ngày 02 tháng 3 năm 2026\nQUYẾT ĐỊNH\n";
    let x = extract_text(&format!("{head}Đình chỉ việc thi hành Quyết định số 05/2025/QĐ-UBND ngày 01/7/2025 của UBND tỉnh Lào Cai.\nĐiều 1. Nội dung.\n"));
    assert!(
        has(
            &x,
            ";12-qd-ubnd",
            RelationType::Suspends,
            ";05-2025-qd-ubnd"
        ),
        "{}",
        listing(&x)
    );
    let x = extract_text(&format!("{head}Đính chính Quyết định số 05/2025/QĐ-UBND ngày 01/7/2025 của UBND tỉnh Lào Cai.\nĐiều 1. Nội dung.\n"));
    assert!(
        has(
            &x,
            ";12-qd-ubnd",
            RelationType::Corrects,
            ";05-2025-qd-ubnd"
        ),
        "{}",
        listing(&x)
    );
    let x = extract_text(&format!("{head}Ban hành kèm theo Quyết định số 05/2025/QĐ-UBND ngày 01/7/2025 của UBND tỉnh Lào Cai.\nĐiều 1. Nội dung.\n"));
    assert!(
        has(
            &x,
            ";12-qd-ubnd",
            RelationType::Attaches,
            ";05-2025-qd-ubnd"
        ),
        "{}",
        listing(&x)
    );
}

#[test]
fn identity_distinguishes_issuer_locality_and_year() {
    let head = |province: &str| {
        format!("ỦY BAN NHÂN DÂN\nTỈNH {province}\nSố: 12/KH-UBND\n{province}, ngày 02 tháng 3 năm 2026\nKẾ HOẠCH\nThực hiện việc chung\n")
    };
    let a = extract_text(&head("LÀO CAI"));
    let b = extract_text(&head("TUYÊN QUANG"));
    assert_ne!(a.id, b.id, "same number, another province");
    // The same number cited of another province, of another year, of another issuer.
    let x = extract_text(&format!(
        "{}Căn cứ Kế hoạch số 99/KH-UBND ngày 01/02/2025 của UBND tỉnh; Kế hoạch số 99/KH-UBND ngày 01/02/2025 của UBND tỉnh Phú Yên; Kế hoạch số 99/KH-UBND ngày 01/02/2024 của UBND tỉnh; Kế hoạch số 99-KH/TU ngày 01/02/2025 của Tỉnh ủy.\nI. NỘI DUNG\n",
        head("LÀO CAI")
    ));
    let ids: Vec<&str> = x
        .citations
        .iter()
        .filter_map(|c| c.target_id.as_deref())
        .collect();
    assert_eq!(
        ids,
        [
            "urn:lex:vn:ubnd.lao-cai:plan:2025;99-kh-ubnd",
            "urn:lex:vn:ubnd.phu-yen:plan:2025;99-kh-ubnd",
            "urn:lex:vn:ubnd.lao-cai:plan:2024;99-kh-ubnd",
            "urn:lex:vn:tu.lao-cai:plan:2025;99-kh-tu",
        ]
    );
}

#[test]
fn full_and_short_forms_share_an_id() {
    let x = corpus("CV_2449-CV-DU_2026_LaoCai.txt");
    // "Kết luận số 75-KL/TW ngày 28/7/2026 …" and later "Kết luận 75-KL/TW …".
    let ids: Vec<&vanban::Citation> = x
        .citations
        .iter()
        .filter(|c| {
            c.number
                .as_ref()
                .is_some_and(|n| n.normalized == "75-KL/TW")
        })
        .collect();
    assert!(ids.len() >= 2);
    assert!(ids.iter().all(|c| c.target_id == ids[0].target_id));
    assert!(ids.iter().any(|c| c.form == CitationForm::Short));
    assert_eq!(ids[0].date.as_deref(), Some("2026-07-28"));
    // A year only known from a later mention is never invented: ids say "_" instead.
    let x = extract_text("ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 1/KH-UBND\nLào Cai, ngày 02 tháng 3 năm 2026\nKẾ HOẠCH\nThực hiện Chỉ thị số 11-CT/TU của Tỉnh ủy.\n");
    assert_eq!(
        x.citations[0].target_id.as_deref(),
        Some("urn:lex:vn:tu.lao-cai:directive:_;11-ct-tu")
    );
}

#[test]
fn issuer_code_mismatch_is_reported() {
    let x = extract_text("ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 1/KH-UBND\nLào Cai, ngày 02 tháng 3 năm 2026\nKẾ HOẠCH\nThực hiện Kế hoạch số 500-KH/TU ngày 22/7/2024 của Bộ Chính trị.\n");
    assert!(x
        .diagnostics
        .iter()
        .any(|d| d.code == "citation-issuer-mismatch"));
}

#[test]
fn banner_words_are_not_evidence() {
    // KL 221 starts with a website banner whose words ("Sửa đổi, thay thế, hủy bỏ") are no
    // relation; its citations all stand in the document proper.
    let x = corpus("KL_221-KL-TW_2025.txt");
    let parsed = vanban::parse_bytes(
        &std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/KL_221-KL-TW_2025.txt"))
            .expect("read"),
    )
    .expect("utf8");
    let banner_end = parsed
        .document
        .front_matter
        .as_ref()
        .map_or(0, |f| f.span.end);
    assert!(x.citations.iter().all(|c| c.span.start >= banner_end));
}

#[test]
fn corpus_citations() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let mut total = 0;
    for path in files {
        let parsed = vanban::parse_bytes(&std::fs::read(&path).expect("read")).expect("utf8");
        let x = vanban::extract(&parsed);
        let name = path.file_name().expect("name").to_string_lossy();
        let numbered = x.citations.iter().filter(|c| c.number.is_some()).count();
        println!(
            "{name}: {} citations ({numbered} numbered), {} relations, {} references, {} assignments",
            x.citations.len(),
            x.relations.len(),
            x.references.len(),
            x.assignments.len()
        );
        total += x.citations.len();
        for c in &x.citations {
            // Every citation lies in the text and carries an id unless a bare short form.
            assert!(c.span.end <= parsed.source.len() && c.span.start < c.span.end);
            if c.form != CitationForm::Short || c.number.is_some() {
                assert!(c.target_id.is_some(), "{name}: {} has no id", c.raw);
            }
        }
        for r in &x.relations {
            assert_ne!(r.from, r.to, "{name}: self relation");
        }
    }
    println!("{total} citations in the corpus");
    assert!(total > 800);
}

#[test]
fn citation_spans_point_into_the_original_input() {
    use unicode_normalization::UnicodeNormalization;
    let seed = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/208-KH-UBND_2024_TuyenQuang.txt"),
    )
    .unwrap();
    // The same seed in decomposed letters with CR LF line ends and NBSP after "số".
    let nfd: String = seed.nfd().collect::<String>();
    let messy = nfd.replace('\n', "\r\n").replace("số ", "số\u{a0}");
    let clean = vanban::extract(&vanban::parse(&seed));
    let x = vanban::extract(&vanban::parse(&messy));
    assert_eq!(clean.citations.len(), x.citations.len());
    let lines: Vec<&str> = messy.split("\r\n").collect();
    for (a, c) in clean.citations.iter().zip(&x.citations) {
        assert_eq!(a.raw, c.raw);
        assert_eq!(a.span.line, c.span.line);
        let Some(n) = &c.number else { continue };
        // The column counts characters of the original (decomposed) line.
        let line = lines[n.span.line as usize - 1];
        let col = n.span.column as usize - 1;
        let at: String = line.chars().skip(col).collect();
        let want: String = n.raw.nfd().collect();
        assert!(at.starts_with(&want), "{at:?} should start with {want:?}");
    }
}

#[test]
fn footnotes_and_lists_of_symbols_are_read() {
    // "[1] Thông báo số 627/TB-VPCP ngày 18/11/2025, Thông báo số 493/TB-VPCP ngày 18/9/2025;
    // các văn bản số: 10894/VPCP-CN ngày 8/11/2025, 8563/VPCP-CN ngày 12/9/2025 của Văn phòng
    // Chính phủ."
    let x = corpus("CD_224-CD-TTg_2025.txt");
    for number in ["493/TB-VPCP", "10894/VPCP-CN", "8563/VPCP-CN"] {
        let c = x
            .citations
            .iter()
            .find(|c| c.number.as_ref().is_some_and(|n| n.normalized == number))
            .unwrap_or_else(|| panic!("{number} not found"));
        assert_eq!(c.node.as_deref(), Some("trailing"), "{number}");
    }
    let last = x
        .citations
        .iter()
        .find(|c| {
            c.number
                .as_ref()
                .is_some_and(|n| n.normalized == "8563/VPCP-CN")
        })
        .unwrap();
    assert_eq!(last.date.as_deref(), Some("2025-09-12"));
    assert_eq!(
        last.issuer.as_ref().map(|i| i.resolved.as_str()),
        Some("Văn phòng Chính phủ")
    );
}
