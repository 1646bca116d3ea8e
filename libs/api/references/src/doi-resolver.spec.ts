import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { doiResolverFor, HttpDoiResolver, NoDoiResolver } from './doi-resolver';

describe('DOI resolvers', () => {
  test('without a URL nothing is looked up', async () => {
    const resolver = doiResolverFor(null);
    expect(resolver).toBeInstanceOf(NoDoiResolver);
    await expect(resolver.resolve('10.1000/xyz')).resolves.toBeNull();
  });

  describe('a CSL-JSON resolver (a local one standing in for doi.org or a mirror)', () => {
    let server: Server;
    let base: string;
    const asked: Array<{ url: string; accept: string | undefined }> = [];

    beforeAll(async () => {
      server = createServer((request, response) => {
        asked.push({ url: request.url ?? '', accept: request.headers.accept });
        if (request.url === '/10.1000/known%3Cx%3E') {
          response.setHeader('Content-Type', 'application/vnd.citationstyles.csl+json');
          response.end(JSON.stringify({ id: 'theirs', type: 'article-journal', title: 'Known paper', _x: 1 }));
        } else if (request.url === '/10.1000/array') response.end('[]');
        else {
          response.statusCode = 404;
          response.end('not found');
        }
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    });

    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    test('asks for CSL-JSON and keeps the item, with the DOI', async () => {
      const resolver = doiResolverFor(base);
      expect(resolver).toBeInstanceOf(HttpDoiResolver);
      await expect(resolver.resolve('10.1000/known<x>')).resolves.toEqual({
        type: 'article-journal',
        title: 'Known paper',
        DOI: '10.1000/known<x>',
      });
      expect(asked[0]).toEqual({ url: '/10.1000/known%3Cx%3E', accept: 'application/vnd.citationstyles.csl+json' });
    });

    test('an unknown DOI, or an answer that is no item, is null', async () => {
      const resolver = new HttpDoiResolver(base);
      await expect(resolver.resolve('10.1000/unknown')).resolves.toBeNull();
      await expect(resolver.resolve('10.1000/array')).resolves.toBeNull();
    });

    test('a resolver that does not answer in time is null', async () => {
      const silent = createServer(() => undefined);
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      const resolver = new HttpDoiResolver(`http://127.0.0.1:${(silent.address() as AddressInfo).port}`, 200);
      await expect(resolver.resolve('10.1000/slow')).resolves.toBeNull();
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    });
  });
});
