import { germanDate } from './pdf';

describe('dates in the documents', () => {
  it('says a calendar day as it is and an instant as the day it is in Germany', () => {
    expect(germanDate('2027-02-05')).toBe('05.02.2027');
    // 23:30 UTC is already the next day in Berlin (CET, UTC+1); the certificate says that day.
    expect(germanDate('2027-02-04T23:30:00.000Z')).toBe('05.02.2027');
    expect(germanDate('2027-07-31T21:59:59.000Z')).toBe('31.07.2027');
    expect(germanDate('2027-07-31T22:00:00.000Z')).toBe('01.08.2027');
  });
});
