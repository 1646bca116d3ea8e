import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '@roundtable/api-platform';
import { SECTORS, type PeopleQuery, type Region, type Sector } from '@roundtable/contracts';

const REGIONS: Region[] = ['europe', 'china', 'other'];

export class PeopleQueryDto extends PageQueryDto implements PeopleQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('4', { message: 'workingGroupId must be a UUID' })
  workingGroupId?: string;
  @ApiPropertyOptional({ enum: REGIONS })
  @IsOptional()
  @IsIn(REGIONS, { message: 'region must be europe, china or other' })
  region?: Region;
  @ApiPropertyOptional({ enum: SECTORS })
  @IsOptional()
  @IsIn(SECTORS, { message: `sector must be one of ${SECTORS.join(', ')}` })
  sector?: Sector;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(60) expertise?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) q?: string;
}
