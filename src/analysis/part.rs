//! The five parts of a strong answer, as a type: the checker, drills, history and rendering
//! name a part by this enum, never by a string or an index.

use serde::{Deserialize, Serialize};

/// A part of a strong answer, in speaking order (the order of [`Part::ALL`]).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::Display,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::VariantArray,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Part {
    Context,
    Approach,
    Example,
    Outcome,
    Learning,
}

impl Part {
    /// Every part, in speaking order.
    pub const ALL: [Part; 5] = [
        Part::Context,
        Part::Approach,
        Part::Example,
        Part::Outcome,
        Part::Learning,
    ];

    /// The part's name, as reports, drills and the rules file spell it.
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// One value per part, indexed by [`Part`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PartMap<T>(pub [T; 5]);

impl<T> PartMap<T> {
    /// Each part with its value, in speaking order.
    pub fn iter(&self) -> impl Iterator<Item = (Part, &T)> {
        Part::ALL.into_iter().zip(&self.0)
    }
}

impl<T> std::ops::Index<Part> for PartMap<T> {
    type Output = T;
    fn index(&self, p: Part) -> &T {
        &self.0[p as usize]
    }
}

impl<T> std::ops::IndexMut<Part> for PartMap<T> {
    fn index_mut(&mut self, p: Part) -> &mut T {
        &mut self.0[p as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use strum::VariantArray as _;

    #[test]
    fn all_lists_every_part_in_order_with_its_name() {
        assert_eq!(Part::ALL.as_slice(), Part::VARIANTS);
        let names: Vec<&str> = Part::ALL.iter().map(|p| p.as_str()).collect();
        assert_eq!(
            names,
            ["context", "approach", "example", "outcome", "learning"]
        );
        assert_eq!("outcome".parse::<Part>().ok(), Some(Part::Outcome));
        assert_eq!(
            serde_json::to_string(&Part::Learning).unwrap(),
            "\"learning\""
        );
    }
}
