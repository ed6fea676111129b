# Value generators: Faker 40.x, native providers per locale (see notes in REPORT.md)
from faker import Faker
import datetime, re, random

def sp4(s):
    s = s.replace(" ", "")
    return " ".join(s[i:i+4] for i in range(0, len(s), 4))

def jp_era(d):
    if d >= datetime.date(2019,5,1): era, y = "令和", d.year-2018
    elif d >= datetime.date(1989,1,8): era, y = "平成", d.year-1988
    else: era, y = "昭和", d.year-1925
    ys = "元" if y == 1 else str(y)
    return f"{era}{ys}年{d.month}月{d.day}日"

FR_M = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()
DE_M = "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split()
PT_M = "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro".split()
EN_M = "January February March April May June July August September October November December".split()
HI_M = "जनवरी फ़रवरी मार्च अप्रैल मई जून जुलाई अगस्त सितंबर अक्टूबर नवंबर दिसंबर".split()

def ordinal(n):
    return str(n) + ("th" if 11 <= n % 100 <= 13 else {1:"st",2:"nd",3:"rd"}.get(n % 10, "th"))

def fmt_date(d, key):
    y, m, dd = d.year, d.month, d.day
    return {
        "cn_ymd": f"{y}年{m}月{dd}日",
        "iso": f"{y}-{m:02d}-{dd:02d}",
        "slash": f"{y}/{m}/{dd}",
        "slash_pad": f"{y}/{m:02d}/{dd:02d}",
        "roc_ymd": f"民國{y-1911}年{m}月{dd}日",
        "roc_slash": f"{y-1911}/{m:02d}/{dd:02d}",
        "jp_era": jp_era(d),
        "ko_ymd": f"{y}년 {m}월 {dd}일",
        "dot_pad": f"{y}.{m:02d}.{dd:02d}",
        "yymmdd": f"{y%100:02d}{m:02d}{dd:02d}",
        "us_slash": f"{m:02d}/{dd:02d}/{y}",
        "us_short": f"{m}/{dd}/{y}",
        "us_long": f"{EN_M[m-1]} {dd}, {y}",
        "gb_slash": f"{dd:02d}/{m:02d}/{y}",
        "gb_long": f"{dd} {EN_M[m-1]} {y}",
        "gb_ord": f"{ordinal(dd)} {EN_M[m-1]} {y}",
        "vn_slash": f"{dd:02d}/{m:02d}/{y}",
        "vn_short": f"{dd}/{m}/{y}",
        "vn_long": f"ngày {dd} tháng {m} năm {y}",
        "vn_dash": f"{dd:02d}-{m:02d}-{y}",
        "fr_slash": f"{dd:02d}/{m:02d}/{y}",
        "fr_long": f"{dd} {FR_M[m-1]} {y}",
        "de_dot": f"{dd:02d}.{m:02d}.{y}",
        "de_long": f"{dd}. {DE_M[m-1]} {y}",
        "de_short": f"{dd}.{m}.{y}",
        "br_slash": f"{dd:02d}/{m:02d}/{y}",
        "br_long": f"{dd} de {PT_M[m-1]} de {y}",
        "br_short": f"{dd:02d}/{m:02d}/{y%100:02d}",
        "in_slash": f"{dd:02d}/{m:02d}/{y}",
        "in_dash": f"{dd:02d}-{m:02d}-{y}",
        "hi_long": f"{dd} {HI_M[m-1]} {y}",
        "en_long": f"{dd} {EN_M[m-1]} {y}",
    }[key]

class Gen:
    def __init__(self, loc, seed):
        self.loc = loc
        self.f = Faker(loc); self.f.seed_instance(seed)
        self.rnd = random.Random(seed)

    def name(self):
        f, l = self.f, self.loc
        if l == "vi_VN":
            fn = f.first_name_male() if self.rnd.random() < .5 else f.first_name_female()
            return f"{f.last_name()} {f.middle_name()} {fn}"
        if l == "hi_IN":
            return f"{f.first_name()} {f.last_name()}"
        if l == "ja_JP":
            n = f.name()
            return n if self.rnd.random() < .5 else n.replace(" ", "")
        while True:
            n = f.name()
            # skip names with honorific prefixes/suffixes (Mr., Dr., etc.)
            if "." not in n and not re.search(r"\b(Mr|Mrs|Ms|Miss|Dr|Dra|Prof|Mx|Herr|Frau|Sr|Sra|Srta|Madame|Monsieur|Mademoiselle|Dipl|Sir|Lady|Dame)\b", n):
                return n

    def phone(self):
        return self.f.phone_number()

    def email(self):
        return self.f.email()

    def address(self):
        f, l = self.f, self.loc
        if l == "zh_CN":
            return re.sub(r"\s*\d{6}$", "", f.address())
        if l == "zh_TW":
            return re.sub(r"^\d{3,5}\s+", "", f.address())
        if l == "ja_JP":
            a = f.address()
            return a if self.rnd.random() < .5 else a.split(" ")[0]
        if l == "en_GB":
            return f.street_address().replace("\n", ", ")
        if l == "hi_IN":
            return f"{f.street_address()}, {f.city()}"
        if l == "en_US" and self.rnd.random() < .4:
            return f"{f.street_address()}, {f.city()}, {f.state_abbr()}"
        return f.street_address().replace("\n", ", ")

    def postal_code(self):
        return self.f.postcode()

    def birth_date(self, key, child=False):
        if child:
            return fmt_date(self.f.date_of_birth(minimum_age=3, maximum_age=6), key)
        return fmt_date(self.f.date_of_birth(minimum_age=16, maximum_age=75), key)

    def national_id(self, variant=None):
        f, l = self.f, self.loc
        if l == "ko_KR":
            while True:
                s = f.ssn(); mm, dd = int(s[2:4]), int(s[4:6])
                if 1 <= mm <= 12 and 1 <= dd <= 28:
                    return s
        if l == "pt_BR":
            return f.ssn() if variant == "digits" else f.cpf()
        if l == "de_DE":
            return f.rvnr()
        if l == "fr_FR":
            s = f.ssn()
            if variant == "spaced":
                return f"{s[0]} {s[1:3]} {s[3:5]} {s[5:7]} {s[7:10]} {s[10:13]} {s[13:15]}"
            return s
        return f.ssn()  # en_US, zh_CN, zh_TW

    def bank_account(self, variant):
        f = self.f
        if variant == "cc": return f.credit_card_number()
        if variant == "cc_sp": return sp4(f.credit_card_number())
        if variant == "iban": return f.iban()
        if variant == "iban_sp": return sp4(f.iban())
        raise ValueError(variant)

    def ip_address(self):
        return self.f.ipv4_public()

    def username(self):
        return self.f.user_name()
