import {
  ACCESS_ROLES,
  ACCESS_ROLE_DESCRIPTIONS,
  accessRoleSchema,
  isAccessRole,
  isEmailAddress,
  normaliseEmail,
  passwordProblems,
} from './accounts.js';

describe('e-mail addresses', () => {
  it('normalises by trimming and lower-casing', () => {
    expect(normaliseEmail('  Jo.Smith@Example.COM ')).toBe('jo.smith@example.com');
  });

  it.each(['jo@example.com', 'jo.smith+pmo@mail.example.co.uk', "o'neil@example.ie", 'x@xn--80ak6aa92e.com', 'a_b-c@sub-domain.example.org'])(
    'accepts %s',
    (email) => expect(isEmailAddress(email)).toBe(true),
  );

  it.each([
    '',
    'jo',
    'jo@example',
    '@example.com',
    'jo@',
    'jo@@example.com',
    'jo smith@example.com',
    ' jo@example.com',
    'jo..smith@example.com',
    '.jo@example.com',
    'jo@-example.com',
    'jo@example.123',
    'jo@example.c_m',
    'jo@example..com',
    'jö@example.com',
    `${'a'.repeat(65)}@example.com`,
    `jo@${'a'.repeat(250)}.com`,
  ])('rejects %j', (email) => expect(isEmailAddress(email)).toBe(false));
});

describe('passwordProblems', () => {
  it('accepts a reasonable password', () => {
    expect(passwordProblems('correct horse battery staple', { email: 'jo@example.com', name: 'Jo Smith' })).toEqual([]);
  });

  it('needs at least 10 and at most 200 characters, counting characters not code units', () => {
    expect(passwordProblems('abcdefghi')).toEqual(['password must have at least 10 characters']);
    expect(passwordProblems('abcdefgh1j')).toEqual([]);
    expect(passwordProblems('🙂🙂🙂🙂🙂x')).toEqual(['password must have at least 10 characters']);
    expect(passwordProblems(`${'ab'.repeat(100)}x`)).toEqual(['password must have at most 200 characters']);
    expect(passwordProblems('ab'.repeat(100))).toEqual([]);
  });

  it('rejects one character repeated', () => {
    expect(passwordProblems('aaaaaaaaaaaa')).toEqual(['password must not be one character repeated']);
    expect(passwordProblems('')).toEqual(['password must have at least 10 characters']);
  });

  it('rejects the e-mail address, its local part or the name', () => {
    const context = { email: 'Jo.Smith@Example.com', name: 'Joanna Smithson' };
    const personal = ['password must not be your e-mail address or name'];
    expect(passwordProblems('jo.smith@example.com', context)).toEqual(personal);
    expect(passwordProblems('JO.SMITH@EXAMPLE.COM', context)).toEqual(personal);
    expect(passwordProblems('joanna smithson', context)).toEqual(personal);
    expect(passwordProblems('JoannaSmithson', context)).toEqual(personal);
    expect(passwordProblems('jo.smith.1', { email: 'jo.smith.1@example.com' })).toEqual(personal);
    expect(passwordProblems('joanna smithson!', context)).toEqual([]);
  });

  it('rejects the most common passwords in any case', () => {
    expect(passwordProblems('Password123')).toEqual(['password is one of the most common passwords']);
    expect(passwordProblems('QWERTYUIOP')).toEqual(['password is one of the most common passwords']);
    expect(passwordProblems('1234567890')).toEqual(['password is one of the most common passwords']);
  });

  it('reports every problem at once', () => {
    expect(passwordProblems('jo', { name: 'Jo' })).toEqual([
      'password must have at least 10 characters',
      'password must not be your e-mail address or name',
    ]);
  });
});

describe('access roles', () => {
  it('lists the roles from most to least powerful, each with a description', () => {
    expect(ACCESS_ROLES).toEqual(['admin', 'leadership', 'employee']);
    expect(Object.keys(ACCESS_ROLE_DESCRIPTIONS)).toEqual([...ACCESS_ROLES]);
    expect(ACCESS_ROLE_DESCRIPTIONS.admin).toMatch(/frameworks, people and settings/);
    expect(ACCESS_ROLE_DESCRIPTIONS.leadership).toMatch(/organisation-wide reports/);
  });

  it('recognises access roles', () => {
    expect(isAccessRole('leadership')).toBe(true);
    expect(isAccessRole('Admin')).toBe(false);
    expect(isAccessRole(undefined)).toBe(false);
    expect(accessRoleSchema.safeParse('employee').success).toBe(true);
    expect(accessRoleSchema.safeParse('manager').success).toBe(false);
  });
});
