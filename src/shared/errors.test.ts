import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError, entityNames } from './errors';

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );

describe('error messages', () => {
  it('name every entity an error can be about in both languages', () => {
    const used = new Set<string>();
    for (const file of sources('src')) {
      for (const m of readFileSync(file, 'utf8').matchAll(/AppError\('[\w.]+', \{[^}]*entity: '([\w.]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(10);
    for (const e of used) expect(entityNames, e).toHaveProperty(e);
  });

  it('fill the entity name into the message', () => {
    const err = new AppError('conflict.duplicate', { entity: 'project', value: '弘元新材料光伏基地' });
    expect(err.localized('zh')).toBe('项目已存在：弘元新材料光伏基地');
    expect(err.localized('en')).toBe('Project already exists: 弘元新材料光伏基地');
  });
});
