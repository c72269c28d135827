import { describe, expect, it } from 'vitest';
import { REDACTED, redactError, redactText } from '../../../electron/cli/redact.js';
import { DropsignError } from '../../../electron/shared/errors.js';

const SECRET = 'sEcReT+/=value';

describe('redactText', () => {
  it('masks raw and percent-encoded forms', () => {
    expect(redactText(`a ${SECRET} b ${encodeURIComponent(SECRET)} c`, [SECRET])).toBe(`a ${REDACTED} b ${REDACTED} c`);
  });

  it('ignores very short values and leaves other text alone', () => {
    expect(redactText('abc def', ['abc'])).toBe('abc def');
    expect(redactText('nothing here', [SECRET])).toBe('nothing here');
  });
});

describe('redactError', () => {
  it('masks message, hint and string details and keeps the code', () => {
    const error = redactError(
      new DropsignError('invalid-credentials', `bad ${SECRET}`, `hint ${SECRET}`, { v: SECRET, n: 1 }),
      [SECRET],
    );
    expect(error.toInfo()).toEqual({
      code: 'invalid-credentials',
      message: 'bad ***',
      hint: 'hint ***',
      details: { v: '***', n: 1 },
    });
  });

  it('turns unknown errors into internal ones, redacted and on one line', () => {
    const error = redactError(new TypeError(`boom\n  at ${SECRET}`), [SECRET]);
    expect(error.code).toBe('internal');
    expect(error.message).toBe('Unexpected error: boom at ***');
  });
});
