//! Drills: a coach's JSON file that says which questions to practise, how, and what an
//! answer must show to pass — validated like banks (file, line, column, field), run in the
//! practice loop, and used to grade a cohort's answers.

pub mod grade;

use serde::{Deserialize, Serialize};

use crate::analysis::Report;
use crate::bank::{choose, Catalog, Filter, Kind, Level, Order, Plan, QuestionRef};
use crate::data::locate;
use crate::error::{Error, Result};

/// A drill file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Drill {
    pub name: String,
    /// Shown before the first question.
    pub instructions: String,
    pub select: Selection,
    /// How many questions (at most); 0 means all that the selection finds.
    #[serde(default)]
    pub count: usize,
    #[serde(default)]
    pub order: DrillOrder,
    /// Seed for the random order, so every client gets the same questions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<u64>,
    /// Overrides each question's time budget.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_budget_seconds: Option<u32>,
    pub pass: PassRules,
}

/// Which questions: ids, or filters (all optional; empty selects everything).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Selection {
    #[serde(default)]
    pub ids: Vec<String>,
    #[serde(default)]
    pub banks: Vec<String>,
    #[serde(default)]
    pub kinds: Vec<Kind>,
    #[serde(default)]
    pub competencies: Vec<String>,
    #[serde(default)]
    pub levels: Vec<Level>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DrillOrder {
    #[default]
    Bank,
    Random,
}

/// The five parts, as drill files name them.
pub use crate::analysis::Part;

/// What an answer must show to pass.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PassRules {
    #[serde(default)]
    pub min_score: u32,
    #[serde(default)]
    pub required_parts: Vec<Part>,
    #[serde(default)]
    pub min_metrics: usize,
}

/// One pass rule's verdict on one answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verdict {
    /// What the rule asks ("score ≥ 60").
    pub rule: String,
    pub passed: bool,
    /// What fell short, when it did ("score 48 of 60").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gap: Option<String>,
}

impl Verdict {
    fn new(rule: String, passed: bool, gap: impl FnOnce() -> String) -> Verdict {
        Verdict {
            rule,
            passed,
            gap: (!passed).then(gap),
        }
    }
}

impl PassRules {
    /// The rules in words, as a coach would tell a candidate what passes.
    pub fn describe(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.min_score > 0 {
            out.push(format!("a score of at least {}", self.min_score));
        }
        for part in &self.required_parts {
            out.push(format!("a clear {part}"));
        }
        if self.min_metrics > 0 {
            out.push(format!(
                "at least {} measured result{}",
                self.min_metrics,
                if self.min_metrics == 1 { "" } else { "s" }
            ));
        }
        out.push(
            "substance the checker does not hold below (on topic, specific, not a list of cues, not copied)"
                .into(),
        );
        out
    }

    /// Every rule's verdict on a report. However the rules are set, an answer the checker
    /// holds below for want of substance (off-topic, copied, a list of cues…) does not pass:
    /// a drill must not reward what the score refuses to.
    pub fn judge(&self, r: &Report) -> Vec<Verdict> {
        let mut out = vec![Verdict::new(
            "passes the substance gates".into(),
            r.cap.is_none(),
            || {
                r.cap
                    .as_ref()
                    .map(|c| format!("held below: {}", c.reason))
                    .unwrap_or_default()
            },
        )];
        if self.min_score > 0 {
            out.push(Verdict::new(
                format!("score ≥ {}", self.min_score),
                r.score >= self.min_score,
                || format!("score {} of {}", r.score, self.min_score),
            ));
        }
        for &part in &self.required_parts {
            out.push(Verdict::new(
                format!("{part} present"),
                r.parts.get(part).present,
                || format!("no {part}"),
            ));
        }
        if self.min_metrics > 0 {
            let plural = |n: usize| if n == 1 { "" } else { "s" };
            out.push(Verdict::new(
                format!("≥ {} metric{}", self.min_metrics, plural(self.min_metrics)),
                r.metrics.len() >= self.min_metrics,
                || {
                    format!(
                        "{} metric{} of {}",
                        r.metrics.len(),
                        plural(r.metrics.len()),
                        self.min_metrics
                    )
                },
            ));
        }
        out
    }
}

/// Parse and check a drill file against the loaded questions.
pub fn parse_drill(file: &str, text: &str, catalog: &Catalog) -> Result<Drill> {
    let drill: Drill = crate::data::parse_json(file, text)?;
    let mut problems: Vec<(Vec<locate::Seg>, String)> = Vec::new();
    let key = |k: &str| locate::Seg::Key(k.to_string());
    if drill.name.trim().is_empty() {
        problems.push((vec![key("name")], "expected non-empty text".into()));
    }
    if drill.pass.min_score > 100 {
        problems.push((
            vec![key("pass"), key("min_score")],
            format!("expected 0 to 100, found {}", drill.pass.min_score),
        ));
    }
    if let Some(b) = drill.time_budget_seconds {
        if !(10..=3600).contains(&b) {
            problems.push((
                vec![key("time_budget_seconds")],
                format!("expected 10 to 3600 seconds, found {b}"),
            ));
        }
    }
    for (i, id) in drill.select.ids.iter().enumerate() {
        if let Err(e) = catalog.question(id) {
            problems.push((
                vec![key("select"), key("ids"), locate::Seg::Index(i)],
                e.to_string(),
            ));
        }
    }
    for (i, id) in drill.select.banks.iter().enumerate() {
        if let Err(e) = catalog.bank(id) {
            problems.push((
                vec![key("select"), key("banks"), locate::Seg::Index(i)],
                e.to_string(),
            ));
        }
    }
    if problems.is_empty() && questions(&drill, catalog).is_err() {
        problems.push((
            vec![key("select")],
            "selects no question; see `prepcoach questions` for what there is".into(),
        ));
    }
    if problems.is_empty() {
        return Ok(drill);
    }
    Err(Error::Invalid(locate::diagnostics(file, text, problems)))
}

/// The questions a drill asks, in its order.
pub fn questions<'a>(drill: &Drill, catalog: &'a Catalog) -> Result<Vec<QuestionRef<'a>>> {
    let plan = Plan {
        ids: drill.select.ids.clone(),
        filter: Filter {
            banks: drill.select.banks.clone(),
            kinds: drill.select.kinds.clone(),
            competencies: drill.select.competencies.clone(),
            levels: drill.select.levels.clone(),
            rounds: Vec::new(),
            search: None,
        },
        count: drill.count,
        order: match drill.order {
            DrillOrder::Bank => Order::Bank,
            DrillOrder::Random => Order::Random,
        },
        seed: drill.seed.or(Some(0)),
    };
    choose(catalog, &plan)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_drills_validate() {
        let c = Catalog::builtin().unwrap();
        for f in [
            "examples/drills/partner-rescue.json",
            "examples/drills/concepts-warmup.json",
        ] {
            let text = std::fs::read_to_string(f).unwrap();
            let d = parse_drill(f, &text, &c).unwrap_or_else(|e| panic!("{e}"));
            assert!(!questions(&d, &c).unwrap().is_empty());
        }
    }

    #[test]
    fn errors_point_at_line_and_field() {
        let c = Catalog::builtin().unwrap();
        let text = "{\n  \"name\": \"x\",\n  \"instructions\": \"y\",\n  \"select\": {\"ids\": [\"spm-01\", \"spm-99\"]},\n  \"pass\": {\"min_score\": 120}\n}";
        let err = parse_drill("d.json", text, &c).unwrap_err().to_string();
        assert!(
            err.contains("d.json:4:")
                && err.contains("field `select.ids[1]`")
                && err.contains("spm-99"),
            "{err}"
        );
        assert!(
            err.contains("field `pass.min_score`: expected 0 to 100"),
            "{err}"
        );
        let err = parse_drill("d.json", "{\"name\": \"x\", \"instructions\": \"y\", \"select\": {}, \"pass\": {\"min_scor\": 1}}", &c)
            .unwrap_err()
            .to_string();
        assert!(err.contains("did you mean `min_score`"), "{err}");
    }
}
