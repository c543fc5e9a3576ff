// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveAnnouncement } from './live-announcement';

const region = () => screen.getByTestId('announcement');

describe('the timeline announcement', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('says nothing for the page as loaded, then the first change at once', () => {
    const { rerender } = render(<LiveAnnouncement message="2021-10-02: 49" everyMs={3000} testId="announcement" />);
    act(() => vi.advanceTimersByTime(5000));
    expect(region()).toHaveProperty('textContent', '');
    expect(region().getAttribute('aria-live')).toBe('polite');
    rerender(<LiveAnnouncement message="2021-10-09: 55" everyMs={3000} testId="announcement" />);
    act(() => vi.advanceTimersByTime(0));
    expect(region().textContent).toBe('2021-10-09: 55');
  });

  it('while playing a week every 600 ms, speaks at most every 3 s and ends on the last week', () => {
    const { rerender } = render(<LiveAnnouncement message="week 0" everyMs={3000} testId="announcement" />);
    const heard: string[] = [];
    let last = '';
    for (let week = 1; week <= 12; week += 1) {
      rerender(<LiveAnnouncement message={`week ${week}`} everyMs={3000} testId="announcement" />);
      for (let ms = 0; ms < 600; ms += 100) {
        act(() => vi.advanceTimersByTime(100));
        const now = region().textContent ?? '';
        if (now !== last) heard.push(now);
        last = now;
      }
    }
    act(() => vi.advanceTimersByTime(3000));
    if (region().textContent !== last) heard.push(region().textContent ?? '');
    // 12 weeks in 7.2 s: the first at once, then whichever week shows at 3 s and 6 s, then the last.
    expect(heard).toEqual(['week 1', 'week 5', 'week 10', 'week 12']);
  });
});
