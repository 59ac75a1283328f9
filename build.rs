//! Embeds every `banks/*.json` file in the binary, so the built-in banks work from any
//! directory and adding a bank file needs no code change; and compiles the metric patterns
//! (`src/analysis/metric_patterns.rs`) into DFAs, so a one-answer check does not spend
//! milliseconds compiling regular expressions; and builds the topic model the checker
//! tells an off-topic answer by (word statistics of the banks against those of
//! `banks/rules/topics.json`), so it does not stem the banks on every run; and, for the
//! same reason, writes the stems of the banks' and rules' words and the raw grams of the
//! built-in model answers.

use std::fmt::Write as _;
use std::{env, fs, path::Path};

include!("src/analysis/metric_patterns.rs");
include!("src/analysis/raw_grams.rs");
include!("src/analysis/normalize.rs");

fn main() {
    // The files included above but the metric patterns (watched where they are compiled).
    println!("cargo:rerun-if-changed=src/analysis/raw_grams.rs");
    println!("cargo:rerun-if-changed=src/analysis/normalize.rs");
    embed_banks();
    compile_metric_patterns();
    build_topic_model();
    build_stem_table();
    build_model_grams();
}

/// The raw grams (`src/analysis/raw_grams.rs`) of every built-in model answer, as
/// `OUT_DIR/model_grams.rs`: the question ids, and each gram with the index of the question
/// whose model answer has it, sorted. A check looks up an answer's grams here to find the
/// model answers it may copy, and only those are split and stemmed: doing that for all of
/// them was over half of a one-answer check. The model answer's text is its five parts
/// trimmed and joined by a blank line, as `ModelAnswer::full_text` gives it (a test checks
/// the two agree), and its hash is kept to tell it is the same text at run time.
fn build_model_grams() {
    let root = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let files = json_files(&Path::new(&root).join("banks"));
    let mut ids = Vec::new();
    let mut grams: Vec<(u64, usize)> = Vec::new();
    for f in &files {
        let bank: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(f).expect("a bank is readable"))
                .expect("a bank is JSON");
        for q in bank["questions"].as_array().into_iter().flatten() {
            let (Some(id), Some(model)) = (q["id"].as_str(), q.get("model_answer")) else {
                continue;
            };
            let text = ["context", "approach", "example", "outcome", "learning"]
                .iter()
                .map(|part| model[part].as_str().unwrap_or("").trim())
                .collect::<Vec<_>>()
                .join("\n\n");
            let mut own = Vec::new();
            raw_grams(&text, &mut own);
            grams.extend(own.into_iter().map(|g| (g, ids.len())));
            ids.push((id.to_string(), text_hash(&text)));
        }
    }
    grams.sort_unstable();
    grams.dedup();
    let mut code = String::from(
        "/// The built-in model answers: question id and the hash of the text (`text_hash`).\n",
    );
    let _ = writeln!(code, "pub static MODEL_IDS: &[(&str, u64)] = &{ids:?};");
    let _ = writeln!(
        code,
        "/// Each raw gram of a built-in model answer with its question's index, sorted."
    );
    let _ = writeln!(code, "pub static MODEL_GRAMS: &[(u64, u16)] = &[");
    for (g, i) in grams {
        let _ = writeln!(code, "    ({g}, {i}),");
    }
    code.push_str("];\n");
    fs::write(Path::new(&out).join("model_grams.rs"), code).expect("OUT_DIR is writable");
}

/// Every word of the built-in banks and rules with its stem, as `OUT_DIR/stem_table.rs`
/// (sorted by word, for a binary search; the stem is empty where it is the word itself).
/// A one-answer check builds its model-answer index and lexicons from these words, and the
/// stemmer is a few thousand instructions a word: looking them up here instead took a
/// third off the whole process. Words are split, lowercased and stemmed as the checker
/// does it, so a word found here has the stem the stemmer would give.
fn build_stem_table() {
    use std::collections::BTreeMap;
    let root = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let mut text = String::new();
    for dir in ["banks", "banks/rules"] {
        for entry in fs::read_dir(Path::new(&root).join(dir)).expect("banks/ exists") {
            let path = entry.expect("banks/ is readable").path();
            let is_source = path.extension().is_some_and(|x| x == "json")
                && path.file_name().is_some_and(|n| n != "topics.json");
            if is_source {
                let value: serde_json::Value =
                    serde_json::from_str(&fs::read_to_string(&path).expect("a bank is readable"))
                        .expect("a bank is JSON");
                collect_text(&value, &mut text, true);
            }
        }
    }
    let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
    let mut table = BTreeMap::new();
    for w in unicode_segmentation::UnicodeSegmentation::unicode_words(text.as_str()) {
        let lower = normalize(w);
        if let std::collections::btree_map::Entry::Vacant(slot) = table.entry(lower) {
            let stem = stemmer.stem(slot.key()).into_owned();
            let same = stem == *slot.key();
            slot.insert(if same { String::new() } else { stem });
        }
    }
    let mut code = String::from(
        "/// Words of the built-in banks and rules and their stems (empty: the word itself).\n",
    );
    let _ = writeln!(code, "pub static STEM_TABLE: &[(&str, &str)] = &[");
    for (word, stem) in &table {
        let _ = writeln!(code, "    ({word:?}, {stem:?}),");
    }
    code.push_str("];\n");
    fs::write(Path::new(&out).join("stem_table.rs"), code).expect("OUT_DIR is writable");
}

/// The weight of the pooled word distribution in each topic's (Dirichlet smoothing): the
/// contrast topics have two to three thousand words each and the banks over ten times that,
/// and add-one smoothing would make every rare word a vote for the small topics.
const SMOOTHING: f64 = 2000.0;

/// Naive Bayes word statistics: for every stem of the partnership corpus (the built-in
/// banks' text) and the contrast topics (`banks/rules/topics.json`), its log probability
/// under each topic, written as `OUT_DIR/topic_model.rs` (stems sorted, for a binary
/// search). Words are split, lowercased and stemmed as the checker does it.
fn build_topic_model() {
    use std::collections::{BTreeMap, BTreeSet};
    let root = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let topics_path = Path::new(&root).join("banks/rules/topics.json");
    println!("cargo:rerun-if-changed={}", topics_path.display());
    let topics: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(&topics_path).expect("banks/rules/topics.json exists"),
    )
    .expect("banks/rules/topics.json is JSON");
    let mut names = vec!["partnerships".to_string()];
    let mut corpora = vec![String::new()];
    for entry in fs::read_dir(Path::new(&root).join("banks")).expect("banks/ exists") {
        let path = entry.expect("banks/ is readable").path();
        if path.extension().is_some_and(|x| x == "json") {
            let bank: serde_json::Value =
                serde_json::from_str(&fs::read_to_string(&path).expect("a bank is readable"))
                    .expect("a bank is JSON");
            collect_text(&bank, &mut corpora[0], false);
        }
    }
    for t in topics["topics"]
        .as_array()
        .expect("topics.json has a topics list")
    {
        names.push(t["name"].as_str().expect("a topic has a name").to_string());
        corpora.push(t["text"].as_str().expect("a topic has a text").to_string());
    }
    let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
    let counts: Vec<BTreeMap<String, f64>> = corpora
        .iter()
        .map(|text| {
            let mut c = BTreeMap::new();
            for w in unicode_segmentation::UnicodeSegmentation::unicode_words(text.as_str()) {
                let lower = normalize(w);
                *c.entry(stemmer.stem(&lower).into_owned()).or_insert(0.0) += 1.0;
            }
            c
        })
        .collect();
    let vocab: BTreeSet<&String> = counts.iter().flat_map(|c| c.keys()).collect();
    let v = vocab.len() as f64;
    let totals: Vec<f64> = counts.iter().map(|c| c.values().sum()).collect();
    let pooled_total: f64 = totals.iter().sum::<f64>() + v;
    let pooled = |stem: &String| {
        (counts.iter().filter_map(|c| c.get(stem)).sum::<f64>() + 1.0) / pooled_total
    };
    let log_p =
        |t: usize, n: f64, bg: f64| ((n + SMOOTHING * bg) / (totals[t] + SMOOTHING)).ln() as f32;
    let mut code = String::new();
    let _ = writeln!(
        code,
        "/// The topics: partnerships first, then the contrast topics."
    );
    let _ = writeln!(
        code,
        "pub static TOPIC_NAMES: [&str; {}] = {names:?};",
        names.len()
    );
    // A word no topic has is no evidence for any.
    let unseen = vec![0f32; names.len()];
    let _ = writeln!(code, "/// A word no topic has: no evidence either way.");
    let _ = writeln!(
        code,
        "pub static TOPIC_UNSEEN: [f32; {}] = {unseen:?};",
        names.len()
    );
    let _ = writeln!(
        code,
        "/// Each stem's log probability under each topic, by stem."
    );
    let _ = writeln!(
        code,
        "pub static TOPIC_STEMS: &[(&str, [f32; {}])] = &[",
        names.len()
    );
    for stem in vocab {
        let row: Vec<f32> = counts
            .iter()
            .enumerate()
            .map(|(t, c)| log_p(t, c.get(stem).copied().unwrap_or(0.0), pooled(stem)))
            .collect();
        let _ = writeln!(code, "    ({stem:?}, {row:?}),");
    }
    code.push_str("];\n");
    fs::write(Path::new(&out).join("topic_model.rs"), code).expect("OUT_DIR is writable");
}

/// Every string in a JSON value, joined. For the partnership corpus (`all` false), a bank's
/// strings but its ids and labels; with `all`, every string and object key too (the rules
/// file's keys are names, its values lexicons).
fn collect_text(v: &serde_json::Value, out: &mut String, all: bool) {
    match v {
        serde_json::Value::String(s) => {
            out.push_str(s);
            out.push_str(" .\n");
        }
        serde_json::Value::Array(items) => items.iter().for_each(|i| collect_text(i, out, all)),
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                if all {
                    out.push_str(k);
                    out.push_str(" .\n");
                } else if matches!(
                    k.as_str(),
                    "id" | "kind" | "round" | "levels" | "competency"
                ) {
                    continue;
                }
                collect_text(v, out, all);
            }
        }
        _ => {}
    }
}

/// Each pattern's forward and reverse DFA, little-endian, as `OUT_DIR/metric_NAME.fwd|rev`.
fn compile_metric_patterns() {
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo:rerun-if-changed=src/analysis/metric_patterns.rs");
    for (name, pattern) in metric_pattern_sources() {
        let re = compile_metric_pattern(&pattern)
            .unwrap_or_else(|e| panic!("metric pattern {name} does not compile: {e}"));
        let (fwd, pad) = re.forward().to_bytes_little_endian();
        fs::write(
            Path::new(&out).join(format!("metric_{name}.fwd")),
            &fwd[pad..],
        )
        .expect("OUT_DIR is writable");
        let (rev, pad) = re.reverse().to_bytes_little_endian();
        fs::write(
            Path::new(&out).join(format!("metric_{name}.rev")),
            &rev[pad..],
        )
        .expect("OUT_DIR is writable");
    }
}

/// The `*.json` files of a folder, sorted.
fn json_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = fs::read_dir(dir)
        .expect("banks/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

fn embed_banks() {
    let root = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo:rerun-if-changed=banks");
    let files = json_files(&Path::new(&root).join("banks"));
    let mut code = String::from("/// Built-in banks: (file name, JSON text).\npub static BUILTIN_BANKS: &[(&str, &str)] = &[\n");
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = f.file_name().unwrap().to_string_lossy();
        let _ = writeln!(
            code,
            "    ({name:?}, include_str!({:?})),",
            f.display().to_string()
        );
    }
    code.push_str("];\n");
    fs::write(Path::new(&out).join("builtin_banks.rs"), code).expect("OUT_DIR is writable");
}
