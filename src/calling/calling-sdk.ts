import { createSdkLoader } from '../core/sdk-loader.js';

/** @azure/communication-calling (about 1.8 MB gzip), downloaded on first use. */
export const loadCallingSdk = createSdkLoader('ACS calling', () => import('@azure/communication-calling'));
