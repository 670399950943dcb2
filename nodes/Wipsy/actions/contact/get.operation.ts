import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { contactLocatorField, getContactOption } from '../../../shared/fields';
import type { Operation, OperationRun } from '../../../shared/operations';
import { operationOptions } from '../../../shared/properties';
import { CONTACT_SCAN_LIMIT, wipsyPacing } from '../../api';
import { contactFromAnswer, readContactId } from './read.mapping';

const UUID_PATTERN =
	'^\\s*[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\s*$';

function unknownContact(ctx: IExecuteFunctions, contactId: string, httpCode = '404'): NodeApiError {
	return new NodeApiError(ctx.getNode(), { message: 'Contact not found' } as JsonObject, {
		message: `Wipsy has no contact with ID ${contactId}`,
		description:
			'Check the ID (Create and Get Many output it as "id"), and that the credential opens the Wipsy account the contact is in.',
		httpCode,
	});
}

export const get: Operation = {
	option: getContactOption,
	toolDescription:
		'Gets one Wipsy contact by its ID (a UUID from an earlier result; never invent one) and returns it with its pipeline stage, tags and custom fields. To find a contact by name, email or phone, use Get Many and look through the newest contacts instead.',
	properties: [
		contactLocatorField({
			searchListMethod: 'searchContacts',
			idPlaceholder: 'e.g. 3f2c9a1e-8b7d-4c6a-9e5f-1a2b3c4d5e6f',
			idPattern: { regex: UUID_PATTERN, errorMessage: 'A Wipsy contact ID is a UUID' },
			description: `The contact: search the newest ${CONTACT_SCAN_LIMIT} by name, email or phone, or give its ID`,
		}),
		operationOptions('Wipsy', wipsyPacing),
	],

	async execute(
		this: IExecuteFunctions,
		run: OperationRun,
		parameters: IDataObject,
	): Promise<IDataObject> {
		const contactId = readContactId(parameters);
		let body: unknown;
		try {
			body = await run.client.request({
				method: 'GET',
				path: '/api-get-contacts',
				qs: { contactId },
			});
		} catch (error) {
			// Wipsy documents no 404 here; should it answer one, it is worded as the empty answer is.
			if (error instanceof NodeApiError && String(error.httpCode) === '404')
				throw unknownContact(this, contactId);
			// Hands the same NodeApiError on (the transport only throws those).
			throw new NodeApiError(this.getNode(), error as JsonObject);
		}
		const contact = contactFromAnswer(body, contactId);
		if (!contact) throw unknownContact(this, contactId);
		return contact;
	},
};
