import { isIPv4, isIPv6 } from 'node:net';

function ipv4Octets(address: string): number[] {
  return address.split('.').map(Number);
}

/**
 * Tells whether an IP address belongs to a private or local range (RFC 1918, loopback,
 * link-local, carrier-grade NAT, IPv6 unique-local and link-local), that is, to a network the
 * organisation itself runs. Documentation ranges such as 192.0.2.0/24 count as outside.
 */
export function isInternalAddress(address: string | undefined): boolean {
  if (!address) return false;
  if (isIPv4(address)) {
    const [first = 0, second = 0] = ipv4Octets(address);
    return (
      first === 10 ||
      first === 127 ||
      (first === 172 && second >= 16 && second <= 31) ||
      (first === 192 && second === 168) ||
      (first === 169 && second === 254) ||
      (first === 100 && second >= 64 && second <= 127)
    );
  }
  if (isIPv6(address)) {
    const lower = address.toLowerCase();
    return lower === '::1' || /^f[cd][0-9a-f]{2}:/.test(lower) || /^fe[89ab][0-9a-f]:/.test(lower);
  }
  return false;
}
