//! A history's progress as text: scores per competency and per kind with their trend, the
//! gaps that keep coming back, and what is left to try. The per-group table ([`groups`]) is
//! also the one the shareable reports in [`super::share`] write.

use std::fmt::Write;

use super::table::{self, Align, Cell, Table, TextLayout, Tone};
use super::{clean, Paint};
use crate::history::progress::{Group, Progress};

/// Scores (0–100) as a one-line chart: ▁▂▃▄▅▆▇█.
pub fn sparkline(scores: &[u32]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    scores
        .iter()
        .map(|s| BARS[((*s).min(100) as usize * 7 + 50) / 100])
        .collect()
}

/// Per competency (or kind, the column `named`): answers, average, best score and the
/// trend as a sparkline.
pub fn groups(named: &'static str, groups: &[Group]) -> Table {
    let mut t = Table::new(&[
        (named, Align::Left),
        ("answers", Align::Right),
        ("average", Align::Right),
        ("best", Align::Right),
        ("trend", Align::Left),
    ]);
    for g in groups {
        t.row(vec![
            Cell::new(&g.name),
            Cell::new(g.attempts),
            Cell::new(format!("{:.1}", g.average)),
            Cell::new(g.best),
            Cell::new(sparkline(&g.trend)).tone(Tone::Accent),
        ]);
    }
    t
}

/// The groups in the terminal: the title stands above, so its column has no header word,
/// and answers are "tries".
const GROUPS_TEXT: TextLayout = TextLayout {
    indent: "  ",
    header: Some(&["", "tries", "average", "best", "trend"]),
    columns: &[
        (0, 24, ""),
        (1, 5, " "),
        (2, 7, " "),
        (3, 5, " "),
        (4, 0, "  "),
    ],
};

/// `prepcoach progress` as text.
pub fn text(p: &Progress, paint: &Paint) -> String {
    let mut out = String::new();
    if p.attempts == 0 {
        out.push_str("No attempts yet. Run `prepcoach` to practise; every answer is kept here.\n");
        return out;
    }
    let _ = writeln!(out, "{} {} answers", paint.heading("Progress:"), p.attempts);
    for (title, table) in [
        ("By competency", groups("competency", &p.by_competency)),
        ("By kind", groups("kind", &p.by_kind)),
    ] {
        let _ = writeln!(out, "\n{}", paint.heading(title));
        out.push_str(&table::text(&table, &GROUPS_TEXT, paint));
    }
    let f = &p.follow_ups;
    if f.attempts > 0 {
        let _ = writeln!(
            out,
            "\n{} {} answered, average {}, best {}, {} at meets or better",
            paint.heading("Follow-up questions:"),
            f.attempts,
            f.average,
            f.best,
            f.meets
        );
    }
    if !p.recurring.is_empty() {
        let _ = writeln!(out, "\n{}", paint.heading("What keeps coming back"));
        for r in &p.recurring {
            let what = r.label();
            let _ = writeln!(
                out,
                "  {} in {} of your last {} answers",
                paint.warn(&what),
                r.count,
                r.of_last
            );
        }
    }
    let _ = writeln!(
        out,
        "\n{} {} question{} not tried yet{}",
        paint.heading("Next:"),
        p.untried.len(),
        if p.untried.len() == 1 { "" } else { "s" },
        p.untried
            .first()
            .map(|q| format!(", e.g. `prepcoach practice --question {}`", clean(q)))
            .unwrap_or_default()
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparkline_maps_scores_to_bars() {
        assert_eq!(sparkline(&[0, 50, 100]), "▁▅█");
    }
}
