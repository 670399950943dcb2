import { removeTagOption } from '../../../shared/fields';
import { tagChangeOperation } from './change';

/**
 * DELETE /v1/contacts/{contactId}/tags/{tagId}: Contactship answers `true`; 404 when the
 * contact, the tag or the assignment is missing. The tag itself stays.
 */
export const removeTags = tagChangeOperation({
	option: removeTagOption,
	toolDescription:
		'Removes tags from one Contactship contact (the tags themselves stay) and returns the contact ID and the tags removed. Point at the contact by its ID, email or phone number, as the chosen mode asks; give tags by name or ID as Contactship shows them. Fails if the contact does not have a tag. Never invent a tag or an ID.',
	action: 'remove',
	method: 'DELETE',
});
