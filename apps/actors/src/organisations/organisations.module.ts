import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProgrammesModule } from '../programmes/programmes.module';
import { Organisation } from './entities/organisation.entity';
import { QuarterMembership } from './entities/quarter-membership.entity';
import { OrganisationsController } from './organisations.controller';
import { OrganisationsService } from './organisations.service';

/** Organisations and their memberships in quarters. */
@Module({
  imports: [TypeOrmModule.forFeature([Organisation, QuarterMembership]), ProgrammesModule],
  controllers: [OrganisationsController],
  providers: [OrganisationsService],
})
export class OrganisationsModule {}
