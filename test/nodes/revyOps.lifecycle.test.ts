/**
 * RevyOps' contact lifecycle on n8n-core's engine against the sandbox: Get, Get Many, Update,
 * Create → Update Existing and the contact picker. Each test asserts what RevyOps received,
 * what changed in its data (and what did not), and what the user gets back.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { RevyOps } from '../../nodes/RevyOps/RevyOps.node';
import { modelSide } from '../harness/aiTool';
import { listSearch, runNode } from '../harness/n8n';
import { createSandbox } from '../sandbox';
import type { SandboxRequest } from '../sandbox/server';
import type { RevyOpsContact, RevyOpsState } from '../sandbox/vendors/revyOps';
import {
	REVYOPS_CLIENT,
	RO_COMPANIES,
	RO_EXISTING_CONTACT,
	RO_SEEDED_CONTACTS,
} from '../sandbox/vendors/revyOps';

const sandbox = createSandbox();
const VENDOR = 'revyops';
const CONTACTS = '/public/v2/contacts';
const DANA = RO_EXISTING_CONTACT;
const [ACME, BLUEBIRD] = RO_COMPANIES;

let baseUrl: string;

beforeAll(async () => {
	await sandbox.start(0);
	baseUrl = sandbox.baseUrl(VENDOR);
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const credentials = () => ({ revyOpsApi: { baseUrl, apiKey: REVYOPS_CLIENT.apiKey } });
const byId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
const fromList = (value: string | number) => ({ __rl: true, mode: 'list', value: String(value) });

async function run(
	operation: string,
	parameters: INodeParameters,
	items: IDataObject[] = [{}],
	continueOnFail = false,
) {
	return await runNode({
		type: 'revyOps',
		parameters: { resource: 'contact', operation, ...parameters },
		items,
		credentials: credentials(),
		continueOnFail,
	});
}

const requests = (): SandboxRequest[] => sandbox.requests(VENDOR);
const sent = () => requests().map((request) => [request.method, request.path, request.query]);
const state = () => sandbox.state<RevyOpsState>(VENDOR);
const contactById = (id: number) => state().contacts.find((contact) => contact.id === id)!;
/** A deep copy, to compare a contact before and after a run. */
const snapshot = (contact: RevyOpsContact) => JSON.parse(JSON.stringify(contact)) as RevyOpsContact;

describe('Contact → Get', () => {
	test('reads the contact picked from the list and outputs it as RevyOps answers it', async () => {
		const result = await run('get', { contact: fromList(DANA.id) });
		expect(result.error).toBeUndefined();
		expect(sent()).toEqual([['GET', `${CONTACTS}/${DANA.id}`, { structure: 'NESTED' }]]);
		expect(result.items).toHaveLength(1);
		expect(result.items![0].pairedItem).toEqual({ item: 0 });
		expect(result.items![0].json).toMatchObject({
			id: DANA.id,
			email: DANA.email,
			first_name: 'Dana',
			company_id: ACME.id,
			contact_custom_fields: [
				{ field_name: 'Industry', field_value: 'Outdoor gear' },
				{ field_name: 'Lead Source', field_value: 'Trade show' },
			],
		});
	});

	test('by ID from an expression, one request per item, custom fields Flat', async () => {
		const result = await run(
			'get',
			{ contact: byId('={{ $json.id }}'), options: { responseStructure: 'FLAT' } },
			[{ id: DANA.id }, { id: ` ${DANA.id + 1} ` }],
		);
		expect(result.error).toBeUndefined();
		expect(result.items!.map((item) => [item.json.id, item.pairedItem])).toEqual([
			[DANA.id, { item: 0 }],
			[DANA.id + 1, { item: 1 }],
		]);
		expect(result.items![0].json.contact_custom_fields).toEqual({
			Industry: 'Outdoor gear',
			'Lead Source': 'Trade show',
		});
		expect(requests().map((request) => request.query.structure)).toEqual(['FLAT', 'FLAT']);
	});

	test('an unknown ID fails the item with RevyOps’ words and the ID', async () => {
		const result = await run('get', { contact: byId(999999) });
		expect(result.error?.message).toBe(
			'RevyOps answered 404: No Contact matches the given query. (contact ID 999999) [item 0]',
		);
		expect(result.error?.description).toMatch(/RevyOps has no contact with ID 999999/);
		expect(result.error?.httpCode).toBe('404');
	});

	test('an ID that is not a whole number fails before anything is sent', async () => {
		const result = await run('get', { contact: byId('={{ $json.id }}') }, [{ id: 'dana' }], true);
		expect(requests()).toHaveLength(0);
		expect(result.items![0].json.message).toBe(
			'Contact ID "dana" is not a RevyOps contact ID: a whole number such as 5001 is expected [item 0]',
		);
	});
});

describe('Contact → Get Many', () => {
	test('Return All reads every page (RevyOps’ count ends it) and outputs one item per contact', async () => {
		const result = await run('getAll', { returnAll: true });
		expect(result.error).toBeUndefined();
		expect(sent()).toEqual(
			[1, 2, 3].map((page) => [
				'GET',
				CONTACTS,
				{ structure: 'NESTED', page: String(page), page_size: '100' },
			]),
		);
		expect(RO_SEEDED_CONTACTS).toBeGreaterThan(200);
		expect(result.items).toHaveLength(RO_SEEDED_CONTACTS);
		expect(result.items!.map((item) => item.json.id)).toEqual(
			state().contacts.map((contact) => contact.id),
		);
		expect(result.items!.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(
			true,
		);
	});

	test('a Limit under a page is read in one page of that size', async () => {
		const result = await run('getAll', { returnAll: false, limit: 5 });
		expect(sent()).toEqual([['GET', CONTACTS, { structure: 'NESTED', page: '1', page_size: '5' }]]);
		expect(result.items!.map((item) => item.json.id)).toEqual(
			state()
				.contacts.slice(0, 5)
				.map((contact) => contact.id),
		);
	});

	test('a Limit over a page stops reading once it is reached', async () => {
		const result = await run('getAll', { returnAll: false, limit: 150 });
		expect(sent().map(([, , query]) => (query as IDataObject).page)).toEqual(['1', '2']);
		expect(result.items).toHaveLength(150);
	});

	test('the filters go to RevyOps as its query parameters; a pasted address is reduced to the domain', async () => {
		const result = await run('getAll', {
			returnAll: true,
			filters: {
				email: ` ${DANA.email.toUpperCase()} `,
				firstName: 'Dana',
				lastName: 'Reyes',
				domain: 'https://www.acme-outdoor.com/team',
			},
		});
		expect(result.error).toBeUndefined();
		expect(requests()[0].query).toEqual({
			email: DANA.email.toUpperCase(),
			firstname: 'Dana',
			lastname: 'Reyes',
			domain: ACME.domain,
			structure: 'NESTED',
			page: '1',
			page_size: '100',
		});
		expect(result.items!.map((item) => item.json.id)).toEqual([DANA.id]);
	});

	test('each input item gets its own contacts; one that finds none outputs nothing', async () => {
		const result = await run(
			'getAll',
			{ returnAll: true, filters: { email: '={{ $json.email }}' } },
			[
				{ email: 'nobody@example.org' },
				{ email: DANA.email },
				{ email: 'contact7@acme-outdoor.com' },
			],
		);
		expect(result.error).toBeUndefined();
		expect(result.items!.map((item) => [item.json.email, item.pairedItem])).toEqual([
			[DANA.email, { item: 1 }],
			['contact7@acme-outdoor.com', { item: 2 }],
		]);
	});

	test('a malformed email filter fails before anything is sent', async () => {
		const result = await run(
			'getAll',
			{ returnAll: true, filters: { email: 'dana@' } },
			[{}],
			true,
		);
		expect(requests()).toHaveLength(0);
		expect(result.items![0].json.message).toMatch(/Email filter .*\[item 0\]$/);
	});
});

describe('Contact → Update', () => {
	test('sends only the fields given and changes only those at RevyOps; other custom fields stay', async () => {
		const before = snapshot(contactById(DANA.id));
		const result = await run('update', {
			contact: fromList(DANA.id),
			lastName: 'Reyes-Park',
			customFields: {
				field: [
					{ key: 'industry', value: 'Climbing' },
					{ key: 'Deal Size', value: '40000' },
					{ key: 'Lead Source', value: '' },
				],
			},
		});
		expect(result.error).toBeUndefined();
		expect(sent()).toEqual([['PATCH', `${CONTACTS}/${DANA.id}`, { structure: 'NESTED' }]]);
		expect(requests()[0].body).toEqual({
			last_name: 'Reyes-Park',
			contact_custom_fields_input: [
				{ field_name: 'industry', field_value: 'Climbing' },
				{ field_name: 'Deal Size', field_value: '40000' },
			],
		});
		const after = contactById(DANA.id);
		expect({ ...after, updated_time: before.updated_time, custom_fields: [] }).toEqual({
			...before,
			last_name: 'Reyes-Park',
			custom_fields: [],
		});
		expect(after.custom_fields.map((field) => [field.field_name, field.field_value])).toEqual([
			['Industry', 'Climbing'],
			['Lead Source', 'Trade show'],
			['Deal Size', '40000'],
		]);
		expect(result.items).toHaveLength(1);
		expect(result.items![0].json).toMatchObject({
			id: DANA.id,
			email: DANA.email,
			first_name: 'Dana',
			last_name: 'Reyes-Park',
		});
		expect(result.items![0].pairedItem).toEqual({ item: 0 });
	});

	test('a company given by domain is resolved by RevyOps, as on create', async () => {
		const result = await run('update', {
			contact: byId(DANA.id),
			company: { __rl: true, mode: 'domain', value: BLUEBIRD.domain },
			additionalFields: { contactStatus: 'Unsubscribed' },
		});
		expect(result.error).toBeUndefined();
		expect(requests()[0].body).toEqual({
			company_id: BLUEBIRD.domain,
			contact_status: 'Unsubscribed',
		});
		expect(contactById(DANA.id)).toMatchObject({
			company_id: BLUEBIRD.id,
			contact_status: 'Unsubscribed',
		});
		expect(result.items![0].json.company_id).toBe(BLUEBIRD.id);
	});

	test('bad input fails before sending and changes nothing: empty update, malformed email, ID not a number', async () => {
		const before = snapshot(contactById(DANA.id));
		const result = await run(
			'update',
			{ contact: byId('={{ $json.id }}'), email: '={{ $json.email }}' },
			[
				{ id: DANA.id, email: '' },
				{ id: DANA.id, email: 'dana@acme' },
				{ id: 'x1', email: 'a@b.co' },
			],
			true,
		);
		expect(requests()).toHaveLength(0);
		expect(contactById(DANA.id)).toEqual(before);
		const messages = result.items!.map((item) => item.json.message);
		expect(messages[0]).toBe('Nothing to update: every field is empty [item 0]');
		expect((result.items![0].json.error as IDataObject).description).toMatch(
			/Fill at least one of Company, Email, LinkedIn URL/,
		);
		expect(messages[1]).toMatch(/dana@acme.*\[item 1\]$/);
		expect(messages[2]).toMatch(/^Contact ID "x1" is not a RevyOps contact ID/);
	});

	test('an unknown ID fails with the ID named; nothing changes', async () => {
		const count = state().contacts.length;
		const result = await run('update', { contact: byId(999999), firstName: 'Ghost' });
		expect(result.error?.message).toBe(
			'RevyOps answered 404: No Contact matches the given query. (contact ID 999999) [item 0]',
		);
		expect(state().contacts).toHaveLength(count);
		expect(state().contacts.some((contact) => contact.first_name === 'Ghost')).toBe(false);
	});

	test('an unknown company is named as the company, not the contact', async () => {
		const result = await run('update', { contact: byId(DANA.id), company: byId(4242) });
		expect(result.error?.message).toBe(
			'RevyOps answered 404: Company not found. (company ID 4242) [item 0]',
		);
		expect(result.error?.description).toMatch(/no company with ID 4242/);
		expect(contactById(DANA.id).company_id).toBe(ACME.id);
	});

	test('an email another contact has is refused in RevyOps’ words', async () => {
		const result = await run('update', {
			contact: byId(DANA.id + 1),
			email: DANA.email,
		});
		expect(result.error?.message).toBe(
			'RevyOps answered 409: Contact with this email already exists. [item 0]',
		);
		expect(contactById(DANA.id + 1).email).toBe('contact1@acme-outdoor.com');
	});

	test('an update whose answer is lost is reported and not sent again', async () => {
		sandbox.addFault({ vendor: VENDOR, method: 'PATCH', drop: true });
		const result = await run('update', { contact: byId(DANA.id), firstName: 'Dani' });
		expect(requests().filter((request) => request.method === 'PATCH')).toHaveLength(1);
		expect(result.error?.description).toMatch(/not sent again/);
	});
});

describe('Contact → Create with If Contact Exists → Update Existing', () => {
	test('items that half exist: the new one is created, the known one updated, no duplicate', async () => {
		const count = state().contacts.length;
		const result = await run(
			'create',
			{
				email: '={{ $json.email }}',
				firstName: '={{ $json.firstName }}',
				customFields: { field: [{ key: 'Industry', value: '={{ $json.industry }}' }] },
				options: { ifContactExists: 'updateExisting', maxConcurrency: 1 },
			},
			[
				{ email: 'new.person@example.org', firstName: 'New', industry: 'Retail' },
				{ email: DANA.email.toUpperCase(), firstName: 'Danielle', industry: 'Climbing' },
			],
		);
		expect(result.error).toBeUndefined();
		expect(sent()).toEqual([
			['POST', CONTACTS, { structure: 'NESTED' }],
			['POST', CONTACTS, { structure: 'NESTED' }],
			['GET', CONTACTS, { email: DANA.email.toUpperCase(), structure: 'NESTED', page_size: '100' }],
			['PATCH', `${CONTACTS}/${DANA.id}`, { structure: 'NESTED' }],
		]);
		// The create's fields but the email that found the contact (its stored spelling stays).
		expect(requests()[3].body).toEqual({
			first_name: 'Danielle',
			contact_custom_fields_input: [{ field_name: 'Industry', field_value: 'Climbing' }],
		});
		expect(state().contacts).toHaveLength(count + 1);
		expect(
			result.items!.map((item) => [item.json.outcome, item.json.email, item.pairedItem]),
		).toEqual([
			['created', 'new.person@example.org', { item: 0 }],
			['updated', DANA.email, { item: 1 }],
		]);
		expect(result.items![1].json).toMatchObject({ id: DANA.id, first_name: 'Danielle' });
		expect(
			contactById(DANA.id).custom_fields.map((field) => [field.field_name, field.field_value]),
		).toEqual([
			['Industry', 'Climbing'],
			['Lead Source', 'Trade show'],
		]);
	});

	test('a duplicate LinkedIn profile is found by name and updated', async () => {
		const result = await run('create', {
			linkedinUrl: `${DANA.linkedin_url}/`,
			firstName: 'Dana',
			lastName: 'Reyes',
			additionalFields: { origin: 'Conference' },
			options: { ifContactExists: 'updateExisting' },
		});
		expect(result.error).toBeUndefined();
		expect(sent().map(([method, path]) => `${method} ${path}`)).toEqual([
			`POST ${CONTACTS}`,
			`GET ${CONTACTS}`,
			`PATCH ${CONTACTS}/${DANA.id}`,
		]);
		expect(result.items![0].json).toMatchObject({
			id: DANA.id,
			origin: 'Conference',
			outcome: 'updated',
		});
	});

	test('Return Existing still changes nothing', async () => {
		const before = snapshot(contactById(DANA.id));
		const result = await run('create', {
			email: DANA.email,
			firstName: 'Someone Else',
			options: { ifContactExists: 'returnExisting' },
		});
		expect(result.items![0].json).toMatchObject({
			id: DANA.id,
			first_name: 'Dana',
			outcome: 'existing',
		});
		expect(requests().some((request) => request.method === 'PATCH')).toBe(false);
		expect(contactById(DANA.id)).toEqual(before);
	});
});

describe('contact picker (list search)', () => {
	const search = (filter?: string, paginationToken?: string) =>
		listSearch({
			type: 'revyOps',
			method: 'searchContacts',
			filter,
			paginationToken,
			credentials: credentials(),
		});

	test('lists contacts 100 at a time, named by name and email', async () => {
		const first = await search();
		expect(first.results).toHaveLength(100);
		expect(first.results[0]).toEqual({
			name: `Dana Reyes (${DANA.email})`,
			value: String(DANA.id),
		});
		expect(first.paginationToken).toBe('2');
		expect(requests()[0].query).toEqual({ page: '1', page_size: '100' });
	});

	test('an email is searched as an email, two words as first and last name', async () => {
		expect((await search(DANA.email)).results).toEqual([
			{ name: `Dana Reyes (${DANA.email})`, value: String(DANA.id) },
		]);
		expect((await search('Dana Reyes')).results.map((result) => result.value)).toEqual([
			String(DANA.id),
		]);
		expect(requests().map((request) => request.query)).toEqual([
			{ email: DANA.email, page: '1', page_size: '100' },
			{ firstname: 'Dana', lastname: 'Reyes', page: '1', page_size: '100' },
		]);
	});
});

describe('as an AI Agent tool', () => {
	test('Get Many: the model may give an email to check whether a person exists', () => {
		const side = modelSide(new RevyOps(), {
			resource: 'contact',
			operation: 'getAll',
			limit: 10,
			filters: { email: "={{ $fromAI('email', 'The email to look for', 'string', '') }}" },
		});
		expect(side.description).toMatch(/^Lists RevyOps contacts/);
		expect(side).toMatchObject({ properties: ['email'], required: [] });
	});

	test('Update: the model gives the contact ID; fields it does not know stay empty', () => {
		const side = modelSide(new RevyOps(), {
			resource: 'contact',
			operation: 'update',
			contact: byId(
				"={{ $fromAI('contactId', 'The contact ID from an earlier result', 'string') }}",
			),
			lastName: "={{ $fromAI('lastName', 'The new last name, if asked', 'string', '') }}",
		});
		expect(side.description).toMatch(/^Changes fields of one existing RevyOps contact/);
		expect(side).toMatchObject({ properties: ['contactId', 'lastName'], required: ['contactId'] });
	});
});
