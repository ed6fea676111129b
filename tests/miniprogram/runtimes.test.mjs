// The JS contract suite (./contract.mjs) in each simulated runtime (./runtimes.mjs), against the
// installed package's mini-program files laid out as each platform's npm build lays them out:
//   WeChat / Douyin  miniprogram_npm/minform/ (a copy of the package's `miniprogram` folder)
//   Alipay           node_modules/minform/ read in place; the worker entry copied to workers/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import vm from 'node:vm';
import { mkdtempSync, cpSync, mkdirSync, rmSync } from 'node:fs';
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
