//! Hostile and odd input, one test (or more) per row of the README's "Hostile input" table:
//! what broke vanban when it was attacked as a hostile user would, and what it does now.
//! Costs are checked without clocks where a count will do (bytes allocated, by a counting
//! allocator on the test's own thread); where time is the point (a quadratic), the ratio of two
//! sizes is measured in one run.

#![allow(clippy::unwrap_used)] // A failed unwrap is a failed test.

/// The repository root: the corpus, seeds and test data live there, not in this crate.
const REPO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_vanban"));
    c.current_dir(REPO);
    c
}

fn vanban(args: &[&str]) -> Output {
    bin().args(args).output().expect("the binary runs")
}

fn root() -> &'static Path {
    Path::new(REPO)
}

fn seed_text() -> String {
    std::fs::read_to_string(root().join("seeds/208-KH-UBND_2024_TuyenQuang.txt")).unwrap()
}

/// A plan's header, up to its title.
const HEAD: &str =
    "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 1/KH-UBND\nLào Cai, ngày 05 tháng 3 năm 2025\nKẾ HOẠCH\nVề X\n";

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

/// `vanban ARGS` (split by the shell) under an address-space limit of `kb` KB (`ulimit -v`),
/// with `env` set, killed and failed after `limit`.
fn under_memory_limit(kb: u64, args: &str, env: &[(&str, &str)], limit: Duration) -> Output {
    let child = Command::new("sh")
        .args(["-c", &format!("ulimit -v {kb} && exec \"$0\" {args}")])
        .arg(env!("CARGO_BIN_EXE_vanban"))
        .envs(env.iter().copied())
        .current_dir(root())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    finish(child, limit, &format!("ulimit -v {kb}: {args}"))
}

/// `vanban report DIR --format html -q`, which must succeed.
fn html_report(dir: &Path) -> Output {
    let out = vanban(&["report", dir.to_str().unwrap(), "--format", "html", "-q"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    out
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

/// Found at stop 45: only documents and records were guarded, so `-o` could replace the
/// agency or abbreviation table, the `--files-from` list or the report's baseline (exit 0).
#[test]
fn row_07_an_output_path_that_is_any_other_input_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).to_str().unwrap().to_owned();
    let (a, table, list, base) = (path("a.txt"), path("t.tsv"), path("list"), path("b.json"));
    std::fs::write(&a, TINY).unwrap();
    let before = [
        (table.clone(), "Sở Thử nghiệm\tSTN\n".to_owned()),
        (list.clone(), format!("{a}\n")),
    ];
    for (p, t) in &before {
        std::fs::write(p, t).unwrap();
    }
    let out = vanban(&["report", &a, "--format", "json", "-o", &base]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let baseline = std::fs::read_to_string(&base).unwrap();
    for args in [
        vec!["extract", &a, "--agencies", &table, "-o", &table],
        vec!["extract", &a, "--abbreviations", &table, "-o", &table],
        vec!["extract", "--files-from", &list, "-o", &list],
        vec!["graph", &a, "--agencies", &table, "-o", &table],
        vec!["report", &a, "--baseline", &base, "-o", &base],
    ] {
        let out = vanban(&args);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: {}",
            text(&out.stderr)
        );
        assert!(
            text(&out.stderr).contains("would overwrite the input"),
            "{args:?}"
        );
        for (p, t) in &before {
            assert_eq!(&std::fs::read_to_string(p).unwrap(), t, "{args:?}");
        }
        assert_eq!(
            std::fs::read_to_string(&base).unwrap(),
            baseline,
            "{args:?}"
        );
    }
}

/// Found at stop 45: past a file-size limit (`ulimit -f`) the system killed the run (SIGXFSZ:
/// exit 153, nothing said, the temporary `.part` file left beside the output). Now the write
/// fails, the output is named, the temporary file removed, exit 3.
#[cfg(unix)]
#[test]
fn a_file_size_limit_is_an_error_naming_the_output() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("graph.json");
    let bin = env!("CARGO_BIN_EXE_vanban");
    let script = format!(
        "ulimit -f 20; exec '{bin}' graph '{}' '{}' --format json -q -o '{}'",
        root().join("corpus").display(),
        root().join("seeds").display(),
        out.display()
    );
    let run = Command::new("sh").arg("-c").arg(&script).output().unwrap();
    let err = text(&run.stderr);
    assert_eq!(run.status.code(), Some(3), "{err}");
    assert!(
        err.contains("graph.json: error: cannot write the output"),
        "{err}"
    );
    assert!(!err.contains(".part"), "{err}");
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert!(left.is_empty(), "{left:?}");
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

// Found at stop 58: fancy diagnostics showed a finding's whole line. A finding past display
// column 65 535 made the renderer panic (70 000 letters, 33 000 wide characters or 17 000 tabs
// before it), and every finding on a long line printed all of it: N citations on one line gave
// output quadratic in N (2 000 citations, 81 KB: 225 MB). Now a window of the line around each.
#[test]
fn fancy_diagnostics_show_a_window_of_a_long_line() {
    let dir = tempfile::tempdir().unwrap();
    for (name, before) in [
        ("letters", "x".repeat(70_000)),
        ("wide", "中".repeat(33_000)),
        ("tabs", "\t".repeat(17_000)),
    ] {
        let f = dir.path().join(format!("{name}.txt"));
        // (The issuer named is not the symbol's: a warning of extract's and lint's.)
        let cited =
            format!("{HEAD}Căn cứ {before} Quyết định số 17/QĐ-TTg ngày 01/01/2025 của Bộ Y tế;\n");
        std::fs::write(&f, cited).unwrap();
        let f = f.to_str().unwrap();
        for args in [vec!["lint", f], vec!["extract", f, "-o", "/dev/null"]] {
            let cmd = args[0];
            let out = vanban(&[args.as_slice(), &["--diagnostics", "fancy"]].concat());
            let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
            assert_eq!(out.status.code(), Some(0), "{cmd} {name}: {stderr}");
            assert!(!stderr.contains("panicked"), "{cmd} {name}: {stderr}");
            // (The finding is shown, with its own line and column, in a short snippet.)
            let shown = format!("{stdout}{stderr}");
            assert!(shown.contains(":7:"), "{cmd} {name}: {shown}");
            assert!(shown.len() < 8_000, "{cmd} {name}: {} bytes", shown.len());
        }
    }
    // A span that goes on into the next, long, line shows that line's start too.
    let f = dir.path().join("crossing.txt");
    let crossing = format!(
        "{HEAD}Căn cứ {} Chương trình hành\nđộng số 104-CTr/TU của Ủy ban nhân dân tỉnh {};\n",
        "x".repeat(3_000),
        "y".repeat(3_000)
    );
    std::fs::write(&f, crossing).unwrap();
    let out = vanban(&["lint", f.to_str().unwrap(), "--diagnostics", "fancy"]);
    let shown = format!("{}{}", text(&out.stdout), text(&out.stderr));
    assert!(shown.contains("động số 104-CTr/TU"), "{shown}");
    assert!(shown.len() < 8_000, "{} bytes", shown.len());
    // The output grows with the findings, not with the findings times the line.
    let size = |n: usize| {
        let cited: Vec<String> = (1..=n)
            .map(|k| format!("Nghị định số {k}/2020/NĐ-CP"))
            .collect();
        let f = dir.path().join(format!("cited-{n}.txt"));
        std::fs::write(&f, format!("{HEAD}Căn cứ {};\n", cited.join(" và "))).unwrap();
        let out = vanban(&["lint", f.to_str().unwrap(), "--diagnostics", "fancy"]);
        assert!(!text(&out.stderr).contains("panicked"));
        out.stdout.len() + out.stderr.len()
    };
    let (one, four) = (size(250), size(1_000));
    assert!(four < 6 * one, "250 citations: {one} bytes, 1 000: {four}");
}

// Row 14: control characters in a document.
#[test]
fn row_14_control_characters_never_reach_the_terminal_raw() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("esc.txt");
    let hostile = "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 1/KH-UBND\nLào Cai, ngày 05 tháng 3 năm 2025\n\
                   KẾ HOẠCH\nVề X \u{1b}]0;PWNED\u{7}\nI. NỘI DUNG\n1. Sở Tài chính chủ trì làm \u{200f}A\u{61c}.\n\
                   3. Làm \u{1b}[31mRED\u{1b}[0m B \u{9b}2J \u{202e}x \u{200e}\u{fff9}y\u{fffb}.\n\
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
        vec!["tasks", f],
    ] {
        let out = vanban(&args);
        for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            let s = text(bytes);
            // (The directional marks and annotation controls named too: the test does not
            // rest only on the list it checks.)
            let marks = ['\u{200e}', '\u{200f}', '\u{61c}', '\u{fff9}', '\u{fffb}'];
            let raw = s
                .chars()
                .find(|&c| vanban_text::is_hostile_control(c) || marks.contains(&c));
            assert!(raw.is_none(), "{args:?} {stream}: raw {raw:?} in {s}");
        }
    }
    // Machine formats keep the text: JSON escapes it, `--format text` is lossless.
    let out = vanban(&["parse", f, "--format", "text", "-q"]);
    assert_eq!(text(&out.stdout), hostile);
    // GraphML writes DEL and the C1 controls as character references (found at stop 56: an
    // issuer's raw DEL and U+009B reached the file).
    let g = dir.path().join("del.txt");
    std::fs::write(
        &g,
        seed_text().replacen("TỈNH TUYÊN QUANG", "TỈNH TUYÊN QUANG\u{7f}\u{9b}31m", 1),
    )
    .unwrap();
    let out = vanban(&["graph", g.to_str().unwrap(), "--format", "graphml", "-q"]);
    let xml = text(&out.stdout);
    assert!(xml.contains("&#x7f;&#x9b;31m"), "{xml}");
    let raw = xml.chars().find(|c| ('\u{7f}'..='\u{9f}').contains(c));
    assert!(raw.is_none(), "raw {raw:?} in GraphML");
}

// Row 14, in names: a file whose name holds a line feed, an escape or a carriage return.
// Every line of the human-readable outputs that speaks of the file starts with its name, the
// line feed escaped, so no line a tool reads as "file:line:column: …" can be forged by a name
// (found at stop 43: the line feed was printed raw).
#[cfg(unix)]
#[test]
fn row_14_a_file_name_cannot_break_a_message_line() {
    let dir = tempfile::tempdir().unwrap();
    let name = "x.txt:1:1: error[forged]: not from vanban\nreal\r\u{1b}[2J.txt";
    std::fs::write(dir.path().join(name), seed_text()).unwrap();
    std::fs::write(dir.path().join("nul.txt"), "a\0b").unwrap();
    let d = dir.path().to_str().unwrap();
    for args in [
        vec!["lint", d],
        vec!["extract", d, "--summary"],
        vec!["graph", d, "-v"],
        vec!["report", d],
    ] {
        let out = vanban(&args);
        for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            let s = text(bytes);
            for line in s.lines() {
                assert!(
                    !line.starts_with("real") && !line.contains('\r'),
                    "{args:?} {stream}: a line begun by the name: {line:?}"
                );
            }
            let raw = s.chars().find(|&c| vanban_text::is_hostile_control(c));
            assert!(raw.is_none(), "{args:?} {stream}: raw {raw:?} in {s}");
        }
    }
}

// An endless input named on the command line or in a `--files-from` list (`/dev/zero`): read
// up to the parse's limit and refused, not read until the memory runs out (found at stop 43:
// a list holding /dev/zero was read until the system killed the process at 24 GB).
#[cfg(unix)]
#[test]
fn an_endless_input_is_read_to_the_limit_not_without_end() {
    // (Under a 4 GB address-space limit: were a read without end again, it would fail with
    // "out of memory" in a second instead of filling the machine's memory.)
    let run = |args: &str| under_memory_limit(4_000_000, args, &[], Duration::from_secs(120));
    let seed = "seeds/208-KH-UBND_2024_TuyenQuang.txt";
    for (args, says) in [
        (
            "parse /dev/zero -q".to_owned(),
            "/dev/zero: error: not a text document",
        ),
        // A file list and an agency table are small: the same source is refused at 256 MiB
        // (the list was read whole and its one "path" of NUL bytes took 4 GB; the table was
        // taken as a GiB of empty agencies).
        (
            "extract --files-from /dev/zero".to_owned(),
            "/dev/zero: error: longer than 256 MiB",
        ),
        (
            format!("extract {seed} --agencies /dev/zero"),
            "/dev/zero: error: longer than 256 MiB",
        ),
        // Extraction records are read a line at a time, each at most 1 GiB and without NUL
        // (found at stop 44: the one endless line was read until an allocation of 8 GB failed
        // and the process aborted, signal 6).
        (
            "graph --from-jsonl /dev/zero".to_owned(),
            "/dev/zero:1: error: a NUL byte (at byte 1)",
        ),
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(3), "{args}: {}", text(&out.stderr));
        assert!(
            text(&out.stderr).contains(says),
            "{args}: {}",
            text(&out.stderr)
        );
    }
}

// Threads (found at stop 44): a pool that cannot start gave rayon's panic ("The global
// thread pool has not been initialized", exit 101); RAYON_NUM_THREADS=100000 did not finish
// a one-document graph in a minute. Now at most 256 threads, one when that many cannot
// start, and a named error when none can.
#[cfg(unix)]
#[test]
fn threads_are_bounded_and_a_pool_that_cannot_start_is_an_error() {
    let seed = "seeds/208-KH-UBND_2024_TuyenQuang.txt";
    let plain = vanban(&["graph", seed, "--format", "json", "-q"]);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("g.json");
    let many = bin()
        .args(["graph", seed, "--format", "json", "-q", "-o"])
        .arg(&out)
        .env("RAYON_NUM_THREADS", "100000")
        .spawn()
        .unwrap();
    let many = finish(many, Duration::from_secs(30), "RAYON_NUM_THREADS=100000");
    assert!(many.status.success());
    assert!(std::fs::read(&out).unwrap() == plain.stdout);
    // Under 30 MB of address space no thread can start.
    let out = under_memory_limit(
        30_000,
        "graph seeds -q -o /dev/null",
        &[("RAYON_NUM_THREADS", "64")],
        Duration::from_secs(30),
    );
    let err = text(&out.stderr);
    // What the limit itself does is no fault of the pool's, and the machine decides which of
    // it shows: the threads a failed pool started may still hold their stacks when the one
    // thread left begins its work, so an allocation fails and the process aborts as Rust does
    // on one that fails (with its message, or killed before it is written); the standard
    // library's own thread start may report, as a panic of its own in the new thread, that it
    // could not allocate the thread's signal stack. Seen in CI rehearsals at stops 51 and 52,
    // and in the CI run of stop 57 (exit 3, the named error, after such a panic and message);
    // on a loaded machine here about one run in twenty aborts. What must never show is a
    // panic of vanban's or of the pool's (rayon's "The global thread pool has not been
    // initialized", exit 101, before stop 44).
    let panics = err.matches("panicked at").count();
    let std_stack = err
        .matches("failed to allocate an alternative stack")
        .count();
    assert!(
        panics == std_stack,
        "a panic not of the limit's doing: {err}"
    );
    match out.status.code() {
        Some(0) => {}
        Some(3) => assert!(err.contains("error: cannot start a thread"), "{err}"),
        None => {
            use std::os::unix::process::ExitStatusExt;
            assert_eq!(out.status.signal(), Some(6), "killed, not aborted: {err}");
        }
        other => panic!("exit {other:?}: {err}"),
    }
}

// A table or a list that is binary or not UTF-8 is refused, naming its line.
#[test]
fn a_binary_table_or_list_is_refused_naming_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let nul = dir.path().join("nul.tsv");
    std::fs::write(&nul, "Sở A\tA\nSở B\0\tB\n").unwrap();
    let latin = dir.path().join("latin.txt");
    std::fs::write(&latin, b"a.txt\nb\0.txt\n").unwrap();
    let nul = nul.to_str().unwrap();
    let latin = latin.to_str().unwrap();
    let seed = "seeds/208-KH-UBND_2024_TuyenQuang.txt";
    for (args, says) in [
        (
            vec!["extract", seed, "--agencies", nul],
            format!("{nul}:2: error: binary data"),
        ),
        (
            vec!["extract", "--files-from", latin],
            format!("{latin}:2: error: binary data"),
        ),
        (
            vec!["extract", seed, "--abbreviations", latin],
            format!("{latin}:2: error: binary data"),
        ),
    ] {
        let out = vanban(&args);
        assert_eq!(
            out.status.code(),
            Some(3),
            "{args:?}: {}",
            text(&out.stderr)
        );
        assert!(
            text(&out.stderr).contains(&says),
            "{args:?}: {}",
            text(&out.stderr)
        );
    }
}

/// Found at stop 45: a `--files-from` list's lines were trimmed (" a.txt" read "a.txt", another
/// document, exit 0), a list with one name that is not UTF-8 (as `find` prints it) was refused
/// whole, and a byte-order mark became part of the first path. Each line is now the path as
/// written, its carriage return and the list's mark aside.
#[cfg(unix)]
#[test]
fn a_file_list_names_each_file_as_written() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let seed = seed_text();
    std::fs::write(dir.path().join(" a.txt"), &seed).unwrap();
    std::fs::write(dir.path().join("a.txt"), TINY).unwrap();
    let odd = std::ffi::OsStr::from_bytes(b"b\xe9.txt");
    std::fs::write(dir.path().join(odd), TINY.replace("1/KH", "2/KH")).unwrap();
    let mut list = b"\xEF\xBB\xBF".to_vec();
    list.extend_from_slice(dir.path().join(" a.txt").as_os_str().as_bytes());
    list.extend_from_slice(b"\r\n# a comment\n");
    list.extend_from_slice(dir.path().join(odd).as_os_str().as_bytes());
    list.push(b'\n');
    let path = dir.path().join("list");
    std::fs::write(&path, list).unwrap();
    let out = vanban(&[
        "extract",
        "--files-from",
        path.to_str().unwrap(),
        "--jsonl",
        "-q",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let ids: Vec<String> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].to_string())
        .collect();
    assert_eq!(ids.len(), 2, "{ids:?}");
    assert!(
        ids[0].contains("208-kh-ubnd"),
        "the file named with a space: {ids:?}"
    );
    assert!(
        ids[1].contains("2-kh-ubnd"),
        "the file named in Latin-1: {ids:?}"
    );
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

/// A plan numbered `n` whose title implements the plans `of`.
fn plan(n: usize, of: &[usize]) -> String {
    let title = if of.is_empty() {
        "Về gốc".to_owned()
    } else {
        let cited: Vec<String> = of
            .iter()
            .map(|k| format!("Kế hoạch số {k}/KH-UBND ngày 05/3/2025 của UBND tỉnh"))
            .collect();
        format!("Thực hiện {}", cited.join(" và "))
    };
    format!(
        "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: {n}/KH-UBND\nLào Cai, ngày 05 tháng 3 năm 2025\nKẾ HOẠCH\n{title}\nI. NỘI DUNG\n1. Làm.\n"
    )
}

/// The graph of `n` plans, plan k implementing plan `parent(k)` when there is one.
fn plans(n: usize, parent: impl Fn(usize) -> Option<usize>) -> vanban::Graph {
    let docs: Vec<(String, String)> = (1..=n)
        .map(|k| {
            let of: Vec<usize> = parent(k).into_iter().collect();
            (format!("p{k}.txt"), plan(k, &of))
        })
        .collect();
    graph_of(&docs)
}

fn graph_of(docs: &[(String, String)]) -> vanban::Graph {
    let mut b = vanban::GraphBuilder::new();
    for (name, text) in docs {
        b.add(name.clone(), vanban::extract(&vanban::parse(text)));
    }
    b.build()
}

/// The CPU time of this thread for one run of `f` (not wall time: other processes on a
/// shared machine do not count).
fn cpu_time(f: &mut impl FnMut()) -> Duration {
    let t = cpu_time::ThreadTime::now();
    f();
    t.elapsed()
}

/// Fails on a quadratic: the CPU time for 4× the input stays under 6× the time for 1×. Both are
/// measured in this run, interleaved, and the fastest of each is compared. Other tests run in
/// parallel threads and share the caches, which can stretch one round: up to four rounds of
/// five runs are measured until the ratio is under 6× (a quadratic gives about 16× every time,
/// so more rounds cannot hide one).
fn assert_linear(what: &str, make: impl Fn(usize) -> String, n: usize) {
    let run = |t: &str| {
        let p = vanban::parse(t);
        let x = vanban::extract(&p);
        std::hint::black_box((p.document.body.len(), x.citations.len()));
    };
    assert_linear_in(what, make, n, run);
}

/// [`assert_linear`] for any work on the text (parse and an output format, for example).
fn assert_linear_in(what: &str, make: impl Fn(usize) -> String, n: usize, run: impl Fn(&str)) {
    let small = make(n);
    let large = make(4 * n);
    let size = format!("{} bytes", small.len());
    assert_fourfold_under_six(what, &size, || run(&small), || run(&large));
}

/// The CPU time of `four` (the work on 4× the input) stays under 6× that of `one`, measured
/// as [`assert_linear`] says.
fn assert_fourfold_under_six(what: &str, size: &str, one: impl Fn(), four: impl Fn()) {
    let (mut t1, mut t4) = (Duration::MAX, Duration::MAX);
    for _round in 0..4 {
        for _ in 0..5 {
            t1 = t1.min(cpu_time(&mut || one()));
            t4 = t4.min(cpu_time(&mut || four()));
        }
        if t4 < t1 * 6 {
            break;
        }
    }
    eprintln!(
        "{what}: 4× the input took {:.2}× the time",
        t4.as_secs_f64() / t1.as_secs_f64()
    );
    assert!(
        t4 < t1 * 6,
        "{what}: {size} took {t1:?}, 4× took {t4:?} (more than 6×: not linear)"
    );
}

// Row 1: a straight quote before a Vietnamese letter; and every mix of quotes and heads.
#[test]
fn row_01_quotes_around_a_vietnamese_letter_never_panic() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("dean.txt");
    std::fs::write(
        &f,
        format!(
            "{TINY}2. Triển khai Đề án \"Xây dựng xã hội học tập\" và Đề án \"ế\".\n3. Đề án “ế\n"
        ),
    )
    .unwrap();
    let f = f.to_str().unwrap();
    for args in [
        vec!["extract", f],
        vec!["lint", f],
        vec!["report", f],
        vec!["graph", f],
        vec!["chain", "1/KH-UBND", f],
        vec!["parse", f, "--format", "akn"],
    ] {
        let out = vanban(&args);
        let err = text(&out.stderr);
        assert!(!err.contains("panic"), "{args:?}: {err}");
        assert!(out.status.code().is_some_and(|c| c <= 1), "{args:?}: {err}");
    }
    let x = vanban::extract(&vanban::parse(&format!(
        "{TINY}Đề án \"Xây dựng xã hội học tập\"\n"
    )));
    let names: Vec<&str> = x
        .citations
        .iter()
        .filter_map(|c| c.name.as_deref())
        .collect();
    assert_eq!(names, ["Đề án \"Xây dựng xã hội học tập\""]);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
    #[test]
    fn row_01_any_mix_of_heads_quotes_and_letters_is_safe(
        parts in proptest::collection::vec(proptest::sample::select(vec![
            "Đề án ", "Luật ", "Bộ luật ", "Hiến pháp ", "Quy hoạch ", "\"", "“", "”", "ế", "Ư",
            "Xây dựng ", "06", " số ", "*", "\n", "Điều 2", " ngày 05/3/2025", "ủy", "Căn cứ ",
        ]), 0..40)
    ) {
        let t = format!("{TINY}{}", parts.concat());
        let p = vanban::parse(&t);
        let x = vanban::extract(&p);
        let _ = vanban::lint::lint(&p, &x);
        let _ = vanban::output::document::akn(&p, &x);
        for c in &x.citations {
            proptest::prop_assert!(p.source.get(c.span.start..c.span.end).is_some());
        }
    }
}

// Row 13, first half: "Luật " repeated gave one named citation starting at every head, each
// overlapping the next (1 MB: 150 000 citations). Names do not overlap, and a name is bounded.
#[test]
fn row_13_repeated_law_heads_give_citations_that_do_not_overlap() {
    let heads = 5_000;
    let x = vanban::extract(&vanban::parse(&format!("{TINY}{}", "Luật ".repeat(heads))));
    assert!(!x.citations.is_empty());
    for w in x.citations.windows(2) {
        assert!(
            w[0].span.end <= w[1].span.start,
            "{} / {}",
            w[0].raw,
            w[1].raw
        );
    }
    assert!(x.citations.len() * 10 < heads, "{}", x.citations.len());
}

// Row 2: many nodes, each with a unit reference.
#[test]
fn row_02_unit_references_resolve_in_linear_time() {
    let make = |n: usize| {
        format!(
            "{HEAD}Điều 1. Nội dung:\n{}Điều 2. Khác\n",
            "xem Điều 2 tiếp.\n".repeat(n)
        )
    };
    assert_linear("Điều references", make, 4000);
    let make = |n: usize| {
        format!(
            "{HEAD}Mục 1. A\n{}",
            "Tiểu mục 1 x\nxem khoản 1 Điều 3.\n".repeat(n)
        )
    };
    assert_linear("Tiểu mục lines", make, 2000);
    // And they still resolve.
    let x = vanban::extract(&vanban::parse(&make(3)));
    assert!(!x.references.is_empty());
}

// Row 2's kind, for citations: short forms ("Nghị quyết 57") are resolved against the full
// citations of the document by lookup, not by comparing each with every full citation.
#[test]
fn row_02_short_forms_resolve_in_linear_time() {
    let make = |n: usize| {
        let mut t = String::from(TINY);
        for k in 1..=n {
            t.push_str(&format!(
                "Căn cứ Nghị quyết số {k}/NQ-CP ngày 01/02/2024;\n"
            ));
        }
        t.push_str(&format!("Thực hiện Nghị quyết {n};\n").repeat(n));
        t
    };
    assert_linear("short forms after many full citations", make, 1500);
    // And they still resolve, to the full citation of their number.
    let x = vanban::extract(&vanban::parse(&make(3)));
    let short = x.citations.last().expect("a citation");
    assert_eq!(short.target_id, x.citations[2].target_id);
    assert!(short.target_id.is_some());
}

// Row 3: an opening quote never closed.
#[test]
fn row_03_an_unclosed_quote_costs_a_window_not_the_rest_of_the_text() {
    let make = |n: usize| format!("{TINY}{}", "Đề án “".repeat(n));
    assert_linear("Đề án “ repeated", make, 5000);
    let make = |n: usize| format!("{TINY}{}", "Đề án “Xây dựng ".repeat(n));
    assert_linear("Đề án “Xây dựng repeated", make, 3000);
}

// Row 2's kind, found by a later attack: a title that runs on into a line listing thousands of
// laws (each of its citations folded the whole title again), and the same list in Akoma Ntoso
// (each citation's text was searched for again in the paragraph, every find checked against
// every mark: cubic).
#[test]
fn row_02_long_lists_of_citations_are_linear_in_extraction_and_akn() {
    let make = |n: usize| format!("{HEAD}{}\n", "Luật Đất đai, ".repeat(n));
    assert_linear("a title running into 'Luật Đất đai, ' repeated", make, 1000);
    let make = |n: usize| format!("{TINY}Căn cứ {}\n", "Nghị định số 1/2020/NĐ-CP, ".repeat(n));
    let akn = |t: &str| {
        let p = vanban::parse(t);
        let xml = vanban::output::DocumentFormat::Akn
            .render(&p)
            .expect("rendered");
        std::hint::black_box(xml.len());
    };
    assert_linear_in(
        "AKN of 'Nghị định số 1/2020/NĐ-CP, ' repeated",
        make,
        500,
        akn,
    );
    // And every citation is marked.
    let xml = vanban::output::DocumentFormat::Akn
        .render(&vanban::parse(&make(300)))
        .expect("rendered");
    assert_eq!(xml.matches("<ref href=").count(), 300);
}

// Row 2's kind, found at stop 39 in a shortcut before it landed: a task text of recurrence
// phrases glued to a letter ("xhằng năm"), none on a word boundary. The bounded pattern is
// read in a window after each unbounded match; a window that began at the text's start made
// the backtracker clear memory for all the text before it at every match (1 MB: 25 s).
#[test]
fn row_02_recurrence_phrases_glued_to_letters_are_linear() {
    let make = |n: usize| format!("{TINY}1. Sở Tài chính chủ trì {}\n", "xhằng năm ".repeat(n));
    assert_linear("'xhằng năm ' repeated in a task", make, 3000);
}

// A task line of "chủ trì, phối hợp với" repeated: the clause and the sentence of each
// "phối hợp" were found by searching back to the start of the text each time (found at stop
// 43 by new shapes of the sweep: 127 KB took 0.27 s, 509 KB 4.2 s).
#[test]
fn row_02_cooperation_phrases_repeated_on_one_line_are_linear() {
    let make = |n: usize| {
        format!(
            "{TINY}1. Sở Tài chính {}\n",
            "chủ trì, phối hợp với ".repeat(n)
        )
    };
    assert_linear("'chủ trì, phối hợp với' repeated in a task", make, 1500);
    // The same cues with their marks lost (stop 51): read again with the marks set aside where
    // no exact cue is written, from one scan of the text.
    let make = |n: usize| {
        format!(
            "{TINY}1. Sở Tài chính {}\n",
            "chu tri, phoi hop voi các cơ quan liên quan thưc hiện ".repeat(n)
        )
    };
    assert_linear("'chu tri, phoi hop voi' repeated in a task", make, 1500);
}

// A user's registry (`--agencies`) of thousands of names under one first word — the country's
// communes, "Ủy ban nhân dân xã …", or centres "… tỉnh" — was read a name at a time at each
// mention: time grew with the mentions times the registry (8 000 tasks and 16 000 communes:
// 2.95 s; "… tỉnh" names 3.75 s). Found at stop 44; a large bucket is now looked up a
// prefix of the text at a time (0.16 and 0.13 s).
#[test]
fn row_02_a_large_user_registry_is_looked_up_not_read_name_by_name() {
    let names = |n: usize| {
        let mut tsv = String::new();
        for k in 0..n {
            tsv.push_str(&format!(
                "Ủy ban nhân dân xã Tân Hòa {k}\tUBND xã Tân Hòa {k}\nTrung tâm An Bình {k} tỉnh\n\
                 Các cấp ủy Phú Mỹ {k}\n"
            ));
        }
        let mut options = vanban::ExtractOptions::default();
        options.registry.extend_agencies(&tsv);
        options
    };
    let text = |n: usize| {
        let mut t = format!("{HEAD}I. NHIỆM VỤ\n");
        for k in 0..n {
            t.push_str(&format!(
                "{}. Ủy ban nhân dân xã Tân Hòa {k} chủ trì, phối hợp với Trung tâm An Bình {k} \
                 Lào Cai và Các cấp uỷ Phú Mỹ {k} thực hiện.\n",
                k + 1
            ));
        }
        vanban::parse(&t)
    };
    let (small, large) = ((names(300), text(300)), (names(1200), text(1200)));
    let run = |(options, parsed): &(vanban::ExtractOptions, vanban::Parsed)| {
        three_hundred_tasks_at_least(parsed, options);
    };
    assert_fourfold_under_six(
        "a registry of 4× the names, and 4× the tasks naming them",
        "300 tasks, 900 names",
        || run(&small),
        || run(&large),
    );
}

/// Extract with `options`, and check that the tasks were read (300 or more).
fn three_hundred_tasks_at_least(parsed: &vanban::Parsed, options: &vanban::ExtractOptions) {
    let x = vanban::extract_with(parsed, options);
    assert!(x.assignments.len() >= 300, "{}", x.assignments.len());
    std::hint::black_box(x.assignments.len());
}

// The same with a user's abbreviations (`--abbreviations`): each that names a body is a head
// of agency names, and each was checked against every head before it as it was added
// (quadratic: 64 000 abbreviations 5.45 s), and every head read at each name. Found at stop
// 44 (64 000: 0.12 s now).
#[test]
fn row_02_a_large_abbreviation_table_loads_and_reads_in_linear_time() {
    let tsv = |n: usize| {
        (0..n)
            .map(|k| format!("UBX{k}\tỦy ban nhân dân xã Số {k}\n"))
            .collect::<String>()
    };
    let text = |n: usize| {
        let mut t = format!("{HEAD}I. NHIỆM VỤ\n");
        for k in 0..n / 10 {
            t.push_str(&format!(
                "{}. UBX{k} chủ trì, phối hợp với UBX{} thực hiện.\n",
                k + 1,
                k + 1
            ));
        }
        vanban::parse(&t)
    };
    let (small, large) = ((tsv(3000), text(3000)), (tsv(12000), text(12000)));
    let run = |(tsv, parsed): &(String, vanban::Parsed)| {
        let mut options = vanban::ExtractOptions::default();
        options.registry.extend_abbreviations(tsv);
        three_hundred_tasks_at_least(parsed, &options);
    };
    assert_fourfold_under_six(
        "4× the abbreviations, and 4× the tasks naming them",
        "3 000 abbreviations, 300 tasks",
        || run(&small),
        || run(&large),
    );
}

// The same attack on the readers of tables and of misread markers: many header lines, long
// tables laid out by position, many "8)" or "HI-" lines.
#[test]
fn row_02_table_readers_and_marker_repairs_are_linear() {
    let make = |n: usize| {
        format!(
            "{TINY}{}",
            "TT      Nội dung      Cơ quan chủ trì\n".repeat(n)
        )
    };
    assert_linear("layout table headers repeated", make, 1500);
    let make = |n: usize| {
        let mut t = format!("{TINY}PHỤ LỤC\nTT      Nội dung      Cơ quan chủ trì    Thời hạn\n");
        for k in 1..=n {
            t.push_str(&format!(
                "     Rà soát hồ sơ\n {k:<4}và báo cáo        Sở Tài chính       2026\n"
            ));
        }
        t
    };
    assert_linear("a layout table of many rows", make, 1500);
    let make = |n: usize| format!("{TINY}{}", "8) Việc một.\n".repeat(n));
    assert_linear("8) repeated", make, 3000);
    let make = |n: usize| format!("{TINY}{}", "II. MỤC MỘT HAI\nHI- MỤC BA BỐN\n".repeat(n));
    assert_linear("Roman sections and misread ones", make, 3000);
    let make = |n: usize| {
        format!(
            "{TINY}{}",
            "TT\nTên nhiệm vụ\nChủ trì\n\n1\nViệc\n".repeat(n)
        )
    };
    assert_linear("one-cell-a-line table heads repeated", make, 3000);
    // A long run of blank lines inside tables: the readers ask at every blank line whether a
    // page break starts there (stop 49's first reading looked to the run's end each time:
    // 80 000 blank lines after a row took 9 s).
    let make = |n: usize| {
        let row = |k: usize| format!("{k}\nRà soát\nSở A\nSở B\n");
        format!(
            "{TINY}TT\nNội dung\nChủ trì\nPhối hợp\n\n{}{}{}\n|\nTT\n|\nNội dung\n|\n|\n{}",
            row(1),
            "\n".repeat(n),
            row(2),
            "\n".repeat(n)
        )
    };
    assert_linear("blank lines after a table's row", make, 20_000);
    // A recipient wrapped over thousands of lines: each joined line was looked at with the
    // whole item for a flattened list's "; - ".
    let make = |n: usize| {
        format!(
            "{TINY}Nơi nhận:\n- Bộ A\n{}",
            "bộ phận tiếp nhận hồ sơ của các đơn vị\n".repeat(n)
        )
    };
    assert_linear("a recipient wrapped over many lines", make, 5_000);
    // Cue words OCR misread (stop 50): a table's row, a citation's gap and issuer, a
    // paragraph's opening are read again with their marks set aside where no cue is written,
    // each in a window of its own.
    let make = |n: usize| {
        format!(
            "{TINY}| TT | Việc | Cơ quan |\n|---|---|---|\n{}",
            "| 1 | chu trìx thưc hiênx | Sở A sửa đôix |\n".repeat(n)
        )
    };
    assert_linear("table rows read again with marks aside", make, 3_000);
    let make = |n: usize| {
        format!(
            "{TINY}{}",
            "Căn cú Nghị định số 1/2020/NĐ-CP của Chính phủ sửa đôix được sửa đôi thưc hiên \
             Chỉ thị số 2-CT/TW;\n"
                .repeat(n)
        )
    };
    assert_linear("citations after cue words misread", make, 1_500);
}

#[test]
fn row_02_recipients_as_above_and_sentence_openings_are_linear() {
    // Stop 53: "Như trên" lines standing for many addressees (each line checked every
    // recipient given so far: cubic); dates and subjects before citations; sentences
    // cut by blank lines.
    let make = |n: usize| {
        format!(
            "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 100/UBND-KT\nV/v thử\n\nKính gửi:\n{}\n\
             Giao các sở.\n\nNơi nhận:\n{}- Lưu: VT.\n",
            (0..n)
                .map(|i| format!("- Sở số {i};\n"))
                .collect::<String>(),
            "- Như trên;\n".repeat(n)
        )
    };
    assert_linear("as-above recipients over many addressees", make, 500);
    let make = |n: usize| {
        format!(
            "{TINY}{}",
            "Ngày 18/12/2025, Cục Địa chất có Văn bản số 3633/ĐCKS-PCKS; Văn bản số 1/ĐCKS và\n\n\
             các văn bản khác của\n"
                .repeat(n)
        )
    };
    assert_linear(
        "dates before citations, sentences over blank lines",
        make,
        1_500,
    );
}

// Row 4's kind, for the pictures: the report draws one picture a chain, and each looked at the
// whole graph (every node, every edge sorted): a corpus of plans that all implement one took
// two minutes at 16 000 documents. A picture of a long chain ordered its rows by scanning
// every edge for every document.
#[test]
fn row_04_pictures_of_chains_are_linear_in_the_corpus() {
    let star = |n: usize| plans(n, |k| (k > 1).then_some(1));
    let (one, four) = (star(150), star(600));
    let report = vanban::lint::report::Report::new(Vec::new());
    let html = |g: &vanban::Graph| {
        let page = vanban::output::ReportFormat::Html
            .render(&report, Some(g))
            .expect("rendered");
        std::hint::black_box(page.len());
    };
    assert_fourfold_under_six(
        "the report's chains of a star",
        "150 plans",
        || html(&one),
        || html(&four),
    );
    let chain = |n: usize| plans(n, |k| (k > 1).then(|| k - 1));
    let (one, four) = (chain(200), chain(800));
    let svg = |g: &vanban::Graph| {
        std::hint::black_box(vanban::output::graph::svg(g, None).len());
    };
    assert_fourfold_under_six(
        "the picture of a chain",
        "200 plans",
        || svg(&one),
        || svg(&four),
    );
    // And the pictures are there: one per chain that starts at a bottom document.
    let page = vanban::output::ReportFormat::Html
        .render(&report, Some(&star(5)))
        .expect("rendered");
    assert_eq!(page.matches("<svg").count(), 4);
}

// Rows 4 and 9: a ladder of plans (2^L paths) and a chain 5 000 documents long.
#[test]
fn row_04_a_chain_is_the_dag_each_document_once() {
    let layers = 24;
    let mut docs = Vec::new();
    for l in 0..layers {
        for k in [1, 2] {
            let of: Vec<usize> = if l == 0 {
                Vec::new()
            } else {
                vec![(l - 1) * 10 + 1, (l - 1) * 10 + 2]
            };
            docs.push((format!("l{l}_{k}.txt"), plan(l * 10 + k, &of)));
        }
    }
    let g = graph_of(&docs);
    let id = g
        .resolve(&format!("{}/KH-UBND", (layers - 1) * 10 + 1))
        .unwrap();
    let chain = g.chain(&id, vanban::graph::IMPLEMENTATION).unwrap();
    // Every document above once expanded; every edge once: 2 per plan above layer 0.
    // The root relates to two plans; each plan of layers 1 … L-2 to two more; layer 0 to none.
    assert_eq!(chain.links.len(), 2 + 4 * (layers - 2), "linear, not 2^L");
    assert_eq!(
        chain.links.iter().filter(|l| !l.seen).count(),
        2 * (layers - 1)
    );
    assert!(chain.links.iter().any(|l| l.seen));
    assert_eq!(chain.ids().len(), 2 * (layers - 1) + 1);
    // Through the tool: text and JSON stay small.
    let dir = tempfile::tempdir().unwrap();
    for (name, t) in &docs {
        std::fs::write(dir.path().join(name), t).unwrap();
    }
    let d = dir.path().to_str().unwrap();
    let out = vanban(&["chain", "231/KH-UBND", d, "-q"]);
    assert!(out.status.success());
    assert!(out.stdout.len() < 20_000, "{} bytes", out.stdout.len());
    assert!(text(&out.stdout).contains("↑ see "));
    let out = vanban(&["report", d, "--format", "html"]);
    assert!(out.stdout.len() < 1_000_000, "{} bytes", out.stdout.len());
}

/// The HTML report of a well-linked corpus (each plan implements two earlier ones, picked by
/// a fixed generator) grows with the corpus, not with its chains' overlaps: the fourth hostile
/// round's 10 000 such plans gave 886 MB (each chain drew every document above it again).
#[test]
fn the_html_report_of_a_well_linked_corpus_grows_in_proportion() {
    let size = |n: usize| {
        let dir = tempfile::tempdir().unwrap();
        let mut seed = 7u64;
        for k in 1..=n {
            let mut of = Vec::new();
            for _ in 0..2 {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                if k > 1 {
                    of.push(1 + (seed >> 33) as usize % (k - 1));
                }
            }
            of.sort_unstable();
            of.dedup();
            std::fs::write(dir.path().join(format!("p{k:05}.txt")), plan(k, &of)).unwrap();
        }
        let out = html_report(dir.path());
        out.stdout.len()
    };
    let (one, four) = (size(250), size(1000));
    assert!(four < 6 * one, "{one} → {four} bytes");
}

#[test]
fn row_09_a_chain_5000_long_is_walked_to_the_end() {
    let n = 5000;
    let g = plans(n, |k| (k > 1).then(|| k - 1));
    let top = g.resolve(&format!("{n}/KH-UBND")).unwrap();
    let chain = g.chain(&top, vanban::graph::IMPLEMENTATION).unwrap();
    assert_eq!(chain.links.len(), n - 1, "no depth limit");
    assert_eq!(
        chain.links.last().unwrap().node.number.as_deref(),
        Some("1/KH-UBND")
    );
    let root = g.resolve("1/KH-UBND").unwrap();
    let down = g.implementers(&root, vanban::graph::IMPLEMENTATION);
    assert_eq!(down.len(), n - 1);
    assert_eq!(down.iter().map(|i| i.depth).max(), Some(n - 1));
}

// Row 10: two different unnumbered drafts whose texts collide under a 32-bit FNV-1a.
#[test]
fn row_10_two_drafts_keep_two_ids() {
    let draft = |k: usize| {
        format!(
            "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố:   /KH-UBND\nLào Cai, ngày   tháng 3 năm 2025\nKẾ HOẠCH\nVề X\nI. NỘI DUNG\n1. Làm việc {k}.\n"
        )
    };
    // These two texts have the same 32-bit FNV-1a hash (found by a birthday search).
    let (a, b) = (draft(129_599), draft(732_382));
    let fnv32 = |s: &str| {
        s.bytes().fold(0x811c_9dc5_u32, |h, b| {
            (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
        })
    };
    assert_eq!(fnv32(&a), fnv32(&b), "the pair collides in 32 bits");
    let (xa, xb) = (
        vanban::extract(&vanban::parse(&a)),
        vanban::extract(&vanban::parse(&b)),
    );
    assert_ne!(xa.id, xb.id);
    let g = graph_of(&[("a.txt".into(), a), ("b.txt".into(), b)]);
    assert_eq!(
        g.summary(10).documents_parsed,
        2,
        "both drafts are in the graph"
    );
}

// Row 11: 5 000 copies of one document.
#[test]
fn row_11_copies_of_one_document_give_one_diagnostic() {
    let x = vanban::extract(&vanban::parse(TINY));
    let mut b = vanban::GraphBuilder::new();
    for i in 0..5000 {
        b.add(format!("c_{i}.txt"), x.clone());
    }
    let g = b.build();
    let dups: Vec<_> = g
        .diagnostics()
        .iter()
        .filter(|d| d.code == "duplicate-document")
        .collect();
    assert_eq!(dups.len(), 1);
    assert_eq!(
        dups[0].message.matches(".txt").count(),
        5000,
        "each file once"
    );
}

/// UTF-16 LE bytes with a BOM.
fn utf16le(s: &str) -> Vec<u8> {
    [0xFF, 0xFE]
        .into_iter()
        .chain(s.encode_utf16().flat_map(u16::to_le_bytes))
        .collect()
}

// Row 15: NUL, UTF-32, Unicode line separators, HTML, RTF after a BOM, Windows-1258.
#[test]
fn row_15_nul_never_reaches_an_export() {
    let plan = "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 1/KH-UBND\nLào Cai, ngày 05 tháng 3 năm 2025\nKẾ HOẠCH\nVề X\nI. NỘI DUNG\n1. Sở Tài\0chính chủ trì, phối hợp với Sở Nội\u{1}vụ thực hiện.\n";
    let p = vanban::parse_bytes(&utf16le(plan)).expect("UTF-16 decodes");
    assert!(!p.source.contains('\0'), "NUL removed by normalisation");
    assert!(p.diagnostics.iter().any(|d| d.message.contains("NUL")));
    let mut b = vanban::GraphBuilder::new();
    b.add("a.txt", vanban::extract(&p));
    let g = b.build();
    let o = vanban::output::graph::ExportOptions::default();
    let dot = vanban::output::graph::dot(&g, o);
    assert!(!dot.chars().any(|c| c.is_control() && c != '\n'), "{dot}");
    let graphml = vanban::output::graph::graphml(&g, o);
    roxmltree::Document::parse(&graphml).expect("GraphML is XML 1.0");
    for out in [
        vanban::output::graph::turtle(&g, o),
        vanban::output::graph::cypher(&g, o),
    ] {
        assert!(!out.chars().any(|c| c.is_control() && c != '\n'));
    }
}

/// Found at stop 45: the HTML report wrote a right-to-left override in a file's name raw (a
/// browser shows the name reversed: "gnp.exe" for "exe.png"), where the text report escapes it.
#[test]
fn the_html_report_shows_bidi_overrides_as_escapes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a\u{202e}txt.gnp.txt"), TINY).unwrap();
    let out = html_report(dir.path());
    let html = text(&out.stdout);
    assert!(!html.contains('\u{202e}'), "{html}");
    assert!(html.contains("a\\u{202e}txt.gnp.txt"), "{html}");
}

/// Found at stop 45: GraphML wrote tabs, line feeds and carriage returns raw, which an XML
/// reader turns into spaces (in an attribute: two ids that differ by a tab and a space merged)
/// or line feeds. Now written as character references, they come back as they were.
#[test]
fn graphml_gives_tabs_and_line_breaks_back() {
    let plan = TINY.replace("1. Làm.", "1. Sở Tài chính chủ trì thực hiện.");
    let mut x = vanban::extract(&vanban::parse(&plan));
    x.id = format!("{};a\tb", x.id);
    let text = "line one\r\nline two\tthree";
    x.assignments[0].text = text.to_owned();
    let mut b = vanban::GraphBuilder::new();
    b.add("a.txt", x.clone());
    let g = b.build();
    let graphml =
        vanban::output::graph::graphml(&g, vanban::output::graph::ExportOptions::default());
    let doc = roxmltree::Document::parse(&graphml).expect("GraphML is XML 1.0");
    assert!(
        doc.descendants()
            .any(|n| n.attribute("id") == Some(x.id.as_str())),
        "{graphml}"
    );
    assert!(
        doc.descendants().any(|n| n.text() == Some(text)),
        "{graphml}"
    );
}

#[test]
fn row_15_utf32_with_a_bom_is_decoded() {
    let seed = seed_text();
    let le: Vec<u8> = [0xFF, 0xFE, 0, 0]
        .into_iter()
        .chain(seed.chars().flat_map(|c| u32::from(c).to_le_bytes()))
        .collect();
    let be: Vec<u8> = [0, 0, 0xFE, 0xFF]
        .into_iter()
        .chain(seed.chars().flat_map(|c| u32::from(c).to_be_bytes()))
        .collect();
    let want = vanban::parse(&seed);
    for bytes in [le, be] {
        let p = vanban::parse_bytes(&bytes).expect("UTF-32 decodes");
        assert_eq!(p.document, want.document);
    }
    // A broken one is an error, not UTF-16 garbage.
    let broken = [0xFF, 0xFE, 0, 0, 0x41, 0, 0];
    assert!(vanban::parse_bytes(&broken).is_err());
}

#[test]
fn row_15_unicode_line_separators_are_line_breaks() {
    let seed = seed_text();
    let want = vanban::parse(&seed);
    for sep in ["\u{2028}", "\u{2029}", "\u{85}", "\u{0B}"] {
        let p = vanban::parse(&seed.replace('\n', sep));
        assert_eq!(p.document.header, want.document.header, "{sep:?}");
        assert_eq!(p.document.body.len(), want.document.body.len(), "{sep:?}");
        // Diagnostics point at the right line of the original.
        let last = p.document.body.last().unwrap();
        let want_last = want.document.body.last().unwrap();
        assert_eq!(last.span.line, want_last.span.line, "{sep:?}");
    }
}

#[test]
fn row_15_html_pages_and_rtf_are_refused_with_a_reason() {
    let pages = [
        "<!DOCTYPE html>\n<html><head><title>Kế hoạch</title></head><body><p>ỦY BAN NHÂN DÂN</p></body></html>",
        "\u{feff}  <html lang=\"vi\"><body>Số: 1/KH-UBND</body></html>",
        "<!-- saved from url -->\n<HTML><BODY>x</BODY></HTML>",
        "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>",
    ];
    for page in pages {
        let e = vanban::parse_bytes(page.as_bytes()).expect_err("refused");
        assert!(e.to_string().contains("HTML page"), "{e}");
    }
    // A document that merely mentions a tag is not a page.
    assert!(vanban::parse_bytes(format!("{TINY}Xem <html> tại cổng.\n").as_bytes()).is_ok());
    let rtf = b"\xEF\xBB\xBF{\\rtf1\\ansi \\u7910?y ban\\par S\\'e8: 208/KH-UBND\\par }";
    let e = vanban::parse_bytes(rtf).expect_err("refused");
    assert!(e.to_string().contains("RTF"), "{e}");
    // Through the tool: the message names the file, exit code 3.
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("page.txt");
    std::fs::write(&f, pages[0]).unwrap();
    let out = vanban(&["parse", f.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3));
    assert!(text(&out.stderr).contains("page.txt: error: this is an HTML page"));
}

#[test]
fn row_15_windows_1258_is_named() {
    // The same plan saved as Windows-1258 (tone marks as combining bytes), and that file read
    // as Latin-1 and saved as UTF-8.
    let raw = std::fs::read(root().join("tests/data/windows-1258.txt")).unwrap();
    let e = vanban::parse_bytes(&raw).expect_err("refused");
    assert!(e.to_string().contains("Windows-1258"), "{e}");
    let misread = std::fs::read(root().join("tests/data/windows-1258-read-as-latin1.txt")).unwrap();
    let e = vanban::parse_bytes(&misread).expect_err("refused");
    assert!(e.to_string().contains("Windows-1258"), "{e}");
}

// Row 17: NFC as the Unicode definition gives it, conjoining Hangul jamo included.
#[test]
fn row_17_nfc_matches_the_reference_on_every_character_and_jamo() {
    use unicode_normalization::UnicodeNormalization;
    let norm = |s: &str| vanban::syntax::text::normalize(s).text;
    // (Also mapped on purpose: "ǎ", text recognition's caron for the breve of "ă".)
    let reference = |s: &str| -> String {
        s.nfc()
            .map(|c| match c {
                'ǎ' => 'ă',
                'Ǎ' => 'Ă',
                c => c,
            })
            .collect()
    };
    // Every code point alone, and after a base letter (where marks compose).
    for u in 0..=0x10FFFFu32 {
        let Some(c) = char::from_u32(u) else { continue };
        if matches!(
            c,
            '\r' | '\u{0B}' | '\u{0C}' | '\0' | '\u{85}' | '\u{2028}' | '\u{2029}'
        ) || c == '\u{A0}'
            || ('\u{2000}'..='\u{200D}').contains(&c)
            || matches!(
                c,
                '\u{202F}' | '\u{205F}' | '\u{2060}' | '\u{3000}' | '\u{FEFF}' | '\u{AD}'
            )
        {
            continue; // mapped on purpose: line breaks, odd spaces, zero-width characters
        }
        for s in [c.to_string(), format!("a{c}"), format!("\u{1100}{c}")] {
            assert_eq!(norm(&s), reference(&s), "U+{u:04X} in {s:?}");
        }
    }
    // Conjoining jamo: every L V and L V T sequence, and LV syllables with a T.
    for l in 0x1100..=0x1112u32 {
        for v in 0x1161..=0x1175u32 {
            for t in [None, Some(0x11A8u32), Some(0x11C2)] {
                let mut s: String = [l, v].iter().filter_map(|&u| char::from_u32(u)).collect();
                s.extend(t.and_then(char::from_u32));
                let s = format!("Số {s} x");
                assert_eq!(norm(&s), s.nfc().collect::<String>(), "{s:?}");
            }
        }
    }
    let lv_t = "\u{AC00}\u{11A8}";
    assert_eq!(norm(lv_t), "\u{AC01}");
}

// A user's agency or abbreviation table with rows it cannot read as they stand (no name, a
// bare head "Sở", a fourth column; no TAB, an empty side, a second TAB) was read in silence
// (found at stop 60): each is now a warning naming the file and the line, and the run goes on.
#[test]
fn odd_rows_of_a_users_tables_are_warned_of_by_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("doc.txt");
    std::fs::write(&doc, TINY).unwrap();
    let agencies = dir.path().join("agencies.tsv");
    std::fs::write(
        &agencies,
        "# a comment\n\tx\nSở\t\nA\tB\tC\tD\nSở Tài chính\tSTC\n",
    )
    .unwrap();
    let abbreviations = dir.path().join("abbr.tsv");
    std::fs::write(&abbreviations, "UBND\t\nXYZ\nA\tB\tC\nSTC\tSở Tài chính\n").unwrap();
    let out = vanban(&[
        "extract",
        doc.to_str().unwrap(),
        "--agencies",
        agencies.to_str().unwrap(),
        "--abbreviations",
        abbreviations.to_str().unwrap(),
        "--summary",
    ]);
    assert!(out.status.success(), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    for (file, line, what) in [
        ("agencies.tsv", 2, "no agency name"),
        ("agencies.tsv", 3, "only the head of names"),
        ("agencies.tsv", 4, "4 columns"),
        ("abbr.tsv", 1, "an empty abbreviation or expansion"),
        ("abbr.tsv", 2, "no TAB"),
        ("abbr.tsv", 3, "more than one TAB"),
    ] {
        assert!(
            err.lines()
                .any(|l| l.contains(&format!("{file}:{line}: warning: ")) && l.contains(what)),
            "{file}:{line} {what}\n{err}"
        );
    }
    assert!(
        !err.contains("agencies.tsv:5:") && !err.contains("abbr.tsv:4:"),
        "{err}"
    );
}
