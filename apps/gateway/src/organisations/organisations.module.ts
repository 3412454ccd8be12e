import { Module } from '@nestjs/common';
import { MembershipsController, OrganisationsController } from './organisations.controller';
import { PeopleController } from './people.controller';

/** Organisations, their people and quarter memberships over HTTP (owned by the actors service). */
@Module({ controllers: [OrganisationsController, PeopleController, MembershipsController] })
export class OrganisationsModule {}
