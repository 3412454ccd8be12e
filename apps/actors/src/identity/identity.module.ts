import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { AccountsService } from './accounts.service';
import { AccountProgramme } from './entities/account-programme.entity';
import { Account } from './entities/account.entity';
import { RefreshToken } from './entities/refresh-token.entity';
import { Session } from './entities/session.entity';
import type { IdentityConfig } from './identity.config';
import { IdentityController } from './identity.controller';
import { IDENTITY_CONFIG, IdentityService } from './identity.service';

/** Accounts, logins, sessions and refresh tokens. The gateway signs access tokens; the secret never comes here. */
@Module({})
export class IdentityModule {
  static forRoot(config: IdentityConfig): DynamicModule {
    return {
      module: IdentityModule,
      global: true,
      imports: [TypeOrmModule.forFeature([Account, AccountProgramme, Session, RefreshToken]), AuditModule],
      controllers: [IdentityController],
      providers: [{ provide: IDENTITY_CONFIG, useValue: config }, IdentityService, AccountsService],
      exports: [AccountsService],
    };
  }
}
