/**
 * Thoughtly's pure pieces without HTTP: parameters -> create body, envelope -> failure or
 * data, contact lists -> tag options, the country list, pacing defaults, the credential.
 */
import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { ThoughtlyApi } from '../../credentials/ThoughtlyApi.credentials';
import { readPacing } from '../../nodes/shared/properties';
import { InputError } from '../../nodes/shared/validate';
import {
	envelopeData,
	envelopeFailure,
	isDuplicateContactError,
	thoughtlyPacing,
} from '../../nodes/Thoughtly/api';
import {
	contactInAnswer,
	matchContact,
	toAttributes,
	toCountryCode,
	toCreateContactRequest,
	toTagNames,
} from '../../nodes/Thoughtly/actions/contact/mapping';
import { countryOptions, ISO_COUNTRY_CODES } from '../../nodes/shared/countries';
import { contactTotal, tagOptions } from '../../nodes/Thoughtly/methods/loadOptions';
import { Thoughtly } from '../../nodes/Thoughtly/Thoughtly.node';

describe('toCreateContactRequest', () => {
	test('every field mapped to its documented key', () => {
		expect(
			toCreateContactRequest({
				phone: ' 00 49 30 1234567 ',
				fullName: ' Ann Lee ',
				email: 'ann@example.com',
				countryCode: 'de',
				tags: ['VIP', ' lead ', 'VIP'],
				customFields: {
					field: [
						{ key: 'plan', value: 'starter' },
						{ key: 'seats', value: 12 },
						{ key: 'trial', value: false },
					],
				},
			}),
		).toEqual({
			phoneNumber: '+49301234567',
			body: {
				phone_number: '+49301234567',
				name: 'Ann Lee',
				email: 'ann@example.com',
				country_code: 'DE',
				tags: ['VIP', 'lead'],
				attributes: { plan: 'starter', seats: 12, trial: false },
			},
		});
	});

	test('no key other than the documented six, and none empty', () => {
		const { body } = toCreateContactRequest({
			phone: '+14155551234',
			fullName: ' ',
			email: '',
			countryCode: '',
			tags: [' ', ''],
			customFields: {},
		});
		expect(body).toEqual({ phone_number: '+14155551234' });
	});

	test('the phone number is required', () => {
		expect(() => toCreateContactRequest({ phone: '  ' })).toThrow(
			new InputError('Phone Number is required'),
		);
	});
});

describe('toCountryCode', () => {
	test.each([
		['us', 'US'],
		[' GB ', 'GB'],
		['', undefined],
		[undefined, undefined],
	])('%p -> %p', (input, output) => {
		expect(toCountryCode(input)).toBe(output);
	});

	test.each([
		['+1', /looks like a dialling code/],
		['44', /looks like a dialling code/],
		['USA', /is not a two-letter ISO 3166-1 country code/],
		['UK', /is not a two-letter ISO 3166-1 country code/],
	])('%p is refused', (input, message) => {
		expect(() => toCountryCode(input)).toThrow(message);
	});
});

describe('toTagNames', () => {
	test.each([
		[
			['a', 'b', 'a'],
			['a', 'b'],
		],
		['a, b ,,c', ['a', 'b', 'c']],
		[undefined, []],
		[[], []],
		[[42], ['42']],
	])('%p -> %p', (input, output) => {
		expect(toTagNames(input)).toEqual(output);
	});

	test('an object is not a tag name', () => {
		expect(() => toTagNames([{ name: 'x' }])).toThrow(
			'Tags must be names (text); an object was given',
		);
	});
});

describe('toAttributes', () => {
	test('rows with neither key nor value are ignored; rows without a value are left out', () => {
		expect(
			toAttributes({
				field: [
					{ key: '', value: '' },
					{ key: 'empty', value: ' ' },
				],
			}),
		).toBeUndefined();
		expect(toAttributes({ field: [{ key: ' plan ', value: ' pro ' }] })).toEqual({ plan: 'pro' });
	});

	test('a key given twice is refused even when one value is empty', () => {
		expect(() =>
			toAttributes({
				field: [
					{ key: 'plan', value: 'a' },
					{ key: 'plan', value: '' },
				],
			}),
		).toThrow('Attribute "plan" is given twice');
	});

	test('keys differing only in case are different attributes', () => {
		expect(
			toAttributes({
				field: [
					{ key: 'Plan', value: 'a' },
					{ key: 'plan', value: 'b' },
				],
			}),
		).toEqual({ Plan: 'a', plan: 'b' });
	});
});

describe('envelope', () => {
	test.each([
		[{ data: { id: 'x' }, error: null }, undefined],
		[{ data: { id: 'x' } }, undefined],
		[{ data: { id: 'x' }, error: {} }, undefined],
		[{ data: null, error: {} }, 'Thoughtly reported an error without details'],
		[{ data: null, error: 'Nope' }, 'Nope'],
		[{ data: null, error: { message: 'Bad phone' } }, 'Bad phone'],
		[{ data: null, error: { error: { message: 'Nested' } } }, 'Nested'],
		[{ data: null, error: [{ message: 'One' }, { message: 'Two' }] }, 'One; Two'],
		[{ data: null, error: { code: 'E1' } }, 'E1'],
		[{ data: null, error: { status: 7 } }, '{"status":7}'],
		[{ data: null, error: true }, 'Thoughtly reported an error (true)'],
		['not an object', undefined],
	])('%j -> %p', (body, message) => {
		expect(envelopeFailure(body)).toBe(message);
	});

	test('data is read from the envelope, and the created contact from data (or data.contact)', () => {
		expect(envelopeData({ data: { a: 1 }, error: null })).toEqual({ a: 1 });
		expect(contactInAnswer({ data: { id: 'c1' }, error: null })).toEqual({ id: 'c1' });
		expect(contactInAnswer({ data: { contact: { id: 'c2' } }, error: null })).toEqual({ id: 'c2' });
		expect(contactInAnswer({ data: null, error: null })).toEqual({});
	});
});

describe('isDuplicateContactError', () => {
	const node = {
		id: '1',
		name: 'Thoughtly',
		type: 'thoughtly',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	} as INode;
	const error = (message: string, httpCode: string) =>
		new NodeApiError(node, {} as JsonObject, { message, httpCode });

	test.each([
		['Thoughtly answered 200: A contact with this phone number already exists', '200', true],
		['Thoughtly answered 400: Duplicate contact', '400', true],
		['Thoughtly answered 409: Conflict', '409', true],
		['Thoughtly answered 200: Phone number is not callable', '200', false],
		['Thoughtly answered 500: Internal server error', '500', false],
	])('%p (%s) -> %p', (message, httpCode, duplicate) => {
		expect(isDuplicateContactError(error(message, httpCode))).toBe(duplicate);
	});
});

describe('lookups and lists', () => {
	test('the existing contact is matched by the digits of its phone number', () => {
		const listed = [
			{ id: 'a', phone_number: '+1 415 555 0000' },
			{ id: 'b', phone_number: '(415) 555-1234' },
			{ id: 'c', phone_number: '+14155551234' },
		];
		expect(matchContact(listed, '+14155551234')).toEqual({ id: 'c', phone_number: '+14155551234' });
		expect(matchContact(listed, '+442079460958')).toBeUndefined();
	});

	test('tag options: distinct names from every contact, sorted', () => {
		expect(
			tagOptions([
				{ tags: ['b', 'a'] },
				{ tags: ['a', { name: 'c' }, ''] },
				{ tags: null },
				{},
			] as never),
		).toEqual([
			{ name: 'a', value: 'a' },
			{ name: 'b', value: 'b' },
			{ name: 'c', value: 'c' },
		]);
	});

	test('a total is read only when the list reports one', () => {
		expect(contactTotal({ data: { contacts: [], total: 120 }, error: null })).toBe(120);
		expect(contactTotal({ data: { contacts: [] }, error: null })).toBeUndefined();
	});
});

describe('node description', () => {
	test('the country dropdown: None, then all 249 ISO codes, sorted by name', () => {
		const options = countryOptions();
		expect(options[0]).toEqual({ name: 'None', value: '' });
		expect(
			options
				.slice(1)
				.map((option) => option.value)
				.sort(),
		).toEqual([...ISO_COUNTRY_CODES].sort());
		expect(ISO_COUNTRY_CODES).toHaveLength(249);
		expect(options).toContainEqual({ name: 'United States (US)', value: 'US' });
		const names = options.slice(1).map((option) => option.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
		const field = new Thoughtly().description.properties.find(
			(property) => property.name === 'countryCode',
		);
		expect(field).toMatchObject({ type: 'options', default: '' });
	});

	test('pacing defaults: 5 at a time and 100 requests a minute, as in the Options collection', () => {
		expect(readPacing({}, thoughtlyPacing)).toEqual({
			concurrency: 5,
			rateLimit: { requests: 100, perMs: 60_000 },
			waitBudgetMs: 120_000,
		});
		const options = new Thoughtly().description.properties.find(
			(property) => property.name === 'options',
		)?.options as Array<{ name: string; default: unknown }>;
		expect(Object.fromEntries(options.map((option) => [option.name, option.default]))).toEqual({
			defaultCountry: '',
			ifContactExists: 'fail',
			maxConcurrency: 5,
			maxRequests: 100,
			maxRateLimitWait: 120,
			rateInterval: 'minute',
			rateIntervalLength: 1,
		});
	});
});

describe('credential', () => {
	const credential = new ThoughtlyApi();

	test('both headers on every request, and a cheap authenticated test', () => {
		expect(credential.authenticate).toEqual({
			type: 'generic',
			properties: {
				headers: {
					'x-api-token': '={{$credentials.apiToken}}',
					team_id: '={{$credentials.teamId}}',
				},
			},
		});
		expect(credential.test.request).toEqual({
			baseURL: '={{$credentials.baseUrl}}',
			url: '/interview',
			qs: { limit: 1 },
			disableFollowRedirect: true,
		});
	});

	test('the token is masked, the team ID is not, the Base URL defaults to production', () => {
		const fields = Object.fromEntries(
			credential.properties.map((property) => [property.name, property]),
		);
		expect(fields.apiToken.typeOptions).toEqual({ password: true });
		expect(fields.teamId.typeOptions).toBeUndefined();
		expect(fields.baseUrl.default).toBe('https://api.thoughtly.com');
	});
});
