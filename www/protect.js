// The protectForm demo and test page: a server-rendered form (disabled until this script runs)
// protected by one call, before the WebAssembly module or even the policy has loaded. The query
// string chooses the variant the end-to-end test drives (an inline script would need
// 'unsafe-inline' under this page's CSP):
//   ?mode=consents (default) consents given by the page: no dialog
//   ?mode=flow               the consent dialog asks first
//   ?mode=send               send(payload, report) instead of a native submission
//   &locale=en               English messages (default zh-CN)
//   &policy=kids-camp        the camp policy (its required enrolment needs the resident ID)
import { protectForm } from './vendor/minform/src/browser.js';

const params = new URLSearchParams(location.search);
const mode = params.get('mode') ?? 'consents';
const key = Uint8Array.from({ length: 32 }, (_, i) => i); // demo key: a real one is a secret

const options = {
  // Still loading when the form is protected: protectForm waits for it.
  policy: fetch(`vendor/policies/${params.get('policy') === 'kids-camp' ? 'kids-camp' : 'kids-signup'}.json`).then((r) => r.json()),
  key,
  locale: params.get('locale') ?? 'zh-CN',
};
if (mode === 'flow') {
  options.verifyGuardian = () => 'sms'; // the integrator's own check would run here
} else {
  options.subjectAge = 11;
  options.consents = { purposes: ['enrolment'], sensitiveCategories: [], guardianVerified: true };
}
if (mode === 'send') {
  options.send = (payload, report) => {
    window.__minformSent = { payload, report };
    document.getElementById('sent').textContent = JSON.stringify(payload, null, 2);
  };
}

const handle = protectForm(document.getElementById('signup'), options);
window.__minformProtect = handle; // for the end-to-end test (detach)
handle.ready.then(
  () => (document.documentElement.dataset.ready = 'true'),
  (err) => (document.documentElement.dataset.ready = err?.code ?? 'failed'),
);
