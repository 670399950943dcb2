/** The RevyOps node's pure pieces: parameters -> request, list bodies -> options, the credential's auth. */
import type { IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { RevyOpsApi } from '../../credentials/RevyOpsApi.credentials';
import { RevyOps } from '../../nodes/RevyOps/RevyOps.node';
import {
	changesFor,
	contactLabel,
	createdContact,
	linkedinKey,
	matchContact,
	toCompanyRef,
	toContactFilters,
	toContactSearch,
	toCreateContactRequest,
	toCustomFieldsInput,
	toDomain,
	toListContactsRequest,
	toResponseStructure,
	toUpdateContactRequest,
} from '../../nodes/RevyOps/actions/contact/mapping';
import { hasNextPage, toCompanyResults } from '../../nodes/RevyOps/methods/listSearch';
import { customFieldNames } from '../../nodes/RevyOps/methods/loadOptions';
import { InputError } from '../../nodes/shared/validate';

const rl = (mode: string, value: unknown) => ({ __rl: true, mode, value });

describe('toCompanyRef', () => {
	test.each([
		['list', '1001', { value: 1001, label: 'ID 1001' }],
		['id', ' 42 ', { value: 42, label: 'ID 42' }],
		['id', 7, { value: 7, label: 'ID 7' }],
		['domain', 'Acme.com', { value: 'acme.com', label: 'domain acme.com' }],
		[
			'domain',
			'https://www.acme.co.uk/team?x=1',
			{ value: 'acme.co.uk', label: 'domain acme.co.uk' },
		],
		[
			'domain',
			'eu.shop.acme.io:8443/',
			{ value: 'eu.shop.acme.io', label: 'domain eu.shop.acme.io' },
		],
		['domain', 'müller-bau.de', { value: 'müller-bau.de', label: 'domain müller-bau.de' }],
	])('%s mode, %p', (mode, value, expected) => {
		expect(toCompanyRef(rl(mode, value))).toEqual(expected);
	});

	test('empty means no company', () => {
		expect(toCompanyRef(rl('list', ''))).toBeUndefined();
		expect(toCompanyRef(rl('domain', '  '))).toBeUndefined();
		expect(toCompanyRef(undefined)).toBeUndefined();
		expect(toCompanyRef('')).toBeUndefined();
	});

	test('a plain value from an expression: digits are an ID, anything else a domain', () => {
		expect(toCompanyRef('1002')).toEqual({ value: 1002, label: 'ID 1002' });
		expect(toCompanyRef('acme.com')).toEqual({ value: 'acme.com', label: 'domain acme.com' });
	});

	test.each([
		['id', 'acme.com', /is not a RevyOps company ID/],
		['id', '0', /is not a RevyOps company ID/],
		['list', '12.5', /is not a RevyOps company ID/],
		['id', '99999999999999999999', /is not a RevyOps company ID/],
		['domain', 'localhost', /is not a domain/],
		['domain', 'acme', /is not a domain/],
		['domain', 'two words.com', /is not a domain/],
		['domain', '-acme.com', /is not a domain/],
	])('rejects %s %p', (mode, value, message) => {
		expect(() => toCompanyRef(rl(mode, value))).toThrow(message);
	});

	test('toDomain gives a hint', () => {
		try {
			toDomain('nope');
			throw new Error('not thrown');
		} catch (error) {
			expect(error).toBeInstanceOf(InputError);
			expect((error as InputError).hint).toMatch(/acme\.com/);
		}
	});
});

describe('toCustomFieldsInput', () => {
	const rows = (...field: Array<{ key?: unknown; value?: unknown }>) => ({ field });

	test('maps rows to {field_name, field_value}, trims, and leaves out empty values', () => {
		expect(
			toCustomFieldsInput(
				rows(
					{ key: ' Industry ', value: ' Retail ' },
					{ key: 'Empty', value: '' },
					{ key: 'Size', value: 250 },
				),
			),
		).toEqual([
			{ field_name: 'Industry', field_value: 'Retail' },
			{ field_name: 'Size', field_value: '250' },
		]);
	});

	test('nothing given: an empty list', () => {
		expect(toCustomFieldsInput(undefined)).toEqual([]);
		expect(toCustomFieldsInput({})).toEqual([]);
	});

	test('2,500 characters pass, 2,501 fail, counted as characters', () => {
		expect(toCustomFieldsInput(rows({ key: 'Notes', value: 'a'.repeat(2500) }))).toHaveLength(1);
		expect(toCustomFieldsInput(rows({ key: 'Notes', value: '👍'.repeat(2500) }))).toHaveLength(1);
		expect(() => toCustomFieldsInput(rows({ key: 'Notes', value: '👍'.repeat(2501) }))).toThrow(
			'Custom field "Notes" has 2501 characters; RevyOps accepts at most 2500',
		);
	});

	test('the same name twice (any case) and a value without a name are refused', () => {
		expect(() =>
			toCustomFieldsInput(rows({ key: 'Tier', value: 'A' }, { key: 'TIER', value: 'B' })),
		).toThrow(/given twice/);
		expect(() => toCustomFieldsInput(rows({ key: ' ', value: 'lost' }))).toThrow(
			'Custom field 1 has the value "lost" but no field',
		);
	});

	test('the shared row rules: a name given twice fails even when one of its values is empty', () => {
		expect(() =>
			toCustomFieldsInput(rows({ key: 'Tier', value: '' }, { key: 'tier', value: 'B' })),
		).toThrow('Custom field "tier" is given twice');
	});
});

describe('toCreateContactRequest', () => {
	test('every field', () => {
		expect(
			toCreateContactRequest({
				company: rl('domain', 'acme.com'),
				email: ' Jane@Acme.com ',
				linkedinUrl: 'https://linkedin.com/in/jane',
				firstName: 'Jane',
				lastName: 'Doe',
				customFields: { field: [{ key: 'Tier', value: 'Gold' }] },
				additionalFields: { contactStatus: 'Bounced', origin: 'Webinar' },
				options: { responseStructure: 'FLAT', ifContactExists: 'fail' },
			}),
		).toEqual({
			body: {
				email: 'Jane@Acme.com',
				linkedin_url: 'https://linkedin.com/in/jane',
				first_name: 'Jane',
				last_name: 'Doe',
				company_id: 'acme.com',
				contact_status: 'Bounced',
				origin: 'Webinar',
				contact_custom_fields_input: [{ field_name: 'Tier', field_value: 'Gold' }],
			},
			structure: 'FLAT',
			company: { value: 'acme.com', label: 'domain acme.com' },
		});
	});

	test('the least: an email, nested structure by default, nothing empty sent', () => {
		expect(
			toCreateContactRequest({
				email: 'a@b.co',
				firstName: '',
				company: rl('list', ''),
				additionalFields: { origin: ' ' },
			}),
		).toEqual({
			body: { email: 'a@b.co' },
			structure: 'NESTED',
			company: undefined,
		});
	});

	test('needs an email or a LinkedIn URL', () => {
		expect(() => toCreateContactRequest({ firstName: 'Jane', lastName: 'Doe' })).toThrow(
			'Give an email or a LinkedIn URL: RevyOps identifies a contact by at least one of them',
		);
	});

	test.each([
		[{ email: 'not-an-email' }, /not a valid email address/],
		[
			{ linkedinUrl: 'www.linkedin.com/in/x' },
			/LinkedIn URL "www.linkedin.com\/in\/x" is not a valid URL/,
		],
		[{ linkedinUrl: 'ftp://linkedin.com/in/x' }, /is not a valid URL/],
	])('checks formats: %p', (params, message) => {
		expect(() => toCreateContactRequest(params)).toThrow(message);
	});

	test('toResponseStructure accepts either case and refuses anything else', () => {
		expect(toResponseStructure(undefined)).toBe('NESTED');
		expect(toResponseStructure('flat')).toBe('FLAT');
		expect(() => toResponseStructure('tree')).toThrow(
			'Response Structure "tree" is not one RevyOps offers',
		);
	});
});

describe('finding the existing contact', () => {
	const contacts = [
		{ id: 1, email: 'Dana@Acme.com', linkedin_url: null },
		{ id: 2, email: null, linkedin_url: 'https://www.linkedin.com/in/sam-lee/' },
	];

	test.each([
		['https://linkedin.com/in/sam-lee', 'linkedin.com/in/sam-lee'],
		['HTTP://WWW.LinkedIn.com/in/Sam-Lee/?trk=abc', 'linkedin.com/in/sam-lee'],
		['https://de.linkedin.com/in/sam-lee#about', 'linkedin.com/in/sam-lee'],
	])('linkedinKey(%p)', (url, key) => expect(linkedinKey(url)).toBe(key));

	test('matches the email in any case, or the same LinkedIn profile', () => {
		expect(matchContact(contacts, { email: 'dana@acme.com' })?.id).toBe(1);
		expect(matchContact(contacts, { linkedin_url: 'http://linkedin.com/in/SAM-LEE' })?.id).toBe(2);
		expect(
			matchContact(contacts, {
				email: 'other@acme.com',
				linkedin_url: 'https://linkedin.com/in/other',
			}),
		).toBeUndefined();
		expect(
			matchContact([{ id: 3, email: '', linkedin_url: '' }], { email: 'x@y.co' }),
		).toBeUndefined();
	});

	test('createdContact reads the documented body, or a data wrapper', () => {
		expect(createdContact({ id: 9, email: 'a@b.co' })).toEqual({ id: 9, email: 'a@b.co' });
		expect(createdContact({ data: { id: 9 } })).toEqual({ id: 9 });
		expect(createdContact(undefined)).toEqual({});
	});
});

describe('lists', () => {
	test('toCompanyResults names a company by name and domain, skips records without an id', () => {
		expect(
			toCompanyResults([
				{ id: 1, name: 'Acme', domain: 'acme.com' },
				{ id: 2, name: 'No Domain' },
				{ id: 3, domain: 'only-domain.io' },
				{ id: 4 },
				{ name: 'no id' },
			]),
		).toEqual([
			{ name: 'Acme (acme.com)', value: '1' },
			{ name: 'No Domain', value: '2' },
			{ name: 'only-domain.io', value: '3' },
			{ name: 'Company 4', value: '4' },
		]);
	});

	test('hasNextPage reads next, then count, then a full page', () => {
		expect(hasNextPage({ next: 'https://x/?page=2', count: 5 }, 1, 100, 100)).toBe(true);
		expect(hasNextPage({ next: null, count: 500 }, 1, 100, 100)).toBe(false);
		expect(hasNextPage({ count: 150 }, 1, 100, 100)).toBe(true);
		expect(hasNextPage({ count: 150 }, 2, 100, 50)).toBe(false);
		expect(hasNextPage([], 1, 100, 100)).toBe(true);
		expect(hasNextPage(undefined, 1, 100, 20)).toBe(false);
	});

	test('customFieldNames reads FLAT objects and NESTED lists, dedupes by name in any case, sorts', () => {
		expect(
			customFieldNames([
				{ contact_custom_fields: { Tier: 'A', Industry: 'Retail' } },
				{
					contact_custom_fields: [
						{ id: 1, field_name: 'tier', field_value: 'B' },
						{ field_name: 'Budget' },
					],
				},
				{ contact_custom_fields: null },
				{},
			]),
		).toEqual([
			{ name: 'Budget', value: 'Budget' },
			{ name: 'Industry', value: 'Industry' },
			{ name: 'Tier', value: 'Tier' },
		]);
	});
});

describe('RevyOps API credential', () => {
	const credential = new RevyOpsApi();
	const authenticate = credential.authenticate.bind(credential);
	const request: IHttpRequestOptions = {
		url: 'https://app.revyops.com/api/public/v2/contacts',
		headers: { 'User-Agent': 'n8n' },
		qs: { structure: 'NESTED' },
	};

	test('the key alone goes in x-api-key, with no client_id', async () => {
		const options = await authenticate({ apiKey: ' key-1 ', clientId: '' }, request);
		expect(options.headers).toEqual({ 'User-Agent': 'n8n', 'x-api-key': 'key-1' });
		expect(options.qs).toEqual({ structure: 'NESTED' });
	});

	test('the Client ID alone goes in the query, with no header', async () => {
		const options = await authenticate({ apiKey: '', clientId: 'client-7' }, request);
		expect(options.headers).toEqual({ 'User-Agent': 'n8n' });
		expect(options.qs).toEqual({ structure: 'NESTED', client_id: 'client-7' });
	});

	test('both are sent, and the request passed in is left as it was', async () => {
		const options = await authenticate({ apiKey: 'key-1', clientId: 'client-7' }, request);
		expect(options.headers).toMatchObject({ 'x-api-key': 'key-1' });
		expect(options.qs).toMatchObject({ client_id: 'client-7' });
		expect(request.headers).toEqual({ 'User-Agent': 'n8n' });
		expect(request.qs).toEqual({ structure: 'NESTED' });
	});

	test('a request without a query gets one only for the Client ID', async () => {
		expect((await authenticate({ apiKey: 'key-1' }, { url: '/x' })).qs).toBeUndefined();
		expect((await authenticate({ clientId: 'client-7' }, { url: '/x' })).qs).toEqual({
			client_id: 'client-7',
		});
	});

	test('secrets are masked fields and the Base URL defaults to the working address', () => {
		const byName = Object.fromEntries(
			credential.properties.map((property) => [property.name, property]),
		);
		expect(byName.apiKey.typeOptions).toEqual({ password: true });
		expect(byName.clientId.typeOptions).toEqual({ password: true });
		expect(byName.baseUrl.default).toBe('https://app.revyops.com/api');
		expect(credential.test.request).toMatchObject({
			url: '/public/v2/companies',
			qs: { page_size: 1 },
		});
	});
});

describe('node description', () => {
	const node = new RevyOps();
	const options = node.description.properties.find((property) => property.name === 'options')!;

	test('one Options collection per operation: the shared options, then Response Structure', () => {
		const collections = node.description.properties.filter(
			(property) => property.type === 'collection' && property.name === 'options',
		);
		expect(collections.map((collection) => collection.displayOptions?.show?.operation)).toEqual([
			['create'],
			['get'],
			['getAll'],
			['update'],
		]);
		const pacingAndStructure = [
			['maxConcurrency', 5],
			['maxRequests', 10],
			['rateInterval', 'second'],
			['rateIntervalLength', 1],
			['maxRateLimitWait', 120],
			['responseStructure', 'NESTED'],
		];
		const entries = (collection: INodeProperties) =>
			(collection.options as Array<{ name: string; default: unknown }>).map((option) => [
				option.name,
				option.default,
			]);
		expect(entries(options)).toEqual([['ifContactExists', 'fail'], ...pacingAndStructure]);
		for (const collection of collections.slice(1))
			expect(entries(collection)).toEqual(pacingAndStructure);
		// RevyOps has an update endpoint: Create may update the contact it finds.
		const ifContactExists = (options.options as INodeProperties[])[0];
		expect(
			(ifContactExists.options as Array<{ value: string }>).map((choice) => choice.value),
		).toEqual(['fail', 'returnExisting', 'updateExisting']);
	});

	test('every field has its package-wide internal name, shown on its own operation', () => {
		// Resource, Operation and the tool variant's Tool Description belong to the node, not to one operation.
		const fields = node.description.properties.filter(
			(property) => !['resource', 'operation', 'toolDescription'].includes(property.name),
		);
		const byOperation = (operation: string) =>
			fields
				.filter((field) => field.displayOptions?.show?.operation?.[0] === operation)
				.map((field) => field.name);
		for (const field of fields) expect(field.displayOptions?.show?.resource).toEqual(['contact']);
		expect(byOperation('create')).toEqual([
			'company',
			'email',
			'linkedinUrl',
			'firstName',
			'lastName',
			'customFields',
			'additionalFields',
			'options',
		]);
		expect(byOperation('get')).toEqual(['contact', 'options']);
		expect(byOperation('getAll')).toEqual(['returnAll', 'limit', 'filters', 'options']);
		// Update: the contact, then the same fields as Create, none required.
		expect(byOperation('update')).toEqual(['contact', ...byOperation('create')]);
		expect(
			fields
				.filter(
					(field) => field.displayOptions?.show?.operation?.[0] === 'update' && field.required,
				)
				.map((field) => field.name),
		).toEqual(['contact']);
		const customFields = fields.find((property) => property.name === 'customFields')!;
		const row = (
			customFields.options as Array<{
				name: string;
				values: Array<{ name: string; typeOptions?: unknown }>;
			}>
		)[0];
		expect([row.name, row.values.map((column) => column.name)]).toEqual([
			'field',
			['key', 'value'],
		]);
		expect(row.values[0].typeOptions).toEqual({ loadOptionsMethod: 'getCustomFieldNames' });
	});

	test('the contact is a resource locator searched by email or name, or given by ID', () => {
		const contact = node.description.properties.find((property) => property.name === 'contact')!;
		expect(contact.type).toBe('resourceLocator');
		expect(contact.modes!.map((mode) => mode.name)).toEqual(['list', 'id']);
		expect(contact.modes![0].typeOptions).toEqual({
			searchListMethod: 'searchContacts',
			searchable: true,
		});
	});

	test('the company is a resource locator with list, ID and domain modes', () => {
		const company = node.description.properties.find((property) => property.name === 'company')!;
		expect(company.type).toBe('resourceLocator');
		expect(company.modes!.map((mode) => mode.name)).toEqual(['list', 'id', 'domain']);
		expect(company.modes![0].typeOptions).toEqual({
			searchListMethod: 'searchCompanies',
			searchable: true,
		});
		expect(Object.keys(node.methods.listSearch)).toEqual(['searchCompanies', 'searchContacts']);
	});
});

describe('lifecycle mapping', () => {
	test('an update sends only the fields given, checked as on create', () => {
		expect(
			toUpdateContactRequest({
				contact: rl('list', '5001'),
				email: ' ',
				firstName: 'Dana',
				company: rl('domain', 'www.acme.com'),
				customFields: { field: [{ key: 'Industry', value: 'Retail' }] },
				options: { responseStructure: 'FLAT' },
			}),
		).toEqual({
			contactId: 5001,
			body: {
				first_name: 'Dana',
				company_id: 'acme.com',
				contact_custom_fields_input: [{ field_name: 'Industry', field_value: 'Retail' }],
			},
			company: { value: 'acme.com', label: 'domain acme.com' },
			structure: 'FLAT',
		});
	});

	test('an update with nothing to change, or a contact ID that is not a whole number, is refused', () => {
		expect(() => toUpdateContactRequest({ contact: rl('id', '5001') })).toThrow(
			'Nothing to update: every field is empty',
		);
		expect(() => toUpdateContactRequest({ contact: rl('id', '50.1'), firstName: 'A' })).toThrow(
			'Contact ID "50.1" is not a RevyOps contact ID',
		);
		expect(() => toUpdateContactRequest({ contact: rl('id', ''), firstName: 'A' })).toThrow(
			InputError,
		);
	});

	test('Get Many: filters become RevyOps query parameters; Return All reads without a limit', () => {
		expect(
			toListContactsRequest({
				returnAll: false,
				limit: 20,
				filters: {
					email: 'A@B.co',
					firstName: ' ',
					lastName: 'Reyes',
					domain: 'https://acme.com/',
				},
			}),
		).toEqual({
			qs: { email: 'A@B.co', lastname: 'Reyes', domain: 'acme.com', structure: 'NESTED' },
			limit: 20,
		});
		expect(toListContactsRequest({ returnAll: true, limit: 20 })).toEqual({
			qs: { structure: 'NESTED' },
			limit: undefined,
		});
		expect(() => toContactFilters({ domain: 'not a domain' })).toThrow(InputError);
	});

	test('the picker searches an email as an email, words as first (and last) name', () => {
		expect(toContactSearch(undefined)).toEqual({});
		expect(toContactSearch(' dana@acme.com ')).toEqual({ email: 'dana@acme.com' });
		expect(toContactSearch('Dana')).toEqual({ firstname: 'Dana' });
		expect(toContactSearch('Mary  Ann Smith')).toEqual({
			firstname: 'Mary',
			lastname: 'Ann Smith',
		});
		expect(contactLabel({ id: 1, first_name: 'Dana', last_name: '', email: 'd@a.co' })).toBe(
			'Dana (d@a.co)',
		);
		expect(contactLabel({ id: 2, linkedin_url: 'https://linkedin.com/in/x' })).toBe(
			'https://linkedin.com/in/x',
		);
		expect(contactLabel({ id: 3, first_name: '' })).toBe('Contact 3');
	});

	test('Update Existing leaves out the email or LinkedIn URL that found the contact', () => {
		const existing = {
			id: 7,
			email: 'dana@acme.com',
			linkedin_url: 'https://www.linkedin.com/in/dana',
		};
		expect(
			changesFor(existing, {
				email: 'DANA@acme.com',
				linkedin_url: 'https://linkedin.com/in/dana/',
				first_name: 'Dana',
			}),
		).toEqual({ first_name: 'Dana' });
		expect(changesFor(existing, { email: 'other@acme.com' })).toEqual({ email: 'other@acme.com' });
	});
});
