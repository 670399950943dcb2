/**
 * Contactship's calls as AI Agent tools, through n8n-core's createNodeAsTool (the wrapper the AI
 * Agent puts around every node connected as a tool): the inputs the model is asked for and the
 * rules it reads, then the three steps an agent takes — create the contact, look it up by its
 * phone number, call it — run with the values a model would give, against the sandbox.
 */

import { Contactship } from '../../nodes/Contactship/Contactship.node';
import { runNode } from '../harness/n8n';
import { fromAI, modelSide } from '../harness/aiTool';
import { createSandbox } from '../sandbox';
import type { ContactshipState } from '../sandbox/vendors/contactship';
import { CONTACTSHIP_API_KEY } from '../sandbox/vendors/contactship';
import { CS_SEED_AGENTS, CS_SEED_PHONE_NUMBERS } from '../sandbox/vendors/contactshipCalls';

const [AGENT] = CS_SEED_AGENTS;
const FROM = CS_SEED_PHONE_NUMBERS[0];
/** What the user fixes in the node: the agent and the number calls come from. */
const callSetup = {
	agent: { __rl: true, mode: 'list', value: AGENT.id },
	fromNumber: FROM.id,
};
const callByPhone = {
	resource: 'call',
	operation: 'start',
	callTo: 'contact',
	...callSetup,
};

describe('the model side', () => {
	test('Call → Start: the model gives only the contact (by phone number); agent and number are fixed', () => {
		const side = modelSide(new Contactship(), {
			...callByPhone,
			contact: {
				__rl: true,
				mode: 'phone',
				value: fromAI('phone', 'The phone number of the contact to call, with its country code'),
			},
		});
		expect(side.properties).toEqual(['phone']);
		expect(side.required).toEqual(['phone']);
		for (const rule of [
			'call_id',
			'country code',
			'never invent IDs',
			'do not call the same person twice',
			'unknown whether the call started, do not try again',
		])
			expect(side.description).toContain(rule);
	});

	test('Call → Get and Get Many: the model gives a call ID, or only the filters it knows', () => {
		const get = modelSide(new Contactship(), {
			resource: 'call',
			operation: 'get',
			callId: fromAI('callId', 'The call_id returned when the call was started'),
		});
		expect(get.required).toEqual(['callId']);
		expect(get.description).toContain('Never invent a call ID');
		const many = modelSide(new Contactship(), {
			resource: 'call',
			operation: 'getAll',
			filters: { phoneNumber: fromAI('phone', 'Only calls to this number, if known', true) },
		});
		expect(many.required).toEqual([]);
		expect(many.description).toContain('Leave a filter empty rather than guess it');
	});
});

describe('an agent creates, looks up and calls a contact', () => {
	const sandbox = createSandbox();
	beforeAll(async () => {
		await sandbox.start();
	});
	afterAll(async () => await sandbox.close());
	const credentials = () => ({
		contactshipApi: { apiKey: CONTACTSHIP_API_KEY, baseUrl: sandbox.baseUrl('contactship') },
	});
	const state = () => sandbox.state<ContactshipState>('contactship');

	test('with the values a model gives (a number written with spaces and brackets, a name): one contact, one call', async () => {
		// The tool inputs, as the model fills them.
		const created = await runNode({
			type: 'contactship',
			parameters: {
				resource: 'contact',
				operation: 'create',
				phone: '+1 (415) 555-0188',
				fullName: 'Dana Brooks',
				email: '',
			},
			items: [{}],
			credentials: credentials(),
		});
		expect(created.error).toBeUndefined();
		const contactId = created.items![0].json.id;

		const called = await runNode({
			type: 'contactship',
			parameters: {
				...callByPhone,
				contact: { __rl: true, mode: 'phone', value: '+14155550188' },
			},
			items: [{}],
			credentials: credentials(),
		});
		expect(called.error).toBeUndefined();
		expect(called.items![0].json).toMatchObject({
			call_id: state().calls[0].id,
			contact_id: contactId,
			agent_id: AGENT.id,
		});
		expect(state().callStarts).toEqual({ [`${String(contactId)}|${AGENT.id}`]: 1 });

		// The agent checks on the call by the ID it got.
		const checked = await runNode({
			type: 'contactship',
			parameters: { resource: 'call', operation: 'get', callId: state().calls[0].id },
			items: [{}],
			credentials: credentials(),
		});
		expect(checked.items![0].json).toMatchObject({
			id: state().calls[0].id,
			contact: { id: contactId, full_name: 'Dana Brooks' },
		});
	});
});
