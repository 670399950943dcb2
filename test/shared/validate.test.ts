import { checkEmail, checkUrl, checkUuid, idList, InputError, optionalText, requireText, sameEmail, samePhone, toE164 } from '../../nodes/shared/validate';

describe('toE164', () => {
	test.each([
		['+14155551234', '+14155551234'],
		['+1 (415) 555-1234', '+14155551234'],
		['0049 30 1234567', '+49301234567'],
		['+44 20.7946.0958', '+442079460958'],
		['  +57 318 877 9043 ', '+573188779043'],
	])('normalises %s to %s', (input, expected) => {
		expect(toE164(input)).toBe(expected);
	});

	test.each([
		['call me', /only digits/],
		['+1 415 CALL-NOW', /only digits/],
		['12345', /has 5 digits; a phone number needs at least 7/],
		['+1234567890123456', /at most 15/],
		['030 1234567', /"030 1234567" has no country code/],
	])('rejects %s', (input, message) => {
		expect(() => toE164(input)).toThrow(InputError);
		expect(() => toE164(input)).toThrow(message);
	});

	test('names the field and tells how to fix it', () => {
		try {
			toE164('abc', 'Phone Number');
			throw new Error('expected a failure');
		} catch (error) {
			expect((error as InputError).message).toBe('Phone Number "abc" is not a phone number: only digits, spaces, +, -, ., / and parentheses are allowed');
			expect((error as InputError).hint).toMatch(/\+14155551234/);
		}
	});
});

describe('checkEmail', () => {
	test('accepts and trims a valid address', () => expect(checkEmail(' ann@example.com ')).toBe('ann@example.com'));
	test.each(['ann', 'ann@', 'ann@example', 'a nn@example.com', '@example.com'])('rejects %s', (input) => {
		expect(() => checkEmail(input)).toThrow(`"${input.trim()}" is not a valid email address`);
	});
});

describe('checkUuid', () => {
	test('accepts a UUID', () => expect(checkUuid('A1B2C3D4-E5F6-7890-ABCD-EF1234567890', 'Company')).toBe('A1B2C3D4-E5F6-7890-ABCD-EF1234567890'));
	test('rejects anything else, naming the field', () => {
		expect(() => checkUuid('acme', 'Company')).toThrow('Company "acme" is not a valid ID');
	});
});

describe('checkUrl', () => {
	test('accepts http and https', () => {
		expect(checkUrl('https://linkedin.com/in/ann', 'LinkedIn URL')).toBe('https://linkedin.com/in/ann');
		expect(checkUrl('http://x.io/a.png', 'Picture')).toBe('http://x.io/a.png');
	});
	test.each(['linkedin.com/in/ann', 'ftp://x.io/a', 'not a url'])('rejects %s', (input) => {
		expect(() => checkUrl(input, 'LinkedIn URL')).toThrow(`LinkedIn URL "${input}" is not a valid URL`);
	});
});

describe('text helpers', () => {
	test('optionalText trims and turns empty into undefined', () => {
		expect(optionalText('  Ann ')).toBe('Ann');
		expect(optionalText('   ')).toBeUndefined();
		expect(optionalText(undefined)).toBeUndefined();
		expect(optionalText(null)).toBeUndefined();
		expect(optionalText(42)).toBe('42');
	});
	test('requireText names the missing field', () => {
		expect(() => requireText(' ', 'Name')).toThrow('Name is required');
	});
});

describe('idList', () => {
	test('a multi-select array, trimmed, without repeats or blanks', () => expect(idList([' a', 'b', 'a', ''])).toEqual(['a', 'b']));
	test('comma-separated text from an expression', () => expect(idList('t-1, t-2,,t-1')).toEqual(['t-1', 't-2']));
	test('nothing chosen', () => {
		expect(idList(undefined)).toEqual([]);
		expect(idList('')).toEqual([]);
	});
});

describe('samePhone and sameEmail (is this the contact the vendor called a duplicate?)', () => {
	test('phones match whatever their formatting', () => {
		expect(samePhone('+1 (415) 555-1234', '+14155551234')).toBe(true);
		expect(samePhone('+14155551234', '+14155551235')).toBe(false);
	});
	test('emails match without regard to case or spaces', () => {
		expect(sameEmail(' Ann@Example.com', 'ann@example.com')).toBe(true);
		expect(sameEmail('ann@example.com', 'bob@example.com')).toBe(false);
	});
	test('nothing never matches nothing', () => {
		expect(samePhone('', '')).toBe(false);
		expect(samePhone(undefined, null)).toBe(false);
		expect(sameEmail(undefined, '')).toBe(false);
	});
});
