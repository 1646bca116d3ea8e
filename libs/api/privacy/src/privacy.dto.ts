import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { CONSENT_PURPOSES, type ConsentPurpose } from '@roundtable/contracts';

export class ConsentBody {
  @ApiProperty({ enum: CONSENT_PURPOSES })
  @IsIn(CONSENT_PURPOSES as unknown as string[], { message: `purpose must be one of ${CONSENT_PURPOSES.join(', ')}` })
  purpose!: ConsentPurpose;

  @ApiProperty({ description: 'true gives the consent, false withdraws it.' })
  @IsBoolean({ message: 'granted must be true or false' })
  granted!: boolean;
}

export class ErasureBody {
  @ApiProperty({ description: 'The account’s password, to confirm.' })
  @IsString({ message: 'password must be text' })
  @MinLength(1, { message: 'password must not be empty' })
  @MaxLength(1000, { message: 'password must be at most 1000 characters' })
  password!: string;
}

export class NoticeQuery {
  @ApiPropertyOptional({ enum: ['en', 'zh-CN'] })
  @IsOptional()
  @IsIn(['en', 'zh-CN'], { message: 'lang must be en or zh-CN' })
  lang?: 'en' | 'zh-CN';
}
