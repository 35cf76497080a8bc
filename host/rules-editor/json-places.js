// Places in a JSON text, read from CodeMirror's syntax tree: where a JSON pointer (a schema
// error's instanceLocation), or a place as the server names it (`departments/rnd`,
// `lifecycles/corrective-action/actions/contain`, a rule's name), is in the text; and where
// the cursor is, as a path, for completion.
import { ensureSyntaxTree, syntaxTree } from "@codemirror/language";

const VALUES = new Set(["Object", "Array", "String", "Number", "True", "False", "Null"]);

export function children(node) {
    const out = [];
    for (let c = node.firstChild; c; c = c.nextSibling) out.push(c);
    return out;
}

export const isValue = node => VALUES.has(node.name);
const items = node => children(node).filter(isValue);
const properties = node => children(node).filter(c => c.name === "Property");

export function stringOf(state, node) {
    try {
        return JSON.parse(state.sliceDoc(node.from, node.to));
    } catch {
        return null;
    }
}

export const nameOf = (state, property) => {
    const name = property.getChild("PropertyName");
    return name ? stringOf(state, name) : null;
};

export const valueOf = property => children(property).find(isValue) ?? null;

export function property(state, object, name) {
    return properties(object).find(p => nameOf(state, p) === name) ?? null;
}

/// The whole text's tree: the lint needs all of it, not only what is in sight.
export function treeOf(state) {
    return ensureSyntaxTree(state, state.doc.length, 500) ?? syntaxTree(state);
}

export function root(state) {
    return children(treeOf(state).topNode).find(isValue) ?? null;
}

/// The value at a JSON pointer ("#/0/Rules/3/Expression"), and the name of the property
/// holding it; as far as the text goes when the pointer leads further.
export function atPointer(state, pointer) {
    const segments = pointer.replace(/^#/, "").split("/").slice(1)
        .map(s => decodeURIComponent(s).replace(/~1/g, "/").replace(/~0/g, "~"));
    let node = root(state), key = null;
    for (const segment of segments) {
        if (node?.name === "Object") {
            const p = property(state, node, segment);
            if (!p) break;
            key = p.getChild("PropertyName");
            node = valueOf(p) ?? key;
        } else if (node?.name === "Array") {
            const found = items(node)[Number(segment)];
            if (!found) break;
            node = found;
            key = null;
        } else break;
    }
    return { node, key };
}

// What names an element of a list in the server's places: a department's or lifecycle's id,
// an action's or field's name, a rule's RuleName, a workflow's WorkflowName.
const NAMING = ["id", "name", "RuleName", "WorkflowName", "Name"];

function named(state, list, name) {
    for (const item of items(list)) {
        if (item.name !== "Object") continue;
        for (const key of NAMING) {
            const p = property(state, item, key);
            if (p && valueOf(p) && stringOf(state, valueOf(p)) === name) return p;
        }
    }
    return null;
}

/// Every property called `name` whose value is the string `value`, anywhere in the text.
function everywhere(state, node, names, value) {
    if (!node) return null;
    if (node.name === "Property" && names.includes(nameOf(state, node)) && valueOf(node)?.name === "String" &&
        stringOf(state, valueOf(node)) === value) return node;
    for (const c of children(node)) {
        const found = everywhere(state, c, names, value);
        if (found) return found;
    }
    return null;
}

/// The range of the text a server error is about: `part` is the editor's (workflows,
/// departments…), `place` what the error names. The first line of the document when the text
/// has no such place any more.
export function placeOf(state, part, place, message) {
    const line = /\(line (\d+)\)/.exec(message);
    if (place === part && line && Number(line[1]) <= state.doc.lines) return lineRange(state, state.doc.line(Number(line[1])).from);
    if (part === "workflows") {
        const found = everywhere(state, root(state), ["RuleName", "WorkflowName"], place.replace(/\[\?\]$/, ""));
        if (found) return { from: found.from, to: found.to };
    }
    let node = root(state), hit = null;
    for (const segment of place.split("/").slice(place.startsWith(part) ? 1 : 0)) {
        if (node?.name === "Array") {
            const p = named(state, node, segment);
            if (!p) break;
            hit = p;
            node = p.parent;
        } else if (node?.name === "Object") {
            const p = property(state, node, segment);
            if (!p) break;
            hit = p.getChild("PropertyName");
            node = valueOf(p);
        } else break;
    }
    return hit ? { from: hit.from, to: hit.to } : lineRange(state, node?.from ?? 0);
}

/// From a position to the end of its line: a mark on one line, not on a whole object.
export function lineRange(state, pos) {
    const line = state.doc.lineAt(pos);
    return { from: pos, to: Math.max(pos, line.to) };
}

/// Where the cursor is: the path of the value it is in (names and indexes), and whether it is
/// where a property's name goes (`key`), with the range a completion replaces.
export function pathAt(state, pos) {
    let node = syntaxTree(state).resolveInner(pos, -1);
    let key = false, from = pos, to = pos, inString = false;
    if (node.name === "PropertyName" || node.name === "String") {
        inString = true;
        from = node.from;
        to = node.to;
        key = node.name === "PropertyName";
        if (node.name === "String" && node.parent?.name === "Object") key = true;
        node = node.parent;
    } else if (node.name === "⚠" && node.parent?.name === "Object") {
        key = true;
        from = node.from;
        node = node.parent;
    } else if (node.name === "Object" || node.name === "{" || node.name === ",") {
        if (node.name !== "Object") node = node.parent;
        key = node?.name === "Object";
    }
    // A property whose value is being written: its name is the last step.
    const path = [];
    let current = node;
    if (current?.name === "Property" && key) current = current.parent;
    while (current && current.name !== "JsonText") {
        const parent = current.parent;
        if (current.name === "Property") {
            if (!(key && current === node)) path.unshift(nameOf(state, current));
        } else if (parent?.name === "Array") {
            path.unshift(items(parent).findIndex(i => i.from === current.from));
        }
        current = parent;
    }
    let object = null;
    if (key) {
        object = node?.name === "Object" ? node : node?.parent;
    }
    return { path, key, from, to, inString, object };
}
