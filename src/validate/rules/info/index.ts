import type { Rule } from '../../rule.ts';
import contactEmailNotValid from './contact-email-not-valid.ts';
import infoApiAnnotationStatus from './info-api-annotation-status.ts';
import infoContactIncomplete from './info-contact-incomplete.ts';
import infoContactRequired from './info-contact-required.ts';
import infoDescriptionLength from './info-description-length.ts';
import infoDescriptionNotTitle from './info-description-not-title.ts';
import infoDescriptionRequired from './info-description-required.ts';
import infoDescriptionRestrictedWords from './info-description-restricted-words.ts';
import infoTitleEndAlphanumeric from './info-title-end-alphanumeric.ts';
import infoTitleLength from './info-title-length.ts';
import infoTitleRequired from './info-title-required.ts';
import infoTitleRestrictedWords from './info-title-restricted-words.ts';
import infoUrlNotValid from './info-url-not-valid.ts';
import infoValueInEnglish from './info-value-in-english.ts';
import infoVersionRequired from './info-version-required.ts';

export default [
  infoTitleRequired,
  infoTitleLength,
  infoTitleRestrictedWords,
  infoTitleEndAlphanumeric,
  infoValueInEnglish,
  infoDescriptionRequired,
  infoDescriptionLength,
  infoDescriptionRestrictedWords,
  infoDescriptionNotTitle,
  infoVersionRequired,
  infoContactRequired,
  infoContactIncomplete,
  contactEmailNotValid,
  infoUrlNotValid,
  infoApiAnnotationStatus,
] satisfies Rule[] as Rule[];
