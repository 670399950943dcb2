import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { aboutContact, DELETED } from '../../../shared/contact';
import { deleteContactOption } from '../../../shared/fields';
import type { Operation, OperationRun } from '../../../shared/operations';
import { operationOptions } from '../../../shared/properties';
import { apiPath } from '../../../shared/transport';
import { salesCaptainPacing } from '../../api';
import { companyField, contactField, readContactId } from '../common';
import { readCompany } from './mapping';

/** DELETE /v1/delete-contact/{company_id}/{contact_id}: seen in code that calls the live API (PRACTICE). */
export const deleteContact: Operation = {
	option: deleteContactOption,
	toolDescription:
		'Deletes one SalesCaptain contact by its ID (a UUID) and returns {deleted: true}. This cannot be undone: delete only the contact the user asked for, with an ID from an earlier search or create; never invent or guess one.',
	properties: [companyField, contactField, operationOptions('SalesCaptain', salesCaptainPacing)],

	async execute(
		this: IExecuteFunctions,
		run: OperationRun,
		parameters: IDataObject,
	): Promise<IDataObject> {
		const companyId = readCompany(parameters);
		const contactId = readContactId(parameters);
		await aboutContact('SalesCaptain', contactId, async () =>
			run.client.request({
				method: 'DELETE',
				path: apiPath`/v1/delete-contact/${companyId}/${contactId}`,
			}),
		);
		return { ...DELETED };
	},
};
