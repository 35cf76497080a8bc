// Holds every answer the walkthrough gets to the OpenAPI document it was compiled from: the
// status must be one the operation declares, the content type one that status declares, and
// the body must match that content's schema (JSON Schema 2020-12, as OpenAPI 3.1 says).
// tsc proves the client and the document agree; this proves the server and the document do.
import { readFileSync } from "node:fs";
import { Ajv2020, type SchemaObject, type ValidateFunction } from "ajv/dist/2020.js";
import ajvFormats from "ajv-formats";
import type { Middleware } from "openapi-fetch";

const documentId = "openapi.json";

export class Conformance {
  readonly problems: string[] = [];
  answers = 0;
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
    const validate = this.#validator(["paths", path, method.toLowerCase(), "responses", code, "content", contentType, "schema"]);
    if (validate(body)) return undefined;
    const errors = (validate.errors ?? []).slice(0, 8).map(e => `${e.instancePath || "(body)"} ${e.message ?? ""}${e.params ? " " + JSON.stringify(e.params) : ""}`);
    return `the body does not match the document's schema for ${code} ${contentType}: ${errors.join("; ")}; body: ${text.slice(0, 600)}`;
  }

  #validator(pointer: string[]): ValidateFunction {
    const ref = `${documentId}#/${pointer.map(s => encodeURIComponent(s.replaceAll("~", "~0").replaceAll("/", "~1"))).join("/")}`;
    let validate = this.#validators.get(ref);
    if (validate === undefined) {
      validate = this.#ajv.compile({ $ref: ref });
      this.#validators.set(ref, validate);
    }
    return validate;
  }
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
