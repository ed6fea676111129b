// The example mini-program (www/miniprogram, after scripts/build) in the simulated WeChat
// runtime: its project files are consistent, and its sign-up page runs consent → Minimizer →
// wx.request, sending only what the policy lets leave, and nothing when it cannot decide.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { pageRuntime } from '../miniprogram/runtimes.mjs';

const root = fileURLToPath(new URL('../../www/miniprogram/', import.meta.url)).replace(/\/$/, '');
const json = (rel) => JSON.parse(readFileSync(path.join(root, rel), 'utf8'));

test('the project opens as DevTools expects: config, pages, the npm component', () => {
  const project = json('project.config.json');
  assert.equal(project.compileType, 'miniprogram');
  assert.equal(project.miniprogramRoot, './');
  const app = json('app.json');
  for (const page of app.pages) {
    for (const ext of ['js', 'json', 'wxml', 'wxss']) assert.ok(existsSync(path.join(root, `${page}.${ext}`)), `${page}.${ext}`);
    const using = json(`${page}.json`).usingComponents ?? {};
    for (const [tag, target] of Object.entries(using)) {
      // "minform/…" resolves into miniprogram_npm/ once npm is built (scripts/build does it here).
      const file = path.join(root, 'miniprogram_npm', target);
      for (const ext of ['js', 'json', 'wxml', 'wxss']) assert.ok(existsSync(`${file}.${ext}`), `<${tag}>: ${target}.${ext}`);
      assert.match(readFileSync(path.join(root, `${page}.wxml`), 'utf8'), new RegExp(`<${tag}\\b`));
    }
  }
});

/** Loads the page in a fresh WeChat runtime; `server(url, data)` answers wx.request. */
async function openPage(server) {
  const requests = [];
  let definition;
  const rt = pageRuntime(root, {
    api: {
      request(options) {
        requests.push({ url: options.url, method: options.method, data: JSON.parse(JSON.stringify(options.data ?? null)) });
        const res = server(options.url, options.data);
        setTimeout(() => {
          if (res.fail) options.fail?.({ errMsg: 'request:fail' });
          else options.success?.(res);
          options.complete?.(res.fail ? { errMsg: 'request:fail' } : res);
        }, 0);
      },
    },
    globals: { Page: (d) => void (definition = d), App: () => {} },
  });
  rt.require('pages/signup/index.js');
  const page = Object.create(definition);
  page.data = JSON.parse(JSON.stringify(definition.data));
  page.setData = (patch) => Object.assign(page.data, patch);
  await page.onLoad();
  await new Promise((r) => setTimeout(r, 10)); // the key request
  return { rt, page, requests, minform: rt.require('miniprogram_npm/minform/index.js'), policy: rt.require('policies/kids-signup.js') };
}

const KEY = 'ab'.repeat(32);
const server = (url) => (url.endsWith('/pseudonym-key') ? { statusCode: 200, data: { key: KEY } } : { statusCode: 201, data: {} });
const typed = { childName: '陈思远', birthday: '2015-09-03', guardianPhone: '13912345678', email: 'chen@example.cn' };

test('consent by the guardian, then only the minimized record is sent with wx.request', async () => {
  const { page, requests, minform, policy } = await openPage(server);
  assert.ok(page.data.policy, 'the consent component gets the policy once the module is loaded');
  // The component's flow, driven as a child and a guardian would (the component test taps it).
  const flow = new minform.ConsentFlow(policy, { locale: 'zh-CN' });
  flow.dispatch({ type: 'respondent', respondent: 'self' });
  flow.dispatch({ type: 'age', birthDate: '2015-09' });
  while (flow.view().step !== 'guardian_verify') flow.dispatch({ type: 'continue' });
  flow.dispatch({ type: 'guardian_verified', method: 'sms' });
  flow.dispatch({ type: 'grant', purposes: ['enrolment', 'notices'], sensitiveCategories: [] });
  page.onConsentDone({ detail: { step: 'done', consents: flow.consents(), subject: flow.subject(), receipt: flow.receipt() } });
  assert.ok(page.data.consents, 'the form is shown after consent');

  page.onSubmit({ detail: { value: typed } });
  await new Promise((r) => setTimeout(r, 10));
  const sent = requests.filter((r) => r.url.endsWith('/signup'));
  assert.equal(sent.length, 1);
  const payload = sent[0].data;
  assert.ok(!('childName' in payload), 'the name is not needed for the declared purposes: dropped');
  assert.equal(payload.birthday, '2015', 'generalized to the year');
  assert.notEqual(payload.guardianPhone, typed.guardianPhone);
  assert.match(payload.guardianPhone, /\*/, 'masked');
  assert.equal(payload.email, typed.email, 'kept for the consented notices');
  assert.deepEqual(Array.from(page.data.sent, (r) => r.field).sort(), Object.keys(typed).sort(), 'the page says what happened to each field');
  const everything = JSON.stringify(requests);
  for (const raw of [typed.childName, typed.guardianPhone, '2015-09-03']) assert.ok(!everything.includes(raw), `${raw} never sent`);
});

test('nothing is sent before consent, or when declined', async () => {
  const { page, requests } = await openPage(server);
  page.onSubmit({ detail: { value: typed } });
  await new Promise((r) => setTimeout(r, 10));
  assert.equal(requests.filter((r) => r.url.endsWith('/signup')).length, 0);
  assert.match(page.data.message, /没有发送/);
  page.onConsentDone({ detail: { step: 'declined', consents: { purposes: [], sensitiveCategories: [], guardianVerified: false } } });
  assert.equal(page.data.declined, true);
  assert.equal(page.data.consents, null, 'no form');
});
