import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { runWithClient } from '../shared/execute';
import { withReadableErrors } from '../shared/lists';
import { contactCreateSelectors } from '../shared/properties';
import { salesCaptainApi, salesCaptainPacing } from './api';
import { contactCreator, createContactProperties } from './contact';
import { getCompanies, getCustomFields, getTags } from './lists';

export class SalesCaptain implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SalesCaptain',
		name: 'salesCaptain',
		icon: { light: 'file:salesCaptain.svg', dark: 'file:salesCaptain.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create contacts in SalesCaptain',
		defaults: { name: 'SalesCaptain' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'salesCaptainApi', required: true }],
		properties: [...contactCreateSelectors, ...createContactProperties],
	};

	methods = {
		loadOptions: withReadableErrors({ getCompanies, getCustomFields, getTags }),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const createContact = contactCreator();
		return await runWithClient(this, salesCaptainApi, salesCaptainPacing, async (client, itemIndex) =>
			createContact.call(this, client, itemIndex),
		);
	}
}
