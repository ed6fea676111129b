// The example's app: nothing global. minform is loaded by the page that needs it.
App({});
