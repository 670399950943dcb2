/**
 * SalesCaptain's contact lifecycle (issue 15) on n8n-core's engine against the sandbox:
 * Get, Get Many, Update, Create → Update Existing, Delete, Tag → Add / Remove, and the
 * contact locator's search. Each test asserts what SalesCaptain receives, what the node
 * outputs, and what changed at the vendor (or that nothing did).
 */
import type { IDataObject } from 'n8n-workflow';

import { SalesCaptain } from '../../nodes/SalesCaptain/SalesCaptain.node';

import { listSearch, runNode } from '../harness/n8n';
import { fromAI, modelSide } from '../harness/aiTool';
import { createSandbox } from '../sandbox';
import type { SalesCaptainContact, SalesCaptainState } from '../sandbox/vendors/salesCaptain';
import {
	SALESCAPTAIN_TOKEN,
	SC_COMPANIES,
	SC_SEEDED_CONTACTS,
	seededContact,
} from '../sandbox/vendors/salesCaptain';

const sandbox = createSandbox();
beforeAll(async () => {
	await sandbox.start();
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const ACME = SC_COMPANIES[0].company_id;
const COPPER = SC_COMPANIES[2].company_id;
const INDUSTRY = 'd4e5f6a7-b8c9-4d1e-8f3a-4b5c6d7e8f9a';
const BUDGET = 'e5f6a7b8-c9d0-4e2f-9a4b-5c6d7e8f9a0b';
const VIP = '11111111-aaaa-4aaa-8aaa-000000000001';
const NEWSLETTER = '11111111-aaaa-4aaa-8aaa-000000000002';
const COLD_LEAD = '11111111-aaaa-4aaa-8aaa-000000000003';
const UNKNOWN_CONTACT = '99999999-0000-4000-8000-000000000000';

const credentials = () => ({
	salesCaptainApi: { accessToken: SALESCAPTAIN_TOKEN, baseUrl: sandbox.baseUrl('salescaptain') },
});

async function run(
	resource: string,
	operation: string,
	parameters: IDataObject,
	items: IDataObject[] = [{}],
	options: { continueOnFail?: boolean } = {},
) {
	return await runNode({
		type: 'salesCaptain',
		parameters: { resource, operation, ...parameters } as never,
		items,
		credentials: credentials(),
		continueOnFail: options.continueOnFail,
	});
}

const state = () => sandbox.state<SalesCaptainState>('salescaptain');
const requests = () =>
	sandbox.requests('salescaptain').map((request) => `${request.method} ${request.path}`);
const byId = (id: string) => ({ __rl: true, mode: 'id', value: id });

/** A contact as SalesCaptain lists it: without its company, with its tags. */
function listed(contact: SalesCaptainContact): IDataObject {
	const { company_id: _company, tag_ids, ...rest } = contact;
	const tags = tag_ids.map((tagId) => ({
		tag_id: tagId,
		tag_name: state().tags.find((tag) => tag.tag_id === tagId)?.tag_name,
	}));
	return { ...rest, tags };
}

/** Puts a contact into Acme directly, as if made in SalesCaptain's app. */
function storeAcmeContact(fields: Partial<SalesCaptainContact> = {}): SalesCaptainContact {
	const contact: SalesCaptainContact = {
		...seededContact(900),
		contact_id: 'aaaaaaaa-0000-4000-8000-000000000001',
		company_id: ACME,
		name: 'Ann Lee',
		phone: '+14155551234',
		email: 'ann@example.com',
		custom_fields: [{ cf_name: 'Industry', cf_value: 'Outdoor' }],
		tag_ids: [],
		...fields,
	};
	state().contacts.push(contact);
	return contact;
}

describe('Contact → Get Many', () => {
	test('Return All reads every contact across three pages of 100, one output item each', async () => {
		const result = await run('contact', 'getAll', { company: COPPER, returnAll: true });
		expect(result.error).toBeUndefined();
		const lists = sandbox.requests('salescaptain');
		expect(lists.map((request) => [request.path, request.query])).toEqual(
			[1, 2, 3].map((page) => [
				`/v1/list-contacts/${COPPER}`,
				{ page_number: String(page), items_per_page: '100' },
			]),
		);
		expect(result.items).toHaveLength(SC_SEEDED_CONTACTS);
		expect(result.items).toEqual(
			Array.from({ length: SC_SEEDED_CONTACTS }, (_, index) => ({
				json: listed(seededContact(index + 1)),
				pairedItem: { item: 0 },
			})),
		);
	});

	test('Limit stops at that many contacts, reading only the pages needed', async () => {
		const result = await run('contact', 'getAll', { company: COPPER, limit: 5 });
		expect(result.items?.map((item) => item.json.name)).toEqual([
			'Guest 001',
			'Guest 002',
			'Guest 003',
			'Guest 004',
			'Guest 005',
		]);
		expect(requests()).toEqual([`GET /v1/list-contacts/${COPPER}`]);
	});

	test('Search and sort go out as search_key, sort_by and sort_dir; each input item gets its own results', async () => {
		const result = await run(
			'contact',
			'getAll',
			{
				company: COPPER,
				returnAll: true,
				filters: { searchKey: '={{ $json.search }}', sortBy: 'name', sortDirection: 'desc' },
			},
			[{ search: 'guest01' }, { search: 'nobody-like-this' }, { search: 'Guest 229' }],
		);
		expect(sandbox.requests('salescaptain').map((request) => request.query)).toEqual([
			{
				search_key: 'guest01',
				sort_by: 'name',
				sort_dir: 'desc',
				page_number: '1',
				items_per_page: '100',
			},
			{
				search_key: 'nobody-like-this',
				sort_by: 'name',
				sort_dir: 'desc',
				page_number: '1',
				items_per_page: '100',
			},
			{
				search_key: 'Guest 229',
				sort_by: 'name',
				sort_dir: 'desc',
				page_number: '1',
				items_per_page: '100',
			},
		]);
		// guest010…guest019 by email, newest name first; nothing for the second item; one for the third.
		expect(result.items?.map((item) => [item.json.name, item.pairedItem])).toEqual([
			...[19, 18, 17, 16, 15, 14, 13, 12, 11, 10].map((n) => [`Guest 0${n}`, { item: 0 }]),
			['Guest 229', { item: 2 }],
		]);
	});

	test('a Limit of 0 fails the item before anything is sent', async () => {
		const result = await run('contact', 'getAll', { company: COPPER, limit: 0 });
		expect(result.error?.message).toBe(
			'Limit must be a whole number of at least 1, not 0 [item 0]',
		);
		expect(requests()).toEqual([]);
	});
});

describe('Contact → Get', () => {
	test('by ID: the contact with its tags', async () => {
		const stored = storeAcmeContact({ tag_ids: [VIP] });
		const result = await run('contact', 'get', { company: ACME, contact: byId(stored.contact_id) });
		expect(requests()).toEqual([`GET /v1/fetch-contact/${stored.contact_id}`]);
		expect(result.items).toEqual([{ json: listed(stored), pairedItem: { item: 0 } }]);
		expect(result.items?.[0].json.tags).toEqual([{ tag_id: VIP, tag_name: 'VIP' }]);
	});

	test("an unknown ID fails with SalesCaptain's words and the ID", async () => {
		const result = await run('contact', 'get', { company: ACME, contact: byId(UNKNOWN_CONTACT) });
		expect(result.error?.message).toBe(
			`SalesCaptain has no contact with ID ${UNKNOWN_CONTACT} (Contact not found!) [item 0]`,
		);
		expect(result.error?.httpCode).toBe('404');
	});

	test('an ID that is no UUID fails before anything is sent', async () => {
		// Typed into By ID, n8n itself refuses it (the mode's pattern); from an expression the node does.
		const result = await run(
			'contact',
			'get',
			{ company: ACME, contact: byId('={{ $json.id }}') },
			[{ id: '../fetch-companies' }],
		);
		expect(result.error?.message).toBe(
			'Contact "../fetch-companies" is not a valid ID: a UUID such as a1b2c3d4-e5f6-7890-abcd-ef1234567890 is expected [item 0]',
		);
		expect(requests()).toEqual([]);
	});

	test('a 200 that is not a contact fails the item', async () => {
		sandbox.addFault({ path: '/v1/fetch-contact', status: 200, body: { message: 'ok' } });
		const result = await run('contact', 'get', {
			company: COPPER,
			contact: byId(seededContact(1).contact_id),
		});
		expect(result.error?.message).toBe(
			'SalesCaptain answered 200 but not with a contact (JSON: {"message":"ok"}) [item 0]',
		);
	});
});

describe('Contact → Update', () => {
	test('changes only what is given: the name and one custom field; phone, email and the other fields stay', async () => {
		const stored = storeAcmeContact();
		const result = await run('contact', 'update', {
			company: ACME,
			contact: byId(stored.contact_id),
			fullName: 'Ann Lee-Smith',
			customFields: { field: [{ key: BUDGET, value: '75000' }] },
		});
		expect(result.error).toBeUndefined();
		const sent = sandbox.requests('salescaptain');
		expect(sent.map((request) => `${request.method} ${request.path}`)).toEqual([
			`GET /v1/list-custom-fields/${ACME}`,
			`PUT /v1/update-contact/${stored.contact_id}`,
		]);
		expect(sent[1].body).toEqual({
			company_id: ACME,
			name: 'Ann Lee-Smith',
			custom_fields: [{ cf_id: BUDGET, cf_value: '75000' }],
		});
		const after = state().contacts.find((contact) => contact.contact_id === stored.contact_id)!;
		expect(after).toMatchObject({
			name: 'Ann Lee-Smith',
			phone: '+14155551234',
			email: 'ann@example.com',
			custom_fields: [
				{ cf_name: 'Industry', cf_value: 'Outdoor' },
				{ cf_name: 'Budget', cf_value: '75000' },
			],
		});
		expect(result.items).toEqual([
			{
				json: expect.objectContaining({
					contact_id: stored.contact_id,
					name: 'Ann Lee-Smith',
					email: 'ann@example.com',
					custom_fields: after.custom_fields,
				}),
				pairedItem: { item: 0 },
			},
		]);
	});

	test('a new phone (written nationally, Default Country US) and email', async () => {
		const stored = storeAcmeContact();
		await run('contact', 'update', {
			company: ACME,
			contact: byId(stored.contact_id),
			phone: '(415) 555-9999',
			email: 'ann.lee@example.com',
			options: { defaultCountry: 'US' },
		});
		expect(sandbox.requests('salescaptain')[0].body).toEqual({
			company_id: ACME,
			phone: '+14155559999',
			email: 'ann.lee@example.com',
		});
		expect(state().contacts.at(-1)).toMatchObject({
			phone: '+14155559999',
			email: 'ann.lee@example.com',
		});
	});

	test('Fields to Clear → Email sends an empty email, which removes it', async () => {
		const stored = storeAcmeContact();
		const result = await run('contact', 'update', {
			company: ACME,
			contact: byId(stored.contact_id),
			options: { clearFields: ['email'] },
		});
		expect(sandbox.requests('salescaptain')[0].body).toEqual({ company_id: ACME, email: '' });
		expect(result.items?.[0].json.email).toBeNull();
		expect(state().contacts.at(-1)?.email).toBeNull();
	});

	test.each([
		['an empty update', {}, 'Nothing to update: every field is empty [item 0]'],
		['a malformed email', { email: 'ann@' }, 'Email "ann@" is not a valid email address [item 0]'],
		[
			'an email both given and cleared',
			{ email: 'ann@example.org', options: { clearFields: ['email'] } },
			'Email is both given and in Fields to Clear [item 0]',
		],
		[
			'a phone without country code and no Default Country',
			{ phone: '555 0100' },
			expect.stringMatching(/^Phone Number "555 0100" .* \[item 0\]$/),
		],
	])('%s fails before anything is sent, nothing changes', async (_name, fields, message) => {
		const stored = storeAcmeContact();
		const before = JSON.stringify(state().contacts);
		const result = await run('contact', 'update', {
			company: ACME,
			contact: byId(stored.contact_id),
			...fields,
		});
		expect(result.error?.message).toEqual(message);
		expect(requests()).toEqual([]);
		expect(JSON.stringify(state().contacts)).toBe(before);
	});

	test('a custom-field value of the wrong type fails before the update is sent', async () => {
		const stored = storeAcmeContact();
		const result = await run('contact', 'update', {
			company: ACME,
			contact: byId(stored.contact_id),
			customFields: { field: [{ key: BUDGET, value: 'lots' }] },
		});
		expect(result.error?.message).toMatch(/^Custom field "Budget" .*\[item 0\]$/);
		expect(requests()).toEqual([`GET /v1/list-custom-fields/${ACME}`]);
	});

	test("an unknown contact: SalesCaptain's 404 with the ID", async () => {
		const result = await run('contact', 'update', {
			company: ACME,
			contact: byId(UNKNOWN_CONTACT),
			fullName: 'Nobody',
		});
		expect(result.error?.message).toBe(
			`SalesCaptain has no contact with ID ${UNKNOWN_CONTACT} (Contact not found!) [item 0]`,
		);
	});

	test('an answer without the contact: the contact is read back', async () => {
		const stored = storeAcmeContact();
		sandbox.addFault({
			method: 'PUT',
			path: '/v1/update-contact',
			status: 200,
			body: { message: 'Contact updated successfully!' },
		});
		const result = await run('contact', 'update', {
			company: ACME,
			contact: byId(stored.contact_id),
			fullName: 'Ann Lee',
		});
		expect(requests()).toEqual([
			`PUT /v1/update-contact/${stored.contact_id}`,
			`GET /v1/fetch-contact/${stored.contact_id}`,
		]);
		expect(result.items?.[0].json).toEqual(listed(stored));
	});

	test('an update done but not read back says it is done', async () => {
		const stored = storeAcmeContact();
		sandbox.addFault({ method: 'PUT', path: '/v1/update-contact', status: 200, body: {} });
		sandbox.addFault({ path: '/v1/fetch-contact', status: 500, body: { error: 'Boom' } });
		const result = await run('contact', 'update', {
			company: ACME,
			contact: byId(stored.contact_id),
			fullName: 'Ann Lee',
		});
		expect(result.error?.message).toBe(
			`Contact ${stored.contact_id} is updated in SalesCaptain, but reading it back failed: SalesCaptain answered 500: Boom [item 0]`,
		);
		expect(result.error?.description).toBe(
			'The update took effect; do not run this item again to repeat it.',
		);
	});

	test('a lost answer is reported as possibly applied, and not sent again', async () => {
		const stored = storeAcmeContact();
		sandbox.addFault({ method: 'PUT', path: '/v1/update-contact', drop: true });
		const result = await run('contact', 'update', {
			company: ACME,
			contact: byId(stored.contact_id),
			fullName: 'Ann Lee-Smith',
		});
		expect(result.error?.message).toBe(
			'SalesCaptain closed the connection before answering [item 0]',
		);
		expect(result.error?.description).toMatch(/may have been stored by SalesCaptain/);
		expect(requests()).toEqual([`PUT /v1/update-contact/${stored.contact_id}`]);
	});
});

describe('Contact → Create with If Contact Exists → Update Existing', () => {
	test('items that half exist: created / updated outcomes, one create each, no duplicate', async () => {
		const ann = storeAcmeContact();
		const bob = storeAcmeContact({
			contact_id: 'aaaaaaaa-0000-4000-8000-000000000002',
			name: 'Bob Stone',
			phone: '+14155552222',
			email: null,
			custom_fields: [],
		});
		const items = [
			{
				name: 'Ann Lee-Smith',
				phone: '+1 415 555 1234',
				email: 'ann.new@example.com',
				industry: 'Retail',
			},
			{ name: 'Cleo New', phone: '+1 415 555 3333', email: '', industry: 'Travel' },
			{ name: 'Bob Stone', phone: '+14155552222', email: 'bob@example.com', industry: 'Farming' },
			{ name: 'Dan New', phone: '', email: 'dan@example.com', industry: 'Food' },
		];
		const result = await run(
			'contact',
			'create',
			{
				company: ACME,
				fullName: '={{ $json.name }}',
				phone: '={{ $json.phone }}',
				email: '={{ $json.email }}',
				customFields: { field: [{ key: INDUSTRY, value: '={{ $json.industry }}' }] },
				tags: [VIP],
				options: { ifContactExists: 'updateExisting', maxConcurrency: 1 },
			},
			items,
		);
		expect(result.error).toBeUndefined();
		expect(
			result.items?.map((item) => [item.json.name, item.json.outcome, item.pairedItem]),
		).toEqual([
			['Ann Lee-Smith', 'updated', { item: 0 }],
			['Cleo New', 'created', { item: 1 }],
			['Bob Stone', 'updated', { item: 2 }],
			['Dan New', 'created', { item: 3 }],
		]);
		const acme = state().contacts.filter((contact) => contact.company_id === ACME);
		expect(acme.map((contact) => contact.name)).toEqual([
			'Ann Lee-Smith',
			'Bob Stone',
			'Cleo New',
			'Dan New',
		]);
		expect(acme.every((contact) => contact.tag_ids.join() === VIP)).toBe(true);
		expect(acme.find((contact) => contact.contact_id === ann.contact_id)).toMatchObject({
			email: 'ann.new@example.com',
			custom_fields: [{ cf_name: 'Industry', cf_value: 'Retail' }],
		});
		expect(acme.find((contact) => contact.contact_id === bob.contact_id)?.email).toBe(
			'bob@example.com',
		);
		const sent = sandbox.requests('salescaptain');
		expect(sent.filter((request) => request.path === '/v1/create-contact')).toHaveLength(4);
		const updates = sent.filter((request) => request.method === 'PUT');
		expect(updates.map((request) => [request.path, request.body])).toEqual([
			[
				`/v1/update-contact/${ann.contact_id}`,
				{
					company_id: ACME,
					name: 'Ann Lee-Smith',
					phone: '+14155551234',
					email: 'ann.new@example.com',
					custom_fields: [{ cf_id: INDUSTRY, cf_value: 'Retail' }],
				},
			],
			[
				`/v1/update-contact/${bob.contact_id}`,
				{
					company_id: ACME,
					name: 'Bob Stone',
					phone: '+14155552222',
					email: 'bob@example.com',
					custom_fields: [{ cf_id: INDUSTRY, cf_value: 'Farming' }],
				},
			],
		]);
		expect(result.items?.[0].json).toMatchObject({
			contact_id: ann.contact_id,
			email: 'ann.new@example.com',
			appliedTags: [VIP],
			outcome: 'updated',
		});
	});
});

describe('Contact → Delete', () => {
	test('deletes the contact and outputs {deleted: true}', async () => {
		const stored = storeAcmeContact();
		const result = await run('contact', 'delete', {
			company: ACME,
			contact: byId(stored.contact_id),
		});
		expect(requests()).toEqual([`DELETE /v1/delete-contact/${ACME}/${stored.contact_id}`]);
		expect(result.items).toEqual([{ json: { deleted: true }, pairedItem: { item: 0 } }]);
		expect(state().contacts.some((contact) => contact.contact_id === stored.contact_id)).toBe(
			false,
		);
	});

	test('an unknown ID: the 404 names it, nothing is deleted', async () => {
		const before = state().contacts.length;
		const result = await run('contact', 'delete', {
			company: COPPER,
			contact: byId(UNKNOWN_CONTACT),
		});
		expect(result.error?.message).toBe(
			`SalesCaptain has no contact with ID ${UNKNOWN_CONTACT} (Contact not found!) [item 0]`,
		);
		expect(state().contacts).toHaveLength(before);
	});

	test('a contact of another company is not deleted', async () => {
		const guest = seededContact(1);
		const result = await run('contact', 'delete', {
			company: ACME,
			contact: byId(guest.contact_id),
		});
		expect(result.error?.httpCode).toBe('404');
		expect(state().contacts.some((contact) => contact.contact_id === guest.contact_id)).toBe(true);
	});

	test('an ID that is no UUID fails before anything is sent; with Continue On Fail every item is accounted for', async () => {
		const guest = seededContact(7);
		const result = await run(
			'contact',
			'delete',
			{ company: COPPER, contact: '={{ $json.id }}' },
			[{ id: 'not-an-id' }, { id: guest.contact_id }],
			{ continueOnFail: true },
		);
		expect(result.items?.map((item) => [item.json, item.pairedItem])).toEqual([
			[
				{
					message: expect.stringMatching(/^Contact "not-an-id" is not a valid ID.*\[item 0\]$/),
					error: expect.any(Object),
				},
				{ item: 0 },
			],
			[{ deleted: true }, { item: 1 }],
		]);
		expect(requests()).toEqual([`DELETE /v1/delete-contact/${COPPER}/${guest.contact_id}`]);
	});
});

describe('Tag → Add / Remove', () => {
	test('Add, tags picked in the dropdown: one request each, output {contactId, appliedTags}', async () => {
		const stored = storeAcmeContact();
		const result = await run('tag', 'add', {
			company: ACME,
			contact: byId(stored.contact_id),
			tags: [VIP, NEWSLETTER],
		});
		const sent = sandbox.requests('salescaptain');
		expect(sent.map((request) => [`${request.method} ${request.path}`, request.body])).toEqual([
			[`GET /v1/list-tags/${ACME}`, undefined],
			[`POST /v1/add-tag-to-contact/${ACME}`, { contact_id: stored.contact_id, tag_id: VIP }],
			[
				`POST /v1/add-tag-to-contact/${ACME}`,
				{ contact_id: stored.contact_id, tag_id: NEWSLETTER },
			],
		]);
		expect(result.items).toEqual([
			{
				json: { contactId: stored.contact_id, appliedTags: [VIP, NEWSLETTER] },
				pairedItem: { item: 0 },
			},
		]);
		expect(state().contacts.at(-1)?.tag_ids).toEqual([VIP, NEWSLETTER]);
	});

	test('Add by name from an expression, any case; a tag the contact has already counts as added', async () => {
		const stored = storeAcmeContact({ tag_ids: [VIP] });
		const result = await run(
			'tag',
			'add',
			{ company: ACME, contact: byId(stored.contact_id), tags: '={{ $json.tags }}' },
			[{ tags: ['vip', 'COLD LEAD'] }],
		);
		expect(result.items?.[0].json).toEqual({
			contactId: stored.contact_id,
			appliedTags: [VIP, COLD_LEAD],
		});
		expect(state().contacts.at(-1)?.tag_ids).toEqual([VIP, COLD_LEAD]);
	});

	test('a tag name the company does not have fails before any tag is changed, naming its tags', async () => {
		const stored = storeAcmeContact();
		const result = await run('tag', 'add', {
			company: ACME,
			contact: byId(stored.contact_id),
			tags: 'VIP, Platinum',
		});
		expect(result.error?.message).toBe('Tag "Platinum" is not a tag of this company [item 0]');
		expect(result.error?.description).toBe(
			"The company's tags are: VIP, Newsletter, Cold lead. Give one of these names or its ID.",
		);
		expect(requests()).toEqual([`GET /v1/list-tags/${ACME}`]);
		expect(state().contacts.at(-1)?.tag_ids).toEqual([]);
	});

	test('no tag given (an expression giving an empty list) fails before anything is sent', async () => {
		const result = await run('tag', 'remove', {
			company: ACME,
			contact: byId(seededContact(1).contact_id),
			tags: '={{ [] }}',
		});
		expect(result.error?.message).toBe('No tag given [item 0]');
		expect(requests()).toEqual([]);
	});

	test('Remove by name: one DELETE each with {contact_id, tag_id}, output {contactId, removedTags}', async () => {
		const stored = storeAcmeContact({ tag_ids: [VIP, NEWSLETTER, COLD_LEAD] });
		const result = await run('tag', 'remove', {
			company: ACME,
			contact: byId(stored.contact_id),
			tags: '={{ ["Newsletter", "cold lead"] }}',
		});
		const sent = sandbox.requests('salescaptain').slice(1);
		expect(sent.map((request) => [`${request.method} ${request.path}`, request.body])).toEqual([
			[
				`DELETE /v1/remove-tag-from-contact/${ACME}`,
				{ contact_id: stored.contact_id, tag_id: NEWSLETTER },
			],
			[
				`DELETE /v1/remove-tag-from-contact/${ACME}`,
				{ contact_id: stored.contact_id, tag_id: COLD_LEAD },
			],
		]);
		expect(result.items?.[0].json).toEqual({
			contactId: stored.contact_id,
			removedTags: [NEWSLETTER, COLD_LEAD],
		});
		expect(state().contacts.at(-1)?.tag_ids).toEqual([VIP]);
	});

	test('a failure after some tags changed names them, and Continue On Fail keeps them in the item', async () => {
		const stored = storeAcmeContact({ tag_ids: [VIP] });
		const result = await run(
			'tag',
			'remove',
			{ company: ACME, contact: byId(stored.contact_id), tags: [VIP, NEWSLETTER] },
			[{}],
			{ continueOnFail: true },
		);
		const message = `Tag ${NEWSLETTER} could not be removed from contact ${stored.contact_id}: SalesCaptain answered 404: Tag is not added to this contact! [item 0]`;
		expect(result.items?.[0].json).toEqual({
			message,
			error: expect.objectContaining({
				message,
				httpCode: '404',
				contactId: stored.contact_id,
				removedTags: [VIP],
				description: expect.stringMatching(
					new RegExp(`^Tags removed from the contact before it: ${VIP}\\. `),
				),
			}),
		});
	});

	test('an unknown contact: the 404 names it', async () => {
		const result = await run('tag', 'add', {
			company: ACME,
			contact: byId(UNKNOWN_CONTACT),
			tags: [VIP],
		});
		expect(result.error?.message).toBe(
			`Tag ${VIP} could not be added to contact ${UNKNOWN_CONTACT}: SalesCaptain answered 404: Contact not found! [item 0]`,
		);
	});
});

describe('the contact locator: From List', () => {
	const search = async (parameters: IDataObject, filter?: string, paginationToken?: string) =>
		await listSearch({
			type: 'salesCaptain',
			method: 'searchContacts',
			parameters: { resource: 'contact', operation: 'get', ...parameters } as never,
			credentials: credentials(),
			filter,
			paginationToken,
		});

	test("the chosen company's contacts, 100 a page, with a token for the next page", async () => {
		const first = await search({ company: COPPER });
		expect(first.results).toHaveLength(100);
		expect(first.results[0]).toEqual({
			name: 'Guest 001 (+14155551001)',
			value: seededContact(1).contact_id,
		});
		expect(first.paginationToken).toBe('2');
		const last = await search({ company: COPPER }, undefined, '3');
		expect(last.results).toHaveLength(30);
		expect(last.paginationToken).toBeUndefined();
		expect(sandbox.requests('salescaptain').map((request) => request.query)).toEqual([
			{ page_number: '1', items_per_page: '100' },
			{ page_number: '3', items_per_page: '100' },
		]);
	});

	test('what the user types is sent as search_key', async () => {
		const found = await search({ company: COPPER }, 'guest123@');
		expect(found).toEqual({
			results: [{ name: 'Guest 123 (+14155551123)', value: seededContact(123).contact_id }],
		});
		expect(sandbox.requests('salescaptain')[0].query.search_key).toBe('guest123@');
	});

	test('empty until a company is chosen, asking nothing of SalesCaptain', async () => {
		expect(await search({ company: '' })).toEqual({ results: [] });
		expect(requests()).toEqual([]);
	});
});

describe('as an AI Agent tool', () => {
	test('Get Many: the model may give a search; the description is the operation’s own', () => {
		const side = modelSide(new SalesCaptain(), {
			resource: 'contact',
			operation: 'getAll',
			company: COPPER,
			limit: 10,
			filters: {
				searchKey: fromAI('search', 'Part of a name, phone or email', true),
			},
		});
		expect(side.description).toMatch(/^Lists a SalesCaptain company's contacts, or searches them/);
		expect(side).toMatchObject({ properties: ['search'], required: [] });
	});

	test('Update: the model gives the contact ID; fields it does not know stay empty', () => {
		const side = modelSide(new SalesCaptain(), {
			resource: 'contact',
			operation: 'update',
			company: ACME,
			contact: byId(fromAI('contactId', 'The contact ID from an earlier search')),
			email: fromAI('email', 'The new email, if asked', true),
		});
		expect(side.description).toMatch(/^Changes an existing SalesCaptain contact/);
		expect(side).toMatchObject({ properties: ['contactId', 'email'], required: ['contactId'] });
	});
});
