// The console's rules editor: each JSON textarea of the draft form becomes a CodeMirror editor
// with JSON syntax, the ruleset schema's validation and completion, each rule's expression
// checked as it is typed (by the server, with the rules' own guard), the server's errors of
// the last save at their line, and the comparison with the active version side by side.
// The textarea stays in the form and gets the text on every change: without this script the
// page works as before. Tab leaves the editor (no indentWithTab), as it leaves a textarea.
import { EditorView, basicSetup } from "codemirror";
import { EditorState, StateEffect } from "@codemirror/state";
import { json, jsonParseLinter, jsonLanguage } from "@codemirror/lang-json";
import { linter, lintGutter, forEachDiagnostic } from "@codemirror/lint";
import { MergeView } from "@codemirror/merge";
import { root, property, valueOf, stringOf, children, treeOf, placeOf } from "./json-places.js";
import { partSchema, schemaDiagnostics, validatorOf, schemaCompletion } from "./schema.js";

const SCHEMA_URL = "/console/rules?handler=Schema";
const CHECK_URL = "/console/rules?handler=CheckExpression";

let schema = null;
const validators = new Map();
// Expressions already checked, by their text: each is sent once however often the rules are linted.
const checked = new Map();
// Dispatched when the schema arrives, so that every editor is linted again with it.
const schemaArrived = StateEffect.define();

function validatorFor(part) {
    if (!schema) return null;
    if (!validators.has(part)) {
        const s = partSchema(schema, part);
        validators.set(part, s ? validatorOf(s) : null);
    }
    return validators.get(part);
}

function checkExpression(expression, token) {
    if (!checked.has(expression)) {
        const body = new URLSearchParams({ expression, __RequestVerificationToken: token });
        checked.set(expression, fetch(CHECK_URL, { method: "POST", body, credentials: "same-origin" })
            .then(r => r.ok ? r.json() : null)
            .catch(() => null)
            .then(answer => {
                // A failed request is asked again next time.
                if (answer === null) checked.delete(expression);
                return answer;
            }));
    }
    return checked.get(expression);
}

/// The rules' expressions in the workflows text: each String value of an `Expression` whose
/// rule and workflow declare no GlobalParams or LocalParams (names the check alone cannot know).
function expressions(state) {
    const found = [];
    const declares = node => {
        for (let n = node; n; n = n.parent)
            if (n.name === "Object" && (property(state, n, "LocalParams") || property(state, n, "GlobalParams"))) return true;
        return false;
    };
    const walk = node => {
        if (node.name === "Property" && stringOf(state, node.getChild("PropertyName")) === "Expression") {
            const value = valueOf(node);
            if (value?.name === "String" && !declares(node.parent)) found.push(value);
            return;
        }
        children(node).forEach(walk);
    };
    const top = root(state);
    if (top) walk(top);
    return found;
}

async function expressionDiagnostics(state, token) {
    const nodes = expressions(state);
    const answers = await Promise.all(nodes.map(n => {
        const text = stringOf(state, n);
        return typeof text === "string" && text.trim() !== "" && text.length <= 2000 ? checkExpression(text, token) : null;
    }));
    return nodes.flatMap((node, i) => {
        const answer = answers[i];
        if (!answer || answer.ok) return [];
        // The column counts in the expression; in the text it starts after the opening quote.
        const from = answer.column ? Math.min(node.from + answer.column, node.to - 1) : node.from;
        return [{ from, to: answer.column ? Math.max(from + 1, node.to - 1) : node.to, severity: "error", source: "expression", message: answer.error }];
    });
}

/// The errors the server gave the last save, by the place each names (data-rule) in this part.
function serverErrors(part) {
    return [...document.querySelectorAll(`#draft-errors li[data-part="${part}"]`)]
        .map(li => ({ place: li.dataset.rule, message: li.dataset.message }));
}

function diagnosticsOf(part, token, fromServer) {
    const parse = jsonParseLinter();
    return async view => {
        const state = view.state;
        treeOf(state);
        const server = fromServer.map(e => ({ ...placeOf(state, part, e.place, e.message), severity: "error", source: "server (last save)", message: `${e.place}: ${e.message}` }));
        const syntax = parse(view);
        if (syntax.length > 0 || state.doc.length === 0) return [...syntax, ...server];
        let value;
        try {
            value = JSON.parse(state.doc.toString());
        } catch {
            return server;
        }
        const validator = validatorFor(part);
        const shape = validator ? schemaDiagnostics(state, validator, value) : [];
        const checks = part === "workflows" ? await expressionDiagnostics(state, token) : [];
        // The text may have changed while the server answered: then this round is dropped.
        if (view.state.doc !== state.doc) return [];
        return [...syntax, ...shape, ...checks, ...server];
    };
}

/// Department ids from the departments editor, offered where a rule names a department.
function departmentIds(views) {
    return path => {
        const last = path[path.length - 1], before = path[path.length - 2];
        if (!(last === "department" || last === "fallbackDepartment" || before === "notify")) return [];
        const departments = views.get("departments");
        if (!departments) return [];
        try {
            return JSON.parse(departments.state.doc.toString()).filter(d => typeof d?.id === "string").map(d => ({ value: d.id, info: d.name }));
        } catch {
            return [];
        }
    };
}

/// Says how many problems an editor has, for screen readers, after the lint settles.
function announcer(part, label, status) {
    let last = "";
    return EditorView.updateListener.of(update => {
        let errors = 0, first = null;
        forEachDiagnostic(update.state, d => {
            errors++;
            first ??= d;
        });
        const text = errors === 0 ? "" : `${label}: ${errors} ${errors === 1 ? "problem" : "problems"}, the first on line ${update.state.doc.lineAt(first.from).number}: ${first.message}`;
        if (text !== last) {
            last = text;
            status.textContent = text;
        }
    });
}

function enhance(textarea, views, token, nonce, active) {
    const part = textarea.dataset.rulesPart;
    const label = document.querySelector(`label[for="${textarea.id}"]`);
    // The label names the editor now; the textarea, hidden, only carries the text to the server.
    label.id ||= `${textarea.id}-label`;
    label.removeAttribute("for");
    const wrapper = document.createElement("div");
    wrapper.className = "rules-editor";
    const status = document.createElement("p");
    status.className = "visually-hidden";
    // A live region without the status role: the page's own status (a publish, a replay) stays the one.
    status.setAttribute("aria-live", "polite");
    status.setAttribute("aria-atomic", "true");
    status.id = `${textarea.id}-status`;

    const rows = Number(textarea.getAttribute("rows")) || 10;
    // tabindex: already a tab stop as contenteditable; said so that checkers (axe) see the scrolled region can be reached.
    const contentAttributes = { "aria-labelledby": label.id, "aria-multiline": "true", tabindex: "0" };
    if (textarea.getAttribute("aria-describedby")) contentAttributes["aria-describedby"] = textarea.getAttribute("aria-describedby");
    if (textarea.getAttribute("aria-invalid") === "true") contentAttributes["aria-invalid"] = "true";

    const view = new EditorView({
        parent: wrapper,
        state: EditorState.create({
            doc: textarea.value,
            extensions: [
                basicSetup,
                json(),
                jsonLanguage.data.of({ autocomplete: schemaCompletion(() => schema, part, departmentIds(views)) }),
                linter(diagnosticsOf(part, token, serverErrors(part)), {
                    delay: 600,
                    needsRefresh: update => update.transactions.some(t => t.effects.some(e => e.is(schemaArrived))),
                }),
                lintGutter(),
                EditorView.cspNonce.of(nonce),
                EditorView.contentAttributes.of(contentAttributes),
                EditorView.theme({ "&": { height: `${rows * 1.45}em` } }),
                EditorView.updateListener.of(update => {
                    if (update.docChanged) textarea.value = update.state.doc.toString();
                }),
                announcer(part, label.textContent, status),
            ],
        }),
    });
    views.set(part, view);
    textarea.after(wrapper, status);
    textarea.hidden = true;
    label.addEventListener("click", () => view.focus());

    if (active?.[part] !== undefined) wrapper.after(comparison(part, label.textContent, view, active, nonce));
}

/// A button that shows, under the editor, the active version's text beside the edited one.
function comparison(part, label, view, active, nonce) {
    const box = document.createElement("div");
    box.className = "rules-compare";
    const button = document.createElement("button");
    button.type = "button";
    button.setAttribute("aria-expanded", "false");
    const shown = document.createElement("div");
    shown.className = "rules-merge";
    shown.hidden = true;
    const name = `Compare ${part} with the active v${active.version}`;
    button.textContent = name;
    let merge = null;
    button.addEventListener("click", () => {
        if (merge) {
            merge.destroy();
            merge = null;
            shown.hidden = true;
            button.textContent = name;
            button.setAttribute("aria-expanded", "false");
            return;
        }
        const readOnly = (who) => [basicSetup, json(), EditorState.readOnly.of(true), EditorView.editable.of(false), EditorView.cspNonce.of(nonce),
            EditorView.contentAttributes.of({ "aria-label": `${label}, ${who} (read-only)`, tabindex: "0" })];
        merge = new MergeView({
            a: { doc: active[part], extensions: readOnly(`the active v${active.version}`) },
            b: { doc: view.state.doc.toString(), extensions: readOnly("as edited") },
            parent: shown,
            collapseUnchanged: { margin: 3, minSize: 6 },
            gutter: true,
        });
        shown.hidden = false;
        button.textContent = "Hide the comparison";
        button.setAttribute("aria-expanded", "true");
    });
    box.append(button, shown);
    return box;
}

function start() {
    const textareas = [...document.querySelectorAll("textarea[data-rules-part]")];
    if (textareas.length === 0 || textareas[0].hidden) return;
    const nonce = document.querySelector('meta[name="csp-nonce"]')?.content ?? "";
    const form = textareas[0].form;
    const token = form.querySelector('input[name="__RequestVerificationToken"]')?.value ?? "";
    const activeData = document.getElementById("active-ruleset");
    const active = activeData ? JSON.parse(activeData.textContent) : null;
    const views = new Map();
    for (const textarea of textareas) enhance(textarea, views, token, nonce, active);
    // The text goes with the form whatever last changed it.
    form.addEventListener("submit", () => views.forEach((view, part) => {
        form.querySelector(`textarea[data-rules-part="${part}"]`).value = view.state.doc.toString();
    }));
    const hint = document.createElement("p");
    hint.className = "hint";
    hint.id = "rules-editor-hint";
    hint.textContent = "The editors check the JSON against the ruleset's schema, and each rule's expression, as you type; " +
        "a problem is underlined at its line (F8 goes to the next, Ctrl-Shift-M lists them). Ctrl-Space completes a property or a value. " +
        "Tab leaves an editor, as it leaves a text box.";
    form.before(hint);
    fetch(SCHEMA_URL, { credentials: "same-origin" }).then(r => r.ok ? r.json() : null).then(s => {
        if (!s) return;
        schema = s;
        validators.clear();
        views.forEach(view => view.dispatch({ effects: schemaArrived.of(null) }));
    }).catch(() => { });
}

start();
