import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { ContactLocatorMode } from './fields';
import type { IfContactExists } from './properties';
import { changeTags } from './tags';
import type { ExpectedAnswer } from './transport';
import type { Country } from './countries';
import { checkEmail, InputError, readDefaultCountry, requireText, toE164 } from './validate';

/** Tells users, in every node's output, whether the node made the contact, found it or updated it. */
export type Outcome = 'created' | 'existing' | 'updated';

/**
 * A create answer that holds the new contact: `read` finds the contact in the body (the
 * vendor's documented place), and it carries an ID under `idKey`. Anything else, though
 * answered with a 2xx, fails the item instead of being output as created.
 */
export function contactWithId(read: (body: unknown) => IDataObject, idKey: string): ExpectedAnswer {
	return {
		what: 'a contact',
		matches: (body) => {
			const id = read(body)?.[idKey];
			return (
				(typeof id === 'string' && id.trim() !== '') ||
				(typeof id === 'number' && Number.isFinite(id))
			);
		},
	};
}

const DUPLICATE_ADVICE =
	'The contact already exists. Set "If Contact Exists" to "Return Existing" in the node options to output the existing contact instead.';

function isConflict(error: unknown): error is NodeApiError {
	return error instanceof NodeApiError && String(error.httpCode) === '409';
}

/** How Contact → Create meets a contact that already exists. */
export interface CreateOrUseExisting {
	ifContactExists: IfContactExists;
	/** Sends the create request (once) and reads the new contact. */
	create: () => Promise<IDataObject>;
	/** Finds the contact the vendor called a duplicate, given its answer (which may name it). */
	findExisting: (duplicate: NodeApiError) => Promise<IDataObject | undefined>;
	/** "Update Existing": updates the contact found with the item's fields and reads it back. */
	updateExisting?: (existing: IDataObject) => Promise<IDataObject>;
	/** What the contact is known by in messages (its phone or email). */
	identity: string;
	/** For vendors that report duplicates otherwise than with a 409. */
	isDuplicate?: (error: NodeApiError) => boolean;
}

/**
 * Creates a contact; when the vendor reports a duplicate and the user chose "Return Existing"
 * or "Update Existing", looks the contact up instead (and updates it). The create request is
 * never sent twice, so an item makes one contact at most.
 */
export async function createOrUseExisting(
	ctx: IExecuteFunctions,
	how: CreateOrUseExisting,
): Promise<{ contact: IDataObject; outcome: Outcome }> {
	const isDuplicate = how.isDuplicate ?? isConflict;
	try {
		return { contact: await how.create(), outcome: 'created' };
	} catch (error) {
		if (!(error instanceof NodeApiError))
			throw new NodeOperationError(ctx.getNode(), error as Error);
		// NodeApiError hands an already wrapped error back unchanged.
		if (how.ifContactExists === 'fail' || !isDuplicate(error)) {
			const failure = new NodeApiError(ctx.getNode(), error as unknown as JsonObject);
			// A 409 already says how to fix it; a duplicate reported another way (inside a 200) would read as a generic refusal.
			if (isDuplicate(error) && !isConflict(error)) failure.description = DUPLICATE_ADVICE;
			throw failure;
		}
		const existing = await how.findExisting(error);
		if (!existing) {
			throw new NodeApiError(ctx.getNode(), { message: error.message } as JsonObject, {
				message: `${error.message}; but no existing contact matching ${how.identity} was found to return`,
				description:
					'The vendor reported a duplicate that its search does not show. Check the contact in the vendor app.',
				httpCode: error.httpCode ?? '409',
			});
		}
		if (how.ifContactExists === 'updateExisting' && how.updateExisting) {
			return { contact: await how.updateExisting(existing), outcome: 'updated' };
		}
		return { contact: existing, outcome: 'existing' };
	}
}

/**
 * Adds tags one by one after the contact exists (the vendors cannot tag on create). If one
 * fails, the error says the contact is saved, so it is never created again.
 */
export async function addTags(
	ctx: IExecuteFunctions,
	vendor: string,
	contactId: string,
	tagIds: string[],
	addTag: (tagId: string) => Promise<void>,
): Promise<string[]> {
	return await changeTags(ctx, {
		action: 'add',
		contactId,
		tagIds,
		send: addTag,
		explain: ({ tagId, reason }) => ({
			message: `Contact ${contactId} is saved in ${vendor}, but tag ${tagId} could not be added: ${reason}`,
			description: `The contact exists. Add the remaining tags in ${vendor}, or run this item again with "If Contact Exists" set to "Return Existing".`,
		}),
	});
}

/** The contact a `contactLocatorField` points at: how, and the value checked for that mode. */
export interface ContactRef {
	by: Exclude<ContactLocatorMode, 'list'>;
	value: string;
}

const REF_WORDS: Record<ContactRef['by'], string> = {
	id: 'ID',
	email: 'email',
	phone: 'phone number',
};

/** "ID 3f2c…", "email ana@example.com": how a message names the contact. */
export function describeRef(ref: ContactRef): string {
	return `${REF_WORDS[ref.by]} ${ref.value}`;
}

/**
 * A 404 restated to name what is missing, e.g. `(said) => \`Acme has no contact with ID 7
 * (${said})\``, with the vendor's words kept; any other failure is passed on unchanged.
 */
export function namingMissing(
	error: unknown,
	vendor: string,
	message: (said: string) => string,
	description: string,
): unknown {
	if (!(error instanceof NodeApiError) || String(error.httpCode) !== '404') return error;
	const said = error.message.replace(`${vendor} answered 404: `, '');
	const missing = new NodeApiError(error.node, { message: said } as JsonObject, {
		message: message(said),
		description,
		httpCode: '404',
	});
	// n8n rewrites a message naming an error code it knows (ECONNRESET, …): keep ours.
	missing.message = message(said);
	return missing;
}

/**
 * Runs a request about one contact (given by its ref, or its ID); a 404 names the contact,
 * since the vendors' own words ("Contact not found") do not say which.
 */
export async function aboutContact<T>(
	vendor: string,
	contact: ContactRef | string,
	send: () => Promise<T>,
): Promise<T> {
	const ref: ContactRef = typeof contact === 'string' ? { by: 'id', value: contact } : contact;
	try {
		return await send();
	} catch (error) {
		throw namingMissing(
			error,
			vendor,
			(said) => `${vendor} has no contact with ${describeRef(ref)} (${said})`,
			`Check the contact in ${vendor}, or pick it from the list: it may have been deleted. Nothing was changed.`,
		);
	}
}

/**
 * Reads the `contact` locator (or a plain ID given by expression): an email or phone number is
 * checked as on create, so a bad one fails before anything is sent.
 */
export function readContactRef(locator: unknown, defaultCountry?: Country): ContactRef {
	const { mode, value } =
		locator !== null && typeof locator === 'object'
			? (locator as { mode?: string; value?: unknown })
			: { mode: 'id', value: locator };
	if (mode === 'email')
		return { by: 'email', value: checkEmail(requireText(value, 'Contact email')) };
	if (mode === 'phone')
		return {
			by: 'phone',
			value: toE164(
				requireText(value, 'Contact phone number'),
				'Contact phone number',
				defaultCountry,
			),
		};
	return { by: 'id', value: requireText(value, 'Contact') };
}

/** An item's `contact` locator, checked; a phone number without country code is read in Options → Default Country. */
export function readContactLocator(parameters: IDataObject): ContactRef {
	return readContactRef(parameters.contact, readDefaultCountry(parameters));
}

/** Get Many's Return All and Limit: how many records to read at most; undefined for all. */
export function readLimit(parameters: IDataObject): number | undefined {
	if (parameters.returnAll === true) return undefined;
	const limit = Number(parameters.limit ?? 50);
	if (!Number.isInteger(limit) || limit < 1)
		throw new InputError(
			`Limit must be a whole number of at least 1, not ${String(parameters.limit)}`,
		);
	return limit;
}

/** What Delete outputs for each contact deleted, as n8n's own nodes do. */
export const DELETED: IDataObject = { deleted: true };

/** An update with no field to change fails before anything is sent. */
export function requireChanges(body: IDataObject, fields: string): IDataObject {
	if (Object.keys(body).length === 0)
		throw new InputError(
			'Nothing to update: every field is empty',
			`Fill at least one of ${fields}. Empty fields leave the contact's values as they are.`,
		);
	return body;
}
