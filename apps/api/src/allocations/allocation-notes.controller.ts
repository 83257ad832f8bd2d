import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { recordNote, type AppContext, type RecordNoteInput } from '../../../../libs/ledger/src';
import { Ctx } from '../http/request-context';
import { LedgerService } from '../ledger/ledger.service';
import { RecordNoteDto } from '../reports/reports.dto';

type NoteCreated = { id: string; allocationId: string; position: number };

export class RecordNoteCommand extends Command<NoteCreated> {
  constructor(readonly allocationId: string, readonly input: RecordNoteInput, readonly ctx: AppContext) {
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
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('api/v1/allocations')
export class AllocationNotesController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/notes')
  @HttpCode(201)
  @ApiOperation({ summary: 'A progress note: why the money is (not yet) spent. Finance officers of the allocation’s unit, supervisors over it, admins' })
  @ApiCreatedResponse({
    description: 'recorded as AllocationNoteRecorded on the allocation’s stream',
    schema: { type: 'object', required: ['id', 'allocationId', 'position'], properties: { id: { type: 'string' }, allocationId: { type: 'string' }, position: { type: 'integer' } } },
  })
  record(@Param('id') id: string, @Body() body: RecordNoteDto, @Ctx() ctx: AppContext) {
    return this.commands.execute(new RecordNoteCommand(id, body, ctx));
  }
}
