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
