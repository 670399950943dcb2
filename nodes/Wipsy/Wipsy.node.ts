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
import { wipsyApi, wipsyPacing } from './api';
import { searchContacts } from './methods/listSearch';
import { getCustomFields, getPipelineStages, getTags } from './methods/loadOptions';

export class Wipsy implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Wipsy',
		name: 'wipsy',
		icon: { light: 'file:wipsy.svg', dark: 'file:wipsy.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create and find contacts in Wipsy CRM',
		defaults: { name: 'Wipsy' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'wipsyApi', required: true }],
		properties: describeResources(resources),
	};

	methods = {
		loadOptions: withReadableErrors({ getCustomFields, getPipelineStages, getTags }),
		listSearch: withReadableErrors({ searchContacts }),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperation(this, wipsyApi, wipsyPacing, resources);
	}
}
