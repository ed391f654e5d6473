export { SettingsView, settingsSections, type SettingsSection } from './settings-view';
export { GoogleClientForm } from './google-client-form';
export { HelpMenu } from './help-menu';
export { UpdateBanner } from './updates';
export { usePolicy } from './policy-store';
export { SaveContext, createSave } from './settings-fields';
