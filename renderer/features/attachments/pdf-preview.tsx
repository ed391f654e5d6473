import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GlobalWorkerOptions, getDocument } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

// PDFs are drawn by a bundled pdf.js onto canvases in the app's own page. Why not Chromium's
// viewer: the CSP's `object-src 'none'` blocks <object>/<embed>, Chromium refuses its PDF
// plugin inside a sandboxed iframe, and an unsandboxed frame on a blob: URL would run the
// viewer with the app's origin. pdf.js needs nothing the CSP forbids: its worker is a file of
// the app ('self'), it uses no eval, WebAssembly is off (the CSP has no 'wasm-unsafe-eval'; pdf.js
// falls back to its JavaScript decoders), fonts come from the document's bytes.
GlobalWorkerOptions.workerSrc = workerUrl;

/** Pages drawn at most: previews are for a look; "Save as…" gives the whole file. */
export const PDF_PREVIEW_MAX_PAGES = 20;

export function PdfPreview({ blob, label }: { blob: Blob; label: string }): React.JSX.Element {
  const { t } = useTranslation('attachments');
  const pagesRef = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<{ pages: number; drawn: number; failed: boolean }>({ pages: 0, drawn: 0, failed: false });

  useEffect(() => {
    let live = true;
    const container = pagesRef.current;
    let destroy: (() => Promise<void>) | undefined;
    void (async () => {
      try {
        const task = getDocument({ data: new Uint8Array(await blob.arrayBuffer()), useWasm: false, enableXfa: false });
        destroy = () => task.destroy();
        const doc = await task.promise;
        if (!live || !container) return void task.destroy();
        setState({ pages: doc.numPages, drawn: 0, failed: false });
        for (let number = 1; number <= Math.min(doc.numPages, PDF_PREVIEW_MAX_PAGES) && live; number += 1) {
          const page = await doc.getPage(number);
          const viewport = page.getViewport({ scale: 1.5 });
          const canvas = document.createElement('canvas');
          canvas.width = Math.floor(viewport.width);
          canvas.height = Math.floor(viewport.height);
          canvas.className = 'attachment-preview-pdf-page';
          canvas.setAttribute('aria-label', t('preview.pdfPage', { page: number, count: doc.numPages }));
          container.append(canvas);
          await page.render({ canvas, viewport }).promise;
          if (live) setState((current) => ({ ...current, drawn: number }));
        }
        await task.destroy();
      } catch {
        if (live) setState((current) => ({ ...current, failed: true }));
      }
    })();
    return () => {
      live = false;
      void destroy?.();
      container?.replaceChildren();
    };
  }, [blob, t]);

  if (state.failed) return <p className="muted">{t('preview.pdfFallback')}</p>;
  return (
    <div className="attachment-preview-pdf" data-testid="attachment-preview-pdf" data-pages={state.pages} data-drawn={state.drawn}>
      {state.pages > PDF_PREVIEW_MAX_PAGES && (
        <p className="muted attachment-preview-note">{t('preview.pdfMore', { shown: PDF_PREVIEW_MAX_PAGES, count: state.pages })}</p>
      )}
      <div ref={pagesRef} className="attachment-preview-pdf-pages" role="document" aria-label={label} tabIndex={0} />
    </div>
  );
}
