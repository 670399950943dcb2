import { findList, firstText, toOptions } from '../../nodes/shared/lists';

describe('findList', () => {
	const records = [{ id: 1 }, { id: 2 }];
	test.each([
		['the documented path', { companies: { data: records } }, ['companies.data']],
		['a bare array', records, []],
		['data', { data: records }, []],
		['results', { count: 2, results: records }, []],
		['<plural>.data without a documented path', { tags: { data: records } }, []],
		['data.<plural>', { data: { contacts: records } }, []],
		['a documented path that holds an object with data', { companies: { data: records, total: 2 } }, ['companies']],
	])('finds records in %s', (_name, body, paths) => {
		expect(findList(body, paths as string[])).toEqual(records);
	});

	test.each([null, undefined, 'html page', 42, { message: 'ok' }])('gives an empty list for %p', (body) => {
		expect(findList(body, ['companies.data'])).toEqual([]);
	});
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
