import { promises as fs } from 'node:fs';
import path from 'node:path';

/** The rotated files of a log, newest first (`main.3.log`, `main.2.log`, …). */
export async function logFiles(dir: string, name = 'main'): Promise<string[]> {
  const pattern = new RegExp(`^${name}\\.(\\d+)\\.log$`);
  const entries = await fs.readdir(dir).catch(() => [] as string[]);
  return entries
    .map((entry) => ({ entry, number: Number(pattern.exec(entry)?.[1] ?? NaN) }))
    .filter(({ number }) => Number.isFinite(number))
    .sort((a, b) => b.number - a.number)
    .map(({ entry }) => path.join(dir, entry));
}

/** The last `count` lines over the rotated files, oldest first. */
export async function readLogTail(dir: string, count: number, name = 'main'): Promise<string[]> {
  const lines: string[] = [];
  for (const file of await logFiles(dir, name)) {
    const text = await fs.readFile(file, 'utf8').catch(() => '');
    const fileLines = text.split('\n').filter((line) => line.trim() !== '');
    lines.unshift(...fileLines.slice(Math.max(0, fileLines.length - (count - lines.length))));
    if (lines.length >= count) break;
  }
  return lines;
}
