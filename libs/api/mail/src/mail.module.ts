import { Module } from '@nestjs/common';
import { ProjectsModule } from '@roundtable/api-projects';
import { MailService } from './mail.service';
import { OutboxController } from './outbox.controller';

@Module({
  imports: [ProjectsModule],
  controllers: [OutboxController],
  providers: [MailService],
  exports: [MailService],
})
export class MailModule {}
