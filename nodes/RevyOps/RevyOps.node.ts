import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { runWithClient } from '../shared/execute';
import { withReadableErrors } from '../shared/lists';
import { contactCreateSelectors } from '../shared/properties';
import { revyOpsApi, revyOpsPacing } from './api';
import { createContact, createContactProperties } from './contact';
import { getCustomFieldNames, searchCompanies } from './lists';

export class RevyOps implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'RevyOps',
		name: 'revyOps',
		icon: { light: 'file:revyOps.svg', dark: 'file:revyOps.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create contacts in RevyOps',
		defaults: { name: 'RevyOps' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'revyOpsApi', required: true }],
		properties: [...contactCreateSelectors, ...createContactProperties],
	};

	methods = {
		loadOptions: withReadableErrors({ getCustomFieldNames }),
		listSearch: withReadableErrors({ searchCompanies }),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runWithClient(this, revyOpsApi, revyOpsPacing, async (client, itemIndex) =>
			createContact.call(this, client, itemIndex),
		);
	}
}
