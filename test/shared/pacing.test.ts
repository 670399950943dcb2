/**
 * The account pace on a fake clock: what starts when, what a 429 does to everyone waiting,
 * the wait budget, learning the vendor's window, cancellation and bounded memory.
 */
import type { Answer, RateLimit, Slot, Start } from '../../nodes/shared/pacing';
import {
	AccountPace,
	accountKey,
	IDLE_RELEASE_MS,
	PaceRegistry,
	PacingCancelled,
	resumeTime,
	WaitBudget,
	WaitBudgetExceeded,
	windowExhausted,
} from '../../nodes/shared/pacing';
import { FakeClock, settle } from './fakeClock';

let clock: FakeClock;
let pace: AccountPace;
beforeEach(() => {
	clock = new FakeClock();
	pace = new AccountPace(clock);
});

const slot = (overrides: Partial<Slot> = {}): Slot => ({
	concurrency: 5,
	budget: new WaitBudget(),
	...overrides,
});
const ok: Answer = { headers: {}, rateLimited: false };
const tooMany = (headers: Record<string, string> = {}): Answer => ({ headers, rateLimited: true });

/**
 * Starts `count` requests; each settles with `answer` as soon as it starts, or is kept in
 * flight ('keep'). Returns the start times, the kept starts and the failures.
 */
function requests(
	count: number,
	request: Slot | (() => Slot),
	answer: (index: number) => Answer | 'keep' = () => ok,
): { starts: number[]; kept: Start[]; failures: Error[] } {
	const starts: number[] = [];
	const kept: Start[] = [];
	const failures: Error[] = [];
	for (let index = 0; index < count; index++) {
		pace.acquire(typeof request === 'function' ? request() : request).then(
			(start) => {
				starts.push(clock.now());
				const outcome = answer(index);
				if (outcome === 'keep') kept.push(start);
				else pace.settle(start, outcome);
			},
			(error: Error) => failures.push(error),
		);
	}
	return { starts, kept, failures };
}

/** The most starts inside any window of `perMs` (half open, as a vendor counts). */
function busiestWindow(starts: number[], perMs: number): number {
	let most = 0;
	for (const [i, start] of starts.entries())
		most = Math.max(most, starts.slice(i).filter((other) => other < start + perMs).length);
	return most;
}

describe('spacing', () => {
	test('without a limit, requests start at once up to Max Concurrent Requests; the next when one ends', async () => {
		const { starts, kept } = requests(6, slot({ concurrency: 5 }), () => 'keep');
		await settle();
		expect(starts).toEqual([0, 0, 0, 0, 0]);
		pace.settle(kept[0], ok);
		await settle();
		expect(starts).toHaveLength(6);
	});

	test('Max Requests per Per: starts spread evenly, never more than Max Requests in any window', async () => {
		const limit: RateLimit = { requests: 5, perMs: 1000 };
		const { starts } = requests(26, slot({ rateLimit: limit }));
		await clock.advance(6000);
		expect(starts).toHaveLength(26);
		expect(starts.slice(0, 6)).toEqual([0, 200, 400, 600, 800, 1000]);
		expect(busiestWindow(starts, 1000)).toBe(5);
		expect(starts[25]).toBe(5000);
	});

	test('a start counts in the window from its answer: a slow way to the vendor cannot put one too many in a window', async () => {
		const limit: RateLimit = { requests: 2, perMs: 1000 };
		const { starts, kept } = requests(3, slot({ rateLimit: limit }), () => 'keep');
		await settle();
		// The first answer comes back 30 ms after it left: it reached the vendor by then, at the latest.
		clock.time = 30;
		pace.settle(kept[0], ok);
		await clock.advance(2000);
		expect(starts).toEqual([0, 500, 1030]);
	});

	test('a request still unanswered counts as in the window: it may reach the vendor any moment', async () => {
		const limit: RateLimit = { requests: 2, perMs: 1000 };
		const { starts, kept } = requests(4, slot({ rateLimit: limit }), () => 'keep');
		await clock.advance(3000);
		// The first two take the window's two places until they are answered.
		expect(starts).toEqual([0, 500]);
		clock.time = 3200;
		pace.settle(kept[0], ok);
		await clock.advance(1000);
		// One place frees a window after the first answer; the second, still in flight, keeps its place.
		expect(starts).toEqual([0, 500, 4200]);
	});

	test('spacing counts from when a request really started, so a late timer cannot bunch starts', async () => {
		const limit: RateLimit = { requests: 2, perMs: 1000 };
		const { starts } = requests(3, slot({ rateLimit: limit }));
		await settle();
		// The timer for the second start (due at 500) fires 300 ms late.
		clock.time = 800;
		await clock.advance(0);
		expect(starts).toEqual([0, 800]);
		await clock.advance(1000);
		expect(starts[2]).toBe(1300);
	});

	test('once round trips are known, starts are spread over the fastest one divided by the concurrency', async () => {
		const first = requests(1, slot({ concurrency: 5 }), () => 'keep');
		await settle();
		clock.time = 50;
		pace.settle(first.kept[0], ok); // a 50 ms round trip
		clock.time = 100;
		const { starts } = requests(3, slot({ concurrency: 5 }), () => 'keep');
		await clock.advance(100);
		expect(starts).toEqual([100, 110, 120]);
	});

	test('one item at a time is never held back by the spreading', async () => {
		const first = requests(1, slot({ concurrency: 1 }), () => 'keep');
		await settle();
		clock.time = 50;
		pace.settle(first.kept[0], ok);
		const { starts } = requests(1, slot({ concurrency: 1 }), () => 'keep');
		await settle();
		expect(starts).toEqual([50]);
	});
});

describe('one pace per account', () => {
	test('two runs share one window: their starts together keep the limit', async () => {
		const limit: RateLimit = { requests: 4, perMs: 1000 };
		const runA = requests(8, slot({ rateLimit: limit }));
		const runB = requests(8, slot({ rateLimit: limit }));
		await clock.advance(5000);
		const all = [...runA.starts, ...runB.starts].sort((a, b) => a - b);
		expect(all).toHaveLength(16);
		expect(busiestWindow(all, 1000)).toBe(4);
	});

	test('two runs share one in-flight bound', async () => {
		const runA = requests(4, slot({ concurrency: 3 }), () => 'keep');
		const runB = requests(4, slot({ concurrency: 3 }), () => 'keep');
		await settle();
		expect(runA.starts.length + runB.starts.length).toBe(3);
	});

	test('one 429 pauses both runs until the vendor says, stretched by the jitter', async () => {
		clock.randomValue = 0.5;
		const runA = requests(1, slot(), () => tooMany({ 'retry-after': '2' }));
		await settle();
		const runB = requests(3, slot());
		await clock.advance(2100);
		expect(runA.starts).toEqual([0]);
		expect(runB.starts).toEqual([]);
		// 2 s asked, plus half of the jitter allowance (20 % of 2 s, at most 1 s): 2200.
		await clock.advance(200);
		expect(runB.starts).toEqual([2200, 2200, 2200]);
	});

	test('the jitter spreads the end of a pause: up to 20 % of it, at most 1 s', () => {
		const resumeWith = (random: number, retryAfter: string) => {
			const other = new AccountPace(Object.assign(new FakeClock(), { randomValue: random }));
			void other.acquire(slot());
			return other.settle({ at: 0 }, tooMany({ 'retry-after': retryAfter }));
		};
		expect([resumeWith(0, '2'), resumeWith(0.5, '2'), resumeWith(0.99, '2')]).toEqual([
			2000, 2200, 2396,
		]);
		expect(resumeWith(0.99, '60')).toBe(60_990);
	});

	test('an exhausted X-RateLimit-Remaining holds everyone until the reset, without jitter', async () => {
		const { starts } = requests(1, slot(), () => ({
			headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '3' },
			rateLimited: false,
		}));
		await settle();
		const later = requests(1, slot());
		await clock.advance(2999);
		expect(later.starts).toEqual([]);
		await clock.advance(1);
		expect([starts, later.starts]).toEqual([[0], [3000]]);
	});

	test('the account key is a hash: same credential, same key; another base URL or key, another account', () => {
		const credential = { accessToken: 'sk_live_SECRET1234', baseUrl: 'https://api.example.com' };
		const key = accountKey('salesCaptainApi', credential);
		expect(key).toMatch(/^[0-9a-f]{64}$/);
		expect(key).not.toContain('SECRET');
		expect(
			accountKey('salesCaptainApi', {
				baseUrl: credential.baseUrl,
				accessToken: credential.accessToken,
			}),
		).toBe(key);
		expect(
			accountKey('salesCaptainApi', { ...credential, baseUrl: 'https://eu.example.com' }),
		).not.toBe(key);
		expect(accountKey('salesCaptainApi', { ...credential, accessToken: 'sk_live_OTHER' })).not.toBe(
			key,
		);
		expect(accountKey('contactshipApi', credential)).not.toBe(key);
	});
});

describe('the wait budget: time, not tries', () => {
	test('a budget charges each pause once and refuses one that would pass it', () => {
		const budget = new WaitBudget(10_000);
		expect(budget.charge(4000, 0)).toBe(true);
		expect(budget.charge(4000, 1000)).toBe(true); // the same pause seen again costs nothing more
		expect(budget.charge(9000, 5000)).toBe(true);
		expect(budget.waitedMs).toBe(8000);
		expect(budget.charge(12_000, 9000)).toBe(false);
		expect(budget.waitedMs).toBe(8000);
	});

	test('a pause longer than what a waiter has left ends that waiter at once; others keep waiting', async () => {
		const blocker = requests(1, slot(), () => tooMany({ 'retry-after': '30' }));
		await settle();
		const patient = requests(1, slot({ budget: new WaitBudget(60_000) }));
		const hasty = requests(1, slot({ budget: new WaitBudget(10_000) }));
		await settle();
		expect(hasty.failures[0]).toBeInstanceOf(WaitBudgetExceeded);
		expect((hasty.failures[0] as WaitBudgetExceeded).askedMs).toBe(30_000);
		expect(patient.failures).toEqual([]);
		await clock.advance(30_000);
		expect([blocker.starts, patient.starts]).toEqual([[0], [30_000]]);
	});

	test('a far X-RateLimit-Reset (a day ahead) ends the waiting item at once: no day-long pause, no timer', async () => {
		const day = 86_400;
		requests(1, slot(), () => ({
			headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(day) },
			rateLimited: false,
		}));
		await settle();
		const next = requests(1, slot());
		await settle();
		expect(next.failures[0]).toBeInstanceOf(WaitBudgetExceeded);
		expect((next.failures[0] as WaitBudgetExceeded).askedMs).toBe(day * 1000);
		expect(clock.pendingTimers).toBe(0);
	});

	test('a long pause within the budget is slept in steps of at most a minute (no 1 ms timer spin)', async () => {
		requests(1, slot(), () => tooMany({ 'retry-after': '3000' }));
		await settle();
		const next = requests(1, slot({ budget: new WaitBudget(3_600_000) }));
		await clock.advance(3_100_000);
		expect(next.starts).toEqual([3_000_000]);
		expect(Math.max(...clock.sleeps)).toBe(60_000);
		expect(Math.min(...clock.sleeps)).toBeGreaterThan(1);
	});

	test('Retry-After: 0 still waits a quarter second, so a 429 storm spends the budget', async () => {
		const resume = (() => {
			void pace.acquire(slot());
			return pace.settle({ at: 0 }, tooMany({ 'retry-after': '0' }));
		})();
		expect(resume).toBe(250);
	});
});

describe('cancellation', () => {
	test('cancelling the execution ends its waiting requests and leaves no timer behind', async () => {
		const limit: RateLimit = { requests: 1, perMs: 60_000 };
		const cancel = new AbortController();
		const run = requests(3, slot({ rateLimit: limit, signal: cancel.signal }));
		await settle();
		expect(run.starts).toEqual([0]);
		expect(clock.pendingTimers).toBe(1);
		cancel.abort();
		await settle();
		expect(run.failures).toHaveLength(2);
		expect(run.failures[0]).toBeInstanceOf(PacingCancelled);
		expect(pace.heldState()).toMatchObject({ waiting: 0, inFlight: 0, timerPending: false });
		expect(clock.pendingTimers).toBe(0);
	});

	test('an execution already cancelled starts nothing', async () => {
		const cancel = new AbortController();
		cancel.abort();
		await expect(pace.acquire(slot({ signal: cancel.signal }))).rejects.toBeInstanceOf(
			PacingCancelled,
		);
	});
});

describe('learning the vendor window', () => {
	test('from X-RateLimit-Limit and the step between successive X-RateLimit-Reset values', async () => {
		const headers = (resetSeconds: number, remaining: number) => ({
			'x-ratelimit-limit': '10',
			'x-ratelimit-remaining': String(remaining),
			'x-ratelimit-reset': String(resetSeconds),
		});
		clock.time = 1_700_000_000_400;
		requests(1, slot(), () => ({ headers: headers(1_700_000_001, 9), rateLimited: false }));
		await settle();
		expect(pace.learnedLimit()).toEqual({ requests: 10, perMs: 1000 });
		clock.time = 1_700_000_001_100;
		requests(1, slot(), () => ({ headers: headers(1_700_000_002, 9), rateLimited: false }));
		await settle();
		expect(pace.learnedLimit()).toEqual({ requests: 10, perMs: 1000 });
		// Paced at the learned window from now on: 100 ms apart.
		const { starts } = requests(3, slot());
		await clock.advance(1000);
		expect(starts.map((start) => start - starts[0])).toEqual([0, 100, 200]);
	});

	test('a minute window read from resets a minute apart', async () => {
		const headers = (resetSeconds: number) => ({
			headers: {
				'x-ratelimit-limit': '30',
				'x-ratelimit-remaining': '20',
				'x-ratelimit-reset': String(resetSeconds),
			},
			rateLimited: false,
		});
		clock.time = 1_700_000_030_000;
		requests(1, slot(), () => headers(1_700_000_060));
		await settle();
		expect(pace.learnedLimit()).toEqual({ requests: 30, perMs: 30_000 }); // at least the time to the reset
		clock.time = 1_700_000_061_000;
		requests(1, slot(), () => headers(1_700_000_120));
		await settle();
		expect(pace.learnedLimit()).toEqual({ requests: 30, perMs: 60_000 });
	});

	test('from refusals: what was accepted until the 429, over the time until its Retry-After', async () => {
		// A vendor allowing 10 per second answers the 11th request of a burst with 429, Retry-After 1.
		const { starts } = requests(15, slot({ concurrency: 50 }), (index) =>
			index < 10 ? ok : tooMany({ 'retry-after': '1' }),
		);
		await settle();
		expect(starts).toHaveLength(15);
		expect(pace.learnedLimit()).toEqual({ requests: 10, perMs: 1000 });
	});

	test('after a quiet spell the count starts anew, so an idle gap is not read as a slow vendor', async () => {
		requests(3, slot({ concurrency: 50 }));
		await settle();
		await clock.advance(30_000);
		requests(11, slot({ concurrency: 50 }), (index) =>
			index < 10 ? ok : tooMany({ 'retry-after': '1' }),
		);
		await settle();
		expect(pace.learnedLimit()).toEqual({ requests: 10, perMs: 1000 });
	});
});

describe('memory stays bounded', () => {
	test('10,000 single-item executions of one account: one entry, nothing held afterwards', async () => {
		const registry = new PaceRegistry(clock);
		const key = accountKey('salesCaptainApi', {
			accessToken: 'token-1',
			baseUrl: 'https://a.example',
		});
		for (let execution = 0; execution < 10_000; execution++) {
			const account = registry.get(key);
			const start = await account.acquire(
				slot({ concurrency: 5, rateLimit: { requests: 100, perMs: 1000 } }),
			);
			clock.time += 20;
			account.settle(start, ok);
			expect(registry.size).toBe(1);
		}
		// Starts are kept only for the last window (1 s at 20 ms each), round trips only the last 20.
		const held = registry.get(key).heldState();
		expect(held).toMatchObject({ waiting: 0, inFlight: 0, roundTrips: 20, timerPending: false });
		expect(held.starts).toBeLessThanOrEqual(52);
	});

	test('10,000 executions with as many credentials: idle accounts are released', async () => {
		const registry = new PaceRegistry(clock);
		let largest = 0;
		for (let execution = 0; execution < 10_000; execution++) {
			const account = registry.get(
				accountKey('salesCaptainApi', { accessToken: `token-${execution}` }),
			);
			account.settle(await account.acquire(slot()), ok);
			clock.time += 100;
			largest = Math.max(largest, registry.size);
		}
		// Never more than the accounts used in the last idle period plus one sweep interval.
		expect(largest).toBeLessThanOrEqual((IDLE_RELEASE_MS + 10_000) / 100 + 1);
		clock.time += IDLE_RELEASE_MS + 10_000;
		registry.get('another');
		expect(registry.size).toBe(1);
	});

	test('an account still paused or busy is kept even when old', async () => {
		const registry = new PaceRegistry(clock);
		const busy = registry.get('busy');
		void busy.acquire(slot());
		clock.time += IDLE_RELEASE_MS * 3;
		registry.get('other');
		expect(registry.get('busy')).toBe(busy);
	});
});

describe('resumeTime', () => {
	const now = 1_700_000_000_000;
	test('Retry-After in seconds', () =>
		expect(resumeTime({ 'retry-after': '3' }, now)).toBe(now + 3000));
	test('Retry-After as an HTTP date', () => {
		expect(resumeTime({ 'retry-after': new Date(now + 7000).toUTCString() }, now)).toBe(now + 7000);
	});
	test('X-RateLimit-Reset in epoch seconds (SalesCaptain)', () => {
		expect(resumeTime({ 'x-ratelimit-reset': String(now / 1000 + 2) }, now)).toBe(now + 2000);
	});
	test('X-RateLimit-Reset in epoch milliseconds', () => {
		expect(resumeTime({ 'x-ratelimit-reset': String(now + 2500) }, now)).toBe(now + 2500);
	});
	test('X-RateLimit-Reset in the past resumes now', () => {
		expect(resumeTime({ 'x-ratelimit-reset': String(now / 1000 - 60) }, now)).toBe(now);
	});
	test('small X-RateLimit-Reset values are seconds from now', () => {
		expect(resumeTime({ 'x-ratelimit-reset': '4' }, now)).toBe(now + 4000);
	});
	test('nothing said: undefined', () => expect(resumeTime({}, now)).toBeUndefined());
	test('windowExhausted reads X-RateLimit-Remaining', () => {
		expect(windowExhausted({ 'x-ratelimit-remaining': '0' })).toBe(true);
		expect(windowExhausted({ 'x-ratelimit-remaining': '3' })).toBe(false);
		expect(windowExhausted({})).toBe(false);
	});
});
