#!/usr/bin/env node
// Assembles, from the MVP module scripts/build made in pkg/dist/miniprogram/:
// pkg/miniprogram/, the folder WeChat's and Douyin's npm builds copy (package.json "miniprogram"):
//   minform_bg.wasm.br    the module, brotli only (WeChat from base library 2.14.0, Douyin from
//                         2.92.0.0 and Alipay instantiate .wasm.br from a package path)
//   index.js              WeChat / Douyin entry (CommonJS, one file, glue + api + UTF-8 codec)
//   minform-consent/      the WeChat custom component
// pkg/alipay/, outside that folder so WeChat packages do not carry it (Alipay reads node_modules
// in place, and its worker reads the same minform_bg.wasm.br):
//   index.js              the page client (asynchronous, talks to the worker)
//   worker.js             the worker entry (one self-contained file to copy into the worker folder)
// It refuses a module that exports Globals or imports from anywhere but the glue.
import { readFileSync, writeFileSync, rmSync, mkdirSync, cpSync, readdirSync, statSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = `${root}pkg/src/miniprogram/`;
const dist = `${root}pkg/dist/miniprogram/`;
const out = `${root}pkg/miniprogram/`;
const alipay = `${root}pkg/alipay/`;

const wasm = readFileSync(`${dist}minform_bg.wasm`);
const module = new WebAssembly.Module(wasm);
const globals = WebAssembly.Module.exports(module).filter((e) => e.kind === 'global');
if (globals.length) throw new Error(`the mini-program module exports Globals (${globals.map((g) => g.name)}): WeChat iOS cannot load it`);
const foreign = WebAssembly.Module.imports(module).filter((i) => i.module !== './minform_bg.js');
if (foreign.length) throw new Error(`the module imports from outside the glue: ${foreign.map((i) => `${i.module}.${i.name}`)}`);

for (const dir of [out, alipay]) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
}
writeFileSync(
  `${out}minform_bg.wasm.br`,
  brotliCompressSync(wasm, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_LGWIN]: 24,
      [constants.BROTLI_PARAM_SIZE_HINT]: wasm.length,
    },
  }),
);

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'neutral',
  // iOS 10.3+ JavaScriptCore and older Android X5 engines: class fields, `??`, `?.` and object
  // spread are lowered; nothing is polyfilled.
  target: 'es2017',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  banner: { js: '/* minform for mini-programs: https://example.invalid/minform (MIT OR Apache-2.0) */' },
};
// The glue's `new TextEncoder()` / `new TextDecoder()` get the codec, not host globals.
const inject = [`${src}utf8.js`];
await build({ ...common, entryPoints: [`${src}index.js`], outfile: `${out}index.js`, inject });
await build({ ...common, entryPoints: [`${src}alipay-worker.js`], outfile: `${alipay}worker.js`, inject });
await build({ ...common, entryPoints: [`${src}alipay.js`], outfile: `${alipay}index.js` });

cpSync(`${src}minform-consent`, `${out}minform-consent`, { recursive: true });
// The package is ESM ("type": "module"); these files are CommonJS for Node tools too.
for (const dir of [out, alipay]) writeFileSync(`${dir}package.json`, '{ "type": "commonjs" }\n');

for (const dir of [out, alipay]) {
  const files = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = `${d}${name}`;
      if (statSync(p).isDirectory()) walk(`${p}/`);
      else files.push([p.slice(dir.length), statSync(p).size]);
    }
  };
  walk(dir);
  const total = files.reduce((n, [, size]) => n + size, 0);
  for (const [name, size] of files) console.log(`    ${name.padEnd(34)} ${(size / 1000).toFixed(1).padStart(7)} kB`);
  console.log(`==> ${dir.slice(root.length)}: ${(total / 1000).toFixed(1)} kB in ${files.length} files`);
}
