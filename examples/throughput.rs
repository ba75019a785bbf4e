//! Parse every document in a folder (default `corpus/`) repeatedly and print throughput.
//! `cargo run --release --example throughput [-- FOLDER [ROUNDS]]`. A quick measurement; the
//! benchmarks with baselines are `cargo bench`.

use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| "corpus".to_owned());
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(20);
    let mut texts = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {dir}: {e}"))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    entries.sort();
    for p in &entries {
        texts.push(std::fs::read(p).unwrap_or_default());
    }
    let bytes: usize = texts.iter().map(Vec::len).sum();
    let extract = std::env::var_os("EXTRACT").is_some();
    let start = Instant::now();
    let mut nodes = 0usize;
    for _ in 0..rounds {
        for t in &texts {
            if let Ok(p) = vanban::parse_bytes(t) {
                nodes += p.document.nodes().count();
                if extract {
                    nodes += vanban::extract(&p).citations.len();
                }
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = (bytes * rounds) as f64 / 1e6;
    println!(
        "{} documents, {:.2} MB, {rounds} rounds: {:.1} MB/s, {:.0} documents/s ({} nodes)",
        texts.len(),
        bytes as f64 / 1e6,
        mb / secs,
        (texts.len() * rounds) as f64 / secs,
        nodes / rounds
    );
}
