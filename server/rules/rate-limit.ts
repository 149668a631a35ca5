// The rule of every attempt limit (/track, /verify, sign-in, API keys): each bucket counts at
// most `limit` attempts in a window that opens at its first counted attempt. An attempt goes
// ahead only when EVERY bucket it belongs to has room, and then it counts in all of them; a
// refused attempt counts nowhere (so hammering a closed door does not keep it closed longer).
// An attempt that turns out well (the right code, the right password) is given back.

export interface WindowRule {
  limit: number;
  windowSeconds: number;
}

export interface BucketState {
  hits: number;
  /** When the window opened; null for a bucket never used. */
  windowStart: Date | null;
}

const windowEnd = (rule: WindowRule, start: Date) => start.getTime() + rule.windowSeconds * 1000;

/** The attempts still counted at `now`: none once the window has passed. */
export function liveHits(rule: WindowRule, state: BucketState, now: Date): number {
  if (state.windowStart === null || windowEnd(rule, state.windowStart) <= now.getTime()) return 0;
  return Math.max(0, state.hits);
}

export type AttemptDecision =
  { allowed: true; next: BucketState[] } | { allowed: false; next: BucketState[]; retryAfterSeconds: number };

/** Whether an attempt may go ahead now, and what each bucket holds afterwards. */
export function decideAttempt(
  rules: readonly WindowRule[],
  states: readonly BucketState[],
  now: Date,
): AttemptDecision {
  const live = rules.map((rule, i) => liveHits(rule, states[i] ?? { hits: 0, windowStart: null }, now));
  const full = rules.flatMap((rule, i) => (live[i]! >= rule.limit ? [i] : []));
  if (full.length > 0) {
    const waitMs = Math.max(...full.map((i) => windowEnd(rules[i]!, states[i]!.windowStart!) - now.getTime()));
    return {
      allowed: false,
      next: states.map((s) => ({ ...s })),
      retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
    };
  }
  return {
    allowed: true,
    next: rules.map((_, i) => ({
      hits: live[i]! + 1,
      windowStart: live[i] === 0 ? now : states[i]!.windowStart,
    })),
  };
}

/** Gives back one attempt counted in the window that opened at `windowStart` (a later window is left alone). */
export function refundAttempt(state: BucketState, windowStart: Date | null): BucketState {
  if (windowStart === null || state.windowStart?.getTime() !== windowStart.getTime()) return state;
  return { ...state, hits: Math.max(0, state.hits - 1) };
}

/** '14:35' in Leshan's time, for messages that say when to try again. */
export function clockTimeInShanghai(at: Date): string {
  return new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}

/** '请于 14:35 以后（约 12 分钟后）再试' — when the door opens again, rounded up to the minute. */
export function retryWhen(retryAfterSeconds: number, now: Date): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  const at = new Date(now.getTime() + minutes * 60_000);
  return `请于 ${clockTimeInShanghai(at)} 以后（约 ${minutes} 分钟后）再试`;
}
