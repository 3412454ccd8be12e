import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_ADMIN, DEMO_PASSWORD, freeStackPorts, startStack, type Stack, type StackPorts } from '@genq/infra';

/**
 * A stack's ports are chosen free, but the gateway binds its port last, many seconds later;
 * in CI a parallel stack's Temporal UI took it meanwhile and answered this stack's sign-in
 * ("missing csrf token"). Here another server holds the gateway's port before the stack starts:
 * the stack must notice that its gateway could not bind it, start the gateway on another port,
 * and hand out that address.
 */
describe('a stack whose gateway port was taken meanwhile', () => {
  let dataDir: string;
  let stack: Stack | undefined;
  let squatter: Server;
  let ports: StackPorts;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'genq-ports-'));
    ports = await freeStackPorts();
    // Answers everything with 200, as a web UI's catch-all route does.
    squatter = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>not the gateway</html>'));
    await new Promise<void>((resolve) => squatter.listen(ports.gateway, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    await stack?.stop();
    await new Promise((resolve) => squatter.close(resolve));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts the gateway on another port and signs in there', async () => {
    const taken = ports.gateway;
    stack = await startStack({ dataDir, ports, withConsole: false, log: () => {} });
    expect(stack.gatewayUrl).not.toBe(`http://127.0.0.1:${taken}`);
    const login = await fetch(`${stack.gatewayUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEMO_ADMIN.email, password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    expect(((await login.json()) as { accessToken: string }).accessToken).toEqual(expect.any(String));
  }, 5 * 60_000);
});
