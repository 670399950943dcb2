import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { addTags, createOrUseExisting } from '../../../shared/contact';
import {
	createContactOption,
	emailField,
	fullNameField,
	phoneField,
	tagsField,
} from '../../../shared/fields';
import { findList } from '../../../shared/lists';
import type { Operation, OperationRun } from '../../../shared/operations';
import { createOptions, readIfContactExists } from '../../../shared/properties';
import { apiPath } from '../../../shared/transport';
import { salesCaptainPacing } from '../../api';
import { companyField, customFieldDefinitions, customFieldsProperty } from '../common';
import {
	A_CONTACT,
	checkCustomFieldValues,
	contactOf,
	matchContact,
	toCreateContactRequest,
	toUpdateFromCreate,
} from './mapping';
import { updateContact } from './update.operation';

export const create: Operation = {
	option: createContactOption,
	toolDescription:
		"Creates one contact in SalesCaptain and returns it. Requires the contact's full name and at least a phone number or an email (both if known). Write a phone number with its country code, such as +14155551234; a number without one is read in the node's Default Country. Leave a field empty rather than guess it. IDs (company, tags, stages) are chosen in the node; never invent one. If a contact with the same phone number already exists, the node may return it, or update it with the fields given, as set in the node.",
	properties: [
		companyField,
		fullNameField({
			required: true,
			placeholder: 'John Doe',
			description: 'Full name of the contact',
		}),
		phoneField({ hint: 'Give a phone number, an email, or both' }),
		emailField(),
		{
			...tagsField('getTags', 'Tags added to the contact once it exists, one request per tag.', [
				'company',
			]),
			hint: "Choose the Company first: the list shows that company's tags",
		},
		customFieldsProperty(),
		createOptions('SalesCaptain', salesCaptainPacing, { canUpdate: true }),
	],

	async execute(
		this: IExecuteFunctions,
		run: OperationRun,
		parameters: IDataObject,
	): Promise<IDataObject> {
		const { client } = run;
		const request = toCreateContactRequest(parameters);
		const { companyId } = request;
		const body = { ...request.body };
		if (Array.isArray(body.custom_fields)) {
			const fields = await customFieldDefinitions(run, companyId);
			body.custom_fields = checkCustomFieldValues(body.custom_fields as IDataObject[], fields);
		}
		const searchKey = String(body.contact_phone ?? body.contact_email);

		const { contact, outcome } = await createOrUseExisting(this, {
			ifContactExists: readIfContactExists(parameters.options),
			create: async () =>
				contactOf(
					await client.request({
						method: 'POST',
						path: '/v1/create-contact',
						body,
						expect: A_CONTACT,
					}),
				),
			findExisting: async () => {
				const found = await client.request({
					method: 'GET',
					path: apiPath`/v1/list-contacts/${companyId}`,
					qs: { search_key: searchKey, page_number: 1, items_per_page: 100 },
				});
				return matchContact(findList(found, ['contacts.data', 'contacts', 'data.contacts']), body);
			},
			updateExisting: async (existing) =>
				await updateContact(this, run, String(existing.contact_id), toUpdateFromCreate(body)),
			identity: searchKey,
		});

		const contactId = String(contact.contact_id ?? contact.id);
		const appliedTags = await addTags(
			this,
			'SalesCaptain',
			contactId,
			request.tagIds,
			async (tagId) => {
				await client.request({
					method: 'POST',
					path: apiPath`/v1/add-tag-to-contact/${companyId}`,
					body: { contact_id: contactId, tag_id: tagId },
				});
			},
		);
		return { ...contact, appliedTags, outcome };
	},
};
