#!/usr/bin/env node
// Regenerates tests/vectors/pseudonymize.json from the independent JS reference
// (tests/js/reference.mjs). Run by hand when vectors are added; the file is committed and every
// test layer (native Rust, wasm in Node and Chromium, the installed npm package, the demo page)
// checks it. Changing an existing expectation is a breaking change of the pseudonym scheme.
import { writeFileSync } from 'node:fs';
import { referencePseudonym } from '../tests/js/reference.mjs';

const fromHex = (h) => Uint8Array.from(h.match(/../g) ?? [], (b) => parseInt(b, 16));
const seq = (n, start = 0) => Array.from({ length: n }, (_, i) => ((start + i) & 0xff).toString(16).padStart(2, '0')).join('');

const keys = [seq(32), seq(33, 0xf0), 'ff'.repeat(64)];
const contexts = ['signup-2026', 'kids-signup/phone', '家长手机号', 'a'];
const values = [
  '',
  '13800138000',
  '+8613800138000',
  '王小明',
  '11010519491231002X',
  'privacy@example.cn',
  ' 138 0013 8000 ',
  'emoji 👩‍👧 and NUL \u0000 inside',
  'x'.repeat(1024), // exactly one BLAKE3 chunk
  '长'.repeat(700), // 2,100 UTF-8 bytes: three chunks
];

const vectors = [];
keys.forEach((key, k) =>
  contexts.forEach((context, c) =>
    values.forEach((value, v) => {
      // Every value under the first key and context; a diagonal sample elsewhere keeps the file small.
      if ((k === 0 && c === 0) || (k + c + v) % 4 === 0) {
        vectors.push({ key, context, value, pseudonym: referencePseudonym(fromHex(key), context, value) });
      }
    }),
  ),
);

const errors = [
  { key: '', context: 'signup-2026', value: 'v', code: 'key_too_short', field: 'key' },
  { key: seq(31), context: 'signup-2026', value: 'v', code: 'key_too_short', field: 'key' },
  { key: seq(32), context: '', value: 'v', code: 'context_empty', field: 'context' },
];

const file = {
  scheme: 'minform pseudonym v1',
  spec: 'src/pseudonym.rs: subkey = BLAKE3-derive_key("minform 2026-11 pseudonym subkey v1", le64(len(context)) || context || key); pseudonym = hex(BLAKE3-keyed_hash(subkey, value))',
  generator: 'scripts/gen-vectors.mjs with @noble/hashes (independent of the Rust core)',
  note: 'key is hex; context and value are UTF-8 strings; field is the argument at fault (JS paths put it under options.)',
  vectors,
  errors,
};
const out = new URL('../tests/vectors/pseudonymize.json', import.meta.url);
writeFileSync(out, JSON.stringify(file, null, 2) + '\n');
console.log(`wrote ${vectors.length} vectors and ${errors.length} error cases to ${out.pathname}`);
