import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { createOrUseExisting } from '../../../shared/contact';
import {
	createContactOption,
	customFieldsField,
	emailField,
	firstNameField,
	lastNameField,
} from '../../../shared/fields';
import { fetchAllPages, findList } from '../../../shared/lists';
import type { Operation, OperationRun } from '../../../shared/operations';
import { createOptions, readIfContactExists } from '../../../shared/properties';
import type { ApiClient } from '../../../shared/transport';
import { MAX_PAGE_SIZE, revyOpsPacing, revyOpsPaging } from '../../api';
import type { CompanyRef, ResponseStructure } from './mapping';
import {
	CREATED_CONTACT,
	createdContact,
	MAX_CUSTOM_FIELD_VALUE_LENGTH,
	matchContact,
	toCreateContactRequest,
} from './mapping';

/** Pages read when a duplicate found by LinkedIn URL is searched by name. */
const MAX_LOOKUP_PAGES = 5;
const CONTACTS_PATH = '/public/v2/contacts';

const sharedOptions = createOptions('RevyOps', revyOpsPacing, { sendsPhoneNumbers: false });

/** The shared Options, then RevyOps' Response Structure. */
const options: INodeProperties = {
	...sharedOptions,
	options: [
		...(sharedOptions.options ?? []),
		{
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
		},
	],
};

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
			"The company belongs to another RevyOps client (workspace) than the credential opens. Pick the company from the list, which shows only this workspace's companies, or use the credential of the company's workspace.";
	}
}

/** 409 with only a LinkedIn URL to go by and no name to search with: RevyOps documents no search by LinkedIn URL. */
function linkedinLookupImpossible(ctx: IExecuteFunctions, body: IDataObject): NodeApiError {
	return new NodeApiError(ctx.getNode(), { message: 'Contact already exists' } as JsonObject, {
		message: `RevyOps says a contact with LinkedIn URL ${String(body.linkedin_url)} already exists, but its API offers no search by LinkedIn URL, so the existing contact cannot be returned`,
		description:
			"Add the contact's First Name or Last Name (the node then searches by name and matches the LinkedIn URL) or its Email, or look the contact up in RevyOps.",
		httpCode: '409',
	});
}

/** The contact RevyOps called a duplicate: searched by email, else by name and matched on the LinkedIn profile. */
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
	const records = await fetchAllPages(
		client,
		{ method: 'GET', path: CONTACTS_PATH, qs },
		revyOpsPaging(MAX_LOOKUP_PAGES),
		(page) => findList(page, ['results']),
	);
	return matchContact(records, body);
}

export const create: Operation = {
	option: createContactOption,
	toolDescription:
		'Creates one contact in RevyOps and returns it. Requires at least an email or a LinkedIn profile URL (both if known); first and last name are optional. Leave a field empty rather than guess it. IDs (company, tags, stages) are chosen in the node; never invent one. If the contact already exists, the existing contact may be returned.',
	properties: [
		{
			displayName: 'Company',
			name: 'company',
			type: 'resourceLocator',
			default: { mode: 'list', value: '' },
			description:
				'The company the contact works at. Leave empty to create the contact without a company.',
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
							properties: {
								regex: '^\\s*[0-9]+\\s*$',
								errorMessage: 'A RevyOps company ID is a whole number',
							},
						},
					],
				},
				{
					displayName: 'Domain',
					name: 'domain',
					type: 'string',
					placeholder: 'e.g. acme.com',
					hint: 'RevyOps looks the company up by this domain',
				},
			],
		},
		emailField({ hint: 'Give an email, a LinkedIn URL, or both: RevyOps knows a contact by them' }),
		{
			displayName: 'LinkedIn URL',
			name: 'linkedinUrl',
			type: 'string',
			default: '',
			placeholder: 'https://www.linkedin.com/in/jane-doe',
			description: "Address of the contact's LinkedIn profile",
		},
		firstNameField(),
		lastNameField(),
		customFieldsField({
			displayName: 'Custom Fields',
			rowName: 'Field',
			key: {
				displayName: 'Field Name or ID',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getCustomFieldNames' },
				default: '',
				description:
					'RevyOps knows custom fields by name: the list shows the names your contacts already use; type any other name with an expression. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			valueDescription: `At most ${MAX_CUSTOM_FIELD_VALUE_LENGTH} characters`,
		}),
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
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
					description:
						'Status of the contact in RevyOps. Any other status your workspace uses can be given as an expression.',
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
	],

	async execute(
		this: IExecuteFunctions,
		run: OperationRun,
		parameters: IDataObject,
	): Promise<IDataObject> {
		const { client } = run;
		const { body, structure, company } = toCreateContactRequest(parameters);

		const { contact, outcome } = await createOrUseExisting(this, {
			ifContactExists: readIfContactExists(parameters.options),
			// Hands the same NodeApiError on (the transport only throws those).
			create: async () => {
				try {
					return createdContact(
						await client.request({
							method: 'POST',
							path: CONTACTS_PATH,
							qs: { structure },
							body,
							expect: CREATED_CONTACT,
						}),
					);
				} catch (error) {
					if (error instanceof NodeApiError) explainCompanyError(error, company);
					throw new NodeApiError(this.getNode(), error as JsonObject);
				}
			},
			findExisting: async () => await findExistingContact(this, client, body, structure),
			identity: String(body.email ?? body.linkedin_url),
		});
		return { ...contact, outcome };
	},
};
