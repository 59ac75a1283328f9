//! Deciding which of the five parts of a strong answer are present — context, approach,
//! example, outcome, learning — and which sentences show each.
//!
//! Each sentence gets a set of features from the cue lexicons (tense, person, modality, cue
//! phrases, specificity, metrics); each part has a rule over those features. A part needs a
//! sentence of substance: a signpost word or a bare cue ("I learned a lot") never earns it,
//! and a strong answer with no signposts is judged on what its sentences say.

use super::metrics::{within, Metric, MetricKind};
use super::rules::Lex;
use super::view::SentenceView;
use super::words::Class;
use super::{Part, PartMap};

/// What the part rules know about one sentence.
#[derive(Debug, Clone, Default)]
pub struct Features {
    pub words: usize,
    /// Words that are not signpost labels or function words.
    pub content: usize,
    pub label: Option<Part>,
    pub first_person: bool,
    pub plural: bool,
    pub past: usize,
    /// Past verbs right after a subject ("I ran", "they signed"): a report, not a plan.
    pub past_subject: usize,
    pub modal: bool,
    pub habitual: bool,
    pub premise: bool,
    pub career: bool,
    /// Opens a described hypothetical situation ("Let's say a reseller…").
    pub scenario: bool,
    pub actions: usize,
    pub leading_verb: bool,
    pub attitude: bool,
    pub context_cues: usize,
    pub setting: bool,
    pub outcome_verb: bool,
    pub outcome_verb_weak: bool,
    pub outcome_marker: bool,
    /// A result said in plain speech ("we were able to", "had no complaints").
    pub outcome_phrase: bool,
    pub target: bool,
    pub learning: bool,
    pub learning_skill: bool,
    pub learning_empty: bool,
    pub metrics: usize,
    /// Metrics that can measure a result: all but counts of activity ("40 meetings").
    pub impact_metrics: usize,
    /// Before → after figures ("from 12% to 31%"): a result when told in the past.
    pub changes: usize,
    pub specific: usize,
    pub generic: bool,
    /// Stuffed with jargon ("leveraged synergies to drive win-win"): not a sentence of
    /// substance for any part.
    pub salad: bool,
    /// "I would", "I'd", "we'll": a plan, not a report.
    pub modal_first_person: bool,
    pub perfect: bool,
    /// "has grown", "have signed": the perfect with has or have, which can report a result;
    /// "had fallen" is backstory.
    pub present_perfect: bool,
    pub question: bool,
}

/// Compute the features of every sentence.
pub fn features<S: SentenceView>(
    answer: &str,
    sentences: &[S],
    metrics: &[Metric],
) -> Vec<Features> {
    sentences
        .iter()
        .map(|s| sentence_features(answer, s, metrics))
        .collect()
}

fn sentence_features<S: SentenceView>(answer: &str, s: &S, metrics: &[Metric]) -> Features {
    let n = s.len();
    let any_word = |lex: Lex| (0..n).any(|i| s.is_entry(i, lex));
    let past_flags: Vec<bool> = (0..n).map(|i| is_past(s, i)).collect();
    let past = past_flags.iter().filter(|p| **p).count();
    let past_subject = (1..n)
        .filter(|&i| past_flags[i] && s.is(i - 1, Class::SUBJECT | Class::PAST_LEAD))
        .count();
    let verbs = |lex: Lex| -> usize {
        s.affirmed(lex)
            .filter(|&(i, _)| verb_like(s, i, &past_flags) && own_action(s, i))
            .count()
    };
    // "had missed", "had dropped": backstory, not what resulted. "They didn't renew": a
    // result, a bad one.
    let word = |k: usize| &answer[s.word_start(k)..s.word_end(k)];
    let did_not = |i: usize| {
        (i > 0
            && matches!(
                word(i - 1).to_ascii_lowercase().as_str(),
                "didn't" | "didn’t" | "didnt"
            ))
            || (i > 1
                && word(i - 1).eq_ignore_ascii_case("not")
                && word(i - 2).eq_ignore_ascii_case("did"))
    };
    let past_verbs = |lex: Lex| {
        s.entries(lex).any(|(i, _)| {
            (past_form(s, i, &past_flags) || did_not(i)) && !(i > 0 && s.is(i - 1, Class::HAD))
        })
    };
    let pair = |a: Class, b: Class| (1..n).any(|i| s.is(i - 1, a) && s.is(i, b));
    let in_sentence = within(metrics, s.start(), s.end());
    Features {
        words: n,
        content: (0..n)
            .filter(|&i| s.is(i, Class::ALPHA) && !s.is(i, Class::FUNCTION))
            .count(),
        label: s.label(),
        first_person: any_word(Lex::FirstPerson),
        plural: any_word(Lex::PluralPerson),
        past,
        past_subject,
        modal: s.has_entry(Lex::Modal),
        habitual: s.has_entry(Lex::Habitual),
        premise: s.entry_at(0, Lex::PremiseOpeners).is_some()
            || (n > 1
                && s.entry_at(1, Lex::PremiseOpeners).is_some()
                && s.is(0, Class::PREMISE_GLUE)),
        career: career_summary(answer, s) || role_statement(s),
        scenario: s.has_entry(Lex::ScenarioOpeners),
        actions: verbs(Lex::ActionVerbs) + other_actions(s, &past_flags),
        leading_verb: (s.entry_at(0, Lex::ActionVerbs).is_some()
            && (s.bullet() || s.label().is_some() || past_flags.first() == Some(&true)))
            // "- Trimmed the partner list to twelve": a fragment led by a past verb.
            || ((s.bullet() || s.label().is_some())
                && past_flags.first() == Some(&true)
                && !s.is_entry(0, Lex::NonActionVerbs)),
        attitude: s.has_entry(Lex::Attitude),
        context_cues: s.entries(Lex::ContextCues).count(),
        setting: s.has_entry(Lex::Setting) || opens_with_place(s),
        outcome_verb: past_verbs(Lex::OutcomeVerbs),
        outcome_verb_weak: past_verbs(Lex::OutcomeVerbsWeak),
        outcome_marker: s.has_affirmed(Lex::OutcomeMarkers),
        outcome_phrase: s.has_entry(Lex::OutcomePhrases),
        target: s.has_entry(Lex::TargetMarkers),
        learning: s
            .affirmed(Lex::LearningStrong)
            .any(|(i, j)| !possessive_have(answer, s, i, j)),
        learning_skill: s.has_entry(Lex::LearningSkill),
        learning_empty: s.has_entry(Lex::LearningEmpty),
        metrics: in_sentence.len(),
        impact_metrics: in_sentence
            .iter()
            .filter(|m| !m.borderline && !is_activity_count(m, s))
            .count(),
        changes: in_sentence
            .iter()
            .filter(|m| m.kind == MetricKind::Change)
            .count(),
        specific: specificity(s),
        generic: s.has_entry(Lex::GenericMarkers),
        salad: s.entries(Lex::Jargon).nth(1).is_some(),
        // "I'd" before a past form is "I had" ("we'd integrated", "I'd just taken over").
        modal_first_person: pair(Class::I_OR_WE, Class::MODAL)
            || (0..n).any(|i| {
                s.is(i, Class::MODAL_CONTRACTION)
                    && !(i + 1..(i + 3).min(n)).any(|k| past_flags[k] || s.is(k, Class::ED_FORM))
            }),
        // "have won" but not "would have won": a result that did not happen.
        present_perfect: (1..n).any(|i| {
            s.is(i - 1, Class::PERFECT_AUX)
                && !s.is(i - 1, Class::HAD)
                && !(i >= 2 && s.is(i - 2, Class::MODAL))
                && (s.is(i, Class::ENDS_ED) || s.is_entry(i, Lex::PastIrregular))
        }),
        perfect: (1..n).any(|i| {
            s.is(i - 1, Class::PERFECT_AUX)
                && (s.is(i, Class::ENDS_ED) || s.is_entry(i, Lex::PastIrregular))
        }),
        question: answer[s.start()..s.end()].trim_end().ends_with('?'),
    }
}

/// "On Fridays I would have a call with…": a lesson cue ending on "have" followed by a
/// determiner or number is a habit of having something, not a counterfactual.
fn possessive_have<S: SentenceView>(answer: &str, s: &S, _i: usize, j: usize) -> bool {
    j < s.len()
        && j > 0
        && answer[s.word_start(j - 1)..s.word_end(j - 1)].eq_ignore_ascii_case("have")
        && s.is(j, Class::DETERMINER | Class::NUMERAL)
}

/// A past-tense verb: a listed irregular form, or a word ending in "-ed" that is not a
/// listed adjective, not part of a compound ("partner-sourced") and not right after a
/// determiner or number ("the qualified leads", "12 registered deals").
fn is_past<S: SentenceView>(s: &S, i: usize) -> bool {
    if s.joined(i) {
        return false;
    }
    if s.is_entry(i, Lex::PastIrregular) {
        return true;
    }
    // The cheap test first: most words are not "-ed" forms.
    if !s.is(i, Class::ED_FORM) {
        return false;
    }
    let det_or_num = |k: usize| s.is(k, Class::DETERMINER | Class::NUMERAL);
    let noun_follows = i + 1 < s.len() && !s.is(i + 1, Class::FOLLOWS_VERB);
    let after_determiner = (i > 0 && det_or_num(i - 1))
        || (i > 1 && det_or_num(i - 2) && !s.is(i - 1, Class::SUBJECT) && noun_follows);
    !s.is_entry(i, Lex::NotPastEd) && !after_determiner
}

/// Past verbs right after "I" or "we" that no lexicon lists, as actions taken: any verb
/// the speaker did is one ("I trimmed the list", "we brainstormed options") unless it is
/// being, having, feeling or knowing (`non_action_verbs`), or listed as an action already.
fn other_actions<S: SentenceView>(s: &S, past: &[bool]) -> usize {
    (1..s.len())
        .filter(|&i| {
            past[i]
                && s.is(i - 1, Class::I_OR_WE)
                && !s.negated(i)
                && s.entry_at(i, Lex::ActionVerbs).is_none()
                && !s.is_entry(i, Lex::NonActionVerbs)
                && !s.is_entry(i, Lex::OutcomeVerbs)
                && !s.is_entry(i, Lex::OutcomeVerbsWeak)
        })
        .count()
}

/// Whether the word at `i` is used as a verb: a past form, after a subject, modal or
/// adverb, or leading an imperative line ("Ran a joint review", "Pull the data").
fn verb_like<S: SentenceView>(s: &S, i: usize, past: &[bool]) -> bool {
    if past[i] {
        return true;
    }
    if i == 0 {
        return s.bullet() || s.label().is_some() || s.capital(0);
    }
    s.is(i - 1, Class::VERB_LEAD)
        || (i >= 2 && s.is(i - 2, Class::VERB_LEAD) && !s.is(i - 1, Class::DETERMINER))
}

/// Whether the nearest subject before the verb at `i` is the speaker ("I", "we"), or
/// there is none (an imperative line): "they told us" is not the speaker's action.
fn own_action<S: SentenceView>(s: &S, i: usize) -> bool {
    for k in (i.saturating_sub(8)..i).rev() {
        if s.is(k, Class::SPEAKER) {
            return true;
        }
        if s.is(k, Class::OTHERS) {
            return false;
        }
    }
    true
}

/// Whether the word at `i` is a past form or follows an auxiliary ("has grown", "was
/// signed", "got renewed").
fn past_form<S: SentenceView>(s: &S, i: usize, past: &[bool]) -> bool {
    past[i] || (i > 0 && s.is(i - 1, Class::AUXILIARY))
}

/// "I was channel manager for the UK": a role, not a situation.
/// A career summary ("over my career", "I worked my way up to director"), not a cue that
/// happens to open a quantity ("free use up to three times their volume"): an entry
/// followed at once by a number does not count.
fn career_summary<S: SentenceView>(answer: &str, s: &S) -> bool {
    s.entries(Lex::CareerSummary).any(|(_, j)| {
        j >= s.len()
            || !(s.is(j, Class::NUMERAL)
                || starts_quantity(&answer[s.word_start(j)..s.word_end(j)]))
    })
}

/// Whether a word can open a quantity: the first word of one of the metric patterns'
/// number words ("three", "a" of "a dozen") or a multiplier ("twice", "half").
fn starts_quantity(word: &str) -> bool {
    use super::metric_patterns::{MULTIPLIERS, NUMBER_WORDS};
    NUMBER_WORDS
        .iter()
        .filter_map(|w| w.split(' ').next())
        .chain(MULTIPLIERS.iter().copied())
        .any(|w| w.eq_ignore_ascii_case(word))
}

fn role_statement<S: SentenceView>(s: &S) -> bool {
    let n = s.len();
    n <= 14
        && !s.has_entry(Lex::ContextCues)
        && (1..n).any(|i| {
            s.is(i - 1, Class::I_AS_ROLE_SUBJECT)
                && s.is(i, Class::ROLE_BE)
                && (i + 1..(i + 5).min(n)).any(|k| s.is_entry(k, Lex::RoleNouns))
        })
}

/// "At a payments startup, …", "In my last role …": the sentence opens on where it happened.
fn opens_with_place<S: SentenceView>(s: &S) -> bool {
    s.len() > 3 && s.is(0, Class::PLACE_OPENER) && s.is(1, Class::PLACE_DETERMINER)
}

/// Whether a metric counts activity, read with the lexicons of an answer's sentences.
pub fn is_activity_count_in<S: SentenceView>(m: &Metric, sentences: &[S]) -> bool {
    sentences.first().is_some_and(|s| is_activity_count(m, s))
}

/// Whether a metric is borderline by the labelling guide: a count of effort ("40 calls")
/// or of a team's people ("two of their engineers").
pub fn is_borderline_in<S: SentenceView>(m: &Metric, sentences: &[S]) -> bool {
    sentences
        .first()
        .is_some_and(|s| is_activity_count(m, s) || counts(m, s, Lex::TeamNouns))
}

/// Whether a count is a story's small enumeration rather than a measure ("three specific
/// risks", "two smaller chunks", "Two launches"): a number word up to five counting
/// something that is not a business, a party to the deal or a person. Digits, and counts of
/// partners, customers, deals or reps, stay metrics.
pub fn is_story_count_in<S: SentenceView>(m: &Metric, sentences: &[S]) -> bool {
    let Some(s) = sentences.first() else {
        return false;
    };
    let first = m.text.split_whitespace().next().unwrap_or_default();
    // Most metrics stop here: the words are only read for a small count in words.
    if m.kind != MetricKind::Count
        || !SMALL_NUMBER_WORDS
            .iter()
            .any(|w| w.eq_ignore_ascii_case(first))
    {
        return false;
    }
    let words: Vec<String> = count_words(m).collect();
    // A gain ("four more banks", "two new logos") or a share ("two of the consultancies")
    // measures something, whatever it counts.
    let measured = words.iter().any(|w| GAIN_OR_SHARE.contains(&w.as_str()));
    // A party or a person, singular or plural ("banks", "consultancies").
    let party = words.iter().any(|w| {
        let singular = w
            .strip_suffix("ies")
            .map(|stem| format!("{stem}y"))
            .or_else(|| w.strip_suffix('s').map(String::from));
        [
            Lex::OrgNouns,
            Lex::Counterparties,
            Lex::RoleNouns,
            Lex::TeamNouns,
        ]
        .into_iter()
        .any(|lex| {
            s.is_entry_word(w, lex) || singular.as_deref().is_some_and(|w| s.is_entry_word(w, lex))
        })
    });
    !measured && !party
}

/// The words of a count after its quantity, bare and lowercase ("12 Enablement webinars,"
/// gives "enablement", "webinars").
fn count_words(m: &Metric) -> impl Iterator<Item = String> + '_ {
    m.text.split_whitespace().skip(1).map(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    })
}

/// Words that make a small count a measure: a gain or a share of a whole.
const GAIN_OR_SHARE: &[&str] = &["more", "new", "extra", "additional", "of", "out"];

/// Number words small enough to enumerate with.
const SMALL_NUMBER_WORDS: &[&str] = &["two", "three", "four", "five"];

/// Whether a count's noun ("12 enablement webinars", "two of their engineers") is in the
/// lexicon: a word of the phrase before what follows the noun ("of", "by", "within"…).
fn counts<S: SentenceView>(m: &Metric, s: &S, lex: Lex) -> bool {
    m.kind == MetricKind::Count
        && count_words(m)
            .take_while(|w| !COUNT_TAILS.contains(&w.as_str()))
            .any(|w| s.is_entry_word(&w, lex))
}

/// Words that end a count's noun phrase.
const COUNT_TAILS: &[&str] = &[
    "vs", "versus", "by", "within", "in", "from", "a", "an", "per", "each", "every", "up", "down",
    "instead", "compared", "over", "out", "than",
];

/// "40 meetings", "200 calls": effort, not a result.
fn is_activity_count<S: SentenceView>(m: &Metric, s: &S) -> bool {
    counts(m, s, Lex::ActivityNouns)
}

/// How many marks of a particular instance the sentence carries: a name, a time anchor, a
/// particular organisation ("a regional integrator"), a number.
fn specificity<S: SentenceView>(s: &S) -> usize {
    let n = s.len();
    let proper = (1..n)
        .filter(|&i| {
            s.capital(i)
                && s.is(i, Class::ALPHA)
                && !s.is(i, Class::I_FORM)
                && !s.is_entry(i, Lex::FirstPerson)
                && !s.is_entry(i, Lex::BusinessAcronyms)
                && s.word_end(i - 1) + 2 >= s.word_start(i) // not right after a sentence-internal break
        })
        .count()
        .min(2);
    let anchors = usize::from(s.has_entry(Lex::TimeAnchors));
    let orgs = s
        .entries(Lex::OrgNouns)
        .filter(|&(i, _)| {
            // "a regional integrator", "that reseller": a particular one. A bare "a
            // partner" is any partner.
            let prev = |k: usize| i >= k && s.is(i - k, Class::ARTICLE);
            (i > 0 && s.is(i - 1, Class::DEMONSTRATIVE))
                || ((prev(2) || prev(3))
                    && !prev(1)
                    && !(i.saturating_sub(2)..i).any(|k| s.is(k, Class::OF)))
        })
        .count()
        .min(1);
    let year = (0..n).any(|i| s.is(i, Class::YEAR));
    proper + anchors + orgs + usize::from(year)
}

/// Which sentences count as each part.
pub fn classify(feats: &[Features]) -> PartMap<Vec<usize>> {
    let n = feats.len();
    let mut out: PartMap<Vec<usize>> = PartMap::default();
    let narrative_past = feats
        .iter()
        .filter(|f| f.past > 0 && !f.modal && !f.habitual)
        .count();
    let first_narrative = feats
        .iter()
        .position(|f| f.past > 0 && !f.learning && f.content >= 3 && !f.career);
    for (i, f) in feats.iter().enumerate() {
        // Signpost words and function words alone are not a sentence of substance.
        if f.content < 3 {
            continue;
        }
        if is_context(f, i, n, first_narrative == Some(i)) {
            out[Part::Context].push(i);
        }
        if is_approach(f) {
            out[Part::Approach].push(i);
        }
        if is_example(f, narrative_past) {
            out[Part::Example].push(i);
        }
        if is_outcome(f) {
            out[Part::Outcome].push(i);
        }
        if is_learning(f) {
            out[Part::Learning].push(i);
        }
    }
    out
}

/// What one sentence does in the answer: the part it shows best, and a second it also
/// supports. The evidence of a part is the sentences that show it first or second, and the
/// order checks (a result before any action, a lesson first) read only the first.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Role {
    pub primary: Option<Part>,
    pub secondary: Option<Part>,
}

/// Each sentence's [`Role`], from the parts it was counted for (`classified`).
pub fn roles(feats: &[Features], classified: &PartMap<Vec<usize>>) -> Vec<Role> {
    let mut out = vec![Role::default(); feats.len()];
    for (i, f) in feats.iter().enumerate() {
        let mut ranked: Vec<(u32, Part)> = Part::ALL
            .into_iter()
            .filter(|&p| classified[p].contains(&i))
            .map(|p| (strength(f, i, p), p))
            .collect();
        // Strongest first; a tie goes to the part told first in a story.
        ranked.sort_by_key(|&(w, p)| (std::cmp::Reverse(w), p as u8));
        out[i] = Role {
            primary: ranked.first().map(|&(_, p)| p),
            secondary: ranked.get(1).map(|&(_, p)| p),
        };
    }
    out
}

/// How plainly sentence `i` (with features `f`) shows `part`: a label says it outright;
/// otherwise what the sentence does — reports a result, takes actions, sets a scene,
/// draws a lesson. Telling one instance is what most story sentences also do, so it is the
/// weakest claim.
fn strength(f: &Features, i: usize, part: Part) -> u32 {
    if f.label == Some(part) {
        return 100;
    }
    let n = |b: bool| u32::from(b);
    let count = |c: usize| u32::try_from(c.min(4)).unwrap_or(4);
    match part {
        Part::Learning => 10 + n(f.learning) * 4,
        Part::Outcome => {
            4 * n(f.outcome_verb || f.outcome_phrase)
                + 2 * n(f.outcome_verb_weak)
                + 2 * n(f.outcome_marker)
                + 2 * n(f.impact_metrics > 0)
                + n(f.perfect)
        }
        Part::Approach => {
            2 * count(f.actions) + 2 * n(f.leading_verb) + n(f.first_person && f.actions > 0)
        }
        Part::Context => {
            2 * count(f.context_cues)
                + 2 * n(f.setting)
                + 2 * n(i == 0)
                + n(f.scenario) * 3
                + n(f.specific > 0)
        }
        Part::Example => 1,
    }
}

/// Each part's evidence: the sentences it is the primary part of, then those it is the
/// second part of; a part present only as a third reading keeps those sentences.
pub fn evidence(classified: &PartMap<Vec<usize>>, roles: &[Role]) -> PartMap<Vec<usize>> {
    let mut out: PartMap<Vec<usize>> = PartMap::default();
    for p in Part::ALL {
        let list = &classified[p];
        let first = list.iter().filter(|&&i| roles[i].primary == Some(p));
        let second = list.iter().filter(|&&i| roles[i].secondary == Some(p));
        out[p] = first.chain(second).copied().collect();
        if out[p].is_empty() {
            out[p].clone_from(list);
        }
    }
    out
}

fn labelled(f: &Features, part: Part) -> bool {
    f.label == Some(part) && f.content >= 4
}

fn is_context(f: &Features, i: usize, n: usize, first_narrative: bool) -> bool {
    if labelled(f, Part::Context) {
        return true;
    }
    if f.premise || f.career || f.habitual || f.salad || f.words < 6 || f.question || f.learning {
        return false;
    }
    if f.generic && !f.scenario {
        return false;
    }
    if f.modal_first_person && f.past_subject == 0 && !f.scenario {
        return false;
    }
    // "When a reseller's customers churn, I look at what they sell": what the speaker does
    // whenever it happens, in the present, is a method, not a situation.
    if f.first_person
        && f.past == 0
        && !f.perfect
        && !f.present_perfect
        && !f.scenario
        && f.metrics == 0
    {
        return false;
    }
    let early = i < 2.max(n.div_ceil(2));
    let situated =
        f.first_person || f.plural || f.specific > 0 || f.setting || f.metrics > 0 || f.scenario;
    let grounded = f.past > 0 || f.setting || f.perfect || f.scenario;
    let pure_action = f.actions > 0 && f.context_cues == 0 && !f.setting && !f.plural;
    let by_cues = early
        && situated
        && grounded
        && (f.context_cues >= 2
            || (f.context_cues >= 1 && (f.past > 0 || f.scenario))
            || (f.setting && (f.specific > 0 || f.metrics > 0)));
    // "New reseller partner, onboarded in February, zero registered deals after 90 days.":
    // the scene in a fragment, with no one acting in it yet.
    let fragment_scene = i == 0
        && f.words >= 6
        && !f.first_person
        && !f.plural
        && !f.leading_verb
        && !f.outcome_verb
        && (f.metrics > 0 || f.specific > 0)
        && (f.context_cues > 0 || f.metrics > 0);
    let opening_scene = (i < 2 || first_narrative)
        && f.words >= 8
        && f.past > 0
        && (f.specific > 0 || f.setting)
        && !pure_action;
    // "So it's late November, and…", "Say a partner misses plan…": a described situation,
    // real or hypothetical, set up at the start.
    let scenario_scene = f.scenario && early && f.words >= 8;
    by_cues || opening_scene || fragment_scene || scenario_scene
}

fn is_approach(f: &Features) -> bool {
    if f.salad || f.career {
        return false;
    }
    // Attitudes, values and walking away are not steps taken.
    if f.attitude && (f.actions <= 1 || f.past == 0) {
        return false;
    }
    if labelled(f, Part::Approach) && (f.actions > 0 || f.past > 0) {
        return true;
    }
    if f.words < 4 || f.question || f.learning {
        return false;
    }
    let actor = f.first_person || f.plural || f.leading_verb;
    actor && f.actions > 0
}

fn is_example(f: &Features, narrative_past: usize) -> bool {
    // A habit is no instance, unless the sentence also reports what someone did ("the
    // program I rebuilt…, so I'll explain my approach through it").
    let habit = f.habitual && f.past_subject == 0;
    if f.generic || f.career || habit || f.question || f.salad {
        return false;
    }
    let past_story = f.past > 0 && (!f.modal || f.past >= 2);
    let actor = f.first_person || f.plural || f.specific > 0;
    let specific = f.specific + usize::from(f.metrics > 0);
    past_story && actor && f.words >= 6 && (specific >= 2 || (specific >= 1 && narrative_past >= 2))
}

fn is_outcome(f: &Features) -> bool {
    if f.salad || f.career || f.generic {
        return false;
    }
    if labelled(f, Part::Outcome) && (f.past > 0 || f.metrics > 0 || f.perfect) {
        return true;
    }
    if f.words < 4 || f.question || f.habitual || f.premise {
        return false;
    }
    if f.modal_first_person && f.past_subject == 0 {
        return false;
    }
    // A target, a goal, a plan's result: not what happened ("The goal would be 50% certified
    // within two quarters", "The target I was given was 12 partners by the end of H1").
    let targetish = f.target
        && !f.present_perfect
        && (f.past == 0 || f.modal_first_person || (f.modal && f.past_subject == 0));
    // "if they hit the target, that would be worth more": a hypothetical result.
    if f.modal && f.past_subject == 0 && !f.present_perfect {
        return false;
    }
    if f.scenario {
        return false;
    }
    // "Both had registered it within days of each other": backstory in the past perfect,
    // with nothing but a time marker to make it look like a result. ("By day 90 they had
    // closed the gap to 5%, and the partner brought in 4 accounts" is a result.)
    if f.perfect
        && !f.present_perfect
        && !f.outcome_verb
        && !f.outcome_verb_weak
        && !f.outcome_phrase
        && f.changes == 0
        && f.impact_metrics <= 1
    {
        return false;
    }
    let strong = f.outcome_verb;
    let weak = f.outcome_verb_weak && (f.impact_metrics > 0 || f.outcome_marker);
    let marked = (f.outcome_marker || f.present_perfect)
        && f.impact_metrics > 0
        && (f.past > 0 || f.present_perfect);
    // "Their win rate got better, from 12% to 31%": a change told in the past.
    let changed = f.changes > 0 && (f.past > 0 || f.present_perfect) && !f.modal;
    let said = f.outcome_phrase && !f.modal && !f.generic && (f.past > 0 || f.present_perfect);
    !targetish && (strong || weak || marked || changed || said)
}

fn is_learning(f: &Features) -> bool {
    if f.learning_skill || f.question || f.salad {
        return false;
    }
    if labelled(f, Part::Learning) && !f.learning_empty {
        return true;
    }
    f.learning && f.words >= 6 && !(f.learning_empty && f.content < 6)
}
