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
  assert.deepEqual(m.minimize(record, { subjectAge: 11 }).payload, {}, 'no guardian consent: nothing personal leaves');
  assert.deepEqual(m.minimize(record, { subjectAge: 11, consents: { ...consents, guardianVerified: false } }).payload, {});
  assert.deepEqual(Object.keys(m.minimize(record, { subjectAge: 30 }).payload).sort(), ['birthday', 'email', 'guardianPhone', 'mobile']);
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
  const r = m.minimize(odd, { subjectAge: 30 });
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
