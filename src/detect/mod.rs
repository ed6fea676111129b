#![forbid(unsafe_code)]
//! Value detectors: recognise children's personal information (PI) in form values and in
//! free text.
//!
//! Field labels say what a field is *meant* to hold; values say what it *does* hold. A form
//! whose "备注" (remarks) box receives "我的身份证110105201305120235" leaks a child's resident
//! ID no matter what the label says, and a field labelled "编号" that always holds valid
//! resident IDs is an ID field. This module answers two questions:
//!
//! * [`detect_value`]: what is this whole value? (all plausible answers, strongest first)
//! * [`scan()`]: where inside this free text is there PI? (byte spans, non-overlapping)
//!
//! Why it is written the way it is:
//!
//! * **No `regex`, no dependencies.** The SDK ships as WebAssembly inside web pages, where
//!   every kilobyte counts; a regex engine would dwarf the rest of the crate. Every grammar
//!   here is a small hand-written byte/char scanner.
//! * **Checksums over shapes.** Most PI formats carry a check character (GB 11643 resident
//!   IDs, Luhn card numbers and IMEIs, IBAN mod 97, GB 32100 company codes). A detection is
//!   [`Strength::Validated`] only when such a check (or an equally strict structural rule)
//!   passes; a bare shape is [`Strength::Shaped`] and means nothing without supporting
//!   metadata such as a field label.
//! * **Never panic, stay linear.** Values come from arbitrary web pages. All indexing is
//!   bounds-checked (`get`), arithmetic is bounded, whole values longer than any PI format are
//!   rejected up front, and every scanner looks ahead a bounded number of bytes from each
//!   candidate start, so [`scan()`] is linear in the text length.
//! * **Byte offsets on char boundaries.** Candidates start at an ASCII byte (or the lead byte
//!   of a known multi-byte prefix) and end after a complete character, so spans can be used to
//!   slice the original `&str`.

pub mod card;
mod cues;
pub mod date;
pub mod device;
pub mod email;
pub mod fold;
pub mod geo;
pub mod iban;
pub mod lexical;
pub mod names;
pub mod national_id;
pub mod network;
pub mod phone;
pub mod postal;
pub mod resident_id;
pub mod scan;
pub mod shapes;
pub mod travel_doc;
pub mod uscc;
pub mod vehicle;
mod words;

use crate::taxonomy::Category;

/// What a value (or a span of text) was recognised as. `id()` strings appear in user-visible
/// reasons such as `value:cn_resident_id`, so they are a contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Kind {
    /// 公民身份号码 (GB 11643-1999), incl. the 2023 foreigners' permanent residence ID card.
    ResidentId,
    /// Passport number (shape only).
    Passport,
    /// 往来港澳通行证 / 回乡证, and Hong Kong identity cards with a valid check digit.
    HkMacauPermit,
    /// 往来台湾通行证.
    TaiwanPermit,
    /// Mainland China mobile number.
    CnMobile,
    /// Mainland China fixed-line number with area code.
    CnLandline,
    /// International number in E.164 form with a leading `+`.
    IntlPhone,
    /// E-mail address.
    Email,
    /// Payment card number.
    BankCard,
    /// International Bank Account Number.
    Iban,
    /// 统一社会信用代码 (company / organisation code; not personal).
    Uscc,
    /// IPv4 address.
    Ipv4,
    /// IPv6 address.
    Ipv6,
    /// A latitude/longitude pair.
    Coordinates,
    /// A single latitude.
    Latitude,
    /// A single longitude.
    Longitude,
    /// A calendar date.
    Date,
    /// IMEI / IMEISV / MEID.
    Imei,
    /// MAC address.
    Mac,
    /// Advertising / device identifier (IDFA, GAID, OAID, Android ID).
    AdId,
    /// Postal code.
    PostalCode,
    /// 全国学籍号 (national student number).
    StudentNumber,
    /// A Chinese personal name (family name from the table + 1–2 characters).
    CnName,
    /// A Chinese postal address (administrative division + street part).
    CnAddress,
    /// A province, city or district name.
    CnRegion,
    /// A school name, grade or class.
    SchoolValue,
    /// A gender word (男, female).
    GenderValue,
    /// One of the 56 民族.
    EthnicGroup,
    /// A relationship to the child (母亲, grandfather).
    KinshipTerm,
    /// A religion.
    ReligionValue,
    /// A blood type (health data).
    BloodType,
    /// An age written with its unit (`28岁`, `6岁半`, `35 years old`).
    AgeValue,
    /// A nationality written as `X籍` (`日本籍`).
    NationalityValue,
    /// A street address in the English style (`10 Downing Street, London`).
    StreetAddress,
    /// A US Social Security number written `AAA-GG-SSSS` (valid area, group and serial).
    UsSsn,
    /// Medical words in a value (`青霉素过敏`, `2型糖尿病`, `Rh阳性`).
    HealthValue,
    /// A social-network profile (`weibo.com/u/…`, `linkedin.com/in/…`, `wxid_…`).
    SocialProfile,
    /// A price, a quantity with its unit, a product page, a company name or a parcel number.
    NotPersonal,
    /// Vehicle identification number (ISO 3779 / GB 16735).
    Vin,
    /// A Chinese licence plate (GA 36).
    LicencePlate,
    /// A common occupation (教师, 公务员, nurse).
    OccupationValue,
    /// A phone number written the national way outside mainland China and North America
    /// (`090-5717-8472`, `0191 498 0093`, `98 0932-0819`), or with an extension.
    NationalPhone,
    /// A national ID number of Korea (RRN), Brazil (CPF), France (NIR), the UK (NINO) or
    /// India (Aadhaar), valid by its own rule.
    NationalIdNumber,
    /// A licence plate of Korea, Japan, the UK, Vietnam, France, Germany, Brazil or India.
    ForeignPlate,
    /// A Korean, Japanese, Vietnamese or Latin-script personal name.
    PersonName,
    /// A place written with its administrative unit outside China (고양시, 홍성군).
    RegionName,
    /// A user name, found in free text after a cue ("my username is …").
    UsernameValue,
}

impl Kind {
    /// Every kind, in declaration order (`kind as usize` indexes it).
    pub const ALL: &'static [Kind] = &[
        Kind::ResidentId,
        Kind::Passport,
        Kind::HkMacauPermit,
        Kind::TaiwanPermit,
        Kind::CnMobile,
        Kind::CnLandline,
        Kind::IntlPhone,
        Kind::Email,
        Kind::BankCard,
        Kind::Iban,
        Kind::Uscc,
        Kind::Ipv4,
        Kind::Ipv6,
        Kind::Coordinates,
        Kind::Latitude,
        Kind::Longitude,
        Kind::Date,
        Kind::Imei,
        Kind::Mac,
        Kind::AdId,
        Kind::PostalCode,
        Kind::StudentNumber,
        Kind::CnName,
        Kind::CnAddress,
        Kind::CnRegion,
        Kind::SchoolValue,
        Kind::GenderValue,
        Kind::EthnicGroup,
        Kind::KinshipTerm,
        Kind::ReligionValue,
        Kind::BloodType,
        Kind::AgeValue,
        Kind::NationalityValue,
        Kind::StreetAddress,
        Kind::UsSsn,
        Kind::HealthValue,
        Kind::SocialProfile,
        Kind::NotPersonal,
        Kind::Vin,
        Kind::LicencePlate,
        Kind::OccupationValue,
        Kind::NationalPhone,
        Kind::NationalIdNumber,
        Kind::ForeignPlate,
        Kind::PersonName,
        Kind::RegionName,
        Kind::UsernameValue,
    ];

    /// The contract id, e.g. `cn_resident_id`.
    pub fn id(self) -> &'static str {
        match self {
            Kind::ResidentId => "cn_resident_id",
            Kind::Passport => "passport",
            Kind::HkMacauPermit => "hk_macau_permit",
            Kind::TaiwanPermit => "taiwan_permit",
            Kind::CnMobile => "cn_mobile",
            Kind::CnLandline => "cn_landline",
            Kind::IntlPhone => "e164_phone",
            Kind::Email => "email",
            Kind::BankCard => "bank_card",
            Kind::Iban => "iban",
            Kind::Uscc => "uscc",
            Kind::Ipv4 => "ipv4",
            Kind::Ipv6 => "ipv6",
            Kind::Coordinates => "coordinates",
            Kind::Latitude => "latitude",
            Kind::Longitude => "longitude",
            Kind::Date => "date",
            Kind::Imei => "imei",
            Kind::Mac => "mac_address",
            Kind::AdId => "advertising_id",
            Kind::PostalCode => "postal_code",
            Kind::StudentNumber => "cn_student_number",
            Kind::CnName => "cn_name",
            Kind::CnAddress => "cn_address",
            Kind::CnRegion => "cn_region",
            Kind::SchoolValue => "school_name",
            Kind::GenderValue => "gender_value",
            Kind::EthnicGroup => "ethnic_group",
            Kind::KinshipTerm => "kinship_term",
            Kind::ReligionValue => "religion_value",
            Kind::BloodType => "blood_type",
            Kind::AgeValue => "age_value",
            Kind::NationalityValue => "nationality_value",
            Kind::StreetAddress => "street_address",
            Kind::UsSsn => "us_ssn",
            Kind::HealthValue => "health_terms",
            Kind::SocialProfile => "social_profile",
            Kind::NotPersonal => "not_personal_value",
            Kind::Vin => "vin",
            Kind::LicencePlate => "cn_licence_plate",
            Kind::OccupationValue => "occupation_value",
            Kind::NationalPhone => "national_phone",
            Kind::NationalIdNumber => "national_id_number",
            Kind::ForeignPlate => "licence_plate",
            Kind::PersonName => "person_name",
            Kind::RegionName => "region_name",
            Kind::UsernameValue => "username_value",
        }
    }

    /// The taxonomy category a value of this kind belongs to.
    pub fn category(self) -> Category {
        match self {
            Kind::ResidentId | Kind::Passport | Kind::HkMacauPermit | Kind::TaiwanPermit => {
                Category::NationalId
            }
            Kind::CnMobile | Kind::CnLandline | Kind::IntlPhone | Kind::NationalPhone => {
                Category::Phone
            }
            Kind::Email => Category::Email,
            Kind::BankCard | Kind::Iban => Category::BankAccount,
            Kind::Uscc => Category::NonPersonal,
            Kind::Ipv4 | Kind::Ipv6 => Category::IpAddress,
            Kind::Coordinates | Kind::Latitude | Kind::Longitude => Category::PreciseLocation,
            Kind::Date => Category::BirthDate,
            Kind::Imei | Kind::Mac | Kind::AdId => Category::DeviceId,
            Kind::PostalCode => Category::PostalCode,
            Kind::StudentNumber => Category::StudentId,
            Kind::CnName | Kind::PersonName => Category::Name,
            Kind::CnAddress => Category::Address,
            Kind::CnRegion | Kind::RegionName => Category::Region,
            Kind::SchoolValue => Category::School,
            Kind::GenderValue => Category::Gender,
            Kind::EthnicGroup => Category::Ethnicity,
            Kind::KinshipTerm => Category::Relationship,
            Kind::ReligionValue => Category::Religion,
            Kind::BloodType | Kind::HealthValue => Category::Health,
            Kind::AgeValue => Category::Age,
            Kind::NationalityValue => Category::Nationality,
            Kind::StreetAddress => Category::Address,
            Kind::UsSsn | Kind::NationalIdNumber => Category::NationalId,
            Kind::SocialProfile => Category::SocialAccount,
            Kind::UsernameValue => Category::Username,
            Kind::NotPersonal => Category::NonPersonal,
            Kind::Vin | Kind::LicencePlate | Kind::ForeignPlate => Category::Vehicle,
            Kind::OccupationValue => Category::Occupation,
        }
    }

    /// Tie-break order (lower wins) between kinds of equal strength on the same value or span:
    /// the more specific, more sensitive reading first.
    pub(crate) fn priority(self) -> u8 {
        match self {
            Kind::ResidentId => 0,
            Kind::StudentNumber => 1,
            Kind::HkMacauPermit => 2,
            Kind::TaiwanPermit => 3,
            Kind::Passport => 4,
            Kind::CnMobile => 5,
            Kind::CnLandline => 6,
            Kind::IntlPhone => 7,
            Kind::Email => 8,
            Kind::BankCard => 9,
            Kind::Iban => 10,
            Kind::Imei => 11,
            Kind::Vin => 12,
            Kind::LicencePlate => 13,
            Kind::Uscc => 14,
            Kind::Ipv4 => 15,
            Kind::Ipv6 => 16,
            Kind::Mac => 17,
            Kind::AdId => 18,
            Kind::Coordinates => 19,
            Kind::Latitude => 20,
            Kind::Longitude => 21,
            Kind::Date => 22,
            Kind::PostalCode => 23,
            Kind::BloodType => 24,
            Kind::ReligionValue => 25,
            Kind::CnAddress => 26,
            Kind::SchoolValue => 27,
            Kind::CnRegion => 28,
            Kind::EthnicGroup => 29,
            Kind::KinshipTerm => 30,
            Kind::GenderValue => 31,
            Kind::CnName => 32,
            Kind::UsSsn => 33,
            Kind::SocialProfile => 34,
            Kind::StreetAddress => 35,
            Kind::HealthValue => 36,
            Kind::AgeValue => 37,
            Kind::NationalityValue => 38,
            Kind::OccupationValue => 39,
            // Readings that a value is about a person come before the one that it is not.
            Kind::NationalPhone => 40,
            Kind::NationalIdNumber => 41,
            Kind::ForeignPlate => 42,
            Kind::PersonName => 43,
            Kind::RegionName => 44,
            Kind::UsernameValue => 45,
            Kind::NotPersonal => 46,
        }
    }
}

/// How much a detection can be trusted on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Strength {
    /// Only the shape fits (e.g. a 6-digit number for a postal code, a bare decimal in latitude range,
    /// a passport-shaped letter+digits code, a date). Needs metadata to mean anything.
    Shaped,
    /// Structure AND a checksum or strict structural rule validate (resident ID check char + real date +
    /// plausible address code; Luhn bank card with a real IIN length; IBAN mod 97; CN mobile 1[3-9]x with
    /// 11 digits; full email syntax; IPv4 dotted quad; a lat/lng pair with both in range and enough decimals).
    Validated,
}

/// One answer of [`detect_value`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Detection {
    /// What the value was recognised as.
    pub kind: Kind,
    /// How much the recognition can be trusted on its own.
    pub strength: Strength,
}

/// One finding of [`scan()`]: `text[start..end]` was recognised as `kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    /// What the span was recognised as.
    pub kind: Kind,
    /// Byte offset of the first byte (on a char boundary).
    pub start: usize,
    /// Byte offset one past the last byte (on a char boundary).
    pub end: usize,
}

/// No whole-value format is longer than this many bytes (an e-mail address is at most 254
/// octets); longer values are rejected without looking at them.
const MAX_VALUE_BYTES: usize = 512;

/// Counts that gate the detector families in [`detect_value`].
struct Profile {
    len: usize,
    digits: usize,
    letters: usize,
    alnum: usize,
    hex: usize,
    at: bool,
    /// `.`, `:` or `-` (IP addresses, MACs, decimals).
    punct: bool,
    non_ascii: bool,
}

impl Profile {
    fn of(v: &str) -> Profile {
        let mut p = Profile {
            len: v.len(),
            digits: 0,
            letters: 0,
            alnum: 0,
            hex: 0,
            at: false,
            punct: false,
            non_ascii: false,
        };
        for &b in v.as_bytes() {
            p.digits += usize::from(b.is_ascii_digit());
            p.letters += usize::from(b.is_ascii_alphabetic());
            p.hex += usize::from(b.is_ascii_hexdigit());
            p.at |= b == b'@';
            p.punct |= matches!(b, b'.' | b':' | b'-');
            p.non_ascii |= !b.is_ascii();
        }
        p.alnum = p.digits + p.letters;
        p
    }
}

/// What the WHOLE value is (after trimming surrounding whitespace). Several answers are possible
/// (a 15-digit Luhn number can be an IMEI or a card); return all that apply, strongest (Validated) first.
pub fn detect_value(value: &str) -> Vec<Detection> {
    let mut out = Vec::new();
    detect_value_into(value, &mut out);
    out
}

/// [`detect_value`] into a reused buffer (cleared first).
pub fn detect_value_into(value: &str, out: &mut Vec<Detection>) {
    out.clear();
    let v = value.trim_matches(is_blank);
    if v.is_empty() || v.len() > MAX_VALUE_BYTES {
        return;
    }
    // Full-width digits, no-break and zero-width spaces, Chinese numerals, dotted groups:
    // read as the plain number they spell (see `fold`).
    let folded = fold::fold(v);
    let v = match &folded {
        std::borrow::Cow::Borrowed(_) => v,
        std::borrow::Cow::Owned(f) => f.trim_matches(is_blank),
    };
    // One pass over the value decides which families can match at all; each gate is a
    // necessary condition of its family's grammar, so skipping never loses a detection
    // (the table and property tests below hold every family to its positives).
    let p = Profile::of(v);
    if p.digits >= 14 && (15..=26).contains(&p.len) {
        resident_id::detect(v, out);
    }
    // Every passport, permit and HK ID starts with a letter.
    if p.digits >= 6 && p.letters > 0 && p.len <= 24 {
        travel_doc::detect(v, out);
    }
    if p.digits >= 7 {
        phone::detect(v, out);
    }
    // (a UK NI number has six digits)
    if (6..=15).contains(&p.digits) && p.len <= 24 {
        national_id::detect(v, out);
    }
    if p.at {
        email::detect(v, out);
    }
    if p.alnum >= 13 {
        card::detect(v, out);
    }
    if p.alnum >= 15 && p.letters >= 2 {
        iban::detect(v, out);
    }
    if p.alnum >= 18 {
        uscc::detect(v, out);
    }
    if p.punct {
        network::detect(v, out);
    }
    if p.digits >= 2 && (p.punct || p.non_ascii) {
        geo::detect(v, out);
    }
    // A date in digits alone is only ever YYYYMMDD.
    if p.digits >= 4 && (p.digits != p.len || p.len == 8) {
        date::detect(v, out);
    }
    if p.hex >= 16 {
        device::detect(v, out);
    }
    if p.digits >= 2 && p.len <= 12 {
        postal::detect(v, out);
    }
    // A VIN is 17 letters and digits, the last four digits; a plate opens with a province
    // character and has at least three digits in at most 16 bytes.
    if (p.len == 17 && p.digits >= 4 && p.letters > 0)
        || (p.non_ascii && p.digits >= 3 && p.len <= 40)
        || (p.letters >= 1 && p.digits >= 1 && p.len <= 13)
    {
        vehicle::detect(v, out);
    }
    if p.non_ascii || p.letters > 0 {
        lexical::detect(v, out);
    }
    // Word grammars (addresses, places, jobs, companies, prices) for what nothing else read.
    if out.is_empty() && p.len <= 160 && (p.non_ascii || p.letters > 2) {
        words::detect(v, p.digits, out);
    }
    if out.is_empty() && p.digits == 0 && (p.non_ascii || p.letters > 2) {
        names::detect(v, out);
    }
    // Shapes without a checksum are the last resort: only for a value nothing else read.
    if out.is_empty() {
        shapes::detect(v, out);
    }

    crate::small_sort::sort_small_by_key(out, |d| {
        (std::cmp::Reverse(d.strength), d.kind.priority())
    });
    // Keep the strongest answer per kind.
    let mut kept = 0;
    for i in 0..out.len() {
        let d = out[i];
        if !out[..kept].iter().any(|u| u.kind == d.kind) {
            out[kept] = d;
            kept += 1;
        }
    }
    out.truncate(kept);
}

/// Every occurrence of PI inside free text, as BYTE offsets into `text` (always on char boundaries),
/// sorted by start, non-overlapping (prefer the longer / Validated match on overlap). See
/// [`scan()`](mod@scan) for what is and is not reported.
pub fn scan(text: &str) -> Vec<Match> {
    scan::scan_text(text)
}

// ---------------------------------------------------------------------------------------------
// Shared byte-level helpers (bounds-checked; never panic).

/// Whitespace and the invisible characters that ride along with pasted values (zero-width
/// spaces and joiners, word joiner, byte-order mark).
fn is_blank(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// The words of `text` between white space, with their byte offsets: what
/// `str::split_whitespace` gives, found on the bytes. Only the lead bytes C2, E1, E2 and E3 can
/// open a non-ASCII white space, so no other character is decoded (long texts are split
/// several times faster).
pub(crate) fn words_at(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let b = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() {
            match space_len(b, i) {
                0 => break,
                n => i += n,
            }
        }
        let start = i;
        while i < b.len() && (!MAY_OPEN_SPACE[usize::from(b[i])] || space_len(b, i) == 0) {
            i += 1;
        }
        (i > start).then(|| (start, &text[start..i]))
    })
}

/// The bytes that may open a white space character (see [`space_len`]).
static MAY_OPEN_SPACE: [bool; 256] = {
    let mut t = [false; 256];
    let mut k = 0;
    let open: [u8; 10] = [
        b'\t', b'\n', 0x0B, 0x0C, b'\r', b' ', 0xC2, 0xE1, 0xE2, 0xE3,
    ];
    while k < open.len() {
        t[open[k] as usize] = true;
        k += 1;
    }
    t
};

/// The length of the white space at `b[i]`, 0 if there is none. The White_Space code points:
/// U+0009–000D, U+0020, U+0085, U+00A0, U+1680, U+2000–200A, U+2028, U+2029, U+202F, U+205F,
/// U+3000.
pub(crate) fn space_len(b: &[u8], i: usize) -> usize {
    let tail = |n: usize| b.get(i + 1..i + n);
    match b.get(i) {
        Some(b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ') => 1,
        Some(0xC2) if matches!(tail(2), Some([0x85 | 0xA0])) => 2,
        Some(0xE1) if tail(3) == Some(&[0x9A, 0x80]) => 3,
        Some(0xE2)
            if matches!(
                tail(3),
                Some([0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF] | [0x81, 0x9F])
            ) =>
        {
            3
        }
        Some(0xE3) if tail(3) == Some(&[0x80, 0x80]) => 3,
        _ => 0,
    }
}

/// The byte offsets `p` where a run of ASCII gives way to another script: `b[p]` is not ASCII
/// and `b[p - 1]` is (`p ≥ 1`). A word of digits or letters glued to a Chinese character
/// ("27号", "M座") is found here without visiting the bytes in between: eight bytes are tested
/// at a time, on their high bits.
pub(crate) fn ascii_exits(b: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let mut base = 0;
    // The high bit of the byte before the current chunk, at bit 63 (set: no exit at 0).
    let mut before = 1 << 63;
    let mut exits = 0u64;
    std::iter::from_fn(move || loop {
        if exits != 0 {
            let p = base - 8 + exits.trailing_zeros() as usize / 8;
            exits &= exits - 1;
            return Some(p);
        }
        let high = eight_bytes(b.get(base..base + 8)?) & HIGH_BITS;
        // The high bit of each byte's predecessor, moved onto the byte's own high bit.
        let prev = high << 8 | before >> 56;
        exits = high & !prev;
        before = high;
        base += 8;
    })
    .chain((b.len() / 8 * 8..b.len()).filter(|&p| p > 0 && b[p] >= 0x80 && b[p - 1] < 0x80))
}

/// `b` holds a byte from EA to ED, the lead bytes of the Hangul syllables (U+A000–U+DFFF),
/// tested eight bytes at a time: a text without Korean is passed over in one quick pass.
pub(crate) fn may_hold_hangul(b: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let mut chunks = b.chunks_exact(8);
    let found = chunks.by_ref().any(|chunk| {
        // With the high bits flipped, EA–ED are 6A–6D and ASCII bytes are 80 or more: a byte
        // strictly between 69 and 6E ("has between" of Bit Twiddling Hacks, exact for bytes
        // under 80, and every byte of 80 or more is left out by `!y`).
        let y = eight_bytes(chunk) ^ HIGH_BITS;
        let low = y & (ONES * 0x7F);
        (ONES * (0x7F + 0x6E) - low) & !y & (low + ONES * (0x7F - 0x69)) & HIGH_BITS != 0
    });
    found || chunks.remainder().iter().any(|x| (0xEA..=0xED).contains(x))
}

/// The high bit of each of eight bytes read as one word by [`eight_bytes`].
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// Eight bytes as one little-endian word (byte `k` in bits `8k..8k + 8`), for
/// [`ascii_exits`] and [`may_hold_hangul`], which read eight bytes at a time.
fn eight_bytes(chunk: &[u8]) -> u64 {
    let mut word = [0u8; 8];
    word.copy_from_slice(chunk);
    u64::from_le_bytes(word)
}

/// Appends a detection.
pub(crate) fn push(out: &mut Vec<Detection>, kind: Kind, strength: Strength) {
    out.push(Detection { kind, strength });
}

/// The bytes that open one of `words`, as a table built at compile time: a scan looks for the
/// words only at such bytes, and the table follows the list when words are added.
pub(crate) const fn opening_bytes(words: &[&str]) -> [bool; 256] {
    let mut table = [false; 256];
    let mut i = 0;
    while i < words.len() {
        let w = words[i].as_bytes();
        if !w.is_empty() {
            table[w[0] as usize] = true;
        }
        i += 1;
    }
    table
}

/// `b[i]` exists and is an ASCII letter or digit.
pub(crate) fn alnum_at(b: &[u8], i: usize) -> bool {
    b.get(i).is_some_and(|c| c.is_ascii_alphanumeric())
}

/// `b[i]` exists and is an ASCII digit.
pub(crate) fn digit_at(b: &[u8], i: usize) -> bool {
    b.get(i).is_some_and(|c| c.is_ascii_digit())
}

/// `b[i]` exists and is an ASCII hex digit.
pub(crate) fn hex_at(b: &[u8], i: usize) -> bool {
    b.get(i).is_some_and(|c| c.is_ascii_hexdigit())
}

/// The text `pat` starts at byte `i`.
pub(crate) fn starts_at(b: &[u8], i: usize, pat: &str) -> bool {
    b.get(i..).is_some_and(|r| r.starts_with(pat.as_bytes()))
}

/// A token may start at `i`: the previous byte is not an ASCII letter or digit.
pub(crate) fn boundary_before(b: &[u8], i: usize) -> bool {
    i == 0 || !alnum_at(b, i - 1)
}

/// A number may start at `i`: not glued to a letter/digit, and not the fraction of a decimal
/// ("3.13912345678").
pub(crate) fn digit_start_ok(b: &[u8], i: usize) -> bool {
    boundary_before(b, i) && !(i >= 2 && b.get(i - 1) == Some(&b'.') && digit_at(b, i - 2))
}

/// A number may end at `j`: not followed by a letter/digit, nor by a decimal fraction.
pub(crate) fn digit_end_ok(b: &[u8], j: usize) -> bool {
    let decimal = b.get(j) == Some(&b'.') && digit_at(b, j + 1);
    !alnum_at(b, j) && !decimal
}

/// Value of a run of ASCII digits (at most 9 digits, so it fits in a `u32`).
pub(crate) fn digits_value(b: &[u8]) -> Option<u32> {
    if b.is_empty() || b.len() > 9 {
        return None;
    }
    let mut v: u32 = 0;
    for &c in b {
        if !c.is_ascii_digit() {
            return None;
        }
        v = v * 10 + u32::from(c - b'0');
    }
    Some(v)
}

/// Number of consecutive ASCII digits starting at `i`, counting at most `cap` (so a huge digit
/// run costs `cap` steps); returns `cap + 1` when the run is longer than `cap`.
pub(crate) fn digit_run(b: &[u8], i: usize, cap: usize) -> usize {
    let mut n = 0;
    while n <= cap && digit_at(b, i + n) {
        n += 1;
    }
    n
}

/// A fixed-capacity buffer of ASCII digits (no allocation).
#[derive(Clone, Copy)]
pub(crate) struct Digits {
    buf: [u8; Digits::CAP],
    len: usize,
}

impl Digits {
    pub(crate) const CAP: usize = 24;

    pub(crate) fn new() -> Self {
        Digits {
            buf: [0; Digits::CAP],
            len: 0,
        }
    }

    /// Appends a byte; `false` when full.
    pub(crate) fn push(&mut self, c: u8) -> bool {
        match self.buf.get_mut(self.len) {
            Some(slot) => {
                *slot = c;
                self.len += 1;
                true
            }
            None => false,
        }
    }

    pub(crate) fn as_slice(&self) -> &[u8] {
        self.buf.get(..self.len).unwrap_or(&[])
    }
}

/// Collects the digits of a whole value made of digit groups separated by single spaces or
/// single dashes (one separator kind throughout), e.g. "6222 0281 0033 9075 798".
pub(crate) fn grouped_digits(s: &str) -> Option<Digits> {
    let b = s.as_bytes();
    if b.is_empty() || b.len() > 2 * Digits::CAP || !digit_at(b, 0) || !digit_at(b, b.len() - 1) {
        return None;
    }
    let mut sep: Option<u8> = None;
    let mut d = Digits::new();
    let mut prev_sep = false;
    for &c in b {
        if c.is_ascii_digit() {
            if !d.push(c) {
                return None;
            }
            prev_sep = false;
        } else if (c == b' ' || c == b'-') && !prev_sep && sep.is_none_or(|s| s == c) {
            sep = Some(c);
            prev_sep = true;
        } else {
            return None;
        }
    }
    Some(d)
}

// proptest is a native-only dev-dependency (it does not build for wasm32-unknown-unknown).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn has(v: &str, kind: Kind, strength: Strength) -> bool {
        detect_value(v).contains(&Detection { kind, strength })
    }

    const V: Strength = Strength::Validated;
    const S: Strength = Strength::Shaped;

    fn words_split(text: &str) -> Vec<(usize, &str)> {
        text.split_whitespace()
            .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
            .collect()
    }

    #[test]
    fn words_at_splits_as_split_whitespace_does_for_every_code_point() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let text = format!("a{c}b {c}x{c}");
            assert_eq!(
                words_at(&text).collect::<Vec<_>>(),
                words_split(&text),
                "U+{:04X}",
                u32::from(c)
            );
        }
    }

    proptest! {
        #[test]
        fn words_at_splits_as_split_whitespace_does(text in "[ a\t\n\u{85}\u{A0}\u{3000}\u{2009}\u{200B}\u{1680}街号é]{0,40}") {
            prop_assert_eq!(words_at(&text).collect::<Vec<_>>(), words_split(&text));
        }
    }

    /// Every byte value at every lane of a chunk, after every byte value, and in the tail
    /// past the last whole chunk: the eight-at-a-time tests agree with reading byte by byte.
    #[test]
    fn byte_tests_eight_at_a_time_agree_with_byte_by_byte_for_every_byte() {
        for len in [9, 16, 19] {
            for at in 0..len {
                for x in 0..=255u8 {
                    for before in [b'a', 0xE5] {
                        let mut b = vec![b'a'; len];
                        if at > 0 {
                            b[at - 1] = before;
                        }
                        b[at] = x;
                        let exits: Vec<usize> = (1..len)
                            .filter(|&p| b[p] >= 0x80 && b[p - 1] < 0x80)
                            .collect();
                        assert_eq!(ascii_exits(&b).collect::<Vec<_>>(), exits, "{b:?}");
                        let hangul = b.iter().any(|x| (0xEA..=0xED).contains(x));
                        assert_eq!(may_hold_hangul(&b), hangul, "{b:?}");
                    }
                }
            }
        }
    }

    proptest! {
        #[test]
        fn ascii_exits_are_where_ascii_gives_way(b in proptest::collection::vec(any::<u8>(), 0..80)) {
            let exits: Vec<usize> = (1..b.len()).filter(|&p| b[p] >= 0x80 && b[p - 1] < 0x80).collect();
            prop_assert_eq!(ascii_exits(&b).collect::<Vec<_>>(), exits);
            prop_assert_eq!(may_hold_hangul(&b), b.iter().any(|x| (0xEA..=0xED).contains(x)));
        }
    }

    #[test]
    fn ids_and_categories_are_the_contract() {
        let all = [
            (Kind::ResidentId, "cn_resident_id", Category::NationalId),
            (Kind::Passport, "passport", Category::NationalId),
            (Kind::HkMacauPermit, "hk_macau_permit", Category::NationalId),
            (Kind::TaiwanPermit, "taiwan_permit", Category::NationalId),
            (Kind::CnMobile, "cn_mobile", Category::Phone),
            (Kind::CnLandline, "cn_landline", Category::Phone),
            (Kind::IntlPhone, "e164_phone", Category::Phone),
            (Kind::NationalPhone, "national_phone", Category::Phone),
            (
                Kind::NationalIdNumber,
                "national_id_number",
                Category::NationalId,
            ),
            (Kind::Email, "email", Category::Email),
            (Kind::BankCard, "bank_card", Category::BankAccount),
            (Kind::Iban, "iban", Category::BankAccount),
            (Kind::Uscc, "uscc", Category::NonPersonal),
            (Kind::Ipv4, "ipv4", Category::IpAddress),
            (Kind::Ipv6, "ipv6", Category::IpAddress),
            (Kind::Coordinates, "coordinates", Category::PreciseLocation),
            (Kind::Latitude, "latitude", Category::PreciseLocation),
            (Kind::Longitude, "longitude", Category::PreciseLocation),
            (Kind::Date, "date", Category::BirthDate),
            (Kind::Imei, "imei", Category::DeviceId),
            (Kind::Mac, "mac_address", Category::DeviceId),
            (Kind::AdId, "advertising_id", Category::DeviceId),
            (Kind::PostalCode, "postal_code", Category::PostalCode),
            (
                Kind::StudentNumber,
                "cn_student_number",
                Category::StudentId,
            ),
            (Kind::Vin, "vin", Category::Vehicle),
            (Kind::LicencePlate, "cn_licence_plate", Category::Vehicle),
            (
                Kind::OccupationValue,
                "occupation_value",
                Category::Occupation,
            ),
        ];
        let mut prios: Vec<u8> = all.iter().map(|(k, _, _)| k.priority()).collect();
        for (kind, id, cat) in all {
            assert_eq!(kind.id(), id);
            assert_eq!(kind.category(), cat);
        }
        prios.sort_unstable();
        prios.dedup();
        assert_eq!(prios.len(), all.len());
    }

    /// Every example of the specification, with the detection it must produce.
    #[test]
    fn all_is_in_declaration_order() {
        for (i, k) in Kind::ALL.iter().enumerate() {
            assert_eq!(*k as usize, i);
        }
    }

    #[test]
    fn example_table() {
        let table: &[(&str, Kind, Strength)] = &[
            ("110105201305120235", Kind::ResidentId, V),
            ("440305201107014180", Kind::ResidentId, V),
            ("320102201202290610", Kind::ResidentId, V),
            ("510104201408180773", Kind::ResidentId, V),
            ("11010519491231002X", Kind::ResidentId, V),
            ("11010519491231002x", Kind::ResidentId, V),
            ("110105 20130512 0235", Kind::ResidentId, V),
            (" 110105201305120235\n", Kind::ResidentId, V),
            ("110105491231002", Kind::ResidentId, S),
            ("E12345678", Kind::Passport, S),
            ("C12345678", Kind::HkMacauPermit, S),
            ("A123456(3)", Kind::HkMacauPermit, V),
            ("A1234563", Kind::HkMacauPermit, S),
            ("L12345678", Kind::TaiwanPermit, S),
            ("13700137000", Kind::CnMobile, V),
            ("+86 138 0013 8000", Kind::CnMobile, V),
            ("138-0013-8000", Kind::CnMobile, V),
            ("+86-13800138000", Kind::CnMobile, V),
            ("(+86)13800138000", Kind::CnMobile, V),
            ("0086 13800138000", Kind::CnMobile, V),
            ("010-62751234", Kind::CnLandline, V),
            ("0755-86001234", Kind::CnLandline, V),
            ("(021) 5432 1234", Kind::CnLandline, V),
            ("(010)62751234", Kind::CnLandline, V),
            ("+86 10 6275 1234", Kind::CnLandline, V),
            ("010-62751234 ext 123", Kind::CnLandline, V),
            ("010-62751234转123", Kind::CnLandline, V),
            ("+1 (415) 555-2671", Kind::IntlPhone, V),
            ("+44 20 7946 0958", Kind::IntlPhone, V),
            ("+82-10-1234-5678", Kind::IntlPhone, V),
            ("Ming.Li@Example.com", Kind::Email, V),
            ("zhang.san@163.com", Kind::Email, V),
            ("test@例子.中国", Kind::Email, V),
            ("4787789328792170", Kind::BankCard, V),
            ("6222028100339075798", Kind::BankCard, V),
            ("6222 0281 0033 9075 798", Kind::BankCard, V),
            ("6217003834701746813", Kind::BankCard, V),
            ("6222028100339075799", Kind::BankCard, S),
            ("354218096792908", Kind::Imei, V),
            ("GB82 WEST 1234 5698 7654 32", Kind::Iban, V),
            ("DE89370400440532013000", Kind::Iban, V),
            ("91110108MA01ABCDEN", Kind::Uscc, V),
            ("91110000100006485K", Kind::Uscc, V),
            ("914403001922038216", Kind::Uscc, V),
            ("91110108MA01ABCDE0", Kind::Uscc, S),
            ("203.0.113.7", Kind::Ipv4, V),
            ("1.2.3.4", Kind::Ipv4, V),
            ("2001:db8::1", Kind::Ipv6, V),
            ("::ffff:192.0.2.128", Kind::Ipv6, V),
            ("00:1A:2B:3C:4D:5E", Kind::Mac, V),
            ("001a.2b3c.4d5e", Kind::Mac, V),
            ("6D92078A-8246-4BA4-AE5B-76104861E7DC", Kind::AdId, S),
            ("9774d56d682e549c", Kind::AdId, S),
            ("116.310003,39.991957", Kind::Coordinates, V),
            ("39.9042, 116.4074", Kind::Coordinates, V),
            ("39°54'15\"N 116°24'27\"E", Kind::Coordinates, V),
            ("39°54′15″N", Kind::Latitude, V),
            ("N39.9042 E116.4074", Kind::Coordinates, V),
            ("39.9042°N, 116.4074°E", Kind::Coordinates, V),
            ("116°24'27\"E", Kind::Longitude, V),
            ("31.230416", Kind::Latitude, S),
            ("31.230416", Kind::Longitude, S),
            ("2014-03-09", Kind::Date, S),
            ("2014/3/9", Kind::Date, S),
            ("2014.03.09", Kind::Date, S),
            ("20140309", Kind::Date, S),
            ("2014年3月9日", Kind::Date, S),
            ("09/03/2014", Kind::Date, S),
            ("03/09/2014", Kind::Date, S),
            ("March 9, 2014", Kind::Date, S),
            ("9 Mar 2014", Kind::Date, S),
            ("100080", Kind::PostalCode, S),
            ("94103", Kind::PostalCode, S),
            ("94103-1234", Kind::PostalCode, S),
            ("SW1A 1AA", Kind::PostalCode, S),
            ("K1A 0B1", Kind::PostalCode, S),
            ("G110105201305120235", Kind::StudentNumber, V),
            ("１３８００１３８０００", Kind::CnMobile, V),
            ("（０１０）６２７５１２３４", Kind::CnLandline, V),
            ("\u{FEFF}13800138000\u{200B}", Kind::CnMobile, V),
            ("\u{3000}110105201305120235\u{3000}", Kind::ResidentId, V),
        ];
        for &(v, kind, strength) in table {
            assert!(
                has(v, kind, strength),
                "{v:?} should be {kind:?}/{strength:?}: {:?}",
                detect_value(v)
            );
        }
    }

    #[test]
    fn example_negatives() {
        let table: &[(&str, Kind)] = &[
            ("12345678901234567X", Kind::ResidentId),
            ("110105201302300235", Kind::ResidentId),
            ("91110000100006485K", Kind::ResidentId),
            ("914403001922038216", Kind::ResidentId),
            ("911100007109288314", Kind::ResidentId),
            ("91110108MA01ABCDEN", Kind::ResidentId),
            ("G110105201305120235", Kind::ResidentId),
            ("400-810-8888", Kind::CnLandline),
            ("400-810-8888", Kind::IntlPhone),
            ("14155552671", Kind::IntlPhone),
            ("1.2.3", Kind::Ipv4),
            ("1.2.3.4.5", Kind::Ipv4),
            ("00000000-0000-0000-0000-000000000000", Kind::AdId),
            ("2014-02-30", Kind::Date),
            ("20140230", Kind::Date),
            ("4787789328792171", Kind::BankCard),
            ("354218096792909", Kind::Imei),
            ("GB82 WEST 1234 5698 7654 33", Kind::Iban),
            ("999078", Kind::PostalCode),
        ];
        for &(v, kind) in table {
            assert!(
                !detect_value(v).iter().any(|d| d.kind == kind),
                "{v:?} must not be {kind:?}: {:?}",
                detect_value(v)
            );
        }
        // One digit changed: never a Validated resident ID.
        assert!(!has("110105201305120236", Kind::ResidentId, V));
        assert!(!has("110105201305130235", Kind::ResidentId, V));
        assert!(detect_value("").is_empty());
        assert!(detect_value("   ").is_empty());
        assert!(detect_value("我喜欢画画").is_empty());
    }

    #[test]
    fn validated_answers_come_first_and_kinds_are_unique() {
        for v in [
            "378282246310005",
            "6222028100339075798",
            "C12345678",
            "A1234563",
        ] {
            let d = detect_value(v);
            assert!(!d.is_empty(), "{v}");
            let first_shaped = d.iter().position(|x| x.strength == S).unwrap_or(d.len());
            assert!(
                d[first_shaped..].iter().all(|x| x.strength == S),
                "{v}: {d:?}"
            );
            for (i, x) in d.iter().enumerate() {
                assert!(!d[i + 1..].iter().any(|y| y.kind == x.kind), "{v}: {d:?}");
            }
        }
        let amex = detect_value("378282246310005");
        assert!(amex.contains(&Detection {
            kind: Kind::BankCard,
            strength: V
        }));
        // (an IMEI reading of the same digits loses to the card: issue 11)
        assert!(!amex.iter().any(|d| d.kind == Kind::Imei));
    }

    #[test]
    fn long_inputs_are_fast() {
        let digits = "1".repeat(1 << 20);
        let t = std::time::Instant::now();
        assert!(detect_value(&digits).is_empty());
        assert!(scan(&digits).is_empty());
        let mixed = "13912345678 abc 1.2.3.4 a@b.com 39.9042, 116.4074 ".repeat(20_000);
        let found = scan(&mixed);
        assert_eq!(found.len(), 4 * 20_000);
        for nasty in [
            "1 ".repeat(1 << 19),
            "1.".repeat(1 << 19),
            "1:".repeat(1 << 19),
            "a@".repeat(1 << 19),
            "@a.".repeat(1 << 18),
            "1-".repeat(1 << 19),
            "(1".repeat(1 << 19),
            "+1".repeat(1 << 19),
            "9°".repeat(1 << 18),
            "a".repeat(1 << 20),
            "a.".repeat(1 << 19),
            "1234 ".repeat(1 << 18),
            "京A1234".repeat(1 << 17),
            "京A·1234学".repeat(1 << 16),
            "LSGKB54H7KA12345".repeat(1 << 16),
        ] {
            let _ = scan(&nasty);
        }
        // Generous bound for unoptimised debug builds on a slow machine.
        assert!(t.elapsed().as_secs() < 60, "{:?}", t.elapsed());
    }

    fn check_matches(text: &str) -> Result<(), TestCaseError> {
        let ms = scan(text);
        let mut prev_end = 0;
        for m in &ms {
            prop_assert!(m.start < m.end);
            prop_assert!(m.end <= text.len());
            prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
            prop_assert!(m.start >= prev_end, "overlap or unsorted: {:?}", ms);
            prev_end = m.end;
        }
        Ok(())
    }

    /// A resident ID with a computed check character.
    fn make_id(province: u32, rest4: u32, y: u32, m: u32, d: u32, seq: u32) -> String {
        let dim = date::days_in_month(y, m);
        let d = 1 + d % dim;
        let body = format!("{province:02}{rest4:04}{y:04}{m:02}{d:02}{seq:03}");
        let check = resident_id::check_char(body.as_bytes()).unwrap();
        format!("{body}{}", check as char)
    }

    fn make_card(prefix: &str, len: usize, fill: u64) -> String {
        let mut s = prefix.to_string();
        let mut x = fill;
        while s.len() < len - 1 {
            s.push(char::from(b'0' + (x % 10) as u8));
            x = x / 10 + 7;
        }
        let c = card::luhn_check_digit(s.as_bytes()).unwrap();
        s.push(c as char);
        s
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn never_panics_on_arbitrary_strings(s in any::<String>()) {
            let _ = detect_value(&s);
            check_matches(&s)?;
        }

        #[test]
        fn never_panics_on_pi_like_strings(
            s in "[0-9 +\\-.,;:@()xX°′″'\"NSEWGLabcdef年月日转（），。北纬东经]{0,120}"
        ) {
            let _ = detect_value(&s);
            check_matches(&s)?;
        }

        #[test]
        fn never_panics_on_long_digit_runs(
            digits in proptest::collection::vec(0u8..12, 0..4000)
        ) {
            let s: String = digits
                .iter()
                .map(|&d| match d { 10 => ' ', 11 => '-', d => char::from(b'0' + d) })
                .collect();
            let _ = detect_value(&s);
            check_matches(&s)?;
        }

        #[test]
        fn matches_are_well_formed_in_mixed_text(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just("13912345678".to_string()),
                    Just("110105201305120235".to_string()),
                    Just("a.b@example.com".to_string()),
                    Just("6222 0281 0033 9075 798".to_string()),
                    Just("39.9042, 116.4074".to_string()),
                    Just("203.0.113.7".to_string()),
                    Just("fe80::1".to_string()),
                    "[一-龥]{0,3}",
                    "[ ,.:;@a-z0-9]{0,6}",
                ],
                0..20,
            )
        ) {
            let s: String = parts.concat();
            check_matches(&s)?;
        }

        #[test]
        fn generated_resident_ids_validate(
            p in 0usize..resident_id::PROVINCE_CODES.len(),
            rest4 in 0u32..10_000,
            y in date::MIN_YEAR..=date::MAX_YEAR,
            m in 1u32..=12,
            d in 0u32..31,
            seq in 0u32..1000,
            pos in 0usize..17,
            delta in 1u8..10,
        ) {
            let id = make_id(resident_id::PROVINCE_CODES[p], rest4, y, m, d, seq);
            prop_assert!(resident_id::is_valid(&id), "{}", id);
            prop_assert!(has(&id, Kind::ResidentId, V), "{} {:?}", id, detect_value(&id));
            prop_assert_eq!(detect_value(&id)[0].kind, Kind::ResidentId);
            let found = scan(&format!("身份证号{id}。"));
            prop_assert_eq!(found.len(), 1);
            prop_assert_eq!(found[0].kind, Kind::ResidentId);
            // Changing any one of the first 17 digits breaks it.
            let mut b = id.into_bytes();
            b[pos] = b'0' + (b[pos] - b'0' + delta) % 10;
            let changed = String::from_utf8(b).unwrap();
            prop_assert!(!has(&changed, Kind::ResidentId, V), "{}", changed);
            prop_assert!(!scan(&changed).iter().any(|m| m.kind == Kind::ResidentId));
        }

        #[test]
        fn generated_cards_validate(
            which in 0usize..6,
            fill in any::<u64>(),
            pos in 0usize..19,
            delta in 1u8..10,
        ) {
            let (prefix, len) = [
                ("62", 19), ("62", 16), ("4", 16), ("51", 16), ("37", 15), ("3530", 16),
            ][which];
            let card_no = make_card(prefix, len, fill);
            prop_assert!(card::luhn(card_no.as_bytes()));
            prop_assert!(has(&card_no, Kind::BankCard, V), "{} {:?}", card_no, detect_value(&card_no));
            let found = scan(&format!("卡号{card_no}，"));
            prop_assert_eq!(found.len(), 1);
            prop_assert_eq!(found[0].kind, Kind::BankCard);
            // One digit changed: Luhn fails (62 cards may remain Shaped).
            let pos = pos % len;
            let mut b = card_no.into_bytes();
            b[pos] = b'0' + (b[pos] - b'0' + delta) % 10;
            let changed = String::from_utf8(b).unwrap();
            prop_assert!(!card::luhn(changed.as_bytes()));
            prop_assert!(!has(&changed, Kind::BankCard, V), "{}", changed);
        }
    }
}
