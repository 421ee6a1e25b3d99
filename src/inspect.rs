//! The `inspect` subcommand: shows a JWT's header and claims, and derived
//! lines for the time claims in UTC and in seconds.
//!
//! The token comes from the argument, from stdin for `-`, or else from the
//! cache or the token endpoint with the current settings. Input that is not
//! a JWT is a data error (exit 65).

use std::io::Read;
use std::time::SystemTime;

use serde_json::{Map, Value, json};

use crate::error::{Category, Error, Result, ResultExt};
use crate::jwt::{self, Jwt};
use crate::output;
use crate::token::unix_seconds;

/// Maximum size of a token read from stdin. ezeep's tokens are about 1 KiB.
const MAX_INPUT_BYTES: u64 = 64 * 1024;

/// Returns the token in `argument`, or read from stdin when it is `-`. A
/// `Bearer ` or `Authorization: Bearer ` prefix is removed, so that
/// `ezeep-token --header` output can be piped in.
pub fn read_input(argument: &str) -> Result<String> {
    let text = if argument == "-" {
        read_stdin()?
    } else {
        argument.to_owned()
    };
    let mut token = text.trim();
    for prefix in ["Authorization:", "Bearer "] {
        if let Some(rest) = strip_prefix_ignore_case(token, prefix) {
            token = rest.trim_start();
        }
    }
    Ok(token.to_owned())
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

fn read_stdin() -> Result<String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .or_fail(Category::IoErr, || {
            "cannot read the token from stdin".to_owned()
        })?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(Error::new(
            Category::DataErr,
            format!(
                "the token on stdin is larger than {} KiB",
                MAX_INPUT_BYTES / 1024
            ),
        ));
    }
    String::from_utf8(bytes)
        .map_err(|_| Error::new(Category::DataErr, "the token on stdin is not valid UTF-8"))
}

/// Decodes `token` and prints it as text, or as one JSON object when
/// `as_json` is true.
pub fn print(token: &str, as_json: bool) -> Result<()> {
    if token.is_empty() {
        return Err(Error::new(
            Category::DataErr,
            "invalid JWT: the input is empty",
        ));
    }
    let jwt = jwt::decode(token)
        .map_err(|reason| Error::new(Category::DataErr, format!("invalid JWT: {reason}")))?;
    let now = unix_seconds(SystemTime::now()) as i64;
    let text = if as_json {
        render_json(&jwt, now)
    } else {
        render_text(&jwt, now)
    };
    output::write_stdout(&text)
}

/// Returns a claim as whole Unix seconds, or `None` when it is missing or
/// not a number. Fractional seconds, which some issuers write, are cut off.
fn seconds_claim(claims: &Map<String, Value>, name: &str) -> Option<i64> {
    let value = claims.get(name)?;
    value
        .as_i64()
        .or_else(|| value.as_f64().filter(|n| n.is_finite()).map(|n| n as i64))
}

/// Describes a time claim as `UTC (seconds)`, or as the reason it has no
/// date.
fn describe_time(claims: &Map<String, Value>, name: &str) -> String {
    match (claims.get(name), seconds_claim(claims, name)) {
        (None, _) => format!("no {name} claim"),
        (Some(_), None) => format!("{name} is not a number"),
        (Some(_), Some(seconds)) => match format_utc(seconds) {
            Some(utc) => format!("{utc} ({seconds})"),
            None => format!("{seconds} (out of the date range)"),
        },
    }
}

fn describe_time_left(claims: &Map<String, Value>, now: i64) -> String {
    match seconds_claim(claims, "exp") {
        None => "unknown".to_owned(),
        Some(expiry) if expiry >= now => format!("{} s", expiry - now),
        Some(expiry) => format!("expired {} s ago", now.saturating_sub(expiry)),
    }
}

fn render_text(jwt: &Jwt, now: i64) -> String {
    let pretty = |object: &Map<String, Value>| {
        serde_json::to_string_pretty(object).expect("a JSON object serializes")
    };
    let mut text = String::new();
    text.push_str("header:\n");
    text.push_str(&pretty(&jwt.header));
    text.push_str("\nclaims:\n");
    text.push_str(&pretty(&jwt.claims));
    text.push('\n');

    text.push_str(&format!(
        "signature:  {} bytes, not verified\n",
        jwt.signature_length
    ));
    text.push_str(&format!(
        "issued at:  {}\n",
        describe_time(&jwt.claims, "iat")
    ));
    if jwt.claims.contains_key("nbf") {
        text.push_str(&format!(
            "not before: {}\n",
            describe_time(&jwt.claims, "nbf")
        ));
    }
    text.push_str(&format!(
        "expires at: {}\n",
        describe_time(&jwt.claims, "exp")
    ));
    text.push_str(&format!(
        "time left:  {}\n",
        describe_time_left(&jwt.claims, now)
    ));
    text
}

fn render_json(jwt: &Jwt, now: i64) -> String {
    let issued_at = seconds_claim(&jwt.claims, "iat");
    let expires_at = seconds_claim(&jwt.claims, "exp");
    let document = json!({
        "header": jwt.header,
        "claims": jwt.claims,
        "signature_verified": false,
        "issued_at": issued_at,
        "issued_at_utc": issued_at.and_then(format_utc),
        "expires_at": expires_at,
        "expires_at_utc": expires_at.and_then(format_utc),
        "expires_in": expires_at.map(|expiry| expiry.saturating_sub(now)),
    });
    let mut line = document.to_string();
    line.push('\n');
    line
}

/// Formats Unix seconds as `YYYY-MM-DDTHH:MM:SSZ`, or returns `None` outside
/// the years 0 to 9999.
pub fn format_utc(seconds: i64) -> Option<String> {
    let days = seconds.div_euclid(86_400);
    let time = seconds.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    if !(0..=9999).contains(&year) {
        return None;
    }
    Some(format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        time / 3600,
        time % 3600 / 60,
        time % 60
    ))
}

/// Converts days since 1970-01-01 to a proleptic Gregorian date.
///
/// The count is shifted to start on 0000-03-01 and split into 400-year eras
/// of 146097 days. Starting the year in March puts the leap day at the end
/// of each year, so the day of the year maps to a month with one formula.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let shifted = days + 719_468;
    let era = shifted.div_euclid(146_097);
    let day_of_era = shifted.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);

    // Months counted from March: 0 is March, 11 is February.
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month as u32, day as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_utc_known_instants() {
        let cases = [
            (0, "1970-01-01T00:00:00Z"),
            (-1, "1969-12-31T23:59:59Z"),
            (951_782_400, "2000-02-29T00:00:00Z"),
            (1_700_000_000, "2023-11-14T22:13:20Z"),
            (1_709_164_800, "2024-02-29T00:00:00Z"),
            (253_402_300_799, "9999-12-31T23:59:59Z"),
        ];
        for (seconds, expected) in cases {
            assert_eq!(format_utc(seconds).as_deref(), Some(expected), "{seconds}");
        }
    }

    #[test]
    fn format_utc_rejects_far_years() {
        assert_eq!(format_utc(253_402_300_800), None);
        assert_eq!(format_utc(-62_167_219_201), None);
        assert_eq!(format_utc(i64::MAX / 2), None);
    }

    fn days_in_month(year: i64, month: u32) -> u32 {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        match month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        }
    }

    #[test]
    fn every_day_follows_the_previous() {
        // Walks 1600-03-01 to 2400-03-01, which covers every leap-year rule,
        // and checks each date against the one before.
        let start = -135_080;
        assert_eq!(civil_from_days(start), (1600, 3, 1));
        let mut previous = civil_from_days(start);
        for days in start + 1..start + 292_194 {
            let (year, month, day) = civil_from_days(days);
            let (last_year, last_month, last_day) = previous;
            let expected = if last_day < days_in_month(last_year, last_month) {
                (last_year, last_month, last_day + 1)
            } else if last_month < 12 {
                (last_year, last_month + 1, 1)
            } else {
                (last_year + 1, 1, 1)
            };
            assert_eq!((year, month, day), expected, "day {days}");
            previous = (year, month, day);
        }
        assert_eq!(civil_from_days(start + 292_194), (2400, 3, 1));
    }

    #[test]
    fn input_prefixes_removed() {
        let cases = [
            ("  abc.def.ghi\n", "abc.def.ghi"),
            ("Bearer abc", "abc"),
            ("Authorization: Bearer abc\n", "abc"),
            ("authorization: bearer abc", "abc"),
        ];
        for (input, expected) in cases {
            assert_eq!(read_input(input).unwrap(), expected);
        }
    }

    #[test]
    fn time_left_counts_down_and_expires() {
        let claims = json!({"exp": 1_000}).as_object().unwrap().clone();
        assert_eq!(describe_time_left(&claims, 400), "600 s");
        assert_eq!(describe_time_left(&claims, 1_030), "expired 30 s ago");
        assert_eq!(describe_time_left(&Map::new(), 0), "unknown");
    }

    #[test]
    fn time_claims_described() {
        let claims = json!({"iat": 1_700_000_000, "nbf": "soon", "exp": 1.7e9})
            .as_object()
            .unwrap()
            .clone();
        assert_eq!(
            describe_time(&claims, "iat"),
            "2023-11-14T22:13:20Z (1700000000)"
        );
        assert_eq!(describe_time(&claims, "nbf"), "nbf is not a number");
        assert_eq!(
            describe_time(&claims, "exp"),
            "2023-11-14T22:13:20Z (1700000000)"
        );
        assert_eq!(describe_time(&claims, "jti"), "no jti claim");
    }
}
