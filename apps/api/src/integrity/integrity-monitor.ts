import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { verifyFileInBackground, type BackgroundCheck, type ChainCheck } from '../../../../libs/adapters/src/sqlite/chain-check';

export type IntegrityState =
  | Readonly<{ state: 'not_checked' }>
  | Readonly<{ state: 'checking' }>
  | Readonly<{ state: 'intact'; position: number; hash: string }>
  | Readonly<{ state: 'broken'; position: number; problem: string }>
  | Readonly<{ state: 'unknown'; problem: string }>;

/**
 * The result of the hash-chain pass run when the server starts. A log edited in its file would
 * otherwise be served as if nothing happened, its read models contradicting its audit trail;
 * once the pass finds a broken link the API says so on every answer and records nothing more
 * on top of it, until the log is restored from a backup and the server restarted.
 */
@Injectable()
export class IntegrityMonitor implements OnApplicationShutdown {
  private readonly logger = new Logger('Integrity');
  private current: IntegrityState = { state: 'not_checked' };
  private check: BackgroundCheck | null = null;
  private done: Promise<IntegrityState> = Promise.resolve(this.current);

  /** Starts the pass; resolves at once. `settled()` resolves when the pass is over. */
  start(logFile: string): void {
    this.current = { state: 'checking' };
    this.check = verifyFileInBackground(logFile);
    this.done = this.check.result.then((r) => this.record(r));
  }

  settled(): Promise<IntegrityState> {
    return this.done;
  }

  status(): IntegrityState {
    return this.current;
  }

  /** "broken at N" while the chain is known broken, null otherwise. */
  brokenAt(): string | null {
    return this.current.state === 'broken' ? `broken at ${this.current.position}` : null;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.check?.stop();
  }

  private record(r: ChainCheck): IntegrityState {
    if (r.ok === true) {
      this.current = { state: 'intact', position: r.head.position, hash: r.head.hash };
      this.logger.log(`hash chain intact: ${r.events} events up to position ${r.head.position}`);
    } else if (r.ok === false) {
      this.current = { state: 'broken', position: r.position, problem: r.problem };
      const banner = '!'.repeat(78);
      this.logger.error(
        `\n${banner}\nTHE LEDGER'S HASH CHAIN IS BROKEN AT POSITION ${r.position}: ${r.problem}\n` +
          `The log file was changed outside the ledger. Writes are refused (503 INTEGRITY_BROKEN) and every read\n` +
          `carries "Ledger-Integrity: broken at ${r.position}". Restore the log from a verified backup and restart.\n${banner}`,
      );
    } else {
      this.current = { state: 'unknown', problem: r.problem };
      this.logger.error(`the hash chain could not be checked: ${r.problem}`);
    }
    return this.current;
  }
}
