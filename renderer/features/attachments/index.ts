export { AttachmentList } from './attachment-list';
export { AttachmentDropZone, type CheckedFile } from './attachment-drop-zone';
export { uploadFiles } from './upload';
export { openCachedAttachment, downloadToCache, type OpenedAttachment } from './cache';
export { CacheSettings } from './cache-settings';
