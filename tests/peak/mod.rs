//! The process's memory high-water mark, for the memory tests (`memory*.rs`): each runs alone
//! in its own test binary, since the mark is the whole process's.

#![allow(dead_code)] // Each test file uses its own part.

/// A plan's header, for the tests' generated bodies.
pub const HEAD: &str =
    "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 1/KH-UBND\nLào Cai, ngày 05 tháng 3 năm 2025\nKẾ HOẠCH\nVề X\n";

/// A `kB` field of `/proc/self/status` (`VmHWM:` is the peak resident size), in bytes.
pub fn status_bytes(field: &str) -> usize {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    let line = status
        .lines()
        .find(|l| l.starts_with(field))
        .unwrap_or_else(|| panic!("no {field} in /proc/self/status"));
    let kb: usize = line
        .trim_start_matches(field)
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .expect("a number of kB");
    kb * 1024
}

/// Read `input` as the command line does (the bytes freed once decoded), extract from it and
/// serialise the extraction; the extraction, and the peak above `before` (the high-water mark
/// read before the input was made) as a multiple of the input's size.
pub fn extraction_peak(before: usize, input: Vec<u8>) -> (vanban::Extraction, f64) {
    let size = input.len();
    let parsed = vanban::parse_bytes(&input).expect("UTF-8");
    drop(input);
    let extraction = vanban::extract(&parsed);
    serde_json::to_writer(std::io::sink(), &extraction).expect("serialised");
    let peak = status_bytes("VmHWM:") - before;
    let ratio = peak as f64 / size as f64;
    eprintln!("input {size} bytes, peak {peak} bytes above the harness ({ratio:.1}×)");
    (extraction, ratio)
}
