import { countryByIso } from '../../nodes/shared/countries';
import {
	checkEmail,
	checkIsoDate,
	checkKey,
	checkNumber,
	checkTypedValue,
	checkUrl,
	checkUuid,
	idList,
	InputError,
	optionalText,
	requireText,
	sameEmail,
	samePhone,
	toDefaultCountry,
	toE164,
} from '../../nodes/shared/validate';

const US = countryByIso('US');
const DE = countryByIso('DE');

function refusal(run: () => unknown): InputError {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(InputError);
		return error as InputError;
	}
	throw new Error('expected an InputError');
}

describe('toE164: international numbers', () => {
	test.each([
		['+14155551234', '+14155551234'],
		['+1 (415) 555-1234', '+14155551234'],
		['0049 30 1234567', '+49301234567'],
		['0044 20 7946 0958', '+442079460958'],
		['+44 20.7946.0958', '+442079460958'],
		['  +57 318 877 9043 ', '+573188779043'],
		['+44 (0)20 7946 0958', '+442079460958'],
		['0044 (0) 20 7946 0958', '+442079460958'],
		['+49 (0)30 1234567', '+49301234567'],
		['+39 06 1234 5678', '+390612345678'], // Italy keeps its 0
		['+7 812 123-45-67', '+78121234567'],
		['+49\u00a030\u20131234567', '+49301234567'], // a no-break space and an en dash, as pasted
		['+800 1234 5678', '+80012345678'], // a global freephone number
	])('%s is sent as %s', (input, expected) => {
		expect(toE164(input, 'Phone Number')).toBe(expected);
	});

	test.each([
		['+1 415 555 1234 / 5678', 'holds more than one phone number'],
		['+1 415 555 1234, +1 415 555 5678', 'holds more than one phone number'],
		['+44 20 7946 0958; +44 20 7946 0959', 'holds more than one phone number'],
		['+44 20 7946 0958 or +44 20 7946 0959', 'holds more than one phone number'],
		['+1 415 555 1234 +1 415 555 5678', 'holds more than one phone number'],
		['+1 415 555 1234 ext. 12', 'has an extension'],
		['+1 415 555 1234 x123', 'has an extension'],
		['+1 415 555 1234 #12', 'has an extension'],
		['call me', 'is not a phone number'],
		['+1 415 CALL-NOW', 'is not a phone number'],
		[
			'+1234567890123456',
			'has 16 digits with its country code; international numbers have at most 15',
		],
		['+1 555', 'has 4 digits; a phone number with its country code has at least 7'],
		['+28 1234 5678', "starts with +281, which is no country's calling code"],
		['+44 020 7946 0958', 'has the national prefix 0 after the country code +44'],
		['+1 415 555 123', 'has 9 digits after the country code +1, where numbers have 10'],
		[
			'+1 015 555 1234',
			'has 0 right after the country code +1, where area codes start with 2 to 9',
		],
		['415 555 2671 +1', 'has a + that is not at the start'],
	])('%s is refused: %s', (input, reason) => {
		const error = refusal(() => toE164(input, 'Phone Number'));
		expect(error.message).toContain(`Phone Number "${input}" ${reason}`);
		expect(error.hint).toBeTruthy();
	});

	test('+44 020 … tells the number without the 0', () => {
		expect(refusal(() => toE164('+44 020 7946 0958', 'Phone Number')).hint).toBe(
			'Leave the 0 out: +442079460958.',
		);
	});

	test('a / between an area code and the number is one number', () => {
		expect(toE164('0049 30/1234567', 'Phone Number')).toBe('+49301234567');
		expect(toE164('030/1234567', 'Phone Number', DE)).toBe('+49301234567');
	});
});

describe('toE164: national numbers need a country', () => {
	test('without a Default Country, a number with neither + nor 00 is refused with a hint', () => {
		const error = refusal(() => toE164('(415) 555-2671', 'Phone Number'));
		expect(error.message).toBe('Phone Number "(415) 555-2671" has no country code');
		expect(error.hint).toMatch(/Default Country/);
		expect(refusal(() => toE164('030 1234567', 'Phone Number')).message).toBe(
			'Phone Number "030 1234567" has no country code',
		);
	});

	test.each([
		['(415) 555-2671', 'US', '+14155552671'],
		['1 (415) 555-2671', 'US', '+14155552671'], // NANP's trunk prefix is 1
		['030 1234567', 'DE', '+49301234567'],
		['020 7946 0958', 'GB', '+442079460958'],
		['06 1234 5678', 'IT', '+390612345678'], // Italy keeps its 0
		['8 812 123-45-67', 'RU', '+78121234567'], // Russia's trunk prefix is 8 ...
		['812 123-45-67', 'RU', '+78121234567'], // ... and 812 is St Petersburg: the length decides
		['8 (495) 123-45-67', 'RU', '+74951234567'],
		['06 1 234 5678', 'HU', '+3612345678'], // Hungary's trunk prefix is 06
		['+44 20 7946 0958', 'US', '+442079460958'], // an international number keeps its own country
		['0044 20 7946 0958', 'DE', '+442079460958'],
	])('%s with Default Country %s is sent as %s', (input, iso, expected) => {
		expect(toE164(input, 'Phone Number', countryByIso(iso))).toBe(expected);
	});

	test("a number that starts with the Default Country's calling code but lost its + is not guessed at", () => {
		const error = refusal(() => toE164('4915112345678', 'Phone Number', DE));
		expect(error.message).toBe(
			'Phone Number "4915112345678" starts with 49, the calling code of the Default Country, but has no + or 00 before it',
		);
		expect(error.hint).toBe(
			'Write +4915112345678 if the country code is already in it, or the national form with its 0 in front.',
		);
		// Where the plan's length tells, it decides: 44 7911 123456 is too long for a UK national number.
		expect(
			refusal(() => toE164('447911123456', 'Phone Number', countryByIso('GB'))).message,
		).toMatch(/has 12 digits after the country code \+44, where numbers have 7 to 10$/);
		expect(toE164('7911 123456', 'Phone Number', countryByIso('GB'))).toBe('+447911123456');
		expect(
			refusal(() => toE164('393331234567', 'Phone Number', countryByIso('IT'))).message,
		).toMatch(/has 12 digits after the country code \+39/);
	});

	test('a national number of the wrong length for the Default Country is refused', () => {
		expect(refusal(() => toE164('555-2671', 'Phone Number', US)).message).toBe(
			'Phone Number "555-2671" has 7 digits after the country code +1, where numbers have 10',
		);
	});

	test('the Default Country is read from the dropdown or an expression', () => {
		expect(toDefaultCountry('')).toBeUndefined();
		expect(toDefaultCountry(undefined)).toBeUndefined();
		expect(toDefaultCountry('de')).toBe(DE);
		expect(refusal(() => toDefaultCountry('Germany')).message).toBe(
			'Default Country "Germany" is not a country with a calling code',
		);
		expect(refusal(() => toDefaultCountry('AQ')).message).toBe(
			'Default Country "AQ" is not a country with a calling code',
		);
	});
});

describe('checks are linear and bounded', () => {
	test('a 100 kB email is refused at once, and the message quotes only its start', () => {
		const email = `${'a'.repeat(100_000)}@example.com`;
		const started = performance.now();
		const error = refusal(() => checkEmail(email));
		const elapsed = performance.now() - started;
		expect(error.message).toMatch(
			/^Email "a{80}…" is not a valid email address: it has 100012 characters, at most 254 are allowed$/,
		);
		expect(elapsed).toBeLessThan(1000);
	});

	test('100 kB shaped to make a backtracking pattern quadratic is refused as fast (the former pattern took 30 s and 60 s on the last two)', () => {
		for (const text of [
			'a'.repeat(100_000),
			`${'a@'.repeat(50_000)}`,
			`a@${'a.'.repeat(50_000)} `,
			`a@${'.'.repeat(100_000)}@`,
		]) {
			const started = performance.now();
			expect(() => checkEmail(text)).toThrow(InputError);
			expect(performance.now() - started).toBeLessThan(1000);
		}
	});

	test('the email check parses a long but legal address without a regular expression over it', () => {
		const local = 'a'.repeat(64);
		const domain = `${'b'.repeat(60)}.${'c'.repeat(60)}.example.com`;
		expect(checkEmail(`${local}@${domain}`)).toBe(`${local}@${domain}`);
		expect(refusal(() => checkEmail(`${'a'.repeat(65)}@example.com`)).message).toMatch(
			/is not a valid email address$/,
		);
	});

	test('phone numbers, IDs, numbers and dates are bounded before any pattern runs', () => {
		const long = '1'.repeat(100_000);
		for (const run of [
			() => toE164(long, 'Phone Number'),
			() => checkUuid(long, 'Company'),
			() => checkNumber(`${long}x`, 'Custom field "Budget"'),
			() => checkIsoDate(`2024-01-01${long}`, 'Custom field "Since"'),
		]) {
			const started = performance.now();
			const error = refusal(run);
			expect(performance.now() - started).toBeLessThan(1000);
			expect(error.message.length).toBeLessThan(300);
		}
	});
});

describe('optionalText: values that are not text', () => {
	test('numbers and booleans are written out, dates in ISO 8601', () => {
		expect(optionalText(42, 'Age')).toBe('42');
		expect(optionalText(false, 'Flag')).toBe('false');
		expect(optionalText(new Date('2024-03-01T10:00:00Z'), 'Since')).toBe(
			'2024-03-01T10:00:00.000Z',
		);
		expect(
			optionalText(
				{ isLuxonDateTime: true, toISO: () => '2024-03-01T10:00:00.000+01:00' },
				'Since',
			),
		).toBe('2024-03-01T10:00:00.000+01:00');
	});

	test.each([
		[{ first: 'Ada' }, 'an object'],
		[['Ada', 'Lovelace'], 'a list'],
	])('%j is refused, naming the field', (value, kind) => {
		const error = refusal(() => optionalText(value, 'Full Name'));
		expect(error.message).toBe(`Full Name must be text, but the expression gave ${kind}`);
		expect(error.hint).toMatch(/join/);
		expect(() => requireText(value, 'Full Name')).toThrow(
			`Full Name must be text, but the expression gave ${kind}`,
		);
	});
});

describe('checkKey', () => {
	test.each(['__proto__', 'constructor', 'prototype'])('%s is refused', (key) => {
		expect(refusal(() => checkKey(key, 'Attribute')).message).toBe(
			`Attribute "${key}" is a name JavaScript reserves, so it cannot be used as a key`,
		);
	});
	test('any other key passes', () =>
		expect(checkKey('plan_interest', 'Attribute')).toBe('plan_interest'));
});

describe('checkTypedValue: one rule set for typed custom fields', () => {
	test.each(['42', '-3', '+7', '1250.50', '.5', '1.2e3', '1e-7'])('number: %s passes', (value) => {
		expect(checkTypedValue('number', value, 'Custom field "Budget"')).toBe(value);
	});
	test.each(['lots of money', '1,5', '1.499,90', '12 000', '0x1F', '-'])(
		'number: %s is refused',
		(value) => {
			expect(refusal(() => checkTypedValue('NUMBER', value, 'Custom field "Budget"')).message).toBe(
				`Custom field "Budget" is a number field, but "${value}" is not a number`,
			);
		},
	);
	test('date: an ISO date that exists, optionally with a time', () => {
		expect(checkTypedValue('date', '2024-02-29', 'Custom field "Since"')).toBe('2024-02-29');
		expect(checkTypedValue('date', '2024-02-29T09:30:00Z', 'Custom field "Since"')).toBe(
			'2024-02-29T09:30:00Z',
		);
		expect(
			refusal(() => checkTypedValue('date', '31/12/2024', 'Custom field "Since"')).message,
		).toBe('Custom field "Since" is a date field, but "31/12/2024" is not a date');
		expect(
			refusal(() => checkTypedValue('date', '2023-02-29', 'Custom field "Since"')).message,
		).toBe('Custom field "Since" is a date field, but "2023-02-29" is not a day of the calendar');
	});
	test('email and phone; phone with the Default Country', () => {
		expect(checkTypedValue('email', 'a@example.com', 'Custom field "Work"')).toBe('a@example.com');
		expect(
			refusal(() => checkTypedValue('email', 'a at example', 'Custom field "Work"')).message,
		).toBe(
			'Custom field "Work" is an email field, but "a at example" is not a valid email address',
		);
		expect(checkTypedValue('phone', '030 1234567', 'Custom field "Mobile"', DE)).toBe(
			'+49301234567',
		);
	});
	test('text and types not known pass unchanged', () => {
		expect(checkTypedValue('text', 'lots of money', 'x')).toBe('lots of money');
		expect(checkTypedValue('dropdown', 'Large', 'x')).toBe('Large');
	});
});

describe('checkEmail', () => {
	test('accepts and trims a valid address', () =>
		expect(checkEmail(' ann@example.com ')).toBe('ann@example.com'));
	test.each(['ann', 'ann@', 'ann@example', 'a nn@example.com', '@example.com'])(
		'rejects %s',
		(input) => {
			expect(() => checkEmail(input)).toThrow(`"${input.trim()}" is not a valid email address`);
		},
	);
});

describe('checkUuid', () => {
	test('accepts a UUID', () =>
		expect(checkUuid('A1B2C3D4-E5F6-7890-ABCD-EF1234567890', 'Company')).toBe(
			'A1B2C3D4-E5F6-7890-ABCD-EF1234567890',
		));
	test('rejects anything else, naming the field', () => {
		expect(() => checkUuid('acme', 'Company')).toThrow('Company "acme" is not a valid ID');
	});
});

describe('checkUrl', () => {
	test('accepts http and https', () => {
		expect(checkUrl('https://linkedin.com/in/ann', 'LinkedIn URL')).toBe(
			'https://linkedin.com/in/ann',
		);
		expect(checkUrl('http://x.io/a.png', 'Picture')).toBe('http://x.io/a.png');
	});
	test.each(['linkedin.com/in/ann', 'ftp://x.io/a', 'not a url'])('rejects %s', (input) => {
		expect(() => checkUrl(input, 'LinkedIn URL')).toThrow(
			`LinkedIn URL "${input}" is not a valid URL`,
		);
	});
});

describe('text helpers', () => {
	test('optionalText trims and turns empty into undefined', () => {
		expect(optionalText('  Ann ', 'Name')).toBe('Ann');
		expect(optionalText('   ', 'Name')).toBeUndefined();
		expect(optionalText(undefined, 'Name')).toBeUndefined();
		expect(optionalText(null, 'Name')).toBeUndefined();
		expect(optionalText(42, 'Name')).toBe('42');
	});
	test('requireText names the missing field', () => {
		expect(() => requireText(' ', 'Name')).toThrow('Name is required');
	});
});

describe('idList', () => {
	test('a multi-select array, trimmed, without repeats or blanks', () =>
		expect(idList([' a', 'b', 'a', ''], 'Tags')).toEqual(['a', 'b']));
	test('comma-separated text from an expression', () =>
		expect(idList('t-1, t-2,,t-1', 'Tags')).toEqual(['t-1', 't-2']));
	test('nothing chosen', () => {
		expect(idList(undefined, 'Tags')).toEqual([]);
		expect(idList('', 'Tags')).toEqual([]);
	});
	test('a list is documented here, but not a list of objects or an object', () => {
		expect(() => idList([{ id: 't-1' }], 'Tags')).toThrow(
			'Each of Tags must be text, but the expression gave an object',
		);
		expect(() => idList({ id: 't-1' }, 'Tags')).toThrow(
			'Tags must be text, but the expression gave an object',
		);
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
