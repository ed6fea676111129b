#!/usr/bin/env node
// Prints what the SDK does on sample inputs, through the built package's Node entry.
import { init, pseudonymize, classifyFields, findPersonalData, MinformError } from '../pkg/src/node.js';

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

// The classifier on a few fields of a kids' sign-up form, for an 11-year-old in China.
const fields = [
  { name: 'xm', label: '姓名', value: '王小明' },
  { name: 'field_7', value: '110105201305120235' },
  { name: 'guardianPhone', label: '监护人手机号', type: 'tel' },
  { name: 'orderNo', label: '订单号', value: '12345678901234567X' },
  { name: 'remark', label: '备注', type: 'textarea', value: '放学后请打我电话13912345678' },
];
console.log("minform — classifyFields(fields, { subjectAge: 11, jurisdiction: 'CN' })");
for (const r of classifyFields(fields, { subjectAge: 11, jurisdiction: 'CN' })) {
  console.log(`  ${r.name.padEnd(14)} ${r.category.padEnd(13)} ${r.sensitivity.padEnd(10)} ${r.reasons.join(' ')}`);
}
const remark = fields[4].value;
console.log(`  findPersonalData(remark) → ${JSON.stringify(findPersonalData(remark).map((m) => [m.category, remark.slice(m.start, m.end)]))}\n`);
