import { createSdkLoader } from './sdk-loader.js';

/** @azure/communication-chat, downloaded on first use. */
export const loadChatSdk = createSdkLoader('ACS chat', () => import('@azure/communication-chat'));
