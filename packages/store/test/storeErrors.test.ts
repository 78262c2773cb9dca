import { KuaibanError, isKuaibanError } from '@kuaiban/calendar';
import { describe, expect, it } from 'vitest';
import {
  conflictError,
  sqlState,
  storeError,
  unavailableError,
} from '../src/storeErrors.js';

const driverError = (code: string) =>
  Object.assign(new Error(`driver says ${code}`), { code });

describe('storeErrors: driver errors as Kuaiban errors', () => {
  it('reads the SQLSTATE of pg and PGlite errors', () => {
    expect(sqlState(driverError('23505'))).toBe('23505');
    expect(sqlState(new Error('plain'))).toBe(null);
    expect(sqlState(null)).toBe(null);
  });

  it('STORE_UNAVAILABLE: lost connections and servers shutting down', () => {
    for (const code of ['08006', '57P01', '53300', 'ECONNREFUSED']) {
      const error = storeError(driverError(code), 'read');
      expect(isKuaibanError(error) && error.code).toBe('STORE_UNAVAILABLE');
      expect(isKuaibanError(error) && error.message).toMatch(
        /unavailable \(read\): driver says/,
      );
      expect(isKuaibanError(error) && error.messageZh).toMatch(/办件库不可用/);
    }
    for (const message of [
      'Connection terminated unexpectedly',
      'timeout exceeded when trying to connect',
    ]) {
      const error = storeError(new Error(message), 'commit');
      expect(isKuaibanError(error) && error.code).toBe('STORE_UNAVAILABLE');
    }
    const other = new Error('Connection string is invalid');
    expect(storeError(other, 'read')).toBe(other);
    expect(unavailableError('open', 'text').message).toMatch(/open\): text/);
  });

  it('passes other errors and Kuaiban errors through unchanged', () => {
    const syntax = driverError('42601');
    expect(storeError(syntax, 'read')).toBe(syntax);
    const known = new KuaibanError({
      code: 'CONFLICT',
      message: 'm',
      messageZh: 'm',
    });
    expect(storeError(known, 'commit')).toBe(known);
  });

  it('CONFLICT: names the case and both versions, in both languages', () => {
    const error = conflictError('case-1', 2, 3);
    expect(error.details).toEqual({ caseId: 'case-1', expected: 2, found: 3 });
    expect(error.message).toMatch(/expected version 2, found 3/);
    expect(conflictError('case-1', null, null).messageZh).toMatch(
      /期望版本 null，实际 无/,
    );
  });
});
