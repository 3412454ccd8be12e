import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { ReviewAnnualReportDto, ReviewDecisionDto } from './agreements';

const messagesOf = async <T extends object>(cls: new () => T, body: object, field: string) => {
  const errors = await validate(plainToInstance(cls, body));
  return Object.values(errors.find((e) => e.property === field)?.constraints ?? {});
};

describe('texts a decision requires', () => {
  it('says once that remarks are missing when a report is returned', async () => {
    expect(await messagesOf(ReviewAnnualReportDto, { decision: 'returned' }, 'remarks')).toEqual(['remarks must not be empty when the report is returned']);
    expect(await messagesOf(ReviewAnnualReportDto, { decision: 'returned', remarks: '' }, 'remarks')).toEqual(['remarks must not be empty when the report is returned']);
  });

  it('says the text is too long, and accepts what is in bounds', async () => {
    expect(await messagesOf(ReviewAnnualReportDto, { decision: 'returned', remarks: 'x'.repeat(5001) }, 'remarks')).toEqual([
      'remarks must be shorter than or equal to 5000 characters',
    ]);
    expect(await messagesOf(ReviewAnnualReportDto, { decision: 'returned', remarks: 'Bitte ergänzen.' }, 'remarks')).toEqual([]);
    expect(await messagesOf(ReviewAnnualReportDto, { decision: 'accepted' }, 'remarks')).toEqual([]);
  });

  it('does the same for the required changes of a concept sent back', async () => {
    expect(await messagesOf(ReviewDecisionDto, { decision: 'sent_back' }, 'requiredChanges')).toEqual([
      'requiredChanges must not be empty when the concept is sent back',
    ]);
    expect(await messagesOf(ReviewDecisionDto, { decision: 'approved' }, 'requiredChanges')).toEqual([]);
  });
});
