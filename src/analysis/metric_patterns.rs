// The metric patterns and how they are compiled: shared by `build.rs`, which compiles them
// into DFAs embedded in the binary, and by `metrics.rs`, which falls back to compiling them
// at run time should the embedded ones not load. `std` and `regex-automata` only, so the
// build script can `include!` it.

/// Number words a count or amount may be written in.
pub const NUM_WORD: &str = r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a hundred|a thousand|a dozen|dozen|half a dozen|a couple of)";

/// A number: digits (with thousands commas and decimals) or number words.
fn num() -> String {
    format!(
        r"(?:\d+(?:,\d{{3}})*(?:\.\d+)?|{w}(?:-(?:one|two|three|four|five|six|seven|eight|nine))?(?: hundred| thousand)?)",
        w = NUM_WORD
    )
}

/// Units of time a duration may be given in.
const UNIT_TIME: &str = r"(?:business days?|working days?|days?|weeks?|months?|quarters?|years?|hours?|minutes?|sprints?)";

/// The metric shapes, by name, in the order they claim text: an earlier shape's match wins
/// over a later one it overlaps. `count` and `number` come last: `number` is the number at
/// the start of a `count` match.
pub fn metric_pattern_sources() -> Vec<(&'static str, String)> {
    let n = num();
    let money_scale = r"(?:k|m|mm|b|bn|million|billion|thousand|mn)";
    let money = format!(
        r"(?:(?:\$|€|£|¥)\s?\d[\d,]*(?:\.\d+)?(?:\s?{money_scale}\b)?(?:\s(?:in\s)?(?:arr|mrr|revenue|pipeline|bookings|savings|acv|tcv|gmv|deal|contract))?|\b\d[\d,]*(?:\.\d+)?\s?(?:{money_scale})\b(?:\s(?:dollars|euros|pounds|usd|eur|gbp))?(?:\s(?:in\s)?(?:arr|mrr|revenue|pipeline|bookings|savings|acv|tcv|gmv))?|\b\d[\d,]*(?:\.\d+)?\s(?:dollars|euros|pounds|usd|eur|gbp)\b|\b(?:{NUM_WORD})(?:[- ]{NUM_WORD})*\s(?:million|billion|thousand)(?:\s(?:dollars|euros|pounds))?|\b(?:five|six|seven|eight|nine|ten)[- ]figures?(?:\s(?:deal|contract|partnership|renewal|revenue|pipeline|account|program|budget))?\b)"
    );
    let percent = format!(
        r"\b{n}\s?(?:%|percent\b|per cent\b|percentage points?\b|points?\b|pts\b|bps\b|basis points\b)"
    );
    let change_val =
        format!(r"(?:(?:\$|€|£)?\s?{n}(?:\s?%|\s?{money_scale}\b)?(?:\s{UNIT_TIME})?)");
    let change = format!(
        r"\bfrom\s(?:about\s|roughly\s|around\s|under\s|over\s|nearly\s|just\s)?{change_val}\s(?:\w+\s)?(?:to|down to|up to)\s(?:about\s|roughly\s|around\s|under\s|over\s|nearly\s|just\s)?{change_val}(?:\s[a-z]+)?"
    );
    let multiplier = format!(
        r"\b\d+(?:\.\d+)?x\b|\b(?:doubled|doubling|tripled|trebled|tripling|quadrupled|halved|halving)\b|\bcut\s(?:\w+\s){{0,2}}in\shalf\b|\b(?:twice|{n}\stimes)\s(?:as\s(?:many|much|fast|large|big|often)|more|faster|larger|bigger|higher|the)\b(?:\s[a-z]+)?|\b(?:two|three|four|five|ten)fold\b"
    );
    let duration = format!(
        r"\b(?:(?:in|within|after|over|under|inside|by|across|for|than|to|about|nearly|roughly|only|just)\s(?:the\s(?:first|next|last)\s)?)?(?:{n}|(?:in|within|inside|under)\sa|(?:in|within|inside|under)\san)[- ](?:full\s)?{UNIT_TIME}\b"
    );
    let fraction = r"\b(?:by|than|about|nearly|almost|over|roughly|under|just|only)\s(?:a|one|two|three)[- ](?:thirds?|fifths?|quarters?|tenths?)\b|\b(?:a|one|two|three)[- ](?:thirds?|fifths?|quarters?|tenths?|half)\sof\s(?:the\s|our\s|their\s|its\s|all\s)?[a-z]+|\b(?:a|one|two)[- ](?:thirds?|fifths?|tenths?)\b|\b(?:by|than)\shalf\b|\bhalf\sof\s(?:the\s|our\s|their\s|its\s)?[a-z]+";
    let count = format!(
        r"\b({n})\s((?:(?:new|more|additional|extra|joint|active|qualified|certified|strategic|key|enterprise|regional|global|paying|net-new|net|major|large|existing|top|fewer|less|signed|live|referral|partner|channel|reseller|customer|of\sour|of\sthe|of\sits|of\stheir)\s){{0,3}})([a-z][a-z'-]*)"
    );
    vec![
        ("change", change),
        ("money", money),
        ("percent", percent),
        ("multiplier", multiplier),
        ("fraction", fraction.to_string()),
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
