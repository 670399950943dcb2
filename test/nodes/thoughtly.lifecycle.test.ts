/**
 * Thoughtly's Contact → Get, Get Many and Delete on n8n-core's engine against the sandbox,
 * which serves them as documented: the requests Thoughtly receives, the items n8n outputs,
 * the error texts, and what changed (or did not) at the vendor.
 */
import { listSearch, runNode } from '../harness/n8n';
import { createSandbox } from '../sandbox';
import type { ThoughtlyState } from '../sandbox/vendors/thoughtly';
import {
	THOUGHTLY_SEED_CONTACTS,
	THOUGHTLY_TEAM_ID,
	THOUGHTLY_TOKEN,
} from '../sandbox/vendors/thoughtly';

const sandbox = createSandbox();
beforeAll(async () => {
	await sandbox.start();
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const credentials = () => ({
	thoughtlyApi: {
		apiToken: THOUGHTLY_TOKEN,
		teamId: THOUGHTLY_TEAM_ID,
		baseUrl: sandbox.baseUrl('thoughtly'),
	},
});
const state = () => sandbox.state<ThoughtlyState>('thoughtly');
const requests = () =>
	sandbox.requests('thoughtly').map((request) => `${request.method} ${request.path}`);
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const byPhone = (value: string) => ({ __rl: true, mode: 'phone', value });

async function run(
	operation: string,
	parameters: object,
	items: object[] = [{}],
	continueOnFail = false,
) {
	return await runNode({
		type: 'thoughtly',
		parameters: { resource: 'contact', operation, ...parameters },
		items: items as never,
		credentials: credentials(),
		continueOnFail,
	});
}

describe('Contact → Get', () => {
	test('by ID: GET /contact/{id}, the contact from the envelope, paired with its item', async () => {
		const wanted = state().contacts[3];
		const result = await run('get', { contact: byId('={{ $json.id }}') }, [{ id: wanted.id }]);
		expect(result.error).toBeUndefined();
		expect(requests()).toEqual([`GET /contact/${wanted.id}`]);
		expect(result.items).toEqual([{ json: { ...wanted }, pairedItem: { item: 0 } }]);
	});

	test('by phone number, written any way: the documented search, then the contact with that number', async () => {
		const wanted = state().contacts.find((contact) => contact.phone_number === '+14155550042')!;
		const result = await run('get', { contact: byPhone('+1 (415) 555-0042') });
		expect(result.error).toBeUndefined();
		expect(sandbox.requests('thoughtly').map((request) => request.query)).toEqual([
			{ search: '+14155550042', page: '0', limit: '50' },
		]);
		expect(result.items?.[0].json).toEqual({ ...wanted });
	});

	test("an unknown ID fails the item naming the ID, in Thoughtly's words", async () => {
		const result = await run('get', { contact: byId('ct_missing') });
		expect(result.error?.message).toBe(
			'Thoughtly has no contact with ID ct_missing (Contact not found) [item 0]',
		);
		expect(result.error?.httpCode).toBe('404');
	});

	test('a malformed phone number fails before anything is sent', async () => {
		const result = await run('get', { contact: byPhone('call me maybe') });
		expect(result.error?.message).toMatch(/phone number/i);
		expect(requests()).toEqual([]);
	});

	test('a phone number no contact has fails, saying so', async () => {
		const result = await run('get', { contact: byPhone('+442079460958') });
		expect(result.error?.message).toBe(
			'No Thoughtly contact has the phone number +442079460958 [item 0]',
		);
	});
});

describe('Contact → Get Many', () => {
	test('Return All reads every contact over three pages of 50, one output item each, all paired with the item', async () => {
		const result = await run('getAll', { returnAll: true });
		expect(result.error).toBeUndefined();
		expect(sandbox.requests('thoughtly').map((request) => request.query)).toEqual([
			{ page: '0', limit: '50' },
			{ page: '1', limit: '50' },
			{ page: '2', limit: '50' },
		]);
		expect(result.items).toHaveLength(THOUGHTLY_SEED_CONTACTS);
		expect(new Set(result.items!.map((item) => item.json.id)).size).toBe(THOUGHTLY_SEED_CONTACTS);
		expect(
			result.items!.every(
				(item) => item.pairedItem && (item.pairedItem as { item: number }).item === 0,
			),
		).toBe(true);
		// Simplify (on by default) keeps the main fields only.
		expect(Object.keys(result.items![0].json).sort()).toEqual(
			['created_at', 'email', 'id', 'name', 'phone_number', 'tags'].sort(),
		);
	});

	test('Limit stops reading once enough are read; a small Limit is one page of that size', async () => {
		const seventy = await run('getAll', { returnAll: false, limit: 70 });
		expect(seventy.items).toHaveLength(70);
		expect(sandbox.requests('thoughtly')).toHaveLength(2);
		sandbox.reset();
		const seven = await run('getAll', { returnAll: false, limit: 7, simplify: false });
		expect(sandbox.requests('thoughtly').map((request) => request.query)).toEqual([
			{ page: '0', limit: '7' },
		]);
		expect(seven.items!.map((item) => item.json)).toEqual(state().contacts.slice(0, 7));
	});

	test('filters go as the documented query (tags[] and excluded_tags[] repeated) and Thoughtly filters by them', async () => {
		const result = await run('getAll', {
			returnAll: true,
			simplify: false,
			filters: {
				tags: ['lead'],
				excludedTags: ['Webinar 2024'],
				phoneNumbersOnly: true,
				sort: 'name',
				sortDirection: 'DESC',
			},
		});
		expect(result.error).toBeUndefined();
		const [first] = sandbox.requests('thoughtly');
		expect(decodeURIComponent(first.rawQuery)).toBe(
			'tags[]=lead&excluded_tags[]=Webinar 2024&phone_numbers_only=true&sort=name&sortDirection=DESC&page=0&limit=50',
		);
		const expected = state()
			.contacts.filter(
				(contact) => contact.tags.includes('lead') && !contact.tags.includes('Webinar 2024'),
			)
			.sort((a, b) => String(b.name).localeCompare(String(a.name)));
		expect(expected.length).toBeGreaterThan(5);
		expect(result.items!.map((item) => item.json.id)).toEqual(
			expected.map((contact) => contact.id),
		);
	});

	test('nothing found: no output item for that input item', async () => {
		const result = await run('getAll', { returnAll: true, filters: { search: 'nobody-has-this' } });
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([]);
	});

	test('a tag both required and excluded fails before sending', async () => {
		const result = await run('getAll', {
			returnAll: true,
			filters: { tags: ['VIP'], excludedTags: ['VIP'] },
		});
		expect(result.error?.message).toBe(
			'Tag "VIP" is both required and excluded, so no contact could match [item 0]',
		);
		expect(requests()).toEqual([]);
	});
});

describe('Contact → Delete', () => {
	test('by ID: DELETE /contact/{id}, output {deleted: true}, the contact is gone', async () => {
		const target = state().contacts[0];
		const result = await run('delete', { contact: byId(target.id) });
		expect(result.error).toBeUndefined();
		expect(requests()).toEqual([`DELETE /contact/${target.id}`]);
		expect(result.items).toEqual([{ json: { deleted: true }, pairedItem: { item: 0 } }]);
		expect(state().contacts.some((contact) => contact.id === target.id)).toBe(false);
		expect(state().contacts).toHaveLength(THOUGHTLY_SEED_CONTACTS - 1);
	});

	test('by phone number: looked up, then deleted by its ID', async () => {
		const target = state().contacts.find((contact) => contact.phone_number === '+14155550007')!;
		const result = await run('delete', { contact: byPhone('+14155550007') });
		expect(result.items?.[0].json).toEqual({ deleted: true });
		expect(requests()).toEqual(['GET /contact', `DELETE /contact/${target.id}`]);
	});

	test('an unknown ID fails naming it, and nothing is deleted', async () => {
		const result = await run('delete', { contact: byId('ct_gone') }, [{}], true);
		expect(result.items?.[0].json).toEqual({
			message: 'Thoughtly has no contact with ID ct_gone (Contact not found) [item 0]',
			error: expect.objectContaining({ httpCode: '404' }),
		});
		expect(state().contacts).toHaveLength(THOUGHTLY_SEED_CONTACTS);
	});

	test('an ID that would climb out of the path is refused before sending', async () => {
		const result = await run('delete', { contact: byId('..') });
		expect(result.error?.message).toMatch(/cannot be used as an ID/);
		expect(requests()).toEqual([]);
	});
});

describe('the contact and agent lists (resource locators)', () => {
	test('contacts: one page of 50 searched by Thoughtly, "Name (phone)", with the next page token', async () => {
		const page = await listSearch({
			type: 'thoughtly',
			method: 'searchContacts',
			credentials: credentials(),
		});
		expect(page.results).toHaveLength(50);
		expect(page.results[0]).toEqual({
			name: `${state().contacts[0].name} (${state().contacts[0].phone_number})`,
			value: state().contacts[0].id,
		});
		expect(page.paginationToken).toBe('1');
		const searched = await listSearch({
			type: 'thoughtly',
			method: 'searchContacts',
			filter: 'Seed Contact 42',
			credentials: credentials(),
		});
		expect(searched.results).toEqual([
			{ name: 'Seed Contact 42 (+14155550042)', value: 'ct_0042' },
		]);
		expect(searched.paginationToken).toBeUndefined();
	});

	test('agents: every agent by title, filtered by the text typed', async () => {
		const all = await listSearch({
			type: 'thoughtly',
			method: 'searchAgents',
			credentials: credentials(),
		});
		expect(all.results).toEqual([
			{ name: 'Appointment setter', value: 'int_001' },
			{ name: 'Lead qualifier', value: 'int_002' },
		]);
		const some = await listSearch({
			type: 'thoughtly',
			method: 'searchAgents',
			filter: 'lead',
			credentials: credentials(),
		});
		expect(some.results).toEqual([{ name: 'Lead qualifier', value: 'int_002' }]);
	});
});
