//! UTC timestamps in RFC 3339 form, without a date-time dependency: history records only
//! need "now", written sortably.

use std::time::{SystemTime, UNIX_EPOCH};

/// The current time to the millisecond, `2026-11-21T22:13:05.042Z`: two attempts saved in
/// the same second stay two records.
pub fn now_rfc3339() -> String {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    let whole = unix_to_rfc3339(now.as_secs() as i64);
    format!(
        "{}.{:03}Z",
        whole.trim_end_matches('Z'),
        now.subsec_millis()
    )
}

/// Seconds since 1970 as an RFC 3339 UTC timestamp (civil-from-days, H. Hinnant).
pub fn unix_to_rfc3339(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn known_instants() {
        assert_eq!(super::unix_to_rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(super::unix_to_rfc3339(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(
            super::unix_to_rfc3339(1_795_472_589),
            "2026-11-23T22:23:09Z"
        );
    }
}
