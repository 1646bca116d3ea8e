import { COLLAB_PATH } from '@roundtable/contracts';

/** WebSocket base URL of the collaboration endpoint on the current origin (`/collab/<documentId>`). */
export function collabServerUrl(loc: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}${COLLAB_PATH}`;
}
