//! Word lists split by first byte (see [`ByFirstByte`]).

/// A list of words split by first byte: for each byte, the indices of the words that start
/// with it, in the list's order. A text can only start with the words that have its first
/// byte, so a search for the first word of the list a text starts with reads only those.
pub struct ByFirstByte(Vec<Vec<usize>>);

impl ByFirstByte {
    /// The split of `words` (an empty word is in no part: it starts no text's first byte).
    pub fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> ByFirstByte {
        let mut by = vec![Vec::new(); 256];
        for (i, w) in words.into_iter().enumerate() {
            if let Some(&first) = w.as_bytes().first() {
                by[usize::from(first)].push(i);
            }
        }
        ByFirstByte(by)
    }

    /// The indices of the words that may start `text` (those with its first byte), in order.
    pub fn candidates(&self, text: &[u8]) -> &[usize] {
        text.first()
            .and_then(|&b| self.0.get(usize::from(b)))
            .map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The candidates of a text are the words with its first byte, in the list's order.
    #[test]
    fn candidates_are_the_words_with_the_first_byte() {
        let words = ["Điều", "Số", "Sở", "ĐIỀU", "số", "", "S"];
        let by = ByFirstByte::new(words);
        let names = |t: &str| -> Vec<&str> {
            by.candidates(t.as_bytes())
                .iter()
                .map(|&i| words[i])
                .collect()
        };
        assert_eq!(names("Sở Nội vụ"), ["Số", "Sở", "S"]);
        assert_eq!(names("Điều 5"), ["Điều", "ĐIỀU"]);
        assert!(names("").is_empty() && names("x").is_empty());
    }
}
