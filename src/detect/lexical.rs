//! Values recognised by dictionary rather than by checksum: Chinese personal names, addresses,
//! regions, school names and grades, and closed sets (gender, the 56 民族, kinship terms,
//! religions, blood types, common occupations).
//!
//! None of these can be validated, so every detection here is [`Strength::Shaped`]: it decides
//! a field only when the field's name and label say nothing (a label-less `field_12` holding
//! "王芳"), and otherwise only adds confidence to what the metadata says. The tables are data
//! (`data/surnames.txt`, `data/values.tsv`) with their sources.

use std::sync::OnceLock;

use super::{Detection, Kind, Strength};

const SURNAMES: &str = include_str!("data/surnames.txt");
const VALUES: &str = include_str!("data/values.tsv");

struct Tables {
    /// Two-character family names (欧阳, 司马, …), sorted.
    compound: Vec<&'static str>,
    /// One-character family names, sorted.
    single: Vec<char>,
    /// Whole values (lower-cased) → kind, sorted by value.
    values: Vec<(&'static str, Kind)>,
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let mut compound = Vec::new();
        let mut single = Vec::new();
        for line in SURNAMES.lines().filter(|l| !l.starts_with('#')) {
            for word in line.split_whitespace() {
                let mut chars = word.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => single.push(c),
                    (Some(_), Some(_)) => compound.push(word),
                    _ => {}
                }
            }
        }
        compound.sort_unstable();
        compound.dedup();
        single.sort_unstable();
        single.dedup();
        let mut values: Vec<(&'static str, Kind)> = VALUES
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .filter_map(|l| {
                let mut cols = l.split('\t');
                let value = cols.next()?.trim();
                let kind = kind_of_id(cols.next()?.trim())?;
                Some((value, kind))
            })
            .collect();
        values.sort_unstable_by_key(|(v, _)| *v);
        Tables {
            compound,
            single,
            values,
        }
    })
}

fn kind_of_id(id: &str) -> Option<Kind> {
    [
        Kind::GenderValue,
        Kind::EthnicGroup,
        Kind::KinshipTerm,
        Kind::ReligionValue,
        Kind::BloodType,
        Kind::CnRegion,
        Kind::OccupationValue,
    ]
    .into_iter()
    .find(|k| k.id() == id)
}

/// CJK unified ideographs (basic block and extension A).
fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

const SCHOOL_SUFFIXES: &[&str] = &[
    "小学",
    "中学",
    "初中",
    "高中",
    "幼儿园",
    "大学",
    "学院",
    "学校",
    "附小",
    "附中",
    "中心校",
    "完小",
    "职高",
    "中专",
    "技校",
    "托儿所",
    "早教中心",
];
const GRADE_WORDS: &[&str] = &[
    "一年级",
    "二年级",
    "三年级",
    "四年级",
    "五年级",
    "六年级",
    "七年级",
    "八年级",
    "九年级",
    "初一",
    "初二",
    "初三",
    "高一",
    "高二",
    "高三",
    "小班",
    "中班",
    "大班",
    "学前班",
];
/// Administrative divisions (GB/T 2260 levels) that open an address.
const ADMIN_MARKERS: &[char] = &[
    '省', '市', '区', '县', '旗', '州', '盟', '镇', '乡', '區', '縣', '鎮', '鄉',
];
/// Street-level parts of an address: single characters, then words (checked only if no
/// single character matched: a char test is much cheaper than a substring search).
const STREET_CHARS: &[char] = &[
    '路', '街', '道', '巷', '弄', '里', '号', '栋', '幢', '室', '楼', '村', '组', '苑', '號', '樓',
];
const STREET_WORDS: &[&str] = &["胡同", "单元", "小区", "花园", "公寓", "大厦"];
const ROAD_CHARS: &[char] = &['路', '街', '巷', '弄'];
const ROAD_WORDS: &[&str] = &["大道", "胡同"];
const NUMBER_CHARS: &[char] = &['号', '栋', '幢', '室', '楼', '號', '棟', '樓', '座'];
const NUMBER_WORDS: &[&str] = &["单元"];

fn has_marker(v: &str, chars: &[char], single: &[char], words: &[&str]) -> bool {
    chars.iter().any(|c| single.contains(c))
        || words.iter().any(|w| {
            // A substring search only where the word's first character occurs.
            w.chars().next().is_some_and(|f| chars.contains(&f)) && v.contains(w)
        })
}

const REGION_SUFFIXES: &[&str] = &[
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "新区",
    "地区",
    "省",
    "市",
    "区",
    "县",
    "旗",
    "盟",
    "州",
    "縣",
    "區",
    "鎮",
    "鄉",
    "村",
    "町",
];
/// The last characters of [`REGION_SUFFIXES`] (a test holds the two lists together).
const REGION_ENDS: &[char] = &[
    '区', '州', '县', '省', '市', '旗', '盟', '縣', '區', '鎮', '鄉', '村', '町',
];
/// Two-character words that begin with a surname but are not names.
const NOT_NAMES: &[&str] = &[
    "黄色", "白色", "蓝色", "金色", "紫色", "周一", "周二", "周三", "周四", "周五", "周六", "周日",
    "周末",
];

/// Adds the dictionary readings of the whole value `v` (already trimmed) to `out`.
pub(crate) fn detect(v: &str, out: &mut Vec<Detection>) {
    const MAX_CHARS: usize = 120;
    if v.is_empty() || v.len() > MAX_CHARS * 4 {
        return;
    }
    let t = tables();
    // Table values are lower-case; compare without allocating a lower-cased copy.
    let folded = v.bytes().map(|b| b.to_ascii_lowercase());
    if let Ok(i) = t
        .values
        .binary_search_by(|(value, _)| value.bytes().cmp(folded.clone()))
    {
        return shaped(out, t.values[i].1);
    }
    // Everything below reads Han characters: other values stop here, without allocating.
    if v.is_ascii() || !v.chars().any(is_han) {
        return;
    }
    let chars: Vec<char> = v.chars().collect();
    if chars.len() > MAX_CHARS || chars.iter().any(|c| c.is_control()) {
        return;
    }
    let han = chars.iter().filter(|&&c| is_han(c)).count();
    if han == 0 {
        return;
    }
    if is_school(v, &chars) {
        return shaped(out, Kind::SchoolValue);
    }
    if is_address(v, &chars, han) {
        return shaped(out, Kind::CnAddress);
    }
    if super::words::is_cjk_occupation(v) {
        return shaped(out, Kind::OccupationValue);
    }
    // Japanese place names join their parts with ヶ / ケ / ノ (青ヶ島村, 鎌ケ谷市).
    if han < chars.len()
        && chars
            .iter()
            .all(|&c| is_han(c) || matches!(c, 'ヶ' | 'ケ' | 'ノ' | 'の'))
        && is_region(v, &chars)
    {
        return shaped(out, Kind::CnRegion);
    }
    if han == chars.len() {
        if is_region(v, &chars) {
            return shaped(out, Kind::CnRegion);
        }
        if is_name(v, &chars, t) {
            shaped(out, Kind::CnName);
        }
    }
}

fn shaped(out: &mut Vec<Detection>, kind: Kind) {
    out.push(Detection {
        kind,
        strength: Strength::Shaped,
    });
}

fn is_school(v: &str, chars: &[char]) -> bool {
    if GRADE_WORDS.contains(&v) {
        return true;
    }
    // "3班", "三班", "5年级2班"
    if let Some(prefix) = v.strip_suffix('班') {
        let ok = |c: char| c.is_ascii_digit() || "一二三四五六七八九十年级甲乙丙丁".contains(c);
        if !prefix.is_empty() && prefix.chars().all(ok) {
            return true;
        }
    }
    chars.len() >= 4 && SCHOOL_SUFFIXES.iter().any(|s| v.ends_with(s))
}

fn is_address(v: &str, chars: &[char], han: usize) -> bool {
    if chars.len() < 4 || han * 2 < chars.len() {
        return false;
    }
    // An admin division alone is a region ("北京市海淀区"); it takes a street part to be an
    // address. (Cheapest tests first.)
    let street_after_admin = || {
        chars.len() >= 6
            && chars.iter().any(|c| ADMIN_MARKERS.contains(c))
            && !REGION_SUFFIXES.iter().any(|s| v.ends_with(s))
            && has_marker(v, chars, STREET_CHARS, STREET_WORDS)
    };
    // A road and a number need no division: `平和街41號`, `鲁路m座`; the rest, six characters.
    let road_and_number = || {
        has_marker(v, chars, ROAD_CHARS, ROAD_WORDS)
            && has_marker(v, chars, NUMBER_CHARS, NUMBER_WORDS)
    };
    street_after_admin() || road_and_number()
}

fn is_region(v: &str, chars: &[char]) -> bool {
    let Some(&last) = chars.last() else {
        return false;
    };
    // The last character first: one test against a short list rejects most values.
    (2..=20).contains(&chars.len())
        && REGION_ENDS.contains(&last)
        && REGION_SUFFIXES
            .iter()
            .any(|s| v.ends_with(s) && v.len() > s.len())
}

/// The length in chars of the family name of a Chinese personal name written in Han
/// characters (`王小明` → 1, `欧阳娜娜` → 2), or `None` if `v` is not such a name.
pub fn family_name_len(v: &str) -> Option<usize> {
    let chars: Vec<char> = v.trim().chars().collect();
    if chars.len() < 2 || chars.len() > 4 || !chars.iter().all(|&c| is_han(c)) {
        return None;
    }
    let t = tables();
    let two: String = chars[..2].iter().collect();
    if chars.len() >= 3 && t.compound.binary_search(&two.as_str()).is_ok() {
        return Some(2);
    }
    t.single.binary_search(&chars[0]).is_ok().then_some(1)
}

fn is_name(v: &str, chars: &[char], t: &Tables) -> bool {
    if NOT_NAMES.contains(&v) {
        return false;
    }
    let compound = chars.len() >= 3
        && t.compound
            .binary_search_by(|s| (*s).cmp(&v[..chars[0].len_utf8() + chars[1].len_utf8()]))
            .is_ok();
    let single = t.single.binary_search(&chars[0]).is_ok();
    match chars.len() {
        2 | 3 => single || compound,
        4 => compound || single,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_region_suffix_ends_in_a_listed_character() {
        for s in REGION_SUFFIXES {
            let last = s.chars().last().unwrap();
            assert!(REGION_ENDS.contains(&last), "{s}");
        }
    }

    fn kind(v: &str) -> Option<Kind> {
        let mut out = Vec::new();
        detect(v, &mut out);
        assert!(out.iter().all(|d| d.strength == Strength::Shaped));
        out.first().map(|d| d.kind)
    }

    #[test]
    fn names() {
        for v in ["王芳", "李华", "王小明", "欧阳娜娜", "司马光", "诸葛亮"] {
            assert_eq!(kind(v), Some(Kind::CnName), "{v}");
        }
        for v in ["我喜欢画画", "黄色", "周末", "画画", "王", "中华人民共和国"] {
            assert_ne!(kind(v), Some(Kind::CnName), "{v}");
        }
    }

    #[test]
    fn addresses_and_regions() {
        for v in [
            "北京市海淀区中关村大街27号3单元502",
            "上海市浦东新区世纪大道100号",
            "广东省深圳市南山区科技园路1号",
            "中关村大街27号院3号楼",
        ] {
            assert_eq!(kind(v), Some(Kind::CnAddress), "{v}");
        }
        for v in [
            "广东省",
            "北京市海淀区",
            "浦东新区",
            "北京",
            "新疆维吾尔自治区",
            "深圳市",
        ] {
            assert_eq!(kind(v), Some(Kind::CnRegion), "{v}");
        }
        assert_eq!(kind("海淀区实验小学"), Some(Kind::SchoolValue));
    }

    #[test]
    fn closed_sets() {
        assert_eq!(kind("女"), Some(Kind::GenderValue));
        assert_eq!(kind("Female"), Some(Kind::GenderValue));
        assert_eq!(kind("汉族"), Some(Kind::EthnicGroup));
        assert_eq!(kind("维吾尔族"), Some(Kind::EthnicGroup));
        assert_eq!(kind("母亲"), Some(Kind::KinshipTerm));
        assert_eq!(kind("佛教"), Some(Kind::ReligionValue));
        assert_eq!(kind("AB型"), Some(Kind::BloodType));
        assert_eq!(kind("五年级"), Some(Kind::SchoolValue));
        assert_eq!(kind("3班"), Some(Kind::SchoolValue));
        assert_eq!(kind("SKU-2231"), None);
        assert_eq!(kind("on"), None);
    }

    #[test]
    fn tables_parse() {
        let t = tables();
        assert!(t.single.len() > 150 && t.compound.len() > 15);
        assert!(t.values.len() > 120);
        assert!(VALUES
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .all(|l| l
                .split('\t')
                .nth(1)
                .is_some_and(|id| kind_of_id(id.trim()).is_some())));
    }
}
