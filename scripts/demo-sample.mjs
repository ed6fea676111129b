#!/usr/bin/env node
// Prints what the SDK does on sample inputs, through the built package's Node entry.
import { readFileSync } from 'node:fs';
import { init, pseudonymize, classifyFields, findPersonalData, MinformError, ConsentFlow, Minimizer, verifyReceipt } from '../pkg/src/node.js';

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

// The consent flow, headless: a parent fills in for a 10-year-old in China, verified by SMS.
const policy = JSON.parse(readFileSync(new URL('../tests/policies/kids-camp.json', import.meta.url), 'utf8'));
const flow = new ConsentFlow(policy, { locale: 'en' });
const steps = [flow.view()];
for (const action of [
  { type: 'respondent', respondent: 'guardian' },
  { type: 'age', birthDate: `${new Date().getFullYear() - 10}-01` },
  { type: 'continue' },
  { type: 'guardian_verified', method: 'sms' },
  { type: 'grant', purposes: ['enrolment', 'safety'], sensitiveCategories: ['health'] },
]) {
  steps.push(flow.dispatch(action));
}
console.log('minform — ConsentFlow (a parent fills in for a child of 10, CN; verified, grants the required purposes and health)');
for (const v of steps) console.log(`  ${v.step.padEnd(16)} ${v.title}`);
const consents = flow.consents();
console.log(`  consents() → ${JSON.stringify(consents)}`);
console.log(`  verifyReceipt(receipt, policy) → ${JSON.stringify(verifyReceipt(flow.receipt(), policy))}`);
const record = { studentName: '王小明', allergies: '青霉素过敏', idCard: '110105201305120235', guardianPhone: '13912345678' };
const { payload } = new Minimizer(policy, { key }).minimize(record, { subject: flow.subject(), consents });
console.log(`  minimize(record) → ${JSON.stringify(payload)}\n`);
