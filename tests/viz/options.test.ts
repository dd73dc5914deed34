/** Viewer options: defaults resolved, bad values refused early with the option named. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, resolveOptions, ViewerOptionsError } from '../../viz/src/options.js';

describe('viewer options', () => {
  it('resolves to the defaults, overriding only what is given', () => {
    expect(resolveOptions()).toEqual(DEFAULT_OPTIONS);
    expect(resolveOptions({ hiddenWhenLarge: [], panelGroupLimit: 10 })).toMatchObject({ hiddenWhenLarge: [], panelGroupLimit: 10, largeGraph: DEFAULT_OPTIONS.largeGraph });
  });

  it('refuses an unknown type to leave undrawn and a panel limit that is not a positive whole number', () => {
    expect(() => resolveOptions({ hiddenWhenLarge: ['Metrics' as never] })).toThrow(ViewerOptionsError);
    expect(() => resolveOptions({ hiddenWhenLarge: ['Metrics' as never] })).toThrow(/hiddenWhenLarge must list node types/);
    expect(() => resolveOptions({ panelGroupLimit: 0 })).toThrow(/panelGroupLimit must be a whole number above 0/);
    expect(() => resolveOptions({ colors: { Agency: 'red' } as never })).toThrow(/Agency must be a colour/);
  });
});
