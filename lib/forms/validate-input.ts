/**
 * The server side of form validation: a mutation's input either parses with its strict schema or
 * becomes an AppError VALIDATION whose details list the fields at fault as message keys
 * (`{ issues: FieldIssue[] }`), which the Server Action localises and the API returns as is.
 */
import 'server-only';
import type { z } from 'zod';
import { AppError } from '../errors';
import { parseInput, type FieldIssue } from './validation';

export function invalidInput(issues: FieldIssue[]): AppError {
  return new AppError('VALIDATION', 'invalid input', { issues });
}

/** One field at fault, for checks that need the database or the clock (unknown code, future date). */
export function invalidField(path: string, key: string, values?: FieldIssue['values']): AppError {
  return invalidInput([{ path, key, ...(values ? { values } : {}) }]);
}

export function validateInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = parseInput(schema, input);
  if (!result.success) throw invalidInput(result.issues);
  return result.data;
}
