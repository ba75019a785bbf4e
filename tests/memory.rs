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
    let size = input.len();
    // As the command line does: the bytes are freed once decoded.
    let parsed = vanban::parse_bytes(&input).expect("UTF-8");
    drop(input);
    let extraction = vanban::extract(&parsed);
    assert_eq!(extraction.citations.len(), 100_000);
    serde_json::to_writer(std::io::sink(), &extraction).expect("serialised");
    let peak = status_bytes("VmHWM:") - before;
    let ratio = peak as f64 / size as f64;
    eprintln!("input {size} bytes, peak {peak} bytes above the harness ({ratio:.1}×)");
    assert!(ratio <= 20.0, "extraction peaked at {ratio:.1}× the input");
}
