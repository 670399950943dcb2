/** Every node and credential this package ships, as n8n loads them. A new vendor adds its two lines here. */
import type { ICredentialType, INodeType } from 'n8n-workflow';

import { ContactshipApi } from '../../credentials/ContactshipApi.credentials';
import { RevyOpsApi } from '../../credentials/RevyOpsApi.credentials';
import { SalesCaptainApi } from '../../credentials/SalesCaptainApi.credentials';
import { ThoughtlyApi } from '../../credentials/ThoughtlyApi.credentials';
import { WipsyApi } from '../../credentials/WipsyApi.credentials';
import { Contactship } from '../../nodes/Contactship/Contactship.node';
import { RevyOps } from '../../nodes/RevyOps/RevyOps.node';
import { SalesCaptain } from '../../nodes/SalesCaptain/SalesCaptain.node';
import { Thoughtly } from '../../nodes/Thoughtly/Thoughtly.node';
import { Wipsy } from '../../nodes/Wipsy/Wipsy.node';

export const packageNodes: INodeType[] = [new SalesCaptain(), new Contactship(), new RevyOps(), new Wipsy(), new Thoughtly()];

export const packageCredentials: ICredentialType[] = [
	new SalesCaptainApi(),
	new ContactshipApi(),
	new RevyOpsApi(),
	new WipsyApi(),
	new ThoughtlyApi(),
];
