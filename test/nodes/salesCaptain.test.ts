/**
 * SalesCaptain, driven through n8n-core's engine against the sandbox that follows
 * its API document (see docs/vendor-facts.md). Each test asserts what a user would see: the requests
 * SalesCaptain receives, the node's output items, or the error text.
 */
import { loadOptions, runNode, testCredential } from '../harness/n8n';
import { createSandbox } from '../sandbox';
import { notTheAnswer } from '../sandbox/server';
import type { SalesCaptainState } from '../sandbox/vendors/salesCaptain';
import {
	SALESCAPTAIN_TOKEN,
	SALESCAPTAIN_TOKEN_WITHOUT_CONTACTS_ROLE,
	SC_COMPANIES,
} from '../sandbox/vendors/salesCaptain';

const sandbox = createSandbox();
beforeAll(async () => {
	await sandbox.start();
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const ACME = SC_COMPANIES[0].company_id;
const INDUSTRY = 'd4e5f6a7-b8c9-4d1e-8f3a-4b5c6d7e8f9a';
const BUDGET = 'e5f6a7b8-c9d0-4e2f-9a4b-5c6d7e8f9a0b';
const INACTIVE_FIELD = 'f6a7b8c9-d0e1-4f3a-8b5c-6d7e8f9a0b1c';
const VIP = '11111111-aaaa-4aaa-8aaa-000000000001';
const NEWSLETTER = '11111111-aaaa-4aaa-8aaa-000000000002';

function credentials(token = SALESCAPTAIN_TOKEN) {
	return { salesCaptainApi: { accessToken: token, baseUrl: sandbox.baseUrl('salescaptain') } };
}

/** Parameters as a user sets them: fields read from the incoming item by expression. */
const fromItem = {
	company: ACME,
	fullName: '={{ $json.name }}',
	phone: '={{ $json.phone }}',
	email: '={{ $json.email }}',
};

async function create(
	items: object[],
	parameters: object = {},
	options: { continueOnFail?: boolean; errorOutput?: boolean; token?: string } = {},
) {
	return await runNode({
		type: 'salesCaptain',
		parameters: { ...fromItem, ...parameters },
		items: items as never,
		credentials: credentials(options.token),
		continueOnFail: options.continueOnFail,
		onError: options.errorOutput ? 'continueErrorOutput' : undefined,
	});
}

/** Acme's contacts: the ones the tests make (the seeded ones belong to Copper Kettle Cafe). */
const acmeContacts = () =>
	sandbox
		.state<SalesCaptainState>('salescaptain')
		.contacts.filter((contact) => contact.company_id === ACME);

const creates = () =>
	sandbox.requests('salescaptain').filter((request) => request.path === '/v1/create-contact');

describe('create', () => {
	test('sends the documented body with auth, then tags the new contact, and outputs it', async () => {
		const run = await create(
			[{ name: 'Ann Lee', phone: '+1 (415) 555-1234', email: 'ann@example.com' }],
			{
				customFields: {
					field: [
						{ key: INDUSTRY, value: 'Outdoor' },
						{ key: BUDGET, value: '50000' },
					],
				},
				tags: [VIP, NEWSLETTER],
			},
		);
		expect(run.error).toBeUndefined();
		const requests = sandbox.requests('salescaptain');
		expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			`GET /v1/list-custom-fields/${ACME}`,
			'POST /v1/create-contact',
			`POST /v1/add-tag-to-contact/${ACME}`,
			`POST /v1/add-tag-to-contact/${ACME}`,
		]);
		expect(requests[1].headers.authorization).toBe(`Bearer ${SALESCAPTAIN_TOKEN}`);
		expect(requests[1].body).toEqual({
			company_id: ACME,
			contact_name: 'Ann Lee',
			contact_phone: '+14155551234',
			contact_email: 'ann@example.com',
			custom_fields: [
				{ cf_id: INDUSTRY, cf_value: 'Outdoor' },
				{ cf_id: BUDGET, cf_value: '50000' },
			],
		});
		const contactId = acmeContacts()[0].contact_id;
		expect(requests.slice(2).map((request) => request.body)).toEqual([
			{ contact_id: contactId, tag_id: VIP },
			{ contact_id: contactId, tag_id: NEWSLETTER },
		]);
		expect(run.items).toEqual([
			{
				json: {
					contact_id: contactId,
					name: 'Ann Lee',
					phone: '+14155551234',
					email: 'ann@example.com',
					conversation_id: expect.any(String),
					created_at: expect.any(String),
					updated_at: expect.any(String),
					custom_fields: [
						{ cf_name: 'Industry', cf_value: 'Outdoor' },
						{ cf_name: 'Budget', cf_value: '50000' },
					],
					appliedTags: [VIP, NEWSLETTER],
					outcome: 'created',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test('many items: one output each, in order, empty fields left out of the body', async () => {
		const people = [
			{ name: 'Phone Only', phone: '0049 30 1234567', email: '' },
			{ name: 'Email Only', phone: '', email: 'only@example.com' },
			{ name: 'Both', phone: '+44 20 7946 0958', email: 'both@example.com' },
		];
		const run = await create(people);
		expect(run.items?.map((item) => [item.json.name, item.json.outcome, item.pairedItem])).toEqual([
			['Phone Only', 'created', { item: 0 }],
			['Email Only', 'created', { item: 1 }],
			['Both', 'created', { item: 2 }],
		]);
		const bodies = creates().map((request) => request.body);
		expect(bodies).toEqual(
			expect.arrayContaining([
				{ company_id: ACME, contact_name: 'Phone Only', contact_phone: '+49301234567' },
				{ company_id: ACME, contact_name: 'Email Only', contact_email: 'only@example.com' },
				{
					company_id: ACME,
					contact_name: 'Both',
					contact_phone: '+442079460958',
					contact_email: 'both@example.com',
				},
			]),
		);
		expect(bodies).toHaveLength(3);
	});
});

describe('custom-field values are checked against their SalesCaptain type', () => {
	const ann = { name: 'Ann', phone: '+14155551234', email: '' };

	test('a number field given "lots of money" fails before the create', async () => {
		const run = await create([ann], {
			customFields: { field: [{ key: BUDGET, value: 'lots of money' }] },
		});
		expect(run.error?.message).toBe(
			'Custom field "Budget" is a number field, but "lots of money" is not a number [item 0]',
		);
		expect(run.error?.description).toMatch(/digits with a dot for decimals/);
		expect(creates()).toHaveLength(0);
	});

	test("the company's field types are read once per run, and text fields take anything", async () => {
		const run = await create(
			[ann, { ...ann, phone: '+14155551235' }, { ...ann, phone: '+14155551236' }],
			{
				customFields: {
					field: [
						{ key: BUDGET, value: '={{ 1000 + $itemIndex }}' },
						{ key: INDUSTRY, value: '12 apples, 3 pears' },
					],
				},
			},
		);
		expect(run.error).toBeUndefined();
		expect(
			sandbox
				.requests('salescaptain')
				.filter((request) => request.path.startsWith('/v1/list-custom-fields/')),
		).toHaveLength(1);
		expect(
			creates().map((request) => (request.body as { custom_fields: unknown }).custom_fields),
		).toEqual(
			expect.arrayContaining([
				[
					{ cf_id: BUDGET, cf_value: '1000' },
					{ cf_id: INDUSTRY, cf_value: '12 apples, 3 pears' },
				],
			]),
		);
	});

	test('items without custom fields read no definitions', async () => {
		await create([ann]);
		expect(sandbox.requests('salescaptain').map((request) => request.path)).toEqual([
			'/v1/create-contact',
		]);
	});
});

describe('phone numbers without a country code (Options → Default Country)', () => {
	test('(415) 555-2671 fails with a hint; with Default Country US it is sent as +14155552671', async () => {
		const refused = await create([{ name: 'Ann', phone: '(415) 555-2671', email: '' }]);
		expect(refused.error?.message).toBe(
			'Phone Number "(415) 555-2671" has no country code [item 0]',
		);
		expect(refused.error?.description).toMatch(/Default Country/);
		expect(creates()).toHaveLength(0);

		const sent = await create([{ name: 'Ann', phone: '(415) 555-2671', email: '' }], {
			options: { defaultCountry: 'US' },
		});
		expect(sent.error).toBeUndefined();
		expect(creates()[0].body).toMatchObject({ contact_phone: '+14155552671' });
	});

	test('German 030 1234567 with Default Country DE; (0) after a country code is dropped', async () => {
		const run = await create(
			[
				{ name: 'Berlin', phone: '030 1234567', email: '' },
				{ name: 'London', phone: '+44 (0)20 7946 0958', email: '' },
			],
			{ options: { defaultCountry: 'DE' } },
		);
		expect(run.error).toBeUndefined();
		expect(
			creates()
				.map((request) => (request.body as { contact_phone: string }).contact_phone)
				.sort(),
		).toEqual(['+442079460958', '+49301234567']);
	});
});

describe('input checks fail the item before any request', () => {
	test.each([
		[
			'no phone and no email',
			{ name: 'Nobody', phone: '', email: '' },
			{},
			'Give a phone number or an email: SalesCaptain needs at least one of them [item 0]',
		],
		[
			'a bad email',
			{ name: 'Ann', phone: '', email: 'ann@example' },
			{},
			'Email "ann@example" is not a valid email address [item 0]',
		],
		[
			'letters in the phone',
			{ name: 'Ann', phone: '+1 415 CALL NOW', email: '' },
			{},
			'Phone Number "+1 415 CALL NOW" is not a phone number: only digits, spaces, +, -, ., / and parentheses are allowed [item 0]',
		],
		[
			'two numbers in the phone',
			{ name: 'Ann', phone: '+1 415 555 1234 / 5678', email: '' },
			{},
			'Phone Number "+1 415 555 1234 / 5678" holds more than one phone number [item 0]',
		],
		[
			'an object as the name',
			{ name: { first: 'Ada', last: 'Lovelace' }, phone: '+14155551234', email: '' },
			{},
			'Full Name must be text, but the expression gave an object [item 0]',
		],
		[
			'a list as the name',
			{ name: ['Ada', 'Lovelace'], phone: '+14155551234', email: '' },
			{},
			'Full Name must be text, but the expression gave a list [item 0]',
		],
		[
			'a 100 kB email',
			{ name: 'Ann', phone: '', email: `${'a'.repeat(100_000)}@example.com` },
			{},
			`Email "${'a'.repeat(80)}…" is not a valid email address: it has 100012 characters, at most 254 are allowed [item 0]`,
		],
		[
			'a company that is not a UUID',
			{ name: 'Ann', phone: '+14155551234', email: '' },
			{ company: 'Acme Outdoor' },
			'Company "Acme Outdoor" is not a valid ID: a UUID such as a1b2c3d4-e5f6-7890-abcd-ef1234567890 is expected [item 0]',
		],
		[
			'a custom field given twice',
			{ name: 'Ann', phone: '+14155551234', email: '' },
			{
				customFields: {
					field: [
						{ key: INDUSTRY, value: 'a' },
						{ key: INDUSTRY, value: 'b' },
					],
				},
			},
			`Custom field "${INDUSTRY}" is given twice; keep one value per field [item 0]`,
		],
	])('%s', async (_case, item, parameters, message) => {
		const run = await create([item], parameters);
		expect(run.error?.message).toBe(message);
		expect(sandbox.requests()).toHaveLength(0);
	});
});

describe('vendor errors', () => {
	const ann = { name: 'Ann', phone: '+14155551234', email: '' };

	test('400: the vendor message, naming the item', async () => {
		const run = await create([ann], {
			customFields: { field: [{ key: INACTIVE_FIELD, value: 'x' }] },
		});
		expect(run.error?.message).toBe(
			`SalesCaptain answered 400: Invalid or inactive custom field for this company: ${INACTIVE_FIELD} [item 0]`,
		);
		expect(run.error?.httpCode).toBe('400');
	});

	test('401: a bad token', async () => {
		const run = await create([ann], {}, { token: 'wrong-token' });
		expect(run.error?.message).toBe('SalesCaptain answered 401: Unauthorized access [item 0]');
		expect(run.error?.description).toMatch(/Check the API key in the credential/);
		expect(JSON.stringify(run)).not.toContain(SALESCAPTAIN_TOKEN);
	});

	test('403: a user without the contacts role', async () => {
		const run = await create([ann], {}, { token: SALESCAPTAIN_TOKEN_WITHOUT_CONTACTS_ROLE });
		expect(run.error?.message).toBe(
			"SalesCaptain answered 403: You don't have permission to create contact! [item 0]",
		);
	});

	test('409 with "Fail": the duplicate message', async () => {
		await create([ann]);
		const run = await create([ann]);
		expect(run.error?.message).toBe(
			'SalesCaptain answered 409: Contact with this phone already exists! [item 0]',
		);
		expect(run.error?.description).toMatch(/Return Existing/);
	});

	test('409 with "Return Existing": the existing contact, marked as such, created once', async () => {
		const first = await create([ann]);
		const run = await create([{ ...ann, name: 'Ann again' }], {
			options: { ifContactExists: 'returnExisting' },
			tags: [VIP],
		});
		expect(run.items?.[0].json).toMatchObject({
			contact_id: first.items?.[0].json.contact_id,
			name: 'Ann',
			outcome: 'existing',
			appliedTags: [VIP],
		});
		expect(creates()).toHaveLength(2);
		const lookup = sandbox
			.requests('salescaptain')
			.find((request) => request.path.startsWith('/v1/list-contacts/'));
		expect(lookup?.query).toEqual({
			search_key: '+14155551234',
			page_number: '1',
			items_per_page: '100',
		});
	});

	test('429 then success: waits, sends again, one contact', async () => {
		sandbox.addFault({
			path: '/v1/create-contact',
			status: 429,
			body: { error: 'Too many requests, please try again later', code: 'RATE_LIMIT_EXCEEDED' },
			headers: {
				'X-RateLimit-Limit': '30',
				'X-RateLimit-Remaining': '0',
				'X-RateLimit-Reset': String(Math.floor(Date.now() / 1000)),
			},
		});
		const run = await create([ann]);
		expect(run.items?.[0].json.outcome).toBe('created');
		expect(creates()).toHaveLength(2);
		expect(acmeContacts()).toHaveLength(1);
	});

	test('429 that never ends: a clear error once the wait budget is spent, saying how long and how many', async () => {
		sandbox.addFault({
			path: '/v1/create-contact',
			status: 429,
			body: { error: 'Too many requests, please try again later' },
			headers: { 'Retry-After': '0' },
			times: 50,
		});
		const run = await create([ann], { options: { maxRateLimitWait: 1 } });
		const said =
			/^SalesCaptain is rate limiting: this item waited [\d.]+ s and met (\d+) × 429; a further pause of [\d.]+ s would pass its wait budget of 1 s/.exec(
				run.error?.message ?? '',
			);
		expect(said).not.toBeNull();
		expect(run.error?.httpCode).toBe('429');
		expect(creates()).toHaveLength(Number(said![1]));
	});

	test('500: reported, never sent again; with continueOnFail the item carries it', async () => {
		sandbox.addFault({
			path: '/v1/create-contact',
			status: 500,
			body: { error: 'Problem encountered while creating contact!', code: 'INTERNAL_ERROR' },
		});
		const run = await create([ann], {}, { continueOnFail: true });
		expect(run.items?.[0]).toEqual({
			json: {
				message: 'SalesCaptain answered 500: Problem encountered while creating contact! [item 0]',
				error: {
					message:
						'SalesCaptain answered 500: Problem encountered while creating contact! [item 0]',
					httpCode: '500',
					description: expect.stringMatching(/not sent again/),
				},
			},
			pairedItem: { item: 0 },
		});
		expect(creates()).toHaveLength(1);
	});

	test.each([
		[400, { status: 'failure', error: 'company_id is required' }],
		[
			401,
			{
				error: 'Unauthorized access',
				code: 'UNAUTHORIZED',
				timestamp: '2023-12-01T10:30:00Z',
				path: '/v1/create-contact',
			},
		],
		[403, { status: 'failure', error: "You don't have permission to create contact!" }],
		[409, { status: 'failure', error: 'Contact with this phone already exists!' }],
		[
			500,
			{
				error: 'Problem encountered while creating contact!',
				code: 'INTERNAL_ERROR',
				timestamp: '2023-12-01T10:30:00Z',
				path: '/v1/create-contact',
			},
		],
	])(
		'continueOnFail turns a %i into an error item with the vendor message, and the next item still runs',
		async (status, body) => {
			sandbox.addFault({ path: '/v1/create-contact', status, body });
			const run = await create(
				[ann, { name: 'Next', phone: '+15550009999', email: '' }],
				{},
				{ continueOnFail: true },
			);
			expect(run.items?.map((item) => item.json)).toEqual([
				{
					message: `SalesCaptain answered ${status}: ${body.error} [item 0]`,
					error: {
						message: `SalesCaptain answered ${status}: ${body.error} [item 0]`,
						httpCode: String(status),
						description: expect.any(String),
					},
				},
				expect.objectContaining({ name: 'Next', outcome: 'created' }),
			]);
			expect(creates()).toHaveLength(2);
		},
	);

	test('a 429 pauses the whole node, not only the refused item', async () => {
		sandbox.addFault({
			path: '/v1/create-contact',
			status: 429,
			body: { error: 'Too many requests, please try again later' },
			headers: { 'Retry-After': '1' },
		});
		const people = Array.from({ length: 4 }, (_, i) => ({
			name: `P${i}`,
			phone: `+1555000100${i}`,
			email: '',
		}));
		const run = await create(people, { options: { maxConcurrency: 2 } });
		expect(run.items?.map((item) => item.json.outcome)).toEqual([
			'created',
			'created',
			'created',
			'created',
		]);
		const [refused, ...rest] = creates();
		// Every request started after the 429 waited out its Retry-After.
		const later = rest.filter((request) => request.at > refused.at + 50);
		expect(later.length).toBeGreaterThanOrEqual(3);
		for (const request of later) expect(request.at - refused.at).toBeGreaterThanOrEqual(950);
	});

	test('a rate set in the options is never exceeded', async () => {
		const people = Array.from({ length: 5 }, (_, i) => ({
			name: `P${i}`,
			phone: '',
			email: `p${i}@example.com`,
		}));
		const run = await create(people, {
			options: { maxConcurrency: 5, maxRequests: 2, rateInterval: 'second' },
		});
		expect(run.items).toHaveLength(5);
		const times = creates().map((request) => request.at);
		// No window of one second holds more than two starts (a little slack for clock reads).
		for (let i = 2; i < times.length; i++)
			expect(times[i] - times[i - 2]).toBeGreaterThanOrEqual(990);
	});

	test('continueOnFail with good and bad items: every item accounted for, in order', async () => {
		await create([{ name: 'Dup', phone: '+15550001111', email: '' }]);
		sandbox.requests().length = 0;
		const run = await create(
			[
				{ name: 'Good 1', phone: '+15550002222', email: '' },
				{ name: 'Bad email', phone: '', email: 'nope' },
				{ name: 'Dup', phone: '+1 555 000 1111', email: '' },
				{ name: 'Good 2', phone: '', email: 'good2@example.com' },
			],
			{},
			{ continueOnFail: true },
		);
		expect(run.items?.map((item) => item.json.outcome ?? item.json.message)).toEqual([
			'created',
			'Email "nope" is not a valid email address [item 1]',
			'SalesCaptain answered 409: Contact with this phone already exists! [item 2]',
			'created',
		]);
		expect(run.items?.map((item) => item.pairedItem)).toEqual(
			[0, 1, 2, 3].map((item) => ({ item })),
		);
	});

	test('a failed tag keeps the created contact: its id is in the message and the output', async () => {
		sandbox.addFault({
			path: '/v1/add-tag-to-contact',
			status: 500,
			body: { error: 'Problem encountered while adding tag!' },
		});
		const failed = await create([ann], { tags: [VIP] });
		const contactId = acmeContacts()[0].contact_id;
		expect(failed.error?.message).toBe(
			`Contact ${contactId} is saved in SalesCaptain, but tag ${VIP} could not be added: SalesCaptain answered 500: Problem encountered while adding tag! [item 0]`,
		);

		sandbox.reset();
		sandbox.addFault({
			path: '/v1/add-tag-to-contact',
			status: 500,
			body: { error: 'Problem encountered while adding tag!' },
		});
		const kept = await create([ann], { tags: [VIP, NEWSLETTER] }, { continueOnFail: true });
		expect(kept.items?.[0].json.error).toMatchObject({
			contactId: acmeContacts()[0].contact_id,
			appliedTags: [],
			httpCode: '500',
		});
		expect(creates()).toHaveLength(1);
	});
});

describe('a 2xx that is not the documented answer', () => {
	const ann = { name: 'Ann', phone: '+14155551234', email: '' };

	test('a tag call answered by a maintenance page fails the item, naming the saved contact', async () => {
		sandbox.addFault({ path: '/v1/add-tag-to-contact', ...notTheAnswer.html });
		const run = await create([ann], { tags: [VIP] });
		const contactId = acmeContacts()[0].contact_id;
		expect(run.error?.message).toMatch(
			new RegExp(
				`^Contact ${contactId} is saved in SalesCaptain, but tag ${VIP} could not be added: SalesCaptain answered 200 but not with JSON \\(an HTML page: "Down for maintenance`,
			),
		);
	});

	test.each([
		['an HTML maintenance page', notTheAnswer.html, 'an HTML page'],
		['an empty body', notTheAnswer.empty, 'an empty body'],
	])('a dropdown answered by %s is an error, not an empty list', async (_case, fault, what) => {
		sandbox.addFault({ path: '/v1/fetch-companies', ...fault });
		await expect(
			loadOptions({ type: 'salesCaptain', method: 'getCompanies', credentials: credentials() }),
		).rejects.toThrow(`SalesCaptain answered 200 but not with JSON (${what}`);
	});

	test('"Return Existing" whose search is answered by a maintenance page fails the item', async () => {
		await create([ann]);
		sandbox.addFault({ path: `/v1/list-contacts/${ACME}`, ...notTheAnswer.html });
		const run = await create([ann], { options: { ifContactExists: 'returnExisting' } });
		expect(run.error?.message).toMatch(
			/^SalesCaptain answered 200 but not with JSON \(an HTML page: "Down for maintenance.*\[item 0\]$/,
		);
	});
});

describe('stop mode (the default "On Error")', () => {
	const person = (n: number) => ({
		name: `P${n}`,
		phone: `+1555000${String(n).padStart(4, '0')}`,
		email: '',
	});

	test('the error names the contacts that items in flight created before the stop, and suggests Return Existing', async () => {
		await create([person(2)]);
		sandbox.requests().length = 0;
		// All five start together; item 2 repeats an existing phone (409) while the others are created.
		const run = await create([0, 1, 2, 3, 4].map(person), { options: { maxConcurrency: 5 } });
		const idOf = (name: string) =>
			sandbox
				.state<SalesCaptainState>('salescaptain')
				.contacts.find((contact) => contact.name === name)!.contact_id;
		expect(run.error?.message).toBe(
			'SalesCaptain answered 409: Contact with this phone already exists! [item 2]',
		);
		expect(run.error?.description).toContain(
			`Before the stop, 4 other items created contacts: item 0 (${idOf('P0')}), item 1 (${idOf('P1')}), item 3 (${idOf('P3')}), item 4 (${idOf('P4')}).`,
		);
		expect(run.error?.description).toMatch(/set "If Contact Exists" to "Return Existing"/);
	});

	test('a contact saved by an item in flight whose tag then failed is named too', async () => {
		await create([person(0)]);
		sandbox.requests().length = 0;
		sandbox.addFault({
			path: '/v1/add-tag-to-contact',
			status: 500,
			body: { error: 'Problem encountered while adding tag!' },
		});
		// Item 0 is a duplicate (409); item 1, started with it, is created and then its tag fails.
		const run = await create([person(0), person(1)], {
			tags: [VIP],
			options: { maxConcurrency: 2 },
		});
		const saved = sandbox
			.state<SalesCaptainState>('salescaptain')
			.contacts.find((contact) => contact.name === 'P1')!.contact_id;
		expect(run.error?.message).toBe(
			'SalesCaptain answered 409: Contact with this phone already exists! [item 0]',
		);
		expect(run.error?.description).toContain(
			`Before the stop, 1 other item created a contact: item 1 (${saved}).`,
		);
	});

	test('a long list is bounded: ten items are named, the rest counted', async () => {
		await create([person(0)]);
		sandbox.requests().length = 0;
		const run = await create(
			Array.from({ length: 30 }, (_, n) => person(n)),
			{ options: { maxConcurrency: 30 } },
		);
		expect(run.error?.message).toBe(
			'SalesCaptain answered 409: Contact with this phone already exists! [item 0]',
		);
		expect(run.error?.description).toMatch(
			/Before the stop, 29 other items created contacts: item 1 \([0-9a-f-]{36}\), .*item 10 \([0-9a-f-]{36}\) and 19 more\./,
		);
		expect(run.error?.description?.length).toBeLessThan(1_000);
	});

	test('nothing created before the stop: the description stays the hint alone', async () => {
		await create([person(0)]);
		const run = await create([person(0), person(1)], { options: { maxConcurrency: 1 } });
		expect(run.error?.description).not.toContain('Before the stop');
	});
});

describe('"Continue (using error output)"', () => {
	const people = [
		{ name: 'Good 1', phone: '+15550002222', email: '' },
		{ name: 'Bad email', phone: '', email: 'nope' },
		{ name: 'Same phone', phone: '+1 555 000 2222', email: '' },
		{ name: 'Tagless', phone: '+15550004444', email: '' },
		{ name: 'Good 2', phone: '', email: 'good2@example.com' },
	];

	test('failed items go to the error output with the vendor words, HTTP status, hint and partial result; successes stay on the main output', async () => {
		sandbox.addFault({
			path: '/v1/add-tag-to-contact',
			status: 404,
			body: { status: 'failure', error: 'Tag not found!' },
		});
		// One at a time: item 2 repeats item 0's phone (409); only item 3 has a tag, and adding it fails.
		const onlyItem3Tagged = people.map((person, index) => ({
			...person,
			tags: index === 3 ? [VIP] : [],
		}));
		const run = await create(
			onlyItem3Tagged,
			{ tags: '={{ $json.tags }}', options: { maxConcurrency: 1 } },
			{ errorOutput: true },
		);

		expect(run.items?.map((item) => [item.pairedItem, item.json.name, item.json.outcome])).toEqual([
			[{ item: 0 }, 'Good 1', 'created'],
			[{ item: 4 }, 'Good 2', 'created'],
		]);
		const tagless = sandbox
			.state<SalesCaptainState>('salescaptain')
			.contacts.find((contact) => contact.name === 'Tagless')!;
		expect(run.errorItems).toEqual([
			{
				json: {
					message: 'Email "nope" is not a valid email address [item 1]',
					error: {
						message: 'Email "nope" is not a valid email address [item 1]',
						description: 'Use the form name@example.com.',
					},
				},
				pairedItem: { item: 1 },
			},
			{
				json: {
					message: 'SalesCaptain answered 409: Contact with this phone already exists! [item 2]',
					error: {
						message: 'SalesCaptain answered 409: Contact with this phone already exists! [item 2]',
						httpCode: '409',
						description: expect.stringMatching(/Return Existing/),
					},
				},
				pairedItem: { item: 2 },
			},
			{
				json: {
					message: `Contact ${tagless.contact_id} is saved in SalesCaptain, but tag ${VIP} could not be added: SalesCaptain answered 404: Tag not found! [item 3]`,
					error: {
						message: `Contact ${tagless.contact_id} is saved in SalesCaptain, but tag ${VIP} could not be added: SalesCaptain answered 404: Tag not found! [item 3]`,
						httpCode: '404',
						description: expect.stringMatching(/Return Existing/),
						contactId: tagless.contact_id,
						appliedTags: [],
					},
				},
				pairedItem: { item: 3 },
			},
		]);
	});

	test('"Continue (regular output)" keeps failed items on the main output, in input order, in the same shape', async () => {
		const run = await create(
			people.slice(0, 3),
			{ options: { maxConcurrency: 1 } },
			{ continueOnFail: true },
		);
		expect(run.items?.map((item) => item.json)).toEqual([
			expect.objectContaining({ name: 'Good 1', outcome: 'created' }),
			{
				message: 'Email "nope" is not a valid email address [item 1]',
				error: {
					message: 'Email "nope" is not a valid email address [item 1]',
					description: 'Use the form name@example.com.',
				},
			},
			{
				message: 'SalesCaptain answered 409: Contact with this phone already exists! [item 2]',
				error: {
					message: 'SalesCaptain answered 409: Contact with this phone already exists! [item 2]',
					httpCode: '409',
					description: expect.any(String),
				},
			},
		]);
	});
});

describe('dropdowns', () => {
	const load = async (method: string, parameters = {}, token = SALESCAPTAIN_TOKEN) =>
		await loadOptions({
			type: 'salesCaptain',
			method,
			parameters,
			credentials: credentials(token),
		});

	test('companies, sorted by name', async () => {
		// Served in reverse order, so only the node's sorting can put them in order.
		sandbox.addFault({
			path: '/v1/fetch-companies',
			status: 200,
			body: { message: 'ok', companies: [...SC_COMPANIES].reverse() },
		});
		expect(await load('getCompanies')).toEqual(
			SC_COMPANIES.map((company) => ({ name: company.company_name, value: company.company_id })),
		);
	});

	test('custom fields of the chosen company, by label, active ones only', async () => {
		expect(await load('getCustomFields', { company: ACME })).toEqual([
			{ name: 'Budget', value: BUDGET },
			{ name: 'Industry', value: INDUSTRY },
		]);
		expect(sandbox.requests()[0].path).toBe(`/v1/list-custom-fields/${ACME}`);
	});

	test('tags of the chosen company', async () => {
		expect((await load('getTags', { company: ACME })).map((option) => option.name)).toEqual([
			'Cold lead',
			'Newsletter',
			'VIP',
		]);
	});

	test('lists that belong to a company are empty until a company is chosen', async () => {
		expect(await load('getTags', { company: '' })).toEqual([]);
		expect(sandbox.requests()).toHaveLength(0);
	});

	test('a company given by expression is not sent as a path: its lists stay empty in the editor', async () => {
		expect(await load('getTags', { company: '={{ $json.companyId }}' })).toEqual([]);
		expect(await load('getCustomFields', { company: '={{ $json.companyId }}' })).toEqual([]);
		expect(sandbox.requests()).toHaveLength(0);
	});

	test('an undocumented list shape is still read', async () => {
		sandbox.addFault({
			path: '/v1/fetch-companies',
			status: 200,
			body: { data: [{ id: 'x-1', name: 'Shape Co' }] },
		});
		expect(await load('getCompanies')).toEqual([{ name: 'Shape Co', value: 'x-1' }]);
	});

	test('an auth failure is an error, not an empty list', async () => {
		await expect(load('getCompanies', {}, 'wrong-token')).rejects.toThrow(
			'SalesCaptain answered 401: Unauthorized access',
		);
	});

	test.each(['../fetch-companies', `${'a'.repeat(8)}/../../v1/fetch-companies`, 'acme corp'])(
		'a company that is not a company ID (%j) is refused before any request, so it cannot steer the path',
		async (companyId) => {
			await expect(load('getTags', { company: companyId })).rejects.toThrow(
				`Company "${companyId}" is not a valid ID`,
			);
			await expect(load('getCustomFields', { company: companyId })).rejects.toThrow(
				`Company "${companyId}" is not a valid ID`,
			);
			expect(sandbox.requests()).toEqual([]);
		},
	);
});

describe('credential test', () => {
	test('a good token answers 200, a bad one 401', async () => {
		const good = await testCredential('salesCaptainApi', credentials().salesCaptainApi);
		const bad = await testCredential('salesCaptainApi', credentials('wrong').salesCaptainApi);
		expect([good.statusCode, bad.statusCode]).toEqual([200, 401]);
		expect(sandbox.requests().map((request) => request.path)).toEqual([
			'/v1/fetch-companies',
			'/v1/fetch-companies',
		]);
	});
});
