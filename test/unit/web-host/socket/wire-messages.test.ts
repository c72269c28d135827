import { describe, expect, it } from 'vitest';
import { eventsText, parseClientMessage, replyText } from '../../../../electron/web-host/socket/wire-messages.js';

describe('parseClientMessage', () => {
  it('reads a call: a whole-number id, a contract channel, a list of args', () => {
    expect(parseClientMessage('{"id":0,"channel":"transfers:cancel","args":["t1"]}')).toEqual({ kind: 'invoke', id: 0, channel: 'transfers:cancel', args: ['t1'] });
  });

  it.each([
    ['not JSON', '{', null],
    ['JSON null', 'null', null],
    ['a list', '[]', null],
    ['a string', '"app:info"', null],
    ['no id', '{"channel":"app:info","args":[]}', null],
    ['a fractional id', '{"id":1.5,"channel":"app:info","args":[]}', null],
    ['a string id', '{"id":"1","channel":"app:info","args":[]}', null],
    ['an unsafe id', '{"id":9007199254740993,"channel":"app:info","args":[]}', null],
    ['an unknown channel', '{"id":3,"channel":"shell:exec","args":[]}', 3],
    ['a prototype channel', '{"id":3,"channel":"toString","args":[]}', 3],
    ['args as an object', '{"id":4,"channel":"app:info","args":{"length":0}}', 4],
    ['no args', '{"id":5,"channel":"app:info"}', 5],
    ['an extra field', '{"id":6,"channel":"app:info","args":[],"admin":true}', 6],
    ['a __proto__ field', '{"id":7,"channel":"app:info","args":[],"__proto__":{"admin":true}}', 7],
  ])('answers %s as malformed (under id %s)', (_case, text, id) => {
    const message = parseClientMessage(text);
    expect(message).toMatchObject({ kind: 'malformed', id, error: { code: 'invalid-argument' } });
  });

  it('does not let a __proto__ field reach any prototype', () => {
    parseClientMessage('{"id":1,"channel":"app:info","args":[],"__proto__":{"polluted":true}}');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('replyText and eventsText', () => {
  it('frame a reply under its id, one event with its payload, and several events as a list in order', () => {
    expect(JSON.parse(replyText(4, { ok: true, value: null }))).toEqual({ id: 4, result: { ok: true, value: null } });
    const notice = { event: 'app:notice', payload: { level: 'info', message: 'm' } } as const;
    expect(JSON.parse(eventsText([notice]))).toEqual(notice);
    const events = { event: 'transfers:events', payload: [{ kind: 'removed', seq: 3, id: 'a' }] } as const;
    expect(JSON.parse(eventsText([events, notice]))).toEqual([events, notice]);
  });

  it('answer an error when a value cannot be framed, rather than throw', () => {
    const cycle: Record<string, unknown> = {};
    cycle['self'] = cycle;
    expect(JSON.parse(replyText(1, { ok: true, value: cycle }))).toMatchObject({ id: 1, result: { ok: false, error: { code: 'internal' } } });
  });
});
