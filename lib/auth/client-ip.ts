/**
 * The client's address for rate limits and the audit trail (docs/decisions/008-client-address.md).
 *
 * The chain of addresses is `X-Forwarded-For` followed by the peer: the address of the socket the
 * request came in on. Next.js does not hand the socket to route handlers, Server Actions or
 * next-auth, so the server that `npm start` runs (scripts/serve.mjs) writes it into
 * PEER_ADDRESS_HEADER, replacing whatever a client sent under that name, and marks the process so
 * the header is believed only there. Any client can write X-Forwarded-For, so its entries count
 * only as far as TRUSTED_PROXIES says: walking from the right, each trusted hop may name the one
 * before it; the first address not vouched for is the client. With no trusted proxy (the
 * default) the client is the peer.
 */
import net from 'node:net';
import { getEnv, type TrustedProxies } from '../env';

/** Written by scripts/serve.mjs from the socket; keep the two names equal (client-ip.test.ts). */
export const PEER_ADDRESS_HEADER = 'x-hutong-peer-address';
/** Set on globalThis by scripts/serve.mjs: only then does PEER_ADDRESS_HEADER come from the socket. */
export const PEER_HEADER_MARK = Symbol.for('hutong.peerAddressHeader');

/** Rejects junk (and keeps rate-limit keys short): IPv4, IPv6 and IPv4-mapped forms only. */
function normaliseIp(value: string | undefined): string | null {
  let candidate = value?.trim();
  if (!candidate) return null;
  // "[2001:db8::1]:443" and "203.0.113.9:443" as some proxies write them.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(candidate);
  if (bracketed?.[1]) candidate = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(candidate)) candidate = candidate.slice(0, candidate.lastIndexOf(':'));
  if (net.isIP(candidate) === 0) return null;
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(candidate);
  return (mapped?.[1] ?? candidate).toLowerCase();
}

const blockLists = new WeakMap<object, net.BlockList>();

function blockListOf(trust: Extract<TrustedProxies, { kind: 'ranges' }>): net.BlockList {
  let list = blockLists.get(trust);
  if (!list) {
    list = new net.BlockList();
    for (const r of trust.ranges) list.addSubnet(r.address, r.prefix, r.family);
    blockLists.set(trust, list);
  }
  return list;
}

function isTrustedAddress(trust: Extract<TrustedProxies, { kind: 'ranges' }>, ip: string): boolean {
  return blockListOf(trust).check(ip, net.isIPv4(ip) ? 'ipv4' : 'ipv6');
}

/**
 * The client address from the peer and the X-Forwarded-For value(s) under a trust setting; null
 * when the peer is unknown or an entry that must be believed is not an IP address.
 */
export function resolveClientIp(peer: string | null | undefined, forwardedFor: string | null | undefined, trust: TrustedProxies): string | null {
  const peerIp = normaliseIp(peer ?? undefined);
  if (!peerIp) return null;
  if (trust.kind === 'none') return peerIp;
  const forwarded = (forwardedFor ?? '').split(',').map((e) => e.trim()).filter(Boolean);
  // chain[last] is the peer; each step left is what the hop to its right says about its own client.
  const chain = [...forwarded, peerIp];
  if (trust.kind === 'hops') {
    const index = Math.max(0, chain.length - 1 - trust.hops);
    return normaliseIp(chain[index]);
  }
  for (let i = chain.length - 1; i >= 0; i -= 1) {
    const ip = normaliseIp(chain[i]);
    if (!ip) return null;
    if (i === 0 || !isTrustedAddress(trust, ip)) return ip;
  }
  return null;
}

/** True when this process runs behind scripts/serve.mjs, which writes PEER_ADDRESS_HEADER itself. */
export function isPeerHeaderTrusted(): boolean {
  return (globalThis as Record<symbol, unknown>)[PEER_HEADER_MARK] === true;
}

/**
 * The client address of the current request. Without the serving wrapper (e.g. `next dev`) the
 * socket is unknown and so is the client: null, counted under one shared "unknown" key.
 */
export function clientIpFrom(getHeader: (name: string) => string | null | undefined): string | null {
  if (!isPeerHeaderTrusted()) return null;
  return resolveClientIp(getHeader(PEER_ADDRESS_HEADER), getHeader('x-forwarded-for'), getEnv().trustedProxies);
}
