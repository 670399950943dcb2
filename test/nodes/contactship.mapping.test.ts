/** The Contactship node's pure functions: parameters -> request, response -> item, tag list -> options. */
import {
	readContact,
	toAdditionalData,
	toCreateContactRequest,
	toPhoneNumber,
} from '../../nodes/Contactship/actions/contact/mapping';
import { tagPaging, tagsToOptions } from '../../nodes/Contactship/methods/loadOptions';
import { countryByIso } from '../../nodes/shared/countries';
import { checkIsoDate, InputError } from '../../nodes/shared/validate';

function inputError(run: () => unknown): InputError {
	try {
		run();
	} catch (error) {
		if (error instanceof InputError) return error;
		throw error;
	}
	throw new Error('expected an InputError');
}

describe('toPhoneNumber', () => {
	test.each([
		['+1 (212) 456-7890', '+12124567890'],
		['00 52 55 1234 5678', '+525512345678'],
		['  +44.20.7946.0958 ', '+442079460958'],
	])('%s -> %s', (input, expected) => {
		expect(toPhoneNumber(input)).toBe(expected);
	});

	test('a number without + or 00 is read in the Default Country', () => {
		expect(toPhoneNumber('12124567890', countryByIso('US'))).toBe('+12124567890');
		expect(toPhoneNumber('(212) 456-7890', countryByIso('US'))).toBe('+12124567890');
		expect(toPhoneNumber('0212 4567890', countryByIso('DE'))).toBe('+492124567890');
	});

	test.each([
		['', 'Phone Number is required'],
		[
			'call me',
			'Phone Number "call me" is not a phone number: only digits, spaces, +, -, ., / and parentheses are allowed',
		],
		[
			'+1 212',
			'Phone Number "+1 212" has 4 digits; a phone number with its country code has at least 7',
		],
		[
			'+1 212 456 7890 1234 5',
			'Phone Number "+1 212 456 7890 1234 5" has 16 digits with its country code; international numbers have at most 15',
		],
		['0212 4567890', 'Phone Number "0212 4567890" has no country code'],
		['12124567890', 'Phone Number "12124567890" has no country code'],
		[
			'+00 212 4567890',
			'Phone Number "+00 212 4567890" starts with +002, which is no country\'s calling code',
		],
	])('%j is refused', (input, message) => {
		expect(inputError(() => toPhoneNumber(input)).message).toBe(message);
	});
});

describe('Date values (the shared checkIsoDate)', () => {
	test.each([
		'2025-03-14',
		'2024-02-29',
		'2025-03-14T09:30:00Z',
		'2025-03-14T09:30:00.123+02:00',
		'2025-03-14 09:30',
		'2025-03-14T23:59:59-0500',
	])('%s is a date', (value) => {
		expect(checkIsoDate(value, 'Additional data "since"').text).toBe(value);
	});

	test.each([
		'2025-02-29',
		'2025-13-01',
		'2025-04-31',
		'14/03/2025',
		'03/14/2025',
		'tomorrow',
		'2025-3-14',
		'2025-03-14T24:00',
		'2025-03-14T10:60',
		'',
	])('%j is not', (value) => {
		expect(() => checkIsoDate(value, 'Additional data "since"')).toThrow(InputError);
	});
});

/** Rows as the Additional Data parameter holds them. */
const rows = (fields: object[]) => ({ field: fields });

describe('toAdditionalData', () => {
	test('keeps rows in order, trims, lower-cases the documented types and passes others on', () => {
		expect(
			toAdditionalData(
				rows([
					{ type: 'text', key: ' notes ', value: ' likes mornings ' },
					{ type: 'Number', key: 'seats', value: '-12.5e2' },
					{ type: 'DATE', key: 'since', value: '2025-01-31' },
					{ type: 'location', key: 'office', value: 'Av. Reforma 1' },
					{ type: 'Boolean', key: 'opted_in', value: 'true' },
					{ type: 'number', key: 'count', value: 7 },
				]),
			),
		).toEqual([
			{ type: 'text', field: 'notes', value: 'likes mornings' },
			{ type: 'number', field: 'seats', value: '-12.5e2' },
			{ type: 'date', field: 'since', value: '2025-01-31' },
			{ type: 'location', field: 'office', value: 'Av. Reforma 1' },
			{ type: 'Boolean', field: 'opted_in', value: 'true' },
			{ type: 'number', field: 'count', value: '7' },
		]);
	});

	test('a Date object from an expression is sent as ISO 8601', () => {
		expect(
			toAdditionalData(
				rows([{ type: 'date', key: 'at', value: new Date(Date.UTC(2025, 4, 1, 8)) }]),
			),
		).toEqual([{ type: 'date', field: 'at', value: '2025-05-01T08:00:00.000Z' }]);
	});

	test('rows left empty, or with an empty value, are left out; no rows at all give none', () => {
		expect(
			toAdditionalData(
				rows([
					{ type: 'text', key: '', value: '' },
					{ type: 'number', key: 'score', value: '  ' },
				]),
			),
		).toEqual([]);
		expect(toAdditionalData({})).toEqual([]);
		expect(toAdditionalData(undefined)).toEqual([]);
	});

	test.each([
		[
			[{ type: 'number', key: 'score', value: 'ten' }],
			'Additional data "score" is a number field, but "ten" is not a number',
		],
		[
			[{ type: 'number', key: 'score', value: '1,5' }],
			'Additional data "score" is a number field, but "1,5" is not a number',
		],
		[
			[{ type: 'number', key: 'score', value: '0x1F' }],
			'Additional data "score" is a number field, but "0x1F" is not a number',
		],
		[
			[{ type: 'date', key: 'since', value: '2025-02-30' }],
			'Additional data "since" is a date field, but "2025-02-30" is not a day of the calendar',
		],
		[[{ type: '', key: 'since', value: 'x' }], 'Additional data "since" has no type'],
		[
			[
				{ type: 'text', key: 'a', value: 'x' },
				{ type: 'text', key: '', value: 'y' },
			],
			'Additional data 2 has the value "y" but no field',
		],
		[
			[
				{ type: 'text', key: 'a', value: 'x' },
				{ type: 'number', key: 'a', value: '2' },
			],
			'Additional data "a" is given twice; keep one value per field',
		],
		// The shared row rules: a field named twice fails even where one of its values is empty.
		[
			[
				{ type: 'text', key: 'a', value: 'x' },
				{ type: 'text', key: 'a', value: '' },
			],
			'Additional data "a" is given twice; keep one value per field',
		],
		[
			[{ type: 'text', key: '__proto__', value: 'x' }],
			'Additional data "__proto__" is a name JavaScript reserves, so it cannot be used as a key',
		],
		[
			[{ type: 'text', key: 'address', value: { street: 'Reforma 1' } }],
			'Additional data "address" must be text, but the expression gave an object',
		],
		[
			[{ type: 'text', key: 'kids', value: ['Ana', 'Luis'] }],
			'Additional data "kids" must be text, but the expression gave a list',
		],
	])('%j is refused', (fields, message) => {
		expect(inputError(() => toAdditionalData(rows(fields))).message).toBe(message);
	});
});

describe('toCreateContactRequest', () => {
	test('required fields only: nothing else in the body, no tags', () => {
		expect(
			toCreateContactRequest({
				phone: '+1 212 456 7890',
				fullName: ' Juan Pérez ',
				email: '',
				country: '',
				description: '   ',
				tags: [],
				customFields: {},
			}),
		).toEqual({
			body: { phone_number: '+12124567890', full_name: 'Juan Pérez' },
			tagIds: [],
		});
	});

	test('every field, and tags de-duplicated, also from a comma-separated expression', () => {
		expect(
			toCreateContactRequest({
				phone: '+12124567890',
				fullName: 'Juan',
				email: ' juan@ejemplo.com ',
				country: 'México',
				description: 'From the fair',
				tags: ['t-1', 't-2', 't-1', ' '],
				customFields: { field: [{ type: 'text', key: 'k', value: 'v' }] },
			}),
		).toEqual({
			body: {
				phone_number: '+12124567890',
				full_name: 'Juan',
				email: 'juan@ejemplo.com',
				country: 'México',
				description: 'From the fair',
				additional_data: [{ type: 'text', field: 'k', value: 'v' }],
			},
			tagIds: ['t-1', 't-2'],
		});
		expect(
			toCreateContactRequest({ phone: '+12124567890', fullName: 'Juan', tags: 't-1, t-3' }).tagIds,
		).toEqual(['t-1', 't-3']);
	});

	test('a number without its country code is read in Options → Default Country', () => {
		expect(
			toCreateContactRequest({
				phone: '(212) 456-7890',
				fullName: 'Juan',
				options: { defaultCountry: 'US' },
			}).body.phone_number,
		).toBe('+12124567890');
		expect(
			inputError(() =>
				toCreateContactRequest({ phone: '(212) 456-7890', fullName: 'Juan', options: {} }),
			).message,
		).toBe('Phone Number "(212) 456-7890" has no country code');
	});

	test('a missing name or a bad email is refused', () => {
		expect(
			inputError(() => toCreateContactRequest({ phone: '+12124567890', fullName: '' })).message,
		).toBe('Full Name is required');
		expect(
			inputError(() =>
				toCreateContactRequest({ phone: '+12124567890', fullName: 'J', email: 'j@' }),
			).message,
		).toBe('Email "j@" is not a valid email address');
	});
});

describe('readContact', () => {
	const contact = { id: 'c-1', full_name: 'Juan', phone_number: '+12124567890' };
	test.each([
		['the documented flat contact', contact],
		['a contact wrapped in data', { data: contact }],
		['a contact wrapped in contact', { contact }],
	])('%s', (_case, body) => {
		expect(readContact(body)).toEqual(contact);
	});

	test('an empty or odd answer gives an empty object, never a crash', () => {
		expect(readContact(undefined)).toEqual({});
		expect(readContact('created')).toEqual({});
	});
});

describe('tags', () => {
	test('options show the label, fall back to the name, skip records without an id, sort by what is shown', () => {
		expect(
			tagsToOptions([
				{ id: 'b', name: 'hot-lead', label: 'Hot Lead' },
				{ id: 'a', name: 'customer', label: null },
				{ id: 'c', name: 'vip', label: '' },
				{ name: 'no-id', label: 'No ID' },
				{ id: 'b', name: 'duplicate', label: 'Duplicate' },
			]),
		).toEqual([
			{ name: 'customer', value: 'a' },
			{ name: 'Hot Lead', value: 'b' },
			{ name: 'vip', value: 'c' },
		]);
	});

	test("a label several tags share gets each tag's name; equal names left over get the ID", () => {
		expect(
			tagsToOptions([
				{ id: 't1', name: 'spring-webinar', label: 'Campaign' },
				{ id: 't2', name: 'autumn-fair', label: 'campaign' },
				{ id: 't3', name: 'vip', label: 'VIP' },
				{ id: 't4', name: 'Campaign', label: null },
				{ id: 't5', label: 'Region' },
				{ id: 't6', label: 'Region' },
			]),
		).toEqual([
			{ name: 'Campaign', value: 't4' },
			{ name: 'campaign (autumn-fair)', value: 't2' },
			{ name: 'Campaign (spring-webinar)', value: 't1' },
			{ name: 'Region (t5)', value: 't5' },
			{ name: 'Region (t6)', value: 't6' },
			{ name: 'VIP', value: 't3' },
		]);
	});

	test('pages by limit and offset (records read so far), oldest first, and reads the total from count', () => {
		expect([0, 1, 2].map((page) => tagPaging.query(page, tagPaging.pageSize, page * 100))).toEqual([
			{ limit: 100, offset: 0, order: 'asc' },
			{ limit: 100, offset: 100, order: 'asc' },
			{ limit: 100, offset: 200, order: 'asc' },
		]);
		expect(tagPaging.total?.({ data: [], count: 42 })).toBe(42);
		expect(tagPaging.total?.({ data: [] })).toBeUndefined();
		expect(tagPaging.total?.([])).toBeUndefined();
	});
});
