#!/usr/bin/env python3
"""Values from eleven locales, made by an independent generator (Faker), for the classifier's
"values alone" and free-text checks (issue 11). Run once; the output is checked in, so the tests
need neither Python nor Faker:

    python3 -m venv /tmp/fk && /tmp/fk/bin/pip install faker==40.63.0
    /tmp/fk/bin/python scripts/gen-locale-values.py > tests/values/locale-values.jsonl
    /tmp/fk/bin/python scripts/gen-locale-values.py --sentences > tests/values/locale-sentences.jsonl

Labels come from what the generator was asked for, never from running minform. Only providers a
locale implements natively are used (Faker falls back to en_US formats elsewhere: a US SSN from
ja_JP is not a Japanese ID). Each row records the provider that made it.
"""
import json
import random
import sys

import faker
from faker import Faker

LOCALES = ['zh_CN', 'zh_TW', 'en_US', 'en_GB', 'ja_JP', 'ko_KR', 'vi_VN', 'fr_FR', 'de_DE', 'pt_BR', 'hi_IN']
PER = 6  # values per (locale, provider)

# How each locale writes a date of birth (the generator gives a date; people write it so).
DATE_FORMATS = {
    'zh_CN': ['%Y-%m-%d', '%Y年%m月%d日', '%Y/%m/%d'],
    'zh_TW': ['%Y-%m-%d', '%Y年%m月%d日', '%Y/%m/%d'],
    'en_US': ['%m/%d/%Y', '%B %d, %Y', '%Y-%m-%d'],
    'en_GB': ['%d/%m/%Y', '%d %B %Y', '%Y-%m-%d'],
    'ja_JP': ['%Y年%m月%d日', '%Y/%m/%d', '%Y-%m-%d'],
    'ko_KR': ['%Y년 %m월 %d일', '%Y.%m.%d', '%Y-%m-%d'],
    'vi_VN': ['%d/%m/%Y', '%d-%m-%Y', '%Y-%m-%d'],
    'fr_FR': ['%d/%m/%Y', '%d.%m.%Y', '%Y-%m-%d'],
    'de_DE': ['%d.%m.%Y', '%Y-%m-%d'],
    'pt_BR': ['%d/%m/%Y', '%Y-%m-%d'],
    'hi_IN': ['%d/%m/%Y', '%d-%m-%Y', '%Y-%m-%d'],
}

# National IDs a locale's provider implements natively, and what it calls them.
NATIONAL_IDS = {
    'zh_CN': ['ssn'], 'zh_TW': ['ssn'], 'en_US': ['ssn'], 'en_GB': ['ssn'], 'ko_KR': ['ssn'],
    'fr_FR': ['ssn'], 'pt_BR': ['cpf'],
}
IBAN_LOCALES = {'fr_FR', 'de_DE', 'en_GB', 'pt_BR'}


def date_of_birth(f, locale):
    d = f.date_of_birth(minimum_age=2, maximum_age=17)
    return d.strftime(random.choice(DATE_FORMATS[locale]))


def providers(locale):
    """(category, provider name, function) for a locale."""
    out = [
        ('name', 'name', lambda f: f.name()),
        ('username', 'user_name', lambda f: f.user_name()),
        ('email', 'email', lambda f: f.email()),
        ('phone', 'phone_number', lambda f: f.phone_number()),
        ('address', 'street_address', lambda f: f.street_address()),
        ('region', 'city', lambda f: f.city()),
        ('postal_code', 'postcode', lambda f: f.postcode()),
        ('birth_date', 'date_of_birth', lambda f: date_of_birth(f, locale)),
        ('bank_account', 'credit_card_number', lambda f: f.credit_card_number()),
        ('ip_address', 'ipv4_public', lambda f: f.ipv4_public()),
        ('device_id', 'mac_address', lambda f: f.mac_address()),
        ('vehicle', 'license_plate', lambda f: f.license_plate()),
        ('occupation', 'job', lambda f: f.job()),
        # Look-alikes a form holds that are not about a person.
        ('non_personal', 'ean13', lambda f: f.ean13()),
        ('non_personal', 'isbn13', lambda f: f.isbn13()),
        ('non_personal', 'company', lambda f: f.company()),
        ('non_personal', 'pricetag', lambda f: f.pricetag()),
    ]
    for p in NATIONAL_IDS.get(locale, []):
        out.append(('national_id', p, (lambda name: lambda f: getattr(f, name)())(p)))
    if locale == 'hi_IN':
        # Faker implements Aadhaar for en_IN only; it is India's national ID either way.
        india = Faker('en_IN')
        india.seed_instance(2026)
        out.append(('national_id', 'en_IN aadhaar_id', lambda f: india.aadhaar_id()))
    if locale in IBAN_LOCALES:
        out.append(('bank_account', 'iban', lambda f: f.iban()))
    if locale == 'pt_BR':
        out.append(('non_personal', 'cnpj', lambda f: f.cnpj()))
    return out


# Cue sentences: how people put a value into free text (what findPersonalData must find), and
# harmless sentences from the generator's own text in each locale.
CUES = {
    'zh_CN': {'name': ['我叫{}。', '我的名字是{}，请多关照。', '孩子姓名：{}'], 'birth_date': ['我的生日是{}。', '出生日期{}'],
              'phone': ['有事请打{}。', '联系电话：{}'], 'email': ['邮箱是{}'], 'address': ['我家住在{}。', '请寄到{}'],
              'postal_code': ['邮编{}'], 'national_id': ['身份证号{}'], 'username': ['我的用户名是{}']},
    'zh_TW': {'name': ['我叫{}。', '我的名字是{}。'], 'birth_date': ['我的生日是{}。'], 'phone': ['電話：{}'],
              'email': ['信箱是{}'], 'address': ['地址：{}'], 'postal_code': ['郵遞區號{}'], 'national_id': ['身分證字號{}']},
    'en_US': {'name': ['My name is {}.', 'Please ask for {} at the desk.'], 'birth_date': ['My date of birth is {}.', 'Born on {}.'],
              'phone': ['Call me at {}.', 'You can reach me on {}'], 'email': ['Email me at {}'],
              'address': ['I live at {}.', 'Ship it to {}'], 'postal_code': ['ZIP code {}'], 'national_id': ['My SSN is {}.'],
              'username': ['My username is {}.']},
    'en_GB': {'name': ['My name is {}.'], 'birth_date': ['My date of birth is {}.'], 'phone': ['Ring me on {}.'],
              'email': ['Email: {}'], 'address': ['I live at {}.'], 'postal_code': ['Postcode {}'],
              'national_id': ['My National Insurance number is {}.']},
    'ja_JP': {'name': ['私の名前は{}です。'], 'birth_date': ['生年月日は{}です。'], 'phone': ['電話番号は{}です。'],
              'email': ['メールアドレスは{}です。'], 'address': ['住所は{}です。'], 'postal_code': ['郵便番号は{}です。']},
    'ko_KR': {'name': ['제 이름은 {}입니다.'], 'birth_date': ['생년월일은 {}입니다.'], 'phone': ['전화번호는 {}입니다.'],
              'email': ['이메일은 {}입니다.'], 'address': ['주소는 {}입니다.'], 'postal_code': ['우편번호 {}'],
              'national_id': ['주민등록번호는 {}입니다.']},
    'vi_VN': {'name': ['Tên tôi là {}.'], 'birth_date': ['Ngày sinh của tôi là {}.'], 'phone': ['Số điện thoại: {}'],
              'email': ['Email của tôi là {}'], 'address': ['Địa chỉ: {}']},
    'fr_FR': {'name': ['Je m\'appelle {}.'], 'birth_date': ['Ma date de naissance est le {}.'], 'phone': ['Appelez-moi au {}.'],
              'email': ['Mon e-mail : {}'], 'address': ['J\'habite {}.'], 'postal_code': ['Code postal {}'],
              'national_id': ['Mon numéro de sécurité sociale est {}.']},
    'de_DE': {'name': ['Ich heiße {}.'], 'birth_date': ['Mein Geburtsdatum ist der {}.'], 'phone': ['Rufen Sie mich unter {} an.'],
              'email': ['Meine E-Mail: {}'], 'address': ['Ich wohne in der {}.'], 'postal_code': ['PLZ {}']},
    'pt_BR': {'name': ['Meu nome é {}.'], 'birth_date': ['Minha data de nascimento é {}.'], 'phone': ['Meu telefone é {}.'],
              'email': ['Meu e-mail é {}'], 'address': ['Moro na {}.'], 'postal_code': ['CEP {}'], 'national_id': ['Meu CPF é {}.']},
    'hi_IN': {'name': ['मेरा नाम {} है।'], 'birth_date': ['मेरी जन्मतिथि {} है।'], 'phone': ['मेरा फ़ोन नंबर {} है।'],
              'email': ['मेरा ईमेल {} है।'], 'address': ['मेरा पता {} है।'], 'postal_code': ['पिन कोड {}'], 'national_id': ['मेरा आधार नंबर {} है।']},
}


def values():
    for locale in LOCALES:
        f = Faker(locale)
        f.seed_instance(2026)
        random.seed(locale)
        for category, provider, make in providers(locale):
            seen = set()
            for _ in range(PER * 3):
                v = str(make(f))
                if v in seen:
                    continue
                seen.add(v)
                yield {'locale': locale, 'field': {'name': 'field', 'value': v}, 'expect': category,
                       'generator': f'faker {faker.VERSION} {provider}'}
                if len(seen) == PER:
                    break


def sentences():
    by_category = {}
    for row in values():
        by_category.setdefault((row['locale'], row['expect']), []).append(row['field']['value'])
    for locale in LOCALES:
        f = Faker(locale)
        f.seed_instance(7)
        random.seed('s' + locale)
        for category, templates in CUES[locale].items():
            for i, value in enumerate(by_category.get((locale, category), [])[:4]):
                text = templates[i % len(templates)].format(value)
                yield {'locale': locale, 'text': text, 'value': value, 'expect': category,
                       'generator': f'faker {faker.VERSION} + cue template'}
        # Harmless sentences: the generator's own prose in the locale.
        for _ in range(12):
            yield {'locale': locale, 'text': f.sentence(nb_words=10), 'expect': None,
                   'generator': f'faker {faker.VERSION} sentence'}


if __name__ == '__main__':
    rows = sentences() if '--sentences' in sys.argv else values()
    for row in rows:
        print(json.dumps(row, ensure_ascii=False))
