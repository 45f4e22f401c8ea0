import { describe, expect, it } from 'vitest';
import { createRouter, ROUTE_MARK, routePolicies } from './routes.ts';

describe('createRouter', () => {
  it('keeps distinct paths as they are', () => {
    const place = createRouter();
    expect(place('get', '/a/{id}')).toEqual({ path: '/a/{id}', route: undefined });
    expect(place('post', '/a/{id}')).toEqual({ path: '/a/{id}', route: undefined });
  });

  it('moves a template that differs only in variable names and routes it back', () => {
    const place = createRouter();
    place('get', '/contacts/{id}');
    expect(place('get', '/Contacts/{number}')).toEqual({
      path: '/Contacts/{number}/by-number',
      route: '/Contacts/{number}',
    });
  });

  it('takes query and fragment out of the path', () => {
    const place = createRouter();
    expect(place('get', '/search?type=user')).toEqual({
      path: '/search/type-user',
      route: '/search?type=user',
    });
    expect(place('get', '/cookies#formExploded')).toEqual({
      path: '/cookies/formexploded',
      route: '/cookies',
    });
  });

  it('makes one routerequesttoendpoint policy per marked operation and removes the mark', () => {
    const paths = { '/x/by-n': { get: { operationId: 'GetX', [ROUTE_MARK]: '/x' } } };
    expect(routePolicies(paths)).toEqual([
      {
        templateId: 'routerequesttoendpoint',
        title: 'Send GetX to /x',
        parameters: {
          'x-ms-apimTemplateParameter.newPath': '/x',
          'x-ms-apimTemplate-operationName': ['GetX'],
        },
      },
    ]);
    expect(paths['/x/by-n'].get).toEqual({ operationId: 'GetX' });
  });
});
