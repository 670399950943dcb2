import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class WipsyApi implements ICredentialType {
	name = 'wipsyApi';

	displayName = 'Wipsy API';

	icon: Icon = {
		light: 'file:../nodes/Wipsy/wipsy.svg',
		dark: 'file:../nodes/Wipsy/wipsy.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-crm-contacts/n8n-nodes-crm-contacts#wipsy-credential';

	properties: INodeProperties[] = [
		{
			displayName: "Find your API key in your Wipsy CRM account's API settings.",
			name: 'whereToFindKey',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'The API key of your Wipsy CRM account, sent in the x-api-key header',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.getwipsy.com/functions/v1',
			description: 'Change only to reach a test or proxy server',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { 'x-api-key': '={{$credentials.apiKey}}' },
		},
	};

	// Listing one contact needs a valid key and creates nothing.
	// A redirect is not followed: it would carry the key to the address it names.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/api-get-contacts',
			qs: { limit: 1 },
			disableFollowRedirect: true,
		},
	};
}
