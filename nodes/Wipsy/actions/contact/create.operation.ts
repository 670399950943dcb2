import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { createOrUseExisting } from '../../../shared/contact';
import {
	createContactOption,
	customFieldsField,
	emailField,
	firstNameField,
	lastNameField,
	phoneField,
	tagsField,
} from '../../../shared/fields';
import type { Operation, OperationRun } from '../../../shared/operations';
import { createOptions, readIfContactExists } from '../../../shared/properties';
import { CONTACT_SCAN_LIMIT, wipsyPacing } from '../../api';
import type { WipsyField } from '../../catalog';
import { contactsFromList, readCatalog } from '../../catalog';
import {
	CREATED_CONTACT,
	createdContact,
	matchContact,
	toCreateContactRequest,
	toCustomFields,
} from './mapping';

/** The custom-field definitions the listed contacts carry, read once per run when an item first needs them. */
async function fieldDefinitions(run: OperationRun): Promise<WipsyField[]> {
	const purpose = "Reading Wipsy's custom-field definitions (needed to check the values)";
	return (await run.once('catalog', purpose, async () => await readCatalog(run.client))).fields;
}

export const create: Operation = {
	option: createContactOption,
	toolDescription:
		"Creates one contact in Wipsy and returns it. Requires the contact's first name; last name, phone number and email are optional. Write a phone number with its country code, such as +14155551234; a number without one is read in the node's Default Country. Leave a field empty rather than guess it. IDs (company, tags, stages) are chosen in the node; never invent one. If the contact already exists, the existing contact may be returned.",
	properties: [
		{
			displayName:
				'The Pipeline Stage, Tag and Custom Field lists show only values that some of the first 500 contacts already use: Wipsy has no way to list them all. A value no contact uses yet can be given by ID with an expression.',
			name: 'listsNotice',
			type: 'notice',
			default: '',
		},
		firstNameField({
			required: true,
			placeholder: 'John',
			description: "The contact's first name",
		}),
		lastNameField(),
		phoneField({ description: 'It is sent in E.164 form (+ and digits).' }),
		emailField(),
		{
			displayName: 'Pipeline Stage Name or ID',
			name: 'pipelineStageId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getPipelineStages' },
			default: '',
			description:
				'Stage of the sales pipeline the contact starts in, listed in pipeline order. Wipsy has no endpoint that lists stages, so the node reads the first 500 contacts Wipsy returns and lists only values those contacts already use. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		tagsField(
			'getTags',
			'Tags given to the contact as it is created. Wipsy has no endpoint that lists tags, so the node reads the first 500 contacts Wipsy returns and lists only values those contacts already use.',
		),
		customFieldsField({
			displayName: 'Custom Fields',
			rowName: 'Field',
			placeholder: 'Add Custom Field',
			description:
				"Values are checked against the field's Wipsy type before anything is sent. Fields given by an ID the node cannot find on any contact are sent unchecked.",
			key: {
				displayName: 'Field Name or ID',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getCustomFields' },
				default: '',
				description:
					'A custom field, listed by name with its type. Wipsy has no endpoint that lists custom fields, so the node reads the first 500 contacts Wipsy returns and lists only values those contacts already use. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			valueDescription:
				'Must suit the field type: a valid email, a phone number (sent as E.164), a number, a date (YYYY-MM-DD; a date-time keeps its date), or one of the options of a select field',
		}),
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{ displayName: 'Address', name: 'address', type: 'string', default: '' },
				{ displayName: 'City', name: 'city', type: 'string', default: '' },
				{
					displayName: 'Company',
					name: 'company',
					type: 'string',
					default: '',
					description: 'Name of the company the contact works for',
				},
				{
					displayName: 'Notes',
					name: 'notes',
					type: 'string',
					typeOptions: { rows: 3 },
					default: '',
				},
				{
					displayName: 'Profile Picture URL',
					name: 'profilePictureUrl',
					type: 'string',
					default: '',
					placeholder: 'https://example.com/photo.jpg',
					description: "Full http(s) address of the contact's picture",
				},
				{
					displayName: 'Province',
					name: 'province',
					type: 'string',
					default: '',
					description: 'Province or state',
				},
				{
					displayName: 'WhatsApp ID',
					name: 'whatsappId',
					type: 'string',
					default: '',
					placeholder: '+14155551234',
					description:
						"The contact's WhatsApp number, sent in E.164 form. Leave empty and Wipsy uses the phone.",
				},
			],
		},
		createOptions('Wipsy', wipsyPacing, {
			lookupScope: `The search looks for the phone, WhatsApp ID or email among the first ${CONTACT_SCAN_LIMIT} contacts Wipsy lists (it offers no search or further pages); a contact beyond them is not found and the item fails`,
		}),
	],

	async execute(
		this: IExecuteFunctions,
		run: OperationRun,
		parameters: IDataObject,
	): Promise<IDataObject> {
		const { client } = run;
		const request = toCreateContactRequest(parameters);
		const body: IDataObject = { ...request.body };
		if (request.customFields.length) {
			body.custom_fields = toCustomFields(
				request.customFields,
				await fieldDefinitions(run),
				request.defaultCountry,
			);
		}

		const searchable =
			body.phone !== undefined || body.whatsapp_id !== undefined || body.email !== undefined;
		const identity = searchable
			? [body.phone, body.whatsapp_id, body.email]
					.filter((value) => value !== undefined)
					.join(' / ')
			: 'this item (it has no phone, WhatsApp ID or email to search by)';

		const { contact, outcome } = await createOrUseExisting(this, {
			ifContactExists: readIfContactExists(parameters.options),
			create: async () =>
				createdContact(
					await client.request({
						method: 'POST',
						path: '/api-create-contact',
						body,
						expect: CREATED_CONTACT,
					}),
				),
			findExisting: async () => {
				if (!searchable) return undefined;
				const found = await client.request({
					method: 'GET',
					path: '/api-get-contacts',
					qs: { limit: CONTACT_SCAN_LIMIT },
				});
				return matchContact(contactsFromList(found), body);
			},
			identity: identity,
		});
		return { ...contact, outcome };
	},
};
