// The boundary between a wasm bundle and its JS glue, as wasm-bindgen writes it, made smaller
// (scripts/postbuild.mjs runs both before and after wasm-opt).
//
// `withoutExports`: exports nothing of ours calls. Leptos always builds server_fn's browser client, which
// brings wasm-streams, whose three `#[wasm_bindgen]` classes (adapters between Rust streams and the web's
// ReadableStream/WritableStream) are exported, so their code can't be dropped: 1.3 KB gzip of every
// bundle. Without the exports, wasm-opt drops it; and their classes in the glue are no longer exported,
// so terser drops them too (0.4 KB gzip).
//
// `shortenNames`: gives the names on the boundary one or two letters each, in both. wasm-bindgen names
// each import after its function and a hash (`__wbg_appendChild_8204974b7328bf98`), which gzip can't
// shorten: 130 of them, and the exports' names, were 3.3 KB gzip of the resident wasm and 1.9 KB of its
// glue, on every first view (README, Size). Emscripten does the same with binaryen's
// `--minify-imports-and-exports-and-modules`; run here as a second wasm-opt pass, its rewriting of the
// whole module cost 0.9 KB of what it saved, so only the import and export sections are rewritten here and
// every other byte is kept as wasm-opt wrote it.
//   import { shortenNames, withoutExports } from "./wasm-boundary.mjs";
//   const trimmed = withoutExports(wasmBytes, glueText, ["intounderlying"]); // then terser and wasm-opt
//   const { wasm, glue } = shortenNames(optimizedBytes, glueText);
const IMPORT_SECTION = 2;
const EXPORT_SECTION = 7;

const readLeb = (bytes, at) => {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
};
const leb = (value) => {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Buffer.from(out);
};
const name = (text) => {
  const bytes = Buffer.from(text, "utf8");
  return Buffer.concat([leb(bytes.length), bytes]);
};
const readName = (bytes, at) => {
  const [length, start] = readLeb(bytes, at);
  return [bytes.subarray(start, start + length).toString("utf8"), start + length];
};
// Where an import's description ends: a function's type, a table's type and limits, a memory's limits,
// a global's type and mutability, a tag's attribute and type (the binary format, section 5.5.5).
const afterLimits = (bytes, at) => {
  const flags = bytes[at];
  let next = readLeb(bytes, at + 1)[1];
  if (flags & 1) next = readLeb(bytes, next)[1];
  return next;
};
const afterDescription = (bytes, at) => {
  const kind = bytes[at];
  if (kind === 0) return readLeb(bytes, at + 1)[1];
  if (kind === 1) return afterLimits(bytes, at + 2);
  if (kind === 2) return afterLimits(bytes, at + 1);
  if (kind === 3) return at + 3;
  if (kind === 4) return readLeb(bytes, at + 2)[1];
  throw new Error(`wasm-boundary: an import of unknown kind ${kind}`);
};

const LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const shortName = (n) => {
  let text = "";
  do {
    text = LETTERS[n % LETTERS.length] + text;
    n = Math.floor(n / LETTERS.length) - 1;
  } while (n >= 0);
  return text;
};
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
// The name as a whole word of the glue (a property, a key or a string), never inside a longer name.
const word = (text) => new RegExp(`(?<![\\w$])${escape(text)}(?![\\w$])`, "g");

// The module's sections as byte ranges, and where its import and export sections are among them.
const sectionsOf = (wasm) => {
  const sections = [wasm.subarray(0, 8)];
  const pending = [];
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, start] = readLeb(wasm, at + 1);
    const end = start + size;
    if (id === IMPORT_SECTION || id === EXPORT_SECTION) pending.push([sections.length, id, start, end]);
    sections.push(wasm.subarray(at, end));
    at = end;
  }
  return [sections, pending];
};
// Each entry of an export section starting at `start`: its name, and where the entry starts and ends.
function* exportsIn(wasm, start) {
  let [count, cursor] = readLeb(wasm, start);
  for (; count > 0; count--) {
    const [exported, afterName] = readName(wasm, cursor);
    const end = readLeb(wasm, afterName + 1)[1];
    yield [exported, cursor, end];
    cursor = end;
  }
}
const section = (id, count, parts) => {
  const body = Buffer.concat([leb(count), ...parts]);
  return Buffer.concat([Buffer.from([id]), leb(body.length), body]);
};

/** Returns the bundle without the exports whose names start with one of `prefixes` (after wasm-bindgen's
 *  `__wbg_`), the glue (as wasm-bindgen wrote it) without exporting their classes, and the names dropped.
 *  Throws when no export starts so, or the glue's classes are not as expected: the step would do nothing,
 *  and should go (when Leptos stops bringing wasm-streams) or be looked at again. */
export const withoutExports = (wasm, glue, prefixes) => {
  const [sections, pending] = sectionsOf(wasm);
  const dropped = [];
  for (const [index, id, start] of pending.filter(([, id]) => id === EXPORT_SECTION)) {
    const kept = [];
    for (const [exported, from, to] of exportsIn(wasm, start)) {
      if (prefixes.some((prefix) => exported.replace(/^__wbg_/, "").startsWith(prefix))) dropped.push(exported);
      else kept.push(wasm.subarray(from, to));
    }
    sections[index] = section(id, kept.length, kept);
  }
  if (!dropped.length) throw new Error(`wasm-boundary: no export starts with ${prefixes.join(" or ")}`);
  let text = glue;
  const classes = [...glue.matchAll(/^export class (\w+) \{$/gm)].map((m) => m[1]).filter((c) => prefixes.some((p) => c.toLowerCase().startsWith(p)));
  if (!classes.length) throw new Error(`wasm-boundary: the glue exports no class named ${prefixes.join(" or ")}`);
  for (const name of classes) {
    // Unexported, and with nothing else holding it: the class, its `Symbol.dispose` and its finalizer.
    const edits = [
      [`export class ${name} {`, `class ${name} {`],
      [`if (Symbol.dispose) ${name}.prototype[Symbol.dispose] = ${name}.prototype.free;`, ""],
      [new RegExp(`^const ${name}Finalization = [^;]*;$`, "m"), ""],
    ];
    for (const [from, to] of edits) {
      const found = typeof from === "string" ? text.split(from).length - 1 : (text.match(new RegExp(from, "gm")) || []).length;
      if (found !== 1) throw new Error(`wasm-boundary: expected ${from} once in the glue, found it ${found} times`);
      text = text.replace(from, to);
    }
  }
  return { wasm: Buffer.concat(sections), glue: text, dropped };
};

/** Returns the bundle and its glue with short names on the boundary. Throws, and so fails the build, when
 *  the glue does not name an import or a module the wasm asks for: the bundle would not start. */
export const shortenNames = (wasm, glue) => {
  const renamed = new Map();
  const modules = new Map();
  const kept = new Set();
  const [sections, pending] = sectionsOf(wasm);
  // Exports the glue never names (the Rust `main`, wasm-bindgen's markers) keep their names; the short
  // names must not collide with them.
  for (const [, id, start] of pending.filter(([, id]) => id === EXPORT_SECTION)) {
    for (const [exported] of exportsIn(wasm, start)) if (!word(exported).test(glue)) kept.add(exported);
  }
  let counter = 0;
  const next = () => {
    let candidate;
    do candidate = shortName(counter++);
    while (kept.has(candidate));
    return candidate;
  };
  const shorten = (original) => {
    if (kept.has(original)) return original;
    if (!renamed.has(original)) renamed.set(original, next());
    return renamed.get(original);
  };
  for (const [index, id, start, end] of pending) {
    let [count, cursor] = readLeb(wasm, start);
    const total = count;
    const parts = [];
    for (; count > 0; count--) {
      if (id === IMPORT_SECTION) {
        const [module, afterModule] = readName(wasm, cursor);
        const [imported, afterName] = readName(wasm, afterModule);
        if (!modules.has(module)) modules.set(module, next());
        const described = afterDescription(wasm, afterName);
        parts.push(name(modules.get(module)), name(shorten(imported)), wasm.subarray(afterName, described));
        cursor = described;
      } else {
        const [exported, afterName] = readName(wasm, cursor);
        const described = readLeb(wasm, afterName + 1)[1];
        parts.push(name(shorten(exported)), wasm.subarray(afterName, described));
        cursor = described;
      }
    }
    if (cursor !== end) throw new Error("wasm-boundary: a section did not end where its size said");
    sections[index] = section(id, total, parts);
  }
  let text = glue;
  for (const [module, short] of modules) {
    const quoted = new RegExp(`(["'])${escape(module)}\\1`, "g");
    if (!quoted.test(text)) throw new Error(`wasm-boundary: the glue does not name the module ${module}`);
    text = text.replace(quoted, `"${short}"`);
  }
  for (const [original, short] of renamed) {
    const pattern = word(original);
    if (!pattern.test(text)) throw new Error(`wasm-boundary: the glue does not name ${original}`);
    text = text.replace(pattern, short);
  }
  return { wasm: Buffer.concat(sections), glue: text };
};
