//! Parsing, extraction, lint, report and graph never panic, whatever the text: random mixes of the words,
//! numbers, symbols and Markdown that citations, names and agency lists are made of.

#![cfg(all(feature = "graph", feature = "lint"))]

use proptest::prelude::*;

const PIECES: &[&str] = &[
    "Nghị định",
    "Luật",
    "Bộ luật",
    "Kế hoạch",
    "Quyết định",
    "số",
    "ngày",
    "tháng",
    "năm",
    "của",
    "Chính phủ",
    "Tỉnh ủy",
    "UBND tỉnh",
    "Lào Cai",
    "và",
    ",",
    ";",
    ".",
    ":",
    "“",
    "”",
    "**",
    "*",
    "_",
    "(",
    ")",
    "30/2020/NĐ-CP",
    "500-KH/TU",
    "2449 -CV/ĐU",
    "24/2026//NQ-CP",
    "22/7/2024",
    "05",
    "2020",
    "Điều 5",
    "khoản 2",
    "điểm a",
    "này",
    "chủ trì",
    "phối hợp với",
    "Các Sở:",
    "Nội vụ",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Giám đốc",
    "sở",
    "trước ngày",
    "thực hiện",
    "sửa đổi, bổ sung",
    "hết hiệu lực",
    "Căn cứ",
    "Đề án",
    "Quy hoạch",
    "tại",
    "Việt Nam",
    "Đ",
    "ả",
    "ệ",
    "\n",
    "\n\n",
    " ",
    "  ",
    "\t",
    "|",
    "I.",
    "1.",
    "a)",
    "-",
    "+",
    "Nơi nhận:",
    "KẾ HOẠCH",
    "Số:",
    "QUYẾT ĐỊNH",
    "uỷ",
    "hoá",
    "\u{a0}",
    "e\u{301}",
];

fn document() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => prop::sample::select(PIECES).prop_map(str::to_owned),
            1 => "[a-zA-Zà-ỹÀ-Ỹ0-9 /\\-.,]{0,12}",
        ],
        0..120,
    )
    .prop_map(|parts| parts.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn extraction_never_panics(text in document()) {
        let parsed = vanban::parse(&text);
        let x = vanban::extract(&parsed);
        // Spans stay inside the text and on character boundaries.
        for c in &x.citations {
            prop_assert!(c.span.start <= c.span.end && c.span.end <= parsed.source.len());
            prop_assert!(parsed.source.is_char_boundary(c.span.start));
            prop_assert!(parsed.source.is_char_boundary(c.span.end));
        }
        for r in &x.references {
            prop_assert!(r.span.end <= parsed.source.len());
        }
        // Lint, report and the graph hold too.
        for f in vanban::lint::lint(&parsed, &x) {
            prop_assert!(f.span.end <= parsed.source.len() || f.span.start <= parsed.source.len());
        }
        let _ = vanban::lint::report::document_report("random.txt", &parsed, &x);
        let mut b = vanban::GraphBuilder::new();
        b.add("random.txt", x);
        let g = b.build();
        let _ = vanban::output::graph::node_link(&g, vanban::output::graph::ExportOptions::default());
    }
}
