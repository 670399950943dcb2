/**
 * Thoughtly's Call → Start and Contact → Create's Call After Create on n8n-core's engine
 * against the sandbox: the start request Thoughtly receives, the output, and above all that
 * a call is never started twice — a start whose answer is lost (a reset, a timeout, a 500)
 * fails the item and is not sent again; only a 429 is.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { thoughtlyApi } from '../../nodes/Thoughtly/api';
import { runNode } from '../harness/n8n';
import { createSandbox } from '../sandbox';
import type { ThoughtlyState } from '../sandbox/vendors/thoughtly';
import { duplicateCalls, THOUGHTLY_TEAM_ID, THOUGHTLY_TOKEN } from '../sandbox/vendors/thoughtly';

const sandbox = createSandbox();
beforeAll(async () => {
	await sandbox.start();
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const credentials = () => ({
	thoughtlyApi: {
		apiToken: THOUGHTLY_TOKEN,
		teamId: THOUGHTLY_TEAM_ID,
		baseUrl: sandbox.baseUrl('thoughtly'),
	},
});
const state = () => sandbox.state<ThoughtlyState>('thoughtly');
const callRequests = () =>
	sandbox.requests('thoughtly').filter((request) => request.path === '/contact/call');
const agent = (value: string) => ({ __rl: true, mode: 'list', value });
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const variables = (rows: Array<[string, string]>) => ({
	field: rows.map(([key, value]) => ({ key, value })),
});

async function startCalls(
	items: object[],
	parameters: object = {},
	options: { continueOnFail?: boolean } = {},
) {
	return await runNode({
		type: 'thoughtly',
		parameters: {
			resource: 'call',
			operation: 'start',
			contact: byId('={{ $json.id }}'),
			agent: agent('int_001'),
			...parameters,
		},
		items: items as never,
		credentials: credentials(),
		continueOnFail: options.continueOnFail,
	});
}

/** Waits (bounded) until the sandbox's state satisfies `ready`. */
async function until(ready: () => boolean, timeoutMs = 10_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!ready()) {
		if (Date.now() > deadline) throw new Error('the sandbox did not get there in time');
		await new Promise((resolve) => setTimeout(resolve, 25));
	}
}

describe('Call → Start', () => {
	test('sends exactly {contact_id, interview_id, metadata} and outputs the call Thoughtly started', async () => {
		const contact = state().contacts[0];
		const result = await startCalls([{ id: contact.id, when: 'Tuesday 3 pm' }], {
			metadata: variables([
				['appointment_time', '={{ $json.when }}'],
				['left_empty', ''],
			]),
		});
		expect(result.error).toBeUndefined();
		expect(callRequests().map((request) => request.body)).toEqual([
			{
				contact_id: contact.id,
				interview_id: 'int_001',
				metadata: { appointment_time: 'Tuesday 3 pm' },
			},
		]);
		const [call] = state().calls;
		expect(result.items).toEqual([
			{
				json: {
					id: call.id,
					status: 'QUEUED',
					contact_id: contact.id,
					interview_id: 'int_001',
					metadata: { appointment_time: 'Tuesday 3 pm' },
					created_at: call.created_at,
					ended_at: null,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test('the call then progresses over time and ends', async () => {
		await startCalls([{ id: state().contacts[0].id }]);
		const [call] = state().calls;
		expect(call.status).toBe('QUEUED');
		await until(() => call.status === 'IN_PROGRESS' || call.status === 'COMPLETED');
		await until(() => call.status === 'COMPLETED');
		expect(call.ended_at).not.toBeNull();
	});

	test('by phone number: the contact is looked up, then called by its ID', async () => {
		const contact = state().contacts.find((entry) => entry.phone_number === '+14155550011')!;
		const result = await startCalls([{}], {
			contact: { __rl: true, mode: 'phone', value: '+1 415 555 0011' },
		});
		expect(result.error).toBeUndefined();
		expect(callRequests()[0].body).toEqual({ contact_id: contact.id, interview_id: 'int_001' });
	});

	test('an unknown agent fails the item naming the contact and the agent; nothing is called', async () => {
		const contact = state().contacts[0];
		const result = await startCalls([{ id: contact.id }], { agent: agent('int_404') });
		expect(result.error?.message).toBe(
			`Thoughtly cannot call contact "${contact.id}" with agent "int_404": Agent not found [item 0]`,
		);
		expect(state().calls).toEqual([]);
	});

	test('bad input fails before anything is sent: no agent, a metadata key given twice', async () => {
		const contact = state().contacts[0];
		const noAgent = await startCalls([{ id: contact.id }], {
			agent: { __rl: true, mode: 'id', value: '={{ $json.agent }}' },
		});
		expect(noAgent.error?.message).toMatch(/^Agent/);
		const twice = await startCalls([{ id: contact.id }], {
			metadata: variables([
				['slot', 'a'],
				['slot', 'b'],
			]),
		});
		expect(twice.error?.message).toMatch(/"slot" is given twice/);
		expect(sandbox.requests('thoughtly')).toEqual([]);
	});
});

describe('a call is never started twice', () => {
	const UNKNOWN =
		/^Thoughtly's answer was lost, so it is unknown whether the call started — check in Thoughtly before re-running/;

	test.each([
		['a connection reset', { drop: true }, 0],
		['a 500', { status: 500, body: { data: null, error: { message: 'Internal error' } } }, 0],
		[
			'a maintenance page on a 200',
			{ status: 200, rawBody: '<html><h1>Maintenance</h1></html>' },
			0,
		],
	])(
		'%s: the item says it is unknown whether the call started, and the start is not sent again',
		async (_name, fault, started) => {
			const contacts = state().contacts.slice(0, 3);
			sandbox.addFault({ path: '/contact/call', ...fault });
			const result = await startCalls(
				contacts.map((contact) => ({ id: contact.id })),
				{},
				{ continueOnFail: true },
			);
			expect(result.items).toHaveLength(3);
			expect(String(result.items![0].json.message)).toMatch(UNKNOWN);
			expect(result.items!.slice(1).map((item) => item.json.status)).toEqual(['QUEUED', 'QUEUED']);
			// Three items, three start requests: the lost one was not repeated.
			expect(
				callRequests().map((request) => (request.body as { contact_id: string }).contact_id),
			).toEqual(contacts.map((contact) => contact.id));
			expect(state().calls).toHaveLength(2 + started);
			expect(duplicateCalls(state())).toBe(0);
		},
	);

	test('a timeout: the call may well have started (here it did), and it is not started again', async () => {
		const saved = thoughtlyApi.requestTimeoutMs;
		thoughtlyApi.requestTimeoutMs = 400;
		try {
			const contact = state().contacts[0];
			sandbox.addFault({ path: '/contact/call', delayMs: 1_000, passThrough: true });
			const result = await startCalls([{ id: contact.id }]);
			expect(result.error?.message).toMatch(UNKNOWN);
			expect(result.error?.message).toContain('sent no complete answer within 0.4 s');
			await until(() => state().calls.length === 1);
			expect(callRequests()).toHaveLength(1);
			expect(duplicateCalls(state())).toBe(0);
		} finally {
			thoughtlyApi.requestTimeoutMs = saved;
		}
	});

	test('a 429 storm on 200 calls: every refused start is sent again, and each contact is called exactly once', async () => {
		// The first ten starts are refused whatever the machine's speed, then Thoughtly's window holds.
		sandbox.addFault({
			path: '/contact/call',
			status: 429,
			body: { data: null, error: { code: 'RATE_LIMITED', message: 'Rate limit exceeded' } },
			times: 10,
		});
		sandbox.setRateLimit('thoughtly', { limit: 40, windowMs: 1000 });
		// 120 seeded contacts and 80 more: 200 different contacts, each to be called once.
		for (let index = 0; index < 80; index++)
			state().contacts.push({
				...state().contacts[0],
				id: `ct_extra_${index}`,
				phone_number: `+1650555${String(index).padStart(4, '0')}`,
			});
		const contacts = state().contacts.slice(0, 200);
		const result = await startCalls(
			contacts.map((contact) => ({ id: contact.id })),
			{ options: { maxRequests: 0, maxConcurrency: 10 } },
		);
		expect(result.error).toBeUndefined();
		// Every refusal was sent again: at least 210 start requests for 200 calls.
		expect(callRequests().length).toBeGreaterThanOrEqual(210);
		expect(result.items!.map((item) => item.json.contact_id)).toEqual(contacts.map((c) => c.id));
		expect(
			state()
				.calls.map((call) => call.contact_id)
				.sort(),
		).toEqual(contacts.map((contact) => contact.id).sort());
		expect(duplicateCalls(state())).toBe(0);
	}, 60_000);
});

describe('Contact → Create with Call After Create', () => {
	const create = async (parameters: object, items: object[], continueOnFail = false) =>
		await runNode({
			type: 'thoughtly',
			parameters: {
				resource: 'contact',
				operation: 'create',
				phone: '={{ $json.phone }}',
				fullName: '={{ $json.name }}',
				callAfterCreate: true,
				agent: agent('int_002'),
				...parameters,
			},
			items: items as never,
			credentials: credentials(),
			continueOnFail,
		});
	const grace = { phone: '+1 415 555 8800', name: 'Grace Hopper' };

	test('creates the contact, then starts the call with its new ID; outputs both', async () => {
		const result = await create({ metadata: variables([['topic', 'renewal']]) }, [grace]);
		expect(result.error).toBeUndefined();
		const contact = state().contacts[0];
		expect(contact.phone_number).toBe('+14155558800');
		expect(sandbox.requests('thoughtly').map((request) => request.path)).toEqual([
			'/contact/create',
			'/contact/call',
		]);
		expect(callRequests()[0].body).toEqual({
			contact_id: contact.id,
			interview_id: 'int_002',
			metadata: { topic: 'renewal' },
		});
		expect(result.items?.[0].json).toEqual({
			...contact,
			outcome: 'created',
			call: expect.objectContaining({ id: state().calls[0].id, status: 'QUEUED' }),
		});
	});

	test('the call fails: the item says the contact exists and keeps its ID', async () => {
		const result = await create({ agent: agent('int_404') }, [grace], true);
		const contact = state().contacts[0];
		expect(result.items?.[0].json).toEqual({
			message: `Contact ${contact.id} is saved in Thoughtly, but the call after create failed: Thoughtly cannot call contact "${contact.id}" with agent "int_404": Agent not found [item 0]`,
			error: expect.objectContaining({
				contactId: contact.id,
				outcome: 'created',
				httpCode: '404',
			}),
		});
		expect(state().calls).toEqual([]);
	});

	test("the call's answer is lost: the contact exists, the call is unknown, nothing is sent again", async () => {
		sandbox.addFault({ path: '/contact/call', status: 502, body: { error: 'Bad gateway' } });
		const result = await create({}, [grace], true);
		const contact = state().contacts[0];
		expect(String(result.items?.[0].json.message)).toBe(
			`Contact ${contact.id} is saved in Thoughtly, but the call after create failed: Thoughtly's answer was lost, so it is unknown whether the call started — check in Thoughtly before re-running (Thoughtly answered 502: Bad gateway) [item 0]`,
		);
		expect(callRequests()).toHaveLength(1);
		expect(
			sandbox.requests('thoughtly').filter((request) => request.path === '/contact/create'),
		).toHaveLength(1);
	});

	test('a stop names the contact the failed item created, so it is not created again', async () => {
		const result = await create({ agent: agent('int_404') }, [grace]);
		expect(result.error?.message).toMatch(
			/^Contact ct_\S+ is saved in Thoughtly, but the call after create failed/,
		);
	});

	test('bad call input fails before the contact is created', async () => {
		const result = await create(
			{
				metadata: variables([
					['x', '1'],
					['x', '2'],
				]),
			},
			[grace],
		);
		expect(result.error?.message).toMatch(/"x" is given twice/);
		expect(sandbox.requests('thoughtly')).toEqual([]);
	});

	test('without Call After Create, no call is made', async () => {
		const result = await create({ callAfterCreate: false }, [grace]);
		expect(result.items?.[0].json).not.toHaveProperty('call');
		expect(callRequests()).toEqual([]);
	});
});

describe('sandbox: a call that ends is delivered to the subscribed URLs', () => {
	test('NEW_RESPONSE subscribers for that agent (or all agents) get the response; others do not', async () => {
		const received: unknown[] = [];
		const receiver = createServer((req, res) => {
			let text = '';
			req.on('data', (chunk) => (text += chunk));
			req.on('end', () => {
				received.push({ path: req.url, body: JSON.parse(text) });
				res.end('ok');
			});
		});
		await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
		const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
		try {
			state().subscriptions.push(
				{ id: 'wh_1', type: 'NEW_RESPONSE', url: `${url}/all`, data: null },
				{ id: 'wh_2', type: 'NEW_RESPONSE', url: `${url}/other-agent`, data: 'int_002' },
				{ id: 'wh_3', type: 'PHONE_TRANSFER', url: `${url}/transfers`, data: null },
			);
			const contact = state().contacts[0];
			await startCalls([{ id: contact.id }]);
			await until(() => received.length === 1 && state().deliveries[0]?.status === 200);
			expect(received).toEqual([
				{
					path: '/all',
					body: expect.objectContaining({
						id: state().calls[0].id,
						status: 'COMPLETED',
						interview: { id: 'int_001' },
						contact: expect.objectContaining({ id: contact.id }),
					}),
				},
			]);
		} finally {
			await new Promise((resolve) => receiver.close(resolve));
		}
	});
});
