import { RequestMethod } from '@nestjs/common';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { IS_PUBLIC, POLICY } from '@roundtable/api-platform';
import { startTestApp, type TestApp } from '../support/test-app';

/** Routes anyone may call without signing in. Adding one here is a security decision: review it. */
const PUBLIC_ROUTES = [
  'GET /health',
  'POST /auth/login',
  // Reset links: always 202 for any email (no enumeration); the confirm needs the emailed token.
  'POST /auth/password-reset',
  'POST /auth/password-reset/confirm',
  'GET /invitations/by-token/:token',
  'POST /invitations/by-token/:token/accept',
  'GET /public/calls/:id',
  'POST /public/calls/:id/applications',
  'POST /public/application-confirmations/:token',
  'GET /calendar-feeds/:token/calendar.ics',
].sort();

describe('every route is authorised', () => {
  let t: TestApp;
  let routes: Array<{ route: string; isPublic: boolean; policy: string | undefined }>;

  beforeAll(async () => {
    t = await startTestApp({ seed: false });
    const modules = t.app.get(ModulesContainer);
    const scanner = new MetadataScanner();
    const reflector = t.app.get(Reflector);
    routes = [];
    const controllers = [...modules.values()].flatMap((module) => [...module.controllers.values()]);
    for (const wrapper of controllers) {
      const instance = wrapper.instance as object | undefined;
      if (!instance || !wrapper.metatype) continue;
      const prototype = Object.getPrototypeOf(instance);
      const base = String(Reflect.getMetadata(PATH_METADATA, wrapper.metatype) ?? '');
      for (const name of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name];
        const path = Reflect.getMetadata(PATH_METADATA, handler);
        if (path === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        const full = `/${[base, String(path)].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/');
        routes.push({
          route: `${method} ${full}`,
          isPublic: Boolean(reflector.getAllAndOverride(IS_PUBLIC, [handler, wrapper.metatype!])),
          policy: reflector.getAllAndOverride<string>(POLICY, [handler, wrapper.metatype!]),
        });
      }
    }
  });
  afterAll(() => t.close());

  it('finds the application’s routes', () => {
    expect(routes.length).toBeGreaterThan(15);
  });

  it('declares an authorisation policy on every non-public handler', () => {
    const unguarded = routes.filter((r) => !r.isPublic && !r.policy).map((r) => r.route);
    expect(unguarded).toEqual([]);
  });

  it('opens exactly the reviewed public routes to anonymous callers', () => {
    expect(routes.filter((r) => r.isPublic).map((r) => r.route).sort()).toEqual(PUBLIC_ROUTES);
  });
});
