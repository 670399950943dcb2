/**
 * The shared account pace, driven through n8n-core's engine against the sandbox: executions
 * that run at once with one credential share one window, one 429 pause and one in-flight
 * bound; the vendor never sees more than Max Requests in a window; cancelling stops the
 * waiting; Max Concurrent Requests by expression is held to 50.
 */
import type { INodeParameters } from 'n8n-workflow';

import { accountPaces } from '../../nodes/shared/pacing';
import { runNode } from '../harness/n8n';
import { createSandbox } from '../sandbox';
import type { SandboxRequest } from '../sandbox/server';
import { CONTACTSHIP_API_KEY } from '../sandbox/vendors/contactship';
import { SALESCAPTAIN_TOKEN, SC_COMPANIES } from '../sandbox/vendors/salesCaptain';
import { WIPSY_API_KEY } from '../sandbox/vendors/wipsy';

const sandbox = createSandbox();
beforeAll(async () => {
	await sandbox.start();
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const people = (count: number, from = 0) =>
	Array.from({ length: count }, (_, index) => ({
		name: `Lead ${from + index}`,
		phone: `+1212555${String(from + index).padStart(4, '0')}`,
		email: `lead${from + index}@example.com`,
	}));

async function contactship(
	items: object[],
	options: INodeParameters = {},
	extra: { cancelAfterMs?: number; continueOnFail?: boolean } = {},
) {
	return await runNode({
		type: 'contactship',
		parameters: { phone: '={{ $json.phone }}', fullName: '={{ $json.name }}', options },
		items: items as never,
		credentials: {
			contactshipApi: { apiKey: CONTACTSHIP_API_KEY, baseUrl: sandbox.baseUrl('contactship') },
		},
		...extra,
	});
}

async function salesCaptain(items: object[], options: INodeParameters = {}) {
	return await runNode({
		type: 'salesCaptain',
		parameters: {
			company: SC_COMPANIES[0].company_id,
			fullName: '={{ $json.name }}',
			email: '={{ $json.email }}',
			options,
		},
		items: items as never,
		credentials: {
			salesCaptainApi: {
				accessToken: SALESCAPTAIN_TOKEN,
				baseUrl: sandbox.baseUrl('salescaptain'),
			},
		},
	});
}

const creates = (vendor: string, path: string) =>
	sandbox.requests(vendor).filter((request) => request.method === 'POST' && request.path === path);

/** The most requests the vendor received inside any window of `perMs` (half open). */
function busiestWindow(requests: SandboxRequest[], perMs: number): number {
	const times = requests.map((request) => request.at).sort((a, b) => a - b);
	let most = 0;
	for (const [i, at] of times.entries())
		most = Math.max(most, times.slice(i).filter((other) => other < at + perMs).length);
	return most;
}

const outcomes = (run: Awaited<ReturnType<typeof contactship>>) =>
	run.items?.map((item) => item.json.outcome ?? item.json.message);

describe('never more than Max Requests per window, as the vendor sees it', () => {
	test('30 items at the default 10 per second against a 10-per-second vendor: no 429, no window over 10', async () => {
		sandbox.setRateLimit('contactship', { limit: 10, windowMs: 1000 });
		const run = await contactship(people(30));
		expect(outcomes(run)).toEqual(people(30).map(() => 'created'));
		expect(busiestWindow(creates('contactship', '/v1/contacts'), 1000)).toBeLessThanOrEqual(10);
		expect(sandbox.stats.rateLimited).toBe(0);
	});

	test('SalesCaptain with no fixed rate: paced at the window its X-RateLimit headers announce', async () => {
		sandbox.setRateLimit('salescaptain', { limit: 10, windowMs: 1000 });
		const run = await salesCaptain(people(40));
		expect(run.items?.map((item) => item.json.outcome)).toEqual(people(40).map(() => 'created'));
		// Before the first answer nothing is known, so the first five may go together; after it, none is refused.
		expect(sandbox.stats.rateLimited).toBeLessThanOrEqual(2);
	});
});

describe('one pace per account, shared by executions running at once', () => {
	test('two executions with the same credential share one window', async () => {
		sandbox.setRateLimit('contactship', { limit: 4, windowMs: 1000 });
		const [first, second] = await Promise.all([
			contactship(people(6, 0), { maxRequests: 4, rateInterval: 'second' }),
			contactship(people(6, 100), { maxRequests: 4, rateInterval: 'second' }),
		]);
		expect([...outcomes(first)!, ...outcomes(second)!]).toEqual(Array(12).fill('created'));
		expect(busiestWindow(creates('contactship', '/v1/contacts'), 1000)).toBeLessThanOrEqual(4);
		expect(sandbox.stats.rateLimited).toBe(0);
	});

	test('one 429 pauses both executions for as long as the vendor asks', async () => {
		sandbox.addFault({
			vendor: 'contactship',
			path: '/v1/contacts',
			status: 429,
			body: {
				statusCode: 429,
				message: 'Too many requests, please slow down',
				error: 'Too Many Requests',
			},
			headers: { 'Retry-After': '1' },
		});
		const [first, second] = await Promise.all([
			contactship(people(4, 0)),
			contactship(people(4, 100)),
		]);
		expect([...outcomes(first)!, ...outcomes(second)!]).toEqual(Array(8).fill('created'));
		const [refused, ...rest] = creates('contactship', '/v1/contacts');
		// Requests already on their way when the 429 came back are the vendor's to refuse; none left after it within the second.
		const after = rest.filter((request) => request.at > refused.at + 60);
		expect(after.length).toBeGreaterThanOrEqual(6);
		for (const request of after) expect(request.at - refused.at).toBeGreaterThanOrEqual(995);
	});

	test('executions with the same credential share one in-flight bound', async () => {
		sandbox.setLatency(150);
		await Promise.all([
			contactship(people(6, 0), { maxRequests: 0, maxConcurrency: 3 }),
			contactship(people(6, 100), { maxRequests: 0, maxConcurrency: 3 }),
		]);
		expect(sandbox.stats.peakInFlight).toBe(3);
	});

	test('a burst of 60 single-lead executions: every lead created once, no 429, nothing held afterwards', async () => {
		sandbox.setRateLimit('contactship', { limit: 20, windowMs: 1000 });
		const runs = await Promise.all(
			people(60).map(
				async (lead) => await contactship([lead], { maxRequests: 20, rateInterval: 'second' }),
			),
		);
		expect(runs.map((run) => outcomes(run)?.[0])).toEqual(Array(60).fill('created'));
		expect(creates('contactship', '/v1/contacts')).toHaveLength(60);
		expect(sandbox.stats.rateLimited).toBe(0);
		expect(accountPaces.heldState()).toEqual({
			accounts: 1,
			waiting: 0,
			inFlight: 0,
			timersPending: 0,
		});
	});
});

describe('limits the editor sets, held at run time too', () => {
	test('Max Concurrent Requests given as 500 by expression keeps 50 in flight at most', async () => {
		sandbox.setLatency(200);
		const run = await contactship(people(120), { maxConcurrency: '={{ 500 }}', maxRequests: 0 });
		expect(run.items).toHaveLength(120);
		expect(sandbox.stats.peakInFlight).toBe(50);
	});
});

describe('cancellation', () => {
	const pendingTimers = () =>
		process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;

	test('cancelling the execution stops the pacer: nothing is sent afterwards and no timer is left waiting', async () => {
		const before = pendingTimers();
		const started = Date.now();
		await contactship(
			people(20),
			{ maxConcurrency: 10, maxRequests: 1, rateInterval: 'second' },
			{ cancelAfterMs: 1200, continueOnFail: true },
		);
		const cancelledAt = started + 1200;
		await new Promise((resolve) => setTimeout(resolve, 200));
		// A pacer that kept going would still hold a timer for each of the nine waiting items;
		// a kept-alive connection to the sandbox may hold one or two of its own.
		expect(pendingTimers()).toBeLessThanOrEqual(before + 2);
		await new Promise((resolve) => setTimeout(resolve, 2000));
		const sent = creates('contactship', '/v1/contacts');
		expect(sent.length).toBeGreaterThanOrEqual(1);
		expect(sent.filter((request) => request.at > cancelledAt + 100)).toEqual([]);
	});
});

describe("Wipsy's 429", () => {
	test('a plain "Too many requests" is a rate limit: waited out and sent again', async () => {
		sandbox.addFault({
			vendor: 'wipsy',
			path: '/api-create-contact',
			status: 429,
			body: { error: 'Too many requests' },
			headers: { 'Retry-After': '0' },
		});
		const run = await runNode({
			type: 'wipsy',
			parameters: { firstName: '={{ $json.name }}', phone: '={{ $json.phone }}' },
			items: [{ name: 'Ana', phone: '+525512345678' }],
			credentials: { wipsyApi: { apiKey: WIPSY_API_KEY, baseUrl: sandbox.baseUrl('wipsy') } },
		});
		expect(run.items?.map((item) => item.json.outcome)).toEqual(['created']);
		expect(creates('wipsy', '/api-create-contact')).toHaveLength(2);
	});
});
