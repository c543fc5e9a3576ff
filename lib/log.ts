/**
 * The server logger (pino, JSON lines on stdout). Sensitive keys are redacted wherever they appear.
 */
import pino from 'pino';
import { getEnv } from './env';

export const REDACTED_KEYS = ['password', 'passwordHash', 'token', 'authorization', 'cookie', 'secret', 'apiKey'];

export const logger = pino({
  level: getEnv().logLevel,
  base: undefined,
  redact: {
    paths: REDACTED_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]),
    censor: '[redacted]',
  },
});
