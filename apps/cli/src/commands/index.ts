import type { Command } from '../command';
import { checkpointCommand } from './checkpoint';
import { helpCommand } from './help';
import { integrityCommand } from './integrity';
import { traceCommand } from './trace';
import { verifyCommand } from './verify';

/** The program's commands, in the order help lists them: a new command is one import and one line. */
export const COMMANDS: readonly Command[] = [
  verifyCommand,
  checkpointCommand,
  integrityCommand,
  traceCommand,
  helpCommand,
];
