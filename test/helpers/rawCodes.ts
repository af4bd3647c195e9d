// Finds where web/src shows an enum code as it is: the TypeScript checker reads the
// type of every JSX child expression, every `label`/`title` given as a property, every
// table column's `render` result and every table column without `render` (Ant Design
// then shows the row's field as it is). A type that is a union of two or more known
// codes ('draft' | 'published') is a code shown bare; a label is a plain string.
import { relative, resolve } from 'node:path';
import ts from 'typescript';

export function rawCodesRendered(codes: ReadonlySet<string>): string[] {
  const configPath = resolve('web/tsconfig.json');
  const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const program = ts.createProgram(config.fileNames, config.options);
  const checker = program.getTypeChecker();
  const found: string[] = [];

  const isCodeUnion = (t: ts.Type) => {
    const parts = t.isUnion() ? t.types : [t];
    return parts.filter((p) => p.isStringLiteral() && codes.has(p.value)).length >= 2;
  };
  const report = (node: ts.Node, what: string) => {
    const sf = node.getSourceFile();
    const line = sf.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    found.push(`${relative(resolve('.'), sf.fileName)}:${line} ${what}: ${node.getText().slice(0, 80)}`);
  };
  const check = (e: ts.Expression, what: string) => {
    if (isCodeUnion(checker.getTypeAtLocation(e))) report(e, what);
  };
  /** The row type of a table column: the type of `render`'s second parameter, from the column's contextual type. */
  const rowType = (column: ts.ObjectLiteralExpression): ts.Type | undefined => {
    const ctx = checker.getContextualType(column);
    for (const t of ctx ? (ctx.isUnion() ? ctx.types : [ctx]) : []) {
      const render = checker.getPropertyOfType(t, 'render');
      const sig = render && checker.getTypeOfSymbolAtLocation(render, column).getNonNullableType().getCallSignatures()[0];
      const row = sig?.parameters[1];
      if (row) return checker.getTypeOfSymbolAtLocation(row, column);
    }
    return undefined;
  };

  const visit = (node: ts.Node) => {
    if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) check(node.expression, 'JSX child');
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name)) {
      const name = node.name.text;
      if (name === 'label' || name === 'title') check(node.initializer, name);
      if (name === 'render' && ts.isArrowFunction(node.initializer) && !ts.isBlock(node.initializer.body)) check(node.initializer.body, 'column render');
    }
    if (ts.isObjectLiteralExpression(node)) {
      const props = new Map(node.properties.filter(ts.isPropertyAssignment).map((p) => [p.name.getText(), p.initializer]));
      const dataIndex = props.get('dataIndex');
      if (dataIndex && ts.isStringLiteral(dataIndex) && !node.properties.some((p) => p.name?.getText() === 'render')) {
        const row = rowType(node);
        const field = row && checker.getPropertyOfType(row, dataIndex.text);
        if (field && isCodeUnion(checker.getTypeOfSymbolAtLocation(field, node))) report(node, `column '${dataIndex.text}' without render`);
      }
    }
    ts.forEachChild(node, visit);
  };
  for (const sf of program.getSourceFiles()) if (config.fileNames.includes(sf.fileName)) visit(sf);
  return found;
}
