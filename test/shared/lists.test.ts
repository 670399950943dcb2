import type { IDataObject } from 'n8n-workflow';

import { fetchAllPages, findList, firstText, toOptions } from '../../nodes/shared/lists';
import type { ApiClient, ApiRequest } from '../../nodes/shared/transport';

describe('findList', () => {
	const records = [{ id: 1 }, { id: 2 }];
	test.each([
		['the documented path', { companies: { data: records } }, ['companies.data']],
		['a bare array', records, []],
		['data', { data: records }, []],
		['results', { count: 2, results: records }, []],
		['<plural>.data without a documented path', { tags: { data: records } }, []],
		['data.<plural>', { data: { contacts: records } }, []],
		[
			'a documented path that holds an object with data',
			{ companies: { data: records, total: 2 } },
			['companies'],
		],
	])('finds records in %s', (_name, body, paths) => {
		expect(findList(body, paths as string[])).toEqual(records);
	});

	test.each([null, undefined, 'html page', 42, { message: 'ok' }])(
		'gives an empty list for %p',
		(body) => {
			expect(findList(body, ['companies.data'])).toEqual([]);
		},
	);
});

describe('toOptions', () => {
	test('names by the first key present, dedupes by value and sorts by name', () => {
		const options = toOptions(
			[
				{ company_id: 'c', company_name: 'Zeta' },
				{ company_id: 'a', name: 'alpha' },
				{ company_id: 'b' },
				{ company_id: 'a', company_name: 'Alpha again' },
				{ name: 'no id' },
			],
			['company_name', 'name'],
			['company_id', 'id'],
		);
		expect(options).toEqual([
			{ name: 'alpha', value: 'a' },
			{ name: 'b', value: 'b' },
			{ name: 'Zeta', value: 'c' },
		]);
	});

	test('firstText skips empty values and reads numbers', () => {
		expect(firstText({ a: '', b: 7 }, ['a', 'b'])).toBe('7');
		expect(firstText({ a: ' ' }, ['a'])).toBeUndefined();
	});
});

describe('fetchAllPages', () => {
	/** A list endpoint of `total` records that serves at most `cap` per page, whatever is asked. */
	function listServer(total: number, cap: number, reportTotal: boolean) {
		const queries: IDataObject[] = [];
		const client = {
			request: async (request: ApiRequest) => {
				queries.push(request.qs ?? {});
				const offset = Number(request.qs?.offset);
				const limit = Math.min(Number(request.qs?.limit), cap);
				const data = Array.from(
					{ length: Math.max(0, Math.min(limit, total - offset)) },
					(_, i) => ({ id: offset + i }),
				);
				return reportTotal ? { data, count: total } : { data };
			},
		} as unknown as ApiClient;
		return { client, queries };
	}
	const paging = {
		pageSize: 10,
		query: (_page: number, pageSize: number, offset: number) => ({ limit: pageSize, offset }),
		total: (body: unknown) => (body as { count?: number }).count,
	};

	test('reads every page until the reported total', async () => {
		const { client, queries } = listServer(25, 100, true);
		const records = await fetchAllPages(client, { method: 'GET', path: '/tags' }, paging, (body) =>
			findList(body),
		);
		expect(records.map((record) => record.id)).toEqual(Array.from({ length: 25 }, (_, i) => i));
		expect(queries).toEqual([
			{ limit: 10, offset: 0 },
			{ limit: 10, offset: 10 },
			{ limit: 10, offset: 20 },
		]);
	});

	test('a vendor that caps the page size below ours does not cut the list short', async () => {
		const { client } = listServer(23, 4, true);
		const records = await fetchAllPages(client, { method: 'GET', path: '/tags' }, paging, (body) =>
			findList(body),
		);
		expect(records).toHaveLength(23);
	});

	test('without a total, a short page is the last', async () => {
		const { client, queries } = listServer(15, 100, false);
		const records = await fetchAllPages(
			client,
			{ method: 'GET', path: '/tags' },
			{ ...paging, total: undefined },
			(body) => findList(body),
		);
		expect(records).toHaveLength(15);
		expect(queries).toHaveLength(2);
	});

	test('with a limit, reading stops once that many records are read, and no more are output', async () => {
		const { client, queries } = listServer(95, 100, true);
		const records = await fetchAllPages(
			client,
			{ method: 'GET', path: '/contacts' },
			paging,
			(body) => findList(body),
			{ limit: 25 },
		);
		expect(records.map((record) => record.id)).toEqual(Array.from({ length: 25 }, (_, i) => i));
		expect(queries).toHaveLength(3);
	});

	test('a vendor that answers the same page again ends the reading, each record once', async () => {
		let requests = 0;
		const client = {
			// Pages past the second repeat the second, as a vendor ignoring an unknown page parameter does.
			request: async (request: ApiRequest) => {
				requests++;
				const page = Math.min(Number(request.qs?.page), 1);
				return { data: Array.from({ length: 10 }, (_, i) => ({ id: page * 10 + i })) };
			},
		} as unknown as ApiClient;
		const records = await fetchAllPages(
			client,
			{ method: 'GET', path: '/contacts' },
			{ pageSize: 10, query: (page) => ({ page }), maxPages: 1000 },
			(body) => findList(body),
			{ idOf: (record) => record.id },
		);
		expect(records.map((record) => record.id)).toEqual(Array.from({ length: 20 }, (_, i) => i));
		expect(requests).toBe(3);
	});
});
