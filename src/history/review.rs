//! Spaced review with FSRS (the rs-fsrs scheduler, as Anki uses FSRS): each checked answer
//! is a review of its question, rated from the checker's band — weak answers come back
//! soon, strong ones later — and every scheduling step is kept so it can be replayed.

use chrono::{DateTime, Utc};
use rs_fsrs::{Card, Rating, FSRS};

use super::Record;

/// The FSRS rating for an answer: `below` → Again, `meets` → Hard, `exceeds` → Good, and
/// Easy for an `exceeds` of 90 or more. Looking at the hint or the model answer first caps
/// the rating at Hard: the candidate had help.
pub fn rating(r: &Record) -> Rating {
    let by_band = match r.band.as_str() {
        "exceeds" if r.score >= 90 => Rating::Easy,
        "exceeds" => Rating::Good,
        "meets" => Rating::Hard,
        _ => Rating::Again,
    };
    if (r.hint_seen || r.model_seen) && matches!(by_band, Rating::Good | Rating::Easy) {
        Rating::Hard
    } else {
        by_band
    }
}

/// The time of a record, falling back to now for a timestamp that does not parse.
pub fn when(at: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(at).map_or_else(|_| Utc::now(), |t| t.with_timezone(&Utc))
}

/// The card after reviewing `previous` (a new card when none) with this record's rating.
pub fn next_card(previous: Option<Card>, r: &Record) -> Card {
    let now = when(&r.at);
    let card = previous.unwrap_or_else(|| Card {
        due: now,
        last_review: now,
        ..Card::default()
    });
    FSRS::default().next(card, now, rating(r)).card
}

/// Pick up to `count` questions for a review session from `candidates` (in preference
/// order): the due ones first, most overdue first; then never-tried ones.
/// A due date as a reader wants it: `28 Nov 2026`.
pub fn human_day(d: DateTime<Utc>) -> String {
    d.format("%-d %b %Y").to_string()
}

pub fn pick(
    candidates: &[String],
    due: &[(String, DateTime<Utc>)],
    now: DateTime<Utc>,
    count: usize,
) -> Vec<String> {
    let mut overdue: Vec<&(String, DateTime<Utc>)> = due
        .iter()
        .filter(|(q, d)| *d <= now && candidates.contains(q))
        .collect();
    overdue.sort_by_key(|(_, d)| *d);
    let mut out: Vec<String> = overdue.into_iter().map(|(q, _)| q.clone()).collect();
    let seen: Vec<&String> = due.iter().map(|(q, _)| q).collect();
    out.extend(candidates.iter().filter(|q| !seen.contains(q)).cloned());
    out.truncate(count);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(band: &str, score: u32, at: &str, peek: bool) -> Record {
        Record {
            at: at.into(),
            question_id: "q".into(),
            bank_id: "b".into(),
            competency: "c".into(),
            kind: "behavioral".into(),
            answer: "a".into(),
            score,
            band: band.into(),
            missing: vec![],
            report: serde_json::Value::Null,
            seconds: 1.0,
            hint_seen: peek,
            model_seen: false,
            retry: false,
            followup: false,
            follow_up_question: None,
            drill: None,
            session: String::new(),
        }
    }

    #[test]
    fn weak_answers_come_back_sooner_than_strong_ones() {
        let at = "2026-11-01T10:00:00Z";
        let weak = next_card(None, &rec("below", 20, at, false));
        let strong = next_card(None, &rec("exceeds", 95, at, false));
        assert!(weak.due < strong.due, "{:?} {:?}", weak.due, strong.due);
        assert_eq!(rating(&rec("exceeds", 95, at, true)), Rating::Hard);
        // A second strong answer pushes the question further out.
        let later = next_card(
            Some(strong.clone()),
            &rec("exceeds", 95, &strong.due.to_rfc3339(), false),
        );
        assert!(later.due - strong.due > strong.due - when(at));
    }

    #[test]
    fn due_first_then_never_tried() {
        let now = when("2026-11-10T00:00:00Z");
        let cands: Vec<String> = ["a", "b", "c", "d"]
            .iter()
            .map(std::string::ToString::to_string)
            .collect();
        let due = vec![
            ("b".to_string(), when("2026-11-09T00:00:00Z")),
            ("a".to_string(), when("2026-11-05T00:00:00Z")),
            ("c".to_string(), when("2026-12-01T00:00:00Z")),
        ];
        assert_eq!(pick(&cands, &due, now, 3), ["a", "b", "d"]);
    }
}
