/**
 * The Contactship Trigger's bookkeeping between polls, pure: which calls to emit, and where the
 * next poll starts. Contactship has no webhook subscription, and GET /v1/calls filters only on a
 * call's creation date (`date_from`), while a call ends minutes after it is created. So the
 * cursor stays at the oldest call still unfinished, every poll re-reads a margin before it, and
 * the IDs of ended calls still inside that window are remembered: a call is emitted once, when
 * it is first seen ended, and none is missed however the polls fall.
 */
import type { IDataObject } from 'n8n-workflow';

import { hasEnded } from '../actions/call/mapping';

/** What the trigger keeps in the workflow's static data. */
export interface CallCursor {
	/** created_at (ISO 8601) the next poll reads from, less the overlap. */
	cursor?: string;
	/** Ended calls already handled, by ID, with their created_at, while they are inside the window. */
	handled?: Record<string, string>;
}

/**
 * Calls created shortly before the cursor are read again: a call can become visible after one
 * created later (the vendor writes it late), and the vendor may read `date_from` coarsely.
 */
export const OVERLAP_MS = 10 * 60_000;

export interface PollPlan {
	/** `date_from` of this poll. */
	dateFrom: string;
	/** The first poll only takes note of what has already ended. */
	baseline: boolean;
}

/** Where this poll reads from: the cursor less the overlap, or the look-back on the first poll. */
export function planPoll(state: CallCursor, now: number, lookBackMs: number): PollPlan {
	if (state.cursor === undefined)
		return { dateFrom: new Date(now - lookBackMs).toISOString(), baseline: true };
	return {
		dateFrom: new Date(Date.parse(state.cursor) - OVERLAP_MS).toISOString(),
		baseline: false,
	};
}

function createdAt(call: IDataObject): number {
	return Date.parse(String(call.created_at));
}

/**
 * The calls of this poll (every call created since `plan.dateFrom`, any order) -> the calls
 * ended since the last poll (oldest first; none on the baseline poll) and the state for the
 * next one. A call unfinished for longer than `lookBackMs` stops holding the cursor back.
 */
export function settlePoll(
	state: CallCursor,
	plan: PollPlan,
	calls: IDataObject[],
	now: number,
	lookBackMs: number,
): { ended: IDataObject[]; state: CallCursor } {
	const from = Date.parse(plan.dateFrom);
	const handled = { ...(state.handled ?? {}) };
	const inWindow = calls
		.filter((call) => call.id !== undefined && call.id !== null && createdAt(call) >= from)
		.sort((a, b) => createdAt(a) - createdAt(b));
	const ended: IDataObject[] = [];
	let oldestUnfinished: IDataObject | undefined;
	for (const call of inWindow) {
		const id = String(call.id);
		if (!hasEnded(call)) {
			if (!oldestUnfinished && createdAt(call) >= now - lookBackMs) oldestUnfinished = call;
			continue;
		}
		if (handled[id] !== undefined) continue;
		handled[id] = String(call.created_at);
		if (!plan.baseline) ended.push(call);
	}
	const newest = inWindow[inWindow.length - 1];
	const cursorCall = oldestUnfinished ?? newest;
	const cursor = cursorCall
		? String(cursorCall.created_at)
		: (state.cursor ?? new Date(Math.max(from, now - OVERLAP_MS)).toISOString());
	// Calls created before the next window are never read again: forget them.
	const nextFrom = Date.parse(cursor) - OVERLAP_MS;
	for (const [id, created] of Object.entries(handled))
		if (Date.parse(created) < nextFrom) delete handled[id];
	return { ended, state: { cursor, handled } };
}
