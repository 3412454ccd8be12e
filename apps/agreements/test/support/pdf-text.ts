import { execFile } from 'node:child_process';
import { join } from 'node:path';

/** The text of a PDF (base64) as a reader's copy-and-paste would give it, read by pdf.js in a child process. */
export function pdfText(base64: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [join(__dirname, 'pdf-text.cjs')], { maxBuffer: 10 * 1024 * 1024 }, (err, stdout, stderr) =>
      err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout),
    );
    child.stdin!.end(Buffer.from(base64, 'base64'));
  });
}
