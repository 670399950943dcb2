import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class ThoughtlyApi implements ICredentialType {
	name = 'thoughtlyApi';

	displayName = 'Thoughtly API';

	icon: Icon = {
		light: 'file:../nodes/Thoughtly/thoughtly.svg',
		dark: 'file:../nodes/Thoughtly/thoughtly.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-crm-contacts/n8n-nodes-crm-contacts#thoughtly-credential';

	properties: INodeProperties[] = [
		{
			displayName:
				'Find the API token and the Team ID on the Developer Settings page of the Thoughtly dashboard (app.thoughtly.com/settings/developer).',
			name: 'whereToFindKey',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'Your Thoughtly API token, shown under Settings → Developer in the Thoughtly dashboard',
		},
		{
			// Not masked: the team ID only says which team a request is for and is useless
			// without the token. Seeing it helps check that the right team is configured.
			displayName: 'Team ID',
			name: 'teamId',
			type: 'string',
			required: true,
			default: '',
			description:
				'The ID of the Thoughtly team to work in, shown on the same Developer settings page as the token',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.thoughtly.com',
			description: 'Change only to reach a test or proxy server',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'x-api-token': '={{$credentials.apiToken}}',
				team_id: '={{$credentials.teamId}}',
			},
		},
	};

	// Listing one agent needs both a valid token and a team the token belongs to.
	// A redirect is not followed: it would carry the key to the address it names.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/interview',
			qs: { limit: 1 },
			disableFollowRedirect: true,
		},
	};
}
