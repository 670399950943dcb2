/** Every node and credential this package ships, as n8n loads them. A new vendor adds its two lines here. */
import type { ICredentialType, INodeType } from 'n8n-workflow';

import { SalesCaptainApi } from '../../credentials/SalesCaptainApi.credentials';
import { SalesCaptain } from '../../nodes/SalesCaptain/SalesCaptain.node';
import { WipsyApi } from '../../credentials/WipsyApi.credentials';
import { Wipsy } from '../../nodes/Wipsy/Wipsy.node';

export const packageNodes: INodeType[] = [new SalesCaptain(), new Wipsy()];

export const packageCredentials: ICredentialType[] = [new SalesCaptainApi(), new WipsyApi()];
