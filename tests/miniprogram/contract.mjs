// The package's JS contract, run against its mini-program builds inside the simulated runtimes
// (./runtimes.mjs). Every call is awaited, so one suite covers the synchronous WeChat/Douyin
// API and the promise-returning Alipay client. Answers are compared with the Node build of the
// same package (the same core must give the same results), after a JSON round trip because the
// objects come from another realm.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as node from 'minform';

const here = (rel) => new URL(rel, import.meta.url);
const readJson = (rel) => JSON.parse(readFileSync(here(rel), 'utf8'));
const plain = (v) => JSON.parse(JSON.stringify(v));
const camp = readJson('../policies/kids-camp.json');
const signup = readJson('../policies/kids-signup.json');
const vectors = readJson('../vectors/pseudonymize.json').vectors;
const corpus = readdirSync(here('../corpus/'))
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) =>
    readFileSync(here(`../corpus/${f}`), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l).field),
  );
const fromHex = (h) => (h.match(/../g) ?? []).map((b) => parseInt(b, 16));

/** Awaits `fn()` and asserts it failed with a MinformError of `code` (and `path`). */
async function rejects(fn, code, path) {
  let error;
  try {
    await fn();
  } catch (e) {
    error = e;
  }
  assert.ok(error, `expected a ${code} error`);
  assert.equal(error.name, 'MinformError', String(error));
  assert.equal(error.code, code, error.message);
  if (path !== undefined) assert.equal(error.path, path);
  return error;
}

/**
 * Registers the suite. `start()` returns a fresh runtime: `{ api, bytes(array) → Uint8Array of
 * the runtime's realm, storage: Map, logs(): [] }`; `api.init` not yet called.
 */
export function contract(label, start) {
  test(`${label}: before init() the API refuses (not_initialized); init() is idempotent`, async () => {
    const rt = start();
    await rejects(() => rt.api.classifyFields([{ name: 'x' }]), 'not_initialized');
    await rejects(() => rt.api.pseudonymize('13800138000', { key: rt.bytes(fromHex('00'.repeat(32))) }), 'not_initialized');
    const a = rt.api.init();
    const b = rt.api.init();
    assert.equal(a, b, 'concurrent calls share one load');
    await Promise.all([a, b]);
    assert.equal(await rt.api.init(), undefined);
    assert.deepEqual(rt.logs(), [], 'nothing logged');
  });

  test(`${label}: a missing module fails init with a typed error; the path option is used`, async () => {
    const rt = start();
    const err = await rejects(() => rt.api.init({ wasmPath: '/nowhere/minform_bg.wasm.br' }), 'init_failed');
    assert.match(err.message, /nowhere/);
    await rejects(() => rt.api.init({ wasmPath: 42 }), 'invalid_argument', 'options.wasmPath');
    await rejects(() => rt.api.init({ wasmPth: '/x.wasm.br' }), 'invalid_argument', 'options.wasmPth');
    await rejects(() => rt.api.classifyFields([]), 'not_initialized');
    await rt.api.init(); // a failed load may be retried
    assert.ok(Array.isArray(await rt.api.classifyFields([])));
  });

  test(`${label}: classifyFields gives the Node build's answers on the whole corpus (${corpus.length} fields, Chinese labels and values)`, async () => {
    const rt = start();
    await rt.api.init();
    await node.init();
    const got = plain(await rt.api.classifyFields(corpus));
    const want = plain(node.classifyFields(corpus));
    assert.equal(got.length, corpus.length);
    assert.deepEqual(got, want);
    // The reasons carry the labels' Chinese text through the UTF-8 codec.
    assert.ok(got.some((r) => r.reasons.some((t) => /[\u4e00-\u9fff]/.test(t))));
    await rejects(() => rt.api.classifyFields('not a list'), 'invalid_argument');
  });

  test(`${label}: findPersonalData finds data in Chinese text at UTF-16 offsets`, async () => {
    const rt = start();
    await rt.api.init();
    const text = '我叫陈思远，手机 13812345678，身份证 110105201305120235，邮箱 chen@example.cn 😀';
    const found = plain(await rt.api.findPersonalData(text));
    assert.deepEqual(found, plain(node.findPersonalData(text)));
    const phone = found.find((f) => f.category === 'phone');
    assert.equal(text.slice(phone.start, phone.end), '13812345678');
    assert.equal(text.slice(found.find((f) => f.category === 'email').start).startsWith('chen@example.cn'), true);
  });

  test(`${label}: pseudonymize matches every checked-in vector (UTF-8 values through the codec)`, async () => {
    const rt = start();
    await rt.api.init();
    let n = 0;
    for (const v of vectors.filter((v) => v.pseudonym)) {
      const options = { key: rt.bytes(fromHex(v.key)), context: v.context };
      assert.equal(await rt.api.pseudonymize(v.value, options), v.pseudonym, JSON.stringify(v.value));
      n++;
    }
    assert.ok(n >= 5);
    await rejects(() => rt.api.pseudonymize('x', { key: rt.bytes([1, 2, 3]), context: 'c' }), 'key_too_short', 'options.key');
  });

  test(`${label}: Minimizer gives the Node build's payload and report for a Chinese sign-up`, async () => {
    const rt = start();
    await rt.api.init();
    await node.init();
    const key = Array.from({ length: 32 }, (_, i) => i * 7);
    const record = { childName: '陈思远', birthday: '2015-09-03', guardianPhone: '13912345678', mobile: '+86 139 1234 5678', email: 'chen@example.cn', note: '喜欢画画 🎨' };
    const consents = { purposes: ['enrolment', 'notices'], sensitiveCategories: [], guardianVerified: true };
    const m = new rt.api.Minimizer(signup, { key: rt.bytes(key) });
    const got = plain(await m.minimize(record, { subjectAge: 10, consents }));
    const want = plain(new node.Minimizer(signup, { key: Uint8Array.from(key) }).minimize(record, { subjectAge: 10, consents }));
    assert.deepEqual(got, want);
    assert.ok(!('childName' in got.payload) || got.payload.childName !== '陈思远', 'the name does not leave as typed');
    assert.equal(got.payload.birthday, '2015', 'generalized to the year');
    assert.notEqual(got.payload.guardianPhone, '13912345678', 'masked');
    // Fail closed: no guardian consent for a child, nothing is sent.
    await rejects(() => m.minimize(record, { subjectAge: 10 }), 'consent_required');
    await rejects(() => m.minimize(record, 'x'), 'invalid_argument', 'options');
    await rejects(() => new rt.api.Minimizer(signup, { key: rt.bytes([1]) }).minimize(record, { subjectAge: 30 }), 'key_too_short', 'options.key');
  });

  test(`${label}: checkPolicy, describePolicy in Chinese, verifyReceipt`, async () => {
    const rt = start();
    await rt.api.init();
    await node.init();
    assert.deepEqual(plain(await rt.api.checkPolicy(camp)), plain(node.checkPolicy(camp)));
    const described = plain(await rt.api.describePolicy(camp, 'zh-CN'));
    assert.deepEqual(described, plain(node.describePolicy(camp, 'zh-CN')));
    assert.match(JSON.stringify(described), /[\u4e00-\u9fff]/);
    assert.deepEqual(plain(await rt.api.verifyReceipt({}, camp)).valid, false);
  });

  test(`${label}: the child path through the consent flow, kept in the platform's storage`, async () => {
    const rt = start();
    await rt.api.init();
    // No storage option: the platform's storage is used.
    const flow = new rt.api.ConsentFlow(camp, { locale: 'zh-CN', today: '2026-11-28' });
    const first = await flow.view();
    assert.equal(first.step, 'whose');
    assert.equal(first.lang, 'zh-CN');
    assert.match(first.title, /[\u4e00-\u9fff]/, 'Chinese text through the codec');
    assert.equal((await flow.dispatch({ type: 'respondent', respondent: 'self' })).step, 'age_gate');
    await rejects(() => flow.dispatch({ type: 'age', birthDate: 'soon' }), 'invalid_argument');
    assert.equal((await flow.dispatch({ type: 'age', birthDate: '2016-05' })).step, 'child_notice');
    assert.equal(await flow.subject(), 'child');
    // The answer is in the platform storage, under the policy's id.
    assert.equal(JSON.parse(rt.storage.get('minform.consent.v1.kids-camp')).age.child, true);

    // A new flow on the same storage (the mini-program relaunched) cannot answer the gate again.
    const again = new rt.api.ConsentFlow(camp, { locale: 'zh-CN', today: '2026-11-28' });
    assert.equal((await again.view()).step, 'child_notice', 'the age gate stays answered');
    assert.equal(await again.subject(), 'child');

    assert.equal((await flow.dispatch({ type: 'continue' })).step, 'guardian_notice');
    assert.equal((await flow.dispatch({ type: 'continue' })).step, 'guardian_verify');
    assert.equal((await flow.dispatch({ type: 'guardian_verified', method: 'sms' })).step, 'consent');
    assert.deepEqual(plain(await flow.consents()), { purposes: [], sensitiveCategories: [], guardianVerified: false }, 'nothing before done');
    const done = await flow.dispatch({ type: 'grant', purposes: ['enrolment', 'safety'], sensitiveCategories: ['health'] });
    assert.equal(done.step, 'done');
    const consents = plain(await flow.consents());
    assert.deepEqual(consents, { purposes: ['enrolment', 'safety'], sensitiveCategories: ['health'], guardianVerified: true });
    const receipt = plain(await flow.receipt());
    assert.deepEqual(plain(await rt.api.verifyReceipt(receipt, camp)), { valid: true });
    await node.init();
    assert.deepEqual(node.verifyReceipt(receipt, camp), { valid: true }, 'the Node build verifies it too');
    // The receipt chain is in the platform storage and verifies as a chain.
    const chain = JSON.parse(rt.storage.get('minform.receipts.v1'));
    assert.equal(chain.length, 1);
    assert.equal(rt.storage.get('minform.receipts.head.v1'), receipt.receiptDigest);
    assert.deepEqual(plain(await rt.api.verifyReceipt(chain, camp)), { valid: true });
    assert.ok(!JSON.stringify([...rt.storage.values()]).includes('2016'), 'no birth date stored');

    // The consents drive the minimizer.
    const m = new rt.api.Minimizer(camp, { key: rt.bytes(Array(32).fill(3)) });
    const { payload } = await m.minimize({ allergies: '青霉素过敏', mobile: '13912345678' }, { subjectAge: 10, consents });
    assert.equal(payload.allergies, '青霉素过敏');
    assert.match(payload.mobile, /^[0-9a-f]{64}$/);

    // Withdrawal is a second receipt, chained to the first, written to the platform storage.
    await flow.dispatch({ type: 'withdraw', purposes: ['safety'] });
    const chained = JSON.parse(rt.storage.get('minform.receipts.v1'));
    assert.equal(chained.length, 2);
    assert.deepEqual(plain(await rt.api.verifyReceipt(chained, camp)), { valid: true });
    assert.deepEqual(rt.logs(), [], 'nothing logged');
  });

  test(`${label}: storage: null keeps the flow in memory; bad options are typed errors`, async () => {
    const rt = start();
    await rt.api.init();
    const flow = new rt.api.ConsentFlow(camp, { locale: 'en', today: '2026-11-28', storage: null });
    await flow.dispatch({ type: 'respondent', respondent: 'self' });
    await flow.dispatch({ type: 'age', birthDate: '2016-05' });
    assert.equal(rt.storage.size, 0, 'nothing stored');
    await rejects(async () => (await new rt.api.ConsentFlow(camp, { storage: {} })).view(), 'invalid_argument', 'options.storage');
    await rejects(async () => (await new rt.api.ConsentFlow(camp, { colour: 'red' })).view(), 'invalid_argument', 'options.colour');
    const bad = readJson('../policies/bad-children-ads.json');
    await rejects(async () => (await new rt.api.ConsentFlow(bad, {})).view(), 'policy_rejected', 'policy');
  });
}
