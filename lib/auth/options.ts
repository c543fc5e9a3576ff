/**
 * next-auth 4 configuration: password sign-in (the Credentials provider), sessions as encrypted JWT
 * cookies that hold only the user id and the session version (`sub`, `sv`), 8 hours at most.
 * Everything else about the viewer (role, institution, disabled) is read from the database on every
 * request (lib/auth/session.ts), so a change takes effect at once.
 *
 * Built lazily: the secret is only required when the first request needs it, not at build time.
 */
import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import { encode as encodeJwt, type JWT, type JWTEncodeParams } from 'next-auth/jwt';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDb } from '../db';
import { getEnv, provideNextAuthUrl, requireAuthSecret } from '../env';
import { logError } from '../errors';
import { logger } from '../log';
import { clientIpFrom } from './client-ip';
import { readSessionClaims, resolveViewer, signOutEverywhere } from './resolve-viewer';
import { signInWithPassword } from './sign-in';
import { BUSY_ERROR, rateLimitedError, serverError } from './sign-in-errors';

/** Sessions end 8 hours after sign-in at the latest, however active the user is. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/** The session cookie's name: browsers only accept the `__Secure-` prefix over https. */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Secure-hutong.session' : 'hutong.session';
}

export function isSecureDeployment(): boolean {
  return getEnv().appUrl.startsWith('https://');
}

/**
 * next-auth re-issues the token with a fresh 8-hour expiry whenever its session endpoint is read.
 * Keeping the first expiry makes 8 hours an absolute limit rather than an idle timeout.
 */
async function encodeWithinFirstExpiry(params: JWTEncodeParams): Promise<string> {
  const exp = params.token?.exp;
  const maxAge = params.maxAge ?? SESSION_MAX_AGE_SECONDS;
  const left = typeof exp === 'number' ? Math.floor(exp - Date.now() / 1000) : maxAge;
  return encodeJwt({ ...params, maxAge: Math.max(1, Math.min(maxAge, left)) });
}

/** The token's claims in the shape lib/auth/resolve-viewer.ts reads. */
function claimsOf(token: JWT) {
  return readSessionClaims({ userId: token.sub, sessionVersion: token.sv });
}

let cached: NextAuthOptions | undefined;

export function getAuthOptions(): NextAuthOptions {
  if (cached) return cached;
  provideNextAuthUrl();
  const secure = isSecureDeployment();
  cached = {
    secret: requireAuthSecret(),
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    jwt: { maxAge: SESSION_MAX_AGE_SECONDS, encode: encodeWithinFirstExpiry },
    useSecureCookies: secure,
    cookies: {
      sessionToken: {
        name: sessionCookieName(secure),
        options: { httpOnly: true, sameSite: 'lax', path: '/', secure },
      },
    },
    pages: { signIn: '/sign-in', error: '/sign-in' },
    providers: [
      CredentialsProvider({
        id: 'credentials',
        name: 'password',
        credentials: {
          email: { label: 'email', type: 'email' },
          password: { label: 'password', type: 'password' },
        },
        async authorize(credentials, req) {
          const headers = (req.headers ?? {}) as Record<string, string | undefined>;
          const ip = clientIpFrom((name) => headers[name]);
          let result;
          try {
            const db = await getDb();
            result = await signInWithPassword(db, { email: credentials?.email, password: credentials?.password, ip });
          } catch (error) {
            // next-auth would put the message in the redirect URL: send only an error id.
            throw new Error(serverError(logError(error, { where: 'auth.signIn' })));
          }
          if (result.ok) return { id: result.viewer.id, sessionVersion: result.sessionVersion };
          if (result.reason === 'RATE_LIMITED') throw new Error(rateLimitedError(result.retryAfterSeconds));
          if (result.reason === 'BUSY') throw new Error(BUSY_ERROR);
          return null;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user, trigger }) {
        // At sign-in: the id and the session version, nothing else (no name, email or role).
        if (trigger === 'signIn' && user) {
          return { sub: user.id, sv: (user as { sessionVersion?: unknown }).sessionVersion };
        }
        return token;
      },
      session({ session, token }) {
        // What getServerSession returns; lib/auth/session.ts checks it against the database.
        return { expires: session.expires, userId: token.sub, sessionVersion: token.sv } as unknown as typeof session;
      },
    },
    events: {
      // Sign-out through next-auth's own endpoint ends every session of the user, like the app's
      // sign-out action (lib/auth/actions.ts).
      async signOut({ token }) {
        const claims = token ? claimsOf(token) : null;
        if (!claims) return;
        try {
          const db = await getDb();
          const viewer = await resolveViewer(db, claims);
          if (!viewer) return;
          await signOutEverywhere(db, { viewer, ip: null });
        } catch (error) {
          logError(error, { where: 'auth.signOut' });
        }
      },
    },
    logger: {
      error(code, metadata) {
        logger.error({ code, err: metadata instanceof Error ? metadata : undefined }, 'next-auth error');
      },
      warn(code) {
        logger.warn({ code }, 'next-auth warning');
      },
      debug() {},
    },
  };
  return cached;
}
