//! Network addresses: IPv4 (RFC 791 dotted quad, in the strict form of RFC 6943 §3.1.1),
//! IPv6 (RFC 4291 §2.2 text forms, including `::` compression and an embedded dotted quad,
//! as produced per RFC 5952 or written by hand) and IEEE 802 MAC-48 addresses.
//!
//! * IPv4: exactly four decimal parts 0–255, no leading zeros ("010" is ambiguous: octal in
//!   some parsers), no signs or spaces. "1.2.3" and "1.2.3.4.5" are not addresses.
//! * IPv6: eight groups of 1–4 hex digits, or fewer with exactly one `::`; the last 32 bits may
//!   be a dotted quad. Zone indices (`%eth0`) and brackets are not accepted.
//! * MAC: six pairs of hex digits separated consistently by `:` or `-`, or the Cisco form
//!   `xxxx.xxxx.xxxx`; all-zero and broadcast (all-ones) addresses identify no device.

use super::{alnum_at, boundary_before, hex_at, push, Detection, Kind, Strength};

/// One decimal IPv4 part at `i`: returns (value, end).
fn ipv4_part(b: &[u8], i: usize) -> Option<(u32, usize)> {
    let n = super::digit_run(b, i, 3);
    if n == 0 || n > 3 || (n > 1 && b.get(i) == Some(&b'0')) {
        return None;
    }
    let v = super::digits_value(b.get(i..i + n)?)?;
    (v <= 255).then_some((v, i + n))
}

/// A dotted quad starting at `i`; returns its end (the caller checks what follows).
fn ipv4_at(b: &[u8], i: usize) -> Option<usize> {
    let mut j = i;
    for part in 0..4 {
        if part > 0 {
            if b.get(j) != Some(&b'.') {
                return None;
            }
            j += 1;
        }
        j = ipv4_part(b, j)?.1;
    }
    Some(j)
}

/// The whole value is an IPv4 address.
pub fn is_ipv4(s: &str) -> bool {
    let b = s.trim().as_bytes();
    b.len() <= 15 && ipv4_at(b, 0) == Some(b.len())
}

/// The bytes are a complete IPv6 address in RFC 4291 text form.
pub fn is_ipv6_bytes(b: &[u8]) -> bool {
    if b.len() < 2 || b.len() > 45 {
        return false;
    }
    let mut groups = 0usize; // 16-bit groups written
    let mut compressed = false;
    let mut i = 0;
    if b.starts_with(b"::") {
        compressed = true;
        i = 2;
        if i == b.len() {
            return true;
        }
    } else if b.first() == Some(&b':') {
        return false;
    }
    loop {
        // A group: 1–4 hex digits, or a trailing dotted quad.
        let mut n = 0;
        while n < 5 && hex_at(b, i + n) {
            n += 1;
        }
        if b.get(i + n) == Some(&b'.') {
            // Embedded IPv4: must be last and take 32 bits.
            if ipv4_at(b, i) != Some(b.len()) {
                return false;
            }
            groups += 2;
            break;
        }
        if n == 0 || n > 4 {
            return false;
        }
        groups += 1;
        i += n;
        if i == b.len() {
            break;
        }
        if b.get(i) != Some(&b':') {
            return false;
        }
        if b.get(i + 1) == Some(&b':') {
            if compressed {
                return false;
            }
            compressed = true;
            i += 2;
            if i == b.len() {
                break;
            }
        } else {
            i += 1;
            if i == b.len() {
                return false; // trailing single ':'
            }
        }
        if groups > 8 {
            return false;
        }
    }
    if compressed {
        groups <= 7
    } else {
        groups == 8
    }
}

/// The whole value is an IPv6 address.
pub fn is_ipv6(s: &str) -> bool {
    is_ipv6_bytes(s.trim().as_bytes())
}

/// A MAC address starting at `i`: returns its end.
fn mac_at(b: &[u8], i: usize) -> Option<usize> {
    let sep = *b.get(i + 2)?;
    let end = if sep == b':' || sep == b'-' {
        for k in 0..6 {
            let p = i + 3 * k;
            if !hex_at(b, p) || !hex_at(b, p + 1) {
                return None;
            }
            if k < 5 && b.get(p + 2) != Some(&sep) {
                return None;
            }
        }
        i + 17
    } else if b.get(i + 4) == Some(&b'.') {
        for k in 0..3 {
            let p = i + 5 * k;
            if !(0..4).all(|o| hex_at(b, p + o)) {
                return None;
            }
            if k < 2 && b.get(p + 4) != Some(&b'.') {
                return None;
            }
        }
        i + 14
    } else {
        return None;
    };
    let body = b.get(i..end)?;
    let hex = || body.iter().filter(|c| c.is_ascii_hexdigit());
    if hex().all(|&c| c == b'0') || hex().all(|&c| c == b'f' || c == b'F') {
        return None;
    }
    Some(end)
}

/// The whole value is a MAC address (not all-zero, not broadcast).
pub fn is_mac(s: &str) -> bool {
    let b = s.trim().as_bytes();
    mac_at(b, 0) == Some(b.len())
}

/// Whole-value detection.
pub(crate) fn detect(v: &str, out: &mut Vec<Detection>) {
    if is_ipv4(v) {
        push(out, Kind::Ipv4, Strength::Validated);
    }
    // `::` alone is the unspecified address, no one's: an address has a digit somewhere.
    if is_ipv6(v) && v.bytes().any(|b| b.is_ascii_hexdigit()) {
        push(out, Kind::Ipv6, Strength::Validated);
    }
    if is_mac(v) {
        push(out, Kind::Mac, Strength::Validated);
    }
}

/// Free-text matcher for IPv4: a dotted quad not glued to letters, digits or further
/// dotted parts ("1.2.3.4.5" is a version string, not an address).
pub(crate) fn scan_ipv4_at(b: &[u8], i: usize) -> Option<usize> {
    if !boundary_before(b, i) || (i > 0 && b.get(i - 1) == Some(&b'.')) {
        return None;
    }
    let end = ipv4_at(b, i)?;
    if alnum_at(b, end) || (b.get(end) == Some(&b'.') && alnum_at(b, end + 1)) {
        return None;
    }
    Some(end)
}

/// Free-text matcher for IPv6. To keep prose such as "a::b" or "12:30" out, it needs at
/// least two written groups and a decimal digit somewhere.
pub(crate) fn scan_ipv6_at(b: &[u8], i: usize) -> Option<usize> {
    if !boundary_before(b, i)
        || matches!(i.checked_sub(1).and_then(|p| b.get(p)), Some(b':' | b'.'))
    {
        return None;
    }
    let mut j = i;
    while j - i <= 45 && (hex_at(b, j) || matches!(b.get(j), Some(b':' | b'.'))) {
        j += 1;
    }
    if j == i || j - i > 45 || alnum_at(b, j) {
        return None;
    }
    let mut end = j;
    if !is_ipv6_bytes(b.get(i..end)?) {
        // A sentence-final '.' or ':' is not part of the address.
        if !matches!(b.get(end - 1), Some(b'.' | b':')) {
            return None;
        }
        end -= 1;
        if !is_ipv6_bytes(b.get(i..end)?) {
            return None;
        }
    }
    let body = b.get(i..end)?;
    let written = body.split(|&c| c == b':').filter(|g| !g.is_empty()).count();
    if written < 2 || !body.iter().any(u8::is_ascii_digit) {
        return None;
    }
    Some(end)
}

/// Free-text matcher for MAC addresses.
pub(crate) fn scan_mac_at(b: &[u8], i: usize) -> Option<usize> {
    if !boundary_before(b, i)
        || matches!(
            i.checked_sub(1).and_then(|p| b.get(p)),
            Some(b':' | b'-' | b'.')
        )
    {
        return None;
    }
    let end = mac_at(b, i)?;
    let sep = match b.get(i + 2) {
        Some(&c @ (b':' | b'-')) => c,
        _ => b'.',
    };
    if alnum_at(b, end) || (b.get(end) == Some(&sep) && hex_at(b, end + 1)) {
        return None;
    }
    Some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipv4() {
        for s in [
            "203.0.113.7",
            "0.0.0.0",
            "255.255.255.255",
            "192.168.1.1",
            "10.0.0.1",
        ] {
            assert!(is_ipv4(s), "{s}");
        }
        for s in [
            "1.2.3",
            "1.2.3.4.5",
            "256.1.1.1",
            "1.2.3.04",
            "01.2.3.4",
            "1.2.3.",
            ".1.2.3.4",
            "1..2.3",
            "1.2.3.4a",
            "1.2.3.-4",
            "1 .2.3.4",
            "1234.1.1.1",
        ] {
            assert!(!is_ipv4(s), "{s}");
        }
    }

    #[test]
    fn ipv6() {
        for s in [
            "2001:db8::1",
            "2001:0db8:0000:0000:0000:ff00:0042:8329",
            "2001:db8:0:0:0:ff00:42:8329",
            "::1",
            "::",
            "fe80::",
            "::ffff:192.0.2.128",
            "64:ff9b::192.0.2.33",
            "1:2:3:4:5:6:7:8",
            "1:2:3:4:5:6::8",
            "1::8",
            "1:2:3:4:5:6:1.2.3.4",
            "FE80::0202:B3FF:FE1E:8329",
        ] {
            assert!(is_ipv6(s), "{s}");
        }
        for s in [
            "1:2:3:4:5:6:7",
            "1:2:3:4:5:6:7:8:9",
            "1::2::3",
            ":::",
            "1:::2",
            ":1:2:3:4:5:6:7",
            "1:2:3:4:5:6:7:",
            "12345::1",
            "g::1",
            "1:2:3:4:5:6:7:1.2.3.4",
            "::1.2.3",
            "::1.2.3.4:5",
            "1.2.3.4::",
            "12:30",
            "",
            ":",
        ] {
            assert!(!is_ipv6(s), "{s}");
        }
    }

    #[test]
    fn mac() {
        for s in [
            "00:1A:2B:3C:4D:5E",
            "00-1a-2b-3c-4d-5e",
            "001a.2b3c.4d5e",
            "ac:de:48:00:11:22",
        ] {
            assert!(is_mac(s), "{s}");
        }
        for s in [
            "00:00:00:00:00:00",
            "FF:FF:FF:FF:FF:FF",
            "00:1A:2B:3C:4D",
            "00:1A-2B:3C:4D:5E",
            "00:1A:2B:3C:4D:5G",
            "001A2B3C4D5E",
            "00:1A:2B:3C:4D:5E:6F",
            "0:1A:2B:3C:4D:5E",
        ] {
            assert!(!is_mac(s), "{s}");
        }
    }

    #[test]
    fn scanners() {
        assert_eq!(scan_ipv4_at(b"IP 203.0.113.7.", 3), Some(14));
        assert_eq!(scan_ipv4_at(b"1.2.3.4.5", 0), None);
        assert_eq!(scan_ipv4_at(b"203.0.113.7:8080", 0), Some(11));
        assert_eq!(scan_ipv6_at(b"fe80::1.", 0), Some(7));
        assert_eq!(scan_ipv6_at(b"addr 2001:db8::1, ok", 5), Some(16));
        assert_eq!(scan_ipv6_at(b"a::b", 0), None);
        assert_eq!(scan_ipv6_at(b"12:30:45", 0), None);
        assert_eq!(scan_mac_at(b"00:1A:2B:3C:4D:5E ", 0), Some(17));
        assert_eq!(scan_mac_at(b"00:1a:2b:3c:4d:5e:6f:70", 0), None);
    }
}
