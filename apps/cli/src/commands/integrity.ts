import { EXIT_OK, noPositionals, parseArgs, type Command } from '../command';

export const integrityCommand: Command = {
  name: 'integrity',
  usage: ['integrity'],
  summary: "print the head's position and digest as JSON (as stored; `verify` checks them)",
  async run(args, { io, readLog }) {
    noPositionals(parseArgs(args, [], integrityCommand), integrityCommand);
    const head = readLog().head();
    io.out(JSON.stringify({ position: head.position, hash: head.hash }));
    return EXIT_OK;
  },
};
