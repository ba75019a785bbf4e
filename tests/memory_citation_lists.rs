//! Extraction memory on one line listing thousands of different documents ("Thực hiện Nghị
//! quyết số 1-NQ/TW, Kết luận số 1-KL/TW, Nghị quyết số 2-NQ/TW, …"), the kind of row 13
//! that a later attack found: every citation makes a relation, and each relation held three
//! copies of ids (and the set of relations seen two more): 1 MB peaked at 47 MB. The ids of a
//! document's relations are now the ones its citations hold. At most 40× the input (34× in
//! this test's build; 48× on the code before). The peak is the process's high-water
//! mark (`VmHWM`), so this test runs alone in its own binary; what the test harness held
//! before it is subtracted.

#![cfg(target_os = "linux")]

mod peak;
use peak::status_bytes;

#[test]
fn a_line_of_distinct_citations_costs_at_most_40_times_the_input() {
    let before = status_bytes("VmHWM:");
    let mut input = String::from(
        "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 1/KH-UBND\nLào Cai, ngày 05 tháng 3 năm 2025\nKẾ HOẠCH\nVề X\n\n",
    );
    input.push_str("Thực hiện ");
    for k in 1..=8_000 {
        input.push_str(&format!("Nghị quyết số {k}-NQ/TW, Kết luận số {k}-KL/TW, "));
    }
    input.push('\n');
    let input = input.into_bytes();
    let size = input.len();
    let parsed = vanban::parse_bytes(&input).expect("UTF-8");
    drop(input);
    let extraction = vanban::extract(&parsed);
    assert_eq!(extraction.relations.len(), 16_000);
    serde_json::to_writer(std::io::sink(), &extraction).expect("serialised");
    let peak = status_bytes("VmHWM:") - before;
    let ratio = peak as f64 / size as f64;
    eprintln!("input {size} bytes, peak {peak} bytes above the harness ({ratio:.1}×)");
    assert!(ratio <= 40.0, "extraction peaked at {ratio:.1}× the input");
}
