// Lists every cast in the TypeScript files named on the command line: `x as T` (`as const`
// too), `<T>x`, a non-null `x!`, the type `any`, and @ts-ignore / @ts-expect-error /
// @ts-nocheck. Exit 1 when there is one: the walkthrough must compile from the document's
// types alone, or the contract test would not prove that they are enough.
import { readFileSync } from "node:fs";
import ts from "typescript";

let found = 0;
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const report = (position, what) => {
    const { line, character } = source.getLineAndCharacterOfPosition(position);
    console.log(`${file}:${line + 1}:${character + 1}: ${what}`);
    found++;
  };
  const visit = node => {
    if (ts.isAsExpression(node)) report(node.getStart(source), `a cast: ${node.getText(source)}`);
    else if (ts.isTypeAssertionExpression(node)) report(node.getStart(source), `a cast: ${node.getText(source)}`);
    else if (ts.isNonNullExpression(node)) report(node.getStart(source), `a non-null assertion: ${node.getText(source)}`);
    else if (node.kind === ts.SyntaxKind.AnyKeyword) report(node.getStart(source), "the type any");
    ts.forEachChild(node, visit);
  };
  visit(source);
  for (const match of text.matchAll(/@ts-(ignore|expect-error|nocheck)/g)) report(match.index, `@ts-${match[1]}`);
}
if (found > 0) process.exit(1);
console.log(`no casts in ${process.argv.length - 2} files`);
