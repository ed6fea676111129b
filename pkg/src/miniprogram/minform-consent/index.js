// <minform-consent>: the consent flow as a WeChat custom component (also a native component
// for uni-app and Taro). Like the web dialog it holds no rule: it draws `flow.view()` and sends
// the person's choices to `flow.dispatch(action)`; the flow keeps its state in the platform's
// storage, so an answered age gate stays answered.
//
//   <minform-consent id="consent" policy="{{policy}}" locale="zh-CN" bind:done="onConsent" />
//   (wasm-path="/wxcomponents/minform/minform_bg.wasm.br" when the module is not in miniprogram_npm)
//   this.selectComponent('#consent').setGuardianVerifier(async () => 'sms');
//   onConsent(e) { e.detail: { step, consents, receipt, subject, respondent } }
//
// Or draw a flow made by the page: `this.selectComponent('#consent').start(flow, { verifyGuardian })`.
// Never logs, and never puts what was typed anywhere but into the flow.
const minform = require('../index.js');

const SUBSCRIBE = Symbol.for('minform.consent.subscribe');

Component({
  options: { addGlobalClass: false },
  properties: {
    /** The policy (object or JSON text); the component makes the flow once it is set. */
    policy: { type: null, value: null },
    locale: { type: String, value: '' },
    jurisdiction: { type: String, value: '' },
    /**
     * Package path of minform_bg.wasm.br when it is not where "Build npm" puts it (uni-app's
     * wxcomponents/, Taro's copy, a subpackage).
     */
    wasmPath: { type: String, value: '' },
  },
  data: {
    view: null,
    error: '',
    busy: false,
    chosen: '',
    year: '',
    month: 0,
    day: 0,
    months: [],
    days: [],
    checked: [],
  },
  observers: {
    policy(policy) {
      if (policy && !this._external) this._create(policy);
    },
  },
  lifetimes: {
    detached() {
      if (this._unsubscribe) this._unsubscribe();
      this._flow = null;
    },
  },
  methods: {
    /** Draws `flow` (a ConsentFlow the page made); `options.verifyGuardian` as in mountConsent. */
    start(flow, options = {}) {
      if (!flow || typeof flow.view !== 'function' || typeof flow.dispatch !== 'function') {
        throw new minform.MinformError('flow: expected a ConsentFlow', { code: 'invalid_argument', path: 'flow' });
      }
      this._external = true;
      if (options.verifyGuardian !== undefined) this.setGuardianVerifier(options.verifyGuardian);
      this._attach(flow);
    },

    /**
     * The integrator's guardian verification (an SMS code, a payment): a function returning, or
     * resolving to, the method used (`'sms'`); throwing or rejecting means it failed.
     */
    setGuardianVerifier(verify) {
      if (verify !== null && typeof verify !== 'function') {
        throw new minform.MinformError('verifyGuardian: expected a function', { code: 'invalid_argument', path: 'verifyGuardian' });
      }
      this._verify = verify;
    },

    /** The flow drawn now (for `consents()`, `subject()`, `receipt()`), or null. */
    getFlow() {
      return this._flow || null;
    },

    async _create(policy) {
      try {
        await minform.init(this.data.wasmPath ? { wasmPath: this.data.wasmPath } : undefined);
        const options = {};
        if (this.data.locale) options.locale = this.data.locale;
        if (this.data.jurisdiction) options.jurisdiction = this.data.jurisdiction;
        this._attach(new minform.ConsentFlow(policy, options));
      } catch (err) {
        // No flow means nothing is consented: the page's `done` sees no consents.
        this.setData({ view: null, error: '' });
        this.triggerEvent('error', { code: err && err.code ? err.code : 'error' });
      }
    },

    _attach(flow) {
      if (this._unsubscribe) this._unsubscribe();
      this._flow = flow;
      // Redraw when the page dispatches itself (e.g. after its own guardian verification).
      this._unsubscribe = typeof flow[SUBSCRIBE] === 'function' ? flow[SUBSCRIBE](() => this._render('')) : null;
      this._render('');
    },

    _render(error) {
      const view = this._flow.view();
      const input = view.input;
      const choices = view.choices || [];
      this.setData({
        view,
        error,
        busy: false,
        chosen: '',
        year: '',
        month: 0,
        day: 0,
        // No default anywhere: the first entry is "choose".
        months: input ? [input.choose].concat(input.months) : [],
        days: input ? [input.choose].concat(Array.from({ length: 31 }, (_, i) => String(i + 1))) : [],
        checked: choices.map((c) => Boolean(c.checked || c.required)),
      });
    },

    onOption(e) {
      this.setData({ chosen: e.detail.value });
    },
    onYear(e) {
      this.setData({ year: e.detail.value });
    },
    onMonth(e) {
      this.setData({ month: Number(e.detail.value) || 0 });
    },
    onDay(e) {
      this.setData({ day: Number(e.detail.value) || 0 });
    },
    onChoices(e) {
      const on = new Set((e.detail.value || []).map(Number));
      const choices = (this.data.view && this.data.view.choices) || [];
      // A required purpose is a condition of the service: it stays ticked.
      this.setData({ checked: choices.map((c, i) => c.required || on.has(i)) });
    },

    /** The action for a button, from the controls on screen (as the web dialog builds it). */
    _action(type) {
      const a = { type };
      const d = this.data;
      if (type === 'respondent') {
        a.respondent = d.chosen; // none chosen sends '', which the flow refuses (shown as its message)
      } else if (type === 'age') {
        const pad = (n) => String(n).padStart(2, '0');
        let date = `${String(d.year).trim()}-${d.month ? pad(d.month) : ''}`;
        if (d.day) date += `-${pad(d.day)}`;
        a.birthDate = date;
      } else if (type === 'grant' || type === 'withdraw') {
        a.purposes = [];
        a.sensitiveCategories = [];
        (d.view.choices || []).forEach((c, i) => {
          if (!d.checked[i]) return;
          if (c.kind === 'sensitive') a.sensitiveCategories.push(c.id);
          else a.purposes.push(c.id);
        });
      }
      return a;
    },

    onAction(e) {
      const type = e.currentTarget.dataset.action;
      if (type === 'guardian_verified') this._verifyGuardian();
      else this._dispatch(this._action(type));
    },

    onDismiss() {
      this._finish();
    },

    _dispatch(action) {
      const before = this.data.view && this.data.view.step;
      try {
        this._flow.dispatch(action);
      } catch (err) {
        this._showError(err && err.code);
        return;
      }
      const view = this._flow.view();
      if ((view.step === 'done' || view.step === 'declined') && view.step !== before) this._finish();
      else this._render('');
    },

    /** The message for an error code, from the view (never the error's own text, which is for developers). */
    _showError(code) {
      const errors = (this.data.view && this.data.view.errors) || {};
      this.setData({ busy: false, error: errors[code] || errors.error || '' });
    },

    _verifyGuardian() {
      if (!this._verify) {
        this._showError('verification_unavailable');
        return;
      }
      if (this.data.busy) return;
      this.setData({ busy: true });
      let answer;
      try {
        answer = this._verify();
      } catch (err) {
        this._showError('verification_failed');
        return;
      }
      Promise.resolve(answer).then(
        (method) => {
          this.setData({ busy: false });
          if (typeof method === 'string' && method.trim() !== '') this._dispatch({ type: 'guardian_verified', method });
          else this._showError('verification_failed');
        },
        () => this._showError('verification_failed'),
      );
    },

    /** Closes and tells the page what was decided. */
    _finish() {
      const flow = this._flow;
      const view = flow.view();
      this.setData({ view: null, error: '' });
      this.triggerEvent('done', {
        step: view.step,
        consents: flow.consents(),
        receipt: flow.receipt(),
        subject: flow.subject(),
        respondent: flow.respondent(),
      });
    },
  },
});
