import { Module } from '@nestjs/common';
import { MembershipsController, OrganisationsController } from './organisations.controller';

/** Organisations and quarter memberships over HTTP (owned by the actors service). */
@Module({ controllers: [OrganisationsController, MembershipsController] })
export class OrganisationsModule {}
