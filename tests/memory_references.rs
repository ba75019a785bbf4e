//! Extraction memory on a document made of unit references, the kind of row 13 that a later
//! attack found (one line of "Điều 1. " repeated: 1 MB gave 90 000 references and peaked at
//! 76 MB). Each reference shares what it can (the document's id), the readings are turned
//! into references as they are read, and the references go straight into the extraction: 35×
//! the input at most (about 30× in this test's build, 25× above the process's baseline with
//! the release command line; 75× on the code before). The peak is the process's high-water
//! mark (`VmHWM`), so this test runs alone in its own binary; what the test harness held
//! before it is subtracted.

#![cfg(target_os = "linux")]

mod peak;
use peak::status_bytes;

#[test]
fn a_line_of_references_costs_at_most_35_times_the_input() {
    let before = status_bytes("VmHWM:");
    let mut input = format!("{}\n", peak::HEAD);
    input.push_str(&"Điều 1. ".repeat(60_000));
    input.push('\n');
    let (extraction, ratio) = peak::extraction_peak(before, input.into_bytes());
    assert!(extraction.references.len() > 50_000);
    assert!(ratio <= 35.0, "extraction peaked at {ratio:.1}× the input");
}
