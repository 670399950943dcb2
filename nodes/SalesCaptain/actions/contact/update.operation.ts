import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { aboutContact } from '../../../shared/contact';
import { emailField, fullNameField, phoneField, updateContactOption } from '../../../shared/fields';
import type { Operation, OperationRun } from '../../../shared/operations';
import { defaultCountryOption, operationOptions } from '../../../shared/properties';
import { apiPath } from '../../../shared/transport';
import { salesCaptainPacing } from '../../api';
import {
	asNodeError,
	companyField,
	contactField,
	customFieldDefinitions,
	customFieldsProperty,
	readContactId,
} from '../common';
import { A_CONTACT, checkCustomFieldValues, contactOf, toUpdateContactBody } from './mapping';

/**
 * Sends PUT /v1/update-contact/{contact_id} (custom-field values checked against their types
 * first) and outputs the contact. Its answer is not documented: when it holds no contact, the
 * contact is read back with fetch-contact.
 */
export async function updateContact(
	ctx: IExecuteFunctions,
	run: OperationRun,
	contactId: string,
	body: IDataObject,
): Promise<IDataObject> {
	const checked = { ...body };
	if (Array.isArray(checked.custom_fields)) {
		const definitions = await customFieldDefinitions(run, String(checked.company_id));
		checked.custom_fields = checkCustomFieldValues(
			checked.custom_fields as IDataObject[],
			definitions,
		);
	}
	const answer = await aboutContact('SalesCaptain', contactId, async () =>
		run.client.request({
			method: 'PUT',
			path: apiPath`/v1/update-contact/${contactId}`,
			body: checked,
		}),
	);
	if (A_CONTACT.matches(answer)) return contactOf(answer);
	try {
		return contactOf(
			await run.client.request({
				method: 'GET',
				path: apiPath`/v1/fetch-contact/${contactId}`,
				expect: A_CONTACT,
			}),
		);
	} catch (error) {
		// The update is done: the failure must not read as if it were not.
		const cause = asNodeError(ctx, error);
		throw new NodeApiError(ctx.getNode(), { message: cause.message } as JsonObject, {
			message: `Contact ${contactId} is updated in SalesCaptain, but reading it back failed: ${cause.message}`,
			description: 'The update took effect; do not run this item again to repeat it.',
			httpCode: cause instanceof NodeApiError ? (cause.httpCode ?? undefined) : undefined,
		});
	}
}

export const update: Operation = {
	option: updateContactOption,
	toolDescription:
		'Changes an existing SalesCaptain contact and returns it. Needs the contact ID (a UUID) from an earlier search or create; never invent one. Give only the fields to change: an empty field leaves the stored value as it is. Write a phone number with its country code, such as +14155551234.',
	properties: [
		companyField,
		contactField,
		fullNameField({ placeholder: 'John Doe', description: 'New full name; empty keeps it' }),
		phoneField({ description: 'Empty keeps the stored number.' }),
		emailField({ description: 'New email; empty keeps it (use Fields to Clear to remove it)' }),
		customFieldsProperty(
			'Values to set; custom fields not listed here keep their values. A value is checked against its field type before sending.',
		),
		operationOptions('SalesCaptain', salesCaptainPacing, [
			defaultCountryOption,
			{
				displayName: 'Fields to Clear',
				name: 'clearFields',
				type: 'multiOptions',
				options: [{ name: 'Email', value: 'email' }],
				default: [],
				description:
					'Fields whose stored value is removed. SalesCaptain documents removing only the email (it reads an empty email as "remove"); an empty field in this node otherwise leaves the value as it is.',
			},
		]),
	],

	async execute(
		this: IExecuteFunctions,
		run: OperationRun,
		parameters: IDataObject,
	): Promise<IDataObject> {
		const body = toUpdateContactBody(parameters);
		return await updateContact(this, run, readContactId(parameters), body);
	},
};
