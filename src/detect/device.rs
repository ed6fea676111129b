//! Advertising and device identifiers: Apple IDFA / IDFV, Google Advertising ID (GAID) and
//! the China Mobile Security Alliance OAID, which are UUIDs in the RFC 9562 (formerly RFC 4122)
//! text form `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` (hex digits, either case); and Android ID
//! (`Settings.Secure.ANDROID_ID`), 16 hex digits.
//!
//! * A UUID-shaped value is a Validated [`Kind::AdId`], except the nil UUID (an IDFA zeroed
//!   by "Limit Ad Tracking" / App Tracking Transparency) and the max UUID, which identify no
//!   one.
//! * 16 hex digits (Android ID, some OAIDs) or 32 hex digits (a UUID without dashes) are only
//!   Shaped, and need both a letter and a digit (so plain numbers and words are not taken).

use super::{alnum_at, boundary_before, hex_at, push, Detection, Kind, Strength};

/// A UUID in 8-4-4-4-12 form starting at `i`; returns its end.
fn uuid_at(b: &[u8], i: usize) -> Option<usize> {
    let mut j = i;
    for (k, len) in [8usize, 4, 4, 4, 12].into_iter().enumerate() {
        if k > 0 {
            if b.get(j) != Some(&b'-') {
                return None;
            }
            j += 1;
        }
        if !(0..len).all(|o| hex_at(b, j + o)) {
            return None;
        }
        j += len;
    }
    let body = b.get(i..j)?;
    let hex = || body.iter().filter(|&&c| c != b'-');
    if hex().all(|&c| c == b'0') || hex().all(|&c| c == b'f' || c == b'F') {
        return None;
    }
    Some(j)
}

/// The whole value is a UUID-shaped advertising ID (not nil, not max).
pub fn is_ad_id(s: &str) -> bool {
    let b = s.trim().as_bytes();
    b.len() == 36 && uuid_at(b, 0) == Some(36)
}

/// 16 or 32 hex digits with at least one letter and one digit (Android ID, OAID, dashless
/// UUID).
pub fn is_hex_device_id(s: &str) -> bool {
    let b = s.trim().as_bytes();
    (b.len() == 16 || b.len() == 32)
        && b.iter().all(u8::is_ascii_hexdigit)
        && b.iter().any(u8::is_ascii_digit)
        && b.iter().any(u8::is_ascii_alphabetic)
}

/// Whole-value detection.
///
/// A UUID is only [`Strength::Shaped`]: the format is strict, but session tokens, CSRF tokens
/// and database keys are UUIDs too, so a field's name or label must be allowed to say which.
/// Unlabelled, it still decides (an unnamed hidden UUID is treated as a device ID).
pub(crate) fn detect(v: &str, out: &mut Vec<Detection>) {
    if is_ad_id(v) || is_hex_device_id(v) {
        push(out, Kind::AdId, Strength::Shaped);
    }
}

/// Free-text matcher for UUID-shaped advertising IDs.
pub(crate) fn scan_at(b: &[u8], i: usize) -> Option<usize> {
    if !boundary_before(b, i) || (i > 0 && b.get(i - 1) == Some(&b'-')) {
        return None;
    }
    let end = uuid_at(b, i)?;
    if alnum_at(b, end) || (b.get(end) == Some(&b'-') && alnum_at(b, end + 1)) {
        return None;
    }
    Some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids() {
        assert!(is_ad_id("6D92078A-8246-4BA4-AE5B-76104861E7DC"));
        assert!(is_ad_id("38400000-8cf0-11bd-b23e-10b96e40000d"));
        assert!(is_ad_id(" 38400000-8cf0-11bd-b23e-10b96e40000d "));
        assert!(!is_ad_id("00000000-0000-0000-0000-000000000000"));
        assert!(!is_ad_id("ffffffff-ffff-ffff-ffff-ffffffffffff"));
        assert!(!is_ad_id("6D92078A-8246-4BA4-AE5B-76104861E7D")); // short
        assert!(!is_ad_id("6D92078A-8246-4BA4-AE5B-76104861E7DG")); // G
        assert!(!is_ad_id("6D92078A8246-4BA4-AE5B-76104861E7DC1"));
        assert!(!is_ad_id("{6D92078A-8246-4BA4-AE5B-76104861E7DC}"));
    }

    #[test]
    fn hex_ids() {
        assert!(is_hex_device_id("9774d56d682e549c"));
        assert!(is_hex_device_id("6D92078A82464BA4AE5B76104861E7DC"));
        assert!(!is_hex_device_id("1234567890123456")); // a number
        assert!(!is_hex_device_id("deadbeefdeadbeef")); // no digit
        assert!(!is_hex_device_id("9774d56d682e549"));
        let mut out = Vec::new();
        detect("9774d56d682e549c", &mut out);
        assert_eq!(out[0].strength, Strength::Shaped);
    }

    #[test]
    fn scanner() {
        let t = b"idfa=6D92078A-8246-4BA4-AE5B-76104861E7DC;";
        assert_eq!(scan_at(t, 5), Some(41));
        assert_eq!(scan_at(b"x6D92078A-8246-4BA4-AE5B-76104861E7DC", 1), None);
        assert_eq!(scan_at(b"6D92078A-8246-4BA4-AE5B-76104861E7DC-01", 0), None);
    }
}
