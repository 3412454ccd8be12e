import { Module } from '@nestjs/common';
import { AgreementController, CertificateVerificationController, ConceptController } from './agreements.controller';
import { AgreementsGatewayService } from './agreements.service';
import { ImplementationController } from './implementation.controller';
import { ImplementationGatewayService } from './implementation.service';

/** Goals, measures, the Zielvereinbarung and certificates over HTTP (kept by the agreements service). */
@Module({
  controllers: [ConceptController, AgreementController, ImplementationController, CertificateVerificationController],
  providers: [AgreementsGatewayService, ImplementationGatewayService],
})
export class AgreementsModule {}
