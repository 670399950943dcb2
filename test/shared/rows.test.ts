import { readRows } from '../../nodes/shared/rows';

const rules = { label: 'Custom field', keyName: 'field' };
const read = (rows: object[], extra = {}) =>
	readRows({ values: rows }, 'values', { ...rules, ...extra });

describe('readRows: one rule set for every key/value list', () => {
	test('filled rows in order, values trimmed, the whole row kept', () => {
		expect(
			read([
				{ field: ' industry ', value: ' Navy ', type: 'text' },
				{ field: 'size', value: 12 },
			]),
		).toEqual([
			{
				key: 'industry',
				value: 'Navy',
				row: { field: ' industry ', value: ' Navy ', type: 'text' },
			},
			{ key: 'size', value: '12', row: { field: 'size', value: 12 } },
		]);
	});

	test('nothing given, or an empty collection: no rows', () => {
		expect(readRows(undefined, 'values', rules)).toEqual([]);
		expect(readRows({}, 'values', rules)).toEqual([]);
	});

	test('an empty row and a key without a value are skipped', () => {
		expect(
			read([
				{ field: '', value: '' },
				{ field: 'industry', value: '  ' },
				{ field: 'size', value: '3' },
			]).map((row) => row.key),
		).toEqual(['size']);
	});

	test('a value without a key fails, naming the row', () => {
		expect(() =>
			read([
				{ field: 'a', value: '1' },
				{ field: '', value: 'orphan' },
			]),
		).toThrow('Custom field 2 has the value "orphan" but no field');
	});

	test('a key given twice fails, also when it was left empty the first time', () => {
		expect(() =>
			read([
				{ field: 'a', value: '' },
				{ field: 'a', value: '2' },
			]),
		).toThrow('Custom field "a" is given twice');
	});

	test('names compare without case where the vendor says so', () => {
		expect(
			read([
				{ field: 'Size', value: '1' },
				{ field: 'size', value: '2' },
			]).map((row) => row.key),
		).toEqual(['Size', 'size']);
		expect(() =>
			read(
				[
					{ field: 'Size', value: '1' },
					{ field: 'size', value: '2' },
				],
				{ caseInsensitive: true },
			),
		).toThrow('given twice');
	});

	test('reserved keys fail instead of vanishing', () => {
		expect(() => read([{ field: '__proto__', value: 'x' }])).toThrow(
			'"__proto__" is a name JavaScript reserves',
		);
	});

	test('objects and lists are refused as values, naming the field', () => {
		expect(() => read([{ field: 'address', value: { city: 'Oslo' } }])).toThrow(
			'Custom field "address" must be text, but the expression gave an object',
		);
	});

	test('numbers and booleans keep their type where the vendor takes them', () => {
		expect(
			read(
				[
					{ field: 'age', value: 42 },
					{ field: 'vip', value: true },
				],
				{ keepTypes: true },
			).map((row) => row.value),
		).toEqual([42, true]);
	});

	test('another value column', () => {
		expect(
			readRows({ attribute: [{ key: 'plan', text: 'gold' }] }, 'attribute', {
				label: 'Attribute',
				keyName: 'key',
				valueName: 'text',
			}),
		).toEqual([{ key: 'plan', value: 'gold', row: { key: 'plan', text: 'gold' } }]);
	});
});
