//! `lint` on the seed and on broken copies of real documents: each break gives the exact
//! finding at the exact line.

#![cfg(all(feature = "graph", feature = "lint"))]
#![allow(clippy::unwrap_used)] // A failed unwrap is a failed test.

use std::path::Path;

use vanban::lint::{lint, Finding};

fn read(rel: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)).unwrap()
}

fn findings(text: &str) -> Vec<Finding> {
    let parsed = vanban::parse(text);
    let x = vanban::extract(&parsed);
    lint(&parsed, &x)
}

fn numbering(f: &[Finding]) -> Vec<(String, u32, String)> {
    f.iter()
        .filter(|f| f.code.starts_with("numbering"))
        .map(|f| (f.code.clone(), f.span.line, f.message.clone()))
        .collect()
}

/// Replace line `n` (1-based) of `text`.
fn with_line(text: &str, n: usize, f: impl Fn(&str) -> Option<String>) -> String {
    text.split('\n')
        .enumerate()
        .filter_map(|(i, l)| if i + 1 == n { f(l) } else { Some(l.to_owned()) })
        .collect::<Vec<_>>()
        .join("\n")
}

const SEED: &str = "seeds/208-KH-UBND_2024_TuyenQuang.txt";

#[test]
fn the_seed_lints_clean_of_numbering_findings() {
    let f = findings(&read(SEED));
    assert_eq!(numbering(&f), []);
    // It has no signature block (a web copy): that is said.
    assert!(f.iter().any(|f| f.code == "closing-no-signature"));
}

#[test]
fn a_dropped_point_is_a_gap_at_the_next_point() {
    // Drop II.3.c (line 36); II.3.d moves up to line 36.
    let text = with_line(&read(SEED), 36, |_| None);
    assert_eq!(
        numbering(&findings(&text)),
        [(
            "numbering-gap".to_owned(),
            36,
            "điểm d follows điểm b: c missing".to_owned()
        )]
    );
}

#[test]
fn swapped_items_are_out_of_order() {
    // II.2 (line 22) and II.3 (line 29) swap numbers.
    let text = with_line(&read(SEED), 22, |l| Some(l.replacen("2.", "3.", 1)));
    let text = with_line(&text, 29, |l| Some(l.replacen("3.", "2.", 1)));
    assert_eq!(
        numbering(&findings(&text)),
        [(
            "numbering-order".to_owned(),
            22,
            "item 3 comes before item 2 (line 29)".to_owned()
        )]
    );
}

#[test]
fn a_duplicated_article_number_is_a_duplicate() {
    let nd30 = read("corpus/ND_30-2020-ND-CP_2020.txt");
    assert_eq!(numbering(&findings(&nd30)), []);
    // "Điều 6." (line 59) becomes a second "Điều 5.".
    let text = with_line(&nd30, 59, |l| Some(l.replacen("Điều 6.", "Điều 5.", 1)));
    let got = numbering(&findings(&text));
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "numbering-duplicate");
    assert_eq!(got[0].1, 59);
    assert!(got[0].2.starts_with("Điều 5 appears twice"), "{}", got[0].2);
}

const HEAD: &str = "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 12/QĐ-UBND\n";

#[test]
fn articles_run_on_across_chapters_and_quoted_text_is_not_counted() {
    let text = format!(
        "{HEAD}Lào Cai, ngày 05 tháng 3 năm 2025\nQUYẾT ĐỊNH\nVề việc X\nChương I\nQUY ĐỊNH CHUNG\n\
         Điều 1. Phạm vi\n1. Một.\n2. Hai.\nChương II\nQUY ĐỊNH CỤ THỂ\nĐiều 2. Sửa đổi khoản 3 Điều 5 như sau:\n\
         “3. Nội dung mới.”\nĐiều 2a. Bổ sung\nĐiều 3. Hiệu lực\nNơi nhận:\n- Như Điều 3;\n- Lưu: VT.\n"
    );
    assert_eq!(numbering(&findings(&text)), []);
    // Điều 4 after Điều 2a: Điều 3 missing, said at Điều 4's line.
    let gap = text.replace("Điều 3. Hiệu lực", "Điều 4. Hiệu lực");
    let got = numbering(&findings(&gap));
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "numbering-gap");
    assert_eq!(got[0].1, 19);
}

#[test]
fn points_follow_the_vietnamese_alphabet() {
    let text = format!(
        "{HEAD}Lào Cai, ngày 05 tháng 3 năm 2025\nKẾ HOẠCH\nVề việc X\nI. NHIỆM VỤ\n1. Một\n\
         a) A.\nb) B.\nc) C.\nd) D.\nđ) Đ.\ne) E.\ng) G.\nh) H.\n"
    );
    assert_eq!(numbering(&findings(&text)), [], "e) → g) is no gap");
    let f_letter = text.replace("g) G.", "f) G.");
    assert!(!numbering(&findings(&f_letter)).is_empty());
}

#[test]
fn header_date_padding() {
    let doc =
        |date: &str| format!("{HEAD}Lào Cai, {date}\nQUYẾT ĐỊNH\nVề việc X\nĐiều 1. Một./.\n");
    let codes = |t: &str| -> Vec<(String, u32)> {
        findings(t)
            .into_iter()
            .filter(|f| f.code == "header-date-padding")
            .map(|f| (f.message, f.span.line))
            .collect()
    };
    assert_eq!(codes(&doc("ngày 05 tháng 3 năm 2025")), []);
    assert_eq!(codes(&doc("ngày 15 tháng 02 năm 2025")), []);
    let bad = codes(&doc("ngày 5 tháng 2 năm 2025"));
    assert_eq!(bad.len(), 1);
    assert_eq!(bad[0].1, 6);
    assert!(
        bad[0].0.contains("day 5") && bad[0].0.contains("month 2"),
        "{}",
        bad[0].0
    );
}

#[test]
fn citations_incomplete_or_after_the_document() {
    let text = format!(
        "{HEAD}Lào Cai, ngày 05 tháng 3 năm 2025\nKẾ HOẠCH\nVề việc X\nI. NHIỆM VỤ\n\
         1. Thực hiện Kế hoạch số 20/KH-UBND của UBND tỉnh.\n\
         2. Theo Kế hoạch số 30/KH-UBND ngày 10/5/2025 của UBND tỉnh.\n"
    );
    let f = findings(&text);
    let incomplete: Vec<&Finding> = f
        .iter()
        .filter(|f| f.code == "citation-incomplete")
        .collect();
    assert_eq!(incomplete.len(), 1);
    assert_eq!(incomplete[0].span.line, 10);
    assert!(incomplete[0].message.contains("no date"));
    let later: Vec<&Finding> = f
        .iter()
        .filter(|f| f.code == "citation-after-document")
        .collect();
    assert_eq!(later.len(), 1);
    assert_eq!(later[0].span.line, 11);
}

#[test]
fn closing_end_mark_archive_and_signature() {
    let text = format!(
        "{HEAD}Lào Cai, ngày 05 tháng 3 năm 2025\nKẾ HOẠCH\nVề việc X\nI. NHIỆM VỤ\n1. Một.\n\
         Nơi nhận:\n- Sở Tài chính;\n"
    );
    let codes: Vec<String> = findings(&text).into_iter().map(|f| f.code).collect();
    for c in [
        "closing-no-end-mark",
        "closing-no-archive",
        "closing-no-signature",
    ] {
        assert!(codes.iter().any(|x| x == c), "{c}: {codes:?}");
    }
    let good = text.replace("1. Một.\n", "1. Một./.\n").replace(
        "- Sở Tài chính;\n",
        "- Sở Tài chính;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn A\n",
    );
    let codes: Vec<String> = findings(&good).into_iter().map(|f| f.code).collect();
    assert!(!codes.iter().any(|c| c.starts_with("closing")), "{codes:?}");
}
