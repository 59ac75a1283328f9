//! Deciding which of the five parts of a strong answer are present — context, approach,
//! example, outcome, learning — and which sentences show each.
//!
//! Each sentence gets a set of features from the cue lexicons (tense, person, modality, cue
//! phrases, specificity, metrics); each part has a rule over those features. A part needs a
//! sentence of substance: a signpost word or a bare cue ("I learned a lot") never earns it,
//! and a strong answer with no signposts is judged on what its sentences say.

use super::metrics::{within, Metric, MetricKind};
use super::rules::{Lex, Lexicon, Rules};
use super::text::{Sentence, Token};
use super::words::{
    ALPHA, ARTICLE, AUXILIARY, DEMONSTRATIVE, DETERMINER, ED_FORM, ENDS_ED, FOLLOWS_VERB, FUNCTION,
    HAD, I_AS_ROLE_SUBJECT, I_FORM, I_OR_WE, MODAL, MODAL_CONTRACTION, NUMERAL, OF, OTHERS,
    PAST_LEAD, PERFECT_AUX, PLACE_DETERMINER, PLACE_OPENER, PREMISE_GLUE, ROLE_BE, SPEAKER,
    SUBJECT, VERB_LEAD, YEAR,
};

/// The five parts, in speaking order.
pub const PARTS: [&str; 5] = ["context", "approach", "example", "outcome", "learning"];

/// What the part rules know about one sentence.
#[derive(Debug, Clone, Default)]
pub struct Features {
    pub words: usize,
    /// Words that are not signpost labels or function words.
    pub content: usize,
    pub label: Option<String>,
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
    pub target: bool,
    pub learning: bool,
    pub learning_skill: bool,
    pub learning_empty: bool,
    pub metrics: usize,
    /// Metrics that can measure a result: all but counts of activity ("40 meetings").
    pub impact_metrics: usize,
    pub specific: usize,
    pub generic: bool,
    /// Stuffed with jargon ("leveraged synergies to drive win-win"): not a sentence of
    /// substance for any part.
    pub salad: bool,
    /// "I would", "I'd", "we'll": a plan, not a report.
    pub modal_first_person: bool,
    pub perfect: bool,
    pub question: bool,
}

/// Compute the features of every sentence.
pub fn features(
    answer: &str,
    sentences: &[Sentence],
    metrics: &[Metric],
    rules: &Rules,
) -> Vec<Features> {
    sentences
        .iter()
        .map(|s| sentence_features(answer, s, metrics, rules))
        .collect()
}

fn sentence_features(answer: &str, s: &Sentence, metrics: &[Metric], rules: &Rules) -> Features {
    let t = &s.tokens;
    let lex = |n: Lex| rules.lex(n);
    let has_word = |l: &Lexicon| t.iter().any(|w| l.has_token(w));
    let past_flags: Vec<bool> = (0..t.len()).map(|i| is_past(t, i, rules)).collect();
    let past = past_flags.iter().filter(|p| **p).count();
    let past_subject = (1..t.len())
        .filter(|&i| past_flags[i] && t[i - 1].class & (SUBJECT | PAST_LEAD) != 0)
        .count();
    let verbs = |name: Lex| -> usize {
        lex(name)
            .matches_in(s)
            .filter(|&(i, _)| verb_like(t, i, s, &past_flags) && own_action(t, i))
            .count()
    };
    // "had missed", "had dropped": backstory, not what resulted.
    let past_verbs = |name: Lex| {
        lex(name)
            .matches_in(s)
            .any(|(i, _)| past_form(t, i, &past_flags) && !(i > 0 && t[i - 1].class & HAD != 0))
    };
    let text = s.text(answer);
    Features {
        words: t.len(),
        content: t
            .iter()
            .filter(|w| w.class & (FUNCTION | ALPHA) == ALPHA)
            .count(),
        label: s.label.clone(),
        first_person: has_word(lex(Lex::FirstPerson)),
        plural: has_word(lex(Lex::PluralPerson)),
        past,
        past_subject,
        modal: lex(Lex::Modal).any_in(s),
        habitual: lex(Lex::Habitual).any_in(s),
        premise: lex(Lex::PremiseOpeners).longest_at(t, 0).is_some()
            || (t.len() > 1
                && lex(Lex::PremiseOpeners).longest_at(t, 1).is_some()
                && t[0].class & PREMISE_GLUE != 0),
        career: lex(Lex::CareerSummary).any_in(s) || role_statement(s, rules),
        scenario: lex(Lex::ScenarioOpeners).any_in(s),
        actions: verbs(Lex::ActionVerbs),
        leading_verb: lex(Lex::ActionVerbs).longest_at(t, 0).is_some()
            && (s.bullet || s.label.is_some() || past_flags.first() == Some(&true)),
        attitude: lex(Lex::Attitude).any_in(s),
        context_cues: lex(Lex::ContextCues).matches_in(s).count(),
        setting: lex(Lex::Setting).any_in(s) || opens_with_place(t),
        outcome_verb: past_verbs(Lex::OutcomeVerbs),
        outcome_verb_weak: past_verbs(Lex::OutcomeVerbsWeak),
        outcome_marker: lex(Lex::OutcomeMarkers).any_in(s),
        target: lex(Lex::TargetMarkers).any_in(s),
        learning: lex(Lex::LearningStrong).any_in(s),
        learning_skill: lex(Lex::LearningSkill).any_in(s),
        learning_empty: lex(Lex::LearningEmpty).any_in(s),
        metrics: within(metrics, s.start, s.end).len(),
        impact_metrics: within(metrics, s.start, s.end)
            .iter()
            .filter(|m| !is_activity_count(m, rules))
            .count(),
        specific: specificity(s, rules),
        generic: lex(Lex::GenericMarkers).any_in(s),
        salad: lex(Lex::Jargon).matches_in(s).nth(1).is_some(),
        modal_first_person: t
            .windows(2)
            .any(|w| w[0].class & I_OR_WE != 0 && w[1].class & MODAL != 0)
            || t.iter().any(|w| w.class & MODAL_CONTRACTION != 0),
        perfect: t.windows(2).any(|w| {
            w[0].class & PERFECT_AUX != 0
                && (w[1].class & ENDS_ED != 0 || rules.lex(Lex::PastIrregular).has_token(&w[1]))
        }),
        question: text.trim_end().ends_with('?'),
    }
}

/// A past-tense verb: a listed irregular form, or a word ending in "-ed" that is not a
/// listed adjective, not part of a compound ("partner-sourced") and not right after a
/// determiner or number ("the qualified leads", "12 registered deals").
fn is_past(t: &[Token], i: usize, rules: &Rules) -> bool {
    let w = &t[i];
    if w.joined {
        return false;
    }
    if rules.lex(Lex::PastIrregular).has_token(w) {
        return true;
    }
    // The cheap test first: most words are not "-ed" forms.
    if w.class & ED_FORM == 0 {
        return false;
    }
    let det_or_num = |w: &Token| w.class & (DETERMINER | NUMERAL) != 0;
    let noun_follows = t.get(i + 1).is_some_and(|n| n.class & FOLLOWS_VERB == 0);
    let after_determiner = (i > 0 && det_or_num(&t[i - 1]))
        || (i > 1 && det_or_num(&t[i - 2]) && t[i - 1].class & SUBJECT == 0 && noun_follows);
    !rules.lex(Lex::NotPastEd).has_token(w) && !after_determiner
}

/// Whether the word at `i` is used as a verb: a past form, after a subject, modal or
/// adverb, or leading an imperative line ("Ran a joint review", "Pull the data").
fn verb_like(t: &[Token], i: usize, s: &Sentence, past: &[bool]) -> bool {
    if past[i] {
        return true;
    }
    if i == 0 {
        return s.bullet || s.label.is_some() || t[0].capital;
    }
    t[i - 1].class & VERB_LEAD != 0
        || (i >= 2 && t[i - 2].class & VERB_LEAD != 0 && t[i - 1].class & DETERMINER == 0)
}

/// Whether the nearest subject before the verb at `i` is the speaker ("I", "we"), or
/// there is none (an imperative line): "they told us" is not the speaker's action.
fn own_action(t: &[Token], i: usize) -> bool {
    for w in t[..i].iter().rev().take(8) {
        if w.class & SPEAKER != 0 {
            return true;
        }
        if w.class & OTHERS != 0 {
            return false;
        }
    }
    true
}

/// Whether the word at `i` is a past form or follows an auxiliary ("has grown", "was
/// signed", "got renewed").
fn past_form(t: &[Token], i: usize, past: &[bool]) -> bool {
    past[i] || (i > 0 && t[i - 1].class & AUXILIARY != 0)
}

/// "I was channel manager for the UK": a role, not a situation.
fn role_statement(s: &Sentence, rules: &Rules) -> bool {
    let t = &s.tokens;
    t.len() <= 14
        && !rules.lex(Lex::ContextCues).any_in(s)
        && t.windows(2).enumerate().any(|(i, w)| {
            w[0].class & I_AS_ROLE_SUBJECT != 0
                && w[1].class & ROLE_BE != 0
                && t[i + 2..(i + 6).min(t.len())]
                    .iter()
                    .any(|x| rules.lex(Lex::RoleNouns).has_token(x))
        })
}

/// "At a payments startup, …", "In my last role …": the sentence opens on where it happened.
fn opens_with_place(t: &[Token]) -> bool {
    t.len() > 3 && t[0].class & PLACE_OPENER != 0 && t[1].class & PLACE_DETERMINER != 0
}

/// "40 meetings", "200 calls": effort, not a result.
fn is_activity_count(m: &Metric, rules: &Rules) -> bool {
    m.kind == MetricKind::Count
        && m.text
            .rsplit(' ')
            .next()
            .is_some_and(|w| rules.lex(Lex::ActivityNouns).has_word(&w.to_lowercase()))
}

/// How many marks of a particular instance the sentence carries: a name, a time anchor, a
/// particular organisation ("a regional integrator"), a number.
fn specificity(s: &Sentence, rules: &Rules) -> usize {
    let t = &s.tokens;
    let proper = t
        .iter()
        .enumerate()
        .skip(1)
        .filter(|(i, w)| {
            w.capital
                && w.class & (I_FORM | ALPHA) == ALPHA
                && !rules.lex(Lex::FirstPerson).has_token(w)
                && !rules.lex(Lex::BusinessAcronyms).has_token(w)
                && t[*i - 1].end + 2 >= w.start // not right after a sentence-internal break
        })
        .count()
        .min(2);
    let anchors = usize::from(rules.lex(Lex::TimeAnchors).any_in(s));
    let orgs = rules
        .lex(Lex::OrgNouns)
        .matches_in(s)
        .filter(|(i, _)| {
            // "a regional integrator", "that reseller": a particular one. A bare "a
            // partner" is any partner.
            let i = *i;
            let prev = |k: usize| i >= k && t[i - k].class & ARTICLE != 0;
            (i > 0 && t[i - 1].class & DEMONSTRATIVE != 0)
                || ((prev(2) || prev(3))
                    && !prev(1)
                    && !t[i.saturating_sub(2)..i].iter().any(|w| w.class & OF != 0))
        })
        .count()
        .min(1);
    let year = t.iter().any(|w| w.class & YEAR != 0);
    proper + anchors + orgs + usize::from(year)
}

/// Which sentences count as each part. Index into `PARTS`.
pub fn classify(feats: &[Features]) -> [Vec<usize>; 5] {
    let n = feats.len();
    let mut out: [Vec<usize>; 5] = Default::default();
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
            out[0].push(i);
        }
        if is_approach(f) {
            out[1].push(i);
        }
        if is_example(f, narrative_past) {
            out[2].push(i);
        }
        if is_outcome(f) {
            out[3].push(i);
        }
        if is_learning(f) {
            out[4].push(i);
        }
    }
    out
}

fn labelled(f: &Features, part: &str) -> bool {
    f.label.as_deref() == Some(part) && f.content >= 4
}

fn is_context(f: &Features, i: usize, n: usize, first_narrative: bool) -> bool {
    if labelled(f, "context") {
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
    let opening_scene = (i < 2 || first_narrative)
        && f.words >= 8
        && f.past > 0
        && (f.specific > 0 || f.setting)
        && !pure_action;
    by_cues || opening_scene
}

fn is_approach(f: &Features) -> bool {
    if f.salad || f.career {
        return false;
    }
    // Attitudes, values and walking away are not steps taken.
    if f.attitude && (f.actions <= 1 || f.past == 0) {
        return false;
    }
    if labelled(f, "approach") && (f.actions > 0 || f.past > 0) {
        return true;
    }
    if f.words < 4 || f.question || f.learning {
        return false;
    }
    let actor = f.first_person || f.plural || f.leading_verb;
    actor && f.actions > 0
}

fn is_example(f: &Features, narrative_past: usize) -> bool {
    if f.generic || f.career || f.habitual || f.question || f.salad {
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
    if labelled(f, "outcome") && (f.past > 0 || f.metrics > 0 || f.perfect) {
        return true;
    }
    if f.words < 4 || f.question || f.habitual || f.premise {
        return false;
    }
    if f.modal_first_person && f.past_subject == 0 {
        return false;
    }
    let targetish = f.target && !f.perfect && f.past == 0;
    let strong = f.outcome_verb;
    let weak = f.outcome_verb_weak && (f.impact_metrics > 0 || f.outcome_marker);
    let marked =
        (f.outcome_marker || f.perfect) && f.impact_metrics > 0 && (f.past > 0 || f.perfect);
    !targetish && (strong || weak || marked)
}

fn is_learning(f: &Features) -> bool {
    if f.learning_skill || f.question || f.salad {
        return false;
    }
    if labelled(f, "learning") && !f.learning_empty {
        return true;
    }
    f.learning && f.words >= 6 && !(f.learning_empty && f.content < 6)
}
