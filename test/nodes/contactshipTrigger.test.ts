/**
 * The Contactship Trigger polled through n8n-core's PollContext against the sandbox, whose calls
 * end with the clock: each ended call is emitted exactly once however the polls fall, none is
 * missed (a call still running holds the cursor back; one written late is caught by the overlap),
 * and "Fetch Test Event" shows the latest ended call without moving the cursor.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { pollNode, runNode } from '../harness/n8n';
import { createSandbox } from '../sandbox';
import type { ContactshipState } from '../sandbox/vendors/contactship';
import { CONTACTSHIP_API_KEY } from '../sandbox/vendors/contactship';
import type { ContactshipCall } from '../sandbox/vendors/contactshipCalls';
import { CS_SEED_AGENTS, CS_SEED_PHONE_NUMBERS } from '../sandbox/vendors/contactshipCalls';

const sandbox = createSandbox();
beforeAll(async () => {
	await sandbox.start();
});
afterAll(async () => await sandbox.close());
beforeEach(() => {
	sandbox.reset();
	// A call stays queued until a test ends it (`end`): no test depends on how fast the machine is.
	state().callTimings = { queueMs: HOUR_MS, talkMs: 0 };
});
const HOUR_MS = 3_600_000;

/** Ends the given calls (all when none given) now. */
function end(callIds?: string[]): void {
	for (const call of state().calls)
		if (!callIds || callIds.includes(call.id)) call.placeAt = Date.now() - HOUR_MS - 1;
}

const [SALES_AGENT, SETTER_AGENT] = CS_SEED_AGENTS;
const FROM = CS_SEED_PHONE_NUMBERS[0];
const credentials = () => ({
	contactshipApi: { apiKey: CONTACTSHIP_API_KEY, baseUrl: sandbox.baseUrl('contactship') },
});
const state = () => sandbox.state<ContactshipState>('contactship');

/** One active workflow: its static data lives as long as the workflow, across polls. */
function activeTrigger(parameters: INodeParameters = {}) {
	const staticData: IDataObject = {};
	const emitted: IDataObject[] = [];
	return {
		staticData,
		emitted,
		async poll(): Promise<IDataObject[]> {
			const output = await pollNode({
				type: 'contactshipTrigger',
				parameters,
				credentials: credentials(),
				staticData,
			});
			const calls = (output?.[0] ?? []).map((item) => item.json);
			emitted.push(...calls);
			return calls;
		},
	};
}

/** Starts calls through the node, as a workflow would: to numbers with no contact. */
async function startCalls(count: number, agentId = SALES_AGENT.id, offset = 0): Promise<string[]> {
	const run = await runNode({
		type: 'contactship',
		parameters: {
			resource: 'call',
			operation: 'start',
			callTo: 'phoneNumber',
			phone: '={{ $json.phone }}',
			fullName: 'Test Callee',
			agent: { __rl: true, mode: 'id', value: agentId },
			fromNumber: FROM.id,
			options: { maxRequests: 0, maxConcurrency: 10 },
		},
		items: Array.from({ length: count }, (_, index) => ({
			phone: `+1202555${String(3000 + offset + index)}`,
		})),
		credentials: credentials(),
	});
	expect(run.error).toBeUndefined();
	return run.items!.map((item) => String(item.json.call_id));
}

const ids = (calls: IDataObject[]) => calls.map((call) => call.id);

test('each call is emitted once, when it has ended, across several polls', async () => {
	const trigger = activeTrigger();
	// Ended before the workflow was activated: not emitted.
	const before = await startCalls(2);
	end(before);
	expect(await trigger.poll()).toEqual([]);

	const first = await startCalls(3, SALES_AGENT.id, 10);
	// Still queued: nothing yet, and the cursor waits for them.
	expect(await trigger.poll()).toEqual([]);
	end(first);
	expect(ids(await trigger.poll())).toEqual(first);
	expect(await trigger.poll()).toEqual([]);

	const second = await startCalls(2, SALES_AGENT.id, 20);
	end(second);
	const polled = await trigger.poll();
	expect(ids(polled)).toEqual(second);
	expect(await trigger.poll()).toEqual([]);

	expect(ids(trigger.emitted)).toEqual([...first, ...second]);
	expect(ids(trigger.emitted)).not.toEqual(expect.arrayContaining(before));
	// What an emitted call looks like: the call as GET /v1/calls lists it (the sixth call the sandbox plays goes to voicemail).
	expect(polled[0]).toMatchObject({
		id: second[0],
		call_status: 'voice_mail',
		call_result: 'voicemail',
		finished_at: expect.any(String),
		call_analysis: { summary: expect.any(String), sentiment: 'neutral' },
		agent_id: SALES_AGENT.id,
		contact: { phone_number: '+12025553020' },
	});
});

test('a long call keeps the cursor behind it: calls ending out of order are all emitted once', async () => {
	const trigger = activeTrigger();
	// A call that started half an hour ago, longer than the overlap, is still running at activation.
	const [long] = await startCalls(1);
	state().calls[0].created_at = new Date(Date.now() - 30 * 60_000).toISOString();
	await trigger.poll();
	const quick = await startCalls(3, SALES_AGENT.id, 10);
	end(quick);
	expect(ids(await trigger.poll())).toEqual(quick);
	expect(trigger.staticData).toMatchObject({
		'node:Contactship Trigger': { cursor: state().calls[0].created_at },
	});
	end([long]);
	expect(ids(await trigger.poll())).toEqual([long]);
	expect(await trigger.poll()).toEqual([]);
	expect(trigger.staticData).toMatchObject({
		'node:Contactship Trigger': { cursor: state().calls[3].created_at },
	});
});

test('a call written late, with a creation time before the cursor, is still emitted', async () => {
	const trigger = activeTrigger();
	await trigger.poll();
	end(await startCalls(1));
	expect(await trigger.poll()).toHaveLength(1);
	// The vendor shows a call created two minutes ago only now.
	const late: ContactshipCall = {
		...state().calls[0],
		id: 'ca11ate0-0000-4000-8000-000000000001',
		seq: 1,
		created_at: new Date(Date.now() - 120_000).toISOString(),
		placeAt: Date.now() - 120_000 - HOUR_MS,
	};
	state().calls.push(late);
	expect(ids(await trigger.poll())).toEqual([late.id]);
	expect(await trigger.poll()).toEqual([]);
});

test('250 calls ending between two polls: read to the last page, each emitted once', async () => {
	const trigger = activeTrigger();
	await trigger.poll();
	const started = await startCalls(250);
	end();
	const polled = await trigger.poll();
	expect(ids(polled)).toEqual(started);
	const pages = sandbox
		.requests('contactship')
		.filter((request) => request.method === 'GET' && request.path === '/v1/calls')
		.slice(-3)
		.map((request) => request.query.offset);
	expect(pages).toEqual(['0', '100', '200']);
	expect(await trigger.poll()).toEqual([]);
}, 60_000);

test('filtered by result and agent: only matching calls, still each once', async () => {
	const trigger = activeTrigger({ results: ['voicemail', 'busy'], agent: SETTER_AGENT.id });
	await trigger.poll();
	// The sandbox's calls end in turn: answered, voicemail, no answer, busy.
	await startCalls(4, SETTER_AGENT.id);
	await startCalls(4, SALES_AGENT.id, 10);
	end();
	const polled = await trigger.poll();
	expect(polled.map((call) => [call.agent_id, call.call_result])).toEqual([
		[SETTER_AGENT.id, 'voicemail'],
		[SETTER_AGENT.id, 'busy'],
	]);
	expect(await trigger.poll()).toEqual([]);
	const query = sandbox.requests('contactship').at(-1)!.query;
	expect(query).toMatchObject({ agent_id: SETTER_AGENT.id, order: 'asc' });
});

test('Fetch Test Event shows the latest ended call and leaves the cursor alone', async () => {
	const [older] = await startCalls(1);
	// A later creation time than the first call's (two calls can share a millisecond).
	await new Promise((resolve) => setTimeout(resolve, 5));
	const [latestEnded] = await startCalls(1, SALES_AGENT.id, 5);
	end([older, latestEnded]);
	await startCalls(1, SALES_AGENT.id, 10);
	const staticData: IDataObject = {};
	const output = await pollNode({
		type: 'contactshipTrigger',
		parameters: {},
		credentials: credentials(),
		staticData,
		mode: 'manual',
	});
	expect(output?.[0].map((item) => item.json.id)).toEqual([latestEnded]);
	expect(staticData).toEqual({});
});
