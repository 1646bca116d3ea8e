import { Module } from '@nestjs/common';
import { AuthModule } from '@roundtable/api-auth';
import { CollaborationModule } from '@roundtable/api-collaboration';
import { ExportsModule } from '@roundtable/api-exports';
import { NotificationsModule } from '@roundtable/api-notifications';
import { ErasureCommand } from './erasure.command';
import { PrivacyCommands } from './privacy.commands';
import { PrivacyController } from './privacy.controller';
import { PrivacyQueries } from './privacy.queries';
import { PrivacyRepository } from './privacy.repository';
import { RetentionSweep } from './retention.sweep';

/** Consent, notices, own-data export and erasure, retention (issue 17, ADR 043). */
@Module({
  imports: [AuthModule, ExportsModule, NotificationsModule, CollaborationModule],
  controllers: [PrivacyController],
  providers: [PrivacyRepository, PrivacyCommands, PrivacyQueries, ErasureCommand, RetentionSweep],
  exports: [RetentionSweep],
})
export class PrivacyModule {}
