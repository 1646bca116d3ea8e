import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PolicyGuard } from '@roundtable/api-platform';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { SessionGuard } from './session.guard';

@Module({
  controllers: [AuthController],
  // Global guards run in this order: the session first, then the handler's declared policy.
  providers: [
    AuthService,
    { provide: APP_GUARD, useClass: SessionGuard },
    { provide: APP_GUARD, useClass: PolicyGuard },
  ],
  exports: [AuthService],
})
export class AuthModule {}
