//! One snapshot per document in `seeds/` and `corpus/`: the outline with element ids, the
//! header fields and the diagnostics. A grammar change that moves a snapshot shows its effect
//! on real documents; review with `cargo insta review` and read every diff.

use std::fmt::Write;

use vanban::output::document::{outline, OutlineOptions};
use vanban::Parsed;

fn snapshot(p: &Parsed) -> String {
    let mut s = String::new();
    let h = &p.document.header;
    let _ = writeln!(s, "kind: {}", h.kind);
    if let Some(n) = &h.number {
        let _ = writeln!(
            s,
            "number: raw={:?} seq={:?} year={:?} type={:?} issuer={:?} form={:?}",
            n.raw, n.seq, n.year, n.type_code, n.issuer_code, n.form
        );
    }
    let _ = writeln!(
        s,
        "issuer: name={:?} parent={:?} locality={:?}",
        h.issuer.name, h.issuer.parent, h.issuer.locality
    );
    let _ = writeln!(s, "place: {:?} date: {:?}", h.place, h.date);
    if !h.marks.is_empty() {
        let _ = writeln!(s, "marks: {:?}", h.marks);
    }
    if let Some(f) = &p.document.front_matter {
        let _ = writeln!(s, "front matter: lines {}..", f.span.line);
    }
    let _ = writeln!(s, "---");
    s.push_str(&outline(
        &p.document,
        OutlineOptions {
            ids: true,
            width: 90,
        },
    ));
    if let Some(t) = &p.document.trailing {
        let _ = writeln!(s, "trailing text from line {}", t.span.line);
    }
    let _ = writeln!(s, "---");
    for d in &p.diagnostics {
        let _ = writeln!(
            s,
            "{}:{} {}[{}]",
            d.span.line, d.span.column, d.severity, d.code
        );
    }
    s
}

#[test]
fn corpus() {
    insta::glob!("../corpus", "*.txt", |path| {
        let parsed = vanban::parse_bytes(&std::fs::read(path).expect("read")).expect("UTF-8");
        insta::assert_snapshot!(snapshot(&parsed));
    });
}

#[test]
fn seeds() {
    insta::glob!("../seeds", "*.txt", |path| {
        let parsed = vanban::parse_bytes(&std::fs::read(path).expect("read")).expect("UTF-8");
        insta::assert_snapshot!(snapshot(&parsed));
    });
}
