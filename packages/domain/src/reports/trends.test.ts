import { InvalidTimeZoneError, localDate } from '../plans/cadence.js';
import { heatmap } from './skill-views.js';
import { skillReport, skillRowsFromPeople, type ReportPerson } from './skills.js';
import { asOfMonthEnd, dueMonthEnds, lastMonthEnds, monthEnd, monthOf, startOfLocalDay } from './trends.js';
import { rated, smallCatalogue, smallPeople, smallTeams } from './test-fixtures.js';

describe('month ends', () => {
  it('lists the last 12 month ends in the organisation’s time zone, oldest first', () => {
    const ends = lastMonthEnds(new Date('2026-03-15T12:00:00Z'), 'Europe/London');
    expect(ends.map((e) => e.month)).toEqual([
      '2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02',
    ]);
    const feb = ends[11];
    expect(feb?.lastDay).toBe('2026-02-28');
    expect(feb?.endsAt.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(feb?.lastMoment.toISOString()).toBe('2026-02-28T23:59:59.999Z');
    // Summer time: September ends at midnight BST, 23:00 UTC.
    expect(ends[6]?.endsAt.toISOString()).toBe('2025-09-30T23:00:00.000Z');
    expect(lastMonthEnds(new Date('2026-03-15T12:00:00Z'), 'Europe/London', 3).map((e) => e.month)).toEqual(['2025-12', '2026-01', '2026-02']);
  });

  it('uses the local month: in Auckland, 1 March starts while it is still 28 February in UTC', () => {
    expect(monthOf(new Date('2026-02-28T12:00:00Z'), 'Pacific/Auckland')).toBe('2026-03');
    const ends = lastMonthEnds(new Date('2026-02-28T12:00:00Z'), 'Pacific/Auckland', 1);
    expect(ends[0]?.month).toBe('2026-02');
    expect(ends[0]?.endsAt.toISOString()).toBe('2026-02-28T11:00:00.000Z');
    expect(lastMonthEnds(new Date('2026-02-28T10:00:00Z'), 'Pacific/Auckland', 1)[0]?.month).toBe('2026-01');
  });

  it('finds the first instant of a day, also where a clock change skips midnight', () => {
    const cases: [string, string][] = [
      ['Europe/London', '2026-03-29'],
      ['America/New_York', '2026-11-01'],
      ['America/Havana', '2026-03-08'],
      ['America/Santiago', '2026-09-06'],
      ['Asia/Kolkata', '2026-01-01'],
      ['Pacific/Chatham', '2026-04-05'],
      ['UTC', '2024-02-29'],
    ];
    for (const [zone, date] of cases) {
      const start = startOfLocalDay(date, zone);
      expect([zone, localDate(start, zone)]).toEqual([zone, date]);
      expect([zone, localDate(new Date(start.getTime() - 1), zone) < date]).toEqual([zone, true]);
    }
  });

  it('gives any month’s end, with leap years and the turn of the year', () => {
    expect(monthEnd('2024-02', 'UTC')).toMatchObject({ lastDay: '2024-02-29' });
    expect(monthEnd('2025-12', 'Europe/Paris').endsAt.toISOString()).toBe('2025-12-31T23:00:00.000Z');
    expect(() => monthEnd('2025-13', 'UTC')).toThrow(/not a month/);
    expect(() => lastMonthEnds(new Date(), 'Mars/Olympus')).toThrow(InvalidTimeZoneError);
    expect(() => startOfLocalDay('2026-2-1', 'UTC')).toThrow(/calendar date/);
  });

  it('says which month-end snapshots a job still has to write', () => {
    const now = new Date('2026-03-15T12:00:00Z');
    expect(dueMonthEnds(null, now, 'UTC')).toHaveLength(12);
    expect(dueMonthEnds('2026-01', now, 'UTC').map((m) => m.month)).toEqual(['2026-02']);
    expect(dueMonthEnds('2026-02', now, 'UTC')).toEqual([]);
  });

  it('keeps the rows dated before a month’s end', () => {
    const end = monthEnd('2026-01', 'UTC');
    const rows = [new Date('2026-01-31T23:59:59Z'), new Date('2026-02-01T00:00:00Z')];
    expect(asOfMonthEnd(rows, end, (d) => d)).toEqual([rows[0]]);
  });
});

describe('a report as of each month end', () => {
  it('is the same report built from the ratings as they stood', () => {
    // Everyone rated on 1 March (the fixture); three project managers re-rated up in April.
    const later = new Date('2026-04-10T00:00:00Z');
    const people: ReportPerson[] = smallPeople().map((p) =>
      p.teamId === 'projects' && p.id !== 'j4' ? { ...p, assessments: [...p.assessments, ...rated({ 'risk-management': 3 }, 'manager', later)] } : p,
    );
    const averages = lastMonthEnds(new Date('2026-05-02T00:00:00Z'), 'Europe/London', 3).map((end) => {
      const report = skillReport({ catalogue: smallCatalogue(), teams: smallTeams, ...skillRowsFromPeople(people, end.lastMoment), k: 3, filters: false });
      const cell = heatmap(report).rows[0]?.cells.find((c) => c.skillId === 'risk-management');
      return [end.month, cell?.assessed.value, cell?.averageLevel.value];
    });
    expect(averages).toEqual([
      ['2026-02', 0, null],
      ['2026-03', 8, 1.75],
      ['2026-04', 8, 14 / 8 + 4 / 8],
    ]);
  });
});
