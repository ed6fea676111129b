// The JS contract suite (./contract.mjs) in each simulated runtime (./runtimes.mjs), against the
// installed package's mini-program files laid out as each platform's npm build lays them out:
//   WeChat / Douyin  miniprogram_npm/minform/ (a copy of the package's `miniprogram` folder)
//   Alipay           node_modules/minform/ read in place; the worker entry copied to workers/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import vm from 'node:vm';
import { mkdtempSync, cpSync, mkdirSync, rmSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pageRuntime, alipayRuntime } from './runtimes.mjs';
import { contract } from './contract.mjs';

const pkg = path.dirname(fileURLToPath(import.meta.resolve('minform/package.json')));
const project = mkdtempSync(path.join(tmpdir(), 'minform-miniprogram-'));
process.on('exit', () => rmSync(project, { recursive: true, force: true }));
cpSync(path.join(pkg, 'miniprogram'), path.join(project, 'miniprogram_npm/minform'), { recursive: true });
mkdirSync(path.join(project, 'node_modules/minform'), { recursive: true });
cpSync(path.join(pkg, 'miniprogram'), path.join(project, 'node_modules/minform/miniprogram'), { recursive: true });
cpSync(path.join(pkg, 'alipay'), path.join(project, 'node_modules/minform/alipay'), { recursive: true });
mkdirSync(path.join(project, 'workers'));
cpSync(path.join(pkg, 'alipay/worker.js'), path.join(project, 'workers/minform.js'));

const bytesIn = (context) => (array) => vm.runInContext('(a) => Uint8Array.from(a)', context)(Array.from(array));

function page(platform, ios) {
  return () => {
    const rt = pageRuntime(project, { platform, ios });
    const api = rt.require('miniprogram_npm/minform/index.js');
    return { api, bytes: bytesIn(rt.context), storage: rt.storage, logs: () => rt.logs, rt };
  };
}

contract('WeChat (Android)', page('wechat', false));
contract('WeChat (iOS: no exported Globals, no FinalizationRegistry)', page('wechat', true));
contract('Douyin', page('douyin', false));
contract('Alipay (page client + worker)', () => {
  const rt = alipayRuntime(project);
  const api = rt.require('node_modules/minform/alipay/index.js');
  // Arguments are copied into the worker, so the page's own Uint8Array is what a caller passes.
  return { api, bytes: bytesIn(rt.context), storage: rt.storage, logs: () => [...rt.logs, ...rt.workerLogs.flat()], rt };
});

test('the simulated runtimes are as bare as the real ones', () => {
  const { rt } = page('wechat', true)();
  for (const name of ['WebAssembly', 'TextEncoder', 'TextDecoder', 'fetch', 'window', 'document', 'process', 'Buffer', 'require', 'FinalizationRegistry']) {
    assert.equal(vm.runInContext(`typeof ${name}`, rt.context), 'undefined', name);
  }
  assert.equal(vm.runInContext('typeof WXWebAssembly', rt.context), 'object');
});

test('WeChat: the loader takes a package path only, and the default one is where "Build npm" puts the module', async () => {
  const { api, rt } = page('wechat', true)();
  await api.init();
  assert.deepEqual(rt.loads, ['/miniprogram_npm/minform/minform_bg.wasm.br']);
  const elsewhere = page('wechat', false)();
  cpSync(path.join(pkg, 'miniprogram/minform_bg.wasm.br'), path.join(project, 'sub/minform_bg.wasm.br'), { recursive: true });
  await elsewhere.api.init({ wasmPath: '/sub/minform_bg.wasm.br' });
  assert.deepEqual(elsewhere.rt.loads, ['/sub/minform_bg.wasm.br'], 'init({ wasmPath }) for a subpackage');
});

test('Alipay: the page has no MyWebAssembly, so the synchronous entry refuses with unsupported_platform', async () => {
  const rt = alipayRuntime(project);
  const sync = rt.require('node_modules/minform/miniprogram/index.js');
  await assert.rejects(sync.init(), (e) => e.code === 'unsupported_platform' && /alipay/.test(e.message));
  const client = rt.require('node_modules/minform/alipay/index.js');
  await client.init();
  assert.deepEqual(rt.loads, ['/node_modules/minform/miniprogram/minform_bg.wasm.br'], 'loaded in the worker, by absolute path');
});

test('WeChat: protectSubmit sends only the minimized record, and nothing without consent', async () => {
  const { api, bytes } = page('wechat', true)();
  const camp = JSON.parse(readFileSync(new URL('../policies/kids-camp.json', import.meta.url), 'utf8'));
  const sent = [];
  const errors = [];
  const options = { policy: camp, key: Promise.resolve(bytes(Array(32).fill(5))), send: (payload) => sent.push(JSON.parse(JSON.stringify(payload))), onError: (e) => errors.push(e.code) };
  // Attached before init(): the handler waits for the module itself.
  const before = api.protectSubmit({ ...options });
  const record = { mobile: '13912345678', allergies: '青霉素过敏' };
  assert.equal(await before({ detail: { value: record } }), null, 'a child with no consents: nothing sent');
  assert.deepEqual(sent, []);
  assert.deepEqual(errors, ['consent_required']);

  const flow = new api.ConsentFlow(camp, { storage: null, today: '2026-11-28' });
  flow.dispatch({ type: 'respondent', respondent: 'self' });
  flow.dispatch({ type: 'age', birthDate: '2016-05' });
  while (flow.view().step !== 'guardian_verify') flow.dispatch({ type: 'continue' });
  flow.dispatch({ type: 'guardian_verified', method: 'sms' });
  flow.dispatch({ type: 'grant', purposes: ['enrolment', 'safety'], sensitiveCategories: ['health'] });
  const onSubmit = api.protectSubmit({ ...options, flow });
  const result = await onSubmit({ detail: { value: record } });
  assert.ok(result);
  assert.equal(sent.length, 1);
  assert.equal(sent[0].allergies, '青霉素过敏');
  assert.match(sent[0].mobile, /^[0-9a-f]{64}$/);
  assert.equal(await onSubmit({ detail: {} }), null, 'no values: nothing sent');
  assert.equal(errors.at(-1), 'invalid_argument');
  assert.throws(() => api.protectSubmit({ policy: camp, key: bytes([1]) }), (e) => e.code === 'invalid_argument' && e.path === 'options.send');
  assert.throws(() => api.protectSubmit({ ...options, colour: 1 }), (e) => e.path === 'options.colour');
});

test('Alipay: a worker that never answers fails init (init_failed) instead of hanging; it is ended, and a retry starts the right one', async () => {
  const silent = path.join(project, 'workers/silent.js');
  writeFileSync(silent, '// a worker file that is not minform\'s\n');
  const rt = alipayRuntime(project);
  const client = rt.require('node_modules/minform/alipay/index.js');
  await assert.rejects(client.init({ workerPath: 'workers/silent.js', timeout: 50 }), (e) => e.code === 'init_failed' && /did not answer/.test(e.message));
  await assert.rejects(client.classifyFields([]), (e) => e.code === 'not_initialized');
  await assert.rejects(client.init({ timeout: -1 }), (e) => e.code === 'invalid_argument' && e.path === 'options.timeout');
  // The silent worker was ended, so a retry may start the right one.
  await client.init();
  assert.equal((await client.classifyFields([{ name: 'mobile', value: '13912345678' }]))[0].category, 'phone');
});
