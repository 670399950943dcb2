import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { aboutContact, readContactLocator } from '../../../shared/contact';
import { getContactOption } from '../../../shared/fields';
import type { Operation, OperationRun } from '../../../shared/operations';
import { apiPath } from '../../../shared/transport';
import { contactField, contactOperationOptions, requireContactByPhone } from './find';
import { contactInAnswer } from './mapping';

export const get: Operation = {
	option: getContactOption,
	toolDescription:
		"Looks up one contact in Thoughtly and returns it (ID, name, phone number, email, tags, attributes). Give the contact's ID, or its phone number with its country code, such as +14155551234. Use it to check whether a person exists before creating them; never invent an ID.",
	properties: [contactField, contactOperationOptions],

	async execute(
		this: IExecuteFunctions,
		run: OperationRun,
		parameters: IDataObject,
	): Promise<IDataObject> {
		const ref = readContactLocator(parameters);
		if (ref.by === 'phone') return await requireContactByPhone(run.client, ref.value);
		const path = apiPath`/contact/${ref.value}`;
		return await aboutContact('Thoughtly', ref, async () =>
			contactInAnswer(
				await run.client.request({
					method: 'GET',
					path,
					expect: {
						what: 'a contact',
						matches: (body) => Object.keys(contactInAnswer(body)).length > 0,
					},
				}),
			),
		);
	},
};
