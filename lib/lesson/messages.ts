/**
 * Every notebook (and the train command): the one catalogue of what a learner's error says.
 *
 * An InputError (errors.ts) is made from a code and its parameters, `new InputError("not-positive",
 * { what: "learningRate", v: -1 })`; this table turns them into the Korean sentence and its English
 * twin, which errors.ts joins as "한국어 / English" on one line, Korean first. Tests and displays look at
 * the code, never at the wording, so a sentence here can be improved without touching them.
 *
 * Codes are English, lower-case words joined by "-": a general check says what is wrong with the value
 * ("not-finite", "out-of-range", "vector-length"); a check that belongs to one function or file starts
 * with its subject ("csv-…", "network-file-…", "classifier-…", "optimizer-…", "surface-…"). A code is
 * never renamed or reused for another meaning: add a new one. A parameter is a value as the learner
 * should see it (a number, or text made with describe()); the sentence decides where it goes.
 * test/messages.test.ts checks that every entry is used, that every code used is here, and that each
 * entry renders Korean first, on one line, with an English half.
 *
 * The entries live in messages/ by room (core, beyond, display, files); what they share in messages/common.ts.
 * Nothing here imports outside lib/lesson/: the lesson core runs in the browser too.
 */
import { Text } from "./messages/common";
import { CORE_MESSAGES } from "./messages/core";
import { BEYOND_MESSAGES } from "./messages/beyond";
import { DISPLAY_MESSAGES } from "./messages/display";
import { FILE_MESSAGES } from "./messages/files";

export { DotOperand, REASONS, Reason, Text, arrayArithmeticHint, quotedNumberHint } from "./messages/common";
export { BEYOND_MESSAGES, CORE_MESSAGES, DISPLAY_MESSAGES, FILE_MESSAGES };

/** The catalogue: code → (parameters) → { ko, en }; test/messages.test.ts checks that no code is in two parts. */
export const MESSAGES = { ...CORE_MESSAGES, ...BEYOND_MESSAGES, ...DISPLAY_MESSAGES, ...FILE_MESSAGES };

/** Every code an InputError can have. */
export type ErrorCode = keyof typeof MESSAGES;

/** The arguments of `new InputError(…)`: a code, then its parameters if its entry reads any. */
export type ErrorArgs = {
  [C in ErrorCode]: [code: C, ...params: Parameters<(typeof MESSAGES)[C]>];
}[ErrorCode];

/** The sentence for a code and its parameters, both languages. */
export function messageText(...[code, params]: ErrorArgs): Text {
  return (MESSAGES[code] as (p: unknown) => Text)(params);
}
