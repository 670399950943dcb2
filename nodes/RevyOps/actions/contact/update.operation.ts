import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	emailField,
	firstNameField,
	lastNameField,
	updateContactOption,
} from '../../../shared/fields';
import type { Operation, OperationRun } from '../../../shared/operations';
import { operationOptions } from '../../../shared/properties';
import { revyOpsPacing } from '../../api';
import {
	additionalFieldsField,
	companyField,
	linkedinUrlField,
	revyOpsCustomFieldsField,
	withResponseStructure,
} from './fields';
import { revyOpsContactField } from './get.operation';
import { toUpdateContactRequest } from './mapping';
import { updateContact } from './requests';

const LEAVE_AS_IS = 'Leave empty to keep the current value.';

export const update: Operation = {
	option: updateContactOption,
	toolDescription:
		"Changes fields of one existing RevyOps contact, given its ID (a whole number from an earlier result; never invent one), and returns the updated contact. Only the fields given change: leave every other field empty. Custom fields are set by name; the contact's other custom fields stay. At least one field must be given.",
	properties: [
		revyOpsContactField,
		companyField(
			`The company the contact works at: pick it, give its ID, or a domain RevyOps resolves. ${LEAVE_AS_IS}`,
		),
		emailField({ description: `The contact's new email. ${LEAVE_AS_IS}` }),
		{
			...linkedinUrlField,
			description: `New address of the contact's LinkedIn profile. ${LEAVE_AS_IS}`,
		},
		firstNameField({ description: LEAVE_AS_IS }),
		lastNameField({ description: LEAVE_AS_IS }),
		revyOpsCustomFieldsField(
			"Sets the fields named here; the contact's other custom fields keep their values. RevyOps documents custom fields for create only: the node sends them on update the same way, which is an assumption (see the README).",
		),
		additionalFieldsField,
		withResponseStructure(operationOptions('RevyOps', revyOpsPacing)),
	],

	async execute(
		this: IExecuteFunctions,
		run: OperationRun,
		parameters: IDataObject,
	): Promise<IDataObject> {
		return await updateContact(this, run.client, toUpdateContactRequest(parameters));
	},
};
