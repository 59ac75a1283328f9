//! What a history says: attempts, average and best score per competency and per kind, the
//! trend of each competency, the gaps that keep recurring, and questions not yet tried.

use std::collections::BTreeMap;

use serde::Serialize;

use super::Record;

/// Scores for one competency or kind.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    pub name: String,
    pub attempts: usize,
    pub average: f64,
    pub best: u32,
    /// Scores in order, the most recent last (at most the last 20).
    pub trend: Vec<u32>,
}

/// A gap that keeps coming back in recent answers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recurring {
    /// `part` (missing part) or `finding` (a checker rule).
    pub kind: &'static str,
    pub name: String,
    pub count: usize,
    pub of_last: usize,
}

impl Recurring {
    /// How reports name it: "no learning" for a part, the rule id for a finding.
    pub fn label(&self) -> String {
        if self.kind == "part" {
            format!("no {}", self.name)
        } else {
            self.name.clone()
        }
    }
}

/// The progress report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Progress {
    pub attempts: usize,
    pub by_competency: Vec<Group>,
    pub by_kind: Vec<Group>,
    pub recurring: Vec<Recurring>,
    pub untried: Vec<String>,
    /// Answers to follow-up questions, judged as follow-ups (kept out of the groups
    /// above, which are about answers to the questions themselves).
    pub follow_ups: FollowUps,
}

/// How the answers to follow-up questions went.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct FollowUps {
    pub attempts: usize,
    pub average: f64,
    pub best: u32,
    /// How many reached meets or better.
    pub meets: usize,
}

/// How many recent answers recurring gaps are counted over.
pub const RECENT: usize = 10;

/// Summarise `records` (oldest first); `all_questions` lists every loaded question id.
pub fn progress(records: &[Record], all_questions: &[String]) -> Progress {
    let answers: Vec<&Record> = records.iter().filter(|r| !r.followup).collect();
    let group = |key: fn(&Record) -> &str| -> Vec<Group> {
        let mut map: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
        for r in &answers {
            map.entry(key(r)).or_default().push(r.score);
        }
        map.into_iter()
            .map(|(name, scores)| Group {
                name: name.to_string(),
                attempts: scores.len(),
                average: (f64::from(scores.iter().sum::<u32>()) / scores.len() as f64 * 10.0)
                    .round()
                    / 10.0,
                best: scores.iter().copied().max().unwrap_or(0),
                trend: scores[scores.len().saturating_sub(20)..].to_vec(),
            })
            .collect()
    };
    let recent = &answers[answers.len().saturating_sub(RECENT)..];
    let mut counts: BTreeMap<(&'static str, String), usize> = BTreeMap::new();
    for r in recent {
        for part in &r.missing {
            *counts.entry(("part", part.clone())).or_default() += 1;
        }
        let mut rules: Vec<String> = r.report["findings"]
            .as_array()
            .map(|f| {
                f.iter()
                    .filter_map(|x| x["rule"].as_str())
                    .filter(|rule| !rule.starts_with("missing-"))
                    .map(String::from)
                    .collect()
            })
            .unwrap_or_default();
        rules.sort();
        rules.dedup();
        for rule in rules {
            *counts.entry(("finding", rule)).or_default() += 1;
        }
    }
    let mut recurring: Vec<Recurring> = counts
        .into_iter()
        .filter(|(_, n)| *n >= 2)
        .map(|((kind, name), count)| Recurring {
            kind,
            name,
            count,
            of_last: recent.len(),
        })
        .collect();
    // Missing parts before findings at the same count: they are the gaps to work on first.
    recurring.sort_by(|a, b| b.count.cmp(&a.count).then(b.kind.cmp(a.kind)));
    recurring.truncate(6);
    let tried: std::collections::HashSet<&str> =
        answers.iter().map(|r| r.question_id.as_str()).collect();
    let follow: Vec<&Record> = records.iter().filter(|r| r.followup).collect();
    let follow_ups = FollowUps {
        attempts: follow.len(),
        average: if follow.is_empty() {
            0.0
        } else {
            (f64::from(follow.iter().map(|r| r.score).sum::<u32>()) / follow.len() as f64 * 10.0)
                .round()
                / 10.0
        },
        best: follow.iter().map(|r| r.score).max().unwrap_or(0),
        meets: follow.iter().filter(|r| r.band != "below").count(),
    };
    Progress {
        attempts: answers.len(),
        follow_ups,
        by_competency: group(|r| &r.competency),
        by_kind: group(|r| &r.kind),
        recurring,
        untried: all_questions
            .iter()
            .filter(|q| !tried.contains(q.as_str()))
            .cloned()
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(q: &str, comp: &str, score: u32, missing: &[&str]) -> Record {
        Record {
            at: "2026-11-21T10:00:00Z".into(),
            question_id: q.into(),
            bank_id: "b".into(),
            competency: comp.into(),
            kind: "behavioral".into(),
            answer: "a".into(),
            score,
            band: "below".into(),
            missing: missing
                .iter()
                .map(std::string::ToString::to_string)
                .collect(),
            report: serde_json::json!({"findings": [{"rule": "no-metrics"}, {"rule": "missing-learning"}]}),
            seconds: 1.0,
            hint_seen: false,
            model_seen: false,
            retry: false,
            followup: false,
            follow_up_question: None,
            drill: None,
            session: String::new(),
        }
    }

    #[test]
    fn groups_trends_recurring_and_untried() {
        let records = vec![
            rec("q1", "negotiation", 40, &["learning"]),
            rec("q1", "negotiation", 80, &[]),
            rec("q2", "communication", 30, &["learning", "outcome"]),
        ];
        let all = vec!["q1".to_string(), "q2".to_string(), "q3".to_string()];
        let p = progress(&records, &all);
        assert_eq!(p.attempts, 3);
        let neg = p
            .by_competency
            .iter()
            .find(|g| g.name == "negotiation")
            .unwrap();
        assert_eq!((neg.attempts, neg.best, neg.average), (2, 80, 60.0));
        assert_eq!(neg.trend, [40, 80]);
        assert_eq!(p.recurring[0].name, "no-metrics");
        assert_eq!(p.recurring[0].count, 3);
        assert!(p
            .recurring
            .iter()
            .any(|r| r.name == "learning" && r.count == 2));
        assert_eq!(p.untried, ["q3"]);
    }
}
