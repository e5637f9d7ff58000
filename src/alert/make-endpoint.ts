import type { Endpoint } from './alert-schema.js';

/** Builds an endpoint from the parts that are set, leaving the others out. */
export function makeEndpoint(parts: { address?: string | undefined; port?: number | undefined; host?: string | undefined; user?: string | undefined }): Endpoint {
  const endpoint: Endpoint = {};
  if (parts.address) endpoint.address = parts.address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  if (parts.port !== undefined) endpoint.port = parts.port;
  if (parts.host) endpoint.host = parts.host;
  if (parts.user) endpoint.user = parts.user;
  return endpoint;
}
