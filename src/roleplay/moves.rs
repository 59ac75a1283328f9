//! Reading a candidate's turn for moves: a question, an acknowledgement, data, a proposal,
//! a trade-off said out loud, a concession, a limit held, a next step with an owner and a
//! date, an agenda; and the moves that cost trust: a mandate with no business reason, a
//! promise not checked, a vague commitment, giving in, blame.
//!
//! Each move's cue list lives in `banks/rules/moves.json` (data a coach may tune) and is
//! matched as the checker matches a question's cues ([`CueLists`]): on stems, with the
//! word's sense kept, never inside a negated clause ("I'm not going to drop the tracking"
//! gives up nothing), and a sentence that is only a list of cue words carries no move.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::analysis::coverage::{counting, CueHit, CueLists};
use crate::analysis::view::{self, Fast, SentenceView};
use crate::analysis::{metrics, prepare, Lex, Rules};
use crate::bank::Cued;
use crate::error::{Error, Result};

/// What a turn does in the conversation.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    JsonSchema,
    strum::EnumIter,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Move {
    Question,
    Acknowledge,
    Data,
    Proposal,
    Tradeoff,
    Concession,
    Limit,
    NextStep,
    Agenda,
    Mandate,
    Overpromise,
    Vague,
    Capitulation,
    Blame,
    /// A turn with none of the constructive moves: the partner's point goes unanswered.
    Dodge,
}

impl Move {
    /// The moves that cost the candidate the partner's trust.
    pub fn is_negative(self) -> bool {
        matches!(
            self,
            Move::Mandate | Move::Overpromise | Move::Vague | Move::Capitulation | Move::Blame
        )
    }

    /// The moves that build the conversation.
    pub fn is_positive(self) -> bool {
        !self.is_negative() && self != Move::Dodge
    }

    /// Whether making `made` does what a stage that needs `self` waits for: an offer is on
    /// the table with a proposal, a trade, a concession or a dated commitment.
    pub fn met_by(self, made: Move) -> bool {
        self == made
            || (self == Move::Proposal
                && matches!(made, Move::Tradeoff | Move::Concession | Move::NextStep))
    }

    /// The name used in data files and JSON output.
    pub fn name(self) -> &'static str {
        self.into()
    }
}

/// What a criterion's words must carry to be checked by anyone: a figure ("$15K once ten
/// opportunities are registered"), or at least a date or a cadence ("by the 15th", "every
/// month").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Checkable {
    Figure,
    Date,
}

/// How one move is recognised, as `banks/rules/moves.json` gives it.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MoveSpec {
    /// Words or phrases that show the move.
    pub cues: Vec<String>,
    /// Words that cancel it anywhere in the turn: a business reason for a mandate, a
    /// rhetorical opener for a question.
    #[serde(default)]
    pub unless: Vec<String>,
    /// Words one of which must be in the same sentence as the cue: a next step needs a date
    /// or a cadence beside its owner.
    #[serde(default)]
    pub with: Vec<String>,
    /// What to do instead (negative moves) or more of (positive ones), for the debrief.
    pub advice: String,
}

const BUILTIN_MOVES: &str = include_str!("../../banks/rules/moves.json");

/// A sentence needs this many words to carry a move ("Why is that?"), but for an
/// acknowledgement ("Fair point.") or a cued question: a word with a question mark
/// ("Capacity?") asks nothing.
const MIN_WORDS: usize = 3;
/// A sentence of this many pieces or more (between commas, semicolons, colons, dashes or
/// slashes), most of them nothing but cue words, is a list of magic words: it carries no
/// move. A short sentence dense with cues ("I'll get you double the leads, guaranteed") is
/// still a sentence.
const DUMP_PIECES: usize = 3;
/// Words by which a sentence has someone in it.
const PERSONS: &[&str] = &[
    "i", "i'm", "i'll", "i'd", "i've", "me", "my", "we", "we're", "we'll", "we'd", "we've", "us",
    "our", "you", "you're", "you'll", "you'd", "you've", "your", "let's",
];
const DUMP_SHARE: f64 = 0.6;

/// A move found in a turn, with the words that show it (byte offsets into the turn).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub mv: Move,
    pub start: usize,
    pub end: usize,
}

/// What a turn does and touches.
#[derive(Debug, Clone, Default)]
pub struct Reading {
    /// Each move the turn makes, once, with its first evidence, in the order of [`Move`].
    pub moves: Vec<Found>,
    /// Every sentence each move is in, as (move, sentence index).
    pub in_sentences: Vec<(Move, usize)>,
    /// For each extra cue list, the sentences it is matched in.
    pub touched_in: Vec<Vec<usize>>,
    /// The sentences' spans.
    pub sentences: Vec<(usize, usize)>,
    pub words: usize,
    /// The sentences with a figure in them: an amount, a count, a share, a number of days.
    pub figures: Vec<usize>,
    /// The sentences with a figure, a date or a cadence in them.
    pub dated: Vec<usize>,
}

impl Reading {
    pub fn has(&self, mv: Move) -> bool {
        self.moves.iter().any(|f| f.mv == mv)
    }

    pub fn get(&self, mv: Move) -> Option<&Found> {
        self.moves.iter().find(|f| f.mv == mv)
    }

    /// Whether a question of the turn touches extra cue list `list` (a concern is earned
    /// by asking about it, not by saying it).
    pub fn asks_about(&self, list: usize) -> bool {
        self.touched_in.get(list).is_some_and(|sentences| {
            sentences.iter().any(|si| {
                self.in_sentences
                    .iter()
                    .any(|(m, s)| s == si && *m == Move::Question)
            })
        })
    }

    /// Whether the turn touches extra cue list `list`.
    pub fn touches(&self, list: usize) -> bool {
        self.touched_in.get(list).is_some_and(|s| !s.is_empty())
    }

    /// Where the turn makes one of `moves` about what extra list `list` names, as a byte
    /// span: one sentence that has both, else a sentence that touches the list and the next
    /// that makes the move ("Here's the offer: an 8% referral fee. In exchange, I need…").
    /// With `checkable`, the span must also carry a figure (or a date). A sentence that sets
    /// the agenda or makes a move that costs trust earns no criterion: listing the topics is
    /// not agreeing them, and a trade for "your best effort" is no trade.
    pub fn together(
        &self,
        moves: &[Move],
        list: usize,
        checkable: Option<Checkable>,
    ) -> Option<(usize, usize)> {
        let touched = self.touched_in.get(list)?;
        let spoilt = |si: usize| {
            self.in_sentences
                .iter()
                .any(|(m, s)| *s == si && (m.is_negative() || *m == Move::Agenda))
        };
        let makes = |si: usize| {
            !spoilt(si)
                && self
                    .in_sentences
                    .iter()
                    .any(|(m, s)| *s == si && moves.contains(m))
        };
        let checkable = |from: usize, to: usize| {
            let has = match checkable {
                None => return true,
                Some(Checkable::Figure) => &self.figures,
                Some(Checkable::Date) => &self.dated,
            };
            (from..=to).any(|si| has.contains(&si))
        };
        let (from, to) = touched
            .iter()
            .find(|&&si| makes(si) && checkable(si, si))
            .map(|&si| (si, si))
            .or_else(|| {
                // The next sentence counts only as the other half of a trade ("…an 8%
                // referral fee. In exchange, I need…").
                let trades = |si: usize| {
                    !spoilt(si)
                        && moves.contains(&Move::Tradeoff)
                        && self
                            .in_sentences
                            .iter()
                            .any(|(m, s)| *s == si && *m == Move::Tradeoff)
                };
                touched
                    .iter()
                    .find(|&&si| !spoilt(si) && trades(si + 1) && checkable(si, si + 1))
                    .map(|&si| (si, si + 1))
            })?;
        Some((self.sentences[from].0, self.sentences[to].1))
    }

    /// The sentence around byte `at`.
    pub fn sentence_at(&self, at: usize) -> Option<(usize, usize)> {
        self.sentences
            .iter()
            .copied()
            .find(|&(a, b)| a <= at && at < b.max(a + 1))
    }
}

/// The moves' cue lists, compiled once.
pub struct MoveReader {
    rules: Rules,
    specs: BTreeMap<Move, MoveSpec>,
    /// The moves with cue lists, in the order of `cues`.
    order: Vec<Move>,
    cues: CueLists,
    unless: CueLists,
    with: CueLists,
}

impl std::fmt::Debug for MoveReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MoveReader")
            .field("moves", &self.order)
            .finish_non_exhaustive()
    }
}

impl MoveReader {
    /// The built-in moves file.
    pub fn builtin() -> Result<MoveReader> {
        MoveReader::from_text("banks/rules/moves.json", BUILTIN_MOVES)
    }

    /// A moves file (`name` is used in messages).
    pub fn from_text(name: &str, text: &str) -> Result<MoveReader> {
        let specs: BTreeMap<Move, MoveSpec> = crate::data::parse_json(name, text)?;
        if let Some(mv) = specs.keys().find(|m| **m == Move::Dodge) {
            return Err(Error::Usage(format!(
                "{name}: `{}` is worked out, not matched: it takes no cue list",
                mv.name()
            )));
        }
        let order: Vec<Move> = specs.keys().copied().collect();
        let list = |pick: fn(&MoveSpec) -> &Vec<String>| -> CueLists {
            let cued: Vec<Cued> = order
                .iter()
                .map(|m| Cued {
                    text: m.name().to_string(),
                    cues: pick(&specs[m]).clone(),
                })
                .collect();
            CueLists::new(&cued.iter().collect::<Vec<_>>())
        };
        Ok(MoveReader {
            rules: Rules::builtin()?,
            cues: list(|s| &s.cues),
            unless: list(|s| &s.unless),
            with: list(|s| &s.with),
            order,
            specs,
        })
    }

    /// The speaking pace the checker times answers by (the rules' delivery settings), for
    /// the meeting's spoken time.
    pub fn words_per_minute(&self) -> f64 {
        self.rules.file.delivery.words_per_minute.max(1.0)
    }

    /// How a move is recognised (`None` for one worked out from the others).
    pub fn spec(&self, mv: Move) -> Option<&MoveSpec> {
        self.specs.get(&mv)
    }

    /// Read a turn for moves, and for which of `extra` (compiled with [`compile`]) it
    /// touches.
    pub fn read(&self, text: &str, extra: &CueLists) -> Reading {
        let sentences = prepare(text, &self.rules);
        let views = view::fast(text, &sentences, &self.rules);
        let spans: Vec<(usize, usize)> = views.iter().map(|v| (v.start(), v.end())).collect();
        let words = views.iter().map(SentenceView::len).sum();
        let all_hits = self.cues.hits(text, &views);
        let extra_hits = extra.hits(text, &views);
        // A list of the scenario's words is as empty as a list of move cues.
        let every: Vec<&CueHit> = all_hits.iter().chain(&extra_hits).flatten().collect();
        let dumps = dump_sentences(text, &views, &every);
        let live = |h: &CueHit| !dumps.contains(&h.sentence);
        let hits: Vec<Vec<CueHit>> = all_hits
            .into_iter()
            .map(|hs| counting(hs).into_iter().filter(live).collect())
            .collect();
        let unless = self.unless.hits(text, &views);
        let with = self.with.hits(text, &views);
        let mut found: Vec<Found> = Vec::new();
        let mut in_sentences: Vec<(Move, usize)> = Vec::new();
        for (k, &mv) in self.order.iter().enumerate() {
            // A word that cancels the move does so in its sentence and the ones beside it
            // ("Policy says every deal is logged. It's what gets you paid faster.").
            let cancelled = |si: usize| unless[k].iter().any(|u| u.sentence.abs_diff(si) <= 1);
            // A question commits to nothing: it cannot be a vague commitment.
            let asks_here = |si: usize| asks(text, spans[si]);
            let counted: Vec<&CueHit> = hits[k]
                .iter()
                .filter(|h| {
                    let long_enough = views[h.sentence].len() >= MIN_WORDS
                        || matches!(mv, Move::Acknowledge | Move::Question);
                    let paired = self.specs[&mv].with.is_empty()
                        || with[k].iter().any(|w| w.sentence == h.sentence);
                    long_enough
                        && paired
                        && (mv == Move::Question || !cancelled(h.sentence))
                        && !(mv == Move::Vague && asks_here(h.sentence))
                })
                .collect();
            if let Some(h) = counted.first() {
                found.push(Found {
                    mv,
                    start: h.start,
                    end: h.end,
                });
            }
            in_sentences.extend(counted.iter().map(|h| (mv, h.sentence)));
        }
        if !found.iter().any(|f| f.mv == Move::Question) {
            let k = self.order.iter().position(|m| *m == Move::Question);
            let rhetorical =
                |si: usize| k.is_some_and(|k| unless[k].iter().any(|h| h.sentence == si));
            let asked: Vec<usize> = (0..views.len())
                .filter(|&si| {
                    asks(text, spans[si])
                        && views[si].len() >= MIN_WORDS
                        && !rhetorical(si)
                        && !dumps.contains(&si)
                })
                .collect();
            if let Some(&si) = asked.first() {
                found.push(Found {
                    mv: Move::Question,
                    start: spans[si].0,
                    end: spans[si].1,
                });
            }
            in_sentences.extend(asked.iter().map(|&si| (Move::Question, si)));
        }
        // Corporate jargon in place of a reason ("a win-win trade-off for mutual synergy")
        // is what the kit's negative indicator calls leaning on jargon: a mandate's cousin,
        // from the checker's own jargon lexicon. A question may say "bandwidth".
        let asked: Vec<usize> = in_sentences
            .iter()
            .filter(|(m, _)| *m == Move::Question)
            .map(|&(_, si)| si)
            .collect();
        for si in (0..views.len()).filter(|si| !dumps.contains(si) && !asked.contains(si)) {
            if let Some((i, j)) = views[si].affirmed(Lex::Jargon).next() {
                if !found.iter().any(|f| f.mv == Move::Mandate) {
                    found.push(Found {
                        mv: Move::Mandate,
                        start: views[si].word_start(i),
                        end: views[si].word_end(j - 1),
                    });
                }
                in_sentences.push((Move::Mandate, si));
            }
        }
        // A condition on the partner with a promise of ours after it is a trade said out
        // loud, whatever its words: "if you close 12 new logos by June, I'll take the Gold
        // upgrade to my director".
        for si in (0..views.len()).filter(|si| !dumps.contains(si)) {
            if conditional_trade(text, &views[si]) && !in_sentences.contains(&(Move::Tradeoff, si))
            {
                if !found.iter().any(|f| f.mv == Move::Tradeoff) {
                    found.push(Found {
                        mv: Move::Tradeoff,
                        start: spans[si].0,
                        end: spans[si].1,
                    });
                }
                in_sentences.push((Move::Tradeoff, si));
            }
        }
        // A trade said out loud is an offer too, and giving in or promising gives something
        // away.
        for (from, to) in [
            (Move::Tradeoff, Move::Proposal),
            (Move::Capitulation, Move::Concession),
            (Move::Overpromise, Move::Concession),
        ] {
            if let Some(f) = found.iter().find(|f| f.mv == from).cloned() {
                if !found.iter().any(|g| g.mv == to) {
                    found.push(Found { mv: to, ..f });
                }
                let extra: Vec<(Move, usize)> = in_sentences
                    .iter()
                    .filter(|(m, _)| *m == from)
                    .map(|&(_, si)| (to, si))
                    .collect();
                in_sentences.extend(extra);
            }
        }
        // A number is data when it reports how things stand, not when it is the terms of an
        // offer, the clock of the meeting or a date: a sentence that makes another move
        // carries its numbers for that move.
        let sentence_of = |at: usize| spans.iter().position(|&(a, b)| a <= at && at < b);
        let all_metrics = metrics::find_metrics_in(text, &sentences);
        let mut figures: Vec<usize> = all_metrics
            .iter()
            .filter_map(|m| sentence_of(m.start))
            .chain((0..spans.len()).filter(|&si| {
                text[spans[si].0..spans[si].1]
                    .bytes()
                    .any(|b| b.is_ascii_digit())
            }))
            .filter(|si| !dumps.contains(si))
            .collect();
        figures.sort_unstable();
        figures.dedup();
        let mut dated: Vec<usize> = with
            .iter()
            .flatten()
            .map(|h| h.sentence)
            .filter(|si| !dumps.contains(si))
            .chain(figures.iter().copied())
            .collect();
        dated.sort_unstable();
        dated.dedup();
        // Someone will do something by a date: a next step, whoever owns it ("Lena will
        // publish the new fields by the 25th").
        let promised: Vec<usize> = dated
            .iter()
            .copied()
            .filter(|&si| will_do(text, &views[si]) && !spoilt_by_hedge(&in_sentences, si))
            .collect();
        for si in promised {
            if !found.iter().any(|f| f.mv == Move::NextStep) {
                found.push(Found {
                    mv: Move::NextStep,
                    start: spans[si].0,
                    end: spans[si].1,
                });
            }
            if !in_sentences.contains(&(Move::NextStep, si)) {
                in_sentences.push((Move::NextStep, si));
            }
        }
        if !found.iter().any(|f| f.mv == Move::Data) {
            // A limit with its reason in numbers ("finance rejected 4 of 6 claims, so I
            // can't…") still brings the data.
            let busy = |si: usize| {
                in_sentences
                    .iter()
                    .any(|&(m, s)| s == si && !matches!(m, Move::Question | Move::Limit))
            };
            let found_metrics: Vec<&metrics::Metric> = all_metrics
                .iter()
                .filter(|m| sentence_of(m.start).is_some_and(|si| !busy(si)))
                .collect();
            if let Some(m) = found_metrics.first() {
                found.push(Found {
                    mv: Move::Data,
                    start: m.start,
                    end: m.end,
                });
            }
            for m in &found_metrics {
                if let Some(si) = sentence_of(m.start) {
                    in_sentences.push((Move::Data, si));
                }
            }
        }
        if !found.iter().any(|f| f.mv.is_positive()) {
            found.push(Found {
                mv: Move::Dodge,
                start: 0,
                end: text.len(),
            });
        }
        found.sort_by_key(|f| f.mv);
        let touched_in = extra_hits
            .into_iter()
            .map(|hs| {
                let mut s: Vec<usize> = counting(hs)
                    .iter()
                    .map(|h| h.sentence)
                    .filter(|si| !dumps.contains(si))
                    .collect();
                s.dedup();
                s
            })
            .collect();
        Reading {
            moves: found,
            in_sentences,
            touched_in,
            sentences: spans,
            words,
            figures,
            dated,
        }
    }
}

/// Compile cue lists to check turns against with [`MoveReader::read`].
pub fn compile(lists: &[Vec<String>]) -> CueLists {
    let cued: Vec<Cued> = lists
        .iter()
        .map(|cues| Cued {
            text: String::new(),
            cues: cues.clone(),
        })
        .collect();
    CueLists::new(&cued.iter().collect::<Vec<_>>())
}

/// Whether a sentence says someone will do something: "will", "shall" or a "'ll" form,
/// not negated.
fn will_do(text: &str, s: &Fast<'_>) -> bool {
    (0..s.len()).any(|i| {
        let w = text[s.word_start(i)..s.word_end(i)]
            .to_lowercase()
            .replace('\u{2019}', "'");
        (w == "will" || w == "shall" || w.ends_with("'ll")) && !s.negated(i)
    })
}

/// Whether a sentence hedges or costs trust (a vague commitment, a promise nobody checked
/// or a give-away is no next step, dated or not), or sets the agenda ("we'll finish with
/// next steps at ten to").
fn spoilt_by_hedge(in_sentences: &[(Move, usize)], si: usize) -> bool {
    in_sentences
        .iter()
        .any(|&(m, s)| s == si && (m.is_negative() || m == Move::Agenda))
}

/// Whether a sentence sets a condition on the partner ("if you", "once your team", "as
/// soon as you") and then says what we will do ("I'll", "we'll", "we will release").
fn conditional_trade(text: &str, s: &Fast<'_>) -> bool {
    let word = |i: usize| {
        text[s.word_start(i)..s.word_end(i)]
            .to_lowercase()
            .replace('\u{2019}', "'")
    };
    let words: Vec<String> = (0..s.len()).map(word).collect();
    let Some(cond) = words.windows(2).position(|w| {
        matches!(w[0].as_str(), "if" | "once" | "when")
            && matches!(w[1].as_str(), "you" | "your" | "they" | "their")
    }) else {
        return false;
    };
    if s.negated(cond) {
        return false;
    }
    words[cond + 2..].windows(2).any(|w| {
        matches!(w[0].as_str(), "i'll" | "we'll")
            || (matches!(w[0].as_str(), "i" | "we")
                && matches!(w[1].as_str(), "will" | "can" | "would"))
    })
}

/// Whether a sentence asks something: it ends with a question mark (closing quotes and
/// brackets aside).
fn asks(text: &str, (start, end): (usize, usize)) -> bool {
    text[start..end]
        .trim_end()
        .trim_end_matches(['"', '\'', ')', '”', '’'])
        .ends_with('?')
}

/// The sentences that are lists of cue words: several pieces, most of them only cues, and
/// nobody in them (a person speaking says "I", "we" or "you": "OK, fine, forget the
/// tracking, we don't need it" gives in, where "Agenda, tradeoff, next step" says nothing).
fn dump_sentences(text: &str, views: &[Fast<'_>], hits: &[&CueHit]) -> Vec<usize> {
    (0..views.len())
        .filter(|&si| {
            let s = &views[si];
            let someone = (0..s.len()).any(|i| {
                let w = text[s.word_start(i)..s.word_end(i)]
                    .to_lowercase()
                    .replace('\u{2019}', "'");
                PERSONS.contains(&w.as_str())
            });
            if someone {
                return false;
            }
            let mine: Vec<&CueHit> = hits.iter().copied().filter(|h| h.sentence == si).collect();
            let cued = |i: usize| {
                let (a, b) = (s.word_start(i), s.word_end(i));
                mine.iter().any(|h| h.start <= a && b <= h.end)
            };
            // The sentence's words in pieces: a new piece where a separator stands between
            // two words.
            let mut pieces: Vec<(usize, usize)> = Vec::new();
            for i in 0..s.len() {
                let split = i > 0
                    && text[s.word_end(i - 1)..s.word_start(i)]
                        .contains([',', ';', ':', '–', '—', '/', '|']);
                match pieces.last_mut() {
                    Some(p) if !split => p.1 += 1,
                    _ => pieces.push((0, 1)),
                }
                if cued(i) {
                    if let Some(p) = pieces.last_mut() {
                        p.0 += 1;
                    }
                }
            }
            let only_cues = pieces.iter().filter(|(c, n)| c == n).count();
            pieces.len() >= DUMP_PIECES && only_cues as f64 >= DUMP_SHARE * pieces.len() as f64
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn moves(text: &str) -> Vec<Move> {
        let reader = MoveReader::builtin().unwrap();
        reader
            .read(text, &compile(&[]))
            .moves
            .iter()
            .map(|f| f.mv)
            .collect()
    }

    #[test]
    fn reads_the_moves_of_plain_turns() {
        assert_eq!(
            moves("What is stopping your reps from registering deals?"),
            [Move::Question]
        );
        assert!(moves("In exchange for the first $10K up front, I need ten registered opportunities by March.").contains(&Move::Tradeoff));
        assert!(moves("I'll send the revised terms by Thursday.").contains(&Move::NextStep));
        assert!(
            moves("Three things today: tracking, the MDF ask and disputes, ten minutes each.")
                .contains(&Move::Agenda)
        );
    }

    #[test]
    fn a_negated_cue_is_no_move() {
        let m = moves("I'm not going to drop the tracking, and I can't release all $50K up front.");
        assert!(m.contains(&Move::Limit), "{m:?}");
        assert!(!m.contains(&Move::Capitulation), "{m:?}");
        assert!(!m.contains(&Move::Concession), "{m:?}");
    }

    #[test]
    fn a_mandate_with_its_business_reason_is_no_mandate() {
        assert!(
            moves("Policy says every deal must be logged. Those are the rules.")
                .contains(&Move::Mandate)
        );
        assert!(!moves(
            "Finance requires ROI because that's how we get your budget raised next year."
        )
        .contains(&Move::Mandate));
    }

    #[test]
    fn a_list_of_cue_words_carries_no_move() {
        assert_eq!(
            moves("Agenda, tradeoff, in exchange, next step, owner, deadline."),
            [Move::Dodge]
        );
    }

    #[test]
    fn a_next_step_needs_a_date_or_a_cadence() {
        assert!(!moves("We should follow up at some point.").contains(&Move::NextStep));
        assert!(
            moves("Let's check in every week until the form is live.").contains(&Move::NextStep)
        );
    }

    #[test]
    fn a_rhetorical_question_asks_nothing() {
        assert!(!moves("Isn't it obvious we need tracking?").contains(&Move::Question));
    }
}
