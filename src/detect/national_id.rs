//! National identification numbers outside mainland China, Hong Kong, Macau and Taiwan (those
//! are `resident_id` and `travel_doc`), each by its own structure and check rule:
//!
//! * **Korea RRN** (주민등록번호, Resident Registration Act): `YYMMDD-SNNNNNN`, a real date of
//!   birth whose century the sex/century digit S (1–8) gives. With the dash it is accepted on
//!   structure alone: since October 2020 the last six digits are no longer checksummed. Thirteen
//!   bare digits need the historical check digit (weights 2…9,2…5, `(11 − sum mod 11) mod 10`),
//!   and so a birth year of 2020 or before.
//! * **Brazil CPF** (Receita Federal): 11 digits, `NNN.NNN.NNN-DD` or bare, two mod-11 check
//!   digits, not all one digit. A **CNPJ** (a company's register number, 14 digits,
//!   `NN.NNN.NNN/NNNN-DD`, two mod-11 check digits) is reported as not about a person.
//! * **France NIR** (numéro de sécurité sociale, INSEE): 15 digits, spaces allowed — sex 1/2,
//!   year, month (01–12, or 20–42 / 50–99 when unknown), département (01–99, 2A, 2B), commune,
//!   order number, and the key `97 − (the first 13 digits mod 97)` (2A → 19, 2B → 18).
//! * **UK National Insurance number** (HMRC NIM39110): two prefix letters (neither D, F, I, Q,
//!   U, V; the second not O; not BG, GB, KN, NK, NT, TN, ZZ), six digits, a suffix A–D; spaces
//!   allowed (`QQ 12 34 56 C`).
//! * **India Aadhaar** (UIDAI): 12 digits, the first 2–9, in groups of four or bare, with a
//!   valid Verhoeff check digit.

use super::{push, Detection, Kind, Strength};

/// Adds the readings of the whole value `v` to `out`.
pub(crate) fn detect(v: &str, out: &mut Vec<Detection>) {
    // Every scheme here is 9–21 characters long: most values stop at this test.
    if !(9..=21).contains(&v.len()) {
        return;
    }
    // One pass over the bytes: the counts of digits and letters pick the one scheme that can
    // match, and anything else (most values of a form) is out before any check runs.
    let (mut digits, mut letters) = (0, 0);
    for c in v.bytes() {
        match c {
            b'0'..=b'9' => digits += 1,
            b'A'..=b'Z' | b'a'..=b'z' => letters += 1,
            b' ' | b'-' | b'.' | b'/' => {}
            _ => return,
        }
    }
    let person = match (digits, letters) {
        (13, 0) => is_kr_rrn(v),
        (11, 0) => is_br_cpf(v),
        (15, 0) | (13, 1) => is_fr_nir(v),
        (6, 3) => is_gb_nino(v),
        (12, 0) => is_in_aadhaar(v),
        (14, 0) => {
            if is_br_cnpj(v) {
                push(out, Kind::NotPersonal, Strength::Validated);
            }
            false
        }
        _ => false,
    };
    if person {
        push(out, Kind::NationalIdNumber, Strength::Validated);
    }
}

/// The digits of `v` if it is only digits and the separators in `seps`, else `None`.
fn digits_with(v: &str, seps: &[u8]) -> Option<Digits> {
    let mut d = Digits::default();
    for c in v.bytes() {
        if c.is_ascii_digit() {
            if d.n == d.buf.len() {
                return None; // longer than any scheme here
            }
            d.buf[d.n] = c - b'0';
            d.n += 1;
        } else if !seps.contains(&c) {
            return None;
        }
    }
    Some(d)
}

/// Up to 16 digit values, without allocating (this runs for many values of a form).
#[derive(Default)]
struct Digits {
    buf: [u8; 16],
    n: usize,
}

impl std::ops::Deref for Digits {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        &self.buf[..self.n]
    }
}

/// Whether the lengths of the digit groups of `v` (separators are anything else) are
/// exactly `lengths`; compared as they come, without collecting them.
fn groups_are(v: &str, lengths: &[usize]) -> bool {
    let mut groups = v
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .map(str::len);
    lengths.iter().all(|&n| groups.next() == Some(n)) && groups.next().is_none()
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 0,
    }
}

fn number(d: &[u8]) -> u32 {
    d.iter().fold(0, |n, &x| n * 10 + u32::from(x))
}

/// Korea: `YYMMDD-SNNNNNN` (a real date; S gives the century), or 13 digits with the
/// historical check digit.
pub fn is_kr_rrn(v: &str) -> bool {
    let dashed = v.len() == 14 && v.as_bytes()[6] == b'-';
    let Some(d) = digits_with(v, if dashed { b"-" } else { b"" }) else {
        return false;
    };
    if d.len() != 13 {
        return false;
    }
    let century = match d[6] {
        1 | 2 | 5 | 6 => 1900,
        3 | 4 | 7 | 8 => 2000,
        _ => return false,
    };
    let (year, month, day) = (
        century + number(&d[0..2]),
        number(&d[2..4]),
        number(&d[4..6]),
    );
    if day == 0 || day > days_in_month(year, month) {
        return false;
    }
    if dashed {
        return true;
    }
    // Bare digits are read only with the check digit, which numbers issued since October 2020
    // no longer carry: a checksummed number is of someone born in 2020 or before.
    if year > 2020 {
        return false;
    }
    const W: [u32; 12] = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
    let sum: u32 = d[..12].iter().zip(W).map(|(&x, w)| u32::from(x) * w).sum();
    (11 - sum % 11) % 10 == u32::from(d[12])
}

/// The two mod-11 check digits of a CPF (`weights_from` 10) or CNPJ body.
fn mod11_digit(d: &[u8], weights: impl Iterator<Item = u32>) -> u8 {
    let sum: u32 = d.iter().zip(weights).map(|(&x, w)| u32::from(x) * w).sum();
    let r = sum % 11;
    if r < 2 {
        0
    } else {
        (11 - r) as u8
    }
}

/// Brazil CPF: `NNN.NNN.NNN-DD` or 11 bare digits with both check digits.
pub fn is_br_cpf(v: &str) -> bool {
    let Some(d) = digits_with(v, b".- ") else {
        return false;
    };
    let shaped = [&[11][..], &[3, 3, 3, 2], &[9, 2]]
        .iter()
        .any(|g| groups_are(v, g));
    shaped
        && d.len() == 11
        && d.iter().any(|&x| x != d[0])
        && mod11_digit(&d[..9], (2..=10).rev()) == d[9]
        && mod11_digit(&d[..10], (2..=11).rev()) == d[10]
}

/// Brazil CNPJ (a company): `NN.NNN.NNN/NNNN-DD` or 14 bare digits with both check digits.
pub fn is_br_cnpj(v: &str) -> bool {
    let Some(d) = digits_with(v, b".-/ ") else {
        return false;
    };
    let shaped = groups_are(v, &[14]) || groups_are(v, &[2, 3, 3, 4, 2]);
    let weights = |n: usize| (0..n).map(move |i| [2, 3, 4, 5, 6, 7, 8, 9][(n - 1 - i) % 8]);
    shaped
        && d.len() == 14
        && d.iter().any(|&x| x != d[0])
        && mod11_digit(&d[..12], weights(12)) == d[12]
        && mod11_digit(&d[..13], weights(13)) == d[13]
}

/// France: the 15-character NIR with its key (spaces allowed; Corsica's 2A/2B).
pub fn is_fr_nir(v: &str) -> bool {
    let s: String = v.chars().filter(|c| *c != ' ').collect();
    let b = s.as_bytes();
    if b.len() != 15 || !matches!(b[0], b'1' | b'2') {
        return false;
    }
    // Corsica: département 2A / 2B in place of 20; for the key they count as 19 / 18.
    let (body, corsica) = match (b[5], b[6]) {
        (b'2', b'A' | b'a') => (format!("{}19{}", &s[..5], &s[7..13]), true),
        (b'2', b'B' | b'b') => (format!("{}18{}", &s[..5], &s[7..13]), true),
        _ => (s[..13].to_owned(), false),
    };
    if !body.bytes().all(|c| c.is_ascii_digit()) || !s[13..].bytes().all(|c| c.is_ascii_digit()) {
        return false;
    }
    let month: u32 = s[3..5].parse().unwrap_or(0);
    if !((1..=12).contains(&month) || (20..=42).contains(&month) || (50..=99).contains(&month)) {
        return false;
    }
    if !corsica && &s[5..7] == "00" {
        return false;
    }
    let n: u64 = body.parse().unwrap_or(0);
    let key: u64 = s[13..].parse().unwrap_or(0);
    key == 97 - n % 97
}

/// UK National Insurance number with HMRC's prefix rules.
pub fn is_gb_nino(v: &str) -> bool {
    let s: String = v
        .chars()
        .filter(|c| *c != ' ')
        .collect::<String>()
        .to_ascii_uppercase();
    let b = s.as_bytes();
    if b.len() != 9 {
        return false;
    }
    let (p1, p2) = (b[0], b[1]);
    let letter_ok = |c: u8| c.is_ascii_uppercase() && !b"DFIQUV".contains(&c);
    if !letter_ok(p1) || !letter_ok(p2) || p2 == b'O' {
        return false;
    }
    if ["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"].contains(&&s[..2]) {
        return false;
    }
    b[2..8].iter().all(u8::is_ascii_digit) && matches!(b[8], b'A'..=b'D')
}

/// India Aadhaar: 12 digits (first 2–9), bare or `NNNN NNNN NNNN`, Verhoeff-valid.
pub fn is_in_aadhaar(v: &str) -> bool {
    let Some(d) = digits_with(v, b" -") else {
        return false;
    };
    let shaped = groups_are(v, &[12]) || groups_are(v, &[4, 4, 4]);
    shaped && d.len() == 12 && d[0] >= 2 && verhoeff_ok(&d)
}

/// The Verhoeff checksum (dihedral group D5) over digits, check digit last.
fn verhoeff_ok(d: &[u8]) -> bool {
    const MUL: [[u8; 10]; 10] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
        [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
        [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
        [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
        [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
        [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
        [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
        [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
        [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
    ];
    const PERM: [[u8; 10]; 8] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
        [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
        [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
        [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
        [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
        [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
        [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
    ];
    let mut c = 0u8;
    for (i, &x) in d.iter().rev().enumerate() {
        c = MUL[usize::from(c)][usize::from(PERM[i % 8][usize::from(x)])];
    }
    c == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_numbers_of_each_scheme() {
        // Korea: a real date and century digit with the dash; the check digit without it.
        assert!(is_kr_rrn("070220-1754735"));
        assert!(is_kr_rrn("800101-2345678"));
        assert!(!is_kr_rrn("801301-1234567"), "month 13");
        assert!(!is_kr_rrn("800230-1234567"), "30 February");
        assert!(!is_kr_rrn("800101-9234567"), "century digit 9");
        assert!(is_kr_rrn("8001011234568") == kr_check("800101123456"));
        // A JAN code with a valid check digit reads as 2049-01-23: no checksummed RRN.
        assert!(!is_kr_rrn("4901234567894"));
        // Brazil (check digits computed by hand from the Receita Federal rule).
        assert!(is_br_cpf("529.982.247-25"));
        assert!(is_br_cpf("52998224725"));
        assert!(!is_br_cpf("529.982.247-24"));
        assert!(!is_br_cpf("111.111.111-11"));
        assert!(is_br_cnpj("11.222.333/0001-81"));
        assert!(!is_br_cnpj("11.222.333/0001-80"));
        assert!(!is_br_cpf("11.222.333/0001-81"));
        // France: key = 97 − (first 13 digits mod 97).
        assert!(is_fr_nir("1 84 12 76 451 089 46"));
        assert!(is_fr_nir("184127645108946"));
        assert!(!is_fr_nir("184127645108947"));
        assert!(is_fr_nir(&nir_with_key("2690599350012")));
        assert!(is_fr_nir(&corsica("269052A350012")));
        // UK prefix rules.
        assert!(
            !is_gb_nino("QQ 12 34 56 C"),
            "QQ is not allocated (Q is never used)"
        );
        assert!(is_gb_nino("AB 12 34 56 C"));
        assert!(is_gb_nino("AB123456D"));
        assert!(!is_gb_nino("ZZ 12 34 56 A"), "ZZ is a placeholder");
        assert!(!is_gb_nino("AO 12 34 56 A"), "O is not a second letter");
        assert!(!is_gb_nino("AB 12 34 56 E"), "suffix A–D");
        // India: Verhoeff.
        assert!(is_in_aadhaar("2341 2341 2346"));
        assert!(!is_in_aadhaar("2341 2341 2345"));
        assert!(!is_in_aadhaar("1341 2341 2346"), "never starts with 0 or 1");
    }

    fn kr_check(first12: &str) -> bool {
        const W: [u32; 12] = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
        let sum: u32 = first12
            .bytes()
            .zip(W)
            .map(|(c, w)| u32::from(c - b'0') * w)
            .sum();
        (11 - sum % 11) % 10 == 8
    }

    fn nir_with_key(body: &str) -> String {
        let n: u64 = body.parse().unwrap();
        format!("{body}{:02}", 97 - n % 97)
    }

    fn corsica(body: &str) -> String {
        let n: u64 = body.replace("2A", "19").parse().unwrap();
        format!("{body}{:02}", 97 - n % 97)
    }
}
