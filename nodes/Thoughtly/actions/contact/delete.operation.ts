import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { aboutContact, DELETED, readContactLocator } from '../../../shared/contact';
import { deleteContactOption } from '../../../shared/fields';
import type { Operation, OperationRun } from '../../../shared/operations';
import { apiPath } from '../../../shared/transport';
import { contactField, contactIdFor, contactOperationOptions } from './find';

export const deleteContact: Operation = {
	option: deleteContactOption,
	toolDescription:
		"Deletes one contact from Thoughtly for good. Give the contact's ID, or its phone number with its country code, such as +14155551234. Only delete a contact the user asked to delete; never invent an ID.",
	properties: [contactField, contactOperationOptions],

	async execute(
		this: IExecuteFunctions,
		run: OperationRun,
		parameters: IDataObject,
	): Promise<IDataObject> {
		const ref = readContactLocator(parameters);
		const id = await contactIdFor(run.client, ref);
		const path = apiPath`/contact/${id}`;
		await aboutContact('Thoughtly', id, async () => run.client.request({ method: 'DELETE', path }));
		return DELETED;
	},
};
