//! `--cache DIR`: a cached run writes the same bytes as an uncached one, reads an unchanged
//! file from the cache instead of parsing it, notices a changed file or option, recovers from
//! damaged entries, and two runs can share one cache.

#![allow(clippy::unwrap_used)] // A failed unwrap is a failed test.

/// The repository root: the corpus, seeds and test data live there, not in this crate.
const REPO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

use std::path::Path;
use std::process::{Command, Output};

const PLAN: &str = "ỦY BAN NHÂN DÂN
TỈNH TUYÊN QUANG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 12/KH-UBND
Tuyên Quang, ngày 3 tháng 4 năm 2025
KẾ HOẠCH
Thực hiện Kế hoạch số 500-KH/TU ngày 22/7/2024 của Ban Thường vụ Tỉnh ủy
I. NHIỆM VỤ
1. Sở KH&ĐT chủ trì, phối hợp với Sở Nội vụ rà soát, hoàn thành trước ngày 30/6/2025.
";

fn command(args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_vanban"));
    c.args(args).current_dir(REPO).env_remove("VANBAN_CACHE");
    c
}

fn vanban(args: &[&str]) -> Output {
    let out = command(args).output().expect("the binary runs");
    assert!(
        out.status.success(),
        "vanban {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// `args` with `--cache DIR` added.
fn cached(args: &[&str], dir: &Path) -> Output {
    let mut all: Vec<&str> = args.to_vec();
    all.extend(["--cache", dir.to_str().unwrap()]);
    vanban(&all)
}

/// The `cache: …` line of stderr (hits, misses, damaged entries).
fn cache_line(out: &Output) -> String {
    let err = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = err.lines().filter(|l| l.starts_with("cache: ")).collect();
    assert_eq!(lines.len(), 1, "one cache line: {err}");
    lines[0].split(" (").next().unwrap().to_owned()
}

/// Stderr without the cache line: the diagnostics and notes about the documents.
fn other_stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .filter(|l| !l.starts_with("cache: "))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// The entry files of a cache folder (not its README, not temporary files).
fn entries(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for shard in std::fs::read_dir(dir).unwrap() {
        let shard = shard.unwrap().path();
        if shard.is_dir() {
            for e in std::fs::read_dir(&shard).unwrap() {
                let e = e.unwrap().path();
                if e.extension().is_some_and(|x| x == "vbc") {
                    found.push(e);
                }
            }
        }
    }
    found.sort();
    found
}

#[test]
fn cached_runs_write_the_bytes_of_uncached_runs_on_the_bundled_corpus() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("cache");
    let corpus = ["seeds", "corpus"];
    let extract: Vec<&str> = [&["extract", "--jsonl"][..], &corpus].concat();
    let graph = ["graph", "--format", "json"];
    let report = ["report", "--format", "json"];
    let plain = [vanban(&extract), vanban(&graph), vanban(&report)];
    let documents = plain[0].stdout.iter().filter(|&&b| b == b'\n').count();
    assert!(documents > 70, "{documents} documents");

    let cold = cached(&extract, &dir);
    assert_eq!(
        cache_line(&cold),
        format!("cache: 0 hits, {documents} misses")
    );
    assert_eq!(entries(&dir).len(), documents);
    let warm = [
        cached(&extract, &dir),
        cached(&graph, &dir),
        cached(&report, &dir),
    ];
    for (plain, warm) in plain.iter().zip(&warm) {
        // Every document is read from the cache (the entries made by `extract` serve `graph`
        // and `report` too), and the output and the diagnostics are the uncached ones.
        assert_eq!(
            cache_line(warm),
            format!("cache: {documents} hits, 0 misses")
        );
        assert!(plain.stdout == warm.stdout, "cached output differs");
        assert_eq!(other_stderr(plain), other_stderr(warm));
    }
    assert!(cold.stdout == plain[0].stdout);
    assert_eq!(other_stderr(&plain[0]), other_stderr(&cold));
    assert!(
        !other_stderr(&plain[0]).is_empty(),
        "the corpus has warnings to compare"
    );
}

#[test]
fn a_changed_file_or_option_misses_and_a_copy_hits() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("cache");
    let docs = tmp.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    std::fs::write(docs.join("a.txt"), PLAN).unwrap();
    std::fs::write(docs.join("b.txt"), PLAN.replace("12/KH", "13/KH")).unwrap();
    let d = docs.to_str().unwrap();
    let args = ["extract", "--jsonl", d];
    assert_eq!(cache_line(&cached(&args, &dir)), "cache: 0 hits, 2 misses");
    assert_eq!(cache_line(&cached(&args, &dir)), "cache: 2 hits, 0 misses");

    // A changed file is read again; a copy under another name hits and is named by its path.
    std::fs::write(docs.join("b.txt"), PLAN.replace("12/KH", "14/KH")).unwrap();
    std::fs::write(docs.join("c.txt"), PLAN).unwrap();
    let out = cached(&args, &dir);
    assert_eq!(cache_line(&out), "cache: 2 hits, 1 miss");
    assert!(out.stdout == vanban(&args).stdout);
    assert!(String::from_utf8_lossy(&out.stdout).contains("14/KH-UBND"));
    assert!(String::from_utf8_lossy(&out.stdout).contains("c.txt"));

    // Extra agencies change what extraction gives: another key. (The copy goes: two files
    // of the same bytes read at once may or may not find each other's entry.)
    std::fs::remove_file(docs.join("c.txt")).unwrap();
    let agencies = tmp.path().join("agencies.tsv");
    std::fs::write(&agencies, "Sở Kế hoạch và Đầu tư\tSở KH&ĐT\n").unwrap();
    let with = [
        "extract",
        "--jsonl",
        d,
        "--agencies",
        agencies.to_str().unwrap(),
    ];
    assert_eq!(cache_line(&cached(&with, &dir)), "cache: 0 hits, 2 misses");
    assert_eq!(cache_line(&cached(&with, &dir)), "cache: 2 hits, 0 misses");
    std::fs::write(&agencies, "Sở Kế hoạch\tSở KH&ĐT\n").unwrap();
    assert_eq!(cache_line(&cached(&with, &dir)), "cache: 0 hits, 2 misses");
}

#[test]
fn damaged_entries_are_not_trusted_and_are_written_again() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("cache");
    let args = ["graph", "--format", "json", "seeds", "corpus"];
    let plain = vanban(&args);
    cached(&args, &dir);
    let all = entries(&dir);
    assert!(all.len() > 8);
    // Truncated, one byte changed, replaced by other text, emptied.
    let bytes = std::fs::read(&all[0]).unwrap();
    std::fs::write(&all[0], &bytes[..bytes.len() / 2]).unwrap();
    let mut flipped = std::fs::read(&all[1]).unwrap();
    let at = flipped.len() - 10;
    flipped[at] ^= 0x20;
    std::fs::write(&all[1], flipped).unwrap();
    std::fs::write(&all[2], "{\"id\": \"urn:lex:vn:made-up\"}").unwrap();
    std::fs::write(&all[3], "").unwrap();
    // Found at stop 44: another document's entry, whole, copied over one (was taken: one
    // document lost from the graph, another given twice); a FIFO (the run hung); a link to
    // an endless device (read 1 GiB an entry); an entry padded far past its header's length.
    std::fs::copy(&all[5], &all[4]).unwrap();
    std::fs::remove_file(&all[6]).unwrap();
    let fifo = Command::new("mkfifo").arg(&all[6]).status().unwrap();
    assert!(fifo.success());
    std::fs::remove_file(&all[7]).unwrap();
    std::os::unix::fs::symlink("/dev/zero", &all[7]).unwrap();
    let mut padded = std::fs::read(&all[8]).unwrap();
    padded.resize(padded.len() + 1_000_000, 0);
    std::fs::write(&all[8], padded).unwrap();
    let out = cached(&args, &dir);
    let n = all.len();
    assert_eq!(
        cache_line(&out),
        format!(
            "cache: {} hits, 8 misses, 8 entries damaged and written again",
            n - 8
        )
    );
    assert!(out.stdout == plain.stdout, "a damaged entry was trusted");
    assert_eq!(
        cache_line(&cached(&args, &dir)),
        format!("cache: {n} hits, 0 misses")
    );
}

// An entry that cannot be written is named (found at stop 44: the warning named the cache
// folder, and one such entry stopped every later write of the run).
#[test]
fn an_entry_that_cannot_be_written_is_named_and_the_others_are_written() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("cache");
    let args = ["extract", "--jsonl", "seeds", "corpus"];
    let plain = vanban(&args);
    cached(&args, &dir);
    let all = entries(&dir);
    // The first entry made a folder, the others gone.
    for (i, e) in all.iter().enumerate() {
        std::fs::remove_file(e).unwrap();
        if i == 0 {
            std::fs::create_dir(e).unwrap();
        }
    }
    let out = cached(&args, &dir);
    assert!(out.stdout == plain.stdout);
    let err = other_stderr(&out);
    let named = format!(
        "{}: warning: cannot write this cache entry",
        all[0].display()
    );
    assert_eq!(err.matches(&named).count(), 1, "{err}");
    // (The folder is not a regular file: a damaged entry, which cannot be written again.)
    assert_eq!(
        cache_line(&out),
        format!(
            "cache: 0 hits, {} misses, 1 entry damaged and written again, 1 entry not written",
            all.len()
        )
    );
    // Every other entry was written: the next run misses the one only.
    assert!(cache_line(&cached(&args, &dir))
        .starts_with(&format!("cache: {} hits, 1 miss,", all.len() - 1)));
}

#[test]
fn two_runs_sharing_a_cache_both_give_the_right_answer() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("cache");
    let graph = ["graph", "--format", "json", "seeds", "corpus"];
    let extract = ["extract", "--jsonl", "seeds", "corpus"];
    let plain = (vanban(&graph), vanban(&extract));
    let d = dir.to_str().unwrap();
    let spawn = |args: &[&str]| {
        let mut all = args.to_vec();
        all.extend(["--cache", d]);
        command(&all)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    // Started together on an empty cache: both write the same entries at the same time.
    let (a, b) = (spawn(&graph), spawn(&extract));
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    assert!(a.status.success() && b.status.success());
    assert!(a.stdout == plain.0.stdout, "graph differs");
    assert!(b.stdout == plain.1.stdout, "extract differs");
    let documents = entries(&dir).len();
    let again = cached(&graph, &dir);
    assert_eq!(
        cache_line(&again),
        format!("cache: {documents} hits, 0 misses")
    );
    assert!(again.stdout == plain.0.stdout);
    // No temporary file is left behind.
    for shard in std::fs::read_dir(&dir).unwrap() {
        let shard = shard.unwrap().path();
        if shard.is_dir() {
            for e in std::fs::read_dir(&shard).unwrap() {
                let name = e.unwrap().file_name();
                assert!(!name.to_string_lossy().starts_with(".part-"), "{name:?}");
            }
        }
    }
}

#[test]
fn a_cache_folder_that_cannot_be_used_is_one_warning() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("not-a-folder");
    std::fs::write(&file, "x").unwrap();
    let docs = tmp.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    std::fs::write(docs.join("a.txt"), PLAN).unwrap();
    let args = ["report", "--format", "json", docs.to_str().unwrap()];
    let out = cached(&args, &file);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err.matches("cannot use the cache folder").count(),
        1,
        "{err}"
    );
    assert!(out.stdout == vanban(&args).stdout);
    // The environment variable names the cache too.
    let dir = tmp.path().join("from-env");
    let mut c = command(&args);
    c.env("VANBAN_CACHE", &dir);
    let out = c.output().unwrap();
    assert_eq!(cache_line(&out), "cache: 0 hits, 1 miss");
    assert!(dir.join("README").is_file());
    // Set empty (a job runner's blank variable): no cache, and no error about an option
    // nobody typed (found at stop 44: exit 2, "a value is required for '--cache <DIR>'").
    for cmd in ["report", "extract", "graph"] {
        let out = command(&[cmd, docs.to_str().unwrap()])
            .env("VANBAN_CACHE", "")
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{cmd}: {err}");
        assert!(!err.contains("cache"), "{cmd}: {err}");
    }
}

// `report -q` leaves the cache line out, as the other commands' -q does (found at stop 44:
// report had no -q, though the README said -q leaves the line out).
#[test]
fn report_quiet_leaves_the_cache_line_out() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("cache");
    let args = ["report", "seeds"];
    let loud = cached(&args, &dir);
    assert_eq!(cache_line(&loud), "cache: 0 hits, 1 miss");
    let quiet = cached(&["report", "seeds", "-q"], &dir);
    assert!(
        quiet.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&quiet.stderr)
    );
    assert!(quiet.stdout == loud.stdout);
}
