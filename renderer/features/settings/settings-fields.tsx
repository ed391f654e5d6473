import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { LockableSetting, Settings } from '../../../shared/ipc';
import { getBridgeClient } from '../../platform';
import { useAppStore } from '../../state/app-store';
import { useLock } from './policy-store';

/** Saves a settings patch and reports the outcome to the view's status line. */
export type SaveSetting = (patch: Partial<Settings>) => void;

export const SaveContext = createContext<SaveSetting>((patch) => createSave(() => undefined)(patch));
export const useSave = (): SaveSetting => useContext(SaveContext);

export function createSave(report: (outcome: { saved: boolean; error?: string }) => void): SaveSetting {
  return (patch) => {
    getBridgeClient()
      .invoke('settings.set', patch)
      .then(() => report({ saved: true }))
      .catch((reason: unknown) => report({ saved: false, error: reason instanceof Error ? reason.message : String(reason) }));
  };
}

/** "Set by your organisation" under a locked field. */
export function LockedNote({ setting, id }: { setting: LockableSetting; id: string }): React.JSX.Element | null {
  const { t } = useTranslation('settings');
  const { locked, organisation } = useLock(setting);
  if (!locked) return null;
  return (
    <span className="locked-note muted" id={id} data-testid={`locked-${setting}`}>
      {organisation ? t('lockedBy', { name: organisation }) : t('locked')}
    </span>
  );
}

type NumberKey = 'syncIntervalMinutes' | 'attachmentCacheCapMb' | 'eagerDownloadMaxMb';

export function NumberField({
  setting,
  label,
  min,
  max,
}: {
  setting: NumberKey;
  label: string;
  min: number;
  max: number;
}): React.JSX.Element | null {
  const { t } = useTranslation();
  const save = useSave();
  const settings = useAppStore((state) => state.settings);
  const lockable = setting === 'attachmentCacheCapMb' ? setting : undefined;
  const { locked } = useLock(lockable ?? 'updateChannel');
  const isLocked = lockable !== undefined && locked;
  if (!settings) return null;
  return (
    <label className="field">
      {t(label)}
      <input
        type="number"
        min={min}
        max={max}
        key={settings[setting]}
        defaultValue={settings[setting]}
        disabled={isLocked}
        aria-describedby={isLocked ? `locked-${setting}` : undefined}
        data-testid={`setting-${setting}`}
        onBlur={(event) => event.target.validity.valid && save({ [setting]: Number(event.target.value) })}
      />
      {lockable && <LockedNote setting={lockable} id={`locked-${setting}`} />}
    </label>
  );
}
