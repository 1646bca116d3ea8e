import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  NOTIFICATION_DELIVERIES,
  NOTIFICATION_KINDS,
  type NotificationDelivery,
  type NotificationKind,
  type NotificationPreferenceDto,
  type NotificationPreferencesRequest,
} from '@roundtable/contracts';

export class NotificationPreferenceBody implements NotificationPreferenceDto {
  @ApiProperty({ enum: NOTIFICATION_KINDS })
  @IsIn(NOTIFICATION_KINDS, { message: `kind must be one of ${NOTIFICATION_KINDS.join(', ')}` })
  kind!: NotificationKind;

  @ApiProperty({ enum: NOTIFICATION_DELIVERIES })
  @IsIn(NOTIFICATION_DELIVERIES, { message: `delivery must be one of ${NOTIFICATION_DELIVERIES.join(', ')}` })
  delivery!: NotificationDelivery;
}

export class NotificationPreferencesBody implements NotificationPreferencesRequest {
  @ApiProperty({ type: [NotificationPreferenceBody] })
  @IsDefined({ message: 'preferences is required' })
  @IsArray({ message: 'preferences must be a list of { kind, delivery }' })
  @ArrayMaxSize(NOTIFICATION_KINDS.length, {
    message: `preferences must have at most ${NOTIFICATION_KINDS.length} entries`,
  })
  @IsObject({ each: true, message: 'preferences must be a list of { kind, delivery }' })
  @ValidateNested({ each: true })
  @Type(() => NotificationPreferenceBody)
  preferences!: NotificationPreferenceBody[];
}

export class NotificationListQuery {
  @ApiProperty({ required: false, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(200, { message: 'limit must be at most 200' })
  limit?: number;
}
