import fs from 'node:fs';
import { SETTINGS_SECTION, settingsMarkdown } from '../src/config.js';

/**
 * Writes the settings table of the README from the table `loadConfig` and `--help` use, between the
 * section's markers; config.test.ts fails while the README and the table differ.
 */
const { begin: BEGIN, end: END } = SETTINGS_SECTION;

const readme = new URL('../README.md', import.meta.url);
const text = fs.readFileSync(readme, 'utf8');
const start = text.indexOf(BEGIN);
const end = text.indexOf(END);
if (start < 0 || end < start) {
  process.stderr.write(`README.md has no ${BEGIN} ... ${END} section\n`);
  process.exit(1);
}
fs.writeFileSync(readme, `${text.slice(0, start + BEGIN.length)}\n${settingsMarkdown()}${text.slice(end)}`);
