// Preloaded (node --require) into Prisma CLI runs: the WASM schema engine leaves 10-60 s timers
// behind that keep the process alive after the command is done. Unref'ing long timers lets the
// CLI exit as soon as its real work ends; short timers are untouched.
const originalSetTimeout = global.setTimeout;
global.setTimeout = function setTimeoutUnrefLong(fn, ms, ...args) {
  const timer = originalSetTimeout(fn, ms, ...args);
  if (typeof ms === 'number' && ms >= 5000 && timer && typeof timer.unref === 'function') timer.unref();
  return timer;
};
