// The SchoolSafe Rotterdam API client: openapi-fetch over the types generated from the published document.
import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { components, operations, paths } from "./generated/schoolsafe-api.js";

export type { components, operations, paths };
export type Schemas = components["schemas"];
export type SchoolSafeClient = Client<paths>;

/** A client for one caller: every request carries its bearer token. */
export function schoolSafeClient(baseUrl: string, token: () => string): SchoolSafeClient {
  const client = createClient<paths>({ baseUrl });
  const bearer: Middleware = {
    onRequest({ request }) {
      request.headers.set("Authorization", `Bearer ${token()}`);
      return request;
    },
  };
  client.use(bearer);
  return client;
}
