// The consent flow's JS contract against the installed package: ConsentFlow over a storage
// adapter, receipts and their chain, verifyReceipt, typed errors, and the hand-off to Minimizer.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { init, ConsentFlow, verifyReceipt, Minimizer, MinformError, mountConsent } from 'minform';

const policies = new URL('../policies/', import.meta.url);
const camp = JSON.parse(readFileSync(new URL('kids-camp.json', policies), 'utf8'));
const shop = JSON.parse(readFileSync(new URL('general-ads.json', policies), 'utf8'));

function memory() {
  const map = new Map();
  return { map, get: (k) => map.get(k) ?? null, set: (k, v) => map.set(k, String(v)) };
}

function assertCode(fn, code, path) {
  assert.throws(fn, (err) => {
    assert.ok(err instanceof MinformError, String(err));
    assert.equal(err.code, code, err.message);
    if (path !== undefined) assert.equal(err.path, path);
    return true;
  });
}

before(() => init());

/** Answers "who is this form about?" (children's and mixed-audience policies ask it first). */
function whose(flow, respondent = 'self') {
  assert.equal(flow.view().step, 'whose');
  assert.equal(flow.dispatch({ type: 'respondent', respondent }).step, 'age_gate');
}

function childToConsent(flow) {
  whose(flow);
  assert.equal(flow.dispatch({ type: 'age', birthDate: '2016-05' }).step, 'child_notice');
  assert.equal(flow.dispatch({ type: 'continue' }).step, 'guardian_notice');
  assert.equal(flow.dispatch({ type: 'continue' }).step, 'guardian_verify');
  assert.equal(flow.dispatch({ type: 'guardian_verified', method: 'sms' }).step, 'consent');
}

test('the child flow: views, consents for the minimizer, a receipt that verifies', () => {
  const storage = memory();
  const flow = new ConsentFlow(camp, { locale: 'en', today: '2026-11-28', storage });
  const first = flow.view();
  assert.deepEqual(Object.keys(first).filter((k) => ['step', 'audience', 'lang', 'title', 'paragraphs', 'choices', 'actions'].includes(k)).length, 7);
  assert.equal(first.lang, 'en');
  assert.deepEqual(first.actions.map((a) => a.type), ['respondent']);
  childToConsent(flow);
  const view = flow.view();
  assert.equal(view.audience, 'guardian');
  assert.equal(view.ageBand, '10-12');
  assert.deepEqual(view.choices.map((c) => [c.id, c.kind, c.required, c.checked]), [
    ['enrolment', 'purpose', true, true], ['safety', 'purpose', true, true], ['photos', 'purpose', false, false],
    ['precise_location', 'sensitive', false, false], ['national_id', 'sensitive', false, false], ['health', 'sensitive', false, false],
  ]);
  assert.deepEqual(flow.consents(), { purposes: [], sensitiveCategories: [], guardianVerified: false }, 'nothing before done');
  assert.equal(flow.subject(), 'child');
  assert.equal(flow.receipt(), null);
  const done = flow.dispatch({ type: 'grant', purposes: ['enrolment', 'safety'], sensitiveCategories: ['health'] });
  assert.equal(done.step, 'done');
  const consents = flow.consents();
  assert.deepEqual(consents, { purposes: ['enrolment', 'safety'], sensitiveCategories: ['health'], guardianVerified: true });
  const receipt = flow.receipt();
  assert.equal(receipt.ageBand, '10-12');
  assert.equal(receipt.guardianVerification.method, 'sms');
  assert.deepEqual(verifyReceipt(receipt, camp), { valid: true });
  assert.ok(!JSON.stringify(receipt).includes('2016'), 'no birth date');
  // The consents drive the minimizer: health passes with its own consent. The required
  // enrolment needs the ID, whose separate consent was left unticked: nothing is sent.
  const m = new Minimizer(camp, { key: new Uint8Array(32).fill(3) });
  const record = { allergies: '青霉素过敏', idCard: '110105201305120235', mobile: '13912345678' };
  assert.throws(
    () => m.minimize(record, { subjectAge: 10, consents }),
    (e) => e.code === 'consent_required' && e.path === 'options.consents.sensitiveCategories' && e.purpose === 'enrolment' && e.category === 'national_id',
  );
  const { payload } = m.minimize({ allergies: '青霉素过敏', mobile: '13912345678' }, { subjectAge: 10, consents });
  assert.equal(payload.allergies, '青霉素过敏');
  assert.match(payload.mobile, /^[0-9a-f]{64}$/);
});

test('storage: the answer sticks across instances; receipts chain; withdrawal is recorded', () => {
  const storage = memory();
  const a = new ConsentFlow(camp, { locale: 'zh-CN', today: '2026-11-28', storage });
  childToConsent(a);
  a.dispatch({ type: 'grant', purposes: ['enrolment', 'safety', 'photos'] });
  const b = new ConsentFlow(camp, { locale: 'zh-CN', today: '2026-11-28', storage });
  assert.equal(b.view().step, 'done', 'a reload resumes');
  assertCode(() => b.dispatch({ type: 'age', birthDate: '1990-01' }), 'invalid_action', 'action.type');
  b.dispatch({ type: 'withdraw', purposes: ['photos'] });
  assert.deepEqual(b.consents().purposes, ['enrolment', 'safety']);
  const chain = JSON.parse(storage.get('minform.receipts.v1'));
  assert.equal(chain.length, 2);
  assert.equal(chain[1].previousReceiptDigest, chain[0].receiptDigest);
  assert.equal(storage.get('minform.receipts.head.v1'), chain[1].receiptDigest);
  assert.deepEqual(verifyReceipt(chain, camp), { valid: true });
  const edited = structuredClone(chain);
  edited[0].sensitiveCategories = ['health'];
  assert.deepEqual(verifyReceipt(edited, camp), { valid: false, reason: 'digest_mismatch', index: 0 });
  assert.equal(chain[0].piiPrincipalId, chain[1].piiPrincipalId, 'one pseudonymous principal per storage');
  assert.match(chain[0].piiPrincipalId, /^[0-9a-f]{32}$/);
  // A new policy version asks again.
  const v2 = { ...structuredClone(camp), version: '3.0.0' };
  const c = new ConsentFlow(v2, { locale: 'zh-CN', today: '2026-11-28', storage });
  assert.equal(c.view().step, 'child_notice');
  assert.deepEqual(verifyReceipt(chain[1], v2), { valid: false, reason: 'policy_mismatch' });
});

test('GPC keeps advertising off the table; a child never sees marketing', () => {
  const adult = new ConsentFlow(shop, { locale: 'en', today: '2026-11-28', gpc: true });
  adult.dispatch({ type: 'age', birthDate: '1985-07-14' });
  adult.dispatch({ type: 'continue' });
  assert.deepEqual(adult.view().choices.map((c) => c.id), ['account', 'newsletter']);
  adult.dispatch({ type: 'grant', purposes: ['account', 'ads', 'newsletter'] });
  assert.deepEqual(adult.consents().purposes, ['account', 'newsletter']);
  assert.equal(adult.receipt().gpc, true);
});

test('bad options and actions are typed errors with paths', () => {
  assertCode(() => new ConsentFlow(camp, null), 'invalid_argument', 'options');
  assertCode(() => new ConsentFlow(camp, { storage: {} }), 'invalid_argument', 'options.storage');
  assertCode(() => new ConsentFlow(camp, { jurisdiction: 'XX' }), 'unknown_jurisdiction', 'options.jurisdiction');
  assertCode(() => new ConsentFlow(camp, { locale: 'fr' }), 'invalid_argument', 'options.locale');
  assertCode(() => new ConsentFlow(camp, { today: '28/11/2026' }), 'invalid_argument', 'options.today');
  const dated = new ConsentFlow(camp, { today: new Date(2026, 10, 28) });
  whose(dated);
  assert.equal(dated.dispatch({ type: 'age', birthDate: '2012-11-28' }).step, 'adult_notice', 'a Date works as today');
  assertCode(() => new ConsentFlow(camp, { colour: 'red' }), 'invalid_argument', 'options.colour');
  assertCode(() => new ConsentFlow({ ...camp, audience: 'kids' }), 'policy_invalid', 'audience');
  const flow = new ConsentFlow(camp, { today: '2026-11-28' });
  assertCode(() => flow.dispatch({ type: 'age', birthDate: '2016-05' }), 'invalid_action', 'action.type');
  assertCode(() => flow.dispatch({ type: 'respondent', respondent: 'parent' }), 'invalid_argument', 'action.respondent');
  assertCode(() => flow.dispatch({ type: 'respondent' }), 'invalid_argument', 'action.respondent');
  assert.equal(flow.view().step, 'whose', 'unchanged');
  whose(flow);
  assertCode(() => flow.dispatch('age'), 'invalid_argument', 'action');
  assertCode(() => flow.dispatch({ type: 'fly' }), 'invalid_argument', 'action.type');
  assertCode(() => flow.dispatch({ type: 'age', birthDate: '2030-01' }), 'invalid_argument', 'action.birthDate');
  assertCode(() => flow.dispatch({ type: 'continue' }), 'invalid_action', 'action.type');
  assert.equal(flow.view().step, 'age_gate', 'unchanged');
  const failing = { get: () => null, set: () => { throw new Error('quota'); } };
  assertCode(() => new ConsentFlow(camp, { storage: failing }), 'storage_failed', 'options.storage');
  assertCode(() => mountConsent({}, flow), 'invalid_argument', 'element');
  assertCode(() => verifyReceipt({}, { ...camp, purposes: {} }), 'policy_invalid', 'purposes');
  assert.deepEqual(verifyReceipt({}, camp), { valid: false, reason: 'malformed' });
});

test('a second instance on the same storage (another tab, a restored page) cannot answer the gate again', () => {
  const storage = memory();
  const stale = new ConsentFlow(camp, { locale: 'en', today: '2026-11-28', storage });
  const fresh = new ConsentFlow(camp, { locale: 'en', today: '2026-11-28', storage });
  whose(fresh);
  assert.equal(stale.view().step, 'age_gate', 'the stale page sees the stored answer to whose');
  assertCode(() => stale.dispatch({ type: 'respondent', respondent: 'guardian' }), 'invalid_action', 'action.type');
  assert.equal(fresh.dispatch({ type: 'age', birthDate: '2015-03' }).step, 'child_notice');
  assert.equal(stale.view().step, 'child_notice', 'the stale page sees the stored answer');
  assertCode(() => stale.dispatch({ type: 'age', birthDate: '1990-01' }), 'invalid_action', 'action.type');
  assert.equal(JSON.parse(storage.get('minform.consent.v1.kids-camp')).age.child, true);
  const promised = { get: () => Promise.resolve(null), set: () => {} };
  assertCode(() => new ConsentFlow(camp, { storage: promised }), 'invalid_argument', 'options.storage');
});

test('the flow refuses a policy checkPolicy rejects; consents carry the subject for the minimizer', () => {
  const bad = JSON.parse(readFileSync(new URL('bad-children-ads.json', policies), 'utf8'));
  assertCode(() => new ConsentFlow(bad), 'policy_rejected', 'policy');
  const adult = new ConsentFlow(camp, { locale: 'en', today: '2026-11-28' });
  whose(adult);
  adult.dispatch({ type: 'age', birthDate: '1990-01' });
  adult.dispatch({ type: 'continue' });
  adult.dispatch({ type: 'grant', purposes: ['enrolment', 'safety'] });
  const consents = adult.consents();
  assert.equal(adult.subject(), 'adult');
  const m = new Minimizer(camp, { key: new Uint8Array(32).fill(9) });
  const { payload } = m.minimize({ mobile: '13912345678' }, { subject: adult.subject(), consents });
  assert.deepEqual(m.minimize({ mobile: '13912345678' }, { consents }).payload, {}, 'without it, a children\'s policy assumes a child');
  assertCode(() => m.minimize({}, { subject: 'teen' }), 'invalid_argument', 'options.subject');
  assert.match(payload.mobile, /^[0-9a-f]{64}$/, 'no separate age needed: the flow found an adult');
  assert.deepEqual(verifyReceipt([], camp), { valid: false, reason: 'malformed' });
});

test('a parent fills in for a child: whose → the child\'s date → guardian notice → verification → consent', () => {
  const storage = memory();
  const flow = new ConsentFlow(camp, { locale: 'zh-CN', today: '2026-11-28', storage });
  const first = flow.view();
  assert.equal(first.step, 'whose');
  assert.equal(first.audience, 'anyone');
  assert.deepEqual(first.options, [{ value: 'self', label: '我自己' }, { value: 'guardian', label: '我照顾的孩子' }]);
  assert.deepEqual(first.choices, [], 'nothing chosen for the user');
  assert.equal(flow.respondent(), null);
  const gate = flow.dispatch({ type: 'respondent', respondent: 'guardian' });
  assert.equal(gate.step, 'age_gate');
  assert.equal(gate.title, '孩子的出生日期');
  assert.equal(flow.respondent(), 'guardian');
  assert.equal(flow.subject(), null);
  const notice = flow.dispatch({ type: 'age', birthDate: '2017-03' });
  assert.equal(notice.step, 'guardian_notice');
  assert.equal(notice.audience, 'guardian');
  assert.equal(flow.dispatch({ type: 'other_audience' }).audience, 'child', "the child's version, one action away");
  flow.dispatch({ type: 'other_audience' });
  assert.equal(flow.dispatch({ type: 'continue' }).step, 'guardian_verify');
  const choices = flow.dispatch({ type: 'guardian_verified', method: 'sms' });
  assert.equal(choices.step, 'consent');
  const health = choices.choices.find((c) => c.id === 'health');
  assert.match(health.description, /^用于：在营期间保障孩子安全（必需）。如不同意/);
  assert.equal(choices.choices.find((c) => c.id === 'enrolment').description, undefined);
  flow.dispatch({ type: 'grant', purposes: ['enrolment', 'safety'], sensitiveCategories: ['health'] });
  assert.deepEqual(flow.consents(), { purposes: ['enrolment', 'safety'], sensitiveCategories: ['health'], guardianVerified: true });
  assert.equal(flow.subject(), 'child');
  const receipt = flow.receipt();
  assert.equal(receipt.respondent, 'guardian');
  assert.equal(receipt.notice.audience, 'guardian');
  assert.equal(receipt.childNotice, undefined);
  assert.deepEqual(verifyReceipt(receipt, camp), { valid: true });
  assert.deepEqual(verifyReceipt({ ...receipt, respondent: 'self' }, camp), { valid: false, reason: 'digest_mismatch' });
  assert.ok(!JSON.stringify(receipt).includes('2017') && !storage.get('minform.consent.v1.kids-camp').includes('2017'), 'no birth date kept');
  // A reload resumes; the answers stay.
  const again = new ConsentFlow(camp, { locale: 'zh-CN', today: '2026-11-28', storage });
  assert.equal(again.respondent(), 'guardian');
  assertCode(() => again.dispatch({ type: 'respondent', respondent: 'self' }), 'invalid_action', 'action.type');
  // For someone at or above the threshold (15 in CN), the adult notice; the receipt says who answered.
  const teen = new ConsentFlow(camp, { locale: 'en', today: '2026-11-28' });
  teen.dispatch({ type: 'respondent', respondent: 'guardian' });
  assert.equal(teen.dispatch({ type: 'age', birthDate: '2011-06' }).step, 'adult_notice');
  teen.dispatch({ type: 'continue' });
  teen.dispatch({ type: 'grant', purposes: ['enrolment', 'safety'] });
  assert.deepEqual([teen.subject(), teen.respondent(), teen.receipt().respondent], ['adult', 'guardian', 'guardian']);
  // A general-audience policy does not ask whose data it is.
  const shopper = new ConsentFlow(shop, { locale: 'en', today: '2026-11-28' });
  assert.equal(shopper.view().step, 'age_gate');
  assert.equal(shopper.view().options, undefined);
  shopper.dispatch({ type: 'age', birthDate: '1985-07' });
  assert.equal(shopper.respondent(), 'self');
});
