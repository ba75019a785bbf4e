//! The last few answers of a function of a text, kept to answer a repeated question without
//! working it out again: readers that look at the same text several times (the assignment
//! walker asks for the agency list and the deadline of a task text from more than one place).

/// The last `keep` answers, each with the text it answers for, a tag and a context that tell
/// questions about the same text apart (a registry's stamp; whether a text is a table cell,
/// and the document's date). The oldest gives its room, and its buffer, to the next.
#[derive(Debug, Clone)]
pub struct Recent<V> {
    keep: usize,
    entries: Vec<Entry<V>>,
}

#[derive(Debug, Clone)]
struct Entry<V> {
    tag: u64,
    context: String,
    text: String,
    value: V,
}

impl<V: Clone> Recent<V> {
    /// Room for `keep` answers (none kept for 0).
    pub const fn new(keep: usize) -> Recent<V> {
        Recent {
            keep,
            entries: Vec::new(),
        }
    }

    /// The answer kept for this question, the latest first.
    pub fn get(&self, tag: u64, context: &str, text: &str) -> Option<&V> {
        self.entries
            .iter()
            .rev()
            .find(|e| e.tag == tag && e.text == text && e.context == context)
            .map(|e| &e.value)
    }

    /// Keep an answer, as the latest: for a question [`Recent::get`] found no answer to (an
    /// answer kept again for the same question takes a second place, and the latest is the
    /// one found; the answers of a function of its question are the same anyway).
    pub fn put(&mut self, tag: u64, context: &str, text: &str, value: &V) {
        if self.keep == 0 {
            return;
        }
        if self.entries.len() < self.keep {
            self.entries.push(Entry {
                tag,
                context: context.to_owned(),
                text: text.to_owned(),
                value: value.clone(),
            });
            return;
        }
        let mut e = self.entries.remove(0);
        e.tag = tag;
        e.context.clear();
        e.context.push_str(context);
        e.text.clear();
        e.text.push_str(text);
        e.value.clone_from(value);
        self.entries.push(e);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What is kept is found by tag, context and text together, the latest answer first, and
    /// the oldest is forgotten when there is no more room.
    #[test]
    fn answers_are_found_by_the_whole_question_and_the_oldest_goes() {
        let mut r: Recent<u32> = Recent::new(2);
        r.put(1, "", "a", &10);
        assert_eq!(r.get(1, "", "a"), Some(&10));
        assert_eq!(r.get(2, "", "a"), None, "another tag");
        assert_eq!(r.get(1, "x", "a"), None, "another context");
        assert_eq!(r.get(1, "", "ab"), None, "another text");
        r.put(1, "", "a", &11);
        assert_eq!(r.get(1, "", "a"), Some(&11), "the latest answer");
        r.put(1, "", "b", &20);
        r.put(1, "", "c", &30);
        assert_eq!(r.get(1, "", "a"), None, "the oldest gone");
        assert_eq!(r.get(1, "", "b"), Some(&20));
        assert_eq!(r.get(1, "", "c"), Some(&30));
        let mut none: Recent<u32> = Recent::new(0);
        none.put(1, "", "a", &1);
        assert_eq!(none.get(1, "", "a"), None);
    }
}
