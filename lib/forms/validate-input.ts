/**
 * The server side of validation: a mutation's input either parses with its strict schema or
 * becomes an AppError VALIDATION whose details list the fields at fault (`{ issues: FieldIssue[] }`),
 * which the Server Action and the API describe in the reader's language.
 */
import type { z } from 'zod';
import { AppError } from '../errors';
import { parseInput, type FieldIssue } from './validation';

export function invalidInput(issues: FieldIssue[], extra: Record<string, unknown> = {}): AppError {
  return new AppError('VALIDATION', 'invalid input', { issues, ...extra });
}

/** One field at fault, for checks that need the database or the clock (unknown code, future date). */
export function invalidField(path: string, code: string, values?: FieldIssue['values']): AppError {
  return invalidInput([{ path, code, ...(values ? { values } : {}) }]);
}

export function validateInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = parseInput(schema, input);
  if (!result.success) throw invalidInput(result.issues);
  return result.data;
}
