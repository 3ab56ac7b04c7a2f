//! A set kept as a sorted `Vec`: what the views and the catalog need of a set (insert, in order, first and
//! last), for fewer bytes of wasm than a `BTreeSet`, whose code the wasm carries once per element type
//! (ARCHITECTURE.md, Budgets).
//!
//! ```
//! let mut years = Vec::new();
//! for fy in [2026, 2024, 2026, 2025] {
//!     plan_core::sorted::insert(&mut years, fy);
//! }
//! assert_eq!(years, [2024, 2025, 2026]);
//! ```

/// Puts `value` in its place in `set`, sorted and without repeats; `false` if it was there.
pub fn insert<T: Ord>(set: &mut Vec<T>, value: T) -> bool {
    match set.binary_search(&value) {
        Ok(_) => false,
        Err(at) => {
            set.insert(at, value);
            true
        }
    }
}

/// [`insert`] for each of `values`.
pub fn extend<T: Ord>(set: &mut Vec<T>, values: impl IntoIterator<Item = T>) {
    for value in values {
        insert(set, value);
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn is_what_a_btreeset_holds(values: Vec<i8>) {
            let mut set = Vec::new();
            super::extend(&mut set, values.iter().copied());
            let expected: Vec<i8> = values.iter().copied().collect::<std::collections::BTreeSet<_>>().into_iter().collect();
            prop_assert_eq!(set, expected);
        }
    }
}
