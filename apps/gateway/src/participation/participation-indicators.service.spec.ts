import { ServiceUnavailableException } from '@nestjs/common';
import { AnalysisPatterns, type Actor, type ParticipationFigures } from '@genq/contracts';
import type { AnalysisGatewayService } from '../analysis/analysis.service';
import type { AuditService } from '../audit/audit.service';
import type { ServiceClients } from '../services/service-clients';
import { ParticipationIndicatorsService, indicatorValuesOf } from './participation-indicators.service';

const figures: ParticipationFigures = {
  quarterId: 'q1',
  years: [
    { year: 2025, events: 1, participants: 11 },
    { year: 2026, events: 2, participants: 33 },
  ],
  networkPartners: 2,
};
const actor: Actor = { userId: 'u1', email: 'u1@test.example', role: 'partner', programmeIds: [], organisationId: 'o1' };
const source = 'Beteiligungsnachweis (automatisch)';

describe('participation figures as process indicators', () => {
  it('gives one value per indicator and calendar year at 31 December, network partners in the current year', () => {
    expect(indicatorValuesOf(figures, 2026)).toEqual([
      { indicatorId: 'participation_events', referenceDate: '2025-12-31', value: 1, source },
      { indicatorId: 'participants_total', referenceDate: '2025-12-31', value: 11, source },
      { indicatorId: 'participation_events', referenceDate: '2026-12-31', value: 2, source },
      { indicatorId: 'participants_total', referenceDate: '2026-12-31', value: 33, source },
      { indicatorId: 'network_partners', referenceDate: '2026-12-31', value: 2, source },
    ]);
    // No events yet: only the network partners.
    expect(indicatorValuesOf({ ...figures, years: [], networkPartners: 0 }, 2027)).toEqual([{ indicatorId: 'network_partners', referenceDate: '2027-12-31', value: 0, source }]);
  });

  const build = (analysisSend: jest.Mock) => {
    const services = { send: jest.fn().mockResolvedValue(figures) } as unknown as ServiceClients;
    const analysis = { send: analysisSend } as unknown as AnalysisGatewayService;
    const audit = { record: jest.fn().mockResolvedValue(undefined) };
    return { service: new ParticipationIndicatorsService(services, analysis, audit as unknown as AuditService), audit, services };
  };

  it('upserts the values and audits only a change', async () => {
    const changed = jest.fn().mockResolvedValue({ created: 5, updated: 0, unchanged: 0, before: [], after: [] });
    const { service, audit } = build(changed);
    await expect(service.recompute(actor, 'q1', new Date('2026-06-01T12:00:00Z'))).resolves.toEqual({ updated: true });
    expect(changed).toHaveBeenCalledWith('q1', AnalysisPatterns.upsertIndicatorValues, { quarterId: 'q1', values: indicatorValuesOf(figures, 2026) });
    expect(audit.record).toHaveBeenCalledTimes(1);

    const same = jest.fn().mockResolvedValue({ created: 0, updated: 0, unchanged: 5, before: [], after: [] });
    const again = build(same);
    await expect(again.service.recompute(actor, 'q1')).resolves.toEqual({ updated: true });
    expect(again.audit.record).not.toHaveBeenCalled();
  });

  it('reports, and does not throw, when the analysis service cannot be reached', async () => {
    const down = jest.fn().mockRejectedValue(new ServiceUnavailableException('analysis is not reachable'));
    const { service, audit } = build(down);
    await expect(service.recompute(actor, 'q1')).resolves.toEqual({ updated: false, reason: 'analysis is not reachable' });
    expect(audit.record).not.toHaveBeenCalled();
  });
});
