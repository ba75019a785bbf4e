//! Build the graph of a folder of documents and query a chain both ways.
//!
//! `cargo run --example graph_folder -- corpus 9387/UBND-KT`

use vanban::graph::IMPLEMENTATION;
use vanban::output::graph as export;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let folder = args.next().unwrap_or_else(|| "seeds".to_owned());
    let id = args.next().unwrap_or_else(|| "208/KH-UBND".to_owned());
    let mut builder = vanban::GraphBuilder::new();
    let mut files: Vec<_> = std::fs::read_dir(&folder)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    for f in &files {
        let parsed = vanban::parse_bytes(&std::fs::read(f)?)?;
        builder.add(f.display().to_string(), vanban::extract(&parsed));
    }
    let graph = builder.build();
    println!(
        "{} documents, {} nodes, {} edges",
        files.len(),
        graph.node_count(),
        graph.edge_count()
    );
    let doc = graph.resolve(&id)?;
    // Upward: what it implements, level by level (first branch).
    let chain = graph.chain(&doc, IMPLEMENTATION).ok_or("no such node")?;
    println!("{}", chain.node.label);
    for link in &chain.links {
        println!(
            "{}{} {}",
            "  ".repeat(link.depth),
            link.relation,
            link.node.label
        );
    }
    // Downward: what implements the top of the chain (the first branch's end).
    let top = chain
        .links
        .iter()
        .enumerate()
        .take_while(|(k, l)| l.depth == k + 1)
        .last()
        .map_or(doc.clone(), |(_, l)| l.node.id.clone());
    for i in graph.implementers(&top, IMPLEMENTATION) {
        println!(
            "implements {} at depth {}: {}",
            chain_top_label(&graph, &top),
            i.depth,
            i.node.label
        );
    }
    let json = export::node_link(&graph, export::ExportOptions::default());
    println!(
        "node-link JSON: {} nodes",
        json["nodes"].as_array().map_or(0, Vec::len)
    );
    Ok(())
}

fn chain_top_label(graph: &vanban::Graph, id: &str) -> String {
    graph
        .summary_of(id)
        .map_or_else(|| id.to_owned(), |n| n.label.to_string())
}
