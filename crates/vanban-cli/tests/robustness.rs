//! Bad inputs and what they get (one test per row of the table in the README), inputs of
//! extreme size and shape, random mutations of real documents, and the graph's tolerance of
//! odd corpora.

#![allow(clippy::unwrap_used)] // A failed unwrap is a failed test.

/// The repository root: the corpus, seeds and test data live there, not in this crate.
const REPO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

use std::path::Path;
use std::process::Command;

use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;
use vanban::{Document, Node, Parsed};

fn root() -> &'static Path {
    Path::new(REPO)
}

fn seed() -> String {
    std::fs::read_to_string(root().join("seeds/208-KH-UBND_2024_TuyenQuang.txt")).unwrap()
}

/// What a tree says, positions aside: (id, kind, number, heading, text) of every node, the
/// header's fields and the closing's recipients.
fn shape(d: &Document) -> Vec<String> {
    let mut out = vec![format!("{} {:?}", header_fields(d), d.header.title)];
    for n in d.nodes() {
        out.push(format!(
            "{} {:?} {:?} {:?} {}",
            n.id(),
            n.kind,
            n.number(),
            n.heading(),
            n.text().split_whitespace().collect::<Vec<_>>().join(" ")
        ));
    }
    out.extend(recipients(d));
    out
}

/// Issuer, number, date and kind of the header.
fn header_fields(d: &Document) -> String {
    format!(
        "{:?} {:?} {:?} {:?}",
        d.header.issuer.name,
        d.header.number.as_ref().map(|n| &n.normalized),
        d.header.date,
        d.header.kind,
    )
}

/// The closing's recipients with their purposes.
fn recipients(d: &Document) -> impl Iterator<Item = String> + '_ {
    d.closing
        .recipients
        .iter()
        .map(|r| format!("{} {:?}", r.name, r.purpose))
}

fn check_spans(p: &Parsed) {
    let len = p.source.len();
    fn walk(n: &Node, src: &str) {
        assert!(
            n.span.start <= n.span.end && n.span.end <= src.len(),
            "{}",
            n.id()
        );
        assert!(src.is_char_boundary(n.span.start) && src.is_char_boundary(n.span.end));
        // (A column is a count of characters: never more than the text has, plus one.)
        assert!(n.span.column as usize <= src.len() + 1, "{}", n.id());
        for c in &n.children {
            assert!(
                n.span.start <= c.span.start && c.span.end <= n.span.end,
                "{} lies outside {}",
                c.id(),
                n.id()
            );
            walk(c, src);
        }
    }
    for n in p
        .document
        .preamble
        .iter()
        .chain(&p.document.body)
        .chain(p.document.appendices.iter().flat_map(|a| a.children.iter()))
    {
        walk(n, &p.source);
    }
    assert!(p.document.header.span.end <= len);
    assert_eq!(p.render(), p.source, "lossless");
}

fn cli(bytes: &[u8]) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("input.txt");
    std::fs::write(&path, bytes).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(["parse", path.to_str().unwrap(), "-q"])
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn invalid_utf8_names_file_byte_and_line() {
    let mut bytes = b"\xe1\xbb\xa6Y BAN\nline two\nbad \xff here\n".to_vec();
    bytes.extend_from_slice(b"more\n");
    let (code, err) = cli(&bytes);
    assert_eq!(code, Some(3));
    assert!(err.contains("input.txt"), "{err}");
    assert!(err.contains("invalid UTF-8 at byte 22"), "{err}");
    assert!(err.contains("line 3"), "{err}");
}

#[test]
fn utf16_with_bom_is_decoded() {
    let text = seed();
    let clean = vanban::parse(&text);
    for (bom, le) in [([0xFF, 0xFE], true), ([0xFE, 0xFF], false)] {
        let mut bytes = bom.to_vec();
        for u in text.encode_utf16() {
            bytes.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        let p = vanban::parse_bytes(&bytes).unwrap();
        assert_eq!(shape(&p.document), shape(&clean.document));
    }
}

#[test]
fn utf8_bom_is_stripped() {
    let text = seed();
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice(text.as_bytes());
    let p = vanban::parse_bytes(&bytes).unwrap();
    assert_eq!(p.source, text);
    assert_eq!(shape(&p.document), shape(&vanban::parse(&text).document));
}

#[test]
fn legacy_encodings_are_named() {
    // TCVN3 glyphs read as Latin-1, saved as UTF-8.
    let tcvn = "Uû ban nh©n d©n tØnh Tuyªn Quang\nSè: 208/KH-UBND\nKÕ ho¹ch thùc hiÖn NghÞ quyÕt sè 13 cña Ban ChÊp hµnh\nC¸c Së, ban, ngµnh; ®¬n vÞ\n";
    let (code, err) = cli(tcvn.as_bytes());
    assert_eq!(code, Some(3));
    assert!(
        err.contains("TCVN3 (ABC)") && err.contains("line 1"),
        "{err}"
    );
    // VNI glyphs read as Latin-1.
    let vni = "UÛY BAN NHAÂN DAÂN\nKeá hoaïch thöïc hieän Nghò quyeát soá 13 cuûa Ban Chaáp haønh Trung öông\nÖÙng duïng coâng ngheä thoâng tin ôû ñòa phöông\n";
    let (code, err) = cli(vni.as_bytes());
    assert_eq!(code, Some(3));
    assert!(err.contains("VNI-Windows"), "{err}");
    // Raw TCVN3 bytes (not UTF-8 at all).
    let raw: Vec<u8> = b"Uy ban nh\xa9n d\xa9n t\xdbnh Tuy\xaan Quang, K\xd5 ho\xb9ch th\xf9c hi\xd6n, \xae\xac n v\xde, c\xab ng t\xb8c\n".to_vec();
    let (code, err) = cli(&raw);
    assert_eq!(code, Some(3));
    assert!(err.contains("TCVN3 (ABC)"), "{err}");
    // A real document with a © sign is not mistaken for one.
    let text = seed().replace("Nơi nhận:", "© Cổng thông tin\nNơi nhận:");
    assert!(vanban::parse_bytes(text.as_bytes()).is_ok());
}

#[test]
fn messy_whitespace_and_nfd_give_the_same_tree() {
    let text = seed();
    let clean = vanban::parse(&text);
    let messy: String = text
        .nfd()
        .collect::<String>()
        .replace('\n', " \t \r\n")
        .replace("số ", "số\u{a0}");
    let p = vanban::parse(&messy);
    assert_eq!(shape(&p.document), shape(&clean.document));
    check_spans(&p);
}

#[test]
fn binary_data_is_not_a_text_document() {
    for (bytes, what) in [
        (&b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"[..], "PDF"),
        (&b"PK\x03\x04\x14\x00\x06\x00word/document.xml"[..], "ZIP"),
        (&b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"[..], "PNG"),
        (&b"text with a \x00 NUL byte"[..], "NUL"),
    ] {
        let (code, err) = cli(bytes);
        assert_eq!(code, Some(3), "{what}");
        assert!(
            err.contains("not a text document") && err.contains(what),
            "{err}"
        );
    }
}

#[test]
fn empty_input_is_an_empty_document_with_one_diagnostic() {
    for text in ["", "   \n\t\n  "] {
        let p = vanban::parse(text);
        assert!(p.document.body.is_empty() && p.document.preamble.is_empty());
        let codes: Vec<&str> = p.diagnostics.iter().map(|d| d.code.as_str()).collect();
        assert_eq!(codes, ["empty-document"]);
        check_spans(&p);
    }
}

#[test]
fn no_header_or_only_a_header_gives_a_tree_with_diagnostics() {
    let body_only = vanban::parse("I. NHIỆM VỤ\n1. Làm việc A.\n2. Làm việc B.\n");
    assert_eq!(body_only.document.body.len(), 1);
    assert_eq!(body_only.document.body[0].children.len(), 2);
    assert!(body_only
        .diagnostics
        .iter()
        .any(|d| d.code == "header-missing"));
    check_spans(&body_only);
    let header_only = vanban::parse(
        "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 5/KH-UBND\nLào Cai, ngày 05 tháng 3 năm 2025\nKẾ HOẠCH\nVề X\n",
    );
    assert_eq!(
        header_only
            .document
            .header
            .number
            .as_ref()
            .unwrap()
            .normalized,
        "5/KH-UBND"
    );
    assert!(header_only.document.body.is_empty());
    assert!(!header_only.diagnostics.is_empty());
    check_spans(&header_only);
}

const HEAD: &str = "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 1/KH-UBND\nLào Cai, ngày 05 tháng 3 năm 2025\nKẾ HOẠCH\nVề X\n";

#[test]
fn extreme_sizes_and_shapes_hold() {
    // 100 000 lines.
    let mut big = String::from(HEAD);
    for i in 1..=100_000 {
        match i % 4 {
            0 => big.push_str(&format!(
                "{}. Nhiệm vụ theo Kế hoạch số {i}/KH-UBND ngày 01/02/2024.\n",
                i / 4
            )),
            1 => big.push_str("a) Sở Tài chính chủ trì, phối hợp với Sở Nội vụ.\n"),
            _ => big.push_str("- nội dung công việc cần thực hiện\n"),
        }
    }
    let p = vanban::parse(&big);
    check_spans(&p);
    let x = vanban::extract(&p);
    assert_eq!(x.citations.len(), 25_000);
    // One line of 10 MB.
    let word =
        "Thực hiện Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ và khoản 2 Điều 5 ";
    let times = 10 * 1024 * 1024 / word.len();
    let line = format!("{HEAD}{}\n", word.repeat(times));
    let p = vanban::parse(&line);
    assert_eq!(p.render(), p.source);
    let x = vanban::extract(&p);
    assert_eq!(x.citations.len(), times);
    assert_eq!(x.references.len(), times);
    // Deep nesting: sub-items 1.1.1… three thousand levels deep, quotations nested five
    // thousand deep, a thousand chapters each with an article.
    let mut deep = format!("{HEAD}I. NHIỆM VỤ\n");
    let mut number = String::new();
    for d in 1..=3000 {
        if !number.is_empty() {
            number.push('.');
        }
        number.push('1');
        deep.push_str(&format!("{number}. Mức {d}\n"));
    }
    let p = vanban::parse(&deep);
    check_spans(&p);
    let _ = vanban::extract(&p);
    let _ = serde_json::to_string(&p.document).unwrap();
    let quotes = format!(
        "{HEAD}Điều 1. Sửa đổi như sau:\n{}nội dung{}\n",
        "“".repeat(5000),
        "”".repeat(5000)
    );
    let p = vanban::parse(&quotes);
    check_spans(&p);
    let mut chapters = String::from(HEAD);
    for c in 1..=1000 {
        chapters.push_str(&format!(
            "Chương {c}\nTÊN CHƯƠNG\nĐiều {c}. Nội dung\n1. Khoản một.\n"
        ));
    }
    let p = vanban::parse(&chapters);
    check_spans(&p);
    let x = vanban::extract(&p);
    let _ = vanban::lint::lint(&p, &x);
}

/// Mutations of real documents.
#[derive(Debug, Clone)]
enum Mutation {
    DeleteLine(usize),
    SwapLines(usize, usize),
    Markdown(usize),
    PageHeader(usize),
    Unicode(usize, char),
    SwapMarker(usize),
}

fn mutate(text: &str, ms: &[Mutation]) -> String {
    let mut lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
    for m in ms {
        let n = lines.len().max(1);
        match m {
            Mutation::DeleteLine(i) if lines.len() > 1 => {
                lines.remove(i % n);
            }
            Mutation::SwapLines(a, b) => lines.swap(a % n, b % n),
            Mutation::Markdown(i) => {
                let l = &mut lines[i % n];
                *l = format!("**{l}**");
            }
            Mutation::PageHeader(i) => {
                lines.insert(i % n, "CÔNG BÁO/Số 290/Ngày 29-05-2026 13".to_owned())
            }
            Mutation::Unicode(i, c) => {
                let l = &mut lines[i % n];
                let at = l
                    .char_indices()
                    .nth(*i % (l.chars().count() + 1))
                    .map_or(l.len(), |(p, _)| p);
                l.insert(at, *c);
            }
            Mutation::SwapMarker(i) => {
                let l = &mut lines[i % n];
                for (from, to) in [
                    ("a)", "c)"),
                    ("1.", "3."),
                    ("II.", "IV."),
                    ("Điều 2", "Điều 9"),
                    ("-", "+"),
                ] {
                    if l.starts_with(from) {
                        *l = l.replacen(from, to, 1);
                        break;
                    }
                }
            }
            Mutation::DeleteLine(_) => {}
        }
    }
    lines.join("\n")
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<usize>().prop_map(Mutation::DeleteLine),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        any::<usize>().prop_map(Mutation::Markdown),
        any::<usize>().prop_map(Mutation::PageHeader),
        (any::<usize>(), any::<char>()).prop_map(|(i, c)| Mutation::Unicode(i, c)),
        any::<usize>().prop_map(Mutation::SwapMarker),
    ]
}

fn corpus() -> &'static Vec<String> {
    static C: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    C.get_or_init(|| {
        let mut files: Vec<_> = std::fs::read_dir(root().join("corpus"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        files
            .iter()
            .map(|f| std::fs::read_to_string(f).unwrap())
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn mutated_corpus_documents_hold(doc in 0usize..71, ms in prop::collection::vec(mutation(), 1..12)) {
        let text = mutate(&corpus()[doc % corpus().len()], &ms);
        let p = vanban::parse(&text);
        check_spans(&p);
        let x = vanban::extract(&p);
        for c in &x.citations {
            prop_assert!(c.span.end <= p.source.len());
            prop_assert!(p.source.is_char_boundary(c.span.start) && p.source.is_char_boundary(c.span.end));
        }
        let again = vanban::extract(&vanban::parse(&text));
        prop_assert_eq!(serde_json::to_string(&x).unwrap(), serde_json::to_string(&again).unwrap());
        let _ = vanban::lint::lint(&p, &x);
    }
}

#[test]
fn odd_corpora_make_a_graph_with_diagnostics() {
    let doc = |number: &str, title: &str, body: &str| {
        vanban::extract(&vanban::parse(&format!(
            "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: {number}\nLào Cai, ngày 05 tháng 3 năm 2025\nKẾ HOẠCH\n{title}\nI. NỘI DUNG\n1. {body}\n"
        )))
    };
    // The same id twice with different titles; a self-citation; a citation of a kind the
    // reader does not know; a cycle.
    let a1 = doc(
        "7/KH-UBND",
        "Về việc A",
        "Theo Kế hoạch số 7/KH-UBND ngày 05/3/2025 của UBND tỉnh.",
    );
    let a2 = doc("7/KH-UBND", "Về việc B", "Nội dung khác.");
    let b = doc(
        "8/KH-UBND",
        "Thực hiện Kế hoạch số 9/KH-UBND ngày 01/3/2025 của UBND tỉnh",
        "Xem Văn bản số 12/XYZ-ABC ngày 01/3/2025.",
    );
    let c = doc(
        "9/KH-UBND",
        "Thực hiện Kế hoạch số 8/KH-UBND ngày 01/3/2025 của UBND tỉnh",
        "Nội dung.",
    );
    let docs = [("a1.txt", a1), ("a2.txt", a2), ("b.txt", b), ("c.txt", c)];
    let build = |order: &[usize]| {
        let mut g = vanban::GraphBuilder::new();
        for &i in order {
            g.add(docs[i].0, docs[i].1.clone());
        }
        g.build()
    };
    let g = build(&[0, 1, 2, 3]);
    let codes: Vec<&str> = g.diagnostics().iter().map(|d| d.code.as_str()).collect();
    assert!(codes.contains(&"duplicate-document"), "{codes:?}");
    assert!(codes.contains(&"cycle"), "{codes:?}");
    // Nothing dropped: both files are sources, the odd citation is a stub.
    let a = g.node(&docs[0].1.id).unwrap().document.clone().unwrap();
    assert_eq!(a.sources, ["a1.txt", "a2.txt"]);
    assert!(g.resolve("12/XYZ-ABC").is_ok());
    // No self-loop from the self-citation.
    assert!(g
        .outgoing(&docs[0].1.id)
        .iter()
        .all(|e| e.target != docs[0].1.id));
    // Deterministic whatever the order.
    let json = |g: &vanban::Graph| {
        vanban::output::graph::node_link(g, vanban::output::graph::ExportOptions::default())
            .to_string()
    };
    assert_eq!(json(&g), json(&build(&[3, 2, 1, 0])));
    assert_eq!(json(&g), json(&build(&[2, 0, 3, 1])));
}

/// Every input a fuzzer crashed on (kept in `tests/fuzz-regressions/`) goes through the whole
/// pipeline, as the fuzz targets run it.
#[test]
fn fuzz_regressions_hold() {
    let dir = root().join("tests/fuzz-regressions");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(
        !files.is_empty(),
        "no regression inputs in {}",
        dir.display()
    );
    for f in files {
        let bytes = std::fs::read(&f).unwrap();
        let parsed = match vanban::parse_bytes(&bytes) {
            Ok(p) => p,
            Err(_) => vanban::parse(&String::from_utf8_lossy(&bytes)),
        };
        check_spans(&parsed);
        let x = vanban::extract(&parsed);
        for c in &x.citations {
            assert!(c.span.end <= parsed.source.len(), "{}", f.display());
        }
        let _ = vanban::lint::lint(&parsed, &x);
        let mut b = vanban::GraphBuilder::new();
        b.add(f.display().to_string(), x);
        let g = b.build();
        let _ = vanban::output::graph::graphml(&g, vanban::output::graph::ExportOptions::default());
    }
}

/// Re-wrap long lines at `width` columns, breaking only at spaces, as PDF copies do. Lines
/// that hold table cells or flattened lists (" - " thrice) are left alone.
fn rewrap(text: &str, width: usize) -> String {
    let mut out = Vec::new();
    for line in text.split('\n') {
        if line.chars().count() <= width + 15
            || line.contains('|')
            || line.matches(" - ").count() >= 3
        {
            out.push(line.to_owned());
            continue;
        }
        let mut cur = String::new();
        for w in line.split(' ').filter(|w| !w.is_empty()) {
            if !cur.is_empty() && cur.chars().count() + 1 + w.chars().count() > width {
                out.push(std::mem::take(&mut cur));
            }
            if !cur.is_empty() {
                cur.push(' ');
            }
            cur.push_str(w);
        }
        out.push(cur);
    }
    out.join("\n")
}

/// The outline of a tree: header fields, every unit with a marker (numbered units, "-" and
/// "+" items: id, kind, number) and the recipients. (Where a plain paragraph ends cannot always be told in hard-wrapped text: a
/// line that ends a sentence may end a paragraph or just a line.)
fn outline(d: &Document) -> Vec<String> {
    let mut out = vec![header_fields(d)];
    let plain = [
        vanban::NodeKind::Paragraph,
        vanban::NodeKind::Note,
        vanban::NodeKind::Quoted,
        vanban::NodeKind::Row,
    ];
    for n in d.nodes().filter(|n| !plain.contains(&n.kind)) {
        out.push(format!("{} {:?} {:?}", n.id(), n.kind, n.number()));
    }
    out.extend(recipients(d));
    out
}

/// Hard-wrapped copies of every bundled document (lines broken at 95 columns, as PDF copies
/// are) give the same outline: header, numbered units and recipients.
#[test]
fn hard_wrapped_copies_give_the_same_outline() {
    let mut differ = Vec::new();
    for (i, text) in corpus().iter().enumerate() {
        let want = outline(&vanban::parse(text).document);
        let got = outline(&vanban::parse(&rewrap(text, 95)).document);
        if want != got {
            let first = want
                .iter()
                .zip(&got)
                .find(|(a, b)| a != b)
                .map(|(a, b)| format!("{a}\n    became {b}"))
                .unwrap_or_else(|| format!("{} nodes became {}", want.len(), got.len()));
            differ.push(format!("document {i}: {first}"));
        }
    }
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}

/// PDF copies carry page numbers: a blank line, the number, a blank line, every page. Put them
/// in every bundled document that has no web-table debris ("|" lines), inside running text
/// and between paragraphs alike, after the header: the outline stays the same.
#[test]
fn page_numbers_of_pdf_copies_change_nothing() {
    let mut differ = Vec::new();
    let mut tried = 0;
    for (i, text) in corpus().iter().enumerate() {
        if text.lines().any(|l| l.trim() == "|") {
            continue;
        }
        tried += 1;
        let lines: Vec<&str> = text.split('\n').collect();
        let mut out: Vec<String> = Vec::new();
        let (mut page, mut last) = (2, 60);
        for (k, line) in lines.iter().enumerate() {
            out.push((*line).to_owned());
            let next = lines.get(k + 1).copied().unwrap_or("");
            if k >= last + 45
                && line.chars().count() > 40
                && !next.trim().is_empty()
                && k + 30 < lines.len()
            {
                out.extend([String::new(), page.to_string(), String::new()]);
                page += 1;
                last = k;
            }
        }
        let paged = out.join("\n");
        let p = vanban::parse(&paged);
        let want = outline(&vanban::parse(text).document);
        if outline(&p.document) != want {
            differ.push(format!("document {i}"));
        }
        if page > 3 {
            assert!(
                p.diagnostics.iter().any(|d| d.code == "page-number"),
                "document {i}: page numbers not reported"
            );
        }
    }
    assert!(tried >= 20, "only {tried} documents tried");
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}

/// A place-and-date line wrapped inside its date, with blank lines around the parts (web
/// copies that put every line in its own paragraph), still dates the document.
#[test]
fn a_date_wrapped_across_blank_lines_is_read() {
    for (from, to) in [
        (
            "Tuyên Quang, ngày 20 tháng 11 năm 2024\n",
            "*Tuyên Quang, ngày 20\n\ntháng 11 năm 2024*\n\n",
        ),
        (
            "Tuyên Quang, ngày 20 tháng 11 năm 2024\n",
            "Tuyên Quang, ngày 20\n\n\ntháng 11 năm 2024\n",
        ),
    ] {
        let text = seed().replacen(from, to, 1);
        assert_ne!(text, seed());
        let p = vanban::parse(&text);
        assert_eq!(
            p.document.header.date.as_deref(),
            Some("2024-11-20"),
            "{to:?}"
        );
        assert_eq!(p.document.header.place.as_deref(), Some("Tuyên Quang"));
    }
}

/// Hard-wrapped copies of every bundled document cite the same documents: the same target
/// ids and names, as many times (a wrap may fall inside a type name, a symbol, a date, an
/// issuer or a law's name).
#[test]
fn hard_wrapped_copies_cite_the_same_documents() {
    let cited = |text: &str| {
        let mut v: Vec<String> = vanban::extract(&vanban::parse(text))
            .citations
            .iter()
            .map(|c| format!("{:?} {:?}", c.target_id, c.name))
            .collect();
        v.sort();
        v
    };
    let mut differ = Vec::new();
    for (i, text) in corpus().iter().enumerate() {
        let want = cited(text);
        let got = cited(&rewrap(text, 95));
        if want != got {
            let lost: Vec<_> = want.iter().filter(|c| !got.contains(c)).collect();
            let new: Vec<_> = got.iter().filter(|c| !want.contains(c)).collect();
            differ.push(format!("document {i}: lost {lost:?}, new {new:?}"));
        }
    }
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}

/// Web copies come with a site's banner before the document and a trailer after it; a
/// signature without an authority line ("CHỦ TỊCH QUỐC HỘI" / name) is still found when the
/// trailer follows it. Every bundled document keeps its outline and its signature.
#[test]
fn website_banners_and_trailers_change_nothing() {
    let banner = "Trang chủ | Văn bản pháp luật | Tin tức\nĐăng nhập Đăng ký\nTìm kiếm văn bản\n\n";
    let trailer =
        "\n\nBạn đang xem văn bản gốc. Đăng nhập để tải về.\nLiên hệ | Điều khoản sử dụng\n";
    let mut differ = Vec::new();
    for (i, text) in corpus().iter().enumerate() {
        let clean = vanban::parse(text);
        let web = vanban::parse(&format!("{banner}{text}{trailer}"));
        let signer = |p: &Parsed| {
            p.document
                .closing
                .signature
                .as_ref()
                .map(|s| s.name.clone())
        };
        if outline(&web.document) != outline(&clean.document) || signer(&web) != signer(&clean) {
            differ.push(format!("document {i}"));
        }
    }
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}
