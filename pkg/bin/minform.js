#!/usr/bin/env node
// minform's command line: lint a policy, or preview what a record becomes under it.
//   minform check policy.json
//   minform preview policy.json record.json [--age N] [--jurisdiction CN] [--consents consents.json] [--key HEX]
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { init, checkPolicy, Minimizer, MinformError } from '../src/node.js';

const USAGE = `usage:
  minform check <policy.json>
      lint a policy; prints findings (path, code, message); exits 1 if there are errors
  minform preview <policy.json> <record.json> [--age N] [--jurisdiction CODE] [--consents FILE] [--key HEX]
      print the payload and report minimize() gives for a record
      (hashes use --key, or a random key for this run only)`;

function fail(message) {
  console.error(`minform: ${message}`);
  process.exit(2);
}

function readJson(file, what) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    fail(`cannot read ${what} ${file}: ${err.message}`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    fail(`${file} is not JSON: ${err.message}`);
  }
}

function options(args) {
  const out = { positional: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--age' || a === '--jurisdiction' || a === '--consents' || a === '--key') {
      if (i + 1 >= args.length) fail(`${a} needs a value`);
      out[a.slice(2)] = args[++i];
    } else if (a.startsWith('--')) {
      fail(`unknown option ${a}\n${USAGE}`);
    } else {
      out.positional.push(a);
    }
  }
  return out;
}

async function main(argv) {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return 0;
  }
  await init();
  const opts = options(rest);
  if (command === 'check') {
    const [file] = opts.positional;
    if (!file || opts.positional.length !== 1) fail(`check takes one policy file\n${USAGE}`);
    const { ok, findings } = checkPolicy(readJson(file, 'policy'));
    for (const f of findings) console.log(`${file}: ${f.path}: ${f.severity} ${f.code}: ${f.message}`);
    const errors = findings.filter((f) => f.severity === 'error').length;
    console.log(`${errors} error${errors === 1 ? '' : 's'}, ${findings.length - errors} warning${findings.length - errors === 1 ? '' : 's'}`);
    return ok ? 0 : 1;
  }
  if (command === 'preview') {
    const [policyFile, recordFile] = opts.positional;
    if (!policyFile || !recordFile || opts.positional.length !== 2) fail(`preview takes a policy and a record\n${USAGE}`);
    const policy = readJson(policyFile, 'policy');
    if (opts.jurisdiction) policy.jurisdiction = opts.jurisdiction;
    const record = readJson(recordFile, 'record');
    const consents = opts.consents ? readJson(opts.consents, 'consents') : undefined;
    const subjectAge = opts.age === undefined ? undefined : Number(opts.age);
    if (opts.age !== undefined && !Number.isFinite(subjectAge)) fail(`--age must be a number, not ${opts.age}`);
    let key;
    if (opts.key) {
      if (!/^([0-9a-fA-F]{2})+$/.test(opts.key)) fail('--key must be hex');
      key = Uint8Array.from(Buffer.from(opts.key, 'hex'));
    } else {
      key = new Uint8Array(randomBytes(32));
      console.error('minform: no --key given; hashes use a random key for this run only');
    }
    const result = new Minimizer(policy, { key }).minimize(record, { subjectAge, consents });
    console.log(JSON.stringify(result, null, 2));
    return 0;
  }
  fail(`unknown command ${command}\n${USAGE}`);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    if (err instanceof MinformError) {
      console.error(`minform: ${err.code}${err.path ? ` at ${err.path}` : ''}: ${err.message}`);
      process.exit(1);
    }
    throw err;
  },
);
