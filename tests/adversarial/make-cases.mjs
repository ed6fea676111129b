// Generates cases.json: the blind adversarial corpus for Minimizer.minimize.
// Written from the public contract only (README "Minimize a record…", "Threat model",
// "The pseudonym scheme", "Errors"; index.d.ts; policy.schema.json; PRODUCT.md).
// Check characters (GB 11643) and Luhn digits are computed here, not copied.
//
//   node tests/adversarial/make-cases.mjs   # rewrites tests/adversarial/cases.json
import { writeFileSync } from 'node:fs';

// ---------- checksums ----------
const GB_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const gbCheck = (body17) => '10X98765432'[[...body17].reduce((s, d, i) => s + Number(d) * GB_W[i], 0) % 11];
const gbId = (body17) => body17 + gbCheck(body17);
const gbValid = (id) => /^\d{17}[\dX]$/.test(id) && gbCheck(id.slice(0, 17)) === id[17];
function luhnDigit(prefix) {
  let sum = 0;
  const ds = [...prefix].reverse().map(Number);
  ds.forEach((d, i) => { let v = i % 2 === 0 ? d * 2 : d; if (v > 9) v -= 9; sum += v; });
  return String((10 - (sum % 10)) % 10);
}
const luhnValid = (n) => { const d = n.replace(/\D/g, ''); return luhnDigit(d.slice(0, -1)) === d.slice(-1); };
const card = (prefix) => prefix + luhnDigit(prefix);

// child born 2017-05-12 (Beijing Dongcheng), child born 2016-08-03 (Shanghai Pudong),
// adult born 1987-03-02 (Shenzhen Futian); one ending in X.
const ID_CHILD = gbId('11010120170512002');
const ID_CHILD2 = gbId('31011520160803041');
const ID_ADULT = gbId('44030519870302551');
let ID_X = null;
for (let s = 100; s < 999 && !ID_X; s++) { const id = gbId('32010220170923' + s); if (id.endsWith('X')) ID_X = id; }
const CARD_UP = card('622202123456789');      // UnionPay debit, 16 digits
const CARD_UP19 = card('621700123456789012');  // 19 digits
const CARD_VISA = card('411111111111111');     // 4111 1111 1111 1111
for (const id of [ID_CHILD, ID_CHILD2, ID_ADULT, ID_X]) if (!gbValid(id)) throw new Error('bad id ' + id);
for (const c of [CARD_UP, CARD_UP19, CARD_VISA]) if (!luhnValid(c)) throw new Error('bad card ' + c);
// look-alikes that must NOT validate
const ORDER18 = '202412040000123457'; // 18 digits, date part 20241204… is not a birth date in range, checksum checked below
if (gbValid(ORDER18) || luhnValid(ORDER18)) throw new Error('order no validates');
const TRACKING = 'SF1234567890123';
if (luhnValid('1234567890123')) throw new Error('tracking number is Luhn-valid');

// ---------- obfuscators ----------
const mapDigits = (s, base) => s.replace(/\d/g, (d) => String.fromCodePoint(base + Number(d)));
const fullwidth = (s) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/ /g, '\u3000');
const arabicIndic = (s) => mapDigits(s, 0x0660);
const persian = (s) => mapDigits(s, 0x06f0);
const devanagari = (s) => mapDigits(s, 0x0966);
const mathBold = (s) => mapDigits(s, 0x1d7ce);
const CN = '〇一二三四五六七八九';
const cnNum = (s) => s.replace(/\d/g, (d) => CN[d]);
const cnYao = (s) => s.replace(/\d/g, (d) => (d === '1' ? '幺' : CN[d]));
const cnCapital = (s) => s.replace(/\d/g, (d) => '零壹贰叁肆伍陆柒捌玖'[d]);
const circled = (s) => s.replace(/\d/g, (d) => (d === '0' ? '\u24ea' : String.fromCodePoint(0x2460 + Number(d) - 1)));
const keycap = (s) => s.replace(/\d/g, (d) => d + '\ufe0f\u20e3');
const between = (s, sep) => [...s].join(sep);
const groups = (p, sep) => `${p.slice(0, 3)}${sep}${p.slice(3, 7)}${sep}${p.slice(7)}`;
const mixedScripts = (s) => [...s].map((d, i) => [(x) => x, devanagari, arabicIndic, fullwidth][i % 4](d)).join('');

// ---------- people ----------
const PH = ['13912345678', '13800138000', '18612345678', '15987654321', '17712345678', '19912345678', '13698765432', '18866668888'];
const MASK = (p) => `${p.slice(0, 3)}****${p.slice(7)}`;
const EMAIL = 'lily.chen@example.com';
const PARENT_EMAIL = 'parent.wang@163.com';

// ---------- policies ----------
const basePolicy = (id, audience, jurisdiction = 'CN') => ({
  id, version: '1.0.0', jurisdiction, audience,
  controller: { name: 'Adversarial Test Co', contact: 'privacy@test.example' },
  storage: { location: 'mainland China', afterRetention: 'deleted' },
  security: 'encrypted at rest', complaints: 'privacy@test.example', rights: 'write to privacy@test.example',
  purposes: {
    enrolment: { kind: 'service', required: true, retention: 'P1Y', description: 'enrol' },
    support: { kind: 'service', required: false, retention: 'P6M', description: 'answer questions' },
  },
});
// A careless integrator: free text and "non-personal" fields kept raw, some fields kept by name.
const carelessRules = {
  categories: {
    phone: { purposes: ['enrolment'], action: 'hash' },
    email: { purposes: ['enrolment'], action: 'hash' },
    national_id: { purposes: ['support'], action: 'hash' },
    name: { purposes: ['enrolment'], action: 'mask' },
    birth_date: { purposes: ['enrolment'], action: 'generalize', to: 'year' },
    free_text: { purposes: ['support'], action: 'keep' },
    non_personal: { purposes: ['enrolment'], action: 'keep' },
  },
  fields: {
    remark: { purposes: ['support'], action: 'keep' },
    favoriteAnimal: { purposes: ['enrolment'], action: 'keep' },
    hobbies: { purposes: ['support'], action: 'keep' },
    nickname: { purposes: ['enrolment'], action: 'keep' },
    couponCode: { purposes: ['enrolment'], action: 'keep' },
  },
};
const CARE_KIDS = { ...basePolicy('careless-kids', 'children'), ...carelessRules };
const CARE_GENERAL = { ...basePolicy('careless-general', 'general'), ...carelessRules };
const CARE_MIXED = { ...basePolicy('careless-mixed', 'mixed'), ...carelessRules };
const CARE_KIDS_Q1 = { ...CARE_KIDS, id: 'careless-kids-q1', fields: { ...carelessRules.fields, q1: { purposes: ['support'], action: 'keep' } } };
const MASK_KIDS = {
  ...basePolicy('mask-kids', 'children'),
  categories: { phone: { purposes: ['enrolment'], action: 'mask' } },
  fields: { favoriteAnimal: { purposes: ['enrolment'], action: 'keep' } },
};
const NORULE_KIDS = {
  ...basePolicy('norule-kids', 'children'),
  categories: { non_personal: { purposes: ['enrolment'], action: 'keep' } },
  fields: { favoriteAnimal: { purposes: ['enrolment'], action: 'keep' } },
};
const SENS_GENERAL = {
  ...basePolicy('sensitive-general', 'general'),
  purposes: {
    verify: { kind: 'service', required: true, retention: 'P1Y', description: 'verify identity' },
  },
  categories: {
    national_id: { purposes: ['verify'], action: 'hash' },
    name: { purposes: ['verify'], action: 'keep' },
  },
};
const ADS_KIDS = {
  ...basePolicy('ads-kids', 'children'),
  purposes: {
    enrolment: { kind: 'service', required: true, retention: 'P1Y', description: 'enrol' },
    ads: { kind: 'advertising', required: false, retention: 'P6M', description: 'personalised ads' },
  },
  categories: { phone: { purposes: ['enrolment'], action: 'hash' }, device_id: { purposes: ['ads'], action: 'keep' } },
};

// ---------- consents ----------
const KS_FULL = { purposes: ['enrolment', 'notices'], sensitiveCategories: [], guardianVerified: true };
const KS_NOGUARD = { purposes: ['enrolment', 'notices'], sensitiveCategories: [], guardianVerified: false };
const KC_BASE = { purposes: ['enrolment', 'safety'], sensitiveCategories: [], guardianVerified: true };
const KC_FULL = { purposes: ['enrolment', 'safety', 'photos'], sensitiveCategories: ['national_id', 'health', 'precise_location'], guardianVerified: true };
const GA_ALL_NOGUARD = { purposes: ['account', 'newsletter', 'ads'], sensitiveCategories: ['precise_location'], guardianVerified: false };
const GA_ALL_GUARD = { ...GA_ALL_NOGUARD, guardianVerified: true };
const GA_ACCOUNT = { purposes: ['account'], sensitiveCategories: [], guardianVerified: false };
const CARE_FULL = { purposes: ['enrolment', 'support'], sensitiveCategories: ['national_id', 'bank_account', 'health', 'precise_location', 'free_text'], guardianVerified: true };

const cases = [];
const seen = new Set();
function add(id, why, policy, record, options, expect) {
  if (seen.has(id)) throw new Error('duplicate id ' + id);
  seen.add(id);
  cases.push({ id, why, policy, record, options, expect });
}
const uniq = (xs) => [...new Set(xs.filter((x) => x !== undefined && x !== null && x !== ''))];

// =====================================================================================
// A. Families: whose data is it? (README "Whose data")
// =====================================================================================
const LILY = 'Lily Chen';
const dobFormats = [
  ['iso', 'childBirthDate', '2017-05-12'],
  ['slash', '出生日期', '2017/5/12'],
  ['cn', '孩子生日', '2017年5月12日'],
  ['compact', 'dob', '20170512'],
  ['year-month', 'birthMonth', '2017-05'],
  ['dotted', 'birthday', '2017.5.12'],
  ['cn-numerals', 'csrq', '二〇一七年五月十二日'],
  ['fullwidth', '生日', '２０１７－０５－１２'],
  ['us-order', 'dateOfBirth', '05/12/2017'],
  ['english', 'birthDate', 'May 12, 2017'],
  ['number', 'dob', 20170512],
];
for (const [tag, field, value] of dobFormats) {
  add(`fam-ga-parent-age-child-dob-${tag}`,
    `parent answers subjectAge 40 but the record holds the child's birth date (${tag}); general policy, no guardian verification: nothing personal may leave`,
    'general-ads', { name: LILY, email: EMAIL, [field]: value },
    { subjectAge: 40, consents: GA_ALL_NOGUARD },
    { noneOf: uniq([LILY, EMAIL, String(value)]), payloadKeysSubsetOf: [], subjectChild: true, subjectBasis: 'record_birth_date' });
}
const ageFormats = [
  ['sui', 'childAge', '9岁'],
  ['cn-numeral', '年龄', '九岁'],
  ['prefixed', 'age', 'age: 9'],
  ['number', 'kidAge', 9],
  ['zhousui', '孩子年龄', '9周岁'],
  ['english', 'age', '9 years old'],
  ['fullwidth', '年龄', '９岁'],
];
for (const [tag, field, value] of ageFormats) {
  add(`fam-ga-parent-age-child-age-${tag}`,
    `parent answers subjectAge 40 but the record holds the child's age (${tag}): child rules, nothing leaves without guardian verification`,
    'general-ads', { name: LILY, email: EMAIL, [field]: value },
    { subjectAge: 40, consents: GA_ALL_NOGUARD },
    { noneOf: [LILY, EMAIL], payloadKeysSubsetOf: [], subjectChild: true, subjectBasis: 'record_age' });
}
add('fam-ga-both-dobs-guardian-first', 'guardian and child birth dates both present, guardian first; the child one decides',
  'general-ads', { name: LILY, email: EMAIL, guardianBirthDate: '1987-03-02', childBirthDate: '2017-05-12' },
  { subjectAge: 39, consents: GA_ALL_NOGUARD },
  { noneOf: [LILY, EMAIL, '1987-03-02', '2017-05-12'], payloadKeysSubsetOf: [], subjectChild: true, subjectBasis: 'record_birth_date' });
add('fam-ga-both-dobs-child-first', 'child birth date first, then the parent\'s own birth date under the plain "birthDate" name',
  'general-ads', { kidDob: '2017/5/12', name: LILY, birthDate: '1987-03-02', email: EMAIL },
  { subjectAge: 39, consents: GA_ALL_NOGUARD },
  { noneOf: [LILY, EMAIL, '1987-03-02', '2017/5/12'], payloadKeysSubsetOf: [], subjectChild: true, subjectBasis: 'record_birth_date' });
add('fam-ga-dob-array', 'birth dates of the whole family in one multi-value field',
  'general-ads', { name: LILY, email: EMAIL, birthDates: ['1987-03-02', '2017-05-12'] },
  { subjectAge: 39, consents: GA_ALL_NOGUARD },
  { noneOf: [LILY, EMAIL, '2017-05-12', '1987-03-02'], payloadKeysSubsetOf: [], subjectChild: true });
add('fam-ga-parent-age-field-and-child-dob', 'the record holds the parent age 39 and the child birth date',
  'general-ads', { name: LILY, email: EMAIL, age: '39', kidBirthday: '2017年5月12日' },
  { subjectAge: 39, consents: GA_ALL_NOGUARD },
  { noneOf: [LILY, EMAIL, '2017年5月12日'], payloadKeysSubsetOf: [], subjectChild: true });
add('fam-ga-flow-adult-record-child-dob', 'the consent flow said adult but the record holds a child birth date',
  'general-ads', { name: LILY, email: EMAIL, childBirthDate: '2017-05-12' },
  { subject: 'adult', consents: GA_ALL_NOGUARD },
  { noneOf: [LILY, EMAIL, '2017-05-12'], payloadKeysSubsetOf: [], subjectChild: true, subjectBasis: 'record_birth_date' });
add('fam-ga-flow-child', 'the consent flow found a child (no age given): child rules, nothing without guardian verification',
  'general-ads', { name: LILY, email: EMAIL },
  { subject: 'child', consents: GA_ALL_NOGUARD },
  { noneOf: [LILY, EMAIL], payloadKeysSubsetOf: [], subjectChild: true, subjectBasis: 'consent_flow' });
add('fam-ga-subjectage-12-us', 'subjectAge 12 under a US policy (threshold 13) is a child',
  'general-ads', { name: LILY, email: EMAIL },
  { subjectAge: 12, consents: GA_ALL_NOGUARD },
  { noneOf: [LILY, EMAIL], payloadKeysSubsetOf: [], subjectChild: true, subjectBasis: 'subject_age' });
add('fam-ks-parent-age-child-dob-noguard', 'children policy, parent says 38, record has the child birth date, no guardian verification: nothing leaves',
  'kids-signup', { phone: PH[0], email: PARENT_EMAIL, 出生日期: '2017年5月12日' },
  { subjectAge: 38, consents: KS_NOGUARD },
  { noneOf: [PH[0], PARENT_EMAIL, '2017年5月12日'], payloadKeysSubsetOf: [], subjectChild: true, subjectBasis: 'record_birth_date' });
add('fam-ks-parent-age-child-age-noguard', 'children policy, parent says 38, the record says 九岁: nothing leaves without guardian verification',
  'kids-signup', { phone: PH[1], email: PARENT_EMAIL, 年龄: '九岁' },
  { subjectAge: 38, consents: KS_NOGUARD },
  { noneOf: [PH[1], PARENT_EMAIL], payloadKeysSubsetOf: [], subjectChild: true, subjectBasis: 'record_age' });
add('fam-ks-parent-age-child-dob-guard', 'parent says 38, record holds the child birth date; with guardian consent the data goes, but read as the child',
  'kids-signup', { phone: PH[2], birthDate: '2017/5/12' },
  { subjectAge: 38, consents: KS_FULL },
  { noneOf: [PH[2], '2017/5/12'], payloadHas: { birthDate: '2017' }, payloadHashed: ['phone'], subjectChild: true, subjectBasis: 'record_birth_date' });
add('fam-ks-child-dob-cn-generalized', 'a child birth date written 2017年5月12日 generalizes to its year',
  'kids-signup', { phone: PH[3], birthDate: '2017年5月12日' },
  { subjectAge: 9, consents: KS_FULL },
  { noneOf: [PH[3], '2017年5月12日', '5月12日'], payloadHas: { birthDate: '2017' }, payloadHashed: ['phone'], subjectChild: true });
add('fam-ks-parent-own-dob-adult', 'parent (40) enrols themself with their own birth date under a children policy: adult rules, data goes without a guardian',
  'kids-signup', { phone: PH[4], email: PARENT_EMAIL, birthDate: '1986-03-02' },
  { subjectAge: 40, consents: KS_NOGUARD },
  { noneOf: [PH[4], '1986-03-02'], payloadHas: { email: PARENT_EMAIL, birthDate: '1986' }, payloadHashed: ['phone'], subjectChild: false, subjectBasis: 'subject_age' });
add('fam-ks-age-14-is-adult', 'subjectAge 14 is not below the CN threshold (14): adult rules under a children policy',
  'kids-signup', { phone: PH[5], email: PARENT_EMAIL, birthDate: '2012-03-01' },
  { subjectAge: 14, consents: KS_NOGUARD },
  { noneOf: [PH[5], '2012-03-01'], payloadHas: { email: PARENT_EMAIL, birthDate: '2012' }, payloadHashed: ['phone'], subjectChild: false, subjectBasis: 'subject_age' });
add('fam-ks-age-13-is-child', 'subjectAge 13 is below the CN threshold: no guardian verification, nothing leaves',
  'kids-signup', { phone: PH[5], email: PARENT_EMAIL },
  { subjectAge: 13, consents: KS_NOGUARD },
  { noneOf: [PH[5], PARENT_EMAIL], payloadKeysSubsetOf: [], subjectChild: true, subjectBasis: 'subject_age' });
add('fam-ga-adult-own-dob', 'adult gives only their own birth date under a general policy: adult rules, name kept',
  'general-ads', { name: 'John Smith', guardianBirthDate: '1987-03-02' },
  { subjectAge: 39, consents: GA_ACCOUNT },
  { noneOf: ['1987-03-02'], payloadHas: { name: 'John Smith' }, subjectChild: false, subjectBasis: 'subject_age' });
add('fam-ga-adult-age-field', 'adult whose record holds their own age 38: adult rules',
  'general-ads', { name: 'John Smith', age: '38' },
  { subjectAge: 38, consents: GA_ACCOUNT },
  { payloadHas: { name: 'John Smith' }, subjectChild: false });
add('fam-ga-age-13-boundary', 'subjectAge 13 is not below the US threshold 13: adult, name kept',
  'general-ads', { name: 'John Smith', email: 'John.Smith@Example.com' },
  { subjectAge: 13, consents: GA_ACCOUNT },
  { noneOf: ['John.Smith@Example.com', 'john.smith@example.com'], payloadHas: { name: 'John Smith' }, payloadHashed: ['email'], subjectChild: false });
add('fam-ga-flow-adult', 'the consent flow found an adult, no age: adult rules, basis consent_flow',
  'general-ads', { name: 'John Smith' },
  { subject: 'adult', consents: GA_ACCOUNT },
  { payloadHas: { name: 'John Smith' }, subjectChild: false, subjectBasis: 'consent_flow' });
add('fam-ks-subjectage-beats-flow-adult', 'subjectAge 9 and subject adult: subjectAge is what counts (child)',
  'kids-signup', { phone: PH[6], email: PARENT_EMAIL },
  { subjectAge: 9, subject: 'adult', consents: KS_NOGUARD },
  { noneOf: [PH[6], PARENT_EMAIL], payloadKeysSubsetOf: [], subjectChild: true, subjectBasis: 'subject_age' });
add('fam-ks-audience-default-child', 'no age, no subject: a children policy means a child',
  'kids-signup', { phone: PH[7], email: PARENT_EMAIL },
  { consents: KS_FULL },
  { noneOf: [PH[7]], payloadHashed: ['phone'], payloadHas: { email: PARENT_EMAIL }, subjectChild: true, subjectBasis: 'audience' });
add('fam-mixed-audience-default-child', 'no age, no subject under a mixed policy: a child, nothing without guardian verification',
  CARE_MIXED, { phone: PH[0], remark: '周末有空' },
  { consents: { ...CARE_FULL, guardianVerified: false } },
  { noneOf: [PH[0], '周末有空'], payloadKeysSubsetOf: [], subjectChild: true, subjectBasis: 'audience' });
add('fam-mixed-flow-adult', 'mixed policy, consent flow found an adult: adult rules, phone hashed, remark kept',
  CARE_MIXED, { phone: PH[1], remark: 'please call after 6pm' },
  { subject: 'adult', consents: { ...CARE_FULL, guardianVerified: false } },
  { noneOf: [PH[1]], payloadHashed: ['phone'], payloadHas: { remark: 'please call after 6pm' }, subjectChild: false, subjectBasis: 'consent_flow' });

// unreadable / future birth dates and ages under children and mixed policies
const unreadable = [
  ['words', 'birthDate', '不记得了', 'unreadable_age'],
  ['feb-30', 'birthDate', '2017-02-30', 'unreadable_age'],
  ['month-13', '出生日期', '2017-13-01', 'unreadable_age'],
  ['vague', 'birthday', '去年春天', 'unreadable_age'],
  ['zeros', 'dob', '00/00/0000', 'unreadable_age'],
  ['age-words', 'age', '不告诉你', 'unreadable_age'],
  ['future', 'birthDate', '2031-05-12', undefined],
];
for (const [tag, field, value, basis] of unreadable) {
  add(`fam-ks-unreadable-dob-${tag}`,
    `parent says 40 but the record's ${field} is unreadable/future (${tag}) under a children policy: read as a child, nothing leaves without guardian`,
    'kids-signup', { [field]: value, phone: PH[2], email: PARENT_EMAIL },
    { subjectAge: 40, consents: KS_NOGUARD },
    { noneOf: uniq([PH[2], PARENT_EMAIL, value]), payloadKeysSubsetOf: [], subjectChild: true, ...(basis ? { subjectBasis: basis } : {}) });
}
add('fam-mixed-unreadable-dob', 'mixed policy, parent says 40, birth date "??": read as a child',
  CARE_MIXED, { birthDate: '??', phone: PH[3], remark: '孩子喜欢游泳' },
  { subjectAge: 40, consents: { ...CARE_FULL, guardianVerified: false } },
  { noneOf: [PH[3], '孩子喜欢游泳'], payloadKeysSubsetOf: [], subjectChild: true, subjectBasis: 'unreadable_age' });
add('fam-ga-unreadable-dob-general-adult', 'general policy: an unreadable birth date does not make an adult a child (only children/mixed policies do)',
  'general-ads', { name: 'John Smith', birthDate: '不详' },
  { subjectAge: 30, consents: GA_ACCOUNT },
  { noneOf: ['不详'], payloadHas: { name: 'John Smith' }, subjectChild: false, subjectBasis: 'subject_age' });

// =====================================================================================
// B. Obfuscated phones
// =====================================================================================
const phoneVariants = (p) => [
  ['fullwidth', fullwidth(p), true],
  ['fullwidth-ideographic-space', fullwidth(groups(p, ' ')), true],
  ['nbsp', groups(p, '\u00a0'), true],
  ['narrow-nbsp', groups(p, '\u202f'), true],
  ['zwsp', between(p, '\u200b'), true],
  ['zwj', groups(p, '\u200d'), true],
  ['zwnj-bom', `${p.slice(0, 3)}\ufeff${p.slice(3, 7)}\u200c${p.slice(7)}`, true],
  ['word-joiner', groups(p, '\u2060'), true],
  ['soft-hyphen', groups(p, '\u00ad'), false],
  ['cn-numerals', cnNum(p), true],
  ['cn-yao', cnYao(p), false],
  ['cn-capital', cnCapital(p), false],
  ['cn-mixed', p.slice(0, 3) + cnNum(p.slice(3, 7)) + p.slice(7), true],
  ['circled', circled(p), false],
  ['dotted', groups(p, '.'), true],
  ['slashed', groups(p, '/'), true],
  ['underscores', groups(p, '_'), false],
  ['fullwidth-hyphen', groups(p, '－'), true],
  ['en-dash', groups(p, '\u2013'), false],
  ['interpunct', groups(p, '·'), false],
  ['arabic-indic', arabicIndic(p), true],
  ['persian', persian(p), true],
  ['devanagari', devanagari(p), true],
  ['mixed-scripts', mixedScripts(p), true],
  ['math-bold', mathBold(p), false],
  ['keycap-emoji', keycap(p), false],
  ['plus86-dashes', `+86-${groups(p, '-')}`, true],
  ['0086-spaces', `0086 ${groups(p, ' ')}`, true],
  ['spaced-digits', between(p, ' '), true],
  ['parenthesised', `(${p.slice(0, 3)}) ${p.slice(3, 7)}-${p.slice(7)}`, true],
];
const listedFold = (listed) => (listed ? '' : ' (beyond the README fold list)');

// B1. in kids-signup's "email" field (a field rule keeps it raw): the phone reading must win
let i = 0;
for (const [tag, v, listed] of phoneVariants(PH[0]).filter(([t]) => ['fullwidth', 'nbsp', 'zwsp', 'cn-numerals', 'dotted', 'slashed', 'arabic-indic', 'devanagari', 'mixed-scripts', 'circled', 'soft-hyphen', 'cn-yao'].includes(t))) {
  const p = PH[i++ % PH.length];
  const val = phoneVariants(p).find(([t]) => t === tag)[1];
  add(`obf-ks-email-field-phone-${tag}`,
    `a child's phone (${tag}) typed into the kept "email" field: the phone rule (hash) is stricter than keep${listedFold(listed)}`,
    'kids-signup', { email: val, birthDate: '2017-05-12' },
    { subjectAge: 9, consents: KS_FULL },
    { noneOf: uniq([val, p, groups(p, ' ')]) });
}
// Corrected after the first run: the README now says the value's rule applies for the purposes
// both rules share; "email" is for notices, phones for enrolment, so nothing is sent.
add('obf-ks-email-field-phone-plain-dropped', 'a plain phone in the kept "email" field: the phone rule shares no purpose with it, dropped',
  'kids-signup', { email: PH[1] },
  { subjectAge: 9, consents: KS_FULL },
  { noneOf: [PH[1]], payloadLacks: ['email'], reportReasonCodes: { email: 'value_category_stricter' } });

// B2. in a child's remark kept raw by a careless policy
i = 0;
for (const [tag, v, listed] of phoneVariants(PH[0])) {
  const p = PH[i++ % PH.length];
  const val = phoneVariants(p).find(([t]) => t === tag)[1];
  const text = `有事请打我妈妈电话${val}，谢谢`;
  add(`obf-care-remark-phone-${tag}`,
    `mother's phone (${tag}) inside a child's free-text remark that the policy keeps raw: the phone must not leave raw${listedFold(listed)}`,
    CARE_KIDS, { remark: text, favoriteAnimal: '熊猫' },
    { subjectAge: 9, consents: CARE_FULL },
    { noneOf: uniq([val, p, text]), payloadHas: { favoriteAnimal: '熊猫' } });
}
add('obf-care-remark-phone-in-tel-link', 'phone inside an HTML tel: link in a remark',
  CARE_KIDS, { remark: `<a href="tel:${PH[2]}">打给我</a>` },
  { subjectAge: 9, consents: CARE_FULL }, { noneOf: [PH[2]] });
add('obf-care-remark-phone-in-wa-url', 'phone inside a wa.me URL with country code (beyond the README fold list)',
  CARE_KIDS, { remark: `加我 https://wa.me/86${PH[3]}` },
  { subjectAge: 9, consents: CARE_FULL }, { noneOf: [PH[3], `86${PH[3]}`] });
add('obf-care-remark-phone-json', 'phone inside a JSON string pasted in a remark',
  CARE_KIDS, { remark: `{"phone":"${PH[4]}"}` },
  { subjectAge: 9, consents: CARE_FULL }, { noneOf: [PH[4]] });
add('obf-care-remark-english-sentence', 'English sentence with a spaced phone',
  CARE_KIDS, { remark: `Please text my dad on 186 1234 5678 if I am late` },
  { subjectAge: 9, consents: CARE_FULL }, { noneOf: ['186 1234 5678', '18612345678'] });

// B3. adult's free text under a general careless policy: the phone rule still hashes
for (const [tag, val, p] of [
  ['plain', `call me on ${PH[5]}`, PH[5]],
  ['fullwidth', `电话：${fullwidth(PH[6])}`, PH[6]],
  ['nbsp', `tel ${groups(PH[7], '\u00a0')} evenings`, PH[7]],
  ['cn-numerals', `我的手机${cnNum(PH[0])}`, PH[0]],
]) {
  add(`obf-care-adult-remark-phone-${tag}`, `an adult's remark kept raw by policy, with a phone (${tag}): the phone rule hashes phones, so no raw phone`,
    CARE_GENERAL, { remark: val },
    { subjectAge: 35, consents: CARE_FULL },
    { noneOf: uniq([val, p, fullwidth(p), cnNum(p)]) });
}

// =====================================================================================
// C. Obfuscated IDs, cards, e-mails inside text and fields
// =====================================================================================
const idVariants = [
  ['plain', ID_CHILD],
  ['fullwidth', fullwidth(ID_CHILD)],
  ['spaced', `${ID_CHILD.slice(0, 6)} ${ID_CHILD.slice(6, 14)} ${ID_CHILD.slice(14)}`],
  ['dashed', `${ID_CHILD.slice(0, 6)}-${ID_CHILD.slice(6, 14)}-${ID_CHILD.slice(14)}`],
  ['zwsp', between(ID_CHILD, '\u200b')],
  ['cn-numerals', cnNum(ID_CHILD)],
  ['x-lowercase', ID_X.toLowerCase()],
  ['x-fullwidth', fullwidth(ID_X)],
  ['arabic-indic', arabicIndic(ID_CHILD2)],
];
for (const [tag, v] of idVariants) {
  const plain = tag.startsWith('x-') ? ID_X : tag === 'arabic-indic' ? ID_CHILD2 : ID_CHILD;
  add(`obf-care-remark-id-${tag}`, `child's resident ID (${tag}) inside a remark kept raw by policy`,
    CARE_KIDS, { remark: `孩子身份证号${v}，请核对` },
    { subjectAge: 9, consents: CARE_FULL },
    { noneOf: uniq([v, plain, plain.toLowerCase()]) });
}
const cardVariants = [
  ['spaced', CARD_UP.replace(/(\d{4})(?=\d)/g, '$1 '), CARD_UP],
  ['plain19', CARD_UP19, CARD_UP19],
  ['fullwidth', fullwidth(CARD_UP), CARD_UP],
  ['dashed-visa', CARD_VISA.replace(/(\d{4})(?=\d)/g, '$1-'), CARD_VISA],
  ['nbsp', CARD_UP.replace(/(\d{4})(?=\d)/g, '$1\u00a0'), CARD_UP],
];
for (const [tag, v, plain] of cardVariants) {
  add(`obf-care-remark-card-${tag}`, `parent's bank card (${tag}) inside a remark kept raw; the policy has no bank_account rule`,
    CARE_KIDS, { remark: `学费从这张卡扣：${v}` },
    { subjectAge: 9, consents: CARE_FULL },
    { noneOf: uniq([v, plain]) });
}
const emailVariants = [
  ['plain', EMAIL, EMAIL, true],
  ['uppercase', EMAIL.toUpperCase(), EMAIL, true],
  ['plus-tag', 'lily.chen+camp@example.com', 'lily.chen+camp@example.com', true],
  ['zwsp', 'lily\u200b.chen@exam\u200bple.com', EMAIL, true],
  ['fullwidth-at', 'lily.chen＠example.com', EMAIL, false],
  ['at-dot-words', 'lily.chen [at] example [dot] com', EMAIL, false],
];
for (const [tag, v, plain, listed] of emailVariants) {
  add(`obf-care-remark-email-${tag}`, `child's e-mail (${tag}) inside a remark kept raw; the email rule hashes${listedFold(listed)}`,
    CARE_KIDS, { remark: `我的邮箱是 ${v} 欢迎来信` },
    { subjectAge: 9, consents: CARE_FULL },
    { noneOf: uniq([v, plain, plain.toUpperCase()]) });
}
add('obf-care-remark-coordinates', 'precise home coordinates inside a remark; no precise_location rule',
  CARE_KIDS, { remark: '我家在 31.230416, 121.473701 旁边' },
  { subjectAge: 9, consents: CARE_FULL }, { noneOf: ['31.230416', '121.473701'] });
add('obf-care-remark-ip', 'an IP address inside a remark; no ip_address rule',
  CARE_KIDS, { remark: '家里路由器 IP 是 223.104.63.17' },
  { subjectAge: 9, consents: CARE_FULL }, { noneOf: ['223.104.63.17'] });
add('obf-care-remark-all-in-one', 'a parent pastes everything into the remark',
  CARE_KIDS, { remark: `王小明，身份证${ID_CHILD}，妈妈${PH[0]}，邮箱${EMAIL}，卡号${CARD_UP}` },
  { subjectAge: 9, consents: CARE_FULL }, { noneOf: [ID_CHILD, PH[0], EMAIL, CARD_UP] });
add('obf-care-adult-remark-id', 'an adult\'s own resident ID inside a remark kept raw',
  CARE_GENERAL, { remark: `本人身份证 ${ID_ADULT}` },
  { subjectAge: 39, consents: CARE_FULL }, { noneOf: [ID_ADULT] });
add('obf-care-adult-remark-email', 'an adult\'s e-mail inside a remark kept raw',
  CARE_GENERAL, { remark: `write to ${PARENT_EMAIL} please` },
  { subjectAge: 39, consents: CARE_FULL }, { noneOf: [PARENT_EMAIL] });

// =====================================================================================
// D. "Non-personal" fields holding personal data (careless policy keeps non_personal raw)
// =====================================================================================
const np = [
  ['quantity-fullwidth-phone', { quantity: fullwidth(PH[0]) }, [fullwidth(PH[0]), PH[0]]],
  ['shuliang-number-phone', { 数量: Number(PH[1]) }, [PH[1]]],
  ['quantity-number-phone', { quantity: Number(PH[2]) }, [PH[2]]],
  ['dingdanhao-valid-id', { 订单号: ID_CHILD }, [ID_CHILD]],
  ['dingdanhao-phone', { 订单号: PH[3] }, [PH[3]]],
  ['productid-sku-phone', { productId: `SKU-${PH[4]}` }, [PH[4]]],
  ['captcha-spaced-phone', { captcha: groups(PH[5], ' ') }, [PH[5], groups(PH[5], ' ')]],
  ['orderno-card', { orderNo: CARD_UP }, [CARD_UP]],
  ['tracking-cn-numerals-phone', { trackingNumber: cnNum(PH[6]) }, [cnNum(PH[6]), PH[6]]],
  ['orderno-email', { orderNo: EMAIL }, [EMAIL]],
  ['productid-nbsp-phone', { productId: groups(PH[7], '\u00a0') }, [groups(PH[7], '\u00a0'), PH[7]]],
  ['quantity-id-x-lower', { quantity: ID_X.toLowerCase() }, [ID_X, ID_X.toLowerCase()]],
];
for (const [tag, record, none] of np) {
  add(`np-care-${tag}`, `personal data in a "non-personal" field that the policy keeps raw (${tag}): the stricter reading wins`,
    CARE_KIDS, { ...record, companyName: '示例科技有限公司' },
    { subjectAge: 9, consents: CARE_FULL },
    { noneOf: none, payloadHas: { companyName: '示例科技有限公司' } });
}
// positives: real non-personal values must pass
add('np-care-quantity-number-kept', 'a real quantity stays a number and is sent',
  CARE_KIDS, { quantity: 2, phone: PH[0] },
  { subjectAge: 9, consents: CARE_FULL },
  { noneOf: [PH[0]], payloadHas: { quantity: 2 }, payloadHashed: ['phone'] });
add('np-care-shuliang-kept', '数量 "3" is non-personal and kept as given',
  CARE_KIDS, { 数量: '3' }, { subjectAge: 9, consents: CARE_FULL }, { payloadHas: { 数量: '3' } });
add('np-care-order-18-lookalike-kept', 'an 18-digit order number that does not validate as an ID is not an ID (PRODUCT: look-alikes not over-flagged)',
  CARE_KIDS, { 订单号: ORDER18 }, { subjectAge: 9, consents: CARE_FULL }, { payloadHas: { 订单号: ORDER18 } });
add('np-care-captcha-kept', 'a captcha answer is non-personal',
  CARE_KIDS, { captcha: 'x7Kp' }, { subjectAge: 9, consents: CARE_FULL }, { payloadHas: { captcha: 'x7Kp' } });
add('np-care-tracking-kept', 'a courier tracking number is non-personal',
  CARE_KIDS, { trackingNumber: TRACKING }, { subjectAge: 9, consents: CARE_FULL }, { payloadHas: { trackingNumber: TRACKING } });
add('np-care-company-kept-adult', 'adult: a company name is non-personal and kept',
  CARE_GENERAL, { companyName: '示例科技有限公司', quantity: 5 }, { subjectAge: 35, consents: CARE_FULL },
  { payloadHas: { companyName: '示例科技有限公司', quantity: 5 } });

// =====================================================================================
// E. Rule confusion (field rule vs category rule; masks; generalizations)
// =====================================================================================
add('rule-fieldkeep-phone-category-hash', 'favoriteAnimal (kept by a field rule) holds a phone; the phone category hashes: the hash wins',
  CARE_KIDS, { favoriteAnimal: PH[0] }, { subjectAge: 9, consents: CARE_FULL },
  { noneOf: [PH[0]], payloadHashed: ['favoriteAnimal'] });
add('rule-fieldkeep-phone-category-mask', 'favoriteAnimal (kept by a field rule) holds a phone; the phone category masks: masked',
  MASK_KIDS, { favoriteAnimal: PH[0] }, { subjectAge: 9, consents: CARE_FULL },
  { noneOf: [PH[0]], payloadHas: { favoriteAnimal: MASK(PH[0]) } });
add('rule-fieldkeep-fullwidth-phone-category-mask', 'as above with full-width digits: folded, then masked in the fixed shape',
  MASK_KIDS, { favoriteAnimal: fullwidth(PH[1]) }, { subjectAge: 9, consents: CARE_FULL },
  { noneOf: [PH[1], fullwidth(PH[1])], payloadHas: { favoriteAnimal: MASK(PH[1]) } });
add('rule-fieldkeep-phone-no-category-rule', 'favoriteAnimal kept by field rule holds a phone; no phone rule: dropped (value_category_stricter)',
  NORULE_KIDS, { favoriteAnimal: PH[2], quantity: 1 }, { subjectAge: 9, consents: CARE_FULL },
  { noneOf: [PH[2]], payloadLacks: ['favoriteAnimal'], payloadHas: { quantity: 1 }, reportReasonCodes: { favoriteAnimal: 'value_category_stricter' } });
add('rule-fieldkeep-fullwidth-phone-no-rule', 'same with full-width digits',
  NORULE_KIDS, { favoriteAnimal: fullwidth(PH[3]) }, { subjectAge: 9, consents: CARE_FULL },
  { noneOf: [PH[3], fullwidth(PH[3])], payloadLacks: ['favoriteAnimal'] });
add('rule-fieldkeep-cn-numeral-phone-no-rule', 'same with Chinese numerals',
  NORULE_KIDS, { favoriteAnimal: cnNum(PH[4]) }, { subjectAge: 9, consents: CARE_FULL },
  { noneOf: [PH[4], cnNum(PH[4])], payloadLacks: ['favoriteAnimal'] });
add('rule-fieldkeep-id-category-hash', 'favoriteAnimal (kept) holds a resident ID; national_id hashes',
  CARE_KIDS, { favoriteAnimal: ID_CHILD }, { subjectAge: 9, consents: CARE_FULL }, { noneOf: [ID_CHILD] });
add('rule-fieldkeep-email-category-hash', 'nickname (kept by field rule) holds an e-mail; the email category hashes',
  CARE_KIDS, { nickname: EMAIL }, { subjectAge: 9, consents: CARE_FULL }, { noneOf: [EMAIL] });
add('rule-fieldkeep-card-no-rule', 'couponCode (kept by field rule) holds a bank card; no bank_account rule: dropped',
  CARE_KIDS, { couponCode: CARD_UP }, { subjectAge: 9, consents: CARE_FULL },
  { noneOf: [CARD_UP], payloadLacks: ['couponCode'], reportReasonCodes: { couponCode: 'value_category_stricter' } });
add('rule-fieldkeep-plain-value-kept', 'favoriteAnimal kept by field rule with a real answer is sent as given',
  CARE_KIDS, { favoriteAnimal: '熊猫', phone: PH[5] }, { subjectAge: 9, consents: CARE_FULL },
  { noneOf: [PH[5]], payloadHas: { favoriteAnimal: '熊猫' }, payloadHashed: ['phone'] });
add('rule-ks-email-field-holds-card', 'kids-signup keeps "email" raw; it holds a card: no bank_account rule, dropped',
  'kids-signup', { email: CARD_VISA }, { subjectAge: 9, consents: KS_FULL },
  { noneOf: [CARD_VISA], payloadLacks: ['email'], reportReasonCodes: { email: 'value_category_stricter' } });
add('rule-ks-email-field-holds-id', 'kids-signup keeps "email" raw; it holds a resident ID: no national_id rule, dropped',
  'kids-signup', { email: ID_CHILD }, { subjectAge: 9, consents: KS_FULL },
  { noneOf: [ID_CHILD], payloadLacks: ['email'], reportReasonCodes: { email: 'value_category_stricter' } });
add('rule-ks-email-field-email-and-phone', 'the kept email field holds an e-mail plus a phone',
  'kids-signup', { email: `${PARENT_EMAIL} ${PH[6]}` }, { subjectAge: 9, consents: KS_FULL }, { noneOf: [PH[6]] });
add('rule-ks-birthdate-holds-phone', 'birthDate (generalize) holds a phone (hash): two different transforms, dropped',
  'kids-signup', { birthDate: PH[7] }, { subjectAge: 9, consents: KS_FULL },
  { noneOf: [PH[7]], payloadLacks: ['birthDate'], reportReasonCodes: { birthDate: 'value_category_stricter' } });
add('rule-ks-birthdate-with-phone-text', 'a birth date followed by a phone in the same value',
  'kids-signup', { birthDate: `2017-05-12 ${PH[0]}` }, { subjectAge: 9, consents: KS_FULL }, { noneOf: [PH[0], '2017-05-12'] });
add('rule-ks-birthdate-iso-datetime', 'a birth date with a time and zone generalizes to the year at most',
  'kids-signup', { birthDate: '2017-05-12T08:30:00+08:00' }, { subjectAge: 9, consents: KS_FULL },
  { noneOf: ['2017-05-12', '08:30'] });
add('rule-ks-birthdate-number', 'a birth date given as the number 20170512',
  'kids-signup', { birthDate: 20170512 }, { subjectAge: 9, consents: KS_FULL }, { noneOf: ['20170512'] });
add('rule-ks-guardianphone-name-and-phone', 'mask rule on "Wang Xiaoming 13912345678": not a phone to mask, dropped (README example)',
  'kids-signup', { guardianPhone: `Wang Xiaoming ${PH[0]}` }, { subjectAge: 9, consents: KS_FULL },
  { noneOf: [PH[0], 'Wang Xiaoming', 'Xiaoming'], payloadLacks: ['guardianPhone'] });
add('rule-ks-guardianphone-chinese-name-and-phone', 'mask rule on "王小明爸爸 139…": dropped',
  'kids-signup', { guardianPhone: `王小明爸爸 ${PH[1]}` }, { subjectAge: 9, consents: KS_FULL },
  { noneOf: [PH[1], '王小明'], payloadLacks: ['guardianPhone'] });
add('rule-ks-guardianphone-two-phones', 'mask rule on two phones in one value: not one phone, dropped',
  'kids-signup', { guardianPhone: `${PH[2]} / ${PH[3]}` }, { subjectAge: 9, consents: KS_FULL },
  { noneOf: [PH[2], PH[3]], payloadLacks: ['guardianPhone'] });
add('rule-ks-guardianphone-holds-id', 'mask rule (phone) on a resident ID: no national_id rule, nothing raw',
  'kids-signup', { guardianPhone: ID_ADULT }, { subjectAge: 9, consents: KS_FULL },
  { noneOf: [ID_ADULT], payloadLacks: ['guardianPhone'] });
add('rule-ks-guardianphone-holds-email', 'mask rule (phone) on an e-mail',
  'kids-signup', { guardianPhone: PARENT_EMAIL }, { subjectAge: 9, consents: KS_FULL }, { noneOf: [PARENT_EMAIL] });
add('rule-ks-guardianphone-landline', 'mask rule on a Beijing landline',
  'kids-signup', { guardianPhone: '010-62751234' }, { subjectAge: 9, consents: KS_FULL }, { noneOf: ['010-62751234', '01062751234', '62751234'] });
add('rule-ks-guardianphone-us-number', 'mask rule on a US number',
  'kids-signup', { guardianPhone: '+1 415-555-2671' }, { subjectAge: 9, consents: KS_FULL }, { noneOf: ['415-555-2671', '4155552671'] });
add('rule-kc-name-with-phone', 'mask rule (name) on a name plus a phone',
  'kids-camp', { name: `王小明 ${PH[4]}` }, { subjectAge: 9, consents: KC_BASE }, { noneOf: [PH[4], '王小明', '小明'] });
add('rule-kc-name-with-details', 'mask rule (name) on a name with gender and age in brackets',
  'kids-camp', { name: '王小明（男，9岁）' }, { subjectAge: 9, consents: KC_BASE }, { noneOf: ['王小明', '小明'] });
add('rule-kc-name-english', 'mask rule (name) on a romanised name',
  'kids-camp', { name: 'Wang Xiaoming' }, { subjectAge: 9, consents: KC_BASE }, { noneOf: ['Wang Xiaoming', 'Xiaoming'] });
add('rule-kc-address-with-phone', 'generalize-to-region on an address that also holds a phone',
  'kids-camp', { address: `上海市浦东新区张江路188弄3号402室 电话${PH[5]}` }, { subjectAge: 9, consents: KC_BASE },
  { noneOf: [PH[5], '张江路188弄', '402室'] });
add('rule-kc-address-holds-id', 'generalize-to-region on a resident ID typed into address',
  'kids-camp', { address: ID_CHILD2 }, { subjectAge: 9, consents: KC_FULL }, { noneOf: [ID_CHILD2], payloadLacks: ['address'] });
add('rule-kc-health-with-phone', 'health (kept) text that also holds an emergency phone (hashed category)',
  'kids-camp', { allergies: `花生过敏，急救联系${PH[6]}` }, { subjectAge: 9, consents: KC_FULL }, { noneOf: [PH[6]] });
add('rule-kc-guardianemail-holds-phone', 'guardianEmail (kept by field rule) holds a phone; phone rule hashes',
  'kids-camp', { guardianEmail: PH[7] }, { subjectAge: 9, consents: KC_FULL }, { noneOf: [PH[7]] });
add('rule-kc-guardianemail-holds-id', 'guardianEmail (kept by field rule) holds a resident ID; national_id rule hashes',
  'kids-camp', { guardianEmail: ID_CHILD2 }, { subjectAge: 9, consents: KC_FULL }, { noneOf: [ID_CHILD2] });
add('rule-ga-name-with-phone', 'adult: name (kept) with a phone appended; no phone rule',
  'general-ads', { name: 'John Smith 415-555-2671' }, { subjectAge: 35, consents: GA_ACCOUNT }, { noneOf: ['415-555-2671', '4155552671'] });
add('rule-ga-name-holds-email', 'adult: name (kept) holds an e-mail; email hashes',
  'general-ads', { name: 'john.smith@example.com' }, { subjectAge: 35, consents: GA_ACCOUNT }, { noneOf: ['john.smith@example.com'] });
add('rule-ga-name-holds-card', 'adult: name (kept) holds a card; no bank_account rule',
  'general-ads', { name: CARD_VISA }, { subjectAge: 35, consents: GA_ACCOUNT },
  { noneOf: [CARD_VISA], payloadLacks: ['name'], reportReasonCodes: { name: 'value_category_stricter' } });

// =====================================================================================
// F. Masks, generalizations, hashes that must go (positives)
// =====================================================================================
for (const [tag, v, listed] of phoneVariants(PH[0]).filter(([t]) => ['fullwidth', 'nbsp', 'zwsp', 'cn-numerals', 'dotted', 'slashed', 'arabic-indic', 'fullwidth-ideographic-space'].includes(t))) {
  add(`mask-ks-guardianphone-${tag}`, `guardian phone (${tag}) masks to the fixed shape from the folded value`,
    'kids-signup', { guardianPhone: v }, { subjectAge: 9, consents: KS_FULL },
    { noneOf: uniq([v, PH[0]]), payloadHas: { guardianPhone: MASK(PH[0]) } });
}
add('mask-ks-guardianphone-spaces', 'guardian phone with ordinary spaces: 139****5678 whatever the spacing',
  'kids-signup', { guardianPhone: '139 1234 5678' }, { subjectAge: 9, consents: KS_FULL },
  { noneOf: ['139 1234 5678', PH[0]], payloadHas: { guardianPhone: '139****5678' } });
// Corrected after the first run: the README now says the whole family name is kept (欧阳**),
// the China display convention; the given name never shows, whatever its length.
add('mask-kc-name-compound-surname', '欧阳娜娜 masks to the family name and a fixed ** (README: 王**, 欧阳**)',
  'kids-camp', { name: '欧阳娜娜' }, { subjectAge: 9, consents: KC_BASE },
  { noneOf: ['欧阳娜娜', '阳娜娜', '娜娜'], payloadHas: { name: '欧阳**' } });
add('mask-kc-xm-pinyin', 'pinyin field name xm (姓名) masks',
  'kids-camp', { xm: '李华' }, { subjectAge: 9, consents: KC_BASE },
  { noneOf: ['李华'], payloadHas: { xm: '李**' } });
add('mask-kc-child-full', 'a whole kids-camp record with every consent: mask, year, hash, keep, region',
  'kids-camp', { name: '王小明', birthDate: '2016-08-03', phone: PH[1], allergies: '花生过敏', address: '上海市浦东新区张江路188弄3号402室', guardianEmail: PARENT_EMAIL },
  { subjectAge: 10, consents: KC_FULL },
  { noneOf: ['王小明', '2016-08-03', PH[1], '张江路188弄', '402室'], payloadHas: { name: '王**', birthDate: '2016', allergies: '花生过敏', guardianEmail: PARENT_EMAIL },
    payloadHashed: ['phone'], payloadHasKeys: ['address'], payloadKeysSubsetOf: ['name', 'birthDate', 'phone', 'allergies', 'address', 'guardianEmail'], subjectChild: true, reportOneEntryPerField: true });
add('hash-kc-sfzh-case-normalized', 'resident ID with x and X hashes the same (IDs upper-cased before hashing)',
  'kids-camp', { sfzh: ID_X.toLowerCase(), idNumber: ID_X }, { subjectAge: 9, consents: KC_FULL },
  { noneOf: [ID_X, ID_X.toLowerCase()], payloadHashed: ['sfzh', 'idNumber'], payloadEqual: [['sfzh', 'idNumber']] });
add('hash-kc-gps-geohash6', 'child GPS with precise_location consent goes as a 6-char geohash',
  'kids-camp', { gpsLocation: '31.230416,121.473701' }, { subjectAge: 9, consents: KC_FULL },
  { noneOf: ['31.230416', '121.473701'], payloadMatches: { gpsLocation: '^[0-9b-hjkmnp-z]{6}$' } });
add('hash-ks-phones-normalized-equal', 'the same phone under three spellings hashes the same (E.164 before hashing)',
  'kids-signup', { phone: PH[0], mobile: `+86 ${groups(PH[0], '-')}`, lxdh: groups(PH[0], ' ') }, { subjectAge: 9, consents: KS_FULL },
  { noneOf: [PH[0], groups(PH[0], '-'), groups(PH[0], ' ')], payloadHashed: ['phone', 'mobile', 'lxdh'], payloadEqual: [['phone', 'mobile'], ['phone', 'lxdh']], reportOneEntryPerField: true });
add('hash-ks-phone-fullwidth-equal', 'a full-width phone hashes the same as its ASCII form (folded, then E.164)',
  'kids-signup', { phone: PH[2], mobile: fullwidth(PH[2]) }, { subjectAge: 9, consents: KS_FULL },
  { noneOf: [PH[2], fullwidth(PH[2])], payloadHashed: ['phone', 'mobile'], payloadEqual: [['phone', 'mobile']] });
add('hash-ks-phone-number-type', 'a phone given as a number is hashed to text',
  'kids-signup', { phone: Number(PH[3]) }, { subjectAge: 9, consents: KS_FULL },
  { noneOf: [PH[3]], payloadHashed: ['phone'] });
add('hash-ks-lxdh-pinyin', 'pinyin field name lxdh (联系电话) is a phone and is hashed',
  'kids-signup', { lxdh: PH[4] }, { subjectAge: 9, consents: KS_FULL }, { noneOf: [PH[4]], payloadHashed: ['lxdh'] });
add('hash-ga-email-normalized-equal', 'adult: e-mail trimmed and lower-cased before hashing; both fields hash the same',
  'general-ads', { email: '  John.Smith@Example.COM ', contactEmail: 'john.smith@example.com', name: 'John Smith' }, { subjectAge: 35, consents: GA_ACCOUNT },
  { noneOf: ['John.Smith@Example.COM', 'john.smith@example.com'], payloadHashed: ['email', 'contactEmail'], payloadEqual: [['email', 'contactEmail']], payloadHas: { name: 'John Smith' } });
add('ga-adult-account-only', 'adult with account consent: name kept, email hashed, coordinates (ads) dropped',
  'general-ads', { name: 'John Smith', email: 'john.smith@example.com', coordinates: '37.774929,-122.419416' }, { subjectAge: 35, consents: GA_ACCOUNT },
  { noneOf: ['john.smith@example.com', '37.774929', '-122.419416'], payloadHas: { name: 'John Smith' }, payloadHashed: ['email'], payloadLacks: ['coordinates'], subjectChild: false, reportOneEntryPerField: true });
add('ga-adult-ads-geohash5', 'adult with ads and precise_location consent: coordinates go as a 5-char geohash',
  'general-ads', { name: 'John Smith', coordinates: '37.774929,-122.419416' }, { subjectAge: 35, consents: { purposes: ['account', 'ads'], sensitiveCategories: ['precise_location'] } },
  { noneOf: ['37.774929', '-122.419416'], payloadHas: { name: 'John Smith' }, payloadMatches: { coordinates: '^[0-9b-hjkmnp-z]{5}$' } });
add('ga-child-guardian-no-ads', 'child (record birth date) with guardian consent: name kept, email hashed, ads never apply',
  'general-ads', { name: LILY, email: EMAIL, coordinates: '31.230416,121.473701', childBirthDate: '2017-05-12' }, { subjectAge: 40, consents: GA_ALL_GUARD },
  { noneOf: [EMAIL, '31.230416', '121.473701', '2017-05-12'], payloadHas: { name: LILY }, payloadHashed: ['email'], payloadLacks: ['coordinates'],
    reportReasonCodes: { coordinates: 'commercial_on_child_data' }, reportPurposesExclude: { email: ['newsletter', 'ads'] }, subjectChild: true });
add('ks-child-baseline', 'the README example: a child with guardian consent, every rule of kids-signup applied',
  'kids-signup', { phone: PH[5], birthDate: '2017-05-12', guardianPhone: PH[1], email: PARENT_EMAIL, remark: '王小明想和同桌一个组' },
  { subjectAge: 9, consents: KS_FULL },
  { noneOf: [PH[5], '2017-05-12', PH[1], '王小明想和同桌一个组', '王小明'], payloadHashed: ['phone'], payloadHas: { birthDate: '2017', guardianPhone: MASK(PH[1]), email: PARENT_EMAIL },
    payloadKeysSubsetOf: ['phone', 'birthDate', 'guardianPhone', 'email'], subjectChild: true, subjectBasis: 'subject_age', reportOneEntryPerField: true,
    reportSensitivity: { remark: 'sensitive', phone: 'sensitive' } });
add('ks-child-free-text-sensitive-dropped', 'a child\'s free text is sensitive and, with no rule, dropped',
  'kids-signup', { remark: '孩子住朝阳区望京西园三区', phone: PH[6] }, { subjectAge: 9, consents: KS_FULL },
  { noneOf: ['孩子住朝阳区望京西园三区', '望京西园'], payloadLacks: ['remark'], payloadHashed: ['phone'], reportSensitivity: { remark: 'sensitive' }, reportCategories: { remark: 'free_text' } });

// =====================================================================================
// G. Consents
// =====================================================================================
const ksRec = () => ({ phone: PH[0], email: PARENT_EMAIL, birthDate: '2017-05-12' });
const ksNone = [PH[0], PARENT_EMAIL, '2017-05-12'];
add('consent-ks-missing', 'consents missing: a required purpose refuses the record',
  'kids-signup', ksRec(), { subjectAge: 9 }, { error: 'consent_required', errorPurpose: 'enrolment', noneOf: ksNone });
add('consent-ks-no-options', 'no options at all (children policy, audience): refused',
  'kids-signup', ksRec(), {}, { error: 'consent_required', errorPurpose: 'enrolment', noneOf: ksNone });
add('consent-ks-empty-object', 'consents {} are no consents',
  'kids-signup', ksRec(), { subjectAge: 9, consents: {} }, { error: 'consent_required', errorPurpose: 'enrolment', noneOf: ksNone });
add('consent-ks-empty-purposes-verified', 'guardian verified but no purpose ticked',
  'kids-signup', ksRec(), { subjectAge: 9, consents: { purposes: [], sensitiveCategories: [], guardianVerified: true } }, { error: 'consent_required', errorPurpose: 'enrolment', noneOf: ksNone });
add('consent-ks-unknown-purposes', 'consents name only purposes the policy does not declare',
  'kids-signup', ksRec(), { subjectAge: 9, consents: { purposes: ['marketing', 'ads', 'analytics'], guardianVerified: true } }, { error: 'consent_required', errorPurpose: 'enrolment', noneOf: ksNone });
add('consent-ks-case-variant', '"Enrolment" is not "enrolment"',
  'kids-signup', ksRec(), { subjectAge: 9, consents: { purposes: ['Enrolment', 'NOTICES'], guardianVerified: true } }, { error: 'consent_required', errorPurpose: 'enrolment', noneOf: ksNone });
add('consent-ks-wildcard', 'a "*" purpose is not a consent to everything',
  'kids-signup', ksRec(), { subjectAge: 9, consents: { purposes: ['*'], guardianVerified: true } }, { error: 'consent_required', errorPurpose: 'enrolment', noneOf: ksNone });
add('consent-ks-only-optional', 'only the optional purpose consented; the required one is missing',
  'kids-signup', ksRec(), { subjectAge: 9, consents: { purposes: ['notices'], guardianVerified: true } }, { error: 'consent_required', errorPurpose: 'enrolment', noneOf: ksNone });
add('consent-ks-adult-missing', 'an adult under the children policy still needs the required purpose',
  'kids-signup', ksRec(), { subjectAge: 40 }, { error: 'consent_required', errorPurpose: 'enrolment', noneOf: ksNone });
add('consent-ga-adult-missing', 'general policy, adult, no consents: the required account purpose refuses',
  'general-ads', { name: 'John Smith', email: 'john.smith@example.com' }, { subjectAge: 35 }, { error: 'consent_required', errorPurpose: 'account', noneOf: ['John Smith', 'john.smith@example.com'] });
add('consent-ga-adult-newsletter-only', 'newsletter without the required account purpose',
  'general-ads', { name: 'John Smith', email: 'john.smith@example.com' }, { subjectAge: 35, consents: { purposes: ['newsletter'] } }, { error: 'consent_required', errorPurpose: 'account', noneOf: ['John Smith', 'john.smith@example.com'] });
add('consent-kc-missing-safety', 'kids-camp needs enrolment and safety; safety missing',
  'kids-camp', { name: '王小明', phone: PH[1] }, { subjectAge: 9, consents: { purposes: ['enrolment'], guardianVerified: true } }, { error: 'consent_required', errorPurpose: 'safety', noneOf: ['王小明', PH[1]] });
add('consent-kc-id-no-sensitive', 'a resident ID in the record, needed by required enrolment, without national_id consent',
  'kids-camp', { name: '王小明', idNumber: ID_CHILD2 }, { subjectAge: 9, consents: KC_BASE },
  { error: 'consent_required', errorCategory: 'national_id', errorPurpose: 'enrolment', errorPath: 'options.consents.sensitiveCategories', noneOf: ['王小明', ID_CHILD2] });
add('consent-kc-sfzh-no-sensitive', 'the same under the pinyin field name sfzh',
  'kids-camp', { sfzh: ID_CHILD }, { subjectAge: 9, consents: KC_BASE }, { error: 'consent_required', errorCategory: 'national_id', noneOf: [ID_CHILD] });
add('consent-kc-fullwidth-id-no-sensitive', 'a full-width ID under a neutral name (value validates after folding), no national_id consent',
  'kids-camp', { 证件: fullwidth(ID_CHILD) }, { subjectAge: 9, consents: KC_BASE }, { error: 'consent_required', errorCategory: 'national_id', noneOf: [ID_CHILD, fullwidth(ID_CHILD)] });
add('consent-kc-health-no-sensitive', 'allergies (health, required safety) without health consent',
  'kids-camp', { allergies: '花生过敏' }, { subjectAge: 9, consents: { ...KC_BASE, sensitiveCategories: ['national_id'] } },
  { error: 'consent_required', errorCategory: 'health', errorPurpose: 'safety', noneOf: ['花生过敏'] });
add('consent-kc-gps-no-sensitive', 'GPS (precise_location, required safety) without its consent',
  'kids-camp', { gpsLocation: '31.230416,121.473701' }, { subjectAge: 9, consents: { ...KC_BASE, sensitiveCategories: ['health'] } },
  { error: 'consent_required', errorCategory: 'precise_location', errorPurpose: 'safety', noneOf: ['31.230416', '121.473701'] });
add('consent-kc-sensitive-wildcard', 'sensitiveCategories ["*"] is not a consent to the resident ID',
  'kids-camp', { idNumber: ID_CHILD2 }, { subjectAge: 9, consents: { ...KC_BASE, sensitiveCategories: ['*'] } }, { error: 'consent_required', errorCategory: 'national_id', noneOf: [ID_CHILD2] });
add('consent-kc-sensitive-case', 'sensitiveCategories ["National_ID"] is not national_id',
  'kids-camp', { idNumber: ID_CHILD2 }, { subjectAge: 9, consents: { ...KC_BASE, sensitiveCategories: ['National_ID', 'NATIONAL_ID'] } }, { error: 'consent_required', errorCategory: 'national_id', noneOf: [ID_CHILD2] });
add('consent-kc-adult-id-no-sensitive', 'an adult (subjectAge 40) under kids-camp still needs separate consent for the ID',
  'kids-camp', { idNumber: ID_ADULT }, { subjectAge: 40, consents: KC_BASE }, { error: 'consent_required', errorCategory: 'national_id', noneOf: [ID_ADULT] });
add('consent-sens-general-adult', 'general adult policy: required purpose needs the ID; no separate sensitive consent',
  SENS_GENERAL, { name: 'John Smith', idNumber: ID_ADULT }, { subjectAge: 39, consents: { purposes: ['verify'], sensitiveCategories: [] } },
  { error: 'consent_required', errorCategory: 'national_id', errorPurpose: 'verify', noneOf: ['John Smith', ID_ADULT] });
add('consent-sens-general-adult-granted', 'the same with national_id consent: the ID goes hashed, the name kept',
  SENS_GENERAL, { name: 'John Smith', idNumber: ID_ADULT }, { subjectAge: 39, consents: { purposes: ['verify'], sensitiveCategories: ['national_id'] } },
  { noneOf: [ID_ADULT], payloadHas: { name: 'John Smith' }, payloadHashed: ['idNumber'] });
add('consent-kc-health-granted', 'health consented: allergies kept for safety',
  'kids-camp', { allergies: '对青霉素过敏', name: '张伟' }, { subjectAge: 9, consents: { ...KC_BASE, sensitiveCategories: ['health'] } },
  { noneOf: ['张伟'], payloadHas: { allergies: '对青霉素过敏', name: '张**' } });
add('consent-kc-sfzh-granted', 'national_id consented: sfzh hashed',
  'kids-camp', { sfzh: ID_CHILD }, { subjectAge: 9, consents: KC_FULL }, { noneOf: [ID_CHILD], payloadHashed: ['sfzh'] });
add('consent-kc-photos-declined', 'photos purpose declined: guardianEmail (photos only) stays home',
  'kids-camp', { guardianEmail: PARENT_EMAIL, name: '王小明' }, { subjectAge: 9, consents: KC_BASE },
  { noneOf: [PARENT_EMAIL, '王小明'], payloadLacks: ['guardianEmail'], payloadHas: { name: '王**' } });
add('consent-kc-photos-granted', 'photos consented with a verified guardian: guardianEmail kept as given',
  'kids-camp', { guardianEmail: PARENT_EMAIL }, { subjectAge: 9, consents: { ...KC_BASE, purposes: ['enrolment', 'safety', 'photos'] } },
  { payloadHas: { guardianEmail: PARENT_EMAIL } });
add('consent-ks-notices-declined', 'optional notices declined: email (notices only) dropped, phone hashed',
  'kids-signup', { phone: PH[2], email: PARENT_EMAIL }, { subjectAge: 9, consents: { purposes: ['enrolment'], sensitiveCategories: [], guardianVerified: true } },
  { noneOf: [PH[2], PARENT_EMAIL], payloadHashed: ['phone'], payloadLacks: ['email'], reportReasonCodes: { email: 'not_consented' } });
add('consent-ks-unknown-extras-grant-nothing', 'look-alike purposes ("notices ", "NOTICES", "*") grant nothing; enrolment still works',
  'kids-signup', { phone: PH[3], email: PARENT_EMAIL }, { subjectAge: 9, consents: { purposes: ['enrolment', 'notices ', 'NOTICES', '*'], guardianVerified: true } },
  { noneOf: [PH[3], PARENT_EMAIL], payloadHashed: ['phone'], payloadLacks: ['email'] });
add('consent-ks-guardian-false', 'child, purposes consented, guardian not verified: nothing personal leaves',
  'kids-signup', ksRec(), { subjectAge: 9, consents: KS_NOGUARD }, { noneOf: ksNone, payloadKeysSubsetOf: [] });
add('consent-ks-guardian-absent', 'child, guardianVerified not given: treated as not verified',
  'kids-signup', ksRec(), { subjectAge: 9, consents: { purposes: ['enrolment', 'notices'] } }, { noneOf: ksNone, payloadKeysSubsetOf: [] });
add('consent-ks-guardian-number', 'guardianVerified: 1 is not true',
  'kids-signup', ksRec(), { subjectAge: 9, consents: { purposes: ['enrolment', 'notices'], guardianVerified: 1 } }, { noneOf: ksNone, payloadKeysSubsetOf: [], mayThrow: ['invalid_argument'] });
add('consent-ks-guardian-string', 'guardianVerified: "true" (a string) is not true',
  'kids-signup', ksRec(), { subjectAge: 9, consents: { purposes: ['enrolment', 'notices'], guardianVerified: 'true' } }, { noneOf: ksNone, payloadKeysSubsetOf: [], mayThrow: ['invalid_argument'] });
add('consent-ga-child-guardian-false-all-purposes', 'child under general policy, all purposes ticked, no guardian: nothing',
  'general-ads', { name: LILY, email: EMAIL, coordinates: '31.230416,121.473701' }, { subjectAge: 10, consents: GA_ALL_NOGUARD },
  { noneOf: [LILY, EMAIL, '31.230416'], payloadKeysSubsetOf: [] });

// =====================================================================================
// H. Unreadable fields for a child
// =====================================================================================
add('unread-care-generic-names-child', 'generic field names with free words, a child, category rules keep free text/non-personal: none released',
  CARE_KIDS, { q1: '喜欢恐龙', field_7: '每天练钢琴', answer_3: 'yes, every weekend', 'uni-input-8': '红色的那个' },
  { subjectAge: 9, consents: CARE_FULL },
  { noneOf: ['喜欢恐龙', '每天练钢琴', 'yes, every weekend', '红色的那个'], payloadKeysSubsetOf: [],
    reportReasonCodes: { q1: 'unreadable_field', field_7: 'unreadable_field' }, reportCategories: { q1: 'free_text', field_7: 'free_text' }, reportSensitivity: { q1: 'sensitive', field_7: 'sensitive' } });
add('unread-care-generic-names-pii', 'generic names holding a name, a class, a school, a phone',
  CARE_KIDS, { q1: '王小明', field_7: '三年级二班', answer_3: '朝阳区实验小学', 'uni-input-8': PH[0] },
  { subjectAge: 9, consents: CARE_FULL }, { noneOf: ['王小明', '小明', '三年级二班', '朝阳区实验小学', PH[0]] });
add('unread-care-uniapp-names', 'uni-app / Vant / Element generated names with free words',
  CARE_KIDS, { 'van-field-3': '周末去奶奶家', 'el-input-12': '住在海淀', input_0: '爸爸开出租车' },
  { subjectAge: 9, consents: CARE_FULL }, { noneOf: ['周末去奶奶家', '住在海淀', '爸爸开出租车'], payloadKeysSubsetOf: [] });
add('unread-ks-generic-names', 'kids-signup: generic names are dropped',
  'kids-signup', { q1: '喜欢恐龙', field_7: '每天练钢琴', phone: PH[1] }, { subjectAge: 9, consents: KS_FULL },
  { noneOf: ['喜欢恐龙', '每天练钢琴', PH[1]], payloadLacks: ['q1', 'field_7'], payloadHashed: ['phone'] });
add('unread-care-general-policy-child-age', 'a general policy but subjectAge 9: unreadable fields are still a child\'s',
  CARE_GENERAL, { q1: '喜欢恐龙', answer_3: '每天练钢琴' }, { subjectAge: 9, consents: CARE_FULL },
  { noneOf: ['喜欢恐龙', '每天练钢琴'], payloadKeysSubsetOf: [], reportReasonCodes: { q1: 'unreadable_field' } });
add('unread-care-mixed-audience', 'mixed policy, no age: a child; unreadable fields are not released by category rules',
  CARE_MIXED, { q1: '喜欢恐龙', answer_3: '每天练钢琴' }, { consents: CARE_FULL },
  { noneOf: ['喜欢恐龙', '每天练钢琴'], payloadKeysSubsetOf: [], subjectChild: true });
add('unread-care-q1-named-rule-kept', 'a field rule naming q1 does release it (only a rule naming the field does)',
  CARE_KIDS_Q1, { q1: '喜欢恐龙', field_7: '每天练钢琴' }, { subjectAge: 9, consents: CARE_FULL },
  { noneOf: ['每天练钢琴'], payloadHas: { q1: '喜欢恐龙' }, payloadLacks: ['field_7'] });
add('unread-care-q1-named-rule-phone', 'q1 is named by a keep rule but holds a phone: the phone rule still wins',
  CARE_KIDS_Q1, { q1: fullwidth(PH[2]) }, { subjectAge: 9, consents: CARE_FULL }, { noneOf: [PH[2], fullwidth(PH[2])] });
add('unread-care-remark-kept-child', 'a child\'s remark named by a keep rule, no personal data inside: kept as given',
  CARE_KIDS, { remark: '喜欢画画和游泳' }, { subjectAge: 9, consents: CARE_FULL }, { payloadHas: { remark: '喜欢画画和游泳' } });
add('unread-care-remark-kept-adult', 'an adult\'s remark with no personal data: kept as given',
  CARE_GENERAL, { remark: 'please deliver after 6pm' }, { subjectAge: 35, consents: CARE_FULL }, { payloadHas: { remark: 'please deliver after 6pm' } });
add('unread-ks-free-text-child-name-address', 'kids-signup: a note with the child\'s name, school and address is dropped',
  'kids-signup', { note: '王小明在朝阳区实验小学三年级二班，家住望京西园三区5号楼' }, { subjectAge: 9, consents: KS_FULL },
  { noneOf: ['王小明', '实验小学', '望京西园'], payloadKeysSubsetOf: [] });
add('unread-ks-comments-english', 'kids-signup: an English comment about the child is dropped',
  'kids-signup', { comments: 'Tommy is allergic to peanuts and lives at 12 Elm Street' }, { subjectAge: 9, consents: KS_FULL },
  { noneOf: ['Tommy', 'peanuts', '12 Elm Street'], payloadKeysSubsetOf: [] });

// =====================================================================================
// I. Personal data as field names; arrays
// =====================================================================================
add('key-ks-phone-as-key', 'a phone number used as a field name is neither sent nor echoed',
  'kids-signup', { [PH[0]]: 'on', phone: PH[1] }, { subjectAge: 9, consents: KS_FULL },
  { noneOf: [PH[0], PH[1]], payloadHashed: ['phone'], reportWithheld: 1 });
add('key-ks-fullwidth-phone-as-key', 'a full-width phone as a field name',
  'kids-signup', { [fullwidth(PH[2])]: 'yes' }, { subjectAge: 9, consents: KS_FULL }, { noneOf: [PH[2], fullwidth(PH[2])], reportWithheld: 1 });
add('key-care-email-as-key', 'an e-mail as a field name (a checkbox group keyed by address)',
  CARE_KIDS, { [EMAIL]: 'subscribe' }, { subjectAge: 9, consents: CARE_FULL }, { noneOf: [EMAIL], reportWithheld: 1 });
add('key-care-id-as-key', 'a resident ID as a field name',
  CARE_KIDS, { [ID_CHILD]: '1' }, { subjectAge: 9, consents: CARE_FULL }, { noneOf: [ID_CHILD], reportWithheld: 1 });
add('key-care-card-as-key', 'a bank card number as a field name',
  CARE_GENERAL, { [CARD_UP]: 'default' }, { subjectAge: 35, consents: CARE_FULL }, { noneOf: [CARD_UP], reportWithheld: 1 });
add('key-ga-adult-phone-as-key', 'adult, general policy: a US phone as a field name',
  'general-ads', { '+14155552671': 'x', name: 'John Smith' }, { subjectAge: 35, consents: GA_ACCOUNT },
  { noneOf: ['4155552671'], payloadHas: { name: 'John Smith' }, reportWithheld: 1 });
add('key-care-sentence-with-phone', 'a field name that is a sentence holding a phone (beyond "a key that is itself PI")',
  CARE_KIDS, { [`请联系${PH[3]}`]: '好' }, { subjectAge: 9, consents: CARE_FULL }, { noneOf: [PH[3]] });
add('key-invalid-string-with-phone-key', 'a lone surrogate under a phone-number key: invalid_string, and the key is not echoed in the error',
  CARE_KIDS, { [PH[4]]: 'ok\ud800' }, { subjectAge: 9, consents: CARE_FULL }, { error: 'invalid_string', noneOf: [PH[4]] });
add('arr-ks-phones-hashed', 'an array of phones stays an array of pseudonyms',
  'kids-signup', { phone: [PH[0], fullwidth(PH[1])] }, { subjectAge: 9, consents: KS_FULL },
  { noneOf: [PH[0], PH[1], fullwidth(PH[1])], payloadHashed: ['phone'], payloadArrayLength: { phone: 2 } });
add('arr-care-hobbies-with-phone', 'a kept multi-value field with a phone among real answers',
  CARE_KIDS, { hobbies: ['画画', PH[5], '游泳'] }, { subjectAge: 9, consents: CARE_FULL }, { noneOf: [PH[5]] });
add('arr-care-hobbies-with-fullwidth-phone', 'the same with a full-width phone',
  CARE_KIDS, { hobbies: ['画画', fullwidth(PH[6])] }, { subjectAge: 9, consents: CARE_FULL }, { noneOf: [PH[6], fullwidth(PH[6])] });
add('arr-care-hobbies-plain-kept', 'a kept multi-value field with real answers stays an array as given',
  CARE_KIDS, { hobbies: ['画画', '游泳'] }, { subjectAge: 9, consents: CARE_FULL }, { payloadHas: { hobbies: ['画画', '游泳'] } });
add('arr-ks-guardianphone-mixed', 'mask rule on an array: one phone, one name+phone',
  'kids-signup', { guardianPhone: [PH[0], `Wang ${PH[7]}`] }, { subjectAge: 9, consents: KS_FULL }, { noneOf: [PH[7], `Wang ${PH[7]}`, PH[0]] });
add('arr-care-quantity-with-id', 'a "non-personal" multi-value field with a resident ID among numbers',
  CARE_KIDS, { quantity: ['1', ID_CHILD] }, { subjectAge: 9, consents: CARE_FULL }, { noneOf: [ID_CHILD] });
add('arr-ks-email-array-with-phone', 'the kept email field as an array with a phone in it',
  'kids-signup', { email: [PARENT_EMAIL, groups(PH[1], '\u00a0')] }, { subjectAge: 9, consents: KS_FULL }, { noneOf: [PH[1], groups(PH[1], '\u00a0')] });

// =====================================================================================
// J. Errors and policies
// =====================================================================================
add('err-invalid-string-value', 'a lone surrogate after a phone: invalid_string, and the message does not echo the value',
  CARE_KIDS, { remark: `${PH[0]}\ud83d` }, { subjectAge: 9, consents: CARE_FULL }, { error: 'invalid_string', noneOf: [PH[0]] });
add('err-invalid-string-array', 'a lone surrogate inside an array element',
  'kids-signup', { phone: [PH[1], '\udc00'] }, { subjectAge: 9, consents: KS_FULL }, { error: 'invalid_string', noneOf: [PH[1]] });
add('err-policy-rejected-ads-children', 'a children\'s policy with an advertising purpose is rejected by the constructor',
  ADS_KIDS, { phone: PH[2] }, { subjectAge: 9, consents: { purposes: ['enrolment', 'ads'], guardianVerified: true } }, { error: 'policy_rejected', noneOf: [PH[2]] });
add('err-consent-message-no-values', 'consent_required carries no value: a record full of PI, no consents',
  'kids-camp', { name: '王小明', sfzh: ID_CHILD, phone: PH[3], allergies: '花生过敏', guardianEmail: PARENT_EMAIL }, { subjectAge: 9 },
  { error: 'consent_required', noneOf: ['王小明', ID_CHILD, PH[3], '花生过敏', PARENT_EMAIL] });

// Trimmed to keep the corpus within 120–200 cases (each dropped id is a near-duplicate of a kept one).
const DROP = new Set([
  'obf-care-remark-phone-fullwidth-ideographic-space', 'obf-care-remark-phone-narrow-nbsp', 'obf-care-remark-phone-zwnj-bom',
  'obf-care-remark-phone-word-joiner', 'obf-care-remark-phone-fullwidth-hyphen', 'obf-care-remark-phone-en-dash',
  'obf-care-remark-phone-interpunct', 'obf-care-remark-phone-persian', 'obf-care-remark-phone-keycap-emoji',
  'obf-care-remark-phone-0086-spaces', 'obf-care-remark-phone-spaced-digits', 'obf-care-remark-phone-parenthesised',
  'obf-care-remark-phone-json', 'obf-care-remark-phone-zwj', 'obf-care-remark-phone-cn-mixed', 'obf-care-remark-phone-plus86-dashes',
  'obf-care-remark-phone-in-tel-link', 'obf-care-remark-english-sentence',
  'obf-care-remark-id-dashed', 'obf-care-remark-id-x-fullwidth', 'obf-care-remark-id-arabic-indic',
  'obf-care-remark-card-plain19', 'obf-care-remark-card-nbsp', 'obf-care-remark-email-plain', 'obf-care-remark-email-plus-tag',
  'obf-care-adult-remark-phone-nbsp', 'obf-care-adult-remark-phone-cn-numerals',
  'fam-ga-parent-age-child-dob-dotted', 'fam-ga-parent-age-child-dob-us-order', 'fam-ga-parent-age-child-dob-number', 'fam-ga-parent-age-child-dob-fullwidth',
  'fam-ga-parent-age-child-age-fullwidth', 'fam-ga-parent-age-child-age-english', 'fam-ga-parent-age-child-age-zhousui',
  'fam-ks-unreadable-dob-zeros', 'fam-ks-unreadable-dob-vague',
  'obf-ks-email-field-phone-slashed', 'obf-ks-email-field-phone-nbsp', 'obf-ks-email-field-phone-devanagari',
  'obf-ks-email-field-phone-circled', 'obf-ks-email-field-phone-soft-hyphen', 'obf-ks-email-field-phone-cn-yao',
  'np-care-quantity-number-phone', 'np-care-productid-nbsp-phone', 'np-care-orderno-email', 'np-care-quantity-id-x-lower',
  'np-care-tracking-cn-numerals-phone', 'np-care-orderno-card',
  'mask-ks-guardianphone-slashed', 'mask-ks-guardianphone-arabic-indic', 'mask-ks-guardianphone-fullwidth-ideographic-space',
  'rule-ks-guardianphone-chinese-name-and-phone', 'rule-ks-birthdate-number', 'rule-ks-guardianphone-holds-email',
  'consent-ks-guardian-string', 'consent-ks-no-options', 'consent-ks-only-optional',
  'consent-kc-sensitive-case', 'consent-kc-sfzh-no-sensitive', 'consent-ga-adult-newsletter-only', 'consent-kc-adult-id-no-sensitive',
  'unread-ks-comments-english', 'arr-care-hobbies-with-fullwidth-phone',
  'rule-kc-name-english', 'rule-kc-guardianemail-holds-id', 'rule-ga-name-holds-card', 'key-care-card-as-key',
]);
for (const d of DROP) if (!seen.has(d)) throw new Error('DROP names no case: ' + d);
cases.splice(0, cases.length, ...cases.filter((c) => !DROP.has(c.id)));
writeFileSync(new URL('./cases.json', import.meta.url), JSON.stringify(cases, null, 1) + '\n');
const positive = cases.filter((c) => ['payloadHas', 'payloadHashed', 'payloadHasKeys', 'payloadEqual', 'payloadMatches'].some((k) => k in c.expect));
console.log(`${cases.length} cases: ${positive.length} positive (something must be in the payload), ${cases.length - positive.length} negative (${cases.filter((c) => c.expect.error).length} expecting an error)`);
console.log({ ID_CHILD, ID_CHILD2, ID_ADULT, ID_X, CARD_UP, CARD_UP19, CARD_VISA });
