/**
 * The one options pattern (interface → defaults → resolve → validate, as the viewer's options): what a
 * caller gave over the defaults, where a key given as undefined keeps its default. Each module validates
 * the result against its own interface.
 */
export function withDefaults<T extends object>(defaults: T, given: Partial<T> = {}): T {
  return { ...defaults, ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) };
}
