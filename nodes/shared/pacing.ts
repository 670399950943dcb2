import { sleep } from 'n8n-workflow';

/** At most `requests` request starts in any window of `perMs` milliseconds. */
export interface RateLimit {
	requests: number;
	perMs: number;
}

/** How a run's requests are paced: items in flight at once, and an optional rate limit. */
export interface Pacing {
	concurrency: number;
	rateLimit?: RateLimit;
}

/** Round trips remembered for spreading starts (a few per request in flight). */
const ROUND_TRIP_SAMPLES = 20;

/**
 * Spaces request starts so a whole node run stays inside a rate limit, and lets one
 * request's 429 (or an exhausted X-RateLimit-Remaining) pause every request of the run.
 * It also spreads starts evenly over the round trip (the fastest recent one, divided by
 * the requests in flight): answers that come back together would otherwise make every
 * request wait for the others' processing, wave after wave, and the vendor sees bursts.
 * Slots are reserved synchronously, so concurrent callers never pick the same one.
 */
export class RequestPacer {
	private readonly starts: number[] = [];

	private lastStart = Number.NEGATIVE_INFINITY;

	private readonly roundTrips: number[] = [];

	private pausedUntil = 0;

	constructor(
		private readonly pacing: Pacing,
		private readonly now: () => number = Date.now,
	) {}

	/** Reserves the earliest allowed start and returns how many ms until it. */
	reserve(): number {
		const now = this.now();
		let start = Math.max(now, this.pausedUntil, this.lastStart + this.spacing());
		const limit = this.pacing.rateLimit;
		if (limit) {
			if (this.starts.length >= limit.requests) {
				start = Math.max(start, this.starts[this.starts.length - limit.requests] + limit.perMs);
			}
			this.starts.push(start);
			// Only the last `requests` starts can constrain a later one.
			if (this.starts.length > limit.requests * 2) this.starts.splice(0, this.starts.length - limit.requests);
		}
		this.lastStart = start;
		return start - now;
	}

	/** Remembers how long a request took, from start to answer. */
	recordRoundTrip(ms: number): void {
		this.roundTrips.push(ms);
		if (this.roundTrips.length > ROUND_TRIP_SAMPLES) this.roundTrips.shift();
	}

	private spacing(): number {
		if (this.pacing.concurrency <= 1 || this.roundTrips.length === 0) return 0;
		return Math.min(...this.roundTrips) / this.pacing.concurrency;
	}

	/** Holds back every request of this run until `time` (epoch ms). */
	pauseUntil(time: number): void {
		this.pausedUntil = Math.max(this.pausedUntil, time);
	}

	async waitForSlot(): Promise<void> {
		for (;;) {
			const wait = this.reserve();
			// Under a millisecond is not worth a timer: a timer costs about that much.
			if (wait < 1) return;
			await sleep(wait);
			// A 429 seen while this request slept moves the slot: reserve again.
			if (this.now() >= this.pausedUntil) return;
		}
	}
}

type Headers = Record<string, unknown>;

function header(headers: Headers, name: string): string | undefined {
	const value = headers[name] ?? headers[name.toLowerCase()];
	if (value === undefined || value === null) return undefined;
	return String(Array.isArray(value) ? value[0] : value);
}

/** Epoch ms at which a rate-limit reset header says requests may resume, if it says. */
export function resumeTime(headers: Headers, now: number): number | undefined {
	const retryAfter = header(headers, 'retry-after');
	if (retryAfter !== undefined) {
		const seconds = Number(retryAfter);
		if (Number.isFinite(seconds)) return now + Math.max(0, seconds) * 1000;
		const date = Date.parse(retryAfter);
		if (!Number.isNaN(date)) return Math.max(now, date);
	}
	const reset = Number(header(headers, 'x-ratelimit-reset'));
	if (Number.isFinite(reset) && reset > 0) {
		// Epoch seconds as SalesCaptain documents; small values are seconds from now.
		return reset > 1e9 ? Math.max(now, reset * 1000) : now + reset * 1000;
	}
	return undefined;
}

/** True when the server says this window has no requests left. */
export function windowExhausted(headers: Headers): boolean {
	return header(headers, 'x-ratelimit-remaining') === '0';
}
