import type { SubjectKind } from '../rules/codes';
import { maskPersonName } from '../rules/masking';

/** The name the public may see: natural persons are masked (张*), organisations shown in full. */
export function publicSubjectName(kind: SubjectKind, name: string): string {
  return kind === 'natural_person' ? maskPersonName(name) : name;
}
