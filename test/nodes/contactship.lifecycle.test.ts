/**
 * Contactship's contact lifecycle (issue 15) on n8n-core's engine against the sandbox, which
 * serves the endpoints as Contactship documents them: Get, Get Many, Update (additional_data
 * replaced wholesale by the vendor), Create → Update Existing, Delete, Tag → Add / Remove and
 * the contact picker. Each test asserts what users see: the requests Contactship receives,
 * what changed there (and what did not), the output items and the error texts.
 */

import { Contactship } from '../../nodes/Contactship/Contactship.node';
import { listSearch, runNode } from '../harness/n8n';
import { fromAI, modelSide } from '../harness/aiTool';
import { createSandbox } from '../sandbox';
import type { ContactshipContact, ContactshipState } from '../sandbox/vendors/contactship';
import {
	CONTACTSHIP_API_KEY,
	CS_SEED_TAGS,
	contactshipContact,
} from '../sandbox/vendors/contactship';

const sandbox = createSandbox();
beforeAll(async () => {
	await sandbox.start();
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const tagId = (name: string) => CS_SEED_TAGS.find((tag) => tag.name === name)!.id;
const HOT_LEAD = tagId('hot-lead');
const VIP = tagId('vip');
const NEWSLETTER = tagId('newsletter');

const credentials = () => ({
	contactshipApi: { apiKey: CONTACTSHIP_API_KEY, baseUrl: sandbox.baseUrl('contactship') },
});
const state = () => sandbox.state<ContactshipState>('contactship');
const requests = () => sandbox.requests('contactship');
const calls = () => requests().map((request) => `${request.method} ${request.path}`);

const ADA = contactshipContact(1, {
	full_name: 'Ada Lovelace',
	phone_number: '+442079460018',
	email: 'ada@example.com',
	country: 'United Kingdom',
	additional_data: [
		{ type: 'text', field: 'source', value: 'webinar' },
		{ type: 'number', field: 'lead_score', value: '40' },
		{ type: 'location', field: 'office', value: 'London' },
	],
});
const GRACE = contactshipContact(2, {
	full_name: 'Grace Hopper',
	phone_number: '+12125550142',
	email: 'grace@navy.example',
});

/** Puts contacts at the vendor, as if made earlier in Contactship. */
function seed(...contacts: ContactshipContact[]) {
	state().contacts.push(...contacts.map((contact) => structuredClone(contact)));
}
const stored = (id: string) => state().contacts.find((contact) => contact.id === id);

async function run(
	resource: string,
	operation: string,
	parameters: object,
	items: object[] = [{}],
	continueOnFail = false,
) {
	return await runNode({
		type: 'contactship',
		parameters: { resource, operation, ...parameters },
		items: items as never,
		credentials: credentials(),
		continueOnFail,
	});
}

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const byEmail = (value: string) => ({ __rl: true, mode: 'email', value });
const byPhone = (value: string) => ({ __rl: true, mode: 'phone', value });

describe('Contact → Get', () => {
	test('by ID, email or phone number: the documented identifierType, the contact as output', async () => {
		seed(ADA, GRACE);
		const result = await run('contact', 'get', { contact: '={{ $json.contact }}' }, [
			{ contact: byId(ADA.id) },
			{ contact: byEmail('grace@navy.example') },
			{ contact: byPhone('+44 20 7946 0018') },
		]);
		expect(result.error).toBeUndefined();
		expect(requests().map(({ path, query }) => ({ path, query }))).toEqual([
			{ path: `/v1/contacts/${ADA.id}`, query: { identifierType: 'id' } },
			{ path: '/v1/contacts/grace%40navy.example', query: { identifierType: 'email' } },
			{ path: '/v1/contacts/%2B442079460018', query: { identifierType: 'phone_number' } },
		]);
		expect(result.items).toEqual([
			{ json: ADA, pairedItem: { item: 0 } },
			{ json: GRACE, pairedItem: { item: 1 } },
			{ json: ADA, pairedItem: { item: 2 } },
		]);
	});

	test('a phone number without country code is read in Default Country', async () => {
		seed(GRACE);
		const result = await run('contact', 'get', {
			contact: byPhone('(212) 555-0142'),
			options: { defaultCountry: 'US' },
		});
		expect(result.items?.[0].json.id).toBe(GRACE.id);
	});

	test('an unknown ID fails the item, naming it, in Contactship words', async () => {
		const missing = contactshipContact(99).id;
		const result = await run('contact', 'get', { contact: byId(missing) });
		expect(result.error?.message).toBe(
			`Contactship has no contact with ID ${missing} (Contact not found) [item 0]`,
		);
		expect(result.error?.httpCode).toBe('404');
	});

	test('a malformed email or phone number fails before anything is sent', async () => {
		const email = await run('contact', 'get', { contact: byEmail('ada@') });
		expect(email.error?.message).toMatch(/^Email "ada@" is not a valid email address \[item 0\]$/);
		const phone = await run('contact', 'get', { contact: byPhone('12') });
		expect(phone.error?.message).toMatch(/^Contact phone number "12" .*\[item 0\]$/);
		expect(requests()).toHaveLength(0);
	});
});

describe('Contact → Get Many', () => {
	const many = Array.from({ length: 130 }, (_, n) => contactshipContact(n + 10));

	test('Return All: the whole array in one request (Contactship documents no paging), one item per contact', async () => {
		seed(...many);
		const result = await run('contact', 'getAll', { returnAll: true });
		expect(calls()).toEqual(['GET /v1/contacts']);
		expect(requests()[0].query).toEqual({});
		expect(result.items).toHaveLength(130);
		expect(result.items?.map((item) => item.json.id)).toEqual(many.map((contact) => contact.id));
		expect(result.items?.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(
			true,
		);
	});

	test('Limit keeps the first ones; filters are sent as documented; each input item gets its own list', async () => {
		seed(ADA, GRACE, ...many);
		const result = await run(
			'contact',
			'getAll',
			{ limit: 2, filters: { fullName: '={{ $json.name }}', email: '={{ $json.email }}' } },
			[{ name: 'a', email: '' }, { name: 'Grace', email: 'navy' }, { name: 'nobody' }],
		);
		expect(requests().map((request) => request.query)).toEqual([
			{ full_name: 'a' },
			{ full_name: 'Grace', email: 'navy' },
			{ full_name: 'nobody' },
		]);
		// "a" matches Ada, Grace and every "Contact n": two kept. "nobody": no output item.
		expect(result.items?.map((item) => [item.json.full_name, item.pairedItem])).toEqual([
			['Ada Lovelace', { item: 0 }],
			['Grace Hopper', { item: 0 }],
			['Grace Hopper', { item: 1 }],
		]);
	});

	test('a phone filter is sent as typed (a partial match)', async () => {
		seed(ADA, GRACE);
		const result = await run('contact', 'getAll', {
			returnAll: true,
			filters: { phone: '+44' },
		});
		expect(requests()[0].query).toEqual({ phone_number: '+44' });
		expect(result.items?.map((item) => item.json.id)).toEqual([ADA.id]);
	});

	test('a Limit below 1 fails before sending', async () => {
		const result = await run('contact', 'getAll', { limit: '={{ 0 }}' });
		expect(result.error?.message).toBe(
			'Limit must be a whole number of at least 1, not 0 [item 0]',
		);
		expect(requests()).toHaveLength(0);
	});
});

describe('Contact → Update', () => {
	test('by ID without data fields: one PATCH with only the given fields; the rest stays', async () => {
		seed(ADA);
		const result = await run('contact', 'update', {
			contact: byId(ADA.id),
			fullName: 'Augusta Ada King',
			description: 'Countess',
		});
		expect(calls()).toEqual([`PATCH /v1/contacts/${ADA.id}`]);
		expect(requests()[0].body).toEqual({ full_name: 'Augusta Ada King', description: 'Countess' });
		const expected = { ...ADA, full_name: 'Augusta Ada King', description: 'Countess' };
		expect(stored(ADA.id)).toEqual(expected);
		expect(result.items).toEqual([{ json: expected, pairedItem: { item: 0 } }]);
	});

	test('additional data is merged into the stored array, so no stored field is lost', async () => {
		seed(ADA);
		const result = await run('contact', 'update', {
			contact: byId(ADA.id),
			customFields: {
				field: [
					{ type: 'number', key: 'lead_score', value: '87.5' },
					{ type: 'date', key: 'first_call', value: '2025-03-14' },
				],
			},
		});
		expect(calls()).toEqual([`GET /v1/contacts/${ADA.id}`, `PATCH /v1/contacts/${ADA.id}`]);
		const merged = [
			{ type: 'text', field: 'source', value: 'webinar' },
			{ type: 'number', field: 'lead_score', value: '87.5' },
			{ type: 'location', field: 'office', value: 'London' },
			{ type: 'date', field: 'first_call', value: '2025-03-14' },
		];
		expect(requests()[1].body).toEqual({ additional_data: merged });
		expect(stored(ADA.id)?.additional_data).toEqual(merged);
		expect(result.items?.[0].json.additional_data).toEqual(merged);
	});

	test('by phone number: the contact is looked up, then patched by its ID', async () => {
		seed(ADA, GRACE);
		const result = await run('contact', 'update', {
			contact: byPhone('001 212 555 0142'),
			email: 'grace.hopper@navy.example',
		});
		expect(calls()).toEqual(['GET /v1/contacts/%2B12125550142', `PATCH /v1/contacts/${GRACE.id}`]);
		expect(requests()[1].body).toEqual({ email: 'grace.hopper@navy.example' });
		expect(result.items?.[0].json.email).toBe('grace.hopper@navy.example');
	});

	test('an empty update fails before sending, nothing changed', async () => {
		seed(ADA);
		const result = await run('contact', 'update', { contact: byId(ADA.id), fullName: '  ' });
		expect(result.error?.message).toBe('Nothing to update: every field is empty [item 0]');
		expect(result.error?.description).toBe(
			"Fill at least one of Phone Number, Full Name, Email, Country, Description or Additional Data. Empty fields leave the contact's values as they are.",
		);
		expect(requests()).toHaveLength(0);
		expect(stored(ADA.id)).toEqual(ADA);
	});

	test('a malformed email fails before sending', async () => {
		seed(ADA);
		const result = await run('contact', 'update', { contact: byId(ADA.id), email: 'ada@lovelace' });
		expect(result.error?.message).toMatch(/^Email "ada@lovelace" .*\[item 0\]$/);
		expect(requests()).toHaveLength(0);
	});

	test("a phone number that is another contact's: Contactship's 409, worded for an update; nothing changed", async () => {
		seed(ADA, GRACE);
		const result = await run('contact', 'update', {
			contact: byId(ADA.id),
			phone: '+1 212 555 0142',
			fullName: 'Ada',
		});
		expect(result.error?.message).toBe(
			`Contactship did not update contact ${ADA.id}: the phone number +12125550142 belongs to another contact (Contactship answered 409: The update would create a duplicate phone number) [item 0]`,
		);
		expect(result.error?.description).toMatch(/^Nothing was changed\./);
		expect(stored(ADA.id)).toEqual(ADA);
	});

	test('an unknown ID: 404 naming it, nothing changed', async () => {
		seed(ADA);
		const missing = contactshipContact(98).id;
		const result = await run('contact', 'update', { contact: byId(missing), fullName: 'X' });
		expect(result.error?.message).toBe(
			`Contactship has no contact with ID ${missing} (Contact not found) [item 0]`,
		);
		expect(stored(ADA.id)).toEqual(ADA);
	});
});

describe('Contact → Create with If Contact Exists → Update Existing', () => {
	test('items that half exist: created / updated, no duplicate, stored data fields kept, tags added', async () => {
		seed(ADA);
		const result = await run(
			'contact',
			'create',
			{
				phone: '={{ $json.phone }}',
				fullName: '={{ $json.name }}',
				email: "={{ $json.email ?? '' }}",
				customFields: {
					field: [{ type: 'number', key: 'lead_score', value: '={{ $json.score }}' }],
				},
				tags: [VIP],
				// One item at a time, so the requests below come in a fixed order.
				options: { ifContactExists: 'updateExisting', maxConcurrency: 1 },
			},
			[
				{ name: 'Ada King', phone: '+44 20 7946 0018', score: '90' },
				{ name: 'Grace Hopper', phone: '+12125550142', email: 'grace@navy.example', score: '64' },
			],
		);
		expect(result.error).toBeUndefined();
		expect(state().contacts).toHaveLength(2);
		const grace = state().contacts[1];
		expect(calls()).toEqual([
			'POST /v1/contacts',
			'GET /v1/contacts/%2B442079460018',
			`PATCH /v1/contacts/${ADA.id}`,
			`POST /v1/contacts/${ADA.id}/tags/${VIP}`,
			'POST /v1/contacts',
			`POST /v1/contacts/${grace.id}/tags/${VIP}`,
		]);
		// The update carries the item's fields, not the phone it was found by; data fields merged.
		expect(requests()[2].body).toEqual({
			full_name: 'Ada King',
			additional_data: [
				{ type: 'text', field: 'source', value: 'webinar' },
				{ type: 'number', field: 'lead_score', value: '90' },
				{ type: 'location', field: 'office', value: 'London' },
			],
		});
		expect(result.items?.map((item) => [item.json.outcome, item.json.id, item.pairedItem])).toEqual(
			[
				['updated', ADA.id, { item: 0 }],
				['created', grace.id, { item: 1 }],
			],
		);
		expect(result.items?.[0].json).toMatchObject({
			full_name: 'Ada King',
			email: 'ada@example.com',
			appliedTags: [VIP],
		});
		expect(state().contactTags).toEqual({ [ADA.id]: [VIP], [grace.id]: [VIP] });
	});
	test('a lookup answer without an ID fails the item; nothing is patched', async () => {
		seed(ADA);
		sandbox.addFault({
			method: 'GET',
			path: '/v1/contacts/',
			status: 200,
			body: { full_name: 'Ada Lovelace', phone_number: ADA.phone_number },
		});
		const result = await run('contact', 'create', {
			phone: ADA.phone_number,
			fullName: 'Ada King',
			options: { ifContactExists: 'updateExisting' },
		});
		expect(result.error?.message).toBe(
			'Contactship found the contact with +442079460018 but gave no ID for it, so it could not be updated [item 0]',
		);
		expect(calls()).toEqual(['POST /v1/contacts', 'GET /v1/contacts/%2B442079460018']);
		expect(stored(ADA.id)).toEqual(ADA);
	});
});

describe('Contact → Delete', () => {
	test('by ID: DELETE, {deleted: true}, the contact and its tags gone', async () => {
		seed(ADA, GRACE);
		state().contactTags[ADA.id] = [HOT_LEAD];
		const result = await run('contact', 'delete', { contact: byId(ADA.id) });
		expect(calls()).toEqual([`DELETE /v1/contacts/${ADA.id}`]);
		expect(result.items).toEqual([{ json: { deleted: true }, pairedItem: { item: 0 } }]);
		expect(state().contacts.map((contact) => contact.id)).toEqual([GRACE.id]);
		expect(state().contactTags).toEqual({});
	});

	test('by email: looked up, then deleted by ID', async () => {
		seed(ADA, GRACE);
		await run('contact', 'delete', { contact: byEmail('grace@navy.example') });
		expect(calls()).toEqual([
			'GET /v1/contacts/grace%40navy.example',
			`DELETE /v1/contacts/${GRACE.id}`,
		]);
		expect(state().contacts.map((contact) => contact.id)).toEqual([ADA.id]);
	});

	test('an unknown contact: a 404 naming it, nothing deleted; with Continue On Fail the other items still run', async () => {
		seed(ADA);
		const result = await run(
			'contact',
			'delete',
			{ contact: '={{ $json.contact }}' },
			[{ contact: byEmail('nobody@example.com') }, { contact: byId(ADA.id) }],
			true,
		);
		expect(result.items).toEqual([
			{
				json: {
					message:
						'Contactship has no contact with email nobody@example.com (Contact not found) [item 0]',
					error: expect.objectContaining({ httpCode: '404' }),
				},
				pairedItem: { item: 0 },
			},
			{ json: { deleted: true }, pairedItem: { item: 1 } },
		]);
		expect(calls()).toEqual([
			'GET /v1/contacts/nobody%40example.com',
			`DELETE /v1/contacts/${ADA.id}`,
		]);
	});
});

describe('Tag → Add / Remove', () => {
	test('Add by name and by label (expressions): resolved against the tag list once per run, then added', async () => {
		seed(ADA, GRACE);
		const result = await run(
			'tag',
			'add',
			{
				contact: '={{ $json.contact }}',
				tags: '={{ $json.tags }}',
				options: { maxConcurrency: 1 },
			},
			[
				{ contact: byId(ADA.id), tags: ['hot-lead', 'VIP'] },
				{ contact: byPhone('+12125550142'), tags: 'Newsletter' },
			],
		);
		expect(result.error).toBeUndefined();
		// Read once for both items (12 tags: one page of 100).
		expect(calls().filter((call) => call.startsWith('GET /v1/tags'))).toHaveLength(1);
		expect(calls().filter((call) => !call.startsWith('GET /v1/tags'))).toEqual([
			`POST /v1/contacts/${ADA.id}/tags/${HOT_LEAD}`,
			`POST /v1/contacts/${ADA.id}/tags/${VIP}`,
			'GET /v1/contacts/%2B12125550142',
			`POST /v1/contacts/${GRACE.id}/tags/${NEWSLETTER}`,
		]);
		expect(result.items).toEqual([
			{ json: { contactId: ADA.id, appliedTags: [HOT_LEAD, VIP] }, pairedItem: { item: 0 } },
			{ json: { contactId: GRACE.id, appliedTags: [NEWSLETTER] }, pairedItem: { item: 1 } },
		]);
		expect(state().contactTags).toEqual({ [ADA.id]: [HOT_LEAD, VIP], [GRACE.id]: [NEWSLETTER] });
	});

	test('Add from the dropdown (IDs): no tag lookup; a tag the contact has counts as added', async () => {
		seed(ADA);
		state().contactTags[ADA.id] = [HOT_LEAD];
		const result = await run('tag', 'add', { contact: byId(ADA.id), tags: [HOT_LEAD, VIP] });
		expect(calls()).toEqual([
			`POST /v1/contacts/${ADA.id}/tags/${HOT_LEAD}`,
			`POST /v1/contacts/${ADA.id}/tags/${VIP}`,
		]);
		expect(result.items?.[0].json).toEqual({ contactId: ADA.id, appliedTags: [HOT_LEAD, VIP] });
	});

	test('an unknown tag name fails before any tag is added', async () => {
		seed(ADA);
		const result = await run('tag', 'add', {
			contact: byId(ADA.id),
			tags: '={{ ["vip", "platinum"] }}',
		});
		expect(result.error?.message).toBe('Contactship has no tag named "platinum" [item 0]');
		expect(result.error?.description).toMatch(
			/^Choose the tag from the list, or give its name or ID/,
		);
		expect(calls().every((call) => call.startsWith('GET /v1/tags'))).toBe(true);
		expect(state().contactTags).toEqual({});
	});

	test('Create resolves tag names too, before the contact is created', async () => {
		const result = await run('contact', 'create', {
			phone: '+12125550100',
			fullName: 'New Person',
			tags: '={{ "platinum" }}',
		});
		expect(result.error?.message).toBe('Contactship has no tag named "platinum" [item 0]');
		expect(state().contacts).toHaveLength(0);
	});

	test('no tag given fails before sending', async () => {
		seed(ADA);
		const result = await run('tag', 'add', { contact: byId(ADA.id), tags: '={{ [] }}' });
		expect(result.error?.message).toBe('No tag given [item 0]');
		expect(requests()).toHaveLength(0);
	});

	test('Remove: DELETE per tag, the tags stay in the organisation', async () => {
		seed(ADA);
		state().contactTags[ADA.id] = [HOT_LEAD, VIP, NEWSLETTER];
		const result = await run('tag', 'remove', {
			contact: byId(ADA.id),
			tags: [HOT_LEAD, NEWSLETTER],
		});
		expect(calls()).toEqual([
			`DELETE /v1/contacts/${ADA.id}/tags/${HOT_LEAD}`,
			`DELETE /v1/contacts/${ADA.id}/tags/${NEWSLETTER}`,
		]);
		expect(result.items?.[0].json).toEqual({
			contactId: ADA.id,
			removedTags: [HOT_LEAD, NEWSLETTER],
		});
		expect(state().contactTags[ADA.id]).toEqual([VIP]);
		expect(state().tags).toHaveLength(CS_SEED_TAGS.length);
	});

	test("Remove a tag the contact does not have: Contactship's 404, naming tag and contact and what was removed before", async () => {
		seed(ADA);
		state().contactTags[ADA.id] = [HOT_LEAD];
		const result = await run(
			'tag',
			'remove',
			{ contact: byId(ADA.id), tags: [HOT_LEAD, VIP] },
			[{}],
			true,
		);
		expect(result.items?.[0].json).toEqual({
			message: `Tag ${VIP} could not be removed from contact ${ADA.id}: Contactship answered 404: Tag is not assigned to this contact [item 0]`,
			error: expect.objectContaining({
				httpCode: '404',
				contactId: ADA.id,
				removedTags: [HOT_LEAD],
				description: expect.stringMatching(
					new RegExp(`^Tags removed from the contact before it: ${HOT_LEAD}\\. `),
				),
			}),
		});
		expect(state().contactTags[ADA.id]).toEqual([]);
	});
});

describe('the contact picker (From List)', () => {
	test.each([
		['Ada', { full_name: 'Ada' }],
		['+44 20 7946', { phone_number: '+4420794' + '6' }],
		['@navy', { email: '@navy' }],
		[undefined, {}],
	])('typed %p is searched as %p', async (filter, query) => {
		seed(ADA, GRACE);
		const result = await listSearch({
			type: 'contactship',
			method: 'searchContacts',
			credentials: credentials(),
			filter,
		});
		expect(requests().map((request) => [request.path, request.query])).toEqual([
			['/v1/contacts', query],
		]);
		const all = [
			{ name: 'Ada Lovelace (+442079460018)', value: ADA.id },
			{ name: 'Grace Hopper (+12125550142)', value: GRACE.id },
		];
		expect(result.results).toEqual(
			all.filter((entry) =>
				filter === undefined
					? true
					: filter === '@navy'
						? entry.value === GRACE.id
						: entry.value === ADA.id,
			),
		);
		expect(result.paginationToken).toBeUndefined();
	});
});

describe('as an AI Agent tool', () => {
	test('Get by phone: the model gives the number; the description is the operation’s own', () => {
		const side = modelSide(new Contactship(), {
			resource: 'contact',
			operation: 'get',
			contact: byPhone(fromAI('phone', 'The phone number with country code')),
		});
		expect(side.description).toMatch(/^Gets one Contactship contact/);
		expect(side).toMatchObject({ properties: ['phone'], required: ['phone'] });
	});

	test('Tag → Add: the model gives the contact ID and tag names', () => {
		const side = modelSide(new Contactship(), {
			resource: 'tag',
			operation: 'add',
			contact: byId(fromAI('contactId', 'The contact ID from an earlier search')),
			tags: fromAI('tags', 'Tag names, comma-separated'),
		});
		expect(side.description).toMatch(/^Adds existing tags to one Contactship contact/);
		expect(side).toMatchObject({
			properties: ['contactId', 'tags'],
			required: ['contactId', 'tags'],
		});
	});
});
