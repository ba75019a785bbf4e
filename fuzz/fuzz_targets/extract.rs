//! Any text through the whole pipeline: parse, extract, lint, report, graph and its exports.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let parsed = vanban::parse(text);
    let x = vanban::extract(&parsed);
    let len = parsed.source.len();
    for c in &x.citations {
        assert!(c.span.start <= c.span.end && c.span.end <= len);
        assert!(parsed.source.is_char_boundary(c.span.start));
    }
    let _ = vanban::lint::lint(&parsed, &x);
    let _ = vanban::lint::report::document_report("fuzz.txt", &parsed, &x);
    let mut b = vanban::GraphBuilder::new();
    b.add("fuzz.txt", x);
    let g = b.build();
    let o = vanban::output::graph::ExportOptions::default();
    let _ = vanban::output::graph::graphml(&g, o);
    let _ = vanban::output::graph::dot(&g, o);
});
