import { createServer } from 'node:net';

/**
 * A port no one listens on now, chosen by the OS, for a server a test starts as a child process.
 * A random port in a fixed range collides when two test runs share the machine.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
