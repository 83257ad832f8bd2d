import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { INTEGRITY_HEADER } from '../integrity/integrity-guard';

/**
 * Security headers on every response (routes, 404s, errors): Nest's equivalent of helmet 8, with a
 * policy that lets nothing come from another origin. JSON needs none of it; the API's own pages
 * (/api/docs) need their inline styles. The console's pages set a stricter policy of their own
 * (console-assets.ts), which replaces this one.
 */
export function secureHeaders(app: NestFastifyApplication): void {
  app.useSecurityHeaders({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    xFrameOptions: { action: 'deny' },
  });
}

/**
 * CORS stays closed (no Access-Control-Allow-Origin, a preflight answered 404) unless
 * LEDGER_CORS_ORIGINS lists origins; then only those may call the API from a browser. Tokens travel
 * in a header, never a cookie, so credentials are not allowed.
 */
export function allowOrigins(app: NestFastifyApplication, origins: readonly string[]): void {
  if (origins.length === 0) return;
  app.enableCors({
    origin: (origin: string | undefined, done: (error: Error | null, allow: boolean) => void) => done(null, origin !== undefined && origins.includes(origin)),
    methods: ['GET', 'HEAD', 'POST'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Correlation-Id', 'X-Causation-Id'],
    exposedHeaders: ['Retry-After', INTEGRITY_HEADER],
    credentials: false,
    maxAge: 600,
  });
}
