import { Module } from '@nestjs/common';
import { ProjectsModule } from '@roundtable/api-projects';
import { MailService } from './mail.service';
import { OutboxController } from './outbox.controller';
import { OutboxWorker } from './outbox.worker';

@Module({
  imports: [ProjectsModule],
  controllers: [OutboxController],
  providers: [MailService, OutboxWorker],
  exports: [MailService],
})
export class MailModule {}
