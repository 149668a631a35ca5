// The state a no-JavaScript form round-trips: what was typed, what is wrong, what happened.

export interface FieldError {
  /** The form control's name (and id), so the error summary can link to it. */
  field: string;
  message: string;
}

export interface FormState<Done = unknown> {
  values: Record<string, string>;
  errors: FieldError[];
  done?: Done;
}

export const emptyState = <D>(values: Record<string, string> = {}): FormState<D> => ({ values, errors: [] });

export function errorFor(state: FormState, field: string): string | undefined {
  return state.errors.find((e) => e.field === field)?.message;
}
