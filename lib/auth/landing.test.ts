import { describe, expect, it } from 'vitest';
import { landingPathFor } from './landing';

describe('landingPathFor', () => {
  it('sends managers and executives following more than one program to the portfolio', () => {
    expect(landingPathFor('PROGRAM_MANAGER', 5)).toBe('/portfolio');
    expect(landingPathFor('EXECUTIVE', 2)).toBe('/portfolio');
  });

  it('keeps everyone else, and anyone following one program or none, on the dashboard', () => {
    expect(landingPathFor('PROGRAM_MANAGER', 1)).toBe('/');
    expect(landingPathFor('EXECUTIVE', 0)).toBe('/');
    expect(landingPathFor('ADMIN', 5)).toBe('/');
    expect(landingPathFor('PARTNER', 5)).toBe('/');
  });
});
