// The Electronegativity gate of `npm test`: scans the sources offline and fails on any
// finding above LOW that build/security/electronegativity-allowlist.json does not list
// with a justification, on allowlist entries that no longer match anything, and on
// files it could not parse (their findings would be missing). The tool itself exits 0
// whatever it finds, so the gate reads its findings and writes them to reports/.
import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const allowlistFile = path.join(root, 'build/security/electronegativity-allowlist.json');
const csvReport = path.join(root, 'reports/electronegativity.csv');
/** What ships: main, preload and renderer sources, and the manifests it reads the Electron version from. */
const scanned = ['electron', 'renderer', 'shared', 'package.json', 'package-lock.json'];
const severities = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];

// The tool takes one folder and reads everything in it (build output and tests too): give it a
// folder of links to the shipped sources only. Paths in its findings stay repository-relative.
const input = mkdtempSync(path.join(os.tmpdir(), 'rsc-electronegativity-'));
for (const name of scanned) symlinkSync(path.join(root, name), path.join(input, name));
const run = createRequire(import.meta.url)('@doyensec/electronegativity');
let result;
try {
  result = await run({
    input,
    isRelative: true,
    // The one check that goes online (Electron's release feed); this gate runs offline.
    excludeFromScan: ['availablesecurityfixesglobalcheck'],
  });
} finally {
  rmSync(input, { recursive: true, force: true });
}

const relative = (file) => (path.isAbsolute(file) ? path.relative(input, file) : file).split(path.sep).join('/');
const findings = result.issues.map((issue) => ({
  check: issue.id,
  severity: issue.severity.name,
  confidence: issue.confidence.name,
  file: relative(issue.file),
  line: issue.location?.line,
  sample: (issue.sample ?? '').trim(),
}));
const parseErrors = result.errors.filter((error) => !error.tolerable);

const csv = (value) => `"${String(value ?? '').replaceAll('"', '""')}"`;
mkdirSync(path.dirname(csvReport), { recursive: true });
writeFileSync(
  csvReport,
  [
    'check,severity,confidence,file,line,sample',
    ...findings.map((f) => [f.check, f.severity, f.confidence, f.file, f.line, f.sample].map(csv).join(',')),
  ].join('\n') + '\n',
);

const allowlist = JSON.parse(readFileSync(allowlistFile, 'utf8'));
const matches = (entry, finding) => entry.check === finding.check && entry.file === finding.file && finding.sample.includes(entry.sample);
const gated = findings.filter((finding) => severities.indexOf(finding.severity) > severities.indexOf('LOW'));
const unlisted = gated.filter((finding) => !allowlist.some((entry) => matches(entry, finding)));
const stale = allowlist.filter((entry) => !gated.some((finding) => matches(entry, finding)));
const unjustified = allowlist.filter((entry) => typeof entry.why !== 'string' || entry.why.trim().length < 10);

const counts = severities.map((severity) => `${severity} ${findings.filter((f) => f.severity === severity).length}`).join(', ');
console.log(`Electronegativity: ${findings.length} findings (${counts}); ${gated.length - unlisted.length} above LOW allowlisted.`);
for (const finding of unlisted)
  console.log(`✗ unlisted ${finding.severity} ${finding.check} ${finding.file}:${finding.line}  ${finding.sample}`);
for (const entry of stale) console.log(`✗ allowlist entry matches no finding (remove it): ${entry.check} ${entry.file} "${entry.sample}"`);
for (const entry of unjustified) console.log(`✗ allowlist entry without a justification: ${entry.check} ${entry.file}`);
for (const error of parseErrors) console.log(`✗ could not parse ${relative(error.file)}: ${error.message}`);
process.exit(unlisted.length + stale.length + unjustified.length + parseErrors.length > 0 ? 1 : 0);
