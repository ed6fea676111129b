// Checks the installed package as a user's tooling sees it: the exports map, the files shipped,
// the TypeScript entry, and the size budget of the WebAssembly module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const resolve = (s) => fileURLToPath(import.meta.resolve(s));
const pkgJson = JSON.parse(readFileSync(resolve('minform/package.json'), 'utf8'));

test('the exports map lists types first, then node, browser, default; wasm is exported', () => {
  assert.deepEqual(Object.keys(pkgJson.exports['.']), ['types', 'node', 'browser', 'default']);
  assert.equal(pkgJson.type, 'module');
  assert.deepEqual(pkgJson.sideEffects, ['*.css'], 'only the stylesheet has side effects (bundlers keep its import)');
  assert.match(readFileSync(resolve('minform/consent.css'), 'utf8'), /\.minform-consent\b/, 'the dialog stylesheet is exported');
  assert.match(resolve('minform'), /src[\\/]node\.js$/, 'Node resolves the node entry');
  const wasm = resolve('minform/minform_bg.wasm');
  assert.ok(statSync(wasm).size > 1000);
  assert.equal(readFileSync(wasm).subarray(0, 4).toString('latin1'), '\0asm');
  for (const target of Object.values(pkgJson.exports['.'])) {
    assert.ok(existsSync(new URL(target, import.meta.resolve('minform/package.json'))), `${target} is shipped`);
  }
});

test('the type declarations name the public API and error codes', () => {
  const dts = readFileSync(new URL(pkgJson.exports['.'].types, import.meta.resolve('minform/package.json')), 'utf8');
  for (const name of ['function init', 'function pseudonymize', 'class MinformError', "'not_initialized'", "'key_too_short'",
    'class ConsentFlow', 'function verifyReceipt', 'function mountConsent', "'invalid_action'", "'storage_failed'"]) {
    assert.ok(dts.includes(name), `index.d.ts declares ${name}`);
  }
});

test('the browser entry and its wasm are shipped (a bundler resolves them)', () => {
  const browser = new URL(pkgJson.exports['.'].browser, import.meta.resolve('minform/package.json'));
  const src = readFileSync(browser, 'utf8');
  assert.match(src, /dist\/web\/minform\.js/);
  assert.ok(existsSync(new URL('../dist/web/minform_bg.wasm', browser)));
});

test('size budget: the wasm module stays under 475 kB gzip', () => {
  // Measured (gzip -9): 23.3 kB with pseudonymize only; 149 kB with the classifier at
  // opt-level "z"; 194 kB at opt-level 3 for the minform crate, which classifies 3x faster
  // (see Cargo.toml); 254 kB with the policy engine and minimizer. The lexicons (~3,600 terms)
  // are ~100 kB of the raw module. scripts/build prints the table. Raise this budget only with
  // a reason in the commit message; shrinking it is an open task (docs/architecture.md).
  // 360 → 365 kB: the consent flow's whose step, respondent, sensitive-item explanations and
  // the dialog's radio group (356.9 → 363.9 kB, measured against 9ed8201).
  // 365 → 385 kB (issue 9, 377.6 kB measured): the fail-closed minimizer (value folding before
  // detection, validated fixed-shape masks, the record's own ages, two passes so that nothing is
  // handed out before the whole record is decided: ~+9 kB), occupation and vehicle (VIN and
  // plate validators, ~210 lexicon terms: ~+4 kB) and the whose step above. Issue 12 owns the
  // weight: its target is 200 kB brotli.
  // 385 → 395 kB (389.1 kB measured): what a blind adversarial corpus found missing — birth
  // dates and ages as families write them (Chinese numerals, month names, day/month order),
  // financial numerals, spelled-out e-mail addresses, North American numbers in text, names
  // that hold data (~+11.5 kB).
  // 395 → 420 kB (418.4 kB measured; issue 11): what data nobody here wrote showed missing —
  // phone numbers in eleven national formats, national IDs by their own check rules (KR, BR,
  // FR, GB, IN), licence plates of eight countries, Korean/Japanese/Vietnamese/Latin-script
  // names (5 kB table), cue phrases in free text (4.5 kB table), and ~250 terms of real-form
  // vocabulary in eight languages (~+25 kB with the code that reads them).
  // 420 → 450 kB (447.7 kB measured; issue 11, second half): what blind real forms and
  // values from eleven locales still showed missing — word grammars for addresses, towns,
  // jobs, companies, prices and user names in eleven languages (src/detect/words.rs, ~29 kB
  // of code before wasm-opt, ~16 kB gzip), ~170 real-form terms and the classifier's
  // evidence rules (~2.5 kB), the redact action, school/age cues, national formats in text.
  // 450 → 465 kB (456.3 kB measured; issue 11, the blind sets): every field label of the
  // lexicon read as a cue in text, values read before their cue, introductions and sign-offs
  // checked against the name tables (~+3 kB), ~120 cue phrases, ~200 real-form terms in
  // eight languages and the classifier's rules on choices, hidden inputs and name paths
  // (~+5 kB). 465 → 475 kB (466.4 kB measured): field options read as evidence, addresses
  // in running text (street grammars, CJK address runs), ~+10 kB gzip.
  // Issue 12 owns bringing the module down (≤ 200 kB brotli).
  const gz = gzipSync(readFileSync(resolve('minform/minform_bg.wasm')), { level: 9 }).length;
  assert.ok(gz < 475_000, `minform_bg.wasm is ${gz} bytes gzip`);
});
