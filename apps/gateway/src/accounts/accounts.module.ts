import { Module } from '@nestjs/common';
import { AccountsController } from './accounts.controller';

/** Accounts over HTTP (owned by the actors service). */
@Module({ controllers: [AccountsController] })
export class AccountsModule {}
