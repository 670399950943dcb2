import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { createOrReturnExisting } from '../shared/contact';
import { fetchAllPages, findList } from '../shared/lists';
import type { IfContactExists } from '../shared/properties';
import { createOptions, showOnCreate } from '../shared/properties';
import type { ApiClient } from '../shared/transport';
import { checkEmail, checkKey, checkUrl, InputError, optionalText, quote, sameEmail } from '../shared/validate';
import { MAX_PAGE_SIZE, revyOpsPacing, revyOpsPaging } from './api';

/** RevyOps' documented limit on one custom field value. */
export const MAX_CUSTOM_FIELD_VALUE_LENGTH = 2500;
/** Pages read when a duplicate found by LinkedIn URL is searched by name. */
const MAX_LOOKUP_PAGES = 5;
const CONTACTS_PATH = '/public/v2/contacts';

export type ResponseStructure = 'NESTED' | 'FLAT';

const options = createOptions('RevyOps', revyOpsPacing, undefined, false);
options.options!.push({
	displayName: 'Response Structure',
	name: 'responseStructure',
	type: 'options',
	options: [
		{
			name: 'Flat',
			value: 'FLAT',
			description: 'Custom fields as one object with the field names as keys',
		},
		{
			name: 'Nested',
			value: 'NESTED',
			description: 'Custom fields as a list of {ID, field name, field value}',
		},
	],
	default: 'NESTED',
	description: 'How RevyOps shapes the custom fields of the contact in the output',
});

export const createContactProperties: INodeProperties[] = [
	{
		displayName: 'Company',
		name: 'company',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description: 'The company the contact works at. Leave empty to create the contact without a company.',
		displayOptions: showOnCreate,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a company...',
				typeOptions: { searchListMethod: 'searchCompanies', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 1042',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^\\s*[0-9]+\\s*$', errorMessage: 'A RevyOps company ID is a whole number' },
					},
				],
			},
			{
				displayName: 'By Domain',
				name: 'domain',
				type: 'string',
				placeholder: 'e.g. acme.com',
				hint: 'RevyOps looks the company up by this domain',
			},
		],
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		default: '',
		placeholder: 'name@email.com',
		hint: 'Give an email, a LinkedIn URL, or both: RevyOps knows a contact by them',
		displayOptions: showOnCreate,
	},
	{
		displayName: 'LinkedIn URL',
		name: 'linkedinUrl',
		type: 'string',
		default: '',
		placeholder: 'https://www.linkedin.com/in/jane-doe',
		description: 'Address of the contact\'s LinkedIn profile',
		displayOptions: showOnCreate,
	},
	{
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		default: '',
		displayOptions: showOnCreate,
	},
	{
		displayName: 'Last Name',
		name: 'lastName',
		type: 'string',
		default: '',
		displayOptions: showOnCreate,
	},
	{
		displayName: 'Custom Fields',
		name: 'customFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Custom Field',
		default: {},
		displayOptions: showOnCreate,
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'Field Name or ID',
						name: 'fieldName',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getCustomFieldNames' },
						default: '',
						description:
							'RevyOps knows custom fields by name: the list shows the names your contacts already use; type any other name with an expression. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: `At most ${MAX_CUSTOM_FIELD_VALUE_LENGTH} characters`,
					},
				],
			},
		],
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showOnCreate,
		options: [
			{
				displayName: 'Contact Status',
				name: 'contactStatus',
				type: 'options',
				options: [
					{ name: 'Active', value: 'Active' },
					{ name: 'Bounced', value: 'Bounced' },
					{ name: 'Unsubscribed', value: 'Unsubscribed' },
				],
				default: 'Active',
				description: 'Status of the contact in RevyOps. Any other status your workspace uses can be given as an expression.',
			},
			{
				displayName: 'Origin',
				name: 'origin',
				type: 'string',
				default: '',
				placeholder: 'e.g. n8n import',
				description: 'Where the contact came from, as RevyOps shows it',
			},
		],
	},
	options,
];

/** The company a contact is linked to: an integer ID or a domain RevyOps resolves. */
export interface CompanyRef {
	value: number | string;
	/** Names the company in messages, e.g. "ID 1042" or "domain acme.com". */
	label: string;
}

const DOMAIN = /^(?=.{1,253}$)(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+[\p{L}][\p{L}\p{N}-]{1,62}$/u;

/** Reduces a pasted address (`https://www.acme.com/about`) to its domain (`acme.com`) and checks it is one. */
export function toDomain(value: string): string {
	const text = value.trim();
	const host = text
		.toLowerCase()
		.replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
		.split(/[/?#]/)[0]
		.replace(/:\d+$/, '')
		.replace(/\.$/, '')
		.replace(/^www\./, '');
	if (!DOMAIN.test(host)) {
		throw new InputError(`Company domain "${text}" is not a domain`, 'Give the company\'s web domain, for example acme.com.');
	}
	return host;
}

function toCompanyId(value: string): number {
	const id = Number(value);
	if (!/^\d+$/.test(value) || !Number.isSafeInteger(id) || id < 1) {
		throw new InputError(
			`Company ID "${value}" is not a RevyOps company ID: a whole number such as 1042 is expected`,
			'Pick the company from the list, or choose "By Domain" to give its domain instead.',
		);
	}
	return id;
}

/**
 * The Company parameter (a resource locator, or a plain value from an expression) ->
 * what RevyOps takes as `company_id`. Empty: no company.
 */
export function toCompanyRef(company: unknown): CompanyRef | undefined {
	const locator = company && typeof company === 'object' ? (company as IDataObject) : { mode: undefined, value: company };
	const text = optionalText(locator.value, 'Company');
	if (text === undefined) return undefined;
	const mode = locator.mode === undefined ? (/^\d+$/.test(text) ? 'id' : 'domain') : String(locator.mode);
	if (mode === 'domain') {
		const domain = toDomain(text);
		return { value: domain, label: `domain ${domain}` };
	}
	const id = toCompanyId(text);
	return { value: id, label: `ID ${id}` };
}

export function toResponseStructure(value: unknown): ResponseStructure {
	const text = (optionalText(value, 'Response Structure') ?? 'NESTED').toUpperCase();
	if (text !== 'NESTED' && text !== 'FLAT') {
		throw new InputError(`Response Structure "${String(value)}" is not one RevyOps offers`, 'Use Nested or Flat.');
	}
	return text;
}

/** Length as RevyOps counts it: characters, not UTF-16 code units (an emoji is one). */
function characterCount(text: string): number {
	return [...text].length;
}

/** The Custom Fields rows -> `contact_custom_fields_input`. Rows without a value are left out. */
export function toCustomFieldsInput(customFields: unknown): IDataObject[] {
	const rows = ((customFields as IDataObject | undefined)?.field as IDataObject[] | undefined) ?? [];
	const fields: IDataObject[] = [];
	for (const row of rows) {
		const fieldName = optionalText(row.fieldName, 'Custom field name');
		const value = optionalText(row.value, fieldName === undefined ? 'Custom field value' : `Custom field "${fieldName}"`);
		if (value === undefined) continue;
		if (fieldName === undefined) {
			throw new InputError(`A custom field value (${quote(value.slice(0, 40))}) has no field name`, 'Choose the field, or remove the row.');
		}
		checkKey(fieldName, 'Custom field name');
		const length = characterCount(value);
		if (length > MAX_CUSTOM_FIELD_VALUE_LENGTH) {
			throw new InputError(
				`Custom field "${fieldName}" has ${length} characters; RevyOps accepts at most ${MAX_CUSTOM_FIELD_VALUE_LENGTH}`,
				'Shorten the value, for example with an expression such as {{ $json.notes.slice(0, 2500) }}.',
			);
		}
		if (fields.some((field) => String(field.field_name).toLowerCase() === fieldName.toLowerCase())) {
			throw new InputError(`Custom field "${fieldName}" is given twice; keep one value per field`);
		}
		fields.push({ field_name: fieldName, field_value: value });
	}
	return fields;
}

/** The create request for one item, checked before anything is sent. */
export interface CreateContactRequest {
	body: IDataObject;
	structure: ResponseStructure;
	company?: CompanyRef;
}

/** Node parameters of one item -> RevyOps' create request. Pure: throws InputError on bad input. */
export function toCreateContactRequest(params: IDataObject): CreateContactRequest {
	const emailText = optionalText(params.email, 'Email');
	const linkedinText = optionalText(params.linkedinUrl, 'LinkedIn URL');
	if (!emailText && !linkedinText) {
		throw new InputError(
			'Give an email or a LinkedIn URL: RevyOps identifies a contact by at least one of them',
			'Fill Email, LinkedIn URL, or both.',
		);
	}
	const body: IDataObject = {};
	if (emailText) body.email = checkEmail(emailText);
	if (linkedinText) body.linkedin_url = checkUrl(linkedinText, 'LinkedIn URL');
	const firstName = optionalText(params.firstName, 'First Name');
	const lastName = optionalText(params.lastName, 'Last Name');
	if (firstName) body.first_name = firstName;
	if (lastName) body.last_name = lastName;

	const company = toCompanyRef(params.company);
	if (company) body.company_id = company.value;

	const additional = (params.additionalFields as IDataObject | undefined) ?? {};
	const contactStatus = optionalText(additional.contactStatus, 'Contact Status');
	const origin = optionalText(additional.origin, 'Origin');
	if (contactStatus) body.contact_status = contactStatus;
	if (origin) body.origin = origin;

	const customFields = toCustomFieldsInput(params.customFields);
	if (customFields.length) body.contact_custom_fields_input = customFields;

	const structure = toResponseStructure((params.options as IDataObject | undefined)?.responseStructure);
	return { body, structure, company };
}

/** A LinkedIn address reduced to what identifies the profile (scheme, www, slash, query and case dropped). */
export function linkedinKey(value: unknown): string {
	return String(value ?? '')
		.trim()
		.toLowerCase()
		.replace(/^https?:\/\//, '')
		.replace(/^(www\.|[a-z]{2}\.)(?=linkedin\.com)/, '')
		.split(/[?#]/)[0]
		.replace(/\/+$/, '');
}

/** The listed contact RevyOps called a duplicate: same email (any case) or same LinkedIn profile. */
export function matchContact(contacts: IDataObject[], body: IDataObject): IDataObject | undefined {
	const linkedin = body.linkedin_url ? linkedinKey(body.linkedin_url) : '';
	return contacts.find(
		(contact) =>
			sameEmail(body.email, contact.email) ||
			(linkedin !== '' && contact.linkedin_url ? linkedinKey(contact.linkedin_url) === linkedin : false),
	);
}

/** The contact in a 201 answer: the body itself as documented, or a `data` wrapper around it. */
export function createdContact(response: unknown): IDataObject {
	const body = (response ?? {}) as IDataObject;
	if (body.id === undefined && body.data && typeof body.data === 'object' && !Array.isArray(body.data)) return body.data as IDataObject;
	return body;
}

/** Adds the company to the vendor's 404/401 messages, which do not say which company they mean. */
function explainCompanyError(error: NodeApiError, company: CompanyRef | undefined): void {
	if (!company) return;
	const status = String(error.httpCode);
	if (status === '404') {
		error.message = `${error.message} (company ${company.label})`;
		error.description =
			typeof company.value === 'number'
				? `RevyOps has no company with ID ${company.value}. Pick the company from the list, or give its domain instead.`
				: `RevyOps could not resolve the domain ${company.value} to a company. Check the domain, or pick the company from the list.`;
	} else if (status === '401') {
		error.message = `${error.message} (company ${company.label})`;
		error.description =
			'The company belongs to another RevyOps client (workspace) than the credential opens. Pick the company from the list, which shows only this workspace\'s companies, or use the credential of the company\'s workspace.';
	}
}

/** 409 with only a LinkedIn URL to go by and no name to search with: RevyOps documents no search by LinkedIn URL. */
function linkedinLookupImpossible(ctx: IExecuteFunctions, body: IDataObject): NodeApiError {
	return new NodeApiError(ctx.getNode(), { message: 'Contact already exists' } as JsonObject, {
		message: `RevyOps says a contact with LinkedIn URL ${String(body.linkedin_url)} already exists, but its API offers no search by LinkedIn URL, so the existing contact cannot be returned`,
		description:
			'Add the contact\'s First Name or Last Name (the node then searches by name and matches the LinkedIn URL) or its Email, or look the contact up in RevyOps.',
		httpCode: '409',
	});
}

async function findExistingContact(
	ctx: IExecuteFunctions,
	client: ApiClient,
	body: IDataObject,
	structure: ResponseStructure,
): Promise<IDataObject | undefined> {
	if (body.email) {
		const found = await client.request({
			method: 'GET',
			path: CONTACTS_PATH,
			qs: { email: body.email, structure, page_size: MAX_PAGE_SIZE },
		});
		const match = matchContact(findList(found, ['results']), body);
		if (match) return match;
	}
	if (!body.linkedin_url) return undefined;
	// The email did not match (or none was given): the duplicate is the LinkedIn URL.
	if (!body.first_name && !body.last_name) throw linkedinLookupImpossible(ctx, body);
	const qs: IDataObject = { structure };
	if (body.first_name) qs.firstname = body.first_name;
	if (body.last_name) qs.lastname = body.last_name;
	const records = await fetchAllPages(client, { method: 'GET', path: CONTACTS_PATH, qs }, revyOpsPaging(MAX_LOOKUP_PAGES), (page) =>
		findList(page, ['results']),
	);
	return matchContact(records, body);
}

export async function createContact(this: IExecuteFunctions, client: ApiClient, itemIndex: number): Promise<IDataObject> {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const { body, structure, company } = toCreateContactRequest({
		company: this.getNodeParameter('company', itemIndex, ''),
		email: this.getNodeParameter('email', itemIndex, ''),
		linkedinUrl: this.getNodeParameter('linkedinUrl', itemIndex, ''),
		firstName: this.getNodeParameter('firstName', itemIndex, ''),
		lastName: this.getNodeParameter('lastName', itemIndex, ''),
		customFields: this.getNodeParameter('customFields', itemIndex, {}),
		additionalFields: this.getNodeParameter('additionalFields', itemIndex, {}),
		options,
	});

	const { contact, outcome } = await createOrReturnExisting(
		this,
		(options.ifContactExists as IfContactExists | undefined) ?? 'fail',
		async () => {
			try {
				return createdContact(await client.request({ method: 'POST', path: CONTACTS_PATH, qs: { structure }, body }));
			} catch (error) {
				if (error instanceof NodeApiError) explainCompanyError(error, company);
				// Hands the same NodeApiError on (the transport only throws those).
				throw new NodeApiError(this.getNode(), error as JsonObject);
			}
		},
		async () => await findExistingContact(this, client, body, structure),
		String(body.email ?? body.linkedin_url),
	);
	return { ...contact, outcome };
}
