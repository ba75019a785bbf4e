//! A vector consumed front to back whose buffer is given back as it empties.

/// The items of a vector in order, its buffer shrunk whenever more than half of it, or more
/// than 1 MiB of it, is free (from 4 096 items of capacity up): a large vector moved item by
/// item into another structure (paragraphs into a tree, nodes into a graph) is not held twice
/// at the peak, nor half again.
#[derive(Debug)]
pub struct Releasing<T> {
    /// The items not yet taken, last first.
    rest: Vec<T>,
}

/// Free room beyond which the buffer is shrunk whatever its size (a shrink of a large buffer
/// gives its tail pages back without copying).
const RELEASE_BYTES: usize = 1 << 20;

impl<T> Releasing<T> {
    /// Consume `items` front to back.
    pub fn new(mut items: Vec<T>) -> Releasing<T> {
        items.reverse();
        Releasing { rest: items }
    }

    /// The item the next call to `next` gives, without taking it.
    pub fn peek(&self) -> Option<&T> {
        self.rest.last()
    }

    /// The buffer's capacity, in items (what it holds now, taken items given back).
    pub fn capacity(&self) -> usize {
        self.rest.capacity()
    }
}

impl<T> Iterator for Releasing<T> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        let item = self.rest.pop()?;
        let spare = self.rest.capacity() - self.rest.len();
        let spare_bytes = spare.saturating_mul(std::mem::size_of::<T>());
        if self.rest.capacity() >= 4096 && (spare > self.rest.len() || spare_bytes > RELEASE_BYTES)
        {
            self.rest.shrink_to_fit();
        }
        Some(item)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.rest.len(), Some(self.rest.len()))
    }
}

impl<T> ExactSizeIterator for Releasing<T> {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_item_in_order_and_the_buffer_given_back() {
        let v: Vec<u32> = (0..100_000).collect();
        let mut it = Releasing::new(v.clone());
        assert_eq!(it.len(), 100_000);
        assert_eq!(it.peek(), Some(&0));
        let mut out = Vec::new();
        while let Some(x) = it.next() {
            out.push(x);
            // Never more than twice what is left (or the smallest buffer that is shrunk).
            assert!(
                it.capacity() <= (2 * it.len() + 1).max(4096),
                "{}",
                it.capacity()
            );
        }
        assert_eq!(out, v);
        assert_eq!(Releasing::new(Vec::<u32>::new()).count(), 0);
    }

    /// Records the size of a tree's paragraphs: never more than 1 MiB of free room, whatever
    /// is left (a vector half taken would otherwise hold its whole buffer).
    #[test]
    fn at_most_a_mebibyte_of_free_room() {
        let v: Vec<[u64; 8]> = (0..100_000u64).map(|i| [i; 8]).collect();
        let mut it = Releasing::new(v);
        let room = RELEASE_BYTES / std::mem::size_of::<[u64; 8]>();
        let mut next = 0;
        while let Some(x) = it.next() {
            assert_eq!(x[0], next);
            next += 1;
            assert!(
                it.capacity() <= it.len() + room + 1,
                "{} {}",
                it.capacity(),
                it.len()
            );
        }
        assert_eq!(next, 100_000);
    }
}
