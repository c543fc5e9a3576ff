import { expect } from 'vitest';
import { AppError, type AppErrorCode } from '../../lib/errors';

/**
 * The AppError a call is refused with, never a raw Prisma or zod error: fails the test if the call
 * succeeds or throws anything else, or (with `code`) is refused for another reason.
 */
export async function refused(promise: Promise<unknown>, code?: AppErrorCode): Promise<AppError> {
  const error = await promise.then(
    () => {
      throw new Error(`expected ${code ?? 'a refusal'}, but the call succeeded`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  if (code) expect((error as AppError).code).toBe(code);
  return error as AppError;
}
