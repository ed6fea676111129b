//! Insertion sort for the short lists of the hot path (a value's detections, a field's lexicon
//! hits, the kinds found in a field) and of policies (findings, purposes). Each standard
//! `sort*_by_key` compiles to 3–9 kB of wasm per call site's types at opt-level 3 (measured
//! with twiggy); these lists hold a handful of items, where insertion sort is as fast and a few
//! hundred bytes. Long lists (lexicon tables, free-text matches) keep the standard sorts.
#![forbid(unsafe_code)]

/// Sorts `items` so that no item is `less` than one before it. Stable.
pub(crate) fn sort_small_by<T>(items: &mut [T], mut less: impl FnMut(&T, &T) -> bool) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && less(&items[j], &items[j - 1]) {
            items.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// Sorts `items` by `key`. Stable.
pub(crate) fn sort_small_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_small_by(items, |a, b| key(a) < key(b));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably() {
        let mut v = [(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        sort_small_by_key(&mut v, |p| p.0);
        assert_eq!(v, [(0, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c')]);
        let mut empty: [u8; 0] = [];
        sort_small_by_key(&mut empty, |x| *x);
        let mut w = vec![5, 4, 3, 2, 1, 0];
        sort_small_by(&mut w, |a, b| a < b);
        assert_eq!(w, [0, 1, 2, 3, 4, 5]);
    }
}
