//! The seed plan 208/KH-UBND parses to what a correct reading of it gives (the expectations
//! the project was given with the seed, restated here as assertions), field by field.

use vanban::{DocumentKind, MottoKind, Node, NodeKind, NumberForm, Parsed, Severity};

fn seed() -> Parsed {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/208-KH-UBND_2024_TuyenQuang.txt"
    );
    vanban::parse_bytes(&std::fs::read(path).expect("seed file")).expect("UTF-8")
}

/// A compact shape of a subtree: markers (or `¶`, `note`) with children in brackets.
fn shape(nodes: &[Node]) -> String {
    nodes
        .iter()
        .map(|n| {
            let label = match (n.kind, &n.marker()) {
                (NodeKind::Paragraph, _) => "¶".to_owned(),
                (NodeKind::Note, _) => "note".to_owned(),
                (_, Some(m)) => m.to_string(),
                (k, None) => format!("{k:?}"),
            };
            if n.children.is_empty() {
                label
            } else {
                format!("{label}[{}]", shape(&n.children))
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn header() {
    let p = seed();
    let h = &p.document.header;
    assert_eq!(
        h.issuer.name.as_deref(),
        Some("Ủy ban nhân dân tỉnh Tuyên Quang")
    );
    assert_eq!(h.issuer.locality.as_deref(), Some("tỉnh Tuyên Quang"));
    assert_eq!(
        h.issuer.parent, None,
        "one body and its locality, not a parent"
    );
    assert_eq!(h.issuer.raw, ["ỦY BAN NHÂN DÂN", "TỈNH TUYÊN QUANG"]);
    let motto = h.motto.as_ref().expect("motto");
    assert_eq!(motto.kind, MottoKind::State);
    assert_eq!(
        motto.lines,
        [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc"
        ]
    );
    let n = h.number.as_ref().expect("number");
    assert_eq!(n.raw, "208/KH-UBND");
    assert_eq!(n.normalized, "208/KH-UBND");
    assert_eq!(n.seq.as_deref(), Some("208"));
    assert_eq!(n.year, None);
    assert_eq!(n.type_code.as_deref(), Some("KH"));
    assert_eq!(n.issuer_code.as_deref(), Some("UBND"));
    assert_eq!(n.form, NumberForm::State);
    assert_eq!(n.span.line, 7);
    assert_eq!(h.place.as_deref(), Some("Tuyên Quang"));
    assert_eq!(h.date.as_deref(), Some("2024-11-20"));
    assert_eq!(h.kind, DocumentKind::Plan);
    assert_eq!(h.kind_raw.as_deref(), Some("KẾ HOẠCH"));
    let title = h.title.as_deref().expect("title");
    assert!(title.starts_with("THỰC HIỆN KẾ HOẠCH SỐ 500-KH/TU NGÀY 22/7/2024"));
    assert!(title.ends_with("THEO HƯỚNG HIỆN ĐẠI"));
    assert!(!title.contains('\n'));
    assert_eq!(h.subject, None);
    assert!(h.addressees.is_empty());
}

#[test]
fn preamble_is_two_paragraphs() {
    let p = seed();
    let pre = &p.document.preamble;
    assert_eq!(pre.len(), 2);
    assert!(pre[0].text().starts_with("Thực hiện Kế hoạch số 500-KH/TU"));
    assert!(pre[1].text().starts_with("Ủy ban nhân dân tỉnh ban hành"));
    assert_eq!(pre[0].id(), "preamble__p_1");
}

#[test]
fn body_outline() {
    let p = seed();
    let body = &p.document.body;
    assert_eq!(
        shape(body),
        "I.[1. 2.] \
         II.[\
           1.[a)[¶] b) c)] \
           2.[a)[- - - -] b)] \
           3.[a)[- -] b)[- -] c) d) đ)] \
           4.[a)[-] b) c) d) e) g) h) i) k) l) m) n)[¶] o) note]\
         ] \
         III.[1. 2. ¶]"
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    );
    let ii = &body[1];
    assert_eq!(ii.heading(), Some("NHIỆM VỤ, GIẢI PHÁP THỰC HIỆN"));
    assert_eq!(ii.kind, NodeKind::Division);
    assert_eq!(ii.number(), Some("II"));
    // The continuation paragraph of II.1.a.
    let a = &ii.children[0].children[0];
    assert_eq!(a.id(), "sec_II__item_1__point_a");
    assert!(a.children[0].text().starts_with("Tập trung hoàn thiện"));
    // II.4.n and its continuation; the note is not part of point o.
    let item4 = &ii.children[3];
    assert_eq!(
        item4.heading().map(|h| h.starts_with("Phát triển đồng bộ")),
        Some(true)
    );
    let n = item4
        .children
        .iter()
        .find(|c| c.number() == Some("n"))
        .expect("n");
    assert!(n.children[0].text().starts_with("Khẩn trương đầu tư"));
    let o = item4
        .children
        .iter()
        .find(|c| c.number() == Some("o"))
        .expect("o");
    assert!(o.children.is_empty());
    let note = item4.children.last().expect("note");
    assert_eq!(note.kind, NodeKind::Note);
    assert_eq!(note.text(), "(Cụ thể có phụ lục kèm theo)");
    // đ) keeps its Vietnamese letter in the id.
    let d = p.document.find("sec_II__item_3__point_đ").expect("point đ");
    assert_eq!(d.marker(), Some("đ)"));
    // Items "1.  Nâng cao …" (two spaces) are text, not headings.
    let i1 = &body[0].children[0];
    assert_eq!(i1.marker(), Some("1."));
    assert!(i1.text().starts_with("Nâng cao vai trò"));
    assert_eq!(i1.heading(), None);
    // III ends with its closing paragraph.
    let iii = &body[2];
    assert!(iii.children[2].text().starts_with("Trong quá trình"));
}

#[test]
fn closing() {
    let p = seed();
    let c = &p.document.closing;
    assert_eq!(c.signature, None, "this text lost its signature block");
    let got: Vec<(&str, Option<&str>)> = c
        .recipients
        .iter()
        .map(|r| (r.name.as_str(), r.purpose.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("Thường trực Tỉnh uỷ", Some("báo cáo")),
            ("Thường trực HĐND tỉnh", Some("báo cáo")),
            ("Chủ tịch UBND tỉnh", None),
            ("Các PCT UBND tỉnh", None),
            ("Các Huyện ủy, Thành ủy", Some("phối hợp chỉ đạo")),
            ("Các Sở, ban, ngành của tỉnh", None),
            ("UBND các huyện, thành phố", None),
            ("Chánh, Phó CVP UBND tỉnh", None),
            ("Cổng TTĐT tỉnh, CBĐT", None),
        ]
    );
    let a = c.archive.as_ref().expect("archive");
    assert_eq!(a.raw, "Lưu: VT, ĐTXD. (D)");
    assert_eq!(a.holders, ["VT", "ĐTXD"]);
    assert_eq!(a.note.as_deref(), Some("(D)"));
    assert!(p.document.appendices.is_empty(), "no appendix is invented");
}

#[test]
fn clean_and_lossless() {
    let p = seed();
    let problems: Vec<_> = p
        .diagnostics
        .iter()
        .filter(|d| d.severity != Severity::Info)
        .collect();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(p.render(), p.source);
    // Every node's span lies inside its parent's, in order.
    fn check(n: &Node) {
        let mut pos = n.span.start;
        for c in &n.children {
            assert!(
                c.span.start >= pos && c.span.end <= n.span.end,
                "{}",
                c.id()
            );
            pos = c.span.end;
            check(c);
        }
    }
    p.document.body.iter().for_each(check);
}
