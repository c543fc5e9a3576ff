import { describe, expect, it } from 'vitest';
import { isEventFor, parseEventStream } from './streams';

describe('reading the live event stream', () => {
  it('splits complete messages and keeps the unfinished rest for the next chunk', () => {
    const text = ': heartbeat\n\nid: 41\nevent: STATUS\ndata: {"id":41,"entityCode":"4403"}\n\nid: 42\nevent: STA';
    const { messages, rest } = parseEventStream(text);
    expect(messages).toHaveLength(2);
    expect(messages[1]).toEqual({ id: '41', event: 'STATUS', data: '{"id":41,"entityCode":"4403"}' });
    expect(rest).toBe('id: 42\nevent: STA');
  });

  it('matches an event of the city by its row, whatever other fields it carries', () => {
    const [event] = parseEventStream('id: 7\nevent: CONFIRM\ndata: {"id":7,"entityCode":"4403","newField":true}\n\n').messages;
    expect(isEventFor(event!, '4403')).toBe(true);
    expect(isEventFor(event!, '4401')).toBe(false);
    // The bell's message carries no id and is not the write's event.
    const [alerts] = parseEventStream('event: ALERTS\ndata: {"entityCode":"4403"}\n\n').messages;
    expect(isEventFor(alerts!, '4403')).toBe(false);
  });
});
