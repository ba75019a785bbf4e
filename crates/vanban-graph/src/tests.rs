//! The builder and the queries on small extractions made by hand.

#![allow(clippy::unwrap_used)] // A failed unwrap is a failed test.

use vanban_model::codes;
use vanban_model::{
    Assignment, Citation, CitationForm, CitedIssuer, DocumentKind, DocumentNumber, Extraction,
    Issuer, NumberForm, Relation, RelationType, Span,
};

use crate::{EdgeKind, Graph, GraphBuilder, ResolveError, IMPLEMENTATION, RELATIONS};

/// The id of a plan of Tuyên Quang's People's Committee numbered `n`/KH-UBND.
fn plan(n: u32, year: u16) -> String {
    format!("urn:lex:vn:ubnd.tuyen-quang:plan:{year};{n}-kh-ubnd")
}

/// The id of a resolution of the Politburo numbered `n`-NQ/TW.
fn resolution(n: u32, year: u16) -> String {
    format!("urn:lex:vn:trung-uong-dang:resolution:{year};{n}-nq-tw")
}

fn span(start: usize) -> Span {
    Span {
        start,
        end: start + 10,
        line: 1,
        column: 1,
    }
}

fn number(normalized: &str) -> DocumentNumber {
    DocumentNumber {
        raw: normalized.into(),
        normalized: normalized.into(),
        seq: None,
        year: None,
        type_code: None,
        issuer_code: None,
        form: NumberForm::State,
        span: span(0),
    }
}

/// A parsed document: its id, type, number as printed and date.
fn doc(id: &str, kind: DocumentKind, printed: &str, date: &str) -> Extraction {
    Extraction {
        source: None,
        id: id.to_owned(),
        kind,
        number: Some(number(printed)),
        issuer: Issuer {
            name: Some("Ủy ban nhân dân tỉnh Tuyên Quang".to_owned()),
            ..Issuer::default()
        },
        province: Some("Tuyên Quang".to_owned()),
        place: None,
        date: Some(date.to_owned()),
        title: None,
        citations: Vec::new(),
        references: Vec::new(),
        relations: Vec::new(),
        assignments: Vec::new(),
        recipients: Vec::new(),
        agencies: Vec::new(),
        diagnostics: Vec::new(),
    }
}

/// `x` asserts `x --kind--> to` at byte `at`.
fn relate(x: &mut Extraction, kind: RelationType, to: &str, at: usize) {
    x.relations.push(Relation {
        from: x.id.as_str().into(),
        to: to.into(),
        kind,
        asserted_by: x.id.as_str().into(),
        span: span(at),
    });
}

/// `x` cites `target` as `printed`, dated `date`.
fn cite(x: &mut Extraction, target: &str, printed: &str, date: Option<&str>) {
    x.citations.push(Citation {
        raw: format!("Kế hoạch số {printed}").into(),
        target_id: Some(target.into()),
        number: Some(Box::new(number(printed))),
        kind: DocumentKind::Plan,
        date: date.map(Into::into),
        year: date.and_then(|d| d.get(..4)).and_then(|y| y.parse().ok()),
        issuer: Some(Box::new(CitedIssuer {
            raw: "Ủy ban nhân dân tỉnh".into(),
            resolved: "Ủy ban nhân dân tỉnh Tuyên Quang".into(),
        })),
        name: None,
        form: CitationForm::Full,
        node: Some("preamble__p_1".into()),
        span: span(100),
    });
}

fn build(docs: &[(&str, &Extraction)]) -> Graph {
    let mut b = GraphBuilder::new();
    for (file, x) in docs {
        b.add(*file, (*x).clone());
    }
    b.build()
}

fn relation_edges(g: &Graph) -> Vec<(String, String, EdgeKind, String, Option<Span>)> {
    g.edges()
        .into_iter()
        .filter(|e| matches!(e.kind, EdgeKind::Relation(_)))
        .map(|e| {
            (
                e.source.to_owned(),
                e.target.to_owned(),
                e.kind,
                e.asserted_by.to_owned(),
                e.span,
            )
        })
        .collect()
}

#[test]
fn relation_lists_follow_the_model() {
    assert_eq!(RELATIONS, RelationType::ALL);
    let implementing: Vec<RelationType> = RelationType::ALL
        .iter()
        .copied()
        .filter(|r| r.is_implementation())
        .collect();
    assert_eq!(IMPLEMENTATION, implementing.as_slice());
}

#[test]
fn a_stub_becomes_the_parsed_document_in_any_order() {
    let (a, b) = (plan(2, 2024), plan(1, 2024));
    let mut x = doc(&a, DocumentKind::Plan, "2/KH-UBND", "2024-05-01");
    cite(&mut x, &b, "1/KH-UBND", Some("2024-01-10"));
    relate(&mut x, RelationType::Implements, &b, 100);
    let y = doc(&b, DocumentKind::Plan, "1/KH-UBND", "2024-01-10");

    let alone = build(&[("a.txt", &x)]);
    let stub = alone.node(&b).unwrap().document.as_ref().unwrap();
    assert!(!stub.parsed);
    assert_eq!(stub.number.as_deref(), Some("1/KH-UBND"));
    assert_eq!(stub.claims.len(), 1);

    let forward = build(&[("a.txt", &x), ("b.txt", &y)]);
    let backward = build(&[("b.txt", &y), ("a.txt", &x)]);
    for g in [&forward, &backward] {
        let d = g.node(&b).unwrap().document.as_ref().unwrap();
        assert!(d.parsed);
        assert_eq!(d.sources, ["b.txt"]);
        assert_eq!(d.claims.len(), 1, "the citation's claim is kept");
    }
    assert_eq!(forward.node_count(), backward.node_count());
    assert_eq!(relation_edges(&forward), relation_edges(&backward));
    let ids = |g: &Graph| g.nodes().map(|n| n.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&forward), ids(&backward));
}

#[test]
fn a_citation_without_a_year_is_an_alias_of_the_dated_document() {
    let dated = plan(500, 2024);
    let yearless = "urn:lex:vn:ubnd.tuyen-quang:plan:_;500-kh-ubnd".to_owned();
    let mut x = doc(
        &plan(7, 2025),
        DocumentKind::Plan,
        "7/KH-UBND",
        "2025-03-01",
    );
    cite(&mut x, &dated, "500/KH-UBND", Some("2024-07-22"));
    cite(&mut x, &yearless, "500/KH-UBND", None);
    relate(&mut x, RelationType::Implements, &yearless, 100);
    let g = build(&[("x.txt", &x)]);
    assert_eq!(
        g.node(&yearless).unwrap().id,
        dated,
        "the alias names the dated node"
    );
    let d = g.node(&dated).unwrap().document.as_ref().unwrap();
    assert_eq!(d.aliases, std::slice::from_ref(&yearless));
    assert_eq!(d.claims.len(), 2);
    assert!(g.nodes().all(|n| n.id != yearless), "no node of its own");
    let edges = relation_edges(&g);
    assert_eq!(edges.len(), 1);
    assert_eq!(edges[0].1, dated, "the relation ends on the dated document");
}

#[test]
fn a_document_given_twice_is_one_node_and_a_finding() {
    let a = plan(3, 2024);
    let x = doc(&a, DocumentKind::Plan, "3/KH-UBND", "2024-02-02");
    let g = build(&[("copy.txt", &x), ("a.txt", &x)]);
    let d = g.node(&a).unwrap().document.as_ref().unwrap();
    assert_eq!(d.sources, ["a.txt", "copy.txt"]);
    let found: Vec<_> = g
        .diagnostics()
        .iter()
        .filter(|d| d.code == codes::DUPLICATE_DOCUMENT)
        .collect();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].documents, [a]);
    assert!(
        found[0].message.contains("a.txt, copy.txt"),
        "{}",
        found[0].message
    );
}

// Found at stop 44: two records of one id and one file (an old and a new extraction of an
// edited file in one record file) gave a graph that depended on their order, and the finding
// named the file twice.
#[test]
fn two_records_of_one_file_give_one_graph_in_either_order() {
    let a = plan(3, 2024);
    let mut old = doc(&a, DocumentKind::Plan, "3/KH-UBND", "2024-02-02");
    old.title = Some("VERSION A".into());
    let mut new = old.clone();
    new.title = Some("VERSION B".into());
    let one = build(&[("a.txt", &old), ("a.txt", &new)]);
    let other = build(&[("a.txt", &new), ("a.txt", &old)]);
    let title = |g: &Graph| g.node(&a).unwrap().document.as_ref().unwrap().title.clone();
    assert_eq!(title(&one), title(&other));
    assert_eq!(one.diagnostics(), other.diagnostics());
    let message = &one.diagnostics()[0].message;
    assert!(
        message.contains("given 2 times (a.txt (2 records))"),
        "{message}"
    );
}

// Found at stop 44: a record whose id was an agency's merged into that node in silence, and
// dates were never checked ("zzzz" was due after every day).
#[test]
fn a_record_with_an_id_or_a_date_no_document_has_is_refused_naming_its_line() {
    let a = plan(3, 2024);
    let good = doc(&a, DocumentKind::Plan, "3/KH-UBND", "2024-02-02");
    let line = |x: &Extraction| serde_json::to_string(x).unwrap();
    let mut agency = good.clone();
    agency.id = "agency:so-y-te".into();
    let mut date = good.clone();
    date.date = Some("2024-02-30".into());
    let mut span = good.clone();
    relate(&mut span, RelationType::Implements, &plan(1, 2023), 40);
    span.relations[0].span.end = 2;
    let mut no_line = good.clone();
    relate(&mut no_line, RelationType::Implements, &plan(1, 2023), 40);
    no_line.relations[0].span.line = 0;
    // (Stop 45: a relation's ends and a citation's target were not checked.)
    let mut to_agency = good.clone();
    relate(
        &mut to_agency,
        RelationType::Implements,
        "agency:so-y-te",
        40,
    );
    let mut to_task = good.clone();
    cite(
        &mut to_task,
        &format!("task:{a}#sec_I__item_1"),
        "1/KH-UBND",
        None,
    );
    for (bad, says) in [
        (to_agency, "a relation's target is not a document id"),
        (to_task, "a citation's target is not a document id"),
        (
            span,
            "a relation's span: offsets 40..2 are not a piece of a document",
        ),
        (no_line, "a relation's span: line 0, column"),
        (agency, "its id is not a document id"),
        (
            date,
            "the date: \"2024-02-30\" is not a day of the calendar",
        ),
    ] {
        let records = format!("{}\n{}\n", line(&good), line(&bad));
        let err = GraphBuilder::new()
            .add_jsonl(records.as_bytes(), "r.jsonl")
            .unwrap_err();
        assert_eq!(err.line, 2);
        assert!(err.message.contains(says), "{}", err.message);
    }
    let records = format!("{}\n", line(&good));
    assert_eq!(
        GraphBuilder::new().add_jsonl(records.as_bytes(), "r.jsonl"),
        Ok(1)
    );
    // A task's deadline.
    let text = "ỦY BAN NHÂN DÂN\nTỈNH TUYÊN QUANG\nSố: 12/KH-UBND\n\
                Tuyên Quang, ngày 3 tháng 4 năm 2025\nKẾ HOẠCH\nVề X\nI. NHIỆM VỤ\n\
                1. Sở Nội vụ chủ trì rà soát, hoàn thành trước ngày 30/6/2025.\n";
    let mut x = vanban_extract::extract(&vanban_syntax::parse(text));
    let due = x
        .assignments
        .iter()
        .position(|a| a.deadline.as_ref().is_some_and(|d| d.due.is_some()));
    let k = due.expect("a task with a due date");
    if let Some(d) = x.assignments[k].deadline.as_mut() {
        d.due = Some("zzzz".into());
    }
    let err = GraphBuilder::new()
        .add_jsonl(format!("{}\n", line(&x)).as_bytes(), "r.jsonl")
        .unwrap_err();
    let says = format!("task {}'s deadline: \"zzzz\" is not a date", k + 1);
    assert!(err.message.contains(&says), "{}", err.message);
}

#[test]
fn a_task_of_a_document_given_twice_is_the_later_files() {
    // The build reads documents sorted by id, then file; a task id made twice keeps what the
    // later file says (as a map by id did), once.
    let a = plan(3, 2024);
    let with_tasks = |text: &str| {
        let mut x = doc(&a, DocumentKind::Plan, "3/KH-UBND", "2024-02-02");
        for node in ["sec_I__item_2", "sec_I__item_1"] {
            x.assignments.push(Assignment {
                node: node.into(),
                lead: vec!["Sở Tài chính".to_owned()],
                cooperating: Vec::new(),
                responsible: Vec::new(),
                deadline: None,
                text: format!("{text} {node}"),
            });
        }
        x
    };
    let (early, late) = (with_tasks("Trước"), with_tasks("Sau"));
    let g = build(&[("b.txt", &late), ("a.txt", &early)]);
    let tasks: Vec<(&str, &str)> = g
        .nodes()
        .filter_map(|n| Some((n.id.as_str(), n.task.as_ref()?.text.as_str())))
        .collect();
    let id = |n: &str| format!("task:{a}#{n}");
    assert_eq!(
        tasks,
        [
            (id("sec_I__item_1").as_str(), "Sau sec_I__item_1"),
            (id("sec_I__item_2").as_str(), "Sau sec_I__item_2"),
        ]
    );
}

#[test]
fn edges_keep_their_evidence() {
    let (a, b, top) = (plan(2, 2024), plan(1, 2024), resolution(13, 2012));
    let mut x = doc(&a, DocumentKind::Plan, "2/KH-UBND", "2024-05-01");
    relate(&mut x, RelationType::Implements, &top, 40);
    relate(&mut x, RelationType::Implements, &top, 900); // said again: the first is kept
    let mut y = doc(&b, DocumentKind::Plan, "1/KH-UBND", "2024-01-10");
    // y says that a implements the resolution too: one edge per asserting document.
    y.relations.push(Relation {
        from: a.as_str().into(),
        to: top.as_str().into(),
        kind: RelationType::Implements,
        asserted_by: b.as_str().into(),
        span: span(70),
    });
    let g = build(&[("a.txt", &x), ("b.txt", &y)]);
    let edges = relation_edges(&g);
    assert_eq!(
        edges,
        [
            // Sorted by asserting document: b's id sorts before a's.
            (
                a.clone(),
                top.clone(),
                EdgeKind::Relation(RelationType::Implements),
                b.clone(),
                Some(span(70))
            ),
            (
                a.clone(),
                top.clone(),
                EdgeKind::Relation(RelationType::Implements),
                a.clone(),
                Some(span(40))
            ),
        ]
    );
    let chain = g.chain_with_asserters(&a, IMPLEMENTATION).unwrap();
    assert_eq!(chain.links[0].asserted_by, [b.clone(), a.clone()]);
    assert_eq!(chain.links[0].asserted_count, 2);
    // Without the list, the number only.
    let counted = g.chain(&a, IMPLEMENTATION).unwrap();
    assert!(counted.links[0].asserted_by.is_empty());
    assert_eq!(counted.links[0].asserted_count, 2);
}

#[test]
fn a_stub_is_issued_by_what_its_citations_say_and_agencies_keep_their_first_name() {
    // Plan 1 is issued by the committee as its header writes it; plan 2 cites a stub whose
    // issuer a citation writes with a capital "Tỉnh". Both name one agency, which keeps the
    // name the first document (in id order) gave it, as it did when citations were held
    // whole and their issuers read with the documents' own.
    let (first, second, stub) = (plan(1, 2024), plan(2, 2024), plan(9, 2023));
    let x = doc(&first, DocumentKind::Plan, "1/KH-UBND", "2024-01-10");
    let mut y = doc(&second, DocumentKind::Plan, "2/KH-UBND", "2024-05-01");
    cite(&mut y, &stub, "9/KH-UBND", Some("2023-03-03"));
    if let Some(i) = y.citations[0].issuer.as_mut() {
        i.resolved = "Ủy ban nhân dân Tỉnh Tuyên Quang".into();
    }
    for g in [
        build(&[("x.txt", &x), ("y.txt", &y)]),
        build(&[("y.txt", &y), ("x.txt", &x)]),
    ] {
        let issued: Vec<_> = g
            .edges()
            .into_iter()
            .filter(|e| e.kind == EdgeKind::IssuedBy)
            .map(|e| {
                (
                    e.source.to_owned(),
                    e.target.to_owned(),
                    e.asserted_by.to_owned(),
                    e.span,
                )
            })
            .collect();
        assert_eq!(issued.len(), 3, "{issued:?}");
        let by_stub = issued.iter().find(|e| e.0 == stub).unwrap();
        assert_eq!((&by_stub.2, by_stub.3), (&second, Some(span(100))));
        assert!(
            issued.iter().all(|e| e.1 == by_stub.1),
            "one agency: {issued:?}"
        );
        let agency = g.node(&by_stub.1).unwrap().agency.as_ref().unwrap();
        assert_eq!(agency.name, "Ủy ban nhân dân tỉnh Tuyên Quang");
        let d = g.node(&stub).unwrap().document.as_ref().unwrap();
        assert_eq!(d.claims.len(), 1);
        assert_eq!(
            d.issuer.as_deref(),
            Some("Ủy ban nhân dân Tỉnh Tuyên Quang")
        );
        assert_eq!(&*d.claims[0].asserted_by, second);
    }
}

#[test]
fn tasks_keep_their_parties_in_order_and_share_their_document_id() {
    let a = plan(4, 2024);
    let mut x = doc(&a, DocumentKind::Plan, "4/KH-UBND", "2024-04-04");
    for (node, lead, cooperating) in [
        (
            "sec_I__item_1",
            "Sở Tài chính",
            vec!["Sở Nội vụ", "Sở Xây dựng"],
        ),
        ("sec_I__item_2", "Sở Nội vụ", vec!["Sở Tài chính"]),
    ] {
        x.assignments.push(Assignment {
            node: node.into(),
            lead: vec![lead.to_owned()],
            cooperating: cooperating.into_iter().map(str::to_owned).collect(),
            responsible: vec!["Sở Xây dựng".to_owned()],
            deadline: None,
            text: format!("Nhiệm vụ {node}."),
        });
    }
    let g = build(&[("x.txt", &x)]);
    let task = |n: &str| format!("task:{a}#{n}");
    let (one, two) = (task("sec_I__item_1"), task("sec_I__item_2"));
    let parties = |t: &str| {
        g.outgoing(t)
            .into_iter()
            .map(|e| {
                (
                    e.kind,
                    g.node(e.target)
                        .unwrap()
                        .agency
                        .as_ref()
                        .unwrap()
                        .name
                        .clone(),
                )
            })
            .collect::<Vec<_>>()
    };
    // The task's parties, sorted, against the roles and names expected.
    let check = |task: &str, want: &[(EdgeKind, &str)]| {
        let mut got = parties(task);
        got.sort();
        let mut want: Vec<_> = want.iter().map(|(k, n)| (*k, (*n).to_owned())).collect();
        want.sort();
        assert_eq!(got, want, "{task}");
    };
    check(
        &one,
        &[
            (EdgeKind::Lead, "Sở Tài chính"),
            (EdgeKind::Cooperating, "Sở Nội vụ"),
            (EdgeKind::Cooperating, "Sở Xây dựng"),
            (EdgeKind::Responsible, "Sở Xây dựng"),
        ],
    );
    check(
        &two,
        &[
            (EdgeKind::Lead, "Sở Nội vụ"),
            (EdgeKind::Cooperating, "Sở Tài chính"),
            (EdgeKind::Responsible, "Sở Xây dựng"),
        ],
    );
    let info = |t: &str| g.node(t).unwrap().task.as_ref().unwrap().clone();
    let (i1, i2) = (info(&one), info(&two));
    assert_eq!(
        (&*i1.document, i1.text.as_str()),
        (a.as_str(), "Nhiệm vụ sec_I__item_1.")
    );
    assert!(
        std::sync::Arc::ptr_eq(&i1.document, &i2.document),
        "one copy of the document's id"
    );
}

/// A task's label is its text cut at 80 characters, made when asked for (nothing stored), and
/// every node serialises with its label between its kind and its data; a document's and an
/// agency's labels are as stored.
#[test]
fn labels_are_made_when_asked_and_serialised_in_place() {
    let a = plan(5, 2024);
    let mut x = doc(&a, DocumentKind::Plan, "5/KH-UBND", "2024-05-05");
    let long = "Chủ trì   xây dựng kế hoạch chuyển đổi số của tỉnh giai đoạn 2025 - 2030, trình Ủy ban nhân dân tỉnh ban hành trước ngày 30/6/2025.";
    x.assignments.push(Assignment {
        node: "sec_I__item_1".into(),
        lead: vec!["Sở Khoa học và Công nghệ".to_owned()],
        cooperating: Vec::new(),
        responsible: Vec::new(),
        deadline: None,
        text: long.to_owned(),
    });
    let g = build(&[("x.txt", &x)]);
    let task = g.node(&format!("task:{a}#sec_I__item_1")).unwrap();
    assert!(task.label.is_empty(), "no label stored for a task");
    let label = task.label();
    assert_eq!(label, crate::short_text(long, 80));
    assert!(
        label.ends_with('…') && label.chars().count() == 80,
        "{label}"
    );
    // The whole text, field by field in order.
    let expected = |n: &crate::Node, data: (&str, String)| {
        format!(
            "{{\"id\":{},\"kind\":{},\"label\":{},\"{}\":{}}}",
            serde_json::to_string(&n.id).unwrap(),
            serde_json::to_string(&n.kind).unwrap(),
            serde_json::to_string(&n.label()).unwrap(),
            data.0,
            data.1
        )
    };
    let data = serde_json::to_string(task.task.as_ref().unwrap()).unwrap();
    assert_eq!(
        serde_json::to_string(task).unwrap(),
        expected(task, ("task", data))
    );
    let json = serde_json::to_value(task).unwrap();
    assert_eq!(json["label"], *label);
    assert_eq!(json["task"]["text"], long);
    let document = g.node(&a).unwrap();
    assert_eq!(document.label(), "5/KH-UBND");
    let data = serde_json::to_string(document.document.as_ref().unwrap()).unwrap();
    assert_eq!(
        serde_json::to_string(document).unwrap(),
        expected(document, ("document", data))
    );
    let json = serde_json::to_value(document).unwrap();
    assert_eq!(json["kind"], "document");
    let agency = g
        .nodes()
        .find(|n| n.kind == crate::NodeKind::Agency)
        .unwrap();
    assert_eq!(
        serde_json::to_value(agency).unwrap()["label"],
        *agency.label()
    );
}

/// D implements B and C, which both implement A; E is a resolution nothing implements; F is
/// a plan that cites a stub S, which D cites too.
fn family() -> (Graph, [String; 6]) {
    let a = resolution(13, 2012);
    let (b, c, d, e, f) = (
        plan(1, 2020),
        plan(2, 2020),
        plan(3, 2024),
        resolution(20, 2022),
        plan(4, 2024),
    );
    let xa = doc(&a, DocumentKind::Resolution, "13-NQ/TW", "2012-01-16");
    let mut xb = doc(&b, DocumentKind::Plan, "1/KH-UBND", "2020-01-01");
    relate(&mut xb, RelationType::Implements, &a, 10);
    let mut xc = doc(&c, DocumentKind::Plan, "2/KH-UBND", "2020-02-02");
    relate(&mut xc, RelationType::ContinuesImplementing, &a, 10);
    let mut xd = doc(&d, DocumentKind::Plan, "3/KH-UBND", "2024-03-03");
    relate(&mut xd, RelationType::Implements, &b, 10);
    relate(&mut xd, RelationType::Implements, &c, 20);
    let stub = plan(99, 2019);
    cite(&mut xd, &stub, "99/KH-UBND", Some("2019-09-09"));
    xd.assignments.push(Assignment {
        node: "sec_II__item_1".into(),
        lead: vec!["Sở Tài chính".to_owned()],
        cooperating: vec!["Sở Nội vụ".to_owned()],
        responsible: Vec::new(),
        deadline: Some(Box::new(vanban_model::Deadline {
            text: "trong năm 2024".into(),
            ..Default::default()
        })),
        text: "Bố trí kinh phí thực hiện.".to_owned(),
    });
    let xe = doc(&e, DocumentKind::Resolution, "20-NQ/TW", "2022-06-06");
    let mut xf = doc(&f, DocumentKind::Plan, "4/KH-UBND", "2024-04-04");
    cite(&mut xf, &stub, "99/KH-UBND", Some("2019-09-09"));
    relate(&mut xf, RelationType::Cites, &stub, 100);
    let g = build(&[
        ("a.txt", &xa),
        ("b.txt", &xb),
        ("c.txt", &xc),
        ("d.txt", &xd),
        ("e.txt", &xe),
        ("f.txt", &xf),
    ]);
    (g, [a, b, c, d, e, stub])
}

#[test]
fn resolve_takes_numbers_as_written_and_full_ids() {
    let (g, [a, _, _, d, ..]) = family();
    assert_eq!(g.resolve("3/KH-UBND").unwrap(), d);
    assert_eq!(
        g.resolve(" 3 / kh-ubnd ").unwrap(),
        d,
        "any case and spacing"
    );
    assert_eq!(g.resolve("13-NQ/TW").unwrap(), a);
    assert_eq!(g.resolve(&a).unwrap(), a);
    assert!(matches!(
        g.resolve("404/KH-UBND"),
        Err(ResolveError::NotFound(_))
    ));
}

#[test]
fn resolve_asks_when_two_parsed_documents_share_a_number() {
    let one = plan(5, 2024);
    let other = "urn:lex:vn:ubnd.lao-cai:plan:2024;5-kh-ubnd".to_owned();
    let x = doc(&one, DocumentKind::Plan, "5/KH-UBND", "2024-01-01");
    let y = doc(&other, DocumentKind::Plan, "5/KH-UBND", "2024-02-02");
    let g = build(&[("x.txt", &x), ("y.txt", &y)]);
    match g.resolve("5/KH-UBND") {
        Err(ResolveError::Ambiguous { candidates, .. }) => {
            let ids: Vec<&str> = candidates.iter().map(|c| c.id.as_str()).collect();
            assert_eq!(ids, [other.as_str(), one.as_str()]);
        }
        r => panic!("{r:?}"),
    }
    // A parsed document and a stub of the same number: the parsed one.
    let mut z = doc(
        &plan(6, 2025),
        DocumentKind::Plan,
        "6/KH-UBND",
        "2025-01-01",
    );
    cite(&mut z, &other, "5/KH-UBND", Some("2024-02-02"));
    let g = build(&[("x.txt", &x), ("z.txt", &z)]);
    assert_eq!(g.resolve("5/KH-UBND").unwrap(), one);
    assert_eq!(g.other_matches("5/KH-UBND", &one).len(), 1);
}

#[test]
fn a_chain_shows_a_shared_ancestor_once() {
    let (g, [a, b, c, d, ..]) = family();
    let chain = g.chain(&d, IMPLEMENTATION).unwrap();
    let lines: Vec<(usize, &str, &str, bool)> = chain
        .links
        .iter()
        .map(|l| (l.depth, l.from.as_str(), l.node.id.as_str(), l.seen))
        .collect();
    assert_eq!(
        lines,
        [
            (1, d.as_str(), b.as_str(), false),
            (2, b.as_str(), a.as_str(), false),
            (1, d.as_str(), c.as_str(), false),
            (2, c.as_str(), a.as_str(), true),
        ]
    );
    assert_eq!(chain.links[3].relation, RelationType::ContinuesImplementing);
    assert_eq!(chain.last_flags(), [false, true, true, true]);
    assert_eq!(chain.ids().len(), 4);
    assert!(chain.links.iter().all(|l| !l.cycle));
}

#[test]
fn implementers_are_listed_once_at_their_smallest_depth() {
    let (g, [a, b, c, d, ..]) = family();
    let found: Vec<(usize, String, String)> = g
        .implementers(&a, IMPLEMENTATION)
        .into_iter()
        .map(|i| (i.depth, i.node.id, i.of))
        .collect();
    assert_eq!(
        found,
        [
            (1, b.clone(), a.clone()),
            (1, c.clone(), a.clone()),
            (2, d.clone(), b.clone()),
        ]
    );
    assert!(g.implementers(&d, IMPLEMENTATION).is_empty());
    // Only the relations asked for.
    let direct = g.implementers(&a, &[RelationType::ContinuesImplementing]);
    assert_eq!(direct.len(), 1);
    assert_eq!(direct[0].node.id, c);
}

#[test]
fn a_path_runs_one_way() {
    let (g, [a, b, _, d, ..]) = family();
    let steps = g.path(&d, &a).unwrap();
    let hops: Vec<(&str, &str)> = steps
        .iter()
        .map(|s| (s.from.as_str(), s.to.as_str()))
        .collect();
    assert_eq!(hops, [(d.as_str(), b.as_str()), (b.as_str(), a.as_str())]);
    assert_eq!(steps[0].asserted_by, std::slice::from_ref(&d));
    assert!(g.path(&a, &d).is_none(), "relations are directed");
    assert_eq!(g.path(&d, &d).unwrap().len(), 0);
}

#[test]
fn an_agency_is_found_by_part_of_its_name() {
    let (g, [.., d, _, _]) = family();
    let found = g.agency("tài CHÍNH");
    assert_eq!(found.len(), 1);
    let a = &found[0];
    assert_eq!(a.agency.label, "Sở Tài chính (Tuyên Quang)");
    assert_eq!(a.tasks.len(), 1);
    assert_eq!(a.tasks[0].role, crate::AgencyRole::Lead);
    assert_eq!(a.tasks[0].document, d);
    assert_eq!(
        a.tasks[0].deadline.as_ref().map(|d| d.text.as_str()),
        Some("trong năm 2024")
    );
    let coop = g.agency("Sở Nội vụ");
    assert_eq!(coop[0].tasks[0].role, crate::AgencyRole::Cooperating);
    assert!(g.agency("Bộ Quốc phòng").is_empty());
}

#[test]
fn orphans_are_the_stubs_most_cited_first() {
    let (g, [.., stub]) = family();
    let orphans = g.orphans();
    assert_eq!(orphans[0].node.id, stub);
    assert_eq!(orphans[0].cited_by, [plan(3, 2024), plan(4, 2024)]);
    assert!(orphans.iter().all(|o| o.node.parsed == Some(false)));
}

#[test]
fn unimplemented_directives_are_those_nothing_implements() {
    let (g, [a, .., e, _]) = family();
    let found: Vec<String> = g
        .unimplemented(&[DocumentKind::Resolution], None)
        .into_iter()
        .map(|n| n.id)
        .collect();
    assert_eq!(found, std::slice::from_ref(&e));
    assert!(!found.contains(&a));
    assert!(g
        .unimplemented(&[DocumentKind::Resolution], Some("Lào Cai"))
        .is_empty());
}

#[test]
fn a_cycle_of_implementation_is_found_and_reported() {
    let (a, b) = (plan(1, 2024), plan(2, 2024));
    let mut x = doc(&a, DocumentKind::Plan, "1/KH-UBND", "2024-01-01");
    relate(&mut x, RelationType::Implements, &b, 10);
    let mut y = doc(&b, DocumentKind::Plan, "2/KH-UBND", "2024-01-01");
    relate(&mut y, RelationType::Implements, &a, 10);
    let g = build(&[("x.txt", &x), ("y.txt", &y)]);
    assert_eq!(
        g.implementation_cycles(),
        [vec![a.clone(), b.clone(), a.clone()]]
    );
    assert!(g.diagnostics().iter().any(|d| d.code == codes::CYCLE));
    let chain = g.chain(&a, IMPLEMENTATION).unwrap();
    assert!(chain.links.last().unwrap().cycle);
    // `cites` does not make a cycle.
    let (g, ..) = family();
    assert!(g.implementation_cycles().is_empty());
    // Found at stop 45: a → b, b → c, c → b, b → a printed `a → b → c → b`, no cycle. The
    // shortest cycle through each link is printed, once each, from its smallest id (found at
    // stop 58: one cycle a group hid the group's other loop, `b → c → b`).
    let c = plan(3, 2024);
    let mut x = doc(&a, DocumentKind::Plan, "1/KH-UBND", "2024-01-01");
    relate(&mut x, RelationType::Implements, &b, 10);
    let mut y = doc(&b, DocumentKind::Plan, "2/KH-UBND", "2024-01-01");
    relate(&mut y, RelationType::Implements, &c, 10);
    relate(&mut y, RelationType::Implements, &a, 20);
    let mut z = doc(&c, DocumentKind::Plan, "3/KH-UBND", "2024-01-01");
    relate(&mut z, RelationType::Implements, &b, 10);
    let g = build(&[("x.txt", &x), ("y.txt", &y), ("z.txt", &z)]);
    let cycles = g.implementation_cycles();
    assert_eq!(
        cycles,
        [
            vec![a.clone(), b.clone(), a.clone()],
            vec![b.clone(), c.clone(), b.clone()]
        ]
    );
    // A longer one, around three documents, whole.
    let mut y = doc(&b, DocumentKind::Plan, "2/KH-UBND", "2024-01-01");
    relate(&mut y, RelationType::Implements, &c, 10);
    let mut z = doc(&c, DocumentKind::Plan, "3/KH-UBND", "2024-01-01");
    relate(&mut z, RelationType::Implements, &a, 10);
    let g = build(&[("x.txt", &x), ("y.txt", &y), ("z.txt", &z)]);
    assert_eq!(g.implementation_cycles(), [vec![a.clone(), b, c, a]]);
}

/// The graph of plans 1..=n of 2024, plan k implementing each plan of `implemented(k)`.
fn plans_implementing(n: u32, implemented: impl Fn(u32) -> Vec<u32>) -> Graph {
    let docs: Vec<(String, Extraction)> = (1..=n)
        .map(|k| {
            let id = plan(k, 2024);
            let mut d = doc(
                &id,
                DocumentKind::Plan,
                &format!("{k}/KH-UBND"),
                "2024-01-01",
            );
            for other in implemented(k) {
                relate(&mut d, RelationType::Implements, &plan(other, 2024), 10);
            }
            (format!("{k}.txt"), d)
        })
        .collect();
    let named: Vec<(&str, &Extraction)> = docs.iter().map(|(n, d)| (n.as_str(), d)).collect();
    build(&named)
}

/// Every link inside a group of documents that implement each other closes a loop, listed
/// once (found at stop 58: one cycle a group hid its other misread links); a group whose
/// loops would take too long to find one a link gives its shortest and is said to be cut.
#[test]
fn each_link_of_a_group_closes_a_loop_until_the_search_is_too_long() {
    // Four plans that each implement the other three: six loops of two, each once.
    let g = plans_implementing(4, |k| (1..=4).filter(|&o| o != k).collect());
    let (cycles, cut) = g.implementation_cycles_and_cut();
    assert!(cut.is_empty(), "{cut:?}");
    assert_eq!(cycles.len(), 6, "{cycles:?}");
    for (i, j) in [(1, 2), (1, 3), (1, 4), (2, 3), (2, 4), (3, 4)] {
        let pair = vec![plan(i, 2024), plan(j, 2024), plan(i, 2024)];
        assert!(cycles.contains(&pair), "{pair:?} in {cycles:?}");
    }
    // A ring of 1 001 plans: 1 001 searches of 2 002 steps.
    let g = plans_implementing(1_001, |k| vec![k % 1_001 + 1]);
    let (cycles, cut) = g.implementation_cycles_and_cut();
    assert_eq!((cycles.len(), cut), (1, vec![(1_001, 1_001)]));
}

#[test]
fn relation_names_are_read_once_for_every_caller() {
    use crate::relations_named;
    let none: [&str; 0] = [];
    assert_eq!(relations_named(&none), Ok(IMPLEMENTATION.to_vec()));
    assert_eq!(
        relations_named(&[" based_on", "amends"]),
        Ok(vec![RelationType::BasedOn, RelationType::Amends])
    );
    let e = relations_named(&["implements", "bogus"]).unwrap_err();
    assert!(e.starts_with("unknown relation \"bogus\"; known: "), "{e}");
    assert!(e.contains("continues_implementing"), "{e}");
}

/// `short_text` as it was written first: the words collected one by one, the cut text
/// collected again. The one buffer cut in place must give the same text.
fn short_text_by_words(text: &str, max: usize) -> String {
    let mut out = String::new();
    let mut chars = 0;
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
            chars += 1;
        }
        out.push_str(word);
        chars += word.chars().count();
        if max > 0 && chars > max {
            break;
        }
    }
    if chars <= max || max == 0 {
        return out;
    }
    let mut s: String = out.chars().take(max - 1).collect();
    s.push('…');
    s
}

#[test]
fn short_text_cuts_as_the_word_by_word_reading_does() {
    let words = [
        "Sở",
        "Tài",
        "chính",
        "chủ trì",
        "x",
        "ĐỀ ÁN",
        "a\u{a0}b",
        "\u{3000}",
        "\t",
        "\n\n",
        "🙂🙂",
        "phối\u{2028}hợp",
        "",
        "rấtdàikhôngcókhoảngtrắngnàoởđâycả",
    ];
    let mut checked = 0;
    for len in 0..7 {
        for seed in 0..words.len() * 3 {
            let text: String = (0..len)
                .map(|k| words[(seed * 7 + k * 5) % words.len()])
                .collect::<Vec<_>>()
                .join(if seed % 2 == 0 { " " } else { "  " });
            for max in [0, 1, 2, 3, 5, 8, 13, 21, 80] {
                let got = crate::short_text(&text, max);
                assert_eq!(got, short_text_by_words(&text, max), "{text:?} at {max}");
                if max > 0 {
                    assert!(got.chars().count() <= max, "{got:?} longer than {max}");
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 2000, "{checked}");
}

// Found at stop 44: a stub known by its name only printed "(, not parsed)" in `orphans` and
// chains.
#[test]
fn a_stub_of_no_known_kind_is_described_without_an_empty_part() {
    let n = crate::NodeSummary {
        id: "urn:lex:vn:x:unknown:_;quy-hoach-tinh".to_owned(),
        label: "Quy hoạch tỉnh".into(),
        kind: crate::NodeKind::Document,
        document_kind: Some(DocumentKind::Unknown),
        number: None,
        date: None,
        issuer: None,
        parsed: Some(false),
    };
    assert_eq!(crate::query::describe(&n), "not parsed");
    let plan = crate::NodeSummary {
        document_kind: Some(DocumentKind::Plan),
        date: Some("2024-07-22".into()),
        ..n
    };
    assert_eq!(
        crate::query::describe(&plan),
        "Kế hoạch, 2024-07-22, not parsed"
    );
}
