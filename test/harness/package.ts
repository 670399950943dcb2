/** Every node and credential this package ships, as n8n loads them. A new vendor adds its two lines here. */
import type { ICredentialType, INodeType } from 'n8n-workflow';

import { ContactshipApi } from '../../credentials/ContactshipApi.credentials';
import { RevyOpsApi } from '../../credentials/RevyOpsApi.credentials';
import { SalesCaptainApi } from '../../credentials/SalesCaptainApi.credentials';
import { Contactship } from '../../nodes/Contactship/Contactship.node';
import { RevyOps } from '../../nodes/RevyOps/RevyOps.node';
import { SalesCaptain } from '../../nodes/SalesCaptain/SalesCaptain.node';

export const packageNodes: INodeType[] = [new SalesCaptain(), new Contactship(), new RevyOps()];

export const packageCredentials: ICredentialType[] = [new SalesCaptainApi(), new ContactshipApi(), new RevyOpsApi()];
