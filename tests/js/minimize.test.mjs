// The minimization policy engine's JS contract, run against the installed npm package.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { init, Minimizer, checkPolicy, describePolicy, MinformError } from 'minform';

const policies = new URL('../policies/', import.meta.url);
const good = JSON.parse(readFileSync(new URL('kids-signup.json', policies), 'utf8'));
const bad = JSON.parse(readFileSync(new URL('bad-children-ads.json', policies), 'utf8'));
const key = Uint8Array.from({ length: 32 }, (_, i) => i * 7);
const consents = { purposes: ['enrolment', 'notices'], sensitiveCategories: [], guardianVerified: true };
const record = {
  guardianPhone: '13812345678',
  mobile: '139 1234 5678',
  birthday: '2014-03-09',
  email: 'Ming.Li@Example.com',
  idCard: '110105201305120235',
  hobbies: ['画画', '足球'],
};

function assertCode(fn, code, path) {
  assert.throws(fn, (err) => {
    assert.ok(err instanceof MinformError, String(err));
    assert.equal(err.code, code);
    if (path !== undefined) assert.equal(err.path, path);
    return true;
  });
}

before(() => init());

test('checkPolicy: the example is clean; the bad one lists errors like a linter', () => {
  assert.deepEqual(checkPolicy(good), { ok: true, findings: [] });
  const r = checkPolicy(bad);
  assert.equal(r.ok, false);
  const codes = r.findings.map((f) => `${f.severity} ${f.code} ${f.path}`);
  assert.ok(codes.includes('error commercial_purpose_on_child_data purposes.ads.kind'), codes.join('\n'));
  assert.ok(codes.includes('error retention_missing purposes.ads.retention'));
  assert.ok(codes.includes('error unknown_category categories.favourite_colour'));
  assert.ok(codes.includes('warning sensitive_kept_raw categories.precise_location.action'));
  const broken = checkPolicy({ ...good, audience: 'kids' });
  assert.equal(broken.ok, false);
  assert.deepEqual(broken.findings.map((f) => [f.code, f.path]), [['policy_invalid', 'audience']]);
  assert.match(broken.findings[0].message, /children, general, mixed/);
});

test('new Minimizer: invalid, rejected and keyless policies are typed errors', () => {
  const wrongAction = structuredClone(good);
  wrongAction.fields.guardianPhone.action = 'encrypt';
  assertCode(() => new Minimizer(wrongAction, { key }), 'policy_invalid', 'fields.guardianPhone.action');
  assertCode(() => new Minimizer(bad, { key }), 'policy_rejected', 'policy');
  assertCode(() => new Minimizer(good, { key: key.subarray(0, 16) }), 'key_too_short', 'options.key');
  assertCode(() => new Minimizer(good, { key: 'secret' }), 'invalid_argument', 'options.key');
  assertCode(() => new Minimizer(good), 'invalid_argument', 'options');
});

test('minimize: a child with guardian consent gets each rule; the report says what was done', () => {
  const m = new Minimizer(good, { key });
  const { payload, report } = m.minimize(record, { subjectAge: 11, consents });
  assert.equal(payload.guardianPhone, '138****5678');
  assert.match(payload.mobile, /^[0-9a-f]{64}$/);
  assert.equal(payload.birthday, '2014');
  assert.equal(payload.email, 'Ming.Li@Example.com');
  assert.equal('idCard' in payload, false, 'no rule: default deny');
  assert.equal('hobbies' in payload, false);
  assert.deepEqual(report.map((r) => r.field), Object.keys(record));
  const by = Object.fromEntries(report.map((r) => [r.field, r]));
  assert.deepEqual(
    [by.guardianPhone.action, by.mobile.action, by.birthday.action, by.email.action, by.idCard.action],
    ['mask', 'hash', 'generalize', 'keep', 'dropped'],
  );
  assert.equal(by.mobile.category, 'phone');
  assert.equal(by.mobile.sensitivity, 'sensitive');
  assert.deepEqual(by.mobile.purposes, ['enrolment']);
  const text = JSON.stringify({ payload, report });
  for (const raw of ['13812345678', '139 1234 5678', '2014-03-09', '110105201305120235']) {
    assert.ok(!text.includes(raw), `${raw} never leaves`);
  }
  // Same number typed another way, same pseudonym; another key, another pseudonym.
  assert.equal(m.minimize({ mobile: '+86 139-1234-5678' }, { subjectAge: 11, consents }).payload.mobile, payload.mobile);
  const other = new Minimizer(good, { key: key.map((b) => b ^ 1) });
  assert.notEqual(other.minimize({ mobile: '13912345678' }, { subjectAge: 11, consents }).payload.mobile, payload.mobile);
});

test('minimize: child rules and consents', () => {
  const m = new Minimizer(good, { key });
  // Missing consents are no consents (never "checks off"): the required purpose refuses.
  assertCode(() => m.minimize(record, { subjectAge: 11 }), 'consent_required', 'options.consents.purposes');
  assertCode(() => m.minimize(record, { subjectAge: 30 }), 'consent_required', 'options.consents.purposes');
  const unverified = { ...consents, guardianVerified: false };
  assert.deepEqual(m.minimize(record, { subjectAge: 11, consents: unverified }).payload, {}, 'no guardian consent: nothing personal leaves');
  // A parent who gives their own age: the record's own 2014 birthday is a child's.
  const parent = m.minimize(record, { subjectAge: 36, consents: unverified });
  assert.deepEqual(parent.payload, {});
  assert.deepEqual(parent.subject, { child: true, basis: 'record_birth_date' });
  assert.ok(parent.report.every((r) => r.reasonCode === 'guardian_consent_required' || r.action === 'dropped'));
  assert.ok(!JSON.stringify(parent.report).includes('2014'), 'the report names reasons, never values');
  const { birthday, ...adultRecord } = record;
  const adult = m.minimize(adultRecord, { subjectAge: 30, consents: unverified });
  assert.deepEqual(Object.keys(adult.payload).sort(), ['email', 'guardianPhone', 'mobile']);
  assert.deepEqual(adult.subject, { child: false, basis: 'subject_age' });
  const noNotices = m.minimize(record, { subjectAge: 11, consents: { ...consents, purposes: ['enrolment'] } });
  assert.equal('email' in noNotices.payload, false, 'declined optional purpose: its field is dropped');
  assertCode(() => m.minimize(record, { subjectAge: 11, consents: { ...consents, purposes: ['notices'] } }), 'consent_required', 'options.consents.purposes');
  assertCode(() => m.minimize(record, { subjectAge: 'eleven' }), 'invalid_argument', 'options.subjectAge');
  assertCode(() => m.minimize({ a: { nested: 1 } }, {}), 'invalid_argument', 'record.a');
  assertCode(() => m.minimize(record, { consents: { guardianVerified: 'yes' } }), 'invalid_argument', 'options.consents.guardianVerified');
});

test('minimize: kept values are sent as given; other values as text, arrays stay arrays', () => {
  const typed = structuredClone(good);
  typed.fields = {
    ...typed.fields,
    quantity: { purposes: ['enrolment'], action: 'keep' },
    agree: { purposes: ['enrolment'], action: 'keep' },
    phones: { purposes: ['enrolment'], action: 'mask' },
  };
  const m = new Minimizer(typed, { key });
  const tags = ['a', 'b'];
  const { payload, report } = m.minimize(
    { quantity: 2, agree: true, email: tags, phones: ['13812345678', '13912345678'], blank: '  ' },
    { subjectAge: 11, consents },
  );
  assert.deepEqual(payload, { quantity: 2, agree: true, email: ['a', 'b'], phones: ['138****5678', '139****5678'] });
  assert.notEqual(payload.email, tags, 'a kept array is a copy');
  assert.equal(report.at(-1).action, 'dropped');
  assert.equal(report.at(-1).reason, 'no value');
});

test('minimize: records the flat encoding cannot carry go as JSON, with the same answer', () => {
  const m = new Minimizer(good, { key });
  const opts = { subjectAge: 11, consents };
  const plain = m.minimize(record, opts);
  // A value with toJSON, a class instance and a U+0000 inside a value take the JSON path.
  for (const odd of [{ ...record, count: { toJSON: () => 3 } }, Object.assign(Object.create({ inherited: 1 }), record)]) {
    const r = m.minimize(odd, opts);
    assert.deepEqual(r.payload, plain.payload);
    assert.deepEqual(r.report.slice(0, 6), plain.report);
  }
  const nul = m.minimize({ ...record, email: 'a\u0000b@example.com' }, opts);
  assert.equal(nul.payload.email, 'a\u0000b@example.com');
  assert.equal(nul.payload.mobile, plain.payload.mobile);
});

test('minimize: results are fresh objects; odd field names are kept as names', () => {
  const m = new Minimizer(good, { key });
  const first = m.minimize(record, { subjectAge: 11, consents });
  first.report[1].purposes.push('tampered');
  const second = m.minimize(record, { subjectAge: 11, consents });
  assert.deepEqual(second.report[1].purposes, ['enrolment']);
  const odd = JSON.parse('{"__proto__": "13812345678", "constructor": "x"}');
  const r = m.minimize(odd, { subjectAge: 30, consents });
  assert.deepEqual(r.report.map((e) => e.field), ['__proto__', 'constructor']);
  assert.equal(Object.getPrototypeOf(r.payload), Object.prototype);
  assert.match(Object.getOwnPropertyDescriptor(r.payload, '__proto__').value, /^[0-9a-f]{64}$/);
});

test('minimize accepts FormData', () => {
  const m = new Minimizer(good, { key });
  const form = new FormData();
  form.append('guardianPhone', '13812345678');
  form.append('birthday', '2014-03-09');
  const { payload } = m.minimize(form, { subjectAge: 11, consents });
  assert.deepEqual(payload, { guardianPhone: '138****5678', birthday: '2014' });
});

test('describePolicy: the notice data in zh-CN and en', () => {
  const zh = describePolicy(good, 'zh-CN');
  assert.equal(zh.purposes[0].description, '为孩子报名');
  assert.equal(zh.purposes[0].retentionText, '1年');
  assert.equal(zh.storageLocation, '中国境内');
  const en = describePolicy(good, 'en');
  assert.equal(en.purposes[1].retentionText, '6 months');
  assert.deepEqual(en.purposes[0].data.map((d) => d.category ?? d.field), ['birth_date', 'phone', 'guardianPhone']);
  assertCode(() => describePolicy({ ...good, purposes: {} }, 'en'), 'policy_invalid', 'purposes');
});

test('minimize reads the record once: what is classified is what is sent', () => {
  const m = new Minimizer({ ...good, fields: { ...good.fields, favoriteAnimal: { purposes: ['enrolment'], action: 'keep' } } }, { key });
  let reads = 0;
  const sneaky = {
    get favoriteAnimal() {
      reads++;
      return reads === 1 ? 'cat' : '13912345678';
    },
  };
  const { payload } = m.minimize(sneaky, { subjectAge: 30, consents });
  assert.equal(reads, 1);
  assert.equal(payload.favoriteAnimal, 'cat');
  // A Proxy whose key order differs between reads, and integer-like keys (which JSON.parse
  // puts first), are matched to their own decisions.
  let calls = 0;
  const target = { guardianPhone: '13812345678', email: 'ming@example.com', 7: 'x' };
  const proxy = new Proxy(target, {
    ownKeys: (t) => (calls++ % 2 ? Reflect.ownKeys(t).reverse() : Reflect.ownKeys(t)),
    get: (t, k) => (k === 'toJSON' ? undefined : t[k]),
  });
  const r = m.minimize(proxy, { subjectAge: 30, consents });
  assert.equal(r.payload.guardianPhone, '138****5678');
  assert.equal(r.payload.email, 'ming@example.com');
  const byName = Object.fromEntries(r.report.map((e) => [e.field, e.action]));
  assert.deepEqual(byName, { 7: 'dropped', guardianPhone: 'mask', email: 'keep' });
  const json = m.minimize({ guardianPhone: '13812345678', 2: new Date(0), email: 'ming@example.com' }, { subjectAge: 30, consents });
  assert.equal(json.payload.guardianPhone, '138****5678');
  assert.equal(json.payload.email, 'ming@example.com');
});

test('minimize: the stricter reading wins; masks only validated values; names that are data are withheld', () => {
  const policy = { ...good, fields: { ...good.fields, favoriteAnimal: { purposes: ['enrolment'], action: 'keep' } } };
  const m = new Minimizer(policy, { key });
  const adult = { subjectAge: 30, consents };
  // categories.phone says hash: a phone number typed into a kept field is hashed as a phone.
  const { payload, report } = m.minimize({ favoriteAnimal: '13912345678' }, adult);
  assert.equal(payload.favoriteAnimal, m.minimize({ mobile: '139 1234 5678' }, adult).payload.mobile);
  assert.deepEqual([report[0].category, report[0].action], ['phone', 'hash']);
  // guardianPhone is masked: only a value that is a phone, from its normalized form.
  for (const v of ['139１２３４5678', '139\u00a01234\u200b5678', '一三九一二三四五六七八', '139.1234.5678']) {
    assert.equal(m.minimize({ guardianPhone: v }, adult).payload.guardianPhone, '139****5678', v);
  }
  const text = m.minimize({ guardianPhone: 'Wang Xiaoming 13912345678' }, adult);
  assert.deepEqual(text.payload, {});
  assert.equal(text.report[0].reasonCode, 'untransformable');
  // A name that is itself personal data is neither sent nor echoed.
  const named = m.minimize({ 13912345678: 'yes', guardianPhone: '13812345678' }, adult);
  assert.deepEqual(Object.keys(named.payload), ['guardianPhone']);
  assert.equal(named.report[0].field, '[withheld:0]');
  assert.equal(named.report[0].reasonCode, 'name_is_personal_data');
  assert.ok(!JSON.stringify(named).includes('13912345678'));
});

test('minimize: redact sends free text with the personal data in it replaced, and counts what went', () => {
  const policy = structuredClone(good);
  policy.categories.free_text = { purposes: ['enrolment'], action: 'redact' };
  const m = new Minimizer(policy, { key });
  const aboutMe = '我喜欢画画。我叫王小明，妈妈的电话是13912345678，邮箱 ming@example.com。';
  const { payload, report } = m.minimize({ aboutMe, note: '' }, { subjectAge: 11, consents });
  assert.equal(payload.aboutMe, '我喜欢画画。我叫[name]，妈妈的电话是[phone]，邮箱 [email]。');
  const entry = report.find((r) => r.field === 'aboutMe');
  assert.equal(entry.action, 'redact');
  assert.deepEqual(entry.redacted, { name: 1, phone: 1, email: 1 });
  assert.ok(!JSON.stringify(report).includes('139'), 'the report never holds a value');
  // Other entries carry no `redacted`; labels may be a locale's category names.
  assert.equal(report.find((r) => r.field === 'note').redacted, undefined);
  policy.categories.free_text.labels = 'zh-CN';
  const zh = new Minimizer(policy, { key }).minimize({ aboutMe }, { subjectAge: 11, consents });
  assert.match(zh.payload.aboutMe, /\[姓名\].*\[电话号码\]/);
  // Only free text can be redacted: elsewhere the policy is refused with the rule's path.
  const onName = structuredClone(good);
  onName.categories.name = { purposes: ['enrolment'], action: 'redact' };
  assertCode(() => new Minimizer(onName, { key }), 'policy_invalid', 'categories.name.action');
  // checkPolicy suggests it where a children's policy keeps free text raw.
  const raw = structuredClone(good);
  raw.categories.free_text = { purposes: ['enrolment'], action: 'keep' };
  const finding = checkPolicy(raw).findings.find((f) => f.code === 'free_text_kept_raw');
  assert.match(finding.message, /redact/);
});
