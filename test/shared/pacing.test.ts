import { RequestPacer, resumeTime, windowExhausted } from '../../nodes/shared/pacing';

describe('RequestPacer', () => {
	test('without a limit every request may start at once', () => {
		const pacer = new RequestPacer({ concurrency: 5 }, () => 1000);
		expect([pacer.reserve(), pacer.reserve(), pacer.reserve()]).toEqual([0, 0, 0]);
	});

	test('spaces starts so no window holds more than the limit', () => {
		let now = 0;
		const pacer = new RequestPacer({ concurrency: 5, rateLimit: { requests: 2, perMs: 1000 } }, () => now);
		// Five requests asked for at t=0 get slots 0, 0, 1000, 1000, 2000.
		expect(Array.from({ length: 5 }, () => pacer.reserve())).toEqual([0, 0, 1000, 1000, 2000]);
		now = 2500;
		// The window (1500, 2500] holds one start (2000): one more may go now, the next at 3000.
		expect(pacer.reserve()).toBe(0);
		expect(pacer.reserve()).toBe(500);
	});

	test('a pause holds back every later request', () => {
		let now = 0;
		const pacer = new RequestPacer({ concurrency: 5 }, () => now);
		pacer.pauseUntil(5000);
		expect(pacer.reserve()).toBe(5000);
		now = 4000;
		expect(pacer.reserve()).toBe(1000);
		pacer.pauseUntil(3000); // an earlier pause never shortens a later one
		expect(pacer.reserve()).toBe(1000);
	});
});

describe('spreading starts over the round trip', () => {
	test('once round trips are known, starts are spaced by the fastest one over the concurrency', () => {
		let now = 0;
		const pacer = new RequestPacer({ concurrency: 5 }, () => now);
		expect([pacer.reserve(), pacer.reserve()]).toEqual([0, 0]); // nothing known yet: no spacing
		[80, 50, 65].forEach((ms) => pacer.recordRoundTrip(ms));
		now = 100;
		expect([pacer.reserve(), pacer.reserve(), pacer.reserve()]).toEqual([0, 10, 20]);
	});

	test('one item at a time is never held back', () => {
		let now = 0;
		const pacer = new RequestPacer({ concurrency: 1 }, () => now);
		pacer.recordRoundTrip(50);
		now = 50;
		expect(pacer.reserve()).toBe(0);
	});

	test('a slow outlier does not slow the run: the fastest recent round trip counts', () => {
		let now = 0;
		const pacer = new RequestPacer({ concurrency: 2 }, () => now);
		[5000, 40, 40].forEach((ms) => pacer.recordRoundTrip(ms));
		expect([pacer.reserve(), pacer.reserve()]).toEqual([0, 20]);
	});
});

describe('resumeTime', () => {
	const now = 1_700_000_000_000;
	test('Retry-After in seconds', () => expect(resumeTime({ 'retry-after': '3' }, now)).toBe(now + 3000));
	test('Retry-After as an HTTP date', () => {
		expect(resumeTime({ 'retry-after': new Date(now + 7000).toUTCString() }, now)).toBe(now + 7000);
	});
	test('X-RateLimit-Reset in epoch seconds (SalesCaptain)', () => {
		expect(resumeTime({ 'x-ratelimit-reset': String(now / 1000 + 2) }, now)).toBe(now + 2000);
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
