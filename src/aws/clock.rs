//! The wall clock, read in one place, and the time formats AWS services use.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Time since the Unix epoch (zero if the clock is before it).
pub fn since_epoch() -> Duration {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
}

pub fn unix_seconds() -> f64 {
    since_epoch().as_secs_f64()
}

pub fn unix_millis() -> u64 {
    since_epoch().as_millis() as u64
}

pub fn unix_nanos() -> u128 {
    since_epoch().as_nanos()
}

/// Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
pub fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn parts(millis: u64) -> ((i64, u32, u32), u64, u64, u64, u64) {
    let secs = millis / 1000;
    let rem = secs % 86400;
    (
        civil((secs / 86400) as i64),
        rem / 3600,
        rem % 3600 / 60,
        rem % 60,
        millis % 1000,
    )
}

/// `2026-11-25T04:33:00Z`.
pub fn iso8601(millis: u64) -> String {
    let ((y, m, d), hh, mm, ss, _) = parts(millis);
    format!("{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}Z")
}

/// Lambda's LastModified: `2026-11-25T04:33:00.000+0000`.
pub fn lambda_timestamp(millis: u64) -> String {
    let ((y, m, d), hh, mm, ss, ms) = parts(millis);
    format!("{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}.{ms:03}+0000")
}

/// The date part of a Lambda log stream's name: `2026/11/25`.
pub fn log_stream_date(millis: u64) -> String {
    let ((y, m, d), ..) = parts(millis);
    format!("{y:04}/{m:02}/{d:02}")
}

/// API Gateway's requestTime: `30/Nov/2026:14:20:00 +0000`.
pub fn apigateway_time(millis: u64) -> String {
    let ((y, m, d), hh, mm, ss, _) = parts(millis);
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month = MONTHS[(m as usize).saturating_sub(1) % 12];
    format!("{d:02}/{month}/{y:04}:{hh:02}:{mm:02}:{ss:02} +0000")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        // 2026-11-25T04:33:07.089Z
        let t = 1_795_581_187_089;
        assert_eq!(iso8601(t), "2026-11-25T04:33:07Z");
        assert_eq!(lambda_timestamp(t), "2026-11-25T04:33:07.089+0000");
        assert_eq!(log_stream_date(t), "2026/11/25");
        assert_eq!(civil(0), (1970, 1, 1));
        assert_eq!(civil(-1), (1969, 12, 31));
    }
}
