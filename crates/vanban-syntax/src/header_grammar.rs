//! The header grammar (`grammars/header.pest` with the rules it shares with the citation
//! grammar, `grammars/common.pest`) and the date finder built on it, shared by the header, its
//! cells and the body (a law's adoption sentence).

use pest::Parser;
use vanban_model::DateParts;

use crate::text::window;

mod grammar {
    #[derive(pest_derive::Parser)]
    #[grammar = "grammars/common.pest"]
    #[grammar = "grammars/header.pest"]
    pub(crate) struct HeaderGrammar;
}
pub(crate) use grammar::{HeaderGrammar, Rule};

/// Whether `s` holds a date with at least its year ("ngày … tháng … năm 2025").
pub(crate) fn has_full_date(s: &str) -> bool {
    date_in(s).is_some_and(|(_, d)| d.year.is_some())
}

/// Find "ngày … tháng … năm …" in `s` (or a scan's "ngay … thang … nam …"); return the byte
/// offset where it starts and its parts.
pub(crate) fn date_in(s: &str) -> Option<(usize, DateParts)> {
    let words = ["ngày", "Ngày", "NGÀY", "ngay", "Ngay", "NGAY"];
    let mut starts: Vec<usize> = words
        .iter()
        .flat_map(|w| s.match_indices(w).map(|(pos, _)| pos))
        .collect();
    // (The first date in the text, whichever spelling.)
    starts.sort_unstable();
    for pos in starts {
        if let Ok(mut pairs) = HeaderGrammar::parse(Rule::date_entry, window(s, pos, 120)) {
            let mut parts = DateParts::default();
            let Some(entry) = pairs.next() else { continue };
            for p in entry.into_inner().flat_map(|p| p.into_inner()) {
                match p.as_rule() {
                    Rule::day => parts.day = p.as_str().parse().ok(),
                    Rule::month => parts.month = p.as_str().parse().ok(),
                    Rule::year4 => parts.year = p.as_str().parse().ok(),
                    _ => {}
                }
            }
            return Some((pos, parts));
        }
    }
    None
}
