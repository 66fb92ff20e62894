// Codes renamed in #13 (an ATENSI component, a category): a case opened earlier keeps the old code in
// its workflow state, its history, its read-model row and its timeline, and an old script may still send
// one. The API answers with the current code and hands only current codes to the workflow, so a client
// never has to know both.
import { shownComponent } from '../../domain/atensi';
import { shownCategory } from '../../domain/categories';
import { currentClosureOutcome } from '../../domain/codes';

/** A category as stored (a read-model column, a timeline field), shown as its current code. */
export { shownCategory };

// The domain names every field that holds such a code so (a plan's `components`, a service's or a
// goal's `component`, a file's or a pathway decision's `category`), whatever object it sits in: a
// command or a case view is rewritten by field name, without listing each shape that carries one.
function rewrite(value: unknown, field: string | undefined): unknown {
  if (Array.isArray(value)) return value.map((item) => rewrite(item, field));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, rewrite(inner, key)]));
  }
  if (typeof value !== 'string') return value;
  if (field === 'component' || field === 'components') return shownComponent(value);
  if (field === 'category') return shownCategory(value);
  // A closure's outcome (a request, or a case closed before #13); other outcomes share no code with it.
  if (field === 'outcome') return currentClosureOutcome(value);
  return value;
}

/** The same command or case view with every legacy component or category code replaced by the current one. */
export function withCurrentCodes<T extends object>(value: T): T {
  // rewrite() keeps every field and only swaps one string code for another of the same field.
  return rewrite(value, undefined) as T;
}

/** Timeline data as recorded (plain fields, a plan's components joined by commas), with current codes. */
export function timelineData(type: string, data: Record<string, string | number | boolean | null>) {
  const shown = { ...data };
  if (type === 'category.changed') {
    for (const key of ['from', 'to']) {
      const code = shown[key];
      if (typeof code === 'string') shown[key] = shownCategory(code);
    }
  }
  if (typeof shown.component === 'string') shown.component = shownComponent(shown.component);
  if (type.startsWith('closure.') && typeof shown.outcome === 'string') shown.outcome = currentClosureOutcome(shown.outcome);
  if (typeof shown.components === 'string') shown.components = shown.components.split(',').map(shownComponent).join(',');
  return shown;
}
