import { addTagOption } from '../../../shared/fields';
import { tagChangeOperation } from './change';

/** POST /v1/contacts/{contactId}/tags/{tagId}; a 409 (the contact has the tag) counts as added. */
export const addTags = tagChangeOperation({
	option: addTagOption,
	toolDescription:
		'Adds existing tags to one Contactship contact and returns the contact ID and the tags added. Point at the contact by its ID, email or phone number, as the chosen mode asks; give tags by name or ID as Contactship shows them. A tag the contact already has counts as added. Never invent a tag or an ID.',
	action: 'add',
	method: 'POST',
});
