import { removeTagOption } from '../../../shared/fields';
import { apiPath } from '../../../shared/transport';
import { tagChangeOperation } from './change';

/**
 * DELETE /v1/remove-tag-from-contact/{company_id}: the endpoint is seen in code that calls the
 * live API (PRACTICE); its body, `{contact_id, tag_id}` as add takes it, is an ASSUMPTION.
 */
export const removeTag = tagChangeOperation({
	option: removeTagOption,
	toolDescription:
		'Removes tags from an existing SalesCaptain contact and returns {contactId, removedTags}. Needs the contact ID (a UUID) from an earlier search or create; never invent one. Tags are given by their names as shown in SalesCaptain (any case) or their IDs; a name the company does not have fails.',
	action: 'remove',
	async send(run, companyId, contactId, tagId) {
		await run.client.request({
			method: 'DELETE',
			path: apiPath`/v1/remove-tag-from-contact/${companyId}`,
			body: { contact_id: contactId, tag_id: tagId },
		});
	},
});
