import { ChecklistError, parseChecklist } from '../../src/checklist/load.js';

/** The one-line message a broken checklist gets; fails the test when the checklist loads. */
export function checklistErrorOf(text: string): string {
  try {
    parseChecklist(text, 'mine.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(ChecklistError);
    return (error as Error).message;
  }
  throw new Error('expected a ChecklistError');
}
