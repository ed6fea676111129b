// Node benchmark of the classifier through the installed npm package, side by side with
// redact-pii (the npm library most used for PII redaction), measured in the same run on the
// same values. Run by scripts/bench; prints a table with ratios. Not a test: no time limits.
import { readFileSync } from 'node:fs';
import { measure } from './measure.mjs';
import { createRequire } from 'node:module';
import { init, classifyFields, findPersonalData } from 'minform';

const require = createRequire(import.meta.url);
const { SyncRedactor } = require('redact-pii');

const fixtures = new URL('./fixtures/', import.meta.url);
const form = JSON.parse(readFileSync(new URL('form30.json', fixtures), 'utf8'));
const text = readFileSync(new URL('text10k.txt', fixtures), 'utf8');
const corpus = readFileSync(new URL('fields.jsonl', fixtures), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));


await init();
const redactor = new SyncRedactor();
const values = form.filter((f) => f.value !== undefined).map((f) => String(f.value));

const minformForm = measure(() => classifyFields(form));
const redactValues = measure(() => values.forEach((v) => redactor.redact(v)), { iterations: 50 });
const minformText = measure(() => findPersonalData(text), { iterations: 100 });
const redactText = measure(() => redactor.redact(text), { iterations: 20 });

// What each finds on the public corpus: rows whose value is personal data (by their label).
const withPi = corpus.filter((r) => r.field.value !== undefined && !['non_personal', 'free_text'].includes(r.expect));
const minformFound = classifyFields(withPi.map((r) => ({ name: 'x', value: r.field.value })))
  .filter((c) => !['non_personal', 'free_text'].includes(c.category)).length;
const redactFound = withPi.filter((r) => redactor.redact(String(r.field.value)) !== String(r.field.value)).length;

const us = (ns) => (ns / 1000).toFixed(2);
console.log(`
Node ${process.version}, ${form.length}-field form (${values.length} values), ${text.length}-char text
| operation | minform | redact-pii | ratio (redact-pii / minform) |
|---|---:|---:|---:|
| per field (classifyFields, one call for the form) vs per value (redact) | ${us(minformForm / form.length)} µs | ${us(redactValues / values.length)} µs | ${(redactValues / values.length / (minformForm / form.length)).toFixed(1)}× |
| whole form | ${us(minformForm)} µs | ${us(redactValues)} µs | ${(redactValues / minformForm).toFixed(1)}× |
| 10 kB free text (findPersonalData / redact) | ${us(minformText)} µs | ${us(redactText)} µs | ${(redactText / minformText).toFixed(1)}× |

Values with personal data in the public corpus, classified from the value alone (no name, label
or type): minform recognises ${minformFound} of ${withPi.length}; redact-pii changes ${redactFound} of ${withPi.length}.`);
