// A WeChat page for <minform-consent> under miniprogram-simulate: jsdom, wx storage over a Map,
// and WXWebAssembly serving the installed package's module from package paths that `serve`
// maps to files (by default, where "Build npm" puts it). One per process: the component's
// module is a singleton, as in a mini-program.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { brotliDecompressSync } from 'node:zlib';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import 'global-jsdom/register';

const require = createRequire(import.meta.url);
// global-jsdom does not expose these two, which miniprogram-simulate's event system uses.
globalThis.CustomEvent = window.CustomEvent;
globalThis.Event = window.Event;
export const simulate = require('miniprogram-simulate');
export const pkg = path.dirname(fileURLToPath(import.meta.resolve('minform/package.json')));

export function host({ prefix = '/miniprogram_npm/minform/' } = {}) {
  const storage = new Map();
  const loads = [];
  globalThis.wx = {
    getStorageSync: (key) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key, value) => void storage.set(key, value),
  };
  globalThis.WXWebAssembly = {
    async instantiate(p, imports) {
      assert.equal(typeof p, 'string', 'a package path');
      loads.push(p);
      if (!p.startsWith(prefix)) throw new Error(`no such file in the package: ${p}`);
      const bytes = brotliDecompressSync(readFileSync(path.join(pkg, 'miniprogram', p.slice(prefix.length))));
      return WebAssembly.instantiate(bytes, imports);
    },
  };
  const id = simulate.load(path.join(pkg, 'miniprogram/minform-consent/index'), 'minform-consent', { compiler: 'simulate' });
  return { id, storage, loads };
}

/** Waits (up to 2 s) for `check()` to hold. */
export async function until(check) {
  for (let i = 0; i < 200 && !check(); i++) await simulate.sleep(10);
  assert.ok(check(), 'timed out waiting for the component');
}
