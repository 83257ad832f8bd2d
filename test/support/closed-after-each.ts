type Closeable = { close(): unknown };

/**
 * Registers an afterEach that closes whatever the test opened and did not close, even when the
 * test failed half-way (a store left open keeps its threads alive and jest from exiting). A
 * tracked object's own close() is made idempotent, so a test may still close it itself.
 */
export function closedAfterEach(): <T extends Closeable>(opened: T) => T {
  const open = new Set<Closeable>();
  afterEach(async () => {
    for (const c of open) await Promise.resolve(c.close()).catch(() => undefined);
    open.clear();
  });
  return (opened) => {
    const close = opened.close.bind(opened);
    let closing: Promise<unknown> | undefined;
    opened.close = () => (closing ??= Promise.resolve().then(close));
    open.add(opened);
    return opened;
  };
}
