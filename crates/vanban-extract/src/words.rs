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
    use vanban_text::ByFirstByte;

    /// The first word of a list a text starts with, among the candidates of the text's first
    /// byte, is the first of the whole list: for the official titles, the citation types, the
    /// words that name no agency and the distributive heads, at every word of the seed and
    /// the corpus, folded, and for each word before a space.
    #[test]
    fn the_first_word_by_first_byte_is_the_first_of_the_list() {
        let mut texts: Vec<String> = crate::testing::seed_and_corpus()
            .iter()
            .map(|t| vanban_text::fold::fold_case(t))
            .collect();
        let heads: Vec<&'static str> = crate::lists::DISTRIBUTIVE_HEADS
            .iter()
            .map(|&(p, _)| p)
            .collect();
        let lists = [
            &*crate::lists::OFFICIAL_TITLES,
            &*crate::lists::CITATION_TYPES,
            &*crate::lists::NOT_AGENCIES,
            &heads,
        ];
        texts.extend(
            lists
                .iter()
                .flat_map(|l| l.iter())
                .map(|w| format!("{w} x")),
        );
        let mut found = 0;
        for list in lists {
            let by = ByFirstByte::new(list.iter().copied());
            for text in &texts {
                for (i, _) in text.match_indices(' ').chain([(0, "")]) {
                    let rest = text.sub(i..).trim_start();
                    let want = list.iter().position(|w| rest.starts_with(w));
                    found += usize::from(want.is_some());
                    let got = by
                        .candidates(rest.as_bytes())
                        .iter()
                        .copied()
                        .find(|&i| rest.starts_with(list[i]));
                    assert_eq!(got, want, "{rest:?}");
                }
            }
        }
        assert!(found > 1_000, "{found}");
    }

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
