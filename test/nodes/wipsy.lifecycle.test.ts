/**
 * Wipsy's Get and Get Many on n8n-core's engine against the sandbox: what Wipsy receives,
 * the items the node outputs, and how a contact that cannot be found reads. Wipsy has no
 * update, delete or tag endpoints, so the node offers none.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { Wipsy } from '../../nodes/Wipsy/Wipsy.node';
import {
	contactFromAnswer,
	contactLabel,
	matchesSearch,
	toListLimit,
} from '../../nodes/Wipsy/actions/contact/read.mapping';
import { listSearch, runNode } from '../harness/n8n';
import { createSandbox } from '../sandbox';
import type { WipsyState } from '../sandbox/vendors/wipsy';
import {
	seedEmail,
	seedPhone,
	WIPSY_API_KEY,
	WIPSY_LIST_MAX,
	WIPSY_SEED_CONTACTS,
	WIPSY_STAGES,
} from '../sandbox/vendors/wipsy';

const sandbox = createSandbox();
beforeAll(async () => await sandbox.start());
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const credentials = () => ({
	wipsyApi: { apiKey: WIPSY_API_KEY, baseUrl: sandbox.baseUrl('wipsy') },
});
const state = () => sandbox.state<WipsyState>('wipsy');
const sent = () =>
	sandbox.requests('wipsy').map((request) => [request.method, request.path, request.query]);
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
/** Seed contact n's ID (0 = oldest). */
const seedId = (n: number) => state().contacts[n].id;
const newest = WIPSY_SEED_CONTACTS - 1;

async function run(
	operation: string,
	parameters: INodeParameters,
	items: IDataObject[] = [{}],
	continueOnFail = false,
) {
	return await runNode({
		type: 'wipsy',
		parameters: { resource: 'contact', operation, ...parameters },
		items,
		credentials: credentials(),
		continueOnFail,
	});
}

describe('Contact → Get', () => {
	test('reads one contact by ID, also one older than the 500 Wipsy lists', async () => {
		const result = await run('get', { contact: byId('={{ $json.id }}') }, [
			{ id: seedId(451) },
			{ id: seedId(0) },
		]);
		expect(result.error).toBeUndefined();
		expect(sent()).toEqual([
			['GET', '/api-get-contacts', { contactId: seedId(451) }],
			['GET', '/api-get-contacts', { contactId: seedId(0) }],
		]);
		expect(result.items!.map((item) => [item.json.id, item.pairedItem])).toEqual([
			[seedId(451), { item: 0 }],
			[seedId(0), { item: 1 }],
		]);
		expect(result.items![0].json).toMatchObject({
			name: 'Contact 451',
			phone: seedPhone(451),
			email: seedEmail(451),
			pipeline_stage: { id: WIPSY_STAGES.won.id, name: 'Won' },
		});
	});

	test('an unknown ID fails the item with the ID named', async () => {
		const unknown = 'c0000000-0000-4000-8000-999999999999';
		const result = await run('get', { contact: byId(unknown) });
		expect(sent()).toHaveLength(1);
		expect(result.error?.message).toBe(`Wipsy has no contact with ID ${unknown} [item 0]`);
		expect(result.error?.httpCode).toBe('404');
	});

	test('an ID that is not a UUID fails before anything is sent', async () => {
		const result = await run('get', { contact: byId('={{ $json.id }}') }, [{ id: '42' }], true);
		expect(sent()).toHaveLength(0);
		expect(result.items![0].json.message).toMatch(
			/^Contact ID "42" is not a valid ID.*\[item 0\]$/,
		);
	});
});

describe('Contact → Get Many', () => {
	test('Return All reads the 500 newest in one request, newest first, one item each', async () => {
		const result = await run('getAll', { returnAll: true });
		expect(result.error).toBeUndefined();
		expect(sent()).toEqual([['GET', '/api-get-contacts', { limit: String(WIPSY_LIST_MAX) }]]);
		expect(result.items).toHaveLength(WIPSY_LIST_MAX);
		expect(result.items![0].json.id).toBe(seedId(newest));
		expect(result.items![WIPSY_LIST_MAX - 1].json.id).toBe(seedId(newest - WIPSY_LIST_MAX + 1));
		expect(result.items!.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(
			true,
		);
	});

	test('a Limit is sent as Wipsy’s limit; each input item gets its own list', async () => {
		const result = await run('getAll', { returnAll: false, limit: '={{ $json.limit }}' }, [
			{ limit: 2 },
			{ limit: 1 },
		]);
		expect(sent().map(([, , query]) => query)).toEqual([{ limit: '2' }, { limit: '1' }]);
		expect(result.items!.map((item) => [item.json.name, item.pairedItem])).toEqual([
			[`Contact ${newest}`, { item: 0 }],
			[`Contact ${newest - 1}`, { item: 0 }],
			[`Contact ${newest}`, { item: 1 }],
		]);
	});

	test('a Limit over 500 fails before anything is sent', async () => {
		const result = await run('getAll', { returnAll: false, limit: '={{ 501 }}' }, [{}], true);
		expect(sent()).toHaveLength(0);
		expect(result.items![0].json.message).toBe(
			'Limit 501 is more than Wipsy lists: at most 500 contacts, the newest [item 0]',
		);
	});

	test('an account without contacts outputs nothing', async () => {
		state().contacts = [];
		const result = await run('getAll', { returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([]);
	});
});

describe('what Wipsy does not document is not offered', () => {
	test('Contact has Create, Get and Get Many only; no Tag resource', () => {
		const properties = new Wipsy().description.properties;
		const operation = properties.find((property) => property.name === 'operation')!;
		expect((operation.options as Array<{ value: string }>).map((option) => option.value)).toEqual([
			'create',
			'get',
			'getAll',
		]);
		const resource = properties.find((property) => property.name === 'resource')!;
		expect((resource.options as Array<{ value: string }>).map((option) => option.value)).toEqual([
			'contact',
		]);
	});
});

describe('contact picker (list search)', () => {
	const search = (filter?: string) =>
		listSearch({ type: 'wipsy', method: 'searchContacts', filter, credentials: credentials() });

	test('lists the newest contacts, searched by name, email or phone digits', async () => {
		const all = await search();
		expect(all.results).toHaveLength(WIPSY_LIST_MAX);
		expect(all.results[0]).toEqual({
			name: `Contact ${newest} (${seedEmail(newest)})`,
			value: seedId(newest),
		});
		expect(
			(await search(seedEmail(451).toUpperCase())).results.map((entry) => entry.value),
		).toEqual([seedId(451)]);
		expect((await search(seedPhone(451).slice(-7))).results.map((entry) => entry.value)).toEqual([
			seedId(451),
		]);
		expect(sent().map(([, , query]) => query)).toEqual([
			{ limit: '500' },
			{ limit: '500' },
			{ limit: '500' },
		]);
	});
});

describe('pure pieces', () => {
	const contact = { id: 'c-1', name: 'Ann', last_name: 'Lee', phone: '+573188779043' };

	test('the contact is read from a list or from a bare object in data', () => {
		expect(contactFromAnswer({ success: true, data: [contact] }, 'c-1')).toEqual(contact);
		expect(contactFromAnswer({ success: true, data: contact }, 'c-1')).toEqual(contact);
		expect(contactFromAnswer({ success: true, data: [] }, 'c-1')).toBeUndefined();
		// A list that ignored the ID is not taken for the contact.
		expect(contactFromAnswer({ success: true, data: [{ id: 'c-2' }] }, 'c-1')).toBeUndefined();
		expect(contactFromAnswer({ success: true, data: { id: 'c-2' } }, 'c-1')).toBeUndefined();
	});

	test('Return All is Wipsy’s 500; a Limit is checked', () => {
		expect(toListLimit({ returnAll: true })).toBe(500);
		expect(toListLimit({ returnAll: false, limit: 20 })).toBe(20);
		expect(() => toListLimit({ returnAll: false, limit: 0 })).toThrow(
			'Limit must be a whole number',
		);
	});

	test('picker labels and search', () => {
		expect(contactLabel(contact)).toBe('Ann Lee (+573188779043)');
		expect(contactLabel({ id: 'c-3' })).toBe('c-3');
		expect(matchesSearch(contact, 'ann l')).toBe(true);
		expect(matchesSearch(contact, '318 877')).toBe(true);
		expect(matchesSearch(contact, 'bob')).toBe(false);
		expect(matchesSearch(contact, '  ')).toBe(true);
	});
});
