//! Choosing a session's questions: by id, or by filter, in bank or seeded random order,
//! never repeating one. It lives with the banks (not the session) because a drill chooses
//! its questions the same way, and the command line only names an [`Order`].

use super::{Catalog, Filter, QuestionRef};
use crate::error::{Error, Result};

/// The order questions are asked in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    #[default]
    Random,
    Bank,
}

/// What to practise.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    pub ids: Vec<String>,
    pub filter: Filter,
    pub count: usize,
    pub order: Order,
    pub seed: Option<u64>,
}

/// The questions for a session, at most `count`, each once.
pub fn choose<'a>(catalog: &'a Catalog, plan: &Plan) -> Result<Vec<QuestionRef<'a>>> {
    let mut list: Vec<QuestionRef<'a>> = if plan.ids.is_empty() {
        catalog.select(&plan.filter)?
    } else {
        plan.ids
            .iter()
            .map(|id| catalog.question(id))
            .collect::<Result<_>>()?
    };
    let mut seen = std::collections::HashSet::new();
    list.retain(|q| seen.insert(q.question.id.clone()));
    if list.is_empty() {
        return Err(Error::Usage(
            "no question matches these filters; see `prepcoach questions` for what there is".into(),
        ));
    }
    if plan.order == Order::Random && plan.ids.is_empty() {
        let mut rng = match plan.seed {
            Some(s) => fastrand::Rng::with_seed(s),
            None => fastrand::Rng::new(),
        };
        rng.shuffle(&mut list);
    }
    if plan.count > 0 {
        list.truncate(plan.count.max(1));
    }
    Ok(list)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeded_random_order_repeats_and_never_duplicates() {
        let c = Catalog::builtin().unwrap();
        let plan = Plan {
            count: 10,
            seed: Some(7),
            ..Plan::default()
        };
        let a: Vec<String> = choose(&c, &plan)
            .unwrap()
            .iter()
            .map(|q| q.question.id.clone())
            .collect();
        let b: Vec<String> = choose(&c, &plan)
            .unwrap()
            .iter()
            .map(|q| q.question.id.clone())
            .collect();
        assert_eq!(a, b);
        assert_eq!(a.len(), 10);
        let mut d = a.clone();
        d.sort();
        d.dedup();
        assert_eq!(d.len(), 10);
    }

    #[test]
    fn ids_keep_their_order_and_unknown_ids_fail() {
        let c = Catalog::builtin().unwrap();
        let plan = Plan {
            ids: vec!["kit-02".into(), "spm-01".into(), "kit-02".into()],
            count: 5,
            ..Plan::default()
        };
        let got: Vec<String> = choose(&c, &plan)
            .unwrap()
            .iter()
            .map(|q| q.question.id.clone())
            .collect();
        assert_eq!(got, ["kit-02", "spm-01"]);
        let bad = Plan {
            ids: vec!["nope".into()],
            ..Plan::default()
        };
        assert!(choose(&c, &bad).is_err());
    }
}
