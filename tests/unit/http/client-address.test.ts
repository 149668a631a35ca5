import { describe, expect, it } from 'vitest';
import { clientAddress } from '@/server/http/client-address';

describe('the address a request comes from', () => {
  it('is the socket peer when no proxy of ours is in front, whatever X-Forwarded-For says', () => {
    expect(clientAddress('203.0.113.9', '198.51.100.1', 0)).toBe('203.0.113.9');
    expect(clientAddress('::ffff:127.0.0.1', undefined, 0)).toBe('127.0.0.1');
    expect(clientAddress(undefined, '198.51.100.1', 0)).toBeNull();
  });

  it('behind one proxy, is the entry that proxy appended, not one the client wrote', () => {
    // The client sent "X-Forwarded-For: 1.2.3.4"; nginx appended the address it saw.
    expect(clientAddress('10.0.0.2', '1.2.3.4, 203.0.113.9', 1)).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.2', '203.0.113.9', 1)).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.2', ['1.2.3.4', '203.0.113.9'], 1)).toBe('203.0.113.9');
  });

  it('behind two proxies, is the second entry from the right', () => {
    expect(clientAddress('10.0.0.2', '1.2.3.4, 203.0.113.9, 192.0.2.7', 2)).toBe('203.0.113.9');
  });

  it('falls back to the peer when the request did not pass the proxies it should have', () => {
    expect(clientAddress('10.0.0.2', undefined, 1)).toBe('10.0.0.2');
    expect(clientAddress('10.0.0.2', '203.0.113.9', 2)).toBe('10.0.0.2');
    expect(clientAddress('10.0.0.2', ' , ', 1)).toBe('10.0.0.2');
  });
});
