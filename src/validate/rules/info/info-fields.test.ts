import { describe, expect, it } from 'vitest';
import { messages, pointers, runRule, swagger } from '../../testing.ts';
import contactEmailNotValid from './contact-email-not-valid.ts';
import infoApiAnnotationStatus from './info-api-annotation-status.ts';
import infoContactIncomplete from './info-contact-incomplete.ts';
import infoContactRequired from './info-contact-required.ts';
import infoUrlNotValid from './info-url-not-valid.ts';
import infoVersionRequired from './info-version-required.ts';

const withInfo = (fields: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
  const doc = swagger(extra);
  doc.info = { ...(doc.info as object), ...fields };
  return doc;
};
const contact = { name: 'Contoso Support', url: 'https://contoso.com/support', email: 'support@contoso.com' };

describe('info-version-required', () => {
  it('reports a missing version at `/info`', () => {
    const found = runRule(infoVersionRequired, { swagger: withInfo({ version: undefined }) });
    expect(found.map((d) => [d.pointer, d.message])).toEqual([
      ['/info', 'The `version` property is required.'],
    ]);
  });
  it('accepts a version', () => {
    expect(messages(infoVersionRequired, { swagger: swagger() })).toEqual([]);
  });
});

describe('info-contact-required', () => {
  it('reports a missing contact at `/info`', () => {
    const found = runRule(infoContactRequired, { swagger: withInfo({ contact: undefined }) });
    expect(found.map((d) => [d.pointer, d.message])).toEqual([
      ['/info', 'The `contact` property is required.'],
    ]);
  });
  it('accepts a contact', () => {
    expect(messages(infoContactRequired, { swagger: swagger() })).toEqual([]);
  });
});

describe('info-contact-incomplete', () => {
  it('names the missing and empty fields', () => {
    expect(
      messages(infoContactIncomplete, { swagger: withInfo({ contact: { name: 'Contoso', email: ' ' } }) }),
    ).toEqual(['`info.contact` has no `url` or `email`.']);
  });
  it('accepts a complete contact', () => {
    expect(messages(infoContactIncomplete, { swagger: withInfo({ contact }) })).toEqual([]);
  });
});

describe('contact-email-not-valid', () => {
  it.each([
    'support',
    'mailto:support@contoso.com',
    'support@contoso',
    'suppört@contoso.com',
    'a b@contoso.com',
  ])('reports %j', (email) => {
    expect(messages(contactEmailNotValid, { swagger: withInfo({ contact: { ...contact, email } }) })).toEqual(
      [`The contact email \`${email}\` must be a valid email address.`],
    );
  });
  it.each(['support@contoso.com', 'first.last+connectors@mail.contoso.co.uk'])('accepts %j', (email) => {
    expect(messages(contactEmailNotValid, { swagger: withInfo({ contact: { ...contact, email } }) })).toEqual(
      [],
    );
  });
});

describe('info-url-not-valid', () => {
  it('reports relative or scheme-less URLs in contact, license and externalDocs', () => {
    const doc = withInfo(
      { contact: { ...contact, url: 'www.contoso.com' }, license: { name: 'MIT', url: '/license' } },
      {
        externalDocs: { url: 'docs.contoso.com' },
        tags: [{ name: 'Tasks', externalDocs: { url: 'htps//x' } }],
      },
    );
    expect(pointers(infoUrlNotValid, { swagger: doc })).toEqual([
      '/info/contact/url',
      '/info/license/url',
      '/externalDocs/url',
      '/tags/0/externalDocs/url',
    ]);
    expect(
      messages(infoUrlNotValid, { swagger: withInfo({ contact: { ...contact, url: 'www.contoso.com' } }) }),
    ).toEqual(['The URL `www.contoso.com` must be a valid absolute URL.']);
  });
  it('accepts absolute http(s) URLs', () => {
    expect(
      messages(infoUrlNotValid, { swagger: swagger({ externalDocs: { url: 'http://contoso.com/docs' } }) }),
    ).toEqual([]);
  });
});

describe('info-api-annotation-status', () => {
  it('reports a status outside the enum and suggests the casing', () => {
    const found = runRule(infoApiAnnotationStatus, {
      swagger: withInfo({ 'x-ms-api-annotation': { status: 'preview' } }),
    });
    expect(found.map((d) => [d.pointer, d.message, d.fix])).toEqual([
      [
        '/info/x-ms-api-annotation/status',
        'The connector status `"preview"` is not valid; the property value must be one of the following: `Preview`, `Production`.',
        'Write `Preview` with this exact casing.',
      ],
    ]);
  });
  it.each(['Preview', 'Production'])('accepts %s', (status) => {
    expect(
      messages(infoApiAnnotationStatus, { swagger: withInfo({ 'x-ms-api-annotation': { status } }) }),
    ).toEqual([]);
  });
});
