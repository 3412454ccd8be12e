import { execFile } from 'node:child_process';
import { join } from 'node:path';

/**
 * The text of a PDF as a reader's copy and paste would give it, read by pdf.js (pdf-parse,
 * a dev dependency of whoever calls this) in a child process: pdf.js loads its worker by
 * dynamic import, which Jest's module sandbox does not allow. For tests.
 */
export function pdfText(pdf: Buffer | string): Promise<string> {
  const bytes = typeof pdf === 'string' ? Buffer.from(pdf, 'base64') : pdf;
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [join(__dirname, '..', 'pdf-text.cjs')], { maxBuffer: 10 * 1024 * 1024 }, (err, stdout, stderr) =>
      err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout),
    );
    child.stdin!.end(bytes);
  });
}
