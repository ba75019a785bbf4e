//! The registry, and the formats against each other on a small corpus.

#![allow(clippy::unwrap_used)] // A failed unwrap is a failed test.

use crate::DocumentFormat;

const PLAN: &str = "ỦY BAN NHÂN DÂN\nTỈNH TUYÊN QUANG\nSố: 208/KH-UBND\n\
    Tuyên Quang, ngày 20 tháng 11 năm 2024\nKẾ HOẠCH\n\
    Thực hiện Kế hoạch số 500-KH/TU ngày 22/7/2024 của Ban Thường vụ Tỉnh ủy\n\
    I. MỤC ĐÍCH\n1. Sở Tài chính chủ trì, phối hợp với Sở Nội vụ bố trí kinh phí.\n";

/// The names of a family are unique, parse back, and come with one line of help.
fn check_family<F>(all: &[F])
where
    F: Copy + PartialEq + std::fmt::Debug + std::fmt::Display + std::str::FromStr,
    F::Err: std::fmt::Debug,
{
    let names: Vec<String> = all.iter().map(|f| f.to_string()).collect();
    for (i, (f, name)) in all.iter().zip(&names).enumerate() {
        assert!(!names[..i].contains(name), "{name} twice");
        assert_eq!(name.parse::<F>().unwrap(), *f);
    }
    assert!("nonsense".parse::<F>().is_err());
}

#[test]
fn every_family_is_a_registry() {
    check_family(DocumentFormat::ALL);
    for f in DocumentFormat::ALL {
        assert!(!f.description().is_empty() && !f.description().contains('\n'));
        assert!(!f.description().ends_with('.'), "clap shows it as it is");
    }
    #[cfg(feature = "graph")]
    {
        check_family(crate::GraphFormat::ALL);
        check_family(crate::QueryFormat::ALL);
        check_family(crate::ChainFormat::ALL);
        assert_eq!(crate::GraphFormat::ALL.len(), 10);
    }
    #[cfg(all(feature = "graph", feature = "lint"))]
    check_family(crate::ReportFormat::ALL);
    #[cfg(feature = "schema")]
    check_family(crate::Schema::ALL);
    let e = "xml".parse::<DocumentFormat>().unwrap_err();
    assert_eq!(
        e.to_string(),
        "unknown format \"xml\"; known: json, yaml, outline, text, akn"
    );
}

#[test]
fn every_document_format_renders() {
    let parsed = vanban_syntax::parse(PLAN);
    for f in DocumentFormat::ALL {
        let out = f.render(&parsed).unwrap();
        assert!(out.contains("208"), "{f}: {out}");
    }
    assert_eq!(DocumentFormat::Text.render(&parsed).unwrap(), PLAN);
    let json: serde_json::Value =
        serde_json::from_str(&DocumentFormat::Json.render(&parsed).unwrap()).unwrap();
    let yaml: serde_json::Value =
        serde_yaml_ng::from_str(&DocumentFormat::Yaml.render(&parsed).unwrap()).unwrap();
    assert_eq!(json, yaml, "YAML is the JSON object");
    assert!(json["diagnostics"].is_array());
}

/// A signer's rank or degree has a line of its own in Akoma Ntoso, before the name.
#[test]
fn a_signers_honorific_is_its_own_line_in_akn() {
    let text = format!(
        "{PLAN}\nNơi nhận:\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nĐại tá Nguyễn Văn An\n"
    );
    let out = DocumentFormat::Akn
        .render(&vanban_syntax::parse(&text))
        .unwrap();
    let honorific = out.find("<p class=\"signerHonorific\">Đại tá</p>");
    let name = out.find("<p class=\"signerName\">Nguyễn Văn An</p>");
    assert!(
        honorific.is_some_and(|h| name.is_some_and(|n| h < n)),
        "{out}"
    );
}

/// Written as it is made, a document has the bytes of its rendering, and a writer's failure
/// comes back as an I/O error, not as a serialisation error.
#[test]
fn a_written_document_is_its_rendering() {
    let parsed = vanban_syntax::parse(PLAN);
    for f in DocumentFormat::ALL {
        let mut out = Vec::new();
        f.write(&parsed, &mut out).unwrap();
        assert_eq!(out, f.render(&parsed).unwrap().into_bytes(), "{f}");
    }
    struct Full;
    impl std::io::Write for Full {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("disk full"))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    for f in DocumentFormat::ALL {
        let e = f.write(&parsed, Full).unwrap_err();
        assert!(matches!(e, crate::Error::Io(_)), "{f}: {e:?}");
        assert_eq!(e.to_string(), "disk full");
    }
}

#[cfg(feature = "graph")]
mod graph {
    use serde_json::Value;

    use super::*;
    use crate::graph::csv::{EDGE_COLUMNS, NODE_COLUMNS};
    use crate::graph::records::{edge_attrs, node_attrs};
    use crate::graph::{csv, cypher, cytoscape, graphml, node_link, Export, ExportOptions};
    use crate::GraphFormat;

    fn graph() -> vanban_graph::Graph {
        let parsed = vanban_syntax::parse(PLAN);
        let mut b = vanban_graph::GraphBuilder::new();
        b.add("plan.txt", vanban_extract::extract(&parsed));
        b.build()
    }

    #[test]
    fn node_link_is_the_records_of_every_export() {
        let g = graph();
        let o = ExportOptions::default();
        let json = node_link(&g, o);
        let nodes = json["nodes"].as_array().unwrap();
        assert_eq!(nodes.len(), g.node_count());
        for (n, v) in g.nodes().zip(nodes) {
            let mut want: Vec<(String, Value)> =
                vec![("id".to_owned(), Value::from(n.id.as_str()))];
            want.extend(node_attrs(n));
            let got: Vec<(String, Value)> = v
                .as_object()
                .unwrap()
                .iter()
                .filter(|(k, _)| *k != "claims")
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            assert_eq!(got, want, "the same attributes in the same order");
        }
        let doc = g.nodes().find(|n| n.document.is_some()).unwrap();
        let keys: Vec<String> = node_attrs(doc).into_iter().map(|(k, _)| k).collect();
        assert_eq!(&keys[..4], ["kind", "label", "parsed", "document_kind"]);
        let edges = json["edges"].as_array().unwrap();
        assert_eq!(edges.len(), g.edge_count());
        for (e, v) in g.edges().into_iter().zip(edges) {
            let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
            let attrs: Vec<String> = edge_attrs(&e).into_iter().map(|(k, _)| k).collect();
            assert_eq!(keys[..3], ["source", "target", "key"]);
            assert_eq!(
                keys[3..],
                attrs.iter().map(String::as_str).collect::<Vec<_>>()
            );
        }
        let cy = cytoscape(&g, o);
        assert_eq!(
            cy["elements"]["nodes"].as_array().unwrap().len(),
            nodes.len()
        );
        assert!(graphml(&g, o).contains("<data key=\"n_document_kind\">plan</data>"));
        assert!(cypher(&g, o).contains("kind: 'document', label: '208/KH-UBND'"));
        // Every attribute of a record is a column of the CSV import.
        for n in g.nodes() {
            for (k, _) in node_attrs(n) {
                assert!(NODE_COLUMNS.iter().any(|(c, _)| *c == k), "node column {k}");
            }
        }
        for e in g.edges() {
            for (k, _) in edge_attrs(&e).into_iter().filter(|(k, _)| k != "type") {
                assert!(EDGE_COLUMNS.iter().any(|(c, _)| *c == k), "edge column {k}");
            }
        }
    }

    #[test]
    fn every_graph_format_renders_the_same_bytes_twice() {
        let g = graph();
        for f in GraphFormat::ALL {
            let o = ExportOptions::default();
            let out = f.render(&g, o);
            match &out {
                Export::Text(t) => assert!(!t.is_empty() && !f.writes_directory(), "{f}"),
                Export::Files(files) => {
                    assert!(f.writes_directory() && !files.is_empty(), "{f}");
                }
            }
            assert_eq!(out, f.render(&graph(), o), "{f}");
        }
        let summary = GraphFormat::Summary.render(&g, ExportOptions::default());
        let Export::Text(summary) = summary else {
            panic!("one text")
        };
        assert!(summary.starts_with("documents parsed: 1\n"), "{summary}");
    }

    /// Written as it is made, every single-output export has the bytes of its rendering, in
    /// full and with documents only; a directory format writes nothing and says why.
    #[test]
    fn a_written_graph_export_is_its_rendering() {
        let g = graph();
        for documents_only in [false, true] {
            let o = ExportOptions { documents_only };
            for f in GraphFormat::ALL {
                let mut out = Vec::new();
                match (f.render(&g, o), f.write(&g, o, &mut out)) {
                    (Export::Text(t), Ok(())) => assert_eq!(out, t.into_bytes(), "{f}"),
                    (Export::Files(_), Err(crate::Error::Io(e))) => {
                        assert_eq!(e.kind(), std::io::ErrorKind::Unsupported, "{f}");
                        assert!(out.is_empty() && e.to_string().contains("several files"));
                    }
                    (_, r) => panic!("{f}: {r:?}"),
                }
            }
        }
    }

    /// The fields of each CSV record (quoted fields may hold commas, quotes, line breaks).
    fn records(text: &str) -> Vec<Vec<String>> {
        let mut rows = vec![Vec::new()];
        let mut field = String::new();
        let (mut quoted, mut was_quote) = (false, false);
        for c in text.chars() {
            match (quoted, c) {
                (true, '"') => {
                    quoted = false;
                    was_quote = true;
                    continue;
                }
                (true, c) => field.push(c),
                (false, '"') => {
                    if was_quote {
                        field.push('"');
                    }
                    quoted = true;
                }
                (false, ',') => rows.last_mut().unwrap().push(std::mem::take(&mut field)),
                (false, '\n') => {
                    rows.last_mut().unwrap().push(std::mem::take(&mut field));
                    rows.push(Vec::new());
                }
                (false, c) => field.push(c),
            }
            was_quote = false;
        }
        assert!(!quoted && field.is_empty() && rows.pop() == Some(Vec::new()));
        rows
    }

    #[test]
    fn the_csv_import_has_typed_headers_and_every_node_and_edge() {
        let g = graph();
        let files = csv(&g, ExportOptions::default());
        let names: Vec<&str> = files.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, ["nodes.csv", "relationships.csv"]);
        let nodes = records(&files[0].1);
        assert_eq!(
            nodes[0][..6],
            [
                "id:ID",
                ":LABEL",
                "kind",
                "label",
                "parsed:boolean",
                "document_kind"
            ]
        );
        assert!(nodes[0].contains(&"year:int".to_owned()));
        assert_eq!(nodes.len(), g.node_count() + 1);
        assert!(nodes.iter().all(|r| r.len() == nodes[0].len()));
        let plan = nodes.iter().find(|r| r[3] == "208/KH-UBND").unwrap();
        assert_eq!(plan[1], "Document");
        assert_eq!(plan[4], "true");
        assert!(nodes.iter().any(|r| r[1] == "Agency" && r[2] == "agency"));
        let rels = records(&files[1].1);
        assert_eq!(
            rels[0],
            [
                ":START_ID",
                ":END_ID",
                ":TYPE",
                "asserted_by",
                "start:long",
                "end:long",
                "line:int",
                "column:int",
                "purpose"
            ]
        );
        assert_eq!(rels.len(), g.edge_count() + 1);
        assert!(rels
            .iter()
            .any(|r| r[2] == "IMPLEMENTS" && r[1].contains("500-kh-tu")));
        let cypher = cypher(&g, ExportOptions::default());
        for r in &rels[1..] {
            assert!(
                cypher.contains(&format!("CREATE (a)-[:{} {{", r[2])),
                "{}",
                r[2]
            );
        }
        let docs = csv(
            &g,
            ExportOptions {
                documents_only: true,
            },
        );
        assert!(!docs[0].1.contains(",Agency,"));
        assert_eq!(
            docs,
            csv(
                &graph(),
                ExportOptions {
                    documents_only: true
                }
            )
        );
    }

    #[test]
    fn csv_fields_with_commas_quotes_and_line_breaks_are_quoted() {
        let text = "ỦY BAN NHÂN DÂN\nTỈNH TUYÊN QUANG\nSố: 208/KH-UBND\n\
            Tuyên Quang, ngày 20 tháng 11 năm 2024\nKẾ HOẠCH\n\
            Về \"thí điểm\", mô hình mới\nI. MỤC ĐÍCH\n\
            1. Sở Tài chính chủ trì, phối hợp với Sở Nội vụ bố trí kinh phí \"ngay\".\n";
        let parsed = vanban_syntax::parse(text);
        let mut b = vanban_graph::GraphBuilder::new();
        b.add("a,\"b\"\nc.txt", vanban_extract::extract(&parsed));
        let g = b.build();
        let files = csv(&g, ExportOptions::default());
        let nodes = records(&files[0].1);
        let sources = nodes[0].iter().position(|h| h == "sources").unwrap();
        let plan = nodes.iter().find(|r| r[3] == "208/KH-UBND").unwrap();
        assert_eq!(plan[sources], "a,\"b\"\nc.txt");
        assert!(files[0].1.contains("\"a,\"\"b\"\"\nc.txt\""));
        let title = nodes[0].iter().position(|h| h == "title").unwrap();
        assert!(
            plan[title].contains("\"thí điểm\", mô hình"),
            "{}",
            plan[title]
        );
        let text = nodes[0].iter().position(|h| h == "text").unwrap();
        assert!(nodes.iter().any(|r| r[text].contains("kinh phí \"ngay\"")));
    }

    #[test]
    fn chains_and_answers() {
        let g = graph();
        let id = g.resolve("208/KH-UBND").unwrap();
        let chain = g.chain(&id, vanban_graph::IMPLEMENTATION).unwrap();
        let text = crate::query::chain(&g, &chain, crate::ChainFormat::Text);
        assert!(text.contains("└─ implements → 500-KH/TU"), "{text}");
        let svg = crate::query::chain(&g, &chain, crate::ChainFormat::Svg);
        assert!(svg.starts_with("<svg ") && svg.ends_with("</svg>\n"));
        let none = crate::query::path(&g, ("a", "b"), None, crate::QueryFormat::Json);
        assert_eq!(none, "null\n");
        let agency = crate::query::agency(&g, &g.agency("tài chính"), crate::QueryFormat::Text);
        assert!(agency.contains("1 lead"), "{agency}");
    }

    #[test]
    fn agency_roles_read_as_in_json() {
        use vanban_graph::AgencyRole;
        for r in [
            AgencyRole::Lead,
            AgencyRole::Cooperating,
            AgencyRole::Responsible,
        ] {
            assert_eq!(serde_json::to_value(r).unwrap(), r.as_str());
        }
    }
}

#[cfg(all(feature = "graph", feature = "lint"))]
#[test]
fn the_html_report_is_self_contained() {
    let parsed = vanban_syntax::parse(PLAN);
    let x = vanban_extract::extract(&parsed);
    let report = vanban_lint::report::Report::new(vec![vanban_lint::report::document_report(
        "plan.txt", &parsed, &x,
    )]);
    let mut b = vanban_graph::GraphBuilder::new();
    b.add("plan.txt", x);
    let g = b.build();
    let html = crate::ReportFormat::Html.render(&report, Some(&g)).unwrap();
    assert!(html.contains("<style>body{font-family:Helvetica"));
    assert!(
        html.contains(".small{font-size:.85em;color:#555}</style>"),
        "no newline left"
    );
    assert!(html.ends_with("r.forEach(x=>b.appendChild(x))}));</script></body></html>\n"));
    assert!(matches!(
        crate::ReportFormat::Html.render(&report, None),
        Err(crate::Error::NeedsGraph)
    ));
}
