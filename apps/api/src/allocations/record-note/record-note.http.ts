import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { parseRecordNote, type AppContext } from '../../../../../libs/ledger/src';
import { ApiDoc, WRITE_ERRORS } from '../../http/openapi';
import { Ctx } from '../../http/request-context';
import { RecordNoteCommand } from './record-note.command';
import { NoteCreatedDto, RecordNoteDto } from './record-note.dto';

@ApiTags('allocations')
@ApiBearerAuth()
@Controller('api/v1/allocations')
export class RecordNoteController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/notes')
  @HttpCode(201)
  @ApiDoc({
    operationId: 'AllocationNotesController_record',
    summary: 'Record a progress note on an allocation',
    description:
      'Why the money is (not yet) spent, for the programme report; recorded as AllocationNoteRecorded on the allocation’s stream. Finance officers of the allocation’s unit, supervisors over it, admins.',
    created: NoteCreatedDto,
    errors: [...WRITE_ERRORS, 404],
    idempotent: true,
  })
  record(@Param('id') id: string, @Body() body: RecordNoteDto, @Ctx() ctx: AppContext): Promise<NoteCreatedDto> {
    return this.commands.execute(new RecordNoteCommand(id, parseRecordNote(body), ctx));
  }
}
