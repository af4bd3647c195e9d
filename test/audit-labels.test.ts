// Every audit entry written anywhere in src has a label in Chinese and English:
// the TypeScript checker finds each object literal given as an AuditEntry and
// reads the codes its `action` and `entity` can take (literals, unions of
// literals, template literals over unions). A code typed as a plain string fails.
import { resolve } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from '../web/src/system/auditCatalogue';

interface Found {
  action: Set<string>;
  entity: Set<string>;
  open: string[];
}

function collect(): Found {
  const config = ts.getParsedCommandLineOfConfigFile(resolve('tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const files = config.fileNames.filter((f) => f.includes('/src/') && !f.endsWith('.test.ts'));
  const program = ts.createProgram(files, config.options);
  const checker = program.getTypeChecker();
  const found: Found = { action: new Set(), entity: new Set(), open: [] };

  /** The string values an expression can take, or null when its type is a plain string. */
  const values = (e: ts.Expression): string[] | null => {
    if (ts.isParenthesizedExpression(e)) return values(e.expression);
    if (ts.isStringLiteralLike(e)) return [e.text];
    if (ts.isConditionalExpression(e)) {
      const [a, b] = [values(e.whenTrue), values(e.whenFalse)];
      return a && b ? [...a, ...b] : null;
    }
    if (ts.isTemplateExpression(e)) {
      let acc = [e.head.text];
      for (const span of e.templateSpans) {
        const vs = values(span.expression);
        if (!vs) return null;
        acc = acc.flatMap((p) => vs.map((v) => p + v + span.literal.text));
      }
      return acc;
    }
    const t = checker.getTypeAtLocation(e);
    const parts = t.isUnion() ? t.types : [t];
    if (parts.every((p) => p.isStringLiteral())) return parts.map((p) => (p as ts.StringLiteralType).value);
    return null;
  };

  for (const sf of program.getSourceFiles()) {
    if (!files.includes(sf.fileName)) continue;
    const visit = (node: ts.Node) => {
      if (ts.isObjectLiteralExpression(node)) {
        const ctx = checker.getContextualType(node);
        if (ctx?.getSymbol()?.getName() === 'AuditEntry') {
          for (const p of node.properties) {
            if (!ts.isPropertyAssignment(p) || !ts.isIdentifier(p.name) || (p.name.text !== 'action' && p.name.text !== 'entity')) continue;
            const vs = values(p.initializer);
            const where = `${sf.fileName.replace(resolve('.') + '/', '')}:${sf.getLineAndCharacterOfPosition(p.getStart()).line + 1}`;
            if (vs) for (const v of vs) found[p.name.text].add(v);
            else found.open.push(`${where} ${p.name.text}: ${p.initializer.getText()}`);
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return found;
}

describe('audit labels', () => {
  let found: Found;
  // Type-checking all of src takes a while on a busy machine.
  beforeAll(() => {
    found = collect();
  }, 300_000);

  it('finds the audit entries (sanity: the checker sees the calls)', () => {
    expect(found.action.size).toBeGreaterThan(20);
    expect(found.entity.size).toBeGreaterThan(20);
    expect(found.entity.has('assessment_scheme')).toBe(true);
    expect(found.action.has('report_done')).toBe(true);
  });

  it('knows every code an entry may carry (no action or entity typed as a plain string)', () => {
    expect(found.open).toEqual([]);
  });

  it('has a Chinese and an English label for every action and entity', () => {
    const missing = (codes: Set<string>, labels: Record<string, { zh: string; en: string }>) =>
      [...codes].filter((c) => !labels[c]?.zh?.trim() || !labels[c]?.en?.trim()).sort();
    expect({ actions: missing(found.action, AUDIT_ACTIONS), entities: missing(found.entity, AUDIT_ENTITIES) }).toEqual({ actions: [], entities: [] });
  });
});
