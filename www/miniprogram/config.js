// Where the example sends the sign-up and gets the pseudonym key. Replace both with your
// server's (and add the domain to the mini-program's request allow-list).
module.exports = {
  submitUrl: 'https://example.invalid/api/signup',
  keyUrl: 'https://example.invalid/api/pseudonym-key',
  // Example only: when the key cannot be fetched, use a random key made for this launch, so the
  // page can be tried in DevTools without a server. Such pseudonyms match nothing anywhere (never
  // a fixed key in code: anyone could reverse pseudonyms made with it). Set to false in an app.
  randomKeyWhenOffline: true,
};
