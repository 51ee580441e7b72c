import { request as httpRequest } from 'node:http';
import { E2E_PORT } from '@/tests/support/test-env';

/**
 * Sends this much of a body, then waits. More than the smallest limit (16 kB, Twilio's callbacks),
 * and little enough that the kernel takes it at once: a client still writing when the server
 * answers 413 and closes meets EPIPE before it reads the answer (seen in CI with 1 MB).
 */
const SENT_BYTES = 32 * 1024;

/**
 * Starts an upload, sends its first 32 kB and waits, never finishing it: a server that reads
 * a body whole before it answers never answers. `declaredBytes` sends a Content-Length,
 * otherwise the body is chunked.
 */
export function startUpload(path: string, declaredBytes?: number, headers: Record<string, string> = {}) {
  return new Promise<number>((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: E2E_PORT,
        path,
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers, ...(declaredBytes ? { 'content-length': declaredBytes } : {}) },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      },
    );
    req.on('error', reject);
    req.setTimeout(10_000, () => reject(new Error('no answer while the body was still on its way')));
    req.write(Buffer.alloc(SENT_BYTES, 'a'));
  });
}
