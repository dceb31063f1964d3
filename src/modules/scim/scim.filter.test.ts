import { describe, expect, it } from 'vitest';
import { ScimError } from './scim.errors.js';
import { matches, parseFilter, requiredEquality } from './scim.filter.js';
import { ENTERPRISE_SCHEMA, USER_SCHEMA } from './scim.schemas.js';
import { USER_TRAITS } from './scim-user.resource.js';

/** A User as served, to match filters against (RFC 7643 §8.2 style). */
const bjensen = {
  schemas: [USER_SCHEMA, ENTERPRISE_SCHEMA],
  id: '2819c223-7f76-453a-919d-413861904646',
  externalId: 'Bjensen-Ext',
  userName: 'bjensen@example.com',
  name: { familyName: "O'Malley", givenName: 'Barbara' },
  displayName: 'Babs Jensen',
  title: 'Tour Guide',
  userType: 'Employee',
  active: true,
  emails: [
    { value: 'bjensen@example.com', type: 'work', primary: true },
    { value: 'babs@jensen.org', type: 'home' },
  ],
  [ENTERPRISE_SCHEMA]: { employeeNumber: '701984', department: 'Tour Operations' },
  meta: {
    resourceType: 'User',
    created: '2010-01-23T04:56:22.000Z',
    lastModified: '2011-05-13T04:42:34.000Z',
    version: 'W/"3694e05e9dff591"',
  },
};

const test = (filter: string) => matches(parseFilter(filter), bjensen, USER_TRAITS);

function expectInvalid(filter: string) {
  let error: unknown;
  try {
    parseFilter(filter);
  } catch (e) {
    error = e;
  }
  expect(error, filter).toBeInstanceOf(ScimError);
  expect(error).toMatchObject({ status: 400, scimType: 'invalidFilter' });
}

describe('SCIM filters (RFC 7644 §3.4.2.2)', () => {
  it('parses every example filter of the RFC', () => {
    for (const f of [
      'userName Eq "john"',
      'Username eq "john"',
      'userName eq "bjensen"',
      'name.familyName co "O\'Malley"',
      'userName sw "J"',
      'urn:ietf:params:scim:schemas:core:2.0:User:userName sw "J"',
      'title pr',
      'meta.lastModified gt "2011-05-13T04:42:34Z"',
      'meta.lastModified ge "2011-05-13T04:42:34Z"',
      'meta.lastModified lt "2011-05-13T04:42:34Z"',
      'meta.lastModified le "2011-05-13T04:42:34Z"',
      'title pr and userType eq "Employee"',
      'title pr or userType eq "Intern"',
      'schemas eq "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"',
      'userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")',
      'userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")',
      'userType eq "Employee" and (emails.type eq "work")',
      'userType eq "Employee" and emails[type eq "work" and value co "@example.com"]',
      'emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"]',
    ]) {
      expect(() => parseFilter(f), f).not.toThrow();
    }
  });

  it('applies each comparison operator', () => {
    expect(test('userName eq "bjensen@example.com"')).toBe(true);
    expect(test('userName eq "other"')).toBe(false);
    expect(test('userName ne "other"')).toBe(true);
    expect(test('userName ne "bjensen@example.com"')).toBe(false);
    expect(test('displayName co "Jens"')).toBe(true);
    expect(test('displayName co "xyz"')).toBe(false);
    expect(test('displayName sw "Babs"')).toBe(true);
    expect(test('displayName sw "Jensen"')).toBe(false);
    expect(test('displayName ew "Jensen"')).toBe(true);
    expect(test('displayName ew "Babs"')).toBe(false);
    expect(test('title pr')).toBe(true);
    expect(test('nickName pr')).toBe(false);
    expect(test('meta.lastModified gt "2011-05-13T04:42:33Z"')).toBe(true);
    expect(test('meta.lastModified gt "2011-05-13T04:42:34Z"')).toBe(false);
    expect(test('meta.lastModified ge "2011-05-13T04:42:34Z"')).toBe(true);
    expect(test('meta.lastModified lt "2011-05-13T04:42:35Z"')).toBe(true);
    expect(test('meta.lastModified lt "2011-05-13T04:42:34Z"')).toBe(false);
    expect(test('meta.lastModified le "2011-05-13T04:42:34Z"')).toBe(true);
    expect(test('displayName gt "A"')).toBe(true);
    expect(test('displayName lt "A"')).toBe(false);
  });

  it('compares booleans, null and numbers as JSON values', () => {
    expect(test('active eq true')).toBe(true);
    expect(test('active eq false')).toBe(false);
    expect(test('active ne false')).toBe(true);
    expect(test('nickName eq null')).toBe(false);
    expect(() => test('active gt true')).toThrow(ScimError);
    expect(matches(parseFilter('count gt 2'), { count: 3 }, USER_TRAITS)).toBe(true);
    expect(matches(parseFilter('count le 2.5'), { count: 3 }, USER_TRAITS)).toBe(false);
  });

  it('combines with and, or, not and parentheses, and binds and before or', () => {
    expect(test('title pr and userType eq "Employee"')).toBe(true);
    expect(test('title pr and userType eq "Intern"')).toBe(false);
    expect(test('nickName pr or userType eq "Employee"')).toBe(true);
    expect(test('nickName pr or userType eq "Intern"')).toBe(false);
    expect(test('not (userType eq "Intern")')).toBe(true);
    expect(test('not (userType eq "Employee")')).toBe(false);
    // and binds tighter: true or (false and false)
    expect(test('title pr or userType eq "Intern" and nickName pr')).toBe(true);
    // parentheses regroup: (true or false) and false
    expect(test('(title pr or userType eq "Intern") and nickName pr')).toBe(false);
    expect(
      test('userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")'),
    ).toBe(false);
    expect(
      test('userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")'),
    ).toBe(true);
  });

  it('matches multi-valued attributes, sub-attributes and value paths', () => {
    expect(test('emails co "jensen.org"')).toBe(true);
    expect(test('emails.type eq "home"')).toBe(true);
    expect(test('emails[type eq "work" and value co "@example.com"]')).toBe(true);
    expect(test('emails[type eq "home" and value co "@example.com"]')).toBe(false);
    expect(test('name.familyName co "O\'Malley"')).toBe(true);
    expect(test('schemas eq "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"')).toBe(true);
  });

  it('reads attribute names and operators in any case, and schema-qualified names', () => {
    expect(test('USERNAME EQ "bjensen@example.com"')).toBe(true);
    expect(test('userName Eq "BJENSEN@EXAMPLE.COM"')).toBe(true);
    expect(test('urn:ietf:params:scim:schemas:core:2.0:User:userName sw "bj"')).toBe(true);
    expect(test(`${ENTERPRISE_SCHEMA}:department eq "tour operations"`)).toBe(true);
    expect(test(`${ENTERPRISE_SCHEMA}:employeeNumber eq "701984"`)).toBe(true);
  });

  it('compares caseExact attributes exactly and the others ignoring case', () => {
    expect(test('externalId eq "Bjensen-Ext"')).toBe(true);
    expect(test('externalId eq "bjensen-ext"')).toBe(false);
    expect(test('id eq "2819C223-7F76-453A-919D-413861904646"')).toBe(false);
    expect(test('displayName eq "babs jensen"')).toBe(true);
  });

  it('unescapes quoted strings', () => {
    expect(
      matches(parseFilter('displayName eq "say \\"hi\\""'), { displayName: 'say "hi"' }, USER_TRAITS),
    ).toBe(true);
  });

  it('finds the equality an indexed look-up can use', () => {
    expect(requiredEquality(parseFilter('userName eq "a"'), 'userName', USER_TRAITS)).toBe('a');
    expect(requiredEquality(parseFilter('USERNAME eq "a" and active eq true'), 'userName', USER_TRAITS)).toBe(
      'a',
    );
    expect(
      requiredEquality(parseFilter('userName eq "a" or title pr'), 'userName', USER_TRAITS),
    ).toBeUndefined();
    expect(requiredEquality(parseFilter('not (userName eq "a")'), 'userName', USER_TRAITS)).toBeUndefined();
    expect(requiredEquality(parseFilter('userName ne "a"'), 'userName', USER_TRAITS)).toBeUndefined();
  });

  it('refuses malformed filters with invalidFilter', () => {
    for (const f of [
      '',
      'userName',
      'userName eq',
      'userName xx "a"',
      'eq "a"',
      '"a" eq userName',
      '(userName eq "a"',
      'userName eq "a")',
      'userName eq "a" and',
      'userName eq "a" userName eq "b"',
      'userName eq "unterminated',
      "userName eq 'single'",
      'userName eq bare',
      'title pr "x"',
      'emails[type eq "work"',
      'emails[]',
      'userName eq "x" and (title pr or)',
      '1abc eq "x"',
      'a.b.c eq "x"',
      `userName eq "${'x'.repeat(5_000)}"`,
    ]) {
      expectInvalid(f);
    }
  });
});
