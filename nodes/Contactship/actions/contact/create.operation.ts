import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { addTags, createOrUseExisting } from '../../../shared/contact';
import {
	createContactOption,
	emailField,
	fullNameField,
	phoneField,
	tagsField,
} from '../../../shared/fields';
import type { Operation, OperationRun } from '../../../shared/operations';
import { createOptions, readIfContactExists } from '../../../shared/properties';
import { apiPath } from '../../../shared/transport';
import { contactshipPacing } from '../../api';
import { additionalDataField, countryField, descriptionField } from './fields';
import {
	callAfterCreateFields,
	prepareCallAfterCreate,
	startCallAfterCreate,
} from '../call/afterCreate';
import { CREATED_CONTACT, readContact, toCreateContactRequest, toUpsertBody } from './mapping';
import { resolveTagIds } from '../tag/tags';
import { sendUpdate } from './update.operation';

export const create: Operation = {
	option: createContactOption,
	toolDescription:
		"Creates one contact in Contactship and returns it. Requires the contact's full name and phone number; the email is optional. Write the phone number with its country code, such as +12124567890; a number without one is read in the node's Default Country. Leave a field empty rather than guess it. IDs (company, tags, stages) are chosen in the node; never invent one. If the contact already exists, the existing contact may be returned or updated, as the node is set.",
	properties: [
		phoneField({
			required: true,
			placeholder: '+12124567890',
			description: 'It is sent in the +12124567890 form Contactship expects.',
		}),
		fullNameField({ required: true }),
		emailField(),
		countryField,
		descriptionField,
		tagsField('getTags', 'Tags added to the contact once it exists, one request per tag.'),
		additionalDataField(
			'Free-form fields stored with the contact; Contactship has no list of them to choose from',
		),
		...callAfterCreateFields,
		createOptions('Contactship', contactshipPacing, { canUpdate: true }),
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
		// A tag given by name is looked up before the create, so an unknown one creates nothing.
		const tagIds = await resolveTagIds(run, request.tagIds);
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
			// "Update Existing": the contact found by phone gets the item's fields, its data rows merged.
			updateExisting: async (existing) => {
				if (existing.id === undefined || existing.id === null || existing.id === '')
					throw new NodeOperationError(
						this.getNode(),
						`Contactship found the contact with ${phone} but gave no ID for it, so it could not be updated`,
						{ itemIndex, description: 'Nothing was changed. Update the contact in Contactship.' },
					);
				return await sendUpdate(
					this,
					client,
					{ by: 'phone', value: phone },
					String(existing.id),
					toUpsertBody(request.body, existing),
				);
			},
			identity: phone,
		});

		const contactId =
			contact.id === undefined || contact.id === null || contact.id === ''
				? undefined
				: String(contact.id);
		if (!contactId && tagIds.length) {
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
			tagIds,
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
