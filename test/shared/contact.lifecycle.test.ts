/** The shared readers of the lifecycle operations: the contact locator, Limit, and an empty update. */
import { readContactRef, readLimit, requireChanges } from '../../nodes/shared/contact';
import { InputError } from '../../nodes/shared/validate';
import { COUNTRIES } from '../../nodes/shared/countries';

describe('readContactRef', () => {
	test('an ID from the list, by ID, or given plainly by expression', () => {
		expect(readContactRef({ __rl: true, mode: 'list', value: ' c-1 ' })).toEqual({
			by: 'id',
			value: 'c-1',
		});
		expect(readContactRef({ __rl: true, mode: 'id', value: 'c-2' })).toEqual({
			by: 'id',
			value: 'c-2',
		});
		expect(readContactRef('c-3')).toEqual({ by: 'id', value: 'c-3' });
		expect(readContactRef(42)).toEqual({ by: 'id', value: '42' });
	});

	test('an email and a phone number are checked as on create', () => {
		expect(readContactRef({ mode: 'email', value: 'Ada@Example.com' })).toEqual({
			by: 'email',
			value: 'Ada@Example.com',
		});
		const us = COUNTRIES.find((country) => country.iso === 'US');
		expect(readContactRef({ mode: 'phone', value: '(415) 555-0101' }, us)).toEqual({
			by: 'phone',
			value: '+14155550101',
		});
		expect(() => readContactRef({ mode: 'email', value: 'not-an-email' })).toThrow(InputError);
		expect(() => readContactRef({ mode: 'phone', value: '(415) 555-0101' })).toThrow(InputError);
	});

	test.each([{ mode: 'id', value: '' }, { mode: 'list', value: '  ' }, '', undefined])(
		'no contact (%p) fails before sending',
		(locator) => {
			expect(() => readContactRef(locator)).toThrow(InputError);
		},
	);
});

test('readLimit: undefined with Return All, the Limit otherwise, and a bad Limit refused', () => {
	expect(readLimit({ returnAll: true, limit: 5 })).toBeUndefined();
	expect(readLimit({ returnAll: false, limit: 5 })).toBe(5);
	expect(readLimit({})).toBe(50);
	expect(() => readLimit({ returnAll: false, limit: 0 })).toThrow(InputError);
	expect(() => readLimit({ returnAll: false, limit: 2.5 })).toThrow(InputError);
});

test('requireChanges: an empty update fails, naming the fields to fill', () => {
	expect(requireChanges({ name: 'Ada' }, 'Full Name or Email')).toEqual({ name: 'Ada' });
	expect(() => requireChanges({}, 'Full Name or Email')).toThrow(/Nothing to update/);
});
