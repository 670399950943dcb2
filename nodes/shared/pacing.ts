import { createHash } from 'node:crypto';

import { sleep } from 'n8n-workflow';

/** At most `requests` request starts in any window of `perMs` milliseconds. */
export interface RateLimit {
	requests: number;
	perMs: number;
}

/** How a run's requests are paced: items in flight at once, an optional rate limit, the 429 wait budget. */
export interface Pacing {
	concurrency: number;
	rateLimit?: RateLimit;
	/** How long one item may wait in all on the vendor's pauses (429s, exhausted windows). */
	waitBudgetMs?: number;
}

/** The editor's bound on Max Concurrent Requests, also enforced at run time (expressions bypass the editor). */
export const MAX_CONCURRENCY = 50;
export const DEFAULT_WAIT_BUDGET_MS = 120_000;
/** Wait after a 429 that names no time. */
export const DEFAULT_RATE_LIMIT_WAIT_MS = 1_000;
/** Shortest wait after a 429, so `Retry-After: 0` cannot make an item hammer the vendor. */
export const MIN_RATE_LIMIT_WAIT_MS = 250;
/** Answered starts remembered per account for counting windows (bounded whatever the limit). */
const MAX_STARTS_KEPT = 1_000;
/** Round trips remembered for spreading starts (a few per request in flight). */
const ROUND_TRIP_SAMPLES = 20;
/** Longest single timer: beyond 2^31-1 ms a timer fires at once, so long waits are taken in steps. */
const MAX_TIMER_MS = 60_000;
/** Longest pause kept from a vendor's answer; anything further ends every waiting item by its budget. */
const MAX_PAUSE_MS = 3_600_000;
/** A 429 pause is stretched by up to this share of itself (at most MAX_JITTER_MS), at random. */
const JITTER_SHARE = 0.2;
const MAX_JITTER_MS = 1_000;
/** An account nobody has used for this long is forgotten (its learned window with it). */
export const IDLE_RELEASE_MS = 60_000;
/** A request after this long with nothing waiting or in flight begins a new stretch of demand. */
const QUIET_GAP_MS = 1_000;
const SWEEP_EVERY_MS = 10_000;

/** Time, timers and chance, replaceable in tests by a fake clock. */
export interface Clock {
	now(): number;
	sleep(ms: number, signal: AbortSignal): Promise<void>;
	random(): number;
}

export const systemClock: Clock = {
	now: () => Date.now(),
	sleep: async (ms, signal) => await sleep(ms, signal),
	random: () => Math.random(),
};

/**
 * One item's allowance for waiting on the vendor (429 pauses and exhausted windows), counted
 * in time, not tries. Ordinary pacing (waiting for a free slot) is not charged.
 */
export class WaitBudget {
	private spentMs = 0;

	private chargedUntil = 0;

	/** 429 answers this item met. */
	rateLimited = 0;

	constructor(readonly limitMs: number = DEFAULT_WAIT_BUDGET_MS) {}

	get waitedMs(): number {
		return this.spentMs;
	}

	/** Charges being held until `until`; false, charging nothing, when that would pass the budget. */
	charge(until: number, now: number): boolean {
		const from = Math.max(now, this.chargedUntil);
		if (until <= from) return true;
		if (this.spentMs + (until - from) > this.limitMs) return false;
		this.spentMs += until - from;
		this.chargedUntil = until;
		return true;
	}
}

/** The vendor asks for a pause longer than the item's wait budget has left. */
export class WaitBudgetExceeded extends Error {
	constructor(
		readonly askedMs: number,
		readonly budget: WaitBudget,
	) {
		super('The rate-limit wait budget is used up');
	}
}

/** The execution was cancelled while a request waited for its turn. */
export class PacingCancelled extends Error {
	constructor() {
		super('The execution was cancelled');
	}
}

/** What one request asks of its account's pace. */
export interface Slot {
	/** The run's Max Concurrent Requests: it waits while that many requests are in flight for the account. */
	concurrency: number;
	/** The run's Max Requests / Per: it starts no sooner than that spacing after the account's last start. */
	rateLimit?: RateLimit;
	budget: WaitBudget;
	signal?: AbortSignal;
}

/** What came back, for the pace to learn from. */
export interface Answer {
	headers: Record<string, unknown>;
	/** A 429 that is a rate limit (not a used-up quota). */
	rateLimited: boolean;
}

interface Waiter extends Slot {
	resolve(start: Start): void;
	reject(error: Error): void;
	detach(): void;
}

/** Milliseconds between starts that keep `limit` without bursts. */
function spacingOf(limit: RateLimit | undefined): number {
	return limit ? limit.perMs / limit.requests : 0;
}

/** One request's start, handed back to `settle` with its answer. */
export interface Start {
	readonly at: number;
	answeredAt?: number;
}

/**
 * When a start counts in a vendor's window. A request reaches the vendor some time after it
 * starts here (n8n's request helper reads the credential, the network; on a busy machine that
 * can take a second), but surely before its answer comes back. So it counts from its answer,
 * and while unanswered it counts as in every window: then no delay on the way can put one
 * request too many into a vendor's window. A request stuck in flight takes one place of the
 * window, never the whole pace.
 */
function countedAt(start: Start): number {
	return start.answeredAt ?? Number.POSITIVE_INFINITY;
}

/**
 * The pace of one vendor account in this process, shared by every run and execution that uses
 * the same credential. Requests queue first come, first served; the head starts when
 *  - fewer requests are in flight for the account than its run's Max Concurrent Requests,
 *  - the vendor's pause (a 429, or an exhausted X-RateLimit-Remaining) is over, and
 *  - the run's Max Requests / Per and the window learned from the vendor both allow it: fewer
 *    than that many requests counted in the window before it, each counted from its answer
 *    (see `countedAt`), and at least Per / Max Requests after the account's last start;
 *  - the fastest recent round trip over the concurrency has passed since the last start
 *    (answers that come back together would otherwise leave in waves).
 * Starts are spread evenly, never in bursts at a window's edge, and counted from the moment a
 * request really left, so a late timer cannot squeeze two windows' worth into one.
 *
 * The window is learned from `X-RateLimit-Limit` and the distance between successive
 * `X-RateLimit-Reset` values when the vendor sends them, and otherwise from refusals: the
 * requests accepted between the start of a stretch of steady demand (or the last resume) and
 * the next 429's resume time are what the vendor allows per that span. One timer at most is
 * pending per account, and none once nothing waits.
 */
export class AccountPace {
	private readonly queue: Waiter[] = [];

	private inFlight = 0;

	private lastStart = Number.NEGATIVE_INFINITY;

	/** Recent starts, oldest first, for counting windows. */
	private readonly starts: Start[] = [];

	/** The longest window any request of this account was paced to. */
	private longestWindowMs = 0;

	private pausedUntil = 0;

	/** The end of the longest pause asked for, before MAX_PAUSE_MS cut it (for messages). */
	private pauseAsked = 0;

	private readonly roundTrips: number[] = [];

	/** The vendor's window as learned from its answers. */
	private learned?: RateLimit;

	/** True once the vendor told its limit in headers: refusals then teach nothing more. */
	private limitAnnounced = false;

	private lastReset?: number;

	/** Smallest distance seen between two successive X-RateLimit-Reset values. */
	private resetStep?: number;

	/** Before two resets are seen: the longest time to a reset seen (a window is at least that long). */
	private resetGuess = 0;

	/** Requests accepted since `countingSince` (the first start of a stretch of demand, or the last refusal's resume). */
	private accepted = 0;

	private countingSince?: number;

	private lastActive: number;

	private timer?: AbortController;

	constructor(private readonly clock: Clock = systemClock) {
		this.lastActive = clock.now();
	}

	/** Waits until this request may start, and counts it in flight. */
	async acquire(slot: Slot): Promise<Start> {
		if (slot.signal?.aborted) throw new PacingCancelled();
		const now = this.clock.now();
		if (this.queue.length === 0 && this.inFlight === 0 && now - this.lastActive > QUIET_GAP_MS) {
			// After a quiet spell, accepted requests say nothing about the vendor's window: count anew.
			this.accepted = 0;
			this.countingSince = undefined;
		}
		return await new Promise<Start>((resolve, reject) => {
			const onAbort = () => {
				this.remove(waiter);
				reject(new PacingCancelled());
			};
			const waiter: Waiter = {
				...slot,
				resolve,
				reject,
				detach: () => slot.signal?.removeEventListener('abort', onAbort),
			};
			slot.signal?.addEventListener('abort', onAbort, { once: true });
			this.queue.push(waiter);
			this.pump();
		});
	}

	/**
	 * Ends a started request (no answer: a failed connection). Learns from the answer, and for
	 * a rate-limit 429 pauses the account and returns when it may resume.
	 */
	settle(start: Start, answer?: Answer): number | undefined {
		const now = this.clock.now();
		start.answeredAt = now;
		this.inFlight--;
		this.lastActive = now;
		this.roundTrips.push(now - start.at);
		if (this.roundTrips.length > ROUND_TRIP_SAMPLES) this.roundTrips.shift();
		let resume: number | undefined;
		if (answer) {
			this.learnFromHeaders(answer.headers, now);
			if (answer.rateLimited) resume = this.refused(answer.headers, now);
			else this.accepted++;
		}
		this.pump();
		return resume;
	}

	/** Nothing waits, runs or is paused, and nobody came for IDLE_RELEASE_MS. */
	isIdle(now: number): boolean {
		return (
			this.queue.length === 0 &&
			this.inFlight === 0 &&
			now >= this.pausedUntil &&
			now - this.lastActive >= IDLE_RELEASE_MS
		);
	}

	/** Counts of what this pace holds, for tests of bounded memory. */
	heldState(): {
		waiting: number;
		inFlight: number;
		starts: number;
		roundTrips: number;
		timerPending: boolean;
	} {
		return {
			waiting: this.queue.length,
			inFlight: this.inFlight,
			starts: this.starts.length,
			roundTrips: this.roundTrips.length,
			timerPending: this.timer !== undefined,
		};
	}

	/** The window learned from the vendor, if any. */
	learnedLimit(): RateLimit | undefined {
		return this.learned && { ...this.learned };
	}

	private learnFromHeaders(headers: Headers, now: number): void {
		const limit = Math.floor(Number(header(headers, 'x-ratelimit-limit')));
		const reset = resetTime(headers, now);
		if (limit > 0 && reset !== undefined) {
			if (this.lastReset !== undefined && reset - this.lastReset >= 1000) {
				// Resets move by whole windows; the smallest move seen is one window.
				this.resetStep = Math.min(
					this.resetStep ?? Number.POSITIVE_INFINITY,
					reset - this.lastReset,
				);
			}
			if (this.lastReset === undefined || reset > this.lastReset) this.lastReset = reset;
			this.resetGuess = Math.max(this.resetGuess, Math.ceil((reset - now) / 1000) * 1000, 1000);
			this.learned = { requests: limit, perMs: this.resetStep ?? this.resetGuess };
			this.limitAnnounced = true;
		}
		if (reset !== undefined && header(headers, 'x-ratelimit-remaining') === '0')
			this.pause(reset, now);
	}

	private refused(headers: Headers, now: number): number {
		const resume = Math.max(
			resumeTime(headers, now) ?? now + DEFAULT_RATE_LIMIT_WAIT_MS,
			now + MIN_RATE_LIMIT_WAIT_MS,
		);
		// Answers to requests that left before the pause began belong to the same refusal.
		if (now >= this.pausedUntil) {
			if (
				!this.limitAnnounced &&
				this.accepted > 0 &&
				this.countingSince !== undefined &&
				resume > this.countingSince
			) {
				this.learned = { requests: this.accepted, perMs: resume - this.countingSince };
			}
			this.accepted = 0;
			this.countingSince = resume;
		}
		const jitter = this.clock.random() * Math.min((resume - now) * JITTER_SHARE, MAX_JITTER_MS);
		this.pause(resume + jitter, now);
		return Math.max(this.pausedUntil, this.pauseAsked);
	}

	private pause(until: number, now: number): void {
		this.pauseAsked = Math.max(this.pauseAsked, until);
		this.pausedUntil = Math.max(this.pausedUntil, Math.min(until, now + MAX_PAUSE_MS));
		this.pump();
	}

	/** The earliest time the waiter may start, pauses aside. */
	private earliestStart(waiter: Waiter): number {
		const spreading =
			waiter.concurrency > 1 && this.roundTrips.length > 0
				? Math.min(...this.roundTrips) / waiter.concurrency
				: 0;
		let start =
			this.lastStart + Math.max(spacingOf(waiter.rateLimit), spacingOf(this.learned), spreading);
		for (const limit of [waiter.rateLimit, this.learned]) {
			if (!limit || this.starts.length < limit.requests) continue;
			// The limit-th latest counted start must have left the window.
			const counted = this.starts.map(countedAt).sort((a, b) => b - a);
			start = Math.max(start, counted[limit.requests - 1] + limit.perMs);
		}
		return start;
	}

	private recordStart(waiter: Waiter, now: number): Start {
		const start: Start = { at: now };
		this.longestWindowMs = Math.max(
			this.longestWindowMs,
			waiter.rateLimit?.perMs ?? 0,
			this.learned?.perMs ?? 0,
		);
		this.starts.push(start);
		this.forgetOldStarts(now);
		return start;
	}

	/** Keeps the starts still in flight and those answered within the longest window. */
	private forgetOldStarts(now: number): void {
		const horizon = now - this.longestWindowMs;
		let answered = 0;
		for (let index = this.starts.length - 1; index >= 0; index--) {
			const entry = this.starts[index];
			if (entry.answeredAt === undefined) continue;
			answered++;
			if (entry.answeredAt < horizon || answered > MAX_STARTS_KEPT) this.starts.splice(index, 1);
		}
	}

	/** Starts every waiter that may start now, then sleeps until the head may. */
	private pump(): void {
		for (;;) {
			const head = this.queue[0];
			if (!head) {
				this.cancelTimer();
				return;
			}
			const now = this.clock.now();
			if (now < this.pausedUntil) {
				// Every waiter is held by the pause: each pays for it from its own budget, or gives up now.
				const cannotWait = this.queue.filter(
					(waiter) => !waiter.budget.charge(this.pausedUntil, now),
				);
				for (const waiter of cannotWait) {
					this.queue.splice(this.queue.indexOf(waiter), 1);
					waiter.detach();
					waiter.reject(
						new WaitBudgetExceeded(
							Math.max(this.pausedUntil, this.pauseAsked) - now,
							waiter.budget,
						),
					);
				}
				if (cannotWait.length > 0) continue;
			}
			if (this.inFlight >= head.concurrency) return; // a settled request pumps again
			const start = Math.max(this.pausedUntil, this.earliestStart(head));
			// Under a millisecond is not worth a timer: a timer costs about that much.
			if (start - now >= 1) {
				this.wakeAt(start, now);
				return;
			}
			this.queue.shift();
			head.detach();
			this.inFlight++;
			this.lastStart = now;
			this.lastActive = now;
			this.countingSince ??= now;
			head.resolve(this.recordStart(head, now));
		}
	}

	private wakeAt(time: number, now: number): void {
		this.cancelTimer();
		const timer = new AbortController();
		this.timer = timer;
		this.clock.sleep(Math.min(time - now, MAX_TIMER_MS), timer.signal).then(
			() => {
				if (this.timer !== timer) return;
				this.timer = undefined;
				this.pump();
			},
			() => {}, // cancelled: nothing waits for it any more
		);
	}

	/** Drops the pending timer, if any (a forgotten pace must not keep the process awake). */
	stopTimer(): void {
		this.cancelTimer();
	}

	private cancelTimer(): void {
		this.timer?.abort();
		this.timer = undefined;
	}

	private remove(waiter: Waiter): void {
		const index = this.queue.indexOf(waiter);
		if (index >= 0) this.queue.splice(index, 1);
		waiter.detach();
		// The head may have changed: let the next one go, or drop the timer if nobody waits.
		if (index === 0) this.pump();
	}
}

/** One pace per account, created on first use and forgotten once idle. */
export class PaceRegistry {
	private readonly paces = new Map<string, AccountPace>();

	private lastSweep: number;

	constructor(private readonly clock: Clock = systemClock) {
		this.lastSweep = clock.now();
	}

	/** The pace of the account with this key (see `accountKey`). */
	get(key: string): AccountPace {
		const now = this.clock.now();
		if (now - this.lastSweep >= SWEEP_EVERY_MS) this.sweep(now);
		let pace = this.paces.get(key);
		if (!pace) {
			pace = new AccountPace(this.clock);
			this.paces.set(key, pace);
		}
		return pace;
	}

	get size(): number {
		return this.paces.size;
	}

	/** What all accounts hold together, for tests of bounded memory. */
	heldState(): { accounts: number; waiting: number; inFlight: number; timersPending: number } {
		const held = { accounts: this.paces.size, waiting: 0, inFlight: 0, timersPending: 0 };
		for (const pace of this.paces.values()) {
			const state = pace.heldState();
			held.waiting += state.waiting;
			held.inFlight += state.inFlight;
			held.timersPending += state.timerPending ? 1 : 0;
		}
		return held;
	}

	/** Forgets every account, as a fresh process would (tests start each case so). */
	clear(): void {
		for (const pace of this.paces.values()) pace.stopTimer();
		this.paces.clear();
	}

	private sweep(now: number): void {
		this.lastSweep = now;
		for (const [key, pace] of this.paces) if (pace.isIdle(now)) this.paces.delete(key);
	}
}

/** Every account pace this n8n process holds, by account key. */
export const accountPaces = new PaceRegistry();

/**
 * Names an account without keeping its secret readable: a SHA-256 of the credential type and
 * every credential value (base URL, keys), so the same key on another base URL is another account.
 */
export function accountKey(credentialType: string, credentials: Record<string, unknown>): string {
	const values = Object.keys(credentials)
		.sort()
		.map((name) => [name, credentials[name]]);
	return createHash('sha256')
		.update(JSON.stringify([credentialType, values]))
		.digest('hex');
}

type Headers = Record<string, unknown>;

function header(headers: Headers, name: string): string | undefined {
	const value = headers[name] ?? headers[name.toLowerCase()];
	if (value === undefined || value === null) return undefined;
	return String(Array.isArray(value) ? value[0] : value);
}

/**
 * Epoch ms of an `X-RateLimit-Reset`: epoch milliseconds, epoch seconds (as SalesCaptain
 * documents), or small values as seconds from now.
 */
function resetTime(headers: Headers, now: number): number | undefined {
	const reset = Number(header(headers, 'x-ratelimit-reset'));
	if (!Number.isFinite(reset) || reset <= 0) return undefined;
	if (reset > 1e11) return Math.max(now, reset);
	if (reset > 1e9) return Math.max(now, reset * 1000);
	return now + reset * 1000;
}

/** Epoch ms at which a rate-limit answer says requests may resume, if it says. */
export function resumeTime(headers: Headers, now: number): number | undefined {
	const retryAfter = header(headers, 'retry-after');
	if (retryAfter !== undefined) {
		const seconds = Number(retryAfter);
		if (retryAfter.trim() !== '' && Number.isFinite(seconds))
			return now + Math.max(0, seconds) * 1000;
		const date = Date.parse(retryAfter);
		if (!Number.isNaN(date)) return Math.max(now, date);
	}
	return resetTime(headers, now);
}

/** True when the server says this window has no requests left. */
export function windowExhausted(headers: Headers): boolean {
	return header(headers, 'x-ratelimit-remaining') === '0';
}
