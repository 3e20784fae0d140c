import { describe, expect, it } from 'vitest';
import { readServerFrame } from './ws-frame.js';

describe('readServerFrame', () => {
  it('reads a result and an event', () => {
    expect(readServerFrame('{"id":3,"result":{"ok":true,"value":{"a":1}}}')).toEqual({
      kind: 'result',
      id: 3,
      result: { ok: true, value: { a: 1 } },
    });
    expect(
      readServerFrame('{"id":4,"result":{"ok":false,"error":{"code":"FORBIDDEN","message":"no"}}}'),
    ).toEqual({
      kind: 'result',
      id: 4,
      result: { ok: false, error: { code: 'FORBIDDEN', message: 'no' } },
    });
    expect(readServerFrame('{"event":"authState","payload":{"step":"signedOut"}}')).toEqual({
      kind: 'event',
      event: 'authState',
      payload: { step: 'signedOut' },
    });
  });

  it.each([
    ['not JSON', '{'],
    ['an array', '[1]'],
    ['null', 'null'],
    ['an id that is not an integer', '{"id":1.5,"result":{"ok":true,"value":1}}'],
    ['an id as a string', '{"id":"1","result":{"ok":true,"value":1}}'],
    ['a result with no ok', '{"id":1,"result":{"value":1}}'],
    ['a success with no value', '{"id":1,"result":{"ok":true}}'],
    ['a failure with no error code', '{"id":1,"result":{"ok":false,"error":{"message":"x"}}}'],
    ['an event with no payload', '{"event":"authState"}'],
    ['an event name that is not a string', '{"event":7,"payload":{}}'],
  ])('drops %s', (_what, text) => {
    expect(readServerFrame(text)).toBeNull();
  });
});
