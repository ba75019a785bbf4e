//! The knowledge graph on the bundled corpus and on constructed pairs: chains, implementers,
//! links that end on parsed documents, identity across provinces, merging, conflicts, cycles,
//! determinism and export round trips.

#![cfg(all(feature = "graph", feature = "lint"))]
#![allow(clippy::unwrap_used)] // A failed unwrap is a failed test.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use vanban::graph::{EdgeKind, ResolveError, IMPLEMENTATION};
use vanban::output::graph::{self as export, ExportOptions};
use vanban::{Extraction, Graph, GraphBuilder, RelationType};

fn files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut v: Vec<PathBuf> = ["seeds", "corpus"]
        .iter()
        .flat_map(|d| std::fs::read_dir(root.join(d)).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    v.sort();
    v
}

fn extractions() -> &'static Vec<(String, Extraction)> {
    static X: OnceLock<Vec<(String, Extraction)>> = OnceLock::new();
    X.get_or_init(|| {
        files()
            .iter()
            .map(|f| {
                let parsed = vanban::parse_bytes(&std::fs::read(f).unwrap()).unwrap();
                (
                    f.file_name().unwrap().to_string_lossy().into_owned(),
                    vanban::extract(&parsed),
                )
            })
            .collect()
    })
}

fn build(docs: &[(String, Extraction)]) -> Graph {
    let mut b = GraphBuilder::new();
    for (name, x) in docs {
        b.add(name.clone(), x.clone());
    }
    b.build()
}

fn corpus() -> &'static Graph {
    static G: OnceLock<Graph> = OnceLock::new();
    G.get_or_init(|| build(extractions()))
}

fn text(t: &str) -> Extraction {
    vanban::extract(&vanban::parse(t))
}

fn id_of(x: &[(String, Extraction)], file: &str) -> String {
    x.iter().find(|(n, _)| n == file).unwrap().1.id.clone()
}

#[test]
fn the_seed_chain_goes_up_to_13_nq_tw() {
    let g = corpus();
    let id = g.resolve("208/KH-UBND").unwrap();
    let chain = g.chain(&id, IMPLEMENTATION).unwrap();
    assert_eq!(chain.node.number.as_deref(), Some("208/KH-UBND"));
    assert_eq!(chain.node.parsed, Some(true));
    let mut steps = Vec::new();
    for (k, link) in chain.links.iter().enumerate() {
        assert_eq!(link.depth, k + 1, "one branch at each level");
        steps.push((
            link.relation,
            link.node.number.as_deref().unwrap().to_owned(),
        ));
    }
    assert_eq!(
        steps,
        [
            (RelationType::Implements, "500-KH/TU".to_owned()),
            (RelationType::Implements, "72-KL/TW".to_owned()),
            (RelationType::ContinuesImplementing, "13-NQ/TW".to_owned()),
        ]
    );
}

#[test]
fn implementers_of_13_nq_tw() {
    let g = corpus();
    let id = g.resolve("13-NQ/TW").unwrap();
    let found: Vec<(usize, String)> = g
        .implementers(&id, IMPLEMENTATION)
        .into_iter()
        .map(|i| (i.depth, i.node.number.unwrap().to_string()))
        .collect();
    assert_eq!(
        found,
        [
            (1, "72-KL/TW".to_owned()),
            (2, "500-KH/TU".to_owned()),
            (3, "208/KH-UBND".to_owned()),
        ]
    );
    let path = g.path(&g.resolve("208/KH-UBND").unwrap(), &id).unwrap();
    assert_eq!(path.len(), 3);
}

#[test]
fn real_links_end_on_the_parsed_document() {
    let x = extractions();
    let g = corpus();
    for (from, to, kind) in [
        (
            "CV_9387-UBND-KT_2026_LaoCai.txt",
            "CV_2449-CV-DU_2026_LaoCai.txt",
            RelationType::Implements,
        ),
        (
            "QD_165-2025-QD-UBND_2025_NinhBinh.txt",
            "ND_30-2020-ND-CP_2020.txt",
            RelationType::BasedOn,
        ),
    ] {
        let (a, b) = (id_of(x, from), id_of(x, to));
        assert!(
            g.outgoing(&a)
                .iter()
                .any(|e| e.target == b && e.kind == EdgeKind::Relation(kind)),
            "{from} --{kind}--> {to}"
        );
        let target = g.node(&b).unwrap().document.as_ref().unwrap();
        assert!(target.parsed, "{to} is the parsed document, not a stub");
        assert!(!target.claims.is_empty(), "the citation's claims are kept");
    }
}

const LAO_CAI: &str =
    "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 99/KH-UBND\nLào Cai, ngày 10 tháng 3 năm 2025\n\
KẾ HOẠCH\nVề việc chuyển đổi số\nI. MỤC ĐÍCH\n1. Nội dung.\n";
const TUYEN_QUANG_99: &str =
    "ỦY BAN NHÂN DÂN\nTỈNH TUYÊN QUANG\nSố: 99/KH-UBND\nTuyên Quang, ngày 12 tháng 3 năm 2025\n\
KẾ HOẠCH\nVề việc chuyển đổi số\nI. MỤC ĐÍCH\n1. Nội dung.\n";
const TUYEN_QUANG_CITING: &str = "ỦY BAN NHÂN DÂN\nTỈNH TUYÊN QUANG\nSố: 120/KH-UBND\nTuyên Quang, ngày 2 tháng 5 năm 2025\n\
KẾ HOẠCH\nThực hiện Kế hoạch số 99/KH-UBND ngày 12/3/2025 của UBND tỉnh\nI. MỤC ĐÍCH\n1. Nội dung.\n";

#[test]
fn a_same_numbered_document_of_another_province_is_not_linked() {
    let docs = vec![
        ("lc.txt".to_owned(), text(LAO_CAI)),
        ("tq-citing.txt".to_owned(), text(TUYEN_QUANG_CITING)),
    ];
    let g = build(&docs);
    let citing = docs[1].1.id.clone();
    let lao_cai = docs[0].1.id.clone();
    let targets: Vec<String> = g
        .outgoing(&citing)
        .iter()
        .filter(|e| matches!(e.kind, EdgeKind::Relation(_)))
        .map(|e| e.target.to_owned())
        .collect();
    assert_eq!(targets.len(), 1);
    assert_ne!(
        targets[0], lao_cai,
        "Tuyên Quang's 99/KH-UBND is not Lào Cai's"
    );
    assert!(targets[0].contains("ubnd.tuyen-quang"));
    assert!(
        !g.node(&targets[0])
            .unwrap()
            .document
            .as_ref()
            .unwrap()
            .parsed
    );

    // With Tuyên Quang's own 99/KH-UBND parsed, the link ends on it; "99/KH-UBND" now names
    // two parsed documents and resolving it asks which.
    let mut docs = docs;
    docs.push(("tq99.txt".to_owned(), text(TUYEN_QUANG_99)));
    let g = build(&docs);
    let tq99 = &docs[2].1.id;
    assert!(g.outgoing(&citing).iter().any(|e| e.target == tq99));
    match g.resolve("99/KH-UBND") {
        Err(ResolveError::Ambiguous { candidates, .. }) => assert_eq!(candidates.len(), 2),
        other => panic!("expected ambiguity, got {other:?}"),
    }
    assert_eq!(g.resolve(tq99).unwrap(), *tq99);
}

#[test]
fn a_stub_becomes_the_parsed_document_in_any_order() {
    let citing = ("tq-citing.txt".to_owned(), text(TUYEN_QUANG_CITING));
    let cited = ("tq99.txt".to_owned(), text(TUYEN_QUANG_99));
    let alone = build(std::slice::from_ref(&citing));
    let id = cited.1.id.clone();
    let stub = alone.node(&id).unwrap().document.clone().unwrap();
    assert!(!stub.parsed);
    assert_eq!(stub.date.as_deref(), Some("2025-03-12"));
    let a = build(&[citing.clone(), cited.clone()]);
    let b = build(&[cited, citing]);
    let d = a.node(&id).unwrap().document.clone().unwrap();
    assert!(d.parsed);
    assert_eq!(
        d.claims.len(),
        1,
        "the citation's claim is kept on the parsed document"
    );
    let json = |g: &Graph| export::node_link(g, ExportOptions::default()).to_string();
    assert_eq!(json(&a), json(&b));
}

#[test]
fn conflicting_dates_are_reported_and_both_claims_kept() {
    let one = text(&TUYEN_QUANG_CITING.replace("120/KH-UBND", "121/KH-UBND"));
    let two = text(
        &TUYEN_QUANG_CITING
            .replace("120/KH-UBND", "122/KH-UBND")
            .replace("12/3/2025", "13/3/2025"),
    );
    let g = build(&[("a.txt".to_owned(), one), ("b.txt".to_owned(), two)]);
    let conflicts: Vec<_> = g
        .diagnostics()
        .iter()
        .filter(|d| d.code == "metadata-conflict")
        .collect();
    assert_eq!(conflicts.len(), 1, "{:?}", g.diagnostics());
    assert!(
        conflicts[0].message.contains("2025-03-12") && conflicts[0].message.contains("2025-03-13")
    );
    let id = g.resolve("99/KH-UBND").unwrap();
    let dates: Vec<Option<String>> = g
        .node(&id)
        .unwrap()
        .document
        .as_ref()
        .unwrap()
        .claims
        .iter()
        .map(|c| c.date.as_deref().map(str::to_owned))
        .collect();
    assert_eq!(dates.len(), 2);
    // A duplicate file is reported; the document is one node with both sources.
    let dup = build(&[
        ("x.txt".to_owned(), text(LAO_CAI)),
        ("y.txt".to_owned(), text(LAO_CAI)),
    ]);
    assert!(dup
        .diagnostics()
        .iter()
        .any(|d| d.code == "duplicate-document"));
    let node = dup.node(&dup.resolve("99/KH-UBND").unwrap()).unwrap();
    assert_eq!(node.document.as_ref().unwrap().sources, ["x.txt", "y.txt"]);
}

#[test]
fn implementation_cycles_are_reported() {
    let a = text("ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 10/KH-UBND\nLào Cai, ngày 10 tháng 3 năm 2025\nKẾ HOẠCH\n\
                  Thực hiện Kế hoạch số 11/KH-UBND ngày 10/3/2025 của UBND tỉnh\nI. MỤC ĐÍCH\n1. Nội dung.\n");
    let b = text("ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 11/KH-UBND\nLào Cai, ngày 10 tháng 3 năm 2025\nKẾ HOẠCH\n\
                  Thực hiện Kế hoạch số 10/KH-UBND ngày 10/3/2025 của UBND tỉnh\nI. MỤC ĐÍCH\n1. Nội dung.\n");
    let g = build(&[
        ("a.txt".to_owned(), a.clone()),
        ("b.txt".to_owned(), b.clone()),
    ]);
    let cycles = g.implementation_cycles();
    assert_eq!(cycles.len(), 1, "{cycles:?}");
    assert_eq!(cycles[0].len(), 3, "a → b → a");
    assert!(g.diagnostics().iter().any(|d| d.code == "cycle"));
    // The chain stops at the repeated node instead of looping.
    let chain = g.chain(&a.id, IMPLEMENTATION).unwrap();
    assert_eq!(chain.links.len(), 2, "{chain:?}");
    assert!(chain.links[1].cycle && !chain.links[0].cycle);
    // The corpus has none.
    assert!(corpus().implementation_cycles().is_empty());
}

#[test]
fn exports_are_deterministic_and_round_trip() {
    let mut reversed = extractions().clone();
    reversed.reverse();
    let g = corpus();
    let g2 = build(&reversed);
    let o = ExportOptions::default();
    let json = export::node_link(g, o);
    assert_eq!(json.to_string(), export::node_link(&g2, o).to_string());
    assert_eq!(export::graphml(g, o), export::graphml(&g2, o));
    assert_eq!(export::dot(g, o), export::dot(&g2, o));
    assert_eq!(
        export::cytoscape(g, o).to_string(),
        export::cytoscape(&g2, o).to_string()
    );

    // Node-link: every node once, every edge between known nodes, unique keys.
    let nodes = json["nodes"].as_array().unwrap();
    let edges = json["edges"].as_array().unwrap();
    assert_eq!(nodes.len(), g.node_count());
    assert_eq!(edges.len(), g.edge_count());
    let ids: std::collections::BTreeSet<&str> =
        nodes.iter().map(|n| n["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), nodes.len());
    let mut keys = std::collections::BTreeSet::new();
    for e in edges {
        assert!(ids.contains(e["source"].as_str().unwrap()));
        assert!(ids.contains(e["target"].as_str().unwrap()));
        assert!(keys.insert((
            e["source"].as_str().unwrap(),
            e["target"].as_str().unwrap(),
            e["key"].as_str().unwrap()
        )));
    }
    // GraphML and DOT carry every node and edge.
    let graphml = export::graphml(g, o);
    assert_eq!(graphml.matches("<node id=").count(), g.node_count());
    assert_eq!(graphml.matches("<edge id=").count(), g.edge_count());
    let dot = export::dot(g, o);
    assert_eq!(dot.matches(" -> ").count(), g.edge_count());
    // Documents only: relations between documents.
    let docs = export::node_link(
        g,
        ExportOptions {
            documents_only: true,
        },
    );
    assert!(docs["edges"].as_array().unwrap().iter().all(|e| {
        let t = e["type"].as_str().unwrap();
        EdgeKind::parse(t).is_some_and(|k| matches!(k, EdgeKind::Relation(_)))
    }));
}

#[test]
fn agencies_are_per_province_and_tasks_have_roles() {
    let g = corpus();
    let found = g.agency("Sở Kế hoạch và Đầu tư");
    let seed = found
        .iter()
        .find(|a| a.agency.label == "Sở Kế hoạch và Đầu tư (Tuyên Quang)")
        .expect("the seed's department, with its province");
    let lead = seed
        .tasks
        .iter()
        .filter(|t| t.role == vanban::graph::AgencyRole::Lead)
        .count();
    // II.1.c, II.3.b and its two bullets, II.4.b and III.2 of the seed.
    assert_eq!(lead, 6);
    // Names are matched whatever the tone placement and case.
    assert_eq!(g.agency("sở kế hoạch và đầu tư").len(), found.len());
}

#[test]
fn extraction_agencies_are_the_graph_agencies() {
    // Issue 13: the extraction JSON names each agency with the id, full name and province the
    // graph gives it, so the two outputs join.
    let g = corpus();
    let mut checked = 0;
    for (file, x) in extractions() {
        for a in &x.agencies {
            let node = g
                .node(&a.id)
                .unwrap_or_else(|| panic!("{file}: {} ({}) is no graph node", a.name, a.id));
            let info = node.agency.as_ref().expect("an agency node");
            assert_eq!(info.locality, a.locality, "{file}: {}", a.name);
            // (Names that differ only in punctuation are one node, named as first seen.)
            assert_eq!(
                vanban::extraction::fold::slug(&info.name),
                vanban::extraction::fold::slug(&a.canonical),
                "{file}: {}",
                a.name
            );
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} agencies");
    let (_, seed) = extractions()
        .iter()
        .find(|(f, _)| f.contains("208-KH-UBND_2024_TuyenQuang"))
        .expect("the seed");
    let kh = seed
        .agencies
        .iter()
        .find(|a| a.name == "Sở Kế hoạch và Đầu tư")
        .expect("the seed's department");
    assert_eq!(kh.locality.as_deref(), Some("Tuyên Quang"));
    assert_eq!(kh.id, "agency:so-ke-hoach-va-dau-tu.tuyen-quang");
    let ubnd = seed
        .agencies
        .iter()
        .find(|a| a.name == "Chủ tịch Ủy ban nhân dân tỉnh")
        .expect("the seed's chairman of the people's committee");
    assert_eq!(ubnd.canonical, "Chủ tịch Ủy ban nhân dân tỉnh Tuyên Quang");
    assert_eq!(ubnd.locality, None);
}

#[test]
fn svg_pictures_are_well_formed_and_show_every_document() {
    let g = corpus();
    let id = g.resolve("208/KH-UBND").unwrap();
    let chain = g.chain(&id, IMPLEMENTATION).unwrap();
    let ids = chain.ids();
    let svg = export::svg(g, Some(&ids));
    let doc = roxmltree::Document::parse(&svg).expect("well-formed XML");
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    let texts: Vec<&str> = doc.descendants().filter_map(|n| n.text()).collect();
    for label in ["208/KH-UBND", "500-KH/TU", "72-KL/TW", "13-NQ/TW"] {
        assert!(texts.contains(&label), "{label} drawn");
    }
    let nodes = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("node"))
        .count();
    let edges = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("edge"))
        .count();
    assert_eq!((nodes, edges), (4, 3));
    // The whole corpus draws too, the same bytes every time, every document in a picture a
    // person can scroll: wide layers wrap onto further rows.
    let all = export::svg(g, None);
    let doc = roxmltree::Document::parse(&all).expect("well-formed XML");
    assert_eq!(all, export::svg(g, None));
    let width: f64 = doc
        .root_element()
        .attribute("width")
        .unwrap()
        .parse()
        .unwrap();
    assert!(width <= 3000.0, "the whole corpus is {width} px wide");
    let nodes = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("node"))
        .count();
    let documents = g
        .nodes()
        .filter(|n| n.kind == vanban::graph::NodeKind::Document)
        .count();
    assert_eq!(nodes, documents);
}

#[test]
fn rdf_exports_use_eli_names_and_agree() {
    let g = corpus();
    let o = ExportOptions::default();
    let ttl = export::turtle(g, o);
    let seed = g.resolve("208/KH-UBND").unwrap();
    let k500 = g.resolve("500-KH/TU").unwrap();
    assert!(ttl.contains(&format!("<{seed}> a eli:LegalResource")));
    assert!(ttl.contains(&format!("eli:implements <{k500}>")));
    assert!(ttl.contains("eli:based_on <urn:lex:vn:chinh-phu:decree:2020;30-2020-nd-cp>"));
    let jsonld = export::jsonld(g, o);
    let nodes = jsonld["@graph"].as_array().unwrap();
    assert_eq!(nodes.len(), g.node_count());
    let seed_node = nodes.iter().find(|n| n["@id"] == seed.as_str()).unwrap();
    assert_eq!(seed_node["eli:implements"][0]["@id"], k500.as_str());
    assert_eq!(ttl, export::turtle(g, o), "deterministic");
}

#[test]
fn the_cypher_script_is_batched_and_escaped() {
    let g = corpus();
    let o = ExportOptions::default();
    let cypher = export::cypher(g, o);
    assert!(cypher.starts_with("// vanban graph for Neo4j"));
    let statements = cypher.matches(";\n").count();
    // A constraint per label, node batches per kind, edge batches per type.
    assert!(statements > 3 + 3);
    // Every node id appears in a MERGE row once.
    assert_eq!(cypher.matches("{id: '").count(), g.node_count());
    assert_eq!(cypher.matches("{source: '").count(), g.edge_count());
    assert!(cypher.contains(
        "MATCH (a:Document {id: row.source}), (b:Document {id: row.target})\n\
         CREATE (a)-[:IMPLEMENTS {asserted_by: row.asserted_by, "
    ));
    // Quotes inside values are escaped: no row breaks its string.
    for line in cypher.lines().filter(|l| l.trim_start().starts_with('{')) {
        let unescaped = line.replace("\\'", "").matches('\'').count();
        assert_eq!(unescaped % 2, 0, "{line}");
    }
}

#[test]
fn chain_counts_from_the_parent_index_match_the_listed_asserters() {
    // A chain without asserters reads the lazily made parent index; with them, the edges.
    // Both must give the same links in the same order, and each count must be the number of
    // documents listed, for every node of the corpus graph and several sets of relations.
    let g = corpus();
    let kinds: [&[RelationType]; 3] = [
        IMPLEMENTATION,
        RelationType::ALL,
        &[RelationType::BasedOn, RelationType::Amends],
    ];
    let mut links = 0;
    for node in g.nodes() {
        for k in kinds {
            let counted = g.chain(&node.id, k).expect("a node");
            let listed = g.chain_with_asserters(&node.id, k).expect("a node");
            assert_eq!(counted.links.len(), listed.links.len(), "{}", node.id);
            for (c, l) in counted.links.iter().zip(&listed.links) {
                assert_eq!(
                    c.asserted_count,
                    l.asserted_by.len(),
                    "{} → {}",
                    c.from,
                    c.node.id
                );
                let mut l = l.clone();
                l.asserted_by.clear();
                assert_eq!(*c, l);
            }
            links += counted.links.len();
        }
    }
    assert!(links > 100, "the corpus graph has chains ({links} links)");
}
