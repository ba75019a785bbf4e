//! Parse one file and print its header and outline.
//!
//! `cargo run --example parse_file -- corpus/ND_30-2020-ND-CP_2020.txt`

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "seeds/208-KH-UBND_2024_TuyenQuang.txt".to_owned());
    let parsed = vanban::parse_bytes(&std::fs::read(&path)?)?;
    let h = &parsed.document.header;
    println!("{path}");
    println!("  issuer: {}", h.issuer.name.as_deref().unwrap_or("-"));
    println!(
        "  number: {}",
        h.number.as_ref().map_or("-", |n| n.normalized.as_str())
    );
    println!("  date:   {}", h.date.as_deref().unwrap_or("-"));
    println!("  kind:   {}", h.kind.name_vi());
    println!("  title:  {}", h.title.as_deref().unwrap_or("-"));
    for d in &parsed.diagnostics {
        println!(
            "  {}[{}] line {}: {}",
            d.severity, d.code, d.span.line, d.message
        );
    }
    print!(
        "{}",
        vanban::output::document::outline(&parsed.document, Default::default())
    );
    Ok(())
}
