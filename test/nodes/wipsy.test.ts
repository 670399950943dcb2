/**
 * Wipsy, driven through n8n-core's engine against the sandbox that follows
 * its API document (see docs/vendor-facts.md). Each test asserts what a user would see: the requests Wipsy
 * receives, the node's output items, the dropdowns, or the error text.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { Wipsy } from '../../nodes/Wipsy/Wipsy.node';
import { loadOptions, runNode, testCredential } from '../harness/n8n';
import { createSandbox } from '../sandbox';
import { notTheAnswer } from '../sandbox/server';
import type { WipsyState } from '../sandbox/vendors/wipsy';
import {
	seedEmail,
	seedPhone,
	WIPSY_API_KEY,
	WIPSY_FIELDS,
	WIPSY_STAGES,
	WIPSY_TAGS,
} from '../sandbox/vendors/wipsy';

const sandbox = createSandbox();
beforeAll(async () => {
	await sandbox.start();
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const state = () => sandbox.state<WipsyState>('wipsy');

function credentials(apiKey = WIPSY_API_KEY) {
	return { wipsyApi: { apiKey, baseUrl: sandbox.baseUrl('wipsy') } };
}

/** Parameters as a user sets them: fields read from the incoming item by expression. */
const fromItem = {
	firstName: '={{ $json.name }}',
	phone: '={{ $json.phone }}',
	email: '={{ $json.email }}',
};

async function create(
	items: object[],
	parameters: object = {},
	options: { continueOnFail?: boolean; apiKey?: string } = {},
) {
	return await runNode({
		type: 'wipsy',
		parameters: { ...fromItem, ...parameters },
		items: items as never,
		credentials: credentials(options.apiKey),
		continueOnFail: options.continueOnFail,
	});
}

const requestLines = () =>
	sandbox.requests('wipsy').map((request) => `${request.method} ${request.path}`);
const creates = () =>
	sandbox.requests('wipsy').filter((request) => request.path === '/api-create-contact');
const lists = () =>
	sandbox.requests('wipsy').filter((request) => request.path === '/api-get-contacts');
const customFields = (...rows: Array<[key: string, value: string]>) => ({
	customFields: { field: rows.map(([key, value]) => ({ key, value })) },
});

const ann = { name: 'Ann', phone: '+57 318 877 9043', email: 'ann@example.com' };

describe('create', () => {
	test("sends every documented field with the API key, after reading the field definitions once, and outputs Wipsy's contact", async () => {
		const run = await create(
			[{ name: 'John', phone: '+57 (318) 877-9043', email: 'john.doe@example.com' }],
			{
				lastName: 'Doe',
				pipelineStageId: WIPSY_STAGES.qualified.id,
				tags: [WIPSY_TAGS.vip.id, WIPSY_TAGS.newsletter.id],
				...customFields(
					[WIPSY_FIELDS.plan.id, 'gold'],
					[WIPSY_FIELDS.budget.id, '1250.50'],
					[WIPSY_FIELDS.birthday.id, '1990-05-17T00:00:00.000Z'],
					[WIPSY_FIELDS.mobile.id, '+1 (555) 000-2221'],
				),
				additionalFields: {
					whatsappId: '+57 318 877 9044',
					profilePictureUrl: 'https://example.com/john.png',
					address: 'Calle 1 # 2-3',
					city: 'Bogotá',
					province: 'Cundinamarca',
					company: 'Acme',
					notes: 'Met at the fair',
				},
			},
		);
		expect(run.error).toBeUndefined();
		expect(requestLines()).toEqual(['GET /api-get-contacts', 'POST /api-create-contact']);
		const [list, post] = sandbox.requests('wipsy');
		expect(list.query).toEqual({ limit: '500' });
		expect(post.headers['x-api-key']).toBe(WIPSY_API_KEY);
		expect(post.headers['content-type']).toMatch(/application\/json/);
		expect(post.body).toEqual({
			name: 'John',
			last_name: 'Doe',
			phone: '+573188779043',
			email: 'john.doe@example.com',
			whatsapp_id: '+573188779044',
			pipeline_stage_id: WIPSY_STAGES.qualified.id,
			tags: [WIPSY_TAGS.vip.id, WIPSY_TAGS.newsletter.id],
			custom_fields: {
				[WIPSY_FIELDS.plan.id]: 'Gold',
				[WIPSY_FIELDS.budget.id]: '1250.50',
				[WIPSY_FIELDS.birthday.id]: '1990-05-17',
				[WIPSY_FIELDS.mobile.id]: '+15550002221',
			},
			profile_picture_url: 'https://example.com/john.png',
			address: 'Calle 1 # 2-3',
			city: 'Bogotá',
			province: 'Cundinamarca',
			company: 'Acme',
			notes: 'Met at the fair',
		});
		const saved = state().contacts.at(-1)!;
		expect(run.items).toEqual([
			{
				json: {
					id: saved.id,
					user_id: saved.user_id,
					name: 'John',
					last_name: 'Doe',
					phone: '+573188779043',
					whatsapp_id: '+573188779044',
					email: 'john.doe@example.com',
					profile_picture_url: 'https://example.com/john.png',
					pipeline_stage_id: WIPSY_STAGES.qualified.id,
					address: 'Calle 1 # 2-3',
					city: 'Bogotá',
					province: 'Cundinamarca',
					company: 'Acme',
					notes: 'Met at the fair',
					created_at: expect.any(String),
					pipeline_stage: WIPSY_STAGES.qualified,
					tags: [WIPSY_TAGS.vip, WIPSY_TAGS.newsletter],
					custom_fields: expect.arrayContaining([
						{
							customer_id: saved.id,
							field_id: WIPSY_FIELDS.plan.id,
							field_value: 'Gold',
							field: expect.objectContaining({ field_name: 'Plan', field_type: 'select' }),
						},
					]),
					outcome: 'created',
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(run.items?.[0].json.custom_fields).toHaveLength(4);
	});

	test('only a name: the body holds only the name, and Wipsy gives no WhatsApp ID without a phone', async () => {
		const run = await create([{ name: 'Just Name', phone: '', email: '' }]);
		expect(creates()[0].body).toEqual({ name: 'Just Name' });
		expect(run.items?.[0].json).toMatchObject({
			name: 'Just Name',
			phone: null,
			whatsapp_id: null,
			outcome: 'created',
		});
	});

	test('many items: definitions read once per run, one contact per item, in order; the WhatsApp ID defaults to the phone', async () => {
		const people = [
			{ name: 'One', phone: '+44 20 7946 0001', email: '' },
			{ name: 'Two', phone: '', email: 'two@example.com' },
			{ name: 'Three', phone: '0044 20 7946 0003', email: 'three@example.com' },
			{ name: 'Four', phone: '+44 20 7946 0004', email: '' },
			{ name: 'Five', phone: '+44 20 7946 0005', email: '' },
			{ name: 'Six', phone: '+44 20 7946 0006', email: '' },
			{ name: 'Seven', phone: '+44 20 7946 0007', email: '' },
		];
		const run = await create(
			people,
			customFields([WIPSY_FIELDS.industry.id, '={{ $json.name }} Ltd']),
		);
		expect(run.items?.map((item) => [item.json.name, item.json.outcome, item.pairedItem])).toEqual(
			people.map((person, item) => [person.name, 'created', { item }]),
		);
		expect(lists()).toHaveLength(1);
		expect(creates()).toHaveLength(people.length);
		expect(run.items?.[2].json).toMatchObject({
			phone: '+442079460003',
			whatsapp_id: '+442079460003',
			email: 'three@example.com',
		});
		expect(
			creates().map((request) => (request.body as { custom_fields: object }).custom_fields),
		).toEqual(expect.arrayContaining([{ [WIPSY_FIELDS.industry.id]: 'Seven Ltd' }]));
	});

	test('a stage, tag or field no listed contact uses is still accepted by ID; a field of unknown type is sent unchecked', async () => {
		const run = await create([ann], {
			pipelineStageId: WIPSY_STAGES.lost.id,
			tags: [WIPSY_TAGS.unused.id],
			// Referral Code is a number field in Wipsy, but only contacts beyond the first 500 carry it.
			...customFields([WIPSY_FIELDS.referral.id, 'ABC-not-a-number']),
		});
		expect(run.error).toBeUndefined();
		expect(creates()[0].body).toMatchObject({
			pipeline_stage_id: WIPSY_STAGES.lost.id,
			tags: [WIPSY_TAGS.unused.id],
			custom_fields: { [WIPSY_FIELDS.referral.id]: 'ABC-not-a-number' },
		});
	});
});

describe('custom-field values are checked against their Wipsy type before the create', () => {
	test.each([
		[
			'email',
			WIPSY_FIELDS.workEmail.id,
			'boss(at)example.com',
			'Custom field "Work Email" is an email field, but "boss(at)example.com" is not a valid email address [item 0]',
		],
		[
			'phone',
			WIPSY_FIELDS.mobile.id,
			'ext. 12',
			'Custom field "Mobile" is a phone field, but "ext. 12" has an extension, which a phone number field cannot hold [item 0]',
		],
		[
			'number',
			WIPSY_FIELDS.budget.id,
			'1.000,50',
			'Custom field "Budget" is a number field, but "1.000,50" is not a number [item 0]',
		],
		[
			'date',
			WIPSY_FIELDS.birthday.id,
			'17/05/1990',
			'Custom field "Birthday" is a date field, but "17/05/1990" is not a date [item 0]',
		],
		[
			'select',
			WIPSY_FIELDS.plan.id,
			'Platinum',
			'Custom field "Plan" accepts only one of: Bronze, Silver, Gold; "Platinum" is not among them [item 0]',
		],
	])('%s', async (_type, fieldId, value, message) => {
		const run = await create([ann], customFields([fieldId, value]));
		expect(run.error?.message).toBe(message);
		expect(creates()).toHaveLength(0);
	});

	test('a field Wipsy marks as required is not demanded: Wipsy documents no such refusal, so the item is sent as it is', async () => {
		state().fields.find((field) => field.id === WIPSY_FIELDS.industry.id)!.is_required = true;
		const run = await create([ann], customFields([WIPSY_FIELDS.budget.id, '5']));
		expect(run.error).toBeUndefined();
		expect(run.items?.[0].json.outcome).toBe('created');
		expect(creates()[0].body).toMatchObject({ custom_fields: { [WIPSY_FIELDS.budget.id]: '5' } });
	});

	test('an item without custom fields needs no definitions: only the create is sent', async () => {
		const run = await create([ann]);
		expect(run.error).toBeUndefined();
		expect(requestLines()).toEqual(['POST /api-create-contact']);
	});

	test('the definitions cannot be read: every item fails with that reason, after one try, nothing is created', async () => {
		sandbox.addFault({
			path: '/api-get-contacts',
			status: 500,
			body: { error: 'Internal server error' },
		});
		const run = await create(
			[ann, { ...ann, name: 'Bob', phone: '+15550007777', email: '' }],
			customFields([WIPSY_FIELDS.budget.id, '5']),
			{ continueOnFail: true },
		);
		expect(run.items?.map((item) => item.json.message)).toEqual([
			"Reading Wipsy's custom-field definitions (needed to check the values) failed: Wipsy answered 500: Internal server error [item 0]",
			"Reading Wipsy's custom-field definitions (needed to check the values) failed: Wipsy answered 500: Internal server error [item 1]",
		]);
		expect(run.items?.[0].json.error).toMatchObject({ httpCode: '500' });
		expect(requestLines()).toEqual(['GET /api-get-contacts']);
	});
});

describe('input checks fail the item before any request', () => {
	test.each([
		['no name', { ...ann, name: ' ' }, {}, 'First Name is required [item 0]'],
		[
			'a bad email',
			{ ...ann, email: 'ann@example' },
			{},
			'Email "ann@example" is not a valid email address [item 0]',
		],
		[
			'letters in the phone',
			{ ...ann, phone: '+57 CALL ME' },
			{},
			'Phone Number "+57 CALL ME" is not a phone number: only digits, spaces, +, -, ., / and parentheses are allowed [item 0]',
		],
		[
			'a WhatsApp ID that is not a number',
			ann,
			{ additionalFields: { whatsappId: 'ann.wa' } },
			'WhatsApp ID "ann.wa" is not a phone number: only digits, spaces, +, -, ., / and parentheses are allowed [item 0]',
		],
		[
			'a picture that is not a URL',
			ann,
			{ additionalFields: { profilePictureUrl: 'ftp://example.com/a.png' } },
			'Profile Picture URL "ftp://example.com/a.png" is not a valid URL [item 0]',
		],
		[
			'a stage name instead of an ID',
			ann,
			{ pipelineStageId: 'Qualified' },
			'Pipeline stage "Qualified" is not a valid ID: a UUID such as a1b2c3d4-e5f6-7890-abcd-ef1234567890 is expected [item 0]',
		],
		[
			'a tag name instead of an ID',
			ann,
			{ tags: ['VIP'] },
			'Tag "VIP" is not a valid ID: a UUID such as a1b2c3d4-e5f6-7890-abcd-ef1234567890 is expected [item 0]',
		],
		[
			'a custom field given twice',
			ann,
			customFields([WIPSY_FIELDS.industry.id, 'a'], [WIPSY_FIELDS.industry.id, 'b']),
			`Custom field "${WIPSY_FIELDS.industry.id}" is given twice; keep one value per field [item 0]`,
		],
	])('%s', async (_case, item, parameters, message) => {
		const run = await create([item], parameters);
		expect(run.error?.message).toBe(message);
		expect(sandbox.requests()).toHaveLength(0);
	});
});

describe('Wipsy errors', () => {
	test("400: Wipsy's message, naming the item", async () => {
		const run = await create([ann], { pipelineStageId: 'dead0000-0000-4000-8000-000000000000' });
		expect(run.error?.message).toBe('Wipsy answered 400: Invalid pipeline_stage_id [item 0]');
		expect(run.error?.httpCode).toBe('400');
		expect(run.error?.description).toMatch(/rejected the data sent.*\(POST \/api-create-contact\)/);
	});

	test('401: a wrong key is reported, and never shown', async () => {
		const before = state().contacts.length;
		const run = await create([ann], {}, { apiKey: 'wipsy-wrong-key' });
		expect(run.error?.message).toBe('Wipsy answered 401: Invalid API key [item 0]');
		expect(run.error?.httpCode).toBe('401');
		expect(run.error?.description).toMatch(/Check the API key in the credential/);
		expect(JSON.stringify(run)).not.toContain('wipsy-wrong-key');
		expect(state().contacts).toHaveLength(before);
	});

	test('401 on the create itself', async () => {
		sandbox.addFault({
			path: '/api-create-contact',
			status: 401,
			body: { error: 'API key revoked' },
		});
		const run = await create([ann]);
		expect(run.error?.message).toBe('Wipsy answered 401: API key revoked [item 0]');
	});

	test('409 with "Fail": the duplicate message', async () => {
		await create([ann]);
		const run = await create([{ ...ann, name: 'Ann again' }]);
		expect(run.error?.message).toBe(
			'Wipsy answered 409: Contact with this phone number already exists [item 0]',
		);
		expect(run.error?.description).toMatch(/Return Existing/);
	});

	test('409 with "Return Existing": the existing contact by phone, marked as such, created once', async () => {
		const first = await create([ann]);
		const before = sandbox.requests('wipsy').length;
		const run = await create([{ ...ann, name: 'Ann again', phone: '+573188779043' }], {
			options: { ifContactExists: 'returnExisting' },
		});
		expect(run.items?.[0].json).toMatchObject({
			id: first.items?.[0].json.id,
			name: 'Ann',
			outcome: 'existing',
		});
		expect(requestLines().slice(before)).toEqual([
			'POST /api-create-contact',
			'GET /api-get-contacts',
		]);
		expect(lists().at(-1)?.query).toEqual({ limit: '500' });
		expect(state().contacts.filter((contact) => contact.name.startsWith('Ann'))).toHaveLength(1);
	});

	test('409 with "Return Existing": found by email when the phone differs', async () => {
		const run = await create([{ name: 'Seed', phone: '', email: seedEmail(400).toUpperCase() }], {
			options: { ifContactExists: 'returnExisting' },
		});
		expect(run.items?.[0].json).toMatchObject({
			name: 'Contact 400',
			email: seedEmail(400),
			outcome: 'existing',
		});
	});

	test('409 with "Return Existing" for a contact beyond the first 500 listed: a clear failure', async () => {
		const run = await create([{ name: 'Old', phone: seedPhone(3), email: '' }], {
			options: { ifContactExists: 'returnExisting' },
		});
		expect(run.error?.message).toBe(
			`Wipsy answered 409: Contact with this phone number already exists; but no existing contact matching ${seedPhone(3)} was found to return [item 0]`,
		);
		expect(creates()).toHaveLength(1);
	});

	test('429 is the monthly quota: one create request, no waiting, a message that says so', async () => {
		state().quotaRemaining = 0;
		const started = Date.now();
		const run = await create([ann]);
		expect(run.error?.message).toBe(
			"Wipsy answered 429: Wipsy's monthly contact quota is used up (the free plan allows 100 new contacts a month). This is a plan limit, not a rate limit, so the node did not wait and retry (Monthly contact limit reached) [item 0]",
		);
		expect(run.error?.httpCode).toBe('429');
		expect(run.error?.description).toBe(
			'A usage quota is used up: waiting will not help, so the request was not sent again. (POST /api-create-contact)',
		);
		expect(creates()).toHaveLength(1);
		expect(Date.now() - started).toBeLessThan(5000);
	});

	test('429 even with Retry-After: not retried; with continueOnFail each item is tried once', async () => {
		sandbox.addFault({
			path: '/api-create-contact',
			status: 429,
			headers: { 'Retry-After': '0' },
			body: { error: 'Monthly contact limit reached', details: 'Upgrade your plan' },
			times: 10,
		});
		const run = await create(
			[ann, { name: 'Bob', phone: '+15550007777', email: '' }],
			{},
			{ continueOnFail: true },
		);
		expect(run.items?.map((item) => (item.json.error as IDataObject).httpCode)).toEqual([
			'429',
			'429',
		]);
		expect(run.items?.[1].json.message).toMatch(/monthly contact quota is used up.*\[item 1\]$/);
		expect(creates()).toHaveLength(2);
	});

	test('the quota reached in the middle of a run: earlier contacts created, later items fail', async () => {
		state().quotaRemaining = 2;
		const people = [1, 2, 3].map((n) => ({ name: `P${n}`, phone: `+1555999000${n}`, email: '' }));
		const run = await create(people, { options: { maxConcurrency: 1 } }, { continueOnFail: true });
		expect(
			run.items?.map((item) => item.json.outcome ?? (item.json.error as IDataObject).httpCode),
		).toEqual(['created', 'created', '429']);
		expect(creates()).toHaveLength(3);
	});

	test('500: reported, never sent again; with continueOnFail the item carries it', async () => {
		sandbox.addFault({
			path: '/api-create-contact',
			status: 500,
			body: { error: 'Failed to create contact' },
		});
		const run = await create([ann], {}, { continueOnFail: true });
		expect(run.items?.[0]).toEqual({
			json: {
				message: 'Wipsy answered 500: Failed to create contact [item 0]',
				error: {
					message: 'Wipsy answered 500: Failed to create contact [item 0]',
					httpCode: '500',
					description: expect.stringMatching(/not sent again/),
				},
			},
			pairedItem: { item: 0 },
		});
		expect(creates()).toHaveLength(1);
	});

	test('a dropped connection on the create: outcome unknown, not sent again', async () => {
		sandbox.addFault({ path: '/api-create-contact', drop: true });
		const run = await create([ann]);
		expect(run.error?.message).toBe('Wipsy closed the connection before answering [item 0]');
		expect(run.error?.description).toMatch(/may have been stored by Wipsy\. It was not sent again/);
		expect(creates()).toHaveLength(1);
	});

	test('a 2xx answer with success: false is a failure, not an empty contact', async () => {
		sandbox.addFault({
			path: '/api-create-contact',
			status: 200,
			body: { success: false, error: 'Could not save contact' },
		});
		const run = await create([ann]);
		expect(run.error?.message).toBe('Wipsy answered 200: Could not save contact [item 0]');
	});

	test('continueOnFail with good and bad items: every item accounted for, in order', async () => {
		const run = await create(
			[
				{ name: 'Good 1', phone: '+15550002222', email: '' },
				{ name: 'Bad email', phone: '', email: 'nope' },
				{ name: 'Dup', phone: seedPhone(100), email: '' },
				{ name: 'Good 2', phone: '', email: 'good2@example.com' },
			],
			customFields([WIPSY_FIELDS.plan.id, '={{ $json.name === "Good 2" ? "Gold" : "Silver" }}']),
			{ continueOnFail: true },
		);
		expect(run.items?.map((item) => item.json.outcome ?? item.json.message)).toEqual([
			'created',
			'Email "nope" is not a valid email address [item 1]',
			'Wipsy answered 409: Contact with this phone number already exists [item 2]',
			'created',
		]);
		expect(run.items?.map((item) => item.pairedItem)).toEqual(
			[0, 1, 2, 3].map((item) => ({ item })),
		);
	});
});

describe('dropdowns: built from the contacts Wipsy lists', () => {
	const load = async (method: string, apiKey = WIPSY_API_KEY) =>
		await loadOptions({ type: 'wipsy', method, credentials: credentials(apiKey) });

	test('pipeline stages in stage_order, only those the first 500 contacts use', async () => {
		expect(await load('getPipelineStages')).toEqual([
			{ name: 'New Lead', value: WIPSY_STAGES.newLead.id },
			{ name: 'Contacted', value: WIPSY_STAGES.contacted.id },
			{ name: 'Qualified', value: WIPSY_STAGES.qualified.id },
			{ name: 'Won', value: WIPSY_STAGES.won.id },
		]);
		expect(
			sandbox
				.requests('wipsy')
				.map((request) => [request.path, request.query, request.headers['x-api-key']]),
		).toEqual([['/api-get-contacts', { limit: '500' }, WIPSY_API_KEY]]);
	});

	test('tags by name, each once', async () => {
		expect(await load('getTags')).toEqual([
			{ name: 'Newsletter', value: WIPSY_TAGS.newsletter.id },
			{ name: 'VIP', value: WIPSY_TAGS.vip.id },
			{ name: 'Webinar 2024', value: WIPSY_TAGS.webinar.id },
		]);
	});

	test('custom fields by field_order, named, with their type', async () => {
		expect(await load('getCustomFields')).toEqual([
			{ name: 'Industry', value: WIPSY_FIELDS.industry.id, description: 'text' },
			{ name: 'Budget', value: WIPSY_FIELDS.budget.id, description: 'number' },
			{ name: 'Birthday', value: WIPSY_FIELDS.birthday.id, description: 'date, YYYY-MM-DD' },
			{ name: 'Plan', value: WIPSY_FIELDS.plan.id, description: 'select: Bronze, Silver, Gold' },
			{ name: 'Work Email', value: WIPSY_FIELDS.workEmail.id, description: 'email' },
			{ name: 'Mobile', value: WIPSY_FIELDS.mobile.id, description: 'phone' },
		]);
	});

	test('a new contact with a stage, tag and field no one used before makes them appear', async () => {
		await create([ann], { pipelineStageId: WIPSY_STAGES.lost.id, tags: [WIPSY_TAGS.unused.id] });
		expect((await load('getPipelineStages')).map((option) => option.name)).toEqual([
			'New Lead',
			'Contacted',
			'Qualified',
			'Won',
			'Lost',
		]);
		expect((await load('getTags')).map((option) => option.name)).toContain('Unused');
	});

	test('an account whose contacts carry nothing: empty lists', async () => {
		state().contacts = state().contacts.map((contact) => ({
			...contact,
			pipeline_stage_id: null,
			tag_ids: [],
			field_values: {},
		}));
		expect(await load('getPipelineStages')).toEqual([]);
		expect(await load('getTags')).toEqual([]);
		expect(await load('getCustomFields')).toEqual([]);
	});

	test('an auth failure is an error, not an empty list', async () => {
		await expect(load('getTags', 'wipsy-wrong-key')).rejects.toThrow(
			'Wipsy answered 401: Invalid API key',
		);
	});
});

describe('credential', () => {
	test('the test request: a good key answers 200, a bad one 401', async () => {
		const good = await testCredential('wipsyApi', credentials().wipsyApi);
		const bad = await testCredential('wipsyApi', credentials('wrong-key').wipsyApi);
		expect([good.statusCode, bad.statusCode]).toEqual([200, 401]);
		expect(
			sandbox
				.requests('wipsy')
				.map((request) => [
					request.method,
					request.path,
					request.query,
					request.headers['x-api-key'],
				]),
		).toEqual([
			['GET', '/api-get-contacts', { limit: '1' }, WIPSY_API_KEY],
			['GET', '/api-get-contacts', { limit: '1' }, 'wrong-key'],
		]);
	});
});

describe('what the editor shows', () => {
	const properties = new Wipsy().description.properties;
	const byName = (name: string, list: INodeProperties[] = properties) =>
		list.find((property) => property.name === name)!;

	test('dropdowns say only values already used by a contact are listed, with the expression fallback', () => {
		const fieldKey = (byName('customFields').options as Array<{ values: INodeProperties[] }>)[0]
			.values[0];
		for (const property of [byName('pipelineStageId'), byName('tags'), fieldKey]) {
			expect(property.description).toMatch(
				/reads the first 500 contacts Wipsy returns and lists only values those contacts already use/,
			);
			expect(property.description).toMatch(
				/specify (an ID|IDs) using an <a href="https:\/\/docs\.n8n\.io\/code\/expressions\/">expression<\/a>\.$/,
			);
		}
		expect(byName('customFields').description).toMatch(
			/Fields given by an ID the node cannot find on any contact are sent unchecked/,
		);
	});

	test('the two collections have buttons of their own names: Add Custom Field and Add Field', () => {
		expect([byName('customFields').placeholder, byName('additionalFields').placeholder]).toEqual([
			'Add Custom Field',
			'Add Field',
		]);
	});

	test('"Return Existing" says how far the search reaches; pacing defaults are 5 at a time, 10 per second', () => {
		const options = byName('options').options as INodeProperties[];
		const ifExists = byName('ifContactExists', options);
		const returnExisting = (ifExists.options as Array<{ value: string; description: string }>).find(
			(option) => option.value === 'returnExisting',
		)!;
		expect(returnExisting.description).toMatch(/among the first 500 contacts Wipsy lists/);
		expect([
			byName('maxConcurrency', options).default,
			byName('maxRequests', options).default,
			byName('rateInterval', options).default,
		]).toEqual([5, 10, 'second']);
		expect(byName('maxRequests', options).description).toMatch(/conservative choice/);
	});
});

describe('a 2xx that is not the documented answer', () => {
	test('a dropdown answered by a maintenance page is an error, not an empty list', async () => {
		sandbox.addFault({ path: '/api-get-contacts', ...notTheAnswer.html });
		await expect(
			loadOptions({ type: 'wipsy', method: 'getTags', credentials: credentials() }),
		).rejects.toThrow('Wipsy answered 200 but not with JSON (an HTML page: "Down for maintenance');
	});
});
