// <minform-consent wasm-path="…">: where the module is not in miniprogram_npm (uni-app's
// wxcomponents/, Taro's copy, a subpackage), the component loads it from the path given.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { simulate, host, until } from './component-host.mjs';

const camp = JSON.parse(readFileSync(new URL('../policies/kids-camp.json', import.meta.url), 'utf8'));
const { id, loads } = host({ prefix: '/wxcomponents/minform/' });

test('the component loads the module from wasm-path', async () => {
  const comp = simulate.render(id, { policy: camp, locale: 'en', wasmPath: '/wxcomponents/minform/minform_bg.wasm.br' });
  comp.attach(document.createElement('parent-wrapper'));
  await until(() => comp.instance.data.view);
  assert.deepEqual(loads, ['/wxcomponents/minform/minform_bg.wasm.br']);
  assert.equal(comp.instance.data.view.step, 'whose');
  assert.equal(comp.instance.data.view.lang, 'en');
});
