import { Module } from '@nestjs/common';
import { AuthModule } from '@roundtable/api-auth';
import { MailModule } from '@roundtable/api-mail';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';

/** Passwords of existing accounts: change (with the current one) and reset by emailed link. */
@Module({
  imports: [AuthModule, MailModule],
  controllers: [AccountsController],
  providers: [AccountsService],
})
export class AccountsModule {}
