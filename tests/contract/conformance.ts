// Holds every answer the walkthrough gets to the OpenAPI document it was compiled from: the
// status must be one the operation declares, the content type one that status declares, and
// the body must match that content's schema (JSON Schema 2020-12, as OpenAPI 3.1 says), with
// no member the document leaves out (a client generated from it could not see that member).
// Problem details stay open: RFC 9457 lets them carry extension members such as traceId.
// tsc proves the client and the document agree; this proves the server and the document do.
import { readFileSync } from "node:fs";
import { Ajv2020, type SchemaObject, type ValidateFunction } from "ajv/dist/2020.js";
import ajvFormats from "ajv-formats";
import type { Middleware } from "openapi-fetch";

const documentId = "openapi.json";
const closedId = "openapi-closed.json";

export class Conformance {
  readonly problems: string[] = [];
  answers = 0;
  deliveries = 0;
  readonly #document: unknown;
  readonly #ajv = new Ajv2020({ strict: false, allErrors: true, logger: false });
  readonly #validators = new Map<string, ValidateFunction>();

  constructor(documentPath: string) {
    const document: unknown = JSON.parse(readFileSync(documentPath, "utf8"));
    if (!isSchemaObject(document)) throw new Error(`${documentPath} is not a JSON object`);
    this.#document = document;
    // The CommonJS module's default export, reached the way Node's ESM loader exposes it.
    ajvFormats.default(this.#ajv);
    // The document itself is the schema registry: its "#/components/schemas/…" refs resolve in it.
    this.#ajv.addSchema(document, documentId);
    const closed: unknown = JSON.parse(JSON.stringify(document));
    close(closed);
    if (isSchemaObject(closed)) this.#ajv.addSchema(closed, closedId);
  }

  readonly middleware: Middleware = {
    onResponse: async ({ request, response, schemaPath }) => {
      this.answers++;
      const problem = await this.#check(request.method, schemaPath, response);
      if (problem !== undefined) this.problems.push(`${request.method} ${schemaPath} answered ${response.status}: ${problem}`);
    },
  };

  async #check(method: string, path: string, response: Response): Promise<string | undefined> {
    const operation = member(member(member(this.#document, "paths"), path), method.toLowerCase());
    if (operation === undefined) return "the document has no such operation";
    const responses = member(operation, "responses");
    const code = [String(response.status), `${String(response.status).charAt(0)}XX`, "default"].find(c => member(responses, c) !== undefined);
    if (code === undefined) return `the document declares only ${keys(responses).join(", ")} for this operation`;
    const declared = member(member(responses, code), "content");
    const text = await response.clone().text();
    if (text === "") return keys(declared).length > 0 ? `an empty body, but the document declares ${keys(declared).join(", ")}` : undefined;
    const contentType = (response.headers.get("content-type") ?? "").split(";")[0]?.trim() ?? "";
    const content = member(declared, contentType);
    if (content === undefined) return `a ${contentType} body, but the document declares ${keys(declared).join(", ") || "no body"} for ${code}`;
    if (member(content, "schema") === undefined) return `no schema for ${code} ${contentType}`;
    if (!/[/+]json$/.test(contentType)) return undefined;
    const body: unknown = JSON.parse(text);
    const validate = this.#validator(contentType === "application/problem+json" ? documentId : closedId, ["paths", path, method.toLowerCase(), "responses", code, "content", contentType, "schema"]);
    if (validate(body)) return undefined;
    const errors = (validate.errors ?? []).slice(0, 8).map(e => `${e.instancePath || "(body)"} ${e.message ?? ""}${e.params ? " " + JSON.stringify(e.params) : ""}`);
    return `the body does not match the document's schema for ${code} ${contentType}: ${errors.join("; ")}; body: ${text.slice(0, 600)}`;
  }

  /**
   * Holds a webhook delivery to the document's `webhooks`: its type declared, the headers the
   * document requires present, the body as its schema says. Answers what was checked.
   */
  checkDelivery(headers: Record<string, string | string[] | undefined>, text: string): string {
    this.deliveries++;
    const webhooks = member(this.#document, "webhooks");
    if (webhooks === undefined) return "not checked: the document declares no webhooks";
    const body: unknown = JSON.parse(text);
    const type = member(body, "type");
    const operation = typeof type === "string" ? member(member(webhooks, type), "post") : undefined;
    if (typeof type !== "string" || operation === undefined) {
      this.problems.push(`a webhook delivery of type ${JSON.stringify(type)}, which the document's webhooks (${keys(webhooks).join(", ")}) do not declare`);
      return "refused";
    }
    const parameters = member(operation, "parameters");
    for (const parameter of Array.isArray(parameters) ? parameters : []) {
      const name = member(parameter, "name");
      if (member(parameter, "in") === "header" && member(parameter, "required") === true && typeof name === "string" && headers[name.toLowerCase()] === undefined)
        this.problems.push(`webhook ${type}: the delivery has no ${name} header, which the document requires`);
    }
    const validate = this.#validator(closedId, ["webhooks", type, "post", "requestBody", "content", "application/json", "schema"]);
    if (!validate(body)) {
      const errors = (validate.errors ?? []).slice(0, 8).map(e => `${e.instancePath || "(body)"} ${e.message ?? ""} ${JSON.stringify(e.params)}`);
      this.problems.push(`webhook ${type}: the delivery does not match the document's schema: ${errors.join("; ")}; body: ${text.slice(0, 600)}`);
    }
    return type;
  }

  #validator(document: string, pointer: string[]): ValidateFunction {
    const ref = `${document}#/${pointer.map(s => encodeURIComponent(s.replaceAll("~", "~0").replaceAll("/", "~1"))).join("/")}`;
    let validate = this.#validators.get(ref);
    if (validate === undefined) {
      validate = this.#ajv.compile({ $ref: ref });
      this.#validators.set(ref, validate);
    }
    return validate;
  }
}

/** Every object schema that lists its properties admits no others (unless it says otherwise). */
function close(value: unknown) {
  if (Array.isArray(value)) return value.forEach(close);
  if (typeof value !== "object" || value === null) return;
  const composed = ["allOf", "anyOf", "oneOf"].some(k => Object.hasOwn(value, k));
  const open = ["additionalProperties", "unevaluatedProperties"].some(k => Object.hasOwn(value, k));
  if (Object.hasOwn(value, "properties") && !composed && !open) Object.assign(value, { additionalProperties: false });
  for (const [key, child] of Object.entries(value)) if (key !== "allOf") close(child);
}

function isSchemaObject(value: unknown): value is SchemaObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** value[key] for a JSON object, else undefined. */
function member(value: unknown, key: string): unknown {
  if (typeof value !== "object" || value === null || !Object.hasOwn(value, key)) return undefined;
  const found: unknown = Object.getOwnPropertyDescriptor(value, key)?.value;
  return found;
}

function keys(value: unknown): string[] {
  return typeof value === "object" && value !== null ? Object.keys(value) : [];
}
