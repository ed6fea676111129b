// The classifier's JS contract, run against the installed npm package.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { init, classifyFields, findPersonalData, MinformError } from 'minform';

const CATEGORIES = [
  'name', 'username', 'gender', 'birth_date', 'age', 'ethnicity', 'nationality', 'phone', 'email',
  'address', 'region', 'postal_code', 'precise_location', 'national_id', 'bank_account', 'credential',
  'biometric', 'health', 'religion', 'school', 'student_id', 'relationship', 'social_account',
  'device_id', 'ip_address', 'photo', 'occupation', 'vehicle', 'free_text', 'non_personal',
];
const SENSITIVE = new Set(['precise_location', 'national_id', 'bank_account', 'credential', 'biometric', 'health', 'religion']);
const corpusDir = new URL('../corpus/', import.meta.url);
const readJsonl = (file) =>
  readFileSync(new URL(file, corpusDir), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));

function assertCode(fn, code, path) {
  assert.throws(fn, (err) => {
    assert.ok(err instanceof MinformError, String(err));
    assert.equal(err.code, code);
    assert.equal(err.path, path);
    return true;
  });
}

before(() => init());

for (const file of readdirSync(corpusDir).filter((f) => f.endsWith('.jsonl'))) {
  test(`corpus ${file}: every row classified as labelled, in one call`, () => {
    const rows = readJsonl(file);
    const out = classifyFields(rows.map((r) => r.field));
    assert.equal(out.length, rows.length);
    const wrong = rows
      .map((r, i) => ({ field: r.field, expect: r.expect, got: out[i] }))
      .filter((x) => x.got.category !== x.expect)
      .map((x) => `${JSON.stringify(x.field)} → ${x.got.category} ${JSON.stringify(x.got.reasons)}, expected ${x.expect}`);
    assert.deepEqual(wrong, []);
    for (const [i, r] of rows.entries()) {
      if (r.expect !== 'non_personal' && r.expect !== 'free_text') assert.notEqual(out[i].category, 'non_personal');
    }
  });
}

test('result shape: name echoed, taxonomy ids, sensitivity, confidence in [0,1], reasons', () => {
  const [r] = classifyFields([{ name: 'tel', label: 'Phone', autocomplete: 'tel', type: 'tel', value: '+86 138 0013 8000' }]);
  assert.deepEqual(Object.keys(r).sort(), ['category', 'confidence', 'name', 'reasons', 'sensitivity']);
  assert.equal(r.name, 'tel');
  assert.equal(r.category, 'phone');
  assert.equal(r.sensitivity, 'personal');
  assert.ok(r.confidence > 0.9 && r.confidence <= 1);
  assert.ok(r.reasons.includes('autocomplete:tel'));
  assert.ok(r.reasons.includes('value:cn_mobile'));
  assert.ok(!r.reasons.join(' ').includes('138'), 'reasons never contain the value');
});

test('sensitivity: inherent, child escalation by jurisdiction, free text raised by content', () => {
  const fields = [
    { name: 'idCard', label: '身份证号' },
    { name: 'mobile', label: '手机号码' },
    { name: 'qty', label: '数量', value: '2' },
    { name: 'remark', label: '备注', type: 'textarea', value: '放学后请打我电话13912345678' },
    { name: 'bio', label: '自我介绍', type: 'textarea', value: '我喜欢画画' },
  ];
  const adult = classifyFields(fields);
  assert.deepEqual(adult.map((r) => r.sensitivity), ['sensitive', 'personal', 'none', 'personal', 'none']);
  assert.ok(adult[3].reasons.includes('content:cn_mobile'));
  assert.equal(adult[3].category, 'free_text');

  const child = classifyFields(fields, { subjectAge: 11 });
  // For a child, free text is sensitive whatever it holds (PIPL Art. 28; PRODUCT.md).
  assert.deepEqual(child.map((r) => r.sensitivity), ['sensitive', 'sensitive', 'none', 'sensitive', 'sensitive']);
  assert.ok(child[1].reasons.includes('child:CN<14'));
  assert.ok(child[4].reasons.includes('child:CN<14'));
  // A field nothing explains is free text, sensitive, for a child; for an adult a bare code
  // with no label is non-personal.
  const [unknown] = classifyFields([{ name: 'q7', value: '7' }], { subjectAge: 9 });
  assert.deepEqual([unknown.category, unknown.sensitivity], ['free_text', 'sensitive']);
  assert.deepEqual(unknown.reasons, ['fallback:free_text', 'child:CN<14']);
  assert.equal(classifyFields([{ name: 'q7', value: '7' }])[0].sensitivity, 'none');
  assert.equal(classifyFields(fields, { subjectAge: 14 })[1].sensitivity, 'personal', '14 is not a child in CN');
  assert.equal(classifyFields(fields, { subjectAge: 15, jurisdiction: 'VN' })[1].sensitivity, 'sensitive');
  assert.equal(classifyFields(fields, { subjectAge: 13, jurisdiction: 'us' })[1].sensitivity, 'personal');
  assert.equal(classifyFields(fields, { subjectAge: 17, jurisdiction: 'IN' })[1].sensitivity, 'sensitive');
});

test('a strong value wins over an unhelpful name; a label wins over a look-alike value', () => {
  const [id, order] = classifyFields([
    { name: 'field_7', label: '', type: 'text', value: '510104201408180773' },
    { name: 'orderNo', label: '订单号', type: 'text', value: '12345678901234567X' },
  ]);
  assert.equal(id.category, 'national_id');
  assert.ok(id.reasons.includes('value:cn_resident_id'));
  assert.equal(order.category, 'non_personal');
});

test('the choices a field offers say what it is when its label does not; a clear label still decides', () => {
  const [courtesy, service, idType, country, plain] = classifyFields([
    { name: '', label: '', type: 'radio', options: ['女士', '先生'] },
    { name: 'service', label: 'Select Service', type: 'select', options: ['Select Service', 'Tooth Extraction', 'Oral Surgery', 'Oral Prophylaxis'] },
    { name: 'f3', type: 'select', options: ['身份证', '护照', '港澳通行证'] },
    { name: 'nationality', label: 'Nationality', type: 'select', options: ['北京市', '上海市'] },
    { name: 'service', label: 'Select Service', type: 'select' },
  ]);
  assert.equal(courtesy.category, 'gender');
  assert.ok(courtesy.reasons.includes('option_value:gender_value'), JSON.stringify(courtesy.reasons));
  assert.equal(service.category, 'health');
  assert.equal(idType.category, 'national_id');
  assert.ok(idType.reasons.some((r) => r.startsWith('option:')), JSON.stringify(idType.reasons));
  assert.equal(country.category, 'nationality');
  assert.equal(plain.category, 'non_personal');
  assertCode(() => classifyFields([{ name: 'x', options: [{}] }]), 'invalid_argument', 'fields[0].options[0]');
});

test('findPersonalData: UTF-16 offsets that slice out the match', () => {
  const text = '😀 家长电话13912345678，邮箱 a.b@example.com；身份证110105201305120235。';
  const found = findPersonalData(text);
  assert.deepEqual(found.map((f) => [f.category, text.slice(f.start, f.end)]), [
    ['phone', '13912345678'],
    ['email', 'a.b@example.com'],
    ['national_id', '110105201305120235'],
  ]);
  assert.deepEqual(findPersonalData('See you at the park'), []);
  assert.deepEqual(findPersonalData(''), []);
  const lone = 'a\uD800 13912345678';
  const [m] = findPersonalData(lone);
  assert.equal(lone.slice(m.start, m.end), '13912345678', 'a lone surrogate does not shift offsets');
});

test('every category id returned is a taxonomy id', () => {
  const rows = readdirSync(corpusDir).filter((f) => f.endsWith('.jsonl')).flatMap(readJsonl);
  for (const r of classifyFields(rows.map((x) => x.field))) {
    assert.ok(CATEGORIES.includes(r.category), r.category);
    assert.equal(r.sensitivity === 'sensitive', SENSITIVE.has(r.category) || (r.category === 'free_text' && r.sensitivity === 'sensitive'));
  }
});

test('bad input: typed errors with paths, never a panic', () => {
  assertCode(() => classifyFields('not an array'), 'invalid_argument', 'fields');
  assertCode(() => classifyFields(undefined), 'invalid_argument', 'fields');
  assertCode(() => classifyFields([{ label: 'no name' }]), 'invalid_argument', 'fields[0].name');
  assertCode(() => classifyFields([{ name: 'a' }, { name: 7 }]), 'invalid_argument', 'fields[1].name');
  assertCode(() => classifyFields([{ name: 'a', value: { nested: true } }]), 'invalid_argument', 'fields[0].value');
  assertCode(() => classifyFields([{ name: 'a', label: 5 }]), 'invalid_argument', 'fields[0].label');
  assertCode(() => classifyFields([{ name: 'a', value: 10n }]), 'invalid_argument', 'fields');
  assertCode(() => classifyFields([{ name: 'a' }], { subjectAge: 'eleven' }), 'invalid_argument', 'options.subjectAge');
  assertCode(() => classifyFields([{ name: 'a' }], { subjectAge: -1 }), 'invalid_argument', 'options.subjectAge');
  assertCode(() => classifyFields([{ name: 'a' }], { jurisdiction: 'XX' }), 'unknown_jurisdiction', 'options.jurisdiction');
  assertCode(() => findPersonalData(42), 'invalid_argument', 'text');
});

test('odd but valid input gets correct answers', () => {
  const out = classifyFields([
    { name: 'age', value: 11, type: 'number' },
    { name: 'agree', value: true, type: 'checkbox' },
    { name: 'phones', label: '联系电话', value: ['13912345678', 18600001111] },
    { name: 'x\uD800y', label: '姓名' },
    { name: 'big', label: '备注', value: 'x'.repeat(1 << 20) + ' 13912345678' },
    { name: 'n'.repeat(1 << 20), label: '姓名'.repeat(1 << 19), placeholder: '😀'.repeat(1 << 18) },
  ]);
  assert.deepEqual(out.map((r) => r.category), ['age', 'non_personal', 'phone', 'name', 'free_text', 'name']);
  assert.equal(out[5].name.length, 1 << 20, 'a 1 MB name is echoed whole');
  assert.equal(out[3].name, 'x\uD800y', 'names are echoed exactly, lone surrogate included');
  assert.ok(out[4].reasons.includes('content:cn_mobile'), '1 MB text is scanned to the end');
  assert.deepEqual(classifyFields([]), []);
});

test('fields the fast path cannot carry (U+0000, objects with toJSON) still classify, via JSON', () => {
  const plain = classifyFields([{ name: 'xm', label: '姓名', value: '王小明' }])[0];
  const withNul = classifyFields([{ name: 'x\0m', label: '姓名', value: '王小明' }])[0];
  assert.equal(withNul.name, 'x\0m');
  assert.equal(withNul.category, plain.category);
  const dated = classifyFields([{ name: 'dob', label: '出生日期', value: new Date(Date.UTC(2014, 2, 9)) }])[0];
  assert.equal(dated.category, 'birth_date');
  const getterThrows = { get name() { throw new Error('boom'); } };
  assertCode(() => classifyFields([getterThrows]), 'invalid_argument', 'fields');
});

test('10,000 fields in one call', () => {
  const fields = Array.from({ length: 10_000 }, (_, i) => ({ name: `f${i}`, label: i % 2 ? '手机号' : '数量', value: String(i) }));
  const out = classifyFields(fields);
  assert.equal(out.length, 10_000);
  assert.equal(out[1].category, 'phone');
  assert.equal(out[9998].category, 'non_personal');
  assert.equal(out[9999].name, 'f9999');
});
