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

test('a refusal names the missing consent: the sensitive category, else the purpose, never a value', async () => {
  // An internal module of the package (not an export): imported by its file.
  const { refusalText } = await import(new URL('src/protect.js', pkgUrl).href);
  const { TEXTS } = await import(new URL('src/protect-text.js', pkgUrl).href);
  const describe = (id) => ({ enrolment: 'enrol the child' })[id];
  const t = TEXTS.en;
  const err = (extra) => Object.assign(new node.MinformError('consents.purposes: the required purpose "enrolment" was not consented to', { code: 'consent_required', path: 'consents.purposes' }), extra);
  assert.equal(refusalText(err({ purpose: 'enrolment', category: 'health' }), t, describe), 'Nothing was sent: a separate consent is needed for sensitive information: health information.');
  assert.equal(refusalText(err({ purpose: 'enrolment', category: 'a_new_category' }), t, describe), 'Nothing was sent: a separate consent is needed for sensitive information: sensitive personal information.');
  assert.equal(refusalText(err({ purpose: 'enrolment' }), t, describe), 'Nothing was sent: consent is needed for “enrol the child”.');
  assert.equal(refusalText(err({}), t, describe), 'Nothing was sent: consent is needed for “enrol the child”.', 'the purpose quoted in the message (before the core sets `purpose`)');
  assert.equal(refusalText(err({ purpose: 'unknown' }), t, describe), t.consent_missing);
  assert.equal(refusalText(err({ category: 'national_id' }), TEXTS['zh-CN'], describe), '没有发送任何信息：敏感个人信息需要单独同意：身份证件号码。');
  assert.equal(refusalText(new node.MinformError('x', { code: 'invalid_argument' }), t, describe), t.failed);
  assert.equal(refusalText(undefined, t, describe), t.failed);
});
