//! Walk the tree of a document: count nodes by kind, list every điểm with its element id, and
//! find the assignments and citations that stand in each.
//!
//! `cargo run --example walk_tree -- seeds/208-KH-UBND_2024_TuyenQuang.txt`

use std::collections::BTreeMap;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "seeds/208-KH-UBND_2024_TuyenQuang.txt".to_owned());
    let parsed = vanban::parse_bytes(&std::fs::read(&path)?)?;
    let extraction = vanban::extract(&parsed);
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    for node in parsed.document.nodes() {
        *kinds.entry(node.kind.as_str()).or_default() += 1;
    }
    println!("{path}: {kinds:?}");
    for node in parsed.document.nodes() {
        if node.kind != vanban::NodeKind::Point {
            continue;
        }
        let text: String = node.text().chars().take(70).collect();
        println!("{:<40} {text}", node.id());
        if let Some(a) = extraction.assignments.iter().find(|a| a.node == node.id()) {
            println!(
                "{:<40}   lead {:?}, cooperating {:?}",
                "", a.lead, a.cooperating
            );
        }
        for c in extraction
            .citations
            .iter()
            .filter(|c| c.node.as_deref() == Some(node.id()))
        {
            println!("{:<40}   cites {}", "", c.raw);
        }
    }
    Ok(())
}
