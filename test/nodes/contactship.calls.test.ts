/**
 * Contactship's calls through n8n-core's engine against the sandbox (which plays the call
 * endpoints as Contactship documents them): Call → Start to a contact or a number, Call → Get,
 * Call → Get Many, Contact → Create with Call After Create, and the faults where a start's
 * answer is lost (never sent again) or refused with 429 (sent again until started once).
 */
import type { INodeParameters } from 'n8n-workflow';

import { contactshipApi } from '../../nodes/Contactship/api';
import { listSearch, loadOptions, runNode } from '../harness/n8n';
import { createSandbox } from '../sandbox';
import type { ContactshipState } from '../sandbox/vendors/contactship';
import { CONTACTSHIP_API_KEY, CONTACTSHIP_ORGANIZATION_ID } from '../sandbox/vendors/contactship';
import type { ContactshipCall } from '../sandbox/vendors/contactshipCalls';
import { CS_SEED_AGENTS, CS_SEED_PHONE_NUMBERS } from '../sandbox/vendors/contactshipCalls';

const sandbox = createSandbox();
beforeAll(async () => {
	await sandbox.start();
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const [SALES_AGENT, SETTER_AGENT] = CS_SEED_AGENTS;
const OUTBOUND = CS_SEED_PHONE_NUMBERS.filter((number) => number.type === 'outbound');
const FROM = OUTBOUND[0];

const credentials = () => ({
	contactshipApi: { apiKey: CONTACTSHIP_API_KEY, baseUrl: sandbox.baseUrl('contactship') },
});
const state = () => sandbox.state<ContactshipState>('contactship');
const starts = () =>
	sandbox
		.requests('contactship')
		.filter((request) => request.method === 'POST' && request.path.startsWith('/v1/calls/'));
const totalStarts = () => Object.values(state().callStarts).reduce((sum, count) => sum + count, 0);

/** Contacts stored at the vendor, as a create would have left them. */
function seedContacts(count: number): string[] {
	return Array.from({ length: count }, (_, index) => {
		const id = `c0c00000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`;
		state().contacts.push({
			id,
			created_at: new Date().toISOString(),
			phone_number: `+1415555${String(1000 + index).padStart(4, '0')}`,
			full_name: `Contact ${index + 1}`,
			country: null,
			email: `contact${index + 1}@example.com`,
			description: null,
			additional_data: [],
			organization_id: CONTACTSHIP_ORGANIZATION_ID,
		});
		return id;
	});
}

const agent = (id = SALES_AGENT.id) => ({ __rl: true, mode: 'list', value: id });

async function call(items: object[], parameters: object, continueOnFail = false) {
	return await runNode({
		type: 'contactship',
		parameters: {
			resource: 'call',
			operation: 'start',
			agent: agent(),
			fromNumber: FROM.id,
			...parameters,
		},
		items: items as never,
		credentials: credentials(),
		continueOnFail,
	});
}

const toContact = { contact: { __rl: true, mode: 'id', value: '={{ $json.id }}' } };

describe('Call → Start', () => {
	test('to a contact: Contactship receives the documented body, the item outputs the call ID', async () => {
		const [contactId] = seedContacts(1);
		const run = await call([{ id: contactId }], {
			...toContact,
			metadata: { field: [{ key: 'amount_due', value: '140.50' }] },
			delay: 5,
			options: { trackingMetadata: { field: [{ key: 'crm_id', value: 'D-17' }] } },
		});
		expect(run.error).toBeUndefined();
		expect(starts().map((request) => request.body)).toEqual([
			{
				contact_id: contactId,
				agent_id: SALES_AGENT.id,
				from_number_id: FROM.id,
				additional_data: [{ key: 'amount_due', value: '140.50' }],
				delay: 5,
				metadata: { crm_id: 'D-17' },
			},
		]);
		const [callRecord] = state().calls;
		expect(run.items!.map((item) => item.json)).toEqual([
			{
				call_id: callRecord.id,
				agent_id: SALES_AGENT.id,
				contact_id: contactId,
				created_at: callRecord.created_at,
			},
		]);
		expect(run.items![0].pairedItem).toEqual({ item: 0 });
		expect(state().callStarts).toEqual({ [`${contactId}|${SALES_AGENT.id}`]: 1 });
	});

	test('to a contact found by its email, scheduled in a time zone', async () => {
		const [contactId] = seedContacts(1);
		const run = await call([{}], {
			contact: { __rl: true, mode: 'email', value: 'contact1@example.com' },
			schedule: { date: '2030-06-15T14:30:00', timezone: 'America/New_York' },
		});
		expect(run.error).toBeUndefined();
		expect(sandbox.requests('contactship').map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /v1/contacts/contact1%40example.com',
			'POST /v1/calls/single-contact-call',
		]);
		expect(starts()[0].body).toMatchObject({
			contact_id: contactId,
			schedule: { date: '2030-06-15 14:30:00', timezone: 'America/New_York' },
		});
	});

	test('to a phone number with no contact: the From Number ID is sent as the number it stands for', async () => {
		const run = await call([{ phone: '(415) 555-2671', name: 'Jane Smith' }], {
			callTo: 'phoneNumber',
			phone: '={{ $json.phone }}',
			fullName: '={{ $json.name }}',
			fromNumber: OUTBOUND[4].id,
			options: { defaultCountry: 'US', webhookUrl: 'https://example.com/hook' },
		});
		expect(run.error).toBeUndefined();
		expect(starts().map((request) => request.body)).toEqual([
			{
				from_number: OUTBOUND[4].phone_number,
				agent_id: SALES_AGENT.id,
				to_number: '+14155552671',
				full_name: 'Jane Smith',
				webhook_url: 'https://example.com/hook',
			},
		]);
		expect(run.items![0].json.call_id).toBe(state().calls[0].id);
		expect(state().callStarts).toEqual({ [`+14155552671|${SALES_AGENT.id}`]: 1 });
	});

	test('a From Number given as the number itself is sent as its ID to a contact call', async () => {
		const [contactId] = seedContacts(1);
		const run = await call([{ id: contactId }], {
			...toContact,
			fromNumber: OUTBOUND[2].phone_number,
		});
		expect(run.error).toBeUndefined();
		expect(starts()[0].body).toMatchObject({ from_number_id: OUTBOUND[2].id });
	});

	test("an unknown contact ID fails the item in Contactship's words; no call starts", async () => {
		const run = await call([{ id: 'c0c00000-0000-4000-8000-999999999999' }], toContact, true);
		expect(run.items![0].json.message).toBe('Contactship answered 404: Contact not found [item 0]');
		expect(state().calls).toEqual([]);
	});

	test.each([
		[
			'a malformed email',
			{ contact: { __rl: true, mode: 'email', value: 'jane@' } },
			'Email "jane@" is not a valid email address [item 0]',
		],
		[
			'a delay and a schedule together',
			{ ...toContact, delay: 3, schedule: { date: '2030-01-01T09:00:00', timezone: 'UTC' } },
			'A call has either a delay or a schedule, not both [item 0]',
		],
		[
			'a time zone that does not exist',
			{ ...toContact, schedule: { date: '2030-01-01T09:00:00', timezone: 'Mars/Olympus' } },
			'Schedule: Time Zone "Mars/Olympus" is not a time zone [item 0]',
		],
		[
			'an agent expression that gives nothing',
			{ ...toContact, agent: { __rl: true, mode: 'id', value: '={{ $json.agent }}' } },
			'Agent is required [item 0]',
		],
	])('%s fails before anything is sent', async (_name, parameters, message) => {
		const [contactId] = seedContacts(1);
		const run = await call([{ id: contactId }], parameters, true);
		expect(run.items!.map((item) => item.json.message)).toEqual([message]);
		expect(sandbox.requests('contactship')).toEqual([]);
	});

	test('a From Number that is not an outbound number of the organisation fails before the call', async () => {
		const [contactId] = seedContacts(1);
		const inbound = CS_SEED_PHONE_NUMBERS.find((number) => number.type === 'inbound')!;
		const run = await call(
			[{ id: contactId }],
			{ ...toContact, fromNumber: inbound.phone_number },
			true,
		);
		expect(run.items![0].json.message).toBe(
			`From Number "${inbound.phone_number}" is not one of the outbound numbers of your Contactship organisation [item 0]`,
		);
		expect(starts()).toEqual([]);
	});
});

describe('a start whose answer is lost is never sent again', () => {
	const faults = [
		['a connection reset', { drop: true }],
		['a 500', { status: 500, body: { statusCode: 500, message: 'Internal server error' } }],
		['a 502 proxy page', { status: 502, rawBody: '<html><body>Bad gateway</body></html>' }],
		['a 200 that names no call', { status: 200, body: { ok: true } }],
	] as const;

	test.each(faults)(
		'%s: the item says to check, the call is started once',
		async (_name, fault) => {
			const [contactId] = seedContacts(1);
			sandbox.addFault({ method: 'POST', path: '/v1/calls/single-contact-call', ...fault });
			const run = await call([{ id: contactId }], toContact, true);
			expect(String(run.items![0].json.message)).toContain(
				'unknown whether the call started — check in Contactship before re-running',
			);
			expect(starts()).toHaveLength(1);
			// A dropped or failed answer may still have started the call (passThrough): never a second one.
			expect(totalStarts()).toBeLessThanOrEqual(1);
		},
	);

	test('a timeout: the node stops waiting and says the call may be ringing', async () => {
		const [contactId] = seedContacts(1);
		const saved = contactshipApi.requestTimeoutMs;
		contactshipApi.requestTimeoutMs = 1_000;
		try {
			// The vendor starts the call but answers after the node stopped waiting.
			sandbox.addFault({
				method: 'POST',
				path: '/v1/calls/single-contact-call',
				delayMs: 3_000,
				passThrough: true,
			});
			const run = await call([{ id: contactId }], toContact, true);
			expect(run.items![0].json.message).toBe(
				"Contactship's answer was lost, so it is unknown whether the call started — check in Contactship before re-running (Contactship sent no complete answer within 1 s, so the node stopped waiting) [item 0]",
			);
			await new Promise((resolve) => setTimeout(resolve, 2_500));
			expect(starts()).toHaveLength(1);
			expect(state().callStarts).toEqual({ [`${contactId}|${SALES_AGENT.id}`]: 1 });
		} finally {
			contactshipApi.requestTimeoutMs = saved;
		}
	});

	test('without Continue On Fail, the run stops at the item and names nothing else as done', async () => {
		const [first, second] = seedContacts(2);
		sandbox.addFault({ method: 'POST', path: '/v1/calls/single-contact-call', drop: true });
		const run = await call([{ id: first }, { id: second }], {
			...toContact,
			options: { maxConcurrency: 1 },
		});
		expect(run.error?.message).toContain('unknown whether the call started [item 0]'.slice(0, 30));
		expect(starts()).toHaveLength(1);
	});
});

test('a 429 storm on 200 calls: every call is started exactly once', async () => {
	const contactIds = seedContacts(200);
	// Refusals the vendor's own limit gives when the machine is fast enough, and 60 that come whatever its speed.
	sandbox.setRateLimit('contactship', { limit: 40, windowMs: 1000 });
	sandbox.addFault({
		method: 'POST',
		path: '/v1/calls/single-contact-call',
		status: 429,
		body: {
			statusCode: 429,
			message: 'Too many requests, please slow down',
			error: 'Too Many Requests',
		},
		headers: { 'Retry-After': '1' },
		times: 60,
	});
	const run = await call(
		contactIds.map((id) => ({ id })),
		{ ...toContact, options: { maxRequests: 0, maxConcurrency: 10 } },
	);
	expect(run.error).toBeUndefined();
	expect(starts().length).toBeGreaterThanOrEqual(260);
	expect(run.items).toHaveLength(200);
	expect(run.items!.map((item) => item.json.contact_id)).toEqual(contactIds);
	expect(Object.values(state().callStarts)).toEqual(contactIds.map(() => 1));
	expect(Object.keys(state().callStarts).sort()).toEqual(
		contactIds.map((id) => `${id}|${SALES_AGENT.id}`).sort(),
	);
}, 120_000);

/** Calls stored at the vendor, created a second apart, long ended. */
function seedCalls(count: number, agentId = SALES_AGENT.id): ContactshipCall[] {
	const start = Date.now() - count * 1000 - 60_000;
	for (let index = 0; index < count; index++) {
		const created = start + index * 1000;
		state().calls.push({
			id: `ca110000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`,
			seq: index,
			created_at: new Date(created).toISOString(),
			agent_id: index % 5 === 4 ? SETTER_AGENT.id : agentId,
			contact_id: null,
			contact: {
				id: null,
				full_name: `Callee ${index + 1}`,
				phone_number: `+1202555${String(2000 + index).padStart(4, '0')}`,
				email: null,
				country: null,
			},
			from: FROM.phone_number,
			additional_data: [],
			metadata: null,
			webhook_url: null,
			placeAt: created,
			scheduled: false,
		});
	}
	return state().calls;
}

describe('Call → Get', () => {
	test('an ended call: status, result, duration, summary; the transcript only when asked', async () => {
		const [first] = seedCalls(1);
		const get = async (options: INodeParameters) =>
			await runNode({
				type: 'contactship',
				parameters: { resource: 'call', operation: 'get', callId: first.id, options },
				items: [{}],
				credentials: credentials(),
			});
		const plain = await get({});
		expect(plain.items![0].json).toMatchObject({
			id: first.id,
			call_status: 'completed',
			call_result: 'answered',
			duration: 317,
			call_analysis: { summary: expect.any(String), sentiment: 'positive' },
		});
		expect(plain.items![0].json.chat_history).toBeUndefined();
		const withTranscript = await get({ includeTranscript: true });
		expect(withTranscript.items![0].json.chat_history).toHaveLength(2);
		expect(sandbox.requests('contactship').map((request) => request.query)).toEqual([
			{ include_transcript: 'false' },
			{ include_transcript: 'true' },
		]);
	});

	test('an unknown call ID fails the item naming the ID', async () => {
		const run = await runNode({
			type: 'contactship',
			parameters: { resource: 'call', operation: 'get', callId: 'nope-123' },
			items: [{}],
			credentials: credentials(),
			continueOnFail: true,
		});
		expect(run.items![0].json.message).toBe(
			'Contactship has no call with the ID nope-123 (Contactship answered 404: Call not found) [item 0]',
		);
	});

	test('a call moves from queued to in progress to ended', async () => {
		const [contactId] = seedContacts(1);
		state().callTimings = { queueMs: 300, talkMs: 300 };
		const started = await call([{ id: contactId }], toContact);
		const callId = started.items![0].json.call_id as string;
		const status = async () =>
			(
				await runNode({
					type: 'contactship',
					parameters: { resource: 'call', operation: 'get', callId },
					items: [{}],
					credentials: credentials(),
				})
			).items![0].json.call_status;
		expect(await status()).toBe('in-queue');
		await new Promise((resolve) => setTimeout(resolve, 800));
		expect(await status()).toBe('completed');
	});
});

describe('Call → Get Many', () => {
	const getMany = async (parameters: object) =>
		await runNode({
			type: 'contactship',
			parameters: { resource: 'call', operation: 'getAll', ...parameters },
			items: [{}],
			credentials: credentials(),
		});

	test('Return All reads 250 calls over 3 pages, one item per call, each paired with the input', async () => {
		seedCalls(250);
		const run = await getMany({ returnAll: true });
		expect(run.items).toHaveLength(250);
		expect(new Set(run.items!.map((item) => item.json.id)).size).toBe(250);
		expect(run.items!.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(sandbox.requests('contactship').map((request) => request.query)).toEqual([
			{ limit: '100', offset: '0', order: 'desc' },
			{ limit: '100', offset: '100', order: 'desc' },
			{ limit: '100', offset: '200', order: 'desc' },
		]);
		// Simplified: newest first.
		expect(Object.keys(run.items![0].json).sort()).toEqual(
			[
				'agent_id',
				'call_record',
				'call_result',
				'call_status',
				'contact_id',
				'contact_name',
				'contact_phone',
				'created_at',
				'duration',
				'finished_at',
				'id',
				'sentiment',
				'summary',
			].sort(),
		);
		expect(run.items![0].json.id).toBe(state().calls[249].id);
	});

	test('Limit and filters are sent as Contactship documents them', async () => {
		seedCalls(30);
		const run = await getMany({
			limit: 3,
			simplify: false,
			filters: {
				agent: SETTER_AGENT.id,
				callResult: 'answered',
				dateFrom: '2020-01-01T00:00:00',
				phoneNumber: '+1 202 555 2004',
			},
		});
		expect(sandbox.requests('contactship')[0].query).toEqual({
			limit: '100',
			offset: '0',
			order: 'desc',
			agent_id: SETTER_AGENT.id,
			call_result: 'answered',
			date_from: '2020-01-01T00:00:00',
			phoneNumber: '+12025552004',
		});
		expect(run.items!.map((item) => item.json.id)).toEqual([state().calls[4].id]);
	});

	test('a malformed date fails before anything is sent', async () => {
		const run = await runNode({
			type: 'contactship',
			parameters: { resource: 'call', operation: 'getAll', filters: { dateFrom: '31/12/2025' } },
			items: [{}],
			credentials: credentials(),
			continueOnFail: true,
		});
		expect(String(run.items![0].json.message)).toContain('is not a date');
		expect(sandbox.requests('contactship')).toEqual([]);
	});
});

describe('Contact → Create with Call After Create', () => {
	const create = async (items: object[], parameters: object = {}, continueOnFail = false) =>
		await runNode({
			type: 'contactship',
			parameters: {
				phone: '={{ $json.phone }}',
				fullName: '={{ $json.name }}',
				callAfterCreate: true,
				agent: agent(SETTER_AGENT.id),
				fromNumber: FROM.id,
				metadata: { field: [{ key: 'plan', value: 'premium' }] },
				...parameters,
			},
			items: items as never,
			credentials: credentials(),
			continueOnFail,
		});

	test('creates the contact, then calls it: the item holds both', async () => {
		const run = await create([{ phone: '+14155550001', name: 'Ana Ruiz' }]);
		expect(run.error).toBeUndefined();
		const [contact] = state().contacts;
		expect(sandbox.requests('contactship').map((r) => `${r.method} ${r.path}`)).toEqual([
			'POST /v1/contacts',
			'POST /v1/calls/single-contact-call',
		]);
		expect(starts()[0].body).toEqual({
			contact_id: contact.id,
			agent_id: SETTER_AGENT.id,
			from_number_id: FROM.id,
			additional_data: [{ key: 'plan', value: 'premium' }],
		});
		expect(run.items![0].json).toMatchObject({
			id: contact.id,
			outcome: 'created',
			call: { call_id: state().calls[0].id, contact_id: contact.id },
		});
	});

	test('a call that fails after the create: the error says the contact exists and carries its ID', async () => {
		sandbox.addFault({ method: 'POST', path: '/v1/calls/single-contact-call', status: 500 });
		const run = await create([{ phone: '+14155550002', name: 'Leo Park' }], {}, true);
		const [contact] = state().contacts;
		const json = run.items![0].json as { message: string; error: Record<string, unknown> };
		expect(json.message).toBe(
			`Contact ${contact.id} is saved in Contactship, but the call after create failed: Contactship's answer was lost, so it is unknown whether the call started — check in Contactship before re-running (Contactship answered 500: no error message given) [item 0]`,
		);
		expect(json.error).toMatchObject({
			contactId: contact.id,
			appliedTags: [],
			outcome: 'created',
		});
		expect(starts()).toHaveLength(1);
		expect(state().contacts).toHaveLength(1);
	});

	test('a From Number that is not an outbound number fails before the contact is created', async () => {
		const run = await create(
			[{ phone: '+14155550004', name: 'Ida Bell' }],
			{ fromNumber: '+1 999 555 0000' },
			true,
		);
		expect(run.items![0].json.message).toBe(
			'From Number "+1 999 555 0000" is not one of the outbound numbers of your Contactship organisation [item 0]',
		);
		expect(sandbox.requests('contactship').map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /v1/phone-numbers',
		]);
		expect(state().contacts).toEqual([]);
	});

	test('bad call settings fail before the contact is created', async () => {
		const run = await create(
			[{ phone: '+14155550003', name: 'Kim Lee' }],
			{ agent: { __rl: true, mode: 'id', value: '={{ $json.agent }}' } },
			true,
		);
		expect(run.items![0].json.message).toBe('Agent is required [item 0]');
		expect(sandbox.requests('contactship')).toEqual([]);
	});
});

describe('dropdowns', () => {
	test('agents are searched by name; outbound numbers are read over every page', async () => {
		const found = await listSearch({
			type: 'contactship',
			method: 'searchAgents',
			filter: 'setter',
			credentials: credentials(),
		});
		expect(found.results).toEqual([{ name: 'Appointment Setter (Mateo)', value: SETTER_AGENT.id }]);
		const numbers = await loadOptions({
			type: 'contactship',
			method: 'getOutboundNumbers',
			credentials: credentials(),
		});
		expect(numbers.map((option) => option.value).sort()).toEqual(
			OUTBOUND.map((number) => number.id).sort(),
		);
	});
});
