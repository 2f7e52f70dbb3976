/** Flags shared by the `trellis org` commands. */
import { Messages } from '@salesforce/core';
import { Flags } from '@salesforce/sf-plugins-core';
import { DEFAULT_DATA_DIR, DEFAULT_PORT } from './control.ts';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('trellis-prm', 'org');

export const dataDirFlag = Flags.directory({
  summary: messages.getMessage('flags.data-dir.summary'),
  default: DEFAULT_DATA_DIR,
});
export const portFlag = Flags.integer({
  summary: messages.getMessage('flags.port.summary'),
  default: DEFAULT_PORT,
  min: 0,
  max: 65535,
});
export const projectDirFlag = Flags.directory({
  summary: messages.getMessage('flags.project-dir.summary'),
  default: '.',
  exists: true,
});
export const aliasFlagSummary = messages.getMessage('flags.alias.summary');
export const noSetDefaultSummary = messages.getMessage('flags.no-set-default.summary');
export const faultPercentFlag = Flags.integer({
  summary: messages.getMessage('flags.fault-percent.summary'),
  min: 0,
  max: 100,
  default: 0,
});
export const faultKindsFlag = Flags.string({ summary: messages.getMessage('flags.fault-kinds.summary') });
