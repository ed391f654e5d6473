import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OutboxEntry } from '../../../../shared/ipc';
import type { AttachmentRecord } from '../../../../renderer/data';
import { StagingProgress } from '../../../../renderer/features/attachments/attachment-list';
import { AttachmentRow, UploadRow } from '../../../../renderer/features/attachments/attachment-rows';
import { createI18n } from '../../../../renderer/i18n';
import { calls, fakeMain } from './fake-bridge';

// Component tests of the attachment list's parts (Testing Library over happy-dom), from props
// alone; main is the fake bridge.

const i18n = createI18n('en');
const t = i18n.t.bind(i18n);
const wrap = (node: React.ReactNode) => render(<I18nextProvider i18n={i18n}>{node}</I18nextProvider>);
afterEach(cleanup);
const size = (bytes: number): string => `${bytes} B`;

const upload = (status: OutboxEntry['status']): OutboxEntry => ({
  id: 'e1',
  accountId: 'acc1',
  seq: 1,
  createdAt: '2026-11-01T09:00:00Z',
  mutation: {
    kind: 'upload_attachment',
    caseRef: 'organizations/9/cases/1',
    stagedFileId: 's1',
    filename: 'headers.txt',
    mimeType: 'text/plain',
    sizeBytes: 1200,
  },
  status,
  attempts: 0,
});

describe('UploadRow', () => {
  it('a queued upload can be cancelled (its entry is discarded in main)', async () => {
    fakeMain(() => ({ id: 'e1', mutation: upload('queued').mutation }));
    wrap(<UploadRow entry={upload('queued')} progress={undefined} size={size} />);
    expect(screen.getByTestId('attachment-upload').textContent).toContain(t('attachments:state.queued'));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: t('attachments:cancelUploadOf', { name: 'headers.txt' }) }));
    });
    expect(calls).toEqual([{ channel: 'mutations.discard', request: { accountId: 'acc1', id: 'e1' } }]);
  });

  it('an upload being sent shows its progress and cannot be cancelled', () => {
    wrap(<UploadRow entry={upload('in_flight')} progress={{ sent: 600, total: 1200 }} size={size} />);
    const bar = screen.getByRole('progressbar') as HTMLProgressElement;
    expect([bar.value, bar.max]).toEqual([600, 1200]);
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('AttachmentRow', () => {
  const attachment: AttachmentRecord = {
    name: 'organizations/9/cases/1/attachments/a1',
    caseName: 'organizations/9/cases/1',
    filename: 'screenshot.png',
    mimeType: 'image/png',
    sizeBytes: 2048,
    createTime: '2026-11-01T09:00:00Z',
    createTimeMs: Date.parse('2026-11-01T09:00:00Z'),
    creatorEmail: 'it@wingtip-toys.example',
  };
  const handlers = () => ({ onDownload: vi.fn(), onOpen: vi.fn(), onSaveAs: vi.fn() });
  const date = (iso: string): string => iso.slice(0, 10);

  it('offline and not cached: nothing that needs the network can be pressed', () => {
    wrap(<AttachmentRow attachment={attachment} accountId="acc1" isCached={false} offline size={size} date={date} {...handlers()} />);
    const row = screen.getByTestId('attachment-row');
    expect(row.getAttribute('data-cached')).toBe('false');
    expect(
      (screen.getByRole('button', { name: t('attachments:file.openOf', { name: 'screenshot.png' }) }) as HTMLButtonElement).disabled,
    ).toBe(true);
    expect(
      screen.getByRole('button', { name: t('attachments:file.downloadOf', { name: 'screenshot.png' }) }).hasAttribute('disabled'),
    ).toBe(true);
    expect(row.textContent).toContain('it@wingtip-toys.example');
  });

  it('cached: marked as available offline, opens without a download', () => {
    const on = handlers();
    wrap(<AttachmentRow attachment={attachment} accountId="acc1" isCached offline={false} size={size} date={date} {...on} />);
    expect(screen.getByTestId('attachment-offline')).toBeTruthy();
    expect(screen.queryByRole('button', { name: t('attachments:file.downloadOf', { name: 'screenshot.png' }) })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: t('attachments:file.openOf', { name: 'screenshot.png' }) }));
    expect(on.onOpen).toHaveBeenCalledOnce();
  });
});

describe('StagingProgress', () => {
  it('names the files being read and how far it got', () => {
    wrap(<StagingProgress staging={{ names: ['a.txt', 'b.pdf'], sent: 250, total: 1000 }} size={size} />);
    const staging = screen.getByTestId('attachment-staging');
    expect(staging.textContent).toContain('a.txt, b.pdf');
    expect(staging.textContent).toContain('25%');
  });
});
