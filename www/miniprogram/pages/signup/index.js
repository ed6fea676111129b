// A children's sign-up page: the consent component first; then the form; on submit, the
// Minimizer decides what may leave the phone, and only that goes to wx.request. If anything
// cannot be decided (no module, no key, no consent), nothing is sent.
const minform = require('minform');
const policy = require('../../policies/kids-signup.js');
const config = require('../../config.js');

/** What each action means, for the summary shown after sending (never the values). */
const ACTIONS = { keep: '原样发送', hash: '带密钥的假名（不是加密）', mask: '部分遮盖', generalize: '只保留大致信息', dropped: '不发送' };

const pad = (n) => String(n).padStart(2, '0');
const todayText = () => {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

/** The pseudonym key from the server: 32 or more secret bytes, sent as hex. */
function fetchKey() {
  return new Promise((resolve, reject) => {
    wx.request({
      url: config.keyUrl,
      method: 'GET',
      success(res) {
        const hex = res && res.statusCode === 200 && res.data && res.data.key;
        if (typeof hex === 'string' && /^([0-9a-f]{2}){32,}$/i.test(hex)) {
          resolve(Uint8Array.from(hex.match(/../g), (b) => parseInt(b, 16)));
        } else {
          reject(new Error('no key in the answer'));
        }
      },
      fail: reject,
    });
  });
}

/** Example only (config.randomKeyWhenOffline): a key made for this launch. */
function randomKey() {
  const key = new Uint8Array(32);
  for (let i = 0; i < key.length; i++) key[i] = Math.floor(Math.random() * 256);
  return key;
}

Page({
  data: { policy: null, consents: null, declined: false, birthday: '', today: todayText(), sending: false, sent: [], message: '' },

  async onLoad() {
    try {
      await minform.init();
    } catch (err) {
      this.setData({ message: '隐私保护模块未能加载，暂时无法报名。' });
      return;
    }
    this.setData({ policy });
    fetchKey().then(
      (key) => {
        this.key = key;
      },
      () => {
        this.key = config.randomKeyWhenOffline ? randomKey() : null;
      },
    );
  },

  onConsentDone(e) {
    const { step, consents, subject } = e.detail;
    if (step !== 'done') {
      this.setData({ declined: true });
      return;
    }
    this.subject = subject;
    this.setData({ consents });
  },

  onConsentError() {
    this.setData({ message: '同意流程未能打开，暂时无法报名。' });
  },

  onBirthday(e) {
    this.setData({ birthday: e.detail.value });
  },

  onSubmit(e) {
    if (this.data.sending) return;
    if (!this.key) {
      this.setData({ message: '暂时无法安全处理信息，没有发送任何内容。请稍后再试。' });
      return;
    }
    let result;
    try {
      const minimizer = new minform.Minimizer(policy, { key: this.key });
      result = minimizer.minimize(e.detail.value, { subject: this.subject, consents: this.data.consents });
    } catch (err) {
      // consent_required, a bad value, …: the policy could not let it leave, so nothing does.
      this.setData({ message: '按隐私政策，这些信息不能发送，没有发送任何内容。' });
      return;
    }
    this.setData({ sending: true, message: '' });
    wx.request({
      url: config.submitUrl,
      method: 'POST',
      data: result.payload,
      complete: (res) => {
        const ok = res && res.statusCode >= 200 && res.statusCode < 300;
        this.setData({
          sending: false,
          sent: result.report.map((r) => ({ field: r.field, action: ACTIONS[r.action] || r.action })),
          message: ok ? '' : '提交未成功，请稍后再试。',
        });
      },
    });
  },
});
