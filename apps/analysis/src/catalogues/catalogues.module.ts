import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CataloguesController } from './catalogues.controller';
import { CataloguesService } from './catalogues.service';
import { CatalogueVersion } from './entities/catalogue-version.entity';

/** Catalogue versions: criteria, indicators, rating scale and thresholds as versioned data. */
@Module({
  imports: [TypeOrmModule.forFeature([CatalogueVersion])],
  controllers: [CataloguesController],
  providers: [CataloguesService],
  exports: [CataloguesService],
})
export class CataloguesModule {}
