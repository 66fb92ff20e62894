import fs from 'node:fs';
import net from 'node:net';
import { randomInt } from 'node:crypto';

/** Where the search starts: below it sit well-known services' ports. */
const LOWEST = 10_000;

/**
 * The first port of the kernel's ephemeral range (Linux: /proc; elsewhere the common 32768). A port the
 * OS hands out for `listen(0)` comes from that range, and any outgoing connection (a gRPC channel, a pg
 * pool) may take it as its source port before the caller binds it: a fault suite's API once failed with
 * EADDRINUSE that way. Ports below the range are never given to outgoing connections.
 */
function ephemeralStart(): number {
  try {
    const low = Number(fs.readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(low) && low > LOWEST + 1000 ? low : 32_768;
  } catch {
    return 32_768;
  }
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function osPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Ports this process has handed out: two callers at once must not get the same one. */
const given = new Set<number>();

/** A free TCP port on loopback, from below the ephemeral range (see `ephemeralStart`). */
export async function freePort(): Promise<number> {
  const end = ephemeralStart();
  for (let attempt = 0; attempt < 100; attempt++) {
    const port = randomInt(LOWEST, end);
    if (given.has(port)) continue;
    given.add(port);
    if (await canListen(port)) return port;
  }
  // Everything tried was taken: the OS's choice is still better than none.
  return osPort();
}
