#!/usr/bin/env node
// Copies a wasm module without its `target_features` custom section.
//
// Why: the mini-program module is compiled for the WebAssembly MVP (`-C target-cpu=mvp`), but
// Rust's precompiled std still lists `+reference-types` and `+multivalue` in that section, and
// wasm-bindgen reads the section to decide whether to emit an externref table, then fails
// ("failed to find the `__wbindgen_externref_table_dealloc` function"; wasm-bindgen #4716).
// Without the section it emits MVP glue; tests/miniprogram/module.test.mjs checks the result
// with wabt, all proposals off. (`wasm-opt --strip-target-features` would do the same but
// re-encodes the module with post-MVP encodings wasm-bindgen cannot read.)
//
// Usage: node scripts/wasm-strip-target-features.mjs <in.wasm> <out.wasm>
import { readFileSync, writeFileSync } from 'node:fs';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: wasm-strip-target-features.mjs <in.wasm> <out.wasm>');
  process.exit(2);
}
const bytes = readFileSync(input);
if (bytes.readUInt32LE(0) !== 0x6d736100 || bytes.readUInt32LE(4) !== 1) {
  console.error(`${input}: not a WebAssembly 1.0 module`);
  process.exit(1);
}
/** An unsigned LEB128 at `at`: [value, next offset]. */
function leb(at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}
const kept = [bytes.subarray(0, 8)];
let removed = 0;
for (let at = 8; at < bytes.length; ) {
  const start = at;
  const id = bytes[at];
  const [size, body] = leb(at + 1);
  const end = body + size;
  let keep = true;
  if (id === 0) {
    const [nameLength, name] = leb(body);
    keep = bytes.subarray(name, name + nameLength).toString('utf8') !== 'target_features';
  }
  if (keep) kept.push(bytes.subarray(start, end));
  else removed++;
  at = end;
}
writeFileSync(output, Buffer.concat(kept));
console.log(`${output}: ${removed ? 'removed' : 'no'} target_features section`);
