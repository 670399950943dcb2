/**
 * Thoughtly, driven through n8n-core's engine against the sandbox that follows
 * its API document (see docs/vendor-facts.md). Each test asserts
 * what a user would see: the requests Thoughtly receives, the node's output items, or the
 * error text.
 */
import { loadOptions, runNode, testCredential } from '../harness/n8n';
import { createSandbox } from '../sandbox';
import { notTheAnswer } from '../sandbox/server';
import type { ThoughtlyState } from '../sandbox/vendors/thoughtly';
import {
	THOUGHTLY_DUPLICATE_MESSAGE,
	THOUGHTLY_OTHER_TEAM_ID,
	THOUGHTLY_SEED_TAGS,
	THOUGHTLY_TEAM_ID,
	THOUGHTLY_TOKEN,
} from '../sandbox/vendors/thoughtly';

const sandbox = createSandbox();
beforeAll(async () => {
	await sandbox.start();
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

function credentials(token = THOUGHTLY_TOKEN, teamId = THOUGHTLY_TEAM_ID) {
	return { thoughtlyApi: { apiToken: token, teamId, baseUrl: sandbox.baseUrl('thoughtly') } };
}

/** Parameters as a user sets them: fields read from the incoming item by expression. */
const fromItem = {
	phone: '={{ $json.phone }}',
	fullName: '={{ $json.name }}',
	email: '={{ $json.email }}',
};

interface CreateOptions {
	continueOnFail?: boolean;
	token?: string;
	teamId?: string;
}

async function create(items: object[], parameters: object = {}, options: CreateOptions = {}) {
	return await runNode({
		type: 'thoughtly',
		parameters: { ...fromItem, ...parameters },
		items: items as never,
		credentials: credentials(options.token, options.teamId),
		continueOnFail: options.continueOnFail,
	});
}

const creates = () =>
	sandbox.requests('thoughtly').filter((request) => request.path === '/contact/create');
const contacts = () => sandbox.state<ThoughtlyState>('thoughtly').contacts;
const ann = { name: 'Ann Lee', phone: '+1 (415) 555-1234', email: 'ann@example.com' };

describe('create', () => {
	test('sends both auth headers and exactly the documented body, and outputs the contact from data', async () => {
		const run = await create([ann], {
			countryCode: 'US',
			tags: ['VIP', 'lead'],
			customFields: {
				field: [
					{ key: 'plan_interest', value: 'starter' },
					{ key: 'company', value: 'Acme Corp' },
				],
			},
		});
		expect(run.error).toBeUndefined();
		const requests = sandbox.requests('thoughtly');
		expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			'POST /contact/create',
		]);
		expect(requests[0].headers['x-api-token']).toBe(THOUGHTLY_TOKEN);
		expect(requests[0].headers.team_id).toBe(THOUGHTLY_TEAM_ID);
		expect(requests[0].headers['content-type']).toMatch(/application\/json/);
		expect(requests[0].body).toEqual({
			phone_number: '+14155551234',
			name: 'Ann Lee',
			email: 'ann@example.com',
			country_code: 'US',
			tags: ['VIP', 'lead'],
			attributes: { plan_interest: 'starter', company: 'Acme Corp' },
		});
		const saved = contacts()[0];
		expect(run.items).toEqual([
			{
				json: {
					id: saved.id,
					phone_number: '+14155551234',
					name: 'Ann Lee',
					email: 'ann@example.com',
					country_code: 'US',
					tags: ['VIP', 'lead'],
					attributes: { plan_interest: 'starter', company: 'Acme Corp' },
					created_at: saved.created_at,
					updated_at: saved.updated_at,
					outcome: 'created',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test('only the phone number: empty optional fields, tags and attributes are left out', async () => {
		const run = await create([{ name: '', phone: '0044 20 7946 0958', email: '  ' }], {
			countryCode: '',
			tags: [],
			customFields: {
				field: [
					{ key: '', value: '' },
					{ key: 'left_empty', value: '' },
				],
			},
		});
		expect(run.items?.[0].json.outcome).toBe('created');
		expect(creates()[0].body).toEqual({ phone_number: '+442079460958' });
	});

	test('new tags by expression join the chosen ones: a list or comma-separated names, without repeats', async () => {
		await create([{ ...ann, newTags: ['Webinar 2024', 'VIP'] }], {
			tags: '={{ ["VIP", ...$json.newTags] }}',
		});
		await create([{ ...ann, phone: '+14155550000', newTags: 'Spring promo, callback ,' }], {
			tags: '={{ $json.newTags }}',
		});
		expect(creates().map((request) => (request.body as { tags: string[] }).tags)).toEqual([
			['VIP', 'Webinar 2024'],
			['Spring promo', 'callback'],
		]);
	});

	test("a national number is read in the contact's Country Code, else in the Default Country", async () => {
		await create([{ ...ann, phone: '020 7946 0958', country: 'GB' }], {
			countryCode: '={{ $json.country }}',
			options: { defaultCountry: 'US' },
		});
		await create([{ ...ann, phone: '(415) 555-2671' }], { options: { defaultCountry: 'US' } });
		expect(creates().map((request) => request.body)).toEqual([
			expect.objectContaining({ phone_number: '+442079460958', country_code: 'GB' }),
			expect.objectContaining({ phone_number: '+14155552671' }),
		]);
	});

	test('numbers and booleans given to attributes keep their type', async () => {
		await create([{ ...ann, seats: 12, vip: true }], {
			customFields: {
				field: [
					{ key: 'seats', value: '={{ $json.seats }}' },
					{ key: 'vip', value: '={{ $json.vip }}' },
				],
			},
		});
		expect(creates()[0].body).toMatchObject({ attributes: { seats: 12, vip: true } });
	});

	test('a country code given by expression in lower case is sent in upper case', async () => {
		await create([{ ...ann, country: 'gb' }], { countryCode: '={{ $json.country }}' });
		expect(creates()[0].body).toMatchObject({ country_code: 'GB' });
	});

	test('many items: one output each, in input order, each paired with its input', async () => {
		const people = Array.from({ length: 7 }, (_, index) => ({
			name: `Person ${index}`,
			phone: `+1 212 555 01${String(index).padStart(2, '0')}`,
			email: '',
		}));
		sandbox.setLatency(200);
		// No fixed rate, so the default of 100 a minute does not spread these seven over 4 s.
		const run = await create(people, { options: { maxRequests: 0 } });
		expect(run.items?.map((item) => [item.json.name, item.json.outcome, item.pairedItem])).toEqual(
			people.map((person, index) => [person.name, 'created', { item: index }]),
		);
		// Five at a time by default.
		expect(sandbox.stats.peakInFlight).toBe(5);
	});
});

describe('input checks fail the item before any request', () => {
	test.each([
		['no phone number', { ...ann, phone: '' }, {}, 'Phone Number is required [item 0]'],
		[
			'letters in the phone number',
			{ ...ann, phone: '+1 415 CALL NOW' },
			{},
			'Phone Number "+1 415 CALL NOW" is not a phone number: only digits, spaces, +, -, ., / and parentheses are allowed [item 0]',
		],
		[
			'a bad email',
			{ ...ann, email: 'ann@example' },
			{},
			'Email "ann@example" is not a valid email address [item 0]',
		],
		[
			'a dialling code as country code',
			{ ...ann, country: '+1' },
			{ countryCode: '={{ $json.country }}' },
			'Country Code "+1" looks like a dialling code; Thoughtly expects a two-letter country code [item 0]',
		],
		[
			'an unknown country code',
			{ ...ann, country: 'UK' },
			{ countryCode: '={{ $json.country }}' },
			'Country Code "UK" is not a two-letter ISO 3166-1 country code [item 0]',
		],
		[
			'an attribute key given twice',
			ann,
			{
				customFields: {
					field: [
						{ key: 'plan', value: 'a' },
						{ key: 'plan', value: 'b' },
					],
				},
			},
			'Attribute "plan" is given twice; keep one value per field [item 0]',
		],
		[
			'an attribute value without a key',
			ann,
			{ customFields: { field: [{ key: ' ', value: 'orphan' }] } },
			'Attribute 1 has the value "orphan" but no field [item 0]',
		],
		[
			'an attribute named __proto__ (refused, not dropped)',
			ann,
			{ customFields: { field: [{ key: '__proto__', value: 'x' }] } },
			'Attribute "__proto__" is a name JavaScript reserves, so it cannot be used as a key [item 0]',
		],
		[
			'an attribute named constructor',
			ann,
			{ customFields: { field: [{ key: 'constructor', value: 'x' }] } },
			'Attribute "constructor" is a name JavaScript reserves, so it cannot be used as a key [item 0]',
		],
		[
			'an object as an attribute value',
			{ ...ann, plan: { tier: 'gold' } },
			{ customFields: { field: [{ key: 'plan', value: '={{ $json.plan }}' }] } },
			'Attribute "plan" must be text, but the expression gave an object [item 0]',
		],
		[
			'a list as the name',
			{ ...ann, name: ['Ann', 'Lee'] },
			{},
			'Full Name must be text, but the expression gave a list [item 0]',
		],
		[
			'a national number without a country',
			{ ...ann, phone: '(415) 555-2671' },
			{},
			'Phone Number "(415) 555-2671" has no country code [item 0]',
		],
	])('%s', async (_case, item, parameters, message) => {
		const run = await create([item], parameters);
		expect(run.error?.message).toBe(message);
		expect(sandbox.requests()).toHaveLength(0);
	});

	test('the duplicate-key message tells how to fix it', async () => {
		const run = await create([ann], {
			customFields: {
				field: [
					{ key: 'plan', value: 'a' },
					{ key: 'plan', value: 'b' },
				],
			},
		});
		expect(run.error?.description).toBe('Remove or merge one of the rows.');
	});
});

describe('the {data, error} envelope', () => {
	test('an error inside a 200 answer fails the item with its message, never [object Object]', async () => {
		sandbox.addFault({
			path: '/contact/create',
			status: 200,
			body: {
				data: null,
				error: { code: 'INVALID_PHONE', message: 'Phone number is not callable' },
			},
		});
		const run = await create([ann]);
		expect(run.error?.message).toBe(
			'Thoughtly answered 200: Phone number is not callable [item 0]',
		);
		expect(run.error?.httpCode).toBe('200');
	});

	test.each([
		['a plain string', 'Team is suspended', 'Team is suspended'],
		[
			'an object without a message key',
			{ code: 'TEAM_SUSPENDED', description: 'Team is suspended' },
			'Team is suspended',
		],
		['an object with only a code', { code: 'TEAM_SUSPENDED' }, 'TEAM_SUSPENDED'],
		['an object of unknown fields', { status: 7 }, '{"status":7}'],
		['an empty object and no data', {}, 'Thoughtly reported an error without details'],
	])('the error as %s reaches the user', async (_case, error, message) => {
		sandbox.addFault({ path: '/contact/create', status: 200, body: { data: null, error } });
		const run = await create([ann]);
		expect(run.error?.message).toBe(`Thoughtly answered 200: ${message} [item 0]`);
		expect(run.error?.message).not.toContain('[object Object]');
	});

	test('an empty error object next to data is a success', async () => {
		sandbox.addFault({
			path: '/contact/create',
			status: 200,
			body: { data: { id: 'ct_x', phone_number: '+14155551234' }, error: {} },
		});
		const run = await create([ann]);
		expect(run.items?.[0].json).toEqual({
			id: 'ct_x',
			phone_number: '+14155551234',
			outcome: 'created',
		});
	});
});

describe('vendor errors', () => {
	test('400: the vendor validation message, naming the item', async () => {
		sandbox.addFault({
			path: '/contact/create',
			status: 400,
			body: {
				data: null,
				error: {
					code: 'VALIDATION_ERROR',
					message: 'body.phone_number must be a valid phone number in E.164 format',
				},
			},
		});
		const run = await create([ann]);
		expect(run.error?.message).toBe(
			'Thoughtly answered 400: body.phone_number must be a valid phone number in E.164 format [item 0]',
		);
		expect(run.error?.httpCode).toBe('400');
	});

	test('401: a bad token; no credential value reaches the error', async () => {
		const run = await create([ann], {}, { token: 'wrong-token' });
		expect(run.error?.message).toBe(
			'Thoughtly answered 401: Invalid or missing API token [item 0]',
		);
		expect(run.error?.description).toMatch(/Check the API key in the credential/);
		expect(JSON.stringify(run)).not.toContain('wrong-token');
		expect(JSON.stringify(run)).not.toContain(THOUGHTLY_TEAM_ID);
	});

	test('403: a team the token does not belong to', async () => {
		const run = await create([ann], {}, { teamId: THOUGHTLY_OTHER_TEAM_ID });
		expect(run.error?.message).toBe(
			'Thoughtly answered 403: This API token does not belong to the given team [item 0]',
		);
		expect(run.error?.httpCode).toBe('403');
	});

	test('429 then success: waits, sends again, one contact', async () => {
		sandbox.addFault({
			path: '/contact/create',
			status: 429,
			body: { data: null, error: { message: 'Rate limit exceeded: 100 requests per minute' } },
			headers: { 'Retry-After': '0' },
		});
		const run = await create([ann]);
		expect(run.items?.[0].json.outcome).toBe('created');
		expect(creates()).toHaveLength(2);
		expect(contacts().filter((contact) => contact.phone_number === '+14155551234')).toHaveLength(1);
	});

	test('429 that never ends: a clear error once the wait budget is spent, saying how long and how many', async () => {
		sandbox.addFault({
			path: '/contact/create',
			status: 429,
			body: { data: null, error: { message: 'Rate limit exceeded: 100 requests per minute' } },
			headers: { 'Retry-After': '0' },
			times: 50,
		});
		const run = await create([ann], { options: { maxRateLimitWait: 1 } });
		const said =
			/^Thoughtly is rate limiting: this item waited [\d.]+ s and met (\d+) × 429; a further pause of [\d.]+ s would pass its wait budget of 1 s/.exec(
				run.error?.message ?? '',
			);
		expect(said).not.toBeNull();
		expect(run.error?.message).toMatch(/\[item 0\]$/);
		expect(run.error?.httpCode).toBe('429');
		expect(creates()).toHaveLength(Number(said![1]));
	});

	test('500: reported, never sent again; with continueOnFail the item carries it', async () => {
		sandbox.addFault({
			path: '/contact/create',
			status: 500,
			body: { data: null, error: { message: 'Internal server error' } },
		});
		const run = await create([ann], {}, { continueOnFail: true });
		expect(run.items).toEqual([
			{
				json: {
					message: 'Thoughtly answered 500: Internal server error [item 0]',
					error: {
						message: 'Thoughtly answered 500: Internal server error [item 0]',
						httpCode: '500',
						description: expect.stringMatching(/not sent again/),
					},
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(creates()).toHaveLength(1);
	});

	test('a dropped connection: reported as unknown outcome, never sent again', async () => {
		sandbox.addFault({ path: '/contact/create', drop: true });
		const run = await create([ann]);
		expect(run.error?.message).toBe('Thoughtly closed the connection before answering [item 0]');
		expect(run.error?.description).toMatch(
			/may have been stored by Thoughtly\. It was not sent again/,
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
				{ name: 'No phone', phone: '', email: '' },
				{ name: 'Good 2', phone: '+15550004444', email: '' },
			],
			{},
			{ continueOnFail: true },
		);
		expect(run.items?.map((item) => item.json.outcome ?? item.json.message)).toEqual([
			'created',
			'Email "nope" is not a valid email address [item 1]',
			`Thoughtly answered 200: ${THOUGHTLY_DUPLICATE_MESSAGE} [item 2]`,
			'Phone Number is required [item 3]',
			'created',
		]);
		expect(run.items?.map((item) => item.pairedItem)).toEqual(
			[0, 1, 2, 3, 4].map((item) => ({ item })),
		);
	});
});

describe('If Contact Exists', () => {
	test('Fail (default): the duplicate, reported by Thoughtly inside a 200, fails the item', async () => {
		await create([ann]);
		const run = await create([ann]);
		expect(run.error?.message).toBe(
			`Thoughtly answered 200: ${THOUGHTLY_DUPLICATE_MESSAGE} [item 0]`,
		);
		expect(run.error?.description).toBe(
			'The contact already exists. Set "If Contact Exists" to "Return Existing" in the node options to output the existing contact instead.',
		);
		expect(sandbox.requests().filter((request) => request.method === 'GET')).toHaveLength(0);
	});

	test('Return Existing: looks the phone number up and outputs that contact, created once', async () => {
		const first = await create([ann], { tags: ['VIP'] });
		const run = await create([{ ...ann, name: 'Ann again' }], {
			options: { ifContactExists: 'returnExisting' },
		});
		expect(run.error).toBeUndefined();
		expect(run.items?.[0].json).toEqual({ ...first.items?.[0].json, outcome: 'existing' });
		expect(creates()).toHaveLength(2);
		const lookups = sandbox.requests('thoughtly').filter((request) => request.method === 'GET');
		expect(lookups.map((request) => [request.path, request.query])).toEqual([
			['/contact', { search: '+14155551234', page: '0', limit: '50' }],
		]);
		expect(lookups[0].headers['x-api-token']).toBe(THOUGHTLY_TOKEN);
		expect(lookups[0].headers.team_id).toBe(THOUGHTLY_TEAM_ID);
		expect(contacts().filter((contact) => contact.phone_number === '+14155551234')).toHaveLength(1);
	});

	test.each([
		['a 409', 409],
		['a 400', 400],
	])('Return Existing also recognises a duplicate answered with %s', async (_case, status) => {
		await create([ann]);
		sandbox.addFault({
			path: '/contact/create',
			status,
			body: { data: null, error: { message: 'Contact already exists' } },
		});
		const run = await create([ann], { options: { ifContactExists: 'returnExisting' } });
		expect(run.items?.[0].json).toMatchObject({
			phone_number: '+14155551234',
			outcome: 'existing',
		});
	});

	test('Return Existing does not hide other failures', async () => {
		sandbox.addFault({
			path: '/contact/create',
			status: 200,
			body: { data: null, error: { message: 'Phone number is not callable' } },
		});
		const run = await create([ann], { options: { ifContactExists: 'returnExisting' } });
		expect(run.error?.message).toBe(
			'Thoughtly answered 200: Phone number is not callable [item 0]',
		);
		expect(sandbox.requests().filter((request) => request.method === 'GET')).toHaveLength(0);
	});

	test('a duplicate that the search does not find fails with both facts', async () => {
		await create([ann]);
		sandbox.addFault({
			method: 'GET',
			path: '/contact',
			status: 200,
			body: { data: { contacts: [] }, error: null },
		});
		const run = await create([ann], { options: { ifContactExists: 'returnExisting' } });
		expect(run.error?.message).toBe(
			`Thoughtly answered 200: ${THOUGHTLY_DUPLICATE_MESSAGE}; but no existing contact matching +14155551234 was found to return [item 0]`,
		);
	});
});

describe('pacing', () => {
	test('Max Requests per second in the options keeps a bulk run inside the vendor limit', async () => {
		sandbox.setRateLimit('thoughtly', { limit: 5, windowMs: 1000 });
		const people = Array.from({ length: 9 }, (_, index) => ({
			name: `P${index}`,
			phone: `+1 646 555 02${String(index).padStart(2, '0')}`,
			email: '',
		}));
		const started = Date.now();
		const run = await create(people, { options: { maxRequests: 4, rateInterval: 'second' } });
		expect(run.items?.map((item) => item.json.outcome)).toEqual(people.map(() => 'created'));
		expect(sandbox.stats.rateLimited).toBe(0);
		// 9 requests at 4 a second need two full waits.
		expect(Date.now() - started).toBeGreaterThanOrEqual(2000 - 50);
	});

	test('without pacing the sandbox limit is hit, and the 429s are waited out', async () => {
		// Five requests start at once; two windows of a second take at most four of them.
		sandbox.setRateLimit('thoughtly', { limit: 2, windowMs: 1000 });
		const people = Array.from({ length: 5 }, (_, index) => ({
			name: `P${index}`,
			phone: `+1 646 555 03${String(index).padStart(2, '0')}`,
			email: '',
		}));
		const run = await create(people, { options: { maxRequests: 0 } });
		expect(run.items?.map((item) => item.json.outcome)).toEqual(people.map(() => 'created'));
		expect(sandbox.stats.rateLimited).toBeGreaterThan(0);
		expect(
			contacts().filter((contact) => contact.phone_number.startsWith('+1646555')),
		).toHaveLength(5);
	});
});

describe('tag dropdown', () => {
	const load = async (token = THOUGHTLY_TOKEN, teamId = THOUGHTLY_TEAM_ID) =>
		await loadOptions({
			type: 'thoughtly',
			method: 'getTags',
			credentials: credentials(token, teamId),
		});

	test('reads every page of the team contacts (limit 50) and offers each tag once, sorted', async () => {
		const options = await load();
		expect(options).toEqual(
			[...THOUGHTLY_SEED_TAGS]
				.sort((a, b) => a.localeCompare(b))
				.map((name) => ({ name, value: name })),
		);
		const requests = sandbox.requests('thoughtly');
		expect(requests.map((request) => [request.method, request.path, request.query])).toEqual([
			['GET', '/contact', { page: '0', limit: '50' }],
			['GET', '/contact', { page: '1', limit: '50' }],
			['GET', '/contact', { page: '2', limit: '50' }],
		]);
		expect(
			requests.every(
				(request) =>
					request.headers['x-api-token'] === THOUGHTLY_TOKEN &&
					request.headers.team_id === THOUGHTLY_TEAM_ID,
			),
		).toBe(true);
	});

	test('tags given as objects are read by name', async () => {
		sandbox.addFault({
			path: '/contact',
			status: 200,
			body: {
				data: {
					contacts: [{ id: 'a', tags: [{ name: 'Gold' }, 'Silver', { label: 'Bronze' }, null] }],
				},
				error: null,
			},
		});
		expect((await load()).map((option) => option.value)).toEqual(['Bronze', 'Gold', 'Silver']);
	});

	test('an auth failure is an error, not an empty list', async () => {
		await expect(load('wrong-token')).rejects.toThrow(
			'Thoughtly answered 401: Invalid or missing API token',
		);
		await expect(load(THOUGHTLY_TOKEN, THOUGHTLY_OTHER_TEAM_ID)).rejects.toThrow(
			'Thoughtly answered 403: This API token does not belong to the given team',
		);
	});

	test('an envelope error on a 200 list answer is an error too', async () => {
		sandbox.addFault({
			path: '/contact',
			status: 200,
			body: { data: null, error: { message: 'Team is suspended' } },
		});
		await expect(load()).rejects.toThrow('Thoughtly answered 200: Team is suspended');
	});
});

describe('credential test', () => {
	test('GET /interview?limit=1 with both headers: 200 for good values, 401 for a bad token, 403 for a foreign team', async () => {
		const good = await testCredential('thoughtlyApi', credentials().thoughtlyApi);
		const badToken = await testCredential('thoughtlyApi', credentials('wrong').thoughtlyApi);
		const badTeam = await testCredential(
			'thoughtlyApi',
			credentials(THOUGHTLY_TOKEN, THOUGHTLY_OTHER_TEAM_ID).thoughtlyApi,
		);
		expect([good.statusCode, badToken.statusCode, badTeam.statusCode]).toEqual([200, 401, 403]);
		const requests = sandbox.requests('thoughtly');
		expect(requests.map((request) => [request.path, request.query])).toEqual([
			['/interview', { limit: '1' }],
			['/interview', { limit: '1' }],
			['/interview', { limit: '1' }],
		]);
		expect([requests[0].headers['x-api-token'], requests[0].headers.team_id]).toEqual([
			THOUGHTLY_TOKEN,
			THOUGHTLY_TEAM_ID,
		]);
	});
});

describe('a 2xx that is not the documented answer', () => {
	test('a dropdown answered by a maintenance page is an error, not an empty list', async () => {
		sandbox.addFault({ path: '/contact', ...notTheAnswer.html });
		await expect(
			loadOptions({ type: 'thoughtly', method: 'getTags', credentials: credentials() }),
		).rejects.toThrow(
			'Thoughtly answered 200 but not with JSON (an HTML page: "Down for maintenance',
		);
	});
});
