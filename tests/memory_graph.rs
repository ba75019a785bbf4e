//! What the graph builder holds of the extractions it is given, counted by the allocator: a
//! corpus's documents wait in the builder until the graph is built, and at 10 000 documents
//! they were most of the build's peak. The builder keeps what the graph uses; a citation
//! becomes its target and the claim it makes.

#![cfg(feature = "graph")]

use std::alloc::System;

use stats_alloc::{Region, StatsAlloc, INSTRUMENTED_SYSTEM};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

/// The extractions of the bundled corpus.
fn corpus() -> Vec<vanban::Extraction> {
    let mut paths: Vec<_> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus"))
        .expect("corpus/")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            vanban::extract(&vanban::parse_bytes(&std::fs::read(p).expect("read")).expect("UTF-8"))
        })
        .collect()
}

/// The allocator's counts are the process's: the tests of this file measure one at a time.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Bytes `value` holds: what dropping it gives back.
fn held<T>(value: T) -> usize {
    let region = Region::new(GLOBAL);
    drop(value);
    region.change().bytes_deallocated
}

/// Bytes a builder holds once every extraction of `xs` is added.
fn builder_bytes(xs: Vec<vanban::Extraction>) -> usize {
    let mut builder = vanban::GraphBuilder::new();
    for (i, x) in xs.into_iter().enumerate() {
        builder.add(format!("{i}.txt"), x);
    }
    held(builder)
}

/// What the builder holds of one part of the corpus's extractions (`part` takes it out of an
/// extraction), against what the extractions hold of it: (items, bytes in the extractions,
/// bytes in the builder). The extractions are given as extraction makes them, never cloned:
/// a clone's vectors have no spare room, and a builder that kept an extraction's vector
/// with its spare room (a task vector collected in place into the smaller held tasks kept
/// the room of the assignments it was made from) held more than a test on clones saw.
fn share<T>(
    count: impl Fn(&vanban::Extraction) -> usize,
    part: impl Fn(&mut vanban::Extraction) -> T,
) -> (usize, usize, usize) {
    let xs = corpus();
    let count = xs.iter().map(count).sum();
    let mut without = corpus();
    let given = held(without.iter_mut().map(part).collect::<Vec<_>>());
    let holds = builder_bytes(xs) - builder_bytes(without);
    (count, given, holds)
}

#[test]
fn the_builder_holds_a_citation_in_under_three_quarters_of_its_bytes() {
    let _alone = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let (count, given, holds) = share(|x| x.citations.len(), |x| std::mem::take(&mut x.citations));
    assert!(count > 1000, "{count} citations");
    let ratio = holds as f64 / given as f64;
    eprintln!(
        "{count} citations: {given} bytes in the extractions ({} a citation), {holds} in the builder ({} a citation, {ratio:.2})",
        given / count,
        holds / count
    );
    // Held whole, as the builder held it before stop 34, a citation kept 0.98 of its bytes (385 of
    // 394 on the corpus); as its target and claim, 0.65 (257).
    assert!(
        ratio < 0.75,
        "the builder holds {ratio:.2} of the citations' bytes"
    );
}

#[test]
fn the_builder_holds_a_task_in_under_80_percent_of_its_bytes() {
    let _alone = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let (count, given, holds) = share(
        |x| x.assignments.len(),
        |x| std::mem::take(&mut x.assignments),
    );
    assert!(count > 500, "{count} tasks");
    let ratio = holds as f64 / given as f64;
    eprintln!(
        "{count} tasks: {given} bytes in the extractions ({} a task), {holds} in the builder ({} a task, {ratio:.2})",
        given / count,
        holds / count
    );
    // Held whole (before stop 34), the tasks kept all their bytes (1.00: the same vectors,
    // shrunk); with their parties' names interned, 0.90 on clones (458 of 510 bytes a task:
    // the text, moved into the graph as it is, is most of a task), 0.89 on extractions as
    // made, whose task vectors the builder kept with the room of the assignments (504 of 567);
    // those vectors shrunk, 0.71 (404).
    assert!(
        ratio < 0.8,
        "the builder holds {ratio:.2} of the tasks' bytes"
    );
}

#[test]
fn a_document_held_without_its_citations_and_tasks_is_what_the_graph_takes_of_it() {
    let _alone = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let mut xs = corpus();
    for x in &mut xs {
        x.citations = Vec::new();
        x.assignments = Vec::new();
    }
    let count = xs.len();
    let bytes = builder_bytes(xs);
    eprintln!(
        "{count} documents without citations and tasks: {bytes} bytes in the builder ({} a document)",
        bytes / count
    );
    // Most of a document is its relations, recipients and strings. Held as the whole
    // extraction (568 bytes, its vectors emptied) in a vector that doubles: 3 940 bytes a
    // document of the corpus; as what the graph takes of it, 3 430.
    assert!(bytes / count < 3700, "{} bytes a document", bytes / count);
}
