// The metric patterns, the cue lists they are built from, and how they are compiled: shared
// by `build.rs`, which compiles the patterns into DFAs embedded in the binary, and by
// `metrics.rs`, which reads the cue lists to decide which stretches of an answer a pattern
// could match (and falls back to compiling the patterns at run time should the embedded DFAs
// not load). `std` and `regex-automata` only, so the build script can `include!` it.
//
// Each cue list is the one place its words are written: the patterns are built from it, and a
// word of an answer carries the list's cue when it holds the last word of one of the list's
// entries. So a word added to a list is both matched and cued.

/// Number words a count or amount may be written in. A word of an answer that starts with
/// one (of three letters or more) carries the number cue.
pub const NUMBER_WORDS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "a hundred",
    "a thousand",
    "a dozen",
    "dozen",
    "half a dozen",
    "a couple of",
];

/// Units of time a duration may be given in (each also in the plural).
pub const TIME_UNITS: &[&str] = &[
    "business day",
    "working day",
    "day",
    "week",
    "month",
    "quarter",
    "year",
    "hour",
    "minute",
    "sprint",
];

/// Fractions of a whole ("by a third", "half of the deals").
pub const FRACTIONS: &[&str] = &["third", "fifth", "quarter", "tenth", "half"];

/// Words of a multiplier ("doubled", "cut in half", "twice as many", "3 times more",
/// "tenfold").
pub const MULTIPLIERS: &[&str] = &[
    "doubled",
    "doubling",
    "tripled",
    "trebled",
    "tripling",
    "quadrupled",
    "halved",
    "halving",
    "half",
    "twice",
    "times",
    "fold",
];

/// Words for a large amount of money ("1.2 million", "a seven-figure deal").
pub const AMOUNTS: &[&str] = &["million", "billion", "thousand", "figure"];

/// Words for a percentage.
pub const PERCENT_WORDS: &[&str] = &[
    "percent",
    "per cent",
    "percentage point",
    "point",
    "pts",
    "bps",
    "basis point",
];

/// Currency names after an amount ("dollars", "usd").
pub const CURRENCIES: &[&str] = &["dollars", "euros", "pounds", "usd", "eur", "gbp"];

/// Scales after digits ("5k", "$2.4m", "3 bn").
pub const SCALES: &[&str] = &[
    "k", "m", "mm", "b", "bn", "million", "billion", "thousand", "mn",
];

/// The key of a cue-list entry: its last word. A word of an answer that holds it carries
/// the list's cue; every match of a pattern built from the list holds the key of one of
/// its entries.
pub fn cue_key(entry: &str) -> &str {
    entry.rsplit(' ').next().unwrap_or(entry)
}

/// `(?:a|b|c)`.
fn alt(words: &[&str]) -> String {
    format!("(?:{})", words.join("|"))
}

/// `(?:as?|bs?)`: each word, or its plural.
fn alt_plural(words: &[&str]) -> String {
    let plural: Vec<String> = words.iter().map(|w| format!("{w}s?")).collect();
    format!("(?:{})", plural.join("|"))
}

/// The entries of `list` that are named in `pick` (a pattern that uses part of a list).
fn some<'a>(list: &[&'a str], pick: &[&str]) -> Vec<&'a str> {
    list.iter().copied().filter(|w| pick.contains(w)).collect()
}

/// [`NUMBER_WORDS`] as one alternation.
pub fn num_word() -> String {
    alt(NUMBER_WORDS)
}

/// A number: digits (with thousands commas and decimals) or number words.
fn num() -> String {
    format!(
        r"(?:\d+(?:,\d{{3}})*(?:\.\d+)?|{w}(?:-(?:one|two|three|four|five|six|seven|eight|nine))?(?: hundred| thousand)?)",
        w = num_word()
    )
}

/// The metric shapes, by name, in the order they claim text: an earlier shape's match wins
/// over a later one it overlaps. `count` and `number` come last: `number` is the number at
/// the start of a `count` match.
pub fn metric_pattern_sources() -> Vec<(&'static str, String)> {
    let n = num();
    let num_word = num_word();
    let unit_time = alt_plural(TIME_UNITS);
    let money_scale = alt(SCALES);
    let currency = alt(CURRENCIES);
    let currency_plural = alt(&some(CURRENCIES, &["dollars", "euros", "pounds"]));
    let amount = alt(&some(AMOUNTS, &["million", "billion", "thousand"]));
    let money = format!(
        r"(?:(?:\$|€|£|¥)\s?\d[\d,]*(?:\.\d+)?(?:\s?{money_scale}\b)?(?:\s(?:in\s)?(?:arr|mrr|revenue|pipeline|bookings|savings|acv|tcv|gmv|deal|contract))?|\b\d[\d,]*(?:\.\d+)?\s?{money_scale}\b(?:\s{currency})?(?:\s(?:in\s)?(?:arr|mrr|revenue|pipeline|bookings|savings|acv|tcv|gmv))?|\b\d[\d,]*(?:\.\d+)?\s{currency}\b|\b(?:{num_word})(?:[- ]{num_word})*\s{amount}(?:\s{currency_plural})?|\b(?:five|six|seven|eight|nine|ten)[- ]figures?(?:\s(?:deal|contract|partnership|renewal|revenue|pipeline|account|program|budget))?\b)"
    );
    let percent_words: Vec<String> = PERCENT_WORDS
        .iter()
        .map(|w| match *w {
            "percentage point" | "point" => format!(r"{w}s?\b"),
            "basis point" => format!(r"{w}s\b"),
            _ => format!(r"{w}\b"),
        })
        .collect();
    let percent = format!(r"\b{n}\s?(?:%|{})", percent_words.join("|"));
    let change_val =
        format!(r"(?:(?:\$|€|£)?\s?{n}(?:\s?%|\s?{money_scale}\b)?(?:\s{unit_time})?)");
    let change = format!(
        r"\bfrom\s(?:about\s|roughly\s|around\s|under\s|over\s|nearly\s|just\s)?{change_val}\s(?:\w+\s)?(?:to|down to|up to)\s(?:about\s|roughly\s|around\s|under\s|over\s|nearly\s|just\s)?{change_val}(?:\s[a-z]+)?"
    );
    let multiplier_verbs = alt(&MULTIPLIERS[..8]);
    let multiplier = format!(
        r"\b\d+(?:\.\d+)?x\b|\b{multiplier_verbs}\b|\bcut\s(?:\w+\s){{0,2}}in\shalf\b|\b(?:twice|{n}\stimes)\s(?:as\s(?:many|much|fast|large|big|often)|more|faster|larger|bigger|higher|the)\b(?:\s[a-z]+)?|\b(?:two|three|four|five|ten)fold\b"
    );
    let duration = format!(
        r"\b(?:(?:in|within|after|over|under|inside|by|across|for|than|to|about|nearly|roughly|only|just)\s(?:the\s(?:first|next|last)\s)?)?(?:{n}|(?:in|within|inside|under)\sa|(?:in|within|inside|under)\san)[- ](?:full\s)?{unit_time}\b"
    );
    let parts = alt_plural(&FRACTIONS[..4]);
    let parts_no_quarter = alt_plural(&some(FRACTIONS, &["third", "fifth", "tenth"]));
    let fraction = format!(
        r"\b(?:by|than|about|nearly|almost|over|roughly|under|just|only)\s(?:a|one|two|three)[- ]{parts}\b|\b(?:a|one|two|three)[- ](?:{inner}|half)\sof\s(?:the\s|our\s|their\s|its\s|all\s)?[a-z]+|\b(?:a|one|two)[- ]{parts_no_quarter}\b|\b(?:by|than)\shalf\b|\bhalf\sof\s(?:the\s|our\s|their\s|its\s)?[a-z]+",
        inner = &parts[3..parts.len() - 1],
    );
    let count = format!(
        r"\b({n}\+?)\s((?:(?:new|more|additional|extra|joint|active|qualified|certified|strategic|key|enterprise|regional|global|paying|net-new|net|major|large|existing|top|fewer|less|signed|live|referral|partner|channel|reseller|customer|of\sour|of\sthe|of\sits|of\stheir)\s){{0,3}})([a-z][a-z'-]*)"
    );
    vec![
        ("change", change),
        ("money", money),
        ("percent", percent),
        ("multiplier", multiplier),
        ("fraction", fraction),
        ("duration", duration),
        ("count", count),
        ("number", n),
    ]
}

/// How a metric pattern is compiled: bytes, not Unicode (answers are lowercased ASCII-wise
/// and offsets are bytes), and minimised, so the tables a search walks stay small.
pub fn compile_metric_pattern(
    pattern: &str,
) -> Result<regex_automata::dfa::regex::Regex, Box<regex_automata::dfa::dense::BuildError>> {
    use regex_automata::{dfa::dense, dfa::regex::Regex, nfa::thompson, util::syntax};
    Regex::builder()
        .syntax(syntax::Config::new().unicode(false).utf8(false))
        .thompson(thompson::Config::new().utf8(false))
        .dense(dense::Config::new().minimize(true))
        .build(pattern)
        .map_err(Box::new)
}
