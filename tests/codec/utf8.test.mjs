// The mini-program build's UTF-8 codec (pkg/src/miniprogram/utf8.js) against Node's own
// TextEncoder/TextDecoder (the WHATWG Encoding Standard), on fixed cases and on many random
// strings and byte sequences from a seeded generator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextEncoder as Encoder, TextDecoder as Decoder } from '../../pkg/src/miniprogram/utf8.js';

const ref = { encoder: new globalThis.TextEncoder(), lenient: new globalThis.TextDecoder('utf-8'), bomKept: new globalThis.TextDecoder('utf-8', { ignoreBOM: true }) };

/** A small seeded PRNG (mulberry32), so failures reproduce. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIXED = ['', 'abc', '陈思远', '身份证号 110105201305120235', '😀🎨', 'é', '\u0000', '\uffff', '\ud800', '\udc00x', 'a\ud83d', '\ud83d\ude00\ud83d', 'Ω≈ç√∫', '\u{10ffff}'];

test('encode: the same bytes as TextEncoder (lone surrogates as U+FFFD)', () => {
  const enc = new Encoder();
  for (const s of FIXED) assert.deepEqual(enc.encode(s), ref.encoder.encode(s), JSON.stringify(s));
  const r = rng(1);
  const pick = () => {
    const x = r();
    if (x < 0.3) return String.fromCharCode(Math.floor(r() * 0x80));
    if (x < 0.5) return String.fromCharCode(0x4e00 + Math.floor(r() * 0x5000));
    if (x < 0.7) return String.fromCodePoint(0x10000 + Math.floor(r() * 0xfffff));
    if (x < 0.8) return String.fromCharCode(0xd800 + Math.floor(r() * 0x800)); // lone surrogates
    return String.fromCharCode(Math.floor(r() * 0x10000));
  };
  for (let i = 0; i < 3000; i++) {
    const s = Array.from({ length: Math.floor(r() * 20) }, pick).join('');
    assert.deepEqual(enc.encode(s), ref.encoder.encode(s), JSON.stringify(s));
  }
});

test('encodeInto: what fits, never half a code point, as TextEncoder', () => {
  const enc = new Encoder();
  for (const s of FIXED) {
    for (let n = 0; n <= 8; n++) {
      const a = new Uint8Array(n);
      const b = new Uint8Array(n);
      assert.deepEqual(enc.encodeInto(s, a), ref.encoder.encodeInto(s, b), `${JSON.stringify(s)} into ${n}`);
      assert.deepEqual(a, b);
    }
  }
});

test('decode: the same text as TextDecoder on valid and invalid bytes; fatal throws; BOM handling', () => {
  const lenient = new Decoder('utf-8');
  const bomKept = new Decoder('utf-8', { ignoreBOM: true });
  const fatal = new Decoder('utf-8', { fatal: true });
  const refFatal = new globalThis.TextDecoder('utf-8', { fatal: true });
  const r = rng(2);
  const cases = [[], [0xef, 0xbb, 0xbf, 0x61], [0xc0, 0x80], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf0, 0x9f, 0x98], [0xff], [0xe4, 0xb8]];
  for (let i = 0; i < 5000; i++) {
    const n = Math.floor(r() * 12);
    const bytes = Array.from({ length: n }, () => (r() < 0.5 ? Math.floor(r() * 256) : [0xe4, 0xb8, 0xad, 0xf0, 0x9f, 0x98, 0x80, 0xc3, 0xa9, 0x41][Math.floor(r() * 10)]));
    cases.push(bytes);
  }
  for (const c of cases) {
    const bytes = Uint8Array.from(c);
    assert.equal(lenient.decode(bytes), ref.lenient.decode(bytes), `[${c}]`);
    assert.equal(bomKept.decode(bytes), ref.bomKept.decode(bytes), `[${c}] ignoreBOM`);
    let want;
    try {
      want = refFatal.decode(bytes);
    } catch {
      want = TypeError;
    }
    if (want === TypeError) assert.throws(() => fatal.decode(bytes), TypeError, `[${c}] fatal`);
    else assert.equal(fatal.decode(bytes), want);
  }
  // Views and buffers, and text far longer than one String.fromCharCode chunk.
  const long = '陈思远😀'.repeat(5000);
  const bytes = ref.encoder.encode(long);
  assert.equal(lenient.decode(bytes), long);
  assert.equal(lenient.decode(bytes.buffer), long);
  assert.equal(lenient.decode(new DataView(bytes.buffer, 3, 6)), '思远');
  assert.equal(lenient.decode(), '');
  assert.throws(() => new Decoder('gbk'), RangeError);
});
