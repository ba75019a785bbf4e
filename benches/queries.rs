//! Queries on a large graph: `chain` and `implementers` on a graph of about a million nodes,
//! built from synthetic extractions (no parsing): 34 provinces, each a binary tree of plans
//! that implement their parent plan and are based on a national decree, with tasks and
//! recipients.
//!
//! `cargo bench --bench queries`

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use vanban::graph::IMPLEMENTATION;
use vanban::model::{
    Assignment, Citation, CitationForm, CitedIssuer, DocumentKind, Extraction, Issuer, Relation,
    RelationType, Span,
};

const PROVINCES: usize = 34;

fn id(p: usize, seq: usize) -> String {
    format!("urn:lex:vn:ubnd.p{p}:plan:2025;{seq}-kh-ubnd")
}

fn extraction(i: usize) -> Extraction {
    let p = i % PROVINCES;
    let seq = i / PROVINCES + 1;
    let own = id(p, seq);
    let decree = format!(
        "urn:lex:vn:chinh-phu:decree:2024;{}-2024-nd-cp",
        1 + i % 500
    );
    let mut citations = Vec::new();
    let mut relations = Vec::new();
    let mut cite = |to: &str, kind: DocumentKind, rel: RelationType| {
        citations.push(Citation {
            raw: to.into(),
            target_id: Some(to.into()),
            number: None,
            kind,
            date: None,
            year: Some(2025),
            issuer: Some(Box::new(CitedIssuer {
                raw: "UBND tỉnh".into(),
                resolved: format!("Ủy ban nhân dân tỉnh P{p}").into(),
            })),
            name: None,
            form: CitationForm::Full,
            node: Some("title".into()),
            span: Span::default(),
        });
        relations.push(Relation {
            from: own.as_str().into(),
            to: to.into(),
            kind: rel,
            asserted_by: own.as_str().into(),
            span: Span::default(),
        });
    };
    if seq > 1 {
        cite(
            &id(p, seq / 2),
            DocumentKind::Plan,
            RelationType::Implements,
        );
    }
    cite(&decree, DocumentKind::Decree, RelationType::BasedOn);
    Extraction {
        source: None,
        id: own.clone(),
        kind: DocumentKind::Plan,
        number: None,
        issuer: Issuer {
            name: Some(format!("Ủy ban nhân dân tỉnh P{p}")),
            parent: None,
            locality: None,
            raw: Vec::new(),
        },
        province: Some(format!("P{p}")),
        place: None,
        date: Some("2025-03-05".to_owned()),
        title: None,
        citations,
        references: Vec::new(),
        relations,
        assignments: vec![Assignment {
            node: "sec_I__item_1".into(),
            lead: vec!["Sở Tài chính".to_owned()],
            cooperating: vec!["Sở Nội vụ".to_owned()],
            responsible: Vec::new(),
            deadline: None,
            text: "Sở Tài chính chủ trì, phối hợp với Sở Nội vụ.".to_owned(),
        }],
        recipients: Vec::new(),
        agencies: Vec::new(),
        diagnostics: Vec::new(),
    }
}

fn queries(c: &mut Criterion) {
    // About a million nodes: documents, their tasks, agencies and the decrees.
    let n = 500_000;
    let mut b = vanban::GraphBuilder::new();
    for i in 0..n {
        b.add(format!("{i}"), extraction(i));
    }
    let g = b.build();
    eprintln!("graph: {} nodes, {} edges", g.node_count(), g.edge_count());
    let leaf = id(0, n / PROVINCES);
    let root = id(0, 1);
    let mut group = c.benchmark_group("graph_1m");
    group.bench_function("lookup", |bench| {
        bench.iter(|| g.node(black_box(&leaf)).map(|n| n.label().len()))
    });
    group.bench_function("chain", |bench| {
        bench.iter(|| g.chain(black_box(&leaf), IMPLEMENTATION))
    });
    group.bench_function("implementers_of_a_mid_node", |bench| {
        let mid = id(0, 1 << 10);
        bench.iter(|| g.implementers(black_box(&mid), IMPLEMENTATION))
    });
    group.sample_size(10);
    group.bench_function("implementers_of_a_root", |bench| {
        bench.iter(|| g.implementers(black_box(&root), IMPLEMENTATION))
    });
    group.finish();
}

criterion_group!(benches, queries);
criterion_main!(benches);
