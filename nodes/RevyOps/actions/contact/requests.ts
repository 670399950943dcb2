/** RevyOps' contact requests that several operations send, with their failures explained. */
import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { ApiClient } from '../../../shared/transport';
import type { CompanyRef, ResponseStructure } from './mapping';
import { A_CONTACT, createdContact } from './mapping';

export const CONTACTS_PATH = '/public/v2/contacts';

export const contactPath = (contactId: number) => `${CONTACTS_PATH}/${contactId}`;

/** Adds the company to the vendor's 404/401 messages, which do not say which company they mean. */
export function explainCompanyError(error: NodeApiError, company: CompanyRef | undefined): void {
	if (!company) return;
	const status = String(error.httpCode);
	if (status === '404') {
		error.message = `${error.message} (company ${company.label})`;
		error.description =
			typeof company.value === 'number'
				? `RevyOps has no company with ID ${company.value}. Pick the company from the list, or give its domain instead.`
				: `RevyOps could not resolve the domain ${company.value} to a company. Check the domain, or pick the company from the list.`;
	} else if (status === '401') {
		error.message = `${error.message} (company ${company.label})`;
		error.description =
			"The company belongs to another RevyOps client (workspace) than the credential opens. Pick the company from the list, which shows only this workspace's companies, or use the credential of the company's workspace.";
	}
}

/** Names the contact in a 404 on /contacts/{id}, which RevyOps words without the ID. */
function explainUnknownContact(error: NodeApiError, contactId: number): void {
	error.message = `${error.message} (contact ID ${contactId})`;
	error.description = `RevyOps has no contact with ID ${contactId} in the workspace the credential opens. Pick the contact from the list, or take its ID from Get Many's "id".`;
}

/** The vendor's error, explained, as the NodeApiError the executor reports for the item. */
function explained(
	ctx: IExecuteFunctions,
	error: unknown,
	explain: (error: NodeApiError) => void,
): NodeApiError {
	if (error instanceof NodeApiError) explain(error);
	// Hands the same NodeApiError on (the transport only throws those).
	return new NodeApiError(ctx.getNode(), error as JsonObject);
}

/** GET /public/v2/contacts/{id}: the contact, or a 404 that names the ID. */
export async function getContact(
	ctx: IExecuteFunctions,
	client: ApiClient,
	contactId: number,
	structure: ResponseStructure,
): Promise<IDataObject> {
	try {
		return createdContact(
			await client.request({
				method: 'GET',
				path: contactPath(contactId),
				qs: { structure },
				expect: A_CONTACT,
			}),
		);
	} catch (error) {
		throw explained(ctx, error, (apiError) => {
			if (String(apiError.httpCode) === '404') explainUnknownContact(apiError, contactId);
		});
	}
}

/**
 * PATCH /public/v2/contacts/{contact_id}: sets the fields in `body` and answers the contact.
 * A 404 is the contact's unless RevyOps speaks of the company (which may be unknown too).
 */
export async function updateContact(
	ctx: IExecuteFunctions,
	client: ApiClient,
	request: {
		contactId: number;
		body: IDataObject;
		structure: ResponseStructure;
		company?: CompanyRef;
	},
): Promise<IDataObject> {
	const { contactId, body, structure, company } = request;
	try {
		return createdContact(
			await client.request({
				method: 'PATCH',
				path: contactPath(contactId),
				qs: { structure },
				body,
				expect: A_CONTACT,
			}),
		);
	} catch (error) {
		throw explained(ctx, error, (apiError) => {
			const status = String(apiError.httpCode);
			const aboutCompany = company && (status === '401' || /compan/i.test(apiError.message));
			if (aboutCompany) explainCompanyError(apiError, company);
			else if (status === '404') explainUnknownContact(apiError, contactId);
		});
	}
}
