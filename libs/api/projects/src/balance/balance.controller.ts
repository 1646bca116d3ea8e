import { Body, Controller, Get, Header, Param, Put, Query } from '@nestjs/common';
import { ApiProperty, ApiQuery, ApiTags } from '@nestjs/swagger';
import type {
  BalanceFilters,
  BalanceReportDto,
  BalanceTargetRequest,
  HeadcountTargetRequest,
} from '@roundtable/contracts';
import { ApiException, Policy } from '@roundtable/api-platform';
import { ErrorCode } from '@roundtable/contracts';
import { IsInt, IsNumber, Max, Min } from 'class-validator';
import { UuidParamPipe } from '../uuid-param.pipe';
import { balanceCsv } from './balance';
import { BalanceService } from './balance.service';

class BalanceTargetDto implements BalanceTargetRequest {
  @ApiProperty() @IsNumber({}, { message: 'europe must be a number' }) @Min(0) @Max(1) europe!: number;
  @ApiProperty() @IsNumber({}, { message: 'china must be a number' }) @Min(0) @Max(1) china!: number;
  @ApiProperty() @IsNumber({}, { message: 'other must be a number' }) @Min(0) @Max(1) other!: number;
}

class HeadcountTargetDto implements HeadcountTargetRequest {
  @ApiProperty({ example: 35, minimum: 1, maximum: 100000 })
  @IsInt({ message: 'headcount must be a whole number' })
  @Min(1, { message: 'headcount must be at least 1' })
  @Max(100000, { message: 'headcount must be at most 100000' })
  headcount!: number;
}

/** `?excludeCoChairs=true&excludeObservers=true`: anything but true, false or absent is a 400 naming it. */
function filters(excludeCoChairs?: string, excludeObservers?: string): BalanceFilters {
  const flag = (field: string, value?: string): boolean => {
    if (value === undefined || value === 'false') return false;
    if (value === 'true') return true;
    throw new ApiException(ErrorCode.ValidationFailed, `Invalid ${field}`, {
      fields: [{ field, message: `${field} must be true or false`, code: 'isBoolean' }],
    });
  };
  return {
    excludeCoChairs: flag('excludeCoChairs', excludeCoChairs),
    excludeObservers: flag('excludeObservers', excludeObservers),
  };
}

/** A documented true/false query parameter. */
const flagQuery = (flag: string) => ApiQuery({ name: flag, required: false, enum: ['true', 'false'] });

@ApiTags('balance')
@Controller('projects/:id')
export class BalanceController {
  constructor(private readonly balance: BalanceService) {}

  @Policy({ read: { type: 'project', param: 'id' } })
  @Get('balance')
  @flagQuery('excludeCoChairs')
  @flagQuery('excludeObservers')
  report(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Query('excludeCoChairs') excludeCoChairs?: string,
    @Query('excludeObservers') excludeObservers?: string,
  ): Promise<BalanceReportDto> {
    return this.balance.report(id, filters(excludeCoChairs, excludeObservers));
  }

  @Policy({ read: { type: 'project', param: 'id' } })
  @Get('balance.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="balance.csv"')
  @flagQuery('excludeCoChairs')
  @flagQuery('excludeObservers')
  async csv(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Query('excludeCoChairs') excludeCoChairs?: string,
    @Query('excludeObservers') excludeObservers?: string,
  ): Promise<string> {
    return balanceCsv(await this.balance.report(id, filters(excludeCoChairs, excludeObservers)));
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

  @Policy({
    action: 'balance.setTarget',
    resource: { type: 'project', param: 'id' },
    denied: 'Only coordinators set the headcount target.',
  })
  @Put('headcount-target')
  setHeadcount(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: HeadcountTargetDto,
  ): Promise<HeadcountTargetRequest> {
    return this.balance.setHeadcount(id, body.headcount);
  }
}
