import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { aboutContact } from '../../../shared/contact';
import { getContactOption } from '../../../shared/fields';
import type { Operation, OperationRun } from '../../../shared/operations';
import { operationOptions } from '../../../shared/properties';
import { apiPath } from '../../../shared/transport';
import { salesCaptainPacing } from '../../api';
import { companyField, contactField, readContactId } from '../common';
import { A_CONTACT, contactOf, readCompany } from './mapping';

/** GET /v1/fetch-contact/{contact_id}: seen in code that calls the live API (PRACTICE), not in the reference. */
export const get: Operation = {
	option: getContactOption,
	toolDescription:
		'Reads one SalesCaptain contact by its ID (a UUID) and returns it. Use an ID from an earlier search or create; never invent one. To find a contact by name, phone or email, use the Get Many tool with a search instead.',
	properties: [companyField, contactField, operationOptions('SalesCaptain', salesCaptainPacing)],

	async execute(
		this: IExecuteFunctions,
		run: OperationRun,
		parameters: IDataObject,
	): Promise<IDataObject> {
		readCompany(parameters);
		const contactId = readContactId(parameters);
		return await aboutContact('SalesCaptain', contactId, async () =>
			contactOf(
				await run.client.request({
					method: 'GET',
					path: apiPath`/v1/fetch-contact/${contactId}`,
					expect: A_CONTACT,
				}),
			),
		);
	},
};
