import { describe, expect, it } from 'vitest';
import { isInternalAddress } from '../../src/facts/is-internal-address.js';

describe('isInternalAddress', () => {
  it.each(['10.20.7.61', '172.16.0.1', '172.31.255.255', '192.168.1.1', '127.0.0.1', '169.254.10.1', '100.64.0.1', 'fd12:3456::1', 'fe80::1', '::1'])('counts %s as internal', (address) => {
    expect(isInternalAddress(address)).toBe(true);
  });

  it.each(['192.0.2.44', '198.51.100.7', '203.0.113.9', '172.32.0.1', '8.8.8.8', '2001:db8::1', 'not-an-ip', undefined])('counts %s as outside', (address) => {
    expect(isInternalAddress(address)).toBe(false);
  });
});
