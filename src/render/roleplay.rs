//! The role-play's screens: the briefing with the rubric, the partner's lines, `:hint`,
//! `:rubric`, `:time`, and the debrief.

use std::fmt::Write as _;

use super::bank::{clock, section};
use super::{clean, wrap, wrap_hanging, Paint};
use crate::roleplay::{Band, Debrief, Scenario};

/// The briefing: the setting, the goals, what to review, the ground rules, the time box,
/// and the rubric it will be judged on; then how to take part.
pub fn briefing(s: &Scenario, interactive: bool, paint: &Paint) -> String {
    let w = paint.style.width;
    let mut out = format!(
        "{}\n{}\n\n",
        paint.heading(&wrap(&format!("Role-play: {}", s.title), w, "")),
        paint.dim(&wrap(
            &format!(
                "{} minutes · you meet {}, {}",
                s.minutes, s.partner.name, s.partner.role
            ),
            w,
            ""
        ))
    );
    out.push_str(&wrap(&s.setting, w, ""));
    out.push_str("\n\n");
    section(&mut out, paint, "Your goals", s.goals.iter().cloned());
    section(
        &mut out,
        paint,
        "Review before you start",
        s.review.iter().cloned(),
    );
    section(
        &mut out,
        paint,
        "Ground rules",
        s.ground_rules.iter().cloned(),
    );
    out.push_str(&rubric(s, paint));
    if interactive {
        let how = "Speak as you would in the meeting: Enter starts a new line, Enter on an empty line sends the turn. :hint says what the partner is waiting for, :rubric shows this rubric, :time the clock, :end ends the meeting with a debrief, :restart starts again, :help lists them. Ctrl-C clears a draft, Ctrl-D ends.";
        out.push_str(&paint.dim(&wrap(how, w, "")));
        out.push('\n');
    }
    out
}

/// The criteria and the anchors the meeting is judged on.
pub fn rubric(s: &Scenario, paint: &Paint) -> String {
    let mut out = String::new();
    section(
        &mut out,
        paint,
        "You are judged on",
        s.criteria.iter().map(|c| c.text.clone()),
    );
    section(
        &mut out,
        paint,
        "Anchors",
        [
            format!("Exceeds: {}", s.anchors.exceeds),
            format!("Meets: {}", s.anchors.meets),
            format!("Below: {}", s.anchors.below),
        ]
        .into_iter(),
    );
    out
}

/// The partner's lines, under their name.
pub fn partner(name: &str, lines: &[String], paint: &Paint) -> String {
    if lines.is_empty() {
        return format!(
            "{}\n",
            paint.dim(&format!("({} waits for you to go on.)", clean(name)))
        );
    }
    let head = format!("{}: ", clean(name));
    format!(
        "\n{}\n\n",
        headed(&head, &lines.join(" "), &paint.accent(&head), "  ", paint)
    )
}

/// `text` wrapped after a head of the same width as `plain` (shown as `shown`, which may
/// be coloured), its later lines starting with `rest`.
fn headed(plain: &str, text: &str, shown: &str, rest: &str, paint: &Paint) -> String {
    let room = " ".repeat(textwrap::core::display_width(plain));
    let body = wrap_hanging(&clean(text), paint.style.width, &room, rest);
    format!(
        "{shown}{}",
        body.strip_prefix(room.as_str()).unwrap_or(&body)
    )
}

/// The stage's hint.
pub fn hint(stage: &str, hint: &str, paint: &Paint) -> String {
    let head = format!("Hint ({}): ", clean(stage));
    format!(
        "{}\n",
        headed(&head, hint, &paint.heading(&head), "  ", paint)
    )
}

/// The nudge after two turns the partner did not react to.
pub fn hint_offer(name: &str, paint: &Paint) -> String {
    let text =
        format!("({name} is waiting for something you have not said yet: type :hint to see what.)");
    format!("{}\n", paint.dim(&wrap(&text, paint.style.width, "")))
}

/// `:time`: the time since the start, and the spoken time estimated from the words said.
pub fn time(elapsed: u32, spoken: u32, minutes: u32, paint: &Paint) -> String {
    format!(
        "{} since the start; about {} spoken so far; the meeting is {} minutes.\n",
        paint.heading(&clock(elapsed)),
        clock(spoken),
        minutes
    )
}

/// The debrief as text.
pub fn debrief(d: &Debrief, paint: &Paint) -> String {
    let w = paint.style.width;
    let mut out = String::new();
    let rule = "─".repeat(w.min(72));
    let _ = writeln!(out, "\n{}", paint.dim(&rule));
    let band = match d.anchor {
        Band::Exceeds => paint.good("EXCEEDS"),
        Band::Meets => paint.good("MEETS"),
        Band::Below => paint.bad("BELOW"),
    };
    let _ = writeln!(out, "{} {}", paint.heading("Debrief:"), band);
    let meta = format!(
        "{} turn{} · about {} spoken of {} minutes · seed {}",
        d.turns,
        if d.turns == 1 { "" } else { "s" },
        clock(d.spoken_seconds),
        d.minutes,
        d.seed
    );
    let _ = writeln!(out, "{}", paint.dim(&wrap(&meta, w, "  ")));
    out.push_str(&wrap(&d.anchor_text, w, "  "));
    out.push('\n');
    if d.ending == crate::roleplay::Ending::WalkedOut {
        out.push_str(&paint.warn(&wrap(
            "The partner ended the meeting early: the tension stayed at its highest for two turns in a row.",
            w,
            "  ",
        )));
        out.push('\n');
    }
    out.push('\n');
    let _ = writeln!(out, "{}", paint.heading("Criteria"));
    for c in &d.criteria {
        let mark = if c.met {
            paint.good("✓")
        } else {
            paint.bad("✗")
        };
        let _ = writeln!(
            out,
            "{}",
            headed("  ✓ ", &c.text, &format!("  {mark} "), "    ", paint)
        );
        for e in &c.evidence {
            let line = format!("turn {}: \"{}\"", e.turn, e.text);
            let _ = writeln!(out, "{}", paint.dim(&wrap(&line, w, "      ")));
        }
        if let Some(note) = &c.note {
            let _ = writeln!(out, "{}", paint.dim(&wrap(note, w, "      ")));
        }
    }
    out.push('\n');
    let _ = writeln!(out, "{}", paint.heading("The partner's hidden concerns"));
    for c in &d.concerns {
        let (mark, when) = match c.turn {
            Some(t) => (paint.good("✓"), format!(" (your question in turn {t})")),
            None => (paint.bad("✗"), " (never surfaced)".to_string()),
        };
        let text = format!("{}{when}", c.text);
        let _ = writeln!(
            out,
            "{}",
            headed("  ✓ ", &text, &format!("  {mark} "), "    ", paint)
        );
    }
    out.push('\n');
    if !d.negatives.is_empty() {
        let _ = writeln!(out, "{}", paint.heading("What cost you"));
        for n in &d.negatives {
            let text = format!("{} (turn {}: \"{}\")", n.text, n.turn, n.said);
            let shown = format!("  {} ", paint.warn("!"));
            let _ = writeln!(out, "{}", headed("  ! ", &text, &shown, "    ", paint));
        }
        out.push('\n');
    }
    if !d.changes.is_empty() {
        let _ = writeln!(out, "{}", paint.heading("Change these first"));
        for (i, c) in d.changes.iter().enumerate() {
            let head = format!("  {}. ", i + 1);
            let _ = writeln!(out, "{}", headed(&head, c, &head, "     ", paint));
        }
        out.push('\n');
    }
    out
}
