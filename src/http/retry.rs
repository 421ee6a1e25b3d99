//! Retry policy: which replies are transient, how long to wait before the
//! next attempt, and the deadline that all attempts share.
//!
//! The wait before retry `n` (1-based) is `250 ms * 2^(n-1)`, plus a random
//! jitter of up to half that, and at most [`MAX_BACKOFF`]. The jitter keeps
//! many clients that failed together from retrying together. A
//! `Retry-After` header replaces the computed wait.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// The wait before the first retry, before jitter.
pub const INITIAL_BACKOFF: Duration = Duration::from_millis(250);
/// Maximum computed wait before one retry. A `Retry-After` value may be
/// longer; the deadline bounds it.
pub const MAX_BACKOFF: Duration = Duration::from_secs(10);

/// Returns whether a reply with `status` is worth retrying: request
/// timeout, rate limiting and the server errors that gateways and
/// overloaded servers send.
pub fn is_retryable_status(status: u16) -> bool {
    matches!(status, 408 | 429 | 500 | 502 | 503 | 504)
}

/// The end of the total time that all attempts and waits share.
#[derive(Debug, Clone, Copy)]
pub struct Deadline {
    end: Instant,
    total: Duration,
}

impl Deadline {
    pub fn after(total: Duration) -> Deadline {
        Deadline {
            end: Instant::now() + total,
            total,
        }
    }

    pub fn total(&self) -> Duration {
        self.total
    }

    /// Returns the time left, zero once the deadline has passed.
    pub fn remaining(&self) -> Duration {
        self.end.saturating_duration_since(Instant::now())
    }
}

/// Returns the wait before retry number `retry` (1-based), with `jitter`
/// in `[0, 1)` selecting how much of the extra half is added.
pub fn backoff(retry: u32, jitter: f64) -> Duration {
    let doublings = retry.saturating_sub(1).min(16);
    let base = INITIAL_BACKOFF.saturating_mul(1 << doublings);
    let extra = base.mul_f64(jitter.clamp(0.0, 1.0) / 2.0);
    base.saturating_add(extra).min(MAX_BACKOFF)
}

/// Returns a random number in `[0, 1)`. The standard library seeds
/// `RandomState` from the operating system's random source, which is good
/// enough for jitter and needs no extra crate.
pub fn random_jitter() -> f64 {
    let mut hasher = RandomState::new().build_hasher();
    hasher.write_u64(0);
    (hasher.finish() >> 11) as f64 / (1u64 << 53) as f64
}

/// Parses a `Retry-After` value: a number of seconds or an HTTP date
/// (RFC 9110 section 10.2.3). A date in the past means no wait. Returns
/// `None` for a value that is neither.
pub fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if !value.is_empty() && value.bytes().all(|byte| byte.is_ascii_digit()) {
        let seconds = value.parse::<u64>().unwrap_or(u64::MAX);
        return Some(Duration::from_secs(seconds));
    }
    let date = parse_http_date(value)?;
    Some(date.duration_since(now).unwrap_or(Duration::ZERO))
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Parses the three date formats that RFC 9110 section 5.6.7 requires a
/// recipient to accept, all in GMT:
/// `Sun, 06 Nov 1994 08:49:37 GMT` (IMF-fixdate),
/// `Sunday, 06-Nov-94 08:49:37 GMT` (RFC 850) and
/// `Sun Nov  6 08:49:37 1994` (asctime).
///
/// In all three the day comes before the year, so the first number is the
/// day and the second the year. A two-digit year below 70 is in the 2000s.
fn parse_http_date(text: &str) -> Option<SystemTime> {
    let mut day = None;
    let mut year = None;
    let mut month = None;
    let mut time = None;
    for token in text
        .split([' ', ',', '-'])
        .filter(|token| !token.is_empty())
    {
        if token.contains(':') {
            let parts: Vec<&str> = token.split(':').collect();
            let [hours, minutes, seconds] = parts[..] else {
                return None;
            };
            time = Some((
                number(hours, 23)?,
                number(minutes, 59)?,
                number(seconds, 60)?,
            ));
        } else if token.bytes().all(|byte| byte.is_ascii_digit()) {
            if day.is_none() {
                day = Some(number(token, 31)?);
            } else if year.is_none() {
                year = Some(match (token.len(), token.parse::<u64>().ok()?) {
                    (2, short) if short < 70 => 2000 + short,
                    (2, short) => 1900 + short,
                    (4, full) => full,
                    _ => return None,
                });
            } else {
                return None;
            }
        } else if let Some(index) = MONTHS
            .iter()
            .position(|name| token.eq_ignore_ascii_case(name))
        {
            month = Some(index as u64 + 1);
        } else if token.eq_ignore_ascii_case("GMT") || is_weekday(token) {
            continue;
        } else {
            return None;
        }
    }
    let (day, month, year, (hours, minutes, seconds)) = (day?, month?, year?, time?);
    if day == 0 || year < 1970 {
        return None;
    }
    let days = days_since_epoch(year, month, day);
    let seconds = days * 86_400 + hours * 3_600 + minutes * 60 + seconds;
    UNIX_EPOCH.checked_add(Duration::from_secs(seconds))
}

fn number(text: &str, max: u64) -> Option<u64> {
    if text.is_empty() || text.len() > 2 || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse().ok().filter(|value| *value <= max)
}

fn is_weekday(token: &str) -> bool {
    const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    const LONG: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    DAYS.iter()
        .chain(&LONG)
        .any(|name| token.eq_ignore_ascii_case(name))
}

/// Returns the number of days from 1970-01-01 to the given date in the
/// proleptic Gregorian calendar, for years from 1970.
fn days_since_epoch(year: u64, month: u64, day: u64) -> u64 {
    // Count from March, so that the leap day ends a year.
    let (year, month) = if month <= 2 {
        (year - 1, month + 9)
    } else {
        (year, month - 3)
    };
    let era_days = |y: u64| y * 365 + y / 4 - y / 100 + y / 400;
    let day_of_year = (153 * month + 2) / 5 + day - 1;
    // 719_468 is the day number of 1970-01-01 in this March-based count.
    era_days(year) + day_of_year - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(seconds: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(seconds)
    }

    #[test]
    fn retryable_statuses() {
        for status in [408, 429, 500, 502, 503, 504] {
            assert!(is_retryable_status(status), "{status}");
        }
        for status in [200, 301, 400, 401, 403, 404, 501, 505] {
            assert!(!is_retryable_status(status), "{status}");
        }
    }

    #[test]
    fn backoff_doubles_with_jitter() {
        assert_eq!(backoff(1, 0.0), Duration::from_millis(250));
        assert_eq!(backoff(1, 0.5), Duration::from_micros(312_500));
        assert_eq!(backoff(1, 1.0), Duration::from_millis(375));
        assert_eq!(backoff(2, 0.0), Duration::from_millis(500));
        assert_eq!(backoff(3, 0.5), Duration::from_millis(1_250));
        assert_eq!(backoff(10, 0.0), MAX_BACKOFF);
        assert_eq!(backoff(u32::MAX, 1.0), MAX_BACKOFF);
    }

    #[test]
    fn jitter_in_unit_interval() {
        for _ in 0..100 {
            let jitter = random_jitter();
            assert!((0.0..1.0).contains(&jitter), "{jitter}");
        }
    }

    #[test]
    fn retry_after_seconds() {
        let now = at(1_000);
        assert_eq!(parse_retry_after("1", now), Some(Duration::from_secs(1)));
        assert_eq!(
            parse_retry_after(" 120 ", now),
            Some(Duration::from_secs(120))
        );
        assert_eq!(parse_retry_after("0", now), Some(Duration::ZERO));
        assert_eq!(parse_retry_after("-1", now), None);
        assert_eq!(parse_retry_after("1.5", now), None);
        assert_eq!(parse_retry_after("", now), None);
        assert_eq!(
            parse_retry_after("99999999999999999999999", now),
            Some(Duration::from_secs(u64::MAX))
        );
    }

    #[test]
    fn retry_after_dates() {
        // 1994-11-06T08:49:37Z is 784111777 Unix seconds.
        let now = at(784_111_777 - 30);
        for date in [
            "Sun, 06 Nov 1994 08:49:37 GMT",
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994",
        ] {
            assert_eq!(
                parse_retry_after(date, now),
                Some(Duration::from_secs(30)),
                "{date}"
            );
        }
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", at(784_111_777 + 5)),
            Some(Duration::ZERO)
        );
    }

    #[test]
    fn http_dates_across_calendar() {
        let cases = [
            ("Thu, 01 Jan 1970 00:00:00 GMT", 0),
            ("Tue, 29 Feb 2000 12:00:00 GMT", 951_825_600),
            ("Wed, 01 Mar 2000 00:00:00 GMT", 951_868_800),
            ("Fri, 31 Dec 2038 23:59:59 GMT", 2_177_452_799),
            ("Mon, 01 Jan 2024 00:00:00 GMT", 1_704_067_200),
        ];
        for (text, seconds) in cases {
            assert_eq!(parse_http_date(text), Some(at(seconds)), "{text}");
        }
    }

    #[test]
    fn invalid_dates_rejected() {
        for text in [
            "tomorrow",
            "Sun, 06 Nov 1994",
            "Sun, 06 Foo 1994 08:49:37 GMT",
            "Sun, 32 Nov 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 24:00:00 GMT",
            "Sun, 06 Nov 1994 08:49:37 CET",
            "Sun, 06 Nov 1960 08:49:37 GMT",
            "06 Nov 1994 1994 08:49:37",
        ] {
            assert_eq!(parse_http_date(text), None, "{text}");
        }
    }

    #[test]
    fn deadline_counts_down() {
        let deadline = Deadline::after(Duration::from_secs(60));
        assert!(deadline.remaining() <= Duration::from_secs(60));
        assert!(deadline.remaining() > Duration::from_secs(50));
        assert_eq!(Deadline::after(Duration::ZERO).remaining(), Duration::ZERO);
    }

    proptest::proptest! {
        #[test]
        fn retry_after_never_panics(value in ".{0,60}") {
            let _ = parse_retry_after(&value, at(1_000));
        }

        #[test]
        fn date_like_values_never_panic(
            value in "[A-Za-z]{0,9},? [0-9]{1,3}[ -][A-Za-z]{3}[ -][0-9]{1,5} [0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}( GMT)?",
        ) {
            let _ = parse_retry_after(&value, at(1_000));
        }
    }
}
