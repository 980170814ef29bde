import { describe, expect, it } from 'vitest';

import { parseServiceMap, ServiceMapError } from './parse-service-map';

describe('parseServiceMap', () => {
  it('reads JSON and pair lists', () => {
    expect(parseServiceMap('{"orders-svc":"orders"}')).toEqual({ 'orders-svc': 'orders' });
    expect(parseServiceMap(' a=b , c = d ')).toEqual({ a: 'b', c: 'd' });
    expect(parseServiceMap(undefined)).toEqual({});
  });
  it('names the bad entry', () => {
    expect(() => parseServiceMap('a=b,c')).toThrow(
      new ServiceMapError('ORRERY_SERVICE_MAP entry "c" is not docker=traced'),
    );
    expect(() => parseServiceMap('[1]')).toThrow(ServiceMapError);
  });
});
