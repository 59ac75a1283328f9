//! The JSON Schema of the bank format, derived from the same types that load banks, so the
//! schema a coach's editor uses can never drift from what prepcoach accepts.

use super::model::Bank;

/// The bank format's JSON Schema, pretty-printed.
pub fn bank_schema() -> String {
    let schema = schemars::schema_for!(Bank);
    serde_json::to_string_pretty(&schema).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    #[test]
    fn schema_names_required_fields_and_rejects_unknown_ones() {
        let schema: serde_json::Value = serde_json::from_str(&super::bank_schema()).unwrap();
        let required = schema["required"].as_array().unwrap();
        assert!(required.iter().any(|f| f == "questions"));
        assert_eq!(schema["additionalProperties"], false);
        let text = super::bank_schema();
        assert!(text.contains("model_answer") && text.contains("video-response"));
    }
}
