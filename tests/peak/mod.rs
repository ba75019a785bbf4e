//! The process's memory high-water mark, for the memory tests (`memory*.rs`): each runs alone
//! in its own test binary, since the mark is the whole process's.

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
