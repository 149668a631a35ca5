import { cookies } from 'next/headers';
import { parseTextSize, TEXT_SIZE_COOKIE, type TextSize } from './text-size';

/** The reader's text size; reads only this one cookie. */
export async function readTextSize(): Promise<TextSize> {
  return parseTextSize((await cookies()).get(TEXT_SIZE_COOKIE)?.value);
}
