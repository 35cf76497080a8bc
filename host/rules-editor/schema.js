// The ruleset's JSON Schema at work in the editor: each part (workflows, departments…)
// validated against its $defs entry (@cfworker/json-schema), and completion of property names
// and closed values from the same schema, with their descriptions.
import { Validator } from "@cfworker/json-schema";
import { atPointer, lineRange, pathAt, property, nameOf, children } from "./json-places.js";

/// The part's schema: the whole document (for its $defs) entered at $defs/part.
export function partSchema(schema, part) {
    if (!schema?.$defs?.[part]) return null;
    const { properties, required, type, additionalProperties, ...rest } = schema;
    return { ...rest, $ref: `#/$defs/${part}` };
}

// Keywords that only say "something below did not match": the error below says what.
const WRAPPERS = new Set(["$ref", "items", "prefixItems", "properties", "allOf", "additionalProperties",
    "patternProperties", "unevaluatedProperties", "unevaluatedItems", "dependentSchemas", "$dynamicRef"]);

function words(error) {
    const type = /Instance type "(\w+)" is invalid\. Expected "([^"]+)"/.exec(error.error);
    if (type) return `must be ${type[2].split(",").filter(t => t !== "null").map(t => `a ${t}`).join(" or ")}, not a ${type[1]}.`;
    const oneOf = /Instance does not match any of (.*)\.$/.exec(error.error);
    if (oneOf) return `must be one of ${oneOf[1].replace(/^\[|\]$/g, "").replace(/,/g, ", ")}.`;
    const required = /Instance does not have required property "(.+)"/.exec(error.error);
    if (required) return `needs "${required[1]}".`;
    return error.error;
}

/// The schema's complaints about the value (already parsed), as CodeMirror diagnostics.
export function schemaDiagnostics(state, validator, value) {
    const result = validator.validate(value);
    if (result.valid) return [];
    const seen = new Set();
    return result.errors.filter(e => !WRAPPERS.has(e.keyword)).flatMap(e => {
        const { node, key } = atPointer(state, e.instanceLocation);
        if (!node) return [];
        const name = decodeURIComponent(e.instanceLocation.split("/").pop() ?? "");
        const message = e.keyword === "false" ? `"${name}" is not a property here.`
            : e.keyword === "required" || e.instanceLocation === "#" ? words(e) : `${name}: ${words(e)}`;
        const at = e.keyword === "false" && key ? { from: key.from, to: key.to }
            : node.name === "Object" || node.name === "Array" ? lineRange(state, node.from) : { from: node.from, to: node.to };
        const id = `${at.from}:${message}`;
        if (seen.has(id)) return [];
        seen.add(id);
        return [{ ...at, severity: "error", source: "schema", message }];
    });
}

export const validatorOf = schema => new Validator(schema, "2020-12", false);

// ---- completion ----

function resolve(root, schema, depth = 0) {
    if (!schema || typeof schema !== "object" || depth > 20) return [];
    if (schema.$ref?.startsWith("#/")) {
        const target = schema.$ref.slice(2).split("/").reduce((s, k) => s?.[decodeURIComponent(k)], root);
        const { $ref, ...rest } = schema;
        return [...resolve(root, target, depth + 1), ...(Object.keys(rest).length ? [rest] : [])];
    }
    const alternatives = [...(schema.allOf ?? []), ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
    return [schema, ...alternatives.flatMap(s => resolve(root, s, depth + 1))];
}

/// The schemas a value at `path` (names and indexes) must meet.
function schemasAt(root, start, path) {
    let current = resolve(root, start);
    for (const step of path) {
        current = current.flatMap(s => typeof step === "number"
            ? resolve(root, s.prefixItems?.[step] ?? s.items)
            : resolve(root, s.properties?.[step] ?? (typeof s.additionalProperties === "object" ? s.additionalProperties : null)));
        if (current.length === 0) break;
    }
    return current;
}

const quoted = v => JSON.stringify(v);

/// A completion source for one part: property names where a name goes, closed values and
/// examples where a value goes. `extra(path)` adds values the schema cannot know (department ids).
export function schemaCompletion(getSchema, part, extra) {
    return context => {
        const root = getSchema();
        const start = partSchema(root, part);
        if (!start) return null;
        const at = pathAt(context.state, context.pos);
        if (!context.explicit && !at.inString && !/[\w"]$/.test(context.state.sliceDoc(context.pos - 1, context.pos))) return null;
        const schemas = schemasAt(root, start, at.path);
        // In a string, what is between its quotes is completed; elsewhere the word before the cursor.
        const closed = at.inString && at.to - at.from >= 2 && context.state.sliceDoc(at.to - 1, at.to) === '"';
        const from = at.inString ? at.from + 1 : wordStart(context);
        const to = at.inString ? (closed ? at.to - 1 : at.to) : context.pos;
        let options;
        if (at.key) {
            const present = new Set(at.object ? children(at.object).filter(c => c.name === "Property").map(p => nameOf(context.state, p)) : []);
            const typed = context.state.sliceDoc(from, to);
            const names = new Map();
            for (const s of schemas)
                for (const [name, sub] of Object.entries(s.properties ?? {}))
                    if (!names.has(name)) names.set(name, sub);
            options = [...names].filter(([name]) => !present.has(name) || name === typed)
                .map(([name, sub]) => ({
                    label: name, type: "property", apply: at.inString ? name : `${quoted(name)}: `,
                    info: resolve(root, sub).map(x => x.description).find(Boolean),
                }));
        } else {
            const values = new Map();
            for (const s of schemas) {
                for (const v of s.enum ?? []) values.set(v, s.description);
                if ("const" in s) values.set(s.const, s.description);
                for (const v of s.examples ?? []) values.set(v, s.description);
                const types = [s.type].flat();
                if (types.includes("boolean")) [true, false].forEach(v => values.set(v, s.description));
            }
            for (const v of extra?.(at.path) ?? []) values.set(v.value, v.info);
            options = [...values].filter(([v]) => v !== null && (!at.inString || typeof v === "string")).map(([v, info]) => ({
                label: at.inString ? v : quoted(v), type: "enum", info: info ?? undefined,
            }));
        }
        if (options.length === 0) return null;
        return { from, to, options, validFor: /^[\w$-]*$/ };
    };
}

function wordStart(context) {
    const word = context.matchBefore(/[\w$-]*/);
    return word ? word.from : context.pos;
}

export { property };
