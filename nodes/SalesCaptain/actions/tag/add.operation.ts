import { addTagOption } from '../../../shared/fields';
import { apiPath } from '../../../shared/transport';
import { tagChangeOperation } from './change';

/** POST /v1/add-tag-to-contact/{company_id} with `{contact_id, tag_id}` (FACT). */
export const addTag = tagChangeOperation({
	option: addTagOption,
	toolDescription:
		'Adds tags to an existing SalesCaptain contact and returns {contactId, appliedTags}. Needs the contact ID (a UUID) from an earlier search or create; never invent one. Tags are given by their names as shown in SalesCaptain (any case) or their IDs; a name the company does not have fails. A tag the contact already has counts as added.',
	action: 'add',
	async send(run, companyId, contactId, tagId) {
		// A 409 (the contact has this tag already) counts as added.
		await run.client.request({
			method: 'POST',
			path: apiPath`/v1/add-tag-to-contact/${companyId}`,
			body: { contact_id: contactId, tag_id: tagId },
		});
	},
});
