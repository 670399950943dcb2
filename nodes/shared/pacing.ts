import { sleep } from 'n8n-workflow';

/** At most `requests` request starts in any window of `perMs` milliseconds. */
export interface RateLimit {
	requests: number;
	perMs: number;
}

/**
 * Spaces request starts so a whole node run stays inside a rate limit, and lets one
 * request's 429 (or an exhausted X-RateLimit-Remaining) pause every request of the run.
 * Slots are reserved synchronously, so concurrent callers never pick the same one.
 */
export class RequestPacer {
	private readonly starts: number[] = [];

	private pausedUntil = 0;

	constructor(
		private readonly limit: RateLimit | undefined,
		private readonly now: () => number = Date.now,
	) {}

	/** Reserves the earliest allowed start and returns how many ms until it. */
	reserve(): number {
		const now = this.now();
		let start = Math.max(now, this.pausedUntil);
		if (this.limit) {
			const { requests, perMs } = this.limit;
			if (this.starts.length >= requests) {
				start = Math.max(start, this.starts[this.starts.length - requests] + perMs);
			}
			this.starts.push(start);
			// Only the last `requests` starts can constrain a later one.
			if (this.starts.length > requests * 2) this.starts.splice(0, this.starts.length - requests);
		}
		return start - now;
	}

	/** Holds back every request of this run until `time` (epoch ms). */
	pauseUntil(time: number): void {
		this.pausedUntil = Math.max(this.pausedUntil, time);
	}

	async waitForSlot(): Promise<void> {
		for (;;) {
			const wait = this.reserve();
			if (wait <= 0) return;
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
