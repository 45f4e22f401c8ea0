import type { Rule } from '../../rule.ts';
import basePathNotValid from './base-path-not-valid.ts';
import hostNameNotValid from './host-name-not-valid.ts';
import hostNotProduction from './host-not-production.ts';
import hostPlaceholder from './host-placeholder.ts';
import hostRequired from './host-required.ts';
import schemeHttp from './scheme-http.ts';
import schemeNotSupported from './scheme-not-supported.ts';
import schemeNotValid from './scheme-not-valid.ts';
import schemesArrayEmpty from './schemes-array-empty.ts';

export default [
  hostRequired,
  hostNameNotValid,
  hostPlaceholder,
  hostNotProduction,
  schemesArrayEmpty,
  schemeNotValid,
  schemeNotSupported,
  schemeHttp,
  basePathNotValid,
] satisfies Rule[] as Rule[];
