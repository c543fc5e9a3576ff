import { describe, expect, it } from 'vitest';
import { SIGN_IN_BURST, SIGN_INS_PER_SECOND, createSignInRate } from './serve.mjs';

describe('the serving wrapper’s sign-in rate', () => {
  it('lets a burst through, then the steady rate, and refuses the rest at once', () => {
    let now = 0;
    const mayStart = createSignInRate(SIGN_INS_PER_SECOND, SIGN_IN_BURST, () => now);
    const burst = Array.from({ length: 50 }, () => mayStart()).filter(Boolean).length;
    expect(burst).toBe(SIGN_IN_BURST);
    now += 1000;
    expect(Array.from({ length: 50 }, () => mayStart()).filter(Boolean).length).toBe(SIGN_INS_PER_SECOND);
    // A quiet minute refills the burst, no more.
    now += 60_000;
    expect(Array.from({ length: 50 }, () => mayStart()).filter(Boolean).length).toBe(SIGN_IN_BURST);
  });
});
