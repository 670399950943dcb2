import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { addTags, createOrUseExisting } from '../../../shared/contact';
import {
	createContactOption,
	customFieldsField,
	emailField,
	fullNameField,
	phoneField,
	tagsField,
} from '../../../shared/fields';
import type { Operation, OperationRun } from '../../../shared/operations';
import { createOptions, readIfContactExists } from '../../../shared/properties';
import { apiPath } from '../../../shared/transport';
import { contactshipPacing } from '../../api';
import {
	callAfterCreateFields,
	prepareCallAfterCreate,
	startCallAfterCreate,
} from '../call/afterCreate';
import { CREATED_CONTACT, readContact, toCreateContactRequest } from './mapping';

export const create: Operation = {
	option: createContactOption,
	toolDescription:
		"Creates one contact in Contactship and returns it. Requires the contact's full name and phone number; the email is optional. Write the phone number with its country code, such as +12124567890; a number without one is read in the node's Default Country. Leave a field empty rather than guess it. IDs (company, tags, stages) are chosen in the node; never invent one. If the contact already exists, the existing contact may be returned.",
	properties: [
		phoneField({
			required: true,
			placeholder: '+12124567890',
			description: 'It is sent in the +12124567890 form Contactship expects.',
		}),
		fullNameField({ required: true }),
		emailField(),
		{
			displayName: 'Country',
			name: 'country',
			type: 'string',
			default: '',
			placeholder: 'Mexico',
			description: 'Country of the contact, as you want it shown in Contactship',
		},
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			description: 'Notes about the contact',
		},
		tagsField('getTags', 'Tags added to the contact once it exists, one request per tag.'),
		customFieldsField({
			displayName: 'Additional Data',
			rowName: 'Data Field',
			description:
				'Free-form fields stored with the contact; Contactship has no list of them to choose from',
			extraColumns: [
				{
					displayName: 'Type',
					name: 'type',
					type: 'options',
					options: [
						{ name: 'Date', value: 'date', description: 'An ISO 8601 date such as 2024-12-31' },
						{ name: 'Location', value: 'location', description: 'An address or place' },
						{ name: 'Number', value: 'number', description: 'Digits, with a dot for decimals' },
						{ name: 'Text', value: 'text' },
					],
					default: 'text',
					description:
						'How Contactship treats the value. Another type can be set with an expression.',
				},
			],
			key: {
				displayName: 'Field',
				type: 'string',
				default: '',
				placeholder: 'address',
				description: 'Name of the data field',
			},
		}),
		...callAfterCreateFields,
		createOptions('Contactship', contactshipPacing),
	],

	async execute(
		this: IExecuteFunctions,
		run: OperationRun,
		parameters: IDataObject,
		itemIndex: number,
	): Promise<IDataObject> {
		const { client } = run;
		const request = toCreateContactRequest(parameters);
		const phone = String(request.body.phone_number);
		const call = await prepareCallAfterCreate(run, parameters);

		const { contact, outcome } = await createOrUseExisting(this, {
			ifContactExists: readIfContactExists(parameters.options),
			create: async () =>
				readContact(
					await client.request({
						method: 'POST',
						path: '/v1/contacts',
						body: request.body,
						expect: CREATED_CONTACT,
					}),
				),
			// Contactship's 409 names no contact; the phone number it concerns finds it.
			findExisting: async () => {
				try {
					const found = await client.request({
						method: 'GET',
						path: apiPath`/v1/contacts/${phone}`,
						qs: { identifierType: 'phone_number' },
					});
					return readContact(found);
				} catch (error) {
					if (error instanceof NodeApiError && String(error.httpCode) === '404') return undefined;
					throw new NodeApiError(this.getNode(), error as JsonObject);
				}
			},
			identity: phone,
		});

		const contactId =
			contact.id === undefined || contact.id === null || contact.id === ''
				? undefined
				: String(contact.id);
		if (!contactId && request.tagIds.length) {
			throw new NodeOperationError(
				this.getNode(),
				`Contactship ${outcome === 'created' ? 'created' : 'found'} the contact but gave no ID for it, so its tags could not be added`,
				{
					itemIndex,
					description: `Add the tags to ${phone} in Contactship.`,
				},
			);
		}
		const appliedTags = await addTags(
			this,
			'Contactship',
			contactId ?? '',
			request.tagIds,
			async (tagId) => {
				await client.request({
					method: 'POST',
					path: apiPath`/v1/contacts/${contactId!}/tags/${tagId}`,
				});
			},
		);
		if (!call) return { ...contact, appliedTags, outcome };
		const started = await startCallAfterCreate(this, run, contactId, call, {
			appliedTags,
			outcome,
		});
		return { ...contact, appliedTags, outcome, call: started };
	},
};
