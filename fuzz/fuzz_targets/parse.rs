//! Any bytes: a tree or a typed error, never a panic; the tree renders back to the
//! normalised text and every span lies inside it on character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(parsed) = vanban::parse_bytes(data) else {
        return;
    };
    assert_eq!(parsed.render(), parsed.source);
    let len = parsed.source.len();
    for node in parsed.document.nodes() {
        assert!(node.span.start <= node.span.end && node.span.end <= len);
        assert!(parsed.source.is_char_boundary(node.span.start));
        assert!(parsed.source.is_char_boundary(node.span.end));
        for c in &node.children {
            assert!(node.span.start <= c.span.start && c.span.end <= node.span.end);
        }
    }
});
