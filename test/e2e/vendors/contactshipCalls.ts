/**
 * Contactship's calls in the real n8n (and, byte for byte, on n8n-core in
 * test/nodes/workflows.test.ts): Contact → Create with Call After Create, Create then Call →
 * Start in a second node, Call → Start to a number then Call → Get Many, and the agent and
 * outbound-number dropdowns. The sandbox's seed agents and numbers are the truth here.
 */
import {
	CONTACTSHIP_API_KEY,
	CONTACTSHIP_ORGANIZATION_ID,
} from '../../sandbox/vendors/contactship';
import { CS_SEED_AGENTS, CS_SEED_PHONE_NUMBERS } from '../../sandbox/vendors/contactshipCalls';
import type { E2eDropdown, E2eWorkflow, ExpectedRequest } from '../lib/vendor';

const auth = { 'x-api-key': CONTACTSHIP_API_KEY };
const [SALES_AGENT, SETTER_AGENT, REMINDER_AGENT] = CS_SEED_AGENTS;
const OUTBOUND = CS_SEED_PHONE_NUMBERS.filter((number) => number.type === 'outbound');
const FROM = OUTBOUND[0];

const agent = (id: string) => ({ __rl: true, mode: 'list', value: id });
const createRequest = (body: object): ExpectedRequest => ({
	method: 'POST',
	path: '/v1/contacts',
	body,
	headers: auth,
});
const contactCall = (body: object): ExpectedRequest => ({
	method: 'POST',
	path: '/v1/calls/single-contact-call',
	body: { contact_id: '<uuid>', ...body },
	headers: auth,
});
/** What Contactship answers a start with. */
const started = (agentId: string, contactId: string | null = '<uuid>') => ({
	call_id: '<uuid>',
	agent_id: agentId,
	contact_id: contactId,
	created_at: '<iso-date>',
});
const contact = (phone: string, name: string) => ({
	id: '<uuid>',
	created_at: '<iso-date>',
	phone_number: phone,
	full_name: name,
	country: null,
	email: null,
	description: null,
	additional_data: [],
	organization_id: CONTACTSHIP_ORGANIZATION_ID,
});

export const contactshipCallWorkflows: E2eWorkflow[] = [
	{
		id: 'e2eContactshWf11',
		name: 'Contactship: create contacts and call them (example)',
		example: true,
		// Each new contact is called by the agent once it exists, with a value for the agent's script.
		items: [
			{ name: 'Nora Quinn', phone: '+1 415 555 0111', plan: 'premium' },
			{ name: 'Omar Haddad', phone: '+1 415 555 0112', plan: 'basic' },
		],
		parameters: {
			resource: 'contact',
			operation: 'create',
			phone: '={{ $json.phone }}',
			fullName: '={{ $json.name }}',
			callAfterCreate: true,
			agent: agent(SALES_AGENT.id),
			fromNumber: FROM.id,
			metadata: { field: [{ key: 'plan', value: '={{ $json.plan }}' }] },
			// One at a time, so the sandbox sees the requests in a fixed order.
			options: { maxConcurrency: 1 },
		},
		expectedRequests: [
			createRequest({ phone_number: '+14155550111', full_name: 'Nora Quinn' }),
			contactCall({
				agent_id: SALES_AGENT.id,
				from_number_id: FROM.id,
				additional_data: [{ key: 'plan', value: 'premium' }],
			}),
			createRequest({ phone_number: '+14155550112', full_name: 'Omar Haddad' }),
			contactCall({
				agent_id: SALES_AGENT.id,
				from_number_id: FROM.id,
				additional_data: [{ key: 'plan', value: 'basic' }],
			}),
		],
		expectedOutput: [
			{
				json: {
					...contact('+14155550111', 'Nora Quinn'),
					appliedTags: [],
					outcome: 'created',
					call: started(SALES_AGENT.id),
				},
				pairedItem: 0,
			},
			{
				json: {
					...contact('+14155550112', 'Omar Haddad'),
					appliedTags: [],
					outcome: 'created',
					call: started(SALES_AGENT.id),
				},
				pairedItem: 1,
			},
		],
	},
	{
		id: 'e2eContactshWf12',
		name: 'Contactship: create a contact, then Call → Start in a second node',
		// The From Number is given as the number itself: the call node looks its ID up.
		items: [{ name: 'Pia Lund', phone: '+46 8 123 456 78' }],
		parameters: {
			resource: 'contact',
			operation: 'create',
			phone: '={{ $json.phone }}',
			fullName: '={{ $json.name }}',
		},
		then: [
			{
				name: 'Call the contact',
				parameters: {
					resource: 'call',
					operation: 'start',
					contact: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
					agent: agent(SETTER_AGENT.id),
					fromNumber: OUTBOUND[3].phone_number,
					delay: 15,
				},
			},
		],
		expectedRequests: [
			createRequest({ phone_number: '+46812345678', full_name: 'Pia Lund' }),
			{
				method: 'GET',
				path: '/v1/phone-numbers',
				query: { type: 'outbound', limit: '100', offset: '0', order: 'asc' },
				headers: auth,
			},
			contactCall({ agent_id: SETTER_AGENT.id, from_number_id: OUTBOUND[3].id, delay: 15 }),
		],
		expectedOutput: [{ json: started(SETTER_AGENT.id), pairedItem: 0 }],
	},
	{
		id: 'e2eContactshWf13',
		name: 'Contactship: call numbers, then Call → Get Many',
		// Two calls in 10 minutes to numbers with no contact; then, for each, the agent's calls.
		items: [
			{ name: 'Raj Patel', phone: '+1 202 555 0181' },
			{ name: 'Sun Li', phone: '+1 202 555 0182' },
		],
		parameters: {
			resource: 'call',
			operation: 'start',
			callTo: 'phoneNumber',
			phone: '={{ $json.phone }}',
			fullName: '={{ $json.name }}',
			agent: agent(REMINDER_AGENT.id),
			fromNumber: FROM.id,
			delay: 10,
			options: { maxConcurrency: 1 },
		},
		then: [
			{
				name: 'Calls of the agent',
				parameters: {
					resource: 'call',
					operation: 'getAll',
					returnAll: true,
					filters: { agent: REMINDER_AGENT.id },
					options: { order: 'asc', maxConcurrency: 1 },
				},
			},
		],
		manyPerItem: true,
		expectedRequests: [
			{
				method: 'GET',
				path: '/v1/phone-numbers',
				query: { type: 'outbound', limit: '100', offset: '0', order: 'asc' },
				headers: auth,
			},
			...['+12025550181', '+12025550182'].map((to, index) => ({
				method: 'POST',
				path: '/v1/calls/single-phone-call',
				body: {
					from_number: FROM.phone_number,
					agent_id: REMINDER_AGENT.id,
					to_number: to,
					full_name: index === 0 ? 'Raj Patel' : 'Sun Li',
					delay: 10,
				},
				headers: auth,
			})),
			...[0, 1].map(() => ({
				method: 'GET',
				path: '/v1/calls',
				query: { limit: '100', offset: '0', order: 'asc', agent_id: REMINDER_AGENT.id },
				headers: auth,
			})),
		],
		expectedOutput: [0, 1].flatMap((pairedItem) =>
			[
				['Raj Patel', '+12025550181'],
				['Sun Li', '+12025550182'],
			].map(([name, phone]) => ({
				json: {
					id: '<uuid>',
					call_status: 'scheduled',
					call_result: null,
					duration: null,
					created_at: '<iso-date>',
					finished_at: null,
					agent_id: REMINDER_AGENT.id,
					contact_id: null,
					contact_name: name,
					contact_phone: phone,
					summary: null,
					sentiment: null,
					call_record: null,
				},
				pairedItem,
			})),
		),
	},
];

export const contactshipCallDropdowns: E2eDropdown[] = [
	{
		kind: 'listSearch',
		methodName: 'searchAgents',
		parameterPath: 'agent',
		filter: 'remind',
		currentNodeParameters: { resource: 'call', operation: 'start' },
		expected: [{ name: 'Payment Reminder (Ava)', value: REMINDER_AGENT.id }],
		expectedRequests: [{ method: 'GET', path: '/v1/agents', headers: auth }],
	},
	{
		methodName: 'getOutboundNumbers',
		parameterPath: 'fromNumber',
		currentNodeParameters: { resource: 'call', operation: 'start' },
		expected: OUTBOUND.map((number) => ({ name: number.phone_number, value: number.id })).sort(
			(a, b) => a.name.localeCompare(b.name),
		),
		expectedRequests: [
			{
				method: 'GET',
				path: '/v1/phone-numbers',
				query: { type: 'outbound', limit: '100', offset: '0', order: 'asc' },
				headers: auth,
			},
		],
	},
];
