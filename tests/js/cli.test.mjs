// The npm package's command line and its policy JSON Schema, as installed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

const pkgJson = JSON.parse(readFileSync(fileURLToPath(import.meta.resolve('minform/package.json')), 'utf8'));
const bin = fileURLToPath(new URL(pkgJson.bin.minform, import.meta.resolve('minform/package.json')));
const policy = (name) => fileURLToPath(new URL(`../policies/${name}`, import.meta.url));
const run = (...args) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

test('minform check: a clean policy exits 0; a bad one prints findings like a linter and exits 1', () => {
  const good = run('check', policy('kids-signup.json'));
  assert.equal(good.status, 0, good.stderr);
  assert.match(good.stdout, /0 errors, 0 warnings/);
  const bad = run('check', policy('bad-children-ads.json'));
  assert.equal(bad.status, 1);
  assert.match(bad.stdout, /bad-children-ads\.json: purposes\.ads\.kind: error commercial_purpose_on_child_data: /);
  assert.match(bad.stdout, /purposes\.ads\.retention: error retention_missing/);
  assert.match(bad.stdout, /categories\.precise_location\.action: warning sensitive_kept_raw/);
  assert.match(bad.stdout, /\d+ errors, \d+ warnings/);
});

test('minform preview prints payload and report; options and bad input are handled', () => {
  const dir = mkdtempSync(join(tmpdir(), 'minform-cli-'));
  const record = join(dir, 'record.json');
  const consents = join(dir, 'consents.json');
  writeFileSync(record, JSON.stringify({ guardianPhone: '13812345678', birthday: '2014-03-09', idCard: '110105201305120235' }));
  writeFileSync(consents, JSON.stringify({ purposes: ['enrolment', 'notices'], sensitiveCategories: [], guardianVerified: true }));
  const key = '00'.repeat(32);
  const out = run('preview', policy('kids-signup.json'), record, '--age', '11', '--consents', consents, '--key', key);
  assert.equal(out.status, 0, out.stderr);
  const result = JSON.parse(out.stdout);
  assert.deepEqual(result.payload, { guardianPhone: '138****5678', birthday: '2014' });
  assert.deepEqual(result.report.map((r) => r.action), ['mask', 'generalize', 'dropped']);
  // Without --consents nothing was consented: the required purpose refuses the record.
  const noConsent = run('preview', policy('kids-signup.json'), record, '--age', '11', '--key', key);
  assert.equal(noConsent.status, 1);
  assert.match(noConsent.stderr, /consent_required at options\.consents\.purposes/);
  const unverified = join(dir, 'unverified.json');
  writeFileSync(unverified, JSON.stringify({ purposes: ['enrolment', 'notices'], sensitiveCategories: [], guardianVerified: false }));
  const child = JSON.parse(run('preview', policy('kids-signup.json'), record, '--age', '11', '--consents', unverified, '--key', key).stdout);
  assert.deepEqual(child.payload, {}, 'a child without verified guardian consent');
  // The record's own birthday (2014) is a child's even when --age says 30.
  const parent = JSON.parse(run('preview', policy('kids-signup.json'), record, '--age', '30', '--consents', unverified).stdout);
  assert.deepEqual(parent.payload, {});
  assert.deepEqual(parent.subject, { child: true, basis: 'record_birth_date' });
  const adultRecord = join(dir, 'adult.json');
  writeFileSync(adultRecord, JSON.stringify({ guardianPhone: '13812345678', birthday: '1990-03-09' }));
  const adult = JSON.parse(run('preview', policy('kids-signup.json'), adultRecord, '--age', '30', '--jurisdiction', 'US', '--consents', unverified).stdout);
  assert.equal(adult.payload.birthday, '1990');
  assert.equal(run('preview', policy('kids-signup.json'), record, '--age', 'ten').status, 2);
  assert.equal(run('preview', policy('bad-children-ads.json'), record).status, 1, 'policy_rejected');
  assert.match(run('preview', policy('bad-children-ads.json'), record).stderr, /policy_rejected/);
  assert.equal(run('frobnicate').status, 2);
  assert.equal(run('help').status, 0);
});

test('the shipped JSON Schema accepts the example policies and rejects malformed ones', () => {
  const schema = JSON.parse(readFileSync(fileURLToPath(import.meta.resolve('minform/policy.schema.json')), 'utf8'));
  const validate = new Ajv2020({ allErrors: true }).compile(schema);
  for (const name of ['kids-signup.json', 'kids-camp.json', 'general-ads.json']) {
    assert.equal(validate(JSON.parse(readFileSync(policy(name), 'utf8'))), true, `${name}: ${JSON.stringify(validate.errors)}`);
  }
  assert.equal(validate(JSON.parse(readFileSync(policy('bad-children-ads.json'), 'utf8'))), false, 'its unknown category is caught by the schema too');
  const good = JSON.parse(readFileSync(policy('kids-signup.json'), 'utf8'));
  const broken = structuredClone(good);
  broken.fields.guardianPhone.action = 'encrypt';
  assert.equal(validate(broken), false);
  const noTarget = structuredClone(good);
  delete noTarget.categories.birth_date.to;
  assert.equal(validate(noTarget), false, 'generalize needs a target');
  const badRetention = structuredClone(good);
  badRetention.purposes.notices.retention = 'six months';
  assert.equal(validate(badRetention), false);
});
