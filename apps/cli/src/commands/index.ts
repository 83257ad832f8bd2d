import type { Command } from '../command';
import { backupCommand, restoreCommand } from './backup';
import { checkpointCommand } from './checkpoint';
import { diffCommand } from './diff';
import { helpCommand } from './help';
import { importHouseholdsCommand } from './import-households';
import { integrityCommand } from './integrity';
import { migrateCommand } from './migrate';
import { projectionsCommand } from './projections';
import { replayCommand } from './replay';
import { reportCommand } from './report';
import { traceCommand } from './trace';
import { verifyCommand } from './verify';

/** The program's commands, in the order help lists them: a new command is one import and one line. */
export const COMMANDS: readonly Command[] = [
  verifyCommand,
  checkpointCommand,
  integrityCommand,
  traceCommand,
  diffCommand,
  reportCommand,
  projectionsCommand,
  replayCommand,
  backupCommand,
  restoreCommand,
  importHouseholdsCommand,
  migrateCommand,
  helpCommand,
];
