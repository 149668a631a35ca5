// Which address a request comes from, for rate limits and the audit log. X-Forwarded-For is
// written by whoever sends the request: only the entries appended by our own reverse proxies
// can be believed, and they are at the END of the list (nginx's $proxy_add_x_forwarded_for
// appends the address it saw). With no trusted proxy the socket's peer is the client.

/**
 * The client's address: the `trustedProxies`-th X-Forwarded-For entry from the right when the
 * request passed that many proxies of ours, else the socket peer. Entries a client wrote
 * itself (to the left) are never used.
 */
export function clientAddress(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedProxies: number,
): string | null {
  const direct = peer ? stripIpv4Mapping(peer) : null;
  if (trustedProxies <= 0) return direct;
  const chain = [forwardedFor ?? []]
    .flat()
    .flatMap((h) => h.split(','))
    .map((entry) => entry.trim())
    .filter(Boolean);
  const entry = chain[chain.length - trustedProxies];
  return entry ? stripIpv4Mapping(entry) : direct;
}

/** `::ffff:127.0.0.1` (an IPv4 peer on a dual-stack socket) is 127.0.0.1. */
function stripIpv4Mapping(address: string): string {
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}
