import { isIPv4, isIPv6 } from 'node:net';

/** Returns the first two octets of a valid IPv4 address, without splitting the whole address. */
function leadingOctets(address: string): [number, number] {
  const firstDot = address.indexOf('.');
  const secondDot = address.indexOf('.', firstDot + 1);
  return [Number(address.slice(0, firstDot)), Number(address.slice(firstDot + 1, secondDot))];
}

/**
 * Tells whether an IP address belongs to a private or local range (RFC 1918, loopback,
 * link-local, carrier-grade NAT, IPv6 unique-local and link-local), that is, to a network the
 * organisation itself runs. Documentation ranges such as 192.0.2.0/24 count as outside.
 */
export function isInternalAddress(address: string | undefined): boolean {
  if (!address) return false;
  if (isIPv4(address)) {
    const [first, second] = leadingOctets(address);
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
