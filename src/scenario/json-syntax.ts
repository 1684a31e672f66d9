// Strict JSON syntax check for `.json` scenario files. The YAML parser accepts any JSON, but
// also much that JSON forbids (comments, single quotes, trailing commas, bare words), and
// engines word `JSON.parse` errors differently and often without a position; this scanner
// finds the first offence and where it is. It runs without recursion, so depth is no danger.

export interface JsonSyntaxError {
  offset: number;
  message: string;
}

type State = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'after-value';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

function describeChar(text: string, i: number): string {
  if (i >= text.length) return 'the end of the file';
  const c = text[i]!;
  if (c === '\n' || c === '\r') return 'a line break';
  if (c === "'") return "a single quote (JSON strings use double quotes)";
  if (c === '/') return "'/' (JSON has no comments)";
  return `'${c}'`;
}

/** The first JSON syntax error in `text`, or null when it is one valid JSON value. */
export function jsonSyntaxError(text: string): JsonSyntaxError | null {
  const stack: ('{' | '[')[] = [];
  let state: State = 'value';
  let i = 0;
  const n = text.length;
  const fail = (offset: number, expected: string): JsonSyntaxError => ({
    offset,
    message: `JSON syntax: expected ${expected}, found ${describeChar(text, offset)}`,
  });

  for (;;) {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
    const c = text[i];
    switch (state) {
      case 'value':
      case 'value-or-close': {
        if (state === 'value-or-close' && c === ']') {
          stack.pop();
          i++;
          state = 'after-value';
          break;
        }
        if (c === '{') {
          stack.push('{');
          i++;
          state = 'key-or-close';
        } else if (c === '[') {
          stack.push('[');
          i++;
          state = 'value-or-close';
        } else if (c === '"') {
          const end = scanString(text, i);
          if (typeof end !== 'number') return end;
          i = end;
          state = 'after-value';
        } else if (c === 't' || c === 'f' || c === 'n') {
          const word = c === 't' ? 'true' : c === 'f' ? 'false' : 'null';
          if (!text.startsWith(word, i)) return fail(i, 'a value');
          i += word.length;
          state = 'after-value';
        } else {
          NUMBER.lastIndex = i;
          if (c === undefined || !NUMBER.test(text)) return fail(i, 'a value (text in double quotes, a number, true, false, null, { or [)');
          i = NUMBER.lastIndex;
          state = 'after-value';
        }
        break;
      }
      case 'key':
      case 'key-or-close': {
        if (state === 'key-or-close' && c === '}') {
          stack.pop();
          i++;
          state = 'after-value';
          break;
        }
        if (c !== '"') return fail(i, state === 'key' ? 'a field name in double quotes (no comma after the last field)' : 'a field name in double quotes or }');
        const end = scanString(text, i);
        if (typeof end !== 'number') return end;
        i = end;
        state = 'colon';
        break;
      }
      case 'colon':
        if (c !== ':') return fail(i, "':' after the field name");
        i++;
        state = 'value';
        break;
      case 'after-value': {
        const top = stack[stack.length - 1];
        if (top === undefined) return i < n ? fail(i, 'the end of the file after the JSON value') : null;
        if (c === ',') {
          i++;
          state = top === '{' ? 'key' : 'value';
        } else if ((c === '}' && top === '{') || (c === ']' && top === '[')) {
          stack.pop();
          i++;
        } else {
          return fail(i, top === '{' ? "',' or '}'" : "',' or ']'");
        }
        break;
      }
    }
  }
}

/** Offset just past the closing quote of the string opening at `start`, or the error. */
function scanString(text: string, start: number): number | JsonSyntaxError {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c === 0x0a || c === 0x0d) {
      // JSON text ends on its line (this is the first line break since it opened), so a line
      // break in it is most often a closing quote left out.
      const column = start - text.lastIndexOf('\n', start);
      return {
        offset: i,
        message: `JSON syntax: the text in double quotes that opens in column ${column} of this line runs into the line's end; put a closing " where it ends (a line break inside text is written \\n)`,
      };
    }
    if (c < 0x20) {
      return { offset: i, message: 'JSON syntax: a line break or control character inside text; write it as an escape such as \\n' };
    }
    if (c === 0x5c) {
      const next = text[i + 1];
      if (next === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          return { offset: i, message: 'JSON syntax: \\u must be followed by four hex digits' };
        }
        i += 6;
        continue;
      }
      if (next === undefined || !ESCAPES.has(next)) {
        return { offset: i, message: `JSON syntax: unknown escape \\${next ?? ''} in text` };
      }
      i += 2;
      continue;
    }
    i++;
  }
  return { offset: start, message: 'JSON syntax: text opened here is never closed with a double quote' };
}
