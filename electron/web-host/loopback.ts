/**
 * Loopback addresses: the only interfaces the web host listens on and the only peers it talks to.
 */
import { BlockList, isIP } from 'node:net';

/** Where the web host listens unless told otherwise. */
export const LOOPBACK_HOST = '127.0.0.1';

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/**
 * True for an IPv4 loopback address (127.0.0.0/8), IPv6 `::1`, or an IPv4 loopback address mapped into
 * IPv6 (`::ffff:127.0.0.1`, how a dual-stack socket reports an IPv4 peer). Host names are not addresses.
 */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  const plain = /^::ffff:/i.test(address) && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
  const family = isIP(plain);
  if (family === 4) return loopback.check(plain, 'ipv4');
  return family === 6 && loopback.check(plain, 'ipv6');
}
