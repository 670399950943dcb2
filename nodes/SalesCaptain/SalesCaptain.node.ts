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
import { salesCaptainApi, salesCaptainPacing } from './api';
import { searchContacts } from './methods/listSearch';
import { getCompanies, getCustomFields, getTags } from './methods/loadOptions';

export class SalesCaptain implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SalesCaptain',
		name: 'salesCaptain',
		icon: { light: 'file:salesCaptain.svg', dark: 'file:salesCaptain.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create, find, update, tag and delete contacts in SalesCaptain',
		defaults: { name: 'SalesCaptain' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'salesCaptainApi', required: true }],
		properties: describeResources(resources),
	};

	methods = {
		loadOptions: withReadableErrors({ getCompanies, getCustomFields, getTags }),
		listSearch: withReadableErrors({ searchContacts }),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperation(this, salesCaptainApi, salesCaptainPacing, resources);
	}
}
