import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { createOrUseExisting } from '../../../shared/contact';
import {
	createContactOption,
	emailField,
	firstNameField,
	lastNameField,
} from '../../../shared/fields';
import { fetchAllPages, findList } from '../../../shared/lists';
import type { Operation, OperationRun } from '../../../shared/operations';
import { createOptions, readIfContactExists } from '../../../shared/properties';
import type { ApiClient } from '../../../shared/transport';
import { MAX_PAGE_SIZE, revyOpsPacing, revyOpsPaging } from '../../api';
import {
	additionalFieldsField,
	companyField,
	linkedinUrlField,
	revyOpsCustomFieldsField,
	withResponseStructure,
} from './fields';
import type { ResponseStructure } from './mapping';
import {
	changesFor,
	CREATED_CONTACT,
	createdContact,
	matchContact,
	toCreateContactRequest,
} from './mapping';
import { CONTACTS_PATH, explainCompanyError, updateContact } from './requests';

/** Pages read when a duplicate found by LinkedIn URL is searched by name. */
const MAX_LOOKUP_PAGES = 5;

const options = withResponseStructure(
	createOptions('RevyOps', revyOpsPacing, {
		sendsPhoneNumbers: false,
		canUpdate: true,
	}),
);

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

/** The ID of the contact the search found, which Update Existing patches. */
function foundContactId(ctx: IExecuteFunctions, existing: IDataObject): number {
	const id = Number(existing.id);
	if (Number.isSafeInteger(id) && id > 0) return id;
	throw new NodeApiError(ctx.getNode(), existing as JsonObject, {
		message: `RevyOps listed the existing contact without an ID (${JSON.stringify(existing.id ?? null)}), so it was not updated`,
		description: 'Nothing was changed. Update the contact in RevyOps, or report this answer.',
	});
}

export const create: Operation = {
	option: createContactOption,
	toolDescription:
		'Creates one contact in RevyOps and returns it. Requires at least an email or a LinkedIn profile URL (both if known); first and last name are optional. Leave a field empty rather than guess it. IDs (company, tags, stages) are chosen in the node; never invent one. If the contact already exists, the existing contact may be returned or updated, as the node is set.',
	properties: [
		companyField(
			'The company the contact works at. Leave empty to create the contact without a company.',
		),
		emailField({ hint: 'Give an email, a LinkedIn URL, or both: RevyOps knows a contact by them' }),
		linkedinUrlField,
		firstNameField(),
		lastNameField(),
		revyOpsCustomFieldsField(),
		additionalFieldsField,
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
			// The item's fields, to the contact RevyOps called a duplicate (it keeps those not given).
			updateExisting: async (existing) => {
				const changes = changesFor(existing, body);
				if (Object.keys(changes).length === 0) return existing;
				return await updateContact(this, client, {
					contactId: foundContactId(this, existing),
					body: changes,
					structure,
					company,
				});
			},
			identity: String(body.email ?? body.linkedin_url),
		});
		return { ...contact, outcome };
	},
};
