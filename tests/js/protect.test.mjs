// protectForm as the installed package ships it: the Node entry exports it (so isomorphic code
// imports the same names everywhere) and refuses with `unsupported_platform`, before and after
// init(); the browser entry exports the same names; the types declare it and its error code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as node from 'minform';

const pkgUrl = import.meta.resolve('minform/package.json');
const pkgJson = JSON.parse(readFileSync(new URL(pkgUrl), 'utf8'));

function assertUnsupported() {
  assert.throws(
    () => node.protectForm({}, { policy: {}, key: new Uint8Array(32) }),
    (err) => err instanceof node.MinformError && err.code === 'unsupported_platform' && /protectForm/.test(err.message),
  );
}

test('the Node entry exports protectForm, which throws unsupported_platform (not not_initialized)', async () => {
  assert.equal(typeof node.protectForm, 'function');
  assertUnsupported();
  await node.init();
  assertUnsupported();
});

test('the browser entry exports the same names as the Node entry', async () => {
  // The web glue only defines functions at load time, so Node can import it to list exports.
  const browser = await import(new URL(pkgJson.exports['.'].browser, pkgUrl).href);
  assert.deepEqual(Object.keys(browser).sort(), Object.keys(node).sort());
  assert.equal(typeof browser.protectForm, 'function');
  // Arguments are checked synchronously, with paths, before any module is loaded.
  assert.throws(() => browser.protectForm(null, {}), (err) => err.code === 'invalid_argument' && err.path === 'form');
});

test('the type declarations declare protectForm, its options and unsupported_platform', () => {
  const dts = readFileSync(new URL(pkgJson.exports['.'].types, pkgUrl), 'utf8');
  for (const name of ['function protectForm', 'interface ProtectFormOptions', 'interface ProtectedForm', 'detach(): void',
    "'unsupported_platform'", 'send?: (payload', 'consents?: Consents', 'flow?: ConsentFlow']) {
    assert.ok(dts.includes(name), `index.d.ts declares ${name}`);
  }
});
