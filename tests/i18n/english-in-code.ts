// Finds text a reader would see that is written in the code instead of coming from the catalogues
// (messages/): read with the TypeScript compiler's parser, so a string is judged by where it goes
// (a JSX child, a label, a class name, an import), not by a pattern over the source.
import ts from 'typescript';
import { LANGUAGE_NAMES } from '@/src/i18n/locales.ts';

/** One piece of English found: where, and the text as written (a template's arguments shown as {…}). */
export interface Finding {
  file: string;
  line: number;
  text: string;
}

/**
 * Props and object keys whose value a reader sees or hears: any text with a letter in them is a
 * sentence, even one word ("Continue", "Copy"). `metadata.title` is the page's title.
 */
export const USER_FACING = new Set([
  'alt',
  'aria-description',
  'aria-label',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'ariaLabel',
  'caption',
  'copied',
  'data-label',
  'description',
  'doing',
  'heading',
  'hint',
  'label',
  'legend',
  'meta',
  'noDevice',
  'note',
  'pendingLabel',
  'placeholder',
  'refused',
  'said',
  'summary',
  'title',
  'verifyLabel',
]);

/**
 * Props and object keys whose value is for the machine: class names, ids, addresses, test ids,
 * input modes, states. Their values are never read as sentences.
 */
export const TECHNICAL = new Set([
  'action',
  'aria-controls',
  'aria-current',
  'aria-describedby',
  'aria-hidden',
  'aria-labelledby',
  'aria-live',
  'autoCapitalize',
  'autoComplete',
  'autoCorrect',
  'className',
  'content',
  'data-state',
  'data-testid',
  'defaultCountry',
  'encType',
  'errorFor',
  'fieldId',
  'for',
  'form',
  'formAction',
  'href',
  'htmlFor',
  'httpEquiv',
  'id',
  'inputMode',
  'key',
  'lang',
  'method',
  'mode',
  'name',
  'pattern',
  'purpose',
  'reader',
  'rel',
  'role',
  'scope',
  'show',
  'showing',
  'slug',
  'src',
  'target',
  'testId',
  'type',
]);

/** Text that is not English to translate: the brand, and each language's name in itself (the chooser's). */
export const ALLOWED = new Set(['Two-Step', ...Object.values(LANGUAGE_NAMES)]);

const hasLetter = (s: string) => /\p{L}/u.test(s);

/** The words of a text: runs between spaces that hold a letter ("{…}-digit" is one). */
const words = (s: string) => s.split(/\s+/).filter(hasLetter);

/** A catalogue key or a value picked by one ("confirmWithDevice", "month", "setup.heading"): no space, not capitalised. */
const isKey = (s: string) => /^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)*$/.test(s);

/** A sentence: three words or more ("Enter the {…}-digit code."). */
export const isSentence = (s: string) => words(s).length >= 3;

/** Text that reads as words to a person: a space between words, or a capitalised word ("Browser", not "date" or "US"). */
const isProse = (s: string) => hasLetter(s) && (/\p{L}\s+\S/u.test(s) || /^\p{Lu}\p{Ll}/u.test(s.trim()));

/** A string literal's or template's text, its arguments as {…}; null for any other node. */
function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return node.head.text + node.templateSpans.map((s) => `{…}${s.literal.text}`).join('');
  return null;
}

/** Where a value ends up: climbs through the expressions that pass it on unchanged (a ? b : c, a ?? b, (a), a as T). */
function consumer(node: ts.Node): ts.Node {
  let at: ts.Node = node;
  for (;;) {
    const parent = at.parent;
    if (
      ts.isParenthesizedExpression(parent) ||
      ts.isAsExpression(parent) ||
      ts.isSatisfiesExpression(parent) ||
      (ts.isConditionalExpression(parent) && parent.condition !== at) ||
      (ts.isBinaryExpression(parent) &&
        [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.AmpersandAmpersandToken].includes(
          parent.operatorToken.kind,
        ) &&
        parent.right === at)
    ) {
      at = parent;
      continue;
    }
    return parent;
  }
}

function propertyName(name: ts.PropertyName | ts.JsxAttributeName): string {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isJsxNamespacedName(name)) return `${name.namespace.text}:${name.name.text}`;
  return name.getText();
}

/** A JSX element marked as English on purpose (`lang="en"`, not the whole document's <html>): its text stays as written. */
function markedEnglish(node: ts.Node): boolean {
  if (!ts.isJsxElement(node) && !ts.isJsxSelfClosingElement(node)) return false;
  const opening = ts.isJsxElement(node) ? node.openingElement : node;
  if (opening.tagName.getText() === 'html') return false;
  return opening.attributes.properties.some(
    (a) =>
      ts.isJsxAttribute(a) &&
      propertyName(a.name) === 'lang' &&
      a.initializer !== undefined &&
      ts.isStringLiteral(a.initializer) &&
      a.initializer.text === 'en',
  );
}

/** Calls whose strings are for developers, operators and programs: errors thrown, logs, JSON answers of an API. */
function forDevelopers(node: ts.Node): boolean {
  for (let at: ts.Node | undefined = node; at; at = at.parent) {
    if (ts.isNewExpression(at) && /Error$/.test(at.expression.getText())) return true;
    if (ts.isCallExpression(at) && /^(console|log|logger)\./.test(at.expression.getText())) return true;
    if (ts.isCallExpression(at) && /^((Next)?Response\.)?json$/.test(at.expression.getText())) return true;
    if (ts.isFunctionLike(at)) return false;
  }
  return false;
}

/**
 * Whether a string in a page or component is English a reader would meet: JSX text; a user-facing
 * prop's or key's value (USER_FACING) unless it is a catalogue key; any other prop's value that reads as words; a string shown as
 * a JSX child; and anywhere else, a sentence of three words or more.
 */
function shownInApp(node: ts.Node, text: string): boolean {
  const at = consumer(node);
  if (ts.isImportDeclaration(at) || ts.isExportDeclaration(at) || ts.isExternalModuleReference(at)) return false;
  if (ts.isJsxAttribute(at) || (ts.isJsxExpression(at) && ts.isJsxAttribute(at.parent))) {
    const name = propertyName((ts.isJsxAttribute(at) ? at : (at.parent as ts.JsxAttribute)).name);
    if (TECHNICAL.has(name)) return false;
    return USER_FACING.has(name) ? hasLetter(text) && !isKey(text) : isProse(text);
  }
  if (ts.isJsxExpression(at)) return hasLetter(text);
  if (ts.isPropertyAssignment(at) && at.initializer === consumerRoot(node)) {
    const name = propertyName(at.name);
    if (TECHNICAL.has(name)) return false;
    if (USER_FACING.has(name)) return hasLetter(text) && !isKey(text);
  }
  if (ts.isCaseClause(at) || ts.isElementAccessExpression(at) || (ts.isBinaryExpression(at) && isComparison(at))) return false;
  return isSentence(text) && !forDevelopers(node);
}

function consumerRoot(node: ts.Node): ts.Node {
  let at = node;
  while (consumer(at) !== at.parent) at = at.parent;
  return at;
}

function isComparison(node: ts.BinaryExpression): boolean {
  return [
    ts.SyntaxKind.EqualsEqualsEqualsToken,
    ts.SyntaxKind.ExclamationEqualsEqualsToken,
    ts.SyntaxKind.EqualsEqualsToken,
    ts.SyntaxKind.ExclamationEqualsToken,
  ].includes(node.operatorToken.kind);
}

export type Kind = 'app' | 'sentences';

/**
 * The English in one source file. 'app': a page or component (shownInApp). 'sentences': an email
 * template or an error map, whose every sentence (three words or more) is for a reader.
 */
export function englishIn(file: string, source: string, kind: Kind): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: Finding[] = [];
  const report = (node: ts.Node, text: string) => {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (ALLOWED.has(clean)) return;
    found.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text: clean });
  };
  const visit = (node: ts.Node): void => {
    if (markedEnglish(node)) return;
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (ts.isJsxText(node)) {
      if (kind === 'app' && hasLetter(node.text)) report(node, node.text);
      return;
    }
    const text = literalText(node);
    if (text !== null) {
      if (kind === 'app' ? shownInApp(node, text) : isSentence(text) && !forDevelopers(node)) report(node, text);
      if (ts.isTemplateExpression(node)) node.templateSpans.forEach((s) => visit(s.expression));
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}
