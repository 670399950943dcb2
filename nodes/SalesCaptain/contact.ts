import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { addTags, contactWithId, createOrReturnExisting } from '../shared/contact';
import { findList } from '../shared/lists';
import type { IfContactExists } from '../shared/properties';
import { createOptions, showOnCreate } from '../shared/properties';
import type { ApiClient } from '../shared/transport';
import { apiPath } from '../shared/transport';
import { checkEmail, checkTypedValue, checkUuid, idList, InputError, optionalText, requireText, sameEmail, samePhone, toDefaultCountry, toE164 } from '../shared/validate';
import { salesCaptainPacing } from './api';

export const createContactProperties: INodeProperties[] = [
	{
		displayName: 'Company Name or ID',
		name: 'companyId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getCompanies' },
		required: true,
		default: '',
		description:
			'The SalesCaptain company the contact belongs to. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: showOnCreate,
	},
	{
		displayName: 'Full Name',
		name: 'contactName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'John Doe',
		description: 'Full name of the contact',
		displayOptions: showOnCreate,
	},
	{
		displayName: 'Phone Number',
		name: 'contactPhone',
		type: 'string',
		default: '',
		placeholder: '+14155551234',
		description: 'Phone number with country code; spaces, dashes and parentheses are removed before sending. A number without a country code is read in Options → Default Country.',
		hint: 'Give a phone number, an email, or both',
		displayOptions: showOnCreate,
	},
	{
		displayName: 'Email',
		name: 'contactEmail',
		type: 'string',
		default: '',
		placeholder: 'name@email.com',
		displayOptions: showOnCreate,
	},
	{
		displayName: 'Tag Names or IDs',
		name: 'tagIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getTags', loadOptionsDependsOn: ['companyId'] },
		default: [],
		description:
			'Tags added to the contact once it exists, one request per tag. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
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
						name: 'fieldId',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getCustomFields', loadOptionsDependsOn: ['companyId'] },
						default: '',
						description:
							'A custom field of the chosen company, listed by label. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
					},
				],
			},
		],
	},
	createOptions('SalesCaptain', salesCaptainPacing),
];

/** The create request for one item, checked before anything is sent; custom-field values are checked later against their types. */
export interface CreateContactRequest {
	companyId: string;
	body: IDataObject;
	tagIds: string[];
}

/** Node parameters of one item -> SalesCaptain's create body. Pure: throws InputError on bad input. */
export function toCreateContactRequest(params: IDataObject): CreateContactRequest {
	const companyId = checkUuid(requireText(params.companyId, 'Company'), 'Company');
	const defaultCountry = toDefaultCountry(params.defaultCountry);
	const phoneText = optionalText(params.contactPhone, 'Phone Number');
	const emailText = optionalText(params.contactEmail, 'Email');
	if (!phoneText && !emailText) {
		throw new InputError('Give a phone number or an email: SalesCaptain needs at least one of them');
	}
	const body: IDataObject = {
		company_id: companyId,
		contact_name: requireText(params.contactName, 'Full Name'),
	};
	if (phoneText) body.contact_phone = toE164(phoneText, 'Phone Number', defaultCountry);
	if (emailText) body.contact_email = checkEmail(emailText);

	const rows = ((params.customFields as IDataObject | undefined)?.field as IDataObject[] | undefined) ?? [];
	const customFields: IDataObject[] = [];
	for (const row of rows) {
		const fieldId = optionalText(row.fieldId, 'Custom field');
		const value = optionalText(row.value, `Custom field ${fieldId ?? ''}`.trim());
		if (!fieldId || value === undefined) continue;
		checkUuid(fieldId, 'Custom field');
		if (customFields.some((field) => field.cf_id === fieldId)) {
			throw new InputError(`Custom field ${fieldId} is given twice; keep one value per field`);
		}
		customFields.push({ cf_id: fieldId, cf_value: value });
	}
	if (customFields.length) body.custom_fields = customFields;

	return { companyId, body, tagIds: idList(params.tagIds, 'Tag Names or IDs') };
}

/** A custom field as GET /v1/list-custom-fields/{company_id} describes it. */
export interface CustomFieldDefinition {
	cf_id: string;
	cf_label?: string;
	cf_name?: string;
	/** Documented examples: text, number, dropdown. */
	cf_datatype?: string;
}

/**
 * `custom_fields` with each value checked against its field's `cf_datatype` (the shared
 * rule set: a number field takes a number, …). Fields not among the definitions are sent
 * as given, for SalesCaptain to judge.
 */
export function checkCustomFieldValues(customFields: IDataObject[], definitions: CustomFieldDefinition[]): IDataObject[] {
	const byId = new Map(definitions.map((definition) => [definition.cf_id, definition]));
	return customFields.map((field) => {
		const definition = byId.get(String(field.cf_id));
		if (!definition?.cf_datatype) return field;
		const label = `Custom field "${definition.cf_label ?? definition.cf_name ?? definition.cf_id}"`;
		return { ...field, cf_value: checkTypedValue(String(definition.cf_datatype), String(field.cf_value), label) };
	});
}

/** The listed contact that is the one SalesCaptain called a duplicate, if any. */
export function matchContact(contacts: IDataObject[], body: IDataObject): IDataObject | undefined {
	return contacts.find(
		(contact) =>
			[contact.phone, contact.contact_phone].some((value) => samePhone(body.contact_phone, value)) ||
			[contact.email, contact.contact_email].some((value) => sameEmail(body.contact_email, value)),
	);
}

/** The contact in a 201 answer: `contact.data` as documented, or the closest thing to it. */
export function createdContact(response: unknown): IDataObject {
	const body = (response ?? {}) as IDataObject;
	const contact = body.contact as IDataObject | undefined;
	return ((contact?.data as IDataObject | undefined) ?? contact ?? body) as IDataObject;
}

/** SalesCaptain's documented 201 holds the new contact, with its `contact_id`, in `contact.data`. */
export const CREATED_CONTACT = contactWithId(createdContact, 'contact_id');

/** A company's custom-field definitions, read once per company and run (`cache`), when an item first needs them. */
async function customFieldDefinitions(
	ctx: IExecuteFunctions,
	client: ApiClient,
	companyId: string,
	cache: Map<string, Promise<CustomFieldDefinition[]>>,
): Promise<CustomFieldDefinition[]> {
	let definitions = cache.get(companyId);
	if (!definitions) {
		definitions = client
			.request({ method: 'GET', path: apiPath`/v1/list-custom-fields/${companyId}` })
			.then((body) => findList(body, ['custom_fields.data', 'custom_fields']) as unknown as CustomFieldDefinition[]);
		cache.set(companyId, definitions);
	}
	try {
		return await definitions;
	} catch (error) {
		// The failure is shared by every item of the company; each gets its own error to carry its item number.
		const cause = error as NodeApiError;
		throw new NodeApiError(ctx.getNode(), { message: cause.message } as JsonObject, {
			message: `Reading the company's custom fields (needed to check the values against their types) failed: ${cause.message}`,
			description: cause.description ?? undefined,
			httpCode: cause.httpCode ?? undefined,
		});
	}
}

export type CreateContact = (this: IExecuteFunctions, client: ApiClient, itemIndex: number) => Promise<IDataObject>;

/** The create flow for one node run; custom-field definitions are read once per company, when an item first needs them. */
export function contactCreator(): CreateContact {
	const definitions = new Map<string, Promise<CustomFieldDefinition[]>>();

	return async function createContact(this: IExecuteFunctions, client: ApiClient, itemIndex: number): Promise<IDataObject> {
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const request = toCreateContactRequest({
			companyId: this.getNodeParameter('companyId', itemIndex),
			contactName: this.getNodeParameter('contactName', itemIndex),
			contactPhone: this.getNodeParameter('contactPhone', itemIndex, ''),
			contactEmail: this.getNodeParameter('contactEmail', itemIndex, ''),
			tagIds: this.getNodeParameter('tagIds', itemIndex, []),
			customFields: this.getNodeParameter('customFields', itemIndex, {}),
			defaultCountry: options.defaultCountry,
		});
		const { companyId } = request;
		const body = { ...request.body };
		if (Array.isArray(body.custom_fields)) {
			const fields = await customFieldDefinitions(this, client, companyId, definitions);
			body.custom_fields = checkCustomFieldValues(body.custom_fields as IDataObject[], fields);
		}
		const searchKey = String(body.contact_phone ?? body.contact_email);

		const { contact, outcome } = await createOrReturnExisting(
			this,
			(options.ifContactExists as IfContactExists | undefined) ?? 'fail',
			async () => createdContact(await client.request({ method: 'POST', path: '/v1/create-contact', body, expect: CREATED_CONTACT })),
			async () => {
				const found = await client.request({
					method: 'GET',
					path: apiPath`/v1/list-contacts/${companyId}`,
					qs: { search_key: searchKey, page_number: 1, items_per_page: 100 },
				});
				return matchContact(findList(found, ['contacts.data', 'contacts', 'data.contacts']), body);
			},
			searchKey,
		);

		const contactId = String(contact.contact_id ?? contact.id);
		const appliedTags = await addTags(this, 'SalesCaptain', contactId, request.tagIds, async (tagId) => {
			await client.request({
				method: 'POST',
				path: apiPath`/v1/add-tag-to-contact/${companyId}`,
				body: { contact_id: contactId, tag_id: tagId },
			});
		});
		return { ...contact, appliedTags, outcome };
	};
}
