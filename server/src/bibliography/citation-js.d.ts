// The little of citation-js (https://citation.js.org) that Grounded uses; the packages ship no type declarations.

declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown, options?: Record<string, unknown>);
    readonly data: Record<string, unknown>[];
    format(format: string, options?: Record<string, unknown>): string;
  }
  export const plugins: {
    config: {
      get(name: '@csl'): { styles: { add(name: string, xml: string): void; has(name: string): boolean } };
      get(name: '@bibtex'): { format: { useIdAsLabel: boolean; checkLabel: boolean; asciiOnly: boolean } };
    };
  };
}
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-bibtex';
