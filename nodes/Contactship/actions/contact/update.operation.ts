import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { ContactRef } from '../../../shared/contact';
import { aboutContact, readContactLocator } from '../../../shared/contact';
import { emailField, fullNameField, phoneField, updateContactOption } from '../../../shared/fields';
import type { Operation, OperationRun } from '../../../shared/operations';
import type { ApiClient } from '../../../shared/transport';
import { apiPath } from '../../../shared/transport';
import { additionalDataField, countryField, descriptionField } from './fields';
import { contactField, contactOperationOptions, getContact } from './lookup';
import {
	CREATED_CONTACT,
	mergeAdditionalData,
	readContact,
	toUpdateContactRequest,
} from './mapping';

/**
 * PATCH /v1/contacts/{contactId} and the updated contact it answers. A 409 (the new phone
 * number is another contact's) and a 404 are reported in words that fit an update.
 */
export async function sendUpdate(
	ctx: IExecuteFunctions,
	client: ApiClient,
	ref: ContactRef,
	contactId: string,
	body: IDataObject,
): Promise<IDataObject> {
	const path = apiPath`/v1/contacts/${contactId}`;
	try {
		return await aboutContact('Contactship', ref, async () =>
			readContact(
				await client.request({
					method: 'PATCH',
					path,
					body,
					expect: CREATED_CONTACT,
				}),
			),
		);
	} catch (error) {
		if (!(error instanceof NodeApiError) || String(error.httpCode) !== '409')
			throw new NodeApiError(ctx.getNode(), error as JsonObject);
		throw new NodeApiError(ctx.getNode(), { message: error.message } as JsonObject, {
			message: `Contactship did not update contact ${contactId}: the phone number ${String(body.phone_number ?? '')} belongs to another contact (${error.message})`,
			description:
				'Nothing was changed. Give another phone number, or change or delete the other contact first (Get finds it by phone number).',
			httpCode: '409',
		});
	}
}

export const update: Operation = {
	option: updateContactOption,
	toolDescription:
		"Changes fields of one existing Contactship contact and returns the updated contact. Point at the contact by its ID, email or phone number, as the chosen mode asks. Fill only the fields to change; empty fields keep the contact's values, and Additional Data fields given are merged into the stored ones (others are kept). Write a phone number with its country code, such as +12124567890. Never invent an ID.",
	properties: [
		contactField,
		phoneField({
			placeholder: '+12124567890',
			description: 'Empty: unchanged. Contactship refuses a number another contact already has.',
		}),
		fullNameField({ description: 'Empty: unchanged' }),
		emailField({ description: 'Empty: unchanged' }),
		{ ...countryField, description: `${countryField.description}. Empty: unchanged.` },
		{ ...descriptionField, description: `${descriptionField.description}. Empty: unchanged.` },
		additionalDataField(
			'Data fields to set. Contactship replaces the whole list on an update, so the node reads the stored fields first and sends them back with these merged in: a field given here replaces the stored one of the same name, other stored fields are kept.',
		),
		contactOperationOptions,
	],

	async execute(
		this: IExecuteFunctions,
		run: OperationRun,
		parameters: IDataObject,
	): Promise<IDataObject> {
		const { client } = run;
		// Checked before anything is sent: an empty update or a bad value fails here.
		const request = toUpdateContactRequest(parameters);
		const ref = readContactLocator(parameters);
		if (ref.by === 'id' && request.additionalData.length === 0)
			return await sendUpdate(this, client, ref, ref.value, request.body);
		// The stored contact: its ID (given by email or phone) and the data fields to keep.
		const stored = await getContact(client, ref);
		const body = request.additionalData.length
			? {
					...request.body,
					additional_data: mergeAdditionalData(stored.additional_data, request.additionalData),
				}
			: request.body;
		return await sendUpdate(this, client, ref, String(stored.id), body);
	},
};
