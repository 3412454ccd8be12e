import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Person } from '../people/entities/person.entity';
import { ProgrammesModule } from '../programmes/programmes.module';
import { Organisation } from './entities/organisation.entity';
import { QuarterMembership } from './entities/quarter-membership.entity';
import { OrganisationsController } from './organisations.controller';
import { OrganisationsService } from './organisations.service';

/** Organisations and their memberships in quarters. */
@Module({
  imports: [TypeOrmModule.forFeature([Organisation, QuarterMembership, Person]), ProgrammesModule],
  controllers: [OrganisationsController],
  providers: [OrganisationsService],
})
export class OrganisationsModule {}
