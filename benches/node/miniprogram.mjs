// The mini-program build (MVP module, JS UTF-8 codec, bundler glue) in the simulated WeChat
// runtime, beside the Node build of the same installed package, measured in the same run on the
// same inputs. The ratio is what the MVP build and the codec cost; the absolute times of a
// phone's engine are not measured here. Run by scripts/bench; prints a table. Not a test.
import { readFileSync, mkdtempSync, cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { measure } from './measure.mjs';
import { pageRuntime } from './runtimes.mjs';
import * as node from 'minform';

const fixtures = new URL('./fixtures/', import.meta.url);
const form = JSON.parse(readFileSync(new URL('form30.json', fixtures), 'utf8'));
const text = readFileSync(new URL('text10k.txt', fixtures), 'utf8');
const policy = JSON.parse(readFileSync(new URL('bench-policy.json', fixtures), 'utf8'));
const record = Object.fromEntries(form.filter((f) => f.value !== undefined).map((f) => [f.name, f.value]));
const consents = { purposes: ['enrolment', 'safety'], sensitiveCategories: ['national_id', 'health', 'precise_location'], guardianVerified: true };

const pkg = path.dirname(fileURLToPath(import.meta.resolve('minform/package.json')));
const project = mkdtempSync(path.join(tmpdir(), 'minform-bench-mp-'));
process.on('exit', () => rmSync(project, { recursive: true, force: true }));
cpSync(path.join(pkg, 'miniprogram'), path.join(project, 'miniprogram_npm/minform'), { recursive: true });
const rt = pageRuntime(project, { platform: 'wechat', ios: true });
const mp = rt.require('miniprogram_npm/minform/index.js');

await Promise.all([node.init(), mp.init()]);
const key = Array.from({ length: 32 }, (_, i) => i);
const mpKey = vm.runInContext('(a) => Uint8Array.from(a)', rt.context)(key);
const nodeMin = new node.Minimizer(policy, { key: Uint8Array.from(key) });
const mpMin = new mp.Minimizer(policy, { key: mpKey });
// Inputs made in the runtime's realm, as a mini-program's page makes them.
const mpForm = vm.runInContext('(j) => JSON.parse(j)', rt.context)(JSON.stringify(form));
const mpRecord = vm.runInContext('(j) => JSON.parse(j)', rt.context)(JSON.stringify(record));
const mpConsents = vm.runInContext('(j) => JSON.parse(j)', rt.context)(JSON.stringify(consents));

const rows = [
  ['classifyFields, per field (30-field form)', () => node.classifyFields(form), () => mp.classifyFields(mpForm), form.length, {}],
  ['minimize, 29-field record', () => nodeMin.minimize(record, { subjectAge: 11, consents }), () => mpMin.minimize(mpRecord, { subjectAge: 11, consents: mpConsents }), 1, {}],
  ['findPersonalData, 10 kB text', () => node.findPersonalData(text), () => mp.findPersonalData(text), 1, { iterations: 100 }],
];
const us = (ns) => (ns / 1000).toFixed(2);
console.log(`
Node ${process.version}: the Node build vs the mini-program build in a simulated WeChat (iOS) runtime
| operation | Node build | mini-program build | ratio |
|---|---:|---:|---:|`);
for (const [name, a, b, per, opts] of rows) {
  const tn = measure(a, opts) / per;
  const tm = measure(b, opts) / per;
  console.log(`| ${name} | ${us(tn)} µs | ${us(tm)} µs | ${(tm / tn).toFixed(2)}× |`);
}
