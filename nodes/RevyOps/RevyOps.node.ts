import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { withReadableErrors } from '../shared/lists';
import { describeResources, runOperation } from '../shared/operations';
import { resources } from './actions/resources';
import { revyOpsApi, revyOpsPacing } from './api';
import { searchCompanies, searchContacts } from './methods/listSearch';
import { getCustomFieldNames } from './methods/loadOptions';

export class RevyOps implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'RevyOps',
		name: 'revyOps',
		icon: { light: 'file:revyOps.svg', dark: 'file:revyOps.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create, find and update contacts in RevyOps',
		defaults: { name: 'RevyOps' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'revyOpsApi', required: true }],
		properties: describeResources(resources),
	};

	methods = {
		loadOptions: withReadableErrors({ getCustomFieldNames }),
		listSearch: withReadableErrors({ searchCompanies, searchContacts }),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperation(this, revyOpsApi, revyOpsPacing, resources);
	}
}
