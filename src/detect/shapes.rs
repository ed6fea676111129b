//! Whole values whose form says what they are, without a checksum: an age with its unit, a
//! nationality written `X籍`, an English-style street address, a US Social Security number,
//! medical words, a social-network profile, and things that are not about a person at all
//! (prices, quantities with a unit, product pages, company names, parcel numbers). All are
//! `Shaped`: they decide a field only when its name and label say nothing.

use super::{push, Detection, Kind, Strength};

/// Adds the shape readings of the whole value `v` (already trimmed) to `out`.
pub(crate) fn detect(v: &str, out: &mut Vec<Detection>) {
    if v.is_empty() || v.len() > 400 {
        return;
    }
    // Cheap gates first: most values are short codes, names and numbers that none of these
    // shapes can be, and the classifier runs this for every value.
    let b = v.as_bytes();
    let first = b[0];
    let non_ascii = !v.is_ascii();
    let digits = b.iter().filter(|c| c.is_ascii_digit()).count();
    let has_digit = digits > 0;
    if !non_ascii && !has_digit && !first.is_ascii_uppercase() && !first.is_ascii_lowercase() {
        return;
    }
    let lower = if b.iter().any(u8::is_ascii_uppercase) {
        std::borrow::Cow::Owned(v.to_ascii_lowercase())
    } else {
        std::borrow::Cow::Borrowed(v)
    };
    let lower = lower.as_ref();
    let kind = if has_digit && first.is_ascii_digit() && is_age(lower) {
        Kind::AgeValue
    } else if non_ascii && is_japanese_postcode(v) {
        Kind::PostalCode
    } else if first == b'0' && is_taiwan_mobile(v) {
        Kind::IntlPhone
    } else if digits >= 8 && super::phone::is_national_format(v) {
        Kind::NationalPhone
    } else if first.is_ascii_uppercase() && !has_digit && is_pinyin_name(v) {
        Kind::CnName
    } else if non_ascii && is_nationality(v) {
        Kind::NationalityValue
    } else if b.len() == 11 && is_ssn(v) {
        Kind::UsSsn
    } else if !has_digit_only(b) && is_social_profile(lower) {
        Kind::SocialProfile
    } else if is_not_personal(v, lower) {
        Kind::NotPersonal
    } else if first.is_ascii_lowercase() && is_username(v) {
        Kind::UsernameValue
    } else if first.is_ascii_digit() && is_street_address(lower) {
        Kind::StreetAddress
    } else if (non_ascii || b.len() > 5) && has_health_words(v) {
        Kind::HealthValue
    } else {
        return;
    };
    push(out, kind, Strength::Shaped);
}

/// Lower-case words that end in a number without being anyone's handle (`size42`, `page2`).
const NOT_HANDLES: &[&str] = &[
    "size", "item", "page", "room", "test", "type", "model", "level", "step", "part", "version",
    "ver", "no", "num", "day", "week", "year", "table", "seat", "gate", "row", "box", "lot",
];

/// A user name as sign-up forms make them: lower-case ASCII with a number at the end
/// (`juan64`, `gael-henrique70`) or a dot or underscore between words (`john.smith`,
/// `kid_fan`). A plain lower-case word is not read as one: it could be anything.
fn is_username(v: &str) -> bool {
    let b = v.as_bytes();
    if !(4..=24).contains(&b.len())
        || !b.iter().all(|&c| {
            c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, b'.' | b'_' | b'-')
        })
    {
        return false;
    }
    let digits = b.iter().rev().take_while(|c| c.is_ascii_digit()).count();
    let head = &v[..v.len() - digits];
    let letters = head.bytes().filter(u8::is_ascii_lowercase).count();
    let numbered = (2..=4).contains(&digits)
        && letters >= 3
        && head
            .bytes()
            .all(|c| c.is_ascii_lowercase() || c == b'-' || c == b'_' || c == b'.')
        && !NOT_HANDLES.contains(&head.trim_end_matches(['-', '_', '.']));
    let joined = digits == 0
        && head.split(['.', '_']).count() == 2
        && head
            .split(['.', '_'])
            .all(|w| !w.is_empty() && w.bytes().all(|c| c.is_ascii_lowercase()))
        && ![
            ".com", ".net", ".org", ".cn", ".html", ".jpg", ".png", ".pdf",
        ]
        .iter()
        .any(|t| v.ends_with(t));
    numbered || joined
}

/// A Taiwan mobile number in its national form: `0975-604-318`, `0975 604 318`, `0975604318`.
fn is_taiwan_mobile(v: &str) -> bool {
    let b = v.as_bytes();
    let digits_at = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    b.starts_with(b"09")
        && match b.len() {
            10 => digits_at(0..10),
            12 => {
                matches!(b[4], b'-' | b' ')
                    && b[8] == b[4]
                    && digits_at(0..4)
                    && digits_at(5..8)
                    && digits_at(9..12)
            }
            _ => false,
        }
}

/// `〒100-0001`: the postal mark and a Japanese postcode.
fn is_japanese_postcode(v: &str) -> bool {
    let Some(rest) = v.strip_prefix('〒') else {
        return false;
    };
    let b = rest.trim().as_bytes();
    (b.len() == 8 && b[3] == b'-' && b[..3].iter().chain(&b[4..]).all(u8::is_ascii_digit))
        || (b.len() == 7 && b.iter().all(u8::is_ascii_digit))
}

/// A Chinese name in pinyin (`Zhang Wei`, `WANG Xiaoming`, `Li Mingyang`): a common surname,
/// then one or two capitalised words of pinyin letters.
fn is_pinyin_name(v: &str) -> bool {
    const SURNAMES: &[&str] = &[
        "wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun",
        "ma", "zhu", "hu", "guo", "he", "lin", "gao", "luo", "zheng", "liang", "xie", "song",
        "tang", "han", "feng", "deng", "cao", "peng", "zeng", "xiao", "tian", "dong", "pan",
        "yuan", "cai", "jiang", "yu", "du", "ye", "cheng", "wei", "su", "lu", "ding", "ren",
        "shen", "yao", "fan", "qian", "jin", "cui", "tan", "fu", "fang", "bai", "kong", "qiu",
    ];
    let words: Vec<&str> = v.split_whitespace().collect();
    if !(2..=3).contains(&words.len()) {
        return false;
    }
    // Capitalised words of letters; pinyin has no `v` (ü is written `u` or `yu` in names).
    let pinyin_word = |w: &str| {
        w.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
            && w.len() <= 12
            && w.bytes()
                .all(|c| c.is_ascii_alphabetic() && !c.eq_ignore_ascii_case(&b'v'))
    };
    words.iter().all(|w| pinyin_word(w))
        && SURNAMES.contains(&words[0].to_ascii_lowercase().as_str())
}

fn has_digit_only(b: &[u8]) -> bool {
    b.iter().all(u8::is_ascii_digit)
}

/// `28岁`, `42周岁`, `6岁半`, `3 years old`, `10 yrs`.
fn is_age(lower: &str) -> bool {
    let digits = lower.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&digits) {
        return false;
    }
    let unit = lower[digits..].trim();
    [
        "岁",
        "周岁",
        "歲",
        "週歲",
        "岁半",
        "周岁半",
        "歲半",
        "years old",
        "year old",
        "yrs",
        "yrs old",
        "y/o",
    ]
    .contains(&unit)
}

/// `日本籍`, `中国籍`, `加拿大籍`: a few Han characters and 籍 (not 学籍, 户籍, 原籍, 祖籍).
fn is_nationality(v: &str) -> bool {
    let Some(head) = v.strip_suffix('籍') else {
        return false;
    };
    let n = head.chars().count();
    (1..=6).contains(&n)
        && head.chars().all(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
        && !["学", "户", "原", "祖", "党", "书", "古", "典", "學", "戶"].contains(&head)
}

/// `536-22-8741`: area 001–899 except 666, group 01–99, serial 0001–9999.
fn is_ssn(v: &str) -> bool {
    let b = v.as_bytes();
    if b.len() != 11 || b[3] != b'-' || b[6] != b'-' {
        return false;
    }
    let num = |r: &[u8]| -> Option<u32> {
        r.iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    match (num(&b[..3]), num(&b[4..6]), num(&b[7..])) {
        (Some(area), Some(group), Some(serial)) => {
            area != 0 && area != 666 && area < 900 && group != 0 && serial != 0
        }
        _ => false,
    }
}

/// Profile pages of social networks, and WeChat's internal `wxid_` account ids.
fn is_social_profile(lower: &str) -> bool {
    if lower.starts_with("wxid_") && lower.len() > 8 && !lower.contains(' ') {
        return true;
    }
    let url = without_scheme(lower).unwrap_or(lower);
    let url = url.strip_prefix("www.").unwrap_or(url);
    const PROFILES: &[&str] = &[
        "weibo.com/",
        "m.weibo.cn/",
        "space.bilibili.com/",
        "linkedin.com/in/",
        "x.com/",
        "twitter.com/",
        "instagram.com/",
        "facebook.com/",
        "tiktok.com/@",
        "douyin.com/user/",
        "xiaohongshu.com/user/",
        "zhihu.com/people/",
        "github.com/",
        "t.me/",
    ];
    PROFILES
        .iter()
        .any(|p| url.starts_with(p) && url.len() > p.len())
}

/// `lower` after `https://` or `http://`, if it starts with one.
fn without_scheme(lower: &str) -> Option<&str> {
    lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
}

/// Prices, quantities with a unit, product pages, company names, parcel numbers.
fn is_not_personal(v: &str, lower: &str) -> bool {
    let t = v.trim();
    if t.len() < 2 {
        return false;
    }
    // ¥128.00, 88.50元, $12.99, 128 RMB
    let money = |s: &str| {
        let s = s.trim();
        !s.is_empty()
            && s.bytes().any(|b| b.is_ascii_digit())
            && s.bytes()
                .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    };
    for unit in ["¥", "￥", "$", "€", "£"] {
        if let Some(rest) = t.strip_prefix(unit) {
            if money(rest) {
                return true;
            }
        }
    }
    for unit in ["元", "rmb", "cny", "usd"] {
        if let Some(rest) = lower.trim().strip_suffix(unit) {
            if money(rest) {
                return true;
            }
        }
    }
    // 3件, 2个, 5份, 10张, 1盒, 4 pcs
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=6).contains(&digits) {
        let unit = t[digits..].trim();
        if [
            "件", "个", "份", "张", "盒", "瓶", "套", "双", "本", "支", "箱", "pcs", "pc", "items",
        ]
        .contains(&unit)
        {
            return true;
        }
    }
    // Product and shop pages.
    let url = without_scheme(lower).unwrap_or("");
    const SHOPS: &[&str] = &[
        "item.jd.com/",
        "item.taobao.com/",
        "detail.tmall.com/",
        "mobile.yangkeduo.com/",
        "www.amazon.",
        "amazon.",
    ];
    if SHOPS.iter().any(|s| url.starts_with(s)) {
        return true;
    }
    // 杭州云栖科技有限公司: a company, not a person.
    let han = t
        .chars()
        .filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c))
        .count();
    if han >= 4
        && [
            "有限公司",
            "有限责任公司",
            "股份公司",
            "集团",
            "工作室",
            "事务所",
        ]
        .iter()
        .any(|s| t.ends_with(s))
    {
        return true;
    }
    // Parcel numbers: carrier prefix + digits (SF1234567890123, JD0123456789012, YT…, JT…).
    for carrier in ["sf", "jd", "yt", "jt", "zto", "sto", "yd"] {
        if let Some(rest) = lower.strip_prefix(carrier) {
            if (10..=15).contains(&rest.len()) && rest.bytes().all(|b| b.is_ascii_digit()) {
                return true;
            }
        }
    }
    false
}

/// `1600 Amphitheatre Parkway, Mountain View`, `10 Downing Street, London SW1A 2AA`.
fn is_street_address(lower: &str) -> bool {
    let digits = lower.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=6).contains(&digits) || lower.as_bytes().get(digits) != Some(&b' ') {
        return false;
    }
    const STREET: &[&str] = &[
        "street",
        "st",
        "avenue",
        "ave",
        "road",
        "rd",
        "parkway",
        "pkwy",
        "lane",
        "ln",
        "drive",
        "dr",
        "boulevard",
        "blvd",
        "way",
        "court",
        "ct",
        "place",
        "pl",
        "terrace",
        "square",
        "highway",
        "hwy",
        "close",
        "crescent",
        "gardens",
    ];
    lower[digits..]
        .split(|c: char| !c.is_ascii_alphanumeric())
        .take(8)
        .any(|w| STREET.contains(&w))
}

/// Medical words that only a health answer holds.
fn has_health_words(v: &str) -> bool {
    const WORDS: &[&str] = &[
        "过敏",
        "過敏",
        "糖尿病",
        "高血压",
        "高血壓",
        "哮喘",
        "癫痫",
        "癲癇",
        "心脏病",
        "心臟病",
        "乙肝",
        "肝炎",
        "阳性",
        "陽性",
        "抗原",
        "抗体",
        "病史",
        "手术",
        "手術",
        "孕",
        "服用",
        "型血",
        "障碍",
        "障礙",
        "rh阳性",
        "rh阴性",
        "allergic to",
        "allergy",
        "asthma",
        "diabetes",
        "epilepsy",
    ];
    if v.len() > 480 {
        return false;
    }
    // One pass over the value; the words are tried only where one of their first characters
    // occurs (a match on the character, so most positions cost one comparison chain).
    let starts = |c: char| {
        matches!(
            c,
            '过' | '過'
                | '糖'
                | '高'
                | '哮'
                | '癫'
                | '癲'
                | '心'
                | '乙'
                | '肝'
                | '阳'
                | '陽'
                | '抗'
                | '病'
                | '手'
                | '孕'
                | '服'
                | '型'
                | '障'
                | 'r'
                | 'R'
                | 'a'
                | 'A'
                | 'd'
                | 'D'
                | 'e'
                | 'E'
        )
    };
    let bytes = v.as_bytes();
    v.char_indices().any(|(i, c)| {
        // English words only at the start of a word.
        let word_start = !c.is_ascii() || i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        starts(c)
            && word_start
            && WORDS.iter().any(|w| {
                v.get(i..i + w.len())
                    .is_some_and(|s| s.eq_ignore_ascii_case(w))
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(v: &str) -> Option<Kind> {
        let mut out = Vec::new();
        detect(v, &mut out);
        out.first().map(|d| d.kind)
    }

    #[test]
    fn shapes() {
        for (v, k) in [
            ("28岁", Kind::AgeValue),
            ("6岁半", Kind::AgeValue),
            ("35 years old", Kind::AgeValue),
            ("日本籍", Kind::NationalityValue),
            ("536-22-8741", Kind::UsSsn),
            ("https://weibo.com/u/5623481790", Kind::SocialProfile),
            ("wxid_8k2j3h4g5f6d22", Kind::SocialProfile),
            ("88.50元", Kind::NotPersonal),
            ("¥128.00", Kind::NotPersonal),
            ("3件", Kind::NotPersonal),
            ("https://item.jd.com/100012043978.html", Kind::NotPersonal),
            ("杭州云栖科技有限公司", Kind::NotPersonal),
            ("SF1234567890123", Kind::NotPersonal),
            ("10 Downing Street, London SW1A 2AA", Kind::StreetAddress),
            ("青霉素过敏", Kind::HealthValue),
            ("A型 Rh阳性", Kind::HealthValue),
            ("〒100-0001", Kind::PostalCode),
            ("0975-604-318", Kind::IntlPhone),
            ("Zhang Wei", Kind::CnName),
            ("juan64", Kind::UsernameValue),
            ("gael-henrique70", Kind::UsernameValue),
            ("john.smith", Kind::UsernameValue),
            ("WANG Xiaoming", Kind::CnName),
        ] {
            assert_eq!(kind(v), Some(k), "{v}");
        }
        for v in [
            "学籍",
            "户籍",
            "666-12-3456",
            "000-12-3456",
            "536-00-8741",
            "https://example.com/",
            "12345",
            "hello",
            "2024 plans",
            "Li",
            "Emily Clarke",
            "Ma Vista Drive",
            "size42",
            "example.com",
            "follow-up",
            "abc",
        ] {
            assert_eq!(kind(v), None, "{v}");
        }
    }
}
