// The JS contract suite for pseudonymize, run by scripts/test against the npm package as
// installed from its `npm pack` tarball into a project outside the repository.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { init, pseudonymize, attachPseudonymPreview, MinformError } from 'minform';
import { referencePseudonym } from './reference.mjs';

const vectors = JSON.parse(readFileSync(new URL('../vectors/pseudonymize.json', import.meta.url), 'utf8'));
const fromHex = (h) => Uint8Array.from(h.match(/../g) ?? [], (b) => parseInt(b, 16));
const KEY = Uint8Array.from({ length: 32 }, (_, i) => i);

/** Asserts that `fn` throws a MinformError with `code` (and `path`), never echoing `secret`. */
function assertThrowsCode(fn, code, path, secret) {
  assert.throws(fn, (err) => {
    assert.ok(err instanceof MinformError, `expected MinformError, got ${err?.constructor?.name}: ${err}`);
    assert.ok(err instanceof Error);
    assert.equal(err.name, 'MinformError');
    assert.equal(err.code, code);
    assert.equal(err.path, path);
    assert.ok(err.message.length > 10, 'the message explains the error');
    if (secret) assert.ok(!err.message.includes(secret), 'the message does not echo the input');
    return true;
  });
}

// Must run first: node --test gives each file its own process, and tests in a file run in order.
test('before init(), the API throws not_initialized', () => {
  assertThrowsCode(() => pseudonymize('13800138000', { key: KEY, context: 'c' }), 'not_initialized', undefined);
});

test('init() is idempotent and concurrent calls share one load', async () => {
  const [a, b] = [init(), init()];
  assert.equal(a, b, 'concurrent calls return the same promise');
  await Promise.all([a, b]);
  assert.equal(await init(), undefined);
  await init(new URL('https://ignored.invalid/minform_bg.wasm')); // Node ignores a source
});

test('every checked-in vector matches', () => {
  assert.ok(vectors.vectors.length >= 30);
  for (const v of vectors.vectors) {
    assert.equal(pseudonymize(v.value, { key: fromHex(v.key), context: v.context }), v.pseudonym, `context ${v.context}`);
  }
});

test('every checked-in error case throws its code and path', () => {
  for (const e of vectors.errors) {
    assertThrowsCode(
      () => pseudonymize(e.value, { key: fromHex(e.key), context: e.context }),
      e.code,
      `options.${e.field}`,
    );
  }
});

test('random inputs agree with the independent reference (@noble/hashes)', () => {
  let seed = 0x2026_1128;
  const rand = (n) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n);
  const alphabet = ['a', 'Z', '0', ' ', '@', '王', '小', '明', '😀', '\u0000', '-', '+', '\u00e9'];
  const str = (max) => Array.from({ length: rand(max) }, () => alphabet[rand(alphabet.length)]).join('');
  for (let i = 0; i < 300; i++) {
    const key = Uint8Array.from({ length: 32 + rand(40) }, () => rand(256));
    const context = str(20) || 'c';
    const value = str(i % 50 === 0 ? 3000 : 60);
    assert.equal(pseudonymize(value, { key, context }), referencePseudonym(key, context, value));
  }
});

test('output is 64 lowercase hex; key, context and value each separate pseudonyms', () => {
  const p = pseudonymize('13800138000', { key: KEY, context: 'signup' });
  assert.match(p, /^[0-9a-f]{64}$/);
  assert.notEqual(p, pseudonymize('13800138000', { key: KEY, context: 'newsletter' }));
  assert.notEqual(p, pseudonymize('13800138001', { key: KEY, context: 'signup' }));
  const other = KEY.slice();
  other[31] ^= 1;
  assert.notEqual(p, pseudonymize('13800138000', { key: other, context: 'signup' }));
});

test('a Node Buffer and a subarray view are accepted as keys', () => {
  const expect = pseudonymize('v', { key: KEY, context: 'c' });
  assert.equal(pseudonymize('v', { key: Buffer.from(KEY), context: 'c' }), expect);
  const padded = new Uint8Array(40);
  padded.set(KEY, 4);
  assert.equal(pseudonymize('v', { key: padded.subarray(4, 36), context: 'c' }), expect);
});

test('wrong types are typed errors with the path of the bad part', () => {
  const secret = '13800138000';
  assertThrowsCode(() => pseudonymize(13800138000, { key: KEY, context: 'c' }), 'invalid_argument', 'value');
  assertThrowsCode(() => pseudonymize(null, { key: KEY, context: 'c' }), 'invalid_argument', 'value');
  assertThrowsCode(() => pseudonymize(secret), 'invalid_argument', 'options', secret);
  assertThrowsCode(() => pseudonymize(secret, null), 'invalid_argument', 'options', secret);
  assertThrowsCode(() => pseudonymize(secret, { context: 'c' }), 'invalid_argument', 'options.key', secret);
  assertThrowsCode(() => pseudonymize(secret, { key: 'x'.repeat(32), context: 'c' }), 'invalid_argument', 'options.key');
  assertThrowsCode(() => pseudonymize(secret, { key: Array.from(KEY), context: 'c' }), 'invalid_argument', 'options.key');
  assertThrowsCode(() => pseudonymize(secret, { key: KEY }), 'invalid_argument', 'options.context', secret);
  assertThrowsCode(() => pseudonymize(secret, { key: KEY, context: 7 }), 'invalid_argument', 'options.context');
  const hostile = { get key() { throw new Error('boom'); }, context: 'c' };
  assertThrowsCode(() => pseudonymize(secret, hostile), 'invalid_argument', 'options.key', secret);
});

test('short keys, empty contexts and lone surrogates are refused, not repaired', () => {
  for (const len of [0, 1, 16, 31]) {
    assertThrowsCode(() => pseudonymize('v', { key: new Uint8Array(len), context: 'c' }), 'key_too_short', 'options.key');
  }
  assertThrowsCode(() => pseudonymize('v', { key: KEY, context: '' }), 'context_empty', 'options.context');
  assertThrowsCode(() => pseudonymize('a\uD800b', { key: KEY, context: 'c' }), 'invalid_string', 'value');
  assertThrowsCode(() => pseudonymize('v', { key: KEY, context: '\uDFFF' }), 'invalid_string', 'options.context');
  // A valid surrogate pair is fine and differs from the replacement character.
  assert.notEqual(pseudonymize('😀', { key: KEY, context: 'c' }), pseudonymize('\uFFFD', { key: KEY, context: 'c' }));
});

test('a 1 MB value is hashed, not truncated', () => {
  const big = 'x'.repeat(1 << 20);
  const p = pseudonymize(big, { key: KEY, context: 'c' });
  assert.equal(p, referencePseudonym(KEY, 'c', big));
  assert.notEqual(p, pseudonymize(big + 'y', { key: KEY, context: 'c' }));
});

test('attachPseudonymPreview refuses non-DOM arguments with a typed error under Node', () => {
  assertThrowsCode(() => attachPseudonymPreview({}, {}, { key: KEY, context: 'c' }), 'invalid_argument', 'input');
});
