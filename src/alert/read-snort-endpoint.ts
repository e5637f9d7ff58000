/**
 * Splits a Snort "address:port" text: "192.0.2.1:80", "[2001:db8::1]:80", or a bare address
 * (ICMP, and IPv6 written without brackets, whose last group cannot be told from a port).
 */
export function readSnortEndpoint(text: string): { address: string; port?: number } {
  const bracketed = /^\[([^\]]+)\]:(\d{1,5})$/.exec(text);
  if (bracketed) return { address: bracketed[1]!, port: Number(bracketed[2]) };
  const ipv4 = /^(\d{1,3}(?:\.\d{1,3}){3}):(\d{1,5})$/.exec(text);
  if (ipv4) return { address: ipv4[1]!, port: Number(ipv4[2]) };
  return { address: text };
}
