import { INestApplication, Logger, LogLevel, type NestApplicationOptions } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter, type NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { config } from '@roundtable/api-config';
import {
  ApiExceptionFilter,
  createValidationPipe,
  JsonBodyOnlyInterceptor,
  originCheck,
  parseTrustProxy,
  securityHeaders,
  type ProxyTrustSetting,
} from '@roundtable/api-platform';
import { Reflector } from '@nestjs/core';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'fs';
import { createServer } from 'http';
import { join } from 'path';
import { AppModule } from './app.module';

export interface CreateAppOptions {
  databaseUrl: string;
  webDist?: string | null;
  /** TRUST_PROXY, parsed; none trusted when absent. */
  trustProxy?: ProxyTrustSetting;
  logger?: LogLevel[] | false;
  /** Serve Swagger UI at /api/docs and the document at /api/openapi.json (off in production unless API_DOCS=true). */
  apiDocs?: boolean;
}

/** Builds the whole application (API, collaboration socket, web app) on one HTTP server. Used by main and tests. */
export async function createApp(options: CreateAppOptions): Promise<INestApplication> {
  const proxy = options.trustProxy ?? parseTrustProxy(undefined);
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forDatabase(options.databaseUrl, proxy.trust),
    new TimedExpressAdapter(),
    {
      logger: options.logger ?? ['error', 'warn', 'log'],
      bodyParser: true,
    },
  );
  // Express's own view (req.secure, req.protocol) follows the same setting as clientAddress().
  app.set('trust proxy', proxy.express);
  app.disable('x-powered-by');
  // Request hygiene (ADR 018): headers on every response, then the origin check before anything reads the session.
  const settings = config();
  app.use(securityHeaders({ hsts: settings.cookieSecure }));
  app.use(originCheck(settings.publicUrl ?? undefined));
  app.use(publicPages);
  app.setGlobalPrefix('api');
  app.useGlobalFilters(new ApiExceptionFilter());
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalInterceptors(new JsonBodyOnlyInterceptor(app.get(Reflector)));

  if (options.apiDocs ?? true) setUpApiDocs(app);

  if (options.webDist && existsSync(join(options.webDist, 'index.html'))) serveWebApp(app, options.webDist);
  else if (options.webDist) new Logger('Web').warn(`No web build at ${options.webDist}: run "npm run build"`);
  return app;
}

function setUpApiDocs(app: INestApplication): void {
  const openApi = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Roundtable API')
      .setDescription(
        'Working groups, documents and live collaboration. Sign in with POST /api/auth/login; the session cookie authenticates every other call and the /collab/<documentId> WebSocket.',
      )
      .setVersion('0.1.0')
      .addCookieAuth('rt_session')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, openApi, { jsonDocumentUrl: 'api/openapi.json', useGlobalPrefix: false });
}

/**
 * Node closes a connection whose request headers (an upgrade's included) are not complete within
 * headersTimeout, but checks only every connectionsCheckingInterval (30 s by default), which can only be set
 * when the server is created: so we create it. A client trickling an upgrade's headers (slowloris) is
 * closed within HTTP_HEADERS_TIMEOUT_MS (default 20 s) plus a quarter of it.
 */
class TimedExpressAdapter extends ExpressAdapter {
  override initHttpServer(options: NestApplicationOptions): void {
    if (options.httpsOptions || options.forceCloseConnections) return super.initHttpServer(options);
    const headersTimeout = config().httpHeadersTimeoutMs;
    this.httpServer = createServer(
      { headersTimeout, connectionsCheckingInterval: Math.max(100, Math.floor(headersTimeout / 4)) },
      this.getInstance(),
    );
  }
}

/**
 * The public pages of published papers live at /p (short, citable addresses) and are served by
 * PublicPagesController under /api/public/p (ADR 031): /p, /p/… and /p?… are handed to it, before the SPA.
 */
function publicPages(request: Request, _response: Response, next: NextFunction): void {
  if (/^\/p(\/|\?|$)/.test(request.url)) request.url = `/api/public${request.url}`;
  next();
}

/** Serves the built SPA at / with a fallback to index.html for client-side routes (never for /api or /collab). */
function serveWebApp(app: NestExpressApplication, webDist: string): void {
  app.useStaticAssets(webDist, { index: false, maxAge: '1h', immutable: false });
  const indexHtml = join(webDist, 'index.html');
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    if (request.path.startsWith('/api') || request.path.startsWith('/collab')) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(indexHtml);
  });
}
