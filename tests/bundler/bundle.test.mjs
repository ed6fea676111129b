// Runs the Vite bundle of tests/bundler (built by scripts/test-package from the installed
// tarball) in Debian's Chromium and checks the summary it computed in the browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';
import { launchChromium } from '../support/chromium.mjs';

const dist = fileURLToPath(new URL('./dist/', import.meta.url));

test('the package bundled by Vite loads its wasm in Chromium (after a failed load is retried), matches every vector, classifies the corpus and runs the consent dialog', async () => {
  const assets = readdirSync(new URL('./dist/assets/', import.meta.url));
  assert.ok(assets.some((f) => f.endsWith('.wasm')), `Vite emitted the wasm asset: ${assets}`);
  const server = await startServer({ root: dist });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    await page.goto(server.url);
    await page.waitForSelector('html[data-done="true"]', { timeout: 15_000 });
    const summary = JSON.parse(await page.textContent('#out'));
    assert.deepEqual(problems, []);
    assert.equal(summary.beforeInit, 'not_initialized');
    assert.equal(summary.badSource, 'init_failed', 'a wasm that cannot be loaded rejects with init_failed');
    assert.ok(summary.vectors >= 30);
    assert.deepEqual(summary.mismatches, []);
    assert.deepEqual(summary.errors, summary.expectedErrors);
    assert.equal(summary.corpusRows, 80);
    assert.deepEqual(summary.corpusMismatches, [], 'the public corpus classifies the same in the browser build');
    assert.equal(summary.childSensitive, true);
    assert.deepEqual(summary.found, ['13912345678']);
    assert.deepEqual(summary.dialog, { step: 'whose', modal: 'true', styled: 'fixed' }, 'the consent dialog and its stylesheet work from the bundle');
    assert.equal(summary.dialogGone, true);
    assert.deepEqual(summary.receipt, { valid: true });
  } finally {
    await browser.close();
    await server.close();
  }
});
