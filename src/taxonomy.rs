//! The sensitivity taxonomy: category ids and sensitivity levels. These ids are a contract
//! (`../shared/PRODUCT.md`, "Sensitivity taxonomy"): JavaScript callers, policies and reports
//! name categories by exactly these strings.
#![forbid(unsafe_code)]

use std::fmt;

use serde::{Deserialize, Serialize};

/// How sensitive a field is. Ordered: `None < Personal < Sensitive`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sensitivity {
    /// Not personal information.
    None,
    /// Personal information (PIPL Art. 4).
    Personal,
    /// Sensitive personal information (PIPL Art. 28): harm if leaked, and all PI of a child
    /// under 14.
    Sensitive,
}

impl Sensitivity {
    /// The contract id: `none`, `personal` or `sensitive`.
    pub fn as_str(self) -> &'static str {
        match self {
            Sensitivity::None => "none",
            Sensitivity::Personal => "personal",
            Sensitivity::Sensitive => "sensitive",
        }
    }
}

impl fmt::Display for Sensitivity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

macro_rules! categories {
    ($( $(#[$doc:meta])* $variant:ident = $id:literal, $sens:ident; )*) => {
        /// A category of personal information. `id()` is the contract string.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Category { $( $(#[$doc])* $variant, )* }

        impl Category {
            /// Every category, in taxonomy order.
            pub const ALL: &'static [Category] = &[ $( Category::$variant, )* ];

            /// The contract id, e.g. `national_id`.
            pub fn id(self) -> &'static str {
                match self { $( Category::$variant => $id, )* }
            }

            /// The category for a contract id, if there is one.
            pub fn from_id(id: &str) -> Option<Category> {
                match id { $( $id => Some(Category::$variant), )* _ => None }
            }

            /// The sensitivity of the category for an adult subject, before content scanning.
            pub fn default_sensitivity(self) -> Sensitivity {
                match self { $( Category::$variant => Sensitivity::$sens, )* }
            }
        }
    };
}

categories! {
    /// 姓名, given/family name, guardian's name, contact person.
    Name = "name", Personal;
    /// Nickname, display name, login name.
    Username = "username", Personal;
    /// 性别, sex.
    Gender = "gender", Personal;
    /// 出生日期, date of birth, birthday, birth month.
    BirthDate = "birth_date", Personal;
    /// 年龄, "how old are you".
    Age = "age", Personal;
    /// 民族.
    Ethnicity = "ethnicity", Personal;
    /// 国籍, citizenship.
    Nationality = "nationality", Personal;
    /// Mobile, landline, guardian's phone, emergency contact.
    Phone = "phone", Personal;
    /// E-mail address.
    Email = "email", Personal;
    /// Street address, 家庭住址, 户籍地址, delivery address.
    Address = "address", Personal;
    /// Province/city/district, country, 籍贯.
    Region = "region", Personal;
    /// 邮编, ZIP, postcode.
    PostalCode = "postal_code", Personal;
    /// GPS coordinates, latitude/longitude, 行踪轨迹.
    PreciseLocation = "precise_location", Sensitive;
    /// Resident ID, passport, HK/Macau/Taiwan permits, driver's licence, social security card,
    /// residence permit, SSN.
    NationalId = "national_id", Sensitive;
    /// Bank/credit card number, account number, IBAN, payment account.
    BankAccount = "bank_account", Sensitive;
    /// Password, PIN, SMS/one-time code, security answer.
    Credential = "credential", Sensitive;
    /// Face image for recognition, fingerprint, voiceprint, iris.
    Biometric = "biometric", Sensitive;
    /// Medical history, allergies, medication, disability, blood type.
    Health = "health", Sensitive;
    /// Religious belief.
    Religion = "religion", Sensitive;
    /// School, kindergarten, grade, class.
    School = "school", Personal;
    /// 学号, 学籍号, student number.
    StudentId = "student_id", Personal;
    /// Relationship to the child (母亲, grandparent).
    Relationship = "relationship", Personal;
    /// QQ, WeChat ID, Weibo, instant messenger.
    SocialAccount = "social_account", Personal;
    /// IMEI, IDFA, OAID, Android ID, MAC, device serial.
    DeviceId = "device_id", Personal;
    /// IPv4/IPv6 address.
    IpAddress = "ip_address", Personal;
    /// Avatar, profile picture (not used for recognition).
    Photo = "photo", Personal;
    /// 工作单位, 职业, employer, job title, the work unit of a guardian (added in 0.2).
    Occupation = "occupation", Personal;
    /// 车牌号, licence plate, VIN, parking permit (added in 0.2).
    Vehicle = "vehicle", Personal;
    /// Comments, remarks, bios: scanned for personal information inside the text.
    FreeText = "free_text", None;
    /// Quantities, product choices, captchas, order/tracking numbers, company names and codes.
    NonPersonal = "non_personal", None;
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl Serialize for Category {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

impl<'de> Deserialize<'de> for Category {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let id = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Category::from_id(&id)
            .ok_or_else(|| serde::de::Error::custom(format_args!("unknown category `{id}`")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_match_the_contract() {
        assert_eq!(Category::ALL.len(), 30);
        for &c in Category::ALL {
            assert_eq!(Category::from_id(c.id()), Some(c));
            assert!(c.id().bytes().all(|b| b.is_ascii_lowercase() || b == b'_'));
        }
        assert_eq!(Category::from_id("Name"), None);
    }

    #[test]
    fn inherently_sensitive_categories() {
        let sensitive: Vec<_> = Category::ALL
            .iter()
            .filter(|c| c.default_sensitivity() == Sensitivity::Sensitive)
            .map(|c| c.id())
            .collect();
        assert_eq!(
            sensitive,
            [
                "precise_location",
                "national_id",
                "bank_account",
                "credential",
                "biometric",
                "health",
                "religion"
            ]
        );
        assert!(
            Sensitivity::None < Sensitivity::Personal
                && Sensitivity::Personal < Sensitivity::Sensitive
        );
    }
}
