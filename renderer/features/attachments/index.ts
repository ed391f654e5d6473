export { AttachmentList } from './attachment-list';
export { AttachmentDropZone, type CheckedFile } from './attachment-drop-zone';
export { stageFilesForDraft, uploadFiles } from './upload';
export { checkFile, formatBytes, needsPiiScan, scanFileForPii } from './checks';
export { openCachedAttachment, downloadToCache, type OpenedAttachment } from './cache';
export { CacheSettings } from './cache-settings';
