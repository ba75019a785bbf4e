//! Throughput of the pipeline, with the floor of merely reading the same bytes in the same
//! run: compare the ratios, not the absolute numbers (the machines are shared and noisy).
//!
//! `cargo bench --bench pipeline` (HTML reports in target/criterion/).

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use vanban_text::Sub;

fn corpus() -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = std::fs::read_dir(root.join("corpus"))
        .expect("corpus/")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|f| std::fs::read(f).expect("readable"))
        .collect()
}

fn seed() -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/208-KH-UBND_2024_TuyenQuang.txt"),
    )
    .expect("seed")
}

/// The floor: validate UTF-8 and count lines.
fn read_floor(docs: &[Vec<u8>]) -> usize {
    docs.iter()
        .map(|d| {
            let s = std::str::from_utf8(d).map_or("", |s| s);
            s.bytes().filter(|&b| b == b'\n').count()
        })
        .sum()
}

fn parse_all(docs: &[Vec<u8>]) -> usize {
    docs.iter()
        .filter_map(|d| vanban::parse_bytes(d).ok())
        .map(|p| p.document.body.len())
        .sum()
}

fn parse_extract_all(docs: &[Vec<u8>]) -> usize {
    docs.iter()
        .filter_map(|d| vanban::parse_bytes(d).ok())
        .map(|p| vanban::extract(&p).citations.len())
        .sum()
}

fn pipeline(c: &mut Criterion) {
    for (name, docs) in [("corpus", corpus()), ("seed", vec![seed()])] {
        let bytes: usize = docs.iter().map(Vec::len).sum();
        let mut g = c.benchmark_group(name);
        g.throughput(Throughput::Bytes(bytes as u64));
        if name == "corpus" {
            g.sample_size(20);
        }
        g.bench_with_input(BenchmarkId::new("read", bytes), &docs, |b, d| {
            b.iter(|| read_floor(black_box(d)))
        });
        g.bench_with_input(BenchmarkId::new("parse", bytes), &docs, |b, d| {
            b.iter(|| parse_all(black_box(d)))
        });
        g.bench_with_input(BenchmarkId::new("parse_extract", bytes), &docs, |b, d| {
            b.iter(|| parse_extract_all(black_box(d)))
        });
        g.finish();
    }
}

/// One document of about `size` bytes: the seed's header, its body repeated, its closing.
fn large(size: usize) -> Vec<u8> {
    let seed = String::from_utf8(seed()).expect("UTF-8 seed");
    let body_start = seed.find("\nI. ").unwrap_or(0);
    let body_end = seed.rfind("\nNơi nhận").unwrap_or(seed.len());
    let (head, body, tail) = (
        seed.sub(..body_start),
        seed.sub(body_start..body_end),
        seed.sub(body_end..),
    );
    let mut out = String::with_capacity(size + seed.len());
    out.push_str(head);
    while out.len() < size {
        out.push_str(body);
    }
    out.push_str(tail);
    out.into_bytes()
}

/// Linearity: one document of 1 MB and one of 10 MB; time per byte should match.
fn large_documents(c: &mut Criterion) {
    let mut g = c.benchmark_group("large");
    g.sample_size(10);
    for size in [1_000_000, 10_000_000] {
        let doc = vec![large(size)];
        g.throughput(Throughput::Bytes(doc[0].len() as u64));
        g.bench_with_input(BenchmarkId::new("parse", size), &doc, |b, d| {
            b.iter(|| parse_all(black_box(d)))
        });
        g.bench_with_input(BenchmarkId::new("parse_extract", size), &doc, |b, d| {
            b.iter(|| parse_extract_all(black_box(d)))
        });
    }
    g.finish();
}

criterion_group!(benches, pipeline, large_documents);
criterion_main!(benches);
