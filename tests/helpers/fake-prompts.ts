import type { Choice, Prompts } from '../../src/walkthrough/prompts.js';

export type Answer =
  | { select: string; message?: RegExp }
  | { confirm: boolean; message?: RegExp }
  | { input: string; message?: RegExp };

export interface AskedQuestion {
  kind: 'select' | 'confirm' | 'input';
  message: string;
  choices?: string[];
}

/** Ctrl-C as inquirer reports it. */
export class ExitPromptError extends Error {
  override name = 'ExitPromptError';
}

/**
 * Prompts that answer from a script, in order, and record what was asked. A question the script
 * did not expect fails the test; running out of answers is Ctrl-C.
 */
export function scriptedPrompts(answers: Answer[]): Prompts & { asked: AskedQuestion[] } {
  const queue = [...answers];
  const asked: AskedQuestion[] = [];
  const next = (kind: AskedQuestion['kind'], message: string) => {
    const answer = queue.shift();
    if (!answer) throw new ExitPromptError('User force closed the prompt with SIGINT');
    if (!(kind in answer)) throw new Error(`expected a ${Object.keys(answer)[0]} prompt, got ${kind}: ${message}`);
    if (answer.message && !answer.message.test(message)) throw new Error(`prompt "${message}" does not match ${answer.message}`);
    return answer;
  };
  return {
    asked,
    async select<T extends string>(question: { message: string; choices: ReadonlyArray<Choice<T>> }) {
      asked.push({ kind: 'select', message: question.message, choices: question.choices.map((c) => c.value) });
      const answer = next('select', question.message) as { select: string };
      if (!question.choices.some((c) => c.value === answer.select)) throw new Error(`no choice ${answer.select} in ${question.choices.map((c) => c.value)}`);
      return answer.select as T;
    },
    async confirm(question) {
      asked.push({ kind: 'confirm', message: question.message });
      return (next('confirm', question.message) as { confirm: boolean }).confirm;
    },
    async input(question) {
      asked.push({ kind: 'input', message: question.message });
      const value = (next('input', question.message) as { input: string }).input;
      const valid = question.validate?.(value) ?? true;
      if (valid !== true) throw new Error(`input refused: ${valid}`);
      return value;
    },
  };
}
