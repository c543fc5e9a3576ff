import { afterEach, describe, expect, it } from 'vitest';
import { parseTrustedProxies } from '../env';
import { PEER_ADDRESS_HEADER as SERVER_PEER_HEADER, PEER_HEADER_MARK as SERVER_MARK } from '../../scripts/serve.mjs';
import { PEER_ADDRESS_HEADER, PEER_HEADER_MARK, clientIpFrom, resolveClientIp } from './client-ip';

const none = parseTrustedProxies(undefined);
const oneHop = parseTrustedProxies('1');
const ranges = parseTrustedProxies('10.0.0.0/8, loopback');

describe('resolveClientIp', () => {
  it('ignores X-Forwarded-For by default: the socket address is the client', () => {
    expect(resolveClientIp('198.51.100.7', '203.0.113.9', none)).toBe('198.51.100.7');
    expect(resolveClientIp('::ffff:198.51.100.7', undefined, none)).toBe('198.51.100.7');
  });

  it('with one trusted hop, takes the address that hop appended, not what the client wrote', () => {
    // The client forged "1.2.3.4"; nginx appended the real address 203.0.113.9.
    expect(resolveClientIp('10.0.0.2', '1.2.3.4, 203.0.113.9', oneHop)).toBe('203.0.113.9');
    // Reached directly, bypassing the proxy: nothing to walk back, the socket is the client.
    expect(resolveClientIp('203.0.113.9', undefined, oneHop)).toBe('203.0.113.9');
  });

  it('with trusted ranges, takes the right-most address outside them', () => {
    expect(resolveClientIp('127.0.0.1', '1.2.3.4, 203.0.113.9, 10.1.2.3', ranges)).toBe('203.0.113.9');
    expect(resolveClientIp('::1', '2001:db8::5', ranges)).toBe('2001:db8::5');
    // A peer outside the ranges is the client, whatever it claims.
    expect(resolveClientIp('198.51.100.7', '10.0.0.9', ranges)).toBe('198.51.100.7');
    // Everything trusted: the left-most entry is as far as the chain goes.
    expect(resolveClientIp('127.0.0.1', '10.0.0.9', ranges)).toBe('10.0.0.9');
  });

  it('refuses junk where an address must be believed, and an unknown peer', () => {
    expect(resolveClientIp('10.0.0.2', 'login:email:admin@hutong.test', oneHop)).toBeNull();
    expect(resolveClientIp('10.0.0.2', '1'.repeat(100), ranges)).toBeNull();
    expect(resolveClientIp(undefined, '203.0.113.9', none)).toBeNull();
  });

  it('accepts the address forms proxies write (ports, brackets)', () => {
    expect(resolveClientIp('10.0.0.2', '203.0.113.9:51234', oneHop)).toBe('203.0.113.9');
    expect(resolveClientIp('10.0.0.2', '[2001:DB8::1]:443', oneHop)).toBe('2001:db8::1');
  });
});

describe('clientIpFrom', () => {
  const marks = globalThis as Record<symbol, unknown>;
  afterEach(() => {
    delete marks[PEER_HEADER_MARK];
  });
  const headers: Record<string, string> = { [PEER_ADDRESS_HEADER]: '198.51.100.7', 'x-forwarded-for': '203.0.113.9' };

  it('believes the peer header only behind the serving wrapper', () => {
    expect(clientIpFrom((name) => headers[name])).toBeNull();
    marks[PEER_HEADER_MARK] = true;
    expect(clientIpFrom((name) => headers[name])).toBe('198.51.100.7');
  });

  it('uses the header name and mark the wrapper writes', () => {
    expect(SERVER_PEER_HEADER).toBe(PEER_ADDRESS_HEADER);
    expect(SERVER_MARK).toBe(PEER_HEADER_MARK);
  });
});
