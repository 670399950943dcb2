/**
 * Contactship, driven through n8n-core's engine against the sandbox that follows
 * its API document (see docs/vendor-facts.md). Each test
 * asserts what a user would see: the requests Contactship receives, the node's output
 * items, or the error text.
 */
import type { INodeProperties } from 'n8n-workflow';

import { Contactship } from '../../nodes/Contactship/Contactship.node';
import { loadOptions, runNode, testCredential } from '../harness/n8n';
import { createSandbox } from '../sandbox';
import { notTheAnswer } from '../sandbox/server';
import type { ContactshipState } from '../sandbox/vendors/contactship';
import {
	CONTACTSHIP_API_KEY,
	CONTACTSHIP_ORGANIZATION_ID,
	CS_SEED_TAGS,
	contactshipTag,
} from '../sandbox/vendors/contactship';

const sandbox = createSandbox();
beforeAll(async () => {
	await sandbox.start();
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const [HOT_LEAD, CUSTOMER, NEWSLETTER] = CS_SEED_TAGS.map((tag) => tag.id);
const MISSING_TAG = '5e1f0000-0000-4000-8000-999999999999';

function credentials(apiKey = CONTACTSHIP_API_KEY) {
	return { contactshipApi: { apiKey, baseUrl: sandbox.baseUrl('contactship') } };
}

const state = () => sandbox.state<ContactshipState>('contactship');
const creates = () =>
	sandbox
		.requests('contactship')
		.filter((request) => request.method === 'POST' && request.path === '/v1/contacts');
const calls = () =>
	sandbox.requests('contactship').map((request) => `${request.method} ${request.path}`);

/** Parameters as a user sets them: fields read from the incoming item by expression. */
const fromItem = {
	phone: '={{ $json.phone }}',
	fullName: '={{ $json.name }}',
	email: '={{ $json.email }}',
};

async function create(
	items: object[],
	parameters: object = {},
	options: { continueOnFail?: boolean; apiKey?: string } = {},
) {
	return await runNode({
		type: 'contactship',
		parameters: { ...fromItem, ...parameters },
		items: items as never,
		credentials: credentials(options.apiKey),
		continueOnFail: options.continueOnFail,
	});
}

const juan = { name: 'Juan Pérez', phone: '+12124567890', email: '' };

describe('create', () => {
	const sentData = [
		{ type: 'location', field: 'dirección', value: 'Av. Insurgentes 123' },
		{ type: 'text', field: 'notas', value: 'Cliente potencial' },
		{ type: 'number', field: 'budget', value: '1499.90' },
		{ type: 'date', field: 'first_contact', value: '2025-03-14' },
		{ type: 'url', field: 'website', value: 'https://example.mx' },
	];

	test('sends the documented body with x-api-key, tags the new contact, and outputs it', async () => {
		const run = await create(
			[
				{
					name: 'Juan Pérez',
					phone: '00 1 (212) 456-7890',
					email: 'juan@ejemplo.com',
					kind: 'url',
				},
			],
			{
				country: 'México',
				description: 'Lead from LinkedIn campaign',
				customFields: {
					field: [
						...sentData.slice(0, 4).map(({ field, ...rest }) => ({ ...rest, key: field })),
						{ type: '={{ $json.kind }}', key: 'website', value: 'https://example.mx' },
					],
				},
				tags: [HOT_LEAD, NEWSLETTER],
			},
		);
		expect(run.error).toBeUndefined();
		const contactId = state().contacts[0].id;
		expect(calls()).toEqual([
			'POST /v1/contacts',
			`POST /v1/contacts/${contactId}/tags/${HOT_LEAD}`,
			`POST /v1/contacts/${contactId}/tags/${NEWSLETTER}`,
		]);
		const requests = sandbox.requests('contactship');
		expect(requests.map((request) => request.headers['x-api-key'])).toEqual([
			CONTACTSHIP_API_KEY,
			CONTACTSHIP_API_KEY,
			CONTACTSHIP_API_KEY,
		]);
		expect(requests[0].body).toEqual({
			phone_number: '+12124567890',
			full_name: 'Juan Pérez',
			country: 'México',
			email: 'juan@ejemplo.com',
			description: 'Lead from LinkedIn campaign',
			additional_data: sentData,
		});
		expect(requests[1].body).toBeUndefined();
		expect(state().contactTags[contactId]).toEqual([HOT_LEAD, NEWSLETTER]);
		expect(run.items).toEqual([
			{
				json: {
					id: contactId,
					created_at: expect.any(String),
					phone_number: '+12124567890',
					full_name: 'Juan Pérez',
					country: 'México',
					email: 'juan@ejemplo.com',
					description: 'Lead from LinkedIn campaign',
					additional_data: sentData,
					organization_id: CONTACTSHIP_ORGANIZATION_ID,
					appliedTags: [HOT_LEAD, NEWSLETTER],
					outcome: 'created',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test('many items: one output each, in order; empty optional fields and data rows left out', async () => {
		const people = [
			{ name: 'Ana', phone: '+52 55 1234 5678', email: '' },
			{ name: 'Ben', phone: '+44-20-7946-0958', email: 'ben@example.com' },
			{ name: 'Chloé', phone: '+33.1.23.45.67.89', email: '' },
		];
		const run = await create(people, {
			country: '',
			customFields: {
				field: [
					{ type: 'text', key: 'source', value: '={{ $json.email }}' },
					{ type: 'text', key: '', value: '' },
				],
			},
		});
		expect(
			run.items?.map((item) => [
				item.json.full_name,
				item.json.outcome,
				item.json.appliedTags,
				item.pairedItem,
			]),
		).toEqual([
			['Ana', 'created', [], { item: 0 }],
			['Ben', 'created', [], { item: 1 }],
			['Chloé', 'created', [], { item: 2 }],
		]);
		const bodies = creates().map((request) => request.body);
		expect(bodies).toHaveLength(3);
		expect(bodies).toEqual(
			expect.arrayContaining([
				{ phone_number: '+525512345678', full_name: 'Ana' },
				{
					phone_number: '+442079460958',
					full_name: 'Ben',
					email: 'ben@example.com',
					additional_data: [{ type: 'text', field: 'source', value: 'ben@example.com' }],
				},
				{ phone_number: '+33123456789', full_name: 'Chloé' },
			]),
		);
		expect(calls().every((call) => call === 'POST /v1/contacts')).toBe(true);
	});
	test('a Date from an n8n date expression passes the check', async () => {
		const run = await create([juan], {
			customFields: { field: [{ type: 'date', key: 'imported_at', value: '={{ $now }}' }] },
		});
		expect(run.error).toBeUndefined();
		const [entry] = (creates()[0].body as { additional_data: Array<{ value: string }> })
			.additional_data;
		expect(entry).toEqual({
			type: 'date',
			field: 'imported_at',
			value: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/),
		});
	});
});

describe('phone numbers without a country code (Options → Default Country)', () => {
	test('without a Default Country, (415) 555-2671 fails with a hint and nothing is sent', async () => {
		const run = await create([{ ...juan, phone: '(415) 555-2671' }]);
		expect(run.error?.message).toBe('Phone Number "(415) 555-2671" has no country code [item 0]');
		expect(run.error?.description).toMatch(/Options → Default Country/);
		expect(sandbox.requests()).toHaveLength(0);
	});

	test('with Default Country US it is sent as +14155552671; international numbers keep their own code', async () => {
		const run = await create(
			[
				{ ...juan, phone: '(415) 555-2671' },
				{ ...juan, phone: '+44 (0)20 7946 0958' },
				{ ...juan, phone: '0049 30 1234567' },
			],
			{ options: { defaultCountry: 'US' } },
		);
		expect(run.error).toBeUndefined();
		expect(
			creates()
				.map((request) => (request.body as { phone_number: string }).phone_number)
				.sort(),
		).toEqual(['+14155552671', '+442079460958', '+49301234567']);
	});

	test('the Default Country can come from the item, by expression', async () => {
		const run = await create([{ ...juan, phone: '030 1234567', country: 'de' }], {
			options: { defaultCountry: '={{ $json.country }}' },
		});
		expect(run.error).toBeUndefined();
		expect(creates()[0].body).toMatchObject({ phone_number: '+49301234567' });
	});
});

describe('input checks fail the item before any request', () => {
	const row = (type: string, value: string, field = 'f') => ({
		customFields: { field: [{ type, key: field, value }] },
	});
	test.each([
		['an empty phone', { ...juan, phone: '' }, {}, 'Phone Number is required [item 0]'],
		[
			'letters in the phone',
			{ ...juan, phone: '+1 212 CALL NOW' },
			{},
			'Phone Number "+1 212 CALL NOW" is not a phone number: only digits, spaces, +, -, ., / and parentheses are allowed [item 0]',
		],
		[
			'too few digits',
			{ ...juan, phone: '+1 555-12' },
			{},
			'Phone Number "+1 555-12" has 6 digits; a phone number with its country code has at least 7 [item 0]',
		],
		[
			'two numbers in one field',
			{ ...juan, phone: '+1 212 456 7890 / 7891' },
			{},
			'Phone Number "+1 212 456 7890 / 7891" holds more than one phone number [item 0]',
		],
		[
			'an extension',
			{ ...juan, phone: '+1 212 456 7890 ext 12' },
			{},
			'Phone Number "+1 212 456 7890 ext 12" has an extension, which a phone number field cannot hold [item 0]',
		],
		[
			'an object given to a text field',
			{ ...juan, name: { first: 'Juan', last: 'Pérez' } },
			{},
			'Full Name must be text, but the expression gave an object [item 0]',
		],
		[
			'a list given to a text field',
			{ ...juan, email: ['juan@ejemplo.com', 'j@ejemplo.com'] },
			{},
			'Email must be text, but the expression gave a list [item 0]',
		],
		[
			'a reserved data field name',
			juan,
			row('text', 'x', '__proto__'),
			'Additional data "__proto__" is a name JavaScript reserves, so it cannot be used as a key [item 0]',
		],
		[
			'a local number without country code',
			{ ...juan, phone: '030 1234567' },
			{},
			'Phone Number "030 1234567" has no country code [item 0]',
		],
		['an empty name', { ...juan, name: '  ' }, {}, 'Full Name is required [item 0]'],
		[
			'a bad email',
			{ ...juan, email: 'juan@ejemplo' },
			{},
			'Email "juan@ejemplo" is not a valid email address [item 0]',
		],
		[
			'a Number that is not a number',
			juan,
			row('number', '1.499,90', 'budget'),
			'Additional data "budget" is a number field, but "1.499,90" is not a number [item 0]',
		],
		[
			'a Date that is not a date',
			juan,
			row('date', '31/12/2025', 'renewal'),
			'Additional data "renewal" is a date field, but "31/12/2025" is not a date [item 0]',
		],
		[
			'a Date that does not exist',
			juan,
			row('date', '2025-02-29', 'renewal'),
			'Additional data "renewal" is a date field, but "2025-02-29" is not a day of the calendar [item 0]',
		],
		[
			'a value without a field',
			juan,
			row('text', 'orphan', ''),
			'Additional data 1 has the value "orphan" but no field [item 0]',
		],
		[
			'a field given twice',
			juan,
			{
				customFields: {
					field: [
						{ type: 'text', key: 'a', value: '1' },
						{ type: 'text', key: 'a', value: '2' },
					],
				},
			},
			'Additional data "a" is given twice; keep one value per field [item 0]',
		],
	])('%s', async (_case, item, parameters, message) => {
		const run = await create([item], parameters);
		expect(run.error?.message).toBe(message);
		expect(sandbox.requests()).toHaveLength(0);
	});

	test('the fix is described to the user', async () => {
		const run = await create([juan], row('date', 'next week'));
		expect(run.error?.description).toMatch(/^Use an ISO 8601 date, YYYY-MM-DD such as 2024-12-31/);
	});
});

describe('vendor errors', () => {
	test('400: the vendor message, naming the item', async () => {
		sandbox.addFault({
			path: '/v1/contacts',
			status: 400,
			body: {
				statusCode: 400,
				message: ['phone_number must be a valid phone number'],
				error: 'Bad Request',
			},
		});
		const run = await create([juan]);
		expect(run.error?.message).toBe(
			'Contactship answered 400: phone_number must be a valid phone number [item 0]',
		);
		expect(run.error?.httpCode).toBe('400');
	});

	test('401: a bad key, which never shows in the error', async () => {
		const run = await create([juan], {}, { apiKey: 'cs-wrong-key' });
		expect(run.error?.message).toBe(
			'Contactship answered 401: Invalid or missing API key [item 0]',
		);
		expect(run.error?.description).toMatch(/Check the API key in the credential/);
		expect(JSON.stringify(run)).not.toContain('cs-wrong-key');
	});

	test('409 with "Fail" (the default): the duplicate message', async () => {
		await create([juan]);
		const run = await create([{ ...juan, phone: '+1 212-456-7890' }]);
		expect(run.error?.message).toBe(
			'Contactship answered 409: Contact with this phone number already exists [item 0]',
		);
		expect(run.error?.httpCode).toBe('409');
		expect(run.error?.description).toMatch(/Return Existing/);
	});

	test('409 with "Return Existing": looks the contact up by phone, outputs it as existing, tags it', async () => {
		const first = await create([juan], { tags: [HOT_LEAD] });
		const run = await create([{ ...juan, name: 'Juan again' }], {
			options: { ifContactExists: 'returnExisting' },
			tags: [HOT_LEAD, CUSTOMER],
		});
		expect(run.items?.[0].json).toEqual({
			...first.items?.[0].json,
			appliedTags: [HOT_LEAD, CUSTOMER],
			outcome: 'existing',
		});
		const lookup = sandbox.requests('contactship').find((request) => request.method === 'GET');
		expect(lookup?.path).toBe('/v1/contacts/%2B12124567890');
		expect(lookup?.query).toEqual({ identifierType: 'phone_number' });
		expect(lookup?.headers['x-api-key']).toBe(CONTACTSHIP_API_KEY);
		expect(creates()).toHaveLength(2);
		expect(state().contacts).toHaveLength(1);
		expect(state().contactTags[state().contacts[0].id]).toEqual([HOT_LEAD, CUSTOMER]);
	});

	test('409 with "Return Existing" when the lookup finds nothing: a clear error', async () => {
		sandbox.addFault({
			method: 'POST',
			path: '/v1/contacts',
			status: 409,
			body: {
				statusCode: 409,
				message: 'Contact with this phone number already exists',
				error: 'Conflict',
			},
		});
		const run = await create([juan], { options: { ifContactExists: 'returnExisting' } });
		expect(run.error?.message).toBe(
			'Contactship answered 409: Contact with this phone number already exists; but no existing contact matching +12124567890 was found to return [item 0]',
		);
	});

	test('429 then success: waits, sends again, one contact', async () => {
		sandbox.addFault({
			path: '/v1/contacts',
			status: 429,
			body: {
				statusCode: 429,
				message: 'Too many requests, please slow down',
				error: 'Too Many Requests',
			},
			headers: { 'Retry-After': '0' },
		});
		const run = await create([juan]);
		expect(run.items?.[0].json.outcome).toBe('created');
		expect(creates()).toHaveLength(2);
		expect(state().contacts).toHaveLength(1);
	});

	test('429 that never ends: a clear error once the wait budget is spent, saying how long and how many', async () => {
		sandbox.addFault({
			path: '/v1/contacts',
			status: 429,
			body: {
				statusCode: 429,
				message: 'Too many requests, please slow down',
				error: 'Too Many Requests',
			},
			headers: { 'Retry-After': '0' },
			times: 50,
		});
		const run = await create([juan], { options: { maxRateLimitWait: 1 } });
		const said =
			/^Contactship is rate limiting: this item waited [\d.]+ s and met (\d+) × 429; a further pause of [\d.]+ s would pass its wait budget of 1 s/.exec(
				run.error?.message ?? '',
			);
		expect(said).not.toBeNull();
		expect(run.error?.message).toMatch(/\(Too many requests, please slow down\) \[item 0\]$/);
		expect(run.error?.httpCode).toBe('429');
		expect(creates()).toHaveLength(Number(said![1]));
		expect(state().contacts).toHaveLength(0);
	});

	test('the sandbox rate limit is followed: every item gets through', async () => {
		sandbox.setRateLimit('contactship', { limit: 2, windowMs: 200 });
		const people = [0, 1, 2, 3].map((n) => ({
			name: `P${n}`,
			phone: `+1555000000${n}`,
			email: '',
		}));
		const run = await create(people, { options: { maxRequests: 0 } });
		expect(run.items?.map((item) => item.json.outcome)).toEqual([
			'created',
			'created',
			'created',
			'created',
		]);
		expect(state().contacts).toHaveLength(4);
		expect(sandbox.stats.rateLimited).toBeGreaterThan(0);
	});

	test('500: reported, never sent again; with continueOnFail the item carries it', async () => {
		sandbox.addFault({
			path: '/v1/contacts',
			status: 500,
			body: { statusCode: 500, message: 'Internal server error', error: 'Internal Server Error' },
		});
		const run = await create([juan], {}, { continueOnFail: true });
		expect(run.items).toEqual([
			{
				json: {
					message: 'Contactship answered 500: Internal server error [item 0]',
					error: {
						message: 'Contactship answered 500: Internal server error [item 0]',
						httpCode: '500',
						description: expect.stringMatching(/not sent again/),
					},
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(creates()).toHaveLength(1);
	});

	test('a dropped connection on create: unknown outcome, not sent again', async () => {
		sandbox.addFault({ path: '/v1/contacts', drop: true });
		const run = await create([juan]);
		expect(run.error?.message).toBe('Contactship closed the connection before answering [item 0]');
		expect(run.error?.description).toMatch(
			/^POST \/v1\/contacts may have been stored by Contactship\. It was not sent again/,
		);
		expect(creates()).toHaveLength(1);
	});

	test('continueOnFail with good and bad items: every item accounted for, in order', async () => {
		await create([{ name: 'Dup', phone: '+15550001111', email: '' }]);
		const run = await create(
			[
				{ name: 'Good 1', phone: '+15550002222', email: '' },
				{ name: 'Bad email', phone: '+15550003333', email: 'nope' },
				{ name: 'Dup', phone: '+1 555 000 1111', email: '' },
				{ name: 'Good 2', phone: '+15550004444', email: 'good2@example.com' },
			],
			{},
			{ continueOnFail: true },
		);
		expect(run.items?.map((item) => item.json.outcome ?? item.json.message)).toEqual([
			'created',
			'Email "nope" is not a valid email address [item 1]',
			'Contactship answered 409: Contact with this phone number already exists [item 2]',
			'created',
		]);
		expect(run.items?.map((item) => item.pairedItem)).toEqual(
			[0, 1, 2, 3].map((item) => ({ item })),
		);
	});

	test('a failed tag keeps the created contact: its id is in the message and the output', async () => {
		const failed = await create([juan], { tags: [HOT_LEAD, MISSING_TAG] });
		const contactId = state().contacts[0].id;
		expect(failed.error?.message).toBe(
			`Contact ${contactId} is saved in Contactship, but tag ${MISSING_TAG} could not be added: Contactship answered 404: Tag not found [item 0]`,
		);

		sandbox.reset();
		const kept = await create(
			[juan],
			{ tags: [HOT_LEAD, MISSING_TAG, CUSTOMER] },
			{ continueOnFail: true },
		);
		expect(kept.items?.[0].json.error).toMatchObject({
			contactId: state().contacts[0].id,
			appliedTags: [HOT_LEAD],
			httpCode: '404',
		});
		expect(creates()).toHaveLength(1);
		expect(calls().filter((call) => call.includes('/tags/'))).toHaveLength(2);
	});
});

describe('pacing defaults', () => {
	test('5 at a time and 10 requests per second, said to be a conservative choice', () => {
		const options = new Contactship().description.properties.find(
			(property) => property.name === 'options',
		)!.options as INodeProperties[];
		const byName = Object.fromEntries(options.map((option) => [option.name, option]));
		expect([
			byName.maxConcurrency.default,
			byName.maxRequests.default,
			byName.rateInterval.default,
			byName.ifContactExists.default,
		]).toEqual([5, 10, 'second', 'fail']);
		expect(byName.maxRequests.description).toMatch(
			/Contactship documents no rate limit, so 10 per second is a conservative default/,
		);
	});
});

describe('tags dropdown', () => {
	const load = async (apiKey = CONTACTSHIP_API_KEY) =>
		await loadOptions({ type: 'contactship', method: 'getTags', credentials: credentials(apiKey) });
	const tagQueries = () => sandbox.requests('contactship').map((request) => request.query);

	test('shows each tag by its label, or its name when it has none, sorted', async () => {
		const options = await load();
		expect(options).toHaveLength(12);
		expect(options.slice(0, 4)).toEqual([
			{ name: 'Churn Risk', value: CS_SEED_TAGS[6].id },
			{ name: 'Customer', value: CUSTOMER },
			{ name: 'Do Not Call', value: CS_SEED_TAGS[4].id },
			{ name: 'Español', value: CS_SEED_TAGS[11].id },
		]);
		expect(options.map((option) => option.name)).toEqual(
			expect.arrayContaining(['Hot Lead', 'newsletter', 'trial']),
		);
		expect(
			sandbox.requests('contactship').map((request) => `${request.method} ${request.path}`),
		).toEqual(['GET /v1/tags']);
		expect(tagQueries()).toEqual([{ limit: '100', offset: '0', order: 'asc' }]);
	});

	test('tags that share a label show their unique name too, so each of 135 tags can be told apart', async () => {
		const labels = ['Campaign', 'Event', 'Partner', 'Region', 'Source'];
		for (let n = 13; n < 13 + 135; n++)
			state().tags.push(contactshipTag(n, `import-${n}`, labels[n % labels.length]));
		const options = await load();
		expect(options).toHaveLength(12 + 135);
		expect(new Set(options.map((option) => option.name)).size).toBe(12 + 135);
		const campaign = state().tags.find((tag) => tag.name === 'import-15')!;
		expect(options).toContainEqual({ name: 'Campaign (import-15)', value: campaign.id });
		// A label no other tag has is shown alone, as before.
		expect(options).toContainEqual({ name: 'Hot Lead', value: CS_SEED_TAGS[0].id });
	});

	test('reads every page until count is reached', async () => {
		for (let n = 13; n <= 250; n++) state().tags.push(contactshipTag(n, `campaign-${n}`, null));
		const options = await load();
		expect(options).toHaveLength(250);
		expect(new Set(options.map((option) => option.value)).size).toBe(250);
		expect(tagQueries().map((query) => query.offset)).toEqual(['0', '100', '200']);
	});

	test('stops at count when the last page is full', async () => {
		for (let n = 13; n <= 200; n++) state().tags.push(contactshipTag(n, `campaign-${n}`, null));
		expect(await load()).toHaveLength(200);
		expect(tagQueries().map((query) => query.offset)).toEqual(['0', '100']);
	});

	test('a failing later page is an error, not a short list', async () => {
		for (let n = 13; n <= 150; n++) state().tags.push(contactshipTag(n, `campaign-${n}`, null));
		sandbox.addFault({ path: '/v1/tags', passThrough: true });
		sandbox.addFault({
			path: '/v1/tags',
			status: 500,
			body: { statusCode: 500, message: 'Internal server error', error: 'Internal Server Error' },
		});
		await expect(load()).rejects.toThrow('Contactship answered 500: Internal server error');
	});

	test('an auth failure is an error, not an empty list', async () => {
		await expect(load('cs-wrong-key')).rejects.toThrow(
			'Contactship answered 401: Invalid or missing API key',
		);
	});

	test('an undocumented shape (a bare array) is still read', async () => {
		sandbox.addFault({
			path: '/v1/tags',
			status: 200,
			body: [{ id: 't-1', name: 'plain', label: '' }],
		});
		expect(await load()).toEqual([{ name: 'plain', value: 't-1' }]);
	});
});

describe('credential test', () => {
	test('GET /v1/tags?limit=1 with x-api-key: a good key answers 200, a bad one 401', async () => {
		const good = await testCredential('contactshipApi', credentials().contactshipApi);
		const bad = await testCredential('contactshipApi', credentials('cs-wrong-key').contactshipApi);
		expect([good.statusCode, bad.statusCode]).toEqual([200, 401]);
		const requests = sandbox.requests('contactship');
		expect(
			requests.map((request) => [request.path, request.query, request.headers['x-api-key']]),
		).toEqual([
			['/v1/tags', { limit: '1' }, CONTACTSHIP_API_KEY],
			['/v1/tags', { limit: '1' }, 'cs-wrong-key'],
		]);
	});
});

describe('a 2xx that is not the documented answer', () => {
	test('a tag call answered by a maintenance page fails the item, naming the saved contact', async () => {
		sandbox.addFault({ method: 'POST', path: '/v1/contacts/', ...notTheAnswer.html });
		const run = await create([juan], { tags: [HOT_LEAD] }, { continueOnFail: true });
		const contactId = state().contacts[0].id;
		expect(run.items?.[0].json).toEqual({
			message: expect.stringMatching(
				new RegExp(
					`^Contact ${contactId} is saved in Contactship, but tag ${HOT_LEAD} could not be added: Contactship answered 200 but not with JSON \\(an HTML page: "Down for maintenance`,
				),
			),
			error: {
				message: expect.stringMatching(
					new RegExp(
						`^Contact ${contactId} is saved in Contactship, but tag ${HOT_LEAD} could not be added: Contactship answered 200 but not with JSON \\(an HTML page: "Down for maintenance`,
					),
				),
				description: expect.any(String),
				httpCode: '200',
				contactId,
				appliedTags: [],
			},
		});
	});

	test('a dropdown answered by a maintenance page is an error, not an empty list', async () => {
		sandbox.addFault({ path: '/v1/tags', ...notTheAnswer.html });
		await expect(
			loadOptions({ type: 'contactship', method: 'getTags', credentials: credentials() }),
		).rejects.toThrow(
			'Contactship answered 200 but not with JSON (an HTML page: "Down for maintenance',
		);
	});
});
