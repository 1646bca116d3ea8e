import { Body, Controller, Get, Header, Param, Put } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import type { BalanceReportDto, BalanceTargetRequest } from '@roundtable/contracts';
import { Policy } from '@roundtable/api-platform';
import { IsNumber, Max, Min } from 'class-validator';
import { UuidParamPipe } from '../uuid-param.pipe';
import { balanceCsv } from './balance';
import { BalanceService } from './balance.service';

class BalanceTargetDto implements BalanceTargetRequest {
  @ApiProperty() @IsNumber({}, { message: 'europe must be a number' }) @Min(0) @Max(1) europe!: number;
  @ApiProperty() @IsNumber({}, { message: 'china must be a number' }) @Min(0) @Max(1) china!: number;
  @ApiProperty() @IsNumber({}, { message: 'other must be a number' }) @Min(0) @Max(1) other!: number;
}

@ApiTags('balance')
@Controller('projects/:id')
export class BalanceController {
  constructor(private readonly balance: BalanceService) {}

  @Policy({ read: { type: 'project', param: 'id' } })
  @Get('balance')
  report(@Param('id', new UuidParamPipe('id')) id: string): Promise<BalanceReportDto> {
    return this.balance.report(id);
  }

  @Policy({ read: { type: 'project', param: 'id' } })
  @Get('balance.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="balance.csv"')
  async csv(@Param('id', new UuidParamPipe('id')) id: string): Promise<string> {
    return balanceCsv((await this.balance.report(id)).groups);
  }

  @Policy({
    action: 'balance.setTarget',
    resource: { type: 'project', param: 'id' },
    denied: 'Only coordinators set the balance target.',
  })
  @Put('balance-target')
  setTarget(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: BalanceTargetDto,
  ): Promise<BalanceTargetRequest> {
    return this.balance.setTarget(id, body);
  }
}
