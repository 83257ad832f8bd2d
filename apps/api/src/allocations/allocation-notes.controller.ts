import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { parseRecordNote, recordNote, type AppContext, type RecordNoteInput } from '../../../../libs/ledger/src';
import { Ctx } from '../http/request-context';
import { LedgerService } from '../ledger/ledger.service';
import { RecordNoteDto } from '../reports/reports.dto';
import { ApiDoc, WRITE_ERRORS } from '../http/openapi';
import { NoteCreatedDto } from './allocations.responses';

type NoteCreated = { id: string; allocationId: string; position: number };

export class RecordNoteCommand extends Command<NoteCreated> {
  constructor(
    readonly allocationId: string,
    readonly input: RecordNoteInput,
    readonly ctx: AppContext,
  ) {
    super();
  }
}

@CommandHandler(RecordNoteCommand)
export class RecordNoteHandler implements ICommandHandler<RecordNoteCommand> {
  constructor(private readonly ledger: LedgerService) {}
  execute(c: RecordNoteCommand) {
    return recordNote(this.ledger.runner, this.ledger.reads, c.allocationId, c.input, c.ctx);
  }
}

@ApiTags('allocations')
@ApiBearerAuth()
@Controller('api/v1/allocations')
export class AllocationNotesController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/notes')
  @HttpCode(201)
  @ApiDoc({
    summary: 'Record a progress note on an allocation',
    description:
      'Why the money is (not yet) spent, for the programme report; recorded as AllocationNoteRecorded on the allocation’s stream. Finance officers of the allocation’s unit, supervisors over it, admins.',
    created: NoteCreatedDto,
    errors: [...WRITE_ERRORS, 404],
    idempotent: true,
  })
  record(@Param('id') id: string, @Body() body: RecordNoteDto, @Ctx() ctx: AppContext) {
    return this.commands.execute(new RecordNoteCommand(id, parseRecordNote(body), ctx));
  }
}
