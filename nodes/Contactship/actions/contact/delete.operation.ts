import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { aboutContact, DELETED, readContactLocator } from '../../../shared/contact';
import { deleteContactOption } from '../../../shared/fields';
import type { Operation, OperationRun } from '../../../shared/operations';
import { apiPath } from '../../../shared/transport';
import { contactField, contactIdOf, contactOperationOptions } from './lookup';

export const deleteContact: Operation = {
	option: deleteContactOption,
	toolDescription:
		'Deletes one Contactship contact for good. Give its ID, its email, or its phone number with country code, as the chosen mode asks. Only delete a contact the user clearly asked to delete; never invent an ID.',
	properties: [contactField, contactOperationOptions],

	async execute(
		this: IExecuteFunctions,
		run: OperationRun,
		parameters: IDataObject,
	): Promise<IDataObject> {
		const { client } = run;
		const ref = readContactLocator(parameters);
		const contactId = await contactIdOf(client, ref);
		// 204 and no body, as documented.
		const path = apiPath`/v1/contacts/${contactId}`;
		await aboutContact(
			'Contactship',
			ref,
			async () => await client.request({ method: 'DELETE', path }),
		);
		return { ...DELETED };
	},
};
