//! The summary of a graph a person reads.

use std::fmt::Write as _;

use vanban_graph::Graph;

use crate::query::line;

/// Counts, edges by type (most first), the ten most-cited documents, diagnostics by code.
pub fn summary(graph: &Graph) -> String {
    let sum = graph.summary(10);
    let mut s = String::new();
    let _ = writeln!(
        s,
        "documents parsed: {}\ndocuments known only from citations: {}\nagencies: {}\ntasks: {}",
        sum.documents_parsed, sum.stubs, sum.agencies, sum.tasks
    );
    let total: usize = sum.edges.values().sum();
    let _ = writeln!(s, "edges: {total}");
    let mut by: Vec<(&String, &usize)> = sum.edges.iter().collect();
    by.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
    for (k, n) in by {
        let _ = writeln!(s, "  {k:<24} {n}");
    }
    let _ = writeln!(s, "most cited (by number of citing documents):");
    for (n, c) in &sum.most_cited {
        let _ = writeln!(s, "  {c:>3}  {}", line(n));
    }
    if !sum.diagnostics.is_empty() {
        let _ = writeln!(s, "diagnostics:");
        for (k, n) in &sum.diagnostics {
            let _ = writeln!(s, "  {k:<24} {n}");
        }
    }
    s
}
