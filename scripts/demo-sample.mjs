#!/usr/bin/env node
// Prints what the vertical slice does on a sample input, through the built package's Node entry.
import { init, pseudonymize, MinformError } from '../pkg/src/node.js';

await init();
const key = Uint8Array.from({ length: 32 }, (_, i) => i); // demo key; real keys are secret and random
const hex = (b) => Buffer.from(b).toString('hex');
const sample = { value: '13800138000', context: 'signup-2026' };

console.log(`
minform — pseudonymize(value, { key, context })
  value      ${sample.value}            (what the form holds: a guardian's mobile number)
  context    ${sample.context}
  key        ${hex(key).slice(0, 16)}… (32-byte demo key)
  pseudonym  ${pseudonymize(sample.value, { key, context: sample.context })}   (what leaves the device)
  other ctx  ${pseudonymize(sample.value, { key, context: 'newsletter' })}   (context "newsletter": unrelated)`);
try {
  pseudonymize(sample.value, { key: key.subarray(0, 16), context: sample.context });
} catch (err) {
  if (!(err instanceof MinformError)) throw err;
  console.log(`  16-byte key -> MinformError { code: '${err.code}', path: '${err.path}' }\n`);
}
