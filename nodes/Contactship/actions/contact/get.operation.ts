import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readContactLocator } from '../../../shared/contact';
import { getContactOption } from '../../../shared/fields';
import type { Operation, OperationRun } from '../../../shared/operations';
import { contactField, contactOperationOptions, getContact } from './lookup';

export const get: Operation = {
	option: getContactOption,
	toolDescription:
		'Gets one Contactship contact and returns it, or fails when there is none. Give its ID, its email, or its phone number with country code (such as +12124567890), as the chosen mode asks. Use it to check whether a person exists before creating them. Never invent an ID.',
	properties: [contactField, contactOperationOptions],

	async execute(
		this: IExecuteFunctions,
		run: OperationRun,
		parameters: IDataObject,
	): Promise<IDataObject> {
		return await getContact(run.client, readContactLocator(parameters));
	},
};
