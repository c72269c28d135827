import { describe, expect, it } from 'vitest';
import { isLoopbackAddress } from '../../../electron/web-host/loopback.js';

describe('isLoopbackAddress', () => {
  it.each(['127.0.0.1', '127.255.0.9', '::1', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1'])('accepts %s', (address) => {
    expect(isLoopbackAddress(address)).toBe(true);
  });

  it.each(['0.0.0.0', '10.0.0.1', '192.168.1.2', '::', '::2', '::ffff:10.0.0.1', 'localhost', '128.0.0.1', '', undefined])('refuses %s', (address) => {
    expect(isLoopbackAddress(address)).toBe(false);
  });
});
