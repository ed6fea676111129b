// The shipped mini-program module, as the installed package holds it: what it exports and
// imports, which WebAssembly features it uses, and the size of the folder platforms copy.
// Validated by wabt (the WebAssembly reference toolkit) with every post-MVP proposal off: a
// module that used reference types, multi-value, SIMD, threads, exceptions, tail calls, GC,
// bulk memory, sign extension, saturating conversions or mutable-global imports/exports would
// fail to read or validate. (binaryen's `--mvp-features` is not used for this check: it
// accepted a module with an externref table.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { brotliDecompressSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import initWabt from 'wabt';

const pkg = path.dirname(fileURLToPath(import.meta.resolve('minform/package.json')));
const folder = path.join(pkg, 'miniprogram');
const wasm = brotliDecompressSync(readFileSync(path.join(folder, 'minform_bg.wasm.br')));
const POST_MVP = [
  'exceptions', 'mutable_globals', 'sat_float_to_int', 'sign_extension', 'simd', 'threads', 'function_references',
  'multi_value', 'tail_call', 'bulk_memory', 'reference_types', 'annotations', 'code_metadata', 'gc', 'memory64',
  'extended_const', 'relaxed_simd', 'multi_memory',
];

test('the module exports functions and its memory only: no Globals (WeChat iOS), no table', () => {
  const module = new WebAssembly.Module(wasm);
  const exports = WebAssembly.Module.exports(module);
  const kinds = {};
  for (const e of exports) (kinds[e.kind] ??= []).push(e.name);
  console.log(`exports: ${exports.length} (${Object.entries(kinds).map(([k, v]) => `${k}: ${v.length}`).join(', ')})`);
  console.log(`  ${exports.map((e) => `${e.name} (${e.kind})`).join('\n  ')}`);
  assert.deepEqual(Object.keys(kinds).sort(), ['function', 'memory']);
  assert.deepEqual(kinds.memory, ['memory']);
  const imports = WebAssembly.Module.imports(module);
  assert.ok(imports.every((i) => i.kind === 'function' && i.module === './minform_bg.js'), 'functions from the glue only');
});

test('the module is WebAssembly 1.0 (MVP): wabt reads and validates it with every proposal off', async () => {
  const wabt = await initWabt();
  const off = Object.fromEntries(POST_MVP.map((f) => [f, false]));
  const module = wabt.readWasm(wasm, { readDebugNames: false, ...off });
  try {
    module.validate();
    console.log(`features used: none beyond MVP (${POST_MVP.length} proposals checked off: ${POST_MVP.join(', ')})`);
  } finally {
    module.destroy();
  }
  // The check can fail: the web build (reference types, an externref table) does not pass it.
  const web = readFileSync(path.join(pkg, 'dist/web/minform_bg.wasm'));
  assert.throws(() => wabt.readWasm(web, { readDebugNames: false, ...off }).validate());
});

test('the folder holds the module as .wasm.br only and fits its 400 kB budget', () => {
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.push([path.relative(folder, p), statSync(p).size]);
    }
  };
  walk(folder);
  const total = files.reduce((n, [, size]) => n + size, 0);
  console.log(`pkg/miniprogram: ${(total / 1000).toFixed(1)} kB in ${files.length} files`);
  assert.ok(!files.some(([name]) => name.endsWith('.wasm')), 'no uncompressed copy');
  assert.ok(total <= 400_000, `${total} bytes > 400 kB`);
  for (const name of ['index.js', 'minform_bg.wasm.br', 'minform-consent/index.js', 'minform-consent/index.wxml', 'minform-consent/index.wxss', 'minform-consent/index.json']) {
    assert.ok(files.some(([n]) => n === name), name);
  }
  const pkgJson = JSON.parse(readFileSync(path.join(pkg, 'package.json'), 'utf8'));
  assert.equal(pkgJson.miniprogram, 'miniprogram', 'WeChat\'s "Build npm" copies this folder');
});
