import { nextScanDelay, SCAN_REST_FACTOR } from './scanner';

describe('nextScanDelay', () => {
  it('keeps the configured rhythm while scans are quick', () => {
    // A 200 ms scan, every 20 s: the next one starts 20 s after this one started.
    expect(nextScanDelay(20_000, 200)).toBe(19_800);
  });

  it('rests twenty times as long as a slow scan took, so the scan load stays bounded however many workflows are open', () => {
    // 10,000 open workflows, a 20 s scan: the next starts about 7 minutes later, not at once.
    expect(nextScanDelay(20_000, 20_000)).toBe(20_000 * SCAN_REST_FACTOR);
    expect(nextScanDelay(1_000, 3_000)).toBe(60_000);
  });

  it('never answers a negative delay', () => {
    expect(nextScanDelay(0, 0)).toBe(0);
    expect(nextScanDelay(500, 0)).toBe(500);
  });
});
