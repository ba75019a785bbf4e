//! Whole-word matching.

use vanban_text::Sub;

/// Matches of `re` in `hay` that stand as whole words: no letter or digit just before or just
/// after. (The patterns leave out `\b`: Unicode word boundaries keep the regex engine off its
/// fast automata on Vietnamese text.)
pub(crate) fn word_matches<'h>(
    re: &'h regex::Regex,
    hay: &'h str,
) -> impl Iterator<Item = regex::Match<'h>> + 'h {
    re.find_iter(hay).filter(move |m| {
        let before = hay.sub(..m.start()).chars().next_back();
        // (A match that ends in white space has its boundary inside it.)
        let after = if m.as_str().ends_with(char::is_whitespace) {
            None
        } else {
            hay.sub(m.end()..).chars().next()
        };
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// A list of phrases searched for all at once: which of them occur in a text, found in one
/// pass (an Aho-Corasick automaton, overlapping matches) instead of one substring search per
/// phrase. Readers that try every phrase of a list on the same text ask it first and search
/// only for the phrases that are there.
pub(crate) struct Phrases {
    automaton: aho_corasick::AhoCorasick,
    len: usize,
}

impl Phrases {
    /// The automaton of `phrases`, in their order.
    pub(crate) fn new<'a>(phrases: impl IntoIterator<Item = &'a str>) -> Phrases {
        let phrases: Vec<&str> = phrases.into_iter().collect();
        let automaton = aho_corasick::AhoCorasick::new(&phrases)
            .unwrap_or_else(|e| unreachable!("a static list of phrases: {e}"));
        Phrases {
            automaton,
            len: phrases.len(),
        }
    }

    /// Whether any phrase occurs in `hay`.
    pub(crate) fn any_in(&self, hay: &str) -> bool {
        self.automaton.is_match(hay)
    }

    /// For each phrase, in list order, whether it occurs in `hay`.
    pub(crate) fn present(&self, hay: &str) -> Vec<bool> {
        let mut seen = vec![false; self.len];
        for m in self.automaton.find_overlapping_iter(hay) {
            seen[m.pattern().as_usize()] = true;
        }
        seen
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_phrases_present_are_those_a_search_finds() {
        // Phrases that overlap, contain each other, share a start, and are not there.
        let phrases = [
            "thực hiện",
            "tiếp tục thực hiện",
            "hiện",
            "của",
            " về ",
            "sửa đổi",
        ];
        let set = Phrases::new(phrases);
        let seed = include_str!("../../../seeds/208-KH-UBND_2024_TuyenQuang.txt");
        let mut hays: Vec<&str> = seed.lines().collect();
        hays.extend(["", "tiếp tục thực hiện", "thực hiệ", "hiện về của"]);
        let mut found = 0;
        for hay in hays {
            let present = set.present(hay);
            for (p, &seen) in phrases.iter().zip(&present) {
                assert_eq!(seen, hay.contains(p), "{p:?} in {hay:?}");
                found += usize::from(seen);
            }
        }
        assert!(found > 50, "{found}");
    }
}
