import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { runWithClient } from '../shared/execute';
import { withReadableErrors } from '../shared/lists';
import { contactCreateSelectors } from '../shared/properties';
import { wipsyApi, wipsyPacing } from './api';
import { contactCreator, createContactProperties } from './contact';
import { getCustomFields, getPipelineStages, getTags } from './lists';

export class Wipsy implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Wipsy',
		name: 'wipsy',
		icon: { light: 'file:wipsy.svg', dark: 'file:wipsy.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create contacts in Wipsy CRM',
		defaults: { name: 'Wipsy' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'wipsyApi', required: true }],
		properties: [...contactCreateSelectors, ...createContactProperties],
	};

	methods = {
		loadOptions: withReadableErrors({ getCustomFields, getPipelineStages, getTags }),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		// One create flow per run, so custom-field definitions are read once per run.
		const createContact = contactCreator();
		return await runWithClient(this, wipsyApi, wipsyPacing, async (client, itemIndex) =>
			createContact.call(this, client, itemIndex),
		);
	}
}
