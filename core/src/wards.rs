//! What the start page reads (issue 17): `wards.json`, the municipalities' names, and `wards/<k>.json`, the
//! plans of [`Wards::per_file`] municipalities at a time. The start page shows a few municipalities and
//! finds the others by name, so it reads their names and the plans it shows, not every plan's line:
//! `index.json` was 48.6 KB gzip at 600 times the plans, and put the start page 23 KB over its budget.
//!
//! ```
//! use plan_core::{IndexEntry, Municipality, Period, PlanIndex, wards::Wards};
//! let kita = Municipality { name: "北区".into(), code: "131172".into() };
//! let plan = IndexEntry::listed("kita-dx2025", "北区DX推進計画2025", &kita, Period { from: 2025, to: 2029 }, "素案", 49, 12);
//! let (wards, files) = Wards::split(&PlanIndex { schema_version: 1, plans: vec![plan] }, 12);
//! assert_eq!(wards.names, ["北区"]);
//! assert_eq!(wards.check(0, &files[0]), Ok(()));
//! ```

use serde::{Deserialize, Serialize};

use crate::model::{PlanIndex, SCHEMA_VERSION};

/// `wards.json`: the municipalities in the order of their first plan in `index.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Wards {
    pub schema_version: u32,
    /// How many municipalities' plans each `wards/<k>.json` holds: file `k` has those of
    /// `names[k * per_file ..]`.
    pub per_file: usize,
    pub names: Vec<String>,
}

/// Each municipality's name, with the positions of its plans in `index`, in the order of its first plan.
pub fn group(index: &PlanIndex) -> Vec<(String, Vec<usize>)> {
    let mut wards: Vec<(String, Vec<usize>)> = Vec::new();
    for (i, plan) in index.plans.iter().enumerate() {
        match wards.iter_mut().find(|(name, _)| *name == plan.municipality.name) {
            Some((_, plans)) => plans.push(i),
            None => wards.push((plan.municipality.name.clone(), vec![i])),
        }
    }
    wards
}

impl Wards {
    /// The names, and the files of their plans, without their records (the start page doesn't show them).
    pub fn split(index: &PlanIndex, per_file: usize) -> (Wards, Vec<PlanIndex>) {
        let wards = group(index);
        let files = wards
            .chunks(per_file)
            .map(|chunk| PlanIndex {
                schema_version: SCHEMA_VERSION,
                plans: chunk
                    .iter()
                    .flat_map(|(_, plans)| plans.iter().map(|&i| crate::IndexEntry { record: vec![], ..index.plans[i].clone() }))
                    .collect(),
            })
            .collect();
        let names = wards.into_iter().map(|(name, _)| name).collect();
        (Wards { schema_version: SCHEMA_VERSION, per_file, names }, files)
    }

    /// The names of a listing already loaded, whose plans are then the one file.
    pub fn whole(listing: &PlanIndex) -> Wards {
        let names: Vec<String> = group(listing).into_iter().map(|(name, _)| name).collect();
        Wards { schema_version: SCHEMA_VERSION, per_file: names.len().max(1), names }
    }

    /// How many files of plans there are.
    pub fn files(&self) -> usize {
        self.names.len().div_ceil(self.per_file)
    }

    /// Whether file `k` lists plans of its municipalities only, and some of each: the files of two builds
    /// published together are not shown mixed.
    pub fn check(&self, k: usize, file: &PlanIndex) -> Result<(), String> {
        let names = self.names.get(k * self.per_file..).unwrap_or_default();
        let names = &names[..names.len().min(self.per_file)];
        let stray = file.plans.iter().find(|p| !names.contains(&p.municipality.name));
        let missing = names.iter().find(|n| !file.plans.iter().any(|p| p.municipality.name == **n));
        match (stray, missing) {
            (None, None) => Ok(()),
            (Some(plan), _) => Err(format!("lists {}, whose municipality is not one of its own in wards.json", plan.id)),
            (_, Some(name)) => Err(format!("has no plan of {name}, which wards.json puts in it")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{IndexEntry, Municipality, Period};

    fn index(municipalities: &[&str]) -> PlanIndex {
        let plans = municipalities
            .iter()
            .enumerate()
            .map(|(i, name)| {
                let municipality = Municipality { name: name.to_string(), code: String::new() };
                IndexEntry::listed(&format!("p{i}"), "計画", &municipality, Period { from: 2024, to: 2025 }, "策定", 1, 1)
            })
            .collect();
        PlanIndex { schema_version: SCHEMA_VERSION, plans }
    }

    #[test]
    fn a_municipality_with_plans_apart_in_the_index_is_listed_once_with_all_of_them() {
        let (wards, files) = Wards::split(&index(&["板橋区", "北区", "板橋区", "台東区"]), 2);
        assert_eq!(wards.names, ["板橋区", "北区", "台東区"]);
        assert_eq!(wards.files(), 2);
        let ids = |f: &PlanIndex| f.plans.iter().map(|p| p.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&files[0]), ["p0", "p2", "p1"]);
        assert_eq!(ids(&files[1]), ["p3"]);
        for (k, file) in files.iter().enumerate() {
            assert_eq!(wards.check(k, file), Ok(()));
        }
    }

    #[test]
    fn a_file_of_another_build_is_refused() {
        let (wards, files) = Wards::split(&index(&["板橋区", "北区", "台東区"]), 2);
        assert!(wards.check(0, &files[1]).unwrap_err().contains("p2"));
        assert!(wards.check(1, &index(&[])).unwrap_err().contains("台東区"));
        assert!(wards.check(5, &files[0]).is_err());
    }

    #[test]
    fn a_loaded_listing_is_one_file() {
        let listing = index(&["板橋区", "北区"]);
        let wards = Wards::whole(&listing);
        assert_eq!((wards.per_file, wards.files()), (2, 1));
        assert_eq!(wards.check(0, &listing), Ok(()));
        assert_eq!(Wards::whole(&index(&[])).files(), 0);
    }
}
