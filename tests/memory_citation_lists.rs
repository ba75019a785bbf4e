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
    let mut input = format!("{}\nThực hiện ", peak::HEAD);
    for k in 1..=8_000 {
        input.push_str(&format!("Nghị quyết số {k}-NQ/TW, Kết luận số {k}-KL/TW, "));
    }
    input.push('\n');
    let (extraction, ratio) = peak::extraction_peak(before, input.into_bytes());
    assert_eq!(extraction.relations.len(), 16_000);
    assert!(ratio <= 40.0, "extraction peaked at {ratio:.1}× the input");
}
