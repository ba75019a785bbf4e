//! Hostile and odd input, one test (or more) per row of the README's "Hostile input" table:
//! what broke vanban when it was attacked as a hostile user would, and what it does now.
//! Costs are checked without clocks where a count will do (bytes allocated, by a counting
//! allocator on the test's own thread); where time is the point (a quadratic), the ratio of two
//! sizes is measured in one run.

#![cfg(feature = "cli")]
#![allow(clippy::unwrap_used)] // A failed unwrap is a failed test.

use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_vanban"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

fn vanban(args: &[&str]) -> Output {
    bin().args(args).output().expect("the binary runs")
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn seed_text() -> String {
    std::fs::read_to_string(root().join("seeds/208-KH-UBND_2024_TuyenQuang.txt")).unwrap()
}

const TINY: &str = "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 1/KH-UBND\nLào Cai, ngày 05 tháng 3 năm 2025\nKẾ HOẠCH\nVề X\nI. NỘI DUNG\n1. Làm.\n";

/// Wait for a child at most `limit`; kill it and fail when it hangs.
fn finish(mut child: Child, limit: Duration, what: &str) -> Output {
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            return child.wait_with_output().unwrap();
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("{what}: still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

// Row 5: a FIFO named *.txt in a walked folder.
#[cfg(unix)]
#[test]
fn row_05_a_fifo_in_a_folder_is_skipped_not_read() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), TINY).unwrap();
    let fifo = dir.path().join("zz.txt");
    if !Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success())
    {
        return; // no mkfifo on this machine
    }
    for cmd in [
        &["extract", "--summary"][..],
        &["graph"][..],
        &["lint"][..],
        &["report"][..],
    ] {
        let child = bin()
            .args(cmd)
            .arg(dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let out = finish(child, Duration::from_secs(60), cmd[0]);
        let err = text(&out.stderr);
        assert!(
            err.contains("zz.txt: warning: skipped: a FIFO"),
            "{cmd:?}: {err}"
        );
        assert!(
            !text(&out.stdout).is_empty(),
            "{cmd:?}: the other file is read"
        );
    }
}

// Row 6: a directory symlink loop.
#[cfg(unix)]
#[test]
fn row_06_a_symlink_loop_reads_each_file_once_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("s")).unwrap();
    std::fs::write(d.join("a.txt"), TINY).unwrap();
    for l in ["a", "b", "c"] {
        std::os::unix::fs::symlink("..", d.join("s").join(l)).unwrap();
    }
    let child = bin()
        .args(["extract", "--jsonl"])
        .arg(d)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = finish(child, Duration::from_secs(60), "extract");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout).lines().count(), 1, "one document, once");
    let err = text(&out.stderr);
    assert_eq!(err.matches("(a loop)").count(), 3, "{err}");
}

// Row 7: `extract a.txt b.txt -o b.txt`.
#[test]
fn row_07_an_output_path_that_is_an_input_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(&a, TINY).unwrap();
    std::fs::write(&b, seed_text()).unwrap();
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    for args in [
        vec!["extract", a, b, "--jsonl", "-o", b],
        vec!["graph", a, b, "-o", b],
        vec!["lint", a, b, "-o", b],
        vec!["report", a, b, "-o", b],
        vec!["parse", b, "-o", b],
    ] {
        let out = vanban(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            text(&out.stderr).contains("would overwrite the input"),
            "{args:?}: {}",
            text(&out.stderr)
        );
        assert_eq!(std::fs::read_to_string(b).unwrap(), seed_text(), "{args:?}");
    }
    // The same file under another spelling of its path.
    let other = format!("{}/./b.txt", dir.path().display());
    let out = vanban(&["extract", a, b, "-o", &other]);
    assert_eq!(out.status.code(), Some(2));
}

// Row 8: SIGTERM during `extract -o out.json`.
#[cfg(unix)]
#[test]
fn row_08_an_interrupted_run_leaves_no_partial_output() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    let seed = seed_text();
    for i in 0..1500 {
        std::fs::write(docs.join(format!("d{i:04}.txt")), &seed).unwrap();
    }
    for (signal, old) in [("TERM", Some("old")), ("INT", None)] {
        let out_path = dir.path().join("out.json");
        let _ = std::fs::remove_file(&out_path);
        if let Some(old) = old {
            std::fs::write(&out_path, old).unwrap();
        }
        let child = bin()
            .args(["extract", "-q", "-o"])
            .arg(&out_path)
            .arg(&docs)
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Wait until the run is writing (its temporary file exists), then interrupt it.
        let start = Instant::now();
        let partial = || {
            std::fs::read_dir(dir.path())
                .unwrap()
                .filter_map(Result::ok)
                .any(|e| e.file_name().to_string_lossy().ends_with(".part"))
        };
        while !partial() && start.elapsed() < Duration::from_secs(60) {
            std::thread::sleep(Duration::from_millis(10));
        }
        std::thread::sleep(Duration::from_millis(200));
        let killed = Command::new("kill")
            .args([&format!("-{signal}"), &child.id().to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        let out = finish(child, Duration::from_secs(60), "extract");
        assert!(!out.status.success(), "the run was interrupted");
        match old {
            Some(old) => assert_eq!(std::fs::read_to_string(&out_path).unwrap(), old),
            None => assert!(!out_path.exists(), "no partial output at the path"),
        }
        assert!(!partial(), "the temporary file is removed");
        assert!(text(&out.stderr).contains("interrupted"));
    }
}

// Row 14: control characters in a document.
#[test]
fn row_14_control_characters_never_reach_the_terminal_raw() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("esc.txt");
    let hostile = "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 1/KH-UBND\nLào Cai, ngày 05 tháng 3 năm 2025\n\
                   KẾ HOẠCH\nVề X \u{1b}]0;PWNED\u{7}\nI. NỘI DUNG\n1. Làm A.\n3. Làm \u{1b}[31mRED\u{1b}[0m B \u{9b}2J \u{202e}x.\n\
                   Số: \u{1b}[2Jbad\n";
    std::fs::write(&f, hostile).unwrap();
    let f = f.to_str().unwrap();
    for args in [
        vec!["lint", f],
        vec!["lint", f, "--diagnostics", "fancy"],
        vec!["parse", f, "--format", "outline", "-v"],
        vec![
            "parse",
            f,
            "--format",
            "outline",
            "--diagnostics",
            "fancy",
            "-v",
        ],
        vec!["extract", f, "--summary", "-v"],
        vec!["report", f],
        vec!["graph", f, "-v"],
        vec!["agency", "Sở", f],
        vec!["chain", "1/KH-UBND", f],
    ] {
        let out = vanban(&args);
        for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            let s = text(bytes);
            let raw = s.chars().find(|&c| vanban_text::is_hostile_control(c));
            assert!(raw.is_none(), "{args:?} {stream}: raw {raw:?} in {s}");
        }
    }
    // Machine formats keep the text: JSON escapes it, `--format text` is lossless.
    let out = vanban(&["parse", f, "--format", "text", "-q"]);
    assert_eq!(text(&out.stdout), hostile);
}

// Row 16: a path longer than PATH_MAX.
#[cfg(unix)]
#[test]
fn row_16_a_path_too_long_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    // Each folder is made from inside its parent (as a shell `cd` does), so the tree can grow
    // past PATH_MAX although every single call is short.
    let script = format!(
        "set -e; mkdir longp; cd longp; for i in $(seq 20); do mkdir {n}$i; cd {n}$i; done; \
         printf '%s' \"$1\" > seed.txt",
        n = "đ".repeat(120)
    );
    let made = Command::new("bash")
        .current_dir(dir.path())
        .args(["-c", &script, "bash", TINY])
        .status()
        .unwrap();
    assert!(made.success());
    for cmd in ["graph", "extract"] {
        let out = bin()
            .current_dir(dir.path())
            .args([cmd, "longp"])
            .output()
            .unwrap();
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(3), "{cmd}: {err}");
        assert!(err.contains(": error: cannot read"), "{cmd}: {err}");
        assert!(
            err.contains("longp/"),
            "{cmd}: the message names the path: {err}"
        );
    }
}
