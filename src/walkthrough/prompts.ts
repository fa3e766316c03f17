/** The prompts the walkthrough asks, as an interface so tests drive it without a terminal. */
export interface Choice<T extends string> {
  name: string;
  value: T;
  description?: string;
}

export interface Prompts {
  select<T extends string>(question: { message: string; choices: ReadonlyArray<Choice<T>>; default?: T }): Promise<T>;
  confirm(question: { message: string; default?: boolean }): Promise<boolean>;
  input(question: { message: string; validate?: (value: string) => true | string }): Promise<string>;
}

/**
 * Inquirer's three prompts, loaded only when a walkthrough starts so the one-shot check never pays
 * for them. Each from its own package: @inquirer/prompts also brings the editor prompt, whose
 * character-set tables were a third of the CLI bundle.
 */
export async function inquirerPrompts(): Promise<Prompts> {
  const [{ default: confirm }, { default: input }, { default: select }] = await Promise.all([
    import('@inquirer/confirm'),
    import('@inquirer/input'),
    import('@inquirer/select'),
  ]);
  return {
    select: (question) => select({ message: question.message, choices: question.choices.map((choice) => ({ ...choice })), default: question.default, pageSize: 8 }),
    confirm: (question) => confirm(question),
    input: (question) => input(question),
  };
}

/** Ctrl-C (or a closed terminal) at a prompt: inquirer rejects with an ExitPromptError. */
export function isPromptExit(error: unknown): boolean {
  return error instanceof Error && error.name === 'ExitPromptError';
}
