import { promises as fs } from 'node:fs';
import path from 'node:path';
import { sanitizeFileName } from '../../../shared/domain';
import { AppError } from '../../../shared/ipc';
import type { FileDialogs, Logger, PagePrinter } from '../../ports';

export interface SavedFile {
  readonly saved: boolean;
  readonly path?: string;
}

export interface ReportService {
  /** Prints the app window's report (print CSS shows only the report) to a PDF the agent saves. */
  savePdf(suggestedName: string): Promise<SavedFile & { pages: number }>;
  /** Saves text the renderer built (the report's CSV) where the agent chooses. */
  saveText(suggestedName: string, text: string, extension: '.csv'): Promise<SavedFile>;
}

/** Pages of a PDF as Chromium writes it: one `/Type /Page` dictionary per page. */
export function countPdfPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf).toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

function withExtension(name: string, extension: string): string {
  const clean = sanitizeFileName(name, 'report');
  return clean.toLowerCase().endsWith(extension) ? clean : `${clean}${extension}`;
}

export function createReportService(deps: { printer: PagePrinter; dialogs: FileDialogs; logger: Logger }): ReportService {
  async function write(target: string, bytes: Uint8Array | string): Promise<void> {
    await fs.mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.part`;
    await fs.writeFile(temp, bytes);
    await fs.rename(temp, target);
  }

  return {
    async savePdf(suggestedName) {
      const target = await deps.dialogs.saveAs(withExtension(suggestedName, '.pdf'));
      if (!target) return { saved: false, pages: 0 };
      let pdf: Uint8Array;
      try {
        pdf = await deps.printer.printToPdf();
      } catch (error) {
        deps.logger.error('report: printing to PDF failed', { error: String(error) });
        throw new AppError('unavailable', 'The report could not be printed to PDF.');
      }
      await write(target, pdf);
      return { saved: true, path: target, pages: countPdfPages(pdf) };
    },
    async saveText(suggestedName, text, extension) {
      const target = await deps.dialogs.saveAs(withExtension(suggestedName, extension));
      if (!target) return { saved: false };
      // A BOM so spreadsheet programs read the UTF-8 (Chinese names, accents) correctly.
      await write(target, `\uFEFF${text}`);
      return { saved: true, path: target };
    },
  };
}
