/**
 * Thoughtly in the real n8n: the sandbox's seed data (test/sandbox/vendors/thoughtly.ts) is
 * the truth every expectation below is written against.
 *
 * Every request carries both auth headers (`x-api-token` and `team_id`); every answer is the
 * `{data, error}` envelope, and a duplicate phone number comes back as an envelope error on
 * a 200 (the sandbox's ASSUMPTION, see its header).
 */
import {
	THOUGHTLY_DUPLICATE_MESSAGE,
	THOUGHTLY_OTHER_TEAM_ID,
	THOUGHTLY_TEAM_ID,
	THOUGHTLY_TOKEN,
	thoughtlySandbox,
} from '../../sandbox/vendors/thoughtly';
import type { E2eVendor, ExpectedRequest } from '../lib/vendor';

/** Both headers of the credential's `authenticate` block, on every request. */
const auth = { 'x-api-token': THOUGHTLY_TOKEN, team_id: THOUGHTLY_TEAM_ID };

const create = (body: object): ExpectedRequest => ({
	method: 'POST',
	path: '/contact/create',
	body,
	headers: auth,
});
const listPage = (page: number, extra: Record<string, string> = {}): ExpectedRequest => ({
	method: 'GET',
	path: '/contact',
	query: { ...extra, page: String(page), limit: '50' },
	headers: auth,
});

/** The seeded contacts, newest first, as Get Many with Simplify outputs them. */
const seeded = thoughtlySandbox
	.createState()
	.contacts.map(({ id, name, phone_number, email, tags, created_at }) => ({
		id,
		name,
		phone_number,
		email,
		tags,
		created_at,
	}));
const seededContact = (id: string) =>
	thoughtlySandbox.createState().contacts.find((c) => c.id === id)!;

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const agent = (value: string, name: string) => ({
	__rl: true,
	mode: 'list',
	value,
	cachedResultName: name,
});
const startCall = (body: object): ExpectedRequest => ({
	method: 'POST',
	path: '/contact/call',
	body,
	headers: auth,
});
/** A call as Thoughtly's start answer gives it (the sandbox's ASSUMPTION). */
const call = (interviewId: string, metadata: object | null) => ({
	id: '<any>',
	status: 'QUEUED',
	contact_id: '<any>',
	interview_id: interviewId,
	metadata,
	created_at: '<iso-date>',
	ended_at: null,
});
/** No fixed pace in these runs (the default is Thoughtly's 100 requests a minute). */
const unpaced = { maxRequests: 0 };

/** A contact as Thoughtly returns it (the envelope's `data`), with the node's `outcome`. */
const contact = (
	fields: {
		phone_number: string;
		name?: string;
		email?: string;
		country_code?: string;
		tags?: string[];
		attributes?: object;
	},
	outcome: 'created' | 'existing',
) => ({
	id: '<any>', // `ct_` and a UUID
	name: null,
	email: null,
	country_code: null,
	tags: [],
	attributes: {},
	...fields,
	created_at: '<iso-date>',
	updated_at: '<iso-date>',
	outcome,
});

const ada = {
	phone_number: '+14155550199',
	name: 'Ada Lovelace',
	email: 'ada@example.com',
	country_code: 'US',
	tags: ['VIP', 'Spring launch'],
	attributes: { plan_interest: 'Pro', source: 'n8n' },
};

export const thoughtlyE2e: E2eVendor = {
	displayName: 'Thoughtly',
	sandboxVendor: 'thoughtly',
	nodeName: 'thoughtly',
	nodeVersion: 1,
	// Its activation, deliveries and deactivation: test/e2e/thoughtlyTrigger.e2e.test.ts.
	triggers: ['thoughtlyTrigger'],
	credential: {
		id: 'e2eThoughtlyCrd1',
		name: 'Thoughtly (sandbox)',
		type: 'thoughtlyApi',
		data: (baseUrl) => ({ apiToken: THOUGHTLY_TOKEN, teamId: THOUGHTLY_TEAM_ID, baseUrl }),
		// The right token for a team it does not belong to: Thoughtly answers 403 only after
		// accepting the token, so the test shows both headers reach it. n8n's credential test
		// reports the status text, not the envelope's message.
		badData: (baseUrl) => ({ apiToken: THOUGHTLY_TOKEN, teamId: THOUGHTLY_OTHER_TEAM_ID, baseUrl }),
		badMessage: /^Forbidden$/,
		badDropdownMessage: 'Thoughtly answered 403: This API token does not belong to the given team',
	},

	workflows: [
		{
			id: 'e2eThoughtlyWf01',
			name: 'Thoughtly: create contacts (example)',
			example: true,
			// Two new contacts with a country (the code in any case), the "VIP" tag plus a
			// campaign tag by expression, and attributes; the third repeats the first's phone,
			// so Thoughtly answers with a duplicate error and "Return Existing" searches it.
			items: [
				{
					name: 'Ada Lovelace',
					phone: '+1 (415) 555-0199',
					email: 'ada@example.com',
					country: 'us',
					campaign: 'Spring launch',
					plan: 'Pro',
				},
				{ name: 'Alan Turing', phone: '0044 20 7946 0958', country: 'GB', plan: 'Basic' },
				{ name: 'Ada again', phone: '+14155550199', country: 'US' },
			],
			parameters: {
				resource: 'contact',
				operation: 'create',
				phone: '={{ $json.phone }}',
				fullName: "={{ $json.name ?? '' }}",
				email: "={{ $json.email ?? '' }}",
				countryCode: "={{ $json.country ?? '' }}",
				tags: "={{ ['VIP', $json.campaign ?? ''] }}",
				customFields: {
					field: [
						// An empty value leaves the attribute out.
						{ key: 'plan_interest', value: "={{ $json.plan ?? '' }}" },
						{ key: 'source', value: 'n8n' },
					],
				},
				// One at a time, so the sandbox sees the requests in a fixed order; no fixed
				// bound on the pace (the default is Thoughtly's 100 requests a minute).
				options: { ifContactExists: 'returnExisting', maxConcurrency: 1, maxRequests: 0 },
			},
			expectedRequests: [
				create(ada),
				create({
					phone_number: '+442079460958',
					name: 'Alan Turing',
					country_code: 'GB',
					tags: ['VIP'],
					attributes: { plan_interest: 'Basic', source: 'n8n' },
				}),
				create({
					phone_number: '+14155550199',
					name: 'Ada again',
					country_code: 'US',
					tags: ['VIP'],
					attributes: { source: 'n8n' },
				}),
				// The duplicate: the node searches the phone and picks the contact with its digits.
				listPage(0, { search: '+14155550199' }),
			],
			expectedOutput: [
				{ json: contact(ada, 'created'), pairedItem: 0 },
				{
					json: contact(
						{
							phone_number: '+442079460958',
							name: 'Alan Turing',
							country_code: 'GB',
							tags: ['VIP'],
							attributes: { plan_interest: 'Basic', source: 'n8n' },
						},
						'created',
					),
					pairedItem: 1,
				},
				// Unchanged: this item's own name, tags and attributes are not applied to it.
				{ json: contact(ada, 'existing'), pairedItem: 2 },
			],
		},
		{
			id: 'e2eThoughtlyWf02',
			name: 'Thoughtly: continue on fail with good and bad items',
			continueOnFail: true,
			// Good; an attribute key given twice (refused before sending); the phone of a seeded
			// contact (a duplicate reported in a 200 envelope, failing the item); a dialling
			// code as country (refused before sending); good.
			items: [
				{ name: 'Good One', phone: '+1 415 555 0300' },
				{ name: 'Twice Plan', phone: '+1 415 555 0301', secondKey: 'plan' },
				{ name: 'Seed Twin', phone: '+1 415 555 0042' },
				{ name: 'Dialling Code', phone: '+44 20 7946 0001', country: '+44' },
				{ name: 'Good Two', phone: '+44 20 7946 0002', country: 'gb' },
			],
			parameters: {
				resource: 'contact',
				operation: 'create',
				phone: '={{ $json.phone }}',
				fullName: '={{ $json.name }}',
				countryCode: "={{ $json.country ?? '' }}",
				// Comma-separated names by expression: trimmed, each one a tag.
				tags: '={{ "lead, callback" }}',
				customFields: {
					field: [
						{ key: 'plan', value: 'basic' },
						{ key: "={{ $json.secondKey ?? 'source' }}", value: 'n8n' },
					],
				},
				options: { maxConcurrency: 1, maxRequests: 10, rateInterval: 'second' },
			},
			expectedRequests: [
				create({
					phone_number: '+14155550300',
					name: 'Good One',
					tags: ['lead', 'callback'],
					attributes: { plan: 'basic', source: 'n8n' },
				}),
				create({
					phone_number: '+14155550042',
					name: 'Seed Twin',
					tags: ['lead', 'callback'],
					attributes: { plan: 'basic', source: 'n8n' },
				}),
				create({
					phone_number: '+442079460002',
					name: 'Good Two',
					country_code: 'GB',
					tags: ['lead', 'callback'],
					attributes: { plan: 'basic', source: 'n8n' },
				}),
			],
			expectedOutput: [
				{
					json: contact(
						{
							phone_number: '+14155550300',
							name: 'Good One',
							tags: ['lead', 'callback'],
							attributes: { plan: 'basic', source: 'n8n' },
						},
						'created',
					),
					pairedItem: 0,
				},
				{
					json: {
						message: 'Attribute "plan" is given twice; keep one value per field [item 1]',
						error: {
							message: 'Attribute "plan" is given twice; keep one value per field [item 1]',
							description: 'Remove or merge one of the rows.',
						},
					},
					pairedItem: 1,
				},
				{
					json: {
						message: `Thoughtly answered 200: ${THOUGHTLY_DUPLICATE_MESSAGE} [item 2]`,
						error: {
							message: `Thoughtly answered 200: ${THOUGHTLY_DUPLICATE_MESSAGE} [item 2]`,
							httpCode: '200',
							description:
								'The contact already exists. Set "If Contact Exists" to "Return Existing" in the node options to output the existing contact instead.',
						},
					},
					pairedItem: 2,
				},
				{
					json: {
						message:
							'Country Code "+44" looks like a dialling code; Thoughtly expects a two-letter country code [item 3]',
						error: {
							message:
								'Country Code "+44" looks like a dialling code; Thoughtly expects a two-letter country code [item 3]',
							description:
								'Use the two-letter ISO 3166-1 code of the country, for example US, GB or DE.',
						},
					},
					pairedItem: 3,
				},
				{
					json: contact(
						{
							phone_number: '+442079460002',
							name: 'Good Two',
							country_code: 'GB',
							tags: ['lead', 'callback'],
							attributes: { plan: 'basic', source: 'n8n' },
						},
						'created',
					),
					pairedItem: 4,
				},
			],
		},
		{
			id: 'e2eThoughtlyWf03',
			name: 'Thoughtly: get many contacts, Return All over three pages',
			example: true,
			manyPerItem: true,
			items: [{}],
			parameters: {
				resource: 'contact',
				operation: 'getAll',
				returnAll: true,
				options: unpaced,
			},
			expectedRequests: [listPage(0), listPage(1), listPage(2)],
			expectedOutput: seeded.map((json) => ({ json, pairedItem: 0 })),
		},
		{
			id: 'e2eThoughtlyWf04',
			name: 'Thoughtly: get contacts by ID (one unknown), continue on fail',
			continueOnFail: true,
			items: [{ id: 'ct_0042' }, { id: 'ct_missing' }],
			parameters: {
				resource: 'contact',
				operation: 'get',
				contact: byId('={{ $json.id }}'),
				options: { ...unpaced, maxConcurrency: 1 },
			},
			expectedRequests: [
				{ method: 'GET', path: '/contact/ct_0042', headers: auth },
				{ method: 'GET', path: '/contact/ct_missing', headers: auth },
			],
			expectedOutput: [
				{ json: { ...seededContact('ct_0042') }, pairedItem: 0 },
				{
					json: {
						message: 'Thoughtly has no contact with ID ct_missing (Contact not found) [item 1]',
						error: {
							message: 'Thoughtly has no contact with ID ct_missing (Contact not found) [item 1]',
							httpCode: '404',
							description:
								'Check the contact in Thoughtly, or pick it from the list: it may have been deleted. Nothing was changed.',
						},
					},
					pairedItem: 1,
				},
			],
		},
		{
			id: 'e2eThoughtlyWf05',
			name: 'Thoughtly: find a contact by phone number, then delete it',
			items: [{ phone: '+1 (415) 555-0007' }],
			parameters: {
				resource: 'contact',
				operation: 'get',
				contact: { __rl: true, mode: 'phone', value: '={{ $json.phone }}' },
				options: unpaced,
			},
			then: [
				{
					name: 'Delete',
					parameters: {
						resource: 'contact',
						operation: 'delete',
						contact: byId('={{ $json.id }}'),
						options: unpaced,
					},
				},
			],
			expectedRequests: [
				listPage(0, { search: '+14155550007' }),
				{ method: 'DELETE', path: '/contact/ct_0007', headers: auth },
			],
			expectedOutput: [{ json: { deleted: true }, pairedItem: 0 }],
		},
		{
			id: 'e2eThoughtlyWf06',
			name: 'Thoughtly: create contacts and call them (Call After Create)',
			example: true,
			items: [
				{ name: 'Grace Hopper', phone: '+1 415 555 8800', topic: 'renewal' },
				{ name: 'Katherine Johnson', phone: '+1 757 555 0100', topic: 'onboarding' },
			],
			parameters: {
				resource: 'contact',
				operation: 'create',
				phone: '={{ $json.phone }}',
				fullName: '={{ $json.name }}',
				callAfterCreate: true,
				agent: agent('int_002', 'Lead qualifier'),
				metadata: { field: [{ key: 'topic', value: '={{ $json.topic }}' }] },
				options: { ...unpaced, maxConcurrency: 1 },
			},
			expectedRequests: [
				create({ phone_number: '+14155558800', name: 'Grace Hopper' }),
				startCall({ contact_id: '<any>', interview_id: 'int_002', metadata: { topic: 'renewal' } }),
				create({ phone_number: '+17575550100', name: 'Katherine Johnson' }),
				startCall({
					contact_id: '<any>',
					interview_id: 'int_002',
					metadata: { topic: 'onboarding' },
				}),
			],
			expectedOutput: [
				{
					json: {
						...contact({ phone_number: '+14155558800', name: 'Grace Hopper' }, 'created'),
						call: call('int_002', { topic: 'renewal' }),
					},
					pairedItem: 0,
				},
				{
					json: {
						...contact({ phone_number: '+17575550100', name: 'Katherine Johnson' }, 'created'),
						call: call('int_002', { topic: 'onboarding' }),
					},
					pairedItem: 1,
				},
			],
		},
		{
			id: 'e2eThoughtlyWf07',
			name: 'Thoughtly: create a contact, then Call → Start in a second node',

			items: [{ name: 'Dorothy Vaughan', phone: '+1 757 555 0199' }],
			parameters: {
				resource: 'contact',
				operation: 'create',
				phone: '={{ $json.phone }}',
				fullName: '={{ $json.name }}',
				options: unpaced,
			},
			then: [
				{
					name: 'Call',
					parameters: {
						resource: 'call',
						operation: 'start',
						contact: byId('={{ $json.id }}'),
						agent: agent('int_001', 'Appointment setter'),
						metadata: { field: [{ key: 'first_name', value: "={{ $json.name.split(' ')[0] }}" }] },
						options: unpaced,
					},
				},
			],
			expectedRequests: [
				create({ phone_number: '+17575550199', name: 'Dorothy Vaughan' }),
				startCall({
					contact_id: '<any>',
					interview_id: 'int_001',
					metadata: { first_name: 'Dorothy' },
				}),
			],
			expectedOutput: [{ json: call('int_001', { first_name: 'Dorothy' }), pairedItem: 0 }],
		},
		{
			id: 'e2eThoughtlyWf08',
			name: 'Thoughtly: Call → Start answered with a 500 is never sent again',
			continueOnFail: true,
			faults: [
				{
					vendor: 'thoughtly',
					path: '/contact/call',
					status: 500,
					body: { data: null, error: { code: 'INTERNAL', message: 'Internal error' } },
				},
			],
			items: [{ id: 'ct_0001' }, { id: 'ct_0002' }],
			parameters: {
				resource: 'call',
				operation: 'start',
				contact: byId('={{ $json.id }}'),
				agent: agent('int_001', 'Appointment setter'),
				options: { ...unpaced, maxConcurrency: 1 },
			},
			expectedRequests: [
				startCall({ contact_id: 'ct_0001', interview_id: 'int_001' }),
				startCall({ contact_id: 'ct_0002', interview_id: 'int_001' }),
			],
			expectedOutput: [
				{
					json: {
						message:
							"Thoughtly's answer was lost, so it is unknown whether the call started — check in Thoughtly before re-running (Thoughtly answered 500: Internal error) [item 0]",
						error: {
							message:
								"Thoughtly's answer was lost, so it is unknown whether the call started — check in Thoughtly before re-running (Thoughtly answered 500: Internal error) [item 0]",
							httpCode: '500',
							description:
								'The request may have reached Thoughtly, so the call may be ringing. It was not sent again: this node never calls a person twice. Look for the call in Thoughtly before running this item again.',
						},
					},
					pairedItem: 0,
				},
				{
					json: { ...call('int_001', null), contact_id: 'ct_0002' },
					pairedItem: 1,
				},
			],
		},
	],

	dropdowns: [
		{
			// 120 seeded contacts: two full pages of 50 and a short third one that ends the
			// reading; "Do not call" and "Spanish speaker" are only on the third.
			openedInEditor: true,
			methodName: 'getTags',
			parameterPath: 'tags',
			currentNodeParameters: { resource: 'contact', operation: 'create' },
			expected: [
				{ name: 'callback', value: 'callback' },
				{ name: 'Do not call', value: 'Do not call' },
				{ name: 'lead', value: 'lead' },
				{ name: 'Spanish speaker', value: 'Spanish speaker' },
				{ name: 'VIP', value: 'VIP' },
				{ name: 'Webinar 2024', value: 'Webinar 2024' },
			],
			expectedRequests: [listPage(0), listPage(1), listPage(2)],
		},
		{
			kind: 'listSearch',
			methodName: 'searchAgents',
			parameterPath: 'agent',
			currentNodeParameters: { resource: 'call', operation: 'start' },
			expected: [
				{ name: 'Appointment setter', value: 'int_001' },
				{ name: 'Lead qualifier', value: 'int_002' },
			],
			expectedRequests: [
				{ method: 'GET', path: '/interview', query: { page: '0', limit: '50' }, headers: auth },
			],
		},
		{
			kind: 'listSearch',
			methodName: 'searchContacts',
			parameterPath: 'contact',
			currentNodeParameters: { resource: 'contact', operation: 'get' },
			filter: 'Seed Contact 42',
			expected: [{ name: 'Seed Contact 42 (+14155550042)', value: 'ct_0042' }],
			expectedRequests: [listPage(0, { search: 'Seed Contact 42' })],
		},
	],
};
