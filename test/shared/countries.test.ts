import {
	callingCodeOptions,
	COUNTRIES,
	countryByIso,
	ISO_COUNTRY_CODES,
	splitCallingCode,
} from '../../nodes/shared/countries';

describe('the country table', () => {
	test('every ISO 3166-1 alpha-2 code once, in order', () => {
		expect(ISO_COUNTRY_CODES).toHaveLength(249);
		expect(new Set(ISO_COUNTRY_CODES).size).toBe(249);
		expect([...ISO_COUNTRY_CODES].sort()).toEqual(ISO_COUNTRY_CODES);
		for (const country of COUNTRIES) expect(country.iso).toMatch(/^[A-Z]{2}$/);
	});

	test('calling codes are 1 to 3 digits, trunk prefixes digits, lengths ordered', () => {
		for (const country of COUNTRIES) {
			if (country.callingCode) expect(country.callingCode).toMatch(/^[1-9]\d{0,2}$/);
			for (const prefix of country.trunkPrefixes) expect(prefix).toMatch(/^\d+$/);
			if (country.nationalLengths)
				expect(country.nationalLengths.min).toBeLessThanOrEqual(country.nationalLengths.max);
		}
	});

	test('countries that share a calling code share its numbering rules', () => {
		const byCode = new Map<string, string>();
		for (const country of COUNTRIES.filter((candidate) => candidate.callingCode)) {
			const rules = JSON.stringify([country.trunkPrefixes, country.nationalLengths]);
			if (byCode.has(country.callingCode!))
				expect([country.iso, rules]).toEqual([country.iso, byCode.get(country.callingCode!)]);
			else byCode.set(country.callingCode!, rules);
		}
	});

	test('calling codes are prefix-free, so a number splits one way only', () => {
		const codes = [
			...new Set(COUNTRIES.map((country) => country.callingCode).filter(Boolean)),
		] as string[];
		for (const code of codes) {
			for (const other of codes) if (other !== code) expect(other.startsWith(code)).toBe(false);
		}
	});

	test.each([
		['14155552671', '1', ['1']],
		['442079460958', '44', ['0']],
		['78121234567', '7', ['8']],
		['3531234567', '353', ['0']],
		['390612345678', '39', []],
		['80012345678', '800', undefined],
	])('%s has the calling code %s and its trunk prefixes %j', (digits, code, trunkPrefixes) => {
		const split = splitCallingCode(digits);
		expect(split?.code).toBe(code);
		expect(split?.country?.trunkPrefixes).toEqual(trunkPrefixes);
	});

	test('unassigned codes are not split', () => {
		expect(splitCallingCode('2812345678')).toBeUndefined();
		expect(splitCallingCode('0012345')).toBeUndefined();
	});

	test('trunk prefixes: 0 in most countries, 1 in NANP ones, 8 in Russia, none in Italy', () => {
		expect(countryByIso('DE')?.trunkPrefixes).toEqual(['0']);
		expect(countryByIso('CA')?.trunkPrefixes).toEqual(['1']);
		expect(countryByIso('RU')?.trunkPrefixes).toEqual(['8']);
		expect(countryByIso('IT')?.trunkPrefixes).toEqual([]);
	});

	test('the Default Country dropdown lists only countries with a calling code', () => {
		const options = callingCodeOptions('None');
		expect(options[0]).toEqual({ name: 'None', value: '' });
		expect(options).toHaveLength(1 + COUNTRIES.filter((country) => country.callingCode).length);
		expect(options).toContainEqual({ name: 'Italy (+39)', value: 'IT' });
	});
});
