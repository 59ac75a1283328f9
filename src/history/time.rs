//! Attempt timestamps: UTC in RFC 3339 form, with chrono. The format is part of the history
//! file (records sort by it and are told apart by it), so it is fixed: whole seconds and a
//! `Z`, plus milliseconds for "now".

use chrono::{DateTime, SecondsFormat, Utc};

/// The current time to the millisecond, `2026-11-21T22:13:05.042Z`: two attempts saved in
/// the same second stay two records.
pub fn now_rfc3339() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Seconds since 1970 as an RFC 3339 UTC timestamp, `2026-11-23T22:23:09Z` (the epoch for
/// a count of seconds beyond chrono's range, some 262,000 years either way).
pub fn unix_to_rfc3339(secs: i64) -> String {
    DateTime::from_timestamp(secs, 0)
        .unwrap_or_default()
        .to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// A stored timestamp as a reader wants it, `28 Nov 2026, 00:50 UTC`; the text as it is
/// when it is not a timestamp.
pub fn human(at: &str) -> String {
    DateTime::parse_from_rfc3339(at).map_or_else(
        |_| at.to_string(),
        |t| {
            t.with_timezone(&Utc)
                .format("%-d %b %Y, %H:%M UTC")
                .to_string()
        },
    )
}

/// The day of a stored timestamp, `28 Nov`, for a chart's axis.
pub fn day(at: &str) -> String {
    DateTime::parse_from_rfc3339(at).map_or_else(
        |_| String::new(),
        |t| t.with_timezone(&Utc).format("%-d %b").to_string(),
    )
}

/// The time of day of a stored timestamp, `00:50`, for a chart of one day's answers.
pub fn time_of_day(at: &str) -> String {
    DateTime::parse_from_rfc3339(at).map_or_else(
        |_| String::new(),
        |t| t.with_timezone(&Utc).format("%H:%M").to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_read_as_people_write_them() {
        assert_eq!(human("2026-11-28T00:50:11.808Z"), "28 Nov 2026, 00:50 UTC");
        assert_eq!(human("2026-02-03T09:05:00+01:00"), "3 Feb 2026, 08:05 UTC");
        assert_eq!(human("not a date"), "not a date");
        assert_eq!(day("2026-11-28T00:50:11Z"), "28 Nov");
    }

    #[test]
    fn known_instants() {
        assert_eq!(unix_to_rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(unix_to_rfc3339(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(unix_to_rfc3339(1_795_472_589), "2026-11-23T22:23:09Z");
        assert_eq!(unix_to_rfc3339(-1), "1969-12-31T23:59:59Z");
    }

    #[test]
    fn now_has_milliseconds_and_a_z_as_stored_records_do() {
        let now = now_rfc3339();
        // The shape every stored record has: 2026-11-21T22:13:05.042Z.
        let shape: String = now
            .chars()
            .map(|c| if c.is_ascii_digit() { '9' } else { c })
            .collect();
        assert_eq!(shape, "9999-99-99T99:99:99.999Z", "{now}");
        assert!(DateTime::parse_from_rfc3339(&now).is_ok());
    }
}
