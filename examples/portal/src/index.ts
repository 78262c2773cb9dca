/**
 * The demo government service portal on the Kuaiban engine.
 *
 * @packageDocumentation
 */
export { createPortal } from './createPortal.js';
export type { PortalOptions } from './createPortal.js';
export { demoItems, foodBusinessPermit, streetVendorFiling } from './items.js';
export { PortalUserSchema, demoUsers } from './demoUsers.js';
export type { PortalUser } from './demoUsers.js';
export { TokenPayloadSchema, signToken, verifyToken } from './portalToken.js';
export type { TokenPayload } from './portalToken.js';
export { statusOf } from './httpErrors.js';
export { escapeHtml, markup } from './html.js';
export { caseSheet } from './caseSheet.js';
export type { CaseSheet } from './caseSheet.js';
