import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class UserStatusChangeDto {
  @ApiProperty({ example: 'transferred to another district (Quyết định 12/QĐ-UBND)', description: 'why (recorded with the event)' })
  @IsString()
  @MaxLength(500)
  reason!: string;
}
