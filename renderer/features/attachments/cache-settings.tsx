import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { AccountRuntime } from '../../runtime/account-runtime';
import { useRuntimes } from '../../runtime/runtime-context';
import { clearCache, usage, type CacheUsage } from '../../data';
import { useAppStore } from '../../state/app-store';
import { formatBytes } from './checks';
import './attachments.css';

const MIB = 1024 * 1024;

/** Attachment cache usage per account, with "clear cache". */
export function CacheSettings(): React.JSX.Element {
  const { t, i18n } = useTranslation('attachments');
  const runtimes = [...useRuntimes().values()];
  const capMb = useAppStore((state) => state.settings?.attachmentCacheCapMb ?? 1024);
  const [usages, setUsages] = useState<Record<string, CacheUsage>>({});
  const [notice, setNotice] = useState<string>();
  const size = (bytes: number): string => formatBytes(bytes, i18n.language);
  const used = runtimes.reduce((sum, runtime) => sum + (usages[runtime.account.id]?.bytes ?? 0), 0);

  return (
    <section className="cache-settings" aria-labelledby="cache-settings-title" data-testid="cache-settings">
      <h3 id="cache-settings-title">{t('cache.title')}</h3>
      <p>
        {t('cache.total', { used: size(used), cap: size(capMb * MIB) })}{' '}
        <meter min={0} max={capMb * MIB} value={used} aria-label={t('cache.cap', { cap: size(capMb * MIB) })} />
      </p>
      {runtimes.length === 0 ? (
        <p className="muted">{t('cache.none')}</p>
      ) : (
        <table className="cache-table">
          <thead>
            <tr>
              <th scope="col">{t('cache.domain')}</th>
              <th scope="col">{t('cache.used')}</th>
              <th scope="col">{t('cache.files')}</th>
              <th scope="col">{t('cache.pinned')}</th>
              <th scope="col">{t('cache.pending')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('cache.clear')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {runtimes.map((runtime) => (
              <CacheRow
                key={runtime.account.id}
                runtime={runtime}
                size={size}
                onUsage={(value) =>
                  setUsages((current) =>
                    current[value.accountId]?.bytes === value.bytes ? current : { ...current, [value.accountId]: value },
                  )
                }
                onCleared={(count) => setNotice(t('cache.cleared', { count, domain: runtime.account.domain }))}
              />
            ))}
          </tbody>
        </table>
      )}
      {notice && (
        <p className="muted" role="status">
          {notice}
        </p>
      )}
    </section>
  );
}

function CacheRow({
  runtime,
  size,
  onUsage,
  onCleared,
}: {
  runtime: AccountRuntime;
  size: (bytes: number) => string;
  onUsage: (value: CacheUsage) => void;
  onCleared: (count: number) => void;
}): React.JSX.Element {
  const { t } = useTranslation('attachments');
  const domain = runtime.account.domain;
  const current = useLiveQuery(async () => {
    const value = await usage(runtime.db);
    onUsage(value);
    return value;
  }, [runtime.db]);
  return (
    <tr data-testid={`cache-row-${domain}`}>
      <th scope="row">
        <span className="dot" aria-hidden="true" style={{ backgroundColor: runtime.account.color }} /> {domain}
      </th>
      <td>{current ? size(current.bytes) : '…'}</td>
      <td>{current?.files ?? '…'}</td>
      <td>{current ? size(current.pinnedBytes) : '…'}</td>
      <td>{current ? size(current.pendingUploadBytes) : '…'}</td>
      <td>
        <Button
          className="button"
          isDisabled={!current || current.files === 0}
          aria-label={t('cache.clearOf', { domain })}
          onPress={() => void clearCache(runtime.db).then(onCleared)}
        >
          {t('cache.clear')}
        </Button>
      </td>
    </tr>
  );
}
