// Node benchmark of minimize() through the installed npm package, beside the floor any JS SDK
// pays to pseudonymize the same values: keyed BLAKE3 of each value with hash-wasm, measured in
// the same run. Run by scripts/bench; prints a table. Not a test: no time limits.
import { readFileSync } from 'node:fs';
import { measure } from './measure.mjs';
import { init, Minimizer } from 'minform';
import { createBLAKE3 } from 'hash-wasm';

const fixtures = new URL('./fixtures/', import.meta.url);
const form = JSON.parse(readFileSync(new URL('form30.json', fixtures), 'utf8'));
const policy = JSON.parse(readFileSync(new URL('bench-policy.json', fixtures), 'utf8'));
const record = Object.fromEntries(form.filter((f) => f.value !== undefined).map((f) => [f.name, f.value]));
const values = Object.values(record).map(String);


await init();
const key = Uint8Array.from({ length: 32 }, (_, i) => i);
const minimizer = new Minimizer(policy, { key });
const consents = { purposes: ['enrolment', 'safety'], sensitiveCategories: ['national_id', 'health', 'precise_location'], guardianVerified: true };
const options = { subjectAge: 11, consents };
const { report } = minimizer.minimize(record, options);
const hasher = await createBLAKE3(256, key);
const floor = () => {
  for (const v of values) {
    hasher.init();
    hasher.update(v);
    hasher.digest();
  }
};

const ours = measure(() => minimizer.minimize(record, options));
const base = measure(floor);
const counts = report.reduce((acc, r) => ({ ...acc, [r.action]: (acc[r.action] ?? 0) + 1 }), {});
const us = (ns) => (ns / 1000).toFixed(2);
console.log(`
minimize() on a ${values.length}-field record (actions: ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')})
| operation | time | ratio to the floor |
|---|---:|---:|
| minform minimize (classify, rules, consents, normalize, hash/mask/generalize, report) | ${us(ours)} µs | ${(ours / base).toFixed(2)}× |
| hash-wasm keyed BLAKE3 of the same ${values.length} values (the floor) | ${us(base)} µs | 1× |`);
