//! Corpus scale: generate N synthetic documents by varying the bundled ones, then parse,
//! extract and link them on every core, and report wall time, throughput, peak memory and
//! query times.
//!
//! `cargo run --release --example scale -- 10000` (and `-- 100000`); `-- 10000 --write DIR`
//! writes the documents as files instead, for timing the command-line tool on them.
//!
//! Document i belongs to one of the 34 provinces, carries its own number, date and title, and
//! implements an earlier plan of its province (a binary tree of chains, about log2(N/34)
//! deep); it is based on one of 500 national decrees; its body is the body of a corpus
//! document. Texts are generated in the workers and dropped after extraction: no tree is
//! held.

use std::time::Instant;

use rayon::prelude::*;
use stats_alloc::{StatsAlloc, INSTRUMENTED_SYSTEM};
use std::alloc::System;
use vanban::graph::IMPLEMENTATION;
use vanban_text::Sub;

// Counts the heap's live bytes, to tell what the data holds from what the allocator keeps
// (the resident set is what the targets are read in).
#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

/// The heap's live bytes, in MiB.
fn heap_mib() -> f64 {
    let s = GLOBAL.stats();
    s.bytes_allocated.saturating_sub(s.bytes_deallocated) as f64 / 1024.0 / 1024.0
}

const PROVINCES: &[&str] = &[
    "Tuyên Quang",
    "Lào Cai",
    "Thái Nguyên",
    "Phú Thọ",
    "Bắc Ninh",
    "Hưng Yên",
    "Hải Phòng",
    "Ninh Bình",
    "Quảng Trị",
    "Đà Nẵng",
    "Quảng Ngãi",
    "Gia Lai",
    "Khánh Hòa",
    "Lâm Đồng",
    "Đắk Lắk",
    "Hồ Chí Minh",
    "Đồng Nai",
    "Tây Ninh",
    "Cần Thơ",
    "Vĩnh Long",
    "Đồng Tháp",
    "Cà Mau",
    "An Giang",
    "Hà Nội",
    "Huế",
    "Lai Châu",
    "Điện Biên",
    "Sơn La",
    "Lạng Sơn",
    "Quảng Ninh",
    "Thanh Hóa",
    "Nghệ An",
    "Hà Tĩnh",
    "Cao Bằng",
];

fn date(seq: usize) -> (usize, usize) {
    (1 + seq % 28, 1 + (seq / 28) % 12)
}

fn document(i: usize, bodies: &[String]) -> String {
    let p = PROVINCES[i % PROVINCES.len()];
    let seq = i / PROVINCES.len() + 1;
    let (d, m) = date(seq);
    let mut s = format!(
        "ỦY BAN NHÂN DÂN\nTỈNH {}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\
         Số: {seq}/KH-UBND\n{p}, ngày {d:02} tháng {m:02} năm 2025\nKẾ HOẠCH\n",
        p.to_uppercase()
    );
    if seq > 1 {
        let parent = seq / 2;
        let (pd, pm) = date(parent);
        s.push_str(&format!(
            "Thực hiện Kế hoạch số {parent}/KH-UBND ngày {pd}/{pm}/2025 của Ủy ban nhân dân tỉnh {p}\n"
        ));
    } else {
        s.push_str("Về việc triển khai nhiệm vụ năm 2025\n");
    }
    s.push_str(&format!(
        "Căn cứ Nghị định số {}/2024/NĐ-CP ngày 05/3/2024 của Chính phủ;\n",
        1 + i % 500
    ));
    s.push_str(&bodies[i % bodies.len()]);
    s
}

/// (nodes, depth) of a chain tree.
fn tree_shape(chain: &vanban::graph::Chain) -> (usize, usize) {
    let depth = chain.links.iter().map(|l| l.depth).max().unwrap_or(0);
    (chain.links.len(), depth)
}

fn peak_rss_mib() -> f64 {
    status_mib("VmHWM:")
}

fn status_mib(field: &str) -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

/// Write the N documents as `DIR/NNNNNN.txt`.
fn write_documents(n: usize, bodies: &[String], dir: &std::path::Path) {
    std::fs::create_dir_all(dir).expect("make the folder");
    (0..n).into_par_iter().for_each(|i| {
        let path = dir.join(format!("{i:06}.txt"));
        std::fs::write(&path, document(i, bodies)).expect("write a document");
    });
    println!("wrote {n} documents to {}", dir.display());
}

/// Bodies of the bundled documents (after their headers).
fn bodies() -> Vec<String> {
    let mut files: Vec<_> = std::fs::read_dir("corpus")
        .expect("run from the repository root")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .filter_map(|f| {
            let p = vanban::parse_bytes(&std::fs::read(f).ok()?).ok()?;
            let start = p.document.header.span.end.min(p.source.len());
            Some(p.source.sub(start..).to_owned())
        })
        .collect()
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    let bodies = bodies();
    // `-- N --write DIR`: write the documents as files instead (to time the command-line
    // tool on them, `vanban graph DIR --cache …`).
    if let (Some("--write"), Some(dir)) =
        (std::env::args().nth(2).as_deref(), std::env::args().nth(3))
    {
        write_documents(n, &bodies, std::path::Path::new(&dir));
        return;
    }
    let start = Instant::now();
    let mut builder = vanban::GraphBuilder::new();
    let mut bytes = 0usize;
    // 64 documents at a time, as `vanban graph` reads them: each batch's extractions are
    // trimmed by `GraphBuilder::add` before the next is read (2 048 at a time held 19 MiB
    // more at 10 000 documents, in the same time).
    let chunk = 64;
    for from in (0..n).step_by(chunk) {
        let done: Vec<(String, vanban::Extraction, usize)> = (from..(from + chunk).min(n))
            .into_par_iter()
            .map(|i| {
                let text = document(i, &bodies);
                let len = text.len();
                let parsed = vanban::parse(&text);
                (format!("synthetic/{i}.txt"), vanban::extract(&parsed), len)
            })
            .collect();
        for (name, x, len) in done {
            bytes += len;
            builder.add(name, x);
        }
    }
    let read = start.elapsed().as_secs_f64();
    let peak_before_build = peak_rss_mib();
    let heap_before_build = heap_mib();
    let graph = builder.build();
    let total = start.elapsed().as_secs_f64();
    println!(
        "{n} documents, {:.1} MB: parse + extract {read:.1} s ({:.1} MB/s, {:.0} documents/s on {} threads), graph {:.1} s, total {total:.1} s",
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / read,
        n as f64 / read,
        rayon::current_num_threads(),
        total - read
    );
    println!(
        "graph: {} nodes, {} edges; peak memory {:.0} MiB ({:.0} MiB before building the graph, {:.0} MiB held after); heap {:.0} MiB live before the build, {:.0} MiB after",
        graph.node_count(),
        graph.edge_count(),
        peak_rss_mib(),
        peak_before_build,
        status_mib("VmRSS:"),
        heap_before_build,
        heap_mib()
    );
    // Query: the chain of the last plan of a province.
    let last = format!("{}/KH-UBND", (n - 1) / PROVINCES.len() + 1);
    let id = graph
        .resolve(&format!(
            "urn:lex:vn:ubnd.{}:plan:2025;{}",
            "tuyen-quang",
            last.replace('/', "-").to_lowercase()
        ))
        .or_else(|_| graph.resolve(&last))
        .unwrap_or_default();
    time_chain(&graph, &id);
}

/// Time the chain of `id`: the first query (it makes the graph's parent index), the first
/// thousand after the build (they pay for the allocator sorting the memory the build freed:
/// 0.4–0.6 s over the first thousand at 100 000 documents) and the steady state, apart.
fn time_chain(graph: &vanban::Graph, id: &str) {
    let t = Instant::now();
    let _ = graph.chain(id, IMPLEMENTATION);
    let first = t.elapsed();
    let rounds = 1000;
    let t = Instant::now();
    for _ in 0..rounds {
        let _ = graph.chain(id, IMPLEMENTATION);
    }
    let warm_up = t.elapsed();
    let t = Instant::now();
    let mut shape = (0, 0);
    for _ in 0..rounds {
        let c = graph.chain(id, IMPLEMENTATION);
        shape = c.map_or((0, 0), |c| tree_shape(&c));
    }
    println!(
        "chain of {id}: {} nodes, {} levels deep, {:.1} µs per query (the first, which makes \
         the parent index: {:.1} ms; the first thousand after the build: {:.1} µs each)",
        shape.0,
        shape.1,
        t.elapsed().as_secs_f64() * 1e6 / rounds as f64,
        first.as_secs_f64() * 1e3,
        warm_up.as_secs_f64() * 1e6 / rounds as f64
    );
}
