//! Robustness row 13, measured as the attack measured it: the peak resident memory of reading
//! 100 000 `Căn cứ Nghị định số 1/2020/NĐ-CP;` lines (4.5 MB) and extracting from them is at
//! most 20 times the input. The peak is the process's high-water mark (`VmHWM`), so this test
//! runs alone in its own binary; what the test harness held before it is subtracted.

#![cfg(target_os = "linux")]

mod peak;
use peak::status_bytes;

#[test]
fn row_13_extraction_memory_is_at_most_twenty_times_the_input() {
    let before = status_bytes("VmHWM:");
    let input = "Căn cứ Nghị định số 1/2020/NĐ-CP;\n"
        .repeat(100_000)
        .into_bytes();
    let (extraction, ratio) = peak::extraction_peak(before, input);
    assert_eq!(extraction.citations.len(), 100_000);
    assert!(ratio <= 20.0, "extraction peaked at {ratio:.1}× the input");
}
