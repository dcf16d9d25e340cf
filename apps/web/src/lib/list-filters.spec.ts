import { describe, expect, it } from '@jest/globals';

import { defineListFilters } from './list-filters';

const register = defineListFilters({
  names: ['q', 'domain', 'status', 'specialCategory'],
  pagePath: '/registre',
  apiPath: '/api/v1/data-uses',
  pageSize: 20,
  onRefusal: 'retryWithoutRefused',
});

const proposals = defineListFilters({
  names: ['q', 'status', 'kind', 'dataUse', 'sort'],
  ordering: ['sort'],
  pagePath: '/propositions',
  apiPath: '/api/v1/proposals',
  pageSize: 20,
  onRefusal: 'showAll',
});

describe('list filters', () => {
  it('ignore empty fields and unknown names, take the first of repeated ones, and keep the others in every address', () => {
    const filters = register.read({ q: '  caméra ', domain: '', status: ['pilot', 'retired'], specialCategory: 'biometric_identification', utm: 'x' });
    expect(filters).toEqual({ q: 'caméra', status: 'pilot', specialCategory: 'biometric_identification' });
    expect(register.href(filters, 2)).toBe('/registre?q=cam%C3%A9ra&status=pilot&specialCategory=biometric_identification&page=2');
    expect(register.href({}, 1)).toBe('/registre');
    expect(register.apiPath(filters, 3)).toBe('/api/v1/data-uses?q=cam%C3%A9ra&status=pilot&specialCategory=biometric_identification&page=3&pageSize=20');
    expect(register.apiPath({}, 1, 100)).toBe('/api/v1/data-uses?page=1&pageSize=100');
  });

  it('keep at most 200 characters of a value', () => {
    expect(register.read({ q: 'a'.repeat(250) }).q).toHaveLength(200);
  });

  it('read any odd page number as the first page', () => {
    expect(register.readPage({ page: 'abc' })).toBe(1);
    expect(register.readPage({ page: '0' })).toBe(1);
    expect(register.readPage({ page: '4' })).toBe(4);
    expect(register.readPage({ page: ['4', '5'] })).toBe(4);
  });

  it('do not count an ordering as a filter, nor show it as one', () => {
    expect(proposals.narrows({ sort: 'newest' })).toBe(false);
    expect(proposals.narrows({ dataUse: 'DU-2027-001' })).toBe(true);
    expect(proposals.active({ sort: 'newest', kind: 'ban', q: 'a' })).toEqual([
      { name: 'q', value: 'a' },
      { name: 'kind', value: 'ban' },
    ]);
    expect(register.narrows({})).toBe(false);
  });

  it('name refused filters by their label, and any other field otherwise', () => {
    expect(proposals.refusedLabels(['kind', 'page'], (name) => `filter ${name}`, (field) => `other ${field}`)).toEqual(['filter kind', 'other page']);
    expect(proposals.refusedLabels(null, String, String)).toEqual([]);
  });
});

describe('after the API refused filters', () => {
  it('retryWithoutRefused: try without them, then without any, and name them', () => {
    const filters = { q: 'caméra', domain: 'xyz' };
    expect(register.fallback(['domain'], filters)).toEqual({ attempts: [{ q: 'caméra' }, {}], invalid: ['domain'] });
    expect(register.fallback(['domain', 'q'], filters)).toEqual({ attempts: [{}], invalid: ['q', 'domain'] });
    // The API named something that is not a filter (or nothing): every filter given is reported, none kept.
    expect(register.fallback(['page'], filters)).toEqual({ attempts: [{}], invalid: ['q', 'domain'] });
    expect(register.fallback([], filters)).toEqual({ attempts: [{}], invalid: ['q', 'domain'] });
  });

  it('showAll: show the whole list and name what the API refused, else every filter given', () => {
    expect(proposals.fallback(['kind', 'kind', ''], { kind: 'x', q: 'a' })).toEqual({ attempts: [{}], invalid: ['kind'] });
    expect(proposals.fallback(['page'], {})).toEqual({ attempts: [{}], invalid: ['page'] });
    expect(proposals.fallback([], { q: 'a', sort: 'odd' })).toEqual({ attempts: [{}], invalid: ['q', 'sort'] });
  });
});
