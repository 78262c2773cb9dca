import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import '@kuaiban/lint/vitest';
import {
  constructionPermitInput,
  foodPermitInput,
} from '../../core/test/items.js';
import { brokenDesigns } from './brokenDesigns.js';

const lateCertificate = brokenDesigns.find(
  (d) => d.rule === 'issuance-within-10d',
)?.design;

describe('expect(design).toComply()', () => {
  it('passes for the example designs, with the preset asked for', () => {
    expect(foodPermitInput()).toComply();
    expect(constructionPermitInput()).toComply({ preset: 'strict' });
    expect(lateCertificate).not.toComply();
  });

  it('ALL-44-ISSUE-10D: fails with a message naming each rule, its code, basis and place', () => {
    let message = '';
    try {
      expect(lateCertificate).toComply();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(
      'expected design food-business-permit to comply with preset recommended, but 1 rule(s) failed:',
    );
    expect(message).toContain('issuance-within-10d (ALL-44-ISSUE-10D)');
    expect(message).toContain('basis: 中华人民共和国行政许可法 art. 44');
    expect(message).toContain('issuance.days');
  });

  it('explains a negated expectation that fails', () => {
    expect(() => expect(foodPermitInput()).not.toComply()).toThrow(
      'not to comply with preset recommended',
    );
  });

  it('is published as the @kuaiban/lint/vitest subpath', () => {
    const manifest = JSON.parse(
      readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
    ) as { exports: Record<string, Record<string, string>> };
    expect(manifest.exports['./vitest']?.['@kuaiban/source']).toBe(
      './src/vitest.ts',
    );
    expect(Object.keys(manifest.exports['./vitest'] ?? {})[1]).toBe('types');
  });
});
