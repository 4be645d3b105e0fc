import type { WorkbookInput } from '../grid';
import type { ProgramModel } from '../model';
import type { RollupSettings } from '../settings';

/** Turns grids into the program model. Never throws on bad cells: problems become issues. */
export function readProgram(_input: WorkbookInput, _settings: RollupSettings): ProgramModel {
  throw new Error('readProgram: being built (issue 3)');
}
