import { EXIT_OK, UsageError, usage, type Command } from '../command';

export const helpCommand: Command = {
  name: 'help',
  usage: ['help [command]'],
  summary: 'show this help, or the usage of one command',
  async run(args, { io, commands }) {
    if (args.length === 0) {
      io.out(usage(commands));
      return EXIT_OK;
    }
    const command = commands.find((c) => c.name === args[0]);
    if (!command || args.length > 1) throw new UsageError(`no command '${args.join(' ')}'`, helpCommand);
    io.out(`${command.summary}\n${usage([command], false)}`);
    return EXIT_OK;
  },
};
