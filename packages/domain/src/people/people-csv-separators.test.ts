import { detectPeopleCsvSeparator, peopleCsvTemplate } from './people-csv.js';

describe('detectPeopleCsvSeparator', () => {
  it('reads commas, semicolons and tabs from the header', () => {
    expect(detectPeopleCsvSeparator('email,name,team\njo@x.io,Jo,PMO\n')).toEqual({ separator: ',', problem: null });
    expect(detectPeopleCsvSeparator('\uFEFFEmail;Name;Job title\njo@x.io;Jo;"Lead; PMO"\n')).toEqual({ separator: ';', problem: null });
    expect(detectPeopleCsvSeparator('email\tname\nj@x.io\tJo\n')).toEqual({ separator: '\t', problem: null });
  });

  it('skips comment lines and keeps commas on a tie or when the header is simply wrong', () => {
    expect(detectPeopleCsvSeparator('# notes; here\nemail;name\n').separator).toBe(';');
    expect(detectPeopleCsvSeparator('first,second\n')).toEqual({ separator: ',', problem: null });
    expect(detectPeopleCsvSeparator('')).toEqual({ separator: ',', problem: null });
  });

  it('says when the separator is the problem', () => {
    expect(detectPeopleCsvSeparator('email|name|team\n').problem).toMatch(/separated by vertical bars/);
    expect(detectPeopleCsvSeparator('email name team\n').problem).toMatch(/no separator between columns/);
  });
});

describe('peopleCsvTemplate', () => {
  it('lists the teams and role titles in comment lines and gives an example row', () => {
    const rows = peopleCsvTemplate({
      teamPaths: ['Delivery/PMO', 'Delivery'],
      roleTitles: ['Senior PMO Analyst', 'PMO Analyst'],
      example: { email: 'asha@x.io', name: 'Asha', teamPath: 'Delivery/PMO', jobTitle: '=Head', roleTitle: 'PMO Analyst' },
    });
    expect(rows[0]).toEqual(['email', 'name', 'team', 'manager_email', 'job_title', 'role']);
    expect(rows.slice(1, -1).every((row) => row.length === 1 && row[0]!.startsWith('#'))).toBe(true);
    expect(rows.join('\n')).toContain('Teams now: Delivery | Delivery/PMO');
    expect(rows.join('\n')).toContain('role titles: PMO Analyst | Senior PMO Analyst');
    expect(rows.at(-1)).toEqual(['asha@x.io', 'Asha', 'Delivery/PMO', '', "'=Head", 'PMO Analyst']);
  });
});
