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
    let mut input = String::from(
        "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 1/KH-UBND\nLào Cai, ngày 05 tháng 3 năm 2025\nKẾ HOẠCH\nVề X\n\n",
    );
    input.push_str(&"Điều 1. ".repeat(60_000));
    input.push('\n');
    let input = input.into_bytes();
    let size = input.len();
    let parsed = vanban::parse_bytes(&input).expect("UTF-8");
    drop(input);
    let extraction = vanban::extract(&parsed);
    assert!(extraction.references.len() > 50_000);
    serde_json::to_writer(std::io::sink(), &extraction).expect("serialised");
    let peak = status_bytes("VmHWM:") - before;
    let ratio = peak as f64 / size as f64;
    eprintln!(
        "input {size} bytes, {} references, peak {peak} bytes above the harness ({ratio:.1}×)",
        extraction.references.len()
    );
    assert!(ratio <= 35.0, "extraction peaked at {ratio:.1}× the input");
}
