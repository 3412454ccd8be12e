import { Module } from '@nestjs/common';
import { ParticipationHttpModule } from '../participation/participation.module';
import { MembershipsController, OrganisationsController } from './organisations.controller';
import { PeopleController } from './people.controller';

/** Organisations, their people and quarter memberships over HTTP (owned by the actors service). */
@Module({ imports: [ParticipationHttpModule], controllers: [OrganisationsController, PeopleController, MembershipsController] })
export class OrganisationsModule {}
